"""The one loader: read the data package, validate it, and return typed figures.

The site, the validator, the scripts and the tests all call `load_package`. It reads CSV with the
standard library (fast enough for every build), applies the Table Schemas, the keys and the
project's own rules, and raises PackageError listing every problem as `path:row:field: message`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .check import ARITY, Check, Outcome, evaluate
from .correction import Correction
from .figure import Figure
from .locator import parse_locators
from .period import parse_period
from .printed import read_date, read_number
from .problem import PackageError, Problem, display_path
from .source import Source
from .table import Table, read_table
from .topic import Topic, ancestors
from .unit import Unit, plain, same_number

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = ROOT / "datapackage" / "datapackage.json"
RESOURCES = ("figures", "topics", "units", "sources", "checks", "corrections")
# What a check's result and operands must be measured in, by kind (None: the operands' own unit).
RESULT_DISPLAY = {"share": "percent", "growth": "percent", "ratio": "multiple", "multiple": "multiple"}


def package_path() -> Path:
    """The package to read: DND_DATAPACKAGE when set (tests, previews of a change), else the repository's."""
    return Path(os.environ.get("DND_DATAPACKAGE") or DEFAULT_PATH)


@dataclass
class Package:
    path: Path
    descriptor: dict
    figures: dict[str, Figure]
    topics: dict[str, Topic]
    units: dict[str, Unit]
    sources: dict[str, Source]
    checks: list[Check]
    corrections: list[Correction]
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def version(self) -> str:
        return self.descriptor["version"]

    def resource_path(self, name: str) -> Path:
        resource = next(r for r in self.descriptor["resources"] if r["name"] == name)
        return self.path.parent / resource["path"]

    def figures_in(self, topic_id: str, deep: bool = True) -> list[Figure]:
        """Figures whose topic is this one (or, with deep, one below it), in file order."""
        return [
            f
            for f in self.figures.values()
            if f.topic == topic_id or (deep and topic_id in {t.id for t in ancestors(f.topic, self.topics)})
        ]

    def summary(self) -> str:
        counts = {s: sum(o.status == s for o in self.outcomes) for s in ("holds", "rounding", "fails")}
        return (
            f"{display_path(self.path)}: valid, version {self.version}: {len(self.figures)} figures, "
            f"{len(self.topics)} topics, {len(self.units)} units, {len(self.sources)} source(s), "
            f"{len(self.corrections)} correction(s); {len(self.checks)} checks: {counts['holds']} hold, "
            f"{counts['rounding']} hold within rounding, {counts['fails']} fail as the release does"
        )


_cache: dict[tuple, Package] = {}


def load_package(path: Path | str | None = None) -> Package:
    """Load and validate the package at `path`; reuse the last result while no file has changed."""
    path = Path(path) if path else package_path()
    key = (str(path.resolve()), *_stamps(path))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _load(path)
    return _cache[key]


def _stamps(path: Path) -> list[tuple[str, int]]:
    files = [path, *sorted((path.parent / "data").glob("*.csv"))] if path.exists() else [path]
    return [(str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files]


def _load(path: Path) -> Package:
    problems: list[Problem] = []
    shown = display_path(path)
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PackageError(
            [Problem(shown, 1, "-", f"cannot read the descriptor ({error.strerror})")]
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", 1)
        raise PackageError(
            [Problem(shown, line, "-", f"the descriptor is not valid JSON ({error})")]
        ) from None
    resources = {r.get("name"): r for r in descriptor.get("resources", [])}
    missing = [name for name in RESOURCES if name not in resources]
    if missing or "version" not in descriptor:
        what = ", ".join(missing) if missing else "version"
        raise PackageError([Problem(shown, 1, "resources", f"the descriptor lacks: {what}")])

    tables = {name: read_table(path.parent, resources[name], problems) for name in RESOURCES}
    _check_foreign_keys(tables, problems)
    if problems:
        raise PackageError(problems)

    units = {
        r["id"]: Unit(r["id"], r["label"], r["symbol"] or "", r["display"]) for r in tables["units"].rows
    }
    topics = {
        r["id"]: Topic(r["id"], r["parent"], r["title"], r["order"], r["kind"], r["marker"] or "")
        for r in tables["topics"].rows
    }
    sources = {
        r["id"]: Source(
            r["id"],
            r["publisher"],
            r["title"],
            r["date"],
            r["language"],
            r["url"],
            r["licence"],
            r["attribution"],
        )
        for r in tables["sources"].rows
    }
    corrections = [
        Correction(
            r["id"],
            r["figure"],
            r["field"],
            r["printed"],
            r["used"],
            r["kind"],
            r["reason"],
            r["date"],
            r["version"],
            r["reference"],
            r["_row"],
        )
        for r in tables["corrections"].rows
    ]
    figures_table = tables["figures"]
    figures = {}
    for r in figures_table.rows:
        figure = _figure(r, units, topics, figures_table.path, problems)
        if figure:
            figures[figure.id] = figure
    _check_printed(figures, corrections, figures_table.path, tables["corrections"].path, problems)
    checks = [
        Check(
            r["id"],
            r["kind"],
            r["result"],
            tuple(r["operands"].split(" ")),
            r["tolerance"],
            r["expected"],
            r["explanation"],
            r["_row"],
        )
        for r in tables["checks"].rows
    ]
    _check_checks(checks, figures, tables["checks"].path, problems)
    _check_topics(topics, figures, tables["topics"], problems)
    _check_orphans(tables, figures, problems)
    if problems:
        raise PackageError(problems)

    package = Package(path, descriptor, figures, topics, units, sources, checks, corrections)
    package.outcomes = [evaluate(c, figures) for c in checks]
    surprises = [
        Problem(
            tables["checks"].path,
            o.check.row,
            "expected",
            f"check '{o.check.id}' is expected to be '{o.check.expected}' but it {o.status}: {o.arithmetic(figures)}",
        )
        for o in package.outcomes
        if not o.as_expected
    ]
    if surprises:
        raise PackageError(surprises)
    return package


def _check_foreign_keys(tables: dict[str, Table], problems: list[Problem]) -> None:
    for table in tables.values():
        for fk in table.foreign_keys:
            (column,) = fk["fields"]
            target = tables.get(fk["reference"]["resource"] or table.name)
            (target_column,) = fk["reference"]["fields"]
            known = {r[target_column] for r in target.rows}
            for row in table.rows:
                value = row.get(column)
                if value is not None and value not in known:
                    problems.append(
                        Problem(
                            table.path,
                            row["_row"],
                            column,
                            f"'{value}' is not an {target_column} in {target.path}",
                        )
                    )


def _figure(r: dict, units: dict, topics: dict, path: str, problems: list[Problem]) -> Figure | None:
    def fail(column: str, message: str) -> None:
        problems.append(Problem(path, r["_row"], column, message))

    unit = units[r["unit"]]
    try:
        period = parse_period(r["period"])
    except ValueError as error:
        fail("period", str(error))
        return None
    try:
        locators = parse_locators(r["locator"])
    except ValueError as error:
        fail("locator", str(error))
        return None
    for locator in locators:
        if locator.topic not in topics:
            fail("locator", f"'{locator.topic}' is not a topic id in topics.csv")
    if r["topic"] not in {loc.topic for loc in locators}:
        fail("topic", f"the topic '{r['topic']}' must be one of the topics in the locator ({r['locator']})")
    if unit.display == "date":
        if r["value"] is not None:
            fail("value", "a date figure keeps its date in period; leave value empty")
        if not period.is_point:
            fail("period", "a date figure needs a single year, month or date, not an interval")
    elif r["value"] is None:
        fail("value", "the value is empty; only date figures may leave it empty")
    return Figure(
        r["id"],
        r["topic"],
        r["label"],
        r["value"],
        unit,
        r["qualifier"],
        period,
        r["status"],
        r["as_printed"],
        locators,
        r["source"],
        r["note"],
        r["_row"],
    )


def _check_printed(
    figures: dict[str, Figure],
    corrections: list[Correction],
    path: str,
    corrections_path: str,
    problems: list[Problem],
) -> None:
    """A value must be what its as_printed token says, unless a correction explains the difference."""
    explained = {(c.figure, c.field) for c in corrections}
    for figure in figures.values():

        def fail(column: str, message: str, figure: Figure = figure) -> None:
            problems.append(Problem(path, figure.row, column, message))

        if figure.unit.display == "date":
            printed = read_date(figure.as_printed)
            start = figure.period.start
            if printed is None:
                fail(
                    "as_printed",
                    f"'{figure.as_printed}' cannot be read as a date (such as 'July 14, 2020', 'May 2021' or '2025')",
                )
            elif (
                any(
                    p is not None and p != q
                    for p, q in zip(printed, (start.year, start.month, start.day), strict=True)
                )
                or (printed[1] is None) != (start.month is None)
                or (printed[2] is None) != (start.day is None)
            ):
                fail(
                    "period",
                    f"the period {figure.period.text} is not the date printed as '{figure.as_printed}'",
                )
            continue
        if figure.value is None:
            continue
        reading = read_number(figure.as_printed)
        if reading is not None and reading.display and reading.display != figure.unit.display:
            fail(
                "unit",
                f"'{figure.as_printed}' is printed as a {reading.display} value, but the unit '{figure.unit.id}' is displayed as {figure.unit.display}",
            )
        if reading is not None and reading.display is None and figure.unit.display in ("percent", "rank"):
            fail(
                "as_printed",
                f"'{figure.as_printed}' lacks the {'%' if figure.unit.display == 'percent' else 'ordinal suffix'} its unit '{figure.unit.id}' implies",
            )
        if reading is not None and reading.suffix == "+" and figure.qualifier != "more-than":
            fail(
                "qualifier", f"'{figure.as_printed}' is printed with '+', so the qualifier must be more-than"
            )
        matches = reading is not None and same_number(reading.number, figure.value)
        if matches or (figure.id, "value") in explained:
            continue
        read = "cannot be read as a number" if reading is None else f"reads as {plain(reading.number)}"
        fail(
            "value",
            f"{plain(figure.value)} does not match as_printed '{figure.as_printed}', which {read}; "
            f"fix the value, or if the release misprints it add a row to {corrections_path} "
            f"with figure={figure.id}, field=value, printed={figure.as_printed}, used={plain(figure.value).replace(',', '')} and the reason",
        )
    for c in corrections:
        figure = figures.get(c.figure)
        if figure is None or c.field != "value":
            continue
        try:
            used = float(c.used.replace(",", ""))
        except ValueError:
            problems.append(Problem(corrections_path, c.row, "used", f"'{c.used}' is not a number"))
            continue
        if figure.value is None or not same_number(used, figure.value):
            problems.append(
                Problem(
                    corrections_path,
                    c.row,
                    "used",
                    f"the value used ({c.used}) is not the value of '{c.figure}' in figures.csv ({plain(figure.value or 0)})",
                )
            )
        if c.kind == "release-typo" and c.printed != figure.as_printed:
            problems.append(
                Problem(
                    corrections_path,
                    c.row,
                    "printed",
                    f"'{c.printed}' is not the as_printed of '{c.figure}' ('{figure.as_printed}')",
                )
            )


def _check_checks(
    checks: list[Check], figures: dict[str, Figure], path: str, problems: list[Problem]
) -> None:
    for check in checks:

        def fail(column: str, message: str, check: Check = check) -> None:
            problems.append(Problem(path, check.row, column, message))

        unknown = [o for o in check.operands if o not in figures]
        for operand in unknown:
            fail("operands", f"'{operand}' is not a figure id in figures.csv")
        arity = ARITY[check.kind]
        if arity and len(check.operands) != arity:
            fail("operands", f"a {check.kind} check takes {arity} operand(s), not {len(check.operands)}")
        if unknown or check.result not in figures or (arity and len(check.operands) != arity):
            continue
        result = figures[check.result]
        operands = [figures[o] for o in check.operands]
        if any(f.value is None for f in [result, *operands]):
            fail("operands", "checks work on numbers; a date figure has no value")
            continue
        if len({f.unit.id for f in operands}) > 1:
            fail(
                "operands",
                "the operands are in different units: "
                + ", ".join(f"{f.id} ({f.unit.id})" for f in operands),
            )
        wanted = RESULT_DISPLAY.get(check.kind)
        if check.kind == "rank-change":
            if any(f.unit.display != "rank" for f in operands) or result.unit.id != "places":
                fail("result", "a rank-change check takes two ranks and gives a number of places")
        elif wanted and result.unit.display != wanted:
            fail(
                "result",
                f"a {check.kind} check gives a {wanted} value, but '{result.id}' is in {result.unit.id}",
            )
        elif not wanted and result.unit.id != operands[0].unit.id:
            fail(
                "result",
                f"'{result.id}' is in {result.unit.id} but the operands are in {operands[0].unit.id}",
            )
        if any(o.value == 0 for o in operands) and check.kind in ("share", "ratio", "growth", "multiple"):
            fail("operands", "a divisor is zero")


def _check_topics(
    topics: dict[str, Topic], figures: dict[str, Figure], table: Table, problems: list[Problem]
) -> None:
    rows = {r["id"]: r["_row"] for r in table.rows}
    used = {f.topic for f in figures.values()} | {loc.topic for f in figures.values() for loc in f.locators}
    for topic in topics.values():
        seen, current = {topic.id}, topic
        while current.parent:
            if current.parent in seen:
                problems.append(
                    Problem(table.path, rows[topic.id], "parent", f"the parents of '{topic.id}' form a cycle")
                )
                break
            seen.add(current.parent)
            current = topics[current.parent]
        if topic.parent is None and not any(
            t.id in used for t in topics.values() if t.id == topic.id or topic in ancestors(t.id, topics)
        ):
            problems.append(
                Problem(
                    table.path,
                    rows[topic.id],
                    "id",
                    f"the top-level topic '{topic.id}' has no figure in it or below it",
                )
            )


def _check_orphans(tables: dict[str, Table], figures: dict[str, Figure], problems: list[Problem]) -> None:
    for name, column in (("units", "unit"), ("sources", "source")):
        used = {r[column] for r in tables["figures"].rows}
        for row in tables[name].rows:
            if row["id"] not in used:
                problems.append(
                    Problem(
                        tables[name].path,
                        row["_row"],
                        "id",
                        f"'{row['id']}' is used by no figure; remove it or use it",
                    )
                )
