"""Files that are slow to make and depend only on their inputs (link preview images, QR codes): each is
kept in a content-addressed cache (.cache/ in the project), so a rebuild only copies it; a missing one
is made in worker processes, on the machine's other cores, while MkDocs goes on rendering pages.

`Files.add()` hands over a file to write; `Files.finish()` waits until every file handed over is written."""
from __future__ import annotations

import atexit
import hashlib
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Optional

_pool: Optional[ProcessPoolExecutor] = None


def _forget_pool() -> None:
    global _pool
    _pool = None


# A forked process (a language built alongside, see language_builds) starts with no pool: the one it
# inherited belongs to its parent, whose threads it does not have.
os.register_at_fork(after_in_child=_forget_pool)


def _workers() -> int:
    """One core fewer than the machine has: MkDocs keeps one busy rendering pages, and a worker
    draws an image faster than MkDocs renders a page, so the queue stays short."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


def pool() -> ProcessPoolExecutor:
    """One pool per process, started on first use and kept for `mkdocs serve` rebuilds. Its workers
    are forked when the process runs no other thread (`mkdocs build`, and serve's first build): they
    start at once and import nothing again. With threads running, a forked copy could hang on a lock
    one of them held, so workers are spawned afresh instead."""
    global _pool
    if _pool is None:
        single = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
        _pool = ProcessPoolExecutor(_workers(), mp_context=multiprocessing.get_context("fork" if single else "spawn"))
        atexit.register(_pool.shutdown, cancel_futures=True)
    return _pool


def idle() -> bool:
    """True while this process has started no worker (a fork now copies no pool)."""
    return _pool is None


def shutdown() -> None:
    """Stop this process's workers (a forked language build, before it exits)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
        _pool = None


def key(*parts: object) -> str:
    """A cache name for a file made from `parts` (everything the file's content depends on)."""
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:16]


BATCH = 32  # files handed to a worker at once: one message each way per batch, not per file


def store(cached: Path, data: bytes) -> None:
    """Put a file in the cache, whole or not at all (another process may be writing the same one)."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, cached)


def _make(make: Callable[..., bytes], args: tuple, cached: Path) -> None:
    """In a worker: make the file and put it in the cache."""
    store(cached, make(*args))


def _make_all(jobs: list[tuple[Callable[..., bytes], tuple, Path]]) -> None:
    for make, args, cached in jobs:
        _make(make, args, cached)


class Files:
    """The files one build writes through the cache."""

    def __init__(self) -> None:
        self._making: dict[Path, Optional[Future]] = {}  # cached file -> the worker's job making it
        self._batch: list[tuple[Callable[..., bytes], tuple, Path]] = []  # not handed to a worker yet
        self._waiting: list[tuple[Path, Path]] = []  # (cached, target) to copy once made
        self._folders: set[Path] = set()

    def add(self, target: Path, cached: Path, make: Callable[..., bytes], *args: object) -> None:
        """Write `target`, a copy of `cached`; when `cached` is missing, `make(*args)` (a module-level
        function, run in a worker) makes its bytes first."""
        if cached not in self._making and cached.exists():
            self._copy(cached, target)
            return
        if cached not in self._making:
            self._making[cached] = None
            self._batch.append((make, args, cached))
            if len(self._batch) >= BATCH:
                self._hand_over()
        self._waiting.append((cached, target))

    def hand_over(self) -> None:
        """Hand the files added so far to a worker now, rather than with the next full batch or at
        `finish()` (after the last file of a kind: otherwise they would wait behind later work)."""
        if self._batch:
            self._hand_over()

    def _hand_over(self) -> None:
        job = pool().submit(_make_all, self._batch)
        for _, _, cached in self._batch:
            self._making[cached] = job
        self._batch = []

    def finish(self) -> None:
        """Wait for the workers, then write every target (a worker's error stops the build here)."""
        try:
            if self._batch:
                self._hand_over()
            for job in set(self._making.values()):
                job.result()
            for cached, target in self._waiting:
                self._copy(cached, target)
        finally:
            self._making.clear()
            self._batch = []
            self._waiting.clear()
            self._folders.clear()

    def _copy(self, cached: Path, target: Path) -> None:
        """A hard link where it can (fifty times faster than a copy here; nothing writes to these
        files once made: a worker replaces a cached file with a new one), else a copy."""
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        try:
            os.link(cached, target)
        except FileExistsError:
            target.unlink()
            os.link(cached, target)
        except OSError:  # another file system, or one without links
            target.write_bytes(cached.read_bytes())
