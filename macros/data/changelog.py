"""CHANGELOG.md as records: each release's section and its entries, so a figure's page and JSON can
list the entries that name the figure, and the changelog page can link each version.

An entry names a figure by its id in backticks (`voucher-smes`); CONTRIBUTING asks for that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEADING = re.compile(r"^## (?P<version>\d+\.\d+\.\d+) \((?P<date>\d{4}-\d{2}-\d{2})\)\s*$")
ITEM = re.compile(r"^- (?P<text>.*)$")
# The release's summary in Korean: one line '한국어: ...' in each section, shown on the Korean pages.
KOREAN = re.compile(r"^한국어: (?P<text>.+)$")
CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Entry:
    version: str
    date: str
    text: str

    def names(self) -> set[str]:
        """The ids the entry writes in backticks."""
        return set(CODE.findall(self.text))


@dataclass(frozen=True)
class Section:
    version: str
    date: str
    entries: tuple[Entry, ...]
    summary_ko: str = ""


def read_changelog(path: Path) -> list[Section]:
    """Every release section, newest first as the file writes them; an absent file has none."""
    if not path.exists():
        return []
    sections: list[tuple[str, str, list[str]]] = []
    korean: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            sections.append((heading["version"], heading["date"], []))
            continue
        if not sections:
            continue
        summary = KOREAN.match(line)
        if summary:
            korean[sections[-1][0]] = summary["text"].strip()
            continue
        items = sections[-1][2]
        item = ITEM.match(line)
        if item:
            items.append(item["text"].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif not line.strip() and items and items[-1] != "":
            items.append("")
    return [
        Section(
            version,
            date,
            tuple(Entry(version, date, text) for text in items if text),
            korean.get(version, ""),
        )
        for version, date, items in sections
    ]


def entries_naming(sections: list[Section], figure_id: str) -> list[Entry]:
    """The entries that name a figure by its id, newest release first."""
    return [entry for section in sections for entry in section.entries if figure_id in entry.names()]
