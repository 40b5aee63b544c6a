"""No page scrolls sideways on a phone, and no heading runs past its line. A file of its own, so the parallel suite runs it beside the page
checks of test_pages.py."""

from __future__ import annotations

import pytest

from .conftest import PHONE, Reader
from .test_pages import report

pytestmark = [pytest.mark.browser, pytest.mark.cost(35)]

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


def test_no_page_scrolls_sideways_on_a_phone_and_tables_scroll_in_their_own_box(browser, site):
    reader = Reader.on_phone(browser, site)
    problems = []
    try:
        for path in site.pages():
            reader.open(path, until="load")
            layout = reader.evaluate(OVERFLOW, PHONE["width"])
            # A phone widens its layout viewport to fit content that overflows: compare with the screen.
            wide = max(layout["page"], layout["viewport"])
            if wide > PHONE["width"]:
                problems.append((path, f"the page is {wide} px wide on a {PHONE['width']} px screen"))
            for heading in layout["headings"]:
                problems.append((path, f"the heading {heading!r} runs past its line"))
            for number, contained in enumerate(layout["tables"], start=1):
                if not contained:
                    problems.append(
                        (path, f"table {number} does not scroll inside a box as wide as the screen")
                    )
    finally:
        reader.close()
    assert not problems, report(problems)
