"""What changed between two versions of the data package, and whether the change is releasable.

A reviewer reads the Markdown report instead of a CSV diff; the contributor gets, for each rule
broken, the exact row or version to write. The rules: a changed value needs a new correction row
for that figure, and changed data needs a version bump of the right size (semantic versioning:
a schema change or a removed figure is major, new or corrected data minor, wording a patch).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass, field

from ..data.correction import Correction
from ..data.figure import Figure
from ..data.language import is_translation
from ..data.package import Package

LEVELS = ("patch", "minor", "major")
SEMVER = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")
CORRECTIONS_CSV = "datapackage/data/corrections.csv"
FIGURES_CSV = "datapackage/data/figures.csv"
DESCRIPTOR = "datapackage/datapackage.json"
# Figure fields whose change is only wording, so a patch release (a quote copied more exactly among them).
# Every Korean twin (a column ending in _ko) is wording too, in any table.
WORDING = {"label", "label_ko", "note", "note_ko", "quote"}


def _wording(column: str) -> bool:
    return column in WORDING or column.endswith("_ko")


@dataclass(frozen=True)
class FieldChange:
    figure: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class OutcomeChange:
    check: str
    old: str
    new: str


@dataclass
class PackageDiff:
    old: Package
    new: Package
    added: list[Figure] = field(default_factory=list)
    removed: list[Figure] = field(default_factory=list)
    changed: list[FieldChange] = field(default_factory=list)
    outcomes: list[OutcomeChange] = field(default_factory=list)
    corrections_added: list[Correction] = field(default_factory=list)
    corrections_removed: list[Correction] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    renames: list[str] = field(
        default_factory=list
    )  # hints: a removal and an addition that look like a rename
    reasons: dict[str, list[str]] = field(default_factory=lambda: {level: [] for level in LEVELS})
    problems: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(self.reasons.values()) and self.old.version == self.new.version

    @property
    def required(self) -> str | None:
        """The smallest version bump the data changes call for, or None when the data is the same."""
        return next((level for level in reversed(LEVELS) if self.reasons[level]), None)


def figure_fields(package: Package, figure: Figure) -> dict[str, str]:
    """A figure as the columns of figures.csv (but its id), each as text, so two versions compare."""
    return {column: figure.cell(column) for column in package.columns("figures") if column != "id"}


def compare(old: Package, new: Package, released: dt.date | None = None) -> PackageDiff:
    """Compare two loaded packages; the result lists the changes and the problems that block a release.

    `released` is the date of the commit that releases the new version (None while it is not
    committed): `created` is judged against it, never against the day the comparison runs, so a
    correct change passes on any day."""
    diff = PackageDiff(old, new)
    for package in (old, new):
        if not SEMVER.fullmatch(package.version):
            diff.problems.append(
                f"the version '{package.version}' of {package.path} is not MAJOR.MINOR.PATCH"
            )
    _compare_figures(diff)
    _compare_outcomes(diff)
    _compare_corrections(diff)
    _compare_definitions(diff)
    _note_renames(diff)
    if not diff.problems:
        if diff.new.version == diff.old.version and not _semver_lower(diff):
            _check_unreleased(diff)
        else:
            version = _check_version(diff, released)
            _check_corrections(diff, version)
            _check_nothing_waits(diff)
    return diff


def _semver_lower(diff: PackageDiff) -> bool:
    return _parse(diff.new.version) < _parse(diff.old.version)


def _values_without_correction(diff: PackageDiff, explained: set[tuple[str, str]]):
    """Each changed value that no correction in `explained` accounts for, with the figure's row."""
    for change in diff.changed:
        if change.field == "value" and (change.figure, "value") not in explained:
            yield change, diff.new.figures[change.figure].row


def _check_unreleased(diff: PackageDiff) -> None:
    """Under the released version, every change since the release waits in a change file (changes/):
    each changed value with its correction, each changed figure named by an entry. The release step
    gives the version; no bump is asked of a contributor."""
    named = {name for change in diff.new.changes for name in change.names()}
    corrected = {(c.figure, c.field) for c in diff.corrections_added if not c.released}
    for change, row in _values_without_correction(diff, corrected):
        diff.problems.append(
            f"{FIGURES_CSV}:{row}:value: `{change.figure}` changed from {change.old} to {change.new} "
            f"since {diff.old.version} without a correction: put the value back and run "
            f"`make correct FIGURE={change.figure} VALUE={change.new.replace(',', '')} "
            'REASON="…" REFERENCE="…"`, which writes the figure, the correction and its entry'
        )
    for figure_id in dict.fromkeys(
        [f.id for f in diff.added + diff.removed] + [c.figure for c in diff.changed]
    ):
        valued = any(c.figure == figure_id and c.field == "value" for c in diff.changed)
        if figure_id not in named | {f for f, _ in corrected} and not valued:
            row = diff.new.figures[figure_id].row if figure_id in diff.new.figures else 1
            diff.problems.append(
                f"{FIGURES_CSV}:{row}:id: `{figure_id}` changed since {diff.old.version}, but no change in "
                f"changes/ names it: write changes/{figure_id}.yaml holding one line, entry: followed by "
                f"what changed in `{figure_id}` and why (the Korean is written at the release; "
                f"`make correct FIGURE={figure_id}` writes it for a value, a printed form or a quote)"
            )
    if (diff.other or diff.outcomes) and not diff.new.changes:
        diff.problems.append(
            f"{DESCRIPTOR}: the data changed since {diff.old.version} ({'; '.join(diff.other) or 'check outcomes'}), "
            "but no change in changes/ says so: write changes/<name>.yaml holding `entry: <what changed and why>`"
        )
    for correction in diff.corrections_added:
        if correction.released:
            diff.problems.append(
                f"{CORRECTIONS_CSV}:{correction.row}:version: `{correction.id}` is written as released in "
                f"{correction.version}, but {diff.new.version} is already out and no release is being made: "
                "remove the row and record the correction with `make correct`, which keeps it in changes/ "
                "until `make release`"
            )


def _check_nothing_waits(diff: PackageDiff) -> None:
    """A release takes every change file in: none is left behind to be shown as unreleased."""
    for change in diff.new.changes:
        diff.problems.append(
            f"{change.path}: version {diff.new.version} is being released but this change is not in it: "
            "`make release` takes every change file into the release and removes it"
        )


def _compare_figures(diff: PackageDiff) -> None:
    old, new = diff.old.figures, diff.new.figures
    diff.added = [f for i, f in new.items() if i not in old]
    diff.removed = [f for i, f in old.items() if i not in new]
    if diff.added:
        diff.reasons["minor"].append("figures were added")
    if diff.removed:
        diff.reasons["major"].append("figures were removed (their ids are cited)")
    for figure_id, figure in new.items():
        if figure_id not in old:
            continue
        before, after = figure_fields(diff.old, old[figure_id]), figure_fields(diff.new, figure)
        for name, value in after.items():
            # A column the old schema lacks is reported once, as a schema change, not row by row.
            if name in before and before[name] != value:
                diff.changed.append(FieldChange(figure_id, name, before.get(name, ""), value))
                level = "patch" if _wording(name) else "minor"
                reason = "a value was corrected" if name == "value" else f"a figure's {name} changed"
                if reason not in diff.reasons[level]:
                    diff.reasons[level].append(reason)


def _compare_outcomes(diff: PackageDiff) -> None:
    def described(package: Package) -> dict[str, str]:
        return {o.check.id: f"{o.words}: {o.arithmetic(package.figures)}" for o in package.outcomes}

    before, after = described(diff.old), described(diff.new)
    for check_id in [*before, *(c for c in after if c not in before)]:
        old, new = before.get(check_id, "(no such check)"), after.get(check_id, "(no such check)")
        if old != new:
            diff.outcomes.append(OutcomeChange(check_id, old, new))
    if diff.outcomes:
        diff.reasons["minor"].append("check outcomes changed")


def _compare_corrections(diff: PackageDiff) -> None:
    before = {c.id: c for c in diff.old.corrections}
    after = {c.id: c for c in diff.new.corrections}
    diff.corrections_added = [c for i, c in after.items() if i not in before]
    diff.corrections_removed = [c for i, c in before.items() if i not in after]
    if diff.corrections_added or diff.corrections_removed:
        diff.reasons["minor"].append("corrections were recorded")
    for correction_id, correction in after.items():
        # A correction still waiting for its release may be edited freely; releasing it is no edit.
        if correction_id in before and not before[correction_id].released:
            continue
        if correction_id in before and _without_row(before[correction_id]) != _without_row(correction):
            diff.other.append(f"correction `{correction_id}` was edited")
            diff.reasons["patch"].append("a correction was edited")


def _compare_definitions(diff: PackageDiff) -> None:
    """Topics, units, sources, checks and the descriptor: listed by id, not detailed."""
    tables = {
        "topics": (diff.old.topics, diff.new.topics),
        "units": (diff.old.units, diff.new.units),
        "sources": (diff.old.sources, diff.new.sources),
        "checks": ({c.id: c for c in diff.old.checks}, {c.id: c for c in diff.new.checks}),
        "terms": ({t.id: t for t in diff.old.terms}, {t.id: t for t in diff.new.terms}),
    }
    for name, (before, after) in tables.items():
        shared = set(diff.old.columns(name)) & set(diff.new.columns(name))
        added = [i for i in after if i not in before]
        removed = [i for i in before if i not in after]
        edited = [i for i in after if i in before and _fields(before[i], shared) != _fields(after[i], shared)]
        # Only the Korean twins edited: wording, a patch.
        reworded = [
            i
            for i in edited
            if _fields(before[i], shared - _korean(shared)) == _fields(after[i], shared - _korean(shared))
        ]
        edited = [i for i in edited if i not in reworded]
        for verb, ids in (("added", added), ("removed", removed), ("changed", edited)):
            if ids:
                diff.other.append(f"{name} {verb}: " + ", ".join(f"`{i}`" for i in ids))
                diff.reasons["minor"].append(f"{name} {verb}")
        if reworded:
            diff.other.append(f"{name} reworded in Korean: " + ", ".join(f"`{i}`" for i in reworded))
            diff.reasons["patch"].append(f"{name} reworded in Korean")
    schemas = [_schemas(diff.old), _schemas(diff.new)]
    if schemas[0] != schemas[1] and _without_words(schemas[0]) == _without_words(schemas[1]):
        # Only a title or a description of a field or table was reworded, in either language: a patch.
        names = sorted(
            n for n in schemas[0].keys() | schemas[1].keys() if schemas[0].get(n) != schemas[1].get(n)
        )
        diff.other.append("table schema reworded: " + ", ".join(f"`{n}`" for n in names))
        diff.reasons["patch"].append("the schema's wording changed")
    elif schemas[0] != schemas[1]:
        names = sorted(
            n for n in schemas[0].keys() | schemas[1].keys() if schemas[0].get(n) != schemas[1].get(n)
        )
        diff.other.append("table schema changed: " + ", ".join(f"`{n}`" for n in names))
        for verb, first, second in (("added", diff.new, diff.old), ("removed", diff.old, diff.new)):
            columns = [
                f"`{name}.{column}`"
                for name in first.tables
                if name != "charts"
                for column in first.columns(name)
                if name in second.tables and second.tables[name].fields and column not in second.columns(name)
            ]
            if columns:
                diff.other.append(f"columns {verb}: " + ", ".join(columns))
        diff.reasons["major"].append("the schema changed")
    metadata = [_metadata(diff.old), _metadata(diff.new)]
    keys = sorted(
        k for k in metadata[0].keys() | metadata[1].keys() if metadata[0].get(k) != metadata[1].get(k)
    )
    if keys:
        diff.other.append("descriptor metadata changed: " + ", ".join(f"`{k}`" for k in keys))
        diff.reasons["patch"].append("the descriptor's metadata changed")


def _check_version(diff: PackageDiff, released: dt.date | None) -> str:
    """Check the bump against the changes; return the version this change should publish."""
    old, new = _parse(diff.old.version), _parse(diff.new.version)
    required = diff.required
    if new < old:
        diff.problems.append(
            f"the version went back from {diff.old.version} to {diff.new.version}; versions only go up"
        )
        return bump(diff.old.version, required or "patch")
    made = _level(old, new)
    if made:
        _check_created(diff, released)
    if required is None or (made is not None and LEVELS.index(made) >= LEVELS.index(required)):
        return diff.new.version
    wanted = bump(diff.old.version, required)
    why = "; ".join(diff.reasons[required])
    now = "is still" if made is None else "only went to"
    diff.problems.append(
        f"{_at(diff.new, 'version')}the data changed but the version {now} {diff.new.version}: "
        f"this is a {required} release "
        f'({why}), so bump the {required} part: set "version" in {DESCRIPTOR} to {wanted}, '
        f"and add a section for {wanted} to CHANGELOG.md"
    )
    return wanted


def _check_created(diff: PackageDiff, released: dt.date | None) -> None:
    """A new version's `created` is its release day: the day of the commit that first carries it (a
    day either side for time zones), and never before the previous version's."""
    created, before = diff.new.created, diff.old.created
    stamp = diff.new.descriptor.get("created", "")
    if created is None:
        diff.problems.append(
            f'{_at(diff.new, "created")}"created" is missing or not a date; write the release day'
        )
    elif before is not None and created < before:
        diff.problems.append(
            f'{_at(diff.new, "created")}"created" says {stamp}, before {before.isoformat()}, the day of '
            f"{diff.old.version}: set it to the day this version is committed"
        )
    elif released is not None and abs((created - released).days) > 1:
        diff.problems.append(
            f'{_at(diff.new, "created")}"created" says {stamp}, but the commit that releases {diff.new.version} '
            f'is dated {released.isoformat()}: set it to "{released.isoformat()}T00:00:00Z" '
            "(the footer and CITATION.cff show this date)"
        )


def _note_renames(diff: PackageDiff) -> None:
    """A removed id and an added id with the same number as printed, unit and topic are most likely a
    rename: say so, since ids are cited and a page may still use the old one."""
    for gone in diff.removed:
        for new in diff.added:
            if (gone.as_printed, gone.unit, gone.topic) == (new.as_printed, new.unit, new.topic):
                diff.renames.append(
                    f"`{gone.id}` was removed and `{new.id}` added with the same number, unit and topic: "
                    f"a rename? Ids are cited, so keep `{gone.id}` unless it was wrong, and change every "
                    f'`fig("{gone.id}")` in docs/ (make validate lists them)'
                )


def _check_corrections(diff: PackageDiff, version: str) -> None:
    """Every changed value needs a new correction row, carrying the version that publishes it."""
    explained = {(c.figure, c.field) for c in diff.corrections_added}
    for change, row in _values_without_correction(diff, explained):
        diff.problems.append(
            f"{FIGURES_CSV}:{row}:value: `{change.figure}` changed from {change.old} to {change.new} "
            f"without a correction: {CORRECTIONS_CSV}: add a row with id={change.figure}-revision, "
            f"figure={change.figure}, field=value, printed={change.old.replace(',', '')}, "
            f"used={change.new.replace(',', '')}, kind=revision, "
            f"reason=(what was wrong, and the evidence), date={_release_day(diff)}, "
            f"version={version}, reference=(the issue or pull request), reason_ko=(the reason in Korean), "
            "reference_ko=(the reference in Korean); `make correct` and `make release` write it for you"
        )
    for correction in diff.corrections_added:
        if correction.version != version:
            diff.problems.append(
                f"{CORRECTIONS_CSV}:{correction.row}:version: the new correction `{correction.id}` "
                f"says version {correction.version}, but this change publishes version {version}; "
                f"write {version}"
            )


def _at(package: Package, key: str) -> str:
    """`datapackage/datapackage.json:LINE:key: `, the place of a descriptor key, as editors link it."""
    lines = package.path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith(f'"{key}"')), 1)
    return f"{DESCRIPTOR}:{line}:{key}: "


def _release_day(diff: PackageDiff) -> str:
    """The day to write on a correction: the new version's `created`, once it is set."""
    created, before = diff.new.created, diff.old.created
    return created.isoformat() if created and created != before else "(the release day, YYYY-MM-DD)"


def markdown(diff: PackageDiff, old_name: str, new_name: str) -> str:
    """The report a reviewer reads: every change as a list or a table, then what blocks the release."""
    lines = [f"## Data package: {_e(old_name)} → {_e(new_name)}", ""]
    if diff.empty:
        lines.append(f"No changes: both are version {diff.new.version} with the same data.")
        return "\n".join(lines) + "\n"
    versions = [diff.old.version, diff.new.version]
    bump = _level(*map(_parse, versions)) if all(SEMVER.fullmatch(v) for v in versions) else None
    lines.append(
        f"**Version:** {diff.old.version} → {diff.new.version}"
        + (f" ({bump} release)" if bump else " (unchanged)")
        + (f"; the changes call for at least a {diff.required} release." if diff.required else ".")
    )
    lines.append("")
    if diff.changed:
        rows = [(f"`{c.figure}`", c.field, *_marked(c)) for c in diff.changed]
        lines += _table(
            f"Figures changed ({len({c.figure for c in diff.changed})})",
            ("Figure", "Field", "Old", "New"),
            rows,
            inert=False,
        )
    shared = same_sentence(diff)
    if shared:
        lines += [
            f"### Other figures quoting a changed sentence ({len(shared)})",
            "",
            *(
                f"- `{other}` quotes the sentence `{changed}` quoted before, unchanged: "
                "check whether its quote should change too"
                for changed, other in shared
            ),
            "",
        ]
    if diff.added:
        rows = [(f"`{f.id}`", f.label, f.text(), f.as_printed) for f in diff.added]
        lines += _table(
            f"Figures added ({len(diff.added)})", ("Figure", "Label", "Value", "As printed"), rows
        )
    if diff.removed:
        rows = [(f"`{f.id}`", f.label, f.text()) for f in diff.removed]
        lines += _table(f"Figures removed ({len(diff.removed)})", ("Figure", "Label", "Value"), rows)
    if diff.outcomes:
        rows = [(f"`{o.check}`", o.old, o.new) for o in diff.outcomes]
        lines += _table(
            f"Checks whose outcome changed ({len(diff.outcomes)})", ("Check", "Before", "After"), rows
        )
    for title, corrections in (
        ("Corrections added", diff.corrections_added),
        ("Corrections removed", diff.corrections_removed),
    ):
        if corrections:
            rows = [
                (
                    f"`{c.id}`",
                    f"`{c.figure}`",
                    c.field,
                    c.printed,
                    c.used,
                    c.kind,
                    c.version or "not released yet",
                    c.reason,
                    c.reference or "",
                )
                for c in corrections
            ]
            headers = (
                "Correction",
                "Figure",
                "Field",
                "Printed or old",
                "Used",
                "Kind",
                "Version",
                "Reason",
                "Reference",
            )
            lines += _table(f"{title} ({len(corrections)})", headers, rows)
    waiting = [c for c in diff.new.changes if c.path not in {o.path for o in diff.old.changes}]
    if waiting:
        lines += [f"### Changes waiting for the release ({len(waiting)})", ""]
        lines += [
            f"- `{_e(c.path)}`: {_e(c.entry)}"
            + ("" if c.entry_ko else " (its Korean is written at the release)")
            for c in waiting
        ]
        lines.append("")
    if diff.other or diff.renames:
        lines += ["### Other changes", "", *(f"- {_e(item)}" for item in diff.other + diff.renames), ""]
    if diff.problems:
        lines += ["### Problems to fix before merging", "", *(f"- {_e(p)}" for p in diff.problems), ""]
    return "\n".join(lines)


def _table(
    title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], inert: bool = True
) -> list[str]:
    """A Markdown table; its cells made inert unless the caller did (`_marked`)."""
    cell = _e if inert else str
    return [
        f"### {title}",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
        *("| " + " | ".join(cell(c) for c in row) + " |" for row in rows),
        "",
    ]


def _marked(change: FieldChange) -> tuple[str, str]:
    """The old and new text of a changed field, inert, with the words that changed marked: ~~gone~~ in
    the old, **new** in the new (only where a few words of a longer text changed)."""
    old, new = change.old.split(" "), change.new.split(" ")
    if len(old) < 4 and len(new) < 4:
        return _e(change.old), _e(change.new)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    before, after = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, added = _e(" ".join(old[i1:i2])), _e(" ".join(new[j1:j2]))
        if tag == "equal":
            before.append(gone), after.append(added)
            continue
        if gone:
            before.append(f"~~{gone}~~")
        if added:
            after.append(f"**{added}**")
    return " ".join(before), " ".join(after)


def same_sentence(diff: PackageDiff) -> list[tuple[str, str]]:
    """(changed figure, other figure) where a figure's quote changed and another figure of the new
    package still quotes the old sentence: the same sentence, most likely, with the old number."""
    pairs = []
    for change in diff.changed:
        if change.field != "quote" or not change.old:
            continue
        for figure in diff.new.figures.values():
            if figure.id != change.figure and figure.quote == change.old:
                pairs.append((change.figure, figure.id))
    return pairs


def _e(text: str) -> str:
    """Data text made inert in a Markdown table: HTML-escaped, pipes escaped, on one line."""
    return html.escape(str(text), quote=False).replace("|", "\\|").replace("\n", " ")


def _korean(columns: set[str]) -> set[str]:
    """The Korean twins among a table's columns."""
    return {c for c in columns if c.endswith("_ko")}


def _fields(item, columns: set[str]) -> dict:
    """A record's fields that both versions' schemas have, so a new column does not mark every row changed."""
    return {
        name: getattr(item, name)
        for name in [*item.__dataclass_fields__, *sorted(columns)]
        if name in columns and (name in item.__dataclass_fields__ or is_translation(name))
    }


def _without_row(item):
    return dataclasses.replace(item, row=0) if hasattr(item, "row") else item


# What a schema says in words, not what it constrains: a title, a description, and their Korean twins.
SCHEMA_WORDING = ("title", "description")


def _without_words(value: object) -> object:
    """A schema without its wording (titles, descriptions and their Korean twins), at any depth."""
    if isinstance(value, dict):
        return {
            k: _without_words(v)
            for k, v in value.items()
            if not k.endswith("_ko") and k not in SCHEMA_WORDING
        }
    if isinstance(value, list):
        return [_without_words(v) for v in value]
    return value


def _schemas(package: Package) -> dict[str, object]:
    return {r["name"]: r.get("schema") for r in package.descriptor.get("resources", [])}


def _metadata(package: Package) -> dict[str, object]:
    skip = {"version", "created", "resources"}
    return {k: v for k, v in package.descriptor.items() if k not in skip}


def _parse(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch


def _level(old: tuple[int, int, int], new: tuple[int, int, int]) -> str | None:
    """Which part a version change bumped, or None when it did not go up."""
    if new <= old:
        return None
    if new[0] > old[0]:
        return "major"
    return "minor" if new[1] > old[1] else "patch"


def bump(version: str, level: str) -> str:
    """The version after `version` when `level` ('major', 'minor' or 'patch') is bumped."""
    major, minor, patch = _parse(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"
