"""The figure explorer: every figure in one compact table, one anchored row each, linked to its page.

The HTML is the whole table, readable without scripts. The script (docs/javascripts/explorer.js)
adds a text filter, facets, sorting, the view in the address, and a CSV of the rows shown; it reads
what it needs from the `data-` attributes written here, so the columns are defined once, in COLUMNS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..data.figure import Figure
from ..data.package import Package
from ..data.topic import ancestors
from ..data.words import qualifier_name
from ..tools.export import number_value
from . import html
from .links import figure_anchor, figure_link
from .tables import Row, source_words, table

ISSUE_TEMPLATE = "correction.yml"


@dataclass(frozen=True)
class Column:
    """A column of the table: its title, its cell, and the key it sorts by (text when None)."""

    title: str
    cell: Callable[[Package, object, Figure], str]
    sort_key: Callable[[Figure], str] | None = None


@dataclass(frozen=True)
class Facet:
    """A choice the reader narrows the rows by: a name for the address, a title, and each figure's value."""

    name: str
    title: str
    value: Callable[[Package, Figure], tuple[str, str]]  # (key, words)


def _label(package: Package, page, f: Figure) -> str:
    return (
        f'<a href="{html.url(figure_link(page, f.id))}">{html.text(f.label)}</a>'
        f'<br><code class="dnd-id">{html.text(f.id)}</code>'
    )


def _number_key(f: Figure) -> str:
    return "" if f.value is None else str(number_value(f.value))


COLUMNS = (
    Column("Figure", _label),
    Column("Value", lambda p, page, f: html.text(f.text()), _number_key),
    Column("As printed", lambda p, page, f: html.text(f.as_printed)),
    Column("Period", lambda p, page, f: html.text(f.period.words()), lambda f: f.period.text),
    Column("Status", lambda p, page, f: html.text(f.status)),
    Column("Section", lambda p, page, f: html.text(section(p, f)[1])),
)


def section(package: Package, f: Figure) -> tuple[str, str]:
    """The pillar or section a figure belongs to: the topic just below its part, or the part itself."""
    chain = [*reversed(ancestors(f.topic, package.topics)), package.topics[f.topic]]
    topic = chain[1] if len(chain) > 1 else chain[0]
    return topic.id, topic.title


FACETS = (
    Facet("section", "Pillar or section", section),
    Facet("unit", "Unit", lambda p, f: (f.unit.id, f.unit.label)),
    Facet("status", "Status", lambda p, f: (f.status, f.status)),
    Facet("qualifier", "Qualifier", lambda p, f: (f.qualifier, qualifier_name(f.qualifier))),
    Facet("source", "Source", lambda p, f: (f.source, source_words(p, f))),
)


def figure_explorer(package: Package, page) -> str:
    """The controls (shown once the script runs) and the table; each row carries its figure's anchor."""
    figures = list(package.figures.values())
    rows = [
        Row(
            [column.cell(package, page, f) for column in COLUMNS],
            id=figure_anchor(f.id),
            data=_row_data(package, f),
            sort_keys=tuple(column.sort_key(f) if column.sort_key else None for column in COLUMNS),
        )
        for f in figures
    ]
    caption = "Every figure in the data package"
    explorer = table(
        caption,
        [column.title for column in COLUMNS],
        rows,
        css="dnd-table dnd-fit dnd-explorer",
        table_id="dnd-explorer",
    )
    return _controls(package, figures) + "\n" + explorer


def _row_data(package: Package, f: Figure) -> dict[str, str]:
    """What the script filters by and writes into the CSV of the rows shown."""
    data = {facet.name: facet.value(package, f)[0] for facet in FACETS}
    data.update({"id": f.id, "label": f.label, "value": _number_key(f)})
    data.update({"period": f.period.text, "as-printed": f.as_printed})
    return data


def _controls(package: Package, figures: list[Figure]) -> str:
    """The text filter, one select per facet, the live count and the CSV button; hidden without scripts."""
    selects = []
    for facet in FACETS:
        choices = dict(sorted({facet.value(package, f) for f in figures}, key=lambda kv: kv[1].lower()))
        options = "".join(
            f'<option value="{html.text(k)}">{html.text(v)}</option>' for k, v in choices.items()
        )
        selects.append(
            f'<div class="dnd-facet"><label for="dnd-facet-{facet.name}">{html.text(facet.title)}</label>'
            f'<select id="dnd-facet-{facet.name}" data-facet="{facet.name}" aria-controls="dnd-explorer">'
            f'<option value="">All</option>{options}</select></div>'
        )
    return "\n".join(
        [
            '<div class="dnd-filter" hidden>',
            '<div class="dnd-filter-text"><label for="dnd-filter-input">Filter by any word in a row</label>',
            '<input type="search" id="dnd-filter-input" autocomplete="off" aria-controls="dnd-explorer"></div>',
            '<div class="dnd-facets">' + "".join(selects) + "</div>",
            '<div class="dnd-filter-actions">'
            f'<p id="dnd-filter-status" role="status" aria-live="polite" data-total="{len(figures)}"></p>',
            '<button type="button" class="md-button" id="dnd-filter-csv">Download the rows shown (CSV)</button>',
            '<button type="button" class="md-button" id="dnd-filter-reset">Show every figure</button>',
            "</div>",
            "</div>",
        ]
    )


def report_url(repo: str, f: Figure) -> str:
    """The pre-filled correction issue form for one figure (GitHub issue forms read the query string)."""
    fields = {
        "template": ISSUE_TEMPLATE,
        "title": f"Correction: {f.id}",
        "figure": f.id,
        "label": f.label,
        "current-value": f.text(),
    }
    return f"{repo}/issues/new?" + "&".join(f"{k}={html.query(v)}" for k, v in fields.items())


def report_link(repo: str, f: Figure) -> str:
    name = html.text(f"Report a correction to {f.label}")
    return f'<a class="dnd-report" href="{html.url(report_url(repo, f))}" aria-label="{name}">Report a correction</a>'
