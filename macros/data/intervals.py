"""What a printed number can stand for: the interval fixed by how it is printed and qualified.

A check compares intervals, not points, so no tolerance is ever chosen by hand: '16.9 trillion'
stands for every value from 16.85 to 16.95 trillion, and a check holds when what its operands
can give meets what the release states. Each rule below is one row of RULES, with its reason;
the checks page and the data dictionary show that table.
"""

from __future__ import annotations

from dataclasses import dataclass

from .printed import Reading
from .words import interval_words, plain


@dataclass(frozen=True)
class Interval:
    """A range of values; an open end excludes its bound ('more than 170,000' opens the low end)."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self):
        if self.low > self.high or (self.low == self.high and (self.low_open or self.high_open)):
            raise ValueError(f"an interval cannot end before it starts: {self}")

    def words(self, write=None, lang: str = "en") -> str:
        """The range in words, each end written by `write` (by default the plain number)."""
        write = write or (lambda number: plain(number, 4, lang))
        return interval_words(self.low, self.high, self.low_open, self.high_open, write, lang)

    def meets(self, other: Interval) -> bool:
        """True when some value lies in both."""
        low_ok = self.low < other.high or (self.low == other.high and not (self.low_open or other.high_open))
        high_ok = other.low < self.high or (other.low == self.high and not (other.low_open or self.high_open))
        return low_ok and high_ok

    def reaches_down_to(self, other: Interval) -> bool:
        """True when some value of this interval is at most some value of `other` (parts within a total)."""
        return self.low < other.high or (self.low == other.high and not (self.low_open or other.high_open))

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.low + other.low,
            self.high + other.high,
            self.low_open or other.low_open,
            self.high_open or other.high_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        return Interval(
            self.low - other.high,
            self.high - other.low,
            self.low_open or other.high_open,
            self.high_open or other.low_open,
        )

    def __truediv__(self, other: Interval) -> Interval:
        """Division of intervals; the divisor must not reach zero (the rules keep divisors positive)."""
        if other.low <= 0 <= other.high:
            raise ZeroDivisionError(f"the divisor {other} reaches zero")
        corners = [
            (a / b, a_open or b_open)
            for a, a_open in ((self.low, self.low_open), (self.high, self.high_open))
            for b, b_open in ((other.low, other.low_open), (other.high, other.high_open))
        ]
        low = min(corners, key=lambda c: (c[0], c[1]))
        high = max(corners, key=lambda c: (c[0], not c[1]))
        return Interval(low[0], high[0], low[1], high[1])

    def scaled(self, factor: float, shift: float = 0.0) -> Interval:
        """factor × x + shift for every x (factor > 0)."""
        return Interval(self.low * factor + shift, self.high * factor + shift, self.low_open, self.high_open)


def point(value: float) -> Interval:
    return Interval(value, value)


@dataclass(frozen=True)
class IntervalRule:
    """How one kind of printed number becomes an interval, and why a reader should accept it."""

    name: str
    qualifier: str
    applies: str
    interval: str
    reason: str
    # The same in Korean: the rule's name, what it applies to, the interval and the reason.
    ko: tuple[str, str, str, str] = ("", "", "", "")

    def name_in(self, lang: str) -> str:
        return self.ko[0] if lang == "ko" else self.name

    def texts_in(self, lang: str) -> tuple[str, str, str]:
        """What the rule applies to, the interval, and why, in a language."""
        return self.ko[1:] if lang == "ko" else (self.applies, self.interval, self.reason)


RULES = (
    IntervalRule(
        "in-full",
        "exact",
        "a count, an amount or a rank written digit for digit, with no decimals and no scale word ('8,000', '407', '8th')",
        "the value itself",
        "the release writes such numbers in full and flags every rounded count with 'about' or 'more than', so an unflagged one is taken at its word",
        (
            "전부 표기",
            "소수나 단위어 없이 숫자를 모두 적은 개수·금액·순위(‘8,000’, ‘407’, ‘8th’)",
            "그 값 자체",
            "보도자료는 이런 수를 모두 적고 어림수에는 빠짐없이 ‘about’(약)이나 ‘more than’(초과)을 붙이므로, 아무것도 붙지 않은 수는 적힌 그대로 받아들입니다.",
        ),
    ),
    IntervalRule(
        "rounded",
        "exact",
        "a number with a decimal fraction or a scale word, and every share or multiple ('16.9 trillion', '95.3%', '2.9 times')",
        "half a unit of the last printed digit either side (16.85 to 16.95 trillion)",
        "a number written to a last digit stands for every value that rounds to it",
        (
            "반올림",
            "소수나 단위어가 붙은 수, 그리고 모든 비중과 배수(‘16.9 trillion’, ‘95.3%’, ‘2.9 times’)",
            "마지막 표기 자릿수의 반 단위씩 위아래(16조 8,500억 이상 16조 9,500억 이하)",
            "마지막 자리까지 적힌 수는 반올림해서 그 수가 되는 모든 값을 뜻합니다.",
        ),
    ),
    IntervalRule(
        "about",
        "approximately",
        "'about' or 'approximately' before a number",
        "half a unit of the last digit that is not a trailing zero either side ('about 90,000': 85,000 to 95,000)",
        "'about N' names the round number nearest the value at N's own precision; a value further away would round to a different number",
        (
            "약",
            "수 앞의 ‘about’이나 ‘approximately’(약)",
            "0이 아닌 마지막 자릿수의 반 단위씩 위아래(‘약 9만’: 8만 5,000 이상 9만 5,000 이하)",
            "‘약 N’은 N과 같은 정밀도에서 값에 가장 가까운 어림수를 가리킵니다. 값이 그보다 멀면 다른 어림수로 반올림되었을 것입니다.",
        ),
    ),
    IntervalRule(
        "more-than",
        "more-than",
        "'more than', 'over' or a '+' after the number",
        "above the number and below the next round number at its precision ('more than 170,000': above 170,000, below 180,000)",
        "a writer rounds down to a round number they can say 'more than' of; had the value reached the next one, that is the number they would have written",
        (
            "여·초과",
            "수 앞의 ‘more than’이나 ‘over’, 수 뒤의 ‘+’(여, 초과)",
            "그 수 초과, 같은 정밀도의 다음 어림수 미만(‘17만여’: 17만 초과 18만 미만)",
            "쓰는 사람은 ‘그보다 많다’고 말할 수 있는 어림수로 내려 적습니다. 값이 다음 어림수에 이르렀다면 그 수를 적었을 것입니다.",
        ),
    ),
)
RULE_FOR = {"exact": None, "approximately": "about", "more-than": "more-than"}
RATIO_DISPLAYS = frozenset({"percent", "multiple"})


def interval_of(
    value: float, qualifier: str, reading: Reading, display: str
) -> tuple[Interval, IntervalRule]:
    """The interval a printed number stands for, and the rule that gives it."""
    name = RULE_FOR[qualifier] or (
        "in-full" if reading.in_full and display not in RATIO_DISPLAYS else "rounded"
    )
    rule = next(r for r in RULES if r.name == name)
    match name:
        case "in-full":
            return point(value), rule
        case "rounded":
            return Interval(value - reading.step / 2, value + reading.step / 2), rule
        case "about":
            return Interval(value - reading.round_step / 2, value + reading.round_step / 2), rule
    return Interval(value, value + reading.round_step, low_open=True, high_open=True), rule
