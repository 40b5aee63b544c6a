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
AXE = Axe().axe_script
SAMPLED = "[data-axe-sample]"

# Marks (with SAMPLED) each element a colour rule reads -- one holding text of its own, a link, a form
# control -- whose colour shape no page of the edition has shown yet in this palette, and returns the new
# shapes. A shape is all that decides an element's contrast: the tag, classes and inline style of it and
# of each ancestor, with each one's computed colours, background, opacity, font size and weight, and
# whether the element is drawn at all. Two elements of one shape are drawn in the same colours on the
# same backgrounds, so the colour rules read each shape once per edition and palette, on its first page;
# any element drawn in colours of its own (a new class, an inline colour, another background) is a new
# shape and is read where it is.
MARK_NEW_SHAPES = """(seen) => {
  const known = new Set(seen), fresh = [];
  const colours = element => {
    const s = getComputedStyle(element);
    return [s.color, s.backgroundColor, s.backgroundImage, s.opacity, s.fontSize, s.fontWeight,
            s.textShadow, s.textDecorationLine, s.visibility, s.display].join(" ");
  };
  // Each element's own part and its ancestors' (the part of its parent, computed once for all its children).
  const parts = new Map();
  const lineage = element => {
    if (!element) return "";
    if (!parts.has(element)) {
      const own = `${element.localName}.${[...element.classList].sort().join(".")}[${element.getAttribute("style") ?? ""}]{${colours(element)}}`;
      parts.set(element, `${own} < ${lineage(element.parentElement)}`);
    }
    return parts.get(element);
  };
  for (const element of document.body.querySelectorAll("*")) {
    const text = [...element.childNodes].some(node => node.nodeType === 3 && node.data.trim());
    if (!text && !/^(a|input|select|textarea|button)$/.test(element.localName)) continue;
    const shape = `${element.checkVisibility({opacityProperty: true, visibilityProperty: true})} < ${lineage(element)}`;
    if (!known.has(shape)) {
      known.add(shape);
      fresh.push(shape);
      element.setAttribute("data-axe-sample", "");
    }
  }
  return fresh;
}"""


def run_axe(reader: Reader, path: str, context, options: dict) -> list[tuple[str, str]]:
    options = {"resultTypes": ["violations"], **options}
    found = reader.evaluate("([context, options]) => axe.run(context, options)", [context, options])
    return [(path, describe(v)) for v in found["violations"]]


def axe_problems(
    reader: Reader, path: str, seen: set[str] | None = None, every_rule: bool = True
) -> list[tuple[str, str]]:
    """What axe finds on the open page in its present palette: every rule it runs by default (or, with
    `every_rule` false, only the colour rules). Given the colour shapes an edition's pages have shown so
    far (`seen`, which it extends), the colour rules read this page's new shapes only."""
    if not reader.evaluate("typeof axe !== 'undefined'"):
        reader.evaluate(AXE)
    if seen is None:
        rules = {} if every_rule else {"runOnly": {"type": "rule", "values": list(COLOUR_RULES)}}
        return run_axe(reader, path, {"exclude": []}, rules)
    problems = []
    if every_rule:
        others = {rule: {"enabled": False} for rule in COLOUR_RULES}
        problems += run_axe(reader, path, {"exclude": []}, {"rules": others})
    fresh = reader.evaluate(MARK_NEW_SHAPES, sorted(seen))
    seen.update(fresh)
    if fresh:
        colours = {"runOnly": {"type": "rule", "values": list(COLOUR_RULES)}}
        problems += run_axe(reader, path, {"include": [SAMPLED]}, colours)
        reader.evaluate(
            f"document.querySelectorAll('{SAMPLED}').forEach(e => e.removeAttribute('data-axe-sample'))"
        )
    return problems


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
    loaded, and what axe finds in the palette the page opens in and then, with the header's toggle
    switched, in the other one. The reader's choice is kept from page to page, so the pages open in the
    light and the dark palette in turn (the first in light, as the browser prefers).

    Every rule runs in the light palette. In the dark one the rules whose outcome depends on colours run
    (see MARK_NEW_SHAPES for the elements they read); what else the palette changes is the theme's header
    (which toggle shows), the same on every page of an edition: each edition's home page gets every rule
    in the dark palette too."""
    reader = Reader(browser, site, color_scheme="light")
    found: dict[str, list[tuple[str, str]]] = {"load": [], "light": [], "dark": []}
    seen: dict[str, set[str]] = {"light": set(), "dark": set()}
    palettes = ["light", "dark"]
    try:
        for path in site.pages():
            if (request.module.EDITION == KOREAN) != path.startswith(KOREAN):
                continue
            reader.open(path, until="load")
            for palette in palettes:
                if palette != palettes[0]:
                    switch_palette(reader, SCHEMES[palette])
                assert reader.scheme() == SCHEMES[palette], f"/{path} is not shown in the {palette} palette"
                every_rule = palette == "light" or path in ("", KOREAN)
                found[palette] += axe_problems(reader, path, seen[palette], every_rule)
            palettes.reverse()
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
