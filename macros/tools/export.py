"""The files a reader downloads, made once per build from the package and byte-identical per commit.

The same bytes serve the page (sizes shown in `downloads()`) and the files written after the build.
`publish` is the one writer of a package as the site offers it, for the current version and for every
earlier one (`releases.py`): the descriptor with each resource's `bytes` and `hash`, and the archive.
The ZIP entries carry the package's creation date, fixed permissions and a fixed order, so an
unchanged package gives an unchanged archive.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..data import standing
from ..data.catalogue import N_, tr
from ..data.changelog import entries_naming
from ..data.changes import version_words
from ..data.figure import Figure
from ..data.intervals import Interval, IntervalRule
from ..data.language import LANGUAGES, twins
from ..data.language import column as column_in
from ..data.package import Package

DOWNLOAD_DIR = "data/download"
ZIP_NAME = "datapackage.zip"
JSON_NAME = "figures.json"
# Each figure's page (made by the site) and its JSON file live here: figures/<id>/ and figures/<id>.json.
FIGURE_DIR = "figures"


def figure_json(figure_id: str) -> str:
    """The site path of the JSON file with a figure's facts, beside its page."""
    return f"{FIGURE_DIR}/{figure_id}.json"


# A table's file is named by its title.
CSV_TITLE = N_("{title} (CSV)")


@dataclass(frozen=True)
class Download:
    path: str  # relative to DOWNLOAD_DIR
    title: str
    media_type: str
    content: bytes
    # A table's file is named by its resource's title in each language ('title', 'title_ko').
    resource: dict | None = None
    # Made from the loaded records (the JSON, the workbooks), so it holds the changes waiting for a
    # release; the archive, the descriptor and the CSV files are the released version's files then.
    from_records: bool = False

    def title_in(self, lang: str) -> str:
        """The download's title in a language: a text of the catalogue, with the table's title in it."""
        if self.resource is None:
            return tr(lang, self.title)
        title = self.resource.get(column_in("title", lang)) or self.resource["name"]
        return tr(lang, CSV_TITLE).format(title=title)

    @property
    def site_path(self) -> str:
        return f"{DOWNLOAD_DIR}/{self.path}"


_cache: dict[int, tuple[Package, list[Download]]] = {}


def downloads_of(package: Package) -> list[Download]:
    """Every download, in the order the page lists them (made once per loaded package)."""
    cached = _cache.get(id(package))
    if cached and cached[0] is package:
        return cached[1]
    raw, contents = _package_files(package)
    csvs = [(r["path"], r, contents[r["path"]]) for r in json.loads(raw)["resources"]]
    descriptor, archive = publish(raw, [(p, c) for p, _, c in csvs])
    files = [
        Download(
            ZIP_NAME,
            N_("The whole data package (descriptor and CSV files)"),
            "application/zip",
            archive,
        ),
        Download(
            "datapackage.json",
            N_("The package descriptor with every Table Schema, and each file's size and SHA-256 hash"),
            "application/json",
            descriptor,
        ),
        *(
            Download(path, CSV_TITLE.format(title=r.get("title", r["name"])), "text/csv", content, r)
            for path, r, content in csvs
        ),
        Download(
            JSON_NAME,
            N_("Every figure, check and correction with typed fields (JSON)"),
            "application/json",
            export_json(package),
            from_records=True,
        ),
    ]
    _cache.clear()
    _cache[id(package)] = (package, files)
    return files


def _package_files(package: Package) -> tuple[bytes, dict[str, bytes]]:
    """The package files the site offers at the current address: the working tree's, but while changes
    wait for a release, those of the version as released, so no download says 6.0.1 and holds more.
    (Without the git history there is no release to offer; the working tree's files then.)"""
    if package.changes:
        from .releases import ReleaseError, release_history

        try:
            release = release_history(package.path).find(package.version)
        except ReleaseError:
            release = None
        if release is not None and release.commit is not None:
            return release.descriptor, dict(release.files)  # publish() gives back the same bytes
    files = {
        r["path"]: package.resource_path(r["name"]).read_bytes() for r in package.descriptor["resources"]
    }
    return package.path.read_bytes(), files


_released: dict[int, tuple[Package, dict[str, dict[str, dict[str, str]]]]] = {}


def released_rows(package: Package, table: str) -> dict[str, dict[str, str]]:
    """A table's rows by id as the files at today's address hold them: while changes wait, the rows of
    the version as released, so a page can say what the version it cites holds (made once per package)."""
    cached = _released.get(id(package))
    if not cached or cached[0] is not package:
        raw, contents = _package_files(package)
        tables = {
            r["name"]: {
                row["id"]: row for row in csv.DictReader(io.StringIO(contents[r["path"]].decode("utf-8")))
            }
            for r in json.loads(raw)["resources"]
            if "id" in [f["name"] for f in r.get("schema", {}).get("fields", [])]
        }
        _released.clear()
        _released[id(package)] = cached = (package, tables)
    return cached[1].get(table, {})


def released_cells(package: Package, table: str, row_id: str) -> dict[str, str] | None:
    """The cells of one row where the files at today's address differ from the working tree's (while
    changes wait: what the released version holds instead), by column; None for a row it does not hold."""
    released = released_rows(package, table).get(row_id)
    if released is None:
        return None
    path = package.resource_path(table)
    now = next(
        (r for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))) if r.get("id") == row_id),
        {},
    )
    return {name: cell for name, cell in released.items() if now.get(name) != cell}


def publish(descriptor: bytes, files: list[tuple[str, bytes]]) -> tuple[bytes, bytes]:
    """A package as the site offers it, made from its raw files alone (the descriptor's bytes, and each
    resource's path and bytes in the descriptor's order): the descriptor with the `bytes` and `hash` of
    every resource, so stock frictionless checks what a reader fetched, and the archive of it all.

    Nothing else goes in (no clock, no code version, no loaded records), so the same files give the
    same bytes whichever commit runs this: an old release built today from its own commit's files.
    """
    document = json.loads(descriptor)
    contents = dict(files)
    resources = []
    for resource in document.get("resources", []):
        path = resource.get("path")
        content = contents.get(path) if isinstance(path, str) else None
        stats = {}
        if content is not None:
            stats = {"bytes": len(content), "hash": f"sha256:{hashlib.sha256(content).hexdigest()}"}
        # The two keys follow `path`; a resource that already states them has them replaced.
        ordered = {}
        for key, value in resource.items():
            if key not in stats:
                ordered[key] = value
            if key == "path":
                ordered.update(stats)
        resources.append(ordered)
    if "resources" in document:
        document["resources"] = resources
    published = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return published, _zip(document.get("created"), published, files)


def _zip(created: str | None, descriptor: bytes, files: list[tuple[str, bytes]]) -> bytes:
    stamp = _timestamp(created)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in [("datapackage.json", descriptor), *files]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, content, compresslevel=9)
    return buffer.getvalue()


def _timestamp(created: str | None) -> tuple[int, int, int, int, int, int]:
    """The package's own creation date, so the archive does not change with the clock."""
    created = created or "1980-01-01T00:00:00Z"
    moment = dt.datetime.fromisoformat(created.replace("Z", "+00:00"))
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)


def number_value(value: float | None) -> float | int | None:
    """A value for JSON and CSV: an int when whole, so 10.1 trillion is written 10100000000000."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _interval(interval: Interval) -> dict:
    return {
        "low": number_value(round(interval.low, 9)),
        "high": number_value(round(interval.high, 9)),
        "low_open": interval.low_open,
        "high_open": interval.high_open,
    }


def in_every_language(key: str, words) -> dict:
    """A text in every language, keyed as the data's columns are: {'words': ..., 'words_ko': ...}."""
    return {column_in(key, lang): words(lang) for lang in LANGUAGES}


def beside_twins(columns: list[str]) -> list[str]:
    """The columns in the schema's order, each text's translations right after it (label, label_ko)."""
    twin_of = {twin: english for lang in LANGUAGES[1:] for twin, english in twins(columns, lang).items()}
    ordered = []
    for name in columns:
        if name not in twin_of:
            ordered += [name, *(twin for twin, english in twin_of.items() if english == name)]
    return ordered


def _typed(value):
    """A record's value as JSON writes it: a date in ISO form, several values as a list."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def _record(record, columns: list[str]) -> dict:
    """A record with one key per column of its table (the loader holds that each column is a field)."""
    return {name: _typed(getattr(record, name)) for name in beside_twins(columns)}


def _figure(
    f: Figure, columns: list[str], bounds: tuple[Interval, IntervalRule] | None, unit_columns: list[str]
) -> dict:
    """A figure with one key per column of figures.csv, typed, `shown` (its value in words) and the
    interval its printing allows (None for a date)."""
    typed = {
        "value": ("value", number_value(f.value)),
        "unit": ("unit", _record(f.unit, unit_columns)),
        "period": ("period", {"iso": f.period.text, **in_every_language("words", f.period.words)}),
        "locator": ("locators", [{"topic": loc.topic, "part": loc.part} for loc in f.locators]),
    }
    document = {}
    for column in columns:
        key, value = typed[column] if column in typed else (column, getattr(f, column))
        document[key] = value
        if column == "as_printed":
            document |= in_every_language("shown", f.text)
            document["interval"] = {**_interval(bounds[0]), "rule": bounds[1].name} if bounds else None
    return document


def figure_document(package: Package, f: Figure) -> dict:
    """One figure with everything its page shows: fields, source, checks, corrections, links, changes."""
    source = package.source_of(f)
    return {
        **_version(package),
        "figure": _figure(f, package.columns("figures"), package.bounds.get(f.id), package.columns("units")),
        "source": {
            "id": source.id,
            **in_every_language("citation", source.citation),
            "url": source.url,
            "language": source.language,
        },
        "checks": [
            {
                "id": o.check.id,
                "kind": o.check.kind,
                "role": "result" if o.check.result == f.id else "operand",
                "outcome": o.status,
                "outcome_words": o.words,
            }
            for o in package.outcomes_of(f.id)
        ],
        "standing": standing_document(package, f),
        "corrections": [_record(c, package.columns("corrections")) for c in package.corrections_of(f.id)],
        "links": [
            {"relation": words, "figure": other}
            for words, other in (link.seen_from(f.id) for link in package.links_of(f.id))
        ],
        "changes": [
            *(
                {
                    "version": None,
                    "date": None,
                    **in_every_language("entry", lambda lang, c=c: c.entry_in(lang) or None),
                }
                for c in package.changes
                if f.id in c.names()
            ),
            *(
                {
                    "version": e.version,
                    "date": e.date,
                    **in_every_language("entry", lambda lang, e=e: e.text_in(lang) or None),
                }
                for e in entries_naming(package.changelog, f.id)
            ),
        ],
    }


def standing_document(package: Package, f: Figure) -> dict:
    """A figure's standing (macros/data/standing.py): its states ('plain' alone when nothing qualifies it)
    and each reason with the record that explains it (a check, a correction, a figure, a caveat)."""
    return {
        "states": list(standing.states(package, f.id)),
        "reasons": [
            {"state": r.state, "meaning": standing.STATES[r.state].meaning, r.by: r.id}
            for r in package.standing(f.id)
        ],
    }


def figure_files(package: Package) -> dict[str, bytes]:
    """Each figure's JSON file by site path, beside its page."""
    return {figure_json(f.id): _json(figure_document(package, f)) for f in package.figures.values()}


def _version(package: Package) -> dict:
    """The version the data shown is: the release, and the changes made since that it does not hold."""
    return {
        "version": package.version,
        **in_every_language(
            "version_words", lambda lang: version_words(package.version, package.changes, lang)
        ),
        "unreleased": [c.name for c in package.changes],
    }


def _json(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_json(package: Package) -> bytes:
    """The package as one JSON document: metadata, figures with typed fields, checks with outcomes."""
    d = package.descriptor
    document = {
        "name": d.get("name"),
        "title": d.get("title"),
        "title_ko": d.get("title_ko"),
        **_version(package),
        "created": d.get("created"),
        "description": d.get("description"),
        "licenses": d.get("licenses", []),
        "sources": [
            {**_record(s, package.columns("sources")), **in_every_language("citation", s.citation)}
            for s in package.sources.values()
        ],
        "figures": [
            {
                **_figure(f, package.columns("figures"), package.bounds.get(f.id), package.columns("units")),
                "standing": standing_document(package, f),
            }
            for f in package.figures.values()
        ],
        "links": [_record(link, package.columns("links")) for link in package.links],
        "checks": [
            {
                **_record(o.check, package.columns("checks")),
                "computed_interval": _interval(o.computed_bounds),
                "stated_interval": _interval(o.stated_bounds),
                "computed": number_value(round(o.computed, 9)),
                "stated": number_value(o.stated),
                "outcome": o.status,
                "outcome_words": o.words,
            }
            for o in package.outcomes
        ],
        "terms": [_record(t, package.columns("terms")) for t in package.terms],
        "corrections": [_record(c, package.columns("corrections")) for c in package.corrections],
    }
    return _json(document)


def write_downloads(package: Package, site_dir: str | Path) -> list[Path]:
    """Write every download into the built site (called after the build)."""
    written = []
    for d in downloads_of(package):
        target = Path(site_dir) / d.site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(d.content)
        written.append(target)
    for path, content in figure_files(package).items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
