"""What each kind of check computes and how it judges the result, on small made-up figures."""

import pytest

from macros.data.checks import KINDS, OUTCOMES, Check, evaluate
from macros.data.figure import Figure
from macros.data.locator import Locator
from macros.data.period import parse_period
from macros.data.unit import Unit

COUNT = Unit("things", "things", "", "count")
PERCENT = Unit("percent", "per cent", "%", "percent")


def figure(figure_id: str, value: float, unit: Unit = COUNT) -> Figure:
    return Figure(
        figure_id, "t", figure_id, value, unit, "exact", parse_period("2021"), "actual", str(value),
        (Locator("t"),), "s", None, 2,
    )  # fmt: skip


def outcome(kind: str, result: float, *operands: float, tolerance: float = 0.0):
    figures = {"r": figure("r", result), **{f"o{i}": figure(f"o{i}", v) for i, v in enumerate(operands)}}
    check = Check("c", kind, "r", tuple(f"o{i}" for i in range(len(operands))), tolerance, "holds", "", 2)
    return evaluate(check, figures)


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
def test_each_kind_computes_its_formula(kind, operands, computed):
    assert outcome(kind, computed, *operands).computed == pytest.approx(computed, rel=1e-4)


def test_every_kind_has_words_a_formula_and_an_arity_that_fits_it():
    for kind in KINDS.values():
        terms = ["a", "b"] if kind.arity in (None, 2) else ["a"]
        formula = kind.formula(terms)
        assert kind.words and all(term in formula for term in terms)


def test_an_exact_result_holds_a_near_one_holds_within_its_tolerance_and_a_far_one_fails():
    assert outcome("sum", 10.1, 2.4, 7.7).status == "holds"
    assert outcome("growth", 14.3, 16.9, 19.3, tolerance=0.65).status == "rounding"
    assert outcome("growth", 14.3, 16.9, 19.3).status == "fails"
    assert outcome("share", 94.6, 12_000, 127_000, tolerance=1).status == "fails"


def test_parts_within_a_total_hold_below_it_and_fail_above_it():
    assert outcome("at-most", 89, 21, 4).status == "holds"
    assert outcome("at-most", 20, 21, 4).status == "fails"


def test_the_arithmetic_line_shows_the_numbers_and_the_outcome_words():
    result = outcome("share", 94.6, 12_000, 127_000)
    line = result.line({"r": figure("r", 94.6), "o0": figure("o0", 12_000), "o1": figure("o1", 127_000)})
    assert line == "c: fails: 12,000 ÷ 127,000 × 100 = 9.4488, against a stated 94.6"
    assert result.words == OUTCOMES["fails"]
