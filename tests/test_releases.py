"""Every released version stays downloadable and citable: releases read from the git history of the
descriptor, each published at its own address by the one writer, and bad history stopped by name.

The first part works on a tiny package in a scratch repository (no site build); the second makes a
second version of the real package in a clone, builds the site before and after, and checks both
versions (and the earlier ones) as a data user would.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ENGLISH_ONLY, build_site, clone_repository
from frictionless import Package as FrictionlessPackage
from frictionless import system

from macros.data.package import load_package
from macros.data.words import plain
from macros.tools import releases
from macros.tools.export import publish
from macros.tools.releases import ReleaseError, archive_address, release_history, release_of

pytestmark = pytest.mark.cost(45)

ROOT = Path(__file__).resolve().parents[1]
IDENTITY = ("-c", "user.name=Release Test", "-c", "user.email=release-test@example.org")
TODAY = dt.date.today()


def set_cells(figures: Path, figure_id: str, **cells: str) -> None:
    """Edit cells of one row as a spreadsheet does, leaving every other row as it was."""
    with open(figures, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    (row,) = [r for r in rows if r[0] == figure_id]
    for column, value in cells.items():
        row[rows[0].index(column)] = value
    with open(figures, "w", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *IDENTITY, *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def stock_valid(path: Path) -> list[str]:
    """Errors stock frictionless finds in a package (a descriptor or a zip); empty when valid."""
    with system.use_context(trusted=False):
        report = FrictionlessPackage(str(path)).validate()
    return [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors
    ]


# A tiny package in a scratch repository


SCHEMA = {"fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}]}


def write_package(repo: Path, version: str, rows: str) -> Path:
    descriptor = repo / "pkg" / "datapackage.json"
    (repo / "pkg" / "data").mkdir(parents=True, exist_ok=True)
    document = {
        "name": "tiny",
        "version": version,
        "created": "2026-01-02T00:00:00Z",
        "resources": [
            {"name": "t", "path": "data/t.csv", "format": "csv", "encoding": "utf-8", "schema": SCHEMA}
        ],
    }
    descriptor.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    (repo / "pkg" / "data" / "t.csv").write_text("id,n\n" + rows, encoding="utf-8")
    return descriptor


def commit(repo: Path, version: str, rows: str, message: str | None = None) -> str:
    write_package(repo, version, rows)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message or f"version {version}")
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A repository whose history has 1.0.0, an unbumped change, and 1.1.0."""
    repo = tmp_path / "tiny"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "1.0.0", "a,1\n")
    commit(repo, "1.0.0", "a,1\nb,2\n", "a change without a bump")
    commit(repo, "1.1.0", "a,1\nb,3\n")
    releases._memo.clear()
    return repo


def history_of(repo: Path, cache: Path | None = None):
    releases._memo.clear()
    return release_history(repo / "pkg" / "datapackage.json", cache)


def test_each_commit_that_sets_a_new_version_is_a_release_with_that_commits_files(tiny):
    history = history_of(tiny)
    assert [r.version for r in history.releases] == ["1.1.0", "1.0.0"]
    assert history.notes == []
    first, second, third = git(tiny, "log", "--reverse", "--format=%H").split()
    assert [r.commit for r in history.releases] == [third, first]
    # 1.0.0 is what its first commit published, not the later change that kept its number.
    assert dict(history.find("1.0.0").files) == {"data/t.csv": b"id,n\na,1\n"}
    assert history.current is history.find("1.1.0")


def test_a_release_is_the_bytes_the_writer_gives_for_a_checkout_of_its_commit(tiny, tmp_path):
    for release in history_of(tiny).releases:
        checkout = tmp_path / release.version
        git(tiny, "worktree", "add", "-q", "--detach", str(checkout), release.commit)
        assert release_of(checkout / "pkg" / "datapackage.json").site_files() == release.site_files()


def test_the_published_descriptor_states_each_files_size_and_hash_and_stock_frictionless_checks_them(
    tiny, tmp_path
):
    release = history_of(tiny).find("1.0.0")
    resource = json.loads(release.descriptor)["resources"][0]
    assert list(resource)[:4] == ["name", "path", "bytes", "hash"]
    assert resource["bytes"] == len(b"id,n\na,1\n")
    assert resource["hash"] == "sha256:" + hashlib.sha256(b"id,n\na,1\n").hexdigest()
    releases.write_releases(history_of(tiny), tmp_path / "site")
    folder = tmp_path / "site" / release.folder
    assert stock_valid(folder / "datapackage.json") == []
    assert stock_valid(folder / "datapackage.zip") == []
    (folder / "data" / "t.csv").write_bytes(b"id,n\na,2\n")
    assert [e.split(":")[0] for e in stock_valid(folder / "datapackage.json")] == ["hash-count"]


def test_a_version_lower_than_its_parents_stops_the_build_naming_the_commit(tiny):
    bad = commit(tiny, "1.0.1", "a,1\n")
    with pytest.raises(ReleaseError) as error:
        history_of(tiny)
    assert f"commit {bad[:12]}" in str(error.value)
    assert "sets version 1.0.1, lower than its parent's 1.1.0" in str(error.value)


def test_a_release_whose_package_does_not_load_stops_the_build_naming_the_commit(tiny):
    bad = commit(tiny, "1.2.0", "a,1\nb,three\n")
    with pytest.raises(ReleaseError) as error:
        history_of(tiny)
    message = str(error.value)
    assert f"commit {bad[:12]}" in message and "sets version 1.2.0, but its package does not load" in message
    assert "data/t.csv:3:n: frictionless type-error" in message


def test_a_release_without_one_of_its_files_stops_the_build_naming_the_commit(tiny):
    write_package(tiny, "1.2.0", "a,1\n")
    (tiny / "pkg" / "data" / "t.csv").unlink()
    git(tiny, "add", "-A")
    git(tiny, "commit", "-q", "-m", "lost the table")
    bad = git(tiny, "rev-parse", "HEAD")
    write_package(tiny, "1.2.0", "a,1\n")
    with pytest.raises(ReleaseError, match=rf"commit {bad[:12]} .* data/t.csv is not in that commit"):
        history_of(tiny)


def test_a_descriptor_that_is_not_json_stops_the_build_naming_the_commit(tiny):
    (tiny / "pkg" / "datapackage.json").write_text('{"version": "1.2.0",', encoding="utf-8")
    git(tiny, "commit", "-q", "-am", "broken")
    bad = git(tiny, "rev-parse", "HEAD")
    write_package(tiny, "1.2.0", "a,1\n")
    with pytest.raises(ReleaseError, match=rf"commit {bad[:12]} .*is not valid JSON"):
        history_of(tiny)


def test_two_commits_setting_one_version_with_different_data_stop_the_build_naming_both(tiny):
    git(tiny, "switch", "-q", "-c", "other", "HEAD~1")
    other = commit(tiny, "1.1.0", "a,1\nb,4\n")
    git(tiny, "switch", "-q", "main")
    git(tiny, "merge", "-q", "-s", "ours", "other", "-m", "merge the other 1.1.0")
    mine = git(tiny, "rev-parse", "HEAD~1")
    with pytest.raises(ReleaseError) as error:
        history_of(tiny)
    message = str(error.value)
    assert {other[:12], mine[:12]} <= set(re.findall(r"commit ([0-9a-f]{12})", message))
    assert "released with different data" in message


def test_one_version_released_with_the_same_files_on_two_branches_is_one_release(tiny):
    git(tiny, "switch", "-q", "-c", "other", "HEAD~1")
    commit(tiny, "1.1.0", "a,1\nb,3\n", "the same release again")
    git(tiny, "switch", "-q", "main")
    git(tiny, "merge", "-q", "other", "-m", "merge the same 1.1.0")
    assert [r.version for r in history_of(tiny).releases] == ["1.1.0", "1.0.0"]


def test_a_working_tree_change_without_a_bump_leaves_the_release_at_its_address(tiny):
    released = history_of(tiny).find("1.1.0")
    write_package(tiny, "1.1.0", "a,1\nb,5\n")
    history = history_of(tiny)
    assert history.find("1.1.0") == released
    assert history.current.commit is None and history.current.archive != released.archive
    (note,) = history.notes
    assert "differs from version 1.1.0" in note and released.commit[:12] in note
    assert "wait for `make release`" in note and "which version to set" not in note


def test_changes_waiting_in_their_files_are_no_news_to_the_build(tiny):
    """The site already says "and 1 unreleased change"; the build log need not say it again."""
    write_package(tiny, "1.1.0", "a,1\nb,5\n")
    (tiny / "changes").mkdir(exist_ok=True)
    (tiny / "changes" / "b.yaml").write_text("entry: b is 5\n", encoding="utf-8")
    history = history_of(tiny)
    assert history.notes == [] and history.current.commit is None


def test_a_new_version_not_committed_yet_is_offered_as_the_current_one(tiny):
    write_package(tiny, "1.2.0", "a,1\nb,5\n")
    history = history_of(tiny)
    assert [r.version for r in history.releases] == ["1.2.0", "1.1.0", "1.0.0"]
    assert history.current.version == "1.2.0" and history.current.commit is None


def test_a_working_tree_version_lower_than_a_release_stops_the_build(tiny):
    write_package(tiny, "1.0.5", "a,1\n")
    with pytest.raises(ReleaseError, match="sets version 1.0.5, lower than 1.1.0"):
        history_of(tiny)


@pytest.mark.parametrize("where", ["shallow clone", "copy without git"])
def test_without_history_only_the_current_version_is_offered_and_a_note_says_why(tiny, tmp_path, where):
    other = tmp_path / "elsewhere"
    if where == "shallow clone":
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{tiny}", str(other)], check=True)
    else:
        shutil.copytree(tiny / "pkg", other / "pkg")
    history = history_of(other)
    assert [r.version for r in history.releases] == ["1.1.0"]
    assert history.current.commit is None
    (note,) = history.notes
    assert ("shallow" if where == "shallow clone" else "no git history") in note
    assert "the current version 1.1.0 only" in note


def test_a_validated_release_is_remembered_and_not_validated_again(tiny, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    history_of(tiny, cache)
    assert len(list(cache.iterdir())) == 2

    def refuse(path):
        raise AssertionError(f"validated {path} again")

    monkeypatch.setattr("macros.data.validation.stock_problems", refuse)
    assert [r.version for r in history_of(tiny, cache).releases] == ["1.1.0", "1.0.0"]


def test_the_writer_takes_only_the_files_so_the_same_files_give_the_same_bytes():
    descriptor = (ROOT / "datapackage" / "datapackage.json").read_bytes()
    paths = releases.resource_paths(json.loads(descriptor))
    files = [(p, (ROOT / "datapackage" / p).read_bytes()) for p in paths]
    first = publish(descriptor, files)
    assert publish(bytes(descriptor), list(files)) == first
    with zipfile.ZipFile(__import__("io").BytesIO(first[1])) as archive:
        assert archive.read("datapackage.json") == first[0]


# A second version of the real package, in a clone


ROW = re.compile(r'<tr id="version-([0-9.]+)"><th scope="row">[0-9.]+( \(current\))?(.*?)</tr>')
FIGURE = "smart-factories"


@pytest.fixture(scope="module")
def second_version(tmp_path_factory):
    """A clone built as cloned, then with a corrected figure released as a minor version and built again
    (the English edition alone: what is checked here is its pages and the downloads)."""
    clone = clone_repository(tmp_path_factory.mktemp("releases") / "repo", "--no-hardlinks")
    before = build_site(clone, clone.parent / "site-before", env=ENGLISH_ONLY)
    assert before.returncode == 0, before.output

    data = clone / "datapackage"
    package = load_package(data / "datapackage.json")
    old, new = package.figures[FIGURE].value, package.figures[FIGURE].value + 500
    major, minor, _ = package.version.split(".")
    version = f"{major}.{int(minor) + 1}.0"
    quote = package.figures[FIGURE].quote.replace(plain(old), plain(new), 1)
    set_cells(
        data / "data" / "figures.csv",
        FIGURE,
        value=plain(new).replace(",", ""),
        as_printed=plain(new),
        quote=quote,
    )
    with open(data / "data" / "corrections.csv", "a", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerow(
            [
                f"{FIGURE}-revision",
                FIGURE,
                "value",
                plain(old).replace(",", ""),
                plain(new).replace(",", ""),
                "revision",
                "We had copied the count wrongly; the release prints the new value.",
                TODAY.isoformat(),
                version,
                "Leap forward, digitalisation of businesses, first paragraph",
                "옮기면서 수를 잘못 적었습니다. 보도자료의 새 값을 씁니다.",
                "도약 분야, 기업의 디지털 전환, 첫 문단",
            ]
        )
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.update(version=version, created=f"{TODAY.isoformat()}T00:00:00Z")
    (data / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    changelog = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = f"## {version} ({TODAY.isoformat()})\n\n- Corrected `{FIGURE}`.\n\n## "
    (clone / "CHANGELOG.md").write_text(changelog.replace("\n## ", "\n" + entry, 1), encoding="utf-8")
    git(clone, "commit", "-q", "-am", f"Correct {FIGURE}; version {version}")

    after = build_site(clone, clone.parent / "site-after", env=ENGLISH_ONLY)
    assert after.returncode == 0, after.output
    return clone, before, after, package.version, version


def listed(site: Path) -> dict[str, tuple[bool, str, str]]:
    """Each version on the data page: whether it is the current one, its archive's SHA-256, its commit."""
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    found = {}
    for version, current, cells in ROW.findall(page):
        (digest,) = re.findall(r'<code class="dnd-hash">([0-9a-f<wbr>]+)</code>', cells)
        commit = re.search(r"commit (?:<a [^>]*>)?<code>([0-9a-f]{12})</code>", cells)
        found[version] = (bool(current), digest.replace("<wbr>", ""), commit.group(1) if commit else "")
    return found


def test_both_versions_and_the_earlier_ones_are_listed_with_the_sha256_of_what_is_offered(second_version):
    clone, before, after, old, new = second_version
    versions = listed(after.site)
    assert {old, new} <= set(versions) and len(versions) >= 3
    assert [v for v, (current, _, _) in versions.items() if current] == [new]
    for version, (_, sha256, _) in versions.items():
        archive = after.site / "data" / "download" / version / "datapackage.zip"
        assert hashlib.sha256(archive.read_bytes()).hexdigest() == sha256
    assert set(listed(before.site)) == set(versions) - {new}


def test_each_version_is_byte_identical_to_the_writer_run_in_a_checkout_of_its_own_commit(second_version):
    clone, _, after, _, _ = second_version
    # One process runs the writer on each checkout in turn (arguments: descriptor, folder, ...).
    code = (
        "import sys, pathlib; from macros.tools.releases import release_of; "
        "args = [pathlib.Path(a) for a in sys.argv[1:]]; "
        "[(out / p).parent.mkdir(parents=True, exist_ok=True) or (out / p).write_bytes(c) "
        "for descriptor, out in zip(args[::2], args[1::2]) for p, c in release_of(descriptor).site_files()]"
    )
    versions = listed(after.site)
    pairs = []
    for version, (_, _, commit) in versions.items():
        checkout = clone.parent / f"checkout-{version}"
        git(clone, "worktree", "add", "-q", "--detach", str(checkout), commit)
        pairs += [
            str(checkout / "datapackage" / "datapackage.json"),
            str(clone.parent / f"written-{version}"),
        ]
    subprocess.run([sys.executable, "-c", code, *pairs], cwd=clone, check=True)
    for version in versions:
        checkout, out = clone.parent / f"checkout-{version}", clone.parent / f"written-{version}"
        if (checkout / releases.WORKBOOK_WRITER).exists():
            # A version released with the workbooks' writer: its own commit's writer makes them.
            subprocess.run(
                [sys.executable, releases.WORKBOOK_WRITER, str(out / "data" / "download" / version)],
                cwd=checkout,
                env={**os.environ, "PYTHONPATH": str(checkout)},
                check=True,
                capture_output=True,
            )
        written = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
        folder = Path("data") / "download" / version
        assert written and all(p.is_relative_to(folder) for p in written)
        offered = sorted(p.relative_to(after.site) for p in (after.site / folder).rglob("*") if p.is_file())
        assert offered == written
        assert [(out / p).read_bytes() == (after.site / p).read_bytes() for p in written] == [True] * len(
            written
        )


def test_a_later_build_writes_each_earlier_version_as_the_build_at_its_commit_did(second_version):
    _, before, after, old, new = second_version
    download = Path("data") / "download"
    for version in listed(before.site):
        folder = download / version
        files = sorted(p.relative_to(before.site) for p in (before.site / folder).rglob("*") if p.is_file())
        assert files and all((before.site / p).read_bytes() == (after.site / p).read_bytes() for p in files)
    # Today's address holds the current version, the same bytes as its own address.
    for site, version in ((before.site, old), (after.site, new)):
        for name in ("datapackage.zip", "datapackage.json"):
            assert (site / download / name).read_bytes() == (site / download / version / name).read_bytes()


def test_a_version_has_workbooks_when_its_release_commit_holds_their_writer(second_version):
    clone, _, after, _, new = second_version
    for version, (_, _, commit) in listed(after.site).items():
        folder = after.site / "data" / "download" / version
        held = bool(commit) and bool(git(clone, "ls-tree", "--name-only", commit, releases.WORKBOOK_WRITER))
        assert sorted(p.name for p in folder.glob("*.xlsx")) == (
            ["datapackage-en.xlsx", "datapackage-ko.xlsx"] if held else []
        ), version
    assert (after.site / "data" / "download" / new / "datapackage-ko.xlsx").exists()


def test_a_released_workbook_stays_as_released_when_the_writer_changes_later(second_version):
    """The words of the workbook are code, not package files: a later change to them changes today's
    workbook, never the bytes a released version offers."""
    clone, _, after, _, new = second_version
    catalogue = clone / "macros" / "pages" / "locale" / "ko.po"
    before = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(before.replace('msgstr "인용 방법"', 'msgstr "인용하는 방법"'), encoding="utf-8")
    try:
        # Made afresh (the history's workbooks without a cache); the history is read with the run's cache
        # of validated releases, which says only that each release's package passed stock frictionless.
        code = (
            "import dataclasses, pathlib, sys; from macros.tools.releases import release_history; "
            "h = release_history(pathlib.Path('datapackage/datapackage.json'), pathlib.Path(sys.argv[3])); "
            "h = dataclasses.replace(h, cache=None); r = h.find(sys.argv[1]); "
            "[pathlib.Path(sys.argv[2], p.rsplit('/', 1)[1]).write_bytes(c) for p, c in h.workbooks(r)]"
        )
        out = clone.parent / "workbooks-later"
        out.mkdir()
        environment = {**os.environ, "PYTHONPATH": str(clone)}
        validated = clone / ".cache" / "releases"
        subprocess.run(
            [sys.executable, "-c", code, new, str(out), str(validated)],
            cwd=clone,
            env=environment,
            check=True,
        )
        today = clone.parent / "workbooks-today"
        subprocess.run(
            [sys.executable, releases.WORKBOOK_WRITER, str(today)], cwd=clone, env=environment, check=True
        )
    finally:
        catalogue.write_text(before, encoding="utf-8")
    released = after.site / "data" / "download" / new
    assert (out / "datapackage-ko.xlsx").read_bytes() == (released / "datapackage-ko.xlsx").read_bytes()
    assert (today / "datapackage-ko.xlsx").read_bytes() != (released / "datapackage-ko.xlsx").read_bytes()


def test_stock_frictionless_validates_both_versions_archives(second_version):
    _, _, after, old, new = second_version
    for version in (old, new):
        archive = after.site / "data" / "download" / version / "datapackage.zip"
        assert stock_valid(archive) == [], version
        with zipfile.ZipFile(archive) as opened:
            resources = json.loads(opened.read("datapackage.json"))["resources"]
        assert all(r["hash"].startswith("sha256:") and r["bytes"] > 0 for r in resources)


def test_the_changelog_links_each_version_to_its_download(second_version):
    _, _, after, _, _ = second_version
    page = (after.site / "about" / "changelog" / "index.html").read_text(encoding="utf-8")
    for version in listed(after.site):
        section = page.split(f'<h2 id="version-{version}">', 1)[1].split("<h2", 1)[0]
        assert f'href="../../data/download/{version}/datapackage.zip"' in section
        assert "../../data/#" not in section
    # What every download is and where the checksums are is said once, above the versions.
    assert page.count('href="../../data/#versions"') == 1


def test_the_cite_box_names_the_current_version_and_its_address(second_version):
    _, _, after, _, new = second_version
    page = (after.site / "about" / "licence" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        rf"version {re.escape(new)}, [^<]*<a href=\"../../data/download/{re.escape(new)}/datapackage.zip\"[^>]*>",
        page,
    )


def test_a_build_with_the_whole_history_has_nothing_to_say_about_it(second_version):
    _, before, after, _, _ = second_version
    assert "releases:" not in before.output and "releases:" not in after.output


def test_a_build_without_history_succeeds_offers_the_current_version_and_says_so_once(built_site):
    """The session's site is built from a copy of the project, outside any git repository."""
    version = load_package().version
    assert list(listed(built_site.site)) == [version]
    notes = [line for line in built_site.output.splitlines() if "releases:" in line]
    assert len(notes) == 1 and f"the current version {version} only" in notes[0], built_site.output
    download = built_site.site / "data" / "download"
    assert sorted(p.name for p in download.iterdir() if p.is_dir()) == sorted(["data", version])


def test_citation_cff_names_the_version_and_the_address_where_it_stays():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    version = load_package().version
    assert citation["version"] == version
    addresses = [i["value"] for i in citation.get("identifiers", [])]
    assert archive_address(version) in addresses


def test_the_pages_workflow_fetches_the_whole_history():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    (checkout,) = [
        s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout")
    ]
    assert checkout["with"]["fetch-depth"] == 0


def test_the_repositorys_own_history_can_be_published():
    """CI (full history) stops a pull request whose history the Pages build would refuse: a version
    that goes down, one claimed twice with other data, or a release that does not load."""
    if (
        subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True
        ).stdout.strip()
        != "false"
    ):
        pytest.skip("no full git history here (a shallow clone or a copy)")
    releases._memo.clear()
    history = release_history(ROOT / "datapackage" / "datapackage.json")
    assert history.read and len(history.releases) > 1
    assert history.current.version == load_package().version
