"""A page for every figure in every edition, made at build time from the data.

The i18n plugin knows only files on disk, so these pages are added after it has chosen the edition's
files, each with its twin in the other languages as its `alternates`: the language switch, the
`hreflang` links and the sitemap then treat them like any other page.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from ..pages.figure_page import figure_markdown
from ..pages.links import figure_page
from . import editions, live
from .data import site_package
from .page import PageAt


def _file(config, uri: str, language: str) -> File:
    file = File.generated(config, uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = editions.prefix(language) + file.dest_uri
    return file


def add_figure_pages(files, config):
    package = site_package()
    site_url = config.get("site_url") or None
    language = editions.current(config)
    built = editions.languages(config)
    added = []
    for figure in package.figures.values():
        uri = figure_page(figure.id)
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri}: this path is made from the data; remove the file from docs/")
        twins = {lang: _file(config, uri, lang) for lang in built}
        file = twins[language]
        if not live.wanted(file.url):
            continue  # `make serve`'s quick build makes only the figure pages open (macros/site/live.py)
        file.content_string = figure_markdown(package, PageAt(config, uri, file.url), figure, site_url)
        # What the i18n plugin sets on the files it handles, so the switch and sitemap find the twins.
        file.alternates, file.locale, file.localization = twins, language, None
        file.locale_alternate_of, file.norm_src_uri = language, uri
        files.append(file)
        added.append(file)
    plugin = config.plugins.get("i18n")
    if plugin is not None:
        plugin.i18n_files_per_language.setdefault(language, []).extend(added)
    return files
