"""The built site served on 127.0.0.1, and a headless Chromium that may talk to nothing else.

Debian's Chromium is used as installed (DND_CHROMIUM overrides its path); no browser is ever
downloaded. Without it the browser tests are skipped with one line saying how to enable them,
except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import REPO_URL, shared_build

from scripts.bench.static_host import served

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HERE = Path(__file__).parent
DESKTOP = {"width": 1280, "height": 800}
# The narrowest screen the site is made for, and the smallest text it may show a reader there or anywhere.
PHONE = {"width": 375, "height": 812}
MIN_TEXT_PX = 12
FIGURE_PAGES = "figures/"
# Each edition's site search index, as the theme fetches it.
SEARCH_INDEX = "**/search/search_index.json"
KOREAN = "ko/"
# Each edition by the prefix of its pages' paths.
EDITIONS = ("", KOREAN)
FIGURE_SAMPLE = (
    "voucher-smes-restated",
    "voucher-non-ict-companies",
    "budget-invested",
    "5g-dedicated-network-deadline",
    "non-ict-companies-ko",
    "imd-rank-2020",
)


@dataclass
class Site:
    """A built site served over HTTP: its folder, its address and the pages in it."""

    root: Path
    url: str

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def all_pages(self) -> list[str]:
        """Every HTML page of the build as a path from the site root ('', 'data/explorer/', '404.html')."""
        return [
            file.relative_to(self.root).as_posix().removesuffix("index.html")
            for file in sorted(self.root.rglob("*.html"))
        ]

    def pages(self) -> list[str]:
        """Every written page in both editions, and the figure pages of FIGURE_SAMPLE: the figure pages
        share one builder, so the sample covers its shapes (a correction, links, checks, a date, a
        secondary source)."""

        def sampled(path: str) -> bool:
            page = path.removeprefix(KOREAN)
            return (
                not page.startswith(FIGURE_PAGES)
                or page.removeprefix(FIGURE_PAGES).strip("/") in FIGURE_SAMPLE
            )

        return [path for path in self.all_pages() if sampled(path)]

    def one_page_per_shape(self, prefix: str) -> dict[str, list[str]]:
        """The pages under `prefix` in both editions grouped by their shape, each group named by its first
        page: pages of one shape hold the same elements, so the site's scripts meet the same markup on
        each, and one page stands for its group in a browser (the text differs, not the structure)."""
        groups: dict[frozenset, list[str]] = {}
        for path in self.all_pages():
            if path.removeprefix(KOREAN).startswith(prefix):
                groups.setdefault(_shape(self.html(path)), []).append(path)
        return {paths[0]: paths for paths in groups.values()}

    def pages_with_every_part(self, prefix: str) -> dict[str, list[str]]:
        """Pages under `prefix` that together hold every part (an element kind, a section) any page under it
        holds, in each edition, each named with the pages it stands for (those whose parts it holds most
        of, chosen first to last). For pages of one builder whose parts are made and scripted each on its
        own (a standing marker, a related figure, a check's outcome): the site's and the theme's scripts
        act on an element by itself, so a set of pages that shows each part once meets what every page
        shows, in either edition's language and settings."""
        pages = [path for path in self.all_pages() if path.removeprefix(KOREAN).startswith(prefix)]
        parts = {path: _shape(self.html(path)) for path in pages}
        chosen: list[str] = []
        for edition in EDITIONS:
            left = set().union(*(parts[p] for p in pages if _edition(p) == edition))
            while left:
                best = max((p for p in pages if _edition(p) == edition), key=lambda p: len(parts[p] & left))
                chosen.append(best)
                left -= parts[best]
        return {
            page: [p for p in pages if max(chosen, key=lambda c: len(parts[c] & parts[p])) == page]
            for page in chosen
        }

    def search_stand_in(self, address: str) -> dict:
        """An edition's search index without its pages: its configuration (language, separator) as built."""
        path = urlsplit(address).path.removeprefix(urlsplit(self.url).path)
        return _emptied_index(self.root / path)

    def html(self, path: str) -> str:
        file = self.root / path
        return (file / "index.html" if path == "" or path.endswith("/") else file).read_text("utf-8")


@functools.cache
def _emptied_index(file: Path) -> dict:
    """A search index file without its pages, read once for every load that asks for it (400 KB each)."""
    return {**json.loads(file.read_text("utf-8")), "docs": []}


class _Shape(HTMLParser):
    """The elements of a page's article as (tag, classes), with its section ids: what its scripts meet."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: set[tuple] = set()
        self.lang = ""
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang", "")
        self.in_article = self.in_article or tag == "article"
        if self.in_article:
            self.elements.add((tag, tuple(sorted((attributes.get("class") or "").split()))))
            if tag in ("h2", "h3") and attributes.get("id"):
                self.elements.add(("section", attributes["id"]))


def _edition(path: str) -> str:
    return KOREAN if path.startswith(KOREAN) else ""


def _shape(page: str) -> frozenset:
    parser = _Shape()
    parser.feed(page)
    return frozenset(parser.elements | {("lang", parser.lang)})


def is_local(url: str, origin: str) -> bool:
    return url == origin or url.startswith((origin + "/", "data:", "blob:", "about:"))


def foreign_address(origin: str) -> re.Pattern:
    """Any address `is_local` refuses, as one pattern."""
    return re.compile(rf"^(?!{re.escape(origin)}(?:/|$)|data:|blob:|about:)")


@dataclass
class Visit:
    """What a page did while it loaded: its status, every request it made, every error it logged."""

    status: int | None = None
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Console errors and missing files (a missing file is named once, by its address, rather
        than by the browser's generic console line)."""
        logged = [e for e in self.errors if not e.startswith("Failed to load resource")]
        return logged + [f"missing: {url}" for url in self.missing]

    def foreign(self, origin: str) -> list[str]:
        return [url for url in self.requests if not is_local(url, origin)]


class Reader:
    """One browser tab on the served site. Requests to any other host are recorded, then refused.

    A tab opens in a context of its own (its own cache and storage), or in `context`, a context shared by
    the tabs of a run: its cache stays warm from tab to tab, and closing the tab clears the storage the
    site wrote, so the next tab starts as a first visit does. With `search` false, the site search's index
    is answered with the edition's own index emptied of its pages, for a test that never searches: the
    theme's scripts load it as always but do not index 300 pages on every load (test_pages.py loads the
    real one on every page)."""

    def __init__(self, browser, site: Site, context=None, search: bool = True, **context_options):
        self.site = site
        self.visit = Visit()
        self.shared = context is not None
        self.context = context or browser.new_context(**{"viewport": DESKTOP, **context_options})
        self.page = self.context.new_page()
        # Only another host's address is routed (to be refused): the browser matches the pattern itself,
        # so the site's own requests are not held up by a round trip to Python.
        self.page.route(foreign_address(site.origin), lambda route: route.abort("blockedbyclient"))
        if not search:
            self.page.route(
                SEARCH_INDEX, lambda route: route.fulfill(json=site.search_stand_in(route.request.url))
            )
        self.page.on("request", lambda request: self.visit.requests.append(request.url))
        self.page.on("response", self._response)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.visit.errors.append(f"uncaught: {error}"))

    @classmethod
    def on_phone(cls, browser, site: Site, search: bool = True) -> Reader:
        """A tab as a phone opens it: 375 px wide, touch, the mobile layout viewport."""
        return cls(browser, site, search=search, viewport=PHONE, is_mobile=True, has_touch=True)

    def _response(self, response) -> None:
        if response.status >= 400:
            self.visit.missing.append(response.url)

    def _console(self, message) -> None:
        if message.type == "error":
            self.visit.errors.append(message.text)

    def open(self, path: str, until: str = "networkidle") -> Visit:
        """Load a page; by default wait until the network is quiet (the search index, any late fetch)."""
        self.visit = Visit()
        response = self.page.goto(self.site.url + path, wait_until=until)
        self.visit.status = response.status if response else None
        return self.visit

    def evaluate(self, script: str, argument=None):
        return self.page.evaluate(script, argument)

    def scheme(self) -> str:
        return self.evaluate("document.body.getAttribute('data-md-color-scheme')")

    def close(self) -> None:
        if not self.shared:
            self.context.close()
            return
        # What the site stored (the palette chosen, the explorer's view) goes with the tab.
        if not self.page.url.startswith(self.site.origin):
            self.page.goto(self.site.url + "404.html", wait_until="commit")
        self.page.evaluate("localStorage.clear(); sessionStorage.clear()")
        self.context.clear_cookies()
        self.page.close()


def serve(root: Path) -> Iterator[Site]:
    """The built folder over HTTP on a free local port (the static server `make bench` uses too)."""
    with served(root) as url:
        yield Site(root, url)


def built(tmp_path_factory, env: dict | None = None) -> Path:
    """The site built once per run and shared by the workers (tests only read it)."""
    build = shared_build(tmp_path_factory, env=env)
    assert build.returncode == 0, build.output
    return build.site


def chromium_path() -> str:
    return os.environ.get("DND_CHROMIUM") or "/usr/bin/chromium"


def chromium_missing() -> bool:
    path = chromium_path()
    return not (os.path.isfile(path) and os.access(path, os.X_OK))


def pytest_make_collect_report(collector):
    """Without Chromium, outside CI, the whole folder is skipped with one line saying how to enable it."""
    if (
        isinstance(collector, pytest.Package)
        and collector.path == HERE
        and chromium_missing()
        and os.environ.get("CI") != "true"
    ):
        reason = (
            f"browser tests need Chromium (none at {chromium_path()}): "
            "`apt-get install chromium` or set DND_CHROMIUM"
        )
        return pytest.CollectReport(collector.nodeid, "skipped", (str(HERE), None, reason), [])
    return None


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; under CI a missing browser fails every browser test."""
    path = chromium_path()
    if chromium_missing():
        pytest.fail(f"no Chromium at {path}: CI must install Debian's chromium (see .ci/run)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(browser, tmp_path_factory) -> Iterator[Site]:
    """The repository's site as the publishing workflow builds it: with the repository's address, so its
    links (the header's, each page's edit link, the correction links) are on the pages every test reads.
    Without an address a page only lacks those links (test_data_pages.py reads both builds' HTML)."""
    yield from serve(built(tmp_path_factory, env={"DND_REPO_URL": REPO_URL}))


@pytest.fixture(scope="session")
def desktop(browser, site):
    """The context the `reader` tabs of a worker share, at the desktop width (see Reader)."""
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


@pytest.fixture
def reader(browser, site, desktop) -> Iterator[Reader]:
    """A tab as a first visit opens it, at the desktop width."""
    tab = Reader(browser, site, context=desktop)
    yield tab
    tab.close()
