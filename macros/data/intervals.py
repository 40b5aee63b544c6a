"""What a printed number can stand for: the interval fixed by how it is printed and qualified.

A check compares intervals, not points, so no tolerance is ever chosen by hand: '16.9 trillion'
stands for every value from 16.85 trillion up to (not including) 16.95 trillion, and a check holds when what its operands
can give meets what the release states. Each rule below is one row of RULES, with its reason;
the checks page and the data dictionary show that table.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import tr
from .printed import Reading, read_number
from .words import (
    examples,
    fill,
    interval_words,
    lower_end_words,
    number_after_qualifier,
    plain,
    quoted,
    value_words,
)


@dataclass(frozen=True)
class Interval:
    """A range of values; an open end excludes its bound ('more than 170,000' opens the low end).

    A rounded number keeps its low end and excludes its high one: rounding half up makes 125,000
    print as 130,000, so '120,000' stands for at least 115,000 and below 125,000."""

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

    def lower_end_words(self, write=None, lang: str = "en") -> str:
        """Only the low end ('above 14.3%'; '14.3% 초과'): what a printing with no upper bound states."""
        write = write or (lambda number: plain(number, 4, lang))
        return lower_end_words(self.low, self.low_open, write, lang)

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
    # False when the printing gives a lower bound only ('more than 14.3%') and the interval's upper end
    # is the checks' reading, not the source's word: a page says the two apart.
    printed_upper: bool = True
    # Forms the release or a report really prints, with the qualifier words its sentence puts before
    # the number ('About 8,000', '약 10억건 이상'), each shown with the range the reader and this rule
    # give it (worked out, never typed): (printed form, unit display). A test finds each in the data.
    examples: tuple[tuple[str, str], ...] = ()

    def name_in(self, lang: str) -> str:
        """The rule's name in a language (the catalogue's context 'interval rule')."""
        return tr(lang, self.name, "interval rule")

    def texts_in(self, lang: str) -> tuple[str, str, str]:
        """What the rule applies to, the interval with its worked examples, and why, in a language."""
        applies, interval, reason = (
            tr(lang, t, "interval rule") for t in (self.applies, self.interval, self.reason)
        )
        return applies, fill(interval, examples=self.examples_in(lang)), reason

    def worked_examples(self) -> list[tuple[str, Interval, str]]:
        """Each example as (printed form, the interval the reader and this rule give it, display)."""
        worked = []
        for token, display in self.examples:
            reading = read_number(number_after_qualifier(token, self.qualifier))
            if reading is None:
                raise ValueError(f"the example {token!r} of the rule '{self.name}' is not a printed number")
            found, rule = interval_of(reading.number, self.qualifier, reading, display)
            if rule is not self:
                raise ValueError(f"the example {token!r} of the rule '{self.name}' is read by '{rule.name}'")
            worked.append((token, found, display))
        return worked

    def examples_in(self, lang: str) -> str:
        """The examples as a reader checks them: "'approximately 90,000': at least 85,000, below 95,000":
        each quoted as its source prints it, in either edition, since a quotation is the source's words."""
        items = []
        for token, found, display in self.worked_examples():
            items.append(f"{quoted(token, lang)}: {found.words(_writer(display, lang), lang)}")
        return examples(items, lang)


def _writer(display: str, lang: str):
    """Writes an end of an example's range to the digits the rule gives it, not to a float's last bit."""
    return lambda number: value_words(float(f"{number:.12g}"), display, "", lang).strip()


RULES = (
    IntervalRule(
        "in-full",
        "exact",
        "a count, amount or rank written out to its units digit, with no decimals and no scale word at the end ('163,000', '407', '8th', '12만7000개')",
        "the value itself ({examples})",
        "no word says it is rounded, so the checks take it as printed, which does not claim it is exact: the release prints round counts without a qualifier too",
        examples=(("163,000", "count"), ("12만7000개", "count")),
    ),
    IntervalRule(
        "rounded",
        "exact",
        "a number with a decimal fraction or ending in a scale word, and every share or multiple ('16.9 trillion', '1050억원', '95.3%', '2.9 times')",
        "within half a unit of the last printed digit, the lower end included, the upper end not (it rounds up to the next number); with a scale word, the last printed digit is the one just before it ({examples})",
        "a number written to a last digit stands for every value that rounds to it",
        examples=(("16.9 trillion", "currency"), ("1050억원", "currency")),
    ),
    IntervalRule(
        "about",
        "approximately",
        "'about' or 'approximately' before a number, or the Korean word for it before it",
        "within half a unit of the last printed digit, the lower end included; in a number written out in full, the last digit that is not a trailing zero, since after 'about' such zeros only hold places ({examples})",
        "'about N' names the round number nearest the value at N's precision; a value further away would round to another",
        examples=(("approximately 90,000", "count"), ("약 10.1조원", "currency")),
    ),
    IntervalRule(
        "more-than",
        "more-than",
        "'more than' or 'over' before the number or a '+' after it, or the Korean words for 'more than' after it",
        "above the number and below the next round number at the precision 'about' reads it to ({examples})",
        "a writer says 'more than' of the round number below the value; had it reached the next one, they would have written that",
        printed_upper=False,
        examples=(("more than 170,000", "count"), ("17만여개", "count")),
    ),
    IntervalRule(
        "about-or-more",
        "about-or-more",
        "'about' before the number and 'or more' after it, as Korean prints 약 … 이상",
        "from half a unit of the last printed digit below the number, as for 'about', to the next round number at that precision, excluded ({examples})",
        "'about' lets the value fall a little short; 'or more' sets no upper end, so the checks take the next round number, as for 'more than'",
        printed_upper=False,
        examples=(("약 10억건 이상", "count"), ("약 9만여명 이상", "count")),
    ),
)
RULE_FOR = {
    "exact": None,
    "approximately": "about",
    "more-than": "more-than",
    "about-or-more": "about-or-more",
}
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
            return Interval(value - reading.step / 2, value + reading.step / 2, high_open=True), rule
        case "about":
            step = reading.qualified_step
            return Interval(value - step / 2, value + step / 2, high_open=True), rule
        case "about-or-more":
            # 약 lets the value fall half a unit short; the next round number is one unit of that same precision up.
            step = reading.qualified_step
            return Interval(value - step / 2, value + step, high_open=True), rule
    return Interval(value, value + reading.qualified_step, low_open=True, high_open=True), rule
