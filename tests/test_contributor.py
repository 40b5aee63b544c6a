"""The contributor path: a newcomer corrects a figure in a fresh clone, exactly as CONTRIBUTING.md says.

The journey follows the guide in a `git clone` of the committed repository: the id found with a grep,
one `make correct` (a value the release misprints, so the release's text still holds the figure's
printed form and quote), a mistyped id refused, `make check` clear without a word of Korean, with the
source audit and without it, the reviewer's `make diff`; then the maintainer's `make release`, refused
until the Korean is written, and the built site with the new value, the correction and the version.
The guide cannot go stale: every `console` block in it is run here in order, as written (its numbers
and placeholders mapped to the journey's), and its output must be what the tools print, with make's
own line after a command that fails (numbers aside, and `...` standing for lines left out).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import clone_repository

from macros.data.changes import unreleased_words
from macros.data.package import load_package
from macros.data.words import plain
from macros.tools.diff import compare
from macros.tools.release_notes import release_notes

pytestmark = pytest.mark.cost(45)

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "CONTRIBUTING.md"
FIGURE = "smart-factories"
MISSING = "smart-factory-quality-growth"
SOURCE_NAME = "msit-press-release-2021-08-30.txt"
TODAY = dt.datetime.now(dt.UTC).date()
# The guides name no version as a fact: these stand for the version and the day wherever they are shown.
VERSION, DAY, DATE = "X.Y.Z", "YYYY-MM-DD", "D Month YYYY"
# What each `make` target of the guide runs, as the Makefile's recipes do (a test holds them together);
# a target's variables reach the script as environment variables.
COMMANDS = {
    "make validate": ["scripts/validate.py", "datapackage/datapackage.json"],
    "make check": ["scripts/check.py"],
    "make diff": ["scripts/diff_package.py", "origin/main", "datapackage/datapackage.json"],
    "make audit": ["scripts/audit_source.py", "--source", f"../shared/source/{SOURCE_NAME}"],
    "make correct": ["scripts/correct.py"],
    "make release": ["scripts/release.py"],
}
# The Korean a maintainer writes into the change file before the release.
KOREAN = {
    "entry_ko": "`smart-factories`를 바로잡았습니다. 수를 잘못 옮겨 적었습니다.",
    "reason_ko": "수를 잘못 옮겨 적었습니다.",
    "reference_ko": "도약 축, 기업의 디지털 전환, 첫 문단",
}
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def make_error(target: str) -> str:
    """The line GNU make adds when a target's recipe fails: the Makefile's line of the recipe."""
    lines = MAKEFILE.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    return f"make: *** [Makefile:{start + 2}: {target}] Error 1"


@dataclass
class Run:
    command: str
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """What the terminal shows: the tool's output, and make's own line when the target failed."""
        words = self.command.split()
        failed = words[0] == "make" and self.returncode != 0
        return self.stdout + self.stderr + (make_error(words[1]) + "\n" if failed else "")


@dataclass
class Journey:
    clone: Path
    old_value: float
    new_value: float
    old_version: str
    new_version: str
    runs: list[Run]
    written: list[str]  # `git status --short` after make correct
    unsourced: Run  # make check on the correction, without the release's text
    misprinted: Run  # make check on a PRINTED= correction the release does not print, with its text
    unreleased: str  # the footer's words for what waits after the correction
    refused: list[str]  # `git status --short` after the release was refused
    checked: Run  # make check on the release, before its commit
    build: Run

    def page(self, path: str) -> str:
        return (self.clone / "site" / path / "index.html").read_text(encoding="utf-8")


def guide_blocks(kind: str) -> list[str]:
    """The text of every fenced block of a kind (console, csv, markdown) in CONTRIBUTING.md, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    return [re.sub(r"(?m)^  ", "", block) for block in re.findall(rf"(?ms)^ *```{kind}\n(.*?)^ *```", text)]


def console_blocks() -> list[tuple[str, list[str]]]:
    """(command, the output lines it shows) for every `console` block of the guide."""
    blocks = []
    for block in guide_blocks("console"):
        first, *rest = block.strip("\n").splitlines()
        blocks.append((first.removeprefix("$ ").strip(), [line for line in rest if line.strip()]))
    return blocks


def shape(line: str) -> str:
    """A line with its numbers blanked: the guide's example may be older than today's counts."""
    return re.sub(r"\d+", "0", line.strip())


def shows(expected: list[str], actual: list[str]) -> bool:
    """Whether the guide's lines are the output's lines in order, `...` standing for any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(shows(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and shape(expected[0]) == shape(actual[0]) and shows(expected[1:], actual[1:])


def as_shown(block: str, **values: str) -> str:
    """The guide's text with its example's numbers replaced by the journey's."""
    for shown, real in values.items():
        block = block.replace(shown, real)
    return block


def git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(clone), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def journey(tmp_path_factory) -> Journey:
    clone = clone_repository(tmp_path_factory.mktemp("contributor") / "repo")
    # `make diff` compares with origin/main; pin it to the commit cloned, whatever branch ROOT is on (CI may be detached).
    git(clone, "update-ref", "refs/remotes/origin/main", "HEAD")
    environment = {
        **os.environ,
        "PYTHONPATH": str(clone),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1630281600",
    }
    for name in ("DND_DATAPACKAGE", "DND_REPO_URL", "DND_SITE_URL", "DND_SOURCE_TEXT", "SOURCE", "DATE"):
        environment.pop(name, None)
    if list((clone / "changes").glob("*.yaml")):
        # The guide tells one correction on a main where nothing else waits: what waits is released first,
        # as a maintainer does (its Korean is written on main).
        done = subprocess.run(
            [sys.executable, *COMMANDS["make release"]],
            cwd=clone,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        git(clone, "add", "-A")
        git(
            clone,
            "-c",
            "user.name=M",
            "-c",
            "user.email=m@example.org",
            "commit",
            "-qm",
            "Release what waited",
        )
        git(clone, "update-ref", "refs/remotes/origin/main", "HEAD")
    package = load_package(clone / "datapackage" / "datapackage.json")
    old_value = package.figures[FIGURE].value
    new_value = old_value + 500
    new_version = "{}.{}.0".format(*(int(p) + (i == 1) for i, p in enumerate(package.version.split(".")[:2])))
    numbers = {
        "8,500": plain(new_value),
        "8500": plain(new_value).replace(",", ""),
        VERSION: new_version,
        DAY: TODAY.isoformat(),
    }
    runs: list[Run] = []

    def run(line: str) -> Run:
        if not line.startswith("make "):  # a shell command, such as the grep that finds an id
            done = subprocess.run(["bash", "-c", line], cwd=clone, capture_output=True, text=True, timeout=60)
            return Run(line, done.returncode, done.stdout, done.stderr)
        words = shlex.split(as_shown(line, **numbers))
        command = " ".join(words[:2])
        variables = dict(word.split("=", 1) for word in words[2:])
        done = subprocess.run(
            [sys.executable, *COMMANDS[command]],
            cwd=clone,
            env={**environment, **variables},
            capture_output=True,
            text=True,
            timeout=300,
        )
        return Run(line, done.returncode, done.stdout, done.stderr)

    # The release's text beside the clone, as the guide asks a contributor to save it. Where it is not
    # here (CI), its masked copy stands in: it keeps every number and heading in place, so the audit
    # gives the same answer.
    source = Path(os.environ.get("DND_SOURCE_TEXT") or ROOT.parent / "shared" / "source" / SOURCE_NAME)
    link = clone.parent / "shared" / "source" / SOURCE_NAME
    link.parent.mkdir(parents=True)
    link.symlink_to(source.resolve() if source.is_file() else ROOT / "tests/fixtures/release-redacted.txt")

    # The audit of "Add a missing figure", with the release's own text only (its message names a column).
    audit = None
    if source.is_file():
        figures = clone / "datapackage" / "data" / "figures.csv"
        complete = figures.read_text(encoding="utf-8")
        figures.write_text(
            "".join(line for line in complete.splitlines(True) if not line.startswith(f"{MISSING},")),
            encoding="utf-8",
        )
        audit = run("make audit")
        figures.write_text(complete, encoding="utf-8")

    # The guide's aside: a printed form the release does not print is refused by the audit; then undone.
    assert run(f"make correct FIGURE={FIGURE} PRINTED=8,500 REASON=Copied. REFERENCE=There.").returncode == 0
    misprinted = run("make check")
    git(clone, "checkout", "--", "datapackage")
    git(clone, "clean", "-fdq", "changes")

    blocks = [command for command, _ in console_blocks() if command != "make audit"]
    find, correct, mistyped, check, diff, refused, release = blocks
    for line in (find, correct, mistyped, check, diff):
        runs.append(run(line))
    written = git(clone, "status", "--short", "--untracked-files=all").splitlines()
    # The contributor who has not saved the release's text: the rest is checked, and it says so.
    link.rename(link.with_name("aside"))
    unsourced = run("make check")
    link.with_name("aside").rename(link)
    unreleased = unreleased_words(load_package(clone / "datapackage" / "datapackage.json").changes)
    git(clone, "add", "-A")
    git(clone, "-c", "user.name=A. Reader", "-c", "user.email=reader@example.org", "commit", "-qm", "Correct")

    # The maintainer's step: the release refuses without the Korean, then releases.
    runs.append(run(refused))
    refused_status = git(clone, "status", "--short").splitlines()
    (change,) = (clone / "changes").glob("*.yaml")
    document = yaml.safe_load(change.read_text(encoding="utf-8"))
    document["entry_ko"] = KOREAN["entry_ko"]
    document["correction"].update(reason_ko=KOREAN["reason_ko"], reference_ko=KOREAN["reference_ko"])
    change.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    runs.append(run(release))
    checked = run("make check")
    if audit:
        runs.append(audit)

    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", "site"],
        cwd=clone,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Journey(
        clone,
        old_value,
        new_value,
        package.version,
        new_version,
        runs,
        written,
        unsourced,
        misprinted,
        unreleased,
        refused_status,
        checked,
        Run("build", build.returncode, build.stdout, build.stderr),
    )


def shown_as(journey: Journey) -> dict[str, str]:
    """What the guide's example numbers and placeholders stand for in the journey."""
    return {
        "8,500": plain(journey.new_value),
        "8500": plain(journey.new_value).replace(",", ""),
        VERSION: journey.new_version,
        DAY: TODAY.isoformat(),
    }


# The journey, as the guide tells it


def test_the_guide_runs_the_commands_the_journey_runs_in_its_order(journey):
    commands = [command for command, _ in console_blocks()]
    ran = [run.command for run in journey.runs]
    assert commands[: len(ran)] == ran or commands == [*ran[:-1], "make audit"][: len(commands)]
    assert len(commands) - len(ran) in (0, 1), "a console block the journey does not run"


def test_every_console_block_shows_what_the_tool_prints(journey):
    for (command, expected), run in zip(console_blocks(), journey.runs, strict=False):
        actual = [line for line in run.output.splitlines() if line.strip()]
        expected = [as_shown(line, **shown_as(journey)) for line in expected]
        assert shows(expected, actual), (
            f"CONTRIBUTING.md shows for `{command}`:\n"
            + "\n".join(expected)
            + "\n\nbut it printed:\n"
            + "\n".join(actual)
        )


def test_the_guides_grep_finds_the_figures_id_and_label_without_serving(journey, package):
    result = journey.runs[0]
    assert result.returncode == 0, result.output
    assert f"{FIGURE},{package.figures[FIGURE].label}" in result.stdout.splitlines()


def test_one_command_writes_the_figure_and_one_change_file_and_nothing_else(journey):
    assert journey.runs[1].returncode == 0, journey.runs[1].output
    assert sorted(journey.written) == sorted(
        [" M datapackage/data/figures.csv", f"?? changes/{FIGURE}-typo.yaml"]
    )


def test_a_mistyped_id_is_refused_with_a_did_you_mean_and_nothing_written(journey):
    result = journey.runs[2]
    assert result.returncode == 1
    assert f"did you mean '{FIGURE}'?" in result.stderr
    assert result.stderr.strip().endswith("make correct: nothing was written")


def test_make_check_is_clear_for_a_contributor_who_writes_no_korean_with_the_release_text(journey):
    result = journey.runs[3]
    assert result.returncode == 0, result.output
    assert result.stdout.splitlines() == [
        "make check: all clear (data and pages, change against origin/main, source audit, ruff)"
    ]


def test_without_the_release_text_make_check_says_so_first_and_checks_the_rest(journey):
    result = journey.unsourced
    assert result.returncode == 0, result.output
    skipped, clear = result.stdout.splitlines()
    assert clear.startswith("make check: all clear") and "source audit" not in clear
    assert skipped.startswith("audit: skipped, the release's text is not at ")
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    assert "`audit: skipped, the release's text is not at …`" in guide


def test_the_audit_refuses_a_printed_form_the_release_does_not_print_as_the_guide_shows(journey):
    result = journey.misprinted
    assert result.returncode == 1
    actual = [line for line in result.output.splitlines() if line.strip()]
    (shown,) = guide_blocks("text")
    for line in shown.strip().splitlines():
        assert any(shape(as_shown(line, **shown_as(journey))) == shape(a) for a in actual), (line, actual)


def test_the_diff_lists_exactly_the_change_and_its_correction_with_its_reference(journey):
    result = journey.runs[4]
    assert result.returncode == 0, result.output
    old, new = plain(journey.old_value), plain(journey.new_value)
    table_rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    # A misprint: the value changes, the printed form and the quote stay the release's.
    assert table_rows[0] == f"| `{FIGURE}` | value | {old} | {new} |"
    assert table_rows[1].startswith(f"| `{FIGURE}-typo` | `{FIGURE}` | value | {old} | ")
    assert "| release-typo | not released yet |" in table_rows[1]
    assert table_rows[1].endswith("| Leap forward, digitalisation of businesses, first paragraph |")
    assert "### Figures added" not in result.stdout and "### Problems" not in result.stdout


def test_the_release_refuses_without_the_korean_and_writes_nothing(journey):
    result = journey.runs[5]
    assert result.returncode == 1
    assert f"changes/{FIGURE}-typo.yaml:entry_ko: write the entry in Korean" in result.stderr
    assert journey.refused == []


def test_the_release_derives_version_day_corrections_changelog_and_citation(journey):
    assert journey.runs[6].returncode == 0, journey.runs[6].output
    clone = journey.clone
    descriptor = json.loads((clone / "datapackage/datapackage.json").read_text())
    assert (descriptor["version"], descriptor["created"]) == (journey.new_version, f"{TODAY}T00:00:00Z")
    citation = yaml.safe_load((clone / "CITATION.cff").read_text(encoding="utf-8"))
    assert (citation["version"], str(citation["date-released"])) == (journey.new_version, TODAY.isoformat())
    assert citation["identifiers"][0]["value"] == f"data/download/{journey.new_version}/datapackage.zip"
    row = (clone / "datapackage/data/corrections.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert row.startswith(f"{FIGURE}-typo,{FIGURE},value,") and f",{TODAY},{journey.new_version}," in row
    changelog = (clone / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog[changelog.index(f"## {journey.new_version} ({TODAY})") :]
    assert f"  한국어: {KOREAN['entry_ko']}" in section.split("\n## ")[0]
    assert not list((clone / "changes").glob("*.yaml"))
    assert journey.checked.returncode == 0, journey.checked.output


def test_the_audit_names_a_number_no_figure_accounts_for(journey):
    audits = [run for run in journey.runs if run.command == "make audit"]
    if not audits:
        pytest.skip("the release text is not here (set DND_SOURCE_TEXT)")
    assert audits[0].returncode == 1
    assert (
        "in topic 'leap-digitalisation' is accounted for by no figure, period or structural exclusion"
        in audits[0].stdout
    )


def test_the_built_site_shows_the_new_value_the_correction_and_the_version(journey):
    assert journey.build.returncode == 0, journey.build.output
    version = journey.new_version
    links = re.findall(
        rf'<a [^>]*href="[^"]*figures/{FIGURE}/"[^>]*>(.*?)</a>', journey.page("first-year/leap-forward")
    )
    assert links and all(plain(journey.new_value) in text for text in links)
    own = journey.page(f"figures/{FIGURE}")
    assert plain(journey.new_value) in own and f"{FIGURE}-typo" in own
    assert f'id="correction-{FIGURE}-typo"' in journey.page("data/corrections")
    for path in ("", "first-year/leap-forward", "data/corrections"):
        assert f">{version}</a> of {TODAY.day} {TODAY:%B %Y}." in journey.page(path)
    assert f"{version} ({TODAY.isoformat()})" in journey.page("about/changelog")
    korean = re.sub("<[^>]+>", "", journey.page(f"ko/figures/{FIGURE}"))
    assert "수를 잘못 옮겨 적었습니다" in korean  # the entry and the reason, in Korean


def test_the_guides_name_no_version_as_a_fact():
    """A version typed in a guide is wrong after the next release: the guides write X.Y.Z."""
    for name in ("CONTRIBUTING.md", "README.md", "ARCHITECTURE.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        typed = re.findall(r"(?<![\d.])\d+\.\d+\.\d+(?![\d.])", text)
        assert not typed, f"{name} names versions that will go stale: {typed}"


def test_the_footer_the_guides_quote_is_the_footer_the_site_writes(journey):
    template = (ROOT / "overrides/partials/copyright.html").read_text(encoding="utf-8")
    # The sentence the footer writes while changes wait (it has another for a site with none).
    (sentence,) = re.findall(r'tr\(lang, "(Data version \{version\}[^"]*\{unreleased\}[^"]*)"\)', template)
    footer = sentence.format(version=VERSION, date=DATE, unreleased=journey.unreleased)
    assert footer.endswith("This site also shows 1 unreleased correction.")
    for name in ("CONTRIBUTING.md", "README.md"):
        assert footer in " ".join((ROOT / name).read_text(encoding="utf-8").split()), name


def test_the_guides_make_targets_run_the_scripts_the_journey_runs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command, args in COMMANDS.items():
        target = command.split()[1]
        recipe = re.search(rf"(?ms)^{target}:.*?\n\t(.*?)$", makefile)
        assert recipe and args[0] in recipe.group(1), f"make {target} no longer runs {args[0]}"


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


def test_the_current_versions_changelog_section_and_citation_are_complete(package, tmp_path):
    released = package
    if package.changes:
        # What waits in changes/ is not in the release: judge the release's data as its commit holds it,
        # against today's CHANGELOG.md and CITATION.cff.
        from macros.tools.releases import release_commit

        found = release_commit(package.path, package.version)
        if found is None:
            pytest.skip("no git history to find the release in")
        tar = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", found[0], "datapackage"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tmp_path)], input=tar, check=True)
        for name in ("CHANGELOG.md", "CITATION.cff"):
            (tmp_path / name).write_bytes((ROOT / name).read_bytes())
        released = load_package(tmp_path / "datapackage" / "datapackage.json", as_published=True)
    assert [str(note) for note in release_notes(compare(released, released))] == []


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
    for duty in ("evidence", "changes/", "make check", "make diff", "version", "Korean"):
        assert any(duty in check for check in checks), duty


def test_ci_checks_first_tests_every_push_and_reports_the_data_diff_on_pull_requests():
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    assert {"push", "pull_request"} <= set(workflow[True])  # YAML reads the key `on` as true
    steps = workflow["jobs"]["test"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert any(s.get("with", {}).get("python-version") == "3.11" for s in steps)
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "DND_CHROMIUM=" in runs and "GITHUB_ENV" in runs and "make test" in runs
    commands = [s.get("run", "") for s in steps if s.get("run", "").startswith("make")]
    assert commands[0].startswith("make check BASE=origin/"), "CI answers a contributor in seconds first"
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


def test_every_page_footer_names_the_data_version_date_and_licences(built_site, package):
    created = dt.date.fromisoformat(package.descriptor["created"][:10])
    pages = sorted(built_site.site.rglob("index.html"))
    assert len(pages) > 10
    # While changes wait in changes/, the footer goes on to say so in a sentence of its own
    # ('… 2026. This site also shows 4 unreleased changes.'; '…일). 이 사이트에는 … 반영되어 있습니다.').
    after_en, after_ko = (
        (". This site also shows <a", "). 이 사이트에는 <a") if package.changes else (".", ").")
    )
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<div class="md-copyright">') :]
        # The Korean edition keeps the date on one line in a span of its own; the words are read without it.
        footer = re.sub(r'<span class="dnd-word">([^<]*)</span>', r"\1", footer)
        if page.relative_to(built_site.site).parts[0] == "ko":
            assert (
                f">{package.version}</a>({created.year}년 {created.month}월 {created.day}일{after_ko}"
                in footer
            ), page
            assert "MIT 라이선스" in footer and ">CC\u00a0BY\u00a04.0</a>" in footer, page
        else:
            assert f">{package.version}</a> of {created.day} {created:%B %Y}{after_en}" in footer, page
            assert "MIT licence" in footer and ">CC\u00a0BY\u00a04.0</a>" in footer, page


def shown_words(html: str) -> str:
    """A page's text as a reader sees it: no scripts, no tags, one space between words."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def test_every_page_attributes_the_release_and_the_footer_never_repeats_the_page(built_site, package):
    source = package.outlined
    # The release's figures: their citation box gives the attribution a reader copies with the value.
    attributed = {f.id for f in package.figures.values() if package.source_of(f).id == source.id}
    assert attributed and len(attributed) < len(package.figures)
    for page in sorted(built_site.site.rglob("index.html")):
        path = page.relative_to(built_site.site).parts
        attribution = source.attribution_in("ko" if path[0] == "ko" else "en").rstrip(".")
        html = page.read_text(encoding="utf-8")
        footer_at = html.index('<div class="md-copyright">')
        text, footer = shown_words(html[:footer_at]), shown_words(html[footer_at:])
        # Once in the footer, or else in the page's text (the licences page, a figure's citation box).
        assert (attribution in footer) != (attribution in text), page
        figure = path[-2] if "figures" in path[:-2] else None
        if figure in attributed:
            cite = shown_words(html[html.index('class="admonition quote dnd-cite"') : footer_at])
            assert attribution in cite and shown_words(html).count(attribution) == 1, page
        elif figure is not None:
            assert attribution in footer and shown_words(html).count(attribution) == 1, page
            # A figure from another source: the footer says the release is the site's basis, not the page's source.
            assert f"{BUILT_ON[path[0] == 'ko']} {attribution}" in footer, page


# The words that introduce the footer's attribution, in English and in Korean.
BUILT_ON = (
    "This site is built on the following press release.",
    "이 사이트는 다음 보도자료를 바탕으로 만들었습니다.",
)


def test_the_changelog_page_shows_the_changelog(built_site, package):
    html = built_site.page("about/changelog/")
    assert f"{package.version} ({package.descriptor['created'][:10]})" in html
    assert "semantic versioning" in html
