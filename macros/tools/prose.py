"""The prose pages as text: the data each macro call names, and the numbers a writer typed by hand.

`make validate` and `make check` read docs/ with these, without building the site, so a figure
renamed in the data but still used by a page is named by page and line (`docs/index.md:12:fig: …`)
before any build, and a number typed into prose is caught where it was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..data.package import Package
from ..data.problem import Problem, did_you_mean

# Each page macro that names data, with the table its quoted arguments name, in order.
REFERENCES: dict[str, tuple[str, ...]] = {
    "fig": ("figure",),
    "period": ("figure",),
    "share": ("figure", "figure"),
    "cite_box": ("figure",),
    "figure_table": ("topic",),
    "chart": ("chart",),
    "source_date": ("source",),
    "term": ("term",),
    "outcome": ("check",),
    "qualifier_word": ("figure",),
}
# Where each kind of id lives, and how to know one.
TABLES: dict[str, tuple[str, Callable[[Package], object]]] = {
    "figure": ("datapackage/data/figures.csv", lambda p: p.figures),
    "topic": ("datapackage/data/topics.csv", lambda p: p.topics),
    "chart": ("datapackage/charts.csv", lambda p: p.charts),
    "source": ("datapackage/data/sources.csv", lambda p: p.sources),
    "term": ("datapackage/data/terms.csv", lambda p: {t.id: t for t in p.terms}),
    "check": ("datapackage/data/checks.csv", lambda p: {c.id for c in p.checks}),
}
CALL = re.compile(r"\{\{-?\s*(\w+)\((.*?)\)\s*-?\}\}", re.S)
STRING = re.compile(r"""(?<![\w=])\s*(['"])(.*?)\1""")

# What is not a typed quantity: macro calls, Jinja comments, attribute lists, link and image
# targets, reference definitions, HTML tags with their attributes, ordered-list markers (numbering,
# not data) and snippet includes.
HIDDEN = re.compile(
    r"\{\{.*?\}\}"
    r"|\{%.*?%\}"
    r"|\{##.*?##\}"
    r"|\{:?\s*[#.][^}\n]*\}"
    r"|\]\([^)\n]*\)"
    r"|^\s*\[[^\]\n]+\]:\s*\S+.*$"
    r"|<!--.*?-->"
    r"|</?[A-Za-z][^>\n]*>"
    r"|^[ \t]*\d+\.(?=[ \t])"
    r"|^[ \t]*-{1,3}8<-{1,3}.*$",
    re.S | re.M,
)
# Names with digits; a Korean particle may follow one (5G는, 2.0은), a Latin letter or digit may not.
# 1차 자료 and 2차 자료 are the names of primary and secondary sources; 5세대 이동통신 is 5G;
# a licence's name carries its version (CC BY 4.0) and a KOGL type its number (공공누리 제1유형);
# UTF-8 names an encoding; a lone digit in quotation marks (‘0’) names the digit, not a quantity.
ALLOWED = re.compile(
    r"(?<=‘)\d(?=’)|(?<![\w.])(?:[12]\.0|[56]G|5세대(?= 이동통신)|3차원(?= 정밀지도)|4\.0(?= 국제)|(?<=CC BY )4\.0|제1유형|K-12|Subsidy24|보조금24|코로나19|[12]차(?= 자료)|UTF-8)(?![A-Za-z0-9_]|\.\d)"
)
NUMBER = re.compile(r"[\w.,%+\-]*\d[\w.,%+\-]*")


def references(markdown: str) -> list[tuple[int, str, str, str]]:
    """(line, macro, kind, id) for every quoted argument of a macro that names data."""
    found = []
    for call in CALL.finditer(markdown):
        kinds = REFERENCES.get(call.group(1))
        if not kinds:
            continue
        line = markdown.count("\n", 0, call.start()) + 1
        positional = [m.group(2) for m in STRING.finditer(call.group(2).split("=")[0])]
        found += [(line, call.group(1), kind, value) for kind, value in zip(kinds, positional, strict=False)]
    return found


def typed_numbers(markdown: str) -> list[tuple[int, str]]:
    """(line, token) for every digit a reader would see that no macro produced."""
    visible = HIDDEN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markdown)
    visible = ALLOWED.sub(lambda m: " " * len(m.group()), visible)
    return [(visible.count("\n", 0, m.start()) + 1, m.group().strip(".,")) for m in NUMBER.finditer(visible)]


def pages(docs: Path) -> dict[str, str]:
    """Every Markdown page under docs/, by its path as a contributor opens it ('docs/index.md')."""
    return {
        f"docs/{path.relative_to(docs).as_posix()}": path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*.md"))
    }


def reference_problems(package: Package, docs: Path) -> list[Problem]:
    """Every id a page names that the data lacks, as docs/page.md:line:macro: what is wrong."""
    problems = []
    for name, markdown in pages(docs).items():
        for line, macro, kind, value in references(markdown):
            table, ids = TABLES[kind]
            known = ids(package)
            if value not in known:
                message = f"'{value}' is not a {kind} id in {table}{did_you_mean(value, known)}"
                problems.append(Problem(name, line, macro, message))
    return problems


def typed_number_problems(docs: Path) -> list[Problem]:
    """Every number typed into a page instead of coming from the data through a macro."""
    return [
        Problem(name, line, "-", f"'{token}' is typed; numbers come from the data: {{{{ fig(\"…\") }}}}")
        for name, markdown in pages(docs).items()
        for line, token in typed_numbers(markdown)
    ]


# A particle typed after a bracket that follows a macro's value: its form would be chosen by the writer,
# not by the value's last sound, and the value can change ('49조여 원(…)는').
PARTICLE_AFTER_ASIDE = re.compile(
    r"\}\}\((?:\{\{.*?\}\}|[^()\n])*\)(?P<josa>으로|로|은|는|이|가|을|를|과|와)(?![가-힣])"
)


def typed_particles(markdown: str) -> list[tuple[int, str]]:
    """(line, particle) for every particle typed after a bracket that follows a macro's value."""
    return [
        (markdown.count("\n", 0, m.start()) + 1, m.group("josa"))
        for m in PARTICLE_AFTER_ASIDE.finditer(markdown)
    ]


def typed_particle_problems(docs: Path) -> list[Problem]:
    """Every particle a Korean page types after a value's bracket instead of fig(…, josa=, aside=)."""
    return [
        Problem(
            name,
            line,
            "-",
            f"'{josa}' is typed after a bracket; the value's last sound chooses it: "
            f'{{{{ fig("…", josa="{josa}", aside="…") }}}}',
        )
        for name, markdown in pages(docs).items()
        if name.endswith(".ko.md")
        for line, josa in typed_particles(markdown)
    ]
