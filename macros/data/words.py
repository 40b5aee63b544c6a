"""Every number, date and qualifier on the site is put into words here, and nowhere else.

Records keep values in base units (won, not trillion won); these functions write them the way a
reader expects in running text. The page builders, the exports and the command-line reports all
call them, so a change of style is one change.
"""

from __future__ import annotations

import calendar
import datetime as dt

SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
QUALIFIER_WORDS = {"exact": "", "approximately": "about", "more-than": "more than"}


def plain(number: float, max_decimals: int = 3) -> str:
    """Digits with thousands separators and only the decimals the value needs."""
    for decimals in range(max_decimals + 1):
        if abs(round(number, decimals) - number) < 1e-9 * max(1.0, abs(number)):
            return f"{number:,.{decimals}f}"
    return f"{number:,.{max_decimals}f}"


def scaled(number: float) -> str:
    """Large round amounts in words, as the release writes them: 10.1 trillion, 48 million."""
    for size, word in SCALES:
        if abs(number) >= size and abs(number / size - round(number / size, 3)) < 1e-9:
            return f"{plain(number / size)} {word}"
    return plain(number)


def ordinal(number: float) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def value_words(value: float, display: str, symbol: str = "") -> str:
    """A value as running text writes it in a unit of this display kind, without the qualifier."""
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


def interval_words(low: float, high: float, low_open: bool, high_open: bool, write=plain) -> str:
    """A range as a reader says it: 'exactly 8,000', 'from 16.85 to 16.95', 'above 170,000, below 180,000'."""
    if low == high:
        return f"exactly {write(low)}"
    if low_open or high_open:
        return f"{'above' if low_open else 'at least'} {write(low)}, {'below' if high_open else 'at most'} {write(high)}"
    return f"from {write(low)} to {write(high)}"


def qualify(qualifier: str, shown: str) -> str:
    """Put the qualifier in front of an already formatted value: 'more than 170,000'."""
    word = QUALIFIER_WORDS[qualifier]
    return f"{word} {shown}" if word else shown


def qualifier_name(qualifier: str) -> str:
    """The qualifier as a column shows it: 'about', 'more than' or 'exact'."""
    return QUALIFIER_WORDS[qualifier] or "exact"


def point_words(year: int, month: int | None = None, day: int | None = None) -> str:
    """A year, a month or a day: '2021', 'July 2021', '22 July 2021'."""
    if day and month:
        return f"{day} {calendar.month_name[month]} {year}"
    if month:
        return f"{calendar.month_name[month]} {year}"
    return str(year)


def span_words(start: tuple[int, int | None, int | None], end: tuple[int, int | None, int | None]) -> str:
    """An interval of time: 'the second half of 2021', or '2020 to 2025', 'July 2020 to July 2021'."""
    (y1, m1, d1), (y2, m2, d2) = start, end
    halves = {(1, 6): "first", (7, 12): "second"}
    if y1 == y2 and not (d1 or d2) and (m1, m2) in halves:
        return f"the {halves[m1, m2]} half of {y1}"
    return f"{point_words(*start)} to {point_words(*end)}"


def language_words(code: str) -> str:
    """A language tag in English words, from Babel's locale data: 'ko' -> 'Korean'."""
    from babel import Locale

    return Locale("en").languages.get(code, code)


def day_words(day: dt.date) -> str:
    """A date as the site writes it: '25 November 2026'."""
    return point_words(day.year, day.month, day.day)


def size_words(size: int) -> str:
    """A file size as the downloads list shows it: '812 bytes', '14.2 kB', '1.3 MB'."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{plain(round(size / 1000, 1))} kB"
    return f"{plain(round(size / 1_000_000, 1))} MB"
