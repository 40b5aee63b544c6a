"""`make release`: the maintainer's step between merged changes and a published version.

Everything it writes is derived: the version (the bump the changes call for, from the diff against the
last release), the day, each correction's row in corrections.csv with that version and day, the
CHANGELOG.md section (its contents and checks entries counted from the package, one entry per change
file, each in English and Korean), `version` and `created` in the descriptor, and CITATION.cff. It
then removes the change files. It refuses, writing nothing, while a change lacks its Korean (the one
thing a person adds here) or the changes do not account for the data (as `make check` says).
Committing what it wrote is the release: the first commit carrying the new version (`releases.py`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..data.changelog import KOREAN_MARK, entry_lines, read_changelog
from ..data.package import CHANGELOG, Package, load_package, repository_root
from ..data.problem import PackageError, Refused
from .diff import bump, compare
from .release_notes import CITATION, checks_entry, contents_entry, release_notes
from .releases import archive_address


class ReleaseRefused(Refused):
    """Why the release cannot be made yet, one located line each; nothing was written."""


@dataclass(frozen=True)
class Released:
    version: str
    level: str
    reasons: list[str]
    day: dt.date
    written: list[str]
    removed: list[str]

    def report(self) -> list[str]:
        return [
            f"release {self.version} ({self.level}: {'; '.join(self.reasons)}), dated {self.day.isoformat()}",
            f"wrote {', '.join(self.written)}",
            f"removed {', '.join(self.removed)}",
            f'make release: done; commit it all now, as one commit: git add -A && git commit -m "Data version {self.version}"',
        ]


def korean_missing(package: Package) -> list[str]:
    """What the release still needs in Korean, one line per change file and field."""
    return [
        f"{change.path}:{field}: write the {field.split('.')[-1].removesuffix('_ko')} in Korean "
        "(the maintainer's step; CONTRIBUTING.md, Writing Korean)"
        for change in package.changes
        for field in change.missing_korean()
    ]


def release(
    released: Package, descriptor: Path, day: dt.date, summary: str = "", summary_ko: str = ""
) -> Released:
    """Release every change waiting in changes/ on top of `released` (the package of the last release)."""
    package = load_package(descriptor)
    if not package.changes:
        raise ReleaseRefused([f"make release: no change waits in changes/; {package.version} is the latest"])
    if package.version != released.version:
        raise ReleaseRefused(
            [f"make release: the descriptor says {package.version}, the last release is {released.version}"]
        )
    refused = korean_missing(package)
    if bool(summary) != bool(summary_ko):
        refused.append("SUMMARY, SUMMARY_KO: give the release's free sentence in both languages, or neither")
    diff = compare(released, package)
    refused += diff.problems
    if refused:
        raise ReleaseRefused(refused)
    level = diff.required or "patch"
    version = bump(released.version, level)
    root = repository_root(descriptor)
    files = {
        path: path.read_bytes()
        for path in (
            descriptor,
            package.resource_path("corrections"),
            root / CHANGELOG,
            root / CITATION,
        )
    }
    removed = [Path(change.path) for change in package.changes]
    kept = {root / path: (root / path).read_bytes() for path in removed}
    try:
        _write_corrections(package, version, day)
        _write_descriptor(descriptor, version, day)
        _write_citation(root / CITATION, released.version, version, day)
        for path in kept:
            path.unlink()
        after = load_package(descriptor)
        _write_section(root / CHANGELOG, after, version, day, package, summary, summary_ko)
        after = load_package(descriptor)
        problems = compare(released, after, day).problems + [
            str(n) for n in release_notes(compare(released, after, day))
        ]
        if problems:
            raise ReleaseRefused(
                ["make release: the release it wrote does not pass; nothing was kept:", *problems]
            )
    except (PackageError, ReleaseRefused) as error:
        for path, content in {**files, **kept}.items():
            path.write_bytes(content)
        if isinstance(error, ReleaseRefused):
            raise
        raise ReleaseRefused([*map(str, error.problems), "make release: nothing was kept"]) from None
    shown = [descriptor, package.resource_path("corrections"), root / CHANGELOG, root / CITATION]
    return Released(
        version,
        level,
        diff.reasons[level],
        day,
        [p.relative_to(root).as_posix() for p in shown],
        [p.as_posix() for p in removed],
    )


def _write_corrections(package: Package, version: str, day: dt.date) -> None:
    path = package.resource_path("corrections")
    columns = package.columns("corrections")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for change in package.changes:
        c = change.correction
        if c is None:
            continue
        cells = {name: getattr(c, name) for name in columns if hasattr(c, name)}
        cells.update(date=day.isoformat(), version=version)
        writer.writerow(["" if cells.get(name) is None else str(cells[name]) for name in columns])
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + out.getvalue(), encoding="utf-8")


def _write_descriptor(descriptor: Path, version: str, day: dt.date) -> None:
    """`version` and `created`, changed in place, the rest of the file as it was."""
    text = descriptor.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^(  "version": )"[^"]*"', rf'\1"{version}"', text, count=1)
    text = re.sub(r'(?m)^(  "created": )"[^"]*"', rf'\1"{day.isoformat()}T00:00:00Z"', text, count=1)
    descriptor.write_text(text, encoding="utf-8")


def _write_citation(path: Path, old: str, version: str, day: dt.date) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^version: .*$", f"version: {version}", text)
    text = re.sub(r"(?m)^date-released: .*$", f"date-released: {day.isoformat()}", text)
    path.write_text(text.replace(archive_address(old), archive_address(version)), encoding="utf-8")


def _write_section(
    path: Path, after: Package, version: str, day: dt.date, before: Package, summary: str, summary_ko: str
) -> None:
    """The version's section, above the newest one."""
    lines = [f"## {version} ({day.isoformat()})", ""]
    if summary:
        lines += [f"{KOREAN_MARK}{summary_ko}", "", summary, ""]
    for english, korean in (contents_entry(after), checks_entry(after)):
        lines += entry_lines(english, korean)
    for change in before.changes:
        lines += entry_lines(change.entry, change.entry_ko)
    changelog = read_changelog(path)
    text = list(changelog.lines)
    at = changelog.first_heading - 1
    path.write_text("\n".join([*text[:at], *lines, "", *text[at:]]) + "\n", encoding="utf-8")
