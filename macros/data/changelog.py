"""CHANGELOG.md as records: the one reading of it, for the site (the changelog page, each figure's
history and JSON), the release notes `make check` asks for, and the release step that writes a section.

A section is `## VERSION (YYYY-MM-DD)`; its optional line `한국어: …` sums the release up in Korean. Every
entry is a `- ` line in English, continued by indented lines, and ends with its Korean twin, an indented
line `  한국어: …`, so a Korean page shows the project's own history in Korean:

    - Corrected `smart-factories` from 8,000 to 8,500: we had copied the count wrongly.
      한국어: `smart-factories`를 8,000에서 8,500으로 바로잡았습니다. 수를 잘못 옮겨 적었습니다.

An entry names a figure by its id in backticks, so the figure's page and JSON can list it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .language import column, text_in

HEADING = re.compile(r"^## (?P<version>\d+\.\d+\.\d+) \((?P<date>\d{4}-\d{2}-\d{2})\)\s*$")
ITEM = re.compile(r"^- (?P<text>.*)$")
# The release's summary in Korean (a line of its own), and an entry's Korean twin (indented, in the entry).
KOREAN = re.compile(r"^한국어: (?P<text>.+)$")
KOREAN_PART = re.compile(r"^  +한국어: (?P<text>.+)$")
CODE = re.compile(r"`([^`]+)`")
KOREAN_MARK = "한국어: "


@functools.cache
def _names(text: str) -> frozenset[str]:
    return frozenset(CODE.findall(text))


@dataclass(frozen=True)
class Entry:
    version: str
    date: str
    text: str
    text_ko: str = ""
    line: int = 0  # the entry's first line in CHANGELOG.md

    def names(self) -> frozenset[str]:
        """The ids the entry writes in backticks (read once: every figure page asks every entry)."""
        return _names(self.text)

    def names_ko(self) -> set[str]:
        """The ids the entry's Korean twin writes in backticks."""
        return set(CODE.findall(self.text_ko))

    def text_in(self, lang: str) -> str:
        return text_in(self, "text", lang)


@dataclass(frozen=True)
class Section:
    version: str
    date: str
    entries: tuple[Entry, ...]
    summary_ko: str = ""
    line: int = 0  # the heading's line
    end: int = 0  # the line after the section
    english: tuple[str, ...] = ()  # the section's body as Markdown, without its Korean lines
    prose: tuple[tuple[int, str], ...] = ()  # numbered lines outside the entries and the summary

    def summary_in(self, lang: str) -> str:
        """The section's free sentence in a language other than English ('' when it has none)."""
        return getattr(self, column("summary", lang), "") or ""


@dataclass(frozen=True)
class Changelog:
    sections: tuple[Section, ...] = ()
    preamble: tuple[str, ...] = ()
    lines: tuple[str, ...] = field(default=(), repr=False)

    def __iter__(self):
        return iter(self.sections)

    def find(self, version: str) -> Section | None:
        return next((s for s in self.sections if s.version == version), None)

    @property
    def first_heading(self) -> int:
        """The line of the newest section's heading (where a new section goes), or after the end."""
        return self.sections[0].line if self.sections else len(self.lines) + 1


class _Open:
    """A section being read."""

    def __init__(self, version: str, date: str, line: int):
        self.version, self.date, self.line = version, date, line
        self.summary_ko = ""
        self.entries: list[list] = []  # [line, english parts, korean parts]
        self.english: list[str] = []
        self.prose: list[tuple[int, str]] = []
        self.korean = False  # inside the open entry's Korean part
        self.item = False  # inside an entry

    def close(self, end: int) -> Section:
        entries = tuple(
            Entry(self.version, self.date, " ".join(en).strip(), " ".join(ko).strip(), line)
            for line, en, ko in self.entries
        )
        return Section(
            self.version,
            self.date,
            entries,
            self.summary_ko,
            self.line,
            end,
            tuple(self.english),
            tuple(self.prose),
        )


def parse_changelog(text: str) -> Changelog:
    """Every release section, newest first as the file writes them."""
    lines = text.splitlines()
    preamble: list[str] = []
    sections: list[Section] = []
    current: _Open | None = None
    for number, line in enumerate(lines, 1):
        heading = HEADING.match(line)
        if heading:
            if current:
                sections.append(current.close(number))
            current = _Open(heading["version"], heading["date"], number)
            continue
        if current is None:
            preamble.append(line)
            continue
        summary, item, korean = KOREAN.match(line), ITEM.match(line), KOREAN_PART.match(line)
        if summary:
            current.summary_ko, current.item = summary["text"].strip(), False
        elif item:
            current.entries.append([number, [item["text"].strip()], []])
            current.item, current.korean = True, False
            current.english.append(line)
        elif current.item and korean:
            current.korean = True
            current.entries[-1][2].append(korean["text"].strip())
        elif current.item and line.startswith("  ") and line.strip():
            current.entries[-1][2 if current.korean else 1].append(line.strip())
            if not current.korean:
                current.english.append(line)
        else:
            current.item = current.korean = False
            current.english.append(line)
            if line.strip():
                current.prose.append((number, line))
    if current:
        sections.append(current.close(len(lines) + 1))
    return Changelog(tuple(sections), tuple(preamble), tuple(lines))


def read_changelog(path: Path) -> Changelog:
    """CHANGELOG.md read; an absent file has no sections."""
    return parse_changelog(path.read_text(encoding="utf-8")) if path.exists() else Changelog()


def entries_naming(changelog: Changelog, figure_id: str) -> list[Entry]:
    """The entries that name a figure by its id, newest release first."""
    return [entry for section in changelog for entry in section.entries if figure_id in entry.names()]


# Where a sentence ends: English at '. ' before a capital or a backtick ('… 3.701 trillion. Added `x`'),
# Korean after 다 or 요 and a full stop before a space ('…적습니다. 국문 …'), or after such a word and a
# bracket that follows it ('…고쳤습니다(`x`는 …). 과학기술…').
ENGLISH_END = re.compile(r"\. (?=[A-Z`])")
KOREAN_END = re.compile(r"(?<=[다요])\. |(?<=\))\. ")


def sentences(text: str) -> list[str]:
    """An entry's sentences, split where a sentence ends outside a backtick span and outside brackets (a
    list of ids in brackets, '(3.0701 trillion won)', 'e.g. `x`' inside a span stay whole)."""
    korean = [
        m
        for m in KOREAN_END.finditer(text)
        if text[m.start() - 1] != ")" or _after_ending(text, m.start() - 1)
    ]
    stops = sorted({m.start() for m in (*ENGLISH_END.finditer(text), *korean)})
    found, start = [], 0
    for stop in stops:
        if _ends_outside(text, start, stop):
            found.append(text[start : stop + 1].strip())
            start = stop + 2
    found.append(text[start:].strip())
    return [s for s in found if s]


def _ends_outside(text: str, start: int, at: int) -> bool:
    """Whether the full stop at `at` stands outside every backtick span and bracket opened since `start`."""
    depth, code = 0, False
    for char in text[start:at]:
        if char == "`":
            code = not code
        elif not code and char == "(":
            depth += 1
        elif not code and char == ")":
            depth = max(depth - 1, 0)
    return depth == 0 and not code


def _after_ending(text: str, close: int) -> bool:
    """Whether the bracket closing at `close` follows a sentence's 다 or 요 ('고쳤습니다(…).')."""
    depth = 0
    for at in range(close, -1, -1):
        depth += {")": 1, "(": -1}.get(text[at], 0)
        if depth == 0:
            return at > 0 and text[at - 1] in "다요"
    return False


def sentences_naming(text: str, figure_id: str) -> str:
    """The sentences of an entry that name a figure by its id in backticks (an id in a list in brackets
    is in its sentence), in the entry's order; the whole entry when no sentence does (its text names the
    figure otherwise, or names it not at all). A figure's history shows these, not the editors' worklog
    of every other figure the entry names."""
    naming = [s for s in sentences(text) if figure_id in CODE.findall(s)]
    return " ".join(naming) if naming else text


def entry_lines(text: str, text_ko: str, width: int = 100) -> list[str]:
    """An entry as CHANGELOG.md writes it: its English as a `- ` line, then its Korean twin as an indented
    `한국어: ` line, both wrapped the same way (at `width` characters, continued by indented lines, which
    `parse_changelog` joins again)."""
    import textwrap

    def wrapped(words: str, first: str) -> list[str]:
        found = textwrap.wrap(
            words, width, initial_indent=first, subsequent_indent="  ", break_on_hyphens=False
        )
        return found or [first.rstrip()]

    return [*wrapped(text, "- "), *wrapped(text_ko, f"  {KOREAN_MARK}")]
