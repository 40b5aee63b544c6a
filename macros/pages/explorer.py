"""The figure explorer: every figure in one table, one anchored row each, with a text filter."""

from __future__ import annotations

from ..data.figure import Figure
from ..data.package import Package
from ..data.words import qualifier_name
from . import html
from .links import figure_anchor
from .tables import Row, places, related, table

HEADERS = (
    "Figure",
    "Id",
    "Value",
    "Unit",
    "Qualifier",
    "Period",
    "Status",
    "As printed",
    "Where its source states it",
    "Related figures",
    "Topic",
)
ISSUE_TEMPLATE = "correction.yml"


def figure_explorer(package: Package, page) -> str:
    """The filter (shown once the script runs) and the table; each row carries its figure's anchor."""
    repo = page.repo_url
    headers = HEADERS + (("Correction",) if repo else ())
    rows = [
        Row(_cells(package, page, f) + ([_report(repo, f)] if repo else []), id=figure_anchor(f.id))
        for f in package.figures.values()
    ]
    total = len(rows)
    filter_box = "\n".join(
        [
            '<div class="dnd-filter" hidden>',
            '<label for="dnd-filter-input">Filter the figures by any word in their row</label>',
            '<input type="search" id="dnd-filter-input" autocomplete="off" aria-controls="dnd-explorer">',
            f'<p id="dnd-filter-status" role="status" aria-live="polite" data-total="{total}"></p>',
            "</div>",
        ]
    )
    caption = "Every figure in the data package"
    explorer = table(caption, headers, rows, css="dnd-table dnd-wide dnd-explorer", table_id="dnd-explorer")
    return filter_box + "\n" + explorer


def _cells(package: Package, page, f: Figure) -> list[str]:
    return [
        html.text(f.label),
        f"<code>{html.text(f.id)}</code>",
        html.text(f.text()),
        html.text(f.unit.label),
        html.text(qualifier_name(f.qualifier)),
        html.text(f.period.words()),
        html.text(f.status),
        html.text(f.as_printed),
        html.text(places(package, f)),
        related(package, page, f),
        html.text(package.topics[f.topic].title),
    ]


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


def _report(repo: str, f: Figure) -> str:
    name = html.text(f"Report a correction to {f.label}")
    return f'<a class="dnd-report" href="{html.url(report_url(repo, f))}" aria-label="{name}">Report a correction</a>'
