"""The documents figures come from, and how to cite them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .words import day_words


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    date: dt.date
    language: str
    kind: str
    standing: str
    reports: str | None
    url: str | None
    outlined: bool
    licence: str
    attribution: str

    def citation(self) -> str:
        """Publisher, title and date, as a reader cites the release."""
        return f"{self.publisher}, {self.title}, {day_words(self.date)}."
