"""A reader on a phone, 375 px wide, in both editions: whole numbers and words, nothing wider than the
screen, charts with legible text, a checks page that is a short list, and an explorer view that a link
restores without opening the site search."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_prose import PROSE_PAGES

from macros.data.package import load_package

from .conftest import EDITIONS, Reader

pytestmark = [pytest.mark.browser, pytest.mark.cost(70)]

PHONE = {"width": 375, "height": 812}
MIN_TEXT_PX = 12
CHECKS_MAX_PX = 12_000
# The prose pages, each data page, the licence and two figure pages.
PAGES = (
    *PROSE_PAGES,
    "data/",
    "data/explorer/",
    "data/checks/",
    "data/corrections/",
    "data/dictionary/",
    "about/licence/",
    "figures/budget-invested/",
    "figures/smart-factories/",
)

# Every element of the content that reaches past the screen's right edge, unless a box that scrolls
# sideways holds it; every number (a figure's value) drawn on more than one line; every word drawn on
# more than one line (a word is what lies between spaces, hyphens, slashes, middle dots, brackets and
# per cent signs, after or before which a line may end, as in "0.1%|포인트"; an address is not a
# word); every
# chart text under 12 px.
LAYOUT = """([width, minText]) => {
  const name = element => element.tagName.toLowerCase()
    + (element.id ? '#' + element.id : '')
    + (element.classList.length ? '.' + [...element.classList].join('.') : '');
  const scrolls = element => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) return true;
    }
    return false;
  };
  // Text for screen readers only sits in a clipped one-pixel box: nothing of it is on the screen.
  const unseen = element => {
    for (let box = element; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).clipPath !== 'none' && box.getBoundingClientRect().width <= 1) return true;
    }
    return false;
  };
  const content = document.querySelector('.md-content');
  const wide = [...content.querySelectorAll('*')]
    .filter(element => element.getClientRects().length && !scrolls(element) && !unseen(element))
    .filter(element => element.getBoundingClientRect().right > width + 1)
    .map(element => `${name(element)} reaches ${Math.round(element.getBoundingClientRect().right)} px`);
  // An inline element gives a box per line, and one per child on a line (a marked word, a quotation):
  // the lines are the distinct tops of its boxes.
  const lines = element => new Set([...element.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  const numbers = [...content.querySelectorAll('.dnd-fig, .dnd-num')]
    .filter(number => lines(number) > 1)
    .map(number => `number "${number.textContent}" on ${lines(number)} lines`);
  const words = [];
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('svg, script, style')) continue;
    if (/^\\s*https?:\\/\\//.test(node.data)) continue;
    // An address inside a sentence may wrap anywhere too: its characters are not words.
    const text = node.data.replace(/https?:\\/\\/\\S+/g, address => ' '.repeat(address.length));
    for (const match of text.matchAll(/[^\\s\\-\\u2010-\\u2014/·()%]+/g)) {
      if (match[0].length < 2) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      if (rects.some(r => r.top >= rects[0].bottom - 1)) words.push(`word "${match[0]}" split across lines in ${name(node.parentElement)}`);
    }
  }
  const small = [...content.querySelectorAll('svg.dnd-chart-svg')]
    .filter(svg => svg.getClientRects().length)
    .flatMap(svg => [...svg.querySelectorAll('text')].map(text => {
      const m = text.getScreenCTM();
      const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
      return [svg.id || svg.getAttribute('aria-labelledby'), text.textContent, px];
    }))
    .filter(([, , px]) => px < minText - 0.05)
    .map(([chart, text, px]) => `chart text "${text}" in ${chart} is ${px.toFixed(1)} px`);
  return {
    page: Math.max(document.documentElement.scrollWidth, window.innerWidth),
    problems: [...wide, ...numbers, ...words, ...small],
  };
}"""


@pytest.fixture(scope="module")
def phone(browser, site) -> Iterator[Reader]:
    tab = Reader(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)
    yield tab
    tab.close()


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_on_a_phone_the_page_fits_and_no_number_or_word_breaks(phone, edition, path):
    where = "/" + edition + path
    visit = phone.open(edition + path)
    assert visit.status == 200, f"{where}: status {visit.status}"
    assert not visit.problems(), f"{where}: {visit.problems()}"
    assert not visit.foreign(phone.site.origin), f"{where}: {visit.foreign(phone.site.origin)}"
    layout = phone.evaluate(LAYOUT, [PHONE["width"], MIN_TEXT_PX])
    assert layout["page"] <= PHONE["width"], f"{where} is {layout['page']} px wide on a 375 px screen"
    assert not layout["problems"], f"{where}:\n" + "\n".join(layout["problems"])


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_on_a_phone_the_checks_page_is_a_short_list_with_the_outcome_first(phone, edition):
    phone.open(edition + "data/checks/", until="load")
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert height < CHECKS_MAX_PX, f"/{edition}data/checks/ is {height} px tall at 375 px"
    closed = phone.evaluate(
        "[...document.querySelectorAll('li.dnd-check details')].filter(d => !d.open).length"
    )
    assert closed == len(load_package().outcomes), "each check's arithmetic is folded away, one tap from it"


SHOWN_CHECKS = """() => [...document.querySelectorAll('li.dnd-check')]
  .filter(check => check.getClientRects().length).map(check => check.dataset.outcome)"""


def test_the_outcome_buttons_narrow_the_checks_to_one_outcome(reader):
    reader.open("data/checks/", until="load")
    page = reader.page
    every = page.evaluate(SHOWN_CHECKS)
    assert len(every) == len(load_package().outcomes)
    page.click(".dnd-checks-filter button[data-outcome=fails]")
    assert page.evaluate(SHOWN_CHECKS) == ["fails"] * every.count("fails")
    assert page.get_attribute(".dnd-checks-filter button[data-outcome=fails]", "aria-pressed") == "true"
    page.click(".dnd-checks-filter button[data-outcome='']")
    assert page.evaluate(SHOWN_CHECKS) == every


ROWS = """() => [...document.querySelectorAll('#dnd-explorer tbody tr')]
  .filter(row => !row.hidden).map(row => row.dataset.id)"""
SEARCH_OPEN = "document.querySelector('[data-md-toggle=search]').checked"


def explorer_rows(reader: Reader, query: str) -> list[str]:
    reader.open("data/explorer/" + query)
    reader.page.locator(".dnd-filter").wait_for(state="visible")
    return reader.page.evaluate(ROWS)


@pytest.mark.parametrize("typed", ["8000", "8,000"])
def test_the_explorer_filter_finds_a_value_typed_as_stored_or_as_shown(phone, typed):
    figure = load_package().figures["smart-factories"]
    assert figure.value == 8000 and "8,000" in figure.text()
    explorer_rows(phone, "")
    phone.page.fill("#dnd-filter-input", typed)
    assert figure.id in phone.page.evaluate(ROWS), f"typing {typed!r} does not find {figure.id}"


def test_a_filtered_explorer_opened_from_its_address_shows_the_same_rows_with_the_search_closed(
    browser, site, phone
):
    explorer_rows(phone, "")
    phone.page.fill("#dnd-filter-input", "budget")
    shown = phone.page.evaluate(ROWS)
    assert 0 < len(shown) < len(load_package().figures)
    address = phone.page.url
    other = Reader(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        other.page.goto(address, wait_until="networkidle")
        other.page.locator(".dnd-filter").wait_for(state="visible")
        assert other.page.evaluate(ROWS) == shown, f"{address} shows other rows"
        assert other.page.evaluate(SEARCH_OPEN) is False, f"{address} opens the site search"
    finally:
        other.close()


def test_an_older_link_with_q_opens_the_same_filter_and_not_the_site_search(reader):
    shown = explorer_rows(reader, "?q=budget")
    assert reader.page.input_value("#dnd-filter-input") == "budget"
    assert shown and all("budget" in reader.page.locator(f"#fig-{i}").inner_text().lower() for i in shown)
    assert reader.page.evaluate(SEARCH_OPEN) is False
    assert "q=" not in reader.page.url.replace("filter=", "")


def test_the_copy_link_button_copies_the_address_of_the_view(browser, site):
    reader = Reader(browser, site, permissions=["clipboard-read", "clipboard-write"])
    try:
        explorer_rows(reader, "?unit=krw")
        reader.page.click("#dnd-filter-link")
        reader.page.wait_for_function("document.getElementById('dnd-filter-copied').textContent !== ''")
        assert reader.evaluate("navigator.clipboard.readText()") == reader.page.url
        assert "unit=krw" in reader.page.url
    finally:
        reader.close()
