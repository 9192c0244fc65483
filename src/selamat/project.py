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
        """The nearest folder upwards that holds both docs/ and data/."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "docs").is_dir() and (folder / "data").is_dir():
                return cls(folder)
        return cls(here)
