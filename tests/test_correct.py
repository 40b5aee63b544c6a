"""A correction is one command, and the release one more: what `make correct` writes (by printed form,
by value, a misprint), what it refuses (and that it then writes nothing), two corrections from one main
merged with a plain `git merge`, the maintainer's `make release`, the site while corrections wait for
it, and a history that sets one version twice."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import clone_repository
from jinja2 import Environment, FileSystemLoader

from macros.data.changes import version_words
from macros.data.package import load_package
from macros.tools.correct import CorrectionError, Request, correct
from macros.tools.export import downloads_of, figure_document
from macros.tools.releases import history_problems, release_history

pytestmark = pytest.mark.cost(25)

ROOT = Path(__file__).resolve().parents[1]
FIGURE, OTHER = "smart-factories", "sw-centred-colleges"
REASON, REFERENCE = "We had copied the count wrongly.", "Leap forward, first paragraph"
DAY = "2030-01-02"
AUTHOR = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]


def folder(tmp_path: Path) -> Path:
    """A copy of the package, as a checkout holds it (no git needed)."""
    shutil.copytree(ROOT / "datapackage", tmp_path / "datapackage")
    for name in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path / "datapackage" / "datapackage.json"


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]


def change_file(root: Path) -> dict:
    (path,) = (root / "changes").glob("*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# What the command writes


def test_by_printed_form_the_figure_row_and_one_change_file_hold_everything_derived(tmp_path):
    descriptor = folder(tmp_path)
    figures = descriptor.parent / "data" / "figures.csv"
    before = figures.read_text(encoding="utf-8")

    correct(Request(FIGURE, printed="8,500", reason=REASON, reference=REFERENCE), descriptor)

    ((old, new),) = changed_lines(before, figures.read_text(encoding="utf-8"))  # one row, the rest as it was
    assert ",8000," in old and ",8500," in new and '"8,500"' in new and "About 8,500 factories" in new
    document = change_file(tmp_path)
    assert document["correction"] == {
        "id": f"{FIGURE}-revision",
        "figure": FIGURE,
        "field": "value",
        "printed": "8000",
        "used": "8500",
        "kind": "revision",
        "reason": REASON,
        "reference": REFERENCE,
        "reason_ko": "",
        "reference_ko": "",
    }
    assert document["entry"] == f"Corrected `{FIGURE}` from 8,000 to 8,500. {REASON}"
    assert document["entry_ko"] == ""  # the maintainer's, at the release
    package = load_package(descriptor)
    (pending,) = [c for c in package.corrections if not c.released]
    assert (pending.id, pending.version, pending.date) == (f"{FIGURE}-revision", None, None)


def test_by_value_and_printed_form_it_is_the_same_revision(tmp_path):
    descriptor = folder(tmp_path)
    correct(Request(FIGURE, value="8500", printed="8,500", reason=REASON, reference=REFERENCE), descriptor)
    assert change_file(tmp_path)["correction"]["kind"] == "revision"


def test_a_value_alone_says_the_source_misprints_it(tmp_path):
    descriptor = folder(tmp_path)
    written = correct(Request(FIGURE, value="8500", reason=REASON, reference=REFERENCE), descriptor)

    figure = load_package(descriptor).figures[FIGURE]
    assert (figure.value, figure.as_printed) == (8500, "8,000")  # printed as printed
    correction = change_file(tmp_path)["correction"]
    assert (correction["id"], correction["kind"], correction["printed"], correction["used"]) == (
        f"{FIGURE}-typo",
        "release-typo",
        "8,000",
        "8500",
    )
    assert written.report()[-1].endswith(
        f"{FIGURE}-typo.yaml: the correction `{FIGURE}-typo` (release-typo) and its changelog entry, for the next release"
    )


def test_a_quote_alone_is_a_wording_change_with_its_entry_and_no_correction(tmp_path):
    descriptor = folder(tmp_path)
    figure = load_package(descriptor).figures["smart-micro-businesses"]
    quote = figure.quote.replace("About", "Some")
    written = correct(Request(figure.id, quote=quote, reason=REASON, reference=REFERENCE), descriptor)

    after = load_package(descriptor).figures[figure.id]
    assert (after.value, after.as_printed, after.quote) == (figure.value, figure.as_printed, quote)
    assert change_file(tmp_path) == {
        "entry": f"Corrected the quote of `{figure.id}`. {REASON}",
        "entry_ko": "",
    }
    assert written.change.name == f"{figure.id}-quote.yaml"
    assert "quote replaced (a wording change: a patch release)" in written.report()[0]


# What it refuses, writing nothing


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (
            Request("smart-factory", value="8500", reason=REASON, reference=REFERENCE),
            "FIGURE=smart-factory: no figure with this id in datapackage/data/figures.csv; did you mean "
            "'smart-factories'?",
        ),
        (
            Request(FIGURE, value="8.5k", reason=REASON, reference=REFERENCE),
            "VALUE=8.5k: not a number; write the value in base units, digits only",
        ),
        (
            Request(FIGURE, printed="lots", reason=REASON, reference=REFERENCE),
            "PRINTED=lots: does not read as a number",
        ),
        (Request(FIGURE, value="8500", reference=REFERENCE), "REASON: missing:"),
        (Request(FIGURE, reason=REASON, reference=REFERENCE), "VALUE, PRINTED, QUOTE: missing:"),
        (
            Request(
                FIGURE,
                printed="8,500",
                quote="A sentence without the number.",
                reason=REASON,
                reference=REFERENCE,
            ),
            "quote",  # the rules refuse the result: undone
        ),
    ],
    ids=["mistyped id", "value", "printed form", "reason", "no number", "refused result"],
)
def test_a_bad_input_is_named_and_nothing_is_written(tmp_path, monkeypatch, request_, message):
    descriptor = folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    with pytest.raises(CorrectionError) as refused:
        correct(request_, descriptor)

    assert any(message in line for line in refused.value.lines), refused.value.lines
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert not list(tmp_path.glob("changes/*.yaml"))


# Two corrections from one main, merged; the release; the site meanwhile


def run(script: str, cwd: Path, **variables: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(cwd)}
    for name in ("DND_DATAPACKAGE", "DND_SOURCE_TEXT", "SOURCE", "DATE"):
        environment.pop(name, None)
    environment |= variables
    return subprocess.run(
        [sys.executable, f"scripts/{script}.py"],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *AUTHOR, *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> dict:
    """A clone where two contributors corrected two figures on two branches from the same main, and
    main merged both with plain `git merge`; with what each step said."""
    clone = clone_repository(tmp_path_factory.mktemp("merge") / "repo")
    git(clone, "checkout", "-q", "-B", "main")
    if any((clone / "changes").glob("*.yaml")):
        # Main may hold changes waiting for their release: the maintainer releases them first, so the
        # two corrections below are all that waits.
        assert run("release", clone, DATE=DAY).returncode == 0
        git(clone, "add", "-A")
        git(clone, "commit", "-qm", "Release what waited")
    steps = {}
    for branch, figure, printed in (("first", FIGURE, "8,500"), ("second", OTHER, "42")):
        git(clone, "checkout", "-q", "-b", branch, "main")
        steps[branch] = run(
            "correct", clone, FIGURE=figure, PRINTED=printed, REASON=REASON, REFERENCE=REFERENCE
        )
        git(clone, "add", "-A")
        git(clone, "commit", "-qm", f"Correct {figure}")
    git(clone, "checkout", "-q", "main")
    steps["merges"] = [git(clone, "merge", "--no-edit", branch) for branch in ("first", "second")]
    git(clone, "update-ref", "refs/remotes/origin/main", "main")
    steps["check"] = run("check", clone)
    return {"clone": clone, **steps}


def test_two_corrections_from_one_main_merge_with_plain_git_merge_and_check_passes(merged):
    assert merged["first"].returncode == merged["second"].returncode == 0, merged["second"].stderr
    assert [m.returncode for m in merged["merges"]] == [0, 0], [m.stdout + m.stderr for m in merged["merges"]]
    assert "CONFLICT" not in "".join(m.stdout for m in merged["merges"])
    assert sorted(p.name for p in (merged["clone"] / "changes").glob("*.yaml")) == [
        f"{FIGURE}-revision.yaml",
        f"{OTHER}-revision.yaml",
    ]
    assert merged["check"].returncode == 0, merged["check"].stdout + merged["check"].stderr


def test_while_corrections_wait_the_site_says_so_and_the_downloads_stay_the_release(merged):
    package = load_package(merged["clone"] / "datapackage" / "datapackage.json")
    assert (
        version_words(package.version, package.changes) == f"{package.version} with 2 unreleased corrections"
    )
    assert (
        version_words(package.version, package.changes, "ko")
        == f"{package.version}(아직 배포하지 않은 정정 2건 반영)"
    )
    document = figure_document(package, package.figures[FIGURE])
    assert document["version_words"] == f"{package.version} with 2 unreleased corrections"
    assert document["unreleased"] == [f"{FIGURE}-revision", f"{OTHER}-revision"]
    assert document["corrections"][-1]["version"] is None and document["changes"][0]["version"] is None
    # The current download is the version as released, byte for byte: it says 6.0.1 and holds 6.0.1.
    # Read as the downloads read it (with the cache of validated releases): one reading serves both.
    released = release_history(package.path).find(package.version)
    archive = next(d for d in downloads_of(package) if d.path == "datapackage.zip")
    assert released.commit and archive.content == released.archive
    # Every page's footer, in both editions.
    from macros.data.catalogue import tr
    from macros.site import editions
    from macros.site.hooks import release

    environment = Environment(loader=FileSystemLoader(ROOT / "overrides"))
    environment.filters["url"] = lambda path: "/" + path
    environment.globals |= {"tr": tr, "edition_prefix": editions.prefix}
    template = environment.get_template("partials/copyright.html")
    for language, words in (("en", "This site also shows <a"), ("ko", "이 사이트에는 <a")):
        footer = template.render(data_release=release(package), config={"theme": {"language": language}})
        shown = {"en": "2 unreleased corrections", "ko": "아직 배포하지 않은 정정 2건"}[language]
        assert f">{package.version}</a>" in footer and f"{words} " in footer and f">{shown}</a>" in footer


def test_the_release_waits_for_the_korean_then_derives_everything(merged):
    clone = merged["clone"]
    refused = run("release", clone, DATE=DAY)
    assert refused.returncode == 1
    assert f"changes/{FIGURE}-revision.yaml:entry_ko: write the entry in Korean" in refused.stderr
    assert git(clone, "status", "--short").stdout == ""  # nothing written

    for path in (clone / "changes").glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        named = "·".join(f"`{name}`" for name in re.findall(r"`([^`]+)`", document["entry"]))
        document["entry_ko"] = f"{named}의 수를 바로잡았습니다."  # naming what the English names
        document["correction"].update(reason_ko="수를 잘못 옮겨 적었습니다.", reference_ko="도약 축, 첫 문단")
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    git(clone, "commit", "-qam", "Korean")
    before = load_package(clone / "datapackage" / "datapackage.json").version

    done = run("release", clone, DATE=DAY)

    assert done.returncode == 0, done.stderr
    major, minor, _ = (int(p) for p in before.split("."))
    version = f"{major}.{minor + 1}.0"
    assert done.stdout.startswith(f"release {version} (minor: a value was corrected")
    descriptor = json.loads((clone / "datapackage/datapackage.json").read_text(encoding="utf-8"))
    assert (descriptor["version"], descriptor["created"]) == (version, f"{DAY}T00:00:00Z")
    rows = (clone / "datapackage/data/corrections.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[0] for r in rows[-2:]] == [f"{FIGURE}-revision", f"{OTHER}-revision"]
    assert all(f",{DAY},{version}," in r for r in rows[-2:])
    changelog = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split(f"## {version} ({DAY})\n", 1)[1].split("\n## ", 1)[0]
    assert section.count("  한국어: ") == 4  # contents, checks and each change, in both languages
    assert f"version: {version}" in (clone / "CITATION.cff").read_text(encoding="utf-8")
    assert not list((clone / "changes").glob("*.yaml"))
    assert run("check", clone, DATE=DAY).returncode == 0

    git(clone, "add", "-A")
    git(clone, "commit", "-qm", f"Data version {version}")
    assert history_problems(clone / "datapackage" / "datapackage.json") == []
    # With the cache of validated releases (a release's entry is its content's: the earlier versions were
    # validated by the reading above; the new one is validated here, its content being new).
    history = release_history(clone / "datapackage" / "datapackage.json")
    assert history.current.version == version and history.current.commit is not None
    assert dt.date.fromisoformat(DAY) == history.current.day


def test_a_history_that_sets_one_version_twice_is_refused_by_make_check_with_the_way_out(tmp_path):
    clone = clone_repository(tmp_path / "repo")
    git(clone, "checkout", "-q", "-B", "main")
    version = load_package(clone / "datapackage" / "datapackage.json").version
    major, minor, _ = (int(p) for p in version.split("."))
    for branch, label in (("one", "Factories with smart kit"), ("two", "Factories made smart")):
        git(clone, "checkout", "-q", "-b", branch, "main")
        figures = clone / "datapackage/data/figures.csv"
        text = figures.read_text(encoding="utf-8")
        figures.write_text(
            text.replace(load_package(clone / "datapackage/datapackage.json").figures[FIGURE].label, label, 1)
        )
        descriptor = clone / "datapackage/datapackage.json"
        descriptor.write_text(
            descriptor.read_text().replace(
                f'"version": "{version}"', f'"version": "{major}.{minor + 1}.0"', 1
            )
        )
        git(clone, "commit", "-qam", f"{branch} sets {major}.{minor + 1}.0 by hand")
    git(clone, "checkout", "-q", "one")
    git(clone, "merge", "--no-edit", "-X", "theirs", "two")

    (problem,) = history_problems(clone / "datapackage" / "datapackage.json")

    assert f"sets version {major}.{minor + 1}.0, which commit" in problem and "The way out" in problem
    result = run("check", clone)
    assert result.returncode == 1 and "The way out" in result.stderr


# What make check clears, CI accepts


def test_make_check_runs_the_source_audit_where_the_release_text_is_and_says_when_it_is_not(tmp_path):
    clone = clone_repository(tmp_path / "repo")
    git(clone, "update-ref", "refs/remotes/origin/main", "HEAD")  # whatever branch ROOT is on
    masked = ROOT / "tests" / "fixtures" / "release-redacted.txt"  # audits as the release does
    clear = run("check", clone, SOURCE=str(masked))
    assert clear.returncode == 0, clear.stdout + clear.stderr
    assert "source audit" in clear.stdout.splitlines()[-1]

    extra = tmp_path / "release.txt"
    extra.write_text(masked.read_text(encoding="utf-8") + "\nxxxxx 4,321 xxxxx\n", encoding="utf-8")
    refused = run("check", clone, SOURCE=str(extra))
    assert refused.returncode == 1 and "the number '4,321'" in refused.stderr

    skipped = run("check", clone, SOURCE=str(tmp_path / "absent.txt"))
    assert skipped.returncode == 0 and skipped.stdout.startswith(
        "audit: skipped, the release's text is not at"
    )
