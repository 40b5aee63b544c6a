"""Every page of the built site, as Chromium loads it: it works offline and is accessible (the dark palette
in test_dark.py, a phone's width in test_sideways.py)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import Reader

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}


def report(problems: list[tuple[str, str]]) -> str:
    """Each problem once, with the pages that have it, so a theme-wide fault reads as one line."""
    pages: dict[str, list[str]] = {}
    for path, problem in problems:
        pages.setdefault(problem, []).append(f"/{path}")
    return "\n".join(f"{problem} -- on {', '.join(where)}" for problem, where in pages.items())


def load_problems(reader: Reader, path: str) -> list[tuple[str, str]]:
    visit = reader.open(path)
    problems = [f"status {visit.status}"] if visit.status != 200 else []
    problems += [f"console error: {error}" for error in visit.problems()]
    problems += [f"request to another host: {url}" for url in visit.foreign(reader.site.origin)]
    description = reader.evaluate("document.querySelector('meta[name=description]')?.content ?? ''")
    if not description.strip():
        problems.append("no meta description")
    return [(path, problem) for problem in problems]


def test_the_site_has_the_pages_a_reader_expects(site):
    pages = site.pages()
    assert {"", "data/explorer/", "about/"} <= set(pages), pages


def describe(violation: dict) -> str:
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    more = f" and {len(violation['nodes']) - 3} more" if len(violation["nodes"]) > 3 else ""
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}{more}"


# The rules whose outcome depends on the colours (axe's tag cat.color, those it runs by default): the
# only ones a palette can pass in light and fail in dark on a page's content.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_problems(reader: Reader, path: str, rules: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """What axe finds on the open page: every rule it runs by default, or only `rules`."""
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    return [(path, describe(v)) for v in Axe().run(reader.page, options=options).response["violations"]]


@pytest.fixture(scope="module")
def light_visits(browser, site) -> dict[str, list[tuple[str, str]]]:
    """One visit of every page in the light palette, shared by the tests that read it: what went wrong while
    it loaded, and what axe finds once it has."""
    reader = Reader(browser, site, color_scheme="light")
    found: dict[str, list[tuple[str, str]]] = {"load": [], "axe": []}
    try:
        for path in site.pages():
            found["load"] += load_problems(reader, path)
            assert reader.scheme() == SCHEMES["light"], f"/{path} is not shown in the light palette"
            found["axe"] += axe_problems(reader, path)
    finally:
        reader.close()
    return found


def test_every_page_loads_offline_without_an_error(light_visits):
    assert not light_visits["load"], report(light_visits["load"])


def test_every_page_passes_axe_in_the_light_palette(light_visits):
    assert not light_visits["axe"], report(light_visits["axe"])
