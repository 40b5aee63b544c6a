"""What a reader does on the site: search, filter the explorer, follow a figure link, switch palette."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

import pytest

from macros.data.package import load_package

pytestmark = pytest.mark.browser

FIGURE = "metaverse-alliance-members"
EXPLORER = "data/explorer/"
QUERY = "Metaverse Alliance"
NOT_A_WORD = "qqzzxx"


@pytest.fixture(scope="module")
def label() -> str:
    return load_package().figures[FIGURE].label


def test_search_finds_a_figure_by_a_word_of_its_label(site, reader, label):
    holders = {path for path in site.pages() if escape(label, quote=False) in site.html(path)}
    assert all(word in label.split() for word in QUERY.split()), f"{QUERY!r} is not from the label {label!r}"
    assert holders, f"no page shows the label of {FIGURE!r}: {label!r}"
    reader.open("")
    reader.page.locator(".md-search__input").click()
    reader.page.keyboard.type(QUERY)
    reader.page.wait_for_selector(".md-search-result__link", timeout=30_000)
    found = reader.evaluate("[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)")
    pages = {urlsplit(url).path.removeprefix("/") for url in found}
    assert pages & holders, (
        f"search results {sorted(pages)} miss every page showing the label: {sorted(holders)}"
    )
    assert not [page for page in pages if page.startswith("ko/")], "an English search lists Korean pages"


def open_explorer(reader):
    reader.open(EXPLORER, until="load")
    fields = reader.page.locator(".md-content input[type=search]")
    # The filter is what the explorer is for: a page without it is a failure, not a skip.
    assert fields.count(), f"/{EXPLORER} has no filter (input[type=search])"
    return fields.first


VISIBLE_ROWS = """field => {
  const table = document.getElementById(field.getAttribute('aria-controls'))
    || field.closest('.md-content').querySelector('table');
  return [...table.tBodies[0].rows].filter(row => row.getClientRects().length).map(row => row.id || row.textContent);
}"""


def visible_rows(field) -> list[str]:
    return field.evaluate(VISIBLE_ROWS)


def test_the_explorer_filter_narrows_the_table_to_matching_rows(reader):
    field = open_explorer(reader)
    field.wait_for(state="visible")
    every = visible_rows(field)
    assert len(every) == len(load_package().figures)
    field.fill("metaverse")
    narrowed = visible_rows(field)
    assert f"fig-{FIGURE}" in narrowed
    assert 0 < len(narrowed) < len(every)
    field.fill(NOT_A_WORD)
    assert visible_rows(field) == []
    field.fill("")
    assert visible_rows(field) == every


def test_the_explorer_filter_finds_a_figure_by_a_word_of_its_sources_sentence(reader):
    """The quote has no column, yet a word only the source's sentence holds finds the figure."""
    figure = load_package().figures["new-deal-fund-size-ko"]
    word = "뉴딜펀드로"
    assert word in figure.quote and word not in figure.label_ko and word not in figure.label
    field = open_explorer(reader)
    field.wait_for(state="visible")
    field.fill(word)
    assert f"fig-{figure.id}" in visible_rows(field)


TARGET = """() => {
  const row = document.querySelector(':target');
  if (!row) return null;
  const look = element => {
    const style = getComputedStyle(element), cell = getComputedStyle(element.cells[0]);
    return [style.backgroundColor, style.outlineStyle, cell.backgroundColor].join(' ');
  };
  const neighbours = [row.previousElementSibling, row.nextElementSibling].filter(Boolean);
  const rect = row.getBoundingClientRect();
  return {
    tag: row.tagName, id: row.id, look: look(row), neighbours: neighbours.map(look),
    top: rect.top, bottom: rect.bottom, header: document.querySelector('.md-header').getBoundingClientRect().bottom,
    height: window.innerHeight,
  };
}"""


def test_a_figure_link_lands_on_its_explorer_row_and_highlights_it(reader):
    open_explorer(reader)
    reader.open(f"{EXPLORER}#fig-{FIGURE}")
    target = reader.evaluate(TARGET)
    assert target is not None, f"#fig-{FIGURE} names no element on /{EXPLORER}"
    assert (target["tag"], target["id"]) == ("TR", f"fig-{FIGURE}")
    assert target["neighbours"], "the targeted row has no neighbour to compare with"
    assert all(target["look"] != other for other in target["neighbours"]), (
        f"the row looks like its neighbours: {target}"
    )
    in_view = target["header"] - 1 <= target["top"] and target["bottom"] <= target["height"]
    assert in_view, f"the row is not in view below the header: {target}"


def test_the_palette_toggle_switches_between_light_and_dark_and_is_remembered(reader):
    reader.open("", until="load")
    assert reader.scheme() == "default"
    toggle = reader.page.locator('[data-md-component="palette"] label:visible')
    toggle.first.click()
    reader.page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    reader.open("about/", until="load")
    assert reader.scheme() == "slate"
    toggle.first.click()
    reader.page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
