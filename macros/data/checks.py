"""Arithmetic between figures, recorded as data and evaluated here.

Every check kind is defined once, in KINDS: how many operands it takes, its formula, how the site
names it and what unit its result is in. Every outcome is defined once, in OUTCOMES. The outcome
is 'holds' (exact), 'rounding' (within the check's tolerance) or 'fails'; the expected outcome is
data too, so the release's own contradictions stay visible instead of being corrected away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .figure import Figure
from .words import plain


@dataclass(frozen=True)
class Kind:
    """One kind of check: arity (None for any number), formula, words and result display."""

    name: str
    arity: int | None
    words: str
    formula: Callable[[list[str]], str]
    compute: Callable[[list[float]], float]
    # The display the result must have (None: the operands' own unit; 'rank-change' gives places).
    result_display: str | None = None


KINDS = {
    kind.name: kind
    for kind in (
        Kind("sum", None, "sum", " + ".join, sum),
        Kind("at-most", None, "parts within a total", " + ".join, sum),
        Kind("equal", 1, "same figure stated twice", lambda t: t[0], lambda v: v[0]),
        Kind("difference", 2, "difference", lambda t: f"{t[0]} − {t[1]}", lambda v: v[0] - v[1]),
        Kind("share", 2, "share", lambda t: f"{t[0]} ÷ {t[1]} × 100", lambda v: v[0] / v[1] * 100, "percent"),
        Kind("ratio", 2, "ratio", lambda t: f"{t[0]} ÷ {t[1]}", lambda v: v[0] / v[1], "multiple"),
        Kind(
            "growth",
            2,
            "growth",
            lambda t: f"({t[1]} − {t[0]}) ÷ {t[0]} × 100",
            lambda v: (v[1] - v[0]) / v[0] * 100,
            "percent",
        ),
        Kind("multiple", 2, "multiple", lambda t: f"{t[1]} ÷ {t[0]}", lambda v: v[1] / v[0], "multiple"),
        Kind("rank-change", 2, "change of rank", lambda t: f"{t[0]} − {t[1]}", lambda v: v[0] - v[1]),
    )
}
# Kinds that divide by an operand, so a zero operand is an error.
DIVIDING = frozenset({"share", "ratio", "growth", "multiple"})
OUTCOMES = {"holds": "holds", "rounding": "holds within rounding", "fails": "fails"}
# How `make validate` summarises the outcomes: '18 hold, 4 hold within rounding, 1 fail as the release does'.
SUMMARY_WORDS = {"holds": "hold", "rounding": "hold within rounding", "fails": "fail as the release does"}


@dataclass(frozen=True)
class Check:
    id: str
    kind: str
    result: str
    operands: tuple[str, ...]
    tolerance: float
    expected: str
    explanation: str
    row: int


@dataclass(frozen=True)
class Outcome:
    """What evaluating a check gave: the computed number, the printed one, and the verdict."""

    check: Check
    computed: float
    stated: float
    status: str

    @property
    def as_expected(self) -> bool:
        return self.status == self.check.expected

    @property
    def words(self) -> str:
        return OUTCOMES[self.status]

    def arithmetic(self, figures: dict[str, Figure]) -> str:
        """'2.4 trillion + 7.7 trillion = 10.1 trillion (stated 10.1 trillion)', with raw numbers."""
        terms = [plain(figures[o].value) for o in self.check.operands]
        formula = KINDS[self.check.kind].formula(terms)
        if len(terms) > 1 or self.check.kind not in ("at-most", "equal"):
            formula = f"{formula} = {plain(self.computed, 4)}"
        if self.check.kind == "at-most":
            return f"{formula}, against a stated total of {plain(self.stated, 4)} (must not exceed it)"
        return f"{formula}, against a stated {plain(self.stated, 4)}"

    def line(self, figures: dict[str, Figure]) -> str:
        return f"{self.check.id}: {self.words}: {self.arithmetic(figures)}"


def evaluate(check: Check, figures: dict[str, Figure]) -> Outcome:
    """Evaluate one check whose operands the loader has already resolved."""
    stated = figures[check.result].value
    computed = KINDS[check.kind].compute([figures[o].value for o in check.operands])
    exact = 1e-9 * max(1.0, abs(stated))
    gap = computed - stated if check.kind == "at-most" else abs(computed - stated)
    if gap <= exact:
        status = "holds"
    elif gap <= check.tolerance + exact:
        status = "rounding"
    else:
        status = "fails"
    return Outcome(check, computed, stated, status)
