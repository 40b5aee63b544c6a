"""Text from the data, made safe for a page that Markdown and Jinja also read.

Every character that HTML, Markdown or Jinja could interpret becomes a numeric character
reference, so a label is shown exactly as written and never becomes markup or a template.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from ..data.changelog import CODE
from ..data.language import SAID

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


# Whose words a quoted word is: the source's language and address, or None (`tables.said_by`).
Sayer = Callable[[str], "tuple[str, str | None] | None"]


def said_word(word: str, language: str, cite: str | None) -> str:
    """A source's word in a text of another language, marked as the source's: a `q` in its language,
    citing it (the page writes the marks around it as text)."""
    cited = f' cite="{url(cite)}"' if cite else ""
    return f'<q class="dnd-marked dnd-said" lang="{text(language)}"{cited}>{text(word)}</q>'


def _said(value: str, said: Sayer | None) -> str:
    """Escaped text whose quoted Latin words, in a text written in another language than the source's,
    are marked as the source's words: `<q lang cite>` between the marks, as a figure's qualifier is."""
    if said is None:
        return text(value)
    parts = SAID.split(value)
    return "".join(
        text(p) if n % 2 == 0 else f"‘{said_word(p, *whose) if (whose := said(p)) else text(p)}’"
        for n, p in enumerate(parts)
    )


def prose(value: object, said: Sayer | None = None) -> str:
    """A note from the data, escaped, with each bare web address it names made a link: a reader follows
    it, and a phone never breaks a long address. An address after a name ('(지디넷코리아, https://…)')
    is that name's link, as a newspaper prints an outlet, by its name only; an address alone reads as
    its host ('news.unn.net'). Several named addresses are set apart by semicolons in the data, since a
    comma parts each name from its address; once the addresses are links, the names are a plain list and
    are joined by a comma ('(지디넷코리아, 머니투데이)', never '(지디넷코리아; 머니투데이)'). With `said`
    (the source's language and address), the source's words it quotes are marked as theirs."""
    value = str(value)
    parts, end, named = [], 0, False
    for match in re.finditer(f"{NAMED_ADDRESS.pattern}|{ADDRESS.pattern}", value):
        address = match.group("address") or match.group()
        shown = match.group("name") or (urlsplit(address).hostname or address).removeprefix("www.")
        between = value[end : match.start()]
        if named and match.group("name") and between == "; ":
            between = ", "
        parts += [_said(between, said), f'<a href="{url(address)}">{text(shown)}</a>']
        end, named = match.end(), bool(match.group("name"))
    return "".join(parts) + _said(value[end:], said)


_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, **markup: str) -> str:
    """A translated template with its text escaped and each {name} replaced by HTML built here:
    the words come from a catalogue, the markup (a link, a code span) from the builder."""
    parts = _FIELD.split(template)
    return "".join(text(p) if n % 2 == 0 else markup[p] for n, p in enumerate(parts))


def with_code(value: str, said: Sayer | None = None) -> str:
    """A text escaped, its `id` spans as code and, with `said`, the source's words it quotes marked as
    theirs, so no markup can enter: the changelog page, a figure's history and the data dictionary's
    descriptions (their codes, `fact`, `figures.id`) write it so."""
    parts = CODE.split(value)
    return "".join(_said(p, said) if n % 2 == 0 else f"<code>{text(p)}</code>" for n, p in enumerate(parts))
