"""Serve the site with live reload, and show what is wrong instead of hanging when it cannot be built.

Usage: python scripts/serve.py [--dev-addr 127.0.0.1:8000]

MkDocs' own server keeps serving the last good site when a rebuild fails and makes every request wait
for a build that never comes. Here a failed build is a page: every page of the site answers with the
located problems (`datapackage/data/figures.csv:53:value: …`, `docs/index.md:12:fig: …`) until the
next save that builds, and the browser reloads by itself both ways. The data and the pages'
references are checked before MkDocs starts, so a broken CSV is named in well under a second.

A rebuild after a save builds only the default edition while no page of another edition is open in a
browser (page requests and live-reload polls say which are open): half the work. The other editions
are then stale, and the first request for one of their pages waits for a full build.

Only public interfaces: MkDocs' `load_config`, `build` and `LiveReloadServer` (`watch`, `serve`,
`shutdown`); the i18n plugin's `build_only_locale` option (through DND_ONLY_EDITION in mkdocs.yml);
and the WSGI application the server runs (`get_app`, `set_app`, from the standard library's
WSGIServer), wrapped to note which editions are open and to answer a page request with the problem
page, which the server itself serves, live-reload script included.
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
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

ROOT = Path(__file__).resolve().parents[1]
# How long a page counts as open after its last request or live-reload poll (polls come every minute).
OPEN_FOR = 90.0
# Read by mkdocs.yml: the one edition to build (the i18n plugin's `build_only_locale`).
ONLY_EDITION = "DND_ONLY_EDITION"
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


PROBLEMS = ".problems.html"  # in the served folder; hidden, so MkDocs' cleaning of the folder leaves it


def is_page(path: str) -> bool:
    return not path.startswith("/livereload/") and path.endswith(("/", ".html"))


class Editions:
    """Which editions have a page open in a browser, and which the last build left out."""

    def __init__(self):
        self.seen: dict[str, float] = {}  # edition -> when a page of it was last requested or polled
        self.stale: set[str] = set()

    def saw(self, environ) -> str | None:
        """Note the edition of a page request, or of the page a live-reload poll comes from."""
        path = environ["PATH_INFO"]
        poll = path.startswith("/livereload/")
        page = urlsplit(environ.get("HTTP_REFERER", "")).path if poll else path
        if not page or not (poll or is_page(page)):
            return None
        edition = edition_of(page)
        self.seen[edition] = time.monotonic()
        return None if poll else edition

    def open(self) -> set[str]:
        now = time.monotonic()
        return {edition for edition, when in self.seen.items() if now - when < OPEN_FOR}


def answering_with_problems(app, failure: Callable[[], list[str] | None], editions: Editions, build_all):
    """The server's WSGI application, but a page of an edition the last build left out is built
    first, and while the site cannot be built every page request gets the problem page (status 500),
    served by the server from its folder with its live-reload script."""

    def application(environ, start_response):
        edition = editions.saw(environ)
        if edition in editions.stale:
            build_all()
        if failure() is None or not is_page(environ["PATH_INFO"]):
            return app(environ, start_response)

        def failed(status, headers, exc_info=None):
            return start_response("500 Internal Server Error", headers, exc_info)

        return app({**environ, "PATH_INFO": "/" + PROBLEMS}, failed)

    return application


def check_first() -> None:
    """The data and the pages' references, before MkDocs: a located list in a fraction of a second."""
    from macros.data.package import load_package

    package = load_package(package_path())
    problems = reference_problems(package, ROOT / "docs")
    if problems:
        raise PackageError(problems)


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

    failure: list[str] | None = None
    editions = Editions()
    one_at_a_time = threading.Lock()

    def builder(config=None, every_edition: bool = False) -> None:
        nonlocal failure
        with one_at_a_time:
            started = time.monotonic()
            partial = not every_edition and config is None and editions.open() == {DEFAULT}
            if partial:
                os.environ[ONLY_EDITION] = DEFAULT
            else:
                os.environ.pop(ONLY_EDITION, None)
            problems = Path(site_dir, PROBLEMS)
            try:
                check_first()
                config = config or load_config(
                    config_file=config_file, site_dir=site_dir, dev_addr=args.dev_addr
                )
                config.plugins.on_startup(command="serve", dirty=False)
                build(config, serve_url=server.url)
            except (Exception, SystemExit) as error:
                failure = problems_of(error)
                problems.write_bytes(error_page(failure))
                log.error("The site cannot be built:\n  " + "\n  ".join(failure))
                return
            finally:
                os.environ.pop(ONLY_EDITION, None)
            failure = None
            problems.unlink(missing_ok=True)
            editions.stale = set(LANGUAGES) - {DEFAULT} if partial else set()
            built = "the English edition" if partial else "every edition"
            log.info(f"Built {built} in {time.monotonic() - started:.1f} s")

    def build_all() -> None:
        """A full build for a page of a stale edition, unless one has just made it fresh."""
        with one_at_a_time:
            if not editions.stale:
                return
        builder(every_edition=True)

    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=site_dir)
    server.set_app(answering_with_problems(server.get_app(), lambda: failure, editions, build_all))
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
