"""`scripts/diff_package.py OLD NEW`: what a reviewer reads instead of a CSV diff, and the release rules it enforces.

Each test edits a copy of the data package the way a contributor would (the CSV files and the
descriptor), then runs the script as `make diff` does.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.package import load_package
from macros.tools.diff import bump, compare, markdown

pytestmark = pytest.mark.cost(12)

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "diff_package.py"
# A release day after any the repository has: the tests judge no date against the day they run.
TODAY = "2030-01-02"
# The next major and minor versions after the repository's, as `make diff` would ask for them.
CURRENT = load_package(ROOT / "datapackage" / "datapackage.json").version
MAJOR = bump(CURRENT, "major")
MINOR = bump(CURRENT, "minor")


class Copy:
    """A copy of datapackage/ to edit like a contributor: rows of a CSV by id, and descriptor keys."""

    def __init__(self, root: Path):
        self.root = root
        self.descriptor = root / "datapackage.json"

    def rows(self, table: str) -> list[dict]:
        with open(self.root / "data" / f"{table}.csv", newline="", encoding="utf-8") as file:
            return list(csv.DictReader(file))

    def write(self, table: str, rows: list[dict]) -> None:
        path = self.root / "data" / f"{table}.csv"
        with open(path, newline="", encoding="utf-8") as file:
            header = next(csv.reader(file))
        with open(path, "w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def set(self, table: str, row_id: str, **values) -> None:
        rows = self.rows(table)
        (row,) = [r for r in rows if r["id"] == row_id]
        row.update(values)
        self.write(table, rows)

    def reprint(self, figure_id: str, value: str, as_printed: str) -> None:
        """A figure printed otherwise: its value, as_printed and the number in its quote, as a contributor edits them."""
        (row,) = [r for r in self.rows("figures") if r["id"] == figure_id]
        quote = row["quote"].replace(row["as_printed"], as_printed, 1)
        self.set("figures", figure_id, value=value, as_printed=as_printed, quote=quote)

    def remove(self, table: str, row_id: str) -> None:
        self.write(table, [r for r in self.rows(table) if r["id"] != row_id])

    def add(self, table: str, **row) -> None:
        self.write(table, [*self.rows(table), row])

    def release(self, version: str) -> None:
        descriptor = json.loads(self.descriptor.read_text(encoding="utf-8"))
        descriptor["version"] = version
        descriptor["created"] = f"{TODAY}T00:00:00Z"
        self.descriptor.write_text(
            json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def correction(figure: str, printed: str, used: str, version: str) -> dict:
    return {
        "id": f"{figure}-revision",
        "figure": figure,
        "field": "value",
        "printed": printed,
        "used": used,
        "kind": "revision",
        "reason": "The release prints a different number.",
        "date": TODAY,
        "version": version,
        "reference": "a pull request",
        "reason_ko": "보도자료의 숫자가 다릅니다.",
        "reference_ko": "풀 리퀘스트",
    }


def diff(old, new, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(old), str(new)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def copy(tmp_path) -> Copy:
    shutil.copytree(ROOT / "datapackage", tmp_path / "datapackage")
    return Copy(tmp_path / "datapackage")


def section(report: str, title: str) -> list[str]:
    """The table rows (or list items) under a `### title (n)` heading of the report."""
    lines = report.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(f"### {title}")), None)
    if start is None:
        return []
    body = []
    for line in lines[start + 1 :]:
        if line.startswith("### "):
            break
        if line.startswith(("| ", "- ")) and not line.startswith(
            ("| Figure |", "| Check |", "| Correction |")
        ):
            body.append(line)
    return body


def test_the_package_against_itself_has_no_changes():
    result = diff(ROOT / "datapackage/datapackage.json", ROOT / "datapackage/datapackage.json")
    assert result.returncode == 0, result.stderr
    assert "No changes" in result.stdout
    assert "###" not in result.stdout


def test_a_figure_removed_one_added_and_one_corrected_are_listed_and_nothing_else(copy):
    before = load_package(ROOT / "datapackage/datapackage.json")
    copy.remove("figures", "smart-factory-cost-reduction")
    added = dict(
        next(r for r in copy.rows("figures") if r["id"] == "smart-factories"), id="smart-factories-added"
    )
    copy.add("figures", **added)
    copy.set("figures", "smart-factories", value="8500")
    copy.add("corrections", **correction("smart-factories", "8000", "8500", MAJOR))
    copy.release(MAJOR)

    result = diff(ROOT / "datapackage/datapackage.json", copy.descriptor)

    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout
    assert section(report, "Figures changed") == ["| `smart-factories` | value | 8,000 | 8,500 |"]
    assert [line.split(" | ")[0] for line in section(report, "Figures added")] == [
        "| `smart-factories-added`"
    ]
    assert [line.split(" | ")[0] for line in section(report, "Figures removed")] == [
        "| `smart-factory-cost-reduction`"
    ]
    assert [line.split(" | ")[0] for line in section(report, "Corrections added")] == [
        "| `smart-factories-revision`"
    ]
    assert section(report, "Checks whose outcome changed") == []
    assert section(report, "Other changes") == []
    assert section(report, "Problems") == []
    assert f"**Version:** {before.version} → {MAJOR} (major release)" in report


def test_a_changed_value_without_a_correction_row_is_refused_with_the_row_to_add(copy):
    copy.reprint("smart-factories", "8500", "8,500")
    copy.release(MINOR)

    result = diff(ROOT / "datapackage/datapackage.json", copy.descriptor)

    assert result.returncode == 1
    base = load_package(ROOT / "datapackage/datapackage.json")
    row = base.figures["smart-factories"].row
    assert (
        f"datapackage/data/figures.csv:{row}:value: `smart-factories` changed from 8,000 to 8,500 "
        "without a correction: datapackage/data/corrections.csv: add a row with "
        "id=smart-factories-revision, figure=smart-factories, field=value, printed=8000, used=8500, "
        f"kind=revision, reason=(what was wrong, and the evidence), date={TODAY}, version={MINOR}"
    ) in result.stdout
    assert "1 problem(s) to fix before merging" in result.stderr


def test_a_changed_value_under_the_released_version_is_sent_to_make_correct(copy):
    version = load_package(ROOT / "datapackage/datapackage.json").version
    copy.reprint("smart-factories", "8500", "8,500")

    result = diff(ROOT / "datapackage/datapackage.json", copy.descriptor)

    assert result.returncode == 1
    assert (
        f"`smart-factories` changed from 8,000 to 8,500 since {version} without a correction: put the value "
        "back and run `make correct FIGURE=smart-factories VALUE=8500"
    ) in result.stdout
    assert "bump" not in result.stdout  # the release step gives the version, not the contributor


def test_a_correction_row_written_by_hand_under_the_released_version_is_sent_to_make_correct(copy):
    version = load_package(ROOT / "datapackage/datapackage.json").version
    major, minor, _ = (int(p) for p in version.split("."))
    copy.reprint("smart-factories", "8500", "8,500")
    copy.add("corrections", **correction("smart-factories", "8000", "8500", f"{major}.{minor + 1}.0"))

    result = diff(ROOT / "datapackage/datapackage.json", copy.descriptor)

    assert result.returncode == 1
    assert f"is written as released in {major}.{minor + 1}.0, but {version} is already out" in result.stdout


def test_a_removed_figure_needs_a_major_release(copy):
    version = load_package(ROOT / "datapackage/datapackage.json").version
    major, minor, _ = (int(p) for p in version.split("."))
    copy.remove("figures", "smart-factory-cost-reduction")
    copy.release(f"{major}.{minor + 1}.0")

    result = diff(ROOT / "datapackage/datapackage.json", copy.descriptor)

    assert result.returncode == 1
    assert f"only went to {major}.{minor + 1}.0: this is a major release" in result.stdout
    assert f"to {major + 1}.0.0" in result.stdout


def test_a_label_edit_is_a_patch_release(copy):
    old = load_package(ROOT / "datapackage/datapackage.json")
    copy.set("figures", "smart-factories", label="Factories that adopted smart manufacturing")
    new = load_package(copy.descriptor)

    changes = compare(old, new)

    assert changes.required == "patch"
    assert [(c.figure, c.field) for c in changes.changed] == [("smart-factories", "label")]


def test_a_korean_label_edit_is_a_patch_release(copy):
    old = load_package(ROOT / "datapackage/datapackage.json")
    copy.set("figures", "smart-factories", label_ko="스마트 기술을 도입한 제조 공장(스마트공장)")

    changes = compare(old, load_package(copy.descriptor))

    assert changes.required == "patch"
    assert [(c.figure, c.field) for c in changes.changed] == [("smart-factories", "label_ko")]


def test_a_schema_reworded_in_either_language_is_a_patch_and_a_new_constraint_is_major(copy):
    old = load_package(ROOT / "datapackage/datapackage.json")
    descriptor = json.loads(copy.descriptor.read_text(encoding="utf-8"))
    fields = next(r for r in descriptor["resources"] if r["name"] == "figures")["schema"]["fields"]
    field = next(f for f in fields if f["name"] == "qualifier")
    field["description"] += " Reworded."
    field["description_ko"] += " 고쳐 씀."
    copy.descriptor.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    assert compare(old, load_package(copy.descriptor)).required == "patch"

    field.setdefault("constraints", {})["maxLength"] = 40
    copy.descriptor.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert compare(old, load_package(copy.descriptor)).required == "major"


def test_korean_rewording_in_any_table_is_a_patch_release_and_an_english_edit_is_not(copy):
    old = load_package(ROOT / "datapackage/datapackage.json")
    copy.set("sources", "etnews-2021-07-22", attribution_ko="전자신문 보도(2021년 7월 22일)")
    copy.set(
        "checks", "non-ict-share", explanation_ko="영문 보도자료의 비ICT 기업 비율은 두 수치와 맞지 않습니다."
    )

    assert compare(old, load_package(copy.descriptor)).required == "patch"

    copy.set("checks", "non-ict-share", explanation="The share does not follow from the two counts.")
    assert compare(old, load_package(copy.descriptor)).required == "minor"


def test_a_new_column_and_resource_are_reported_once_not_row_by_row(copy, tmp_path):
    """An older version without label_ko and terms.csv, as version 3.0.0 was published."""
    descriptor = json.loads(copy.descriptor.read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "terms"]
    figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
    figures["schema"]["fields"] = [f for f in figures["schema"]["fields"] if f["name"] != "label_ko"]
    copy.descriptor.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = copy.rows("figures")
    for row in rows:
        del row["label_ko"]
    path = copy.root / "data" / "figures.csv"
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    (copy.root / "data" / "terms.csv").unlink()

    old = load_package(copy.descriptor, as_published=True)
    report = markdown(compare(old, load_package(ROOT / "datapackage/datapackage.json")), "old", "new")

    assert section(report, "Figures changed") == []
    other = section(report, "Other changes")
    assert "- columns added: `figures.label_ko`" in other
    assert any(line.startswith("- terms added: `digital-new-deal`") for line in other)
    assert "the changes call for at least a major release" in report


def test_a_check_whose_outcome_changes_is_listed_before_and_after(copy):
    copy.reprint("public-wifi-added", "10500", "10,500")
    copy.set("checks", "public-wifi-added", expected="fails")
    copy.add("corrections", **correction("public-wifi-added", "10000", "10500", MINOR))
    old, new = load_package(ROOT / "datapackage/datapackage.json"), load_package(copy.descriptor)

    report = markdown(compare(old, new), "old", "new")

    (row,) = section(report, "Checks whose outcome changed")
    assert row.startswith("| `public-wifi-added` | holds: ")
    assert "| fails: " in row


def test_data_text_cannot_break_the_report_table(copy):
    copy.set("figures", "smart-factories", label="Factories | <b>smart</b>")
    old, new = load_package(ROOT / "datapackage/datapackage.json"), load_package(copy.descriptor)

    (row,) = section(markdown(compare(old, new), "old", "new"), "Figures changed")

    assert row.endswith("| Factories **\\| &lt;b&gt;smart&lt;/b&gt;** |")  # inert, the changed words marked


# Git revisions, as `make diff BASE=origin/main` passes them


@pytest.fixture
def repository(tmp_path) -> Path:
    """A git repository holding the data package in one commit."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "datapackage", repo / "datapackage")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "datapackage"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-q", "-m", "data"], check=True)
    return repo


def test_a_git_revision_is_read_as_committed(repository):
    Copy(repository / "datapackage").reprint("smart-factories", "8500", "8,500")

    result = diff("main", "datapackage/datapackage.json", cwd=repository)

    assert "| `smart-factories` | value | 8,000 | 8,500 |" in result.stdout
    assert diff("main", "main", cwd=repository).returncode == 0


def test_an_unknown_revision_is_named(repository):
    result = diff("no-such-branch", "datapackage/datapackage.json", cwd=repository)
    assert result.returncode == 2
    assert "'no-such-branch' is neither a datapackage.json file nor a git revision" in result.stderr


def test_an_old_revision_that_todays_loader_refuses_is_reported_as_such(repository):
    figures = repository / "datapackage/data/figures.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(",8000,factories,", ",eight thousand,factories,"),
        encoding="utf-8",
    )
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.invalid",
            "-C",
            str(repository),
            "commit",
            "-q",
            "-am",
            "a value its own schema refuses",
        ],
        check=True,
    )

    result = diff("HEAD", ROOT / "datapackage/datapackage.json", cwd=repository)

    assert result.returncode == 2
    assert "the old package (HEAD) does not load with today's loader" in result.stderr
    assert "figures.csv:" in result.stderr and ":value: 'eight thousand' is not a number" in result.stderr


def test_a_removed_id_and_an_added_id_with_the_same_number_are_reported_as_a_likely_rename(copy):
    rows = copy.rows("figures")
    for row in rows:
        if row["id"] == "smart-factories":
            row["id"] = "smart-factories-built"
    copy.write("figures", rows)
    old = load_package(ROOT / "datapackage/datapackage.json")

    report = markdown(compare(old, load_package(copy.descriptor)), "old", "new")

    assert "`smart-factories` was removed and `smart-factories-built` added with the same number" in report


def git_at(repo: Path, day: str, *args: str) -> None:
    """Run git in `repo` as if on `day`, so a test does not depend on when it runs."""
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", "-C", str(repo), *args],
        check=True,
        env=env,
    )


def test_created_is_judged_against_the_day_of_the_commit_that_releases_the_version(repository):
    copy = Copy(repository / "datapackage")
    copy.set("figures", "smart-factories", label="Factories with smart technologies")
    patch = bump(CURRENT, "patch")
    descriptor = json.loads(copy.descriptor.read_text(encoding="utf-8"))
    descriptor.update(version=patch, created="2030-01-02T00:00:00Z")
    copy.descriptor.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    assert diff("main", "datapackage/datapackage.json", cwd=repository).returncode == 0, "not committed yet"
    git_at(repository, "2030-01-02", "commit", "-q", "-am", "release")
    assert diff("main~0^", "HEAD", cwd=repository).returncode == 0
    git_at(repository, "2030-01-09", "commit", "-q", "--amend", "--no-edit", "--reset-author")

    late = diff("HEAD^", "HEAD", cwd=repository)
    assert late.returncode == 1
    assert (
        f'"created" says 2030-01-02T00:00:00Z, but the commit that releases {patch} is dated 2030-01-09: '
        'set it to "2030-01-09T00:00:00Z"'
    ) in late.stdout


def test_the_current_release_as_committed_passes_against_the_commit_before_it_on_any_day():
    # The release commit, not the working tree: corrections may wait in changes/ for the next release.
    version = load_package(ROOT / "datapackage/datapackage.json").version
    commits = subprocess.run(
        ["git", "log", "--format=%H", "-G", f'"version": *"{version}"', "--", "datapackage/datapackage.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    if not commits:
        pytest.skip(
            "the current version is not committed yet, or there is no git history (a tarball, a shallow clone)"
        )
    release = commits[-1]
    result = diff(f"{release}^", release)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_hand_edit_no_change_file_names_is_told_the_file_and_its_one_line_in_plain_words(copy):
    figure = "smart-micro-businesses"
    row = next(r for r in copy.rows("figures") if r["id"] == figure)
    copy.set("figures", figure, quote=row["quote"].replace("About", "Some"))

    result = diff(ROOT / "datapackage/datapackage.json", copy.descriptor)

    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if "no change in changes/ names it" in line]
    assert (
        f"write changes/{figure}.yaml holding one line, entry: followed by what changed in `{figure}` "
        f"and why (the Korean is written at the release; `make correct FIGURE={figure}` writes it for a "
        "value, a printed form or a quote)"
    ) in line
    assert "`entry:" not in line  # no code span holding another one


def test_a_reader_who_stops_reading_the_report_ends_it_quietly():
    # `make diff | head`: the reader closes the pipe before the report is written.
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "HEAD", str(ROOT / "datapackage/datapackage.json")],
            cwd=ROOT,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)
    assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr, result.stderr
    assert result.returncode == 0
