"""A figure's standing as a reader sees it: a short marker after the value, linked to its explanation.

The standing itself is derived in `macros/data/standing.py`; this module only writes it. `value_link`
(and so the prose macro, every table, the charts' data and the targets) appends `markers` to a value,
so no page can show a figure that is not plain without its marker, and there is no argument to leave
it out. Each marker is the state's short word, visible, with the explanation as text a screen reader
reads with it, and links to where the reason is explained: the check, the correction, the other
source's figure, the caveat, or the figure's own standing.
"""

from __future__ import annotations

import re

from ..data.checks import KINDS
from ..data.figure import Figure
from ..data.package import Package
from ..data.printed import read_number
from ..data.standing import BY_STATUS, STATES, Reason, status_context
from ..data.words import day_words, fill, quoted, statements
from . import html, links
from .i18n import N_, tr

# The anchor of the standing on a figure's own page, and of a caveat there.
STANDING_ANCHOR = "standing"
CONTEXT = "figure standing"
# A state with its meaning and what explains it: 'check fails: a check this figure takes part in fails, and this figure may be why (id)'.
DESCRIBED = N_("{marker}: {meaning} ({details})")
# A state the figure has by itself (its own status: target, under way): the marker already names the
# status, so nothing follows the meaning.
DESCRIBED_ALONE = N_("{marker}: {meaning}")
# A state explained only by caveats: what the other source states, in the caveat's own first sentence
# ('disputed: One report … says the agreements … were signed that day'), rather than only its name.
DESCRIBED_BY_CAVEAT = N_("{marker}: {details}")
# A state explained by failing checks names them in its sentence, in quotation marks: a check's name
# may hold a bracket of its own ('(worked from 12,000)'), and no bracket may hold another.
DESCRIBED_BY_CHECK = N_("{marker}: the check {details} fails")
# A state explained by other figures: the meaning, then what each other source gives, as a sentence of
# its own, since a publisher's name may hold a bracket ('Financial News (News1)').
DESCRIBED_BY_FIGURE = N_("{marker}: {meaning}; {details}")
# A check named as the checks page heads it, its kind and title, quoted as one name.
CHECK_NAMED = N_("“{kind}: {title}”")
# What another source's figure gives: '2021년 12월 29일 자 파이낸셜뉴스(뉴스1) 자료에는 18.7%로 적혀 있습니다'.
FIGURE_GIVES = N_("{source}, {date}, gives {value}")
# A news report is a report, not a document of record: a Korean desk writes 보도, not 자료.
FIGURE_REPORTS = N_("{source} reported {value} on {date}")
# The states a figure has by its own status, which a sentence naming the status already says.
OWN_STATUS = tuple(BY_STATUS.values())


# What a correction changed, after its reason: '“12,7000” → 127,000'.
CHANGED = N_("{old} → {new}")
NOT_RELEASED = N_("not released yet")


def change_words(package: Package, correction, lang: str) -> tuple[str, str]:
    """A correction's old and new text as the pages write them: a value as the site writes the figure's
    value (8,000; 8,000개), never as stored (8000); what the source prints (the printed form, or a
    release-typo's token) quoted, as printed."""
    figure = package.figures.get(correction.figure)

    def shown(token: str, printed_by_source: bool) -> str:
        if printed_by_source:
            return quoted(token, lang)
        reading = read_number(token) if correction.field == "value" and figure is not None else None
        return figure.unit.words(reading.number, lang) if reading is not None else token

    source_printed = correction.field == "as_printed"
    return (
        shown(correction.printed, source_printed or correction.kind == "release-typo"),
        shown(correction.used, source_printed),
    )


def caveat_anchor(caveat_id: str) -> str:
    return f"caveat-{caveat_id}"


def correction_anchor(correction_id: str) -> str:
    return f"correction-{correction_id}"


def status_words(figure: Figure, lang: str) -> str:
    """A figure's status as a reader sees it: a result's 'actual' is 실적, a fact's (a ranking, its change,
    a date, a plan's content, a measure no one achieved: the figure's or its unit's `actual`) 확정."""
    return tr(lang, figure.status, status_context(figure.status, figure.actual_kind))


def status_key(figure: Figure) -> str:
    """The key of a figure's status words, the same in every edition: the status, with the kind of unit
    where that chooses other words ('actual-fact' is 확정, 'actual' 실적), so a filter can offer each."""
    context = status_context(figure.status, figure.actual_kind)
    return figure.status if context == "status" else f"{figure.status}-{figure.actual_kind}"


def word(state: str, lang: str) -> str:
    """The state's marker in a language: 'check fails', '검산 불성립'."""
    return tr(lang, STATES[state].marker, CONTEXT)


def meaning(state: str, lang: str) -> str:
    """What the state means, in a language."""
    return tr(lang, STATES[state].meaning, CONTEXT)


def _by_state(package: Package, figure: Figure) -> dict[str, list[Reason]]:
    grouped: dict[str, list[Reason]] = {}
    for reason in package.standing(figure.id):
        grouped.setdefault(reason.state, []).append(reason)
    return grouped


def _href(page, figure: Figure, reason: Reason) -> str:
    """Where a reason is explained."""
    match reason.by:
        case "check":
            return links.check_link(page, reason.id)
        case "correction":
            return page.link(links.figure_page(figure.id), correction_anchor(reason.id))
        case "caveat":
            return page.link(links.figure_page(figure.id), caveat_anchor(reason.id))
    if reason.id == figure.id:
        return page.link(links.figure_page(figure.id), STANDING_ANCHOR)
    return links.figure_link(page, reason.id)


def _detail(package: Package, reason: Reason, lang: str) -> str:
    """The reason in a few words: the check's name, the other figure's value and source, the caveat's source."""
    match reason.by:
        case "check":
            from .errata import check_title  # errata builds on this module

            check = next(c for c in package.checks if c.id == reason.id)
            kind = tr(lang, KINDS[check.kind].words, "check kind")
            return fill(tr(lang, CHECK_NAMED), kind=kind, title=check_title(package, check, lang))
        case "correction":
            correction = next(c for c in package.corrections if c.id == reason.id)
            old, new = change_words(package, correction, lang)
            changed = tr(lang, CHANGED).format(old=old, new=new)
            return changed if correction.released else f"{changed}, {tr(lang, NOT_RELEASED)}"
        case "caveat":
            caveat = next(c for c in package.caveats if c.id == reason.id)
            return first_sentence(caveat.note_in(lang))
    other = package.figures[reason.id]
    if reason.state in OWN_STATUS:
        # The marker is the status's own word; repeating the status after it says nothing more.
        return ""
    source = package.source_of(other)
    # A newspaper reports a figure; a ministry's document gives it.
    template = FIGURE_REPORTS if source.kind == "news-report" else FIGURE_GIVES
    return fill(
        tr(lang, template),
        source=source.publisher_in(lang),
        date=day_words(source.date, lang),
        value=other.text(lang),
    )


def _template(reasons: list[Reason], has_details: bool) -> str:
    """The sentence a state takes by what explains it: a check is named in the sentence, a caveat's words
    stand alone, another figure's value follows the meaning; a correction's change follows in brackets."""
    if not has_details:
        return DESCRIBED_ALONE
    kinds = {r.by for r in reasons}
    if kinds == {"check"}:
        return DESCRIBED_BY_CHECK
    if kinds == {"caveat"}:
        return DESCRIBED_BY_CAVEAT
    return DESCRIBED if "correction" in kinds else DESCRIBED_BY_FIGURE


def first_sentence(note: str) -> str:
    """A caveat's first sentence, which says what the other source states, without its full stop."""
    return re.split(r"(?<=[.다])\.?\s+(?=[A-Z가-힣0-9])", note.strip(), maxsplit=1)[0].rstrip(".")


def described(package: Package, figure: Figure, state: str, lang: str) -> str:
    """One state in words with its reasons: 'check fails: the check “share: Share of voucher recipients
    that are not ICT companies (worked from 12,000)” fails'."""
    reasons = _by_state(package, figure)[state]
    details = "; ".join(d for d in dict.fromkeys(_detail(package, r, lang) for r in reasons) if d)
    template = _template(reasons, bool(details))
    return tr(lang, template).format(marker=word(state, lang), meaning=meaning(state, lang), details=details)


def markers(package: Package, page, figure: Figure, status_shown: bool = False) -> str:
    """The markers after a value, one per state, each linked to its first reason; '' for a plain figure.
    `status_shown`: the figure's status stands beside the value in a column of its own (the explorer), so
    the marker that only says that status (target, in progress, estimate) would say it twice."""
    lang = page.language
    links = []
    for state, reasons in _by_state(package, figure).items():
        if status_shown and state in OWN_STATUS:
            continue
        rest = described(package, figure, state, lang).removeprefix(word(state, lang))
        links.append(
            f'<a class="dnd-standing dnd-standing-{state}" href="{html.url(_href(page, figure, reasons[0]))}">'
            f'{html.text(word(state, lang))}<span class="dnd-hidden">{html.text(rest)}</span></a>'
        )
    return f'<span class="dnd-standings">{"".join(links)}</span>' if links else ""


def marker_words(package: Package, figure: Figure, lang: str) -> str:
    """The markers as plain text, for places where a link cannot go: ' [check fails; disputed]'."""
    states = _by_state(package, figure)
    return f" [{'; '.join(word(s, lang) for s in states)}]" if states else ""


def sentence(package: Package, figure: Figure, lang: str) -> str:
    """The standing as a sentence after one that names the figure's status, which it does not repeat;
    '' for a figure plain but for its status."""
    states = [s for s in _by_state(package, figure) if s not in OWN_STATUS]
    if not states:
        return ""
    parts = statements([described(package, figure, s, lang) for s in states], lang)
    return tr(lang, "Standing: {states}.").format(states=parts)


def explanation(package: Package, page, figure: Figure) -> str:
    """The figure page's account of its standing: each reason linked, each caveat in full with whose
    evidence it is (HTML)."""
    lang = page.language
    grouped = _by_state(package, figure)
    if not grouped:
        return html.text(tr(lang, "plain: nothing in the data qualifies this figure"))
    items = []
    for state, reasons in grouped.items():
        for reason in reasons:
            target, attributes, note = _href(page, figure, reason), "", ""
            if reason.by == "caveat":
                # On the figure's own page a caveat links to its evidence: the other source's figure, or
                # the source itself.
                caveat = next(c for c in package.caveats if c.id == reason.id)
                source = package.sources[caveat.source]
                target = links.figure_link(page, caveat.evidence) if caveat.evidence else (source.url or "")
                attributes = f' id="{caveat_anchor(caveat.id)}"'
                note = " " + html.prose(caveat.note_in(lang))
            if reason.by == "caveat":
                # The caveat's note says in full what the other source states, naming it; the marker links
                # to the evidence, so neither a general meaning nor the source's name is said twice.
                marker = html.text(word(state, lang))
                marker = f'<a href="{html.url(target)}">{marker}</a>' if target else marker
                described_html = html.fill(
                    tr(lang, DESCRIBED_BY_CAVEAT), marker=f"<strong>{marker}</strong>", details=note.strip()
                )
                items.append(f"<li{attributes}>{described_html}</li>")
                continue
            detail = html.text(_detail(package, reason, lang))
            linked = f'<a href="{html.url(target)}">{detail}</a>' if target and detail else detail
            described_html = html.fill(
                tr(lang, _template([reason], bool(detail))),
                marker=f"<strong>{html.text(word(state, lang))}</strong>",
                meaning=html.text(meaning(state, lang)),
                details=linked,
            )
            items.append(f"<li{attributes}>{described_html}.{note}</li>")
    return '<ul class="dnd-standing-list">' + "".join(items) + "</ul>"
