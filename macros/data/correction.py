"""Where a value differs from what the release prints, or from what this package published before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .language import Translated, text_in


@dataclass(frozen=True)
class Correction(Translated):
    id: str
    figure: str
    field: str
    printed: str
    used: str
    kind: str
    reason: str
    date: dt.date | None  # None until the release gives it (a change in changes/)
    version: str | None  # None until the release gives it
    reference: str | None
    row: int
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()
    file: str | None = None  # the change file of a correction not released yet

    @property
    def released(self) -> bool:
        return self.version is not None

    def reason_in(self, lang: str) -> str:
        return text_in(self, "reason", lang)

    def reference_in(self, lang: str) -> str | None:
        return text_in(self, "reference", lang)
