"""How to cite the package, one figure of it, and the source it reuses."""

from __future__ import annotations

import re

from ..data.language import column
from ..data.package import Package
from ..data.words import day_words, fill, language_words, particle, speaker
from ..tools.releases import archive_address
from . import html
from .i18n import N_, tr
from .tables import Row, table

# The cite box's texts, marked for the translation catalogue.
BOTH_DATES = N_("{date} (the {language} translation of the {original} release of {original_date})")
CITE_THIS = N_("Cite this")
THE_PACKAGE = N_("The data package:")
ONE_FIGURE = N_(
    "One figure: give its id and the data version, so the value can be looked up again even after a "
    "correction. For example:"
)
THE_RELEASE = N_("The release:")
# Without the site's address the citation holds a path, which the link resolves from either edition: the
# reader cites where the link leads (a page's own address, /ko/ and all, is not the site's). The sentence
# says what to cite, never how the copy was built: a build note helps no reader.
# Built without the site's address, a citation ends in a path: copied as text it leads nowhere, so the
# box says what the path is and what to cite instead.
# Writes the whole address a path's link leads to as its text, and hides the note asking for it.
WHOLE_ADDRESS = (
    "<script>(function(){var box=document.currentScript.parentNode,"
    'a=box.querySelector("a[data-dnd-whole]"),note=box.querySelector(".dnd-cite-prefix");'
    "if(a&&note){a.textContent=a.href;note.hidden=true;}})();</script>"
)
PREFIX = N_(
    "The address above is a path within this site: in a citation, give the whole address its link leads to "
    "(copy the link's address)."
)
OTHER_SOURCES = N_("Figures from other sources cite their own, listed with the sources.")
TRANSLATES = N_("; translates {publisher}, {date}")
REPORTS = N_("; reports {publisher}, {date}")


TRANSLATED_TITLE = N_("[the site's translation: {title}]")
# A figure's source named in running text, in the words its kind calls for: a release, a report, a plan
# ('과학기술정보통신부의 2021년 8월 30일 보도자료', '세종타임즈의 … 보도').
SOURCE_IN_TEXT = {
    "original-release": N_("the release {publisher} issued on {date}"),
    "translation": N_("the release {publisher} issued on {date}"),
    "statistics": N_("the statistics {publisher} published on {date}"),
    "news-report": N_("the report by {publisher} of {date}"),
    # The release that announced a plan: its date is the release's, which may follow the plan's own.
    "plan": N_("the release {publisher} issued on {date}"),
}


def source_words(package: Package, figure, lang: str = "en") -> str:
    """A figure's source named for running text, as plain words: '세종타임즈의 2021년 7월 22일 보도'."""
    source = package.source_of(figure)
    return fill(
        tr(lang, SOURCE_IN_TEXT[source.kind]),
        publisher=source.publisher_in(lang),
        date=day_words(source.date, lang),
    )


def source_in_text(package: Package, figure_id: str, lang: str = "en", josa: str | None = None) -> str:
    """The source a figure comes from, named for running text and linked to its address, so that two
    figures of different sources compared in one passage each carry their own ('49조여 원' of one
    release, '49조 원' of the release on the plan, issued later)."""
    source = package.source_of(package.figures[figure_id])
    words = source_words(package, package.figures[figure_id], lang)
    shown = particle(words, josa) if josa else words
    if not source.url:
        return html.text(shown)
    return f'<a href="{html.url(source.url)}">{html.text(words)}</a>{html.text(shown[len(words) :])}'


def source_name(source, lang: str = "en") -> str:
    """The source's publisher and title as HTML. On a page in another language than the source's, its own
    headline is quoted in its language and the title in the page's language follows, marked as a translation:
    a reader cites the title the document has, not one the site gave it."""
    publisher = html.text(source.publisher_in(lang))
    if not source.headline:
        return f"{publisher}, {html.text(source.title_in(lang))}"
    cite = f' cite="{html.url(source.url)}"' if source.url else ""
    # The headline's marks are the page's citation marks written as text, so a copied citation keeps
    # them and shows where the publisher ends and the headline begins (the stylesheet adds none).
    opening, closing = (html.text(mark) for mark in speaker(lang).TITLE_MARKS)
    quoted = (
        f'{opening}<q class="dnd-marked" lang="{html.text(source.language)}"{cite}>'
        f"{html.text(source.headline)}</q>{closing}"
    )
    title = source.title_in(lang)
    if source.language == lang:
        # In its own language the headline is quoted too, so that a comma in it ('디지털 뉴딜, 대한민국 …')
        # is not read as a list's; what the title adds after it follows as it is.
        return f"{publisher}, {quoted}{html.text(title[len(source.headline) :])}"
    if title == source.headline:
        # No title in the page's language: the headline alone, not a 'translation' that repeats it.
        return f"{publisher}, {quoted}"
    # The title's description in brackets ('(영문 보도자료)') says what the document is; it is not part of
    # the headline, so it follows the quoted headline, and the translation gives the headline alone.
    words, described = re.fullmatch(r"(.*?)(\s?\([^()]*\))?", title, re.S).groups()
    translated = tr(lang, TRANSLATED_TITLE).format(title=words)
    return f"{publisher}, {quoted}{html.text(described or '')} {html.text(translated)}"


def both_dates(package: Package, lang: str = "en") -> str:
    """The release's dates: '30 August 2021 (the English translation of the Korean release of 22 July 2021)'."""
    release = package.outlined
    original = package.sources.get(release.reports or "")
    if not original:
        return day_words(release.date, lang)
    return tr(lang, BOTH_DATES).format(
        date=day_words(release.date, lang),
        language=language_words(release.language, lang, document=True),
        original=language_words(original.language, lang, document=True),
        original_date=day_words(original.date, lang),
    )


def sources_table(package: Package, lang: str = "en") -> str:
    """Every source: publisher, title, date, kind and standing, what it reports, the address as seen."""
    rows = []
    for s in package.sources.values():
        reported = package.sources.get(s.reports or "")
        kind = tr(lang, s.kind.replace("-", " "), "source kind")
        what = tr(lang, "{kind}, {standing}").format(kind=kind, standing=tr(lang, s.standing, "standing"))
        if reported:
            relation = TRANSLATES if s.kind == "translation" else REPORTS
            what += tr(lang, relation).format(
                publisher=reported.publisher_in(lang), date=day_words(reported.date, lang)
            )
        address = (
            f'<a href="{html.url(s.url)}">{html.text(s.url)}</a>'
            if s.url
            else html.text(tr(lang, "not read directly"))
        )
        rows.append(
            Row(
                [
                    f"<code>{html.text(s.id)}</code>",
                    source_name(s, lang),
                    html.text(day_words(s.date, lang)),
                    html.text(what),
                    address,
                    html.text(s.attribution_in(lang)),
                ],
                id=f"source-{s.id}",
            )
        )
    headers = [
        tr(lang, h)
        for h in (
            N_("Source"),
            N_("Publisher and title"),
            N_("Date"),
            N_("Kind and standing"),
            N_("Address as seen"),
            N_("Attribution"),
        )
    ]
    caption = tr(lang, "Every source of the figures, terms and caveats")
    # A block per source at every width: seven columns of long text do not fit beside each other.
    return table(caption, headers, rows, css="dnd-table dnd-cards")


def date_words(package: Package, lang: str = "en") -> str:
    """The package's creation date in words; empty when the descriptor has none."""
    return day_words(package.created, lang) if package.created else ""


def authors(package: Package, fallback: str | None = None, lang: str = "en") -> str:
    names = [
        c.get(column("title", lang)) or c["title"]
        for c in package.descriptor.get("contributors", [])
        if "author" in c.get("roles", [])
    ]
    return "; ".join(names) or fallback or package.descriptor.get("name", "")


def title(package: Package, lang: str = "en") -> str:
    """The package's title in a language (the descriptor's `title`, `title_ko`)."""
    d = package.descriptor
    return d.get(column("title", lang)) or d.get("title", "")


def package_citation(package: Package, site_url: str | None = None, lang: str = "en") -> str:
    """'Authors, Title, version 1.0.0, 25 November 2026. URL' as plain text, the URL being where this
    version's archive stays (`data/download/1.0.0/datapackage.zip`), absolute when the site's address
    is known, else relative to the site. In Korean: '편집진, 「제목」, 버전 1.0.0, 2026년 11월 25일. URL'."""
    date = date_words(package, lang)
    address = version_address(package, site_url)
    names, titled = authors(package, lang=lang), title(package, lang)
    text = tr(lang, "{authors}, {title}, version {version}").format(
        authors=names, title=titled, version=package.version
    )
    text += f", {date}." if date else "."
    return f"{text} {address}"


def version_address(package: Package, site_url: str | None = None) -> str:
    """This version's archive: its absolute address with the site's, else its path in the site."""
    return site_address(archive_address(package.version), site_url)


def site_address(path: str, site_url: str | None = None) -> str:
    """A path in the site as an absolute address when the site's address is known, else the path."""
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def figure_citation(package: Package, figure, address: str | None = None, lang: str = "en") -> str:
    """'Authors, Title, data version 3.0.0, figure <id> “<label>”. <address>' as plain text; in Korean
    '편집진, 「제목」, 데이터 버전 3.0.0, 수치 <id> “<라벨>”. <주소>', as a Korean reader pastes it. The label is
    quoted by the language's rule, so a quote inside it takes the inner marks, never the outer ones again."""
    text = tr(lang, "{authors}, {title}, data version {version}, figure {id} {label}.").format(
        authors=authors(package, lang=lang),
        title=title(package, lang),
        version=package.version,
        id=figure.id,
        label=speaker(lang).quoted_name(figure.label_in(lang)),
    )
    return f"{text} {address}" if address else text


def figure_citation_html(package: Package, figure, address: str | None = None, lang: str = "en") -> str:
    """The figure citation as HTML: the same words as `figure_citation`, its id set as code, as the pages
    set every id (a reader who copies it pastes the same text). The id is the first thing in the citation
    that reads as it: the authors, the title and the version come before it and never hold an id."""
    escaped = html.text(figure_citation(package, figure, address, lang))
    return escaped.replace(html.text(figure.id), f"<code>{html.text(figure.id)}</code>", 1)


def cite_box(package: Package, site_url: str | None = None, example: str | None = None, page=None) -> str:
    """An admonition with the package citation, a one-figure citation and the source's attribution.

    The package citation names the version and the address where it stays, linked from the page."""
    figure = package.figures.get(example) if example else next(iter(package.figures.values()))
    if figure is None:
        raise ValueError(f"unknown figure id '{example}'")
    lang = page.language if page is not None else "en"
    citation, address = package_citation(package, site_url, lang), version_address(package, site_url)
    # Without the site's address (DND_SITE_URL) a page's citation ends in a path: the browser knows the
    # whole address the link leads to, and a line of script writes it in the path's place; a note says
    # what to do where scripts do not run.
    bare_path = not site_url and page is not None
    href = page.link(archive_address(package.version)) if bare_path else address
    cited = html.text(citation.removesuffix(address)) + (
        f'<a href="{html.url(href)}"{" data-dnd-whole" if bare_path else ""}>{html.text(address)}</a>'
    )
    one = figure_citation_html(package, figure, lang=lang)
    heading, whole, single = (html.text(tr(lang, text)) for text in (CITE_THIS, THE_PACKAGE, ONE_FIGURE))
    lines = [
        '<div class="admonition quote dnd-cite">',
        f'<p class="admonition-title">{heading}</p>',
        f'<p>{whole}</p><p class="dnd-citation">{cited}</p>',
        f'<p class="dnd-cite-prefix">{html.text(tr(lang, PREFIX))}</p>{WHOLE_ADDRESS}' if bare_path else "",
        f'<p>{single}</p><p class="dnd-citation">{one}</p>',
    ]
    release = package.outlined
    attribution = release.attribution_in(lang).rstrip(".") + "."
    the_release, others = html.text(tr(lang, THE_RELEASE)), html.text(tr(lang, OTHER_SOURCES))
    # Set as the two citations above are: its label on a line of its own, the citation in their style.
    lines.append(
        f'<p>{the_release}</p><p class="dnd-citation">{source_name(release, lang)}, '
        f"{html.text(both_dates(package, lang))}. "
        f"{html.text(attribution)}</p><p>{others}</p>"
    )
    if package.changes:
        # The archive cited is the release; the pages, and the files made from the same records, hold more.
        from .downloads import waiting_html

        lines.append(f"<p>{waiting_html(package, lang, site_url)}</p>")
    lines.append("</div>")
    return "\n".join(lines)
