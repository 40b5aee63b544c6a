"""The prose pages: numbers only through macros, every figure shown in context, every item addressable."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.data.package import load_package
from macros.tools.prose import typed_number_problems, typed_numbers, typed_particle_problems, typed_particles

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PROSE_PAGES = (
    "",
    "first-year/",
    "first-year/recovery/",
    "first-year/leap-forward/",
    "first-year/inclusiveness/",
    "dnd2/",
    "dnd2/sectors/",
    "context/",
    "context/targets/",
)


class FigureLinks(HTMLParser):
    """Figure ids linked from a page, split by whether the link sits in running text or in a table."""

    def __init__(self) -> None:
        super().__init__()
        self.in_text: set[str] = set()
        self.in_tables: set[str] = set()
        self.ids: set[str] = set()
        self._table_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "table":
            self._table_depth += 1
        href = attributes.get("href") or ""
        page = re.search(r"figures/([^/#]+)/$", href)
        if tag == "a" and "dnd-fig" in (attributes.get("class") or "").split() and page:
            figure_id = page.group(1)
            (self.in_tables if self._table_depth else self.in_text).add(figure_id)

    def handle_endtag(self, tag):
        if tag == "table":
            self._table_depth -= 1


def links(html: str) -> FigureLinks:
    parser = FigureLinks()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def package():
    return load_package()


@pytest.fixture(scope="module")
def prose(built_site) -> dict[str, FigureLinks]:
    return {path: links(built_site.page(path)) for path in PROSE_PAGES}


# Typed numbers


def test_the_lint_catches_a_typed_number():
    assert typed_numbers("More than 170,000 businesses took part.") == [(1, "170,000")]
    assert typed_numbers("Growth of 14.3% in a year") == [(1, "14.3%")]
    assert typed_numbers("## Ranked 8th {#leap-global-indexes}") == [(1, "8th")]


def test_the_lint_skips_list_numbering_but_not_a_number_in_the_item():
    assert typed_numbers("1. **Find the row.**\n2. Add 34 rows") == [(2, "34")]


def test_the_lint_lets_macros_anchors_links_and_names_through():
    sample = (
        '{{ fig("businesses-participating") }} businesses {{ figure_table("dnd2-spread") }}\n'
        "## Digital New Deal 2.0 {#dnd2-private-led}\n"
        'See [the next plan](../dnd2/index.md#dnd2-global), <a href="#fig-imd-rank-2019">x</a>.\n'
        "Dr. Answer 1.0, 5G and 6G networks, K-12 classrooms, Subsidy24.\n"
    )
    assert typed_numbers(sample) == []


def test_the_lint_catches_a_number_hidden_in_an_allowed_name():
    assert typed_numbers("Subsidy24 offers 300 kinds of benefit") == [(1, "300")]
    assert typed_numbers("Digital New Deal 2.05") == [(1, "2.05")]


def test_a_lone_digit_in_quotation_marks_names_the_digit_and_a_quoted_number_is_still_typed():
    # A rule about trailing zeros names the digit ('the trailing ‘0’'); a quoted amount is a number.
    assert typed_numbers("the trailing ‘0’ only fills a place") == []
    assert typed_numbers("the trailing ‘00’ and ‘0’s and 0 and ‘0.5’") == [(1, "00"), (1, "0"), (1, "0.5")]


def test_no_page_types_a_number():
    found = [str(problem) for problem in typed_number_problems(DOCS)]
    assert found == [], "numbers typed outside macros:\n" + "\n".join(found)


def test_a_particle_typed_after_a_values_bracket_is_caught():
    # Korean chooses the particle by the word before the bracket, which is the value's, not the writer's.
    assert typed_particles('투자액 {{ fig("x") }}(영문 한정어는 more than)는 이') == [(1, "는")]
    assert typed_particles('{{ fig("a") }}(국비 {{ fig("b") }})을 투자') == [(1, "을")]
    # A copula or a particle whose form never changes is left alone.
    assert typed_particles("{{ data_version() }}({{ data_date() }})입니다") == []
    assert typed_particles('{{ fig("x") }}(예정)까지') == []


def test_no_korean_page_types_a_particle_after_a_values_bracket():
    found = [str(problem) for problem in typed_particle_problems(DOCS)]
    assert found == [], "particles typed after a bracket:\n" + "\n".join(found)


# Figures in context


def test_every_figure_is_shown_in_the_running_text_of_a_prose_page(package, prose):
    in_text = set().union(*(page.in_text for page in prose.values()))
    missing = [figure_id for figure_id in package.figures if figure_id not in in_text]
    shown = len(package.figures) - len(missing)
    print(f"figures shown in prose: {shown} of {len(package.figures)}")
    assert missing == [], f"{shown} of {len(package.figures)} figures shown in prose; missing: {missing}"


def test_prose_pages_link_only_to_figures_that_exist(package, prose):
    linked = set().union(*(page.in_text | page.in_tables for page in prose.values()))
    assert linked - set(package.figures) == set()


def test_the_figures_of_each_item_direction_and_sector_are_tabulated(package, prose):
    """A reader who wants the numbers of an item at a glance finds them in a table under it."""
    tabled = set().union(*(page.in_tables for page in prose.values()))
    kinds = ("item", "direction", "sector")
    missing = [
        f.id for f in package.figures.values() if package.topics[f.topic].kind in kinds and f.id not in tabled
    ]
    assert missing == []


def test_every_link_to_a_check_names_a_check_that_exists(package, built_site):
    known = {check.id for check in package.checks}
    named = {
        (path, check_id)
        for path in PROSE_PAGES
        for check_id in re.findall(r'href="[^"]*checks/#check-([a-z0-9-]+)"', built_site.page(path))
    }
    assert named, "the prose pages should point readers to the checks"
    assert sorted(f"{path}: {check_id}" for path, check_id in named if check_id not in known) == []


# Anchors


PAGES_OF_2_0 = {"direction": "dnd2/", "sector": "dnd2/sectors/"}
PILLAR_PAGES = {
    "overview": "first-year/",
    "recovery": "first-year/recovery/",
    "leap-forward": "first-year/leap-forward/",
    "inclusiveness": "first-year/inclusiveness/",
}


def expected_anchors(package) -> dict[str, str]:
    """Topic id -> the page that must carry it as an id: items on their pillar's page, 2.0 on its pages."""
    anchors = {}
    for topic in package.topics.values():
        if topic.kind == "item":
            anchors[topic.id] = PILLAR_PAGES[topic.parent]
        elif topic.kind in ("direction", "sector"):
            anchors[topic.id] = PAGES_OF_2_0[topic.kind]
    return anchors


def test_each_numbered_item_direction_and_sector_has_its_own_anchor(package, prose):
    anchors = expected_anchors(package)
    missing = [f"{page}#{topic}" for topic, page in anchors.items() if topic not in prose[page].ids]
    assert missing == []


# Abbreviations


def test_abbreviations_show_as_hover_definitions_on_every_prose_page(built_site):
    for path in PROSE_PAGES:
        assert re.search(r'<abbr title="[^"]+">', built_site.page(path)), path


class ReadableText(HTMLParser):
    """A page's text a reader can hover: outside code, graphics, existing `<abbr>` and text only screen
    readers get (`dnd-hidden`)."""

    SKIPPED = {"script", "style", "code", "pre", "svg", "abbr", "textarea", "option", "title"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        hidden = tag == "span" and ("dnd-hidden" in (dict(attrs).get("class") or "") or self.skipping())
        if tag in self.SKIPPED or hidden:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def skipping(self) -> bool:
        return bool(self.open)

    def handle_data(self, data):
        if not self.open:
            self.text.append(data)


def test_every_listed_abbreviation_has_its_meaning_wherever_a_page_prints_it(built_site):
    """The glossary promises a hover meaning for every abbreviation on every page, so none the
    abbreviations file lists is left bare: not before a Korean particle ('CCTV를'), not after a Korean
    prefix ('비ICT'), not in a macro's HTML (a table's label). Code, figure ids and text only screen
    readers get are left alone."""
    from macros.pages.abbreviations import definitions, mark_abbreviations

    for edition, name in (("en", "abbreviations.md"), ("ko", "abbreviations.ko.md")):
        meanings = definitions(ROOT / "includes" / name)
        names = "|".join(re.escape(n) for n in sorted(meanings, key=len, reverse=True))
        bare = re.compile(rf"(?<![A-Za-z0-9-])(?:{names})(?![A-Za-z0-9-])")
        found = []
        for path in built_site.site.rglob("index.html"):
            if (path.relative_to(built_site.site).parts[0] == "ko") != (edition == "ko"):
                continue
            html = path.read_text(encoding="utf-8")
            reader = ReadableText()
            reader.feed(html[html.find("<article") : html.find("</article>")])
            text = " ".join(reader.text)
            found += [f"{path.relative_to(built_site.site)}: {m.group()}" for m in bare.finditer(text)]
        assert found == [], found[:10]
    marked = mark_abbreviations(
        "<p>지자체 CCTV를 <code>CCTV</code> 비ICT</p>", {"CCTV": "폐쇄회로", "ICT": "정보"}
    )
    assert (
        marked
        == '<p>지자체 <abbr title="폐쇄회로">CCTV</abbr>를 <code>CCTV</code> 비<abbr title="정보">ICT</abbr></p>'
    )


def test_no_abbreviation_definition_leaks_into_a_page(built_site):
    leaked = [
        str(page.relative_to(built_site.site))
        for page in built_site.site.rglob("*.html")
        if "*[" in page.read_text(encoding="utf-8")
    ]
    assert leaked == []


def test_the_glossary_defines_every_abbreviation(built_site):
    abbreviations = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    terms = re.findall(r"^\*\[([^\]]+)\]:", abbreviations, re.M)
    glossary = links(built_site.page("about/glossary/"))
    html = built_site.page("about/glossary/")
    defined = {re.sub(r"<[^>]+>", "", term).strip() for term in re.findall(r"<dt>(.*?)</dt>", html, re.S)}
    plural = {t for t in terms if t.endswith("s") and t[:-1] in terms}
    assert set(terms) - plural - defined == set()
    assert glossary.ids >= {"terms", "programme"}
