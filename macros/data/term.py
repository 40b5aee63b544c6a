"""A term the Korean texts take from a Korean source, and the English wordings it renders."""

from __future__ import annotations

from dataclasses import dataclass

from .language import Translated, text_in


@dataclass(frozen=True)
class Term(Translated):
    id: str
    # The English wordings of this package's English texts that the term renders, separated by '; '.
    en: str
    # The Korean term as the Korean source writes it, and the common term shown beside a coinage.
    ko: str
    common_ko: str | None
    source: str
    # True when the term is the Korean original's: read in it or in a report that reproduces it there;
    # false for the ministry's other texts, and for a report that departs from the original (the note says how).
    original: bool
    note: str | None
    row: int
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()

    def note_in(self, lang: str) -> str | None:
        return text_in(self, "note", lang)

    @property
    def wordings(self) -> tuple[str, ...]:
        return tuple(w.strip() for w in self.en.split(";") if w.strip())

    def korean(self) -> tuple[str, ...]:
        """What a Korean text that renders the term must contain: the term, and the common term beside it."""
        return (self.ko, self.common_ko) if self.common_ko else (self.ko,)


def contains(text: str | None, term: str) -> bool:
    """A Korean text contains a term whatever its spacing (데이터 댐, 데이터댐)."""
    return term.replace(" ", "") in (text or "").replace(" ", "")
