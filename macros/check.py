"""Arithmetic between figures, recorded as data and evaluated here.

Each kind is a formula over the operands; the outcome is 'holds' (exact), 'rounding' (within the
check's tolerance) or 'fails'. The expected outcome is data too, so the release's own
contradictions stay visible instead of being corrected away.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figure import Figure
from .unit import plain

ARITY = {
    "sum": None,
    "at-most": None,
    "equal": 1,
    "difference": 2,
    "share": 2,
    "ratio": 2,
    "growth": 2,
    "multiple": 2,
    "rank-change": 2,
}
FORMULA = {
    "sum": " + ".join,
    "at-most": " + ".join,
    "equal": lambda terms: terms[0],
    "difference": lambda terms: f"{terms[0]} − {terms[1]}",
    "share": lambda terms: f"{terms[0]} ÷ {terms[1]} × 100",
    "ratio": lambda terms: f"{terms[0]} ÷ {terms[1]}",
    "growth": lambda terms: f"({terms[1]} − {terms[0]}) ÷ {terms[0]} × 100",
    "multiple": lambda terms: f"{terms[1]} ÷ {terms[0]}",
    "rank-change": lambda terms: f"{terms[0]} − {terms[1]}",
}
OUTCOME_WORDS = {"holds": "holds", "rounding": "holds within rounding", "fails": "fails"}


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

    def arithmetic(self, figures: dict[str, Figure]) -> str:
        """'2.4 trillion + 7.7 trillion = 10.1 trillion (stated 10.1 trillion)', with raw numbers."""
        terms = [plain(figures[o].value) for o in self.check.operands]
        formula = FORMULA[self.check.kind](terms)
        if len(terms) > 1 or self.check.kind not in ("at-most", "equal"):
            formula = f"{formula} = {plain(self.computed, 4)}"
        if self.check.kind == "at-most":
            return f"{formula}, against a stated total of {plain(self.stated, 4)} (must not exceed it)"
        return f"{formula}, against a stated {plain(self.stated, 4)}"

    def line(self, figures: dict[str, Figure]) -> str:
        return f"{self.check.id}: {OUTCOME_WORDS[self.status]}: {self.arithmetic(figures)}"


def compute(kind: str, values: list[float]) -> float:
    """The number the operands produce for a check of this kind."""
    match kind:
        case "sum" | "at-most":
            return sum(values)
        case "equal":
            return values[0]
        case "difference" | "rank-change":
            return values[0] - values[1]
        case "share":
            return values[0] / values[1] * 100
        case "ratio":
            return values[0] / values[1]
        case "growth":
            return (values[1] - values[0]) / values[0] * 100
        case "multiple":
            return values[1] / values[0]
    raise ValueError(f"unknown check kind {kind!r}")


def evaluate(check: Check, figures: dict[str, Figure]) -> Outcome:
    """Evaluate one check whose operands the loader has already resolved."""
    stated = figures[check.result].value
    computed = compute(check.kind, [figures[o].value for o in check.operands])
    exact = 1e-9 * max(1.0, abs(stated))
    gap = computed - stated if check.kind == "at-most" else abs(computed - stated)
    if gap <= exact:
        status = "holds"
    elif gap <= check.tolerance + exact:
        status = "rounding"
    else:
        status = "fails"
    return Outcome(check, computed, stated, status)
