"""Results beside their targets: the links say which target a result serves and how a later plan changed it."""

from __future__ import annotations

from ..data.package import Package
from ..data.words import value_words
from . import html
from .i18n import N_, tr
from .links import figure, value_link
from .tables import Row, said_by, source_words, table

NONE = N_("none")
CAPTION = N_("Year-one results beside their targets")


def share(package: Package, page, part_id: str, whole_id: str) -> str:
    """One figure as a share of another, worked out from the data and written to a tenth of a per cent."""
    part, whole = figure(package, page, part_id), figure(package, page, whole_id)
    if part.unit.id != whole.unit.id or not whole.value:
        raise page.error(
            f"share('{part_id}', '{whole_id}'): the two figures must share a unit and the whole be non-zero"
        )
    return html.text(value_words(round(part.value / whole.value * 100, 1), "percent", lang=page.language))


def targets_table(package: Package, page) -> str:
    """Each result with the target it serves (a target-for link) and the amount a later plan set instead."""
    lang = page.language
    rows = []
    for link in package.links:
        if link.relation != "target-for":
            continue
        target, result = package.figures[link.figure], package.figures[link.other]
        revisions = [
            package.figures[r.figure]
            for r in package.links
            if r.relation == "amends" and r.other == target.id
        ]
        revised = "; ".join(
            f"{value_link(package, page, r, running=True)} ({html.text(source_words(package, r, lang))})"
            for r in revisions
        )
        # Named by its target: two targets may serve one result.
        rows.append(
            Row(
                [
                    html.text(target.label_in(lang)),
                    f"{html.text(result.label_in(lang))}: {value_link(package, page, result, running=True)}, "
                    f"{html.text(result.period.words(lang))}",
                    f"{value_link(package, page, target, running=True)}, {html.text(target.period.words(lang))} "
                    f"({html.text(source_words(package, target, lang))})",
                    revised or html.text(tr(lang, NONE)),
                    html.prose(link.note_in(lang), said_by(package, (link.figure, link.other), lang)),
                ]
            )
        )
    if not rows:
        raise page.error("targets_table: no result is linked to a target (relation target-for in links.csv)")
    headers = [
        tr(lang, h)
        for h in (N_("Figure"), N_("In the release"), N_("Target"), N_("Target in a later plan"), N_("Note"))
    ]
    # A block per target at every width: five long cells side by side would squeeze each other.
    return table(tr(lang, CAPTION), headers, rows, css="dnd-table dnd-cards")
