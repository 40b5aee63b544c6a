"""Every rule of the data package, in one place; `load_package` runs them all, so `make validate` does.

Each rule returns the problems it finds, addressed as `path:row:field`, with words that say what to
write instead. TABLE_RULES run on the typed rows before records are built; RECORD_RULES on the
records; `outcomes_are_expected` after the checks are evaluated. The schema's own rules (types,
required cells, enums, patterns, uniqueness) are applied while reading, in `resource`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .checks import DIVIDING, KINDS, OUTCOMES
from .intervals import RULE_FOR
from .language import HANGUL, HANGUL_PATTERN, LANGUAGES, twins, unsaid
from .link import RELATIONS
from .printed import read_date, read_number, read_relative_date
from .problem import Problem, did_you_mean, display_path
from .resource import Table
from .standing import STATUSES
from .term import Term, contains
from .topic import ancestors
from .unit import same_number
from .words import plain

if TYPE_CHECKING:
    from .package import Package

# Columns whose allowed values are names the code defines: the schema's enum lists only these (an older release may list fewer).
NAMED_COLUMNS = {
    ("checks", "kind"): tuple(KINDS),
    ("checks", "expected"): tuple(OUTCOMES),
    ("figures", "qualifier"): tuple(RULE_FOR),
    ("links", "relation"): tuple(RELATIONS),
    ("figures", "status"): STATUSES,
}


def _reporter(package: Package, table: str) -> Callable[[int, str, str], Problem]:
    """A problem on a row and field of one of the package's tables."""
    path = package.tables[table].path
    return lambda row, field, message: Problem(path, row, field, message)


def foreign_keys(tables: dict[str, Table]) -> list[Problem]:
    """A cell that names a row of another table must name one that exists."""
    problems = []
    for table in tables.values():
        for fk in table.foreign_keys:
            (column,) = fk["fields"]
            target = tables.get(fk["reference"]["resource"] or table.name)
            (target_column,) = fk["reference"]["fields"]
            known = {r[target_column] for r in target.rows}
            for row in table.rows:
                value = row.get(column)
                if value is not None and value not in known:
                    problems.append(
                        Problem(
                            table.path,
                            row["_row"],
                            column,
                            f"'{value}' is not an {target_column} in {target.path}",
                        )
                    )
    return problems


def schema_names_match_the_code(package: Package) -> list[Problem]:
    """The schema's enum of check kinds, outcomes and qualifiers lists only names the code can evaluate.
    It may list fewer: a release made before the code learned a name (a new qualifier) still loads,
    and its rows cannot use the name its schema lacks."""
    problems = []
    for (name, column), names in NAMED_COLUMNS.items():
        field = next(f for f in package.tables[name].fields if f["name"] == column)
        enum = field.get("constraints", {}).get("enum", [])
        if not set(enum) <= set(names):
            problems.append(
                Problem(
                    display_path(package.path),
                    1,
                    f"{name}.{column}",
                    f"the enum {enum} must list only names the code defines (macros/data/checks.py, intervals.py): {list(names)}",
                )
            )
    return problems


def korean_columns_are_checked(package: Package) -> list[Problem]:
    """Every Korean twin of an English text column (label_ko of label) holds Hangul, and is required
    where its English column is (an optional text, such as a note, is held by `korean_twins_are_present`)."""
    problems = []
    for name, table in package.tables.items():
        fields = {f["name"]: f for f in table.fields}
        for korean, english in twins(list(fields)).items():
            constraints = fields[korean].get("constraints", {})
            required = bool(fields[english].get("constraints", {}).get("required"))
            if bool(constraints.get("required")) != required or constraints.get("pattern") != HANGUL_PATTERN:
                problems.append(
                    Problem(
                        display_path(package.path),
                        1,
                        f"{name}.{korean}",
                        f'a Korean text column has the pattern "{HANGUL_PATTERN}" (Hangul) and is required '
                        f"exactly when its English column {english} is, so no row can leave it out or write "
                        "it in another script",
                    )
                )
    return problems


def descriptor_texts_have_korean(package: Package) -> list[Problem]:
    """The descriptor's title and description, and each resource's and field's, have their Korean twins
    (`title_ko`, `description_ko`) in Hangul: the Korean data dictionary and JSON-LD show them."""
    problems = []

    def check(item: dict, where: str) -> None:
        for key in ("title", "description"):
            korean = item.get(f"{key}_ko")
            if item.get(key) and not (korean and HANGUL.search(korean)):
                what = "has no Hangul" if korean else "is missing"
                problems.append(
                    Problem(display_path(package.path), 1, f"{where}{key}_ko", f"the Korean {key} {what}")
                )

    check(package.descriptor, "")
    for resource in package.descriptor.get("resources", []):
        check(resource, f"{resource['name']}.")
        for field in resource.get("schema", {}).get("fields", []):
            check(field, f"{resource['name']}.{field['name']}.")
    return problems


def places_have_korean_words(package: Package) -> list[Problem]:
    """A figure of another source names its place in words every edition can say."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        for locator in figure.locators:
            try:
                for lang in LANGUAGES:
                    locator.place_words(lang)
            except ValueError as error:
                problems.append(at(figure.row, "locator", str(error)))
    return problems


def korean_twins_are_present(package: Package) -> list[Problem]:
    """A row with an English text has its Korean twin, and a Korean twin stands beside an English text."""
    problems = []
    for table, row, korean, english in _texts(package):
        if row.get(english) and not row.get(korean):
            message = f"the {english} has no Korean twin; write it in Korean here"
            problems.append(Problem(table.path, row["_row"], korean, message))
        elif row.get(korean) and not row.get(english):
            message = f"a Korean text without its English {english}; write the English too, or remove both"
            problems.append(Problem(table.path, row["_row"], korean, message))
    return problems


def _texts(package: Package):
    """Every Korean text with its English twin: (table, row, Korean column, English column)."""
    for table in package.tables.values():
        for korean, english in twins([f["name"] for f in table.fields]).items():
            for row in table.rows:
                yield table, row, korean, english


def quoted_words(package: Package) -> str:
    """Every quote of a source that is not written in Korean, the words a Korean text may quote."""
    return " ".join(f.quote for f in package.figures.values() if f.quote and not HANGUL.search(f.quote))


def korean_texts_quote_only_sources(package: Package) -> list[Problem]:
    """English words a Korean text quotes in ‘ ’ are a source's own, found in a figure's quote: the Korean
    pages mark them as the source's words (a `q` citing it), so the project's English cannot pass as one."""
    texts = [(t.path, row["_row"], korean, row.get(korean) or "") for t, row, korean, _ in _texts(package)]
    texts += [(change.path, 1, "entry_ko", change.entry_ko) for change in package.changes]
    quotes = quoted_words(package)
    return [
        Problem(
            path,
            row,
            field,
            f"‘{word}’ is quoted as a source's English, but no figure's quote holds it: quote the "
            "source's own words, or write it in Korean",
        )
        for path, row, field, text in texts
        for word in unsaid(text, quotes)
    ]


def _wordings(package: Package) -> tuple[re.Pattern, dict[str, Term]]:
    """One pattern for every term's English wordings (any case, any ending), and the term of each."""
    terms = {w.lower(): t for t in package.terms for w in t.wordings}
    longest = sorted(terms, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in longest) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternatives})", re.I), terms


def korean_texts_use_the_terms(package: Package) -> list[Problem]:
    """Where an English text uses a wording listed in terms.csv, its Korean twin uses the Korean term
    (and, for a coinage, the common term beside it), whatever the spacing."""
    pattern, terms = _wordings(package)
    problems = []
    for table, row, korean, english in _texts(package):
        if not row.get(english) or not row.get(korean):
            continue
        for found in pattern.finditer(row[english]):
            term = terms[found.group().lower()]
            lacking = [k for k in term.korean() if not contains(row[korean], k)]
            if lacking:
                problems.append(
                    Problem(
                        table.path,
                        row["_row"],
                        korean,
                        f"the English says '{found.group()}', so the Korean says {term.ko}"
                        + (f" with {term.common_ko} beside it" if term.common_ko else "")
                        + f" (term '{term.id}' in {package.tables['terms'].path}, as {term.source} writes it); "
                        f"'{row[korean]}' lacks {' and '.join(lacking)}",
                    )
                )
    return problems


def terms_are_used_and_sourced(package: Package) -> list[Problem]:
    """A term is read in a Korean source, says rightly whether that source is the Korean original of the
    release (or reproduces it), and is used: some English text has its wording, some Korean text the term."""
    at, problems = _reporter(package, "terms"), []
    outlined = next((s for s in package.sources.values() if s.outlined), None)
    original = outlined.reports if outlined else None
    pattern, terms = _wordings(package)
    english, korean = set(), ""
    for _, row, korean_column, english_column in _texts(package):
        english |= {terms[m.group().lower()].id for m in pattern.finditer(row.get(english_column) or "")}
        korean += (row.get(korean_column) or "").replace(" ", "") + "\n"
    for term in package.terms:
        source = package.sources.get(term.source)
        if source is None:
            continue
        if source.language != "ko":
            problems.append(at(term.row, "source", f"'{term.source}' is in '{source.language}', not Korean"))
        # Without one outlined source there is no original to follow; sources_say_what_they_are reports that.
        # A term follows the original only if read in it or in a report of it; a report may depart from
        # the original (its copy writes another word), and then the term, read in the report, does not
        # follow the original, and its note says how the two differ.
        follows = original in (source.id, source.reports)
        if original is not None and term.original and not follows:
            problems.append(
                at(
                    term.row,
                    "original",
                    f"'{term.source}' is not the Korean original ({original}) or a report of it, so original is false",
                )
            )
        elif original is not None and not term.original and source.id == original:
            problems.append(
                at(
                    term.row,
                    "original",
                    f"'{term.source}' is the Korean original ({original}), so original is true",
                )
            )
        elif original is not None and not term.original and follows and not term.note:
            problems.append(
                at(
                    term.row,
                    "note",
                    f"'{term.source}' reports the Korean original ({original}) but the term is said not to "
                    "follow it: say in the note where the report departs from the original",
                )
            )
        if term.id not in english:
            problems.append(
                at(term.row, "en", f"no English text uses '{term.en}'; remove the term or use it")
            )
        if not contains(korean, term.ko):
            problems.append(at(term.row, "ko", f"no Korean text uses '{term.ko}'; remove the term or use it"))
    return problems


def locators_name_topics(package: Package) -> list[Problem]:
    """Every place a figure is stated is a topic, and the figure's topic is one of those places."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        for locator in figure.locators:
            if locator.topic not in package.topics:
                problems.append(
                    at(figure.row, "locator", f"'{locator.topic}' is not a topic id in topics.csv")
                )
        if figure.topic not in {loc.topic for loc in figure.locators}:
            problems.append(
                at(
                    figure.row,
                    "topic",
                    f"the topic '{figure.topic}' must be one of the topics in the locator ({figure.cell('locator')})",
                )
            )
    return problems


def quotes_hold_their_tokens(package: Package) -> list[Problem]:
    """A figure's quote is the source's sentence that prints it: it holds as_printed exactly."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        if figure.quote and figure.as_printed not in figure.quote:
            problems.append(
                at(
                    figure.row,
                    "quote",
                    f"the quote does not hold the printed token '{figure.as_printed}'; quote the sentence "
                    "(or the table cell) of the source that prints it, exactly as printed",
                )
            )
    return problems


def quotes_are_in_the_source_language(package: Package) -> list[Problem]:
    """A quote is in its source's language: Korean (with Hangul) for a Korean source, never Korean for another."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        source = package.sources.get(figure.source)
        if not figure.quote or source is None:
            continue
        korean = bool(HANGUL.search(figure.quote))
        if source.language == "ko" and not korean:
            problems.append(
                at(
                    figure.row,
                    "quote",
                    f"'{source.id}' is in Korean (language ko in {package.tables['sources'].path}), so the quote is "
                    "its Korean sentence; this quote has no Hangul",
                )
            )
        elif source.language != "ko" and korean:
            problems.append(
                at(
                    figure.row,
                    "quote",
                    f"'{source.id}' is in '{source.language}', so the quote is its own sentence, not a Korean one; "
                    "this quote has Hangul",
                )
            )
    return problems


def headlines_are_the_sources_own(package: Package) -> list[Problem]:
    """A headline is the source's own words: in its language, and what its title in that language begins with
    (pages quote it as the source's; the title may add a description after it)."""
    at, problems = _reporter(package, "sources"), []
    rows = {r["id"]: r["_row"] for r in package.tables["sources"].rows}
    for source in package.sources.values():
        if not source.headline:
            continue
        korean = bool(HANGUL.search(source.headline))
        if korean != (source.language == "ko"):
            problems.append(
                at(
                    rows[source.id],
                    "headline",
                    f"'{source.id}' is in '{source.language}', so its headline is in that language, word for word",
                )
            )
        elif not source.title_in(source.language).startswith(source.headline):
            problems.append(
                at(
                    rows[source.id],
                    "headline",
                    f"the title in the source's language ('{source.title_in(source.language)}') does not begin "
                    "with the headline: one of them is not the source's own words",
                )
            )
    return problems


# Words in a label that say what the status must be: work under way is no achievement, a plan no result.
STATUS_WORDS = {
    "under-way": re.compile(r"\bbeing (?:established|built|developed)\b|\bunder way\b", re.I),
    # A pledge or a decision to invest is not an achievement.
    "target": re.compile(r"\b(?:planned|to be|target|goal|decided to|agreed to|pledged)\b", re.I),
}


def status_agrees_with_the_label(package: Package) -> list[Problem]:
    """A label that says the work is under way, planned or a goal carries that status, not 'actual'."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        for status, words in STATUS_WORDS.items():
            found = words.search(figure.label)
            if found and figure.status != status:
                problems.append(
                    at(
                        figure.row,
                        "status",
                        f"the label says '{found.group()}', so the status is {status}, not {figure.status}",
                    )
                )
    return problems


# A label's 'by 2025': the amount is counted up to that year, not in it.
BY_YEAR = re.compile(r"\bby (\d{4})\b")


def targets_by_a_year_count_up_to_it(package: Package) -> list[Problem]:
    """A target the label sets 'by 2025' has a period that ends in 2025 ('../2025' when the source gives
    no start), not the year 2025 itself, which pages would write as the target's year."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        found = BY_YEAR.search(figure.label)
        if figure.status != "target" or not found or not figure.period.is_point:
            continue
        problems.append(
            at(
                figure.row,
                "period",
                f"the label says '{found.group()}', so the period ends in {found.group(1)} "
                f"('../{found.group(1)}' when the source gives no start), not {figure.period.text}",
            )
        )
    return problems


def values_fit_the_unit(package: Package) -> list[Problem]:
    """A date figure keeps its date in period and no value; every other figure has a value."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        if figure.unit.display == "date":
            if figure.value is not None:
                problems.append(
                    at(figure.row, "value", "a date figure keeps its date in period; leave value empty")
                )
            if not figure.period.is_point and "/" not in (_relative(package, figure) or ""):
                problems.append(
                    at(
                        figure.row,
                        "period",
                        "a date figure needs a single year, month or date, not an interval, "
                        "unless it is printed as a span (such as 'second half of this year')",
                    )
                )
        elif figure.value is None:
            problems.append(
                at(figure.row, "value", "the value is empty; only date figures may leave it empty")
            )
    return problems


def _relative(package: Package, figure) -> str | None:
    """The period a date printed relative to the writing year ('this year') stands for, if it is one."""
    source = package.sources.get(figure.source)
    return read_relative_date(figure.as_printed, source.date.year) if source else None


def dates_are_as_printed(package: Package) -> list[Problem]:
    """A date figure's period is the date its as_printed token prints, to the same precision."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        if figure.unit.display != "date":
            continue
        relative = _relative(package, figure)
        if relative is not None:
            if figure.period.text != relative:
                year = package.sources[figure.source].date.year
                problems.append(
                    at(
                        figure.row,
                        "period",
                        f"'{figure.as_printed}', read in {year} (the year the source was written), is {relative}, "
                        f"not {figure.period.text}",
                    )
                )
            continue
        printed = read_date(figure.as_printed)
        start = figure.period.start
        if start is None:
            problems.append(
                at(
                    figure.row,
                    "period",
                    f"'{figure.as_printed}' prints a date, not 'by' one: drop the open start '../'",
                )
            )
            continue
        if printed is None:
            problems.append(
                at(
                    figure.row,
                    "as_printed",
                    f"'{figure.as_printed}' cannot be read as a date (such as 'July 14, 2020', 'May 2021' or '2025')",
                )
            )
        elif (
            any(
                p is not None and p != q
                for p, q in zip(printed, (start.year, start.month, start.day), strict=True)
            )
            or (printed[1] is None) != (start.month is None)
            or (printed[2] is None) != (start.day is None)
        ):
            problems.append(
                at(
                    figure.row,
                    "period",
                    f"the period {figure.period.text} is not the date printed as '{figure.as_printed}'",
                )
            )
    return problems


def marks_match_the_unit(package: Package) -> list[Problem]:
    """The marks printed with a number (%, an ordinal suffix, '+') agree with its unit and qualifier."""
    at, problems = _reporter(package, "figures"), []
    for figure in package.figures.values():
        if figure.unit.display == "date" or figure.value is None:
            continue
        reading = read_number(figure.as_printed)
        if reading is None:
            continue
        if reading.display and reading.display != figure.unit.display:
            problems.append(
                at(
                    figure.row,
                    "unit",
                    f"'{figure.as_printed}' is printed as a {reading.display} value, but the unit '{figure.unit.id}' is displayed as {figure.unit.display}",
                )
            )
        if reading.display is None and figure.unit.display in ("percent", "rank"):
            mark = "%" if figure.unit.display == "percent" else "ordinal suffix"
            problems.append(
                at(
                    figure.row,
                    "as_printed",
                    f"'{figure.as_printed}' lacks the {mark} its unit '{figure.unit.id}' implies",
                )
            )
        if reading.allows and figure.qualifier not in reading.allows:
            problems.append(
                at(
                    figure.row,
                    "qualifier",
                    f"'{figure.as_printed}' is printed with marks that allow {' or '.join(sorted(reading.allows))}, "
                    f"not {figure.qualifier}",
                )
            )
        if reading.suffix == "+" and figure.qualifier != "more-than":
            problems.append(
                at(
                    figure.row,
                    "qualifier",
                    f"'{figure.as_printed}' is printed with '+', so the qualifier must be more-than",
                )
            )
    return problems


def values_are_as_printed(package: Package) -> list[Problem]:
    """A value is what its as_printed token says, unless a correction row explains the difference."""
    at = _reporter(package, "figures")
    explained = {(c.figure, c.field) for c in package.corrections}
    problems = []
    for figure in package.figures.values():
        if figure.unit.display == "date" or figure.value is None:
            continue
        reading = read_number(figure.as_printed)
        if (reading is not None and same_number(reading.number, figure.value)) or (
            figure.id,
            "value",
        ) in explained:
            continue
        read = "cannot be read as a number" if reading is None else f"reads as {plain(reading.number)}"
        problems.append(
            at(
                figure.row,
                "value",
                f"{plain(figure.value)} does not match as_printed '{figure.as_printed}', which {read}; "
                "fix the value, or if the source misprints it, put the value back and run "
                f"`make correct FIGURE={figure.id} VALUE={plain(figure.value).replace(',', '')} "
                'REASON="…" REFERENCE="…"`, which records the correction',
            )
        )
    return problems


def _at_correction(package: Package) -> Callable[..., Problem]:
    """A problem on a correction: its row of corrections.csv, or the change file it waits in."""
    path = package.tables["corrections"].path
    return lambda c, field, message: Problem(
        c.file or path, c.row, f"correction.{field}" if c.file else field, message
    )


def corrections_match_the_figures(package: Package) -> list[Problem]:
    """A value correction's `used` is the figure's value, and a misprint's `printed` is its as_printed."""
    at, problems = _at_correction(package), []
    for c in package.corrections:
        figure = package.figures.get(c.figure)
        if figure is None or c.field != "value":
            continue
        try:
            used = float(c.used.replace(",", ""))
        except ValueError:
            problems.append(at(c, "used", f"'{c.used}' is not a number"))
            continue
        if figure.value is None or not same_number(used, figure.value):
            problems.append(
                at(
                    c,
                    "used",
                    f"the value used ({c.used}) is not the value of '{c.figure}' in figures.csv ({plain(figure.value or 0)})",
                )
            )
        if c.kind == "release-typo" and c.printed != figure.as_printed:
            problems.append(
                at(
                    c,
                    "printed",
                    f"'{c.printed}' is not the as_printed of '{c.figure}' ('{figure.as_printed}')",
                )
            )
    return problems


def corrections_are_needed(package: Package) -> list[Problem]:
    """A misprint correction of a value stands only where the printed token does not read as the value."""
    at, problems = _at_correction(package), []
    for c in package.corrections:
        figure = package.figures.get(c.figure)
        if figure is None or figure.value is None or c.field != "value" or c.kind != "release-typo":
            continue
        reading = read_number(figure.as_printed)
        if reading is not None and same_number(reading.number, figure.value):
            problems.append(
                at(
                    c,
                    "figure",
                    f"'{figure.as_printed}' already reads as the value of '{c.figure}'; this correction is not needed, delete the row",
                )
            )
    return problems


def checks_name_figures_of_their_own(package: Package) -> list[Problem]:
    """A check's suspects (the figures its failure points at) are its own result or operands, and only a
    check expected to fail names any: elsewhere a mark of failure would land on a figure the check never
    computes with, or on a check that holds."""
    at, problems = _reporter(package, "checks"), []
    for check in package.checks:
        own = (check.result, *check.operands)
        for suspect in check.suspects:
            if suspect not in own:
                problems.append(
                    at(
                        check.row,
                        "suspects",
                        f"'{suspect}' is not a figure of this check: name {', '.join(own)}",
                    )
                )
        if check.suspects and check.expected != "fails":
            problems.append(
                at(check.row, "suspects", "only a check expected to fail names the figures it doubts")
            )
    return problems


def checks_are_computable(package: Package) -> list[Problem]:
    """A check's operands exist, are numbers in one unit, and give a result in the result's unit."""
    at, problems = _reporter(package, "checks"), []
    figures = package.figures
    for check in package.checks:

        def fail(column: str, message: str, check=check) -> None:
            problems.append(at(check.row, column, message))

        unknown = [o for o in check.operands if o not in figures]
        for operand in unknown:
            fail("operands", f"'{operand}' is not a figure id in figures.csv")
        kind = KINDS[check.kind]
        wrong_arity = kind.arity is not None and len(check.operands) != kind.arity
        if wrong_arity:
            fail("operands", f"a {check.kind} check takes {kind.arity} operand(s), not {len(check.operands)}")
        if unknown or check.result not in figures or wrong_arity:
            continue
        result = figures[check.result]
        operands = [figures[o] for o in check.operands]
        if any(f.value is None for f in [result, *operands]):
            fail("operands", "checks work on numbers; a date figure has no value")
            continue
        counts = all(f.unit.display == "count" for f in [result, *operands])
        mixed = len({f.unit.id for f in operands}) > 1 or (
            not kind.result_display and check.kind != "rank-change" and result.unit.id != operands[0].unit.id
        )
        if mixed and not (counts and check.assumption):
            units = ", ".join(f"{f.id} ({f.unit.id})" for f in operands)
            hint = (
                "; counts of different things compare only with an assumption that says why" if counts else ""
            )
            if len({f.unit.id for f in operands}) > 1:
                fail("operands", f"the operands are in different units: {units}{hint}")
            else:
                fail(
                    "result",
                    f"'{result.id}' is in {result.unit.id} but the operands are in {operands[0].unit.id}{hint}",
                )
        if check.assumption and not mixed:
            fail(
                "assumption", "the figures are all in one unit, so there is nothing to assume; leave it empty"
            )
        wanted = kind.result_display
        if check.kind == "rank-change":
            if any(f.unit.display != "rank" for f in operands) or result.unit.id != "places":
                fail("result", "a rank-change check takes two ranks and gives a number of places")
        elif kind.compares and any(f.unit.display != kind.compares for f in [*operands, result]):
            fail("operands", f"a {check.kind} check compares figures in a {kind.compares} unit only")
        elif wanted and result.unit.display != wanted:
            fail(
                "result",
                f"a {check.kind} check gives a {wanted} value, but '{result.id}' is in {result.unit.id}",
            )
        for figure in [*operands, result]:
            if figure.id not in package.bounds:
                fail(
                    "operands" if figure is not result else "result",
                    f"'{figure.id}' has no interval: its as_printed '{figure.as_printed}' cannot be read as a number "
                    "and no correction gives the number used",
                )
        if any(o.value == 0 for o in operands) and check.kind in DIVIDING:
            fail("operands", "a divisor is zero")
    return problems


def topics_form_a_tree(package: Package) -> list[Problem]:
    """No topic is its own ancestor, and every top-level topic has a figure in it or below it."""
    table, at = package.tables["topics"], _reporter(package, "topics")
    rows = {r["id"]: r["_row"] for r in table.rows}
    topics, problems = package.topics, []
    used = {f.topic for f in package.figures.values()} | {
        loc.topic for f in package.figures.values() for loc in f.locators
    }
    for topic in topics.values():
        seen, current = {topic.id}, topic
        while current.parent:
            if current.parent in seen:
                problems.append(at(rows[topic.id], "parent", f"the parents of '{topic.id}' form a cycle"))
                break
            seen.add(current.parent)
            current = topics[current.parent]
        if topic.parent is None and not any(
            t.id in used for t in topics.values() if t.id == topic.id or topic in ancestors(t.id, topics)
        ):
            problems.append(
                at(
                    rows[topic.id],
                    "id",
                    f"the top-level topic '{topic.id}' has no figure in it or below it",
                )
            )
    return problems


def sources_say_what_they_are(package: Package) -> list[Problem]:
    """One source is outlined; a news report is secondary; a translation names its original."""
    at, problems = _reporter(package, "sources"), []
    rows = {r["id"]: r["_row"] for r in package.tables["sources"].rows}
    outlined = [s for s in package.sources.values() if s.outlined]
    if len(outlined) != 1:
        row = rows[outlined[1].id] if len(outlined) > 1 else 2
        problems.append(
            at(
                row,
                "outlined",
                f"exactly one source is outlined by topics.csv, not {len(outlined)}",
            )
        )
    for source in package.sources.values():
        if source.kind == "news-report" and source.standing != "secondary":
            problems.append(
                at(
                    rows[source.id],
                    "standing",
                    "a news report only reports what another source says, so it is secondary",
                )
            )
        if source.kind == "translation" and not source.reports:
            problems.append(at(rows[source.id], "reports", "a translation names the source it translates"))
        if source.reports == source.id:
            problems.append(at(rows[source.id], "reports", "a source cannot report itself"))
    return problems


def links_join_comparable_figures(package: Package) -> list[Problem]:
    """A link joins two different figures in one unit, so one can stand beside the other."""
    at, problems = _reporter(package, "links"), []
    for link in package.links:
        first, second = package.figures.get(link.figure), package.figures.get(link.other)
        if first is None or second is None:
            continue
        if first.id == second.id:
            problems.append(at(link.row, "other", "a figure cannot be linked to itself"))
        elif first.unit.id != second.unit.id:
            problems.append(
                at(
                    link.row,
                    "other",
                    f"'{first.id}' is in {first.unit.id} but '{second.id}' is in {second.unit.id}; "
                    "a link joins figures in one unit",
                )
            )
    return problems


def caveats_rest_on_another_source(package: Package) -> list[Problem]:
    """A caveat reports another source's evidence: its source is not the figure's own, and its evidence
    figure, when named, is a figure of that source."""
    at, problems = _reporter(package, "caveats"), []
    for caveat in package.caveats:
        figure = package.figures.get(caveat.figure)
        if figure is not None and figure.source == caveat.source:
            problems.append(
                at(
                    caveat.row,
                    "source",
                    f"'{caveat.source}' is the figure's own source; a caveat reports another's",
                )
            )
        evidence = package.figures.get(caveat.evidence or "")
        if evidence is not None and evidence.source != caveat.source:
            problems.append(
                at(
                    caveat.row,
                    "evidence",
                    f"'{evidence.id}' comes from '{evidence.source}', not from the caveat's source '{caveat.source}'",
                )
            )
    return problems


def nothing_is_orphaned(package: Package) -> list[Problem]:
    """Every unit is used by a figure; every source by a figure, a term, a caveat or a source that reports it."""
    problems = []
    for name, column in (("units", "unit"), ("sources", "source")):
        used = {r[column] for r in package.tables["figures"].rows}
        if name == "sources":
            used |= {s.reports for s in package.sources.values() if s.reports}
            used |= {t.source for t in package.terms}
            used |= {c.source for c in package.caveats}
        for row in package.tables[name].rows:
            if row["id"] not in used:
                problems.append(
                    Problem(
                        package.tables[name].path,
                        row["_row"],
                        "id",
                        f"'{row['id']}' is used by no figure; remove it or use it",
                    )
                )
    return problems


def charts_draw_figures(package: Package) -> list[Problem]:
    """A chart's figures exist, have values, share one unit, and its rows agree on title and scale."""
    at, problems = _reporter(package, "charts"), []
    for chart in package.charts.values():
        for series in chart.series:
            for figure_id in series.figures:
                if figure_id not in package.figures:
                    problems.append(
                        at(series.row, "figures", f"'{figure_id}' is not a figure id in figures.csv")
                    )
                elif package.figures[figure_id].value is None:
                    problems.append(
                        at(
                            series.row,
                            "figures",
                            f"'{figure_id}' is a date figure; a chart draws values",
                        )
                    )
        drawn = [package.figures[i] for s in chart.series for i in s.figures if i in package.figures]
        if len({f.unit.id for f in drawn}) > 1:
            row = chart.series[0].row
            units = ", ".join(f"{f.id} ({f.unit.id})" for f in drawn)
            problems.append(at(row, "figures", f"chart '{chart.name}' mixes units: {units}"))
        for series in chart.series:
            for column, value in (
                ("title", series.title),
                ("measure", series.measure),
                ("better", series.better),
            ):
                first = getattr(chart.series[0], column)
                if value != first:
                    problems.append(
                        at(
                            series.row,
                            column,
                            f"'{value}' differs from row {chart.series[0].row} of chart '{chart.name}' ('{first}'); every row of a chart gives the same {column}",
                        )
                    )
    return problems


def outcomes_are_expected(package: Package) -> list[Problem]:
    """Each check's computed outcome is the one the package states it expects."""
    return [
        Problem(
            package.tables["checks"].path,
            o.check.row,
            "expected",
            f"check '{o.check.id}' is expected to be '{o.check.expected}' but it {o.status}: {o.arithmetic(package.figures)}",
        )
        for o in package.outcomes
        if not o.as_expected
    ]


def changes_name_what_exists(package: Package) -> list[Problem]:
    """A change not released yet corrects a figure that exists, with an id no correction has, and its
    entry names ids the package knows (a figure's page lists the entries naming it)."""
    problems = []
    released = {c.id: c.row for c in package.corrections if c.released}
    known = set(package.figures) | set(package.topics) | set(package.units) | set(package.sources)
    known |= {c.id for c in package.checks} | {c.id for c in package.corrections}
    for change in package.changes:
        c = change.correction
        if c and c.figure not in package.figures:
            problems.append(
                Problem(
                    change.path,
                    c.row,
                    "correction.figure",
                    f"no figure '{c.figure}' in figures.csv{did_you_mean(c.figure, package.figures)}",
                )
            )
        if c and c.id in released:
            problems.append(
                Problem(
                    change.path,
                    c.row,
                    "correction.id",
                    f"'{c.id}' is already the id of row {released[c.id]} of corrections.csv; choose another",
                )
            )
        for name in sorted(change.names()):
            if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", name) and name not in known:
                problems.append(
                    Problem(
                        change.path,
                        1,
                        "entry",
                        f"`{name}` is not an id in the data package{did_you_mean(name, known)}",
                    )
                )
    return problems


TABLE_RULES: tuple[Callable[[dict[str, Table]], list[Problem]], ...] = (foreign_keys,)
RECORD_RULES: tuple[Callable[[Package], list[Problem]], ...] = (
    schema_names_match_the_code,
    korean_columns_are_checked,
    korean_twins_are_present,
    descriptor_texts_have_korean,
    places_have_korean_words,
    locators_name_topics,
    quotes_hold_their_tokens,
    quotes_are_in_the_source_language,
    headlines_are_the_sources_own,
    values_fit_the_unit,
    status_agrees_with_the_label,
    targets_by_a_year_count_up_to_it,
    dates_are_as_printed,
    marks_match_the_unit,
    values_are_as_printed,
    corrections_match_the_figures,
    corrections_are_needed,
    changes_name_what_exists,
    checks_are_computable,
    checks_name_figures_of_their_own,
    topics_form_a_tree,
    sources_say_what_they_are,
    links_join_comparable_figures,
    caveats_rest_on_another_source,
    nothing_is_orphaned,
    charts_draw_figures,
    korean_texts_use_the_terms,
    korean_texts_quote_only_sources,
    terms_are_used_and_sourced,
)
