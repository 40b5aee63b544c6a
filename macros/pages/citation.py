"""How to cite the package, one figure of it, and the source it reuses."""

from __future__ import annotations

from ..data.package import Package
from ..data.words import day_words
from . import html


def date_words(package: Package) -> str:
    """The package's creation date in words; empty when the descriptor has none."""
    return day_words(package.created) if package.created else ""


def authors(package: Package, fallback: str | None = None) -> str:
    names = [c["title"] for c in package.descriptor.get("contributors", []) if "author" in c.get("roles", [])]
    return "; ".join(names) or fallback or package.descriptor.get("name", "")


def package_citation(package: Package, site_url: str | None = None) -> str:
    """'Authors. Title, version 1.0.0, 25 November 2026. URL' as plain text."""
    date = date_words(package)
    text = f"{authors(package)}. {package.descriptor.get('title', '')}, version {package.version}"
    text += f", {date}." if date else "."
    return f"{text} {site_url}" if site_url else text


def cite_box(package: Package, site_url: str | None = None, example: str | None = None) -> str:
    """An admonition with the package citation, a one-figure citation and the source's attribution."""
    figure = package.figures.get(example) if example else next(iter(package.figures.values()))
    if figure is None:
        raise ValueError(f"unknown figure id '{example}'")
    one = (
        f"{authors(package)}, {package.descriptor.get('title', '')}, data version {package.version}, "
        f"figure {figure.id} ({figure.label})."
    )
    lines = [
        '<div class="admonition quote dnd-cite">',
        '<p class="admonition-title">Cite this</p>',
        f'<p>The data package:</p><p class="dnd-citation">{html.text(package_citation(package, site_url))}</p>',
        "<p>One figure: give its id and the data version, so the value can be looked up again even "
        f'after a correction. For example:</p><p class="dnd-citation">{html.text(one)}</p>',
    ]
    for source in package.sources.values():
        attribution = source.attribution if source.attribution.endswith(".") else source.attribution + "."
        lines.append(f"<p>The source: {html.text(source.citation())} {html.text(attribution)}</p>")
    lines.append("</div>")
    return "\n".join(lines)
