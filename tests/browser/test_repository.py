"""The site as the publishing workflow builds it, with the repository's address.

What the address adds is the same on every page of a shape: the theme's repository link in the header,
an edit link on every written page, and a pre-filled correction link on the explorer's rows and on each
figure's page. So one page of each shape, in both editions, is visited (every page is visited without
the address in test_pages.py). A file of its own, so the parallel suite runs it beside the page checks.
"""

from __future__ import annotations

import pytest

from .conftest import KOREAN, REPO_URL, Reader
from .test_pages import axe_problems, load_problems, report

pytestmark = [pytest.mark.browser, pytest.mark.cost(45)]

# A prose page, a data page with a table of figures, the explorer, an about page and a figure's page.
SHAPES = (
    "",
    "first-year/recovery/",
    "data/corrections/",
    "data/explorer/",
    "about/contributing/",
    "figures/budget-invested/",
)


def test_with_a_repository_address_pages_link_to_it_but_never_call_its_host(browser, repo_site):
    """The repository's link, edit links and correction links are extra content: offline and accessible too."""
    pages = [path for path in repo_site.all_pages() if path.removeprefix(KOREAN) in SHAPES]
    assert len(pages) == 2 * len(SHAPES), pages
    reader = Reader(browser, repo_site)
    try:
        problems = []
        for path in pages:
            problems += load_problems(reader, path)
            if not reader.page.locator(f'a[href^="{REPO_URL}"]').count():
                problems.append((path, "no link to the repository"))
            problems += axe_problems(reader, path)
    finally:
        reader.close()
    assert not problems, report(problems)
