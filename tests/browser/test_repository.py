"""The site as the publishing workflow builds it, with the repository's address: a file of its own, so
the parallel suite runs it beside the other page checks."""

from __future__ import annotations

import pytest

from .conftest import REPO_URL, Reader
from .test_pages import axe_problems, load_problems, report

pytestmark = pytest.mark.browser


def test_with_a_repository_address_pages_link_to_it_but_never_call_its_host(browser, repo_site):
    """The repository's link, edit links and correction links are extra content: offline and accessible too."""
    reader = Reader(browser, repo_site)
    try:
        problems = []
        for path in repo_site.pages():
            problems += load_problems(reader, path)
            if not reader.page.locator(f'a[href^="{REPO_URL}"]').count():
                problems.append((path, "no link to the repository"))
            problems += axe_problems(reader, path)
    finally:
        reader.close()
    assert not problems, report(problems)
