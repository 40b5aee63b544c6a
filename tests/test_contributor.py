"""The contributor path: a newcomer corrects a figure in a fresh clone, and the machine says what changed.

The journey follows CONTRIBUTING.md step by step in a `git clone` of the committed repository: change a
value, be told by the validator which correction row to add, add it, be told by the diff which version
to publish, bump it, and see the new value, the correction and the version on the built site. The
other tests hold the files a contributor and a reviewer rely on to what the package says.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from macros.data.checks import OUTCOMES
from macros.data.package import load_package
from macros.data.words import plain

ROOT = Path(__file__).resolve().parents[1]
FIGURE = "smart-factories"
MISSING = "smart-factory-quality-growth"
SOURCE_NAME = "msit-press-release-2021-08-30.txt"
TODAY = dt.date.today()


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass
class Journey:
    clone: Path
    old_value: float
    new_value: float
    old_version: str
    new_version: str
    runs: dict[str, Run]

    def page(self, path: str) -> str:
        return (self.clone / "site" / path / "index.html").read_text(encoding="utf-8")


def set_cells(figures: Path, figure_id: str, **cells: str) -> None:
    """Edit cells of one row as a contributor does in a spreadsheet, leaving every other row as it was."""
    with open(figures, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    (row,) = [r for r in rows if r[0] == figure_id]
    for column, value in cells.items():
        row[rows[0].index(column)] = value
    with open(figures, "w", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="module")
def journey(tmp_path_factory) -> Journey:
    clone = tmp_path_factory.mktemp("contributor") / "repo"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    # `make diff` compares with origin/main; pin it to the commit cloned, whatever branch ROOT is on (CI may be detached).
    subprocess.run(["git", "-C", str(clone), "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    environment = {
        **os.environ,
        "PYTHONPATH": str(clone),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1630281600",
    }
    for name in ("DND_DATAPACKAGE", "DND_REPO_URL", "DND_SITE_URL"):
        environment.pop(name, None)

    def run(*args: str) -> Run:
        done = subprocess.run(
            [sys.executable, *args], cwd=clone, env=environment, capture_output=True, text=True, timeout=300
        )
        return Run(done.returncode, done.stdout, done.stderr)

    data = clone / "datapackage"
    package = load_package(data / "datapackage.json")
    old_value = package.figures[FIGURE].value
    new_value = old_value + 500
    new_version = "{}.{}.0".format(*(int(p) + (i == 1) for i, p in enumerate(package.version.split(".")[:2])))
    runs = {}

    figures = data / "data" / "figures.csv"
    source = Path(os.environ.get("DND_SOURCE_TEXT") or ROOT.parent / "shared" / "source" / SOURCE_NAME)
    if source.is_file():
        (clone.parent / "shared" / "source").mkdir(parents=True)
        (clone.parent / "shared" / "source" / SOURCE_NAME).symlink_to(source.resolve())
        complete = figures.read_text(encoding="utf-8")
        figures.write_text(
            "".join(line for line in complete.splitlines(True) if not line.startswith(f"{MISSING},")),
            encoding="utf-8",
        )
        runs["audit with a figure missing"] = run(
            "scripts/audit_source.py", "--source", f"../shared/source/{SOURCE_NAME}"
        )
        figures.write_text(complete, encoding="utf-8")

    set_cells(figures, FIGURE, value=plain(new_value).replace(",", ""))
    runs["validate without correction"] = run("scripts/validate.py", "datapackage/datapackage.json")
    set_cells(figures, FIGURE, as_printed=plain(new_value))
    runs["validate with as_printed fixed"] = run("scripts/validate.py", "datapackage/datapackage.json")
    runs["diff without correction"] = run(
        "scripts/diff_package.py", "origin/main", "datapackage/datapackage.json"
    )

    with open(data / "data" / "corrections.csv", "a", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerow(
            [
                f"{FIGURE}-revision",
                FIGURE,
                "value",
                plain(old_value).replace(",", ""),
                plain(new_value).replace(",", ""),
                "revision",
                "We had copied the count wrongly; the release prints the new value.",
                TODAY.isoformat(),
                new_version,
                "Leap forward, digitalisation of businesses, first paragraph",
            ]
        )
    runs["validate with correction"] = run("scripts/validate.py", "datapackage/datapackage.json")
    runs["diff before the bump"] = run(
        "scripts/diff_package.py", "origin/main", "datapackage/datapackage.json"
    )

    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.update(version=new_version, created=f"{TODAY.isoformat()}T00:00:00Z")
    (data / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    citation = (clone / "CITATION.cff").read_text(encoding="utf-8")
    citation = re.sub(r"(?m)^version: .*$", f"version: {new_version}", citation)
    citation = re.sub(r"(?m)^date-released: .*$", f"date-released: {TODAY.isoformat()}", citation)
    citation = citation.replace(f"data/download/{package.version}/", f"data/download/{new_version}/")
    (clone / "CITATION.cff").write_text(citation, encoding="utf-8")
    changelog = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = f"## {new_version} ({TODAY.isoformat()})\n\n- Corrected `{FIGURE}`.\n\n## "
    (clone / "CHANGELOG.md").write_text(changelog.replace("\n## ", "\n" + entry, 1), encoding="utf-8")

    runs["validate after the bump"] = run("scripts/validate.py", "datapackage/datapackage.json")
    runs["diff"] = run("scripts/diff_package.py", "origin/main", "datapackage/datapackage.json")
    runs["build"] = run("-m", "mkdocs", "build", "--strict", "--quiet", "-d", "site")
    return Journey(clone, old_value, new_value, package.version, new_version, runs)


# The journey


def test_a_changed_value_without_a_correction_fails_validation_saying_what_to_add(journey):
    result = journey.runs["validate without correction"]
    assert result.returncode == 1
    assert "field=value, printed=" in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if ":value:" in line]
    assert line.startswith("datapackage/data/figures.csv:")
    assert "add a row to datapackage/data/corrections.csv with figure=smart-factories, field=value" in line
    assert f"used={plain(journey.new_value).replace(',', '')}" in line


def test_the_audit_names_a_number_no_figure_accounts_for(journey):
    if "audit with a figure missing" not in journey.runs:
        pytest.skip("the release text is not here (set DND_SOURCE_TEXT)")
    result = journey.runs["audit with a figure missing"]
    assert result.returncode == 1
    assert (
        "in topic 'leap-digitalisation' is accounted for by no figure, period or structural exclusion"
        in result.stdout
    )


def test_once_as_printed_matches_the_package_validates_but_the_diff_asks_for_the_correction_row(journey):
    assert journey.runs["validate with as_printed fixed"].returncode == 0
    result = journey.runs["diff without correction"]
    assert result.returncode == 1
    old, new = plain(journey.old_value).replace(",", ""), plain(journey.new_value).replace(",", "")
    assert (
        f"datapackage/data/corrections.csv: add a row with id={FIGURE}-revision, figure={FIGURE}, "
        f"field=value, printed={old}, used={new}, kind=revision"
    ) in result.stdout


def test_with_its_correction_row_the_package_validates(journey):
    result = journey.runs["validate with correction"]
    assert result.returncode == 0, result.output
    assert "datapackage/datapackage.json: valid" in result.stdout


def test_the_diff_asks_for_the_minor_version_before_the_bump(journey):
    result = journey.runs["diff before the bump"]
    assert result.returncode == 1
    assert f"the version is still {journey.old_version}: this is a minor release" in result.stdout


def test_after_the_bump_the_diff_lists_exactly_the_change_and_its_correction(journey):
    result = journey.runs["diff"]
    assert result.returncode == 0, result.output
    old, new = plain(journey.old_value), plain(journey.new_value)
    table_rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert table_rows == [
        f"| `{FIGURE}` | value | {old} | {new} |",
        f"| `{FIGURE}` | as_printed | {old} | {new} |",
        f"| `{FIGURE}-revision` | `{FIGURE}` | value | {old.replace(',', '')} | {new.replace(',', '')} | revision | "
        f"{journey.new_version} | We had copied the count wrongly; the release prints the new value. |",
    ]
    assert "### Figures added" not in result.stdout and "### Figures removed" not in result.stdout
    assert "### Problems" not in result.stdout
    assert f"{journey.old_version} → " in result.stdout and "(minor release)" in result.stdout
    assert journey.runs["validate after the bump"].returncode == 0


def test_the_built_site_shows_the_new_value_the_correction_and_the_version(journey):
    assert journey.runs["build"].returncode == 0, journey.runs["build"].output
    version = json.loads((journey.clone / "datapackage/datapackage.json").read_text())["version"]
    links = re.findall(
        rf'<a [^>]*href="[^"]*figures/{FIGURE}/"[^>]*>(.*?)</a>', journey.page("first-year/leap-forward")
    )
    assert links and all(plain(journey.new_value) in text for text in links)
    own = journey.page(f"figures/{FIGURE}")
    assert plain(journey.new_value) in own and f"{FIGURE}-revision" in own
    assert f'id="correction-{FIGURE}-revision"' in journey.page("data/corrections")
    for path in ("", "first-year/leap-forward", "data/corrections"):
        assert f">{version}</a> of {TODAY.day} {TODAY:%B %Y}." in journey.page(path)
    assert f"{version} ({TODAY.isoformat()})" in journey.page("about/changelog")


def test_contributing_quotes_the_messages_the_tools_really_print(journey):
    """Every line of a `text` block in CONTRIBUTING.md is real output of the journey (numbers aside)."""

    def shape(line: str) -> str:
        return re.sub(r"\d+", "0", line.strip())

    printed = {shape(line) for run in journey.runs.values() for line in run.output.splitlines()}
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    quoted = [
        line
        for block in re.findall(r"```text\n(.*?)```", guide, re.S)
        for line in block.splitlines()
        if line.strip()
    ]
    assert quoted, "CONTRIBUTING.md quotes no output"
    if "audit with a figure missing" not in journey.runs:
        pytest.skip(
            "the release text is not here (set DND_SOURCE_TEXT), so the audit's message cannot be compared"
        )
    assert [line for line in quoted if shape(line) not in printed] == []


# What the contributor and the reviewer rely on


@pytest.fixture(scope="module")
def package():
    return load_package()


def test_citation_cff_names_the_package_version_date_and_licence(package):
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == package.version
    assert str(citation["date-released"]) == package.descriptor["created"][:10]
    assert citation["license"] == package.descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert citation["title"] == package.descriptor["title"]


def test_the_changelog_has_a_section_for_the_current_version_dated_its_release_day(package):
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    sections = re.findall(r"(?m)^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)$", changelog)
    assert sections[0] == (package.version, package.descriptor["created"][:10])


def test_the_counts_the_changelog_states_for_the_current_version_are_the_packages(package):
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    current = changelog.split(f"## {package.version} (", 1)[1].split("\n## ", 1)[0]
    contents = re.search(r"Contents: (.*)\.", current)
    assert contents, (
        f"the section for {package.version} in CHANGELOG.md must state its counts ('- Contents: ...')"
    )
    stated = {re.sub(r"s$", "", noun): int(n) for n, noun in re.findall(r"(\d+) (\w+)", contents.group(1))}
    actual = {
        "figure": len(package.figures),
        "topic": len(package.topics),
        "unit": len(package.units),
        "source": len(package.sources),
        "check": len(package.checks),
        "correction": len(package.corrections),
    }
    assert stated == actual
    outcomes = re.search(r"Checks: (\d+) hold, (\d+) fails?", current)
    assert outcomes and [int(n) for n in outcomes.groups()] == [
        sum(o.status == s for o in package.outcomes) for s in OUTCOMES
    ]


def test_the_correction_form_has_the_fields_the_explorer_prefills():
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/correction.yml").read_text(encoding="utf-8"))
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert ids[:5] == ["figure", "label", "current-value", "proposed-value", "evidence"]
    assert form["labels"] == ["correction"]
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {"figure", "proposed-value", "evidence"} <= required


def test_the_pull_request_template_is_the_reviewers_checklist():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    checks = [line for line in template.splitlines() if line.startswith("- [ ]")]
    for duty in ("evidence", "corrections.csv", "make validate", "make diff", "version", "CHANGELOG.md"):
        assert any(duty in check for check in checks), duty


def test_ci_tests_every_push_and_reports_the_data_diff_on_pull_requests():
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    assert {"push", "pull_request"} <= set(workflow[True])  # YAML reads the key `on` as true
    steps = workflow["jobs"]["test"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert any(s.get("with", {}).get("python-version") == "3.11" for s in steps)
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "DND_CHROMIUM=" in runs and "GITHUB_ENV" in runs and "make test" in runs
    (diff,) = [s for s in steps if "make" in s.get("run", "") and "diff" in s["run"]]
    assert diff["if"] == "github.event_name == 'pull_request'"
    assert "BASE=origin/${{ github.base_ref }}" in diff["run"] and "$GITHUB_STEP_SUMMARY" in diff["run"]


def test_pages_publishes_the_make_build_of_main_with_the_repository_address():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]["steps"]
    (make,) = [s for s in build if s.get("run") == "make build"]
    assert make["env"]["DND_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert "steps.pages.outputs.base_url" in make["env"]["DND_SITE_URL"]
    uses = [s.get("uses", "").split("@")[0] for s in build + workflow["jobs"]["deploy"]["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses


def test_pre_commit_lints_with_ruff_and_validates_data_changes():
    hooks = [
        h
        for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
        for h in repo["hooks"]
    ]
    entries = {h["id"]: h for h in hooks}
    assert "ruff check" in entries["ruff-check"]["entry"] and "ruff format" in entries["ruff-format"]["entry"]
    assert "make" in entries["validate-data"]["entry"] and "validate" in entries["validate-data"]["entry"]
    assert entries["validate-data"]["files"] == "^datapackage/"


def test_every_page_footer_names_the_data_version_date_licences_and_attribution(built_site, package):
    created = dt.date.fromisoformat(package.descriptor["created"][:10])
    source = package.outlined
    pages = sorted(built_site.site.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<div class="md-copyright">') :]
        if page.relative_to(built_site.site).parts[0] == "ko":
            assert f">{package.version}</a>({created.year}년 {created.month}월 {created.day}일)." in footer, (
                page
            )
            assert "MIT 라이선스" in footer and ">CC BY 4.0</a>" in footer, page
        else:
            assert f">{package.version}</a> of {created.day} {created:%B %Y}." in footer, page
            assert "MIT licence" in footer and ">CC BY 4.0</a>" in footer, page
        assert source.attribution.replace("&", "&amp;") in footer, page


def test_the_changelog_page_shows_the_changelog(built_site, package):
    html = built_site.page("about/changelog/")
    assert f"{package.version} ({package.descriptor['created'][:10]})" in html
    assert "semantic versioning" in html
