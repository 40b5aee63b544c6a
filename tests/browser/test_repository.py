"""The site as the publishing workflow builds it, with the repository's address.

What the address adds is the same on every page of a shape: the theme's repository link in the header,
an edit link on every written page, and a pre-filled correction link on the explorer's rows and on each
figure's page. So every page's built HTML is read for the link and for anything it would load from the
repository's host, and one page of each shape, in both editions, is visited in a browser, where the
theme's scripts run (every page is visited without the address in test_pages.py). A file of its own, so
the parallel suite runs it beside the page checks.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

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


class _Addresses(HTMLParser):
    """Every attribute of a page that names the repository's host, as (tag, attribute, value)."""

    def __init__(self, host: str) -> None:
        super().__init__()
        self.host = host
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found += [(tag, name, value) for name, value in attrs if value and self.host in value]


def test_every_page_links_to_the_repository_and_loads_nothing_from_its_host(repo_site):
    """A link is followed by a reader's choice; anything else naming the host (a script, a style sheet,
    an image, a frame, a preload) would be fetched as the page loads."""
    problems = []
    for path in repo_site.all_pages():
        addresses = _Addresses(urlsplit(REPO_URL).netloc)
        addresses.feed(repo_site.html(path))
        links = [value for tag, name, value in addresses.found if (tag, name) == ("a", "href")]
        if not any(link.startswith(REPO_URL) for link in links):
            problems.append((path, "no link to the repository"))
        problems += [
            (path, f"<{tag} {name}={value!r}> names the repository's host")
            for tag, name, value in addresses.found
            if (tag, name) != ("a", "href")
        ]
    assert not problems, report(problems)


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
