"""Text from the data, made safe for a page that Markdown and Jinja also read.

Every character that HTML, Markdown or Jinja could interpret becomes a numeric character
reference, so a label is shown exactly as written and never becomes markup or a template.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

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


# A bare web address inside a note: up to a space, a closing bracket or a comma or full stop that ends it.
ADDRESS = re.compile(r"https?://[^\s)\]]+?(?=[.,;:]?(?:[\s)\]]|$))")
# An address given after the name of what it leads to, in brackets: '(지디넷코리아, https://zdnet.co.kr/…)',
# or one of several, each after a semicolon: '(ZDNet Korea, https://…; Money Today, https://…)'.
NAMED_ADDRESS = re.compile(
    r"(?:(?<=\()|(?<=; ))(?P<name>(?!https?://)[^(),;]+), (?P<address>" + ADDRESS.pattern + ")"
)


def prose(value: object) -> str:
    """A note from the data, escaped, with each bare web address it names made a link: a reader follows
    it, and a phone never breaks a long address. An address after a name ('(지디넷코리아, https://…)')
    is that name's link, as a newspaper prints an outlet, by its name only; an address alone reads as
    its host ('news.unn.net'). Several named addresses are set apart by semicolons in the data, since a
    comma parts each name from its address; once the addresses are links, the names are a plain list and
    are joined by a comma ('(지디넷코리아, 머니투데이)', never '(지디넷코리아; 머니투데이)')."""
    value = str(value)
    parts, end, named = [], 0, False
    for match in re.finditer(f"{NAMED_ADDRESS.pattern}|{ADDRESS.pattern}", value):
        address = match.group("address") or match.group()
        shown = match.group("name") or (urlsplit(address).hostname or address).removeprefix("www.")
        between = value[end : match.start()]
        if named and match.group("name") and between == "; ":
            between = ", "
        parts += [text(between), f'<a href="{url(address)}">{text(shown)}</a>']
        end, named = match.end(), bool(match.group("name"))
    return "".join(parts) + text(value[end:])


_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, **markup: str) -> str:
    """A translated template with its text escaped and each {name} replaced by HTML built here:
    the words come from a catalogue, the markup (a link, a code span) from the builder."""
    parts = _FIELD.split(template)
    return "".join(text(p) if n % 2 == 0 else markup[p] for n, p in enumerate(parts))
