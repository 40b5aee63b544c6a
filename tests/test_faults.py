"""What a contributor is told when the data is wrong: file, row and field, and nothing written.

Each case breaks one thing in a private copy of the package and expects exactly the problem that
names it. Row numbers are those a spreadsheet shows (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.package import load_package
from macros.data.problem import PackageError

pytestmark = pytest.mark.cost(15)

ROOT = Path(__file__).resolve().parents[1]


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def row_of(path: Path, key: str) -> int:
    """The spreadsheet row of the record whose first cell is `key`."""
    return next(i for i, row in enumerate(read_rows(path), start=1) if row and row[0] == key)


def set_cell(path: Path, key: str, column: str, value: str) -> int:
    rows = read_rows(path)
    index = rows[0].index(column)
    number = row_of(path, key)
    rows[number - 1][index] = value
    write_rows(path, rows)
    return number


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    target = tmp_path / "datapackage"
    shutil.copytree(ROOT / "datapackage", target)
    return target


def problems_of(pkg: Path) -> list:
    with pytest.raises(PackageError) as caught:
        load_package(pkg / "datapackage.json")
    return caught.value.problems


def expect(pkg: Path, file: str, row: int, field: str, words: str) -> None:
    found = problems_of(pkg)
    matching = [
        p for p in found if p.path.endswith(file) and p.row == row and p.field == field and words in p.message
    ]
    assert matching, f"no problem {file}:{row}:{field}: ...{words}...; got:\n" + "\n".join(map(str, found))


FIG = "data/figures.csv"


def cell_fault(file, key, column, value, field, words):
    """A fault made by changing one cell; the problem is expected on that row and column unless told otherwise."""

    def make(pkg):
        row = set_cell(pkg / file, key, column, value)
        return file, row, field or column, words

    return make


CELL_FAULTS = {
    "a wrong type": cell_fault(FIG, "patents-granted", "value", "four hundred", None, "is not a number"),
    "thousands separators in a value": cell_fault(
        FIG, "patents-granted", "value", "1,407", None, "is not a number"
    ),
    "an empty required cell": cell_fault(FIG, "patents-granted", "label", "", None, "value is required"),
    "an unknown unit": cell_fault(FIG, "patents-granted", "unit", "parsecs", None, "is not an id in"),
    "an unknown topic": cell_fault(FIG, "patents-granted", "topic", "nowhere", None, "is not an id in"),
    "an unknown source": cell_fault(FIG, "patents-granted", "source", "a-blog", None, "is not an id in"),
    "an unknown qualifier": cell_fault(FIG, "patents-granted", "qualifier", "roughly", None, "is not one of"),
    "an unknown status": cell_fault(FIG, "patents-granted", "status", "planned", None, "is not one of"),
    "an id that is not kebab-case": cell_fault(
        FIG, "patents-granted", "id", "Patents Granted", None, "does not match the pattern"
    ),
    "a value that contradicts as_printed": cell_fault(
        FIG, "patents-granted", "value", "408", None, "does not match as_printed '407'"
    ),
    "a bad period": cell_fault(FIG, "patents-granted", "period", "2021-13", None, "not a real date"),
    "a period that is not ISO 8601": cell_fault(
        FIG, "patents-granted", "period", "July 2021", None, "does not match the pattern"
    ),
    "an interval that ends before it starts": cell_fault(
        FIG, "patents-granted", "period", "2021/2019", None, "ends before it starts"
    ),
    "a negative count": cell_fault(FIG, "patents-granted", "value", "-407", None, "below the minimum"),
    "a locator naming an unknown topic": cell_fault(
        FIG,
        "patents-granted",
        "locator",
        "leap-technologies:text; nowhere",
        None,
        "'nowhere' is not a topic id",
    ),
    "a locator with an unknown part": cell_fault(
        FIG, "patents-granted", "locator", "leap-technologies:margin", None, "is not a part of a topic"
    ),
    "a topic that is not where the locator points": cell_fault(
        FIG, "patents-granted", "topic", "leap-forward", None, "must be one of the topics in the locator"
    ),
    "a percentage printed without its sign": cell_fault(
        FIG, "smes-startups-share", "as_printed", "95.3", None, "lacks the %"
    ),
    "a rank stored in a count unit": cell_fault(
        FIG, "imd-rank-2020", "unit", "people", "unit", "printed as a rank value"
    ),
    "a plus sign without more-than": cell_fault(
        FIG, "subsidy24-services", "qualifier", "exact", None, "printed with '+'"
    ),
    "a date figure with a value": cell_fault(
        FIG, "dnd-launch-date", "value", "2020", None, "leave value empty"
    ),
    "a date that is not the one printed": cell_fault(
        FIG, "dnd-launch-date", "period", "2020-07-15", None, "is not the date printed"
    ),
    "a count with no value": cell_fault(
        FIG, "patents-granted", "value", "", None, "only date figures may leave it empty"
    ),
    "a broken check operand": cell_fault(
        "data/checks.csv",
        "budget-by-source",
        "operands",
        "budget-2020-third-supplementary budget-2022",
        None,
        "'budget-2022' is not a figure id",
    ),
    "a check result that is no figure": cell_fault(
        "data/checks.csv", "budget-by-source", "result", "budget-total", None, "is not an id in"
    ),
    "a check whose operands mix units": cell_fault(
        "data/checks.csv",
        "key-talent-by-year",
        "operands",
        "key-talent-2020 rural-network-households",
        None,
        "different units",
    ),
    "a check with the wrong number of operands": cell_fault(
        "data/checks.csv", "public-wifi-added", "operands", "public-wifi-2020", None, "takes 2 operand(s)"
    ),
    "a check whose expected outcome is wrong": cell_fault(
        "data/checks.csv",
        "new-deal-fund-size-languages",
        "expected",
        "holds",
        None,
        "is expected to be 'holds' but it fails",
    ),
    "work under way recorded as achieved": cell_fault(
        FIG,
        "smart-farm-valleys",
        "status",
        "actual",
        None,
        "the label says 'being established', so the status is under-way",
    ),
    "a planned figure recorded as achieved": cell_fault(
        FIG,
        "ai-regional-hubs-plan-date",
        "status",
        "actual",
        None,
        "the label says 'to be', so the status is target",
    ),
    "a decision to invest recorded as achieved": cell_fault(
        FIG,
        "ict-associations-investment",
        "status",
        "actual",
        None,
        "the label says 'decided to', so the status is target",
    ),
    "a target by a year recorded as the year itself": cell_fault(
        FIG,
        "gci-rank-goal",
        "period",
        "2025",
        None,
        "the label says 'by 2025', so the period ends in 2025",
    ),
    "a caveat that rests on the figure's own source": cell_fault(
        "data/caveats.csv",
        "mou-signed-in-april",
        "source",
        "msit-2021-08-30",
        None,
        "is the figure's own source; a caveat reports another's",
    ),
    "a caveat whose evidence is another source's figure": cell_fault(
        "data/caveats.csv",
        "mou-signed-in-april",
        "evidence",
        "new-deal-fund-size-ko",
        None,
        "comes from 'genews-2021-07-22', not from the caveat's source",
    ),
    "a caveat on an unknown figure": cell_fault(
        "data/caveats.csv", "mou-signed-in-april", "figure", "no-such-figure", None, "is not an id in"
    ),
    "a news report given as a primary source": cell_fault(
        "data/sources.csv", "etnews-2021-07-22", "standing", "primary", None, "a news report only reports"
    ),
    "a second outlined source": cell_fault(
        "data/sources.csv", "msit-2020-07-15", "outlined", "true", None, "exactly one source is outlined"
    ),
    "a source that reports an unknown source": cell_fault(
        "data/sources.csv", "etnews-2021-07-22", "reports", "msit-1999-01-01", None, "is not an id in"
    ),
    "a Korean number whose marks contradict its qualifier": cell_fault(
        FIG, "businesses-participating-ko", "qualifier", "exact", None, "marks that allow more-than"
    ),
    "an assumption where the units agree": cell_fault(
        "data/checks.csv", "budget-by-source", "assumption", "Each won is a won.", None, "nothing to assume"
    ),
    "counts of different things compared without an assumption": cell_fault(
        "data/checks.csv",
        "digital-products-parts",
        "assumption",
        "",
        "result",
        "compare only with an assumption",
    ),
    "a correction for an unknown figure": cell_fault(
        "data/corrections.csv", "voucher-count-separator", "figure", "vouchers", None, "is not an id in"
    ),
    "a correction whose value used is not the figure's": cell_fault(
        "data/corrections.csv", "voucher-count-separator", "used", "12700", None, "is not the value of"
    ),
    "a correction date that is no date": cell_fault(
        "data/corrections.csv", "voucher-count-separator", "date", "25/11/2026", None, "is not a date"
    ),
    "an unknown unit display": cell_fault("data/units.csv", "krw", "display", "money", None, "is not one of"),
    "a topic order that is not a whole number": cell_fault(
        "data/topics.csv", "sector-ai", "order", "29.5", None, "is not a whole number"
    ),
    "a duplicate topic order": cell_fault(
        "data/topics.csv", "sector-ai", "order", "28", None, "already used in row"
    ),
    "a topic whose parents form a cycle": cell_fault(
        "data/topics.csv", "overview", "parent", "overview-policies", "parent", "form a cycle"
    ),
    "a source date that is no date": cell_fault(
        "data/sources.csv", "msit-2021-08-30", "date", "2021-02-30", None, "is not a date"
    ),
    "a cell with spaces around it": cell_fault(
        FIG, "patents-granted", "unit", " patents", None, "leading or trailing spaces"
    ),
    "a chart drawing a figure that does not exist": cell_fault(
        "charts.csv",
        "data-market",
        "figures",
        "data-market-2019 data-market-1999",
        None,
        "'data-market-1999' is not a figure id",
    ),
    "a chart mixing units": cell_fault(
        "charts.csv", "data-market", "figures", "data-market-2019 public-wifi-2020", None, "mixes units"
    ),
    "a chart drawing a date": cell_fault(
        "charts.csv", "data-market", "figures", "dnd-launch-date", None, "is a date figure"
    ),
    "a chart that says neither higher nor lower is better": cell_fault(
        "charts.csv", "data-market", "better", "bigger", None, "is not one of: higher, lower"
    ),
    "a missing Korean label": cell_fault(FIG, "patents-granted", "label_ko", "", None, "value is required"),
    "a Korean label in English": cell_fault(
        FIG, "patents-granted", "label_ko", "Patents granted", None, "has no Hangul"
    ),
    "a Korean label in Chinese characters": cell_fault(
        FIG, "patents-granted", "label_ko", "登錄特許", None, "has no Hangul"
    ),
    "a Korean label in loose jamo": cell_fault(
        FIG, "patents-granted", "label_ko", "ㅌㅎ", None, "has no Hangul"
    ),
    "a Korean topic title in English": cell_fault(
        "data/topics.csv", "sector-ai", "title_ko", "AI", None, "has no Hangul"
    ),
    "a Korean unit label in English": cell_fault(
        "data/units.csv", "patents", "label_ko", "patents", None, "has no Hangul"
    ),
    "a Korean check explanation left empty": cell_fault(
        "data/checks.csv", "budget-by-source", "explanation_ko", "", None, "value is required"
    ),
    "a Korean source title in English": cell_fault(
        "data/sources.csv", "msit-2021-08-30", "title_ko", "Achievements", None, "has no Hangul"
    ),
    "a headline not in its source's language": cell_fault(
        "data/sources.csv",
        "msit-2021-08-30",
        "headline",
        "디지털 뉴딜",
        None,
        "its headline is in that language",
    ),
    "a headline its title does not begin with": cell_fault(
        "data/sources.csv",
        "msit-2021-08-30",
        "headline",
        "Digital New Deal 2.0",
        None,
        "does not begin with the headline",
    ),
    "a Korean label without the Korean original's term": cell_fault(
        FIG,
        "data-dam-participants",
        "label_ko",
        "데이터 저장 사업에 참여한 인력",
        None,
        "the English says 'data dam', so the Korean says 데이터 댐",
    ),
    "the Sejong Times' coinage where Korean writes 중소·벤처기업": cell_fault(
        FIG,
        "smes-startups-participating",
        "label_ko",
        "참여 기업 가운데 중소·개척기업",
        None,
        "so the Korean says 벤처기업",
    ),
    "a figure note without its Korean twin": cell_fault(
        FIG, "policy-measures", "note_ko", "", None, "the note has no Korean twin"
    ),
    "a figure note's Korean twin in English": cell_fault(
        FIG, "policy-measures", "note_ko", "Drawn up with the ministries.", None, "has no Hangul"
    ),
    "the project's English quoted in a Korean note as if the source's": cell_fault(
        FIG,
        "policy-measures",
        "note_ko",
        "부처와 함께 마련했다는 뜻의 ‘drawn up together’를 붙였습니다.",
        None,
        "‘drawn up together’ is quoted as a source's English, but no figure's quote holds it",
    ),
    "a Korean note without the English one": cell_fault(
        FIG, "patents-granted", "note_ko", "설명입니다.", None, "a Korean text without its English note"
    ),
    "a link note without its Korean twin": cell_fault(
        "data/links.csv", "voucher-smes", "note_ko", "", None, "value is required"
    ),
    "a correction reason in English only": cell_fault(
        "data/corrections.csv",
        "voucher-count-separator",
        "reason_ko",
        "Misplaced separator.",
        None,
        "has no Hangul",
    ),
    "a source's Korean publisher in English": cell_fault(
        "data/sources.csv", "sejongtimes-2021-07-22", "publisher_ko", "Sejong Times", None, "has no Hangul"
    ),
    "a source's Korean attribution left out": cell_fault(
        "data/sources.csv", "etnews-2021-07-22", "attribution_ko", "", None, "value is required"
    ),
    "a place in another source with no Korean words": cell_fault(
        FIG,
        "voucher-smes-ko",
        "locator",
        "sidebar",
        None,
        "the place 'sidebar' has no words in every language",
    ),
    "a check's assumption without its Korean twin": cell_fault(
        "data/checks.csv",
        "public-services-parts",
        "assumption_ko",
        "",
        None,
        "the assumption has no Korean twin",
    ),
    "a term said to follow the Korean original whose source does not": cell_fault(
        "data/terms.csv",
        "dr-answer",
        "original",
        "true",
        None,
        "is not the Korean original (msit-2021-07-22)",
    ),
    "a term read in a report of the original, said not to follow it, with no note saying how": cell_fault(
        "data/terms.csv",
        "korean-new-deal",
        "original",
        "false",
        "note",
        "say in the note where the report departs from the original",
    ),
    "a term read in an English source": cell_fault(
        "data/terms.csv", "dr-answer", "source", "moef-2021-07-14", None, "is in 'en', not Korean"
    ),
    "a term no Korean text uses": cell_fault(
        "data/terms.csv", "cloud", "ko", "구름", None, "no Korean text uses '구름'"
    ),
    "a term from an unknown source": cell_fault(
        "data/terms.csv", "cloud", "source", "a-blog", None, "is not an id in"
    ),
    "a quote that does not hold the printed token": cell_fault(
        FIG,
        "patents-granted",
        "quote",
        "Through R&D programs, many patents were granted.",
        None,
        "the quote does not hold the printed token '407'",
    ),
    "a quote of a Korean source written in English": cell_fault(
        FIG,
        "data-market-growth-revised",
        "quote",
        "The data industry grew by 18.7% on the year.",
        None,
        "'fnnews-2021-12-29' is in Korean",
    ),
    "a quote of an English source written in Korean": cell_fault(
        FIG, "patents-granted", "quote", "특허 407건을 등록했다.", None, "'msit-2021-08-30' is in 'en'"
    ),
    "an empty quote": cell_fault(FIG, "patents-granted", "quote", "", None, "value is required"),
    "a rank comparison on figures that are not ranks": cell_fault(
        "data/checks.csv",
        "gci-goal-reached",
        "operands",
        "patents-granted",
        "operands",
        "a rank-at-or-above check compares figures in a rank unit only",
    ),
}


@pytest.mark.parametrize("fault", CELL_FAULTS, ids=list(CELL_FAULTS))
def test_a_broken_cell_is_named_by_file_row_and_field(pkg, fault):
    file, row, field, words = CELL_FAULTS[fault](pkg)
    expect(pkg, file, row, field, words)


def test_a_duplicate_id_names_both_rows(pkg):
    rows = read_rows(pkg / FIG)
    rows[5][0] = rows[4][0]
    write_rows(pkg / FIG, rows)
    expect(pkg, FIG, 6, "id", "is already used in row 5")


def test_a_typo_without_its_correction_says_what_command_records_it(pkg):
    rows = read_rows(pkg / "data/corrections.csv")
    write_rows(pkg / "data/corrections.csv", rows[:1])
    row = row_of(pkg / FIG, "voucher-smes-restated")
    expect(pkg, FIG, row, "value", "make correct FIGURE=")
    (problem,) = [p for p in problems_of(pkg) if p.field == "value"]
    assert "`make correct FIGURE=voucher-smes-restated VALUE=127000 " in problem.message


def test_an_unused_unit_is_an_orphan(pkg):
    with (pkg / "data/units.csv").open("a") as f:
        f.write("furlongs,furlongs,펄롱,,펄롱,count,result\n")
    expect(pkg, "data/units.csv", len(read_rows(pkg / "data/units.csv")), "id", "is used by no figure")


def test_a_byte_order_mark_is_rejected(pkg):
    path = pkg / FIG
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    expect(pkg, FIG, 1, "id", "byte-order mark")


def test_crlf_line_ends_are_rejected(pkg):
    path = pkg / FIG
    last = read_rows(path)[0][-1]
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    expect(pkg, FIG, 1, last, "CRLF")


def test_a_stray_quote_is_located(pkg):
    path = pkg / FIG
    row = row_of(path, "patents-granted")
    lines = path.read_text().split("\n")
    lines[row - 1] = (
        lines[row - 1].replace("Patents granted", 'Patents "granted', 1).replace(",407,", ',"407,', 1)
    )
    path.write_text("\n".join(lines))
    found = problems_of(pkg)
    assert any(p.path.endswith(FIG) and p.row >= row and "double quote" in p.message for p in found), found


def test_an_extra_column_is_named(pkg):
    rows = read_rows(pkg / FIG)
    write_rows(pkg / FIG, [r + (["comment"] if i == 0 else [""]) for i, r in enumerate(rows)])
    expect(pkg, FIG, 1, "comment", "is not in the schema")


def test_a_missing_column_is_named(pkg):
    rows = read_rows(pkg / FIG)
    write_rows(pkg / FIG, [r[:-1] for r in rows])
    expect(pkg, FIG, 1, rows[0][-1], f"column '{rows[0][-1]}' is missing")


def test_a_short_row_names_the_first_missing_cell(pkg):
    rows = read_rows(pkg / FIG)
    row = row_of(pkg / FIG, "patents-granted")
    rows[row - 1] = rows[row - 1][:10]
    write_rows(pkg / FIG, rows)
    expect(pkg, FIG, row, "locator", f"has 10 cells but the header has {len(rows[0])}")


def test_a_byte_that_is_not_utf8_is_located_in_its_cell(pkg):
    path = pkg / FIG
    row = row_of(path, "patents-granted")
    path.write_bytes(path.read_bytes().replace(b"Patents granted", b"Patents gr\xe4nted", 1))
    expect(pkg, FIG, row, "label", "not UTF-8")


def test_an_empty_file_asks_for_its_header(pkg):
    (pkg / "data/checks.csv").write_text("")
    expect(pkg, "data/checks.csv", 1, "id", "the file is empty")


def test_a_blank_line_is_located(pkg):
    path = pkg / FIG
    lines = path.read_text().split("\n")
    lines.insert(3, "")
    path.write_text("\n".join(lines))
    expect(pkg, FIG, 4, "-", "the row is blank")


def test_removing_a_charted_figure_fails_validation_at_the_chart_row(pkg):
    rows = [r for r in read_rows(pkg / FIG) if r[0] != "public-wifi-2019"]
    write_rows(pkg / FIG, rows)
    row = row_of(pkg / "charts.csv", "public-wifi")
    expect(pkg, "charts.csv", row, "figures", "'public-wifi-2019' is not a figure id in figures.csv")


def test_a_chart_row_that_disagrees_on_the_title_is_located(pkg):
    rows = read_rows(pkg / "charts.csv")
    index = [i for i, r in enumerate(rows) if r[0] == "index-ranks"][1]
    rows[index][1] = "Another title"
    write_rows(pkg / "charts.csv", rows)
    expect(pkg, "charts.csv", index + 1, "title", "every row of a chart gives the same title")


def test_a_misprint_correction_that_is_not_needed_is_rejected(pkg):
    row = set_cell(pkg / FIG, "voucher-smes-restated", "as_printed", "127,000")
    assert row
    expect(pkg, "data/corrections.csv", 2, "figure", "this correction is not needed, delete the row")


def test_a_check_kind_the_code_cannot_evaluate_is_caught_in_the_schema(pkg):
    path = pkg / "datapackage.json"
    path.write_text(path.read_text().replace('"rank-change",', '"rank-change", "median",', 1))
    expect(
        pkg,
        "datapackage.json",
        1,
        "checks.kind",
        "must list only names the code defines",
    )


def test_a_check_on_a_number_that_cannot_be_read_names_the_check_and_the_figure(pkg):
    set_cell(pkg / FIG, "voucher-smes", "as_printed", "some")
    row = row_of(pkg / "data/checks.csv", "non-ict-share")
    expect(
        pkg,
        "data/checks.csv",
        row,
        "operands",
        "'voucher-smes' has no interval: its as_printed 'some' cannot be read",
    )


def test_a_check_that_doubts_a_figure_it_does_not_compute_with_is_located(pkg):
    row = set_cell(pkg / "data/checks.csv", "non-ict-share", "suspects", "smart-factories")
    expect(pkg, "data/checks.csv", row, "suspects", "'smart-factories' is not a figure of this check")


def test_only_a_check_expected_to_fail_names_the_figures_it_doubts(pkg):
    row = set_cell(pkg / "data/checks.csv", "budget-by-source", "suspects", "budget-2021")
    expect(
        pkg, "data/checks.csv", row, "suspects", "only a check expected to fail names the figures it doubts"
    )


def link_row(pkg: Path, figure: str, other: str) -> int:
    rows = read_rows(pkg / "data/links.csv")
    return next(i for i, r in enumerate(rows, start=1) if r[:1] == [figure] and r[2] == other)


def test_a_link_to_a_missing_figure_is_located(pkg):
    row = link_row(pkg, "voucher-smes", "voucher-smes-ko")
    path = pkg / "data/links.csv"
    path.write_text(path.read_text().replace(",voucher-smes-ko,", ",voucher-smes-kr,", 1))
    expect(pkg, "data/links.csv", row, "other", "'voucher-smes-kr' is not an id in")


def test_a_link_between_figures_in_different_units_is_located(pkg):
    row = link_row(pkg, "voucher-smes", "voucher-smes-ko")
    path = pkg / "data/links.csv"
    path.write_text(
        path.read_text().replace(
            "voucher-smes,translates,voucher-smes-ko", "voucher-smes,translates,people-benefiting-ko", 1
        )
    )
    expect(pkg, "data/links.csv", row, "other", "a link joins figures in one unit")


def test_a_qualifier_without_an_interval_rule_is_caught_in_the_schema(pkg):
    path = pkg / "datapackage.json"
    path.write_text(
        path.read_text().replace('"about-or-more"\n', '"about-or-more",\n                "roughly"\n', 1)
    )
    expect(pkg, "datapackage.json", 1, "figures.qualifier", "must list only names the code defines")


def test_a_descriptor_that_is_not_json_is_located(pkg):
    path = pkg / "datapackage.json"
    path.write_text(path.read_text().replace('",\n  "created"', '"\n  "created"', 1))
    found = problems_of(pkg)
    assert found[0].path.endswith("datapackage.json") and "not valid JSON" in found[0].message


@pytest.mark.parametrize(
    "label",
    [
        '<script>alert("x")</script> patents',
        "Patents {{ 7 * 7 }} granted",
        "Patents {% raw %} granted",
        "Patents *granted* [x](y) | {#id}",
    ],
)
def test_markup_and_template_syntax_in_a_label_are_accepted_as_text(pkg, label):
    set_cell(pkg / FIG, "patents-granted", "label", label)
    assert load_package(pkg / "datapackage.json").figures["patents-granted"].label == label


@pytest.mark.parametrize(
    "label",
    [
        '<script>alert("x")</script> 특허',
        "특허 {{ 7 * 7 }} 등록",
        "특허 {% raw %} 등록",
        "특허 *등록* [x](y) | {#id}",
    ],
)
def test_markup_and_template_syntax_in_a_korean_label_are_accepted_as_text_and_escaped(pkg, label):
    from macros.pages import html

    set_cell(pkg / FIG, "patents-granted", "label_ko", label)
    figure = load_package(pkg / "datapackage.json").figures["patents-granted"]
    assert figure.label_in("ko") == label
    assert not set("<>{}*[]|") & set(html.text(figure.label_in("ko")))


def test_a_korean_column_that_loses_its_hangul_pattern_is_caught_in_the_schema(pkg):
    path = pkg / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    start = text.index('"name": "explanation_ko"')
    path.write_text(
        text[:start] + text[start:].replace('"pattern": ".*[가-힣].*"', '"minLength": 1', 1), encoding="utf-8"
    )
    expect(pkg, "datapackage.json", 1, "checks.explanation_ko", "a Korean text column has the pattern")


def test_a_field_description_without_its_korean_stops_the_dictionary(pkg):
    path = pkg / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    start = text.index('"name": "as_printed"')
    end = text.index('"description_ko"', start)
    line_end = text.index("\n", end)
    path.write_text(text[: text.rindex(",", start, end)] + text[line_end:], "utf-8")
    expect(
        pkg, "datapackage.json", 1, "figures.as_printed.description_ko", "the Korean description is missing"
    )


def test_a_korean_twin_of_a_required_text_must_be_required_too(pkg):
    path = pkg / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    start = text.index('"name": "reason_ko"')
    path.write_text(text[:start] + text[start:].replace('"required": true', '"required": false', 1), "utf-8")
    expect(
        pkg,
        "datapackage.json",
        1,
        "corrections.reason_ko",
        "required exactly when its English column reason is",
    )


def test_the_validator_prints_one_line_per_problem_and_writes_nothing(pkg):
    set_cell(pkg / FIG, "patents-granted", "value", "four hundred")
    set_cell(pkg / FIG, "key-technologies-developed", "unit", "parsecs")
    before = {p: p.stat().st_mtime_ns for p in pkg.rglob("*")}
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts/validate.py"), str(pkg / "datapackage.json")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert any(
        line.endswith(
            f"figures.csv:{row_of(pkg / FIG, 'patents-granted')}:value: 'four hundred' is not a number "
            "(write digits with a dot for decimals, no thousands separators)"
        )
        for line in lines
    )
    assert any(":unit: 'parsecs' is not an id in" in line for line in lines)
    assert lines[-1] == "2 problem(s) found; nothing was built or written"
    assert {p: p.stat().st_mtime_ns for p in pkg.rglob("*")} == before


def _schema_and_table(pkg: Path, resource: str, change) -> None:
    """Change a resource's Table Schema in the descriptor (`change(fields)`)."""
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(next(r for r in descriptor["resources"] if r["name"] == resource)["schema"]["fields"])
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def test_a_column_added_to_the_schema_and_the_table_but_not_the_record_is_located(pkg):
    _schema_and_table(pkg, "figures", lambda fields: fields.append({"name": "reviewer", "type": "string"}))
    rows = read_rows(pkg / FIG)
    write_rows(pkg / FIG, [r + (["reviewer"] if i == 0 else [""]) for i, r in enumerate(rows)])
    expect(pkg, "datapackage.json", 1, "figures.reviewer", "has no field in the record Figure")
    expect(pkg, "datapackage.json", 1, "figures.reviewer", "macros/data/figure.py")


def test_a_record_field_whose_column_was_removed_is_located(pkg):
    _schema_and_table(
        pkg, "topics", lambda fields: fields.remove(next(f for f in fields if f["name"] == "marker"))
    )
    rows = read_rows(pkg / "data/topics.csv")
    index = rows[0].index("marker")
    write_rows(pkg / "data/topics.csv", [r[:index] + r[index + 1 :] for r in rows])
    expect(pkg, "datapackage.json", 1, "topics.marker", "the Table Schema of topics does not have")
