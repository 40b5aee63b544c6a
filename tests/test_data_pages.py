"""The data pages cover the whole package: every figure, field, check and correction appears."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from conftest import REPO_URL, shared_build
from test_macros import parse

from macros.data.checks import OUTCOMES
from macros.data.package import load_package
from macros.data.standing import BY_STATUS

pytestmark = pytest.mark.cost(15)


def test_the_explorer_has_one_anchored_row_for_every_figure(built_site):
    page = built_site.page("data/explorer/")
    package = load_package()
    rows = re.findall(r'<tr id="fig-([^"]+)"', page)
    assert rows == list(package.figures)
    row = re.search(r'<tr id="fig-businesses-participating".*?</tr>', page, re.S).group(0)
    text = parse(row).text
    for words in ("more than 170,000", "2020 to 2021", "actual", "170,000", "Recovery"):
        assert words in text
    attributes = parse(row).tags[0][1]
    assert (attributes["data-unit"], attributes["data-qualifier"]) == ("businesses", "more-than")
    assert (attributes["data-facet-section"], attributes["data-source"]) == ("recovery", "msit-2021-08-30")


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_the_explorer_s_value_cell_does_not_repeat_the_status_column_beside_it(built_site, edition):
    """The read of 18d: '5위 [목표] … 상태: 목표' said the status twice in each of 31 rows. In the explorer
    the status has its own column, so the value keeps only the markers that say something else (revised
    later, check fails); the prose pages keep the status's marker, which no column states there."""
    page = built_site.page(f"{edition}data/explorer/")
    own = "|".join(BY_STATUS.values())
    rows = re.findall(r'<tr id="fig-([^"]+)".*?</tr>', page, re.S)
    assert len(rows) == len(load_package().figures)
    assert not re.search(rf"dnd-standing-(?:{own})\b", page)
    cells = re.findall(r'<tr id="fig-[^"]+".*?</tr>', page, re.S)
    assert any("dnd-standing-revised" in row for row in cells)
    assert any("dnd-standing-contradicted" in row for row in cells)
    goal = re.search(r'<tr id="fig-gci-rank-goal".*?</tr>', page, re.S).group(0)
    assert "dnd-standing" not in goal
    assert "dnd-standing-planned" in built_site.page(f"{edition}figures/gci-rank-goal/")


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_a_topic_table_says_a_status_once_in_its_column_and_keeps_it_on_one_line(built_site, edition):
    """The read of 21: a topic's table showed '7곳 [진행 중] … 진행 / 중', the status twice in a row and
    broken in its narrow column. The table's value keeps the other markers; the running text above keeps
    the status's marker, which no column states there."""
    page = built_site.page(f"{edition}first-year/inclusiveness/")
    tables = "".join(re.findall(r"<table.*?</table>", page, re.S))
    # The topic tables, with a status column; a chart's data table has none, so its value keeps the marker.
    topic_tables = "".join(t for t in re.findall(r"<table.*?</table>", page, re.S) if "dnd-status-word" in t)
    row = re.search(
        r'<tr><th scope="row">[^<]*</th><td[^>]*>.{0,300}?smart-green-industrial-complexes/".*?</tr>',
        topic_tables,
        re.S,
    )
    assert row, "the topic table lists smart-green-industrial-complexes"
    own = "|".join(BY_STATUS.values())
    assert not re.search(rf"dnd-standing-(?:{own})\b", topic_tables)
    assert re.search(
        r'data-label="[^"]+"><span class="dnd-cell"><span class="dnd-status-word">[^<]+</span></span></td>',
        row.group(0),
    )
    prose = page.replace(tables, "")
    assert "dnd-standing-under-way" in prose


def test_each_explorer_row_leads_to_the_figures_page(built_site):
    page = built_site.page("data/explorer/")
    for figure_id in load_package().figures:
        assert f'<a href="../../figures/{figure_id}/">' in page
        assert (built_site.site / "figures" / figure_id / "index.html").is_file()
        assert (built_site.site / "figures" / f"{figure_id}.json").is_file()


def test_without_scripts_the_explorer_is_the_whole_table_and_its_controls_stay_hidden(built_site):
    page = built_site.page("data/explorer/")
    assert re.search(r'<div class="dnd-filter" hidden[ >]', page)
    for facet in ("section", "unit", "status", "qualifier", "source"):
        assert f'<select id="dnd-facet-{facet}" data-facet="{facet}"' in page
    assert " hidden" not in re.split(r"<tbody[^>]*>", page, maxsplit=1)[1].split("</tbody>", 1)[0]


def test_the_explorer_filter_has_a_visible_label_a_search_box_and_a_live_count(built_site):
    page = built_site.page("data/explorer/")
    assert '<label for="dnd-filter-input">' in page
    assert '<input type="search" id="dnd-filter-input"' in page
    assert 'id="dnd-filter-status" role="status" aria-live="polite"' in page
    assert "javascripts/explorer.js" in page


def test_without_a_repository_address_there_are_no_correction_links(built_site):
    assert "issues/new" not in built_site.page("data/explorer/")
    assert "issues/new" not in built_site.page("figures/smes-startups-share/")


def test_with_a_repository_address_each_figure_page_links_to_a_prefilled_correction_form(tmp_path_factory):
    build = shared_build(tmp_path_factory, env={"DND_REPO_URL": REPO_URL})
    assert build.returncode == 0, build.output
    page = build.page("figures/smes-startups-share/")
    link = next(
        attrs for tag, attrs in parse(page).tags if tag == "a" and "dnd-report" in attrs.get("class", "")
    )
    assert link["href"] == (
        f"{REPO_URL}/issues/new?template=correction.yml"
        "&title=Correction%3A%20smes-startups-share&figure=smes-startups-share"
        "&label=Share%20of%20SMEs%20and%20start-ups%20among%20the%20participants&current-value=95.3%25"
    )
    assert link["aria-label"] == "Report a correction to Share of SMEs and start-ups among the participants"
    pages = [build.page(f"figures/{figure_id}/") for figure_id in load_package().figures]
    assert all(p.count('class="dnd-report"') == 1 for p in pages)


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_every_status_a_row_shows_can_be_chosen_in_the_status_filter(built_site, edition):
    """The filter offers the words the rows show (a fact's 사실 beside a result's 실적), and choosing a
    status's words keeps exactly the rows that show them."""
    page = built_site.page(f"{edition}data/explorer/")
    select = re.search(r'<select id="dnd-facet-status".*?</select>', page, re.S).group(0)
    options = {
        unescape(words): value.split(" ")
        for value, words in re.findall(r'<option value="([^"]+)">([^<]+)</option>', select)
    }
    title = "상태" if edition else "Status"
    rows = [
        (re.search(r'data-facet-status="([^"]+)"', row).group(1), cell)
        for row in re.findall(r"<tr id=.*?</tr>", page, re.S)
        for cell in re.findall(rf'<td data-label="{title}"><span class="dnd-cell">([^<]*)</span></td>', row)
    ]
    shown: dict[str, set[str]] = {}
    for key, words in rows:
        shown.setdefault(unescape(words), set()).add(key)
    assert len(rows) == len(load_package().figures)
    assert sorted(shown) == sorted(options)
    assert all(keys <= set(options[words]) for words, keys in shown.items())
    assert len({key for keys in options.values() for key in keys}) == sum(map(len, options.values()))


def test_the_contributing_page_sends_the_reader_to_the_correction_link_where_it_is(tmp_path_factory):
    """The link is on each figure's page, not in the explorer's rows: the page says so, in the words the
    link shows, in both editions."""
    build = shared_build(tmp_path_factory, env={"DND_REPO_URL": REPO_URL})
    assert build.returncode == 0, build.output
    for edition in ("", "ko/"):
        (words,) = re.findall(
            r'class="dnd-report"[^>]*>([^<]+)</a>', build.page(f"{edition}figures/budget-invested/")
        )
        assert "dnd-report" not in build.page(f"{edition}data/explorer/")
        assert f"<strong>{words}</strong>" in build.page(f"{edition}about/contributing/"), edition


def test_the_dictionary_lists_every_field_of_every_resource(built_site):
    page = built_site.page("data/dictionary/")
    for resource in load_package().descriptor["resources"]:
        assert f'id="resource-{resource["name"]}"' in page
        section = unescape(
            page.split(f'id="resource-{resource["name"]}"', 1)[1].split('<h2 id="resource-')[0]
        )
        for field in resource["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in section
        key = resource["schema"].get("primaryKey", [])
        if key:
            assert "Primary key: " + ", ".join(f"<code>{k}</code>" for k in key) in section


def test_the_checks_page_shows_every_check_with_its_outcome_and_explains_contradictions(built_site):
    page = built_site.page("data/checks/")
    package = load_package()
    for outcome in package.outcomes:
        block = re.search(
            rf'<li class="dnd-check" id="check-{outcome.check.id}".*?</details></li>', page, re.S
        )
        assert block, outcome.check.id
        text = parse(block.group(0)).text
        assert text.startswith(OUTCOMES[outcome.status]), f"{outcome.check.id}: the outcome comes first"
        assert outcome.arithmetic(package.figures, ranges=False) in text
        # The ranges are stated once, in words, just above the sum: not again after it.
        assert outcome.arithmetic(package.figures) not in text, f"{outcome.check.id}: ranges twice"
    unsettled = [o.check.id for o in package.outcomes if o.status != "holds"]
    assert unsettled, "the release has known contradictions; the page must show them"
    assert re.findall(r'<li id="contradiction-([^"]+)">', page) == unsettled


@pytest.mark.parametrize(
    ("edition", "printed", "opening", "closing"), [("", "printed", "“", "”"), ("ko/", "원문 표기", "‘", "’")]
)
def test_the_checks_trace_quotes_every_printed_form_in_its_page_languages_marks(
    built_site, edition, printed, opening, closing
):
    """A printed form in a sentence carries its marks as text, whatever the source's language: a copied
    trace keeps them, and ‘49조원’ does not read as the site's own spacing."""
    text = parse(built_site.page(f"{edition}data/checks/")).text
    forms = re.findall(rf", {printed} (\S)[^:]*?(\S):", text)
    assert len(forms) > 30
    assert set(forms) == {(opening, closing)}


def test_the_corrections_page_links_each_correction_to_its_figure(built_site):
    page = built_site.page("data/corrections/")
    for correction in load_package().corrections:
        assert f'id="correction-{correction.id}"' in page
        assert f'href="../../figures/{correction.figure}/"' in page


def test_the_data_page_offers_downloads_citation_and_a_dataset_description(built_site):
    page = built_site.page("data/")
    package = load_package()
    for name in (
        "datapackage.zip",
        "datapackage-en.xlsx",
        "datapackage-ko.xlsx",
        "datapackage.json",
        "data/figures.csv",
        "figures.json",
    ):
        assert f'href="download/{name}"' in page
        assert (built_site.site / "data" / "download" / name).exists()
    text = parse(page).text
    assert f"version {package.version}" in text
    assert "Cite this" in text and next(iter(package.figures)) in text
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    dataset = json.loads(script)
    assert dataset["@type"] == "Dataset"
    assert dataset["version"] == package.version
    assert {d["encodingFormat"] for d in dataset["distribution"]} == {
        "application/zip",
        "text/csv",
        "application/json",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    assert dataset["isBasedOn"][0]["publisher"]["name"].startswith("Ministry of Science and ICT")
    assert "<" not in script and ">" not in script


def test_counts_in_the_data_pages_come_from_the_package(built_site):
    text = parse(built_site.page("data/explorer/")).text
    assert f"{len(load_package().figures)} in all" in text


def test_a_figure_page_states_the_checks_assumed_range_only_where_a_check_uses_the_figure(built_site):
    """'More than 14.3%' is read by its check as below 14.4%: the page says so, labelled as the checks'
    assumption; a figure no check uses shows what its printing allows and no assumption."""
    for prefix, assumed in (("", "The range the checks assume"), ("ko/", "검산이 가정하는 범위")):
        assert assumed in built_site.page(f"{prefix}figures/data-market-growth-headline/")
        assert assumed not in built_site.page(f"{prefix}figures/people-benefiting-ko/")


def test_each_figure_page_shows_its_sources_sentence_with_the_printed_token_marked_and_linked(built_site):
    """In both editions, the quote stays in its source's language, with a lang attribute and a link."""
    package = load_package()
    for figure_id, prefix in (
        ("budget-invested", ""),
        ("budget-invested", "ko/"),
        ("new-deal-fund-size-ko", ""),
        ("new-deal-fund-size-ko", "ko/"),
    ):
        figure = package.figures[figure_id]
        source = package.source_of(figure)
        page = built_site.page(f"{prefix}figures/{figure_id}/")
        block = re.search(r'<figure class="dnd-quote">.*?</figure>', page, re.S).group(0)
        assert f'<blockquote lang="{source.language}"' in block
        # The mark holds the token as printed (on a Korean page inside a span that keeps it on one line).
        marked = re.findall(r"<mark>(.*?)</mark>", unescape(block), re.S)
        assert figure.as_printed in [re.sub(r"<[^>]+>", "", m) for m in marked]
        assert f'href="{source.url.replace("&", "&amp;")}#:~:text=' in block
        before, _, after = figure.quote_parts()
        assert unescape(re.sub(r"<[^>]+>", "", block)).startswith(before + figure.as_printed + after)


def test_the_explorer_rows_carry_the_quote_for_the_text_filter(built_site):
    page = built_site.page("data/explorer/")
    row = re.search(r'<tr id="fig-new-deal-fund-size-ko".*?</tr>', page, re.S).group(0)
    attributes = parse(row).tags[0][1]
    assert "3조701억원의 펀드를 조성했으며" in attributes["data-quote"]


def test_each_figures_json_carries_its_quote_and_the_sources_language(built_site):
    document = json.loads(
        (built_site.site / "figures" / "new-deal-fund-size-ko.json").read_text(encoding="utf-8")
    )
    assert "3조701억원" in document["figure"]["quote"]
    assert document["source"]["language"] == "ko"


def test_a_figure_that_is_not_plain_shows_its_standing_wherever_it_is_shown(built_site):
    """The fund size's check fails and one Korean report gives another size: the prose, the table, the
    explorer, the figure page's headline, its link preview, its JSON-LD and its JSON all say so."""
    marker = 'class="dnd-standing dnd-standing-contradicted" href="../../data/checks/#check-new-deal-fund-size-languages"'
    prose = built_site.page("first-year/")
    assert (
        'class="dnd-standing dnd-standing-contradicted" href="../data/checks/#check-new-deal-fund-size-languages"'
        in prose
    )
    explorer = built_site.page("data/explorer/")
    row = re.search(r'<tr id="fig-new-deal-fund-size".*?</tr>', explorer, re.S).group(0)
    assert "check fails" in row and "disputed" in row
    page = built_site.page("figures/new-deal-fund-size/")
    headline = re.search(r'<p class="dnd-figure-value".*?</p>', page, re.S).group(0)
    assert marker in headline and 'href="../new-deal-fund-size-ko/"' in headline
    description = unescape(re.search(r'<meta name="description" content="([^"]*)"', page).group(1))
    assert "Standing: check fails" in description and "disputed" in description
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert "Standing: check fails" in ld["description"]
    document = json.loads(
        (built_site.site / "figures" / "new-deal-fund-size.json").read_text(encoding="utf-8")
    )
    assert document["standing"]["states"] == ["contradicted", "disputed"]
    assert {
        "state": "contradicted",
        "meaning": "a check this figure takes part in fails, and this figure may be why",
        "check": "new-deal-fund-size-languages",
    } in document["standing"]["reasons"]
    korean = built_site.page("ko/figures/new-deal-fund-size/")
    assert "유의 사항: 검산 결과 맞지 않음" in unescape(
        re.search(r'<meta name="description" content="([^"]*)"', korean).group(1)
    )


def test_a_chart_names_its_values_that_are_not_plain_in_its_caption_and_its_text_alternative(built_site):
    chart = re.search(
        r'<figure class="dnd-chart" id="chart-data-market">.*?</figure>',
        built_site.page("first-year/leap-forward/"),
        re.S,
    ).group(0)
    caption = re.search(r"<figcaption>.*?</figcaption>", chart, re.S).group(0)
    assert "dnd-standing-revised" in caption
    assert "revised later" in re.search(r"<desc[^>]*>(.*?)</desc>", chart, re.S).group(1)


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_a_quotes_caption_gives_its_part_and_how_it_was_read_in_one_pair_of_brackets(built_site, edition):
    """'… (footnote 2, word for word …)', never '… (footnote 2) (word for word …)': two brackets in a row
    read as two asides where there is one."""
    page = built_site.page(f"{edition}figures/ict-temporary-permission/")
    caption = re.search(
        r'<figure class="dnd-quote">.*?<figcaption[^>]*>(.*?)</figcaption>', page, re.S
    ).group(1)
    place = caption.rsplit("</a>", 1)[1]
    assert ") (" not in place
    assert place.count("(") == 1, place


@pytest.mark.parametrize(
    "edition, figure",
    # A topic named with a bracket, in both editions; a part glossed in a bracket (the Korean lede).
    [("", "smart-farm-valleys"), ("ko/", "smart-farm-valleys"), ("ko/", "people-benefiting-ko")],
)
def test_a_quotes_caption_keeps_a_bracket_of_the_places_name_whole(built_site, edition, figure):
    """'… Digital infrastructure (digital SOC) (word for word …)', never '… (digital SOC, word for word …)':
    how the quote was read is not folded into the bracket of a topic's or a part's own name, and has
    brackets of its own, as on every other quote: after a comma it reads as one more step of the place
    (read22b: '… › 디지털 기반시설(디지털 SOC), 영문 보도자료 원문과 대조해 …')."""
    page = built_site.page(f"{edition}figures/{figure}/")
    caption = re.search(
        r'<figure class="dnd-quote">.*?<figcaption[^>]*>(.*?)</figcaption>', page, re.S
    ).group(1)
    place = re.sub(r"<[^>]+>", "", caption.rsplit("</a>", 1)[1])
    name = place.split(")", 1)[0]
    assert place.startswith(f"{name}) ("), place
    assert place.endswith(").") and place.count("(") == 2, place


def test_an_entry_is_cut_into_sentences_where_they_end_never_inside_code_or_brackets():
    """English ends a sentence at '. ' before a capital or an id; Korean after 다 or 요 and a full stop, or
    after such a word's closing bracket; a full stop in a bracket or a backtick span ends nothing, and an
    entry with no sentence naming the figure is shown whole."""
    from macros.data.changelog import sentences, sentences_naming

    english = (
        "The fund: the reports give 3,0701 (3.0701 trillion won. Not 3.701). Added `a`, linked to `b`. "
        "`c` is relabelled (`a`, `d`); `e` keeps its note."
    )
    assert sentences(english) == [
        "The fund: the reports give 3,0701 (3.0701 trillion won. Not 3.701).",
        "Added `a`, linked to `b`.",
        "`c` is relabelled (`a`, `d`); `e` keeps its note.",
    ]
    assert sentences_naming(english, "a") == (
        "Added `a`, linked to `b`. `c` is relabelled (`a`, `d`); `e` keeps its note."
    )
    korean = (
        "`a`를 고쳤습니다(`b`는 9.0.0에서 다시 고침). 비고 두 개(`c`, `d`)를 다듬었어요. `e. F`를 더했습니다."
    )
    assert sentences(korean) == [
        "`a`를 고쳤습니다(`b`는 9.0.0에서 다시 고침).",
        "비고 두 개(`c`, `d`)를 다듬었어요.",
        "`e. F`를 더했습니다.",
    ]
    assert sentences_naming(korean, "d") == "비고 두 개(`c`, `d`)를 다듬었어요."
    assert sentences_naming("정책형 뉴딜펀드의 비고를 고쳤습니다. 검산도 고쳤습니다.", "a") == (
        "정책형 뉴딜펀드의 비고를 고쳤습니다. 검산도 고쳤습니다."
    )


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_a_figure_page_s_history_shows_the_sentences_naming_the_figure_not_other_figures_changes(
    built_site, edition
):
    """The read of the figure pages: 9.0.0's entry on `new-deal-fund-size` is an editors' worklog naming 28
    other figures, and 6.0.1 came twice. The history gives, once per version, the sentences of its entries
    that name the figure, in the page's language; the version leads to its section of the changelog page,
    where the whole entry is."""
    package = load_package()
    changelog = built_site.page(f"{edition}about/changelog/")
    for figure in ("new-deal-fund-size", "sw-centred-colleges"):
        page = built_site.page(f"{edition}figures/{figure}/")
        history = re.search(r'<h2 id="changes-in-the-data".*?</ul>', page, re.S).group(0)
        # A change not released yet (its whole entry, first) has no version to lead to.
        items = [
            i
            for i in re.findall(r"<li>(.*?)</li>", history, re.S)
            if re.search(r"<strong>[0-9.]+</strong>", i)
        ]
        versions = [re.search(r"<strong>([0-9.]+)</strong>", item).group(1) for item in items]
        named = {e.version for section in package.changelog for e in section.entries if figure in e.names()}
        assert sorted(versions) == sorted(named), "one item per version, each once"
        for item, version in zip(items, versions, strict=True):
            assert f"<code>{figure}</code>" in item
            href = re.search(r'<a href="([^"]+)"><strong>', item).group(1)
            assert href == f"../../about/changelog/#version-{version}"
            assert f'id="version-{version}"' in changelog
    # Sentences of the same entries about other figures stay on the changelog page.
    page = built_site.page(f"{edition}figures/sw-centred-colleges/")
    history = re.search(r'<h2 id="changes-in-the-data".*?</ul>', page, re.S).group(0)
    assert "cloud-framework-plan-date" not in history and "cloud-framework-plan-date" in changelog
    assert "flagship-participants-parts" not in history
    # A list of 28 ids holding the figure names it and the others in a word (the sentence counts them).
    page = built_site.page(f"{edition}figures/new-deal-fund-size/")
    history = re.search(r'<h2 id="changes-in-the-data".*?</ul>', page, re.S).group(0)
    others = "new-deal-fund-size 등" if edition else "new-deal-fund-size and others"
    assert others in re.sub(r"<[^>]+>", "", history)
    assert "core-technologies-funding-start" not in history and "core-technologies-funding-start" in changelog
