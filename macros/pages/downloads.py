"""The downloads list: each file the build writes, with its format and size, linked from the page; every
released version with its date, changelog section, archive and the archive's SHA-256; and the changelog's
version headings linked to their downloads."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable

from ..data.changelog import Changelog
from ..data.changes import Change, unreleased_words
from ..data.language import column
from ..data.package import Package
from ..data.words import day_words, fill, list_words, plain, size_words
from ..tools.export import Download, downloads_of
from ..tools.releases import History
from . import html
from .errata import entry_words
from .i18n import DEFAULT, N_, tr
from .links import CHANGELOG_PAGE
from .tables import Row, table
from .workbook import version_workbooks, workbooks

DATA_PAGE = "data/index.md"
# The data page's section listing every version (its heading's id in docs/data/index.md).
VERSIONS_ANCHOR = "versions"
VERSIONS = N_("Every version of the data package, newest first")
NOT_COMMITTED = N_("not committed yet")
NO_HISTORY = N_("commit unknown: built without the git history")
WHAT_CHANGED = N_("what changed")
UNRELEASED_HEADING = N_("Not released yet")


# While changes wait for a release: which of today's files hold them, from how each file is made.
HOLDS_CHANGES = N_(
    "This file also holds the {unreleased}; version {version} as released is in the table of every version below."
)
CSV_FILES = N_("the {count} CSV files")
FIGURE_FILES = N_("each figure's JSON file")
WAITING = N_(
    "The pages also show {unreleased}. Of the files at today's address, {current} hold them too; "
    "{released} are version {version} as released."
)


def version_anchor(version: str) -> str:
    """The id of a version's row on the data page and of its section on the changelog page."""
    return f"version-{version}"


def listed(package: Package, site_url: str | None = None) -> list[Download]:
    """Every file at today's address in the order the page lists them: the archive, the workbooks, then
    the descriptor, the CSV files and the JSON."""
    files = downloads_of(package)
    return [*files[:1], *workbooks(package, site_url), *files[1:]]


def _names(files: list[Download], lang: str) -> list[str]:
    """Files named by path, the tables' CSV files as one item ('the 11 CSV files')."""
    names = [d.path for d in files if d.resource is None]
    tables = sum(d.resource is not None for d in files)
    return names + ([tr(lang, CSV_FILES).format(count=tables)] if tables else [])


def waiting(package: Package, lang: str = "en", site_url: str | None = None) -> str:
    """What the changes waiting for a release are in, as a sentence: the pages, and the files at today's
    address made from the loaded records (`Download.from_records`); the others are the release's.
    Empty when nothing waits."""
    if not package.changes:
        return ""
    files = listed(package, site_url)
    return fill(
        tr(lang, WAITING),
        unreleased=unreleased_words(package.changes, lang),
        # Each figure's JSON file beside its page is made from the records too (export.figure_files).
        current=list_words(
            [*_names([d for d in files if d.from_records], lang), tr(lang, FIGURE_FILES)], lang
        ),
        released=list_words(_names([d for d in files if not d.from_records], lang), lang),
        version=package.version,
    )


def waiting_html(package: Package, lang: str = "en", site_url: str | None = None) -> str:
    """`waiting` as HTML, each file's path as code (the sentence is filled first, so each particle follows
    the words as read)."""
    escaped = html.text(waiting(package, lang, site_url))
    paths = sorted((html.text(d.path) for d in listed(package, site_url)), key=len, reverse=True)
    if not escaped or not paths:
        return escaped
    pattern = re.compile("|".join(re.escape(p) for p in paths))
    return pattern.sub(lambda m: f"<code>{m.group()}</code>", escaped)


NO_BREAK = "\u00a0"


def contents(package: Package, lang: str) -> str:
    """What the package holds (Markdown), one item a table of the descriptor in its order, with its title,
    row count and description in the language: a table added to the package is listed without anyone
    typing it, as the downloads are."""
    template = tr(lang, "**{title}** ({count} rows): {description}", context="package contents")
    return "\n".join(
        "- "
        + template.format(
            title=resource[column("title", lang)],
            count=plain(len(getattr(package, resource["name"]))),
            description=resource[column("description", lang)],
        )
        for resource in package.descriptor["resources"]
    )


def downloads(package: Package, page, site_url: str | None = None) -> str:
    """The download list with formats, sizes and SHA-256, linked relative to the page; while changes
    wait, a file made from the records says it holds them, so it is not taken for the release's file
    of the same name (whose size differs) in the table of versions."""
    items = []
    lang = page.language
    holds = ""
    if package.changes:
        words = fill(
            tr(lang, HOLDS_CHANGES),
            unreleased=unreleased_words(package.changes, lang),
            version=package.version,
        )
        holds = f'<br><span class="dnd-holds-changes">{html.text(words)}</span>'
    for d in listed(package, site_url):
        href = html.url(page.link(d.site_path))
        digest = hashlib.sha256(d.content).hexdigest()
        items.append(
            f'<li><a class="dnd-download" href="{href}" download><code>{html.text(d.path)}</code></a>: '
            f"{html.text(d.title_in(lang))}, {html.text(size_words(len(d.content), lang))}, "
            f"SHA-256 {_hash(digest)}{holds if d.from_records else ''}</li>"
        )
    return '<ul class="dnd-downloads">\n' + "\n".join(items) + "\n</ul>"


def _hash(digest: str) -> str:
    """A SHA-256 that may wrap at every sixteenth digit, and is copied whole."""
    parts = "<wbr>".join(html.text(digest[i : i + 16]) for i in range(0, len(digest), 16))
    return f'<code class="dnd-hash">{parts}</code>'


def release_table(
    history: History,
    page,
    changelog: set[str],
    repo_url: str | None = None,
    package: Package | None = None,
    site_url: str | None = None,
) -> str:
    """Every version the site offers, newest first: a link to its changelog section, its day and commit,
    its archive and descriptor at their stable address, and the archive's SHA-256 (which may wrap at
    every sixteenth digit, and is copied whole)."""
    rows = []
    lang = page.language
    for release in history.releases:
        current = tr(lang, " (current)") if release.version == history.current.version else ""
        if release.commit is None:
            unknown = NOT_COMMITTED if history.read else NO_HISTORY
            commit = html.text(tr(lang, unknown))
        else:
            short = f"<code>{html.text(release.commit[:12])}</code>"
            target = f"{repo_url}/commit/{release.commit}" if repo_url else None
            commit = html.fill(
                tr(lang, "commit {commit}"),
                commit=f'<a href="{html.url(target)}">{short}</a>' if target else short,
            )
        day = html.text(day_words(release.day, lang)) + "<br>" if release.day else ""
        files = (
            f'<a class="dnd-download" href="{html.url(page.link(release.archive_path))}" download>'
            f"<code>datapackage.zip</code></a> ({html.text(size_words(len(release.archive), lang))})<br>"
            f'<a href="{html.url(page.link(release.descriptor_path))}"><code>datapackage.json</code></a>'
        )
        for path, content in version_workbooks(history, release, package, site_url) if package else []:
            files += (
                f'<br><a class="dnd-download" href="{html.url(page.link(path))}" download>'
                f"<code>{html.text(path.rsplit('/', 1)[-1])}</code></a> "
                f"({html.text(size_words(len(content), lang))})"
            )
        changes = (
            f'<br><a href="{html.url(page.link(CHANGELOG_PAGE, version_anchor(release.version)))}">'
            f"{html.text(tr(lang, WHAT_CHANGED))}</a>"
            if release.version in changelog
            else ""
        )
        rows.append(
            Row(
                [
                    html.text(release.version + current) + changes,
                    day + commit,
                    files,
                    _hash(release.sha256),
                ],
                id=version_anchor(release.version),
            )
        )
    headers = [
        tr(lang, h) for h in (N_("Version"), N_("Released"), N_("Download"), N_("SHA-256 of the archive"))
    ]
    return table(tr(lang, VERSIONS), headers, rows)


def changelog_with_downloads(
    changelog: Changelog,
    history: History,
    link: Callable[[str, str | None], str],
    lang: str = "en",
    pending: list[Change] | None = None,
    said: html.Sayer | None = None,
) -> str:
    """CHANGELOG.md as the changelog page shows it, in the page's language: the changes not released yet
    first, then each version with an id on its heading and, where the site offers it, a line linking
    its archive and its row on the data page. `link(target, anchor)` is relative to the changelog page.
    The lines are HTML, so MkDocs does not look for the downloads among the pages.

    In English, each section as written, without its Korean lines; in Korean, the page has its own
    introduction, and each version shows its summary and every entry in Korean, the release's words it
    quotes marked as theirs (`said`, from `tables.said_by`)."""
    lines = list(changelog.preamble) if lang == DEFAULT else []
    if any(history.find(section.version) is not None for section in changelog):
        # Said once, under the page's introduction, not under a heading, rather than under each of them.
        lines += ["", _downloads_note(link(DATA_PAGE, VERSIONS_ANCHOR), lang)]
    if pending:
        lines += ["", f"## {html.text(tr(lang, UNRELEASED_HEADING))} {{#unreleased}}", ""]
        lines += [_entries([entry_words(c, lang) for c in pending], said), ""]
    for section in changelog:
        version = section.version
        day = section.date if lang == DEFAULT else day_words(dt.date.fromisoformat(section.date), lang)
        # No-break spaces: the table of contents and the navigation repeat the heading as plain text,
        # where no span keeps a date whole ('2026년 12월 2일').
        lines += ["", f"## {version} ({day.replace(' ', NO_BREAK)}) {{#{version_anchor(version)}}}", ""]
        release = history.find(version)
        summary = section.summary_in(lang)
        if lang != DEFAULT and summary:
            lines += [f"<p>{html.with_code(summary, said)}</p>", ""]
        if release is not None:
            lines += [_download_line(version, link(release.archive_path, None), lang), ""]
        if lang == DEFAULT:
            lines += list(section.english)
        else:
            lines += [_entries([entry.text_in(lang) for entry in section.entries], said), ""]
    return "\n".join(lines).strip("\n") + "\n"


def _entries(texts: list[str], said: html.Sayer | None = None) -> str:
    """A version's entries as one HTML list, which Markdown leaves alone: an id such as
    `metaverse-alliance-members` stays code, with no glossary definition put inside it."""
    return "<ul>" + "".join(f"<li>{html.with_code(text, said)}</li>" for text in texts) + "</ul>"


def _linked(words: str, *links: tuple[str, str]) -> str:
    """Translated words escaped, their <a1>…</a1> marks made into the links given."""
    words = html.text(words)
    for mark, tag in links:
        words = words.replace(html.text(f"<{mark}>"), tag).replace(html.text(f"</{mark}>"), "</a>")
    return words


def _downloads_note(versions: str, lang: str) -> str:
    """What every version's download is, said once above the versions: the archive as released, its
    SHA-256 and the list of every version on the data page."""
    words = tr(
        lang,
        "Each version below links its archive as it was released; the archive's SHA-256 and every version "
        "are on <a1>the data page</a1>.",
    )
    tag = f'<a href="{html.url(versions)}">'
    return f'<p class="dnd-release-downloads">{_linked(words, ("a1", tag))}</p>'


def _download_line(version: str, archive: str, lang: str) -> str:
    """The line under a version's heading: its own archive, nothing the note above says for all."""
    words = tr(lang, "<a1>Download version {version}</a1>").format(version=version)
    tag = f'<a href="{html.url(archive)}" download>'
    return f'<p class="dnd-release-download">{_linked(words, ("a1", tag))}</p>'
