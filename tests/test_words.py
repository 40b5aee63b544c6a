"""How a reader sees numbers, dates and qualifiers: the words module, without building the site."""

import datetime as dt

import pytest

from macros.data.locator import Locator
from macros.data.words import (
    counted_place,
    day_words,
    fill,
    interval_words,
    language_words,
    ordinal,
    particle,
    plain,
    point_words,
    predicate,
    predicate_parts,
    printed_stretch,
    qualifier_name,
    qualify,
    range_qualifier,
    scaled,
    size_words,
    span_words,
    value_words,
)


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


# Korean forms, through Babel's Korean locale


def test_korean_file_sizes_share_one_unit():
    assert [size_words(n, "ko") for n in (688, 4_000, 46_900)] == ["0.7kB", "4kB", "46.9kB"]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (10.1e12, "10.1조"),
        (170_000, "17만"),
        (2_200_000, "220만"),
        (1e9, "10억"),
        (48_000_000, "4,800만"),
        (110e9, "1,100억"),
        (127_000, "12.7만"),
        (8_000, "8,000"),
        (123_456, "123,456"),
    ],
)
def test_korean_numbers_count_in_myriads_with_separators_in_the_mantissa(number, words):
    assert scaled(number, "ko") == words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (3.701e12, "3조 7,010억"),
        (10.05e12, "10조 500억"),
        (10.15e12, "10조 1,500억"),
        (114_099_950_000_000, "114조 999억 5,000만"),
        (16_950, "1만 6,950"),
        (44.75e12, "44조 7,500억"),
    ],
)
def test_korean_never_writes_more_than_one_decimal_of_a_myriad_word_but_the_compound_form(number, words):
    assert scaled(number, "ko") == words


def test_korean_counts_write_their_myriads_whole():
    assert value_words(127_000, "count", "개", "ko") == "12만 7,000개"
    assert value_words(170_000, "count", "개", "ko") == "17만 개"
    assert qualify("more-than", value_words(12_000, "count", "개", "ko"), "ko") == "1만 2,000여 개"


def test_korean_amounts_are_written_in_compound_myriads_as_an_economy_desk_prints_them():
    """An amount is never a decimal of 조 or 억 beside a compound one in the same passage ('1.5조 원'
    beside '2조 4,500억 원'): every amount is written in whole myriads."""
    assert value_words(12.7e12, "currency", "원", "ko") == "12조 7,000억 원"
    assert value_words(1.5e12, "currency", "원", "ko") == "1조 5,000억 원"
    assert value_words(49e12, "currency", "원", "ko") == "49조 원"
    assert value_words(2.45e12, "currency", "원", "ko") == "2조 4,500억 원"


@pytest.mark.parametrize(
    ("ends", "words"),
    [
        ((10.05e12, 10.15e12, False, False), "10조 500억 원 이상 10조 1,500억 원 이하"),
        ((170_000, 180_000, True, True), "17만 원 초과 18만 원 미만"),
        # One value, written as it is: a number printed without a qualifier is not claimed exact.
        ((8_000, 8_000, False, False), "8,000원"),
    ],
)
def test_korean_ranges_name_each_end_as_included_or_excluded(ends, words):
    assert interval_words(*ends, write=lambda n: value_words(n, "currency", "원", "ko"), lang="ko") == words


@pytest.mark.parametrize(
    ("word", "josa", "joined"),
    [
        ("8,000개", "으로", "8,000개로"),
        ("10.1조 원", "으로", "10.1조 원으로"),
        ("14.3%", "으로", "14.3%로"),
        ("49,000,000,000,000", "과", "49,000,000,000,000와"),
        ("10,100,000,000,000", "과", "10,100,000,000,000과"),
        ("8위", "이라고", "8위라고"),
        ("17만여 개", "이", "17만여 개가"),
        ("2,200명", "이", "2,200명이"),
        ("36,000km²", "으로", "36,000km²로"),
    ],
)
def test_a_korean_particle_takes_the_form_the_last_sound_calls_for(word, josa, joined):
    assert particle(word, josa) == joined


def test_a_word_whose_last_sound_cannot_be_told_stops_instead_of_showing_a_placeholder():
    with pytest.raises(ValueError, match="cannot tell"):
        particle("5G", "으로")


def test_fill_puts_particles_after_values_and_formats_the_rest():
    assert fill("{a:으로} 늘었고 {b}", a="8위", b="끝") == "8위로 늘었고 끝"
    assert fill("{a} to {b}", a="1", b="2") == "1 to 2"


@pytest.mark.parametrize(
    ("value", "display", "counter", "words"),
    [
        (10.1e12, "currency", "원", "10조 1,000억 원"),
        (3.701e12, "currency", "원", "3조 7,010억 원"),
        (105e9, "currency", "원", "1,050억 원"),
        (170_000, "count", "개", "17만 개"),
        (2_200_000, "count", "명", "220만 명"),
        (1e9, "count", "건", "10억 건"),
        (48_000_000, "count", "건", "4,800만 건"),
        (1_126, "count", "개", "1,126개"),
        (14.3, "percent", "%", "14.3%"),
        (95.3, "percent", "%", "95.3%"),
        (8, "rank", "위", "8위"),
        (19, "count", "계단", "19계단"),
        (2.9, "multiple", "배", "2.9배"),
        (36_000, "area", "km²", "3만 6,000km²"),
    ],
)
def test_korean_values_take_their_counter_spaced_after_a_scale_word_and_attached_to_digits(
    value, display, counter, words
):
    assert value_words(value, display, counter, "ko") == words


@pytest.mark.parametrize(
    ("qualifier", "shown", "words"),
    [
        ("approximately", "9만 명", "약 9만 명"),
        ("more-than", "17만 개", "17만여 개"),
        ("more-than", "220만 명", "220만여 명"),
        ("more-than", "300종", "300여 종"),
        ("more-than", "1,000곳", "1,000여 곳"),
        ("more-than", "10억 건", "10억여 건"),
        ("more-than", "14.3%", "14.3% 초과"),
        ("more-than", "12.7만 개", "12.7만 개 초과"),
        ("exact", "8,000개", "8,000개"),
    ],
)
def test_korean_qualifiers_are_written_as_the_korean_original_writes_them(qualifier, shown, words):
    assert qualify(qualifier, shown, "ko") == words


def test_about_or_more_is_written_either_side_of_the_number():
    assert qualify("about-or-more", "10억 건", "ko") == "약 10억 건 이상"
    assert qualify("about-or-more", "1 billion") == "about 1 billion or more"


def test_a_range_names_the_qualifier_its_value_shows_in_korean():
    # '17만여 개' has the range of 여, '14.3% 초과' that of 초과: never both nested, never 여 after a percentage.
    assert range_qualifier("more-than", "17만여 개", "ko") == "한정어 ‘여’"
    assert range_qualifier("more-than", "14.3% 초과", "ko") == "한정어 ‘초과’"
    # A bare 약 after a range ('8,500개 이하(약)') reads as 'about 8,500 or less': it is named as a qualifier.
    assert range_qualifier("approximately", "약 8,000개", "ko") == "한정어 ‘약’"
    assert range_qualifier("about-or-more", "약 10억 건 이상", "ko") is None
    assert range_qualifier("more-than", "more than 170,000") is None


def test_korean_qualifier_names():
    assert [qualifier_name(q, "ko") for q in ("exact", "approximately", "more-than")] == [
        "없음",
        "약",
        "‘여’·‘초과’",
    ]
    # The one name covers both words the rows show: 여 after a whole number, 초과 after a percentage;
    # 남짓 ('a little over') would not fit a percentage.
    assert "남짓" not in qualifier_name("more-than", "ko")
    assert [qualifier_name(q) for q in ("exact", "approximately", "more-than")] == [
        "none (printed as is)",
        "about",
        "more than",
    ]


def test_korean_dates_months_years_and_spans():
    assert day_words(dt.date(2021, 7, 22), "ko") == "2021년 7월 22일"
    assert point_words(2021, 7, lang="ko") == "2021년 7월"
    assert point_words(2025, lang="ko") == "2025년"
    assert span_words((2021, 7, None), (2021, 12, None), "ko") == "2021년 하반기"
    assert span_words((2021, 1, None), (2021, 6, None), "ko") == "2021년 상반기"
    assert span_words((2020, 7, None), (2021, 7, None), "ko") == "2020년 7월~2021년 7월"
    assert span_words((2020, None, None), (2025, None, None), "ko") == "2020~2025년"
    assert span_words((2020, 7, None), (2025, None, None), "ko") == "2020년 7월~2025년"
    assert span_words((2021, 7, None), (2021, 12, None)) == "the second half of 2021"


def test_language_names_come_from_babel_in_either_language():
    assert language_words("ko") == "Korean"
    assert language_words("ko", "ko") == "한국어"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'jp'"):
        plain(8000, lang="jp")


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        ("14.3% 초과", "14.3%를 넘습니다"),
        ("10조 1,000억 원", "10조 1,000억 원입니다"),
        ("17만여 개", "17만여 개입니다"),
    ],
)
def test_a_korean_sentence_says_a_value_beyond_a_number_as_a_verb(shown, said):
    """'14.3% 초과입니다' reads as a table cell read aloud; a sentence says '14.3%를 넘습니다'."""
    assert predicate(shown, "ko") == said


def test_a_korean_predicate_splits_where_a_bracket_about_the_value_goes():
    """Before the copula, so that '(2019~2020년, 실적)' reads with the value: '10곳(…)입니다'; after a verb
    that takes a particle, never between the number and its particle: '14.3%를 넘습니다(…)'."""
    assert predicate_parts("14.3% 초과", "ko") == ("14.3%를 넘습니다", "")
    assert predicate_parts("10곳", "ko") == ("10곳", "입니다")
    assert predicate_parts("10", "en") == ("is 10", "")


@pytest.mark.parametrize(
    ("number", "korean"),
    [(1, "첫째"), (2, "둘째"), (4, "넷째"), (8, "여덟째"), (10, "열째"), (11, "11번째")],
)
def test_a_korean_paragraph_is_counted_as_a_desk_counts_it(number, korean):
    """A desk writes 첫째 문단, never 1번째 문단; English keeps the paragraph's number."""
    assert counted_place(number, "ko") == korean
    assert counted_place(number) == str(number)


def test_a_place_in_another_source_names_its_paragraph_in_words():
    assert Locator("x", "text", "paragraph-2").place_words("ko") == "둘째 문단"
    assert Locator("x", "text", "section-1-paragraph-1").place_words("ko") == "1절 첫째 문단"
    assert Locator("x", "text", "paragraph-2").place_words("en") == "paragraph 2"


def test_a_list_is_joined_as_each_language_writes_one():
    from macros.data.words import list_words

    assert list_words(["a.xlsx", "b.xlsx", "figures.json"]) == "a.xlsx, b.xlsx and figures.json"
    assert list_words(["a.xlsx", "b.xlsx", "figures.json"], "ko") == "a.xlsx, b.xlsx 및 figures.json"
    assert list_words([], "ko") == ""


def test_the_qualifier_word_a_source_prints_is_found_before_its_number():
    from macros.data.words import printed_qualifier

    headline = "With participation of approximately 170,000 domestic businesses"
    assert printed_qualifier(headline, "170,000", "approximately", "en") == "approximately"
    assert printed_qualifier("About 8,000 smart factories", "8,000", "approximately", "en") == "About"
    assert printed_qualifier("by more than 14.3%", "14.3%", "more-than", "en") == "more than"
    # A word that only ends like a qualifier ('moreover') is none, and no word is none.
    assert printed_qualifier("moreover 14.3%", "14.3%", "more-than", "en") is None
    assert printed_qualifier("grew 14.3%", "14.3%", "more-than", "en") is None


def test_a_percentage_more_than_is_named_by_the_word_its_value_takes():
    """Korean never writes 14.3여%: a value written with 초과 is named 초과, not ‘여’·‘초과’, so the page
    does not credit its sources with a word they did not write."""
    assert qualifier_name("more-than", "ko", "14.3% 초과") == "초과"
    assert qualifier_name("more-than", "ko", "17만여 개") == "‘여’·‘초과’"
    assert qualifier_name("more-than", "en", "more than 14.3%") == "more than"


@pytest.mark.parametrize(
    ("quote", "printed", "qualifier", "shown"),
    [
        ("was participated by more than 170,000 businesses", "170,000", "more-than", "more than 170,000"),
        (
            "the Digital New Deal 2.0 (More than KRW 49 trillion to be",
            "49 trillion",
            "more-than",
            "More than KRW 49 trillion",
        ),
        ("About 8,000 factories and 4,000 micro-businesses", "4,000", "approximately", "4,000"),
        ("Subsidy24 (300+ types)", "300+", "more-than", "300+"),
    ],
)
def test_the_printed_form_keeps_the_qualifier_word_its_source_prints_before_it(
    quote, printed, qualifier, shown
):
    """A page that shows what the English release printed shows 'more than 170,000', not a bare 170,000;
    where the word does not stand right before the number (a currency between is allowed), the number."""
    assert printed_stretch(quote, printed, qualifier, "en") == shown
