"""Serve the site with live reload: a save shows in the open page within seconds, and a site that
cannot be built is a page saying what is wrong instead of a server that hangs.

Usage: python scripts/serve.py [--dev-addr 127.0.0.1:8000]

A save is shown in two steps. First a quick build renders only the pages open in a browser (page
requests and live-reload polls say which) and the pages the save changed; every other page keeps its
title alone and is not written (macros/site/live.py). Those pages are moved into the served site and
the browsers reload. Then a full build, in a process of its own, builds every edition into a folder
of its own, which replaces the served site in one step when it succeeds; an open page reloads again
only if the full build wrote it differently. Until then a page the quick build did not render is
rendered when asked for, the same way, so no page is served stale; the search index and the downloads
stay those of the last full build, never a partial one.

A failed build is a page: every page of the site answers with the located problems
(`datapackage/data/figures.csv:53:value: …`, `docs/index.md:12:fig: …`) in the language of the page
asked for, until the next save that builds, and the browser reloads by itself both ways. The data
and the pages' references are checked before MkDocs starts, so a broken CSV is named at once.

Only public interfaces: MkDocs' `load_config`, `build` and `LiveReloadServer` (`watch`, `serve`,
`shutdown`, and the WSGI application it runs: `get_app`, `set_app`, from the standard library's
WSGIServer), wrapped to note which pages are open and to answer with the problem page, which the
server serves itself, live-reload script included; the i18n plugin's `build_only_locale` option
(through DND_ONLY_EDITION in mkdocs.yml). The server reloads the browsers after each call of its
builder, on a change in a folder it watches: after a full build a file is written in such a folder
(outside the project), and the builder, finding no source changed, returns at once. The served
folder is a symbolic link, so a finished build replaces it in one step.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import subprocess
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
from macros.pages.problem_page import problem_page
from macros.site.editions import DEFAULT, edition_of
from macros.site.live import LIVE_PAGES, LIVE_TEMPLATES
from macros.tools.prose import reference_problems

ROOT = Path(__file__).resolve().parents[1]
# How long a page counts as open after its last request or live-reload poll (polls come every minute).
OPEN_FOR = 90.0
# Read by mkdocs.yml: the one edition to build (the i18n plugin's `build_only_locale`).
ONLY_EDITION = "DND_ONLY_EDITION"
# How often the server looks for changed files (MkDocs' default is every half second).
POLL = 0.2
log = logging.getLogger("mkdocs.serve")


def problems_of(error: BaseException) -> list[str]:
    """The lines a writer acts on: located problems as they are, else the error's own message."""
    if isinstance(error, PackageError):
        return [str(p) for p in error.problems]
    if isinstance(error, MkDocsException):
        return [line for line in str(error.format_message()).splitlines() if line.strip()]
    return traceback.format_exception_only(error)[-1:]


def problems_file(lang: str) -> str:
    """The problem page of an edition, in the served folder; hidden, so MkDocs' cleaning leaves it."""
    return f".problems.{lang}.html"


def is_page(path: str) -> bool:
    return not path.startswith("/livereload/") and path.endswith(("/", ".html"))


def site_path(url_path: str) -> str:
    """A page's address as MkDocs names it (`page.url`): '/ko/data/' -> 'ko/data/', '/' -> ''."""
    return url_path.lstrip("/").removesuffix("index.html")


class OpenPages:
    """Which pages are open in a browser: requested, or polling for a reload, in the last minutes."""

    def __init__(self):
        self.seen: dict[str, float] = {}  # site path -> when it was last requested or polled from

    def saw(self, environ) -> str | None:
        """Note the page a request or a live-reload poll comes from; the site path of a page request."""
        path = environ["PATH_INFO"]
        poll = path.startswith("/livereload/")
        page = urlsplit(environ.get("HTTP_REFERER", "")).path if poll else path
        if not page or not is_page(page):
            return None
        self.seen[site_path(page)] = time.monotonic()
        return None if poll else site_path(page)

    def open(self) -> set[str]:
        now = time.monotonic()
        return {page for page, when in list(self.seen.items()) if now - when < OPEN_FOR}


def sources(paths: list[str]) -> dict[str, int]:
    """Every watched file with its modification time: what a save changes (Python's compiled files
    are not sources)."""
    found = {}
    for top in paths:
        for folder, _, names in os.walk(top) if os.path.isdir(top) else [("", [], [top])]:
            if "__pycache__" in Path(folder).parts:
                continue
            for name in names:
                path = os.path.join(folder, name)
                try:
                    found[path] = os.stat(path).st_mtime_ns
                except OSError:
                    continue
    return found


def check_first() -> None:
    """The data and the pages' references, before MkDocs: a located list in a fraction of a second."""
    from macros.data.package import load_package

    package = load_package(package_path())
    problems = reference_problems(package, ROOT / "docs")
    if problems:
        raise PackageError(problems)


class _SkippedPages(logging.Filter):
    """MkDocs notes each page an empty template skips: in a quick build, every page but a few."""

    def filter(self, record):
        return not str(record.msg).startswith(("Page skipped:", "Template skipped:"))


def full_build(config_file: str, site_dir: str, dev_addr: str, problems: str) -> int:
    """Every edition into `site_dir`, in a process of its own; the problems, if any, as JSON."""
    try:
        config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=f"http://{dev_addr}/")
    except (Exception, SystemExit) as error:
        Path(problems).write_text(json.dumps(problems_of(error)), encoding="utf-8")
        return 1
    return 0


class Site:
    """The served folder, a link to the last full build, and what happened to it since."""

    def __init__(self, base: Path):
        self.base = base
        self.served = base / "site"  # the server's root: a symbolic link to a build's folder
        self.scratch = base / "quick"  # where the quick build writes
        self.signal = base / "signal"  # watched by the server: a file written here reloads the browsers
        self.signal.mkdir()
        self.templates = base / "templates"  # the theme's templates, compiled once for every build
        self.templates.mkdir()
        self.builds = 0
        first = self.new_folder()
        first.mkdir()
        self.served.symlink_to(first.name)

    def new_folder(self) -> Path:
        self.builds += 1
        return self.base / f"build-{self.builds}"

    def current(self) -> Path:
        return self.base / os.readlink(self.served)

    def swap(self, folder: Path) -> Path:
        """Serve `folder` from now on; the folder it replaces is removed at the next swap, once no
        request can be reading it."""
        old = self.current()
        link = self.base / ".site-next"
        link.unlink(missing_ok=True)
        link.symlink_to(folder.name)
        os.replace(link, self.served)
        for stale in self.base.glob("build-*"):
            if stale not in (folder, old):
                shutil.rmtree(stale, ignore_errors=True)
        return old

    def show(self, problems: list[str] | None) -> None:
        """Write the problem page in every language, or remove it."""
        for lang in LANGUAGES:
            page = self.served / problems_file(lang)
            if problems is None:
                page.unlink(missing_ok=True)
            else:
                page.write_text(problem_page(problems, lang), encoding="utf-8")

    def reload(self) -> None:
        """Have the server reload the browsers (it calls the builder, which finds nothing to build)."""
        (self.signal / "built").write_text(str(time.monotonic()), encoding="utf-8")


def answering_with_problems(app, failure: Callable[[], list[str] | None], pages: OpenPages, fresh):
    """The server's WSGI application, but a page is made fresh first (rendered now if the full build
    runs and the quick build did not render it), and while the site cannot be built every page
    request gets the problem page of its edition (status 500), served by the server from its folder
    with its live-reload script."""

    def application(environ, start_response):
        page = pages.saw(environ)
        if page is not None:
            fresh(page)
        if failure() is None or not is_page(environ["PATH_INFO"]):
            return app(environ, start_response)

        def failed(status, headers, exc_info=None):
            return start_response("500 Internal Server Error", headers, exc_info)

        problems = "/" + problems_file(edition_of(environ["PATH_INFO"]))
        return app({**environ, "PATH_INFO": problems}, failed)

    return application


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    parser.add_argument("--full-build", nargs=2, metavar=("SITE_DIR", "PROBLEMS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config_file = str(ROOT / "mkdocs.yml")
    if args.full_build:
        logging.getLogger().setLevel(logging.WARNING)
        site_dir, problems = args.full_build
        return full_build(config_file, site_dir, args.dev_addr, problems)

    base = Path(tempfile.mkdtemp(prefix="dnd-serve-"))
    site = Site(base)
    # Every build of this server, the full ones included, keeps the theme's templates compiled there.
    os.environ[LIVE_TEMPLATES] = str(site.templates)
    host, port = args.dev_addr.rsplit(":", 1)
    pages = OpenPages()
    lock = threading.Lock()  # guards the state below, shared by the builder and the full build's thread
    state = {"failure": None, "fresh": set(), "full": None, "generation": 0}
    building = threading.Lock()  # one quick build at a time: on a save, or for a page asked for
    skipped_pages = _SkippedPages()
    config = load_config(config_file=config_file, site_dir=str(site.served), dev_addr=args.dev_addr)
    watched = [config.docs_dir, config_file, *config.watch]
    known = {"sources": sources(watched)}

    def fail(problems: list[str]) -> None:
        with lock:
            state["failure"] = problems
        site.show(problems)
        log.error("The site cannot be built:\n  " + "\n  ".join(problems))

    def quick_build(changed: list[str], asked: str | None = None) -> bool:
        """Render the open pages, the changed ones and the one `asked` for into the scratch folder,
        then move them into the served site; False, with the problem page, if the site cannot be built."""
        started, cpu = time.monotonic(), time.thread_time()
        open_pages = pages.open() | ({asked} if asked is not None else set())
        wanted = open_pages | set(changed)
        if {edition_of("/" + page) for page in open_pages} <= {DEFAULT}:
            os.environ[ONLY_EDITION] = DEFAULT
        os.environ[LIVE_PAGES] = "\n".join(sorted(wanted))
        logging.getLogger("mkdocs.commands.build").addFilter(skipped_pages)
        try:
            check_first()
            quick = load_config(config_file=config_file, site_dir=str(site.scratch), dev_addr=args.dev_addr)
            quick.plugins.on_startup(command="serve", dirty=False)
            build(quick, serve_url=server.url)
        except (Exception, SystemExit) as error:
            fail(problems_of(error))
            return False
        finally:
            os.environ.pop(ONLY_EDITION, None)
            os.environ.pop(LIVE_PAGES, None)
            logging.getLogger("mkdocs.commands.build").removeFilter(skipped_pages)
        rendered = set()
        with lock:
            for page in site.scratch.rglob("*.html"):
                relative = page.relative_to(site.scratch)
                target = site.served / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(page, target)
                rendered.add(site_path("/" + relative.as_posix()))
            state["failure"] = None
            # After a save, the pages rendered now are the only ones up to date until the full build.
            state["fresh"] = rendered if asked is None else state["fresh"] | rendered
        site.show(None)
        took, cpu = time.monotonic() - started, time.thread_time() - cpu
        named = ", ".join("/" + page for page in sorted(rendered))
        log.info(f"Built the open pages in {took:.1f} s ({cpu:.1f} s CPU): {named}")
        return True

    def start_full_build() -> None:
        """Build every edition in a process of its own, then serve it; a later save supersedes it."""
        folder = site.new_folder()
        problems = base / f"problems-{site.builds}.json"
        command = [
            sys.executable,
            __file__,
            "--dev-addr",
            args.dev_addr,
            "--full-build",
            str(folder),
            str(problems),
        ]
        environment = {k: v for k, v in os.environ.items() if k not in (LIVE_PAGES, ONLY_EDITION)}
        environment["PYTHONDONTWRITEBYTECODE"] = "1"  # nothing written in the watched macros/
        with lock:
            state["generation"] += 1
            generation = state["generation"]
            state["full"] = subprocess.Popen(command, cwd=ROOT, env=environment)
        threading.Thread(target=finish_full_build, args=(generation, folder, problems), daemon=True).start()

    def finish_full_build(generation: int, folder: Path, problems: Path) -> None:
        started = time.monotonic()
        with lock:
            process = state["full"]
        code = process.wait()
        with lock:
            superseded = generation != state["generation"]  # a later save killed it
            if not superseded:
                state["full"] = None
            if not superseded and code == 0:
                old = site.swap(folder)  # under the lock: no quick build moves pages meanwhile
                fresh, state["fresh"] = state["fresh"], set()
                failed, state["failure"] = state["failure"] is not None, None
        if superseded:
            shutil.rmtree(folder, ignore_errors=True)
            problems.unlink(missing_ok=True)
            return
        if code != 0:
            found = json.loads(problems.read_text(encoding="utf-8")) if problems.exists() else []
            fail(found or [f"the full build stopped (exit status {code})"])
            shutil.rmtree(folder, ignore_errors=True)
            site.reload()  # the open pages show the problems
        else:
            changed = [
                page
                for page in sorted(fresh)
                if _read(old / page / "index.html") != _read(folder / page / "index.html")
            ]
            log.info(f"Built every edition in {time.monotonic() - started:.1f} s")
            if failed or changed:
                site.reload()
        problems.unlink(missing_ok=True)

    def builder() -> None:
        """Called by the server on a change in a watched folder; it reloads the browsers afterwards."""
        now = sources(watched)
        changed_files = [path for path, mtime in now.items() if known["sources"].get(path) != mtime]
        changed_files += [path for path in known["sources"] if path not in now]
        known["sources"] = now
        if not changed_files:
            return  # a full build is in (or only compiled files changed): the server reloads the browsers
        with lock:
            running, state["full"] = state["full"], None
            state["generation"] += 1
        if running is not None:
            running.kill()
        docs = Path(config.docs_dir)
        changed = [
            Path(path).relative_to(docs).as_posix()
            for path in changed_files
            if path.endswith(".md") and Path(path).is_relative_to(docs)
        ]
        with building:
            if quick_build(changed):
                start_full_build()

    def initial_build() -> None:
        started = time.monotonic()
        try:
            check_first()
            config.plugins.on_startup(command="serve", dirty=False)
            build(config, serve_url=server.url)
        except (Exception, SystemExit) as error:
            fail(problems_of(error))
            return
        log.info(f"Built every edition in {time.monotonic() - started:.1f} s")

    def render_if_stale(page: str) -> None:
        """While the full build runs, a page the quick build did not render is rendered on request."""
        with building:
            with lock:
                stale = state["full"] is not None and page not in state["fresh"]
            if stale:
                quick_build([], asked=page)

    server = LiveReloadServer(
        builder=builder, host=host, port=int(port), root=str(site.served), polling_interval=POLL
    )
    server.set_app(
        answering_with_problems(server.get_app(), lambda: state["failure"], pages, render_if_stale)
    )
    # Stopped by a signal as by Ctrl-C, so the full build under way and the temporary folder go too.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(0))
    try:
        initial_build()
        for path in [*watched, str(site.signal)]:
            server.watch(path)
        server.serve()
    except (KeyboardInterrupt, SystemExit):
        log.info("Shutting down...")
    finally:
        server.shutdown()
        with lock:
            running = state["full"]
            state["generation"] += 1  # the full build's end is no news now
        if running is not None:
            running.kill()
        shutil.rmtree(base, ignore_errors=True)
    return 0


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
