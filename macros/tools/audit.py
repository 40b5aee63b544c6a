"""Account for every number in the release text: each is a figure, a figure's period, or structure.

The release is split into topic regions by the markers in topics.csv (searched in document
order), so a figure's `as_printed` must appear where its locator says, not merely somewhere.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from ..data.package import Package
from ..data.printed import MONTHS as PRINTED_MONTHS
from ..data.printed import WORDS
from ..data.problem import Problem, display_path
from ..data.topic import ancestors

NUMBER = re.compile(
    r"(?<![\w.,])(?:\d[\d,]*\d|\d)(?:\.\d+)?(?:%|st|nd|rd|th|\+|km2)?(?!\w)"
    r"|(?i:\b(?:" + "|".join(WORDS) + r")\b)"
)
YEAR = re.compile(r"(?:19|20)\d\d")
# Numbers that are not figures: structure, names and phrases. Each needs a reason a reader accepts.
STRUCTURE = (
    (re.compile(r"^\d\.(?= )", re.M), "section number"),
    (re.compile(r"\[\d+\]"), "item number"),
    (re.compile(r"\d」"), "footnote mark"),
    (re.compile(r"\b(?:New Deal|Dr\. Answer) \d\.\d\b", re.I), "version name"),
    (re.compile(r"\bK-12\b"), "name of the school grades"),
    (re.compile(r"\bCOVID-19\b"), "name of the disease"),
    (re.compile(r"\b\d-dimensional\b"), "description of the map, not a quantity"),
    (re.compile(r"\bone year\b"), "length of the period under review, recorded in the figures' periods"),
    (re.compile(r"\bone of\b"), "phrase, not a quantity"),
)


# Dates given relative to the writing year: each must be the as_printed of a date figure, like any number.
DATED = re.compile(
    r"(?:(?:first|second) half of |(?:[Ii]n )?(?:"
    + "|".join(m for m in calendar.month_name if m)
    + r") )?this year|[Bb]y the year[’']s end"
)
# Words the structural exclusions above read, kept by `redact` so the audit gives the same answer.
STRUCTURE_WORDS = frozenset(
    {
        "New",
        "Deal",
        "Dr",
        "Answer",
        "K",
        "COVID",
        "dimensional",
        "year",
        "of",
        "this",
        "half",
        "first",
        "second",
        "end",
    }
)
MONTHS = frozenset(name for month in PRINTED_MONTHS for name in (month.capitalize(), month[:3].capitalize()))
SCALE_WORDS = frozenset({"trillion", "billion", "million", "km"})


@dataclass
class Region:
    topic: str
    start: int
    end: int


@dataclass
class Audit:
    """What the audit found: problems, and how each number token was accounted for."""

    problems: list[Problem] = field(default_factory=list)
    accounted: dict[str, int] = field(
        default_factory=lambda: {
            "figure": 0,
            "period": 0,
            "source date": 0,
            "structure": 0,
            "dated phrase": 0,
        }
    )

    @property
    def tokens(self) -> int:
        return sum(self.accounted.values())


def _outlined_figures(package: Package) -> list:
    """The figures of the release whose text is audited (other sources' figures are not in it)."""
    return [f for f in package.figures.values() if package.source_of(f).outlined]


def regions(text: str, package: Package, shown: str, problems: list[Problem]) -> dict[str, Region]:
    """Each topic's span of the text, including the topics below it."""
    # The release's own topics: the opening one, and those its text marks; topics without a marker
    # further on group other sources' figures and have no place in this text.
    ordered = sorted(package.topics.values(), key=lambda t: t.order)
    ordered = [t for t in ordered if t.marker or t is ordered[0]]
    starts: dict[str, int] = {}
    position = 0
    for topic in ordered:
        found = text.find(topic.marker, position) if topic.marker else position
        if found < 0:
            problems.append(
                Problem(
                    shown,
                    1,
                    "-",
                    f"the marker '{topic.marker}' of topic '{topic.id}' is not in the text after the previous topic's",
                )
            )
            continue
        starts[topic.id] = position = found
    spans = {}
    for index, topic in enumerate(ordered):
        if topic.id not in starts:
            continue
        inside = {topic.id} | {t.id for t in ordered if topic in ancestors(t.id, package.topics)}
        end = next(
            (starts[t.id] for t in ordered[index + 1 :] if t.id not in inside and t.id in starts), len(text)
        )
        spans[topic.id] = Region(topic.id, starts[topic.id], end)
    return spans


def _occurrences(token: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w.,])" + re.escape(token) + r"(?![\w]|[.,]\d)")
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def audit(text: str, package: Package, source_name: str = "release", quotes: bool = True) -> Audit:
    """Every number token not accounted for, every as_printed not found where its locator says, and
    (with `quotes`) every release quote not found verbatim."""
    result = Audit()
    spans = regions(text, package, source_name, result.problems)
    figures_path = display_path(package.resource_path("figures"))
    covered: dict[tuple[int, int], str] = {}

    for figure in _outlined_figures(package):
        for locator in figure.locators:
            region = spans.get(locator.topic)
            if region is None:
                continue
            hits = _occurrences(figure.as_printed, text, region.start, region.end)
            if not hits:
                result.problems.append(
                    Problem(
                        figures_path,
                        figure.row,
                        "as_printed",
                        f"'{figure.as_printed}' is not in the release text at {locator.topic} ({figure.id})",
                    )
                )
            for hit in hits:
                covered[hit] = "figure"

    if quotes:
        result.problems += quotes_not_in(text, package, figures_path)

    for source in package.sources.values():
        dateline = f"{source.date:%b} {source.date.day},{source.date.year}"
        for hit in _occurrences(dateline, text, 0, len(text)):
            covered[hit] = "source date"
    for pattern, _reason in STRUCTURE:
        for match in pattern.finditer(text):
            covered[match.span()] = "structure"

    def how(start: int, end: int, token: str) -> str | None:
        for (a, b), kind in covered.items():
            if a <= start and end <= b:
                return kind
        if YEAR.fullmatch(token):
            year = int(token)
            for figure in _outlined_figures(package):
                if year in figure.period.years() and any(
                    spans.get(loc.topic) and spans[loc.topic].start <= start < spans[loc.topic].end
                    for loc in figure.locators
                ):
                    return "period"
        return None

    for match in DATED.finditer(text):
        if any(
            a <= match.start() and match.end() <= b and kind == "figure" for (a, b), kind in covered.items()
        ):
            result.accounted["dated phrase"] += 1
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        result.problems.append(
            Problem(
                source_name,
                line,
                f"col {column}",
                f"the dated phrase '{match.group()}' is the as_printed of no date figure; add one with its period",
            )
        )

    for match in NUMBER.finditer(text):
        token = match.group()
        kind = how(match.start(), match.end(), token)
        if kind:
            result.accounted[kind] += 1
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        topic = max(
            (r for r in spans.values() if r.start <= match.start() < r.end),
            key=lambda r: r.start,
            default=None,
        )
        where = f" in topic '{topic.topic}'" if topic else ""
        result.problems.append(
            Problem(
                source_name,
                line,
                f"col {column}",
                f"the number '{token}'{where} is accounted for by no figure, period or structural exclusion",
            )
        )
    return result


def _spaced(text: str) -> str:
    """Text with every run of whitespace as one space, so a quote matches across the release's line breaks."""
    return " ".join(text.split())


def quotes_not_in(text: str, package: Package, figures_path: str) -> list[Problem]:
    """Every release figure's quote occurs verbatim in the release text (whitespace aside).

    Against the redacted copy (tests/fixtures), the quote is redacted the same way first, so the check
    runs where the text cannot be shipped and still fails on a quote that is not the release's.
    """
    body = _spaced(text)
    problems = []
    for figure in _outlined_figures(package):
        if not figure.quote:
            continue
        if _spaced(figure.quote) in body or _spaced(redact(figure.quote, package)) in body:
            continue
        problems.append(
            Problem(
                figures_path,
                figure.row,
                "quote",
                f"the quote of '{figure.id}' is not in the release text verbatim; copy the release's sentence exactly",
            )
        )
    return problems


def redact(text: str, package: Package) -> str:
    """The release with every word the audit does not read masked letter for letter.

    What is left (numbers, dates, topic markers, printed tokens, the structural words) is what the
    audit reads, at the same places, so a test can audit the release where its text cannot be
    shipped: the redacted copy gives the same answer and holds no sentence of the source.
    """
    kept = set(WORDS) | STRUCTURE_WORDS | MONTHS | SCALE_WORDS
    for topic in package.topics.values():
        kept |= set(re.findall(r"[A-Za-z]+", topic.marker))
    for figure in _outlined_figures(package):
        kept |= set(re.findall(r"[A-Za-z]+", figure.as_printed))
    kept |= {w.capitalize() for w in kept} | {w.lower() for w in kept}
    return re.sub(r"[A-Za-z]+", lambda m: m.group() if m.group() in kept else "x" * len(m.group()), text)
