"""Every number, date and qualifier on the site is put into words here, and nowhere else.

Records keep values in base units (won, not trillion won); these functions write them the way a
reader expects in running text, in English or in Korean (`lang`, one of LANGUAGES). The page
builders, the exports and the command-line reports all call them, so a change of style is one change.

Each language's rules are one object, `English` or `Korean`, chosen by the page's language
(`speaker(lang)`); the functions below hand the work to it, so no caller branches on a language code.
A new language is a subclass (of `English` when its numbers read like English ones) registered in
`SPEAKERS`, and its catalogue `macros/pages/locale/<lang>.po`.

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
a table column the qualifier is named by both its words, ‘여’·‘초과’ (QUALIFIER_NAMES), as the checks
page names its rule: 여 alone could not stand as a name, and 남짓 would not fit the percentages it also
covers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from functools import cache

from .language import HANGUL, LANGUAGES, text_in

SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
# A Korean value whose number is whole (in myriads too: 1만 2,000) and followed by its counter (or
# nothing): 여 can follow it.
_WHOLE_THEN_COUNTER = re.compile(
    r"(?P<number>[0-9][0-9,]*[만억조]?(?: [0-9][0-9,]*[만억조]?)*)(?P<counter> ?[가-힣]+)?"
)
# How a symbol after a Korean number is read aloud, which decides the particle after it.
READINGS = {"%": "퍼센트", "km²": "제곱킬로미터", "×": "배"}

Date = tuple[int, int | None, int | None]


def _decimals(number: float, max_decimals: int) -> int:
    """The fewest decimals that write the number exactly (at most max_decimals)."""
    for decimals in range(max_decimals + 1):
        if abs(round(number, decimals) - number) < 1e-9 * max(1.0, abs(number)):
            return decimals
    return max_decimals


def ordinal(number: float) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class English:
    """How English writes numbers, ranges, qualifiers and dates: 'KRW 10.1 trillion', 'more than 170,000',
    'the second half of 2021'."""

    code = "en"
    # The Babel locale whose data writes the numbers and dates.
    locale = "en"
    # The Babel locale whose data joins a list: 'a, b and c', as the site's English writes lists.
    list_locale = "en_GB"
    # Whether a word joined to a dot, bracket or sign is kept on one line (macros/pages/typography.py).
    keeps_words_whole = False
    # The marks a sentence puts around words it quotes as printed ('printed “2.4 trillion”').
    QUOTES = ("“", "”")
    # The words before a number that say how it was rounded.
    QUALIFIER_WORDS = {
        "exact": "",
        "approximately": "about",
        "more-than": "more than",
        "about-or-more": "about … or more",
    }
    # The words a source in this language may print before a number for each qualifier, to be found in
    # a figure's quote ('approximately 170,000' in a headline, 'more than 170,000' in its body).
    PRINTED_QUALIFIERS = {
        "approximately": ("approximately", "about", "around", "some"),
        "more-than": ("more than", "over"),
    }
    # Two numbers joined so share the qualifier printed before the first ('About 8,000 factories and 4,000
    # micro-businesses'); None where the language's sources print a qualifier with each number.
    JOINING = "and"
    # The qualifier as a table column names it, where the word itself is not a name: 'exact' is the
    # value of a number printed with no qualifier word, not a claim that the number is exact.
    QUALIFIER_NAMES = {"exact": "none (printed as is)"}
    HALVES = {(1, 6): "first", (7, 12): "second"}
    # The quotation marks around a name the site quotes, then the pair for a quote inside it: Korean
    # prints them alike (“ ” outside, ‘ ’ inside), so a reader sees where the quoted name ends.
    QUOTE_MARKS = (("“", "”"), ("‘", "’"))
    # The marks a citation puts around a source's headline, so a comma in it is not read as the
    # citation's: 'Sejong Times, “…”, 22 July 2021'; 세종타임즈, 「…」, 2021년 7월 22일.
    TITLE_MARKS = ("“", "”")
    # How a figure's label states its period, when it does: 'Korea's rank in …, 2019'.
    LABEL_PERIOD = "{label}, {period}"
    # Between two statements about one value (its standings): English writes each as a clause
    # ('disputed: …; provisional: …').
    STATEMENTS_JOINED = "; "
    # Worked examples side by side in a parenthesis: 'a: x; b: y'.
    EXAMPLES_JOINED = "; "
    # Values listed one after another, each with a bracket of its own: 'KRW 18.6 trillion (…); KRW 49 trillion (…)'.
    VALUES_JOINED = "; "

    def label_with_period(self, label: str, period: str) -> str:
        """A label with a period after it, as the figures' labels write one."""
        return self.LABEL_PERIOD.format(label=label, period=period)

    def label_without_period(self, label: str, period: str) -> str | None:
        """What a label names without the period it ends with; None when it does not end with it."""
        suffix = self.label_with_period("", period)
        return label.removesuffix(suffix) if label.endswith(suffix) and label != suffix else None

    def quoted_name(self, text: str) -> str:
        """A name in the outer quotation marks, a quote inside it in the inner ones, so the marks never
        nest in themselves: “지하공간통합지도의 … 수(영문 표기 ‘businesses’)”."""
        (outer_open, outer_close), (inner_open, inner_close) = self.QUOTE_MARKS
        inside = text.replace(outer_open, inner_open).replace(outer_close, inner_close)
        return f"{outer_open}{inside}{outer_close}"

    def plain(self, number: float, max_decimals: int = 3) -> str:
        return f"{number:,.{_decimals(number, max_decimals)}f}"

    def trace_number(self, number: float, decimals: int = 3) -> str:
        """A number in a worked line of a check, digit for digit: '2,400,000,000,000 + 7,700,000,000,000'."""
        return self.plain(number, decimals)

    def scale_words(self) -> tuple[tuple[int, str], ...]:
        """The words a large number is written with and their sizes, largest first ('48 million'): the
        explorer reads a number typed as it is shown ('2.2 million', '1만 8,000') by them."""
        return SCALES

    def scaled(self, number: float, decimals: int = 1) -> str:
        for size, word in SCALES:
            if abs(number) >= size and abs(number / size - round(number / size, 3)) < 1e-9:
                return f"{self.plain(number / size)} {word}"
        return self.plain(number)

    def mark(self, unit) -> str:
        """What stands beside a number of a unit: its symbol (KRW, km²)."""
        return unit.symbol

    def unit_name(self, unit) -> str:
        """The unit as a list of a figure's facts names it: its label ('people', 'Korean won')."""
        return text_in(unit, "label", self.code)

    def value_words(self, value: float, display: str, symbol: str = "", compound: bool = False) -> str:
        """`compound` asks for an amount in whole myriads where a language writes them (Korean)."""
        match display:
            case "currency":
                return f"{symbol} {self.scaled(value)}"
            case "percent":
                return f"{self.plain(value)}%"
            case "rank":
                return ordinal(value)
            case "multiple":
                return f"{self.plain(value)} times"
            case "area":
                return f"{self.plain(value)} {symbol}"
            case "count" if value >= 10**6:
                return self.scaled(value)
            case _:
                return self.plain(value)

    def quoted(self, text: str) -> str:
        """Words quoted as printed, in this language's marks: '“2.4 trillion”'; '‘49조원’'."""
        opening, closing = self.QUOTES
        return f"{opening}{text}{closing}"

    def interval_words(self, low: float, high: float, low_open: bool, high_open: bool, write) -> str:
        if low == high:
            # One value, not a range: written as it is. A number printed without 'about' or 'more than'
            # is taken as printed, which is no claim that it is exact.
            return f"about {write(low)}" if _inexact(low) else write(low)
        if low_open or high_open:
            return f"{'above' if low_open else 'at least'} {write(low)}, {'below' if high_open else 'at most'} {write(high)}"
        return f"from {write(low)} to {write(high)}"

    def lower_end_words(self, low: float, low_open: bool, write) -> str:
        return f"{'above' if low_open else 'at least'} {write(low)}"

    def qualify(self, qualifier: str, shown: str) -> str:
        if "…" in self.QUALIFIER_WORDS[qualifier]:
            # Words either side of the number: 'about 90,000 or more'; '약 9만 명 이상'.
            before, after = (w.strip() for w in self.QUALIFIER_WORDS[qualifier].split("…"))
            return f"{before} {shown} {after}"
        word = self.QUALIFIER_WORDS[qualifier]
        return f"{word} {shown}" if word else shown

    def qualifier_name(
        self, qualifier: str, written: str | None = None, marks: tuple[str, ...] = (), said: str | None = None
    ) -> str:
        """`marks`: the qualifier words the figure's printed form carries in this language's script;
        a language that names qualifiers by its own words names them by those (English does not).
        `said`: the word a source in another language printed ('more than', '+'), which a language that
        names qualifiers by its own words quotes with its meaning (English names the qualifier)."""
        return self.QUALIFIER_NAMES.get(qualifier) or self.QUALIFIER_WORDS[qualifier]

    def predicate(self, shown: str) -> str:
        """A written value as what a sentence says of its subject: 'is more than 14.3%'."""
        return "".join(self.predicate_parts(shown))

    def predicate_parts(self, shown: str) -> tuple[str, str]:
        """The predicate split where a bracket about the value goes (its period, its status): before the
        ending that finishes the sentence, so the bracket reads with the value, not after the verb."""
        return f"is {shown}", ""

    def range_qualifier(self, qualifier: str, written: str) -> str | None:
        """The qualifier named beside a range, as this written value shows it; None: the rule's name says it."""
        return None

    def deadline_predicate(self, label: str, shown: str) -> str | None:
        """What a sentence says of a label that names a deadline, if the language says it otherwise than
        any date (None: 'Deadline for …: by 2021 (planned)')."""
        return None

    def counted_place(self, number: int) -> str:
        """The number of a paragraph counted in a text, as the place's words take it: 'paragraph 2'."""
        return str(number)

    def point_words(self, year: int, month: int | None = None, day: int | None = None) -> str:
        if day and month:
            return f"{day} {calendar.month_name[month]} {year}"
        if month:
            return f"{calendar.month_name[month]} {year}"
        return str(year)

    def span_words(self, start: Date, end: Date) -> str:
        half = _half(start, end, self.HALVES)
        if half:
            return f"the {half} half of {start[0]}"
        return f"{self.point_words(*start)} to {self.point_words(*end)}"

    def by_words(self, year: int, month: int | None = None, day: int | None = None) -> str:
        return f"by {self.point_words(year, month, day)}"

    def until_words(self, year: int, month: int | None = None, day: int | None = None) -> str:
        if day:
            return self.point_words(year, month, day)
        if month is None:
            # A year alone is the end the source gives ('(-2025)', 'by the year's end'): 'by 2025', not an
            # 'end of 2025' it does not print.
            return self.by_words(year)
        return f"the end of {self.point_words(year, month)}"

    def language_words(self, code: str, document: bool = False) -> str:
        from babel import Locale

        return Locale(self.locale).languages.get(code, code)

    def size_words(self, size: int) -> str:
        if size < 1000:
            return f"{size} bytes"
        return self._size_in_units(size, " ")

    def _size_in_units(self, size: int, space: str) -> str:
        if size < 1_000_000:
            return f"{self.plain(round(size / 1000, 1))}{space}kB"
        return f"{self.plain(round(size / 1_000_000, 1))}{space}MB"


class Korean(English):
    """How Korean writes them, from Babel's Korean locale where it has the data.

    Qualifiers follow what the Korean original writes for these figures ('17만여개', '4,300여종',
    '약 9만여명 이상'): 'approximately' is 약 before the number ('약 9만 명'); 'more-than' is the suffix
    여 ('a little over', 남짓) after a whole number, before its counter ('17만여 개', '300여 종').
    여 never follows a decimal fraction or a sign, so there the number takes 초과 after it ('14.3% 초과'):
    'more than' excludes the number itself, as 초과 does, where 이상 would include it. In a table column
    the qualifier is named by both its words, ‘여’·‘초과’ (QUALIFIER_NAMES), as the checks page names its
    rule: 여 alone could not stand as a name, and 남짓 would not fit the percentages it also covers.
    """

    code = "ko"
    locale = "ko"
    list_locale = "ko"
    # Korean typesetting treats 중소·벤처기업 or 공급기업(2019년) as one word (어절).
    keeps_words_whole = True
    QUALIFIER_WORDS = {"exact": "", "approximately": "약", "more-than": "여", "about-or-more": "약 … 이상"}
    # A Korean desk quotes a word or a printed form in single marks: 원문 표기 ‘49조원’, 한정어 ‘여’.
    QUOTES = ("‘", "’")
    # A Korean citation puts an article's title in 「 」, as the site's own citation puts its title.
    TITLE_MARKS = ("「", "」")
    PRINTED_QUALIFIERS = {"approximately": ("약",), "more-than": ()}
    JOINING = None
    QUALIFIER_NAMES = {"exact": "없음", "more-than": "‘여’·‘초과’"}
    # What a qualifier word printed in another language means, named after it: ‘more than’(초과).
    SAID_MEANINGS = {"approximately": "약", "more-than": "초과"}
    # After a decimal fraction or a sign, Korean cannot use 여 and writes 초과 ('more than': the value
    # itself excluded) after it.
    OR_MORE = "초과"
    # A label ending in 시한 names a deadline, whose 'by' date is said as set ('…시한은 2021년까지로 잡혀 있습니다').
    DEADLINE = "시한"
    UNTIL = "까지"
    HALVES = {(1, 6): "상반기", (7, 12): "하반기"}
    LABEL_PERIOD = "{label}({period})"
    # Korean writes each statement as a finished sentence (…적혀 있습니다), which takes its full stop:
    # never a comma or a semicolon after 습니다.
    STATEMENTS_JOINED = ". "
    # Korean reference text lists worked examples with a comma, never a semicolon.
    EXAMPLES_JOINED = ", "
    # Nor a list of values: '18조 6,000억 원(…), 49조 원(…)'.
    VALUES_JOINED = ", "
    # The ends of a range: an included end takes 이상/이하, an excluded one 초과/미만.
    ENDS = {(False, "low"): "이상", (True, "low"): "초과", (False, "high"): "이하", (True, "high"): "미만"}
    # Korean names a document by its script, not by the language's name: 국문 보도자료, 영문 보도자료.
    DOCUMENT_LANGUAGES = {"ko": "국문", "en": "영문"}
    # A paragraph counted in a text is its 첫째, 둘째 … (a desk never writes '1번째 문단').
    COUNTED = ("첫째", "둘째", "셋째", "넷째", "다섯째", "여섯째", "일곱째", "여덟째", "아홉째", "열째")

    def plain(self, number: float, max_decimals: int = 3) -> str:
        from babel.numbers import format_decimal

        return format_decimal(Decimal(f"{number:.{_decimals(number, max_decimals)}f}"), locale=self.locale)

    def scale_words(self) -> tuple[tuple[int, str], ...]:
        return _korean_scales()

    def scaled(self, number: float, decimals: int = 1) -> str:
        """By myriads, the mantissa with its separators and at most `decimals` decimals: 10.1조, 220만,
        4,800만 (with decimals=0, as Korean writes a count: 12만 7,000). Korean writes at most one decimal
        of a myriad word (10.1조, 12.7만); a round number that needs more, or whose mantissa runs to
        thousands, is written in compound form, each myriad with its own digits (3조 7,010억, 10조 500억,
        1만 6,950, 1,049억 5,000만), and a number that is not round in digits (123,456)."""
        scales = _korean_scales()
        for n, (size, word) in enumerate(scales):
            # A myriad word holds its number when the mantissa is below the next word (47조, not 4,700억).
            below_next = n == 0 or abs(number) < scales[n - 1][0]
            # A decimal stays on a short mantissa (19.5조); a long one is compound (1,049억 5,000만, not 1,049.5억).
            places = _decimals(number / size, 3)
            if (
                size <= abs(number)
                and below_next
                and places <= (decimals if abs(number) < 1000 * size else 0)
            ):
                return f"{self.plain(number / size)}{word}"
        round_at_a_scale = any(
            size <= abs(number) and abs(number / size - round(number / size, 3)) < 1e-9 for size, _ in scales
        )
        if not round_at_a_scale:
            return self.plain(number)
        parts, rest = [], abs(number)
        for size, word in scales:
            if rest >= size:
                whole = int(rest // size)
                parts.append(f"{self.plain(whole)}{word}")
                rest -= whole * size
        if rest > 1e-9:
            parts.append(self.plain(rest))
        return ("-" if number < 0 else "") + " ".join(parts)

    def trace_number(self, number: float, decimals: int = 3) -> str:
        """Korean reads a large number by myriads, never as raw digits: '2조 4,000억 + 7조 7,000억'."""
        return self.scaled(number, decimals=0) if abs(number) >= 10**4 else self.plain(number, decimals)

    def mark(self, unit) -> str:
        """The counter or unit word written after the number (원, 명, 위, 배, km²): `counter_<lang>`."""
        return text_in(unit, "counter", self.code)

    def unit_name(self, unit) -> str:
        """A unit is named by its counter, as a Korean reader names a unit (명, 원, 개, 곳, %); what is
        counted is the figure's name. A unit without a counter (a date) is named by its label."""
        return self.mark(unit) or text_in(unit, "label", self.code)

    def value_words(self, value: float, display: str, symbol: str = "", compound: bool = False) -> str:
        """'10조 1,000억 원', '17만 개', '12만 7,000개', '8,000개', '14.3%', '8위', '2.9배', '3만 6,000km²'.

        An amount is written as a Korean economy desk prints it, in whole myriads ('10조 1,000억 원',
        '2조 4,500억 원', '49조 원'), never as a decimal of 조 or 억 ('10.1조 원'), so that amounts side by
        side in one passage read alike; a source's own printing (a quote, the printed form) stays as
        printed. `compound` is implied for amounts in Korean."""
        match display:
            case "percent":
                from babel.numbers import format_percent

                return format_percent(
                    Decimal(f"{value:.{_decimals(value, 3)}f}") / 100,
                    locale=self.locale,
                    decimal_quantization=False,
                )
            case "currency":
                return with_counter(self.scaled(value, decimals=0), symbol)
            case "count" | "area":
                # Korean writes a count's myriads whole: 12만 7,000개, not 12.7만 개.
                return with_counter(self.scaled(value, decimals=0), symbol)
            case _:
                return with_counter(self.plain(value), symbol)

    def interval_words(self, low: float, high: float, low_open: bool, high_open: bool, write) -> str:
        if low == high:
            return f"약 {write(low)}" if _inexact(low) else write(low)
        return f"{write(low)} {self.ENDS[(low_open, 'low')]} {write(high)} {self.ENDS[(high_open, 'high')]}"

    def lower_end_words(self, low: float, low_open: bool, write) -> str:
        return f"{write(low)} {self.ENDS[(low_open, 'low')]}"

    def qualify(self, qualifier: str, shown: str) -> str:
        if qualifier != "more-than":
            return super().qualify(qualifier, shown)
        whole = _WHOLE_THEN_COUNTER.fullmatch(shown)
        if not whole:
            return f"{shown} {self.OR_MORE}"
        counter = (whole["counter"] or "").strip()
        return f"{whole['number']}{self.QUALIFIER_WORDS[qualifier]}{' ' + counter if counter else ''}"

    def qualifier_name(
        self, qualifier: str, written: str | None = None, marks: tuple[str, ...] = (), said: str | None = None
    ) -> str:
        # A number printed in Korean is named by the words its printed form carries ('220만여 명 이상':
        # ‘여’·‘이상’): the name quotes them, so it must not credit the source with a word it never printed.
        if marks and qualifier != "exact":
            return "·".join(self.quoted(mark) for mark in marks)
        # A number printed in another language: the source's own word, quoted, with its meaning
        # (‘more than’(초과), ‘+’(초과), ‘About’(약)); two Korean words quoted (‘여’·‘초과’) would read as
        # two words the source printed.
        if said and qualifier in self.SAID_MEANINGS:
            meaning = self.SAID_MEANINGS[qualifier]
            # Glossed by the word the value is written with: '220만여 명' is 여, '14.3% 초과' is 초과.
            if qualifier == "more-than" and written and not written.endswith(f" {self.OR_MORE}"):
                meaning = self.QUALIFIER_WORDS[qualifier]
            return f"{self.quoted(said)}({meaning})"
        # A value written with 초과 ('14.3% 초과') is named by that word: 여 never follows a percentage, and
        # the name must not credit a source with it.
        if qualifier == "more-than" and written and written.endswith(f" {self.OR_MORE}"):
            return self.OR_MORE
        return super().qualifier_name(qualifier, written)

    def predicate(self, shown: str) -> str:
        """'10조 1,000억 원입니다'; a value that ends in 초과 is said as a verb ('14.3%를 넘습니다'), as a
        sentence says it: '14.3% 초과입니다' reads as a table cell read aloud."""
        return "".join(self.predicate_parts(shown))

    def predicate_parts(self, shown: str) -> tuple[str, str]:
        """('10곳', '입니다'): a bracket about the value goes between them ('10곳(2019~2021년, 실적)입니다'),
        as a desk prints it; after the copula ('…입니다(실적).') it reads as a note on the verb. A value
        said as a verb keeps its particle: ('14.3%를 넘습니다', ''), the bracket after the verb
        ('14.3%를 넘습니다(2019~2020년, 잠정 추정치)'), since between the number and its particle
        ('14.3%(…)를 넘습니다') the particle reads as the bracket's ('잠정 추정치를 넘습니다')."""
        if shown.endswith(f" {self.OR_MORE}"):
            value = shown[: -len(self.OR_MORE) - 1]
            return f"{particle(value, '를')} 넘습니다", ""
        return shown, "입니다"

    def counted_place(self, number: int) -> str:
        """'첫째', '둘째' … '열째'; past ten, '11번째'."""
        return self.COUNTED[number - 1] if 1 <= number <= len(self.COUNTED) else f"{number}번째"

    def deadline_predicate(self, label: str, shown: str) -> str | None:
        """'…공급 시한은 2021년까지로 잡혀 있습니다', as a desk writes a deadline: '시한은 2021년까지입니다'
        reads as a table read aloud, '시한은 2021년(목표)입니다' loses the 'by' the value says, and a
        deadline is set, not 예정 (its status is on the page beside it)."""
        if label.endswith(self.DEADLINE) and shown.endswith(self.UNTIL):
            return f"{particle(shown, '로')} 잡혀 있습니다"
        return None

    def range_qualifier(self, qualifier: str, written: str) -> str | None:
        """'한정어 ‘여’' beside the range of '17만여 개', '한정어 ‘초과’' beside that of '14.3% 초과': the word the
        value shows, not both words ('‘여’·‘초과’'), and never ‘여’ for a percentage; '한정어 ‘약’'
        beside the range of '약 8,000개'."""
        if qualifier == "approximately":
            # '약' alone after a range ('8,500개 이하(약)') reads as 'about 8,500 or less'.
            return f"한정어 {self.quoted(self.QUALIFIER_WORDS[qualifier])}"
        if qualifier != "more-than":
            return None
        word = self.OR_MORE if written.endswith(f" {self.OR_MORE}") else self.QUALIFIER_WORDS[qualifier]
        # Quoted either way: a bare '한정어 초과' reads as 'the qualifier is exceeded'.
        return f"한정어 {self.quoted(word)}"

    def point_words(self, year: int, month: int | None = None, day: int | None = None) -> str:
        from babel.dates import format_date, format_skeleton

        if day and month:
            return format_date(dt.date(year, month, day), "long", locale=self.locale)
        return format_skeleton("yMMMM" if month else "y", dt.date(year, month or 1, 1), locale=self.locale)

    def span_words(self, start: Date, end: Date) -> str:
        """Babel's Korean interval format for two points of one precision, its fallback pattern otherwise,
        with the tilde closed up as a desk prints it; years share one 년."""
        from babel import Locale
        from babel.dates import format_interval

        half = _half(start, end, self.HALVES)
        if half:
            return f"{self.point_words(start[0])} {half}"
        (y1, m1, d1), (y2, m2, d2) = start, end
        if m1 is None and m2 is None:
            # Years share their counter, as a desk prints them: '2019~2021년', not '2019년 ~ 2021년'.
            return f"{y1}~{self.point_words(y2)}"
        if (m1 is None) == (m2 is None) and (d1 is None) == (d2 is None):
            skeleton = "yMMMd" if d1 else "yMMM"
            words = format_interval(
                dt.date(y1, m1 or 1, d1 or 1), dt.date(y2, m2 or 1, d2 or 1), skeleton, locale=self.locale
            )
        else:
            words = (
                Locale(self.locale)
                .interval_formats[None]
                .format(self.point_words(*start), self.point_words(*end))
            )
        # The tilde closed up ('2020년 7월~2021년 7월'), so a line never breaks at it.
        return words.replace(" ~ ", "~")

    def by_words(self, year: int, month: int | None = None, day: int | None = None) -> str:
        return f"{self.point_words(year, month, day)}까지"

    def until_words(self, year: int, month: int | None = None, day: int | None = None) -> str:
        if day:
            return self.point_words(year, month, day)
        if month is None:
            return self.by_words(year)
        return f"{self.point_words(year, month)} 말"

    def language_words(self, code: str, document: bool = False) -> str:
        if document and code in self.DOCUMENT_LANGUAGES:
            return self.DOCUMENT_LANGUAGES[code]
        return super().language_words(code)

    def size_words(self, size: int) -> str:
        # One unit in a list of downloads: 688 bytes is 0.7kB beside 4kB, never 688바이트 beside it.
        return self._size_in_units(max(size, 100) if size else 0, "")


# The language object of each language the site is written in.
SPEAKERS: dict[str, English] = {"en": English(), "ko": Korean()}


def speaker(lang: str) -> English:
    """The rules of a language: how its numbers, ranges, qualifiers and dates are written."""
    if lang not in SPEAKERS:
        raise ValueError(f"unknown language '{lang}'; use one of {', '.join(LANGUAGES)}")
    return SPEAKERS[lang]


def _inexact(number: float) -> bool:
    """A single value that does not end at three decimals (991 ÷ 220) is written rounded: 'about', 약."""
    return abs(round(number, 3) - number) > 1e-9 * max(1.0, abs(number))


def _half(start: Date, end: Date, halves: dict) -> str | None:
    """The half-year word when a span is one half of one year."""
    (y1, m1, d1), (y2, m2, d2) = start, end
    return halves.get((m1, m2)) if y1 == y2 and not (d1 or d2) else None


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


def plain(number: float, max_decimals: int = 3, lang: str = "en") -> str:
    """Digits with thousands separators and only the decimals the value needs."""
    return speaker(lang).plain(number, max_decimals)


def scaled(number: float, lang: str = "en", decimals: int = 1) -> str:
    """Large round amounts in words, as the release writes them: 10.1 trillion, 48 million; 10.1조, 4,800만."""
    return speaker(lang).scaled(number, decimals)


def value_words(
    value: float, display: str, symbol: str = "", lang: str = "en", compound: bool = False
) -> str:
    """A value as running text writes it in a unit of this display kind, without the qualifier.

    `symbol` is the unit's mark in that language: its symbol in English (KRW, km²), its counter
    or unit word in Korean (원, 명, 위, 배, km²). `compound` writes a Korean amount in whole
    myriads ('10조 2,000억 원', not '10.2조 원'), so that both ends of a range read alike.
    """
    return speaker(lang).value_words(value, display, symbol, compound)


def with_counter(number: str, counter: str) -> str:
    """A Korean number and its counter: spaced after a scale word ('17만 개', '10.1조 원'), attached
    to digits ('8,000개', '8위') and to signs ('3만 6,000km²')."""
    if not counter:
        return number
    spaced = HANGUL.match(counter) and HANGUL.match(number[-1])
    return f"{number}{' ' if spaced else ''}{counter}"


def interval_words(
    low: float, high: float, low_open: bool, high_open: bool, write=plain, lang: str = "en"
) -> str:
    """A range as a reader says it: '8,000' (one value), 'from 16.85 to 16.95', 'above 170,000, below 180,000';
    '8,000', '16조 8,500억 원 이상 16조 9,500억 원 이하', '17만 초과 18만 미만'."""
    return speaker(lang).interval_words(low, high, low_open, high_open, write)


def quoted(text: str, lang: str = "en") -> str:
    """Words quoted as printed, in the marks of `lang`: '“12,7000”'; '‘12,7000’'."""
    return speaker(lang).quoted(text)


def quote_marks(lang: str = "en") -> tuple[str, str]:
    """The opening and closing marks a sentence in `lang` puts around words it quotes as printed."""
    return speaker(lang).QUOTES


def lower_end_words(low: float, low_open: bool, write=plain, lang: str = "en") -> str:
    """A range with no upper end: 'above 170,000', 'at least 8,000'; '17만 초과', '8,000 이상'."""
    return speaker(lang).lower_end_words(low, low_open, write)


def qualify(qualifier: str, shown: str, lang: str = "en") -> str:
    """Put the qualifier with an already formatted value: 'more than 170,000', '약 9만 명',
    '17만여 개', '14.3% 이상'."""
    return speaker(lang).qualify(qualifier, shown)


def predicate(shown: str, lang: str = "en") -> str:
    """A written value as the predicate of a sentence: 'is 8,000'; '8,000개입니다', '14.3%를 넘습니다'."""
    return speaker(lang).predicate(shown)


def predicate_parts(shown: str, lang: str = "en") -> tuple[str, str]:
    """The predicate as the value and the ending a bracket about the value goes between: ('10곳', '입니다')."""
    return speaker(lang).predicate_parts(shown)


def particle(word: str, josa: str) -> str:
    """The word with the form of a Korean particle its final sound takes, chosen by tossi ('8,000개로',
    '10.1조 원으로', '14.3%로'); a closing bracket takes the sound of the word before it ('국내 기업(영문
    보도자료 제목)은'); a word whose sound cannot be told raises, so no '(으)로' is ever shown."""
    import tossi

    reading = re.sub(r"\([^()]*\)$", "", word).replace(",", "")
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


def qualifier_name(
    qualifier: str,
    lang: str = "en",
    written: str | None = None,
    marks: tuple[str, ...] = (),
    said: str | None = None,
) -> str:
    """The qualifier as a column shows it: 'about', 'more than' or 'none (printed as is)'; 약, ‘여’·‘초과’
    or 없음; for one figure's `written` value, the word that value takes ('14.3% 초과': 초과); for a
    figure printed in Korean, the words its printed form carries (`marks`: ‘여’·‘이상’)."""
    return speaker(lang).qualifier_name(qualifier, written, marks, said)


def counted_place(number: int, lang: str = "en") -> str:
    """A paragraph's number in a place's words: 'paragraph 2'; '둘째 문단'."""
    return speaker(lang).counted_place(number)


def point_words(year: int, month: int | None = None, day: int | None = None, lang: str = "en") -> str:
    """A year, a month or a day: '2021', 'July 2021', '22 July 2021'; '2021년', '2021년 7월', '2021년 7월 22일'."""
    return speaker(lang).point_words(year, month, day)


def span_words(start: Date, end: Date, lang: str = "en") -> str:
    """An interval of time: 'the second half of 2021', or '2020 to 2025', 'July 2020 to July 2021';
    '2021년 하반기', '2020년 ~ 2025년', '2020년 7월 ~ 2021년 7월'."""
    return speaker(lang).span_words(start, end)


def by_words(year: int, month: int | None = None, day: int | None = None, lang: str = "en") -> str:
    """An open-start period, counted up to its end: 'by 2025'; '2025년까지'."""
    return speaker(lang).by_words(year, month, day)


def until_words(year: int, month: int | None = None, day: int | None = None, lang: str = "en") -> str:
    """The latest a date may fall, at the end's precision: a year as the source gives it, 'by 2025'
    ('2025년까지'), never an end of the year it does not print; a month, 'the end of July 2021' ('2021년 7월 말')."""
    return speaker(lang).until_words(year, month, day)


def language_words(code: str, lang: str = "en", document: bool = False) -> str:
    """A language tag in words, from Babel's locale data: 'ko' -> 'Korean' (in Korean, '한국어'); of a
    document in Korean, the word Korean writes before it ('국문', '영문')."""
    return speaker(lang).language_words(code, document)


def day_words(day: dt.date, lang: str = "en") -> str:
    """A date as the site writes it: '25 November 2026'; '2026년 11월 25일'."""
    return point_words(day.year, day.month, day.day, lang)


def printed_qualifier(quote: str, printed: str, qualifier: str, lang: str) -> str | None:
    """The qualifier word a source in `lang` prints right before `printed` in its sentence, as printed
    ('approximately'; 'More than' in 'More than KRW 49 trillion', a currency word between), or None where
    it prints none of that qualifier's words there."""
    at = quote.find(printed)
    before = re.sub(r" [A-Z]{2,3}$", "", quote[:at].rstrip()) if at >= 0 else ""
    for word in speaker(lang).PRINTED_QUALIFIERS.get(qualifier, ()):
        if before.lower().endswith(word) and not before[: -len(word)][-1:].isalpha():
            return before[-len(word) :]
    return None


def shared_qualifier(quote: str, printed: str, qualifier: str, lang: str) -> str | None:
    """The qualifier word printed before the first of two numbers joined in one phrase, which the
    second shares ('About' for 4,000 in 'About 8,000 factories and 4,000 micro-businesses'), or None."""
    joining, at = speaker(lang).JOINING, quote.find(printed)
    if not joining or at < 0:
        return None
    before = quote[:at]
    for word in speaker(lang).PRINTED_QUALIFIERS.get(qualifier, ()):
        pattern = rf"\b({re.escape(word)}) [0-9][0-9,.]*[^.;0-9]* {joining} $"
        if m := re.search(pattern, before, re.IGNORECASE):
            return m.group(1)
    return None


def number_after_qualifier(printed: str, qualifier: str, lang: str = "en") -> str:
    """A printed form without the qualifier word its source prints before the number ('About 8,000' ->
    '8,000'), for reading the number; a form printed in Korean carries its marks into the reading."""
    for word in speaker(lang).PRINTED_QUALIFIERS.get(qualifier, ()):
        if printed.lower().startswith(f"{word} "):
            return printed[len(word) + 1 :]
    return printed


def printed_stretch(quote: str, printed: str, qualifier: str, lang: str) -> str:
    """The figure as its source prints it with the qualifier word it prints before the number
    ('more than 170,000', 'More than KRW 49 trillion'), taken from its quote: the printed number alone
    would show an English source as printing a bare number. A currency word may stand between; where
    the quote prints no such word right before the number, the number as printed."""
    at = quote.find(printed)
    if at < 0:
        return printed
    before = quote[:at]
    for word in speaker(lang).PRINTED_QUALIFIERS.get(qualifier, ()):
        start = before.lower().rfind(word)
        between = before[start + len(word) :] if start >= 0 else ""
        if start >= 0 and not before[:start][-1:].isalpha() and re.fullmatch(r" (?:[A-Z]{2,3} )?", between):
            return quote[start : at + len(printed)]
    return printed


def list_words(items: list[str], lang: str = "en") -> str:
    """Items joined as the language writes a list: 'a, b and c'; 'a, b 및 c'."""
    from babel.lists import format_list

    return format_list(list(items), locale=speaker(lang).list_locale) if items else ""


def statements(items: list[str], lang: str = "en") -> str:
    """Statements about one value, joined as the language ends one and starts the next: 'a; b';
    'a입니다. b입니다'."""
    return speaker(lang).STATEMENTS_JOINED.join(items)


def values_listed(items: list[str], lang: str = "en") -> str:
    """Values one after another, each with its bracket: 'a (x); b (y)'; 'a (x), b (y)'."""
    return speaker(lang).VALUES_JOINED.join(items)


def examples(items: list[str], lang: str = "en") -> str:
    """Worked examples side by side: "'8,000': 8,000; '12만7000개': 127,000"; '‘8,000’: 8,000, ‘12만7000개’: 12만 7,000'."""
    return speaker(lang).EXAMPLES_JOINED.join(items)


def alternatives(items: list[str], lang: str = "en") -> str:
    """Items joined as the language writes a choice: 'a, b or c'; 'a, b 또는 c'."""
    from babel.lists import format_list

    return format_list(list(items), style="or", locale=speaker(lang).list_locale) if items else ""


def range_qualifier(qualifier: str, written: str, lang: str = "en") -> str | None:
    """The qualifier named beside a figure's range as its written value shows it ('한정어 ‘초과’' for
    '14.3% 초과'), or None where the rule's own name says it."""
    return speaker(lang).range_qualifier(qualifier, written)


def size_words(size: int, lang: str = "en") -> str:
    """A file size as the downloads list shows it: '812 bytes', '14.2 kB', '1.3 MB'; '812바이트', '14.2kB'."""
    return speaker(lang).size_words(size)
