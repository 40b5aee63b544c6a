"""A figure's standing: what the data knows that qualifies a figure, derived in one place and shown
wherever the figure is, so no page states a doubtful figure as if it were plain."""

from __future__ import annotations

import re

import pytest

from macros.data.package import load_package
from macros.data.standing import PLAIN, STATES, states
from macros.pages import links
from macros.pages.i18n import tr
from macros.pages.standing import CONTEXT, described, marker_words

# Every figure whose standing is more than a plan or work under way, with its states and what explains
# each: the specification a change of the data must keep or knowingly change.
NOT_PLAIN = {
    "new-deal-fund-size": {
        ("contradicted", "check", "new-deal-fund-size-languages"),
        ("disputed", "figure", "new-deal-fund-size-ko"),
    },
    "new-deal-fund-size-ko": {
        ("contradicted", "check", "new-deal-fund-size-languages"),
        ("disputed", "figure", "new-deal-fund-size"),
    },
    "ict-associations-mou-date": {("disputed", "caveat", "mou-signed-in-april")},
    # The month the English gives the commitment, against a report that says the agreements were signed on 21 April 2021.
    "ict-associations-investment": {
        ("disputed", "caveat", "investment-agreed-in-april"),
        ("planned", "figure", "ict-associations-investment"),
    },
    # The ministry's 14 of April 2021 adds 4 AI convergence research centres to the English release's 10
    # graduate schools: the sources agree, so no caveat and no marker.
    # The release's 2020 market size is a preliminary estimate the 2021 survey replaced; the growth rates
    # computed from it are estimates too.
    "data-market-2020": {
        ("revised", "figure", "data-market-2020-revised"),
        ("estimated", "figure", "data-market-2020"),
    },
    "data-market-growth": {
        ("revised", "figure", "data-market-growth-revised"),
        ("estimated", "figure", "data-market-growth"),
    },
    "data-market-growth-headline": {
        ("revised", "figure", "data-market-growth-revised"),
        ("estimated", "figure", "data-market-growth-headline"),
    },
    "data-market-growth-headline-ko": {
        ("revised", "figure", "data-market-growth-revised"),
        ("estimated", "figure", "data-market-growth-headline-ko"),
    },
    # The failing check `non-ict-share` doubts the printed count of non-ICT companies (its `suspects`), not
    # the recipients (voucher-smes) or the share (voucher-non-ict-share) it computes with: they stay plain.
    "voucher-smes-restated": {("corrected", "correction", "voucher-count-separator")},
    "voucher-non-ict-companies": {
        ("contradicted", "check", "non-ict-share"),
        ("disputed", "figure", "non-ict-companies-ko"),
    },
    "non-ict-companies-ko": {("disputed", "figure", "voucher-non-ict-companies")},
    "dnd-plan-government-2025": {
        ("raised", "figure", "dnd2-government-2025"),
        ("planned", "figure", "dnd-plan-government-2025"),
    },
    "knd-plan-investment-2025": {
        ("raised", "figure", "knd2-investment-2025"),
        ("planned", "figure", "knd-plan-investment-2025"),
    },
}


@pytest.fixture(scope="module")
def package():
    return load_package()


def test_the_standing_of_every_figure_that_is_not_plain_is_derived_from_the_data(package):
    found = {
        figure_id: {(r.state, r.by, r.id) for r in package.standing(figure_id)}
        for figure_id in package.figures
        if set(states(package, figure_id)) - {"planned", "under-way", PLAIN}
    }
    assert found == NOT_PLAIN


def test_two_sources_that_print_the_same_number_with_another_qualifier_do_not_differ(package):
    """'4,300' and '4,300여 종' are one number: a number printed in full is not a claim that it is exact,
    so a qualifier alone is wording, as with 10.1 trillion and 약 10.1조원; only another number disputes."""
    pairs = [
        (link.figure, link.other)
        for link in package.links
        if link.relation == "translates"
        and package.figures[link.figure].value == package.figures[link.other].value
        and package.figures[link.figure].qualifier != package.figures[link.other].qualifier
    ]
    assert ("data-types-released", "data-types-released-ko") in pairs
    for first, second in pairs:
        assert "disputed" not in states(package, first), first
        assert "disputed" not in states(package, second), second


def test_a_plan_is_planned_and_work_under_way_is_under_way_never_an_achievement(package):
    for figure in package.figures.values():
        found = states(package, figure.id)
        assert ("planned" in found) == (figure.status == "target"), figure.id
        assert ("under-way" in found) == (figure.status == "under-way"), figure.id


def test_a_preliminary_estimate_is_never_shown_as_an_achievement(package):
    for figure in package.figures.values():
        assert ("estimated" in states(package, figure.id)) == (figure.status == "estimate"), figure.id
    assert package.figures["data-market-2020"].status == "estimate"
    assert tr("ko", "estimate", "status") == "잠정 추정치"


def test_a_ranking_a_date_or_a_plans_content_is_a_settled_fact_not_a_result_in_korean(package):
    """실적 is what the work achieved; a ranking, its change, a date or what a plan contains is nobody's
    result. The unit says which (`actual`), so a count of places or of directions reads as settled too."""
    from macros.pages.standing import status_words

    actual = [figure for figure in package.figures.values() if figure.status == "actual"]
    for figure in actual:
        if figure.unit.display in ("rank", "date"):
            assert figure.unit.actual == "fact", figure.id
    words = {figure.id: status_words(figure, "ko") for figure in actual}
    for figure_id in ("imd-rank-2019", "dnd-launch-date", "ai-readiness-rank-rise", "dnd2-directions"):
        assert words[figure_id] == "사실", figure_id
    for figure_id in ("budget-invested", "policy-measures", "key-talent-2020"):
        assert words[figure_id] == "실적", figure_id
    assert {package.units[u].actual for u in ("places", "directions")} == {"fact"}


def test_a_measure_no_one_achieved_is_a_settled_fact_though_its_unit_counts_results(package):
    """A market's size or its count of businesses before the programme began, or a statistic's revision,
    is nobody's result: the figure says so (`actual`), and 사실 overrides the 실적 of its unit (won, 개, %);
    only an actual figure says it."""
    from macros.pages.standing import status_words

    for figure_id in (
        "data-market-2019",
        "data-service-businesses-2019",
        "ai-service-businesses-2019",
        "data-market-revision-rate",
    ):
        figure = package.figures[figure_id]
        assert figure.unit.actual == "result" and figure.actual == "fact", figure_id
        assert status_words(figure, "ko") == "사실", figure_id
    assert status_words(package.figures["data-service-businesses-2021"], "ko") == "실적"
    for figure in package.figures.values():
        assert not figure.actual or figure.status == "actual", figure.id


def test_a_decision_to_invest_is_planned_not_achieved(package):
    for figure_id in ("ict-associations-investment", "ict-associations-investment-reported"):
        assert "planned" in states(package, figure_id)


def test_a_later_figure_its_source_does_not_call_a_revision_does_not_revise(package):
    # The ministry's later 10.8 trillion does not say it counts the same budgets as the release's 10.1.
    assert states(package, "budget-invested") == (PLAIN,)
    relations = {(link.figure, link.relation, link.other) for link in package.links}
    assert ("dnd-government-spent-2021", "follows", "budget-invested") in relations


def test_a_later_plan_that_raises_a_target_changes_the_plan_and_corrects_nothing(package):
    """2.0 enlarged the 2020 plan: the earlier amount was right for its plan, so it is neither corrected
    nor revised, and the direction is the two amounts'."""
    for earlier, later in (
        ("dnd-plan-government-2025", "dnd2-government-2025"),
        ("knd-plan-investment-2025", "knd2-investment-2025"),
    ):
        assert package.figures[later].value > package.figures[earlier].value
        found = states(package, earlier)
        assert "raised" in found, earlier
        assert not {"revised", "corrected", "amended"} & set(found), earlier
    assert "늘렸습니다" in tr("ko", STATES["raised"].meaning, CONTEXT)
    assert "고쳐" not in tr("ko", STATES["raised"].meaning, CONTEXT)


def test_every_state_has_its_marker_and_meaning_in_both_editions():
    for state in STATES.values():
        assert tr("ko", state.marker, CONTEXT) and tr("ko", state.meaning, CONTEXT)


class Page:
    """The least a builder needs of a page: its language, links from it, and errors naming it."""

    def __init__(self, language: str):
        self.language = language
        self.repo_url = None

    def link(self, target: str, anchor: str | None = None) -> str:
        return f"/{target}" + (f"#{anchor}" if anchor else "")

    def error(self, message: str) -> Exception:
        return ValueError(message)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("form", links.FORMS)
def test_a_page_cannot_state_a_figure_that_is_not_plain_without_its_marker(package, lang, form):
    page = Page(lang)
    for figure_id in package.figures:
        found = states(package, figure_id)
        if found == (PLAIN,):
            continue
        html = links.fig(package, page, figure_id, form, josa="으로" if lang == "ko" else None)
        for state in found:
            assert tr(lang, STATES[state].marker, CONTEXT) in html, (figure_id, state, form)
        if form != "bare":
            assert html.count('class="dnd-standing ') == len(found), figure_id


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_figure_disputed_only_by_a_caveat_says_what_the_other_source_states(package, lang):
    # Every 'disputed' names the other source's figure; a caveat has none linked, so its first sentence does.
    for caveat in package.caveats:
        words = described(package, package.figures[caveat.figure], "disputed", lang)
        assert caveat.note_in(lang).startswith(words.split(": ", 1)[1]), words
    assert "21" in described(package, package.figures["ict-associations-mou-date"], "disputed", lang)


def test_a_plain_figure_carries_no_marker(package):
    html = links.fig(package, Page("en"), "budget-2021")
    assert "dnd-standing" not in html and marker_words(package, package.figures["budget-2021"], "en") == ""


def test_each_marker_links_to_its_explanation(package):
    html = links.fig(package, Page("en"), "new-deal-fund-size")
    assert 'href="/data/checks.md#check-new-deal-fund-size-languages"' in html
    assert 'href="/figures/new-deal-fund-size-ko.md"' in html
    corrected = links.fig(package, Page("en"), "voucher-smes-restated")
    assert 'href="/figures/voucher-smes-restated.md#correction-voucher-count-separator"' in corrected
    caveat = links.fig(package, Page("ko"), "ict-associations-mou-date")
    assert 'href="/figures/ict-associations-mou-date.md#caveat-mou-signed-in-april"' in caveat
    assert "출처 간 차이" in caveat and "아주경제" in caveat


def test_a_check_outcome_in_prose_comes_from_the_data(package):
    from macros.pages.errata import outcome

    fails = outcome(package, Page("en"), "new-deal-fund-size-languages")
    assert ">fails</a>" in fails and "#check-new-deal-fund-size-languages" in fails
    assert ">검산: 맞음</a>" in outcome(package, Page("ko"), "budget-by-source", "check")
    with pytest.raises(ValueError, match="unknown check id 'no-such-check'"):
        outcome(package, Page("en"), "no-such-check")


def test_prose_reports_a_check_through_the_outcome_macro_never_a_typed_link():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[1] / "docs"
    typed = [
        f"{page.relative_to(docs)}:{n}"
        for page in sorted(docs.rglob("*.md"))
        if not page.name.startswith("checks.")
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"checks\.md#check-", line)
    ]
    assert typed == [], 'a check\'s outcome in prose comes from {{ outcome("id") }}'


def _corrected_copy(tmp_path, **request):
    """A copy of the package with `smart-factories` corrected by `make correct`, not released yet."""
    import shutil
    from pathlib import Path

    from macros.tools.correct import Request, correct

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "datapackage", tmp_path / "datapackage")
    for name in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(root / name, tmp_path / name)
    descriptor = tmp_path / "datapackage" / "datapackage.json"
    correct(
        Request("smart-factories", reason="Copied wrongly.", reference="First paragraph", **request),
        descriptor,
    )
    return load_package(descriptor)


@pytest.mark.parametrize(
    ("request_", "en", "ko"),
    [
        (
            {"printed": "8,500"},  # our own copy was wrong; the source prints 8,500
            "amended: the package corrects a value it had published; its source prints this one "
            "(8,000 → 8,500, not released yet)",
            "수정: 이 사이트가 전에 공개한 값을 출처의 표기대로 바로잡았습니다(8,000개 → 8,500개, 아직 배포하지 않음)",
        ),
        (
            {"value": "8500"},  # the source misprints it
            "corrected: the package corrects what its source prints (“8,000” → 8,500, not released yet)",
            "정정: 출처의 표기를 이 사이트가 바로잡았습니다(‘8,000’ → 8,500개, 아직 배포하지 않음)",
        ),
    ],
    ids=["revision", "release-typo"],
)
def test_a_correction_is_told_by_its_kind_and_says_when_it_waits_for_the_release(tmp_path, request_, en, ko):
    from macros.pages.standing import described

    package = _corrected_copy(tmp_path, **request_)
    figure = package.figures["smart-factories"]
    (state,) = states(package, figure.id)
    assert described(package, figure, state, "en") == en
    assert described(package, figure, state, "ko") == ko


def test_a_released_correction_of_a_misprint_quotes_the_source_and_writes_the_value_as_the_page_does(package):
    from macros.pages.standing import described

    figure = package.figures["voucher-smes-restated"]
    assert described(package, figure, "corrected", "en") == (
        "corrected: the package corrects what its source prints (“12,7000” → 127,000)"
    )
    assert described(package, figure, "corrected", "ko").endswith("(‘12,7000’ → 12만 7,000개)")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "value: 8,000 → 8,500 (revision, not released yet). Copied wrongly."),
        (
            "ko",
            "값: 8,000개 → 8,500개 (수정, 아직 배포하지 않음). (한국어 설명은 배포할 때 덧붙입니다)",
        ),
    ],
)
def test_the_figure_page_tells_a_correction_in_the_page_language_with_its_numbers_as_the_page_writes_them(
    tmp_path, lang, line
):

    from macros.pages.figure_page import _corrections

    package = _corrected_copy(tmp_path, printed="8,500")
    html = _corrections(package, Page(lang), package.figures["smart-factories"])
    assert re.sub(r"<[^>]+>", "", html) == line


def _deepest_bracket(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_bracket_in_a_standing_explanation_holds_another(package, lang):
    """A check's name and a publisher's name may hold a bracket of their own ('(worked from 12,000)',
    'Financial News (News1)'): the sentence names the check in quotation marks and says another source's
    value in a clause of its own, so a reader never meets '(검산(비중): …(1만 2,000개로 계산))'."""
    from macros.data.standing import reasons

    seen = 0
    for figure in package.figures.values():
        for state in dict.fromkeys(r.state for r in reasons(package, figure.id)):
            text = described(package, figure, state, lang)
            assert _deepest_bracket(text) <= 1, (figure.id, text)
            seen += "(" in text
    assert seen, "no explanation holds a bracket, so the test would pass whatever the template"
    voucher = described(package, package.figures["voucher-non-ict-companies"], "contradicted", lang)
    assert tr(lang, "share", "check kind") in voucher


def test_a_failing_check_marks_only_the_figures_it_doubts_and_every_figure_when_it_names_none(package):
    """`non-ict-share` names the count it doubts: the sound figures it computes with carry no mark of its
    failure. `new-deal-fund-size-languages` cannot say which of its two figures is wrong: both carry it."""
    doubted = {f for f in package.figures if ("contradicted" in states(package, f))}
    assert {"voucher-non-ict-companies", "new-deal-fund-size", "new-deal-fund-size-ko"} == doubted
    failing = [o.check for o in package.outcomes if o.status == "fails"]
    assert {c.id: c.suspects for c in failing} == {
        "non-ict-share": ("voucher-non-ict-companies",),
        "new-deal-fund-size-languages": (),
    }


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "This figure is not the one the check doubts"),
        ("ko", "이 검산이 의심하는 수치는 이 수치가 아니라"),
    ],
)
def test_a_figure_a_failing_check_does_not_doubt_says_where_the_check_points(package, lang, words):
    from macros.pages.figure_page import _checks

    sound = re.sub(r"<[^>]+>", "", _checks(package, Page(lang), package.figures["voucher-smes"]))
    assert words in sound
    assert package.figures["voucher-non-ict-companies"].label_in(lang) in sound
    doubted = _checks(package, Page(lang), package.figures["voucher-non-ict-companies"])
    assert words not in doubted
