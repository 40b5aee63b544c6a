"""A fact stated in a source, typed, with everything a reader or a check needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import Translated, text_in
from .locator import Locator
from .period import Period, date_words
from .unit import Unit
from .words import plain, qualify


@dataclass(frozen=True)
class Figure(Translated):
    id: str
    topic: str
    label: str
    value: float | None
    unit: Unit
    qualifier: str
    period: Period
    status: str
    as_printed: str
    locators: tuple[Locator, ...]
    source: str
    note: str | None
    row: int
    # New fields go last, with a default, so records built by position keep working.
    # The sentence of the source that states the figure, in the source's language, holding as_printed.
    quote: str | None = None
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()
    # What this actual value states where it is not what its unit's values usually are ('fact': a market's
    # size before the programme began is no one's achievement, though won usually count money spent).
    actual: str | None = None

    @property
    def actual_kind(self) -> str:
        """What the figure states if its status is actual: 'result' (실적) or 'fact' (확정), its own
        word or else its unit's."""
        return self.actual or self.unit.actual

    def label_in(self, lang: str) -> str:
        """The label in a language ('en' or 'ko')."""
        return text_in(self, "label", lang)

    def note_in(self, lang: str) -> str | None:
        return text_in(self, "note", lang)

    def shown(self, lang: str = "en") -> str:
        """The bare value as formatted ('KRW 10.1 trillion', '8th'; '10.1조 원', '8위'); a date figure shows its date."""
        if self.unit.display == "date":
            return date_words(self.period, lang)
        return self.unit.words(self.value, lang)

    def text(self, lang: str = "en") -> str:
        """The value with its qualifier in words, as running text needs it ('more than 170,000'; '17만여 개')."""
        return qualify(self.qualifier, self.shown(lang), lang)

    def quote_parts(self) -> tuple[str, str, str]:
        """The quote split around the printed token: (before, token, after). The token is found as a whole
        number where it stands as one ('4' not inside '4,000'), else at its first occurrence. Where it stands
        more than once ('58,000 households ... 58,000 people'), the occurrence the figure's unit follows is
        the figure's: a mark on the other would tell a reader the wrong count."""
        quote = self.quote or ""
        wholes = list(re.finditer(r"(?<![\w.,])" + re.escape(self.as_printed) + r"(?![\w]|[.,]\d)", quote))
        names = tuple(n.lower() for n in self.unit.names() if n)
        named = [m for m in wholes if quote[m.end() :].lstrip().lower().startswith(names)] if names else []
        chosen = (named or wholes or [None])[0]
        start = chosen.start() if chosen else quote.find(self.as_printed)
        if start < 0:
            return quote, "", ""
        end = start + len(self.as_printed)
        return quote[:start], quote[start:end], quote[end:]

    def cell(self, column: str) -> str:
        """The field as figures.csv writes it, so two versions of a figure compare column by column."""
        match column:
            case "value":
                return "" if self.value is None else plain(self.value, 6)
            case "unit":
                return self.unit.id
            case "period":
                return self.period.text
            case "locator":
                return "; ".join(loc.text for loc in self.locators)
        value = getattr(self, column)
        return "" if value is None else str(value)
