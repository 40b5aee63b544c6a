"""What the benchmark measures: scratch copies of the project, larger synthetic packages, and what a
built site weighs. `python -m scripts.bench` only times subprocesses and prints tables; the logic
lives here so the tests can check it without building the site.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import shutil
from collections.abc import Iterable
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# Local to one working copy, so never part of a copy: only at the top (macros/site is source). The
# environments (`.venv`, `make materialx`'s `.venv-materialx`) and the built sites are .gitignore's.
LOCAL = (".git", ".venv", ".venv-*", "site", "site-materialx", "site.tmp*")
# Generated wherever they appear.
GENERATED = ("__pycache__", ".*cache", "node_modules")
HOME_BUDGET = 120 * 1024


def copy_project(target: Path, parts: Iterable[str] | None = None) -> Path:
    """Copy the repository, or only the named top-level `parts`, into `target` to change it freely.

    By default everything but what is local to a working copy: a build may read any file.
    """
    if parts is None:
        parts = sorted(
            p.name for p in ROOT.iterdir() if not any(fnmatch(p.name, x) for x in LOCAL + GENERATED)
        )
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(*GENERATED))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def without_macros(config: str) -> str:
    """The configuration with the macros plugin entry (and its options) removed from `plugins:`.

    Line-based, not parsed: mkdocs.yml has `!ENV` tags that a plain YAML round trip would lose.
    """
    lines, section, skip_deeper_than = [], None, None
    for line in config.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None and (indent > skip_deeper_than or not line.strip()):
            continue
        skip_deeper_than = None
        if line.strip() and indent == 0:
            section = line.split(":", 1)[0]
        if section == "plugins" and re.match(r"\s*- macros\b", line):
            skip_deeper_than = indent
            continue
        lines.append(line)
    result = "".join(lines)
    if result == config:
        raise SystemExit("bench: found no macros plugin under plugins: in mkdocs.yml")
    return result


def replicate(source: Path, target: Path, factor: int) -> Path:
    """A copy of the package with every figure (and the checks and corrections on it) `factor` times.

    This writes CSV rows, it does not read figures: the copies are then loaded and validated by the
    project's one loader like any package. Copy k of an id is `<id>-x<k>`; copy 1 is the original.
    """
    shutil.copytree(source, target)
    data = target / "data"

    def rows(name: str) -> tuple[list[str], list[dict]]:
        with (data / f"{name}.csv").open(newline="", encoding="utf-8") as file:
            reader = csv.DictReader(file)
            return list(reader.fieldnames or []), list(reader)

    def write(name: str, fields: list[str], table: list[dict]) -> None:
        with (data / f"{name}.csv").open("w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)

    def copies(table: list[dict], renamed: dict) -> list[dict]:
        out = list(table)
        for k in range(2, factor + 1):
            out += [{**row, **{f: rename(row[f], k) for f in renamed}} for row in table]
        return out

    def rename(value: str, k: int) -> str:
        return " ".join(f"{part}-x{k}" for part in value.split(" ")) if value else value

    for name, columns in (
        ("figures", ("id",)),
        ("checks", ("id", "result", "operands", "suspects")),
        ("corrections", ("id", "figure")),
    ):
        fields, table = rows(name)
        write(name, fields, copies(table, dict.fromkeys(columns)))
    # The rows changed, so the recorded sizes and hashes would fail validation.
    descriptor = target / "datapackage.json"
    content = json.loads(descriptor.read_text(encoding="utf-8"))
    for resource in content["resources"]:
        resource.pop("hash", None)
        resource.pop("bytes", None)
    descriptor.write_text(json.dumps(content, indent=2), encoding="utf-8")
    return descriptor


class Assets(HTMLParser):
    """The stylesheets and scripts a page loads, and its meta description."""

    def __init__(self):
        super().__init__()
        self.css, self.js, self.description = [], [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "stylesheet" and attributes.get("href"):
            self.css.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.js.append(attributes["src"])
        elif tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")


def read_assets(page: Path) -> Assets:
    assets = Assets()
    assets.feed(page.read_text(encoding="utf-8"))
    return assets


def weight(files: list[Path]) -> tuple[int, int]:
    """Bytes of the files, raw and gzipped (level 6, what a typical static host sends)."""
    contents = [f.read_bytes() for f in files]
    return sum(len(c) for c in contents), sum(len(gzip.compress(c, compresslevel=6)) for c in contents)


def local(page: Path, links: list[str]) -> list[Path]:
    """The files behind a page's links to its own site; links to other hosts are not ours to weigh."""
    return [(page.parent / link.split("?")[0]).resolve() for link in links if "//" not in link]


def page_parts(site: Path, page: Path) -> dict[str, list[Path]]:
    """What a browser fetches for `page`, by kind; JS includes the search worker every page starts."""
    assets = read_assets(page)
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search*.js"))
    index = edition_index(site, page)
    return {
        "HTML": [page],
        "CSS": local(page, assets.css),
        "JS": local(page, assets.js) + workers,
        "search index": [index] if index else [],
    }


def edition_index(site: Path, page: Path) -> Path | None:
    """The search index a page fetches: its edition's, the nearest one above it (the Korean pages'
    is under ko/, the English pages' at the root)."""
    for folder in (page.parent, *page.parent.parents):
        index = folder / "search" / "search_index.json"
        if index.exists():
            return index
        if folder == site:
            return None
    return None


def page_weights(site: Path) -> tuple[list[list[object]], list[str]]:
    """Table rows (page, part, files, KB, KB gzip) for the home page and the largest page, and the
    verdict of the home page against HOME_BUDGET."""
    home = site / "index.html"
    largest = max(sorted(site.rglob("*.html")), key=lambda p: p.stat().st_size)
    rows, verdicts = [], []
    for name, page in (("home", home), (f"largest: {largest.relative_to(site)}", largest)):
        total_raw = total_gz = 0
        for kind, files in page_parts(site, page).items():
            raw, compressed = weight(files)
            total_raw, total_gz = total_raw + raw, total_gz + compressed
            rows.append([name, kind, len(files), f"{raw / 1024:.1f}", f"{compressed / 1024:.1f}"])
        rows.append([name, "total", "", f"{total_raw / 1024:.1f}", f"{total_gz / 1024:.1f}"])
        if page == home:
            verdicts.append(
                f"home page, all it loads compressed: {total_gz / 1024:.1f} KB against a budget of "
                f"{HOME_BUDGET // 1024} KB: {'pass' if total_gz <= HOME_BUDGET else 'FAIL'}"
            )
    return rows, verdicts


def site_description(config: Path) -> str:
    """The site-wide description in mkdocs.yml; its `!ENV` and other tags are read as nothing."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
    return yaml.load(config.read_text(encoding="utf-8"), Loader=loader).get("site_description", "")


def descriptions(site: Path, default: str) -> tuple[list[str], list[str]]:
    """URL paths of the pages without a meta description, and of those with only `default`.

    Search results show the description, so a page that repeats the site's says nothing of itself.
    """
    missing, generic = [], []
    for page in sorted(set(site.rglob("*.html")) - {site / "404.html"}):  # a 404 page is never indexed
        description = read_assets(page).description
        shown = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
        if not description:
            missing.append(shown)
        elif description == default:
            generic.append(shown)
    return missing, generic
