"""Arithmetic between figures, recorded as data and evaluated here.

Every check kind is defined once, in KINDS: how many operands it takes, its formula on numbers and
on intervals, how the site names it and what unit its result is in. Every outcome is defined once,
in OUTCOMES. A check computes the interval its operands can give (each operand is the interval its
printing allows, see `intervals`) and holds when that meets the interval of the stated figure; it
fails when they cannot meet. The expected outcome is data too, so the release's own
contradictions stay visible instead of being corrected away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import add

from .catalogue import tr
from .figure import Figure
from .intervals import Interval
from .language import Translated, text_in
from .words import fill, speaker


@dataclass(frozen=True)
class Kind:
    """One kind of check: arity (None for any number), formula, words and result display."""

    name: str
    arity: int | None
    words: str
    formula: Callable[[list[str]], str]
    compute: Callable[[list[float]], float]
    bounds: Callable[[list[Interval]], Interval]
    # The display the result must have (None: the operands' own unit; 'rank-change' gives places).
    result_display: str | None = None
    # True when the stated figure is a ceiling the operands must not pass, rather than a value to meet.
    ceiling: bool = False
    # The checks page's sentence on how the computed value stands to the stated figure, whole, so a
    # language may put its fields in its own order (context 'check relation'): {computed} the computed
    # range, {label} the stated figure (linked), {printed} its printed form, {range} and {rule} the range
    # that printing allows and the rule that gives it. A particle after {computed}, {range} or {rule}
    # takes its form from the value ({range:과}); {label} and {printed} are markup and take none.
    relation: str = "{computed}, which should meet {label}, {printed}: {range} ({rule})."
    # How the arithmetic line ends, with the stated number: 'against a stated 10.1 trillion' (translated
    # with the context 'check'; a particle after the number takes its form from its last sound, {stated:과}).
    against: str = "against a stated {stated}"
    # The display every operand and the result must have (None: any, as the units allow).
    compares: str | None = None
    # How the arithmetic line names the two sides as their printing allows them: a computed value
    # against the printed one, or (ranks) two published ranks, since nothing is computed from a rank.
    as_printed: str = "{formula}, {against}; as printed, {computed} against {printed}"
    # True when the check compares published figures and computes none, so its stated figure is no more
    # its subject than the others: it is named by all of them ('…의 한국 순위(2019년과 2020년)').
    compares_figures: bool = False
    # What a figure's page says of the figure's part in the check: as its stated figure, as one of the
    # figures it works from. A rank check's stated figure is the baseline the other rank must meet, so
    # 'the stated figure' would tell the reader the check is about it (translated with the context 'check role').
    roles: tuple[str, str] = (
        "this figure is the stated figure",
        "this figure is one of the figures it works from",
    )
    # How a sentence says the arithmetic in words, so the reader knows which number divides which:
    # {values} all operands, {first} and {second} the two of a two-operand kind (context 'check working').
    working: str = "working it out from {values}"


def _sum(intervals: list[Interval]) -> Interval:
    return reduce(add, intervals)


KINDS = {
    kind.name: kind
    for kind in (
        Kind("sum", None, "sum", " + ".join, sum, _sum, working="adding up {values}"),
        Kind(
            "at-most",
            None,
            "parts within a total",
            " + ".join,
            sum,
            _sum,
            ceiling=True,
            relation="{computed}, which must not exceed {label}, {printed}: {range} ({rule}).",
            against="against a stated total of {stated} (must not exceed it)",
        ),
        Kind(
            "rank-at-or-above",
            1,
            "baseline rank another must equal or beat",
            lambda t: t[0],
            lambda v: v[0],
            lambda i: i[0],
            ceiling=True,
            relation="{computed}, which must be at or above {label}, {printed}: {range} ({rule}).",
            against="against the rank {stated} (a smaller number is a higher rank: it must not be larger)",
            compares="rank",
            as_printed="{formula}, {against}; both ranks as published, {computed} and {printed}",
            compares_figures=True,
            roles=(
                "this figure is the baseline rank the other must equal or beat",
                "this figure is the rank that must equal or beat the baseline",
            ),
        ),
        Kind(
            "equal",
            1,
            "same figure stated twice",
            lambda t: t[0],
            lambda v: v[0],
            lambda i: i[0],
            compares_figures=True,
        ),
        Kind(
            "difference",
            2,
            "difference",
            lambda t: f"{t[0]} − {t[1]}",
            lambda v: v[0] - v[1],
            lambda i: i[0] - i[1],
            working="taking {second} from {first}",
        ),
        Kind(
            "share",
            2,
            "share",
            lambda t: f"{t[0]} ÷ {t[1]} × 100",
            lambda v: v[0] / v[1] * 100,
            lambda i: (i[0] / i[1]).scaled(100),
            "percent",
            working="dividing {first} by {second}",
        ),
        Kind(
            "ratio",
            2,
            "ratio",
            lambda t: f"{t[0]} ÷ {t[1]}",
            lambda v: v[0] / v[1],
            lambda i: i[0] / i[1],
            "multiple",
            working="dividing {first} by {second}",
        ),
        Kind(
            "growth",
            2,
            "growth",
            lambda t: f"({t[1]} − {t[0]}) ÷ {t[0]} × 100",
            lambda v: (v[1] - v[0]) / v[0] * 100,
            # b ÷ a − 1 rather than (b − a) ÷ a: each operand then appears once, so the interval is exact.
            lambda i: (i[1] / i[0]).scaled(100, -100),
            "percent",
            working="the growth from {first} to {second}",
        ),
        Kind(
            "multiple",
            2,
            "multiple",
            lambda t: f"{t[1]} ÷ {t[0]}",
            lambda v: v[1] / v[0],
            lambda i: i[1] / i[0],
            "multiple",
            working="dividing {second} by {first}",
        ),
        Kind(
            "rank-change",
            2,
            "change of rank",
            lambda t: f"{t[0]} − {t[1]}",
            lambda v: v[0] - v[1],
            lambda i: i[0] - i[1],
        ),
    )
}
# Kinds that divide by an operand, so a zero operand is an error.
DIVIDING = frozenset({"share", "ratio", "growth", "multiple"})
OUTCOMES = {"holds": "holds", "fails": "fails"}
# How `make validate` summarises the outcomes: '26 hold, 1 fail as the release does'.
SUMMARY_WORDS = {"holds": "hold", "fails": "fail as the release does"}


@dataclass(frozen=True)
class Check(Translated):
    id: str
    kind: str
    result: str
    operands: tuple[str, ...]
    expected: str
    explanation: str
    # Why operands in different units may be compared (each type counted as one product, say).
    assumption: str | None
    row: int
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()
    # The figures a failing check's explanation doubts (its result or operands); empty when it does not
    # say which is wrong. Only these carry the check's failure as their standing (`standing.reasons`).
    suspects: tuple[str, ...] = ()

    def doubts(self, figure_id: str) -> bool:
        """True when the check's failure points at this figure of it: one it names, or any when it names none."""
        return figure_id in self.suspects if self.suspects else figure_id in (self.result, *self.operands)

    def explanation_in(self, lang: str) -> str:
        return text_in(self, "explanation", lang)

    def assumption_in(self, lang: str) -> str | None:
        return text_in(self, "assumption", lang)


@dataclass(frozen=True)
class Outcome:
    """What evaluating a check gave: the computed number, the printed one, and the verdict."""

    check: Check
    computed: float
    stated: float
    status: str
    computed_bounds: Interval
    stated_bounds: Interval

    @property
    def as_expected(self) -> bool:
        return self.status == self.check.expected

    @property
    def words(self) -> str:
        return OUTCOMES[self.status]

    def arithmetic(self, figures: dict[str, Figure], lang: str = "en", ranges: bool = True) -> str:
        """'2.4 trillion + 7.7 trillion = 10.1 trillion (stated 10.1 trillion)', with raw numbers; without
        `ranges`, the sum alone, for a page that has just stated both ranges in words."""
        kind = KINDS[self.check.kind]

        # A number as a worked line writes it: Korean by myriads ('10조 1,000억', never 13 raw digits);
        # a quotient that does not end to three decimals, with ≈ where the formula gives it.
        number = speaker(lang).trace_number

        terms = [number(figures[o].value) for o in self.check.operands]
        formula = kind.formula(terms)
        if len(terms) > 1 or not (kind.arity == 1 or kind.ceiling):
            ends = abs(round(self.computed, 3) - self.computed) < 1e-9 * max(1.0, abs(self.computed))
            formula = f"{formula} {'=' if ends else '≈'} {number(self.computed)}"
        stated = number(self.stated)
        computed, printed = self.computed_bounds.words(number, lang), self.stated_bounds.words(number, lang)
        against = fill(tr(lang, kind.against, "check"), stated=stated)
        if not ranges:
            return f"{formula}, {against}"
        template = tr(lang, kind.as_printed, "check")
        return fill(template, formula=formula, against=against, computed=computed, printed=printed)

    def line(self, figures: dict[str, Figure]) -> str:
        return f"{self.check.id}: {self.words}: {self.arithmetic(figures)}"


def evaluate(check: Check, figures: dict[str, Figure], bounds: dict[str, Interval]) -> Outcome:
    """Evaluate one check on the intervals its figures' printing allows (`bounds`, by figure id)."""
    kind = KINDS[check.kind]
    computed, stated = kind.bounds([bounds[o] for o in check.operands]), bounds[check.result]
    meets = computed.reaches_down_to(stated) if kind.ceiling else computed.meets(stated)
    return Outcome(
        check,
        kind.compute([figures[o].value for o in check.operands]),
        figures[check.result].value,
        "holds" if meets else "fails",
        computed,
        stated,
    )
