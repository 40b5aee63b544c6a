"""The languages the package is written in, and how a record gives a text in one of them.

English is the package's first language: a text column (`label`) is English, and its Korean twin is
the same name with `_ko` (`label_ko`). Each Korean text is required and holds Hangul (the schema's
HANGUL_PATTERN); its terms follow the Korean sources listed in terms.csv (see `rules`).
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "ko")
# Where a language's texts stand in the data: beside the English column `label`, `label_<lang>`.
SUFFIXES = {lang: "" if lang == LANGUAGES[0] else f"_{lang}" for lang in LANGUAGES}
HANGUL = re.compile(r"[가-힣]")
# A source's own words quoted in a text of another language: Latin words in Korean single quotes
# (‘more than’, ‘these technologies’); the pages mark them as the source's (`html.prose`).
# A quoted number with its words ('16.9 trillion', '8th') counts: a run with at least one Latin letter.
SAID = re.compile(r"‘((?=[0-9 ,.-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 ,.-]*[A-Za-z0-9.])’")
# The Table Schema pattern of every Korean text column: at least one Hangul syllable.
HANGUL_PATTERN = ".*[가-힣].*"
# What the loader says when a cell does not match a pattern named here.
PATTERN_HINTS = {HANGUL_PATTERN: "has no Hangul; write the Korean text in Korean script"}


def column(field: str, lang: str) -> str:
    """The column that holds `field` in a language: label -> label (English), label_ko (Korean)."""
    if lang not in SUFFIXES:
        raise ValueError(f"unknown language '{lang}'; use one of {', '.join(LANGUAGES)}")
    return f"{field}{SUFFIXES[lang]}"


def is_translation(column: str) -> bool:
    """A column holding a text in a language other than the first: label_ko, counter_ko."""
    return any(column.endswith(suffix) for suffix in SUFFIXES.values() if suffix)


class Translated:
    """A record with texts in the other languages: the loader gives it each `<column>_<lang>` cell of its
    row in `texts`, for every configured language, so `figure.label_ko` reads one without a field per
    language (a column its table lacks reads None)."""

    def __getattr__(self, name: str):
        if name.startswith("_") or not is_translation(name):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return dict(self.__dict__.get("texts", ())).get(name)


def translations(row: dict, empty: str | None = None) -> tuple[tuple[str, str | None], ...]:
    """The cells of a row in the other languages, for a record's `texts` (an empty one as `empty`)."""
    return tuple(
        (name, value if value is not None else empty) for name, value in row.items() if is_translation(name)
    )


def text_in(record: object, field: str, lang: str) -> str:
    """A record's text field in a language: text_in(figure, 'label', 'ko') is figure.label_ko."""
    return getattr(record, column(field, lang))


def twins(columns: list[str], lang: str = "ko") -> dict[str, str]:
    """The text columns of a table in a language, each with its English twin: {'label_ko': 'label'}."""
    return {
        column(name, lang): name
        for name in columns
        if column(name, lang) in columns and name != column(name, lang)
    }


def unsaid(text: str, quotes: str) -> list[str]:
    """The Latin words a text quotes in ‘ ’ that no source's quote holds (in any case: ‘About’ opens a
    sentence the quote holds mid-sentence): each must be a source's own, never the project's English.
    A page marks as the source's only a word its quote holds as written (`tables.said_by`)."""
    folded = quotes.casefold()
    return [word for word in SAID.findall(text) if word.casefold() not in folded]
