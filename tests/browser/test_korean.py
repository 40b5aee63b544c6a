"""The Korean edition as a reader meets it: the language switch leads to the same page in the other
language, and the search finds Korean words on Korean pages. (Axe, phone width and offline loading run
on every page of both editions in test_pages.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.data.package import load_package

from .conftest import Reader

pytestmark = [pytest.mark.browser, pytest.mark.cost(60)]
# One page of each Korean page type: home, prose, a figure page, the explorer, the checks, the
# dictionary, the sources table, the changelog and the 404 page.
KOREAN_PAGE_TYPES = (
    "ko/",
    "ko/first-year/leap-forward/",
    "ko/figures/voucher-smes-restated/",
    "ko/data/explorer/",
    "ko/data/checks/",
    "ko/data/dictionary/",
    "ko/about/licence/",
    "ko/about/changelog/",
    "ko/404.html",
)
# Every word of the page's text with Hangul, laid out on more than one line. Words end at spaces and
# before an opening bracket, where Korean typesetting may break ('비교' | '(넘지 않아야 함)'); code and
# ids (not words a reader reads as Korean) are left out.
SPLIT_WORDS = r"""
() => {
  const split = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, code, pre, svg') || !parent.getClientRects().length) continue;
    for (const found of node.textContent.matchAll(/\(?[^\s(]+/g)) {
      const word = found[0];
      if (!/[가-힣]/.test(word) || /[a-z]-[a-z]/.test(word)) continue;
      const range = document.createRange();
      range.setStart(node, found.index);
      range.setEnd(node, found.index + word.length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) split.push(word);
    }
  }
  return split;
}
"""


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


# An amount in myriads with its counter ('2조 4,500억 원', '12만 7,000개', '약 17만 개', '17만여 개', and
# with the verb joined to it, '114조 1,000억 원입니다'), a whole number with 여 before its counter
# ('4,300여 종', '1,000여 곳'), 약 before a number ('약 8,000개') and a date of year and month or of a day
# ('2021년 7월', '2021년 7월 22일') and a range's end ('7,500개 이상', '300종 초과'): what a Korean desk
# never breaks. A number ends in a digit: "106만 5,000, 발표값" may break after its comma; a word spaced
# after bare digits is no counter (a counter joins digits: '5,000명'), so "4,760만 5,000 이상" may break
# before 이상.
COMPOUND = (
    r"(?:약 )?\d(?:[\d,.]*\d)?[만억조](?: \d(?:[\d,.]*\d)?[만억조])*"
    r"(?: \d(?:[\d,.]*\d)?[가-힣]*|여?(?: ?[가-힣]+)?)"
    r"|\d(?:[\d,]*\d)?여 [가-힣]+|약 \d(?:[\d,.]*\d)?[가-힣%]*|\d{4}년 \d{1,2}월(?: \d{1,2}일)?"
    # A count in one word or a percentage with the word that bounds it ('7,500개 이상', '300종 초과').
    r"|\d(?:[\d,.]*\d)?(?:%|[가-힣]+) (?:이상|이하|초과|미만)"
)
# Every compound in a block of the page's text (a block that holds no other block), found across the
# block's inline elements (a link, a marked word), drawn on more than one line.
SPLIT_COMPOUNDS = r"""
(pattern) => {
  const split = new Set();
  const blocks = document.querySelectorAll(
    '.md-content :is(p, li, dt, dd, td, th, h1, h2, h3, h4, figcaption, caption, summary)');
  for (const block of blocks) {
    if (block.closest('code, pre, script, svg') || !block.getClientRects().length) continue;
    // A block holding blocks is read through them: its text runs one block's end into the next one's start.
    if (block.querySelector('p, li, dt, dd, td, th, h1, h2, h3, h4, figcaption, caption, summary, ul, ol, table, div')) continue;
    const nodes = [];
    let text = '';
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      nodes.push([node, text.length]);
      // A figure's standing marker after its value is a word of its own, not the value's counter.
      text += node.parentElement.closest('.dnd-standings') ? '\n'.repeat(node.textContent.length) : node.textContent;
    }
    const place = (offset, end) => {
      let n = nodes.length - 1;
      while (n > 0 && (end ? nodes[n][1] >= offset : nodes[n][1] > offset)) n--;
      return [nodes[n][0], offset - nodes[n][1]];
    };
    for (const found of text.matchAll(new RegExp(pattern, 'g'))) {
      const range = document.createRange();
      range.setStart(...place(found.index, false));
      range.setEnd(...place(found.index + found[0].length, true));
      const boxes = [...range.getClientRects()].filter(r => r.width > 0);
      const tops = boxes.map(r => r.top);
      const lowest = Math.min(...boxes.map(r => r.height));
      if (boxes.length && Math.max(...tops) - Math.min(...tops) > lowest * 0.8) split.add(found[0]);
    }
  }
  return [...split];
}
"""
# Korean pages dense with amounts and dates: the prose pages that give the budgets, and figure pages
# whose values, ranges and links are compound.
COMPOUND_PAGES = (
    *KOREAN_PAGE_TYPES,
    "ko/",
    "ko/first-year/",
    "ko/context/",
    "ko/dnd2/",
    "ko/data/corrections/",
    "ko/figures/budget-invested/",
    "ko/figures/new-deal-fund-size-ko/",
    "ko/figures/businesses-participating-ko/",
    # A summary whose amount is joined to a bracketed date, and values with 여 before their counter.
    "ko/figures/knd-plan-government-2025/",
    "ko/figures/data-types-released-ko/",
    "ko/figures/data-types-released/",
    "ko/figures/digital-learning-centres/",
    "ko/figures/subsidy24-services/",
    "ko/figures/smart-factories/",
)
# The narrowest phones a reader holds (360 px) besides the usual one (375 px).
NARROW = {"width": 360, "height": 780}


@pytest.mark.parametrize("narrow", [False, True], ids=["375px", "360px"])
def test_no_amount_or_date_is_broken_across_two_lines_on_a_phone(browser, site, narrow):
    reader = (
        Reader(browser, site, viewport=NARROW, is_mobile=True, has_touch=True)
        if narrow
        else Reader.on_phone(browser, site)
    )
    try:
        split = {}
        for path in dict.fromkeys(COMPOUND_PAGES):
            reader.open(path, until="load")
            found = reader.evaluate(SPLIT_COMPOUNDS, COMPOUND)
            if found:
                split[path] = found[:5]
    finally:
        reader.close()
    assert split == {}


def test_no_korean_word_is_split_across_two_lines_on_a_phone(browser, site):
    reader = Reader.on_phone(browser, site)
    try:
        split = {}
        for path in KOREAN_PAGE_TYPES:
            reader.open(path, until="load")
            words = reader.evaluate(SPLIT_WORDS)
            if words:
                split[path] = words[:5]
    finally:
        reader.close()
    assert split == {}


# Each code-like token kept whole (SHA-256) as its lines on screen, and each cell label naming one as the
# stylesheet writes it before the cell (generated text: its hyphen must sit between word joiners).
SPLIT_CODES = """() => {
  const split = [...document.querySelectorAll('.dnd-code-word')]
    .filter(e => e.offsetParent !== null && e.getClientRects().length > 1)
    .map(e => e.textContent);
  const labels = [...document.querySelectorAll('td[data-label*="SHA"]')]
    .map(td => getComputedStyle(td, '::before').content)
    .filter(c => c !== 'none' && !c.includes('\\u2060-\\u2060'));
  return {split, labels, kept: document.querySelectorAll('.dnd-code-word').length};
}"""


@pytest.mark.parametrize("path", ["ko/data/", "data/"])
def test_sha_256_never_breaks_at_its_hyphen_on_a_phone(browser, site, path):
    reader = Reader.on_phone(browser, site)
    try:
        reader.open(path, until="load")
        found = reader.evaluate(SPLIT_CODES)
    finally:
        reader.close()
    assert found["kept"] > 0 and found["split"] == [] and found["labels"] == []
