"""The package as an Excel workbook: one sheet per resource, typed cells, and byte-identical output.

Excel opens a UTF-8 CSV without a byte-order mark in the system's legacy code page, so on a Korean
Windows machine the Hangul columns of the CSV files come out garbled; a workbook carries its own
encoding. This module makes the sheets of the resources from the loaded package (`resource_sheets`)
and writes any list of sheets with XlsxWriter (`write_workbook`): a number is a number with a display
format, a date a date, a yes/no a boolean, and every other value text, never a formula. The words
around the data (the front sheet, the column sheet) are the page layer's (`macros/pages/workbook.py`).

Two runs give the same bytes: the document's dates are the package's `created`, and the archive's
entries carry a fixed date and a fixed order.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import re
import zipfile
from dataclasses import dataclass, field

from ..data.language import LANGUAGES, column, twins
from ..data.package import Package
from .export import beside_twins

# How each Table Schema type is written into a cell.
CELL_KINDS = {"number": "number", "integer": "integer", "date": "date", "boolean": "boolean"}
TEXT = "text"
DATE_FORMAT = "yyyy-mm-dd"
MAX_WIDTH = 60
# Characters that take two widths: CJK and everything after it (Hangul among them).
WIDE = re.compile("[\u2e80-\U0010ffff]")
ROW_HEIGHT = 15  # points, a line of the default font
# Excel's limits on a sheet name: 31 characters, none of these.
SHEET_NAME_LENGTH = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT  # text, number, integer, date, boolean
    name: str = ""  # the column's name in the CSV file, when it has one
    width: float | None = None  # None: fitted to the content


@dataclass
class Sheet:
    """A sheet: a header row (frozen and filterable when `table`), then one row per record."""

    name: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    table: bool = True
    resource: str = ""  # the resource it shows, if any
    wrap: bool = False  # wrap long text (the front sheet) instead of one line per row


def sheet_name(title: str, taken: set[str]) -> str:
    """A title as Excel accepts a sheet name: no []:*?/\\, at most 31 characters, unique."""
    name = SHEET_NAME_FORBIDDEN.sub(" ", title).strip() or "Sheet"
    name = name[:SHEET_NAME_LENGTH]
    base, n = name, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name, n = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def ordered_columns(columns: list[str], lang: str) -> list[str]:
    """A resource's columns in the order a sheet shows them: the schema's, each text's translations
    right after it (label, label_ko), and in another language than English its own twin first
    (label_ko, label)."""
    ordered = beside_twins(columns)
    if lang == LANGUAGES[0]:
        return ordered
    for twin, english in twins(columns, lang).items():
        ordered.remove(twin)
        ordered.insert(ordered.index(english), twin)
    return ordered


def field_text(item: dict, key: str, lang: str) -> str:
    """A descriptor's text (`title`, `description`) in a language, the English where it has none."""
    return item.get(column(key, lang)) or item.get(key) or ""


def resource_sheets(package: Package, lang: str, taken: set[str] | None = None) -> list[Sheet]:
    """One sheet per resource of the descriptor, in its order (figures first), from the loaded
    package's typed rows; the sheet and headers are the resource's and fields' titles in `lang`."""
    taken = set() if taken is None else taken
    sheets = []
    for resource in package.descriptor["resources"]:
        table = package.tables[resource["name"]]
        fields = {f["name"]: f for f in table.fields}
        names = ordered_columns(list(fields), lang)
        columns = [
            Column(
                field_text(fields[n], "title", lang) or n,
                CELL_KINDS.get(fields[n].get("type", "string"), TEXT),
                n,
            )
            for n in names
        ]
        rows = [[row.get(n) for n in names] for row in table.rows]
        title = field_text(resource, "title", lang) or resource["name"]
        sheets.append(Sheet(sheet_name(title, taken), columns, rows, resource=resource["name"]))
    return sheets


def _decimals(value: float) -> int:
    exponent = decimal.Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _width(column: Column, rows: list[list], index: int) -> float:
    """A column as wide as its header and longest value, Hangul counted double, within MAX_WIDTH."""
    if column.width is not None:
        return column.width

    widest = max([_length(column.header) + 3, *(_length(r[index]) for r in rows)], default=8)
    return float(min(max(widest + 1, 6), MAX_WIDTH))


def _length(value) -> int:
    """How many character widths a value takes on one line, a Hangul or other wide character two."""
    text = str(value) if value is not None else ""
    if isinstance(value, float):
        text = f"{value:,.{_decimals(value)}f}"
    if text.isascii() and "\n" not in text:
        return len(text)
    return max(len(line) + len(WIDE.findall(line)) for line in text.split("\n"))


def _lines(values: list, widths: list[float]) -> int:
    """How many lines the tallest cell of a wrapped row needs (readers do not fit row heights)."""
    return max(
        (-(-_length(v) // max(int(w) - 2, 1)) for v, w in zip(values, widths, strict=True) if v is not None),
        default=1,
    )


def write_workbook(sheets: list[Sheet], title: str, author: str, created: str | None) -> bytes:
    """The sheets as an .xlsx file: typed cells, a bold frozen and filterable header row on a table
    sheet, and the same bytes for the same sheets (document dates from `created`, fixed zip entries)."""
    import xlsxwriter

    moment = _moment(created)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    book.set_properties({"title": title, "author": author, "created": moment})
    header = book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
    # A number column's header stands over its right-aligned numbers.
    number_header = book.add_format(
        {"bold": True, "bottom": 1, "text_wrap": True, "valign": "top", "align": "right", "indent": 1}
    )
    top = book.add_format({"valign": "top"})
    wrapped = book.add_format({"valign": "top", "text_wrap": True})
    date = book.add_format({"num_format": DATE_FORMAT, "valign": "top", "align": "left"})
    numbers: dict[int, object] = {}

    def number_format(value: float):
        places = _decimals(value)
        if places not in numbers:
            pattern = "#,##0" + ("." + "0" * places if places else "")
            numbers[places] = book.add_format(
                {"num_format": pattern, "valign": "top", "align": "right", "indent": 1}
            )
        return numbers[places]

    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        text = wrapped if sheet.wrap else top
        widths = [_width(col, sheet.rows, c) for c, col in enumerate(sheet.columns)]
        for c, col in enumerate(sheet.columns):
            ws.set_column(c, c, widths[c])
            ws.write_string(0, c, col.header, number_header if col.kind in ("number", "integer") else header)
        ws.set_paper(9)  # A4
        if sheet.wrap:
            ws.fit_to_pages(1, 0)
        else:
            ws.set_landscape()
            ws.repeat_rows(0)
            ws.print_across()  # a page holds the first rows of every column before the next rows
        for r, values in enumerate(sheet.rows, start=1):
            if sheet.wrap and _lines(values, widths) > 1:
                ws.set_row(r, ROW_HEIGHT * _lines(values, widths))
            for c, (col, value) in enumerate(zip(sheet.columns, values, strict=True)):
                if value is None or value == "":
                    continue
                if col.kind in ("number", "integer") and isinstance(value, int | float):
                    ws.write_number(r, c, value, number_format(value))
                elif col.kind == "date" and isinstance(value, dt.date):
                    ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
                elif col.kind == "boolean" and isinstance(value, bool):
                    ws.write_boolean(r, c, value, top)
                else:
                    ws.write_string(r, c, str(value), text)
        if sheet.table:
            ws.freeze_panes(1, 0)
            ws.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.columns) - 1)
    book.close()
    return _fixed(buffer.getvalue(), moment)


def _moment(created: str | None) -> dt.datetime:
    """The package's creation time (UTC, without zone, as the document properties take it)."""
    stamp = dt.datetime.fromisoformat((created or "1980-01-01T00:00:00Z").replace("Z", "+00:00"))
    if stamp.tzinfo:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    return max(stamp, dt.datetime(1980, 1, 1))


def _fixed(archive: bytes, moment: dt.datetime) -> bytes:
    """The archive rewritten with every entry dated `moment`, in the writer's order, so the bytes do not
    depend on the clock or on the library's own choice of dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=moment.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            target.writestr(info, source.read(entry), compresslevel=9)
    return out.getvalue()
