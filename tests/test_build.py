"""The site builds strictly, and a page that names something unknown stops the build."""

import re

import pytest
from conftest import ENGLISH_ONLY, build_site

pytestmark = pytest.mark.cost(45)


def test_the_site_builds_without_any_warning(built_site):
    warnings = [line for line in built_site.output.splitlines() if line.startswith("WARNING")]
    assert warnings == []
    assert (built_site.site / "index.html").exists()


@pytest.mark.parametrize(
    "name",
    ["no_such_macro()", "undefined_variable"],
    ids=["an unknown macro", "an unknown variable"],
)
def test_an_unknown_name_in_a_page_fails_the_build_instead_of_publishing_template_text(project, name):
    page = project / "docs" / "index.md"
    page.write_text(page.read_text() + "\n{{ " + name + " }}\n")
    build = build_site(project, env=ENGLISH_ONLY)
    assert build.returncode != 0
    assert name.rstrip("()") in build.output


def test_every_page_describes_itself_for_search_engines_and_link_previews(built_site):
    pages = [p for p in built_site.site.rglob("index.html") if "search" not in p.parts]
    descriptions = {}
    for page in pages:
        found = re.findall(r'<meta name="description" content="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(found) == 1, page
        descriptions[page] = found[0]
    assert len(pages) > 10
    assert len(set(descriptions.values())) == len(pages), "two pages share a description"


def test_the_build_log_is_short_and_says_only_what_matters(built_site):
    lines = [line for line in built_site.output.splitlines() if line.strip()]
    assert len(lines) <= 15, "\n".join(lines)
    assert not [
        line for line in lines if 'not included in the "nav"' in line or "does not contain an anchor" in line
    ]


def test_a_link_to_an_anchor_no_page_has_fails_the_build_naming_the_page(project):
    page = project / "docs/first-year/index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[gone](../data/checks.md#check-no-such-check)\n",
        encoding="utf-8",
    )
    build = build_site(project, env=ENGLISH_ONLY)
    assert build.returncode != 0
    assert "'first-year/index.md' contains a link '../data/checks.md#check-no-such-check'" in build.output
