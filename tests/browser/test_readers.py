"""What a reader of the data pages sees in a real browser: pages that fit the screen, an explorer to sort,
narrow and share, legible charts, and a page for every figure."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from macros.data.package import load_package
from macros.data.standing import reasons

from .conftest import DESKTOP, FIGURE_PAGES, MIN_TEXT_PX, Reader

pytestmark = [pytest.mark.browser, pytest.mark.cost(100)]

EXPLORER = "data/explorer/"
# The pages whose tables hold the most columns: the explorer, and the dictionary with the rules that read
# a printed number as a range (the checks page links to them).
DICTIONARY = "data/dictionary/"

SIDEWAYS = """() => ({
  page: document.documentElement.scrollWidth,
  boxes: [...document.querySelectorAll('.md-content .dnd-scroll')]
    .filter(box => box.querySelector('table'))
    .map(box => [box.getAttribute('aria-label'), box.scrollWidth, box.clientWidth]),
})"""


@pytest.mark.parametrize("path", [EXPLORER, DICTIONARY])
def test_at_1280_px_the_explorer_and_the_dictionary_show_every_column_without_sideways_scrolling(
    reader, path
):
    reader.open(path, until="load")
    layout = reader.evaluate(SIDEWAYS)
    assert layout["page"] <= DESKTOP["width"], layout
    assert layout["boxes"], f"/{path} has no table"
    wider = [box for box in layout["boxes"] if box[1] > box[2] + 1]
    assert not wider, f"tables wider than their box on /{path}: {wider}"


ROWS = """() => [...document.querySelectorAll('#dnd-explorer tbody tr')]
  .filter(row => !row.hidden).map(row => row.dataset.id)"""


def explorer(reader: Reader, query: str = ""):
    reader.open(EXPLORER + query, until="load")
    reader.page.locator(".dnd-filter").wait_for(state="visible")
    return reader.page


def test_without_a_choice_the_explorer_shows_every_figure_in_file_order(reader):
    page = explorer(reader)
    assert page.evaluate(ROWS) == list(load_package().figures)
    assert (
        page.locator("#dnd-filter-status").inner_text()
        == f"{len(load_package().figures)} of {len(load_package().figures)} figures shown"
    )


def test_a_column_heading_sorts_by_it_and_a_second_click_reverses(reader):
    page = explorer(reader)
    figures = load_package().figures
    heading = page.locator("#dnd-explorer thead th", has_text="Value")
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    numbers = [figures[i].value for i in page.evaluate(ROWS) if figures[i].value is not None]
    assert numbers == sorted(numbers)
    assert figures[page.evaluate(ROWS)[-1]].value is None, "figures without a value (dates) sort last"
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    numbers = [figures[i].value for i in page.evaluate(ROWS) if figures[i].value is not None]
    assert numbers == sorted(numbers, reverse=True)


def test_a_facet_narrows_to_its_figures_and_the_address_restores_the_same_view(reader):
    page = explorer(reader)
    figures = load_package().figures
    page.select_option("#dnd-facet-unit", "krw")
    page.locator("#dnd-explorer thead th", has_text="Period").locator("button").click()
    page.locator("#dnd-explorer thead th", has_text="Period").locator("button").click()
    page.fill("#dnd-filter-input", "budget")
    shown = page.evaluate(ROWS)
    assert shown and all(figures[i].unit.id == "krw" for i in shown)
    assert all("budget" in figures[i].label.lower() or "budget" in figures[i].id for i in shown)
    periods = [figures[i].period.text for i in shown]
    assert periods == sorted(periods, reverse=True)
    address = page.url
    assert "unit=krw" in address and "filter=budget" in address and "order=descending" in address

    other = Reader(reader.page.context.browser, reader.site)
    try:
        other.page.goto(address, wait_until="load")
        other.page.locator(".dnd-filter").wait_for(state="visible")
        assert other.page.evaluate(ROWS) == shown
        assert other.page.input_value("#dnd-facet-unit") == "krw"
        assert other.page.input_value("#dnd-filter-input") == "budget"
        sorted_by = other.page.locator("#dnd-explorer thead th[aria-sort]")
        assert (sorted_by.inner_text().strip(" ↕↑↓"), sorted_by.get_attribute("aria-sort")) == (
            "Period",
            "descending",
        )
    finally:
        other.close()

    page.click("#dnd-filter-reset")
    assert page.evaluate(ROWS) == list(figures)
    assert "?" not in page.url


def test_the_rows_shown_download_as_csv_with_the_package_columns(reader):
    page = explorer(reader, "?status=target")
    shown = page.evaluate(ROWS)
    figures = load_package().figures
    assert shown and all(figures[i].status == "target" for i in shown)
    with page.expect_download() as download:
        page.click("#dnd-filter-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == shown
    first = figures[rows[0]["id"]]
    assert rows[0]["label"] == first.label
    assert rows[0]["as_printed"] == first.as_printed
    assert rows[0]["unit"] == first.unit.id and rows[0]["period"] == first.period.text
    assert (float(rows[0]["value"]) if rows[0]["value"] else None) == first.value


def test_an_unknown_choice_in_the_address_shows_every_figure_rather_than_none(reader):
    page = explorer(reader, "?unit=no-such-unit")
    assert page.evaluate(ROWS) == list(load_package().figures)


# The text of the charts drawn at this width (each chart has a wide and a narrow drawing; one shows).
CHART_TEXT = """() => [...document.querySelectorAll('svg.dnd-chart-svg')]
  .filter(svg => svg.getClientRects().length)
  .flatMap(svg => [...svg.querySelectorAll('text')]).map(text => {
  const m = text.getScreenCTM();
  return [text.textContent, parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b)];
})"""


def test_every_text_in_every_chart_is_at_least_12_px(browser, site):
    """At 1280 px (on a phone in test_phone.py)."""
    reader = Reader(browser, site)
    small, seen = [], 0
    try:
        for path in site.pages():
            if "dnd-chart-svg" not in site.html(path):
                continue
            reader.open(path, until="load")
            sizes = reader.evaluate(CHART_TEXT)
            seen += len(sizes)
            small += [(path, text, round(px, 2)) for text, px in sizes if px < MIN_TEXT_PX - 0.05]
    finally:
        reader.close()
    assert seen, "no chart text found"
    assert not small, small


def test_a_number_in_the_prose_leads_to_the_figures_own_page(reader):
    reader.open("first-year/", until="load")
    link = reader.page.locator("a.dnd-fig").first
    title = link.get_attribute("title")
    link.click()
    reader.page.wait_for_load_state("load")
    assert f"/{FIGURE_PAGES}" in reader.page.url
    assert reader.page.locator("h1").inner_text() == title


def test_a_figure_page_shows_its_facts_and_links_to_its_json(reader):
    package = load_package()
    figure = package.figures["voucher-smes-restated"]
    reader.open(f"{FIGURE_PAGES}{figure.id}/", until="load")
    page = reader.page
    assert page.title().startswith(figure.label)
    headline = page.locator(".dnd-figure-value")
    assert headline.evaluate("element => element.firstChild.textContent") == figure.text()
    # The value's standing follows it, one marker a reason, each linking to its explanation.
    assert headline.locator("a.dnd-standing").count() == len(reasons(package, figure.id)) > 0
    facts = page.locator("dl.dnd-facts").inner_text()
    for words in (figure.as_printed, figure.unit.label, figure.period.words(), figure.status, figure.id):
        assert words in facts
    assert page.locator("#corrections + ul li").count() == sum(
        c.figure == figure.id for c in package.corrections
    )
    href = page.locator("a", has_text="This figure as JSON").get_attribute("href")
    document = json.loads(page.request.get(page.url + href).text())
    assert document["figure"]["id"] == figure.id and document["figure"]["value"] == figure.value
    assert document["version"] == package.version


def test_figure_pages_holding_every_part_load_offline_without_an_error(site, reader):
    """Every figure page is made by one builder; what differs between them is which parts a figure has
    (a correction, a standing, checks and their outcomes, related figures, a date). Pages that together
    hold every part found in the build, in both editions, are loaded: the site's scripts meet every part
    a figure page has (see Site.pages_with_every_part)."""
    samples = site.pages_with_every_part(FIGURE_PAGES)
    assert sum(len(group) for group in samples.values()) == 2 * len(load_package().figures)
    problems = []
    for path, group in samples.items():
        visit = reader.open(path, until="load")
        if visit.status != 200 or visit.problems() or visit.foreign(site.origin):
            problems.append(
                (
                    path,
                    f"standing for {len(group)} pages",
                    visit.status,
                    visit.problems(),
                    visit.foreign(site.origin),
                )
            )
    assert not problems, problems
