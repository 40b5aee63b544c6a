"""A schema.org Dataset description for search engines, safe to place inside a <script> element."""

from __future__ import annotations

import json

from ..data.language import column
from ..data.package import Package
from .citation import authors, figure_citation
from .downloads import listed
from .workbook import workbook_name

# Which downloads a Dataset lists as distributions: the archive, the figures table and the JSON export,
# and the Excel workbook of the page's edition.
DISTRIBUTED = ("datapackage.zip", "data/figures.csv", "figures.json")


def dataset(package: Package, page, site_url: str | None, fallback_author: str | None) -> dict:
    """The Dataset in the page's language: name, description, keywords, sources and downloads in it,
    and `inLanguage` saying so."""
    d = package.descriptor
    lang = page.language

    def address(site_path: str) -> str:
        return f"{site_url.rstrip('/')}/{site_path}" if site_url else page.link(site_path)

    years = [y for f in package.figures.values() for y in f.period.years()]
    day = package.created
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": d.get(column("title", lang)) or d.get("title", d.get("name")),
        "alternateName": d.get("name"),
        "description": d.get(column("description", lang)) or d.get("description", ""),
        "inLanguage": lang,
        "version": package.version,
        "license": next((lic.get("path") for lic in d.get("licenses", []) if lic.get("path")), None),
        "creator": {"@type": "Organization", "name": authors(package, fallback_author, lang)},
        "keywords": d.get(column("keywords", lang)) or d.get("keywords", []),
        "temporalCoverage": f"{min(years)}/{max(years)}" if years else None,
        "isAccessibleForFree": True,
        "isBasedOn": [
            {
                "@type": "CreativeWork",
                "name": s.cited_title(lang),
                "publisher": {"@type": "Organization", "name": s.publisher_in(lang)},
                "datePublished": s.date.isoformat(),
                "inLanguage": s.language,
                "url": s.url,
                "citation": s.citation(lang),
                "license": s.licence_in(lang),
            }
            for s in package.sources.values()
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": item.path,
                "description": item.title_in(lang),
                "encodingFormat": item.media_type,
                "contentUrl": address(item.site_path),
                "contentSize": f"{len(item.content)} B",
            }
            for item in listed(package, site_url)
            if item.path in (*DISTRIBUTED, workbook_name(lang))
        ],
    }
    if day:
        document["datePublished"] = day.isoformat()
    if site_url:
        document["url"] = site_url
    return {k: v for k, v in document.items() if v is not None}


def script(document: dict) -> str:
    """JSON in a script element; <, > and & are escaped so no text can close the element."""
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def dataset_jsonld(package: Package, page, site_url: str | None, author: str | None) -> str:
    return script(dataset(package, page, site_url, author))


def figure_dataset(package: Package, page, figure, description: str, address: str | None) -> dict:
    """One figure as a schema.org Dataset that is part of the package, in the page's language."""
    lang = page.language
    d = package.descriptor
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": figure.label_in(lang),
        "identifier": figure.id,
        "description": description,
        "inLanguage": lang,
        "version": package.version,
        "creator": {"@type": "Organization", "name": authors(package, lang=lang)},
        "license": next((lic.get("path") for lic in d.get("licenses", []) if lic.get("path")), None),
        "isPartOf": {
            "@type": "Dataset",
            "name": d.get(column("title", lang)) or d.get("title"),
            "version": package.version,
        },
        "citation": figure_citation(package, figure, address, lang),
        "isBasedOn": package.source_of(figure).citation(lang),
        "url": address,
    }
    return {k: v for k, v in document.items() if v is not None}
