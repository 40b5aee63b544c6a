"""Read one CSV resource against its Table Schema with the standard library.

The build reads the package on every page change, so this path stays fast; `make validate`
adds frictionless' full validation on top. Every fault becomes a Problem with file, row, field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .language import PATTERN_HINTS
from .problem import Problem, display_path

NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Table:
    """The typed rows of one resource; `rows[i]['_row']` is the spreadsheet row number."""

    name: str
    path: str
    fields: list[dict]
    primary_key: list[str]
    foreign_keys: list[dict]
    rows: list[dict[str, Any]]


def read_table(base: Path, resource: dict, problems: list[Problem]) -> Table:
    """Decode, parse and type a resource; append what is wrong to `problems`."""
    path = base / resource["path"]
    shown = display_path(path)
    schema = resource.get("schema", {})
    fields = schema.get("fields", [])
    names = [f["name"] for f in fields]
    fk = schema.get("foreignKeys", [])
    table = Table(resource["name"], shown, fields, schema.get("primaryKey", []), fk, [])

    def fail(row: int, field: str, message: str) -> None:
        problems.append(Problem(shown, row, field, message))

    try:
        raw = path.read_bytes()
    except OSError as error:
        fail(1, "-", f"cannot read the file ({error.strerror})")
        return table
    if not raw.strip():
        fail(1, names[0] if names else "-", "the file is empty; it needs the header row: " + ",".join(names))
        return table
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(
            1,
            names[0] if names else "-",
            "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
        )
        raw = raw[3:]
    if b"\r" in raw:
        line = raw[: raw.index(b"\r")].count(b"\n") + 1
        fail(
            line,
            names[-1] if names else "-",
            "line ends with a carriage return (CRLF, Windows line ends); save the file with LF line ends",
        )
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        text, bad_bytes = raw.decode("utf-8"), False
    except UnicodeDecodeError:
        text, bad_bytes = raw.decode("utf-8", errors="replace"), True

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        fail(
            reader.line_num,
            "-",
            f"the CSV cannot be parsed ({error}); look for a stray or unbalanced double quote",
        )
        return table

    header, body = records[0], records[1:]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        for name in missing:
            fail(1, name, f"column '{name}' is missing; the header must be: " + ",".join(names))
        for name in extra:
            fail(
                1,
                name or "-",
                f"column '{name}' is not in the schema; the header must be: " + ",".join(names),
            )
        if not missing and not extra:
            fail(1, header[0], "the columns are out of order; the header must be: " + ",".join(names))
        return table

    unique_seen: dict[str, dict[Any, int]] = {
        f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")
    }
    for index, record in enumerate(body, start=2):
        if record == []:
            fail(index, "-", "the row is blank; delete it")
            continue
        if len(record) != len(names):
            where = names[len(record)] if len(record) < len(names) else names[-1]
            fail(
                index,
                where,
                f"the row has {len(record)} cells but the header has {len(names)}; a comma or a double quote is probably missing or extra",
            )
            continue
        row: dict[str, Any] = {"_row": index}
        for field, cell in zip(fields, record, strict=True):
            if bad_bytes and "\ufffd" in cell:
                fail(index, field["name"], "the cell holds a byte that is not UTF-8; save the file as UTF-8")
                row[field["name"]] = None
                continue
            value, message = _cast(field, cell, schema.get("missingValues", [""]))
            if message:
                fail(index, field["name"], message)
            row[field["name"]] = value
            seen = unique_seen.get(field["name"])
            if seen is not None and value is not None:
                if value in seen:
                    fail(
                        index,
                        field["name"],
                        f"'{cell}' is already used in row {seen[value]}; it must be unique",
                    )
                else:
                    seen[value] = index
        table.rows.append(row)
    return table


def _cast(field: dict, cell: str, missing: list[str]) -> tuple[Any, str | None]:
    """Type one cell and test its constraints; return the value and what is wrong, if anything."""
    constraints = field.get("constraints", {})
    if cell in missing:
        if constraints.get("required"):
            return None, "the cell is empty but a value is required"
        return None, None
    if cell != cell.strip():
        return None, f"'{cell}' has leading or trailing spaces"
    kind = field.get("type", "string")
    value: Any = cell
    if kind == "number":
        if not NUMBER.fullmatch(cell):
            return (
                None,
                f"'{cell}' is not a number (write digits with a dot for decimals, no thousands separators)",
            )
        value = float(cell)
    elif kind == "integer":
        if not INTEGER.fullmatch(cell):
            return None, f"'{cell}' is not a whole number"
        value = int(cell)
    elif kind == "boolean":
        if cell not in ("true", "false"):
            return None, f"'{cell}' is not true or false"
        value = cell == "true"
    elif kind == "date":
        try:
            if not DATE.fullmatch(cell):
                raise ValueError
            value = dt.date.fromisoformat(cell)
        except ValueError:
            return None, f"'{cell}' is not a date (YYYY-MM-DD)"
    elif field.get("format") == "uri" and not re.match(r"https?://[^\s]+$", cell):
        return None, f"'{cell}' is not a web address"
    if "enum" in constraints and value not in constraints["enum"]:
        return None, f"'{cell}' is not one of: " + ", ".join(constraints["enum"])
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], cell):
        hint = PATTERN_HINTS.get(constraints["pattern"])
        return None, f"'{cell}' " + (hint or f"does not match the pattern {constraints['pattern']}")
    if "minimum" in constraints and value < constraints["minimum"]:
        return None, f"{cell} is below the minimum {constraints['minimum']}"
    if "maximum" in constraints and value > constraints["maximum"]:
        return None, f"{cell} is above the maximum {constraints['maximum']}"
    if "minLength" in constraints and len(cell) < constraints["minLength"]:
        return None, f"'{cell}' is shorter than {constraints['minLength']} characters"
    if "maxLength" in constraints and len(cell) > constraints["maxLength"]:
        return None, f"the text is longer than {constraints['maxLength']} characters"
    return value, None
