"""ISO 8601 periods: a year, a month, a date, an interval start/end, or an open start ../end.

The open start (ISO 8601-2) is for what the source counts up to an end without saying from when:
a total 'by 2025', a deadline 'by the year's end'."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .words import by_words, point_words, span_words, until_words

OPEN = ".."

POINT = re.compile(r"(?P<y>[0-9]{4})(-(?P<m>[0-9]{2})(-(?P<d>[0-9]{2}))?)?")


@dataclass(frozen=True)
class Point:
    """A year, a month or a day; coarser points keep the finer parts as None."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def words(self, lang: str = "en") -> str:
        return point_words(self.year, self.month, self.day, lang)


@dataclass(frozen=True)
class Period:
    """What a figure's value refers to; `end` is None for a single point, `start` None for an open start."""

    text: str
    start: Point | None
    end: Point | None = None

    @property
    def is_point(self) -> bool:
        return self.end is None

    @property
    def open_start(self) -> bool:
        """Counted up to `end` from a start the source does not give ('by 2025')."""
        return self.start is None

    @property
    def precision(self) -> str:
        """What the period names as a date: 'day', 'month' or 'year' (a point, or the end an open start
        gives: 'by 2025' is a year), or 'span' (from a start to an end: a half-year)."""
        if self.start is not None and self.end is not None:
            return "span"
        point = self.end or self.start
        return "day" if point.day else "month" if point.month else "year"

    def years(self) -> set[int]:
        last = self.end or self.start
        return set(range((self.start or last).year, last.year + 1))

    def words(self, lang: str = "en") -> str:
        """The period in words: 'July 2020 to July 2021'; '2020년 7월 ~ 2021년 7월'; 'by 2025', '2025년까지'."""
        if self.start is None:
            return by_words(self.end.year, self.end.month, self.end.day, lang)
        if self.end is None:
            return self.start.words(lang)
        return span_words(
            (self.start.year, self.start.month, self.start.day),
            (self.end.year, self.end.month, self.end.day),
            lang,
        )


def date_words(period: Period, lang: str = "en") -> str:
    """A date figure's date: the point itself, or for an open start the latest it may fall ('by 2025')."""
    if period.start is None:
        return until_words(period.end.year, period.end.month, period.end.day, lang)
    return period.words(lang)


def parse_period(text: str) -> Period:
    """Read a period; raise ValueError saying what is wrong."""
    if text.startswith(OPEN + "/"):
        return Period(text, None, _point(text[len(OPEN) + 1 :]))
    parts = text.split("/")
    if len(parts) > 2 or not all(parts):
        raise ValueError(f"'{text}' is not an ISO 8601 year, month, date or start/end interval")
    points = [_point(p) for p in parts]
    if len(points) == 2:
        if points[1].last_day() < points[0].first_day():
            raise ValueError(f"'{text}' ends before it starts")
        return Period(text, points[0], points[1])
    return Period(text, points[0])


def _point(text: str) -> Point:
    match = POINT.fullmatch(text)
    if not match:
        raise ValueError(f"'{text}' is not an ISO 8601 year (2021), month (2021-07) or date (2021-07-14)")
    year, month, day = (int(g) if g else None for g in match.group("y", "m", "d"))
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None
    return Point(year, month, day)
