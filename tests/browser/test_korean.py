"""The Korean edition as a reader meets it: the language switch leads to the same page in the other
language, and the search finds Korean words on Korean pages. (Axe and offline loading run on every page
of both editions in test_pages.py; amounts, dates and words kept whole on a phone in test_phone.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.data.package import load_package

pytestmark = [pytest.mark.browser, pytest.mark.cost(20)]


@pytest.mark.parametrize(
    "english, korean",
    [
        ("first-year/recovery/", "ko/first-year/recovery/"),
        ("figures/budget-invested/", "ko/figures/budget-invested/"),
    ],
)
def test_the_language_switch_leads_to_the_same_page_in_the_other_language(reader, english, korean):
    reader.open(english, until="load")
    assert reader.evaluate("document.documentElement.lang") == "en"
    reader.page.hover(".md-header .md-select")
    reader.page.get_by_role("link", name="한국어").first.click()
    reader.page.wait_for_load_state("load")
    assert urlsplit(reader.page.url).path == "/" + korean
    assert reader.evaluate("document.documentElement.lang") == "ko"
    reader.page.hover(".md-header .md-select")
    reader.page.get_by_role("link", name="English").first.click()
    reader.page.wait_for_load_state("load")
    assert urlsplit(reader.page.url).path == "/" + english


def test_a_korean_figure_page_shows_the_korean_label_and_value(reader):
    figure = load_package().figures["budget-invested"]
    reader.open("ko/figures/budget-invested/", until="load")
    assert reader.page.locator("h1").inner_text() == figure.label_ko
    assert reader.page.locator(".dnd-figure-value").inner_text() == figure.text("ko")


def test_the_search_finds_a_korean_word_on_a_korean_page(site, reader):
    figure = load_package().figures["metaverse-alliance-members"]
    word = next(w for w in figure.label_ko.split() if len(w) >= 2 and not w.isascii())
    holders = {path for path in site.pages() if path.startswith("ko/") and word in site.html(path)}
    assert holders, f"no Korean page shows {word!r}"
    reader.open("ko/")
    field = reader.page.locator(".md-search__input")
    field.click()
    # Hangul is entered as text, not as key presses (Playwright types it without key events), so a
    # key press follows for the theme's search to read the field.
    field.fill(word)
    reader.page.keyboard.press("End")
    reader.page.wait_for_selector(".md-search-result__link", timeout=30_000)
    found = reader.evaluate("[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)")
    pages = {urlsplit(url).path.removeprefix("/") for url in found}
    assert pages & holders, f"search for {word!r} gave {sorted(pages)}, none of {sorted(holders)}"
    assert all(page.startswith("ko/") for page in pages), (
        f"a Korean search lists English pages: {sorted(pages)}"
    )


@pytest.mark.parametrize("path", ["data/", "ko/data/"])
def test_the_package_citation_ends_in_an_address_a_reader_can_paste(reader, path):
    """A site built without its own address knows only the archive's path; the browser knows the whole
    address, so the citation a reader copies ends in it, and the note about a bare path is hidden."""
    version = load_package().version
    reader.open(path, until="load")
    link = reader.page.locator(".dnd-cite .dnd-citation a").first
    text = link.inner_text()
    assert text == reader.evaluate("a => a.href", link.element_handle())
    assert text.startswith("http://") and text.endswith(f"/data/download/{version}/datapackage.zip")
    assert reader.page.locator(".dnd-cite-prefix").is_hidden()
