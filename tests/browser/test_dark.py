"""Every page in the dark palette passes axe. A file of its own, so the parallel suite runs it beside the
light palette's visits (test_pages.py)."""

from __future__ import annotations

import pytest

from .conftest import KOREAN, Reader
from .test_pages import COLOUR_RULES, SCHEMES, axe_problems, report

pytestmark = pytest.mark.browser


def test_every_page_passes_axe_in_the_dark_palette(browser, site):
    """Every page in the dark palette, with the rules whose outcome depends on colours (every rule runs
    on every page in the light palette). What else the palette changes is the theme's header (which
    palette toggle shows), the same on every page of an edition: each edition's home page gets every
    rule in the dark palette too."""
    reader = Reader(browser, site, color_scheme="dark")
    problems = []
    try:
        for path in site.pages():
            reader.open(path, until="load")
            assert reader.scheme() == SCHEMES["dark"], f"/{path} is not shown in the dark palette"
            problems += axe_problems(reader, path, () if path in ("", KOREAN) else COLOUR_RULES)
    finally:
        reader.close()
    assert not problems, report(problems)
