"""The figure explorer: every figure in one compact table, one anchored row each, linked to its page.

The HTML is the whole table, readable without scripts. The script (docs/javascripts/explorer.js)
adds a text filter, facets, sorting, the view in the address, and a CSV of the rows shown; it reads
everything from the `data-` attributes written here: the sort key of each column (COLUMNS), the
facets (FACETS) and the columns of the CSV (CSV_COLUMNS), so each list is defined once, in this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..data.figure import Figure
from ..data.package import Package
from ..data.topic import ancestors
from ..data.words import qualifier_name, speaker
from ..tools.export import number_value
from . import html
from .i18n import DEFAULT, N_, tr
from .links import figure_anchor, figure_link
from .standing import markers, status_key, status_words
from .tables import Row, printed_token, source_words, table

ISSUE_TEMPLATE = "correction.yml"
# The controls' texts, marked for the translation catalogue.
ALL = N_("All")
MATCHED = N_("Found in its source's sentence:")
MORE = N_("Narrow by pillar, unit, status, qualifier or source; download or share")
COUNT = N_("{shown} of {total} figures shown")
FILTER = N_("Filter by any word in a row")
# The file holds figures.csv's own columns and codes, in English, whatever the edition: the button says so.
DOWNLOAD = N_("Download the rows shown (CSV)")
RESET = N_("Show every figure")
COPY_LINK = N_("Copy a link to this view")
LINK_COPIED = N_("Link copied")
# The address parameter of the text filter, and the one older links used: the theme opens its site
# search for `q`, so the page renames it before the theme's script runs (the script is in the page,
# ahead of the theme's, which is at the end of the body).
FILTER_PARAMETER = "filter"
OLD_PARAMETER = "q"
RENAME = (
    "<script>(function () {"
    "var address = new URL(location.href), params = address.searchParams;"
    f'if (params.has("{OLD_PARAMETER}")) {{'
    f'if (!params.has("{FILTER_PARAMETER}")) params.set("{FILTER_PARAMETER}", params.get("{OLD_PARAMETER}"));'
    f'params.delete("{OLD_PARAMETER}"); history.replaceState(history.state, "", address.href);'
    "}})();</script>"
)


@dataclass(frozen=True)
class Column:
    """A column of the table: its name in the address (`sort=value`, the same in every edition), its
    title, its cell, and the key it sorts by (text when None)."""

    name: str
    title: str
    cell: Callable[[Package, object, Figure], str]
    sort_key: Callable[[Figure], str] | None = None


@dataclass(frozen=True)
class Facet:
    """A choice the reader narrows the rows by: a name for the address, a title, and each figure's value."""

    name: str
    title: str
    value: Callable[[Package, Figure, str], tuple[str, str]]  # (key, words in a language)


def _label(package: Package, page, f: Figure) -> str:
    return (
        f'<a href="{html.url(figure_link(page, f.id))}">{html.text(f.label_in(page.language))}</a>'
        f'<br><code class="dnd-id">{html.text(f.id)}</code>'
    )


def _number(words: str) -> str:
    """A number with its unit and qualifier, kept on one line (`.dnd-num` in the stylesheet)."""
    return f'<span class="dnd-num">{html.text(words)}</span>'


def _number_key(f: Figure) -> str:
    return "" if f.value is None else str(number_value(f.value))


COLUMNS = (
    Column("figure", N_("Figure"), _label),
    Column(
        "value",
        N_("Value"),
        # The status has its own column beside the value: the value keeps only the other markers.
        lambda p, page, f: _number(f.text(page.language)) + markers(p, page, f, status_shown=True),
        _number_key,
    ),
    Column(
        "as-printed",
        N_("As printed"),
        lambda p, page, f: f'<span class="dnd-num">{printed_token(p, f)}</span>',
    ),
    Column(
        "period",
        N_("Period"),
        lambda p, page, f: html.text(f.period.words(page.language)),
        lambda f: f.period.text,
    ),
    Column("status", N_("Status"), lambda p, page, f: html.text(status_words(f, page.language))),
    Column("section", N_("Section"), lambda p, page, f: html.text(section(p, f, page.language)[1])),
)
# The columns of the CSV of the rows shown, named and written as in figures.csv.
CSV_COLUMNS = ("id", "label", "value", "unit", "qualifier", "period", "status", "as_printed", "source")


def section(package: Package, f: Figure, lang: str = "en") -> tuple[str, str]:
    """The pillar or section a figure belongs to: the topic just below its part, or the part itself."""
    chain = [*reversed(ancestors(f.topic, package.topics)), package.topics[f.topic]]
    topic = chain[1] if len(chain) > 1 else chain[0]
    return topic.id, topic.title_in(lang)


FACETS = (
    Facet("section", N_("Pillar or section"), section),
    Facet("unit", N_("Unit"), lambda p, f, lang: (f.unit.id, f.unit.label_in(lang))),
    Facet("status", N_("Status"), lambda p, f, lang: (status_key(f), status_words(f, lang))),
    Facet("qualifier", N_("Qualifier"), lambda p, f, lang: (f.qualifier, qualifier_name(f.qualifier, lang))),
    Facet("source", N_("Source"), lambda p, f, lang: (f.source, source_words(p, f, lang))),
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
    lang = page.language
    missing = [name for name in CSV_COLUMNS if name not in package.columns("figures")]
    if missing:
        raise page.error(f"explorer: the CSV columns {missing} are not columns of figures.csv")
    explorer = table(
        tr(lang, N_("Every figure in the data package")),
        [tr(lang, column.title) for column in COLUMNS],
        rows,
        css="dnd-table dnd-fit dnd-explorer",
        table_id="dnd-explorer",
        column_names=[column.name for column in COLUMNS],
        data={"download": " ".join(CSV_COLUMNS), "matched": tr(lang, MATCHED), "scales": _scales(lang)},
    )
    return _controls(package, figures, lang) + "\n" + explorer


def _scales(lang: str) -> str:
    """The edition's words for large numbers and their sizes ('만:10000 억:100000000'): the filter reads
    a number typed as the page shows it ('1만 8,000') as the number it is, and finds 8,000 only where it
    is a whole number, not the end of '1만 8,000'."""
    return " ".join(f"{word}:{size}" for size, word in speaker(lang).scale_words())


def _row_data(package: Package, f: Figure) -> dict[str, str]:
    """What the script narrows by (`data-facet-<name>`: a key per facet, the same in every edition) and
    writes into the CSV of the rows shown (each of CSV_COLUMNS, as figures.csv has it: a facet's key
    need not be the column's value, as a fact's status 'actual-fact' is 'actual' in the file)."""
    data = {f"facet-{facet.name}": facet.value(package, f, DEFAULT)[0] for facet in FACETS}
    stored = {"id": f.id, "label": f.label, "value": _number_key(f), "period": f.period.text}
    stored.update({"unit": f.unit.id, "qualifier": f.qualifier, "status": f.status})
    stored.update({"as_printed": f.as_printed, "source": f.source})
    data.update({name: stored[name] for name in CSV_COLUMNS})
    # The source's sentence: the text filter finds a figure by it and then shows the words it matched.
    data["quote"] = f.quote or ""
    data["quote-lang"] = package.source_of(f).language
    return data


def _controls(package: Package, figures: list[Figure], lang: str) -> str:
    """The text filter, one select per facet, the live count and the CSV button; hidden without scripts."""
    selects = []
    every = html.text(tr(lang, ALL))
    for facet in FACETS:
        # One option for each of the words the rows show; where an edition says two keys alike (English
        # 'actual' for a result and a fact), the option holds both keys.
        choices: dict[str, list[str]] = {}
        values = {facet.value(package, f, lang) for f in figures}
        for key, words in sorted(values, key=lambda kv: (kv[1].lower(), kv[0])):
            choices.setdefault(words, []).append(key)
        options = "".join(
            f'<option value="{html.text(" ".join(keys))}">{html.text(words)}</option>'
            for words, keys in choices.items()
        )
        selects.append(
            f'<div class="dnd-facet"><label for="dnd-facet-{facet.name}">{html.text(tr(lang, facet.title))}</label>'
            f'<select id="dnd-facet-{facet.name}" data-facet="{facet.name}" aria-controls="dnd-explorer">'
            f'<option value="">{every}</option>{options}</select></div>'
        )
    # The script writes the count with this sentence, replacing {shown} and {total}.
    count, filter_label = html.text(tr(lang, COUNT)), html.text(tr(lang, FILTER))
    download, reset = html.text(tr(lang, DOWNLOAD)), html.text(tr(lang, RESET))
    copy, copied = html.text(tr(lang, COPY_LINK)), html.text(tr(lang, LINK_COPIED))
    # The count sits right under the text field, and the rest folds away on a phone (the script opens
    # it on a wider screen), so the count and the first rows stay in view above a phone's keyboard.
    return "\n".join(
        [
            RENAME,
            # Controls, not content: the site search leaves them out (the theme's indexer ends an exclusion at
            # the first closing tag of its kind, so the folded part says it again).
            '<div class="dnd-filter" hidden data-search-exclude>',
            f'<div class="dnd-filter-text"><label for="dnd-filter-input">{filter_label}</label>',
            '<input type="search" id="dnd-filter-input" autocomplete="off" aria-controls="dnd-explorer" '
            f'data-parameter="{FILTER_PARAMETER}"></div>',
            f'<p id="dnd-filter-status" role="status" aria-live="polite" data-total="{len(figures)}" '
            f'data-words="{count}"></p>',
            f'<details class="dnd-filter-more" data-search-exclude><summary>{html.text(tr(lang, MORE))}</summary>',
            '<div class="dnd-facets">' + "".join(selects) + "</div>",
            '<div class="dnd-filter-actions">',
            f'<button type="button" class="md-button" id="dnd-filter-csv">{download}</button>',
            f'<button type="button" class="md-button" id="dnd-filter-reset">{reset}</button>',
            f'<button type="button" class="md-button" id="dnd-filter-link">{copy}</button>',
            f'<p id="dnd-filter-copied" role="status" aria-live="polite" data-words="{copied}"></p>',
            "</div>",
            "</details>",
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


def report_link(repo: str, f: Figure, lang: str = "en") -> str:
    """The link to the correction form; the form itself is in English, so the figure goes in in English."""
    name = html.text(tr(lang, "Report a correction to {label}").format(label=f.label_in(lang)))
    words = html.text(tr(lang, "Report a correction"))
    return f'<a class="dnd-report" href="{html.url(report_url(repo, f))}" aria-label="{name}">{words}</a>'
