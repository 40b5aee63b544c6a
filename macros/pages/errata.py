"""The checks and the corrections as pages: what the release's arithmetic gives, and what was changed."""

from __future__ import annotations

from ..data.checks import KINDS, OUTCOMES, Outcome
from ..data.figure import Figure
from ..data.intervals import RULES, Interval
from ..data.package import Package
from ..data.words import day_words, fill, list_words, qualifier_name, range_qualifier, speaker
from . import html
from .citation import source_words
from .i18n import DEFAULT, N_, tr
from .links import check_anchor, check_link, figure_link
from .standing import NOT_RELEASED, change_words
from .tables import Row, printed_token, said_by, table

# Texts shown inside the HTML below, marked here for the translation catalogue.
SEE_THE_CHECK = N_("See the check")
EVERY_CHECK_HOLDS = N_("Every check holds.")
ARITHMETIC = N_("The arithmetic")
CHECK_ID = N_("Check id:")
ALL_CHECKS = N_("All")
SHOW = N_("Show")
ASSUMED = N_("Assumed:")
FIGURES_AS_PRINTED = N_("Figures as printed")
CHECK_OUTCOME = N_("check: {outcome}")
# 'verb': the outcome as the verb of a sentence ('the check holds'; '검산 결과 맞습니다', never
# '검산 결과 맞음입니다'), in the catalogue's context 'outcome verb'.
OUTCOME_FORMS = ("word", "check", "verb")
# A check whose kind and stated figure another check shares is told apart by the figures only it works
# from: 'share: Share of non-ICT companies (worked from 120,000)'.
WORKED_FROM = N_("{title} (worked from {values})")
# Two figures a check compares ('2019 and 2020'); Korean joins a pair with 과/와, not 및.
COMPARED_PAIR = N_("{first} and {second}")
CAPTION = N_("Every check between figures, computed on the intervals the printed numbers allow")
DIFFERS = N_("the release states {stated}, but {sources} differs at any rounding of the printed numbers.")


def _named(f: Figure, lang: str = "en") -> str:
    # Korean puts the value after its label, as a sentence does ('…비ICT 기업 1만 2,000개'), not in a second bracket.
    return tr(lang, "{label} ({value})").format(label=f.label_in(lang), value=f.text(lang))


def computed(outcome: Outcome, figures: dict[str, Figure], lang: str = "en") -> str:
    """What the operands give, written in the result's unit."""
    return figures[outcome.check.result].unit.words(round(outcome.computed, 3), lang)


def check_title(package: Package, check, lang: str) -> str:
    """The stated figure's name, and where another check shares the check's kind and stated figure, the
    values only this one works from, so that two checks with one name never show one title. A check that
    compares figures is named by all of them (`compared_title`)."""
    if KINDS[check.kind].compares_figures:
        return compared_title(package, [check.result, *check.operands], lang)
    label = package.figures[check.result].label_in(lang)
    twins = [
        o.check
        for o in package.outcomes
        if o.check.id != check.id and o.check.kind == check.kind and o.check.result == check.result
    ]
    if not twins:
        return label
    shared = set.intersection(*(set(t.operands) for t in twins))
    own = [package.figures[i].text(lang) for i in check.operands if i not in shared]
    return fill(tr(lang, WORKED_FROM), title=label, values=", ".join(own)) if own else label


def compared_title(package: Package, figure_ids: list[str], lang: str) -> str:
    """Figures compared, named by what they compare: one subject and its periods where each label is the
    subject with its period ('Korea's rank in …, 2019 and 2020'); otherwise every label. Earlier periods
    first, as a reader compares them (the 2021 rank, then the goal for 2025)."""
    figures = sorted(
        (package.figures[i] for i in figure_ids), key=lambda f: (f.period.end or f.period.start).last_day()
    )
    speak = speaker(lang)
    periods = [f.period.words(lang) for f in figures]
    subjects = {
        speak.label_without_period(f.label_in(lang), p) for f, p in zip(figures, periods, strict=True)
    }
    if len(subjects) == 1 and None not in subjects and len(set(periods)) == len(periods):
        return speak.label_with_period(subjects.pop(), _pair(periods, lang))
    # Each label in quotation marks: a label may hold 'and' itself ('…중소기업과 비대면 전환과 …').
    return _pair([speak.quoted_name(f.label_in(lang)) for f in figures], lang)


def _pair(items: list[str], lang: str) -> str:
    """Two things compared, joined as the language pairs them ('2019년과 2020년', not '2019년 및 2020년')."""
    if len(items) == 2:
        return fill(tr(lang, COMPARED_PAIR), first=items[0], second=items[1])
    return list_words(items, lang)


# A range and the rule that gives it; Korean sets the bracket close, as every other bracket on its pages.
RANGE_BY_RULE = N_("{range} ({rule})")


def _range(interval: Interval, figure: Figure, lang: str = "en") -> str:
    """An interval in the figure's unit, as words: 'at least KRW 16.85 trillion, below KRW 16.95 trillion';
    '16조 8,500억 원 이상 16조 9,500억 원 미만'."""
    return interval.words(lambda number: figure.unit.words(round(number, 3), lang, compound=True), lang)


# The rule of a value a correction read from a printing that was no number ('12,7000'): not 'as printed'.
CORRECTED_PRINTING = N_("a corrected reading")


def corrected_printing(package: Package, f: Figure) -> str | None:
    """The printing a correction of the figure's value read otherwise ('12,7000'), or None."""
    return next((c.printed for c in package.corrections if c.figure == f.id and c.field == "value"), None)


def _stated(package: Package, page, figure: Figure) -> dict[str, str]:
    """The parts that name a figure with the range its printing allows: its label linked to its page and
    its printed form in the marks of the page's language (markup), the range and the rule that gives it
    (plain words)."""
    lang = page.language
    interval, rule = package.bounds[figure.id]
    token = printed_token(package, figure, marked_in=lang)
    # Kept on one line as the explorer keeps it: '2.4 / trillion' would part a number from its scale word.
    printed = html.fill(tr(lang, "printed {token}"), token=f'<span class="dnd-num">{token}</span>')
    label = f'<a href="{html.url(figure_link(page, figure.id))}">{html.text(figure.label_in(lang))}</a>'
    return {
        "label": label,
        "printed": printed,
        "range": _range(interval, figure, lang),
        "rule": rule_words(figure, rule, lang, corrected=bool(corrected_printing(package, figure))),
    }


def rule_words(figure: Figure, rule, lang: str, corrected: bool) -> str:
    """The rule that gives a figure's range, as the figure page's range line and the checks page name it:
    a correction's reading, the qualifier a Korean value shows, else the rule's name."""
    if corrected:
        return tr(lang, CORRECTED_PRINTING)
    return range_qualifier(figure.qualifier, figure.text(lang), lang) or rule.name_in(lang)


def _linked(package: Package, page, figure: Figure) -> str:
    """'<label>, printed “16.9 trillion”: at least KRW 16.85 trillion, below KRW 16.95 trillion (rounded)', the
    label linked to the figure's page; the printed form in the marks of the page's language, in both."""
    parts = _stated(package, page, figure)
    rest = html.text(": " + fill(tr(page.language, RANGE_BY_RULE), range=parts["range"], rule=parts["rule"]))
    return f"{parts['label']}, {parts['printed']}{rest}"


# A value printed as one number is not a range another overlaps: a language may say each case otherwise
# ('…의 범위인 73건과 겹쳐야 합니다' would call one number a range), by whether the stated figure and the
# computed value are one number each: (stated, computed).
RELATION_CONTEXTS = {
    (False, False): "check relation",
    (True, False): "check relation, one value",
    (True, True): "check relation, two values",
    (False, True): "check relation, a value in a range",
}


def relation_context(stated, computed) -> str:
    """The catalogue's context of a check's relation sentence for the two intervals it compares."""
    return RELATION_CONTEXTS[stated.low == stated.high, computed.low == computed.high]


def _relation(package: Package, page, outcome: Outcome) -> str:
    """The sentence of a check's arithmetic that says how the computed range stands to the stated figure
    ('at least …, below …, which should meet <label>, printed “10.1 trillion”: … (rounded).'), whole
    in each language, so a language may order its fields as it needs ('계산한 값은 …입니다. 이 값이 …')."""
    lang = page.language
    result = package.figures[outcome.check.result]
    parts = _stated(package, page, result)
    # The plain fields first, with any particle their spec asks for; the markup then goes in escaped text.
    sentence = fill(
        tr(
            lang,
            KINDS[outcome.check.kind].relation,
            relation_context(package.bounds[result.id][0], outcome.computed_bounds),
        ),
        computed=_range(outcome.computed_bounds, result, lang),
        range=parts["range"],
        rule=parts["rule"],
        label="{label}",
        printed="{printed}",
    )
    return html.fill(sentence, label=parts["label"], printed=parts["printed"])


def outcome_name(page, status: str) -> str:
    """An outcome's name as the checks and badges write it ('holds'; '맞음'): prose that defines the
    outcomes says them through this, so the definition and the lists never use two words."""
    if status not in OUTCOMES:
        raise page.error(f"outcome_name: unknown outcome '{status}' (one of {', '.join(OUTCOMES)})")
    return html.text(tr(page.language, status, "outcome"))


def outcome(package: Package, page, check_id: str, form: str = "word") -> str:
    """A check's outcome in words, from the data, linked to the check: 'holds' ('맞음'); with form
    'check', 'check: holds' ('검산: 맞음'); with form 'verb', the verb a sentence ends on ('holds';
    '맞습니다', '맞지 않습니다'). Prose that reports a check says its outcome through this, so
    no page can say otherwise than the checks page."""
    found = next((o for o in package.outcomes if o.check.id == check_id), None)
    if found is None:
        raise page.error(f"unknown check id '{check_id}' (ids are in datapackage/data/checks.csv)")
    if form not in OUTCOME_FORMS:
        raise page.error(
            f"outcome('{check_id}'): unknown form '{form}'; use one of {', '.join(OUTCOME_FORMS)}"
        )
    lang = page.language
    words = tr(lang, found.status, "outcome verb" if form == "verb" else "outcome")
    if form == "check":
        words = tr(lang, CHECK_OUTCOME).format(outcome=words)
    href = html.url(check_link(page, check_id))
    return f'<a class="dnd-check dnd-check-{found.status}" href="{href}">{html.text(words)}</a>'


def checks_list(package: Package, page) -> str:
    """Every check as one compact block: its outcome first, the stated figure and why, and the arithmetic
    one tap away (left out of the site search, whose results it would fill with numbers); buttons
    (shown by docs/javascripts/checks.js) narrow the list to one outcome."""
    figures = package.figures
    lang = page.language
    items = []
    for o in package.outcomes:
        check, result = o.check, figures[o.check.result]
        printed = "".join(f"<li>{_linked(package, page, figures[i])}</li>" for i in check.operands)
        assumed = ""
        if check.assumption:
            assumed = f"<p>{html.text(tr(lang, ASSUMED))} {html.text(check.assumption_in(lang))}</p>"
        label = html.text(check_title(package, check, lang))
        items.append(
            f'<li class="dnd-check" id="{check_anchor(check.id)}" data-outcome="{o.status}">'
            f'<p class="dnd-check-head"><span class="dnd-outcome dnd-outcome-{o.status}">'
            f"{html.text(tr(lang, o.words, 'outcome'))}</span> · "
            f"{html.text(tr(lang, KINDS[check.kind].words, 'check kind'))}: "
            f'<a href="{html.url(figure_link(page, result.id))}">{label}</a></p>'
            f"<p>{html.prose(check.explanation_in(lang), said_by(package, (check.result, *check.operands), lang))}</p>"
            f"<details data-search-exclude><summary>{html.text(tr(lang, ARITHMETIC))}</summary>"
            f"<p>{html.text(tr(lang, FIGURES_AS_PRINTED))}:</p>"
            f'<ul class="dnd-operands">{printed}</ul>'
            f"<p>{_relation(package, page, o)}</p>"
            f"<p><small>{html.text(o.arithmetic(figures, lang, ranges=False))}</small></p>{assumed}"
            f"<p><small>{html.text(tr(lang, CHECK_ID))} <code>{html.text(check.id)}</code></small></p>"
            "</details></li>"
        )
    counts = {status: sum(o.status == status for o in package.outcomes) for status in OUTCOMES}
    buttons = [(ALL_CHECKS, "", len(package.outcomes))] + [
        (OUTCOMES[status], status, counts[status]) for status in OUTCOMES
    ]
    filters = "".join(
        f'<button type="button" class="md-button" data-outcome="{status}" '
        f'aria-pressed="{"true" if not status else "false"}">'
        f"{html.text(tr(lang, words, 'outcome') if status else tr(lang, words))} ({count})</button>"
        for words, status, count in buttons
    )
    return "\n".join(
        [
            f'<div class="dnd-checks-filter" role="group" aria-label="{html.text(tr(lang, SHOW))}" hidden>',
            f"<span>{html.text(tr(lang, SHOW))}:</span>{filters}",
            "</div>",
            f'<ol class="dnd-checks" aria-label="{html.text(tr(lang, CAPTION))}">{"".join(items)}</ol>',
        ]
    )


def interval_rules(package: Package, page) -> str:
    """The rules that turn a printed number into an interval, with their reasons, in the page's language;
    the release's printed forms their examples quote are marked as the release's."""
    lang = page.language
    said = said_by(package, (), lang)
    rows = [
        Row(
            [
                html.text(r.name_in(lang)),
                html.text(qualifier_name(r.qualifier, lang)),
                *(html.prose(text, said) for text in r.texts_in(lang)),
            ]
        )
        for r in RULES
    ]
    headers = [
        tr(lang, h) for h in (N_("Rule"), N_("Qualifier"), N_("Applies to"), N_("Interval"), N_("Why"))
    ]
    caption = tr(lang, "How a printed number becomes an interval")
    return table(caption, headers, rows, css="dnd-table dnd-fit")


def contradictions(package: Package, page) -> str:
    """Plain words for each check that fails."""
    figures = package.figures
    lang = page.language
    items = []
    for o in package.outcomes:
        if o.status == "holds":
            continue
        result = figures[o.check.result]
        operands = [figures[i] for i in o.check.operands]
        sources = ", ".join(_named(f, lang) for f in operands)
        # One figure stated otherwise elsewhere is not worked out from anything: it simply differs.
        template = (
            DIFFERS
            if len(o.check.operands) == 1
            else N_(
                "the release states {stated}, but {working} gives {computed}, "
                "which cannot meet it at any rounding of the printed numbers."
            )
        )
        # A language may name the operands by their values alone ({values}) and the other source by its
        # publisher and date ({source}): the item's heading already names the figure, so its long label
        # is not repeated inside the sentence.
        named, valued = [_named(f, lang) for f in operands], [f.text(lang) for f in operands]
        # The arithmetic in words ('dividing A by B'), built from whichever naming the language's
        # sentence uses, so the reader knows which number divides which.
        working = {
            key: fill(
                tr(lang, KINDS[o.check.kind].working, "check working"),
                values=list_words(names, lang),
                first=names[0],
                second=names[-1],
            )
            for key, names in (("sources", named), ("values", valued))
        }
        sentence = fill(
            tr(lang, template),
            working=working["sources"],
            working_values=working["values"],
            stated=result.text(lang),
            sources=sources,
            values=list_words([f.text(lang) for f in operands], lang),
            source=source_words(package, operands[0], lang),
            computed=computed(o, figures, lang),
        )
        # The check's explanation is given once on the page, in its own block below.
        items.append(
            f'<li id="contradiction-{html.text(o.check.id)}"><strong>{html.text(result.label_in(lang))}</strong>: '
            f"{html.text(sentence)} "
            f'<a href="{html.url(check_link(page, o.check.id))}">'
            f"{html.text(tr(lang, SEE_THE_CHECK))} <code>{html.text(o.check.id)}</code></a>.</li>"
        )
    if not items:
        return f"<p>{html.text(tr(lang, EVERY_CHECK_HOLDS))}</p>"
    return '<ul class="dnd-contradictions">\n' + "\n".join(items) + "\n</ul>"


KOREAN_AT_RELEASE = N_("(written in Korean at the release)")


def reason_words(c, lang: str) -> str:
    """A correction's reason in a language; a correction not released yet may lack its Korean."""
    return c.reason_in(lang) or tr(lang, KOREAN_AT_RELEASE)


def entry_words(change, lang: str) -> str:
    """A waiting change's changelog entry in a language; before its Korean is written, the ids it names
    and that the Korean follows at the release."""
    named = ", ".join(f"`{name}`" for name in sorted(change.names()))
    return change.entry_in(lang) or f"{named}: {tr(lang, KOREAN_AT_RELEASE)}".lstrip(": ")


def reference_words(c, lang: str) -> str:
    return c.reference_in(lang) or tr(lang, KOREAN_AT_RELEASE)


def corrected_field(package: Package, field: str, lang: str, with_code: bool = True) -> str:
    """The corrected column as HTML: its name as code, and in Korean its title beside it: 값(<code>value</code>);
    without the code (a figure's page, read as prose) the title alone where it has one: 값."""
    code = f"<code>{html.text(field)}</code>"
    if lang == DEFAULT:
        return code
    title = next((f.get("title_ko") for f in package.tables["figures"].fields if f["name"] == field), None)
    if not title:
        return code
    return f"{html.text(title)}({code})" if with_code else html.text(title)


# Where the source shows what the correction reads, labelled: under the reason, in small type, it would
# otherwise read as a stray end of it.
REFERENCE_LINE = N_("Where in the source: {where}")


def _reference_line(c, lang: str) -> str:
    return tr(lang, REFERENCE_LINE).format(where=reference_words(c, lang))


def corrections_table(package: Package, page) -> str:
    """Every correction, each figure linked to its page."""
    lang = page.language
    rows = []
    for c in package.corrections:
        target = html.url(figure_link(page, c.figure))
        label = package.figures[c.figure].label_in(lang) if c.figure in package.figures else c.figure
        old, new = change_words(package, c, lang)
        rows.append(
            Row(
                [
                    f"<code>{html.text(c.id)}</code>",
                    f'<a href="{target}">{html.text(label)}</a> (<code>{html.text(c.figure)}</code>)',
                    corrected_field(package, c.field, lang),
                    html.text(old),
                    html.text(new),
                    html.text(tr(lang, c.kind.replace("-", " "), "correction kind")),
                    html.text(reason_words(c, lang))
                    + (f"<br><small>{html.text(_reference_line(c, lang))}</small>" if c.reference else ""),
                    html.text(day_words(c.date, lang) if c.released else tr(lang, NOT_RELEASED)),
                    html.text(c.version or tr(lang, NOT_RELEASED)),
                ],
                id=f"correction-{c.id}",
            )
        )
    headers = (
        N_("Correction"),
        N_("Figure"),
        N_("Field"),
        N_("Printed"),
        N_("Used"),
        N_("Kind"),
        N_("Reason"),
        N_("Date"),
        N_("Version"),
    )
    caption = tr(lang, "Every correction the package has made")
    # A block per correction at every width: its reason is the point, and gets the width of the text.
    return table(caption, [tr(lang, h) for h in headers], rows, css="dnd-table dnd-cards dnd-corrections")
