"""Live edit's quick build: `make serve` renders the pages open in a browser first, the rest after.

A hook (mkdocs.yml `hooks:`), idle unless `scripts/serve.py` names the pages to render in
DND_LIVE_PAGES (site paths such as 'first-year/recovery/' or sources such as 'index.ko.md', one per
line). Then every other page keeps only its title (the navigation and the footer's previous and next
links name it) and renders through an empty template, so MkDocs writes nothing for it; the 404 page
and the sitemap are not rendered; anchors in the skipped pages are not checked (they have none now);
and the post-build writers (downloads, workbooks, the per-edition search indexes) do nothing. What
this build writes is a scratch folder; the server moves the open pages from it into the served site.
Every build the server makes, quick or full, keeps the theme's templates compiled in a folder it
names in DND_LIVE_TEMPLATES.
"""

from __future__ import annotations

import logging
import os
import re

from jinja2 import ChoiceLoader, DictLoader, FileSystemBytecodeCache
from mkdocs.plugins import event_priority

LIVE_PAGES = "DND_LIVE_PAGES"
# A folder of the server's own where the theme's templates are kept compiled from one build to the
# next (MkDocs makes a new template environment for every build); compiled or not, they write the same.
LIVE_TEMPLATES = "DND_LIVE_TEMPLATES"
# The template a skipped page renders through: empty output, which MkDocs does not write.
SKIPPED = "dnd-live-skipped.html"
HEADING = re.compile(r"^# .*$", re.MULTILINE)


def quick() -> bool:
    """Whether this build is the quick one (the server sets the variable, possibly to no page)."""
    return LIVE_PAGES in os.environ


def wanted(*keys: str) -> bool:
    """Whether a page, by its site path or source path, is one to render in full."""
    if not quick():
        return True
    named = set(os.environ[LIVE_PAGES].split("\n"))
    return any(key in named for key in keys)


def skipped(page) -> bool:
    return page.meta.get("template") == SKIPPED


def on_config(config):
    if quick():
        config.theme.static_templates.clear()
        config.validation.links.anchors = logging.DEBUG
    return config


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    """Before the macros: a page not asked for keeps its title alone (its first heading)."""
    if wanted(page.url, page.file.src_uri):
        return markdown
    page.meta["template"] = SKIPPED
    heading = HEADING.search(markdown)
    title = heading.group(0) if heading else ""
    if "{{" not in title and "{%" not in title:
        page.meta["render_macros"] = False  # nothing for the macros to do: spare their template
    return title


def on_env(env, config, files):
    if quick():
        env.loader = ChoiceLoader([DictLoader({SKIPPED: ""}), env.loader])
    if os.environ.get(LIVE_TEMPLATES):
        env.bytecode_cache = FileSystemBytecodeCache(os.environ[LIVE_TEMPLATES])
    return env
