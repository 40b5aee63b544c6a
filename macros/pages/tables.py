"""HTML tables of figures: a topic's figures for a prose page, and the shared table markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..data.figure import Figure
from ..data.language import unsaid
from ..data.package import Package
from ..data.rules import quoted_words
from ..data.topic import trail
from ..data.words import day_words, list_words, printed_qualifier, printed_stretch, quote_marks
from . import html
from .i18n import N_, tr
from .links import value_link
from .standing import status_words

# The site search indexes a table by its caption and the page's prose around it, not by its cells,
# which it would run together into one string ("202220222022target…").
SEARCH_EXCLUDE = "data-search-exclude"
# The heading of a group of a topic's figures, and what a row adds to it.
STATED_IN = N_("Where its source states it: {place}")
# The heading row over figures of another source, which names the source rather than a place in it.
FROM_SOURCE = N_("Source: {source}")
# The heading of the part the release opens with (its topic has no marker): its numbers stand in the lines
# under the title ('· With participation of approximately 170,000 …'), the release's sub-heading (부제), not
# its headline, which the source's `headline` gives; any other part's heading is a section heading (소제목).
SUB_HEADING = N_("sub-heading")


@dataclass(frozen=True)
class Row:
    """Cells already in HTML; the first is the row's header cell."""

    cells: Sequence[str]
    id: str | None = None
    # `data-` attributes of the row, and per cell the key a script sorts by when it is not the text.
    data: dict[str, str] | None = None
    sort_keys: Sequence[str | None] | None = None
    # A row that opens a group says what its rows share (HTML), once, in a heading row of its own.
    group: str | None = None


def table(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[Row],
    css: str = "dnd-table",
    table_id: str | None = None,
    column_names: Sequence[str] | None = None,
    data: dict[str, str] | None = None,
) -> str:
    """A captioned table in a focusable scroll container, so wide tables scroll, not overflow.

    Each data cell carries its column's title (`data-label`): on a phone the stylesheet shows a row as
    a block, the row header first, then each cell as a labelled line. No blank lines and no
    indentation: Markdown keeps the block as raw HTML. The site search reads the caption, not the
    cells (SEARCH_EXCLUDE). `column_names` (a script's names for the
    columns) and `data` (the table's own) become `data-` attributes.
    """
    names = column_names or [None] * len(headers)
    heads = "".join(
        f'<th scope="col"{_data("column", n) if n else ""}>{html.text(h)}</th>'
        for h, n in zip(headers, names, strict=True)
    )
    own = "".join(_data(k, v) for k, v in (data or {}).items())
    lines = [
        f'<div class="dnd-scroll" tabindex="0" role="region" aria-label="{html.text(caption)}">',
        f'<table class="{css}"' + (f' id="{table_id}"' if table_id else "") + f"{own}>",
        f"<caption>{html.text(caption)}</caption>",
        f"<thead {SEARCH_EXCLUDE}><tr>{heads}</tr></thead>",
        f"<tbody {SEARCH_EXCLUDE}>",
    ]
    for number, row in enumerate(rows):
        if row.group is not None:
            # Each group is a body of its own, its heading the first row, across every column.
            if number:
                lines += ["</tbody>", f"<tbody {SEARCH_EXCLUDE}>"]
            lines.append(
                f'<tr class="dnd-group"><th scope="rowgroup" colspan="{len(headers)}">{row.group}</th></tr>'
            )
        attributes = f' id="{html.text(row.id)}"' if row.id else ""
        attributes += "".join(_data(k, v) for k, v in (row.data or {}).items())
        keys = row.sort_keys or [None] * len(row.cells)
        cells = [
            _cell(n == 0, content, key, header)
            for n, (content, key, header) in enumerate(zip(row.cells, keys, headers, strict=True))
        ]
        lines.append(f"<tr{attributes}>" + "".join(cells) + "</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def _data(name: str, value: str) -> str:
    return f' data-{name}="{html.text(value)}"'


def _cell(header: bool, content: str, sort_key: str | None, title: str) -> str:
    """A row header or a data cell labelled with its column's title; `data-sort` when a script should
    sort by something else than its text."""
    key = f' data-sort="{html.text(sort_key)}"' if sort_key is not None else ""
    if header:
        return f'<th scope="row"{key}>{content}</th>'
    # The content in one span, so that on a phone it flows as one text beside its label.
    return f'<td data-label="{html.text(title)}"{key}><span class="dnd-cell">{content}</span></td>'


def printed_token(
    package: Package, figure: Figure, qualified: bool = True, marked_in: str | None = None
) -> str:
    """The number as its source prints it, quoted in the source's language ('second half of this year'
    stays English on a Korean page, marked so) and citing the source it quotes; `qualified` (wherever a
    page shows what its source printed), with the qualifier word its quote prints before it ('more than
    170,000'): the bare number would show the source as printing no qualifier. `marked_in` (where the
    printed form runs in a sentence, not in a cell of its own): the marks of that language written as
    text around it ('printed “2.4 trillion”'; '원문 표기 ‘49조원’'), so a copy or a reading of the text
    keeps them, and the stylesheet adds none of its own (`dnd-marked`)."""
    source = package.source_of(figure)
    cite = f' cite="{html.url(source.url)}"' if source.url else ""
    printed = figure.as_printed
    if qualified and figure.quote:
        printed = printed_stretch(figure.quote, printed, figure.qualifier, source.language)
    if marked_in is None:
        return f'<q lang="{html.text(source.language)}"{cite}>{html.text(printed)}</q>'
    opening, closing = quote_marks(marked_in)
    quoted = f'<q class="dnd-marked" lang="{html.text(source.language)}"{cite}>{html.text(printed)}</q>'
    return f"{html.text(opening)}{quoted}{html.text(closing)}"


def qualifier_quoted(package: Package, figure: Figure, marked_in: str = "en") -> str:
    """The qualifier word the figure's source prints before its number, found in its quote and quoted in
    the source's language ('approximately' in a headline, 'more than' in its body), so a page that names
    the word says the source's own; ValueError where the quote holds no such word. Marked in the marks of
    the page's language (`marked_in`) as text, as a printed form in a sentence is: '“more than”';
    '‘more than’', as the rest of a Korean page quotes a source's English word."""
    source = package.source_of(figure)
    word = printed_qualifier(figure.quote or "", figure.as_printed, figure.qualifier, source.language)
    if word is None:
        raise ValueError(
            f"figure '{figure.id}': its quote prints no '{figure.qualifier}' word before “{figure.as_printed}”"
        )
    opening, closing = quote_marks(marked_in)
    return f"{html.text(opening)}{html.said_word(word, source.language, source.url)}{html.text(closing)}"


def source_word(package: Package, word: str, lang: str) -> str:
    """A source's own word a page quotes in its prose ('businesses'), between the page's marks and, on a
    page in another language than the source's, marked as the source's; ValueError when no figure's quote
    holds it, so a page cannot pass the project's English as a source's."""
    if unsaid(f"‘{word}’", quoted_words(package)):
        raise ValueError(f"no figure's quote holds ‘{word}’: quote a source's own words")
    whose = said_by(package, (), lang)(word)
    opening, closing = quote_marks(lang)
    inner = html.said_word(word, *whose) if whose else html.text(word)
    return f"{html.text(opening)}{inner}{html.text(closing)}"


def said_by(package: Package, figure_ids, lang: str) -> html.Sayer:
    """Whose words a Latin word quoted in a text in `lang` is (a Korean note's ‘these technologies’):
    the source, written in another language, one of whose figures' quotes holds it, looked for among
    these figures first, then the release the package is built around, then every figure; as the
    source's language and address, for `html.prose` and `html.with_code` to mark it. None: no source's."""

    # Looked through only when a text quotes a word: most texts quote none, and a page writes many.
    def ordered():
        figures = package.figures.values()
        yield from (package.figures[i] for i in figure_ids)
        yield from (f for f in figures if package.source_of(f) is package.outlined)
        yield from figures

    def whose(word: str) -> tuple[str, str | None] | None:
        for figure in ordered():
            source = package.source_of(figure)
            if source.language != lang and figure.quote and word in figure.quote:
                return source.language, source.url
        return None

    return whose


# A secondary source in short, by its kind: the kind named with the publisher, as a desk names a report
# ('국민일보 보도, 2020년 7월 15일'), not as an apposition after the date. A report is secondary by its kind
# (rules.sources_say_what_they_are), so the Korean word for it says so; another kind, secondary, says it in
# a bracket. Pages give the short form in brackets after a value, so it holds no bracket of its own there.
SECONDARY_SOURCE = {
    "original-release": N_("{publisher}, {date} (secondary: original release)"),
    "translation": N_("{publisher}, {date} (secondary: translation)"),
    "plan": N_("{publisher}, {date} (secondary: plan)"),
    "statistics": N_("{publisher}, {date} (secondary: statistics)"),
    "news-report": N_("{publisher}, {date} (secondary: news report)"),
}


def source_words(package: Package, figure: Figure, lang: str = "en") -> str:
    """The figure's source in short: 'etnews, 22 July 2021 (secondary: news report)'."""
    source = package.source_of(figure)
    named = {"publisher": source.publisher_in(lang), "date": day_words(source.date, lang)}
    if source.standing != "secondary":
        return "{publisher}, {date}".format(**named)
    return tr(lang, SECONDARY_SOURCE[source.kind]).format(**named)


# A place's part when it is the topic's running text, named only beside another part of the same topic.
MAIN_TEXT = N_("main text")


def places(package: Package, figure: Figure, lang: str = "en") -> str:
    """Every place its source states the figure: in the release, the topic trail and the part unless
    body text; in another source, the source and the place in words (the place in the source's words)."""
    return "; ".join(_places(package, figure, lang))


def _places(package: Package, figure: Figure, lang: str, within: str | None = None) -> list[str]:
    """Each place in words; a place in the release under the trail `within` only by its part."""
    if not package.source_of(figure).outlined:
        source = source_words(package, figure, lang)
        return [
            loc.place_words(lang) if source == within else f"{source}, {loc.place_words(lang)}"
            for loc in figure.locators
        ]
    # Places in one topic are named once, with their parts together: 'trail (text, footnote 1)', not the
    # trail twice in a row.
    parts: dict[str, list[str]] = {}
    for locator in figure.locators:
        at = trail(locator.topic, package.topics, lang)
        parts.setdefault(at, []).append(
            tr(lang, MAIN_TEXT) if locator.part == "text" else _part_words(package, locator, lang)
        )
    where = []
    for at, named in parts.items():
        shown = [] if named == [tr(lang, MAIN_TEXT)] else named
        listed = list_words(shown, lang)
        if at == within:
            where.append(listed)
        else:
            where.append(at + (f" ({listed})" if listed else ""))
    return [w for w in where if w]


def _part_words(package: Package, locator, lang: str) -> str:
    """The part of a topic in words: 'footnote 1'; the opening part's heading is the 'sub-heading'."""
    if locator.part == "heading" and not package.topics[locator.topic].marker:
        return tr(lang, SUB_HEADING)
    return tr(lang, locator.part_words(), "part")


def source_place(package: Package, figure: Figure, lang: str = "en") -> str:
    """Where a figure's source states it, at the level a table groups by: the release's topic trail of
    its first place, or another source's name and date."""
    if not package.source_of(figure).outlined:
        return source_words(package, figure, lang)
    return trail(figure.locators[0].topic, package.topics, lang)


def related(package: Package, page, figure: Figure) -> str:
    """The figures linked to this one as a list: each with the relation in words, the other figure
    (its label, its value linked, its source) and the link's note, together (HTML)."""
    items = []
    lang = page.language
    for link in package.links_of(figure.id):
        words, other_id = link.seen_from(figure.id)
        other = package.figures[other_id]
        note = (
            f'<br><span class="dnd-note">{html.prose(link.note_in(lang), said_by(package, (figure.id, other_id), lang))}</span>'
            if link.note
            else ""
        )
        items.append(
            f'<li><span class="dnd-relation">{html.text(tr(lang, words, "relation"))}</span> '
            f"{html.text(other.label_in(lang))}: {value_link(package, page, other, running=True)} "
            f"({html.text(source_words(package, other, lang))}){note}</li>"
        )
    return '<ul class="dnd-related">' + "".join(items) + "</ul>"


def _period_cell(figure: Figure, lang: str) -> str:
    """The period the figure's page gives, a date figure's too, though it is the value's date again: a
    dash read as 'no period', and every phrase for 'the same as the value' as a placeholder (reads 37-40)."""
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
    rows, group = [], None
    for f in package.figures_in(topic_id, deep=deep):
        # The rows that share a place in their source say it once, in a heading row above them.
        place = source_place(package, f, lang)
        heading = None
        if place != group:
            group = place
            outlined = package.source_of(f).outlined
            heading = (
                html.fill(tr(lang, STATED_IN), place=html.text(place))
                if outlined
                else html.fill(tr(lang, FROM_SOURCE), source=html.text(place))
            )
        rows.append(
            Row(
                [
                    html.text(f.label_in(lang)),
                    # The status has a column of its own: the value keeps only the other markers.
                    value_link(package, page, f, status_shown=True),
                    html.text(_period_cell(f, lang)),
                    f'<span class="dnd-status-word">{html.text(status_words(f, lang))}</span>',
                    html.text("; ".join(_places(package, f, lang, within=place))),
                ],
                group=heading,
            )
        )
    if not rows:
        raise page.error(f"topic '{topic_id}' has no figures to tabulate")
    headers = (N_("Figure"), N_("Value"), N_("Period"), N_("Status"), N_("Where in it"))
    return table(
        caption or tr(lang, "Figures: {topic}").format(topic=topic.title_in(lang)),
        [tr(lang, h) for h in headers],
        rows,
    )
