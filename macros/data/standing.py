"""A figure's standing: what the package itself knows that qualifies the figure, derived, never typed.

Each state is defined once, in STATES, with the rule that finds it; a figure has every state whose
rule finds a reason, each reason naming where the explanation is (a check, a correction, another
figure, a caveat). A figure with no reason is plain. The pages show a marker for each state wherever
the figure is shown (`macros/pages/standing.py`), the JSON export lists the reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .package import Package

# A figure's status (the `status` enum of figures.csv): achieved, a preliminary estimate the source or a later
# one calls provisional, work under way, or a plan or goal.
STATUSES = ("actual", "estimate", "under-way", "target")
# The state a figure has by its own status alone (an achievement has none).
BY_STATUS = {"estimate": "estimated", "under-way": "under-way", "target": "planned"}
# What an actual value of a unit states (the `actual` enum of units.csv), and the catalogue context of the
# status's words for it: a result of the work (Korean 실적), or a settled fact that is no one's achievement,
# a ranking, a change of ranking, a date or a plan's content (확정); `status_context` chooses.
ACTUAL_CONTEXTS = {"result": "status", "fact": "status of a fact"}

# Relations whose two figures state the same fact: a difference between them is a dispute.
SAME_FACT = ("translates", "same-as")


@dataclass(frozen=True)
class State:
    """One standing: its name, the short marker a reader sees, and what it means, in English (the pages
    translate both through the catalogue)."""

    name: str
    marker: str
    meaning: str


STATES = {
    state.name: state
    for state in (
        State("corrected", "corrected", "the package corrects what its source prints"),
        State(
            "amended", "amended", "the package corrects a value it had published; its source prints this one"
        ),
        State(
            "contradicted",
            "check fails",
            "a check this figure takes part in fails, and this figure may be why",
        ),
        State("disputed", "disputed", "another source states it otherwise"),
        State("revised", "revised later", "a later figure revises it"),
        # A later plan changed a planned figure (the relation amends): the figure was not wrong, so this
        # is neither a correction nor a revision; the direction is the two values'.
        State("raised", "plan changed later", "a later plan raised it"),
        State("lowered", "plan changed later", "a later plan lowered it"),
        State("replanned", "plan changed later", "a later plan changed it"),
        State("estimated", "preliminary estimate", "a preliminary estimate, not a final count"),
        State("planned", "target", "a plan or goal, not an achievement"),
        State("under-way", "under way", "work under way when the source was written, not finished"),
    )
}
PLAIN = "plain"
# The state a correction gives its figure, by the correction's kind (the `kind` enum of corrections.csv):
# a release-typo corrects the source; a revision corrects this package's own earlier value.
BY_CORRECTION_KIND = {"release-typo": "corrected", "revision": "amended"}
# What a reason points at: the kind of record that explains it.
EXPLAINED_BY = ("check", "correction", "figure", "caveat")


@dataclass(frozen=True)
class Reason:
    """Why a figure has a state: the record that explains it (its kind, from EXPLAINED_BY, and its id)."""

    state: str
    by: str
    id: str


def reasons(package: Package, figure_id: str) -> tuple[Reason, ...]:
    """Every reason a figure is not plain, in the order of STATES; empty for a plain figure."""
    figure = package.figures[figure_id]
    found: list[Reason] = []
    found += [
        Reason(BY_CORRECTION_KIND[c.kind], "correction", c.id) for c in package.corrections_of(figure_id)
    ]
    # A failing check marks the figures it doubts, not the sound ones it computes with (`Check.suspects`):
    # their pages still list the check, and say which figure it points at.
    found += [
        Reason("contradicted", "check", o.check.id)
        for o in package.outcomes_of(figure_id)
        if o.status == "fails" and o.check.doubts(figure_id)
    ]
    for link in package.links_of(figure_id):
        _, other = link.seen_from(figure_id)
        if link.relation in SAME_FACT and _differ(package, figure_id, other):
            found.append(Reason("disputed", "figure", other))
        elif link.relation == "revises" and link.other == figure_id and _differ(package, figure_id, other):
            found.append(Reason("revised", "figure", other))
        elif link.relation == "amends" and link.other == figure_id and _differ(package, figure_id, other):
            found.append(Reason(_direction(package, figure_id, other), "figure", other))
    found += [Reason("disputed", "caveat", c.id) for c in package.caveats_of(figure_id)]
    if figure.status in BY_STATUS:
        found.append(Reason(BY_STATUS[figure.status], "figure", figure_id))
    order = list(STATES)
    return tuple(sorted(found, key=lambda r: order.index(r.state)))


def status_context(status: str, actual: str) -> str:
    """The catalogue context of a status's words for what an actual value of the unit states (`actual`):
    a fact's 'actual' is settled, a result's achieved; the other statuses read alike for every unit."""
    return ACTUAL_CONTEXTS[actual] if status == "actual" else "status"


def states(package: Package, figure_id: str) -> tuple[str, ...]:
    """The figure's states, each once, in the order of STATES; (PLAIN,) for a plain figure."""
    names = tuple(dict.fromkeys(r.state for r in package.standing(figure_id)))
    return names or (PLAIN,)


def _direction(package: Package, earlier: str, later: str) -> str:
    """Which way a later plan moved a planned figure: raised, lowered, or changed (a date)."""
    old, new = package.figures[earlier].value, package.figures[later].value
    if old is None or new is None:
        return "replanned"
    return "raised" if new > old else "lowered"


def _differ(package: Package, first: str, second: str) -> bool:
    """True when two figures cannot be the same value however their printing is rounded (their
    intervals do not meet); two dates differ when their periods do. Two figures that print the same
    number do not differ, whatever qualifier each adds ('4,300' and '4,300여'): a number printed in full
    is not a claim that it is exact, so a qualifier alone is wording, not another value."""
    if (
        package.figures[first].value is not None
        and package.figures[first].value == package.figures[second].value
    ):
        return False
    a, b = package.bounds.get(first), package.bounds.get(second)
    if a and b:
        return not a[0].meets(b[0])
    one, other = package.figures[first], package.figures[second]
    return one.value is None and other.value is None and one.period.text != other.period.text
