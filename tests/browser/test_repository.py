"""The site as the publishing workflow builds it, with the repository's address: the theme's repository
link in the header, an edit link on every written page, and a pre-filled correction link on the explorer's
rows and on each figure's page. Every page's built HTML is read here for the link and for anything it would
load from the repository's host; the browser tests read this same build, so every page with these links
is visited, offline and through axe, in test_pages.py.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from .conftest import REPO_URL
from .test_pages import report

pytestmark = [pytest.mark.browser, pytest.mark.cost(5)]


class _Addresses(HTMLParser):
    """Every attribute of a page that names the repository's host, as (tag, attribute, value)."""

    def __init__(self, host: str) -> None:
        super().__init__()
        self.host = host
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found += [(tag, name, value) for name, value in attrs if value and self.host in value]


def test_every_page_links_to_the_repository_and_loads_nothing_from_its_host(site):
    """A link is followed by a reader's choice; anything else naming the host (a script, a style sheet,
    an image, a frame, a preload) would be fetched as the page loads."""
    problems = []
    for path in site.all_pages():
        addresses = _Addresses(urlsplit(REPO_URL).netloc)
        addresses.feed(site.html(path))
        links = [value for tag, name, value in addresses.found if (tag, name) == ("a", "href")]
        if not any(link.startswith(REPO_URL) for link in links):
            problems.append((path, "no link to the repository"))
        problems += [
            (path, f"<{tag} {name}={value!r}> names the repository's host")
            for tag, name, value in addresses.found
            if (tag, name) != ("a", "href")
        ]
    assert not problems, report(problems)
