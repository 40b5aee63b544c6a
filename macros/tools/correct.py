"""`make correct`: a correction as one command. The contributor gives what needs a person (the figure,
the new value or printed form, the reason and the reference); this writes the figure's row of
figures.csv and one change file in changes/ with the correction row and the changelog entry, everything
in them derived (printed, used, kind, id, the entry's words). The version, dates, corrections.csv,
CHANGELOG.md and CITATION.cff wait for the release step (`release_step.py`), so two corrections made
from the same main touch different lines and files and merge cleanly.

Nothing is written unless the result loads: a mistyped id or a value that does not parse is told,
located and with a did-you-mean, before any file changes; a result the rules refuse is undone.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from ..data.changes import CHANGES, SUFFIX
from ..data.figure import Figure
from ..data.package import Package, load_package, repository_root
from ..data.printed import read_number
from ..data.problem import PackageError, Refused, did_you_mean, display_path
from ..data.unit import same_number
from ..data.words import plain

DIGITS = re.compile(r"-?[0-9][0-9,]*(\.[0-9]+)?")
HEADER = (
    "# Not released yet: `make release` moves the correction into corrections.csv and the entry into\n"
    "# CHANGELOG.md, gives both the version and the day, and deletes this file. The Korean (entry_ko,\n"
    "# reason_ko, reference_ko) may stay empty: the maintainer writes it before the release.\n"
)


class CorrectionError(Refused):
    """What is wrong with the request, one located line each; nothing was written."""


@dataclass(frozen=True)
class Request:
    """What a person gives: the figure and the new value or printed form, the reason and the evidence."""

    figure: str
    value: str = ""
    printed: str = ""
    quote: str = ""
    reason: str = ""
    reference: str = ""
    reason_ko: str = ""
    reference_ko: str = ""
    entry_ko: str = ""


@dataclass(frozen=True)
class Written:
    figure: Figure  # as it was
    cells: dict[str, str]  # the cells of its row that changed, as written
    change: Path
    document: dict

    def report(self) -> list[str]:
        """What was written, as the command prints it."""
        row = f"{display_path(self.figure_path)}:{self.figure.row}"
        lines = [
            f"{row}: `{self.figure.id}` {column} {self.old(column)} → {value}"
            for column, value in self.cells.items()
            if column != "quote"
        ]
        if "quote" in self.cells and "as_printed" in self.cells:
            lines.append(f"{row}: `{self.figure.id}` quote now holds {self.cells['as_printed']}")
        elif "quote" in self.cells:
            lines.append(f"{row}: `{self.figure.id}` quote replaced (a wording change: a patch release)")
        correction = self.document.get("correction")
        what = f"the correction `{correction['id']}` ({correction['kind']}) and " if correction else ""
        lines.append(f"{display_path(self.change)}: {what}its changelog entry, for the next release")
        return lines

    def files(self) -> list[str]:
        """The files written, as a contributor commits them."""
        return [display_path(self.figure_path), display_path(self.change)]

    def old(self, column: str) -> str:
        """The cell as figures.csv held it."""
        return self.figure.cell(column).replace(",", "") if column == "value" else self.figure.cell(column)

    @property
    def figure_path(self) -> Path:
        return self.change.parent.parent / "datapackage" / "data" / "figures.csv"


def correct(request: Request, descriptor: Path) -> Written:
    """Write the correction, or raise CorrectionError naming each wrong input (nothing written)."""
    try:
        package = load_package(descriptor)
    except PackageError as error:
        raise CorrectionError(
            [*map(str, error.problems), "make correct: the package must load first; fix the lines above"]
        ) from None
    figure = _figure(package, request.figure)
    value, printed = _new_value(request, figure)
    quote = _new_quote(request, figure, printed)
    missing = [
        f"{name.upper()}: missing: {why}"
        for name, why in (
            ("reason", 'what was wrong and how you know, in a sentence (REASON="…")'),
            (
                "reference",
                'where the evidence is: the place in the source, the issue or pull request (REFERENCE="…")',
            ),
        )
        if not getattr(request, name).strip()
    ]
    if missing:
        raise CorrectionError(missing)

    cells = {}
    if not same_number(value, figure.value):
        cells["value"] = plain(value, 6).replace(",", "")
    if printed != figure.as_printed:
        cells["as_printed"] = printed
    if quote != (figure.quote or ""):
        cells["quote"] = quote
    if not cells:
        raise CorrectionError(
            [
                f"FIGURE={figure.id}: the value, the printed form and the quote are already these; nothing to correct"
            ]
        )

    correction = None
    if "value" in cells:
        reading = read_number(printed)
        typo = reading is None or not same_number(reading.number, value)
        kind = "release-typo" if typo else "revision"
        correction = {
            "id": _free_id(package, f"{figure.id}-{'typo' if typo else 'revision'}"),
            "figure": figure.id,
            "field": "value",
            "printed": printed if typo else figure.cell("value").replace(",", ""),
            "used": cells["value"],
            "kind": kind,
            "reason": request.reason.strip(),
            "reference": request.reference.strip(),
            "reason_ko": request.reason_ko.strip(),
            "reference_ko": request.reference_ko.strip(),
        }
    document = {"entry": _entry(figure, value, printed, correction, request.reason.strip(), cells)}
    document["entry_ko"] = request.entry_ko.strip()
    if correction:
        document["correction"] = correction
    name = (
        correction["id"] if correction else f"{figure.id}-{'printed' if 'as_printed' in cells else 'quote'}"
    )
    root = repository_root(descriptor)
    change = root / CHANGES / f"{name}{SUFFIX}"
    if change.exists():
        raise CorrectionError(
            [f"{display_path(change)}: already waits for the release; edit it, or remove it first"]
        )

    figures = package.tables["figures"].path
    figures_file = Path(descriptor).parent / "data" / "figures.csv"
    before = figures_file.read_bytes()
    try:
        figures_file.write_bytes(_with_cells(before, figure.row, package.columns("figures"), cells))
        change.parent.mkdir(exist_ok=True)
        change.write_text(HEADER + _yaml(document), encoding="utf-8")
        load_package(descriptor)
    except PackageError as error:
        figures_file.write_bytes(before)
        change.unlink(missing_ok=True)
        raise CorrectionError(
            [
                *map(str, error.problems),
                f"make correct: the correction was not written ({figures} is as it was)",
            ]
        ) from None
    return Written(figure, cells, change, document)


def _figure(package: Package, figure_id: str) -> Figure:
    path = package.tables["figures"].path
    if not figure_id:
        raise CorrectionError(
            [f"FIGURE: missing: the id of the figure to correct, as in {path} (FIGURE=smart-factories)"]
        )
    if figure_id not in package.figures:
        raise CorrectionError(
            [
                f"FIGURE={figure_id}: no figure with this id in {path}{did_you_mean(figure_id, package.figures)}"
            ]
        )
    figure = package.figures[figure_id]
    if figure.value is None or figure.unit.display == "date":
        raise CorrectionError(
            [
                f"FIGURE={figure_id}: a {figure.unit.display or 'text'} figure has no number to correct; edit {path} row {figure.row} by hand"
            ]
        )
    return figure


def _new_value(request: Request, figure: Figure) -> tuple[float, str]:
    """The new value in base units and the printed form: given, or one derived from the other."""
    printed = request.printed.strip() or figure.as_printed
    if request.value.strip():
        text = request.value.strip()
        try:
            if not DIGITS.fullmatch(text):
                raise InvalidOperation
            value = float(Decimal(text.replace(",", "")))
        except InvalidOperation:
            raise CorrectionError(
                [
                    f"VALUE={text}: not a number; write the value in base units, digits only, as the value "
                    f"column does (`{figure.id}` is {figure.cell('value')})"
                ]
            ) from None
        return value, printed
    if not request.printed.strip():
        if request.quote.strip():
            # Only the quote changes: a wording change, the number stays.
            return figure.value, figure.as_printed
        raise CorrectionError(
            [
                f"VALUE, PRINTED, QUOTE: missing: give VALUE= (the number in base units, as figures.csv's value), "
                f"PRINTED= (the number exactly as the source prints it; `{figure.id}` is printed {figure.as_printed}), "
                'or QUOTE="…" alone (the source\'s sentence, when only the quote is wrong)'
            ]
        )
    reading = read_number(printed)
    if reading is None:
        raise CorrectionError(
            [f"PRINTED={printed}: does not read as a number; when the source misprints it, give VALUE= too"]
        )
    return reading.number, printed


def _new_quote(request: Request, figure: Figure, printed: str) -> str:
    """The quote given, or the figure's with its printed number replaced where it holds it once."""
    quote = figure.quote or ""
    if request.quote.strip():
        return request.quote.strip()
    if printed == figure.as_printed:
        return quote
    found = quote.count(figure.as_printed)
    if found != 1:
        raise CorrectionError(
            [
                f"QUOTE: missing: the quote of `{figure.id}` holds '{figure.as_printed}' {found} times, so the new "
                'printed form cannot replace it there; give the source\'s sentence as QUOTE="…"'
            ]
        )
    return quote.replace(figure.as_printed, printed)


def _free_id(package: Package, wanted: str) -> str:
    taken = {c.id for c in package.corrections}
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _entry(
    figure: Figure, value: float, printed: str, correction: dict | None, reason: str, cells: dict[str, str]
) -> str:
    """The changelog entry, in words a reader of the changelog needs."""
    reason = reason if reason.endswith(".") else reason + "."
    if correction is None and "as_printed" not in cells:
        return f"Corrected the quote of `{figure.id}`. {reason}"
    if correction is None:
        return f"`{figure.id}` is printed {printed}, not {figure.as_printed}. {reason}"
    if correction["kind"] == "release-typo":
        return (
            f"`{figure.id}` is read as {plain(value)}, where the source prints {printed} "
            f"(correction `{correction['id']}`). {reason}"
        )
    return f"Corrected `{figure.id}` from {figure.as_printed} to {printed}. {reason}"


def _with_cells(raw: bytes, row: int, columns: list[str], cells: dict[str, str]) -> bytes:
    """figures.csv with cells of one row replaced and every other line byte for byte as it was."""
    lines = raw.decode("utf-8").split("\n")
    (record,) = list(csv.reader([lines[row - 1]]))
    if record[0] != cells.get("id", record[0]) or len(record) != len(columns):
        raise CorrectionError([f"figures.csv:{row}: the row spans more than one line; edit it by hand"])
    for column, value in cells.items():
        record[columns.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(record)
    lines[row - 1] = out.getvalue()
    return "\n".join(lines).encode("utf-8")


def _yaml(document: dict) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)
