"""The source audit: every number in the release is accounted for, and it notices what is not."""

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from macros.data.package import load_package
from macros.tools.audit import audit, redact

ROOT = Path(__file__).resolve().parents[1]
SOURCE = os.environ.get("DND_SOURCE_TEXT")
# The release with every word the audit does not read masked: it runs where the text is not (GitHub CI).
REDACTED = ROOT / "tests" / "fixtures" / "release-redacted.txt"


def synthetic_release(package) -> str:
    """A text laid out like the release: each topic's marker, then the figures it states, as printed."""
    lines, last_marker = [], None
    for topic in sorted(package.topics.values(), key=lambda t: t.order):
        if topic.marker and topic.marker != last_marker:
            lines.append(topic.marker)
            last_marker = topic.marker
        for figure in package.figures.values():
            if package.source_of(figure).outlined and any(loc.topic == topic.id for loc in figure.locators):
                lines.append(f"- a fact stated as {figure.as_printed} here")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def package():
    return load_package()


def test_a_text_holding_exactly_the_figures_is_fully_accounted_for(package):
    result = audit(synthetic_release(package), package, quotes=False)
    assert result.problems == []
    release = [f for f in package.figures.values() if package.source_of(f).outlined]
    assert result.accounted["figure"] + result.accounted["dated phrase"] >= len(release)


def test_a_number_no_figure_accounts_for_is_reported_with_its_place(package):
    text = synthetic_release(package).replace("[5]\n", "[5]\nand 999 robots were counted\n")
    (problem,) = audit(text, package, quotes=False).problems
    assert "'999'" in problem.message and "topic 'leap-technologies'" in problem.message
    assert problem.row == text.splitlines().index("and 999 robots were counted") + 1


def test_a_figure_printed_elsewhere_than_its_locator_is_reported(package):
    text = synthetic_release(package).replace("stated as 407 here", "stated as four hundred here")
    text = text.replace("[Inclusiveness]\n", "[Inclusiveness]\nsee 407\n")
    messages = [str(p) for p in audit(text, package, quotes=False).problems]
    assert any(
        ":as_printed: '407' is not in the release text at leap-technologies (patents-granted)" in m
        for m in messages
    )
    assert any("'407' in topic 'inclusiveness'" in m for m in messages)


def test_structure_and_periods_are_not_mistaken_for_figures(package):
    text = synthetic_release(package).replace(
        "[6]\n", "[6]\nIn the 2019 and 2020 editions, see item [6]\n2. A numbered heading\n"
    )
    assert audit(text, package, quotes=False).problems == []


def test_the_release_has_no_number_left_over_and_every_as_printed_is_where_its_locator_says():
    run = subprocess.run(
        [sys.executable, "scripts/audit_source.py", "--source", SOURCE or str(REDACTED)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "all 195 number tokens accounted for" in run.stdout
    assert "all 117 quotes found verbatim" in run.stdout


def test_a_release_quote_that_is_not_the_releases_sentence_is_located_by_row_and_field(package):
    """Run on the redacted copy (or the real text where there is one): one altered quote, one problem."""
    text = Path(SOURCE).read_text(encoding="utf-8") if SOURCE else REDACTED.read_text(encoding="utf-8")
    figure = package.figures["patents-granted"]
    altered = replace(figure, quote=figure.quote.replace("acquired", "won"))
    package = replace(package, figures={**package.figures, figure.id: altered})
    (problem,) = audit(text, package).problems
    assert (problem.path, problem.row, problem.field) == ("datapackage/data/figures.csv", figure.row, "quote")
    assert "'patents-granted' is not in the release text verbatim" in problem.message


def test_every_release_quote_is_found_whatever_the_line_breaks(package):
    text = REDACTED.read_text(encoding="utf-8").replace(" ", "\n")
    assert [p for p in audit(text, package).problems if p.field == "quote"] == []


@pytest.mark.skipif(not SOURCE, reason="set DND_SOURCE_TEXT to the release text to compare (.ci/run does)")
def test_the_shipped_redaction_is_the_release_masked_and_audits_the_same(package):
    text = Path(SOURCE).read_text(encoding="utf-8")
    assert REDACTED.read_text(encoding="utf-8") == redact(text, package), (
        "tests/fixtures/release-redacted.txt is stale: run `make audit REDACTED=tests/fixtures/release-redacted.txt`"
    )
    real, masked = audit(text, package), audit(REDACTED.read_text(encoding="utf-8"), package)
    assert (real.accounted, real.problems) == (masked.accounted, masked.problems)


def test_the_redaction_keeps_no_sentence_of_the_release():
    words = [w for w in REDACTED.read_text(encoding="utf-8").split() if w.isalpha()]
    masked = sum(set(w) == {"x"} for w in words)
    assert masked / len(words) > 0.6
