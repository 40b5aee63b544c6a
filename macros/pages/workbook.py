"""The Excel workbook of each edition: a front sheet that says what it is, the resources' sheets
(`macros/tools/workbook.py`), and a sheet describing every column from the Table Schemas.

Everything a reader sees is in the edition's language: the sheet names and headers are the
descriptor's titles (`title_ko` in Korean), the words around them go through `tr`, and in Korean a
text column with a Korean twin shows the twin first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.language import LANGUAGES
from ..data.package import Package
from ..data.words import day_words, language_words, plain
from ..tools.export import Download
from ..tools.releases import History, Release, descriptor_address
from ..tools.workbook import Column, Sheet, field_text, ordered_columns, resource_sheets, write_workbook
from .citation import authors, package_citation, site_address, title
from .i18n import N_, tr

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FRONT = N_("About")
COLUMNS = N_("Columns")
WORKBOOK_TITLE = N_(
    "The whole package as an Excel workbook in {language} (a sheet per table, and one describing every column)"
)


@dataclass(frozen=True)
class Workbook(Download):
    """A workbook as a download: its title names its edition's language in the reader's."""

    edition: str = LANGUAGES[0]

    def title_in(self, lang: str) -> str:
        return tr(lang, self.title).format(language=language_words(self.edition, lang))


def workbook_name(lang: str) -> str:
    """The workbook's file name: `datapackage-en.xlsx`, `datapackage-ko.xlsx`."""
    return f"datapackage-{lang}.xlsx"


def workbook(package: Package, lang: str, site_url: str | None = None) -> bytes:
    """The workbook of one edition, the same bytes for the same package, code and site address."""
    taken = {tr(lang, FRONT), tr(lang, COLUMNS)}
    data = resource_sheets(package, lang, taken)
    sheets = [_front(package, lang, site_url, data), *data, _columns(package, lang, data)]
    return write_workbook(
        sheets, title(package, lang), authors(package, lang=lang), package.descriptor.get("created")
    )


_made: dict[tuple[int, str | None], tuple[Package, list[Download]]] = {}


def workbooks(package: Package, site_url: str | None = None) -> list[Download]:
    """Both editions' workbooks as downloads, English then Korean (made once per loaded package)."""
    made = _made.get((id(package), site_url))
    if made and made[0] is package:
        return made[1]
    files = [
        Workbook(
            workbook_name(lang),
            WORKBOOK_TITLE,
            MEDIA_TYPE,
            workbook(package, lang, site_url),
            from_records=True,
            edition=lang,
        )
        for lang in LANGUAGES
    ]
    _made.clear()
    _made[(id(package), site_url)] = (package, files)
    return files


def version_workbooks(
    history: History, release: Release, package: Package, site_url: str | None = None
) -> list[tuple[str, bytes]]:
    """A version's workbooks at its stable address: as its release commit's writer made them, from the
    working tree for the version not committed yet, none for a version released before workbooks."""
    if release.commit is None:
        return [(f"{release.folder}/{d.path}", d.content) for d in workbooks(package, site_url)]
    return history.workbooks(release)


def _front(package: Package, lang: str, site_url: str | None, data: list[Sheet]) -> Sheet:
    """What the workbook is: title, version and date, licence and attribution, how to cite it, the
    descriptor's address, and which sheet holds what."""
    d = package.descriptor
    day = day_words(package.created, lang) if package.created else ""
    release = package.outlined
    licences = "; ".join(
        f"{field_text(item, 'title', lang) or item.get('name')} ({item['path']})"
        if item.get("path")
        else field_text(item, "title", lang) or item.get("name", "")
        for item in d.get("licenses", [])
    )
    descriptor = site_address(descriptor_address(package.version), site_url)
    printed = next(
        field_text(f, "title", lang) for f in package.tables["figures"].fields if f["name"] == "as_printed"
    )
    rows = [
        [tr(lang, "Title"), title(package, lang)],
        [tr(lang, "Version"), tr(lang, "{version}, {date}").format(version=package.version, date=day)],
        [tr(lang, "Description"), field_text(d, "description", lang)],
        [tr(lang, "Licence of the package"), licences],
        [
            tr(lang, "The release it reuses"),
            f"{release.publisher_in(lang)}, {release.title_in(lang)}. {release.licence_in(lang)}",
        ],
        [tr(lang, "Attribution"), release.attribution_in(lang)],
        [tr(lang, "How to cite"), package_citation(package, site_url, lang)],
        [tr(lang, "The package descriptor"), descriptor],
        [
            tr(lang, "Values"),
            tr(
                lang,
                "Values are numbers in base units (won, not trillion won); the column “{printed}” keeps "
                "each number as the release prints it. An empty cell is empty in the data.",
            ).format(printed=printed),
        ],
        ["", ""],
        [tr(lang, "Sheet"), tr(lang, "What it holds")],
        *(
            [
                sheet.name,
                tr(lang, "{description} Rows: {rows}.").format(
                    description=field_text(_resource(package, sheet.resource), "description", lang),
                    rows=plain(len(sheet.rows), lang=lang),
                ),
            ]
            for sheet in data
        ),
        [
            tr(lang, COLUMNS),
            tr(lang, "Every column of every sheet: its name in the CSV file, type and meaning"),
        ],
    ]
    columns = [Column(tr(lang, "Item"), width=24), Column(tr(lang, "Details"), width=100)]
    return Sheet(tr(lang, FRONT), columns, rows, table=False, wrap=True)


def _columns(package: Package, lang: str, data: list[Sheet]) -> Sheet:
    """Every column of every resource sheet, from its Table Schema."""
    yes, no = tr(lang, "yes"), tr(lang, "no")
    rows = []
    for sheet in data:
        fields = {f["name"]: f for f in package.tables[sheet.resource].fields}
        for name in ordered_columns(list(fields), lang):
            f = fields[name]
            kind = f.get("type", "string") + (f" ({f['format']})" if f.get("format") else "")
            required = yes if f.get("constraints", {}).get("required") else no
            rows.append(
                [
                    sheet.name,
                    field_text(f, "title", lang) or name,
                    name,
                    kind,
                    required,
                    field_text(f, "description", lang),
                ]
            )
    headers = [
        Column(tr(lang, "Sheet")),
        Column(tr(lang, "Header")),
        Column(tr(lang, "Column in the CSV file")),
        Column(tr(lang, "Type")),
        Column(tr(lang, "Required")),
        Column(tr(lang, "Description"), width=90),
    ]
    return Sheet(tr(lang, COLUMNS), headers, rows)


def _resource(package: Package, name: str) -> dict:
    return next(r for r in package.descriptor["resources"] if r["name"] == name)
