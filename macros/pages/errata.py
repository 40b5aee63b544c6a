"""The checks and the corrections as pages: what the release's arithmetic gives, and what was changed."""

from __future__ import annotations

from ..data.checks import KINDS, OUTCOMES, Outcome
from ..data.figure import Figure
from ..data.package import Package
from ..data.words import day_words
from . import html
from .links import check_anchor, check_link, explorer_link
from .tables import Row, table


def _named(f: Figure) -> str:
    return f"{f.label} ({f.text()})"


def formula_words(outcome: Outcome, figures: dict[str, Figure]) -> str:
    """The check's formula with the figures' labels and values in place of the ids."""
    check = outcome.check
    terms = [_named(figures[o]) for o in check.operands]
    relation = "must not exceed" if check.kind == "at-most" else "should give"
    return f"{KINDS[check.kind].formula(terms)} {relation} {_named(figures[check.result])}"


def computed(outcome: Outcome, figures: dict[str, Figure]) -> str:
    """What the operands give, written in the result's unit."""
    return figures[outcome.check.result].unit.words(round(outcome.computed, 3))


def checks_table(package: Package) -> str:
    """Every check with its arithmetic and outcome; each row carries its check's anchor."""
    figures = package.figures
    rows = [
        Row(
            [
                f"<code>{html.text(o.check.id)}</code>",
                f'<span class="dnd-outcome dnd-outcome-{o.status}">{o.words}</span>',
                html.text(OUTCOMES[o.check.expected]),
                html.text(KINDS[o.check.kind].words),
                f"{html.text(formula_words(o, figures))}<br><small>{html.text(o.arithmetic(figures))}</small>",
                html.text(o.check.explanation),
            ],
            id=check_anchor(o.check.id),
        )
        for o in package.outcomes
    ]
    headers = ("Check", "Outcome", "Expected", "Kind", "Formula and arithmetic", "Explanation")
    caption = "Every check between figures, with its outcome"
    return table(caption, headers, rows, css="dnd-table dnd-wide dnd-checks")


def contradictions(package: Package, page) -> str:
    """Plain words for each check that fails or holds only within rounding."""
    figures = package.figures
    items = []
    for o in package.outcomes:
        if o.status == "holds":
            continue
        result = figures[o.check.result]
        sources = ", ".join(_named(figures[i]) for i in o.check.operands)
        verdict = "does not agree" if o.status == "fails" else "agrees only within rounding"
        items.append(
            f'<li id="contradiction-{html.text(o.check.id)}"><strong>{html.text(result.label)}</strong>: '
            f"the release states {html.text(result.text())}, but working it out from "
            f"{html.text(sources)} gives {html.text(computed(o, figures))}, which {verdict}. "
            f"{html.text(o.check.explanation)} "
            f'<a href="{html.url(check_link(page, o.check.id))}">'
            f"See the check <code>{html.text(o.check.id)}</code></a>.</li>"
        )
    if not items:
        return "<p>Every check holds exactly.</p>"
    return '<ul class="dnd-contradictions">\n' + "\n".join(items) + "\n</ul>"


def corrections_table(package: Package, page) -> str:
    """Every correction, each figure linked to its explorer row."""
    rows = []
    for c in package.corrections:
        target = html.url(explorer_link(page, c.figure))
        label = package.figures[c.figure].label if c.figure in package.figures else c.figure
        rows.append(
            Row(
                [
                    f"<code>{html.text(c.id)}</code>",
                    f'<a href="{target}">{html.text(label)}</a> (<code>{html.text(c.figure)}</code>)',
                    f"<code>{html.text(c.field)}</code>",
                    html.text(c.printed),
                    html.text(c.used),
                    html.text(c.kind),
                    html.text(c.reason)
                    + (f"<br><small>{html.text(c.reference)}</small>" if c.reference else ""),
                    html.text(day_words(c.date)),
                    html.text(c.version),
                ],
                id=f"correction-{c.id}",
            )
        )
    headers = ("Correction", "Figure", "Field", "Printed", "Used", "Kind", "Reason", "Date", "Version")
    caption = "Every correction to what the release prints"
    return table(caption, headers, rows, css="dnd-table dnd-wide dnd-corrections")
