"""Where the project's folders are, found from the current directory or given explicitly."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @classmethod
    def find(cls, start: Path | None = None) -> "Project":
        """The nearest folder upwards that holds both docs/ and data/ (NotAProject when there is none)."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "docs").is_dir() and (folder / "data").is_dir():
                return cls(folder)
        raise NotAProject(here)


class NotAProject(Exception):
    """`selamat` was run outside a project: no folder upwards holds docs/ and data/."""

    def __init__(self, folder: Path):
        super().__init__(str(folder))
        self.folder = folder


# Said without data/messages.yml, which cannot be found from outside the project.
OUTSIDE = {
    "en": "{folder} is not inside a Selamat project: no folder here or above it holds both docs/ and data/. "
          "Go to the project's folder first (cd path/to/selamat), then run the command again.",
    "ms": "{folder} bukan dalam projek Selamat: tiada folder di sini atau di atasnya yang mengandungi docs/ dan "
          "data/. Pergi ke folder projek dahulu (cd laluan/ke/selamat), kemudian jalankan arahan itu sekali lagi.",
}
