"""A caveat: another source's evidence against what a figure's source states, where that evidence is
not a figure of its own to link (a date the reports of the day give otherwise, say)."""

from __future__ import annotations

from dataclasses import dataclass

from .language import Translated, text_in


@dataclass(frozen=True)
class Caveat(Translated):
    id: str
    figure: str
    # Whose evidence it is (sources.id), and the figure of that source it rests on, if there is one.
    source: str
    evidence: str | None
    note: str
    row: int
    # The texts in the other languages (note_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()

    def note_in(self, lang: str) -> str:
        return text_in(self, "note", lang)
