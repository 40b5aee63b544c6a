"""A schema.org Dataset description for search engines, safe to place inside a <script> element."""

from __future__ import annotations

import json

from ..data.package import Package
from ..tools.export import downloads_of
from .citation import authors

# Which downloads a Dataset lists as distributions: the archive, the figures table and the JSON export.
DISTRIBUTED = ("datapackage.zip", "data/figures.csv", "figures.json")


def dataset(package: Package, page, site_url: str | None, fallback_author: str | None) -> dict:
    d = package.descriptor

    def address(site_path: str) -> str:
        return f"{site_url.rstrip('/')}/{site_path}" if site_url else page.link(site_path)

    years = [y for f in package.figures.values() for y in f.period.years()]
    day = package.created
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": d.get("title", d.get("name")),
        "alternateName": d.get("name"),
        "description": d.get("description", ""),
        "version": package.version,
        "license": next((lic.get("path") for lic in d.get("licenses", []) if lic.get("path")), None),
        "creator": {"@type": "Organization", "name": authors(package, fallback_author)},
        "keywords": d.get("keywords", []),
        "temporalCoverage": f"{min(years)}/{max(years)}" if years else None,
        "isAccessibleForFree": True,
        "isBasedOn": [
            {
                "@type": "CreativeWork",
                "name": s.title,
                "publisher": {"@type": "Organization", "name": s.publisher},
                "datePublished": s.date.isoformat(),
                "inLanguage": s.language,
                "url": s.url,
                "citation": s.citation(),
                "license": s.licence,
            }
            for s in package.sources.values()
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": item.path,
                "description": item.title,
                "encodingFormat": item.media_type,
                "contentUrl": address(item.site_path),
                "contentSize": f"{len(item.content)} B",
            }
            for item in downloads_of(package)
            if item.path in DISTRIBUTED
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
