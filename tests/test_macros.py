"""Page macros as a reader meets them: figures in words, linked to their own pages, charts, and failures."""

from __future__ import annotations

import csv
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ENGLISH_ONLY, build_site, copy_project

pytestmark = pytest.mark.cost(30)

HOSTILE_LABEL = "Robot caregivers <script>alert(1)</script> {{ 7*7 }} {% raw %} *bold* _x_ [y](z) | #h"

SPECIMEN = """# Specimen

- currency: {{ fig("budget-invested") }}
- count: {{ fig("key-technologies-developed") }}
- large count: {{ fig("people-benefiting-headline") }}
- percent: {{ fig("smes-startups-share") }}
- rank: {{ fig("imd-rank-2020") }}
- multiple: {{ fig("data-service-businesses-multiple") }}
- area: {{ fig("precision-map-area") }}
- date: {{ fig("dnd-launch-date") }}
- more than: {{ fig("businesses-participating") }}
- about: {{ fig("flagship-participants") }}
- value only: {{ fig("businesses-participating", form="value") }}
- bare: {{ fig("flagship-participants", form="bare") }}
- hostile: {{ fig("robot-caregiver-types") }}

{{ figure_table("overview-investment") }}

{{ chart("data-ai-businesses") }}

{{ chart("index-ranks") }}
"""


class Text(HTMLParser):
    """The text a reader sees, and the elements the browser would create."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts))


def parse(markup: str) -> Text:
    parser = Text()
    parser.feed(markup)
    return parser


def set_label(project: Path, figure_id: str, label: str) -> None:
    path = project / "datapackage" / "data" / "figures.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        if row[0] == figure_id:
            row[2] = label
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="module")
def specimen(tmp_path_factory):
    """A copy with a page that uses every form of the macros, and one label full of markup."""
    project = copy_project(tmp_path_factory.mktemp("specimen") / "project")
    set_label(project, "robot-caregiver-types", HOSTILE_LABEL)
    for name in ("specimen.md", "specimen.ko.md"):  # every page has its Korean twin
        (project / "docs" / "first-year" / name).write_text(SPECIMEN, encoding="utf-8")
    build = build_site(project, env=ENGLISH_ONLY)
    assert build.returncode == 0, build.output
    return build


def item(page: str, name: str) -> str:
    """The text of the specimen list item that starts with `name:`."""
    return re.search(rf"<li>{re.escape(name)}: (.*?)</li>", page).group(1)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("currency", "KRW 10.1 trillion"),
        ("count", "787"),
        ("large count", "2.2 million"),
        ("percent", "95.3%"),
        ("rank", "8th"),
        ("multiple", "2.9 times"),
        ("area", "36,000 km²"),
        ("date", "14 July 2020"),
        ("more than", "more than 170,000"),
        ("about", "about 90,000"),
        ("value only", "170,000"),
        ("bare", "about 90,000"),
    ],
)
def test_a_figure_reads_as_a_reader_expects_it(specimen, name, words):
    page = specimen.page("first-year/specimen/")
    assert parse(item(page, name)).text == words


def test_a_figure_links_to_its_own_page_relative_to_the_page_with_its_label_as_tooltip(specimen):
    # In running text the value is a unit with what follows it (its particle, its badges): one line.
    unit, link = parse(item(specimen.page("first-year/specimen/"), "currency")).tags[:2]
    assert unit == ("span", {"class": "dnd-joined"})
    assert link == (
        "a",
        {
            "class": "dnd-fig",
            "href": "../../figures/budget-invested/",
            "title": "Digital New Deal budget invested",
        },
    )
    assert "<h1>Digital New Deal budget invested</h1>" in specimen.page("figures/budget-invested/")


def test_the_bare_form_is_plain_text_without_a_link(specimen):
    assert "<a" not in item(specimen.page("first-year/specimen/"), "bare")


def test_markup_in_a_label_is_shown_as_text_and_never_run_or_rendered(specimen):
    for path in ("data/explorer/", "first-year/specimen/", "figures/robot-caregiver-types/"):
        assert "<script>alert" not in specimen.page(path)
    explorer = specimen.page("data/explorer/")
    row = re.search(r'<tr id="fig-robot-caregiver-types".*?</tr>', explorer, re.S).group(0)
    shown = parse(row)
    assert HOSTILE_LABEL in shown.text
    assert "49" not in shown.text
    assert [tag for tag, _ in shown.tags if tag in ("script", "strong", "em", "h1")] == []
    assert [attrs["href"] for tag, attrs in shown.tags if tag == "a"] == [
        "../../figures/robot-caregiver-types/"
    ]
    article = specimen.page("figures/robot-caregiver-types/").split("<article", 1)[1].split("</article>")[0]
    own = parse(article)
    assert HOSTILE_LABEL in own.text and "49" not in own.text
    # The one script is the page's JSON-LD, whose text is data: the label in it stays a JSON string.
    scripts = [attrs.get("type") for tag, attrs in own.tags if tag == "script"]
    assert scripts == ["application/ld+json"]
    # The page's own history marks an unreleased entry in bold; outside it, nothing is bold or italic.
    history = re.compile(r'<h2 id="changes-in-the-data".*?</ul>', re.S)
    assert [tag for tag, _ in parse(history.sub("", article)).tags if tag in ("strong", "em")] == []
    (document,) = [json.loads(m) for m in re.findall(r'ld\+json">(.*?)</script>', article, re.S)]
    assert document["name"] == HOSTILE_LABEL
    assert f"<title>{HOSTILE_LABEL} - " in unescape(specimen.page("figures/robot-caregiver-types/"))
    tooltip = parse(item(specimen.page("first-year/specimen/"), "hostile")).tags[1][1]["title"]
    assert tooltip == HOSTILE_LABEL


def test_figure_table_lists_the_topic_figures_with_headers_and_a_scroll_container(specimen):
    page = specimen.page("first-year/specimen/")
    region = re.search(
        r'<div class="dnd-scroll"[^>]*aria-label="Figures: Financial investment">.*?</div>', page, re.S
    )
    assert region, "the table sits in a labelled, focusable scroll region"
    table = region.group(0)
    assert 'tabindex="0"' in table and 'role="region"' in table
    assert "<caption>Figures: Financial investment</caption>" in table
    assert table.count('<th scope="col">') == 5
    assert table.count('<th scope="row">') == 3
    text = parse(table).text
    for words in (
        "Digital New Deal budget invested",
        "KRW 10.1 trillion",
        "2020 to 2021",
        "actual",
        "footnote",
    ):
        assert words in text
    assert text.count("Where its source states it: ") == 1, "the rows' shared place is said once, above them"
    assert '<th scope="rowgroup" colspan="5">' in table


def test_a_chart_is_inline_svg_with_a_text_alternative_written_from_the_data(specimen):
    page = specimen.page("first-year/specimen/")
    chart = re.search(
        r'<figure class="dnd-chart" id="chart-data-ai-businesses">.*?</figure>', page, re.S
    ).group(0)
    assert (
        '<svg class="dnd-chart-svg" role="img" aria-labelledby="data-ai-businesses-title data-ai-businesses-desc"'
        in chart
    )
    narrow = re.search(r'<svg class="dnd-chart-svg dnd-chart-narrow".*?</svg>', chart, re.S)
    assert narrow, "a second, narrow drawing for a phone"
    assert ">1,126<" in narrow.group(
        0
    ) and 'aria-labelledby="data-ai-businesses-narrow-title' in narrow.group(0)
    assert 'dnd-chart-frame" role="group"' in chart, "the chart scales to its column; no scroll box"
    assert "rose from 393 in 2019 to 1,126 in 2021" in chart
    assert "rose from 220 in December 2019 to 991 in 2021" in chart
    assert "<figcaption>" in chart and "<details" in chart and "<table" in chart
    assert "currentColor" in chart and "#010203" not in chart
    assert "<style" not in chart, "no page-wide style leaks from the SVG"


def test_a_rank_chart_says_that_lower_is_better(specimen):
    page = specimen.page("first-year/specimen/")
    assert "improved from 10th in 2019 to 8th in 2020" in page
    assert "A lower rank is better." in page


def test_two_charts_on_one_page_have_no_clashing_ids(specimen):
    ids = re.findall(r'\bid="([^"]+)"', specimen.page("first-year/specimen/"))
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('{{ fig("no-such-figure") }}', "docs/first-year/recovery.md: unknown figure id 'no-such-figure'"),
        ('{{ chart("no-such-chart") }}', "docs/first-year/recovery.md: unknown chart name 'no-such-chart'"),
    ],
)
def test_an_unknown_name_in_a_page_fails_the_build_naming_page_and_name(project, call, message):
    for name in ("recovery.md", "recovery.ko.md"):  # both twins, so they still call the same macros
        page = project / "docs" / "first-year" / name
        page.write_text(page.read_text(encoding="utf-8") + f"\n{call}\n", encoding="utf-8")
    build = build_site(project, env=ENGLISH_ONLY)
    assert build.returncode != 0
    assert message in build.output


def test_a_chart_drawn_before_is_redrawn_when_its_data_changes(project):
    """Charts are cached between builds; the cache must never show a stale value."""
    first = build_site(project, project / "site-before", env=ENGLISH_ONLY)
    assert first.returncode == 0, first.output
    figures = project / "datapackage" / "data" / "figures.csv"
    old = ",991,businesses,exact,2021,actual,991,"
    # The value, as printed, and the release's sentence in every quote that holds it.
    text = figures.read_text(encoding="utf-8").replace(old, old.replace("991", "992"))
    figures.write_text(text.replace("to 991 in 2021", "to 992 in 2021"))
    second = build_site(project, project / "site-after", env=ENGLISH_ONLY)
    assert second.returncode == 0, second.output
    chart = r'<figure class="dnd-chart" id="chart-data-ai-businesses">.*?</svg>'
    before = re.search(chart, first.page("first-year/leap-forward/"), re.S).group()
    after = re.search(chart, second.page("first-year/leap-forward/"), re.S).group()
    assert ">991<" in before and ">992<" not in before
    assert ">992<" in after and ">991<" not in after
