"""The documents figures come from, and how to cite them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .language import Translated, text_in
from .words import day_words


@dataclass(frozen=True)
class Source(Translated):
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
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()
    # The source's own headline, word for word in its language, where `title` describes more than it.
    headline: str | None = None

    def title_in(self, lang: str) -> str:
        return text_in(self, "title", lang)

    def publisher_in(self, lang: str) -> str:
        return text_in(self, "publisher", lang)

    def licence_in(self, lang: str) -> str:
        return text_in(self, "licence", lang)

    def attribution_in(self, lang: str) -> str:
        return text_in(self, "attribution", lang)

    def cited_title(self, lang: str) -> str:
        """The title a reader cites: in another language than the source's, its own headline and the
        description in brackets ('(영문 보도자료)'), never the site's translation of the headline, which
        the publisher never gave it."""
        title = self.title_in(lang)
        if not self.headline or self.language == lang:
            return title
        described = re.fullmatch(r"(.*?)(\s?\([^()]*\))?", title, re.S).group(2)
        return f"{self.headline}{described or ''}"

    def citation(self, lang: str = "en") -> str:
        """Publisher, title and date, as a reader cites the release."""
        return f"{self.publisher_in(lang)}, {self.cited_title(lang)}, {day_words(self.date, lang)}."
