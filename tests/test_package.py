"""The data package as a data user meets it: valid, consistent with the release, arithmetic evaluated."""

import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.package import load_package
from macros.data.validation import stock_problems

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = ROOT / "datapackage" / "datapackage.json"


@pytest.fixture(scope="module")
def package():
    return load_package(DESCRIPTOR)


def test_the_stock_frictionless_validation_finds_nothing():
    assert stock_problems(DESCRIPTOR) == []


def test_make_validate_prints_every_check_and_a_one_line_summary():
    run = subprocess.run([sys.executable, "scripts/validate.py"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert lines[-1].startswith("datapackage/datapackage.json: valid, version ")
    assert "figures" in lines[-1] and "fail as the release does" in lines[-1]
    assert (
        "non-ict-share: fails: 12,000 ÷ 127,000 × 100 = 9.4488, against a stated 94.6; "
        "as printed, exactly 9.4488 against from 94.55 to 94.65" in lines
    )


def test_the_misprinted_voucher_count_is_kept_as_printed_and_corrected_in_the_open(package):
    figure = package.figures["voucher-smes-restated"]
    assert figure.as_printed == "12,7000" and figure.value == 127000
    (correction,) = [c for c in package.corrections if c.figure == figure.id]
    assert (correction.field, correction.printed, correction.used, correction.kind) == (
        "value",
        "12,7000",
        "127000",
        "release-typo",
    )


def test_values_are_stored_in_base_units(package):
    assert package.figures["budget-invested"].value == 10_100_000_000_000
    assert package.figures["people-benefiting"].value == 2_200_000
    assert package.figures["imd-rank-2020"].value == 8
    assert package.figures["dnd-launch-date"].value is None
    assert package.figures["dnd-launch-date"].period.text == "2020-07-14"


def test_figures_stated_twice_with_different_qualifiers_are_two_figures_related_by_a_check(package):
    pairs = {
        ("businesses-participating-headline", "businesses-participating"),
        ("people-benefiting-headline", "people-benefiting"),
        ("data-market-growth-headline", "data-market-growth"),
    }
    for headline, body in pairs:
        assert package.figures[headline].qualifier != package.figures[body].qualifier
        assert any(
            c.kind == "equal" and c.result == headline and c.operands == (body,) for c in package.checks
        )


def test_the_release_contradicts_itself_once_and_the_package_says_so(package):
    failing = [o.check.id for o in package.outcomes if o.status == "fails"]
    assert failing == ["non-ict-share"]


@pytest.mark.parametrize(
    ("check", "computed"),
    [
        ("non-ict-share", 9.4488),
        ("data-market-growth-rate", 14.2012),
        ("data-service-growth-multiple", 2.8651),
        ("ai-service-growth-multiple", 4.5045),
        ("smes-share-of-participants", 95.8824),
        ("ai-readiness-rank-rise", 19),
        ("budget-by-source", 10.1e12),
    ],
)
def test_checks_compute_the_numbers_the_release_implies(package, check, computed):
    (outcome,) = [o for o in package.outcomes if o.check.id == check]
    assert outcome.computed == pytest.approx(computed, rel=1e-4)
