"""A figure in running text: its value in words, linked to its row in the explorer."""

from __future__ import annotations

from . import html
from .figure import Figure
from .package import Package
from .page import CurrentPage

EXPLORER = "data/explorer.md"
FORMS = ("text", "value", "bare")


def figure(package: Package, page: CurrentPage, figure_id: str) -> Figure:
    """The figure a page names, or a build failure naming the page and the id."""
    found = package.figures.get(figure_id)
    if found is None:
        raise page.error(f"unknown figure id '{figure_id}' (ids are in datapackage/data/figures.csv)")
    return found


def explorer_link(page: CurrentPage, figure_id: str) -> str:
    return page.link(EXPLORER, f"fig-{figure_id}")


def fig(package: Package, page: CurrentPage, figure_id: str, form: str = "text") -> str:
    """The figure for running text.

    'text': qualifier and value, linked; 'value': the value alone, linked;
    'bare': qualifier and value as plain text, for places where a link cannot go.
    """
    found = figure(package, page, figure_id)
    if form not in FORMS:
        raise page.error(f"fig('{figure_id}'): unknown form '{form}'; use one of {', '.join(FORMS)}")
    shown = html.text(found.shown() if form == "value" else found.text())
    if form == "bare":
        return shown
    href = html.url(explorer_link(page, found.id))
    return f'<a class="dnd-fig" href="{href}" title="{html.text(found.label)}">{shown}</a>'
