"""A reader on a phone, 375 px wide, in both editions: no page wider than the screen, whole numbers and
words (Korean amounts, dates and words, and codes, kept on one line, at 360 px too), charts with legible
text, a checks page that is a short list, and an explorer view that a link restores without opening the
site search.

Each page is opened once at 375 px for all the tests that read it (`phone_visits`); they read what it
measured. What a test states is measured on a fresh load of the page, before anything is clicked."""

from __future__ import annotations

import pytest
from test_prose import PROSE_PAGES

from macros.data.package import load_package

from .conftest import EDITIONS, MIN_TEXT_PX, PHONE, Reader, Site
from .test_laptop import LAYOUT as LAPTOP_LAYOUT
from .test_laptop import MEASURE, layout_pages, layout_problems
from .test_pages import report
from .test_readers import CHART_TEXT

pytestmark = [pytest.mark.browser, pytest.mark.cost(110)]

CHECKS = "data/checks/"
CHECKS_MAX_PX = 12_000
# The prose pages, each data page, the licence and two figure pages.
PAGES = (
    *PROSE_PAGES,
    "data/",
    "data/explorer/",
    CHECKS,
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
# word); every chart text under 12 px.
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

OVERFLOW = """width => {
  const fits = box => {
    const rect = box.getBoundingClientRect();
    return rect.left >= -1 && rect.right <= width + 1;
  };
  const tables = [...document.querySelectorAll('.md-content table')].map(table => {
    for (let box = table; box && box !== document.body; box = box.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX) && fits(box)) return true;
    }
    return fits(table);
  });
  // A heading's text past its box's edge: the theme clips it rather than scroll the page, so the page's
  // width does not show it ('한국통신사업자연합회(KTOA)' kept whole in a title).
  const headings = [...document.querySelectorAll('.md-content :is(h1, h2, h3, h4)')]
    .filter(h => h.getClientRects().length && h.scrollWidth > h.clientWidth + 1)
    .map(h => h.textContent.trim().slice(0, 40));
  return {page: document.documentElement.scrollWidth, viewport: window.innerWidth, tables, headings};
}"""

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
# before an opening bracket, where Korean typesetting may break ('비교' | '(넘지 않아야 합니다)'); code and
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


# The pages where a code (SHA-256) is shown in a table.
CODE_PAGES = ("ko/data/", "data/")


def phone_pages(site: Site) -> dict[str, tuple[str, ...]]:
    """What each measurement below reads: the pages it is taken on."""
    return {
        "sideways": tuple(site.pages()),
        "layout": tuple(edition + path for edition in EDITIONS for path in PAGES),
        "charts": tuple(path for path in site.pages() if "dnd-chart-svg" in site.html(path)),
        "compounds": tuple(dict.fromkeys(COMPOUND_PAGES)),
        "words": KOREAN_PAGE_TYPES,
        "codes": CODE_PAGES,
        "checks": tuple(edition + CHECKS for edition in EDITIONS),
        "laptop": tuple(
            edition + path for edition in EDITIONS for path in layout_pages(PHONE["width"]).values()
        ),
    }


# The checks page's height and how many checks are folded.
CHECKS_LAYOUT = """() => ({
  height: document.documentElement.scrollHeight,
  closed: [...document.querySelectorAll('li.dnd-check details')].filter(d => !d.open).length,
})"""

# Each measurement as the script that takes it and its argument.
MEASUREMENTS = {
    "sideways": (OVERFLOW, PHONE["width"]),
    "layout": (LAYOUT, [PHONE["width"], MIN_TEXT_PX]),
    "charts": (CHART_TEXT, None),
    "compounds": (SPLIT_COMPOUNDS, COMPOUND),
    "words": (SPLIT_WORDS, None),
    "codes": (SPLIT_CODES, None),
    "checks": (CHECKS_LAYOUT, None),
    "laptop": (LAPTOP_LAYOUT, [MEASURE]),
}


@pytest.fixture(scope="module")
def phone_visits(browser, site) -> dict[str, dict]:
    """Every page a test below reads, opened once on a phone, with what each measurement found there and
    how the page loaded. The measurements only read the page, so each sees it as a reader does after
    loading it. A page whose load a test judges (`layout`) is read once the network is quiet (any late
    fetch), so a late failure is caught; the others once the page has loaded. The site search's index is
    stood in (see Reader): test_pages.py loads the real one on every page."""
    wanted = phone_pages(site)
    found: dict[str, dict] = {}
    reader = Reader.on_phone(browser, site, search=False)
    try:
        for path in dict.fromkeys(p for paths in wanted.values() for p in paths):
            visit = reader.open(path, until="networkidle" if path in wanted["layout"] else "load")
            found[path] = {
                kind: reader.evaluate(*MEASUREMENTS[kind]) for kind, paths in wanted.items() if path in paths
            }
            found[path]["load"] = (visit.status, visit.problems(), visit.foreign(site.origin))
            if path in COMPOUND_PAGES:
                # The narrowest phone, on the same load: the page laid out again at its width.
                reader.page.set_viewport_size(NARROW)
                found[path]["narrow"] = reader.evaluate(SPLIT_COMPOUNDS, COMPOUND)
                reader.page.set_viewport_size(PHONE)
    finally:
        reader.close()
    return found


def test_no_page_scrolls_sideways_on_a_phone_and_tables_scroll_in_their_own_box(site, phone_visits):
    """And no heading runs past its line."""
    problems = []
    for path in site.pages():
        layout = phone_visits[path]["sideways"]
        # A phone widens its layout viewport to fit content that overflows: compare with the screen.
        wide = max(layout["page"], layout["viewport"])
        if wide > PHONE["width"]:
            problems.append((path, f"the page is {wide} px wide on a {PHONE['width']} px screen"))
        for heading in layout["headings"]:
            problems.append((path, f"the heading {heading!r} runs past its line"))
        for number, contained in enumerate(layout["tables"], start=1):
            if not contained:
                problems.append((path, f"table {number} does not scroll inside a box as wide as the screen"))
    assert not problems, report(problems)


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_on_a_phone_the_page_fits_and_no_number_or_word_breaks(phone_visits, edition, path):
    where = "/" + edition + path
    status, problems, foreign = phone_visits[edition + path]["load"]
    assert status == 200, f"{where}: status {status}"
    assert not problems, f"{where}: {problems}"
    assert not foreign, f"{where}: {foreign}"
    layout = phone_visits[edition + path]["layout"]
    assert layout["page"] <= PHONE["width"], f"{where} is {layout['page']} px wide on a 375 px screen"
    assert not layout["problems"], f"{where}:\n" + "\n".join(layout["problems"])


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_on_a_phone_tables_are_whole_charts_keep_their_labels_and_text_keeps_a_comfortable_measure(
    phone_visits, edition
):
    """test_laptop.py's layout at 375 px, read on this module's visit of its pages."""
    width = PHONE["width"]
    problems = [
        f"/{edition}{path} ({kind}) at {width} px: {problem}"
        for kind, path in layout_pages(width).items()
        for problem in layout_problems(phone_visits[edition + path]["laptop"], kind, width)
    ]
    assert not problems, "\n".join(problems)


def test_every_text_in_every_chart_is_at_least_12_px_on_a_phone(site, phone_visits):
    """Every page with a chart (at 1280 px in test_readers.py)."""
    charts = phone_pages(site)["charts"]
    sizes = [(path, text, px) for path in charts for text, px in phone_visits[path]["charts"]]
    assert sizes, "no chart text found"
    small = [(path, text, round(px, 2)) for path, text, px in sizes if px < MIN_TEXT_PX - 0.05]
    assert not small, small


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_on_a_phone_the_checks_page_is_a_short_list_with_the_outcome_first(phone_visits, edition):
    checks = phone_visits[edition + CHECKS]["checks"]
    assert checks["height"] < CHECKS_MAX_PX, f"/{edition}{CHECKS} is {checks['height']} px tall at 375 px"
    assert checks["closed"] == len(load_package().outcomes), (
        "each check's arithmetic is folded away, one tap from it"
    )


# The narrowest phones a reader holds (360 px) besides the usual one (375 px).
NARROW = {"width": 360, "height": 780}


@pytest.mark.parametrize("width", ["compounds", "narrow"], ids=["375px", "360px"])
def test_no_amount_or_date_is_broken_across_two_lines_on_a_phone(phone_visits, width):
    split = {
        path: phone_visits[path][width][:5]
        for path in dict.fromkeys(COMPOUND_PAGES)
        if phone_visits[path][width]
    }
    assert split == {}


def test_no_korean_word_is_split_across_two_lines_on_a_phone(phone_visits):
    split = {
        path: phone_visits[path]["words"][:5] for path in KOREAN_PAGE_TYPES if phone_visits[path]["words"]
    }
    assert split == {}


@pytest.mark.parametrize("path", CODE_PAGES)
def test_sha_256_never_breaks_at_its_hyphen_on_a_phone(phone_visits, path):
    found = phone_visits[path]["codes"]
    assert found["kept"] > 0 and found["split"] == [] and found["labels"] == []


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
    reader.open("data/explorer/" + query, until="load")
    reader.page.locator(".dnd-filter").wait_for(state="visible")
    return reader.page.evaluate(ROWS)


def test_a_filtered_explorer_opened_from_its_address_shows_the_same_rows_with_the_search_closed(
    browser, site
):
    phone = Reader.on_phone(browser, site)
    other = Reader.on_phone(browser, site)
    try:
        explorer_rows(phone, "")
        phone.page.fill("#dnd-filter-input", "budget")
        shown = phone.page.evaluate(ROWS)
        assert 0 < len(shown) < len(load_package().figures)
        address = phone.page.url
        other.page.goto(address, wait_until="load")
        other.page.locator(".dnd-filter").wait_for(state="visible")
        assert other.page.evaluate(ROWS) == shown, f"{address} shows other rows"
        assert other.page.evaluate(SEARCH_OPEN) is False, f"{address} opens the site search"
    finally:
        phone.close()
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
