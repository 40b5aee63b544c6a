"""Downloads are the package's own bytes, the build is reproducible, and a failed build publishes nothing."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import build_site, copy_project

from macros.data.package import load_package
from macros.data.words import size_words

pytestmark = pytest.mark.cost(75)

DOWNLOADS = Path("data") / "download"
EPOCH = "1630281600"


def run_build_script(project: Path, site: Path, *options: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    environment.pop("DND_DATAPACKAGE", None)
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), str(site), *options],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def scripted(tmp_path_factory):
    """A build made by scripts/build.py over an existing folder holding a stale file, by ProperDocs
    (`--generator properdocs`): the second build of the commit `built_site` builds with MkDocs."""
    project = copy_project(tmp_path_factory.mktemp("scripted") / "project")
    site = project.parent / "public"
    site.mkdir()
    (site / "stale.html").write_text("from an earlier build")
    result = run_build_script(project, site, "--generator", "properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_every_csv_is_offered_byte_for_byte_and_the_descriptor_adds_each_files_size_and_hash(built_site):
    package = load_package()
    offered = json.loads((built_site.site / DOWNLOADS / "datapackage.json").read_text(encoding="utf-8"))
    for resource, published in zip(package.descriptor["resources"], offered["resources"], strict=True):
        content = (built_site.site / DOWNLOADS / resource["path"]).read_bytes()
        assert content == package.resource_path(resource["name"]).read_bytes()
        assert published.pop("bytes") == len(content)
        assert published.pop("hash") == f"sha256:{hashlib.sha256(content).hexdigest()}"
    assert offered == package.descriptor


def test_the_archive_holds_the_package_with_fixed_order_dates_and_permissions(built_site):
    package = load_package()
    with zipfile.ZipFile(built_site.site / DOWNLOADS / "datapackage.zip") as archive:
        entries = archive.infolist()
        names = [e.filename for e in entries]
        assert names == ["datapackage.json"] + [r["path"] for r in package.descriptor["resources"]]
        created = package.created
        assert {e.date_time for e in entries} == {(created.year, created.month, created.day, 0, 0, 0)}
        assert {e.external_attr >> 16 for e in entries} == {0o100644}
        assert archive.read("data/figures.csv") == package.resource_path("figures").read_bytes()


def test_the_json_export_has_typed_figures_and_checks_with_outcomes(built_site):
    package = load_package()
    document = json.loads((built_site.site / DOWNLOADS / "figures.json").read_text(encoding="utf-8"))
    assert document["version"] == package.version
    figures = {f["id"]: f for f in document["figures"]}
    assert list(figures) == list(package.figures)
    assert figures["budget-invested"]["value"] == 10_100_000_000_000
    assert figures["smes-startups-share"]["value"] == 95.3
    assert figures["dnd-launch-date"]["value"] is None
    assert figures["businesses-participating"]["shown"] == "more than 170,000"
    assert figures["businesses-participating"]["unit"]["display"] == "count"
    outcomes = {c["id"]: c["outcome"] for c in document["checks"]}
    assert outcomes == {o.check.id: o.status for o in package.outcomes}


def test_the_download_list_shows_sizes_that_match_the_files(built_site):
    page = built_site.page("data/")
    size = (built_site.site / DOWNLOADS / "data" / "units.csv").stat().st_size
    shown = size_words(size)
    digest = hashlib.sha256((built_site.site / DOWNLOADS / "data" / "units.csv").read_bytes()).hexdigest()
    found = re.search(
        rf'data/units\.csv</code></a>: [^<]*, {re.escape(shown)}, (?:<span class="dnd-code-word">)?SHA-256(?:</span>)? <code[^>]*>([^<]+(<wbr>[^<]+)*)</code></li>',
        page,
    )
    assert found and found.group(1).replace("<wbr>", "") == digest


GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_two_builds_of_one_commit_are_identical_file_for_file_even_by_properdocs_but_its_generator_tag(
    built_site, scripted
):
    """A build is a function of the commit: a second build, in another process and another folder, writes
    the same files byte for byte. The second is made by ProperDocs, so this also holds that moving to it
    from MkDocs 1.x, no longer maintained, is one line (scripts/build.py): only the tag naming the
    generator and its version differs, and a generator writes that tag the same in every build."""
    first, second = files_of(built_site.site), files_of(scripted)
    assert sorted(first) == sorted(second)
    assert {str(DOWNLOADS / "datapackage-en.xlsx"), str(DOWNLOADS / "datapackage-ko.xlsx")} <= set(first)
    different = [
        name for name in first if GENERATOR_TAG.sub(b"", first[name]) != GENERATOR_TAG.sub(b"", second[name])
    ]
    assert different == []
    assert b'content="mkdocs-1.' in first["index.html"]
    assert b'content="mkdocs-ProperDocs 1.6.7' in second["index.html"]


def test_the_build_script_replaces_the_old_site_only_with_a_finished_build(scripted):
    assert not (scripted / "stale.html").exists()
    assert (scripted / "index.html").exists()
    assert [p.name for p in scripted.parent.iterdir() if p.name.startswith(".public.")] == []


def test_a_broken_package_fails_the_build_lists_every_problem_and_keeps_the_old_site(project):
    figures = project / "datapackage" / "data" / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace(",exact,", ",exactly,", 1)
    lines[6] = lines[6].replace(",actual,", ",achieved,", 1)
    figures.write_text("".join(lines), encoding="utf-8")
    site = project.parent / "public"
    site.mkdir()
    (site / "index.html").write_text("the site as published before")
    result = run_build_script(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "datapackage/data/figures.csv:5:qualifier: 'exactly' is not one of" in output
    assert "datapackage/data/figures.csv:7:status: 'achieved' is not one of" in output
    assert (site / "index.html").read_text() == "the site as published before"
    assert sorted(p.name for p in site.parent.iterdir()) == ["project", "public"]


# A number standing alone: not inside a longer number, a hash (hex) or a JSON escape of Hangul (\uc787).
OLD = re.compile(r"(?<![\w.,#])787(?![\d])")
NEW = re.compile(r"(?<![\w.,#])788(?![\d])")


def pages_with(site: Path, pattern: re.Pattern) -> dict[str, int]:
    """Built pages, search index and downloads (not the theme's assets) where a number appears."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".json", ".csv") and "assets" not in path.parts:
            # A file's hash is not a number a reader reads, and may hold any digits ('…<wbr>788a599f').
            text = re.sub(r'<code class="dnd-hash">.*?</code>', "", path.read_text(encoding="utf-8"))
            count = len(pattern.findall(text))
            if count:
                found[str(path.relative_to(site))] = count
    return found


def test_a_changed_value_reaches_every_page_and_leaves_no_trace_of_the_old_one(built_site, project):
    before = pages_with(built_site.site, OLD)
    assert "data/explorer/index.html" in before and "search/search_index.json" in before
    assert pages_with(built_site.site, NEW) == {}
    figures = project / "datapackage" / "data" / "figures.csv"
    rows = list(csv.reader(figures.open(encoding="utf-8", newline="")))
    (row,) = [r for r in rows if r[0] == "key-technologies-developed"]
    value, printed = rows[0].index("value"), rows[0].index("as_printed")
    assert (row[value], row[printed]) == ("787", "787")
    row[value] = row[printed] = "788"
    # The release's sentence prints the number too, in the quote of every figure it states.
    quote = rows[0].index("quote")
    for other in rows[1:]:
        other[quote] = other[quote].replace("787", "788")
    with figures.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    build = build_site(project)
    assert build.returncode == 0, build.output
    assert pages_with(build.site, OLD) == {}
    assert pages_with(build.site, NEW) == before


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_data_page_lists_every_table_of_the_descriptor_with_its_rows(lang):
    # Typed by hand, the list once left out the caveats; derived from the descriptor, it cannot.
    from macros.pages.downloads import contents

    package = load_package()
    items = contents(package, lang).splitlines()
    assert len(items) == len(package.descriptor["resources"])
    caveats = next(r for r in package.descriptor["resources"] if r["name"] == "caveats")
    title = caveats["title"] if lang == "en" else caveats["title_ko"]
    assert any(item.startswith(f"- **{title}**") and str(len(package.caveats)) in item for item in items)


def test_a_changelog_headings_date_is_unbreakable_where_the_table_of_contents_repeats_it():
    # The contents and the navigation repeat a heading as plain text: no span keeps its date whole there.
    from types import SimpleNamespace

    from macros.pages.downloads import NO_BREAK, changelog_with_downloads

    package = load_package()
    history = SimpleNamespace(find=lambda version: None)
    page = changelog_with_downloads(package.changelog, history, lambda target, anchor: target, "ko")
    headings = [line for line in page.splitlines() if line.startswith("## ") and "년" in line]
    assert headings and all(f"년{NO_BREAK}" in h and " 월" not in h and "월 " not in h for h in headings)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_changelog_says_once_what_a_download_is_and_each_version_links_only_its_own_archive(lang):
    """21 versions under one identical parenthesis read as noise: the note on the archives and the
    data page's list of every version stands once above the versions; a version's line is its link."""
    from types import SimpleNamespace

    from macros.pages.downloads import changelog_with_downloads

    package = load_package()
    versions = [section.version for section in package.changelog]
    history = SimpleNamespace(
        find=lambda version: SimpleNamespace(archive_path=f"data/download/{version}/datapackage.zip")
    )
    page = changelog_with_downloads(
        package.changelog, history, lambda target, anchor: target + (f"#{anchor}" if anchor else ""), lang
    )
    assert page.count('href="data/index.md#versions"') == 1
    assert page.index('href="data/index.md#versions"') < page.index("\n## ")
    lines = [line for line in page.splitlines() if 'class="dnd-release-download"' in line]
    assert len(lines) == len(versions) == len(set(lines))
    for version, line in zip(versions, lines, strict=True):
        assert f'href="data/download/{version}/datapackage.zip"' in line and "data/index.md" not in line
