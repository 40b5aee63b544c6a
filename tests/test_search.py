"""The site search: one index per edition, each holding its own edition's pages, so an English search
lists English pages and a Korean one Korean pages, and neither reader downloads the other's words."""

from __future__ import annotations

import json

from macros.site.search import INDEX

# One index of both editions weighed 1.35 MB (data version 4.1.0); each edition's must stay well
# under half of that.
MOST_BYTES = 1_350_000 * 4 // 10


def index(built_site, root: str = "") -> dict:
    return json.loads((built_site.site / root / INDEX).read_text(encoding="utf-8"))


def test_each_edition_has_its_own_index_of_its_own_pages(built_site):
    english, korean = index(built_site), index(built_site, "ko/")
    for edition, root, found in (("English", "", english), ("Korean", "ko/", korean)):
        pages = {doc["location"].split("#")[0] for doc in found["docs"]}
        assert pages, f"the {edition} index is empty"
        missing = [page for page in pages if not (built_site.site / root / page / "index.html").exists()]
        assert not missing, f"the {edition} index names pages that are not in its edition: {missing[:5]}"
        assert not [page for page in pages if page.startswith("ko/")], f"the {edition} index has Korean paths"
    assert "dnd2/sectors/" in {doc["location"] for doc in english["docs"]}
    assert any("디지털" in doc["title"] + doc["text"] for doc in korean["docs"])
    assert not any("디지털" in doc["title"] for doc in english["docs"])


def test_each_index_is_well_under_half_the_size_of_one_for_both(built_site):
    for root in ("", "ko/"):
        size = (built_site.site / root / INDEX).stat().st_size
        assert size < MOST_BYTES, f"/{root}{INDEX} is {size} bytes"


def test_a_korean_page_looks_for_the_index_at_the_korean_root(built_site):
    config = built_site.page("ko/data/checks/").split('<script id="__config" type="application/json">')[1]
    assert json.loads(config.split("</script>")[0])["base"] == "../.."
    config = built_site.page("data/checks/").split('<script id="__config" type="application/json">')[1]
    assert json.loads(config.split("</script>")[0])["base"] == "../.."
