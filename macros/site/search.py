"""One search index per edition: English pages in `search/search_index.json`, Korean pages in
`ko/search/search_index.json`, each holding only its own edition's pages.

mkdocs-static-i18n merges every edition's entries into the one index at the site root, which the
theme fetches on every page of both editions. Material looks for the index beside `base` (its
`__config`), so each edition's pages name their edition's root as `base` (`edition_base`, given to
the template `overrides/main.html` by the hooks) and find their own index there.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from .editions import DEFAULT, prefix

INDEX = "search/search_index.json"


def edition_base(language: str, page_url: str) -> str | None:
    """The edition's root relative to the page ('../..' from 'ko/data/checks/'), for a page of an
    edition other than the default; None leaves the theme's own base (the site's root)."""
    if language == DEFAULT or not page_url.endswith("/"):
        return None
    return posixpath.relpath(prefix(language).rstrip("/"), page_url.rstrip("/") or ".")


def split_index(site_dir: Path, languages: tuple[str, ...]) -> dict[str, int]:
    """Write each edition's entries to its own index (locations relative to its root), with the
    search languages of that edition alone; returns each index's size in bytes."""
    merged_path = site_dir / INDEX
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    others = tuple(prefix(language) for language in languages if language != DEFAULT)
    sizes = {}
    for language in languages:
        root = prefix(language)
        if root:
            docs = [
                {**doc, "location": doc["location"].removeprefix(root)}
                for doc in merged["docs"]
                if doc["location"].startswith(root)
            ]
        else:
            docs = [doc for doc in merged["docs"] if not doc["location"].startswith(others)]
        lang = [language] if language == DEFAULT else [DEFAULT, language]
        index = {**merged, "config": {**merged["config"], "lang": lang}, "docs": docs}
        path = site_dir / root / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        sizes[language] = len(text.encode())
    return sizes
