"""Read a number the way the release prints it ('10.1 trillion', '8th', '300+', 'Seven', 'July 14, 2020')."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

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
)
DATE = re.compile(
    r"(?P<month>[A-Z][a-z]+)(?: (?P<day>[0-9]{1,2}))?(?:,? (?P<year>[0-9]{4}))?|(?P<yearonly>[0-9]{4})"
)


@dataclass(frozen=True)
class Reading:
    """The number a printed token stands for, and the marks printed with it."""

    number: float
    suffix: str = ""

    @property
    def display(self) -> str | None:
        """The unit display the marks require, if they require one."""
        return {"%": "percent", "st": "rank", "nd": "rank", "rd": "rank", "th": "rank", "km2": "area"}.get(
            self.suffix
        )


def read_number(token: str) -> Reading | None:
    """A printed number, or None when the token is malformed (for example '12,7000')."""
    if token.lower() in WORDS:
        return Reading(float(WORDS[token.lower()]))
    match = NUMERAL.fullmatch(token)
    if not match:
        return None
    number = float(match["digits"].replace(",", "") + (match["decimals"] or ""))
    number *= SCALE.get(match["scale"] or "", 1)
    return Reading(number, match["suffix"] or "")


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
