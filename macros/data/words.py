"""Every number, date and qualifier on the site is put into words here, and nowhere else.

Records keep values in base units (won, not trillion won); these functions write them the way a
reader expects in running text, in English or in Korean (`lang`, one of LANGUAGES). The page
builders, the exports and the command-line reports all call them, so a change of style is one change.

Korean forms come from Babel's Korean locale data, not from hand-made tables: the myriad scale words
(만, 억, 조) from its compact number patterns, digits and separators from its decimal format ('4,800만'),
percentages from its percent format, dates from its long date format ('2021년 7월 22일'), months and
years from its skeletons, and spans from its interval formats. What Babel has no data for is
written here once: the half-year words (상반기, 하반기) and the qualifiers.

Qualifiers in Korean follow what the Korean original writes for these figures ('17만여개',
'4,300여종', '약 9만여명 이상'): 'approximately' is 약 before the number ('약 9만 명'); 'more-than'
is the suffix 여 ('a little over', 남짓) after a whole number, before its counter ('17만여 개',
'300여 종'). 여 never follows a decimal fraction or a sign, so there the number takes 초과 after it
('14.3% 초과'): 'more than' excludes the number itself, as 초과 does, where 이상 would include it. In
a table column the qualifier is named by both its words, 여·초과 (QUALIFIER_NAMES), as the checks
page names its rule: 여 alone could not stand as a name.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from functools import cache

from .language import HANGUL, LANGUAGES

SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
QUALIFIER_WORDS = {
    "en": {"exact": "", "approximately": "about", "more-than": "more than"},
    "ko": {"exact": "", "approximately": "약", "more-than": "여"},
}
# The qualifier as a table column names it, where the word itself is not a name ('exact').
QUALIFIER_NAMES = {"en": {"exact": "exact"}, "ko": {"exact": "정확", "more-than": "여·초과"}}
# After a decimal fraction or a sign, Korean cannot use 여 and writes 초과 ('more than': the value
# itself excluded) after it.
KOREAN_OR_MORE = "초과"
HALVES = {(1, 6): {"en": "first", "ko": "상반기"}, (7, 12): {"en": "second", "ko": "하반기"}}


def _language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'; use one of {', '.join(LANGUAGES)}")
    return lang


def _decimals(number: float, max_decimals: int) -> int:
    """The fewest decimals that write the number exactly (at most max_decimals)."""
    for decimals in range(max_decimals + 1):
        if abs(round(number, decimals) - number) < 1e-9 * max(1.0, abs(number)):
            return decimals
    return max_decimals


def plain(number: float, max_decimals: int = 3, lang: str = "en") -> str:
    """Digits with thousands separators and only the decimals the value needs."""
    decimals = _decimals(number, max_decimals)
    if _language(lang) == "ko":
        from babel.numbers import format_decimal

        return format_decimal(Decimal(f"{number:.{decimals}f}"), locale="ko")
    return f"{number:,.{decimals}f}"


def scaled(number: float, lang: str = "en", decimals: int = 1) -> str:
    """Large round amounts in words, as the release writes them: 10.1 trillion, 48 million; in
    Korean by myriads, the mantissa with its separators and at most `decimals` decimals: 10.1조,
    220만, 4,800만 (with decimals=0, as Korean writes a count: 12만 7,000)."""
    if _language(lang) == "ko":
        return _korean_scaled(number, decimals)
    for size, word in SCALES:
        if abs(number) >= size and abs(number / size - round(number / size, 3)) < 1e-9:
            return f"{plain(number / size)} {word}"
    return plain(number)


def _korean_scaled(number: float, decimals: int = 1) -> str:
    """Korean writes at most one decimal of a myriad word (10.1조, 12.7만); a round number that needs
    more, or whose mantissa runs to thousands, is written in compound form, each myriad with its own digits
    (3조 7,010억, 10조 500억, 1만 6,950, 1,049억 5,000만), and a number that is not round in digits (123,456)."""
    scales = _korean_scales()
    for n, (size, word) in enumerate(scales):
        # A myriad word holds its number when the mantissa is below the next word (47조, not 4,700억).
        below_next = n == 0 or abs(number) < scales[n - 1][0]
        # A decimal stays on a short mantissa (19.5조); a long one is compound (1,049억 5,000만, not 1,049.5억).
        places = _decimals(number / size, 3)
        if size <= abs(number) and below_next and places <= (decimals if abs(number) < 1000 * size else 0):
            return f"{plain(number / size, lang='ko')}{word}"
    round_at_a_scale = any(
        size <= abs(number) and abs(number / size - round(number / size, 3)) < 1e-9 for size, _ in scales
    )
    if not round_at_a_scale:
        return plain(number, lang="ko")
    parts, rest = [], abs(number)
    for size, word in scales:
        if rest >= size:
            whole = int(rest // size)
            parts.append(f"{plain(whole, lang='ko')}{word}")
            rest -= whole * size
    if rest > 1e-9:
        parts.append(plain(rest, lang="ko"))
    return ("-" if number < 0 else "") + " ".join(parts)


@cache
def _korean_scales() -> tuple[tuple[int, str], ...]:
    """만, 억, 조 and their sizes, from Babel's Korean compact patterns ('0만' at 10,000): each word
    whose pattern has one digit before it, from 만 up (Korean running text writes 8,000, not 8천)."""
    from babel import Locale

    patterns = Locale("ko").compact_decimal_formats["short"]["other"]
    return tuple(
        sorted(
            (
                (int(size), pattern.suffix[0])
                for size, pattern in patterns.items()
                if pattern.pattern.count("0") == 1 and int(size) >= 10**4
            ),
            reverse=True,
        )
    )


def ordinal(number: float) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def value_words(
    value: float, display: str, symbol: str = "", lang: str = "en", compound: bool = False
) -> str:
    """A value as running text writes it in a unit of this display kind, without the qualifier.

    `symbol` is the unit's mark in that language: its symbol in English (KRW, km²), its counter
    or unit word in Korean (원, 명, 위, 배, km²). `compound` writes a Korean amount in whole
    myriads ('10조 2,000억 원', not '10.2조 원'), so that both ends of a range read alike.
    """
    if _language(lang) == "ko":
        return _korean_value_words(value, display, symbol, compound)
    match display:
        case "currency":
            return f"{symbol} {scaled(value)}"
        case "percent":
            return f"{plain(value)}%"
        case "rank":
            return ordinal(value)
        case "multiple":
            return f"{plain(value)} times"
        case "area":
            return f"{plain(value)} {symbol}"
        case "count" if value >= 10**6:
            return scaled(value)
        case _:
            return plain(value)


def _korean_value_words(value: float, display: str, counter: str, compound: bool = False) -> str:
    """'10.1조 원', '17만 개', '12만 7,000개', '8,000개', '14.3%', '8위', '2.9배', '3만 6,000km²'."""
    match display:
        case "percent":
            from babel.numbers import format_percent

            return format_percent(
                Decimal(f"{value:.{_decimals(value, 3)}f}") / 100, locale="ko", decimal_quantization=False
            )
        case "currency":
            return with_counter(scaled(value, "ko", decimals=0 if compound else 1), counter)
        case "count" | "area":
            # Korean writes a count's myriads whole: 12만 7,000개, not 12.7만 개.
            return with_counter(scaled(value, "ko", decimals=0), counter)
        case _:
            return with_counter(plain(value, lang="ko"), counter)


def with_counter(number: str, counter: str) -> str:
    """A Korean number and its counter: spaced after a scale word ('17만 개', '10.1조 원'), attached
    to digits ('8,000개', '8위') and to signs ('3만 6,000km²')."""
    if not counter:
        return number
    spaced = HANGUL.match(counter) and HANGUL.match(number[-1])
    return f"{number}{' ' if spaced else ''}{counter}"


# The ends of a range in Korean: an included end takes 이상/이하, an excluded one 초과/미만.
KOREAN_ENDS = {(False, "low"): "이상", (True, "low"): "초과", (False, "high"): "이하", (True, "high"): "미만"}


def interval_words(
    low: float, high: float, low_open: bool, high_open: bool, write=plain, lang: str = "en"
) -> str:
    """A range as a reader says it: 'exactly 8,000', 'from 16.85 to 16.95', 'above 170,000, below 180,000';
    '정확히 8,000', '16조 8,500억 원 이상 16조 9,500억 원 이하', '17만 초과 18만 미만'."""
    # A single value that does not end at three decimals (991 ÷ 220) is written rounded, so 'about'.
    inexact = abs(round(low, 3) - low) > 1e-9 * max(1.0, abs(low))
    if _language(lang) == "ko":
        if low == high:
            return f"{'약' if inexact else '정확히'} {write(low)}"
        return (
            f"{write(low)} {KOREAN_ENDS[(low_open, 'low')]} {write(high)} {KOREAN_ENDS[(high_open, 'high')]}"
        )
    if low == high:
        return f"{'about' if inexact else 'exactly'} {write(low)}"
    if low_open or high_open:
        return f"{'above' if low_open else 'at least'} {write(low)}, {'below' if high_open else 'at most'} {write(high)}"
    return f"from {write(low)} to {write(high)}"


# A Korean value whose number is whole (in myriads too: 1만 2,000) and followed by its counter (or
# nothing): 여 can follow it.
_WHOLE_THEN_COUNTER = re.compile(
    r"(?P<number>[0-9][0-9,]*[만억조]?(?: [0-9][0-9,]*[만억조]?)*)(?P<counter> ?[가-힣]+)?"
)


def qualify(qualifier: str, shown: str, lang: str = "en") -> str:
    """Put the qualifier with an already formatted value: 'more than 170,000', '약 9만 명',
    '17만여 개', '14.3% 초과'."""
    word = QUALIFIER_WORDS[_language(lang)][qualifier]
    if not word:
        return shown
    if lang == "ko" and qualifier == "more-than":
        whole = _WHOLE_THEN_COUNTER.fullmatch(shown)
        if not whole:
            return f"{shown} {KOREAN_OR_MORE}"
        counter = (whole["counter"] or "").strip()
        return f"{whole['number']}{word}{' ' + counter if counter else ''}"
    return f"{word} {shown}"


# How a symbol after a Korean number is read aloud, which decides the particle after it.
READINGS = {"%": "퍼센트", "km²": "제곱킬로미터", "×": "배"}


def particle(word: str, josa: str) -> str:
    """The word with the form of a Korean particle its final sound takes, chosen by tossi ('8,000개로',
    '10.1조 원으로', '14.3%로'); a word whose sound cannot be told raises, so no '(으)로' is ever shown."""
    import tossi

    reading = word.replace(",", "")
    for symbol, said in READINGS.items():
        if reading.endswith(symbol):
            reading = reading[: -len(symbol)] + said
    joined = tossi.postfix(reading, josa)
    if "(" in joined[len(reading) :]:
        raise ValueError(f"cannot tell which form of '{josa}' follows '{word}'")
    return word + joined[len(reading) :]


def fill(template: str, **values: str) -> str:
    """str.format, where a Korean particle as format spec takes the form the value's last sound calls
    for: fill('{last:으로} 늘었습니다', last='8,000개') is '8,000개로 늘었습니다'."""
    import string

    class _Particles(string.Formatter):
        def format_field(self, value, spec):
            return particle(str(value), spec) if HANGUL.match(spec) else super().format_field(value, spec)

    return _Particles().format(template, **values)


def qualifier_name(qualifier: str, lang: str = "en") -> str:
    """The qualifier as a column shows it: 'about', 'more than' or 'exact'; 약, 여·초과 or 정확."""
    return QUALIFIER_NAMES[_language(lang)].get(qualifier) or QUALIFIER_WORDS[lang][qualifier]


def point_words(year: int, month: int | None = None, day: int | None = None, lang: str = "en") -> str:
    """A year, a month or a day: '2021', 'July 2021', '22 July 2021'; '2021년', '2021년 7월', '2021년 7월 22일'."""
    if _language(lang) == "ko":
        from babel.dates import format_date, format_skeleton

        if day and month:
            return format_date(dt.date(year, month, day), "long", locale="ko")
        return format_skeleton("yMMMM" if month else "y", dt.date(year, month or 1, 1), locale="ko")
    if day and month:
        return f"{day} {calendar.month_name[month]} {year}"
    if month:
        return f"{calendar.month_name[month]} {year}"
    return str(year)


def span_words(
    start: tuple[int, int | None, int | None], end: tuple[int, int | None, int | None], lang: str = "en"
) -> str:
    """An interval of time: 'the second half of 2021', or '2020 to 2025', 'July 2020 to July 2021';
    '2021년 하반기', '2020년 ~ 2025년', '2020년 7월 ~ 2021년 7월'."""
    (y1, m1, d1), (y2, m2, d2) = start, end
    half = HALVES.get((m1, m2)) if y1 == y2 and not (d1 or d2) else None
    if _language(lang) == "ko":
        if half:
            return f"{point_words(y1, lang='ko')} {half['ko']}"
        return _korean_span(start, end)
    if half:
        return f"the {half['en']} half of {y1}"
    return f"{point_words(*start)} to {point_words(*end)}"


def _korean_span(start: tuple[int, int | None, int | None], end: tuple[int, int | None, int | None]) -> str:
    """Babel's Korean interval format for two points of one precision, its fallback pattern otherwise."""
    from babel import Locale
    from babel.dates import format_interval

    (y1, m1, d1), (y2, m2, d2) = start, end
    if (m1 is None) == (m2 is None) and (d1 is None) == (d2 is None):
        skeleton = "yMMMd" if d1 else "yMMM" if m1 else "y"
        return format_interval(
            dt.date(y1, m1 or 1, d1 or 1), dt.date(y2, m2 or 1, d2 or 1), skeleton, locale="ko"
        )
    return (
        Locale("ko")
        .interval_formats[None]
        .format(point_words(*start, lang="ko"), point_words(*end, lang="ko"))
    )


# Korean names a document by its script, not by the language's name: 국문 보도자료, 영문 보도자료.
KOREAN_DOCUMENT_LANGUAGES = {"ko": "국문", "en": "영문"}


def language_words(code: str, lang: str = "en", document: bool = False) -> str:
    """A language tag in words, from Babel's locale data: 'ko' -> 'Korean' (in Korean, '한국어'); of a
    document in Korean, the word Korean writes before it ('국문', '영문')."""
    from babel import Locale

    if document and _language(lang) == "ko" and code in KOREAN_DOCUMENT_LANGUAGES:
        return KOREAN_DOCUMENT_LANGUAGES[code]
    return Locale(_language(lang)).languages.get(code, code)


def day_words(day: dt.date, lang: str = "en") -> str:
    """A date as the site writes it: '25 November 2026'; '2026년 11월 25일'."""
    return point_words(day.year, day.month, day.day, lang)


def size_words(size: int, lang: str = "en") -> str:
    """A file size as the downloads list shows it: '812 bytes', '14.2 kB', '1.3 MB'; '812바이트', '14.2kB'."""
    if size < 1000:
        return f"{plain(size, lang=lang)}바이트" if _language(lang) == "ko" else f"{size} bytes"
    space = "" if lang == "ko" else " "
    if size < 1_000_000:
        return f"{plain(round(size / 1000, 1), lang=lang)}{space}kB"
    return f"{plain(round(size / 1_000_000, 1), lang=lang)}{space}MB"
