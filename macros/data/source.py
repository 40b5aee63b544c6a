"""The documents figures come from, and how to cite them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .language import text_in
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
    title_ko: str | None = None

    def title_in(self, lang: str) -> str:
        return text_in(self, "title", lang)

    def citation(self) -> str:
        """Publisher, title and date, as a reader cites the release."""
        return f"{self.publisher}, {self.title}, {day_words(self.date)}."
