"""How a reader sees numbers, dates and qualifiers: the words module, without building the site."""

import datetime as dt

import pytest

from macros.data.words import day_words, ordinal, plain, point_words, qualify, size_words, value_words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (8000, "8,000"),
        (14.3, "14.3"),
        (2.865, "2.865"),
        (2.86512, "2.865"),
        (0.5, "0.5"),
        (1234567, "1,234,567"),
    ],
)
def test_plain_numbers_have_separators_and_only_the_decimals_they_need(number, words):
    assert plain(number) == words


@pytest.mark.parametrize(
    ("value", "display", "symbol", "words"),
    [
        (10.1e12, "currency", "KRW", "KRW 10.1 trillion"),
        (2.4e12, "currency", "KRW", "KRW 2.4 trillion"),
        (500e9, "currency", "KRW", "KRW 500 billion"),
        (2_200_000, "count", "", "2.2 million"),
        (170_000, "count", "", "170,000"),
        (95.3, "percent", "%", "95.3%"),
        (8, "rank", "", "8th"),
        (2.9, "multiple", "", "2.9 times"),
        (3.5, "area", "km2", "3.5 km2"),
        (1234.5e12, "currency", "KRW", "KRW 1,234.5 trillion"),
    ],
)
def test_values_are_written_as_running_text_writes_them(value, display, symbol, words):
    assert value_words(value, display, symbol) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (111, "111th"),
    ],
)
def test_ordinals_follow_english_suffixes(n, words):
    assert ordinal(n) == words


def test_qualifiers_come_before_the_value():
    assert qualify("more-than", "170,000") == "more than 170,000"
    assert qualify("approximately", "90,000") == "about 90,000"
    assert qualify("exact", "8,000") == "8,000"


def test_dates_are_written_day_month_year():
    assert day_words(dt.date(2021, 7, 22)) == "22 July 2021"
    assert point_words(2021, 7) == "July 2021"
    assert point_words(2025) == "2025"


@pytest.mark.parametrize(
    ("size", "words"),
    [(0, "0 bytes"), (999, "999 bytes"), (1000, "1 kB"), (14_249, "14.2 kB"), (1_260_000, "1.3 MB")],
)
def test_file_sizes_are_rounded_to_one_decimal(size, words):
    assert size_words(size) == words
