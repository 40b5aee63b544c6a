"""The downloads list: each file the build writes, with its format and size, linked from the page."""

from __future__ import annotations

from ..data.package import Package
from ..data.words import size_words
from ..tools.export import downloads_of
from . import html


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
