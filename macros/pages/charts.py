"""Charts drawn at build time as inline SVG, with a text alternative and the data as a table.

Each chart is drawn twice: wide, with labels beside the bars, and narrow for a phone, with each label
above its bar; the stylesheet shows one of them, scaled to the column, never below one CSS pixel per
unit, so its text is never under 12 px. Text, axes and ticks are drawn in a sentinel colour that
becomes `currentColor`, so the chart follows the light and the dark palette; the bars use mid-tones
with at least 3:1 contrast on both backgrounds. The SVG is deterministic (fixed hash salt, no date) and its ids carry the
chart's name, so two charts on one page do not clash.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from importlib.metadata import version
from pathlib import Path

from ..data.charts import Chart
from ..data.figure import Figure
from ..data.package import BUILD_CACHE, Package
from ..data.standing import states
from ..data.words import fill, statements, values_listed
from . import html
from .i18n import N_, tr
from .links import value_link
from .standing import described
from .tables import Row, table

# The texts of a chart and its text alternative, marked for the translation catalogue.
DATA_CAPTION = N_("Data: {title}")
FRAME_LABEL = N_("Chart: {title}")
SUMMARY = N_("The data behind this chart")
RANK_AXIS = N_("Rank (first place at the right)")
ONE = N_("{series}: {first} ({start}).")
ROSE = N_("{series}: rose from {first} in {start} to {last} in {end}.")
FELL = N_("{series}: fell from {first} in {start} to {last} in {end}.")
IMPROVED = N_("{series}: improved from {first} in {start} to {last} in {end}.")
WORSENED = N_("{series}: worsened from {first} in {start} to {last} in {end}.")
STAYED = N_("{series}: stayed at {first} from {start} to {end}.")
LOWER_IS_BETTER = N_("A lower rank is better.")
STANDING = N_("{value} ({period}) is marked {standing}.")
QUALIFIED = N_("Marked values:")
CACHE = BUILD_CACHE / "charts"
# Cached charts are redrawn when this code or matplotlib changes.
CODE_STAMP = hashlib.sha256(Path(__file__).read_bytes() + version("matplotlib").encode()).hexdigest()
SENTINEL = "#010203"
# Contrast about 4:1 on white and on Material's slate background (#1e2129).
BAR_COLOURS = ("#4a7fd4", "#b86e00")
FONTS = ["DejaVu Sans", "Noto Sans CJK KR", "sans-serif"]
# The narrow drawing, in points shown as CSS pixels: its width fits a 375 px screen's column.
NARROW = {"width": 320.0, "line": 16.0, "bar": 14.0, "gap": 9.0, "text": 12.0}


def chart(package: Package, page, name: str) -> str:
    """The chart as a <figure>: inline SVG with title and description, caption, and a data table."""
    spec = package.charts.get(name)
    if spec is None:
        raise page.error(f"unknown chart name '{name}'; use one of {', '.join(package.charts)}")
    lang = page.language
    groups = [[package.figures[i] for i in s.figures] for s in spec.series]
    title = spec.title_in(lang)
    qualified = [f for figures in groups for f in figures if package.standing(f.id)]
    description = " ".join(
        [describe(spec, groups, lang)]
        + [
            fill(
                tr(lang, STANDING),
                value=f.text(lang),
                period=f.period.words(lang),
                standing=statements(
                    [described(package, f, state, lang) for state in states(package, f.id)], lang
                ),
            )
            for f in qualified
        ]
    )
    svgs = [
        _cached_svg(name, spec, groups, html.text(title), html.text(description), lang, narrow)
        for narrow in (False, True)
    ]
    rows = [
        Row(
            [
                html.text(s.name_in(lang)),
                html.text(f.period.words(lang)),
                value_link(package, page, f),
                html.text(f.label_in(lang)),
            ]
        )
        for s, figures in zip(spec.series, groups, strict=True)
        for f in figures
    ]
    headers = [tr(lang, h) for h in (N_("Series"), N_("Period"), N_("Value"), N_("Figure"))]
    data = table(tr(lang, DATA_CAPTION).format(title=title), headers, rows)
    frame = html.text(tr(lang, FRAME_LABEL).format(title=title))
    return "\n".join(
        [
            # The caption first: a figure's caption is its first or its last child, and the data follow.
            f'<figure class="dnd-chart" id="chart-{name}">',
            f"<figcaption>{html.text(title)}{_standing(package, page, qualified)}</figcaption>",
            f'<div class="dnd-chart-frame" role="group" aria-label="{frame}">',
            *svgs,
            "</div>",
            '<details class="dnd-chart-data">',
            f"<summary>{html.text(tr(lang, SUMMARY))}</summary>",
            data,
            "</details>",
            "</figure>",
        ]
    )


def _standing(package: Package, page, qualified: list[Figure]) -> str:
    """The drawn values that are not plain, each with its markers, under the title: a bar cannot carry a link."""
    if not qualified:
        return ""
    lang = page.language
    items = values_listed(
        [
            f"{value_link(package, page, f, running=True)} ({html.text(f.period.words(lang))})"
            for f in qualified
        ],
        lang,
    )
    return f'<span class="dnd-chart-standing">{html.text(tr(lang, QUALIFIED))} {items}</span>'


def describe(spec: Chart, groups: list[list[Figure]], lang: str = "en") -> str:
    """The text alternative, written from the values: what changed, from what to what, when."""
    sentences = []
    for series, figures in zip(spec.series, groups, strict=True):
        first, last = figures[0], figures[-1]
        words = {
            "series": series.name_in(lang),
            "first": first.text(lang),
            "last": last.text(lang),
            "start": first.period.words(lang),
            "end": last.period.words(lang),
        }
        if len(figures) == 1:
            sentences.append(fill(tr(lang, ONE), **words))
            continue
        if last.value == first.value:
            change = STAYED
        elif spec.lower_is_better:
            change = IMPROVED if last.value < first.value else WORSENED
        else:
            change = ROSE if last.value > first.value else FELL
        sentences.append(fill(tr(lang, change), **words))
    if spec.lower_is_better:
        sentences.append(tr(lang, LOWER_IS_BETTER))
    return " ".join(sentences)


def _cached_svg(
    name: str,
    spec: Chart,
    groups: list[list[Figure]],
    title: str,
    description: str,
    lang: str = "en",
    narrow: bool = False,
) -> str:
    """The chart's SVG, drawn once per distinct input: importing and running matplotlib costs more
    than the rest of the build, while the charts change only when their figures or this code do."""
    inputs = json.dumps(
        [name, lang, narrow, repr(spec), title, description, CODE_STAMP]
        + [[f.label, f.value, f.shown(lang), f.period.words(lang)] for figures in groups for f in figures]
    )
    layout = "narrow" if narrow else "wide"
    path = CACHE / f"{name}-{lang}-{layout}-{hashlib.sha256(inputs.encode()).hexdigest()[:20]}.svg"
    if path.exists():
        return path.read_text(encoding="utf-8")
    draw = _narrow_svg if narrow else _svg
    svg = draw(name, spec, groups, title, description, lang)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(svg, encoding="utf-8")
    partial.replace(path)
    return svg


def _svg(name: str, spec: Chart, groups: list[list[Figure]], title: str, description: str, lang: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    bars = [
        (s.name_in(lang), f, index)
        for s, figures in zip(spec.series, groups, strict=True)
        for index, f in enumerate(figures)
    ]
    rc = {
        "svg.fonttype": "none",
        "svg.hashsalt": f"dnd-{name}",
        # A Korean font where the machine has one, so matplotlib measures Hangul labels as drawn.
        "font.family": FONTS,
        # SVG user units are points here, and the chart is shown at one CSS pixel per unit or more,
        # so 12 is the smallest text a reader sees.
        "font.size": 12,
        "text.color": SENTINEL,
        "axes.edgecolor": SENTINEL,
        "axes.labelcolor": SENTINEL,
        "xtick.color": SENTINEL,
        "ytick.color": SENTINEL,
    }
    with plt.rc_context(rc):
        height = 0.9 + 0.42 * len(bars) + 0.25 * len(groups)
        figure, axes = plt.subplots(figsize=(7.2, height))
        positions, labels, y = [], [], 0.0
        for series_name, fig, index in bars:
            positions.append(y)
            labels.append(f"{series_name}, {fig.period.words(lang)}")
            y += (
                1.0
                if index
                < len(
                    next(
                        g for s, g in zip(spec.series, groups, strict=True) if s.name_in(lang) == series_name
                    )
                )
                - 1
                else 1.5
            )
        values = [f.value for _, f, _ in bars]
        colours = [BAR_COLOURS[index % len(BAR_COLOURS)] for _, _, index in bars]
        if spec.lower_is_better:
            _ranks(axes, positions, values, colours, tr(lang, RANK_AXIS))
        else:
            axes.barh(positions, values, color=colours, height=0.8)
            axes.set_xlim(0, max(values))
            axes.xaxis.set_visible(False)
        notes = [
            axes.annotate(
                fig.shown(lang), (fig.value, position), xytext=(7, 0), textcoords="offset points", va="center"
            )
            for position, (_, fig, _) in zip(positions, bars, strict=True)
        ]
        # The axes take the figure's width; the value labels are then fitted inside them.
        for note in notes:
            note.set_in_layout(spec.lower_is_better)
        axes.set_yticks(positions, labels)
        axes.invert_yaxis()
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="y", length=0)
        figure.tight_layout()
        if not spec.lower_is_better:
            _fit_values(figure, axes, notes, values)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, transparent=True)
        plt.close(figure)
    return _inline(buffer.getvalue(), name, title, description)


def _narrow_svg(
    name: str, spec: Chart, groups: list[list[Figure]], title: str, description: str, lang: str
) -> str:
    """The phone's drawing: each series named on its own line(s), then per figure its period above
    its bar and the value at the bar's end; ranks as dots on a reversed scale, better to the right."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Rectangle
    from matplotlib.textpath import TextToPath

    size, line, bar, gap = NARROW["text"], NARROW["line"], NARROW["bar"], NARROW["gap"]
    width = NARROW["width"]
    measure, font = TextToPath(), FontProperties(family=FONTS, size=size)

    def wide(text: str) -> float:
        return measure.get_text_width_height_descent(text, font, ismath=False)[0]

    def wrapped(text: str) -> list[str]:
        lines: list[str] = []
        for word in text.split():
            if lines and wide(f"{lines[-1]} {word}") <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return lines

    values = [f.value for figures in groups for f in figures]
    longest = max(wide(f.shown(lang)) for figures in groups for f in figures)
    room = width - longest - 10
    if spec.lower_is_better:
        far = max(values) * 1.25 + 1

        def reach(value: float) -> float:
            return room * (far - value) / (far - 0.5)
    else:

        def reach(value: float) -> float:
            return room * value / max(values)

    texts, marks, y = [], [], 0.0
    notes = [tr(lang, RANK_AXIS)] if spec.lower_is_better else []
    for note in notes:
        texts += [(0.0, y, words, "normal") for words in wrapped(note)]
        y += line * len(wrapped(note)) + gap
    for series, figures in zip(spec.series, groups, strict=True):
        for words in wrapped(series.name_in(lang)):
            texts.append((0.0, y, words, "bold"))
            y += line
        for index, f in enumerate(figures):
            texts.append((0.0, y, f.period.words(lang), "normal"))
            y += line + 2
            end = reach(f.value)
            marks.append((end, y, BAR_COLOURS[index % len(BAR_COLOURS)]))
            texts.append(
                (end + 6 if not spec.lower_is_better else end + 9, y + bar / 2, f.shown(lang), "value")
            )
            y += bar + gap
        y += gap
    rc = {"svg.fonttype": "none", "svg.hashsalt": f"dnd-{name}-narrow", "font.family": FONTS}
    with plt.rc_context(rc):
        figure = plt.figure(figsize=(width / 72, y / 72))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width)
        axes.set_ylim(y, 0)
        axes.axis("off")
        for end, top, colour in marks:
            if spec.lower_is_better:
                axes.scatter([end], [top + bar / 2], s=90, c=[colour], zorder=3)
            else:
                axes.add_patch(Rectangle((0, top), end, bar, color=colour, lw=0))
        for x, top, words, kind in texts:
            centred = kind == "value"
            axes.text(
                x,
                top,
                words,
                fontsize=size,
                color=SENTINEL,
                fontweight="bold" if kind == "bold" else "normal",
                va="center" if centred else "top",
            )
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, transparent=True)
        plt.close(figure)
    return _inline(buffer.getvalue(), f"{name}-narrow", title, description, "dnd-chart-svg dnd-chart-narrow")


def _fit_values(figure, axes, notes, values: list[float]) -> None:
    """Widen the value axis until every value's label, measured as drawn (Hangul included), ends
    inside the axes, with a margin for the reader's font: '49조 원' keeps its '원'."""
    renderer = figure.canvas.get_renderer()
    room = axes.get_window_extent(renderer).width
    offset = 7 * figure.dpi / 72
    # Each label ends at value / limit * room + offset + its width; the limit makes the last one fit.
    widths = [note.get_window_extent(renderer).width * 1.1 for note in notes]
    limit = max(v * room / max(room - offset - w, room / 5) for v, w in zip(values, widths, strict=True))
    axes.set_xlim(0, limit)


def _ranks(axes, positions: list[float], values: list[float], colours: list[str], axis: str) -> None:
    """Ranks as dots on a reversed scale, so better is to the right; a bar would grow as a rank worsens."""
    axes.scatter(values, positions, s=90, c=colours, zorder=3)
    axes.set_xlim(max(values) * 1.25 + 1, 0.5)
    axes.set_xlabel(axis)


def _inline(svg: str, name: str, title: str, description: str, css: str = "dnd-chart-svg") -> str:
    """Make matplotlib's SVG fit for inlining: no prolog, no page-wide style, prefixed ids, a11y text."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{name}-\1)", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{name}-\1"', svg)
    svg = svg.replace(SENTINEL, "currentColor")
    # One CSS pixel per user unit where the stylesheet does not scale it (its viewBox keeps the shape).
    svg = re.sub(r'\s(width|height)="([0-9.]+)pt"', r' \1="\2"', svg, count=2)
    opening = f'<svg class="{css}" role="img" aria-labelledby="{name}-title {name}-desc" focusable="false"'

    svg = svg.replace("<svg", opening, 1)
    head_end = svg.index(">") + 1
    svg = (
        svg[:head_end]
        + f'<title id="{name}-title">{title}</title><desc id="{name}-desc">{description}</desc>'
        + svg[head_end:]
    )
    return "\n".join(line.strip() for line in svg.splitlines() if line.strip())
