"""A figure's own page, made from the data at build time: everything the package knows about it.

The page is Markdown whose blocks are HTML built here with every text escaped; the site marks it
`render_macros: false`, so nothing from the data is ever read as a template. It is written in the
language of its edition (`page.language`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import yaml

from ..data.changelog import CODE, entries_naming, sentences_naming
from ..data.checks import KINDS
from ..data.figure import Figure
from ..data.locator import parse_locators, place_locator
from ..data.package import Package
from ..data.period import parse_period
from ..data.printed import printed_marks, printed_sign
from ..data.standing import SAME_FACT, status_context
from ..data.topic import trail
from ..data.words import (
    day_words,
    fill,
    language_words,
    list_words,
    predicate,
    predicate_parts,
    printed_qualifier,
    qualifier_name,
    shared_qualifier,
    speaker,
)
from ..tools.export import figure_json, released_cells
from ..tools.workbook import field_text
from . import html, jsonld
from .citation import figure_citation_html, source_name
from .downloads import version_anchor
from .errata import (
    CORRECTED_PRINTING,
    NOT_RELEASED,
    RANGE_BY_RULE,
    check_title,
    corrected_field,
    corrected_printing,
    entry_words,
    reason_words,
    rule_words,
)
from .explorer import report_link
from .i18n import N_, tr
from .links import CHANGELOG_PAGE, check_link, explorer_link, figure_link
from .standing import CHANGED, STANDING_ANCHOR, change_words, explanation, markers, sentence, status_words
from .tables import SEARCH_EXCLUDE, places, printed_token, related, said_by
from .typography import kept_amounts

# The figure's sentence: what is stated, then who stated it, in the words its source's kind calls for (a
# release states, a newspaper reports, a plan plans: '…보도자료에 따르면', '…보도에 따르면').
STATEMENT = N_("{label}: {value}, {period} ({status})")
# A date figure's value is its period, so the sentence gives it once; a date that has come (actual)
# needs no status after it.
DATE_STATEMENT = N_("{label}: {value} ({status})")
DATE_STATEMENT_ACTUAL = N_("{label}: {value}")
# A fact (a rank, a baseline) is stated with its period and no status: '26위(2019년, 사실)입니다' names a
# status no sentence needs, since nothing else a fact could be (its status is on the page beside it).
FACT_STATEMENT = N_("{label}: {value}, {period}")
# A date still to come is planned ('예정'), not a target.
DATE_STATUS = {"target": N_("planned"), "under-way": N_("under way"), "estimate": N_("estimated")}
BY_SOURCE_KIND = {
    "original-release": N_("{statement}, as stated in the release {publisher} issued on {date}."),
    "translation": N_("{statement}, as stated in the release {publisher} issued on {date}."),
    "statistics": N_("{statement}, as stated in the statistics {publisher} published on {date}."),
    "news-report": N_("{statement}, as reported by {publisher} on {date}."),
    # A plan is cited through the release that announced it, dated as the release is, not the plan.
    "plan": N_("{statement}, as stated in the release {publisher} issued on {date}."),
}
# A release in another language than the page's is named by its language ('the Korean release', '영문
# 보도자료'): the ministry's release of 30 August 2021 is the English translation of its Korean release of
# 22 July, and a Korean reader must not look for a Korean release of that date.
RELEASE_IN_LANGUAGE = N_("{statement}, as stated in the {language} release {publisher} issued on {date}.")
RELEASE_KINDS = frozenset({"original-release", "translation", "plan"})
# Each section: its anchor (the same in every language) and its heading.
SECTIONS = (
    ("where-its-source-states-it", N_("Where its source states it")),
    ("checks-it-takes-part-in", N_("Checks it takes part in")),
    ("corrections", N_("Corrections")),
    ("related-figures", N_("Related figures")),
    ("changes-in-the-data", N_("Changes in the data")),
    ("cite-this-figure", N_("Cite this figure")),
)

# Texts shown inside the HTML below, marked here for the translation catalogue.
CHECKS_ASSUME = N_(
    "{range}. The source gives no upper end; the checks take the next round number as one, since a "
    "writer whose value had reached it would have printed that number."
)
# A rank's range line: a place in a ranking is printed whole, so its range is the place ('7th').
RANK_RANGE = N_("{range} (a place in a ranking, exactly as printed)")
THIS_FIGURE_AS_JSON = N_("This figure as JSON")
CITATION = N_("Citation")
ITS_ROW_IN_THE_FIGURE_EXPLORER = N_("Its row in the figure explorer")
STANDING_SOURCE_KIND = N_("Source: the {kind} of {date} ({standing}).")
TRANSLATION_SOURCE = N_(
    "Source: the {language} release of {date}, the publisher's own translation of its {original_language} "
    "release of {original_date}."
)
# After a check's outcome: '; this figure is the stated figure.' (Korean starts a sentence: '. 이 수치는 …').
OUTCOME_THEN_ROLE = N_("; {role}.")
NO_CHECK_USES_THIS_FIGURE = N_("No check uses this figure.")
# After a failing check's explanation on the page of a figure it computes with but does not doubt: the
# figure carries no mark of the failure, and the reader is told where the check points.
NOT_THE_FIGURE_DOUBTED = N_("This figure is not the one the check doubts: it points at {figures}.")
NONE_THE_PACKAGE_USES_THE_FIGURE_AS_ITS_ = N_("None: the package uses the figure as its source prints it.")
CORRECTED_IN = N_("corrected on {date} in version {version}")
NO_OTHER_FIGURE_IS_LINKED_TO_THIS_ONE = N_("No other figure is linked to this one.")
NO_ENTRY_OF_THE_CHANGELOG_NAMES_THIS_FIG = N_("No entry of the changelog names this figure.")
QUOTED_FROM = N_("Quoted from")
VERBATIM = N_("word for word from the release, checked against its text")
AS_READ = N_("as read in the stored copy of the page at this address")
# A text fragment longer than this is linked by its first and last words ('start,end').
FRAGMENT_WORDS = 6


def figure_markdown(package: Package, page, figure: Figure, site_url: str | None = None) -> str:
    """The whole page: front matter (title, description), the facts, and one section per relation."""
    lang = page.language
    label = figure.label_in(lang)
    # The theme writes title and description into the page unescaped, so they go in escaped.
    meta = {
        "title": html.text(label),
        "description": _description(package, figure, lang),
        "render_macros": False,
        # Figure pages are not in the navigation; its empty column would only narrow the page.
        "hide": ["navigation"],
    }
    blocks = (
        _source(package, figure, lang),
        _checks(package, page, figure),
        _corrections(package, page, figure),
        _related(package, page, figure),
        _changes(package, page, figure),
        _cite(package, page, figure, site_url),
    )
    address = site_url.rstrip("/") + "/" + page.url if site_url else None
    structured = jsonld.script(jsonld.figure_dataset(package, page, figure, meta["description"], address))
    body = [
        f"<h1>{html.text(label)}</h1>",
        _summary(package, page, figure, _stated(package, figure, lang)),
        structured,
    ]
    for (anchor, title), block in zip(SECTIONS, blocks, strict=True):
        body.append(f"## {html.text(tr(lang, title))} {{#{anchor}}}\n\n{block}")
    meta["description"] = html.text(meta["description"])
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n" + "\n\n".join(body) + "\n"


def sentence_label(package: Package, f: Figure, lang: str) -> str:
    """The label as a sentence that names the figure's source says it. A figure that states the same fact
    as another (SAME_FACT) and is labelled as the other with a tail added ('…, in the Korean reports of
    the release') is told apart from it only by that tail, which names its source; the sentence names the
    source already, so it says the shared label."""
    label = f.label_in(lang)
    for link in package.links_of(f.id):
        shared = package.figures[link.seen_from(f.id)[1]].label_in(lang)
        if link.relation in SAME_FACT and label != shared and label.startswith(shared):
            return shared
        # Two such figures told apart only by their tails ('국내 데이터 시장 성장률(영문 보도자료 부제)',
        # '…(국문 보도자료 부제)') share the label before them.
        stem, other = _untailed(label), _untailed(shared)
        if link.relation in SAME_FACT and stem != label and stem == other:
            return stem
    # Any other bracketed tail tells the figure apart by its document or its period ('(영문 보도자료 부제)',
    # '(2022년 실행계획 기준)', '(2019년 대비 2021년)'), which the sentence says already: it names the
    # source, and its bracket gives the period. A tail that is a term's name glosses the label and stays
    # ('스마트 기술을 도입한 공장(스마트공장)'), except on a figure read in a plan: there the term names the
    # plan the figure is from ('…국비(한국판 뉴딜 종합계획)'), a document the sentence's source announced.
    stem = _untailed(label)
    glosses = _names_a_term(package, label[len(stem) :]) and package.source_of(f).kind != "plan"
    if stem != label and not glosses:
        return stem
    return label


def _names_a_term(package: Package, tail: str) -> bool:
    """Whether a bracketed tail is a term's name in either language ('(스마트공장)', '(Dr. Answer)')."""
    name = tail.strip().strip("()").casefold()
    return any(name in {w.casefold() for w in (*t.wordings, *t.korean())} for t in package.terms)


def _untailed(label: str) -> str:
    """A label without the bracketed tail it ends in, if it ends in one."""
    return re.sub(r"\s?\([^()]*\)$", "", label)


def _stated(package: Package, f: Figure, lang: str) -> str:
    """The figure in one sentence: the summary on its page and the sentence the site search shows (the
    standing follows in the list below it, so the sentence does not repeat it). In Korean the sentence
    reads as a report writes it, naming what its source is ('과학기술정보통신부의 2021년 8월 30일 영문
    보도자료에 따르면 디지털 뉴딜에 투입한 예산은 10조 1,000억 원입니다(2020년 ~ 2021년, 실적).',
    '세종타임즈의 … 보도에 따르면'); a date figure's value is its period, so it is given once, and a date
    that has come takes no status."""
    source = package.source_of(f)
    label = sentence_label(package, f, lang)
    # A fact needs no status word, and an estimate is called provisional by the site or a later source,
    # not by the source the sentence names ('…에 따르면 …(잠정 추정치)입니다' would credit it with the
    # word): either status is stated beside the value, not in the sentence.
    unstated = status_context(f.status, f.actual_kind) != "status" or f.status == "estimate"
    if f.unit.display != "date" and f.period.words(lang) in label:
        # A label that names its period ('인공지능 공급기업(2021년)') is not followed by it again.
        template, status = (
            (DATE_STATEMENT_ACTUAL, "") if unstated else (DATE_STATEMENT, status_words(f, lang))
        )
    elif f.unit.display != "date":
        template, status = (FACT_STATEMENT, "") if unstated else (STATEMENT, status_words(f, lang))
    elif f.status == "actual":
        template, status = DATE_STATEMENT_ACTUAL, ""
    else:
        template, status = DATE_STATEMENT, tr(lang, DATE_STATUS[f.status])
    if status and corrected_printing(package, f):
        # The source printed no number ('12,7000'): the value is the site's reading, which the sentence
        # that credits the source with it must say.
        status = f"{status}, {tr(lang, CORRECTED_PRINTING)}"
    shown = f.text(lang)
    said = predicate(shown, lang)
    if f.unit.display == "date" and (deadline := speaker(lang).deadline_predicate(label, shown)):
        template, said = DATE_STATEMENT_ACTUAL, deadline
    statement = fill(
        tr(lang, template),
        label=label,
        value=shown,
        predicate=said,
        # The value and the ending of its predicate, for a language that puts the bracket between them.
        stem=predicate_parts(shown, lang)[0],
        ending=predicate_parts(shown, lang)[1],
        period=f.period.words(lang),
        status=status,
    )
    template = BY_SOURCE_KIND[source.kind]
    if source.kind in RELEASE_KINDS and source.language != lang:
        template = RELEASE_IN_LANGUAGE
    return fill(
        tr(lang, template),
        statement=statement,
        publisher=source.publisher_in(lang),
        date=day_words(source.date, lang),
        language=language_words(source.language, lang, document=True),
    )


def _description(package: Package, f: Figure, lang: str) -> str:
    """The figure in one sentence, then its standing when it is not plain: the page's meta description
    (a link preview) and its JSON-LD, which stand without the page's list."""
    stated = _stated(package, f, lang)
    standing = sentence(package, f, lang)
    return f"{stated} {standing}" if standing else stated


# A date figure's unit and its range line, by what its value names: a day is a date, a month or a year
# is not ('2021년 5월' is 연월, not 날짜), nor a half-year. The names are translated in DATE_CONTEXT (the
# catalogue test reads them from here, as it reads other names the code defines as data).
DATE_NAMES = {
    "day": ("date", N_("a date, not a number")),
    "month": ("month", N_("a month, not a number")),
    "year": ("year", N_("a year, not a number")),
    "span": ("span of time", N_("a span of time, not a number")),
}
DATE_CONTEXT = "date precision"


def unit_fact(f: Figure, lang: str) -> str:
    """The unit as the facts list names it; a date figure's by what its date names (DATE_NAMES)."""
    if f.unit.display == "date":
        return tr(lang, DATE_NAMES[f.period.precision][0], DATE_CONTEXT)
    return f.unit.name_in(lang)


def qualifier_fact(f: Figure, lang: str, source_language: str) -> str:
    """The qualifier as the facts list names it: for a number printed in Korean, by the words its
    printed form carries ('220만여 명 이상': ‘여’·‘이상’), never by a word the source did not print; for
    one printed in another language, by the source's own word found in its quote or printed form ('more
    than', '+'), which a language that names qualifiers by its own words quotes with its meaning."""
    said = said_qualifier(f, source_language)
    return qualifier_name(f.qualifier, lang, f.text(lang), printed_marks(f.as_printed), said)


def said_qualifier(f: Figure, source_language: str) -> str | None:
    """The qualifier word the figure's source prints ('more than', '+'), or None."""
    if f.qualifier == "exact":
        return None
    quote = f.quote or ""
    return (
        printed_qualifier(quote, f.as_printed, f.qualifier, source_language)
        or printed_sign(f.as_printed)
        or shared_qualifier(quote, f.as_printed, f.qualifier, source_language)
    )


def qualifier_fact_html(f: Figure, lang: str, source) -> str:
    """The facts list's qualifier as HTML: a word the source printed in another language is marked as
    the source's words (`q`, in its language, citing it), as every quoted English word on a Korean page
    is, and kept on one line."""
    text = html.text(qualifier_fact(f, lang, source.language))
    said = said_qualifier(f, source.language)
    if not said or source.language == lang or html.text(said) not in text:
        return text
    return text.replace(html.text(said), html.said_word(said, source.language, source.url), 1)


def _summary(package: Package, page, f: Figure, sentence: str) -> str:
    """The value large, the figure in one sentence, then each field as a term and its description.
    The site search indexes the sentence and skips the value, the list and the links
    (`data-search-exclude`), so a result reads as a sentence, not as fields run together."""
    lang = page.language
    bounds = package.bounds.get(f.id)
    facts = [
        (N_("Value"), html.text(f.text(lang))),
        (N_("As printed"), printed_token(package, f)),
        *_ranges(
            f,
            bounds,
            lang,
            checked=bool(package.outcomes_of(f.id)),
            corrected=bool(corrected_printing(package, f)),
        ),
        # A date has no unit: its row names what kind of value it is (a year, a month, a date).
        (N_("Kind of value") if f.unit.display == "date" else N_("Unit"), html.text(unit_fact(f, lang))),
        (N_("Qualifier"), qualifier_fact_html(f, lang, package.source_of(f))),
        (N_("Period"), html.text(f.period.words(lang))),
        (N_("Status"), html.text(status_words(f, lang))),
        (N_("Standing"), explanation(package, page, f)),
        (N_("Topic"), html.text(trail(f.topic, package.topics, lang))),
        (N_("Id"), f"<code>{html.text(f.id)}</code>"),
    ]
    if f.note:
        facts.append((N_("Note"), html.prose(f.note_in(lang), said_by(package, (f.id,), lang))))
    items = "".join(
        f"<dt>{html.text(tr(lang, term))}</dt><dd{_anchor(term)}>{value}</dd>" for term, value in facts
    )
    links = [
        f'<a href="{html.url(page.link(figure_json(f.id)))}" type="application/json">'
        f"{html.text(tr(lang, THIS_FIGURE_AS_JSON))}</a>",
        f'<a href="{html.url(explorer_link(page, f.id))}">{html.text(tr(lang, ITS_ROW_IN_THE_FIGURE_EXPLORER))}</a>',
    ]
    if page.repo_url:
        links.append(report_link(page.repo_url, f, lang))
    return (
        f'<p class="dnd-figure-value" data-search-exclude>{html.text(f.text(lang))}{markers(package, page, f)}</p>\n'
        f'<p class="dnd-figure-summary">{html.text(sentence)}</p>\n'
        f'<dl class="dnd-facts" data-search-exclude>{items}</dl>\n'
        f'<p class="dnd-figure-links" data-search-exclude>{" · ".join(links)}</p>'
    )


def _ranges(f: Figure, bounds, lang: str, checked: bool, corrected: bool = False) -> list[tuple[str, str]]:
    """What the printed number allows, and, when the checks read an upper end the source does not
    print ('more than 14.3%' read as below 14.4%) and a check uses the figure, that reading on its own
    line, labelled as the checks' assumption: a reader must not take it for the source's word, nor
    read of an assumption no check makes."""
    if not bounds:
        return [(N_("The range the printing allows"), html.text(tr(lang, DATE_NAMES[f.period.precision][1])))]
    interval, rule = bounds

    def write(n):
        return f.unit.words(round(n, 3), lang, compound=True)

    if rule.printed_upper and f.unit.display == "rank" and interval.low == interval.high:
        # A place in a ranking is neither rounded nor qualified: its range is the place itself, which
        # the rule's name for a count ('in-full', 적힌 그대로) would not say of a rank.
        allowed = fill(tr(lang, RANK_RANGE), range=interval.words(write, lang))
        return [(N_("The range the printing allows"), html.text(allowed))]
    if rule.printed_upper:
        named = rule_words(f, rule, lang, corrected)
        allowed = fill(tr(lang, RANGE_BY_RULE), range=interval.words(write, lang), rule=named)
        return [(N_("The range the printing allows"), html.text(allowed))]
    allowed = (N_("The range the printing allows"), html.text(interval.lower_end_words(write, lang)))
    if not checked:
        return [allowed]
    return [
        allowed,
        (
            N_("The range the checks assume"),
            html.text(fill(tr(lang, CHECKS_ASSUME), range=interval.words(write, lang))),
        ),
    ]


def _anchor(term: str) -> str:
    """The standing's description in the facts carries the anchor its markers link to."""
    return f' id="{STANDING_ANCHOR}"' if term == "Standing" else ""


def quote_address(url: str, quote: str) -> str:
    """The source's address with a text fragment that scrolls a reader's browser to the quote's
    paragraph (browsers without text fragments open the page at its top)."""
    words = quote.rstrip("…").split()
    if len(words) > 2 * FRAGMENT_WORDS:
        target = (
            html.query(" ".join(words[:FRAGMENT_WORDS])) + "," + html.query(" ".join(words[-FRAGMENT_WORDS:]))
        )
    else:
        target = html.query(" ".join(words))
    return f"{url}#:~:text={target}"


def _nothing(words: str) -> str:
    """A section's 'none' sentence: the same on many figures' pages, so out of the site search, whose
    results it would crowd."""
    return f"<p data-search-exclude>{html.text(words)}</p>"


def _marked(before: str, token: str, after: str, keeps_words_whole: bool = False) -> str:
    """The quote with its printed token marked. A token that is part of an amount kept whole ('220 trillion' of
    '220 trillion won'; on a Korean page '28' of '28 cases') is marked inside the amount's span, so the mark's
    tag does not cut the unit off the line the number is on (the passes in typography see text between tags
    only): a marked amount is kept as the same amount unmarked is (typography.kept_amounts)."""
    quote, start, end = before + token + after, len(before), len(before) + len(token)
    for amount in kept_amounts(quote, keeps_words_whole):
        if amount.start() <= start and end <= amount.end() and (amount.start(), amount.end()) != (start, end):
            return (
                f'{html.text(quote[: amount.start()])}<span class="dnd-amount">{html.text(quote[amount.start() : start])}'
                f"<mark>{html.text(token)}</mark>{html.text(quote[end : amount.end()])}</span>"
                f"{html.text(quote[amount.end() :])}"
            )
    return f"{html.text(before)}<mark>{html.text(token)}</mark>{html.text(after)}"


# The release's own footnote marks, a digit and a corner bracket glued to a word ('MoUs2」'): kept as
# printed, raised as a footnote mark is, so that they do not read as part of the word.
FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z)])([0-9]」)")


def _quote(package: Package, f: Figure, lang: str) -> str:
    """The source's sentence in the source's language, its printed token marked, with where it is and a link."""
    source = package.source_of(f)
    sentence = _marked(*f.quote_parts(), keeps_words_whole=speaker(lang).keeps_words_whole)
    sentence = FOOTNOTE_MARK.sub(r'<sup class="dnd-footnote-mark">\1</sup>', sentence)
    name = source_name(source, lang)
    cite = ""
    if source.url:
        address = html.url(quote_address(source.url, f.quote or ""))
        cite = f' cite="{html.url(source.url)}"'
        name = f'<a href="{address}" hreflang="{html.text(source.language)}">{name}</a>'
    how = VERBATIM if source.outlined else AS_READ
    # The release's place is a topic trail; another source's, its place in words (its name is the link).
    where = (
        places(package, f, lang)
        if source.outlined
        else "; ".join(loc.place_words(lang) for loc in f.locators)
    )
    # A place that ends in its part in brackets ('… (footnote 2)') takes how it was read into the same
    # brackets: two brackets in a row read as two asides where there is one. A bracket that belongs to the
    # place's own name ('Digital infrastructure (digital SOC)', a lede glossed as the first paragraph)
    # stays whole, and how it was read follows in brackets of its own, as on every other quote: after a
    # comma it would read as one more step of the place (read22b).
    how = html.text(tr(lang, how))
    own_name = trail(f.locators[-1].topic, package.topics, lang) if source.outlined else where
    if where.endswith(")") and not where.endswith(own_name):
        aside = f"{html.text(where[:-1])}, {how})"
    else:
        aside = f"{html.text(where)} ({how})"
    return (
        f'<figure class="dnd-quote"><blockquote lang="{html.text(source.language)}"{cite} data-search-exclude>'
        f"<p>{sentence}</p></blockquote>"
        f"<figcaption data-search-exclude>{html.text(tr(lang, QUOTED_FROM))} {name}, {aside}.</figcaption></figure>"
    )


def _source(package: Package, f: Figure, lang: str) -> str:
    source = package.source_of(f)
    # The quote's caption names the source and the place already; a line below that repeated the title
    # and the place would print each twice in a row, so it gives what the caption does not: the
    # source's standing and date. A translation is not called primary: it names the original it
    # translates and that original's date, which a reader who cites it wants.
    if source.kind == "translation" and source.reports in package.sources:
        original = package.sources[source.reports]
        line = fill(
            tr(lang, TRANSLATION_SOURCE),
            language=language_words(source.language, lang, document=True),
            date=day_words(source.date, lang),
            original_language=language_words(original.language, lang, document=True),
            original_date=day_words(original.date, lang),
        )
    else:
        standing = tr(lang, source.standing, "standing")
        kind = tr(lang, source.kind.replace("-", " "), "source kind")
        line = tr(lang, STANDING_SOURCE_KIND).format(
            standing=standing, kind=kind, date=day_words(source.date, lang)
        )
    return _quote(package, f, lang) + f"\n<p data-search-exclude>{html.text(line)}</p>"


def _checks(package: Package, page, f: Figure) -> str:
    lang = page.language
    items = []
    for o in package.outcomes_of(f.id):
        stated, operand = KINDS[o.check.kind].roles
        role = tr(lang, stated if o.check.result == f.id else operand, "check role")
        # Named as the checks page heads it (kind and stated figure), the id after it as a code.
        name = f"{tr(lang, KINDS[o.check.kind].words, 'check kind')}: {check_title(package, o.check, lang)}"
        items.append(
            f'<li><a href="{html.url(check_link(page, o.check.id))}">{html.text(name)}</a> '
            f"(<code>{html.text(o.check.id)}</code>): "
            f'<span class="dnd-outcome dnd-outcome-{o.status}">{html.text(tr(lang, o.status, "outcome"))}</span>'
            f"{html.text(tr(lang, OUTCOME_THEN_ROLE).format(role=role))} {html.prose(o.check.explanation_in(lang), said_by(package, (o.check.result, *o.check.operands), lang))}"
            f"{_doubted_elsewhere(package, page, o, f)}</li>"
        )
    if not items:
        return _nothing(tr(lang, NO_CHECK_USES_THIS_FIGURE))
    return "<ul>" + "".join(items) + "</ul>"


def _doubted_elsewhere(package: Package, page, outcome, f: Figure) -> str:
    """' This figure is not the one the check doubts: it points at <label>.' after a failing check that
    names other figures than this one (`Check.suspects`); '' otherwise."""
    if outcome.status != "fails" or outcome.check.doubts(f.id):
        return ""
    lang = page.language
    named = [
        f'<a href="{html.url(figure_link(page, i))}">{html.text(package.figures[i].label_in(lang))}</a>'
        for i in outcome.check.suspects
    ]
    return " " + html.fill(tr(lang, NOT_THE_FIGURE_DOUBTED), figures=list_words(named, lang))


def _corrections(package: Package, page, f: Figure) -> str:
    lang = page.language
    found = package.corrections_of(f.id)
    if not found:
        return _nothing(tr(lang, NONE_THE_PACKAGE_USES_THE_FIGURE_AS_ITS_))
    items = [
        f'<li id="correction-{html.text(c.id)}">{corrected_field(package, c.field, lang, with_code=False)}: '
        f"{html.text(tr(lang, CHANGED).format(old=old, new=new))} "
        f"({html.text(tr(lang, c.kind.replace('-', ' '), 'correction kind'))}, {_released(c, lang)}). "
        f"{html.text(reason_words(c, lang))}</li>"
        for c in found
        for old, new in [change_words(package, c, lang)]
    ]
    return "<ul>" + "".join(items) + "</ul>"


def _related(package: Package, page, f: Figure) -> str:
    lang = page.language
    if not package.links_of(f.id):
        return _nothing(tr(lang, NO_OTHER_FIGURE_IS_LINKED_TO_THIS_ONE))
    return related(package, page, f)


def _released(c, lang: str) -> str:
    """A correction's release: its day and version, or that it waits for one."""
    if not c.released:
        return html.text(tr(lang, NOT_RELEASED))
    # The day is the correction's, not the error's: 'corrected on 25 November 2026 in version 1.0.0'.
    return html.text(fill(tr(lang, CORRECTED_IN), date=day_words(c.date, lang), version=c.version))


def _changes(package: Package, page, f: Figure) -> str:
    """The changes not released yet naming the figure, then one item per version whose changelog entries
    name it: the sentences of those entries that name it, in the page's language (each entry is written
    in both; an entry's other sentences are other figures' changes), its version linked to that
    version's section of the changelog page, where the whole entry is."""
    lang = page.language
    entries = entries_naming(package.changelog, f.id)
    pending = [c for c in package.changes if f.id in c.names()]
    if not entries and not pending:
        return _nothing(tr(lang, NO_ENTRY_OF_THE_CHANGELOG_NAMES_THIS_FIG))
    unreleased = html.text(tr(lang, NOT_RELEASED))
    said = said_by(package, (f.id,), lang)
    items = [
        f"<li><strong>{unreleased}</strong>: {html.with_code(_others_folded(sentences_naming(entry_words(c, lang), f.id), f.id, lang), said)}</li>"
        for c in pending
    ]
    by_version: dict[str, list] = {}
    for e in entries:
        by_version.setdefault(e.version, []).append(e)
    for version, found in by_version.items():
        shown = _others_folded(" ".join(sentences_naming(e.text_in(lang), f.id) for e in found), f.id, lang)
        link = html.url(page.link(CHANGELOG_PAGE, version_anchor(version)))
        day = html.text(day_words(dt.date.fromisoformat(found[0].date), lang))
        items.append(
            f'<li><a href="{link}"><strong>{html.text(version)}</strong></a> ({day}): {html.with_code(shown, said)}</li>'
        )
    # Out of the search index: the changelog page holds every entry once; here they would repeat on each
    # figure an entry names, and a result would read as the changelog.
    return f"<ul {SEARCH_EXCLUDE}>" + "".join(items) + "</ul>"


# A list in brackets of ids only ('(`a`, `b`, `c` and `d`)'); from this many, a figure's history names the
# figure and 'and others' (등), since the sentence counts them before the bracket ('28개(… 등)'); the
# changelog page lists them all.
ID_LIST = re.compile(r"\((`[a-z0-9-]+`(?:(?:, and |, | and )`[a-z0-9-]+`)+)\)")
LONG_LIST = 4
AND_OTHERS = N_("{figure} and others")


def _others_folded(text: str, figure_id: str, lang: str) -> str:
    """A long list of ids holding the figure, as the figure and the others in a word: on the page of one
    figure, 28 other ids are a wall of code about other figures."""

    def fold(found: re.Match) -> str:
        ids = CODE.findall(found.group(1))
        if len(ids) < LONG_LIST or figure_id not in ids:
            return found.group(0)
        return "(" + fill(tr(lang, AND_OTHERS), figure=f"`{figure_id}`") + ")"

    return ID_LIST.sub(fold, text)


# A figure a change waiting for a release touches: the citation names the released version, so the page
# says what it shows beyond it and what that version holds.
WAITING_CHANGED = N_(
    "This page shows a change not yet in any release, to these fields: {fields} (see the changes in the data above). "
    "Version {version}, the one cited, holds: {held}."
)
WAITING_ELSEWHERE = N_(
    "This page shows a change not yet in any release that concerns this figure (see the changes in the data "
    "above); its own row in version {version}, the one cited, is as shown."
)
WAITING_NEW = N_("This figure is not yet in any release: version {version}, the one cited, does not hold it.")
# The earlier text quoted by the language's rule ({old} comes quoted), so a quote inside it takes the inner marks.
HELD_VALUE = N_("{field} {old}")
HELD_EMPTY = N_("no {field}")


def _cell_words(package: Package, f: Figure, name: str, cell: str, lang: str) -> str:
    """A released cell as the page writes the field: a period, status, qualifier or place in words, a value
    in the figure's unit."""
    if not cell:
        return cell
    match name:
        case "period":
            return parse_period(cell).words(lang)
        case "status":
            return tr(lang, cell, status_context(cell, f.actual_kind))
        case "qualifier":
            return qualifier_name(cell, lang)
        case "value":
            return f.unit.words(float(cell), lang)
        case "locator":
            # A place in words, as the page names it ('제목'), never the stored code ('headline').
            outlined = package.source_of(f).outlined
            held = parse_locators(cell) if outlined else place_locator(f.topic, cell)
            return places(package, dataclasses.replace(f, locators=held), lang)
    return cell


def waiting_words(package: Package, f: Figure, lang: str = "en") -> str:
    """For a figure a waiting change names: which of its fields the page shows changed, and what the
    released version (the one a citation names) holds for each; '' when no change names it."""
    if not any(f.id in c.names() for c in package.changes):
        return ""
    cells = released_cells(package, "figures", f.id)
    if cells is None:
        return fill(tr(lang, WAITING_NEW), version=package.version)
    fields = {x["name"]: x for x in package.tables["figures"].fields}
    # A column and its twins are one field ('label', 'label_ko'); the page's language says which cell.
    changed = [name for name in fields if name in cells or any(c.startswith(name + "_") for c in cells)]
    changed = [name for name in changed if not any(name.startswith(o + "_") for o in fields if o != name)]
    # The cell this language's page shows: a change to the other language's twin only is not this page's.
    shown = {name: next((c for c in (f"{name}_{lang}", name) if c in fields), name) for name in changed}
    changed = [name for name in changed if shown[name] in cells]
    if not changed:
        return fill(tr(lang, WAITING_ELSEWHERE), version=package.version)
    held = []
    for name in changed:
        title = field_text(fields[name], "title", lang)
        # What the cited version holds, in full: a reader who cites it must see the earlier text itself.
        # (its last full stop left to the sentence that quotes it, which ends with one)
        old = _cell_words(package, f, name, cells[shown[name]], lang).replace("`", "").rstrip(".")
        held.append(
            tr(lang, HELD_VALUE).format(field=title, old=speaker(lang).quoted_name(old))
            if old
            else tr(lang, HELD_EMPTY).format(field=title)
        )
    return fill(
        tr(lang, WAITING_CHANGED),
        fields=list_words([field_text(fields[n], "title", lang) for n in changed], lang),
        version=package.version,
        held=list_words(held, lang),
    )


def _cite(package: Package, page, f: Figure, site_url: str | None) -> str:
    """A box with the citation as a reader pastes it (in the page's language), and the source's
    attribution to give with the value."""
    lang = page.language
    address = site_url.rstrip("/") + "/" + page.url if site_url else None
    source = package.source_of(f)
    attribute = tr(lang, "Quoting the value, attribute its source too:")
    waiting = waiting_words(package, f, lang)
    waiting = f'<p class="dnd-waiting">{html.text(waiting)}</p>\n' if waiting else ""
    # Not indexed by the site search: the same words on every figure's page would crowd its results.
    return (
        '<div class="admonition quote dnd-cite" data-search-exclude>'
        f'<p class="admonition-title">{html.text(tr(lang, CITATION))}</p>\n'
        f'<p class="dnd-citation">{figure_citation_html(package, f, address, lang)}</p>\n'
        f"{waiting}"
        f"<p>{html.text(attribute)} {html.text(source.attribution_in(lang).rstrip('.'))}.</p></div>"
    )
