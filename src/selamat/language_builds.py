"""Builds the site's other languages in forked processes while the default language builds, so
`mkdocs build` uses a second core. mkdocs-static-i18n builds the languages one after the other: the
default one first, then each other one from inside its post-build step. Here a forked copy of the build
process starts each other language as soon as the site folder is clean, with what static-i18n would have
done, and static-i18n's own call for that language waits for the copy and takes over what the copy's
build left in memory instead (its search entries, and what the build state keeps with `kept()`).

What a language build leaves in memory for the last step of the whole build lives in `kept()` objects:
sets, dicts and objects with a `merge` method are merged back into the parent; `Files` (images made in
worker processes) are finished in the copy itself. The copy's log lines are shown by the parent when it
takes over (never, if the parent stopped first on a content error of its own); an error in the copy (a
warning in strict mode included) stops the whole build with the same exception.

Only for one `mkdocs build` process with no other thread running: `mkdocs serve` and other callers build
one language after the other as before (a forked copy of a process with threads can hang on a lock one
of them held). SELAMAT_PARALLEL_LANGUAGES=0 turns it off."""
from __future__ import annotations

import logging
import os
import pickle
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import background
from .background import Files

T = TypeVar("T")

_kept: dict[str, Any] = {}


def kept(name: str, factory: Callable[[], T]) -> T:
    """State the build keeps from each language's build for the end of the whole build (a set, a dict, an
    object with `merge(other)`, or `Files`), under a unique name. Called by BuildState (build_state.py)
    when each build starts; the latest object made under a name is the one handed over."""
    _kept[name] = factory()
    return _kept[name]


@dataclass
class _Child:
    pid: int
    report: Path  # where the copy writes its handover


_children: dict[str, _Child] = {}
_command: dict[str, bool] = {}  # {"dirty": ...} once MkDocs has started a command that may fork


def allow(command: str, dirty: bool) -> None:
    """Called at startup with the MkDocs command."""
    _command.clear()
    if command in ("build", "gh-deploy"):
        _command["dirty"] = dirty


def allowed() -> bool:
    return (bool(_command) and hasattr(os, "fork") and threading.active_count() == 1
            and background.idle() and os.environ.get("SELAMAT_PARALLEL_LANGUAGES", "1") != "0")


def dirty() -> bool:
    """`mkdocs build --dirty`: the site folder is not cleaned first."""
    return _command.get("dirty", False)


def start(languages: list[str], build_one: Callable[[str], list]) -> None:
    """Fork one copy per language in `languages`; the copy runs `build_one(language)`, which builds
    that language and returns its search entries, then hands over and exits."""
    for lang in languages:
        handle, name = tempfile.mkstemp(prefix=f"selamat-{lang}-", suffix=".pickle")
        os.close(handle)
        report = Path(name)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the copy
            os._exit(_run_child(lang, build_one, report))
        _children[lang] = _Child(pid, report)


def _run_child(lang: str, build_one: Callable[[str], list], report: Path) -> int:
    _children.clear()
    _command.clear()  # a copy forks no further copies
    records = _hold_log_records()
    try:
        entries = build_one(lang)
        for value in _kept.values():
            if isinstance(value, Files):
                value.finish()
        handover = {"entries": entries, "kept": {k: v for k, v in _kept.items() if not isinstance(v, Files)}}
    except BaseException as error:  # noqa: BLE001 - every failure goes to the parent, which raises it
        handover = {"error": _picklable(error), "traceback": "" if _is_expected(error) else traceback.format_exc()}
    finally:
        background.shutdown()
    handover["log"] = records
    try:
        report.write_bytes(pickle.dumps(handover))
    except Exception:  # noqa: BLE001
        report.write_bytes(pickle.dumps({"error": RuntimeError(traceback.format_exc()), "log": []}))
    return 0


class _Holder(logging.Handler):
    """Keeps the copy's log records for the parent, which shows (and, in strict mode, counts) them
    when it takes the copy's work over, in order, and never if the parent stopped first (a content
    error the parent reports)."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if self.records and self.records[-1] is record:
            return  # the same record, once on "mkdocs" and once on the root logger
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = None
        self.records.append(record)


def _engine() -> str:
    """The engine's logger name: "mkdocs", or "properdocs" under ProperDocs, which answers `import mkdocs`
    with itself and logs on "properdocs" (its "mkdocs" logger passes records up to that one)."""
    import mkdocs

    return mkdocs.__name__


def _hold_log_records() -> list[logging.LogRecord]:
    holder = _Holder()
    loggers = dict.fromkeys(["", "mkdocs", _engine()])  # the engine's own does not propagate
    for logger in map(logging.getLogger, loggers):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(holder)
    return holder.records


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(error).__name__}: {error}")


def _is_expected(error: BaseException) -> bool:
    """Errors MkDocs reports as a message, without a traceback."""
    from click import ClickException
    from mkdocs.exceptions import MkDocsException

    return isinstance(error, (ClickException, MkDocsException))


def building(lang: str) -> bool:
    return lang in _children


def join(lang: str) -> list:
    """Wait for the copy building `lang`; merge what it kept into this process and return its search
    entries, or raise its error."""
    child = _children.pop(lang)
    _, status = os.waitpid(child.pid, 0)
    try:
        handover = pickle.loads(child.report.read_bytes()) if child.report.stat().st_size else None
    finally:
        child.report.unlink(missing_ok=True)
    for record in handover.get("log", []) if handover else []:
        logging.getLogger(record.name).handle(record)
    if handover is None:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"The build of the '{lang}' pages stopped without finishing (exit status {status}).")
    if "error" in handover:
        sys.stderr.write(handover.get("traceback", ""))
        raise handover["error"]
    for name, value in handover["kept"].items():
        mine = _kept.get(name)
        if isinstance(mine, (set, dict)):
            mine.update(value)
        elif hasattr(mine, "merge"):
            mine.merge(value)
        else:
            _kept[name] = value
    return handover["entries"]


def stop_all() -> None:
    """After an error in the parent: stop the copies and forget them."""
    for child in _children.values():
        try:
            os.kill(child.pid, 9)
            os.waitpid(child.pid, 0)
        except OSError:
            pass
        child.report.unlink(missing_ok=True)
    _children.clear()


def quiet_inner_build_messages() -> None:
    """As static-i18n does for the languages it builds inside the first: no second "Documentation built
    in" line."""
    logging.getLogger(f"{_engine()}.commands.build").addFilter(
        lambda record: not str(record.msg).startswith(("Documentation built in", "Building documentation to directory",
                                                       "Cleaning site directory")))
