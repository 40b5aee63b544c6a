"""Where a figure, a check or a correction is shown, and the links to it.

Every anchor of the site's data pages is written here, so a link and its target cannot drift apart.
"""

from __future__ import annotations

from ..data.figure import Figure
from ..data.package import Package
from ..data.words import particle
from ..tools.export import FIGURE_DIR
from . import html

EXPLORER = "data/explorer.md"
CHECKS = "data/checks.md"
CHANGELOG_PAGE = "about/changelog.md"
FORMS = ("text", "value", "bare")


def figure_anchor(figure_id: str) -> str:
    """The id of a figure's row in the explorer: 'fig-<id>'."""
    return f"fig-{figure_id}"


def check_anchor(check_id: str) -> str:
    """The id of a check's row on the checks page: 'check-<id>'."""
    return f"check-{check_id}"


def figure_page(figure_id: str) -> str:
    """The Markdown path of a figure's own page, which the build makes from the data: 'figures/<id>.md'."""
    return f"{FIGURE_DIR}/{figure_id}.md"


def figure(package: Package, page, figure_id: str) -> Figure:
    """The figure a page names, or a build failure naming the page and the id."""
    found = package.figures.get(figure_id)
    if found is None:
        raise page.error(f"unknown figure id '{figure_id}' (ids are in datapackage/data/figures.csv)")
    return found


def explorer_link(page, figure_id: str) -> str:
    return page.link(EXPLORER, figure_anchor(figure_id))


def figure_link(page, figure_id: str) -> str:
    return page.link(figure_page(figure_id))


def check_link(page, check_id: str) -> str:
    return page.link(CHECKS, check_anchor(check_id))


def value_link(
    package: Package,
    page,
    figure: Figure,
    shown: str | None = None,
    title: bool = False,
    after: str = "",
    running: bool = False,
    status_shown: bool = False,
) -> str:
    """The value (with its qualifier unless `shown` says otherwise), linked to the figure's page, then
    `after` (a particle, as HTML) and the figure's standing markers: wherever a value is shown, its
    standing is (`macros/pages/standing.py`), but for a marker that only repeats the status a table
    shows in its own column (`status_shown`).

    The particle is joined to its value and the badges follow it, as a note mark follows a word
    ('49조여 원으로[목표] 늘렸습니다'): a badge between the value and its particle would read as the word
    the particle agrees with ('[목표]으로'), which Korean readers read as a wrong particle.

    In `running` text the value, its particle and its badges stay on one line (`.dnd-joined`), so a line
    never starts with the particle ('14.3%' | '를') nor with a badge alone ('14.3%[이후 수정됨] 성장'); a
    particle the page types after the value joins it there too (typography.particle_before_standing);
    a parenthetical comes after the badges (`fig`'s aside). A table cell or a list of values may break
    anywhere between them: a badge on a line of its own there reads as the cell's."""
    from .standing import markers

    lang = page.language
    href = html.url(figure_link(page, figure.id))
    titled = f' title="{html.text(figure.label_in(lang))}"' if title else ""
    value = f'<a class="dnd-fig" href="{href}"{titled}>{html.text(shown or figure.text(lang))}</a>'
    badges = markers(package, page, figure, status_shown=status_shown)
    if not running:
        return value + after + badges
    return _joined(value + after + badges)


def _closing(after: str) -> str:
    """Words after a value's badges, whose last word (a closing bracket and its particle, ')을') stays on
    one line."""
    cut = max(after.rfind(" "), after.rfind(">")) + 1
    return after[:cut] + _joined(after[cut:])


def _joined(unit: str) -> str:
    return f'<span class="dnd-joined">{unit}</span>' if unit else ""


def fig(
    package: Package,
    page,
    figure_id: str,
    form: str = "text",
    josa: str | None = None,
    aside: str | None = None,
) -> str:
    """The figure for running text.

    'text': qualifier and value, linked; 'value': the value alone, linked;
    'bare': qualifier and value as plain text, for places where a link cannot go (its standing then
    follows as plain words in brackets).
    Every form carries the figure's standing: a page cannot state a figure without it.
    `josa`, on a Korean page, is the particle after the value, in the form its last sound takes
    (fig('id', josa='으로') gives '8,000개로' or '10.1조 원으로'), so no page types a particle the
    value could outgrow.
    `aside` is a parenthetical written after the value and before its particle, as Korean prints it: the
    particle takes the sound of the value, not of the aside ('49조여 원(영문 한정어는 more than)은'). The
    value's badges stay with the value, before the aside ('58조 2,000억 원[목표](국비 44조 8,000억
    원[목표])을'): after the aside they would follow the aside's own badges and read as its.
    """
    found = figure(package, page, figure_id)
    if form not in FORMS:
        raise page.error(f"fig('{figure_id}'): unknown form '{form}'; use one of {', '.join(FORMS)}")
    lang = page.language
    shown = found.shown(lang) if form == "value" else found.text(lang)
    after = ""
    if josa:
        try:
            after = html.text(particle(shown, josa)[len(shown) :])
        except ValueError as error:
            raise page.error(f"fig('{figure_id}', josa='{josa}'): {error}") from None
    if form == "bare":
        from .standing import marker_words

        words = html.text(marker_words(package, found, lang))
        return html.text(shown) + (f"({aside})" if aside else "") + after + words
    # An aside's particle closes the aside, not the value: it follows the bracket, after the badges.
    joined = "" if aside else after
    linked = value_link(
        package, page, found, shown if form == "value" else None, title=True, after=joined, running=True
    )
    return linked + _closing(f"({aside}){after}") if aside else linked
