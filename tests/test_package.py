"""The data package as a data user meets it: valid, consistent with the release, arithmetic evaluated."""

import re
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


def test_make_validate_prints_one_summary_line_and_every_check_when_asked():
    quiet = subprocess.run([sys.executable, "scripts/validate.py"], cwd=ROOT, capture_output=True, text=True)
    assert quiet.returncode == 0, quiet.stderr
    (summary,) = quiet.stdout.strip().splitlines()
    assert summary.startswith("datapackage/datapackage.json: valid, version ")
    assert "figures" in summary and "fail as the release does" in summary
    assert summary.endswith("ids, all in the data")
    run = subprocess.run(
        [sys.executable, "scripts/validate.py", "-v"], cwd=ROOT, capture_output=True, text=True
    )
    lines = run.stdout.strip().splitlines()
    assert lines[-1] == summary
    assert (
        "non-ict-share: fails: 12,000 ÷ 127,000 × 100 ≈ 9.449, against a stated 94.6; "
        "as printed, about 9.449 against at least 94.55, below 94.65" in lines
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
    def within_the_release(outcome) -> bool:
        ids = (outcome.check.result, *outcome.check.operands)
        return all(package.source_of(package.figures[i]).outlined for i in ids)

    failing = [o.check.id for o in package.outcomes if o.status == "fails"]
    assert [
        i for i in failing if within_the_release(next(o for o in package.outcomes if o.check.id == i))
    ] == ["non-ict-share"]
    assert failing == ["non-ict-share", "new-deal-fund-size-languages"]


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


def test_every_figure_topic_unit_check_and_source_has_a_korean_text(package):
    texts = {
        **{f"figure {key}": f.label_in("ko") for key, f in package.figures.items()},
        **{f"topic {key}": t.title_in("ko") for key, t in package.topics.items()},
        **{f"unit {key}": u.label_in("ko") for key, u in package.units.items()},
        **{f"check {c.id}": c.explanation_in("ko") for c in package.checks},
        **{f"source {key}": s.title_in("ko") for key, s in package.sources.items()},
    }
    assert [name for name, text in texts.items() if not (text and re.search("[가-힣]", text))] == []


@pytest.mark.parametrize(
    ("figure", "english", "korean"),
    [
        ("budget-invested", "KRW 10.1 trillion", "10조 1,000억 원"),
        ("businesses-participating", "more than 170,000", "17만여 개"),
        ("businesses-participating-headline", "about 170,000", "약 17만 개"),
        ("people-benefiting-headline", "2.2 million", "220만 명"),
        ("people-benefiting", "more than 2.2 million", "220만여 명"),
        ("data-pieces-released", "more than 1 billion", "10억여 건"),
        ("ai-training-data-pieces", "48 million", "4,800만 건"),
        ("data-market-growth-headline", "more than 14.3%", "14.3% 초과"),
        ("imd-rank-2020", "8th", "8위"),
        ("data-service-businesses-multiple", "2.9 times", "2.9배"),
        ("dnd-launch-date", "14 July 2020", "2020년 7월 14일"),
        ("5g-convergence-strategy-date", "the second half of 2021", "2021년 하반기"),
    ],
)
def test_a_figure_is_written_in_either_language(package, figure, english, korean):
    found = package.figures[figure]
    assert (found.text(), found.text("ko")) == (english, korean)


def test_the_printed_token_stays_as_its_own_source_prints_it(package):
    korean = package.figures["flagship-participants-ko"]
    assert (korean.as_printed, korean.text("ko")) == ("약 9만여명 이상", "약 9만 명 이상")
    english = package.figures["flagship-participants"]
    assert (english.as_printed, english.text("ko")) == ("90,000", "약 9만 명")


def test_the_korean_terms_say_which_follow_the_korean_original(package):
    original = {t.id for t in package.terms if t.original}
    assert {"data-dam", "cloud", "digital-learning-centres"} <= original
    assert {"dr-answer", "government-money", "masterplan"}.isdisjoint(original)
    # A report may depart from the original: eToday writes 중소ㆍ벤처기업 where the original, as the Sejong
    # Times reproduction gives it, writes 중소·개척기업; the term, read in the report, does not follow it.
    start_ups = next(t for t in package.terms if t.id == "start-ups")
    assert package.sources[start_ups.source].reports == package.outlined.reports
    assert not start_ups.original and "중소·개척기업" in start_ups.note_in("ko")
    # The Korean original's headline coins 가상확장세계 and 인터넷기반자원공유; the reports of it write the
    # words a desk prints, and so do the Korean texts (the coinages stand in the terms' notes only).
    printed = {t.id: (t.ko, t.common_ko, t.source) for t in package.terms if t.id in ("metaverse", "cloud")}
    assert printed == {
        "metaverse": ("메타버스", None, "etoday-2021-07-22"),
        "cloud": ("클라우드", None, "etoday-2021-07-22"),
    }
    notes = {t.id: t.note_in("ko") for t in package.terms if t.id in ("metaverse", "cloud")}
    assert "‘가상확장세계’" in notes["metaverse"] and "‘인터넷기반자원공유’" in notes["cloud"]
    # A term follows the original only where the original writes it: 클라우드 stands in the original's body,
    # 메타버스 only in the reports (the read of 19d found it credited to the original against its own note).
    assert "본문은 클라우드로" in notes["cloud"] and "metaverse" not in original
    assert package.sources["msit-2021-07-22"].url == "http://kta.ktab.kr/home/customer/notice/1187&page=82"


def test_every_figure_has_its_sources_sentence_holding_the_printed_token(package):
    for figure in package.figures.values():
        source = package.source_of(figure)
        before, token, after = figure.quote_parts()
        assert token == figure.as_printed, figure.id
        assert before + token + after == figure.quote
        assert bool(re.search(r"[가-힣]", figure.quote)) == (source.language == "ko"), figure.id


def test_a_token_printed_twice_in_a_quote_is_marked_where_the_figures_unit_follows_it(package):
    """The read of 12c: 'rural areas (58,000 households) ... MyPCCare (58,000 people)' marked the households
    on the MyPCCare page. Each figure whose token stands more than once is marked at the occurrence its
    unit's name follows, where one does."""
    marked = {}
    for figure in package.figures.values():
        quote = figure.quote or ""
        if len(re.findall(r"(?<![\w.,])" + re.escape(figure.as_printed) + r"(?![\w]|[.,]\d)", quote)) > 1:
            _, _, after = figure.quote_parts()
            marked[figure.id] = after.lstrip().split(")")[0]
    assert marked["mypccare-people"] == "people"
    assert marked["rural-network-households"] == "households"
    assert len(marked) >= 2


def test_a_rank_comparison_reads_as_one_not_as_a_total(package):
    outcome = next(o for o in package.outcomes if o.check.id == "gci-goal-reached")
    words = outcome.arithmetic(package.figures)
    assert words.startswith("4, against the rank 5 (a smaller number is a higher rank")
    assert "total" not in words


def test_the_korean_reports_state_the_new_deal_fund_otherwise_than_the_english(package):
    """The third read: 3조701억원 is 3.0701 trillion, not the English 3.701 trillion; the check says so."""
    english, korean = package.figures["new-deal-fund-size"], package.figures["new-deal-fund-size-ko"]
    assert (english.value, korean.value) == (3_701_000_000_000, 3_070_100_000_000)
    (link,) = [link for link in package.links_of(korean.id) if link.relation == "translates"]
    assert link.figure == english.id
    outcome = next(o for o in package.outcomes if o.check.id == "new-deal-fund-size-languages")
    assert outcome.status == outcome.check.expected == "fails"


def test_the_counter_column_description_names_every_counter_the_units_use():
    # It reads as a complete list ('empty only for dates'), so a counter added to units.csv must join it.
    package = load_package()
    field = next(f for f in package.tables["units"].fields if f["name"] == "counter_ko")
    used = {unit.counter_ko for unit in package.units.values() if unit.counter_ko}
    for lang_key in ("description", "description_ko"):
        listed = set(field[lang_key].split("(", 1)[1].split(")", 1)[0].split(", "))
        assert used <= listed, f"{lang_key} lacks {sorted(used - listed)}"
