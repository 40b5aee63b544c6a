"""Every internal link and anchor of the built site resolves, so no reader follows a link into a 404.

Read straight from the built HTML with the standard library's parser: no browser needed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.cost(15)

LINK_ATTRIBUTES = {"href", "src"}
# A <link> with one of these relations makes the browser fetch (or connect to) its address as the page loads.
FETCHED_RELATIONS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
}
# The 404 pages (one per edition) are served at whatever address was missed, so they alone link from the site root.
ROOT_LINKED = {"404.html", "ko/404.html"}


@dataclass
class Page:
    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    # What the browser fetches by itself as the page loads: every src, and the fetched <link>s.
    fetched: list[str] = field(default_factory=list)


class PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.anchors.add(value)
            elif name in LINK_ATTRIBUTES:
                self.page.links.append(value)
        attributes = dict(attrs)
        if attributes.get("src"):
            self.page.fetched.append(attributes["src"])
        relations = set((attributes.get("rel") or "").lower().split())
        if tag == "link" and relations & FETCHED_RELATIONS and attributes.get("href"):
            self.page.fetched.append(attributes["href"])


@functools.cache
def read_site(site: Path) -> dict[str, Page]:
    """Every HTML file of the site by its path from the root ('data/explorer/index.html'), read once
    per folder: a built site is read-only, so the checks below share one reading of it."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        reader = PageReader()
        reader.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(site).as_posix()] = reader.page
    return pages


def is_internal(link: str) -> bool:
    parts = urlsplit(link)
    return not parts.scheme and not parts.netloc


def target_of(site: Path, page: str, link: str) -> tuple[str, str]:
    """The file a link from `page` leads to (relative to the site root) and its fragment."""
    parts = urlsplit(urljoin(f"http://site/{page}", link))
    path = unquote(parts.path).lstrip("/")
    if path == "" or path.endswith("/") or (site / path).is_dir():
        path = f"{path.rstrip('/')}/index.html".lstrip("/")
    return path, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    pages = read_site(site)
    problems = []
    for page, content in pages.items():
        for link in filter(is_internal, content.links):
            path, fragment = target_of(site, page, link)
            if not (site / path).is_file():
                problems.append(f"{page}: {link!r} leads to {path}, which is not in the site")
            elif fragment and path in pages and fragment not in pages[path].anchors:
                problems.append(f"{page}: {link!r} names #{fragment}, which {path} does not have")
    return problems


def root_relative_links(site: Path) -> list[str]:
    return [
        f"{page}: {link!r}"
        for page, content in read_site(site).items()
        if page not in ROOT_LINKED
        for link in content.links
        if link.startswith("/") and not link.startswith("//")
    ]


def test_every_internal_link_and_anchor_of_the_site_resolves(built_site):
    assert len(read_site(built_site.site)) > 1
    assert broken_links(built_site.site) == []


def test_pages_link_relatively_so_the_site_works_under_any_path(built_site):
    """GitHub Pages serves a project site under /<repository>/: a link from the root would miss it."""
    assert root_relative_links(built_site.site) == []


def fetched_from_another_host(site: Path) -> list[str]:
    return [
        f"{page}: {address!r}"
        for page, content in read_site(site).items()
        for address in content.fetched
        if not (is_internal(address) or address.startswith("data:"))
    ]


def test_no_page_of_either_edition_fetches_anything_from_another_host(built_site):
    """Offline and private, on every page (the browser tests load one page of each shape)."""
    assert fetched_from_another_host(built_site.site) == []


def test_the_host_check_names_a_script_a_stylesheet_and_a_preconnect_to_another_host(tmp_path):
    (tmp_path / "index.html").write_text(
        '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//fonts.example/a.css">'
        '<link rel="preconnect" href="https://fonts.gstatic.com"><img src="data:image/png;base64,AA==">'
        '<link rel="canonical" href="https://site.example/"><a href="https://example.com/">a link</a>'
    )
    assert fetched_from_another_host(tmp_path) == [
        "index.html: 'https://cdn.example/x.js'",
        "index.html: '//fonts.example/a.css'",
        "index.html: 'https://fonts.gstatic.com'",
    ]


def test_the_link_check_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="about/">ok</a> <a href="gone/">x</a> <a href="about/#team">y</a>'
    )
    (tmp_path / "about" / "index.html").write_text('<h1 id="about">About</h1><a href="../#about">z</a>')
    assert broken_links(tmp_path) == [
        "about/index.html: '../#about' names #about, which index.html does not have",
        "index.html: 'gone/' leads to gone/index.html, which is not in the site",
        "index.html: 'about/#team' names #team, which about/index.html does not have",
    ]
