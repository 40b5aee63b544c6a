"""Results beside their targets: the links say which target a result serves and how it was revised."""

from __future__ import annotations

from ..data.package import Package
from ..data.words import value_words
from . import html
from .links import figure, value_link
from .tables import Row, source_words, table


def share(package: Package, page, part_id: str, whole_id: str) -> str:
    """One figure as a share of another, worked out from the data and written to a tenth of a per cent."""
    part, whole = figure(package, page, part_id), figure(package, page, whole_id)
    if part.unit.id != whole.unit.id or not whole.value:
        raise page.error(
            f"share('{part_id}', '{whole_id}'): the two figures must share a unit and the whole be non-zero"
        )
    return html.text(value_words(round(part.value / whole.value * 100, 1), "percent"))


def targets_table(package: Package, page) -> str:
    """Each result with the target it serves (a target-for link) and that target's revisions."""
    rows = []
    for link in package.links:
        if link.relation != "target-for":
            continue
        target, result = package.figures[link.figure], package.figures[link.other]
        revisions = [
            package.figures[r.figure]
            for r in package.links
            if r.relation == "revises" and r.other == target.id
        ]
        revised = "; ".join(
            f"{value_link(page, r)} ({html.text(source_words(package, r))})" for r in revisions
        )
        rows.append(
            Row(
                [
                    html.text(result.label),
                    f"{value_link(page, result)}, {html.text(result.period.words())}",
                    f"{value_link(page, target)}, {html.text(target.period.words())} "
                    f"({html.text(source_words(package, target))})",
                    revised or "none",
                    html.text(link.note),
                ]
            )
        )
    if not rows:
        raise page.error("targets_table: no result is linked to a target (relation target-for in links.csv)")
    headers = ("Result", "In the release", "Target", "Revised target", "Note")
    return table("Year-one results beside their targets", headers, rows, css="dnd-table dnd-wide")
