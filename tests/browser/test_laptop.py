"""A reader at 375, 1024 and 1280 px, with a mouse and with a keyboard, in both editions: tables whole,
chart labels inside their chart, a comfortable measure (at 375 px read on test_phone.py's visits), an
explorer whose filter shows what it matched and keeps its headings (and on a phone its count and first
rows) in view, a language switch that keeps the view, and focus that is always on something visible,
ringed, after the skip link."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from macros.data.package import load_package
from macros.data.words import speaker
from macros.pages.links import figure_anchor
from macros.tools.export import number_value

from .conftest import EDITIONS, KOREAN, Reader

pytestmark = [pytest.mark.browser, pytest.mark.cost(150)]

WIDTHS = (375, 1024, 1280)
# The widths whose layout this module reads on its own visits (375 px: test_phone.py).
LAPTOP_WIDTHS = WIDTHS[1:]
PAGES = {
    "data dictionary": "data/dictionary/",
    "corrections": "data/corrections/",
    "targets": "context/targets/",
    "explorer": "data/explorer/",
    "pillar": "first-year/leap-forward/",
    "figure": "figures/budget-invested/",
    "checks": "data/checks/",
    "licence": "about/licence/",
}
EXPLORER = PAGES["explorer"]
# About 100 characters a line at most, measured in the page's own font.
MEASURE = 100
# Above a phone's keyboard: the part of an 812 px screen a keyboard leaves.
ABOVE_KEYBOARD = 460
TAB_STOPS = 30
# A tripwire for a pillar page's length on a phone, about 1,000 px above its height at data version 10.1.0
# (12,017 px, English); the places themselves are asserted by
# test_a_pillar_table_says_each_place_once_above_its_rows.
PILLAR_MAX_PX = 13_000

# What one visit to a page measures, each problem naming its element:
# - a table wider than its box, a table's cell reaching past the screen, or a column cut at the box;
# - a chart's text reaching outside its drawing;
# - running text (outside tables) longer than MEASURE characters a line;
# - on a figure page, a related figure without its relation or its link.
LAYOUT = """([measure]) => {
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (e.classList.length ? '.' + [...e.classList].join('.') : '');
  const problems = [];
  for (const table of document.querySelectorAll('.md-content table')) {
    if (!table.getClientRects().length) continue;
    const label = name(table) + ' "' + (table.caption ? table.caption.textContent.slice(0, 40) : '') + '"';
    const box = table.closest('.dnd-scroll') || table.parentElement;
    if (box.scrollWidth > box.clientWidth + 1) problems.push(`${label} is ${box.scrollWidth} px in a ${box.clientWidth} px box`);
    const right = Math.min(box.getBoundingClientRect().right, innerWidth);
    // Not the headings a block layout keeps only for screen readers (a clipped, one-pixel thead).
    for (const cell of table.querySelectorAll(':scope > thead:not([style*=clip]) th, :scope > tbody > tr > *')) {
      if (cell.closest('thead') && getComputedStyle(cell.closest('thead')).clipPath !== 'none') continue;
      if (cell.getClientRects().length && cell.getBoundingClientRect().right > right + 1) {
        problems.push(`${label}: cell "${cell.textContent.trim().slice(0, 30)}" reaches ${Math.round(cell.getBoundingClientRect().right)} px, past ${Math.round(right)} px`);
        break;
      }
    }
  }
  for (const svg of document.querySelectorAll('.md-content svg.dnd-chart-svg')) {
    if (!svg.getClientRects().length) continue;
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1) problems.push(`chart ${svg.getAttribute('aria-labelledby').split(' ')[0]}: "${text.textContent}" ends ${Math.round(r.right - box.right)} px outside the drawing`);
    }
  }
  const canvas = document.createElement('canvas').getContext('2d');
  for (const block of document.querySelectorAll('.md-content :is(p, li, dd)')) {
    if (!block.getClientRects().length || block.closest('table, nav')) continue;
    const style = getComputedStyle(block);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = block.innerText.replace(/\\s+/g, ' ').trim();
    if (text.length < measure) continue;
    const perCharacter = canvas.measureText(text).width / text.length;
    const characters = Math.round(block.getBoundingClientRect().width / perCharacter);
    if (characters > measure) { problems.push(`${name(block)} "${text.slice(0, 30)}" runs ${characters} characters a line`); break; }
  }
  for (const item of document.querySelectorAll('ul.dnd-related > li')) {
    if (!item.querySelector('.dnd-relation') || !item.querySelector('a[href]')) problems.push(`related figure "${item.textContent.slice(0, 40)}" without its relation or link`);
  }
  return {problems, height: document.documentElement.scrollHeight};
}"""


def tab(browser, site, width: int, **options) -> Reader:
    phone = width == 375
    viewport = {"width": width, "height": 812 if phone else 800}
    # No test here searches the site: the index is stood in (see Reader).
    return Reader(browser, site, search=False, viewport=viewport, is_mobile=phone, has_touch=phone, **options)


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def width_reader(request, browser, site) -> Iterator[tuple[int, Reader]]:
    reader = tab(browser, site, request.param)
    yield request.param, reader
    reader.close()


@pytest.fixture(scope="module", params=LAPTOP_WIDTHS, ids=lambda w: f"{w}px")
def laptop_reader(request, browser, site) -> Iterator[tuple[int, Reader]]:
    reader = tab(browser, site, request.param)
    yield request.param, reader
    reader.close()


def layout_pages(width: int) -> dict[str, str]:
    """The pages of PAGES whose layout is read at `width`, by kind."""
    # Known, left to the Korean typography: a Korean word joined by middle dots (a publisher's name) is
    # kept on one line and is wider than a phone's column; its box scrolls.
    return {kind: path for kind, path in PAGES.items() if not (kind == "licence" and width == 375)}


def layout_problems(layout: dict, kind: str, width: int) -> list[str]:
    """What one visit's LAYOUT found, and on a phone a pillar page's height: its figure tables say their
    source's place once per group, not on every row."""
    problems = list(layout["problems"])
    if kind == "pillar" and width == 375 and layout["height"] >= PILLAR_MAX_PX:
        problems.append(f"the page is {layout['height']} px tall")
    return problems


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_tables_are_whole_charts_keep_their_labels_and_text_keeps_a_comfortable_measure(
    laptop_reader, edition
):
    """At 1024 and 1280 px here; at 375 px in test_phone.py, on its one visit of each page on a phone."""
    width, reader = laptop_reader
    problems = []
    for kind, path in layout_pages(width).items():
        where = f"/{edition}{path} ({kind}) at {width} px"
        visit = reader.open(edition + path, until="load")
        assert visit.status == 200, f"{where}: status {visit.status}"
        problems += [
            f"{where}: {p}" for p in layout_problems(reader.evaluate(LAYOUT, [MEASURE]), kind, width)
        ]
    assert not problems, "\n".join(problems)


PILLAR_PLACES = """() => [...document.querySelectorAll('table.dnd-table')].filter(t => t.querySelector('tr.dnd-group'))
  .flatMap(t => [...t.tBodies].map(body => [body.rows[0].textContent, [...body.rows].slice(1).map(r => r.cells[r.cells.length - 1].textContent)]))"""


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_a_pillar_table_says_each_place_once_above_its_rows(reader, edition):
    reader.open(edition + PAGES["pillar"], until="load")
    groups = reader.evaluate(PILLAR_PLACES)
    assert groups, f"/{edition}{PAGES['pillar']}: no figure table grouped by place"
    for heading, places in groups:
        place = heading.split(": ", 1)[-1]
        repeated = [p for p in places if place in p]
        assert not repeated, f"/{edition}{PAGES['pillar']}: rows under {heading!r} repeat it: {repeated}"


# A phone lays out a row only as it nears the screen (content-visibility), and the text of a row not laid
# out yet reads as empty: each row is read as it shows once laid out.
SHOWN = """() => [...document.querySelectorAll('#dnd-explorer tbody tr')].filter(r => !r.hidden)
  .map(r => { r.style.contentVisibility = 'visible'; const text = r.innerText; r.style.contentVisibility = '';
              return [r.id, text.replace(/\\s+/g, ' ')]; })"""
# 8,000 as a whole number: not in 18,000, nor in the Korean 1만 8,000 (18,000).
WHOLE_8000 = re.compile(r"(?<![\d.,])(?<![만억조] )(?<![만억조])8,?000(?![\d]|[.,]\d)")


def open_explorer(reader: Reader, edition: str, query: str = ""):
    reader.open(edition + EXPLORER + query, until="load")
    page = reader.page
    fields = page.locator("#dnd-filter-input")
    # The filter is the explorer's point: a page without it fails, it does not skip.
    assert fields.count() == 1, f"/{edition}{EXPLORER} has no filter field (#dnd-filter-input)"
    page.locator(".dnd-filter").wait_for(state="visible")
    return page


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_the_explorer_matches_whole_numbers_and_shows_what_it_matched(width_reader, edition):
    width, reader = width_reader
    where = f"/{edition}{EXPLORER} at {width} px"
    page = open_explorer(reader, edition)
    for typed in ("8000", "8,000"):
        page.locator("#dnd-filter-input").click()
        page.fill("#dnd-filter-input", typed)
        shown = page.evaluate(SHOWN)
        assert shown, f"{where}: typing {typed!r} shows nothing"
        assert "fig-smart-factories" in [i for i, _ in shown], f"{where}: {typed!r} misses smart-factories"
        unseen = [i for i, text in shown if not WHOLE_8000.search(text)]
        assert not unseen, f"{where}: typing {typed!r} shows rows that show no 8,000: {unseen}"
    # A word only a source's sentence holds: the row shows that sentence's words, the word marked.
    figure = load_package().figures["new-deal-fund-size-ko"]
    page.fill("#dnd-filter-input", "뉴딜펀드로")
    marked = page.locator(f"#fig-{figure.id} .dnd-match mark")
    assert marked.is_visible(), f"{where}: the quote's matching words are not shown"
    assert marked.inner_text() == "뉴딜펀드로"
    if width == 375:
        # Typing on a phone: the count and the first row stay above the keyboard.
        page.fill("#dnd-filter-input", "")
        page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
        page.locator("#dnd-filter-input").tap()
        page.keyboard.type("budget")
        for element in ("#dnd-filter-status", "#dnd-explorer tbody tr:not([hidden])"):
            box = page.locator(element).first.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= ABOVE_KEYBOARD, (
                f"{where}: {element} is at {box} while typing, under the keyboard"
            )
    else:
        # The headings stay in view below the site's header while the table scrolls.
        page.fill("#dnd-filter-input", "")
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(200)
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        top = page.locator("#dnd-explorer thead th").first.bounding_box()
        assert top and header - 1 <= top["y"] <= header + 40, (
            f"{where}: the column headings are at {top} after scrolling, not under the header ({header})"
        )


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_the_language_switch_carries_the_explorers_view(width_reader, edition):
    width, reader = width_reader
    other = KOREAN if edition == "" else ""
    page = open_explorer(reader, edition)
    page.fill("#dnd-filter-input", "budget")
    if not page.locator("#dnd-facet-unit").is_visible():
        page.locator(".dnd-filter-more > summary").click()
    page.select_option("#dnd-facet-unit", "krw")
    page.locator('#dnd-explorer thead th[data-column="period"] button').click()
    link = page.locator(f'a.md-select__link[hreflang="{"ko" if other else "en"}"]')
    href = link.evaluate("a => a.href")
    assert "filter=budget" in href and "unit=krw" in href and "sort=period" in href, (
        f"/{edition}{EXPLORER} at {width} px: the language switch leads to {href}"
    )
    page.goto(href, wait_until="load")
    page.locator(".dnd-filter").wait_for(state="visible")
    where = f"/{other}{EXPLORER} at {width} px, from the other edition"
    assert page.input_value("#dnd-filter-input") == "budget", where
    assert page.input_value("#dnd-facet-unit") == "krw", where
    assert page.get_attribute('#dnd-explorer thead th[data-column="period"]', "aria-sort") == "ascending", (
        where
    )


# Where the focus is: visible if a hit test at its centre finds it (or its label), ringed if it or
# the label it stands for draws an outline.
FOCUS = """() => {
  let e = document.activeElement;
  if (!e || e === document.body) return null;
  const name = e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
    + ' "' + (e.textContent || e.getAttribute('aria-label') || e.value || '').trim().slice(0, 30) + '"';
  const shown = e.matches('input.md-option') ? e.nextElementSibling : e;
  const r = shown.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  // The search's and the drawer's overlays dim the page without hiding it.
  const hit = document.elementsFromPoint(x, y).find(h => !h.matches('.md-overlay, .md-search__overlay'));
  const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
    && !!hit && (hit === shown || shown.contains(hit) || hit.contains(shown) || (hit.closest('label') && hit.closest('label').htmlFor === shown.id));
  const style = getComputedStyle(shown);
  const ringed = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {name, visible, ringed, skip: e.classList.contains('md-skip')};
}"""


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
@pytest.mark.parametrize("path", ["", EXPLORER], ids=["home", "explorer"])
def test_the_keyboard_starts_at_the_skip_link_and_every_stop_is_visible_and_ringed(
    width_reader, edition, path
):
    width, reader = width_reader
    reader.open(edition + path, until="load")
    where = f"/{edition}{path} at {width} px"
    stops = []
    for _ in range(TAB_STOPS):
        reader.page.keyboard.press("Tab")
        stop = reader.evaluate(FOCUS)
        if stop and not stop["visible"]:
            # A menu the focus just left (the language list) fades out over the theme's 250 ms.
            reader.page.wait_for_timeout(800)
            stop = reader.evaluate(FOCUS)
        stops.append(stop)
    assert stops[0] and stops[0]["skip"], f"{where}: the first Tab stop is {stops[0]}, not the skip link"
    hidden = [n for n, s in enumerate(stops, 1) if s and not s["visible"]]
    plain = [n for n, s in enumerate(stops, 1) if s and s["visible"] and not s["ringed"]]
    assert not hidden, f"{where}: Tab stops on nothing visible: " + json.dumps(
        [stops[n - 1]["name"] for n in hidden], ensure_ascii=False
    )
    assert not plain, f"{where}: Tab stops without a visible ring: " + json.dumps(
        [stops[n - 1]["name"] for n in plain], ensure_ascii=False
    )


def test_the_explorers_search_entry_reads_as_sentences_not_cells(site):
    """The site search reads a table page by its prose and its table's caption."""
    for edition in EDITIONS:
        index = json.loads((site.root / edition / "search" / "search_index.json").read_text("utf-8"))
        (entry,) = [doc for doc in index["docs"] if doc["location"] == EXPLORER]
        text = re.sub(r"<[^>]+>", " ", entry["text"])
        assert len(text) < 3000, f"/{edition}{EXPLORER}: its search entry is {len(text)} characters"
        assert "fig-" not in entry["text"] and not re.search(r"\d{4}\d{4}", text), (
            f"/{edition}{EXPLORER}: its search entry runs cells together: {text[:200]!r}"
        )


# The header's controls a mouse can use, each named, and the control the Tab key would stop on for it
# (a label stands for its own control, as the palette's label for its radio button).
MOUSE_CONTROLS = """() => {
  const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
    + ' "' + (e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || '').trim().replace(/\\s+/g, ' ').slice(0, 30) + '"'
    + (e.htmlFor ? ` for=${e.htmlFor}` : '');
  const clickable = e => {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === e || e.contains(hit));
  };
  return [...document.querySelectorAll('.md-header :is(a[href], button, input, select, label[for])')]
    .filter(clickable)
    .map(e => {
      const control = e.tagName === 'LABEL' ? document.getElementById(e.htmlFor) : e;
      // A radio group is one Tab stop (the palette's: the label shown is for the scheme to switch to).
      const group = control.type === 'radio' ? [...document.getElementsByName(control.name)] : [control];
      const probe = control.dataset.probe || String(Math.random()).slice(2);
      group.forEach(member => { member.dataset.probe = probe; });
      return {name: name(e), probe};
    });
}"""
PROBE = "() => document.activeElement && document.activeElement.dataset.probe || null"
DRAWER_OPEN = "() => document.getElementById('__drawer').checked"
IN_DRAWER = "() => !!document.activeElement.closest('.md-sidebar--primary')"
# The drawer's controls a mouse can use once it is open: its links and its buttons (labels), named.
DRAWER_CONTROLS = """() => [...document.querySelectorAll('.md-sidebar--primary :is(a[href], label[for])')]
  .filter(e => { const r = e.getBoundingClientRect(); if (!r.width || !r.height || r.top > innerHeight) return false;
                 const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                 return !!hit && (hit === e || e.contains(hit)); })
  .map(e => { e.dataset.probe = e.dataset.probe || String(Math.random()).slice(2);
              return {name: e.tagName.toLowerCase() + ' "' + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 30) + '"' + (e.htmlFor ? ` for=${e.htmlFor}` : ''), probe: e.dataset.probe}; })"""


def tab_stops(reader: Reader, count: int) -> list[str | None]:
    stops = []
    for _ in range(count):
        reader.page.keyboard.press("Tab")
        stops.append(reader.evaluate(PROBE))
    return stops


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_every_header_control_a_mouse_can_use_is_a_tab_stop(width_reader, edition):
    """The menu (drawer) and search buttons too, which the theme draws as labels the Tab key never reached."""
    width, reader = width_reader
    reader.open(edition, until="load")
    where = f"/{edition} at {width} px"
    controls = reader.evaluate(MOUSE_CONTROLS)
    assert controls, f"{where}: no control in the header"
    stops = tab_stops(reader, 12)
    missed = [c["name"] for c in controls if c["probe"] not in stops]
    assert not missed, (
        f"{where}: header controls a mouse can use that the Tab key never reaches: "
        + json.dumps(missed, ensure_ascii=False)
    )


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_the_menu_button_opens_the_drawer_for_a_keyboard_and_escape_closes_it(width_reader, edition):
    width, reader = width_reader
    if width >= 1220:
        pytest.skip("the navigation is a sidebar, not a drawer, from 1220 px")
    path = edition + PAGES["pillar"]
    where = f"/{path} at {width} px"
    reader.open(path, until="load")
    page = reader.page
    button = page.locator(".md-header button[data-toggle='__drawer']")
    assert button.is_visible(), f"{where}: no menu button (button[data-toggle=__drawer]) in the header"
    assert button.get_attribute("aria-label"), f"{where}: the menu button has no name"
    button.focus()
    page.keyboard.press("Enter")
    assert reader.evaluate(DRAWER_OPEN), f"{where}: Enter on the menu button leaves the drawer closed"
    assert button.get_attribute("aria-expanded") == "true", f"{where}: the open menu button says it is closed"
    assert reader.evaluate(IN_DRAWER), f"{where}: the focus stays outside the drawer it opened"
    page.wait_for_timeout(400)
    controls = reader.evaluate(DRAWER_CONTROLS)
    stops = [reader.evaluate(PROBE)]
    while reader.evaluate(IN_DRAWER) and len(stops) <= len(controls) + 5:
        stops += tab_stops(reader, 1)
    missed = [c["name"] for c in controls if c["probe"] not in stops]
    assert not missed, f"{where}: drawer controls the Tab key never reaches: " + json.dumps(
        missed, ensure_ascii=False
    )
    page.wait_for_timeout(400)
    assert not reader.evaluate(DRAWER_OPEN), (
        f"{where}: the drawer stays open over the page the focus went on to"
    )
    button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert not reader.evaluate(DRAWER_OPEN), f"{where}: Escape leaves the drawer open"
    assert reader.evaluate("document.activeElement.dataset.toggle") == "__drawer", (
        f"{where}: after Escape the focus is on {reader.evaluate('document.activeElement.outerHTML.slice(0, 80)')}, "
        "not back on the menu button"
    )


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_the_search_button_opens_the_search_for_a_keyboard_and_escape_returns_to_it(width_reader, edition):
    width, reader = width_reader
    if width >= 960:
        pytest.skip("the search field is in the header itself from 960 px")
    where = f"/{edition} at {width} px"
    reader.open(edition, until="load")
    page = reader.page
    button = page.locator(".md-header button[data-toggle='__search']")
    assert button.is_visible(), f"{where}: no search button (button[data-toggle=__search]) in the header"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert reader.evaluate("document.activeElement.matches('.md-search__input')"), (
        f"{where}: Enter on the search button does not put the focus in the search field"
    )
    assert page.locator(".md-search__input").is_visible(), f"{where}: the search field is not shown"
    page.keyboard.type("budget")
    page.keyboard.press("Escape")
    assert not reader.evaluate("document.getElementById('__search').checked"), (
        f"{where}: Escape leaves the search open"
    )
    assert reader.evaluate("document.activeElement.dataset.toggle") == "__search", (
        f"{where}: after Escape the focus is not back on the search button"
    )


# The language menu as drawn: how opaque, and whether it covers anything.
LANGUAGE_MENU = """() => { const inner = document.querySelector('.md-select__inner'); const s = getComputedStyle(inner);
  return {opacity: parseFloat(s.opacity), height: inner.getBoundingClientRect().height}; }"""


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_the_language_menu_closes_as_the_focus_leaves_it(width_reader, edition):
    """The theme opens it while the focus is in it and used to fade it out over half a second, drawn
    faintly over the next thing focused."""
    width, reader = width_reader
    reader.open(edition, until="load")
    where = f"/{edition} at {width} px"
    last = reader.page.locator("a.md-select__link").last
    for _ in range(12):
        reader.page.keyboard.press("Tab")
        if reader.evaluate("document.activeElement.matches('a.md-select__link')"):
            # The theme fades it in: shown within a second (a busy machine may not have drawn a frame yet).
            try:
                reader.page.wait_for_function(f"({LANGUAGE_MENU})().opacity > 0", timeout=1000)
            except PlaywrightTimeout:
                pytest.fail(f"{where}: the language menu is not shown in focus")
        if last.evaluate("a => a === document.activeElement"):
            break
    else:
        pytest.fail(f"{where}: the Tab key never reaches the language menu's last item")
    reader.page.keyboard.press("Tab")
    menu = reader.evaluate(LANGUAGE_MENU)
    assert menu["opacity"] == 0 and menu["height"] == 0, (
        f"{where}: the language menu (.md-select__inner) is still drawn after the focus left it: {menu}"
    )


# Rows shown as "name: text", read as laid out (see SHOWN).
def shown_ids(page) -> list[str]:
    return [i for i, _ in page.evaluate(SHOWN)]


@pytest.mark.parametrize("edition", EDITIONS, ids=["en", "ko"])
def test_the_explorer_finds_a_number_by_its_value_however_the_edition_writes_it(reader, edition):
    """18000 finds the figure shown as 18,000 and as 1만 8,000; the number as shown finds it too."""
    figures = load_package().figures.values()
    page = open_explorer(reader, edition)
    where = f"/{edition}{EXPLORER}"
    found = {}
    for number, typings in ((18000, ("18000", "18,000")), (2_200_000, ("2200000", "2,200,000"))):
        found[number] = wanted = {
            figure_anchor(f.id) for f in figures if f.value is not None and number_value(f.value) == number
        }
        assert wanted, f"no figure of value {number} to look for"
        # As the edition writes the number: 1만 8,000, 220만, 2.2 million.
        as_shown = speaker("ko" if edition else "en").scaled(number, decimals=0)
        for typed in (*typings, as_shown):
            page.fill("#dnd-filter-input", typed)
            missing = wanted - set(shown_ids(page))
            assert not missing, f"{where}: typing {typed!r} misses {sorted(missing)} (shown as {as_shown})"
    # Still a whole number: 8000 finds neither 18,000 nor 1만 8,000.
    page.fill("#dnd-filter-input", "8000")
    wrong = found[18000] & set(shown_ids(page))
    assert not wrong, f"{where}: typing '8000' finds {sorted(wrong)}, of 18,000 (1만 8,000)"
