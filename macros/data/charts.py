"""Chart definitions, read as data from datapackage/charts.csv: which figures each chart draws.

The charts are the site's, not the published package's, so the file is not a resource of
datapackage.json (the downloads stay as they were); the loader reads it against its own Table
Schema and `rules.charts_draw_figures` checks it, so a chart that names a missing figure is a
`make validate` error like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .language import HANGUL_PATTERN, text_in
from .resource import Table

CHARTS_RESOURCE = {
    "name": "charts",
    "path": "charts.csv",
    "schema": {
        "fields": [
            {
                "name": "chart",
                "type": "string",
                "constraints": {"required": True, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"},
            },
            {"name": "title", "type": "string", "constraints": {"required": True}},
            {
                "name": "title_ko",
                "type": "string",
                "constraints": {"required": True, "pattern": HANGUL_PATTERN},
            },
            {"name": "measure", "type": "string", "constraints": {"required": True}},
            {
                "name": "better",
                "type": "string",
                "constraints": {"required": True, "enum": ["higher", "lower"]},
            },
            {"name": "series", "type": "string", "constraints": {"required": True}},
            {
                "name": "series_ko",
                "type": "string",
                "constraints": {"required": True, "pattern": HANGUL_PATTERN},
            },
            {
                "name": "figures",
                "type": "string",
                "constraints": {"required": True, "pattern": "[a-z0-9-]+( [a-z0-9-]+)*"},
            },
        ],
    },
}


@dataclass(frozen=True)
class Series:
    """One row of charts.csv: a named series of figures, drawn in the order given."""

    name: str
    figures: tuple[str, ...]
    title: str
    measure: str
    better: str
    row: int
    name_ko: str = ""
    title_ko: str = ""

    def name_in(self, lang: str) -> str:
        return text_in(self, "name", lang)


@dataclass(frozen=True)
class Chart:
    name: str
    series: tuple[Series, ...]

    @property
    def title(self) -> str:
        return self.series[0].title

    def title_in(self, lang: str) -> str:
        return text_in(self.series[0], "title", lang)

    @property
    def measure(self) -> str:
        """What the values count, for the text alternative ('market size', 'rank')."""
        return self.series[0].measure

    @property
    def lower_is_better(self) -> bool:
        return self.series[0].better == "lower"


def build_charts(table: Table) -> dict[str, Chart]:
    """Group the rows by chart, in the order the charts first appear."""
    rows: dict[str, list[Series]] = {}
    for r in table.rows:
        if None in (r["chart"], r["figures"]):
            continue
        series = Series(
            r["series"],
            tuple(r["figures"].split(" ")),
            r["title"],
            r["measure"],
            r["better"],
            r["_row"],
            r["series_ko"] or "",
            r["title_ko"] or "",
        )
        rows.setdefault(r["chart"], []).append(series)
    return {name: Chart(name, tuple(series)) for name, series in rows.items()}
