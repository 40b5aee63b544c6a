"""Hover definitions for the glossary's abbreviations wherever a page prints one.

Python-Markdown's abbr extension marks an abbreviation only in Markdown text and only between word
boundaries, so it misses one the macros printed as HTML (a figure's label in a table) and one a Korean
particle or noun follows without a space ('CCTV를', '비ICT'): to a regular expression, Hangul is part of the
word. This pass marks the rest in the page's HTML, taking only Latin letters and digits as word letters.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from .typography import HIDDEN, TAG

DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$", re.M)
# Text inside these is code, a graphic, or marked already.
SKIPPED = ("script", "style", "code", "pre", "svg", "textarea", "abbr", "title", "option")


def definitions(path: Path) -> dict[str, str]:
    """The abbreviations file's `*[ABBR]: meaning` lines, as abbreviation -> meaning."""
    return dict(DEFINITION.findall(path.read_text(encoding="utf-8")))


def mark_abbreviations(html: str, meanings: dict[str, str]) -> str:
    """The page with every abbreviation outside code and existing `<abbr>` given its meaning as title."""
    if not meanings:
        return html
    names = "|".join(re.escape(name) for name in sorted(meanings, key=len, reverse=True))
    found = re.compile(rf"(?<![A-Za-z0-9-])(?:{names})(?![A-Za-z0-9-])")
    parts = TAG.split(html)
    skipping: list[str] = []
    for n, part in enumerate(parts):
        if n % 2:
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            tag = name.group(1).lower() if name else ""
            # Text only screen readers get (laid out on one clipped line) has nothing to hover.
            hidden = tag == "span" and (HIDDEN in part or bool(skipping))
            if (tag in SKIPPED or hidden) and not part.endswith("/>"):
                if part.startswith("</"):
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                else:
                    skipping.append(tag)
            continue
        if skipping or not part.strip():
            continue
        parts[n] = found.sub(
            lambda m: f'<abbr title="{escape(meanings[m.group()], quote=True)}">{m.group()}</abbr>', part
        )
    return "".join(parts)
