"""What each kind of check computes and how it judges the result, on small made-up figures."""

import pytest

from macros.data.checks import KINDS, OUTCOMES, Check, evaluate
from macros.data.figure import Figure
from macros.data.intervals import Interval, point
from macros.data.locator import Locator
from macros.data.period import parse_period
from macros.data.unit import Unit

COUNT = Unit("things", "things", "", "count", "result")


def figure(figure_id: str, value: float) -> Figure:
    return Figure(
        figure_id, "t", figure_id, value, COUNT, "exact", parse_period("2021"), "actual", str(value),
        (Locator("t"),), "s", None, 2,
    )  # fmt: skip


def outcome(kind: str, result: Interval, *operands: Interval):
    """Evaluate a check of `kind` whose figures stand for these intervals (values: their midpoints)."""
    ids = [f"o{i}" for i in range(len(operands))]
    bounds = {"r": result, **dict(zip(ids, operands, strict=True))}
    figures = {i: figure(i, (b.low + b.high) / 2) for i, b in bounds.items()}
    return evaluate(Check("c", kind, "r", tuple(ids), "holds", "", None, 2), figures, bounds)


@pytest.mark.parametrize(
    ("kind", "operands", "computed"),
    [
        ("sum", (2.4, 7.7), 10.1),
        ("at-most", (21, 4), 25),
        ("equal", (170_000,), 170_000),
        ("difference", (10, 8), 2),
        ("share", (12_000, 127_000), 9.4488),
        ("ratio", (6, 3), 2),
        ("growth", (16.9, 19.3), 14.2012),
        ("multiple", (111, 500), 4.5045),
        ("rank-change", (26, 7), 19),
    ],
)
def test_each_kind_computes_its_formula_on_points(kind, operands, computed):
    result = outcome(kind, point(computed), *(point(v) for v in operands))
    assert result.computed == pytest.approx(computed, rel=1e-4)
    assert result.computed_bounds.low == pytest.approx(computed, rel=1e-4)


def test_growth_of_two_rounded_sizes_spans_every_rate_their_roundings_allow():
    sizes = (Interval(16.85, 16.95), Interval(19.25, 19.35))
    result = outcome("growth", Interval(14.25, 14.35), *sizes)
    assert result.computed_bounds.low == pytest.approx((19.25 / 16.95 - 1) * 100)
    assert result.computed_bounds.high == pytest.approx((19.35 / 16.85 - 1) * 100)
    assert result.status == "holds"


def test_a_share_of_a_more_than_total_has_open_ends_and_holds_when_it_meets_the_stated_range():
    total = Interval(170_000, 180_000, low_open=True, high_open=True)
    result = outcome("share", Interval(95.25, 95.35), point(163_000), total)
    assert (result.computed_bounds.low_open, result.computed_bounds.high_open) == (True, True)
    assert result.computed_bounds.high == pytest.approx(163_000 / 170_000 * 100)
    assert result.status == "holds"


def test_ranges_that_cannot_meet_fail_and_touching_open_ends_do_not_meet():
    assert outcome("share", Interval(94.55, 94.65), point(12_000), point(127_000)).status == "fails"
    assert outcome("equal", Interval(1, 2, high_open=True), Interval(2, 3, low_open=True)).status == "fails"
    assert outcome("equal", Interval(1, 2), Interval(2, 3)).status == "holds"


def test_parts_within_a_total_hold_below_it_and_fail_above_it():
    assert outcome("at-most", point(89), point(21), point(4)).status == "holds"
    assert outcome("at-most", point(20), point(21), point(4)).status == "fails"
    assert outcome("at-most", point(300), Interval(300, 400, True, True)).status == "fails"


def test_every_kind_has_words_a_formula_and_an_arity_that_fits_it():
    for kind in KINDS.values():
        terms = ["a", "b"] if kind.arity in (None, 2) else ["a"]
        formula = kind.formula(terms)
        assert kind.words and all(term in formula for term in terms)


def test_the_arithmetic_line_shows_the_numbers_the_ranges_and_the_outcome_words():
    result = outcome("share", Interval(94.55, 94.65, high_open=True), point(12_000), point(127_000))
    figures = {"r": figure("r", 94.6), "o0": figure("o0", 12_000), "o1": figure("o1", 127_000)}
    assert result.line(figures) == (
        "c: fails: 12,000 ÷ 127,000 × 100 ≈ 9.449, against a stated 94.6; "
        "as printed, about 9.449 against at least 94.55, below 94.65"
    )
    assert result.words == OUTCOMES["fails"]


def test_an_interval_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="cannot end before it starts"):
        Interval(2, 1)
