"""Problems found in the data package, each pinned to a file, a row and a field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, addressed the way a spreadsheet user finds it (row 1 is the header)."""

    path: str
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.row}:{self.field}: {self.message}"


class PackageError(Exception):
    """Raised when the package cannot be trusted; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.row, p.field, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class Refused(Exception):
    """A tool's request turned down before anything was written: one located line per reason."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def display_path(path: Path) -> str:
    """Show a path relative to the working directory when it lies below it, as editors link it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def did_you_mean(name: str, names: Iterable[str]) -> str:
    """ "; did you mean 'x'?" when a known name is close to a mistyped one, else ''."""
    close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.8)
    return f"; did you mean '{close[0]}'?" if close else ""
