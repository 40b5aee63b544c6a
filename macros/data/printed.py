"""Read a number the way the release prints it ('10.1 trillion', '8th', '300+', 'Seven', 'July 14, 2020')."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .language import HANGUL

WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
SCALE = {"trillion": 10**12, "billion": 10**9, "million": 10**6}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
NUMERAL = re.compile(
    r"(?P<digits>[0-9]{1,3}(,[0-9]{3})+|[0-9]+)(?P<decimals>\.[0-9]+)?"
    r"(?: (?P<scale>trillion|billion|million))?"
    r"(?P<suffix>%|st|nd|rd|th|\+|km2)?"
    # An arrow after a rate ('14.3%↑', as the Korean original prints it) marks a rise: printed with the
    # number, it says nothing of the number's size, precision or qualifier.
    r"↑?"
)
DATE = re.compile(
    r"(?P<month>[A-Z][a-z]+)(?: (?P<day>[0-9]{1,2}))?(?:,? (?P<year>[0-9]{4}))?|(?P<yearonly>[0-9]{4})"
)


# Dates the release gives relative to the year it was written ('this year'), as ISO periods of that year.
RELATIVE_DATES = (
    (re.compile(r"(?:[Ii]n )?(?:the )?second half of this year"), "{y}-07/{y}-12"),
    (re.compile(r"(?:[Ii]n )?(?:the )?first half of this year"), "{y}-01/{y}-06"),
    # 'By the year's end' names no day: a deadline no later than the end of the year (an open start).
    (re.compile(r"[Bb]y the year[’']s end"), "../{y}"),
    (re.compile(r"(?:[Ii]n )?(?P<month>[A-Z][a-z]+) this year"), "{y}-{m:02d}"),
    (re.compile(r"this year"), "{y}"),
    # '(-2025)': a span the source gives only its end, up to that year (an open start), not the year itself.
    (re.compile(r"\(-(?P<end>[0-9]{4})\)"), "../{end}"),
    # Korean: 상반기(중) 'in the first half', 하반기 'in the second half', of the writing year.
    (re.compile(r"(?:올해 ?)?상반기(?: ?중)?"), "{y}-01/{y}-06"),
    (re.compile(r"(?:올해 ?)?하반기(?: ?중)?"), "{y}-07/{y}-12"),
)


@dataclass(frozen=True)
class Reading:
    """The number a printed token stands for, the marks printed with it, and how precisely it is printed.

    `step` is the place value of the last digit printed: the last decimal ('16.9 trillion': 0.1
    trillion), the digit before the last scale word ('1050억원', '114조1000억원': 1억), or the units digit
    of a number written out in full ('8,000', '12만7000개': 1). `round_step` is that of the last digit that
    is not a trailing zero of a whole number (1,000 for '8,000', 10,000 for '170,000'); `in_full` says the
    last part is written digit for digit, with no decimal fraction and no scale word after it.
    """

    number: float
    suffix: str = ""
    step: float = 1.0
    round_step: float = 1.0
    in_full: bool = True
    # The qualifiers a Korean number's marks allow (약, 여, 이상); None for a number printed in English.
    allows: frozenset[str] | None = None

    @property
    def qualified_step(self) -> float:
        """The precision a qualifier ('about', 'more than', 약, 여, 이상) reads the number to: its last
        printed digit, except that the trailing zeros of a number written out in full only hold places
        ('about 90,000': to 10,000; '약 10억' and '10억여': to 1억, as the unqualified '10억' is read)."""
        return self.round_step if self.in_full else self.step

    @property
    def display(self) -> str | None:
        """The unit display the marks require, if they require one."""
        return {"%": "percent", "st": "rank", "nd": "rank", "rd": "rank", "th": "rank", "km2": "area"}.get(
            self.suffix
        )


def read_number(token: str) -> Reading | None:
    """A printed number, in English or Korean form, or None when the token is malformed ('12,7000')."""
    if token.lower() in WORDS:
        return Reading(float(WORDS[token.lower()]))
    match = NUMERAL.fullmatch(token)
    if not match:
        return _korean(token)
    digits, decimals = match["digits"].replace(",", ""), match["decimals"] or ""
    scale = SCALE.get(match["scale"] or "", 1)
    return _reading(float(digits + decimals) * scale, digits, decimals, scale, match["suffix"] or "")


def _reading(
    number: float,
    digits: str,
    decimals: str,
    scale: int,
    suffix: str = "",
    allows: frozenset[str] | None = None,
) -> Reading:
    """The reading of a number whose last printed part is `digits` + `decimals` times `scale`."""
    step = 10.0 ** -(len(decimals) - 1) * scale if decimals else float(scale)
    zeros = 0 if decimals or digits == "0" else len(digits) - len(digits.rstrip("0"))
    return Reading(number, suffix, step, step * 10**zeros, not decimals and scale == 1, allows)


def read_date(token: str) -> tuple[int | None, int | None, int | None] | None:
    """A printed date as (year, month, day), None for parts it leaves out; None when unreadable."""
    match = DATE.fullmatch(token)
    if not match:
        return None
    if match["yearonly"]:
        return int(match["yearonly"]), None, None
    month = MONTHS.get(match["month"].lower())
    if month is None:
        return None
    year = int(match["year"]) if match["year"] else None
    day = int(match["day"]) if match["day"] else None
    return year, month, day


def read_relative_date(token: str, year: int) -> str | None:
    """The ISO period a date printed relative to the writing year stands for, or one printed only by its
    end ('(-2025)'), or None if it is neither."""
    for pattern, period in RELATIVE_DATES:
        match = pattern.fullmatch(token)
        if match:
            month = MONTHS.get((match.groupdict().get("month") or "").lower())
            if "month" in match.groupdict() and month is None:
                return None
            return period.format(y=year, m=month or 0, end=match.groupdict().get("end"))
    return None


KOREAN_SCALE = {"조": 10**12, "억": 10**8, "만": 10**4}
KOREAN_PART = re.compile(
    r"(?P<digits>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<decimals>\.[0-9]+)? ?(?P<scale>[조억만])?"
)
KOREAN = re.compile(
    r"(?P<about>약 ?)?(?P<number>[0-9][0-9,.]*(?: ?[조억만])?(?: ?[0-9][0-9,.]*(?: ?[조억만])?)*)"
    r"(?P<odd>여)? ?(?P<counter>[가-힣]*?)(?: ?(?P<more>이상))?"
)
# What the marks of a Korean number say about it: 약 'about'; 여 '-odd' and 이상 'or more', both above it.
KOREAN_MARKS = {"about": "approximately", "odd": "more-than", "more": "more-than"}


def printed_sign(token: str) -> str | None:
    """The sign a number printed in English carries for its qualifier ('300+': '+'), or None."""
    match = NUMERAL.fullmatch(token)
    return "+" if match and match["suffix"] == "+" else None


def printed_marks(token: str) -> tuple[str, ...]:
    """The qualifier words a number printed in Korean carries, as printed and in their order ('220만여 명
    이상': 여, 이상; '약 8,000개': 약); none for a number printed otherwise or with no such word."""
    match = KOREAN.fullmatch(token) if HANGUL.search(token) else None
    if not match or _korean(token) is None:
        return ()
    return tuple(match[m].strip() for m in ("about", "odd", "more") if match[m])


def _korean(token: str) -> Reading | None:
    """A number as Korean prints it ('12만7000개', '58.2조원', '약 9만여명 이상'), with the qualifiers
    its marks allow; None when the token is not one."""
    match = KOREAN.fullmatch(token) if HANGUL.search(token) else None
    if not match or match["counter"] in ("조", "억", "만"):
        return None
    parts = list(KOREAN_PART.finditer(match["number"].replace(" ", "")))
    if not parts or "".join(p.group() for p in parts) != match["number"].replace(" ", ""):
        return None
    number, last = 0.0, parts[-1]
    for part in parts:
        scale = KOREAN_SCALE.get(part["scale"] or "", 1)
        number += float(part["digits"].replace(",", "") + (part["decimals"] or "")) * scale
    marks = frozenset(KOREAN_MARKS[m] for m in KOREAN_MARKS if match[m]) or frozenset({"exact"})
    if match["about"] and match["more"]:
        # 약 … 이상 together: 'about that, or more', which neither mark says alone ('about' alone sets an
        # upper end, 'more than' alone drops the 약 that lets the value fall short). The single marks stay
        # allowed so that a release made before this qualifier existed still loads.
        marks |= {"about-or-more"}
    digits, decimals = last["digits"].replace(",", ""), last["decimals"] or ""
    # Read to its last printed digit like every other number: '114조1000억원' to 1억 as '1050억원' is, and
    # '12만7000개' to its units digit, a number written out in full.
    return _reading(number, digits, decimals, KOREAN_SCALE.get(last["scale"] or "", 1), "", marks)
