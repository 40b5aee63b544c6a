"""The one loader: read the data package, build typed records, run every rule, evaluate the checks.

The site, the validator, the scripts and the tests all call `load_package`. It reads CSV with the
standard library (fast enough for every build) through `resource`, builds the records, and runs
the rules in `rules`; it raises PackageError listing every problem as `path:row:field: message`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import rules
from .charts import CHARTS_RESOURCE, Chart, build_charts
from .checks import SUMMARY_WORDS, Check, Outcome, evaluate
from .correction import Correction
from .figure import Figure
from .locator import parse_locators
from .period import parse_period
from .problem import PackageError, Problem, display_path
from .resource import Table, read_table
from .source import Source
from .topic import Topic, ancestors
from .unit import Unit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "datapackage" / "datapackage.json"
RESOURCES = ("figures", "topics", "units", "sources", "checks", "corrections")


def package_path() -> Path:
    """The package to read: DND_DATAPACKAGE when set (tests, previews of a change), else the repository's."""
    return Path(os.environ.get("DND_DATAPACKAGE") or DEFAULT_PATH)


@dataclass
class Package:
    path: Path
    descriptor: dict
    tables: dict[str, Table]
    figures: dict[str, Figure]
    topics: dict[str, Topic]
    units: dict[str, Unit]
    sources: dict[str, Source]
    checks: list[Check]
    corrections: list[Correction]
    charts: dict[str, Chart]
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def version(self) -> str:
        return self.descriptor["version"]

    @property
    def created(self) -> dt.date | None:
        """The release day of this version (the descriptor's `created`), or None without one."""
        stamp = self.descriptor.get("created")
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date() if stamp else None

    def resource_path(self, name: str) -> Path:
        resource = next(r for r in self.descriptor["resources"] if r["name"] == name)
        return self.path.parent / resource["path"]

    def columns(self, name: str) -> list[str]:
        """A resource's column names, in the order its Table Schema gives them."""
        return [f["name"] for f in self.tables[name].fields]

    def figures_in(self, topic_id: str, deep: bool = True) -> list[Figure]:
        """Figures whose topic is this one (or, with deep, one below it), in file order."""
        return [
            f
            for f in self.figures.values()
            if f.topic == topic_id or (deep and topic_id in {t.id for t in ancestors(f.topic, self.topics)})
        ]

    def summary(self) -> str:
        counts = ", ".join(
            f"{sum(o.status == s for o in self.outcomes)} {words}" for s, words in SUMMARY_WORDS.items()
        )
        return (
            f"{display_path(self.path)}: valid, version {self.version}: {len(self.figures)} figures, "
            f"{len(self.topics)} topics, {len(self.units)} units, {len(self.sources)} source(s), "
            f"{len(self.corrections)} correction(s); {len(self.checks)} checks: {counts}"
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
    files = [path, path.parent / CHARTS_RESOURCE["path"], *sorted((path.parent / "data").glob("*.csv"))]
    return [(str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files]


def _descriptor(path: Path) -> dict:
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
    names = {r.get("name") for r in descriptor.get("resources", [])}
    missing = [name for name in RESOURCES if name not in names]
    if missing or "version" not in descriptor:
        what = ", ".join(missing) if missing else "version"
        raise PackageError([Problem(shown, 1, "resources", f"the descriptor lacks: {what}")])
    return descriptor


def _load(path: Path) -> Package:
    descriptor = _descriptor(path)
    resources = {r["name"]: r for r in descriptor["resources"]}
    problems: list[Problem] = []
    tables = {name: read_table(path.parent, resources[name], problems) for name in RESOURCES}
    tables["charts"] = read_table(path.parent, CHARTS_RESOURCE, problems)
    for rule in rules.TABLE_RULES:
        problems += rule(tables)
    if problems:
        raise PackageError(problems)

    units = {
        r["id"]: Unit(r["id"], r["label"], r["symbol"] or "", r["display"]) for r in tables["units"].rows
    }
    topics = {
        r["id"]: Topic(r["id"], r["parent"], r["title"], r["order"], r["kind"], r["marker"] or "")
        for r in tables["topics"].rows
    }
    sources = {r["id"]: Source(**_fields(r, Source)) for r in tables["sources"].rows}
    corrections = [Correction(**_fields(r, Correction), row=r["_row"]) for r in tables["corrections"].rows]
    figures = {}
    for r in tables["figures"].rows:
        figure = _figure(r, units, tables["figures"].path, problems)
        if figure:
            figures[figure.id] = figure
    checks = [
        Check(**_fields(r, Check, "operands"), operands=tuple(r["operands"].split(" ")), row=r["_row"])
        for r in tables["checks"].rows
    ]
    charts = build_charts(tables["charts"])
    package = Package(path, descriptor, tables, figures, topics, units, sources, checks, corrections, charts)
    for rule in rules.RECORD_RULES:
        problems += rule(package)
    if problems:
        raise PackageError(problems)
    package.outcomes = [evaluate(c, figures) for c in checks]
    problems += rules.outcomes_are_expected(package)
    if problems:
        raise PackageError(problems)
    return package


def _fields(row: dict, record: type, *skip: str) -> dict:
    """The row's cells named like the record's fields (the schema and the record share names)."""
    names = record.__dataclass_fields__
    return {k: v for k, v in row.items() if k in names and k not in skip and k != "row"}


def _figure(r: dict, units: dict[str, Unit], path: str, problems: list[Problem]) -> Figure | None:
    """The typed figure, or None with a problem when its period or locator cannot be read."""
    try:
        period = parse_period(r["period"])
    except ValueError as error:
        problems.append(Problem(path, r["_row"], "period", str(error)))
        return None
    try:
        locators = parse_locators(r["locator"])
    except ValueError as error:
        problems.append(Problem(path, r["_row"], "locator", str(error)))
        return None
    return Figure(
        **_fields(r, Figure, "unit", "period"),
        unit=units[r["unit"]],
        period=period,
        locators=locators,
        row=r["_row"],
    )
