"""The site's editions, one per language: which languages the i18n plugin builds, which one the
current build is, where a page of an edition lives, and the rule that every page has its twin.

mkdocs-static-i18n builds the English edition at the root and the Korean one under /ko/, running
the whole build once per language on the same configuration; the theme's `language` tells which.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from ..data.language import LANGUAGES

DEFAULT = LANGUAGES[0]


def languages(config) -> tuple[str, ...]:
    """The languages built, default first; without the i18n plugin, the default alone."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return (DEFAULT,)
    built = tuple(lang.locale for lang in plugin.config.languages if lang.build)
    unknown = [lang for lang in built if lang not in LANGUAGES]
    if unknown:
        raise PluginError(f"mkdocs.yml: the i18n plugin builds {unknown}, which the data has no texts for")
    return built


def configured(config) -> tuple[str, ...]:
    """Every language of the site, default first, built in this run or not (`make serve` may build
    the default alone): what the language switch offers."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return (DEFAULT,)
    return tuple(
        sorted((lang.locale for lang in plugin.config.languages), key=lambda locale: locale != DEFAULT)
    )


def current(config) -> str:
    """The language of the build under way (the i18n plugin sets the theme's language per build)."""
    language = config.theme.get("language") or DEFAULT
    return language if language in LANGUAGES else DEFAULT


def prefix(language: str) -> str:
    """Where an edition's pages live: '' for the default language, 'ko/' for Korean."""
    return "" if language == DEFAULT else f"{language}/"


def twin(src_uri: str, language: str) -> str:
    """A page's source in another language: 'data/index.md' <-> 'data/index.ko.md'."""
    stem = src_uri.removesuffix(".md")
    for other in LANGUAGES[1:]:
        stem = stem.removesuffix(f".{other}")
    return f"{stem}.md" if language == DEFAULT else f"{stem}.{language}.md"


def missing_twins(src_uris: list[str], built: tuple[str, ...]) -> list[str]:
    """'docs/x.md has no Korean twin docs/x.ko.md' for every page whose twin in a built language is missing."""
    present = set(src_uris)
    problems = []
    for uri in sorted(present):
        for language in built:
            wanted = twin(uri, language)
            if wanted not in present:
                problems.append(f"docs/{uri}: no {language} twin (write docs/{wanted})")
    return problems


# A macro call opening an expression, or joined to a string inside one (fig("a", aside="국비 " ~ fig("b"))).
CALL = re.compile(r"(?:\{\{-?|~)\s*(\w+)\(\s*(?:(['\"])(.*?)\2)?")


def macro_calls(markdown: str) -> set[str]:
    """Each macro a page calls, with its first argument when it is a string: {"fig('budget-invested')"}."""
    return {
        f"{name}('{argument}')" if quote else f"{name}()" for name, quote, argument in CALL.findall(markdown)
    }


def macro_differences(pages: dict[str, str]) -> list[str]:
    """For each page and its twins (by source path, with their text), the macros one uses and another does
    not: twins show the same figures, tables and charts."""
    problems = []
    for uri in sorted(pages):
        if twin(uri, DEFAULT) != uri:
            continue
        calls = macro_calls(pages[uri])
        for language in LANGUAGES[1:]:
            other = twin(uri, language)
            if other not in pages:
                continue
            theirs = macro_calls(pages[other])
            problems += [
                f"docs/{other}: lacks {call}, which docs/{uri} uses" for call in sorted(calls - theirs)
            ]
            problems += [
                f"docs/{other}: uses {call}, which docs/{uri} lacks" for call in sorted(theirs - calls)
            ]
    return problems


def language_links(config, page_url: str) -> list[dict[str, str]]:
    """The language switch of a page: the same page in every edition of the site, as a path from the
    site root ('ko/data/checks/', './' for the home), which the theme makes relative to the page."""
    plugin = config.plugins.get("i18n")
    names = {lang.locale: lang.name for lang in plugin.config.languages} if plugin else {}
    path = page_url.removeprefix(prefix(current(config)))
    return [
        {"name": names.get(language, language), "link": prefix(language) + path or "./", "lang": language}
        for language in configured(config)
    ]


def edition_of(url_path: str) -> str:
    """The edition a URL path belongs to: '/ko/data/' is Korean, '/data/' the default language."""
    first = url_path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES[1:] else DEFAULT
