"""How a number printed in the release is read back, so a value can be held against its token."""

import pytest

from macros.data.printed import read_date, read_number, read_relative_date


@pytest.mark.parametrize(
    ("token", "number", "suffix"),
    [
        ("10.1 trillion", 10.1e12, ""),
        ("2.2 million", 2.2e6, ""),
        ("170,000", 170_000, ""),
        ("4300", 4300, ""),
        ("94.6%", 94.6, "%"),
        ("8th", 8, "th"),
        ("300+", 300, "+"),
        ("Seven", 7, ""),
        ("3.5km2", 3.5, "km2"),
        ("14.3%↑", 14.3, "%"),
    ],
)
def test_a_well_printed_number_reads_as_its_value_and_marks(token, number, suffix):
    reading = read_number(token)
    assert reading is not None and reading.number == pytest.approx(number) and reading.suffix == suffix


@pytest.mark.parametrize("token", ["12,7000", "1,00", "ten thousand", "", "12.000.000", "KRW 1"])
def test_a_malformed_number_reads_as_nothing(token):
    assert read_number(token) is None


def test_marks_say_which_display_the_unit_needs():
    assert read_number("94.6%").display == "percent"
    assert read_number("4th").display == "rank"
    assert read_number("170,000").display is None


def test_a_rise_arrow_is_printed_with_the_number_and_leaves_its_reading_alone():
    assert read_number("14.3%↑") == read_number("14.3%")
    assert read_number("↑14.3%") is None


@pytest.mark.parametrize(
    ("token", "parts"),
    [
        ("July 14, 2020", (2020, 7, 14)),
        ("May 2021", (2021, 5, None)),
        ("2025", (2025, None, None)),
        ("July", (None, 7, None)),
    ],
)
def test_printed_dates_keep_only_the_parts_they_print(token, parts):
    assert read_date(token) == parts


@pytest.mark.parametrize("token", ["Julember 2021", "14/07/2020", "this year"])
def test_an_unreadable_date_reads_as_nothing(token):
    assert read_date(token) is None


@pytest.mark.parametrize(
    ("token", "period"),
    [
        ("second half of this year", "2021-07/2021-12"),
        ("By the year’s end", "../2021"),
        ("(-2025)", "../2025"),
        ("2025", None),
    ],
)
def test_a_date_printed_by_the_writing_year_or_by_its_end_alone_reads_as_its_period(token, period):
    """'(-2025)' gives only the end: up to 2025 (an open start), never the year 2025 itself."""
    assert read_relative_date(token, 2021) == period
