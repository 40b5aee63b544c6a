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

import yaml

from ..data.catalogue import N_, tr
from ..data.changelog import CODE, KOREAN_MARK, read_changelog
from ..data.changes import CHANGES
from ..data.checks import OUTCOMES
from ..data.language import HANGUL, LANGUAGES, unsaid
from ..data.package import CHANGELOG, Package, repository_root
from ..data.problem import did_you_mean
from ..data.rules import quoted_words
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
# The changelog's second language (its entries' `한국어:` lines), and the counted nouns in it.
TWIN = LANGUAGES[1]
TWIN_NOUNS = {
    "figure": N_("{count} figures"),
    "topic": N_("{count} topics"),
    "unit": N_("{count} units"),
    "source": N_("{count} sources"),
    "check": N_("{count} checks"),
    "correction": N_("{count} corrections"),
}
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
NUMBER = re.compile(r"\d+")


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
    return "- " + contents_entry(package)[0]


def checks_line(package: Package) -> str:
    """The `- Checks:` line: how many checks hold and how many fail as the release does."""
    return "- " + checks_entry(package)[0]


def contents_entry(package: Package) -> tuple[str, str]:
    """The contents entry in English and in the changelog's second language: what the package holds."""
    counts = [(noun, count(package)) for noun, count in COUNTED]
    english = "Contents: " + ", ".join(counted(noun, n) for noun, n in counts) + "."
    twin = ", ".join(tr(TWIN, TWIN_NOUNS[noun]).format(count=n) for noun, n in counts)
    return english, tr(TWIN, "Contents: {counts}.").format(counts=twin)


def checks_entry(package: Package) -> tuple[str, str]:
    """The checks entry in English and in the changelog's second language: how many hold, how many fail
    as the release does."""
    held, failed = (sum(o.status == status for o in package.outcomes) for status in OUTCOMES)
    english = (
        f"Checks: {held} hold, {failed} {'fails' if failed == 1 else 'fail'} as the release itself does."
    )
    return english, tr(TWIN, "Checks: {held} hold, {failed} fail as the release itself does.").format(
        held=held, failed=failed
    )


def _known_ids(*packages: Package) -> set[str]:
    """Every id any table of either package has, and the column and resource names."""
    ids: set[str] = set()
    for package in packages:
        ids |= set(package.figures) | set(package.topics) | set(package.units) | set(package.sources)
        ids |= {c.id for c in package.checks} | {c.id for c in package.corrections}
        ids |= {t.id for t in package.terms} | set(package.tables)
        ids |= {column for name in package.tables for column in package.columns(name)}
    return ids


def changelog_notes(diff: PackageDiff) -> list[Note]:
    """What the new version's CHANGELOG.md section lacks or gets wrong; what it must name is asked
    only of a new version (an unbumped change is told to bump first)."""
    new = diff.new
    path = repository_root(new.path) / CHANGELOG
    if not path.is_file():
        return [Note(CHANGELOG, 1, "missing: every release has its section there")]
    changelog = read_changelog(path)
    day = new.created.isoformat() if new.created else "YYYY-MM-DD"
    section = changelog.find(new.version)
    if section is None:
        return [
            Note(
                CHANGELOG,
                changelog.first_heading,
                f"no section for {new.version}: `make release` writes it from the changes in {CHANGES}/",
            )
        ]
    start = section.line
    notes = []
    if section.date != day:
        notes.append(
            Note(
                CHANGELOG,
                start,
                f"the section for {new.version} is dated {section.date}; its release day is {day}",
            )
        )
    if section.prose and not section.summary_ko:
        notes.append(
            Note(
                CHANGELOG,
                section.prose[0][0],
                f"the section for {new.version} has a free sentence but no line `한국어: …` saying it in "
                "Korean for the Korean changelog page",
            )
        )
    entries = {entry.text: entry for entry in section.entries}
    for (english, korean), prefix in ((contents_entry(new), "Contents:"), (checks_entry(new), "Checks:")):
        entry = entries.get(english)
        # The Korean is compared by its numbers: the catalogue's wording may improve after a release
        # without making the released sections wrong.
        if entry is None or NUMBER.findall(entry.text_ko) != NUMBER.findall(korean):
            place = next((e.line for e in section.entries if e.text.startswith(prefix)), start)
            notes.append(
                Note(
                    CHANGELOG,
                    place,
                    f"the section for {new.version} must hold the entry `- {english}` with its Korean "
                    f"`  {KOREAN_MARK}{korean}`",
                )
            )
    for entry in section.entries:
        if not HANGUL.search(entry.text_ko):
            notes.append(
                Note(
                    CHANGELOG,
                    entry.line,
                    "the entry has no Korean twin: end it with a line `  한국어: …` (a maintainer writes it at "
                    "the release; the Korean pages show it)",
                )
            )
    for number, line in section.prose:
        ids = [token for token in CODE.findall(line) if token in new.figures]
        if ids:
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
    named = {name for entry in section.entries for name in entry.names()}
    changed = [f.id for f in diff.added + diff.removed] + [c.figure for c in diff.changed]
    changed += [c.figure for c in diff.corrections_added + diff.corrections_removed]
    missing = [i for i in dict.fromkeys(changed) if i not in named]
    if missing:
        listed = ", ".join(f"`{i}`" for i in missing)
        notes.append(Note(CHANGELOG, start, f"the section for {new.version} does not name {listed}"))
    known = _known_ids(diff.old, new)
    for entry in section.entries:
        for token in CODE.findall(entry.text):
            if ID.fullmatch(token) and token not in known:
                notes.append(
                    Note(
                        CHANGELOG,
                        entry.line,
                        f"`{token}` is not an id in the data package{did_you_mean(token, known)}",
                    )
                )
    return notes


def twin_notes(package: Package) -> list[Note]:
    """Every entry whose Korean twin leaves out a figure or check the English names in backticks: a
    figure's page lists the entries that name it, so a Korean page would show an entry that, in Korean,
    says nothing about that figure."""
    path = repository_root(package.path) / CHANGELOG
    if not path.is_file():
        return []
    ids = set(package.figures) | {c.id for c in package.checks}
    quotes = quoted_words(package)
    notes = []
    for section in read_changelog(path):
        for entry in section.entries:
            for word in unsaid(entry.text_ko, quotes):
                notes.append(
                    Note(
                        CHANGELOG,
                        entry.line,
                        f"the `한국어:` line quotes ‘{word}’ as the release's English, but no figure's quote holds "
                        "it: quote the source's own words, or write it in Korean",
                    )
                )
            missing = [i for i in entry.names() & ids if i not in entry.names_ko()]
            if entry.text_ko and missing:
                listed = ", ".join(f"`{i}`" for i in sorted(missing, key=entry.text.index))
                notes.append(
                    Note(
                        CHANGELOG,
                        entry.line,
                        f"the entry's Korean twin does not name {listed}: write each id in backticks in the "
                        "`한국어:` line too, as the English does (a figure's page lists the entries naming it)",
                    )
                )
    return notes


def citation_notes(package: Package) -> list[Note]:
    """What CITATION.cff says that the package does not: version, release date, download address."""
    path = repository_root(package.path) / CITATION
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
    under the old version, or while changes wait in changes/: `make release` writes the next version's
    notes, and the current version's section describes the data as released, not as it is today."""
    if diff.new.version == diff.old.version and (not diff.empty or diff.new.changes):
        return []
    return changelog_notes(diff) + citation_notes(diff.new)
