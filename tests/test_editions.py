"""The Korean edition: every page has its twin, twins show the same data, and every text of the page
builders has its Korean words in the catalogue."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from conftest import build_site, copy_project

from macros.data.checks import KINDS, OUTCOMES
from macros.data.intervals import RULES
from macros.data.link import RELATIONS
from macros.data.locator import PLACES
from macros.data.package import load_package
from macros.data.standing import STATES
from macros.pages.dictionary import FOLLOWS
from macros.pages.errata import RELATION_CONTEXTS
from macros.pages.figure_page import DATE_CONTEXT, DATE_NAMES
from macros.pages.i18n import LOCALE, MissingText, catalogue, tr
from macros.site.editions import macro_calls, macro_differences, missing_twins, twin

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def code_texts() -> set[tuple[str | None, str]]:
    """Every text the code marks for translation, with its context: tr(lang, "..."), tr(lang, "...",
    "context") and N_("...") anywhere in macros/, tr(lang, "...") in the theme's templates; and the texts the records define as data of the code
    (the interval rules, the check kinds' wording, the places of other sources)."""
    found = extract_from_dir(
        ROOT / "macros",
        method_map=[("**.py", "python")],
        keywords={"tr": {2: (2,), 3: ((3, "c"), 2)}, "N_": None},
    )
    templates = extract_from_dir(
        ROOT / "overrides", method_map=[("**.html", "jinja2.ext:babel_extract")], keywords={"tr": (2,)}
    )
    texts = {(context, message) for _, _, message, _, context in [*found, *templates]}
    texts |= {("interval rule", t) for r in RULES for t in (r.name, r.applies, r.interval, r.reason)}
    texts |= {("check", words) for kind in KINDS.values() for words in (kind.against, kind.as_printed)}
    texts |= {("check role", words) for kind in KINDS.values() for words in kind.roles}
    texts |= {("check working", kind.working) for kind in KINDS.values()}
    texts |= {("place", words) for words in PLACES}
    texts |= {(DATE_CONTEXT, names[0]) for names in DATE_NAMES.values()}
    texts |= {
        ("figure standing", words) for state in STATES.values() for words in (state.marker, state.meaning)
    }
    return texts


# The contexts of names that come from the data's enumerations, held by the test after this one.
DATA_NAMES = {
    "status",
    "outcome",
    "outcome verb",
    "check kind",
    *RELATION_CONTEXTS.values(),
    "relation",
    "source kind",
    "standing",
}
DATA_NAMES |= {"correction kind", "part", "term follows"}
# A ranking's or a date's 'actual' reads as a settled fact (standing.status_context).
DATA_NAMES |= {"status of a fact"}
# The data dictionary glosses each field's type and each code of an enumeration.
DATA_NAMES |= {"field type", "field format", "topic kind", "unit display", "link relation"}


def test_every_text_of_the_code_has_its_korean_words_and_the_catalogue_has_no_leftovers():
    texts = code_texts()
    korean = {key for key in catalogue("ko") if key[0] not in DATA_NAMES}
    assert sorted(texts - korean, key=str) == [], "texts without Korean words in macros/pages/locale/ko.po"
    assert sorted(korean - texts, key=str) == [], "Korean words for texts no code uses any more"


def enum(package, table: str, field: str) -> list[str]:
    return next(f for f in package.tables[table].fields if f["name"] == field)["constraints"]["enum"]


def test_every_name_of_the_data_a_page_shows_has_its_korean_words():
    package = load_package()
    names = {
        "status": enum(package, "figures", "status"),
        "status of a fact": ["actual"],
        "outcome": list(OUTCOMES.values()),
        "outcome verb": list(OUTCOMES.values()),
        "check kind": [kind.words for kind in KINDS.values()],
        "check relation": [kind.relation for kind in KINDS.values()],
        **{context: [kind.relation for kind in KINDS.values()] for context in RELATION_CONTEXTS.values()},
        "relation": [words for pair in RELATIONS.values() for words in pair],
        "source kind": [k.replace("-", " ") for k in enum(package, "sources", "kind")],
        "standing": enum(package, "sources", "standing"),
        "correction kind": [k.replace("-", " ") for k in enum(package, "corrections", "kind")],
        "part": sorted(
            {loc.part_words() for f in package.figures.values() for loc in f.locators if not loc.place}
            - {"text"}
        ),
        "field type": sorted({f.get("type", "string") for t in package.tables.values() for f in t.fields}),
        "field format": sorted(
            {f["format"] for t in package.tables.values() for f in t.fields if "format" in f}
        ),
        "topic kind": enum(package, "topics", "kind"),
        "unit display": enum(package, "units", "display"),
        "link relation": enum(package, "links", "relation"),
        "term follows": list(FOLLOWS),
    }
    for context, values in names.items():
        for value in values:
            assert tr("ko", value, context), (context, value)


def test_a_text_without_korean_words_stops_with_the_catalogue_and_the_text():
    assert tr("en", "No such text") == "No such text"
    with pytest.raises(MissingText, match=r"macros/pages/locale/ko\.po: no translation of 'No such text'"):
        tr("ko", "No such text")


def test_the_catalogue_is_a_gettext_file_babel_reads():
    assert (LOCALE / "ko.po").read_text(encoding="utf-8").count('msgid "') > 50


def test_every_page_has_its_korean_twin_and_the_reverse():
    pages = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")]
    assert missing_twins(pages, ("en", "ko")) == []
    assert sum(p.endswith(".ko.md") for p in pages) * 2 == len(pages)


def test_twins_call_the_same_macros():
    pages = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md")}
    assert macro_differences(pages) == []


def test_a_twin_is_the_same_path_with_the_language_before_the_suffix():
    assert twin("data/index.md", "ko") == "data/index.ko.md"
    assert twin("data/index.ko.md", "en") == "data/index.md"
    assert missing_twins(["a.md", "b.ko.md"], ("en", "ko")) == [
        "docs/a.md: no ko twin (write docs/a.ko.md)",
        "docs/b.ko.md: no en twin (write docs/b.md)",
    ]


def test_macro_calls_are_named_with_their_first_argument():
    calls = macro_calls(
        '{{ fig("budget-invested") }} and {{ figure_table("overview", "캡션") }} {{ figure_count() }}'
    )
    assert calls == {"fig('budget-invested')", "figure_table('overview')", "figure_count()"}


def test_a_macro_call_inside_another_calls_aside_is_named_too():
    calls = macro_calls(
        '{{ fig("dnd-plan-investment-2025", josa="을", aside="국비 " ~ fig("dnd-plan-government-2025")) }}'
    )
    assert calls == {"fig('dnd-plan-investment-2025')", "fig('dnd-plan-government-2025')"}


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """A copy whose Korean home page lacks a figure and whose Korean glossary is missing."""
    project = copy_project(tmp_path_factory.mktemp("editions") / "project")
    home = project / "docs" / "index.ko.md"
    english = (project / "docs" / "index.md").read_text(encoding="utf-8")
    first = sorted(c for c in macro_calls(english) if c.startswith("fig("))[0]
    figure_id = first.split("'")[1]
    text = home.read_text(encoding="utf-8")
    # Every call of that figure, whatever its form or particle ('{{ fig("id", josa="을") }}').
    text = re.sub(r'\{\{ fig\("' + re.escape(figure_id) + r'"[^}]*\}\}', "", text)
    home.write_text(text, encoding="utf-8")
    (project / "docs" / "about" / "glossary.ko.md").unlink()
    return build_site(project), figure_id


def test_a_page_without_its_twin_or_with_other_macros_stops_the_build_naming_both(faulty):
    build, figure_id = faulty
    assert build.returncode != 0
    assert "docs/about/glossary.md: no ko twin (write docs/about/glossary.ko.md)" in build.output
    assert f"docs/index.ko.md: lacks fig('{figure_id}'), which docs/index.md uses" in build.output
    assert not (build.site / "index.html").exists()


def test_the_korean_edition_writes_figures_in_korean_and_links_to_the_english_twin(built_site):
    package = load_package()
    figure = package.figures["budget-invested"]
    korean = built_site.page("ko/figures/budget-invested/")
    assert '<html lang="ko"' in korean
    assert figure.label_ko in korean and figure.text("ko") in korean
    # The language switch leads to the twin; the hreflang pairs are in the sitemap, not in the head,
    # where the theme would fetch a sitemap.xml beside each (overrides/main.html).
    assert '<a href="../../../figures/budget-invested/" hreflang="en" class="md-select__link">' in korean
    english = built_site.page("figures/budget-invested/")
    assert '<a href="../../ko/figures/budget-invested/" hreflang="ko" class="md-select__link">' in english
    assert '<link rel="alternate"' not in korean + english
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert '<xhtml:link rel="alternate" hreflang="ko" href="ko/figures/budget-invested/"/>' in sitemap
    home = built_site.page("ko/")
    assert figure.text("ko") in home


def test_the_korean_edition_has_every_page_of_the_english_one(built_site):
    english = {
        p.relative_to(built_site.site).as_posix()
        for p in built_site.site.rglob("index.html")
        if not p.relative_to(built_site.site).as_posix().startswith("ko/")
    }
    korean = {
        p.relative_to(built_site.site / "ko").as_posix() for p in (built_site.site / "ko").rglob("index.html")
    }
    assert english == korean


def test_the_search_index_holds_korean_pages_in_korean(built_site):
    index = json.loads((built_site.site / "ko" / "search" / "search_index.json").read_text(encoding="utf-8"))
    korean = index["docs"]
    assert korean and any("데이터" in doc["text"] for doc in korean)
