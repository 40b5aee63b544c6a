"""The page being rendered: where it sits, so links are relative, and how to name it in an error."""

from __future__ import annotations

import os

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import editions


class PageError(Exception):
    """A page asks for something the data lacks; the message names the page and the thing."""


class Page:
    """A page of the site: what the builders in `macros.pages` link from and name in errors."""

    src_uri: str
    url: str

    def __init__(self, conf):
        self._conf = conf

    def source(self) -> str:
        """The source path as the repository shows it: 'docs/first-year/recovery.md'."""
        docs = os.path.relpath(self._conf["docs_dir"], os.path.dirname(self._conf["config_file_path"]))
        return f"{docs}/{self.src_uri}".removeprefix("./")

    def error(self, message: str) -> PageError:
        return PageError(f"{self.source()}: {message}")

    @property
    def language(self) -> str:
        """The language of this page's edition ('en' or 'ko')."""
        return editions.current(self._conf)

    def link(self, target: str, anchor: str | None = None) -> str:
        """A relative address from this page to a site path, or to a Markdown page of its own edition."""
        if target.endswith(".md"):
            target = (
                editions.prefix(self.language)
                + File(
                    target,
                    self._conf["docs_dir"],
                    self._conf["site_dir"],
                    self._conf["use_directory_urls"],
                ).url
            )
        relative = get_relative_url(target, self.url)
        return f"{relative}#{anchor}" if anchor else relative

    @property
    def repo_url(self) -> str | None:
        return (self._conf.get("repo_url") or "").rstrip("/") or None


class PageAt(Page):
    """A page the build makes from the data (a figure's page), at a fixed place."""

    def __init__(self, conf, src_uri: str, url: str):
        super().__init__(conf)
        self.src_uri, self.url = src_uri, url


class CurrentPage(Page):
    """Whichever page mkdocs-macros is rendering now (env.page changes per page)."""

    def __init__(self, env):
        super().__init__(env.conf)
        self._env = env

    @property
    def src_uri(self) -> str:
        return self._env.page.file.src_uri

    @property
    def url(self) -> str:
        return self._env.page.url
