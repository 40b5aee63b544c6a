"""The range a printed number stands for: one rule per way of printing, each with its reason."""

import pytest

from macros.data.intervals import RULE_FOR, RULES, Interval, interval_of
from macros.data.package import load_package
from macros.data.printed import read_number
from macros.data.words import number_after_qualifier, printed_stretch


def interval(token: str, value: float, qualifier: str = "exact", display: str = "count") -> Interval:
    found, _ = interval_of(value, qualifier, read_number(token), display)
    return found


def test_a_count_written_in_full_is_taken_at_its_word():
    assert interval("8,000", 8000) == Interval(8000, 8000)
    assert interval("8th", 8, display="rank") == Interval(8, 8)


def test_a_rounded_number_covers_half_a_unit_of_its_last_digit_below_its_upper_end():
    """Rounding half up makes 16.95 trillion print as 17.0: the low end is included, the high end is not."""
    assert interval("16.9 trillion", 16.9e12, display="currency") == Interval(
        16.85e12, 16.95e12, high_open=True
    )
    low, high = (
        interval("95.3%", 95.3, display="percent").low,
        interval("95.3%", 95.3, display="percent").high,
    )
    assert (low, high) == pytest.approx((95.25, 95.35))
    assert interval("49 trillion", 49e12, display="currency") == Interval(48.5e12, 49.5e12, high_open=True)


def test_a_rounded_range_says_its_upper_end_is_excluded_in_each_language():
    found = interval("95.3%", 95.3, display="percent")
    assert found.words() == "at least 95.25, below 95.35"
    assert found.words(lang="ko") == "95.25 이상 95.35 미만"


def test_a_number_is_read_to_its_last_printed_digit_in_every_korean_form():
    """One precision rule: the digit before the last scale word, or the units digit of a number
    written out in full. '114조1000억원' and '1050억원' are read to 1억 alike, not one of them to 1,000억;
    '12만7000개' ends in its units digit, so it is taken as printed, as '8,000' is."""
    for token, value, low, high in [
        ("114조1000억원", 114.1e12, 114.09995e12, 114.10005e12),
        ("1050억원", 1.05e11, 1.0495e11, 1.0505e11),
        ("3조701억원", 3.0701e12, 3.07005e12, 3.07015e12),
        ("25조2500억원", 25.25e12, 25.24995e12, 25.25005e12),
        ("58.2조원", 58.2e12, 58.15e12, 58.25e12),
    ]:
        found = interval(token, value, display="currency")
        assert (found.low, found.high) == pytest.approx((low, high)), token
    found, rule = interval_of(127_000, "exact", read_number("12만7000개"), "count")
    assert (found, rule.name) == (Interval(127_000, 127_000), "in-full")


def test_a_whole_share_or_multiple_is_rounded_too():
    assert interval("95%", 95, display="percent") == Interval(94.5, 95.5, high_open=True)


def test_about_covers_half_a_unit_of_the_last_significant_digit():
    assert interval("90,000", 90_000, "approximately") == Interval(85_000, 95_000, high_open=True)
    assert interval("170,000", 170_000, "approximately") == Interval(165_000, 175_000, high_open=True)


def test_more_than_is_open_from_the_number_to_the_next_round_number():
    assert interval("170,000", 170_000, "more-than") == Interval(170_000, 180_000, True, True)
    assert interval("300+", 300, "more-than") == Interval(300, 400, True, True)
    found = interval("14.3%", 14.3, "more-than", "percent")
    assert (found.low, found.high, found.low_open) == (14.3, pytest.approx(14.4), True)


def test_korean_about_or_more_may_fall_a_little_short_and_has_no_printed_upper_end():
    """'약 9만여명 이상': 약 lets the value fall below 9만, 이상 sets no upper end; the checks' upper end
    (the next round number) is their reading, which the rule says it is."""
    reading = read_number("약 9만여명 이상")
    assert "about-or-more" in reading.allows
    found, rule = interval_of(90_000, "about-or-more", reading, "count")
    assert found == Interval(85_000, 100_000, high_open=True)
    assert not rule.printed_upper
    assert found.lower_end_words() == "at least 85,000"


def test_about_reads_a_number_with_a_scale_word_to_its_last_digit_before_the_word():
    """'약 10억건 이상' lets the value fall a little short of 10억, as 약 does on every other page (half a
    unit of its last printed digit: 9억 5,000만), and its next round number is one unit of that same
    digit up (11억), not 20억; a number written in full keeps the rule of its last digit that is not a
    trailing zero ('about 90,000')."""
    found, _ = interval_of(1e9, "about-or-more", read_number("약 10억건 이상"), "count")
    assert found == Interval(9.5e8, 11e8, high_open=True)
    found, _ = interval_of(2.2e6, "more-than", read_number("220만여 명 이상"), "count")
    assert found == Interval(2.2e6, 2.21e6, True, True)
    assert interval("90,000", 90_000, "approximately") == Interval(85_000, 95_000, high_open=True)


def test_more_than_states_only_its_low_end():
    found, rule = interval_of(14.3, "more-than", read_number("14.3%"), "percent")
    assert not rule.printed_upper
    assert found.lower_end_words(lang="ko") == "14.3 초과"


def test_every_qualifier_has_a_rule_and_every_rule_a_reason():
    assert set(RULE_FOR) == {"exact", "approximately", "more-than", "about-or-more"}
    assert {r.qualifier for r in RULES} == set(RULE_FOR)
    assert all(r.reason and r.applies and r.interval for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_the_rules_table_shows_each_rule_s_examples_as_the_reader_and_the_rule_work_them_out(rule):
    """The examples beside each rule are worked out, never typed: each is read by printed.py, falls under
    this rule, and the page shows the interval it gets, in both editions."""
    worked = rule.worked_examples()
    assert len(worked) >= 2
    for lang in ("en", "ko"):
        shown = rule.texts_in(lang)[1]
        for token, found, display in worked:
            assert token in shown
            reading = read_number(number_after_qualifier(token, rule.qualifier))
            assert interval_of(reading.number, rule.qualifier, reading, display)[0] == found
        assert rule.examples_in(lang) in shown


def test_the_korean_rules_table_reads_its_examples_by_the_same_precision():
    texts = {r.name: r.texts_in("ko")[1] for r in RULES}
    assert "‘약 10억건 이상’: 9억 5,000만 이상 11억 미만" in texts["about-or-more"]
    assert "‘약 10.1조원’: 10조 500억 이상 10조 1,500억 미만" in texts["about"]
    assert "‘1050억원’: 1,049억 5,000만 이상 1,050억 5,000만 미만" in texts["rounded"]
    assert "‘3조701억원’: 3조 700억 5,000만 이상 3조 701억 5,000만 미만" in texts["rounded"]
    assert "‘12만7000개’: 12만 7,000" in texts["in-full"]
    assert ";" not in "".join(texts.values())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_example_of_a_rule_is_a_form_a_source_prints(rule):
    """An example in quotation marks is a source's words: some figure of the same qualifier prints it,
    with the qualifier word its sentence puts before the number ('About 8,000', 'more than 170,000'),
    never a form the site made up ('about 90,000 or more')."""
    figures = [f for f in load_package().figures.values() if f.qualifier == rule.qualifier]
    printed = {printed_stretch(f.quote or "", f.as_printed, f.qualifier, "en") for f in figures}
    printed |= {f.as_printed for f in figures}
    for token, _display in rule.examples:
        assert token in printed, f"{token!r} is no figure's printed form"


def test_open_and_closed_ends_meet_only_where_a_value_lies_in_both():
    assert Interval(1, 2).meets(Interval(2, 3))
    assert not Interval(1, 2, high_open=True).meets(Interval(2, 3))
    assert Interval(170_000, 180_000, True, True).meets(Interval(165_000, 175_000))
