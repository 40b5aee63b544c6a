"""A spreadsheet user's download: an Excel workbook per edition that Excel-compatible readers open with
every value typed as in the package, every Hangul text intact, and its own description inside."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from macros.data.catalogue import tr
from macros.data.language import twins
from macros.data.package import load_package
from macros.pages.citation import package_citation
from macros.pages.workbook import workbook_name
from macros.tools.workbook import sheet_name

DOWNLOADS = Path("data") / "download"
EDITIONS = ("en", "ko")


def title(item: dict, lang: str) -> str:
    return item.get("title_ko" if lang == "ko" else "title") or item["title"]


def opened(built_site, lang: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(built_site.site / DOWNLOADS / workbook_name(lang))


def cell_value(value, kind: str):
    """A package value as a reader of the workbook gets it back (a date comes back as midnight)."""
    if kind == "date" and value is not None:
        return dt.datetime.combine(value, dt.time())
    return None if value == "" else value


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_resource_is_a_sheet_in_order_with_its_rows_and_typed_values(built_site, lang):
    package = load_package()
    book = opened(built_site, lang)
    resources = package.descriptor["resources"]
    assert book.sheetnames[1 : len(resources) + 1] == [title(r, lang) for r in resources]
    assert book.sheetnames[1] == title(resources[0], lang) and resources[0]["name"] == "figures"
    for resource in resources:
        sheet = book[title(resource, lang)]
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        rows = list(sheet.iter_rows())
        headers = [c.value for c in rows[0]]
        names = [next(n for n, f in fields.items() if title(f, lang) == h) for h in headers]
        assert sorted(names) == sorted(fields), resource["name"]
        for row, record in zip(rows[1:], package.tables[resource["name"]].rows, strict=True):
            for cell, name in zip(row, names, strict=True):
                kind = fields[name].get("type", "string")
                assert cell.value == cell_value(record[name], kind), (resource["name"], record["_row"], name)
                if cell.value is None:
                    continue
                if kind in ("number", "integer"):
                    assert cell.data_type == "n" and cell.number_format.startswith("#,##0")
                elif kind == "date":
                    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
                elif kind == "boolean":
                    assert cell.data_type == "b"
                else:
                    assert cell.data_type == "s", (resource["name"], name, cell.value)


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_table_sheet_keeps_its_header_in_view_and_filters_on_every_column(built_site, lang):
    book = opened(built_site, lang)
    for sheet in book.worksheets[1:]:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert all(cell.font.b for cell in sheet[1])


def test_a_value_keeps_its_printed_form_beside_it_and_shows_with_thousands_separators(built_site):
    package = load_package()
    sheet = opened(built_site, "en")["Figures"]
    headers = [c.value for c in sheet[1]]
    value, printed = headers.index("Value") + 1, headers.index("As printed") + 1
    budget = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "budget-invested")
    assert budget[value - 1].value == package.figures["budget-invested"].value == 10_100_000_000_000
    assert budget[value - 1].number_format == "#,##0"
    assert budget[printed - 1].value == package.figures["budget-invested"].as_printed
    share = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "smes-startups-share")
    assert share[value - 1].value == 95.3 and share[value - 1].number_format == "#,##0.0"


def test_each_text_stands_beside_its_twin_the_editions_own_language_first(built_site):
    package = load_package()
    english, korean = opened(built_site, "en")["Figures"], opened(built_site, "ko")["수치"]
    fields = {f["name"]: f for f in package.tables["figures"].fields}
    assert [c.value for c in english[1]][:4] == ["Identifier", "Topic", "Label", "Label (Korean)"]
    assert [c.value for c in korean[1]][:4] == ["식별자", "주제", "이름(한국어)", "이름"]
    for sheet, lang in ((english, "en"), (korean, "ko")):
        headers = [c.value for c in sheet[1]]
        for twin, name in twins(package.columns("figures")).items():
            first, second = (name, twin) if lang == "en" else (twin, name)
            assert headers.index(title(fields[second], lang)) == headers.index(title(fields[first], lang)) + 1
    assert korean.cell(2, 3).value == next(iter(package.figures.values())).label_ko


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_front_sheet_says_what_the_workbook_is_how_to_cite_it_and_what_each_sheet_holds(built_site, lang):
    package = load_package()
    book = opened(built_site, lang)
    front = book.worksheets[0]
    assert front.title == tr(lang, "About")
    text = "\n".join(str(c.value) for row in front.iter_rows() for c in row if c.value is not None)
    assert title(package.descriptor, lang) in text
    assert package_citation(package, None, lang) in text
    assert f"data/download/{package.version}/datapackage.json" in text
    assert package.outlined.attribution_in(lang) in text
    assert "creativecommons.org/licenses/by/4.0" in text
    listed = [row[0].value for row in front.iter_rows() if row[0].value in book.sheetnames]
    assert listed == book.sheetnames[1:]


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_last_sheet_describes_every_column_of_every_sheet_from_its_table_schema(built_site, lang):
    package = load_package()
    book = opened(built_site, lang)
    sheet = book.worksheets[-1]
    assert sheet.title == tr(lang, "Columns")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    described = {(r[0], r[2]): r for r in rows}
    for resource in package.descriptor["resources"]:
        for f in resource["schema"]["fields"]:
            row = described.pop((title(resource, lang), f["name"]))
            assert row[1] == title(f, lang)
            assert row[3].startswith(f.get("type", "string"))
            assert row[5] == (
                f.get("description_ko" if lang == "ko" else "description") or f.get("description")
            )
    assert described == {}


def test_a_title_excel_refuses_as_a_sheet_name_is_shortened_and_kept_unique():
    taken = set()
    assert sheet_name("Links: between [figures]?", taken) == "Links  between  figures"
    long = "A title much longer than the thirty-one characters Excel allows"
    assert sheet_name(long, taken) == long[:31]
    assert sheet_name(long, taken) == long[:27] + " (2)"


def test_a_text_that_looks_like_a_formula_stays_text(tmp_path):
    from macros.tools.workbook import Column, Sheet, write_workbook

    sheet = Sheet("T", [Column("a"), Column("n", "number")], [["=1+1", 3.0], ["0012", 1234.5]])
    (tmp_path / "t.xlsx").write_bytes(write_workbook([sheet], "t", "", "2026-01-02T00:00:00Z"))
    values = [[c.value for c in r] for r in openpyxl.load_workbook(tmp_path / "t.xlsx")["T"].iter_rows()]
    assert values == [["a", "n"], ["=1+1", 3], ["0012", 1234.5]]


def test_a_workbook_is_dated_by_the_package_not_the_clock(built_site):
    import zipfile

    package = load_package()
    for lang in EDITIONS:
        path = built_site.site / DOWNLOADS / workbook_name(lang)
        with zipfile.ZipFile(path) as archive:
            created = package.created
            assert {e.date_time for e in archive.infolist()} == {
                (created.year, created.month, created.day, 0, 0, 0)
            }
            core = archive.read("docProps/core.xml").decode()
        assert f'<dcterms:created xsi:type="dcterms:W3CDTF">{created.isoformat()}T00:00:00Z' in core
        assert f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created.isoformat()}T00:00:00Z' in core


# LibreOffice, the reader a user without Excel has: it must see the same workbook.

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CSV export filter: comma, double quote, UTF-8 (76), from row 1, quote every text cell, raw values
# (not as shown), every sheet to its own file (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"
FIELD = re.compile(r'("(?:[^"]|"")*"|[^,\n]*)(,|\n)')


def csv_rows(path: Path) -> list[list[tuple[bool, str]]]:
    """Each row's cells as (quoted, text): the export quotes text and leaves numbers bare."""
    rows, row = [], []
    for match in FIELD.finditer(path.read_text(encoding="utf-8")):
        raw = match.group(1)
        quoted = raw.startswith('"')
        row.append((quoted, raw[1:-1].replace('""', '"') if quoted else raw))
        if match.group(2) == "\n":
            rows.append(row)
            row = []
    return rows


@pytest.fixture(scope="module")
def libreoffice_csv(built_site, tmp_path_factory):
    """Both workbooks converted to CSV by headless LibreOffice in one call, a file per sheet."""
    if SOFFICE is None:
        pytest.fail("LibreOffice is not installed (apt-get install libreoffice-calc; .ci/run does it)")
    folder = tmp_path_factory.mktemp("libreoffice")
    books = [str(built_site.site / DOWNLOADS / workbook_name(lang)) for lang in EDITIONS]
    done = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(folder / "csv"),
            *books,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return folder / "csv"


@pytest.mark.parametrize("lang", EDITIONS)
def test_libreoffice_reads_every_sheet_with_hangul_intact_and_numbers_as_numbers(libreoffice_csv, lang):
    package = load_package()
    for resource in package.descriptor["resources"]:
        stem = workbook_name(lang).removesuffix(".xlsx")
        rows = csv_rows(libreoffice_csv / f"{stem}-{title(resource, lang)}.csv")
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        names = [next(n for n, f in fields.items() if title(f, lang) == text) for _, text in rows[0]]
        records = package.tables[resource["name"]].rows
        assert len(rows) - 1 == len(records), resource["name"]
        for row, record in zip(rows[1:], records, strict=True):
            for (quoted, text), name in zip(row, names, strict=True):
                value, kind = record[name], fields[name].get("type", "string")
                if value is None or value == "":
                    assert (quoted, text) == (False, ""), (resource["name"], name)
                elif kind in ("number", "integer"):
                    assert not quoted and float(text) == value, (resource["name"], name, text)
                elif kind == "date":
                    assert not quoted and text == value.isoformat()
                elif kind == "boolean":
                    assert not quoted and text == str(value).upper()
                else:
                    assert quoted and text == value, (resource["name"], name, text)
    korean = csv_rows(
        libreoffice_csv
        / f"{workbook_name(lang).removesuffix('.xlsx')}-{title(package.descriptor['resources'][0], lang)}.csv"
    )
    labels = {text for row in korean for _, text in row}
    assert {f.label_ko for f in package.figures.values()} <= labels
