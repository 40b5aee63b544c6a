"""The checks and the corrections as pages: what the release's arithmetic gives, and what was changed."""

from __future__ import annotations

from ..data.checks import KINDS, Outcome
from ..data.figure import Figure
from ..data.intervals import RULES, Interval
from ..data.package import Package
from ..data.words import day_words
from . import html
from .links import check_anchor, check_link, figure_link
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


def _range(interval: Interval, figure: Figure) -> str:
    """An interval in the figure's unit, as words: 'from KRW 16.85 trillion to KRW 16.95 trillion'."""
    return interval.words(lambda number: figure.unit.words(round(number, 3)))


def _linked(package: Package, page, figure: Figure) -> str:
    """'<label>, printed “16.9 trillion”: from KRW 16.85 trillion to KRW 16.95 trillion (rounded)', the label
    linked to the figure's page."""
    interval, rule = package.bounds[figure.id]
    rest = f", printed “{figure.as_printed}”: {_range(interval, figure)} ({rule.name})"
    return (
        f'<a href="{html.url(figure_link(page, figure.id))}">{html.text(figure.label)}</a>{html.text(rest)}'
    )


def checks_table(package: Package, page) -> str:
    """Every check: its figures as printed with their intervals, what they give, the outcome."""
    figures = package.figures
    rows = []
    for o in package.outcomes:
        check, result = o.check, figures[o.check.result]
        printed = "".join(f"<li>{_linked(package, page, figures[i])}</li>" for i in check.operands)
        relation = "must not exceed" if check.kind == "at-most" else "should meet"
        notes = html.text(check.explanation)
        if check.assumption:
            notes += f"<br><small>Assumed: {html.text(check.assumption)}</small>"
        rows.append(
            Row(
                [
                    f"<code>{html.text(check.id)}</code>",
                    f'<span class="dnd-outcome dnd-outcome-{o.status}">{o.words}</span>',
                    html.text(KINDS[check.kind].words),
                    f'<ul class="dnd-operands">{printed}</ul>',
                    f"{html.text(_range(o.computed_bounds, result))}, which {relation} "
                    f"{_linked(package, page, result)}<br><small>{html.text(o.arithmetic(figures))}</small>",
                    notes,
                ],
                id=check_anchor(check.id),
            )
        )
    headers = (
        "Check",
        "Outcome",
        "Kind",
        "Figures as printed",
        "What they give, against the stated figure",
        "Why",
    )
    caption = "Every check between figures, computed on the intervals the printed numbers allow"
    return table(caption, headers, rows, css="dnd-table dnd-fit dnd-checks")


def interval_rules() -> str:
    """The rules that turn a printed number into an interval, with their reasons."""
    rows = [
        Row(
            [
                html.text(r.name),
                html.text(r.qualifier),
                html.text(r.applies),
                html.text(r.interval),
                html.text(r.reason),
            ]
        )
        for r in RULES
    ]
    headers = ("Rule", "Qualifier", "Applies to", "Interval", "Why")
    return table("How a printed number becomes an interval", headers, rows, css="dnd-table dnd-fit")


def contradictions(package: Package, page) -> str:
    """Plain words for each check that fails."""
    figures = package.figures
    items = []
    for o in package.outcomes:
        if o.status == "holds":
            continue
        result = figures[o.check.result]
        sources = ", ".join(_named(figures[i]) for i in o.check.operands)
        items.append(
            f'<li id="contradiction-{html.text(o.check.id)}"><strong>{html.text(result.label)}</strong>: '
            f"the release states {html.text(result.text())}, but working it out from "
            f"{html.text(sources)} gives {html.text(computed(o, figures))}, which cannot meet it at any "
            f"rounding of the printed numbers. {html.text(o.check.explanation)} "
            f'<a href="{html.url(check_link(page, o.check.id))}">'
            f"See the check <code>{html.text(o.check.id)}</code></a>.</li>"
        )
    if not items:
        return "<p>Every check holds.</p>"
    return '<ul class="dnd-contradictions">\n' + "\n".join(items) + "\n</ul>"


def corrections_table(package: Package, page) -> str:
    """Every correction, each figure linked to its page."""
    rows = []
    for c in package.corrections:
        target = html.url(figure_link(page, c.figure))
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
