"""The files a reader downloads, made once per build from the package and byte-identical per commit.

The same bytes serve the page (sizes shown in `downloads()`) and the files written after the build.
`publish` is the one writer of a package as the site offers it, for the current version and for every
earlier one (`releases.py`): the descriptor with each resource's `bytes` and `hash`, and the archive.
The ZIP entries carry the package's creation date, fixed permissions and a fixed order, so an
unchanged package gives an unchanged archive.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..data.changelog import entries_naming
from ..data.changes import version_words
from ..data.figure import Figure
from ..data.intervals import Interval, IntervalRule
from ..data.package import Package

DOWNLOAD_DIR = "data/download"
ZIP_NAME = "datapackage.zip"
JSON_NAME = "figures.json"
# Each figure's page (made by the site) and its JSON file live here: figures/<id>/ and figures/<id>.json.
FIGURE_DIR = "figures"


def figure_json(figure_id: str) -> str:
    """The site path of the JSON file with a figure's facts, beside its page."""
    return f"{FIGURE_DIR}/{figure_id}.json"


@dataclass(frozen=True)
class Download:
    path: str  # relative to DOWNLOAD_DIR
    title: str
    media_type: str
    content: bytes
    title_ko: str = ""

    def title_in(self, lang: str) -> str:
        return self.title_ko if lang == "ko" else self.title

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
    csvs = [
        (r["path"], r.get("title", r["name"]), contents[r["path"]], r.get("title_ko", ""))
        for r in json.loads(raw)["resources"]
    ]
    descriptor, archive = publish(raw, [(p, c) for p, _, c, _ in csvs])
    files = [
        Download(
            ZIP_NAME,
            "The whole data package (descriptor and CSV files)",
            "application/zip",
            archive,
            "데이터 패키지 전체(설명 파일과 CSV 파일)",
        ),
        Download(
            "datapackage.json",
            "The package descriptor with every Table Schema, and each file's size and SHA-256 hash",
            "application/json",
            descriptor,
            "모든 테이블 스키마와 파일마다의 크기·SHA-256 해시를 담은 패키지 설명 파일",
        ),
        *(
            Download(path, f"{title} (CSV)", "text/csv", content, f"{korean}(CSV)")
            for path, title, content, korean in csvs
        ),
        Download(
            JSON_NAME,
            "Every figure, check and correction with typed fields (JSON)",
            "application/json",
            export_json(package),
            "모든 수치·검산·정정을 자료형이 있는 필드로 담은 파일(JSON)",
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


def _figure(f: Figure, columns: list[str], bounds: tuple[Interval, IntervalRule] | None) -> dict:
    """A figure with one key per column of figures.csv, typed, `shown` (its value in words) and the
    interval its printing allows (None for a date)."""
    typed = {
        "value": ("value", number_value(f.value)),
        "unit": (
            "unit",
            {
                "id": f.unit.id,
                "label": f.unit.label,
                "label_ko": f.unit.label_ko,
                "symbol": f.unit.symbol,
                "counter_ko": f.unit.counter_ko,
                "display": f.unit.display,
            },
        ),
        "period": (
            "period",
            {"iso": f.period.text, "words": f.period.words(), "words_ko": f.period.words("ko")},
        ),
        "locator": ("locators", [{"topic": loc.topic, "part": loc.part} for loc in f.locators]),
    }
    document = {}
    for column in columns:
        key, value = typed[column] if column in typed else (column, getattr(f, column))
        document[key] = value
        if column == "as_printed":
            document["shown"] = f.text()
            document["shown_ko"] = f.text("ko")
            document["interval"] = {**_interval(bounds[0]), "rule": bounds[1].name} if bounds else None
    return document


def figure_document(package: Package, f: Figure) -> dict:
    """One figure with everything its page shows: fields, source, checks, corrections, links, changes."""
    source = package.source_of(f)
    return {
        **_version(package),
        "figure": _figure(f, package.columns("figures"), package.bounds.get(f.id)),
        "source": {
            "id": source.id,
            "citation": source.citation(),
            "citation_ko": source.citation("ko"),
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
        "corrections": [_correction(c) for c in package.corrections_of(f.id)],
        "links": [
            {"relation": words, "figure": other}
            for words, other in (link.seen_from(f.id) for link in package.links_of(f.id))
        ],
        "changes": [
            *(
                {"version": None, "date": None, "entry": c.entry, "entry_ko": c.entry_ko or None}
                for c in package.changes
                if f.id in c.names()
            ),
            *(
                {"version": e.version, "date": e.date, "entry": e.text, "entry_ko": e.text_ko or None}
                for e in entries_naming(package.changelog, f.id)
            ),
        ],
    }


def figure_files(package: Package) -> dict[str, bytes]:
    """Each figure's JSON file by site path, beside its page."""
    return {figure_json(f.id): _json(figure_document(package, f)) for f in package.figures.values()}


def _version(package: Package) -> dict:
    """The version the data shown is: the release, and the changes made since that it does not hold."""
    return {
        "version": package.version,
        "version_words": version_words(package.version, package.changes),
        "version_words_ko": version_words(package.version, package.changes, "ko"),
        "unreleased": [c.name for c in package.changes],
    }


def _json(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _correction(c) -> dict:
    return {
        "id": c.id,
        "figure": c.figure,
        "field": c.field,
        "printed": c.printed,
        "used": c.used,
        "kind": c.kind,
        "reason": c.reason,
        "reason_ko": c.reason_ko,
        "date": c.date.isoformat() if c.date else None,
        "version": c.version,  # null: not released yet, so in no download
        "reference": c.reference,
        "reference_ko": c.reference_ko,
    }


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
            {
                "id": s.id,
                "publisher": s.publisher,
                "publisher_ko": s.publisher_ko,
                "title": s.title,
                "title_ko": s.title_ko,
                "date": s.date.isoformat(),
                "language": s.language,
                "kind": s.kind,
                "standing": s.standing,
                "reports": s.reports,
                "url": s.url,
                "licence": s.licence,
                "licence_ko": s.licence_ko,
                "attribution": s.attribution,
                "attribution_ko": s.attribution_ko,
                "citation": s.citation(),
                "citation_ko": s.citation("ko"),
            }
            for s in package.sources.values()
        ],
        "figures": [
            _figure(f, package.columns("figures"), package.bounds.get(f.id)) for f in package.figures.values()
        ],
        "links": [
            {
                "figure": link.figure,
                "relation": link.relation,
                "other": link.other,
                "note": link.note,
                "note_ko": link.note_ko,
            }
            for link in package.links
        ],
        "checks": [
            {
                "id": o.check.id,
                "kind": o.check.kind,
                "result": o.check.result,
                "operands": list(o.check.operands),
                "assumption": o.check.assumption,
                "assumption_ko": o.check.assumption_ko,
                "computed_interval": _interval(o.computed_bounds),
                "stated_interval": _interval(o.stated_bounds),
                "computed": number_value(round(o.computed, 9)),
                "stated": number_value(o.stated),
                "outcome": o.status,
                "outcome_words": o.words,
                "expected": o.check.expected,
                "explanation": o.check.explanation,
                "explanation_ko": o.check.explanation_ko,
            }
            for o in package.outcomes
        ],
        "terms": [{k: v for k, v in dataclasses.asdict(t).items() if k != "row"} for t in package.terms],
        "corrections": [_correction(c) for c in package.corrections],
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
