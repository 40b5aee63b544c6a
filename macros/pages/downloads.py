"""The downloads list: each file the build writes, with its format and size, linked from the page; every
released version with its date, changelog section, archive and the archive's SHA-256; and the changelog's
version headings linked to their downloads."""

from __future__ import annotations

from collections.abc import Callable

from ..data.changelog import HEADING
from ..data.package import Package
from ..data.words import day_words, size_words
from ..tools.export import downloads_of
from ..tools.releases import History
from . import html
from .i18n import N_, tr
from .links import CHANGELOG_PAGE
from .tables import Row, table

DATA_PAGE = "data/index.md"
VERSIONS = N_("Every version of the data package, newest first")


def version_anchor(version: str) -> str:
    """The id of a version's row on the data page and of its section on the changelog page."""
    return f"version-{version}"


def downloads(package: Package, page) -> str:
    """The download list with formats and sizes, linked relative to the page."""
    items = []
    for d in downloads_of(package):
        href = html.url(page.link(d.site_path))
        items.append(
            f'<li><a class="dnd-download" href="{href}" download><code>{html.text(d.path)}</code></a>: '
            f"{html.text(d.title)}, {html.text(size_words(len(d.content)))}</li>"
        )
    return '<ul class="dnd-downloads">\n' + "\n".join(items) + "\n</ul>"


def release_table(history: History, page, changelog: set[str], repo_url: str | None = None) -> str:
    """Every version the site offers, newest first: a link to its changelog section, its day and commit,
    its archive and descriptor at their stable address, and the archive's SHA-256 (which may wrap at
    every sixteenth digit, and is copied whole)."""
    rows = []
    for release in history.releases:
        current = " (current)" if release.version == history.current.version else ""
        if release.commit is None:
            commit = "not committed yet" if history.read else "commit unknown: built without the git history"
        else:
            short = f"<code>{html.text(release.commit[:12])}</code>"
            target = f"{repo_url}/commit/{release.commit}" if repo_url else None
            commit = "commit " + (f'<a href="{html.url(target)}">{short}</a>' if target else short)
        day = html.text(day_words(release.day)) + "<br>" if release.day else ""
        files = (
            f'<a class="dnd-download" href="{html.url(page.link(release.archive_path))}" download>'
            f"<code>datapackage.zip</code></a> ({html.text(size_words(len(release.archive)))})<br>"
            f'<a href="{html.url(page.link(release.descriptor_path))}"><code>datapackage.json</code></a>'
        )
        digest = "<wbr>".join(
            html.text(release.sha256[i : i + 16]) for i in range(0, len(release.sha256), 16)
        )
        changes = (
            f'<br><a href="{html.url(page.link(CHANGELOG_PAGE, version_anchor(release.version)))}">'
            "what changed</a>"
            if release.version in changelog
            else ""
        )
        rows.append(
            Row(
                [
                    html.text(release.version + current) + changes,
                    day + commit,
                    files,
                    f'<code class="dnd-hash">{digest}</code>',
                ],
                id=version_anchor(release.version),
            )
        )
    lang = page.language
    headers = [
        tr(lang, h) for h in (N_("Version"), N_("Released"), N_("Download"), N_("SHA-256 of the archive"))
    ]
    return table(tr(lang, VERSIONS), headers, rows)


def changelog_with_downloads(changelog: str, history: History, link: Callable[[str, str | None], str]) -> str:
    """CHANGELOG.md with an id on each version's heading, and under each version the site offers a
    line linking its archive and its row on the data page. `link(target, anchor)` is relative to the
    changelog page. The lines are HTML, so MkDocs does not look for the downloads among the pages."""

    def section(line: str) -> str:
        heading = HEADING.match(line)
        if not heading:
            return line
        version = heading["version"]
        line = f"{line.rstrip()} {{#{version_anchor(version)}}}"
        release = history.find(version)
        if release is None:
            return line
        return (
            f'{line}\n\n<p class="dnd-release-download"><a href="{html.url(link(release.archive_path, None))}" '
            f"download>Download version {html.text(version)}</a> as it was released (the archive's SHA-256 and "
            f'every version are on <a href="{html.url(link(DATA_PAGE, version_anchor(version)))}">the data '
            "page</a>).</p>"
        )

    return "".join(section(line) + "\n" for line in changelog.splitlines())
