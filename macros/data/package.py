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
from functools import cached_property
from pathlib import Path

from . import rules, standing
from .caveat import Caveat
from .changelog import Changelog, read_changelog
from .changes import Change, change_files, read_changes
from .charts import CHARTS_RESOURCE, Chart, build_charts
from .checks import KINDS, SUMMARY_WORDS, Check, Outcome, evaluate
from .correction import Correction
from .figure import Figure
from .intervals import Interval, IntervalRule, interval_of
from .language import is_translation, translations
from .link import Link
from .locator import parse_locators, place_locator
from .period import parse_period
from .printed import read_number
from .problem import PackageError, Problem, display_path
from .resource import Table, read_table
from .source import Source
from .term import Term
from .topic import Topic, ancestors
from .unit import Unit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "datapackage" / "datapackage.json"
CHANGELOG = "CHANGELOG.md"
# What builds remember between runs (drawn charts, validated releases): at the top of the checkout, ignored
# by git and outside every folder `make serve` watches, so writing it never starts another build.
BUILD_CACHE = ROOT / ".cache"
RESOURCES = ("figures", "topics", "units", "sources", "links", "checks", "corrections", "caveats", "terms")
# The record each table's rows become, and its fields read from a column of another name.
RECORDS = {
    "figures": (Figure, {"locators": "locator"}),
    "topics": (Topic, {}),
    "units": (Unit, {}),
    "sources": (Source, {}),
    "links": (Link, {}),
    "checks": (Check, {}),
    "corrections": (Correction, {}),
    "caveats": (Caveat, {}),
    "terms": (Term, {}),
}


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
    links: list[Link]
    checks: list[Check]
    corrections: list[Correction]
    charts: dict[str, Chart]
    terms: list[Term] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    # The interval each number figure's printing allows, and the rule that gives it, by figure id.
    bounds: dict[str, tuple[Interval, IntervalRule]] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    # The changes not released yet (changes/*.yaml); their corrections are among `corrections`.
    changes: list[Change] = field(default_factory=list)

    @property
    def version(self) -> str:
        return self.descriptor["version"]

    @property
    def outlined(self) -> Source:
        """The source topics.csv outlines: the release this package is built around."""
        return next(s for s in self.sources.values() if s.outlined)

    def source_of(self, figure: Figure) -> Source:
        return self.sources[figure.source]

    @property
    def created(self) -> dt.date | None:
        """The release day of this version (the descriptor's `created`), or None without one."""
        stamp = self.descriptor.get("created")
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date() if stamp else None

    @cached_property
    def changelog(self) -> Changelog:
        """CHANGELOG.md, beside the package's folder (no sections when absent)."""
        return read_changelog(repository_root(self.path) / CHANGELOG)

    def resource_path(self, name: str) -> Path:
        resource = next(r for r in self.descriptor["resources"] if r["name"] == name)
        return self.path.parent / resource["path"]

    def columns(self, name: str) -> list[str]:
        """A resource's column names, in the order its Table Schema gives them."""
        return [f["name"] for f in self.tables[name].fields]

    def links_of(self, figure_id: str) -> list[Link]:
        """Every link that starts or ends at this figure."""
        return [link for link in self.links if figure_id in (link.figure, link.other)]

    def outcomes_of(self, figure_id: str) -> list[Outcome]:
        """The checks a figure takes part in, as the stated figure or as one it works from."""
        return [o for o in self.outcomes if figure_id == o.check.result or figure_id in o.check.operands]

    def corrections_of(self, figure_id: str) -> list[Correction]:
        return [c for c in self.corrections if c.figure == figure_id]

    def caveats_of(self, figure_id: str) -> list[Caveat]:
        return [c for c in self.caveats if c.figure == figure_id]

    def standing(self, figure_id: str) -> tuple[standing.Reason, ...]:
        """Why a figure is not plain (`macros/data/standing.py`); empty for a plain figure. Derived once."""
        return self._standings[figure_id]

    @cached_property
    def _standings(self) -> dict[str, tuple[standing.Reason, ...]]:
        return {figure_id: standing.reasons(self, figure_id) for figure_id in self.figures}

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


def load_package(path: Path | str | None = None, as_published: bool = False) -> Package:
    """Load and validate the package at `path`; reuse the last result while no file has changed.

    `as_published` reads an earlier version as it was released (for `make diff`): its own schema
    still applies, but not today's project rules, which it may predate.
    """
    path = Path(path) if path else package_path()
    key = (str(path.resolve()), as_published, *_stamps(path))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _load(path, as_published)
    return _cache[key]


def repository_root(path: Path) -> Path:
    """The folder holding datapackage/, changes/, CHANGELOG.md and CITATION.cff."""
    return path.resolve().parent.parent


def _stamps(path: Path) -> list[tuple[str, int]]:
    files = [path, path.parent / CHARTS_RESOURCE["path"], *sorted((path.parent / "data").glob("*.csv"))]
    files += change_files(repository_root(path))
    return [(str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files]


def _descriptor(path: Path, as_published: bool = False) -> dict:
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
    # A version as published may predate a resource; it then reads as an empty table.
    missing = [] if as_published else [name for name in RESOURCES if name not in names]
    if missing or "version" not in descriptor:
        what = ", ".join(missing) if missing else "version"
        raise PackageError([Problem(shown, 1, "resources", f"the descriptor lacks: {what}")])
    return descriptor


def _load(path: Path, as_published: bool = False) -> Package:
    descriptor = _descriptor(path, as_published)
    resources = {r["name"]: r for r in descriptor["resources"]}
    problems: list[Problem] = []
    tables = {
        name: read_table(path.parent, resources[name], problems)
        if name in resources
        else Table(name, name, [], [], [], [])
        for name in RESOURCES
    }
    tables["charts"] = read_table(path.parent, CHARTS_RESOURCE, problems)
    for rule in rules.TABLE_RULES:
        problems += rule(tables)
    if not as_published:
        problems += records_match_schemas(path, tables)
    if problems:
        raise PackageError(problems)

    units = {
        r["id"]: Unit(**{**_fields(r, Unit), "symbol": r["symbol"] or "", "texts": translations(r, empty="")})
        for r in tables["units"].rows
    }
    topics = {
        r["id"]: Topic(**{**_fields(r, Topic), "marker": r["marker"] or ""}) for r in tables["topics"].rows
    }
    sources = {r["id"]: Source(**_fields(r, Source)) for r in tables["sources"].rows}
    corrections = [Correction(**_fields(r, Correction), row=r["_row"]) for r in tables["corrections"].rows]
    changes = read_changes(repository_root(path), tables["corrections"].fields, problems)
    corrections += [c.correction for c in changes if c.correction]
    figures = {}
    for r in tables["figures"].rows:
        source = sources.get(r["source"])
        figure = _figure(r, units, bool(source and source.outlined), tables["figures"].path, problems)
        if figure:
            figures[figure.id] = figure
    checks = [
        Check(
            **_fields(r, Check, "operands", "suspects"),
            operands=tuple(r["operands"].split(" ")),
            suspects=tuple((r.get("suspects") or "").split()),
            row=r["_row"],
        )
        for r in tables["checks"].rows
    ]
    links = [Link(**_fields(r, Link), row=r["_row"]) for r in tables["links"].rows]
    terms = [Term(**_fields(r, Term), row=r["_row"]) for r in tables["terms"].rows]
    caveats = [Caveat(**_fields(r, Caveat), row=r["_row"]) for r in tables["caveats"].rows]
    charts = build_charts(tables["charts"])
    package = Package(
        path,
        descriptor,
        tables,
        figures,
        topics,
        units,
        sources,
        links,
        checks,
        corrections,
        charts,
        terms=terms,
        changes=changes,
        caveats=caveats,
    )
    package.bounds = _bounds(figures, corrections)
    for rule in () if as_published else rules.RECORD_RULES:
        problems += rule(package)
    if problems:
        raise PackageError(problems)
    intervals = {figure_id: interval for figure_id, (interval, _) in package.bounds.items()}
    package.outcomes = [
        evaluate(c, figures, intervals)
        for c in checks
        if c.kind in KINDS and all(i in intervals for i in (c.result, *c.operands))
    ]
    if not as_published:
        problems += rules.outcomes_are_expected(package)
    if problems:
        raise PackageError(problems)
    return package


def _bounds(
    figures: dict[str, Figure], corrections: list[Correction]
) -> dict[str, tuple[Interval, IntervalRule]]:
    """Each number figure's interval: its value, with the precision its as_printed token shows (or,
    where the release misprints it, the precision of the corrected number)."""
    used = {c.figure: c.used for c in corrections if c.field == "value"}
    bounds = {}
    for figure in figures.values():
        if figure.value is None:
            continue
        reading = read_number(figure.as_printed) or read_number(used.get(figure.id, ""))
        if reading is not None:
            bounds[figure.id] = interval_of(figure.value, figure.qualifier, reading, figure.unit.display)
    return bounds


def records_match_schemas(path: Path, tables: dict[str, Table]) -> list[Problem]:
    """Each column of a table's schema is a field of its record, and each field (but the row number) a
    column: a column added to the schema alone is a located problem, not an AttributeError in a page
    or an export. (A version as published may have columns since removed; it is not held to this.)"""
    problems = []
    for name, (record, renamed) in RECORDS.items():
        # A text in another language (label_ko) is no field of its own: the record reads it from `texts`.
        columns = {f["name"] for f in tables[name].fields if not is_translation(f["name"])}
        # Not columns: where the record was read (its row; a waiting correction's change file) and its texts.
        fields = {renamed.get(f, f) for f in record.__dataclass_fields__ if not is_translation(f)} - {
            "row",
            "texts",
            "file",
        }
        module = record.__module__.replace(".", "/") + ".py"
        for column in sorted(columns - fields):
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    f"{name}.{column}",
                    f"the column '{column}' of {name} has no field in the record {record.__name__}; "
                    f"add `{column}` to {record.__name__} in {module} (a new field goes last, with a default)",
                )
            )
        for missing in sorted(fields - columns):
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    f"{name}.{missing}",
                    f"the record {record.__name__} ({module}) has a field '{missing}' that the Table Schema "
                    f"of {name} does not have; add the column to datapackage.json or remove the field",
                )
            )
    return problems


def _fields(row: dict, record: type, *skip: str) -> dict:
    """The row's cells named like the record's fields (the schema and the record share names), and its
    cells in the other languages as the record's `texts`; a field the row lacks (an older schema) is None."""
    cells = {
        name: row.get(name) for name in record.__dataclass_fields__ if name not in skip + ("row", "texts")
    }
    return {**cells, "texts": translations(row)}


def _figure(
    r: dict, units: dict[str, Unit], outlined: bool, path: str, problems: list[Problem]
) -> Figure | None:
    """The typed figure, or None with a problem when its period or locator cannot be read."""
    try:
        period = parse_period(r["period"])
    except ValueError as error:
        problems.append(Problem(path, r["_row"], "period", str(error)))
        return None
    try:
        locators = parse_locators(r["locator"]) if outlined else place_locator(r["topic"], r["locator"])
    except ValueError as error:
        problems.append(Problem(path, r["_row"], "locator", str(error)))
        return None
    return Figure(
        **_fields(r, Figure, "unit", "period", "locators"),
        unit=units[r["unit"]],
        period=period,
        locators=locators,
        row=r["_row"],
    )
