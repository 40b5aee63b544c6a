"""A fact stated in the release, typed, with everything a reader or a check needs."""

from __future__ import annotations

from dataclasses import dataclass

from .locator import Locator
from .period import Period
from .qualifier import qualify
from .unit import Unit, format_value


@dataclass(frozen=True)
class Figure:
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

    def shown(self) -> str:
        """The bare value as formatted ('KRW 10.1 trillion', '8th'); a date figure shows its date."""
        if self.unit.display == "date":
            return self.period.words()
        return format_value(self.value, self.unit)

    def text(self) -> str:
        """The value with its qualifier in words, as running text needs it ('more than 170,000')."""
        return qualify(self.qualifier, self.shown())
