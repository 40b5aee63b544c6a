"""Every text the code writes for a reader, in each language: one gettext catalogue per language.

The code is written in English; every text a reader sees goes through `tr(lang, text)`. The other
languages' texts are a gettext catalogue per language, `macros/pages/locale/<lang>.po`, read with
Babel. A text without its translation stops the build with the catalogue's name and the text, and a
test extracts every `tr(...)` of the code to keep the catalogue complete and free of leftovers. Names
from the data's enumerations (a status, a check kind) and texts defined as data of the code (an
interval rule, a check kind's wording, a place's name) are translated with a context:
`tr(lang, "actual", context="status")`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .language import LANGUAGES

LOCALE = Path(__file__).resolve().parents[1] / "pages" / "locale"
DEFAULT = LANGUAGES[0]


class MissingText(Exception):
    """A text of the code has no translation in a language's catalogue."""


@cache
def catalogue(lang: str) -> dict[tuple[str | None, str], str]:
    """The translated texts of a language by (context, English text)."""
    from babel.messages.pofile import read_po

    with (LOCALE / f"{lang}.po").open("rb") as file:
        catalog = read_po(file)
    return {(m.context, m.id): m.string for m in catalog if m.id and m.string}


def tr(lang: str, text: str, context: str | None = None) -> str:
    """The text in a language; English is the text itself."""
    if lang == DEFAULT:
        return text
    try:
        return catalogue(lang)[(context, text)]
    except KeyError:
        where = f" (context '{context}')" if context else ""
        raise MissingText(
            f"macros/pages/locale/{lang}.po: no translation of {text!r}{where}; add it and build again"
        ) from None


def N_(text: str) -> str:
    """Mark a text for translation where it is defined (a column title); `tr` translates it where shown."""
    return text
