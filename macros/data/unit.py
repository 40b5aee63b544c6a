"""Units: what a value counts, and which kind of display its words take."""

from __future__ import annotations

from dataclasses import dataclass

from .language import Translated, text_in
from .words import speaker, value_words


@dataclass(frozen=True)
class Unit(Translated):
    id: str
    label: str
    symbol: str
    display: str
    # What an actual value of this unit states: 'result' (work done, 실적) or 'fact' (a ranking, a date, a
    # plan's content, 확정): the word a figure's status 'actual' takes (standing.status_context).
    actual: str
    # Its counter in each language (counter_ko: 원, 명, 건, 개, 곳, %, 위, 배) is among `texts`.
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()

    def label_in(self, lang: str) -> str:
        return text_in(self, "label", lang)

    def name_in(self, lang: str) -> str:
        """The unit as a figure's facts name it: 'people', '명'; 'Korean won', '원'."""
        return speaker(lang).unit_name(self)

    def mark(self, lang: str = "en") -> str:
        """What stands beside the number: the symbol in English (KRW), the counter in Korean (원)."""
        return speaker(lang).mark(self)

    def words(self, value: float, lang: str = "en", compound: bool = False) -> str:
        """The value with its mark; `compound` writes a Korean amount in whole myriads, as a range
        line does at both ends ('10조 원 이상 10조 2,000억 원 이하', not '10.2조 원')."""
        return value_words(value, self.display, self.mark(lang), lang, compound)


def same_number(a: float, b: float) -> bool:
    """Equal up to floating-point noise, which is all the tolerance a value read from print gets."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))
