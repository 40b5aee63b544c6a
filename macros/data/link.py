"""How two figures relate across sources, and the words each relation takes from either end."""

from __future__ import annotations

from dataclasses import dataclass

from .language import Translated, text_in

# Each relation as seen from the figure that states it, and from the other figure.
RELATIONS = {
    # The translated figure's counterpart, not its original: the Korean figure may be a newspaper's report
    # of the original release, and the publisher translated its release, not the newspaper.
    "translates": ("counterpart in the original:", "counterpart in the translation:"),
    # A statistical revision: the later figure replaces an estimate of the same fact.
    "revises": ("revision of", "revised as"),
    # A later plan that changes a planned amount: the earlier figure was not wrong, the plan changed.
    "amends": ("earlier plan's figure", "changed by a later plan to"),
    "target-for": ("target for", "result towards the target"),
    "same-as": ("same fact as", "same fact as"),
    # The figure is the amount the other most likely stands for, though their printed forms do not agree
    # exactly (an exact amount behind a 'more than'): weaker than same-as, so no dispute.
    "likely-behind": ("likely the amount behind", "likely refers to"),
    # A later figure of a comparable amount that its source does not call a revision or a change of plan:
    # weaker than revises and amends.
    "follows": ("later figure beside", "later figure, not called a revision:"),
}


@dataclass(frozen=True)
class Link(Translated):
    figure: str
    relation: str
    other: str
    note: str
    row: int
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()

    def note_in(self, lang: str) -> str:
        return text_in(self, "note", lang)

    def seen_from(self, figure_id: str) -> tuple[str, str]:
        """The relation's words from one end, and the id of the figure at the other end."""
        forward, backward = RELATIONS[self.relation]
        return (forward, self.other) if figure_id == self.figure else (backward, self.figure)
