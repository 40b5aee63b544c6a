"""Serve the site with live reload, and show what is wrong instead of hanging when it cannot be built.

Usage: python scripts/serve.py [--dev-addr 127.0.0.1:8000]

MkDocs' own server keeps serving the last good site when a rebuild fails and makes every request wait
for a build that never comes. Here a failed build is a page: every page of the site answers with the
located problems (`datapackage/data/figures.csv:53:value: …`, `docs/index.md:12:fig: …`) until the
next save that builds, and the browser reloads by itself both ways. The data and the pages'
references are checked before MkDocs starts, so a broken CSV is named in well under a second.

A rebuild after a save builds only the default edition while no page of another edition is open in a
browser (the live-reload polls say which pages are open): half the work. The other editions are then
marked stale, and the first request for one of their pages waits for a full build.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from macros.data.language import LANGUAGES
from macros.data.package import package_path
from macros.data.problem import PackageError
from macros.site.editions import DEFAULT, edition_of
from macros.tools.prose import reference_problems

# How long a page counts as open after its last request or live-reload poll (polls come every minute).
OPEN_FOR = 90.0

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("mkdocs.serve")

ERROR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>The site cannot be built</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}}
pre{{white-space:pre-wrap;background:#fff3f3;border-left:4px solid #c00;padding:1rem}}</style></head>
<body><h1>The site cannot be built</h1>
<p>{count}; fix {them} and save: this page reloads by itself.</p>
<pre>{problems}</pre></body></html>
"""


def problems_of(error: BaseException) -> list[str]:
    """The lines a writer acts on: located problems as they are, else the error's own message."""
    if isinstance(error, PackageError):
        return [str(p) for p in error.problems]
    if isinstance(error, MkDocsException):
        return [line for line in str(error.format_message()).splitlines() if line.strip()]
    return traceback.format_exception_only(error)[-1:]


def error_page(problems: list[str]) -> bytes:
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    them = "it" if len(problems) == 1 else "them"
    return ERROR_PAGE.format(count=count, them=them, problems=html.escape("\n".join(problems))).encode()


class DevServer(LiveReloadServer):
    """MkDocs' live-reload server that answers with the problems while the site cannot be built, and
    knows which editions have a page open."""

    failure: list[str] | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: dict[str, float] = {}  # edition -> when a page of it was last requested or polled
        self.stale: set[str] = set()  # editions the last build left out

    def open_editions(self) -> set[str]:
        now = time.monotonic()
        return {edition for edition, when in self.seen.items() if now - when < OPEN_FOR}

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        page = environ.get("HTTP_REFERER", "") if path.startswith("/livereload/") else path
        if page and (path.startswith("/livereload/") or path.endswith(("/", ".html"))):
            edition = edition_of(urlsplit(page).path)
            self.seen[edition] = time.monotonic()
            if edition in self.stale and not path.startswith("/livereload/"):
                self.rebuild()
                with self._epoch_cond:
                    self._epoch_cond.wait_for(lambda: edition not in self.stale, timeout=120)
        failure = self.failure
        if failure is None or path.startswith("/livereload/") or not path.endswith(("/", ".html")):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            content = self._inject_js_into_html(error_page(failure), self._visible_epoch)
        start_response(
            "500 Internal Server Error",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))],
        )
        return [content]

    def rebuild(self) -> None:
        """Ask the build loop for a build, as a saved file does."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()


def check_first() -> None:
    """The data and the pages' references, before MkDocs: a located list in a fraction of a second."""
    from macros.data.package import load_package

    package = load_package(package_path())
    problems = reference_problems(package, ROOT / "docs")
    if problems:
        raise PackageError(problems)


@contextlib.contextmanager
def _default_edition_only():
    """A build of the default edition alone, everything else as configured (the language switch, the
    alternates): the i18n plugin's build of each other edition is skipped, and the site folder is not
    emptied first, so the other editions' pages stay, stale, until a full build."""
    from mkdocs import utils
    from mkdocs_static_i18n import plugin

    clean, other_builds = utils.clean_directory, plugin.build
    utils.clean_directory = lambda directory: None
    plugin.build = lambda config, dirty=False: None
    try:
        yield
    finally:
        utils.clean_directory, plugin.build = clean, other_builds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = tempfile.mkdtemp(prefix="dnd-serve-")
    host, port = args.dev_addr.rsplit(":", 1)
    config_file = str(ROOT / "mkdocs.yml")

    def builder(config=None) -> None:
        started = time.monotonic()
        partial = config is None and server.open_editions() == {DEFAULT}
        try:
            check_first()
            config = config or load_config(config_file=config_file, site_dir=site_dir, dev_addr=args.dev_addr)
            config.plugins.on_startup(command="serve", dirty=False)
            with _default_edition_only() if partial else contextlib.nullcontext():
                build(config, serve_url=server.url)
        except (Exception, SystemExit) as error:
            server.failure = problems_of(error)
            log.error("The site cannot be built:\n  " + "\n  ".join(server.failure))
            return
        with server._epoch_cond:
            server.failure = None
            server.stale = set(LANGUAGES[1:]) if partial else set()
            server._epoch_cond.notify_all()
        built = "the English edition" if partial else "every edition"
        log.info(f"Built {built} in {time.monotonic() - started:.1f} s")

    server = DevServer(builder=builder, host=host, port=int(port), root=site_dir)
    config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=args.dev_addr)
    try:
        builder(config)
        for path in [config.docs_dir, config_file, *config.watch]:
            server.watch(path)
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
