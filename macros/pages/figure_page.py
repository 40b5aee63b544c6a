"""A figure's own page, made from the data at build time: everything the package knows about it.

The page is Markdown whose blocks are HTML built here with every text escaped; the site marks it
`render_macros: false`, so nothing from the data is ever read as a template.
"""

from __future__ import annotations

import re

import yaml

from ..data.changelog import entries_naming
from ..data.figure import Figure
from ..data.package import Package
from ..data.topic import trail
from ..data.words import day_words, qualifier_name
from ..tools.export import figure_json
from . import html
from .citation import figure_citation
from .explorer import report_link
from .links import CHANGELOG_PAGE, CHECKS, check_link, explorer_link
from .tables import places, related

CODE = re.compile(r"`([^`<>]+)`")


def figure_markdown(package: Package, page, figure: Figure, site_url: str | None = None) -> str:
    """The whole page: front matter (title, description), the facts, and one section per relation."""
    # The theme writes title and description into the page unescaped, so they go in escaped.
    meta = {
        "title": html.text(figure.label),
        "description": html.text(_description(package, figure)),
        "render_macros": False,
        # Figure pages are not in the navigation; its empty column would only narrow the page.
        "hide": ["navigation"],
    }
    sections = [
        ("Where its source states it", _source(package, figure)),
        ("Checks it takes part in", _checks(package, page, figure)),
        ("Corrections", _corrections(package, page, figure)),
        ("Related figures", _related(package, page, figure)),
        ("Changes in the data", _changes(package, page, figure)),
        ("Cite this figure", _cite(package, page, figure, site_url)),
    ]
    body = [f"<h1>{html.text(figure.label)}</h1>", _summary(package, page, figure)]
    for title, block in sections:
        body.append(f"## {title} {{#{_slug(title)}}}\n\n{block}")
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n" + "\n\n".join(body) + "\n"


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _description(package: Package, f: Figure) -> str:
    source = package.source_of(f)
    return (
        f"{f.label}: {f.text()}, {f.period.words()} ({f.status}), as stated by {source.publisher} "
        f"on {day_words(source.date)}; with its checks, corrections and citation."
    )


def _summary(package: Package, page, f: Figure) -> str:
    """The value large, then each field as a term and its description."""
    bounds = package.bounds.get(f.id)
    facts = [
        ("Value", html.text(f.text())),
        ("As printed", f"<q>{html.text(f.as_printed)}</q>"),
        (
            "The range the printing allows",
            html.text(f"{bounds[0].words(lambda n: f.unit.words(round(n, 3)))} ({bounds[1].name})")
            if bounds
            else "a date, not a number",
        ),
        ("Unit", html.text(f.unit.label)),
        ("Qualifier", html.text(qualifier_name(f.qualifier))),
        ("Period", html.text(f.period.words())),
        ("Status", html.text(f.status)),
        ("Topic", html.text(trail(f.topic, package.topics))),
        ("Id", f"<code>{html.text(f.id)}</code>"),
    ]
    if f.note:
        facts.append(("Note", html.text(f.note)))
    items = "".join(f"<dt>{html.text(term)}</dt><dd>{value}</dd>" for term, value in facts)
    links = (
        f'<p class="dnd-figure-links"><a href="{html.url(page.link(figure_json(f.id)))}" type="application/json">'
        f"This figure as JSON</a> · "
        f'<a href="{html.url(explorer_link(page, f.id))}">Its row in the figure explorer</a>'
        + (f" · {report_link(page.repo_url, f)}" if page.repo_url else "")
        + "</p>"
    )
    return (
        f'<p class="dnd-figure-value">{html.text(f.text())}</p>\n<dl class="dnd-facts">{items}</dl>\n{links}'
    )


def _source(package: Package, f: Figure) -> str:
    source = package.source_of(f)
    kind = f"{source.standing.capitalize()} source ({source.kind.replace('-', ' ')})"
    return (
        f"<p>{html.text(kind)}: {html.text(source.citation())}</p>\n"
        f"<p>Where: {html.text(places(package, f))}</p>"
    )


def _checks(package: Package, page, f: Figure) -> str:
    items = []
    for o in package.outcomes:
        if f.id != o.check.result and f.id not in o.check.operands:
            continue
        role = "the stated figure" if o.check.result == f.id else "one of the figures it adds up"
        items.append(
            f'<li><a href="{html.url(check_link(page, o.check.id))}"><code>{html.text(o.check.id)}</code></a>: '
            f'<span class="dnd-outcome dnd-outcome-{o.status}">{html.text(o.words)}</span>; '
            f"this figure is {role}. {html.text(o.check.explanation)}</li>"
        )
    if not items:
        checks = html.url(page.link(CHECKS))
        return f'<p>No <a href="{checks}">check</a> uses this figure.</p>'
    return "<ul>" + "".join(items) + "</ul>"


def _corrections(package: Package, page, f: Figure) -> str:
    found = [c for c in package.corrections if c.figure == f.id]
    if not found:
        return "<p>None: the package uses the figure as its source prints it.</p>"
    items = [
        f'<li id="correction-{html.text(c.id)}">Field <code>{html.text(c.field)}</code>: printed '
        f"<q>{html.text(c.printed)}</q>, used <q>{html.text(c.used)}</q> ({html.text(c.kind)}, "
        f"{html.text(day_words(c.date))}, version {html.text(c.version)}). {html.text(c.reason)}</li>"
        for c in found
    ]
    return "<ul>" + "".join(items) + "</ul>"


def _related(package: Package, page, f: Figure) -> str:
    if not package.links_of(f.id):
        return "<p>No other figure is linked to this one.</p>"
    notes = "".join(f"<li>{html.text(link.note)}</li>" for link in package.links_of(f.id) if link.note)
    return f"<p>{related(package, page, f)}</p>" + (f"<ul>{notes}</ul>" if notes else "")


def _changes(package: Package, page, f: Figure) -> str:
    entries = entries_naming(package.changelog, f.id)
    changelog = html.url(page.link(CHANGELOG_PAGE))
    if not entries:
        return f'<p>No entry of the <a href="{changelog}">changelog</a> names this figure.</p>'
    items = [
        f"<li><strong>{html.text(e.version)}</strong> ({html.text(e.date)}): {_code(html.text(e.text))}</li>"
        for e in entries
    ]
    return "<ul>" + "".join(items) + "</ul>"


def _code(escaped: str) -> str:
    """The changelog's `id` spans as code; the text is already escaped, so no markup can enter."""
    return CODE.sub(lambda m: f"<code>{m.group(1)}</code>", escaped)


def _cite(package: Package, page, f: Figure, site_url: str | None) -> str:
    address = site_url.rstrip("/") + "/" + page.url if site_url else None
    source = package.source_of(f)
    return (
        f'<p class="dnd-citation">{html.text(figure_citation(package, f, address))}</p>\n'
        f"<p>Quoting the value, attribute its source too: {html.text(source.attribution.rstrip('.'))}.</p>"
    )
