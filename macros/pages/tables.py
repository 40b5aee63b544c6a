"""HTML tables of figures: a topic's figures for a prose page, and the shared table markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..data.figure import Figure
from ..data.package import Package
from ..data.topic import trail
from ..data.words import day_words
from . import html
from .i18n import N_, tr
from .links import value_link


@dataclass(frozen=True)
class Row:
    """Cells already in HTML; the first is the row's header cell."""

    cells: Sequence[str]
    id: str | None = None
    # `data-` attributes of the row, and per cell the key a script sorts by when it is not the text.
    data: dict[str, str] | None = None
    sort_keys: Sequence[str | None] | None = None


def table(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[Row],
    css: str = "dnd-table",
    table_id: str | None = None,
) -> str:
    """A captioned table in a focusable scroll container, so wide tables scroll, not overflow.

    Each data cell carries its column's title (`data-label`): on a phone the stylesheet shows a row as
    a block, the row header first, then each cell as a labelled line. No blank lines and no
    indentation: Markdown keeps the block as raw HTML.
    """
    lines = [
        f'<div class="dnd-scroll" tabindex="0" role="region" aria-label="{html.text(caption)}">',
        f'<table class="{css}"' + (f' id="{table_id}"' if table_id else "") + ">",
        f"<caption>{html.text(caption)}</caption>",
        "<thead><tr>" + "".join(f'<th scope="col">{html.text(h)}</th>' for h in headers) + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        attributes = f' id="{html.text(row.id)}"' if row.id else ""
        attributes += "".join(f' data-{k}="{html.text(v)}"' for k, v in (row.data or {}).items())
        keys = row.sort_keys or [None] * len(row.cells)
        cells = [
            _cell(n == 0, content, key, header)
            for n, (content, key, header) in enumerate(zip(row.cells, keys, headers, strict=True))
        ]
        lines.append(f"<tr{attributes}>" + "".join(cells) + "</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def _cell(header: bool, content: str, sort_key: str | None, title: str) -> str:
    """A row header or a data cell labelled with its column's title; `data-sort` when a script should
    sort by something else than its text."""
    key = f' data-sort="{html.text(sort_key)}"' if sort_key is not None else ""
    if header:
        return f'<th scope="row"{key}>{content}</th>'
    # The content in one span, so that on a phone it flows as one text beside its label.
    return f'<td data-label="{html.text(title)}"{key}><span class="dnd-cell">{content}</span></td>'


def printed_token(package: Package, figure: Figure) -> str:
    """The number as its source prints it, quoted in the source's language ('second half of this year'
    stays English on a Korean page, marked so) and citing the source it quotes."""
    source = package.source_of(figure)
    cite = f' cite="{html.url(source.url)}"' if source.url else ""
    return f'<q lang="{html.text(source.language)}"{cite}>{html.text(figure.as_printed)}</q>'


def source_words(package: Package, figure: Figure, lang: str = "en") -> str:
    """The figure's source in short: 'etnews, 22 July 2021 (secondary: a news report)'."""
    source = package.source_of(figure)
    words = f"{source.publisher_in(lang)}, {day_words(source.date, lang)}"
    if source.standing != "secondary":
        return words
    return words + tr(lang, " (secondary: {kind})").format(
        kind=tr(lang, source.kind.replace("-", " "), "source kind")
    )


def places(package: Package, figure: Figure, lang: str = "en") -> str:
    """Every place its source states the figure: in the release, the topic trail and the part unless
    body text; in another source, the source and the place in words (the place in the source's words)."""
    if not package.source_of(figure).outlined:
        return "; ".join(
            f"{source_words(package, figure, lang)}, {loc.place_words(lang)}" for loc in figure.locators
        )
    where = []
    for locator in figure.locators:
        part = "" if locator.part == "text" else f" ({tr(lang, locator.part_words(), 'part')})"
        where.append(trail(locator.topic, package.topics, lang) + part)
    return "; ".join(where)


def related(package: Package, page, figure: Figure) -> str:
    """The figures linked to this one, each with the relation's words and its value, linked (HTML)."""
    items = []
    lang = page.language
    for link in package.links_of(figure.id):
        words, other_id = link.seen_from(figure.id)
        other = package.figures[other_id]
        items.append(
            f"{html.text(tr(lang, words, 'relation'))} {value_link(package, page, other)} "
            f"({html.text(source_words(package, other, lang))})"
        )
    return "; ".join(items)


def _period_cell(figure: Figure, lang: str) -> str:
    """A date figure's period is its value: the row says so rather than print the date twice."""
    if figure.unit.display == "date":
        return tr(lang, "the date given as its value")
    return figure.period.words(lang)


def figure_table(
    package: Package,
    page,
    topic_id: str,
    caption: str | None = None,
    deep: bool = True,
) -> str:
    """The figures of a topic (with deep, also of its sub-topics): value, period, status, place."""
    topic = package.topics.get(topic_id)
    if topic is None:
        raise page.error(f"unknown topic id '{topic_id}' (ids are in datapackage/data/topics.csv)")
    lang = page.language
    rows = [
        Row(
            [
                html.text(f.label_in(lang)),
                value_link(package, page, f),
                html.text(_period_cell(f, lang)),
                html.text(tr(lang, f.status, "status")),
                html.text(places(package, f, lang)),
            ]
        )
        for f in package.figures_in(topic_id, deep=deep)
    ]
    if not rows:
        raise page.error(f"topic '{topic_id}' has no figures to tabulate")
    headers = (N_("Figure"), N_("Value"), N_("Period"), N_("Status"), N_("Where its source states it"))
    return table(
        caption or tr(lang, "Figures: {topic}").format(topic=topic.title_in(lang)),
        [tr(lang, h) for h in headers],
        rows,
    )
