"""The release notes a version needs beside its data: its CHANGELOG.md section and CITATION.cff.

`make diff` and `make check` ask for them, so that a contributor learns what CI will say before CI
says it. A section is `## VERSION (YYYY-MM-DD)`, dated the descriptor's `created` day, holding a
`- Contents:` line and a `- Checks:` line with the package's own counts (the tool writes both lines
for you) and naming, in backticks, every figure the change adds, removes, edits or corrects.
An id in backticks that no table of the package knows is a typo, and the figure's page would miss
the entry. CITATION.cff carries the same version, date and download address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..data.changelog import CODE, HEADING, KOREAN
from ..data.checks import OUTCOMES
from ..data.package import CHANGELOG, Package
from ..data.problem import did_you_mean
from .diff import PackageDiff
from .releases import archive_address

CITATION = "CITATION.cff"
# The counts a section's contents line states, in its order: (noun, how many the package has).
COUNTED = (
    ("figure", lambda p: len(p.figures)),
    ("topic", lambda p: len(p.topics)),
    ("unit", lambda p: len(p.units)),
    ("source", lambda p: len(p.sources)),
    ("check", lambda p: len(p.checks)),
    ("correction", lambda p: len(p.corrections)),
)
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


@dataclass(frozen=True)
class Note:
    """One thing missing or wrong in the release notes, located as file:line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def counted(noun: str, n: int) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def contents_line(package: Package) -> str:
    """The `- Contents:` line the package's section must hold."""
    return "- Contents: " + ", ".join(counted(noun, count(package)) for noun, count in COUNTED) + "."


def checks_line(package: Package) -> str:
    """The `- Checks:` line: how many checks hold and how many fail as the release does."""
    held, failed = (sum(o.status == status for o in package.outcomes) for status in OUTCOMES)
    return f"- Checks: {held} hold, {failed} {'fails' if failed == 1 else 'fail'} as the release itself does."


def _known_ids(*packages: Package) -> set[str]:
    """Every id any table of either package has, and the column and resource names."""
    ids: set[str] = set()
    for package in packages:
        ids |= set(package.figures) | set(package.topics) | set(package.units) | set(package.sources)
        ids |= {c.id for c in package.checks} | {c.id for c in package.corrections}
        ids |= {t.id for t in package.terms} | set(package.tables)
        ids |= {column for name in package.tables for column in package.columns(name)}
    return ids


def _section(lines: list[str], version: str) -> tuple[int, int, str | None]:
    """(first line, end line, date) of the version's section, 1-based; (0, 0, None) when absent."""
    start, date = 0, None
    for number, line in enumerate(lines, 1):
        heading = HEADING.match(line)
        if heading and start:
            return start, number, date
        if heading and heading["version"] == version:
            start, date = number, heading["date"]
    return (start, len(lines) + 1, date) if start else (0, 0, None)


def changelog_notes(diff: PackageDiff) -> list[Note]:
    """What the new version's CHANGELOG.md section lacks or gets wrong; what it must name is asked
    only of a new version (an unbumped change is told to bump first)."""
    new = diff.new
    path = repository_of(new) / CHANGELOG
    if not path.is_file():
        return [Note(CHANGELOG, 1, "missing: every release has its section there")]
    lines = path.read_text(encoding="utf-8").splitlines()
    day = new.created.isoformat() if new.created else "YYYY-MM-DD"
    start, end, date = _section(lines, new.version)
    first = next((n for n, line in enumerate(lines, 1) if HEADING.match(line)), len(lines) + 1)
    if not start:
        return [
            Note(
                CHANGELOG,
                first,
                f"no section for {new.version}: add `## {new.version} ({day})` above this line, "
                f"with a line `한국어: …` (the release in Korean), `{contents_line(new)}`, "
                f"`{checks_line(new)}` and a line naming each changed id in backticks",
            )
        ]
    notes = []
    if date != day:
        notes.append(
            Note(CHANGELOG, start, f"the section for {new.version} is dated {date}; its release day is {day}")
        )
    body = lines[start : end - 1]
    text = "\n".join(body)
    if not any(KOREAN.match(line) for line in body):
        notes.append(
            Note(
                CHANGELOG,
                start,
                f"the section for {new.version} must hold a line `한국어: …`: the release in "
                "Korean, for the Korean changelog page",
            )
        )
    for wanted, prefix in ((contents_line(new), "- Contents:"), (checks_line(new), "- Checks:")):
        if wanted not in text:
            place = next((start + 1 + i for i, line in enumerate(body) if line.startswith(prefix)), start)
            notes.append(
                Note(CHANGELOG, place, f"the section for {new.version} must hold the line `{wanted}`")
            )
    in_items, item = set(), False
    for number, line in enumerate(body, start + 1):
        item = line.startswith("- ") or (item and line.startswith("  ") and bool(line.strip()))
        ids = [token for token in CODE.findall(line) if token in new.figures]
        if item:
            in_items.update(CODE.findall(line))
        elif ids:
            notes.append(
                Note(
                    CHANGELOG,
                    number,
                    f"{', '.join(f'`{i}`' for i in ids)} named outside a `- ` line: a figure's page lists "
                    "only the section's `- ` lines, so start this line with `- `",
                )
            )
    if new.version == diff.old.version:
        return notes
    named = in_items
    changed = [f.id for f in diff.added + diff.removed] + [c.figure for c in diff.changed]
    changed += [c.figure for c in diff.corrections_added + diff.corrections_removed]
    missing = [i for i in dict.fromkeys(changed) if i not in named]
    if missing:
        listed = ", ".join(f"`{i}`" for i in missing)
        notes.append(Note(CHANGELOG, start, f"the section for {new.version} does not name {listed}"))
    known = _known_ids(diff.old, new)
    for number, line in enumerate(body, start + 1):
        for token in CODE.findall(line):
            if ID.fullmatch(token) and token not in known:
                notes.append(
                    Note(
                        CHANGELOG,
                        number,
                        f"`{token}` is not an id in the data package{did_you_mean(token, known)}",
                    )
                )
    return notes


def citation_notes(package: Package) -> list[Note]:
    """What CITATION.cff says that the package does not: version, release date, download address."""
    path = repository_of(package) / CITATION
    if not path.is_file():
        return [Note(CITATION, 1, "missing: it tells citers the version and where it stays")]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()

    def line_of(key: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)

    citation = yaml.safe_load(text) or {}
    notes = []
    if str(citation.get("version")) != package.version:
        notes.append(Note(CITATION, line_of("version"), f"write `version: {package.version}`"))
    if package.created and str(citation.get("date-released")) != package.created.isoformat():
        notes.append(
            Note(CITATION, line_of("date-released"), f"write `date-released: {package.created.isoformat()}`")
        )
    addresses = [i.get("value") for i in citation.get("identifiers") or [] if isinstance(i, dict)]
    if archive_address(package.version) not in addresses:
        number = next(
            (n for n, line in enumerate(lines, 1) if "data/download/" in line), line_of("identifiers")
        )
        notes.append(Note(CITATION, number, f"the download address is `{archive_address(package.version)}`"))
    return notes


def release_notes(diff: PackageDiff) -> list[Note]:
    """Everything the new package's release notes lack, in file order. Nothing while the data changed
    under the old version: the diff asks for the bump first, and the notes follow the new version."""
    if diff.new.version == diff.old.version and not diff.empty:
        return []
    return changelog_notes(diff) + citation_notes(diff.new)


def repository_of(package: Package) -> Path:
    """The folder holding datapackage/, CHANGELOG.md and CITATION.cff."""
    return package.path.resolve().parent.parent
