"""Finished HTML kept out of Markdown's way.

A block macro (a table, a chart, the explorer) returns finished, escaped HTML. Left in the page,
Python-Markdown would parse every tag of it again as raw HTML, which is most of what the macros
add to a build. Instead the macro leaves a comment in its place, which Markdown passes through
untouched, and the hook puts the HTML back once Markdown is done (`on_page_content`).
"""

from __future__ import annotations

import itertools
import re

_kept: dict[str, str] = {}
_numbers = itertools.count(1)
PLACE = re.compile(r"<!--dnd-block:(\d+)-->")
ID = re.compile(r"""\sid=["']([^"']+)["']""")


def keep(html: str) -> str:
    """Hold a block of HTML and return the comment that stands in its place, on lines of its own."""
    key = str(next(_numbers))
    _kept[key] = html
    return f"\n\n<!--dnd-block:{key}-->\n\n"


def put_back(html: str) -> str:
    """Replace each placeholder with its block; a placeholder's block is used once and forgotten."""
    return PLACE.sub(lambda match: _kept.pop(match.group(1)), html)


def anchors(html: str) -> set[str]:
    """Every id in a page's HTML: the anchors a link into the page may name."""
    return set(ID.findall(html))
