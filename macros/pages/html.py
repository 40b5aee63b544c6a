"""Text from the data, made safe for a page that Markdown and Jinja also read.

Every character that HTML, Markdown or Jinja could interpret becomes a numeric character
reference, so a label is shown exactly as written and never becomes markup or a template.
"""

from __future__ import annotations

import re
from urllib.parse import quote

SIGNIFICANT = "&<>\"'*_[]`{}|#\\"
_TABLE = {ord(c): f"&#{ord(c)};" for c in SIGNIFICANT}


def text(value: object) -> str:
    """Escape text for an element's content or a quoted attribute value."""
    return str(value).translate(_TABLE)


def url(value: str) -> str:
    """Escape a URL for a quoted href: '&' and quotes only, so the address keeps working."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "%3C").replace(">", "%3E")


def query(value: str) -> str:
    """Percent-encode one query-string value."""
    return quote(value, safe="")


_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, **markup: str) -> str:
    """A translated template with its text escaped and each {name} replaced by HTML built here:
    the words come from a catalogue, the markup (a link, a code span) from the builder."""
    parts = _FIELD.split(template)
    return "".join(text(p) if n % 2 == 0 else markup[p] for n, p in enumerate(parts))
