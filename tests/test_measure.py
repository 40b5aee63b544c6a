"""scripts/bench/, what `make bench` measures, checked on small inputs without building the site."""

from __future__ import annotations

import filecmp
import gzip
import urllib.request
from pathlib import Path

import pytest

from macros.data.package import load_package
from scripts.bench import measure
from scripts.bench.measure import (
    copy_project,
    descriptions,
    page_parts,
    page_weights,
    replicate,
    weight,
    without_macros,
)
from scripts.bench.static_host import served

pytestmark = pytest.mark.cost(15)

ROOT = Path(__file__).resolve().parents[1]

CONFIG = """\
site_name: Test
plugins:
  - search
{macros}  - tags
watch:
  - macros
"""
WITH_OPTIONS = """\
  - macros:
      module_name: macros
      on_error_fail: !ENV [DND_MACROS_FAIL, true]

      j2_comment_start_string: "{##"
"""


@pytest.mark.parametrize("entry", [WITH_OPTIONS, "  - macros\n"], ids=["with options", "bare"])
def test_without_macros_removes_the_plugin_entry_and_its_options_only(entry):
    assert without_macros(CONFIG.format(macros=entry)) == CONFIG.format(macros="")


def test_without_macros_stops_when_there_is_no_macros_plugin():
    # `watch: - macros` is a folder, not the plugin.
    with pytest.raises(SystemExit, match="no macros plugin"):
        without_macros(CONFIG.format(macros=""))


def test_replicate_gives_a_loadable_package_with_every_figure_and_check_twice(tmp_path):
    original = load_package(ROOT / "datapackage" / "datapackage.json")
    descriptor = replicate(ROOT / "datapackage", tmp_path / "package-x2", 2)
    doubled = load_package(descriptor)
    assert len(doubled.figures) == 2 * len(original.figures)
    assert len(doubled.checks) == 2 * len(original.checks)
    assert len(doubled.corrections) == 2 * len(original.corrections)
    assert {f"{i}-x2" for i in original.figures} <= set(doubled.figures)
    assert filecmp.cmp(ROOT / "datapackage" / "charts.csv", tmp_path / "package-x2" / "charts.csv")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A tiny built site: a home page with local and remote CSS and JS, the search worker and index,
    a larger page, and a 404 page."""
    site = tmp_path / "site"
    write(
        site / "index.html",
        '<html><head><meta name="description" content="A site">'
        '<link rel="stylesheet" href="assets/site.css?v=1">'
        '<link rel="stylesheet" href="https://cdn.example.org/remote.css">'
        '<script src="js/app.js"></script><script src="//cdn.example.org/remote.js"></script>'
        "</head><body>home</body></html>",
    )
    write(site / "assets" / "site.css", "body { color: black; }\n" * 200)
    write(site / "js" / "app.js", "console.log(1);\n")
    write(site / "assets" / "javascripts" / "workers" / "search.1234.min.js", "self.onmessage = 0;\n")
    write(site / "search" / "search_index.json", '{"docs": []}')
    write(site / "about" / "index.html", "<html><head></head><body>" + "about " * 500 + "</body></html>")
    write(site / "404.html", "<html></html>")
    return site


def test_page_parts_are_the_page_and_its_local_css_js_worker_and_search_index(site):
    parts = page_parts(site, site / "index.html")
    assert parts == {
        "HTML": [site / "index.html"],
        "CSS": [(site / "assets" / "site.css").resolve()],
        "JS": [(site / "js" / "app.js").resolve(), site / "assets/javascripts/workers/search.1234.min.js"],
        "search index": [site / "search" / "search_index.json"],
    }


def test_a_page_of_another_edition_weighs_its_editions_search_index(site):
    write(site / "ko" / "search" / "search_index.json", '{"docs": []}')
    write(site / "ko" / "about" / "index.html", "<html><head></head><body>소개</body></html>")
    assert page_parts(site, site / "ko" / "about" / "index.html")["search index"] == [
        site / "ko" / "search" / "search_index.json"
    ]
    assert page_parts(site, site / "about" / "index.html")["search index"] == [
        site / "search" / "search_index.json"
    ]


def test_weight_counts_the_bytes_raw_and_compressed(site):
    files = [f for kind in page_parts(site, site / "index.html").values() for f in kind]
    raw, compressed = weight(files)
    assert raw == sum(f.stat().st_size for f in files)
    assert 0 < compressed < raw  # the repeated CSS rule compresses well


def test_page_weights_table_the_home_and_largest_page_with_the_home_verdict(site):
    rows, verdicts = page_weights(site)
    files = [f for kind in page_parts(site, site / "index.html").values() for f in kind]
    home_raw = sum(f.stat().st_size for f in files)
    assert [row[:3] for row in rows[:5]] == [
        ["home", "HTML", 1],
        ["home", "CSS", 1],
        ["home", "JS", 2],
        ["home", "search index", 1],
        ["home", "total", ""],
    ]
    assert rows[4][3] == f"{home_raw / 1024:.1f}"
    assert {row[0] for row in rows[5:]} == {"largest: about/index.html"}
    assert len(verdicts) == 1
    assert verdicts[0].startswith("home page, all it loads compressed:")
    assert verdicts[0].endswith(": pass")


def test_descriptions_lists_pages_without_one_and_with_only_the_default(site):
    write(site / "other" / "index.html", '<meta name="description" content="Its own">')
    assert descriptions(site, "A site") == (["/about/"], ["/"])


def test_copy_project_copies_the_named_parts_only(tmp_path):
    target = copy_project(tmp_path / "project", ["mkdocs.yml", "datapackage"])
    assert sorted(p.name for p in target.iterdir()) == ["datapackage", "mkdocs.yml"]
    assert (target / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    copied = sorted(p.relative_to(target).as_posix() for p in (target / "datapackage").rglob("*"))
    original = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "datapackage").rglob("*"))
    assert copied == original


def test_copy_project_by_default_leaves_out_only_what_is_local_to_a_working_copy(tmp_path):
    target = copy_project(tmp_path / "project")
    names = {p.name for p in target.iterdir()}
    assert {"mkdocs.yml", "docs", "macros", "datapackage", "scripts"} <= names
    # The environments and built sites a checkout may hold (`make materialx` writes two of them).
    assert not names & {".git", ".venv", ".venv-materialx", "site", "site-materialx"}
    # A folder named like the built site is left out at the top only: macros/site is source.
    assert (target / "macros" / "site" / "hooks.py").is_file()
    assert not list(target.rglob("__pycache__"))


def test_copy_project_leaves_out_the_environments_and_built_sites_a_checkout_may_hold(tmp_path, monkeypatch):
    checkout = tmp_path / "checkout"
    for local in (".git", ".venv", ".venv-materialx", "site", "site-materialx", "site.tmp1", ".cache"):
        write(checkout / local / "file", "local to this working copy")
    write(checkout / "mkdocs.yml", "site_name: Test\n")
    write(checkout / "macros" / "site" / "hooks.py", "")
    monkeypatch.setattr(measure, "ROOT", checkout)
    target = measure.copy_project(tmp_path / "project")
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        "macros",
        "macros/site",
        "macros/site/hooks.py",
        "mkdocs.yml",
    ]


def fetch(url: str, encoding: str | None) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def test_the_bench_serves_text_compressed_with_a_cache_lifetime_as_a_static_host_does(tmp_path):
    page = "<p>" + "the same words again " * 200 + "</p>"
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "data.zip").write_bytes(b"PK" + bytes(500))
    with served(tmp_path, compressed=True) as url:
        headers, body = fetch(url + "guide/", "gzip, br")
        assert headers["Content-Encoding"] == "gzip" and "max-age" in headers["Cache-Control"]
        assert gzip.decompress(body).decode("utf-8") == page and len(body) < len(page) / 10
        headers, body = fetch(url + "guide/", None)
        assert "Content-Encoding" not in headers and body.decode("utf-8") == page
        headers, body = fetch(url + "data.zip", "gzip")
        assert "Content-Encoding" not in headers and "max-age" in headers["Cache-Control"]
    with served(tmp_path) as url:
        headers, _ = fetch(url + "guide/", "gzip")
        assert "Content-Encoding" not in headers
