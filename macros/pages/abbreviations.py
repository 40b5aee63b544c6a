"""Hover definitions for the glossary's abbreviations wherever a page prints one.

Python-Markdown's abbr extension marks an abbreviation only in Markdown text and only between word
boundaries, so it misses one the macros printed as HTML (a figure's label in a table) and one a Korean
particle or noun follows without a space ('CCTV를', '비ICT'): to a regular expression, Hangul is part of the
word. This pass marks the rest in the page's HTML, taking only Latin letters and digits as word letters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

from .typography import TAG, walk

DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$", re.M)
# Text inside these is code, a graphic, or marked already.
SKIPPED = ("script", "style", "code", "pre", "svg", "textarea", "abbr", "title", "option")


def definitions(path: Path) -> dict[str, str]:
    """The abbreviations file's `*[ABBR]: meaning` lines, as abbreviation -> meaning."""
    return dict(DEFINITION.findall(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8)
def _marking(meanings: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """An edition's abbreviations made ready once for all its pages: the pattern of any of them (the longest
    first); the signs they start with, a quick test that passes over a text holding none of them (not
    only capitals: 'data dam' and 'metaverse' are glossed too); and each one marked."""
    names = sorted((name for name, _ in meanings), key=len, reverse=True)
    found = re.compile(rf"(?<![A-Za-z0-9-])(?:{'|'.join(re.escape(name) for name in names)})(?![A-Za-z0-9-])")
    first = re.compile("[" + "".join(sorted({re.escape(name[0]) for name in names})) + "]")
    marked = {
        name: f'<abbr title="{escape(meaning, quote=True)}">{name}</abbr>' for name, meaning in meanings
    }
    return found, first, marked


def mark_abbreviations(html: str, meanings: dict[str, str]) -> str:
    """The page with every abbreviation outside code and existing `<abbr>` given its meaning as title."""
    if not meanings:
        return html
    found, first, marked = _marking(tuple(meanings.items()))
    parts = TAG.split(html)
    # Text only screen readers get (laid out on one clipped line) has nothing to hover.
    for n, _ in walk(parts, SKIPPED, tags=False):
        part = parts[n]
        if first.search(part):
            parts[n] = found.sub(lambda m: marked[m.group()], part)
    return "".join(parts)
