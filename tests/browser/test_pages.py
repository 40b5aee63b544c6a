"""Every page of the built site, as Chromium loads it: it works offline and is accessible in the light and
the dark palette (a phone's width in test_phone.py)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import KOREAN, Reader

pytestmark = [pytest.mark.browser, pytest.mark.cost(110)]

SCHEMES = {"light": "default", "dark": "slate"}


def report(problems: list[tuple[str, str]]) -> str:
    """Each problem once, with the pages that have it, so a theme-wide fault reads as one line."""
    pages: dict[str, list[str]] = {}
    for path, problem in problems:
        pages.setdefault(problem, []).append(f"/{path}")
    return "\n".join(f"{problem} -- on {', '.join(where)}" for problem, where in pages.items())


def load_problems(reader: Reader, path: str) -> list[tuple[str, str]]:
    reader.open(path)
    return visit_problems(reader, path)


def visit_problems(reader: Reader, path: str) -> list[tuple[str, str]]:
    """What went wrong on the open page since it was opened: its status, console errors, missing files,
    requests to another host, and a missing description."""
    visit = reader.visit
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


# The colour transitions the switch started, finished; at most a second (a transition on an element the
# browser does not draw may never report its end).
SETTLED = """Promise.race([
  Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null))),
  new Promise(done => setTimeout(done, 1000)),
])"""


def switch_palette(reader: Reader, scheme: str) -> None:
    """The palette toggle in the header, clicked as a reader does; the page's colours settle before axe
    reads them."""
    reader.page.locator('[data-md-component="palette"] label:visible').first.click()
    reader.page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{scheme}'")
    reader.evaluate(SETTLED)


# The edition this module visits; test_pages_korean.py runs the same tests on the Korean edition, as a
# module of its own, so the two editions' visits run on two workers at once.
EDITION = ""


@pytest.fixture(scope="module")
def visits(request, browser, site) -> dict[str, list[tuple[str, str]]]:
    """One visit of every page of an edition, shared by the tests that read it: what went wrong while it
    loaded, what axe finds in the light palette, then, with the header's toggle switched, in the dark one.

    In the dark palette axe runs the rules whose outcome depends on colours (every rule runs in the light
    palette). What else the palette changes is the theme's header (which toggle shows), the same on every
    page of an edition: each edition's home page gets every rule in the dark palette too."""
    reader = Reader(browser, site, color_scheme="light")
    found: dict[str, list[tuple[str, str]]] = {"load": [], "light": [], "dark": []}
    try:
        for path in site.pages():
            if (request.module.EDITION == KOREAN) != path.startswith(KOREAN):
                continue
            reader.open(path, until="load")
            assert reader.scheme() == SCHEMES["light"], f"/{path} is not shown in the light palette"
            found["light"] += axe_problems(reader, path)
            switch_palette(reader, SCHEMES["dark"])
            found["dark"] += axe_problems(reader, path, () if path in ("", KOREAN) else COLOUR_RULES)
            switch_palette(reader, SCHEMES["light"])
            # Whatever the page fetches late (the search index) has had axe's runs to arrive.
            reader.page.wait_for_load_state("networkidle")
            found["load"] += visit_problems(reader, path)
    finally:
        reader.close()
    return found


def test_every_page_loads_offline_without_an_error(visits):
    assert not visits["load"], report(visits["load"])


def test_every_page_passes_axe_in_the_light_palette(visits):
    assert not visits["light"], report(visits["light"])


def test_every_page_passes_axe_in_the_dark_palette(visits):
    assert not visits["dark"], report(visits["dark"])
