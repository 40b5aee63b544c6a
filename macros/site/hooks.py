"""The data release as the site presents it: version, date, licences and attribution in every page's
footer, the changelog on its page, and a page of its own for every figure.

Loaded by MkDocs as a hook (`hooks:` in mkdocs.yml), because theme templates such as the footer see
neither the page macros nor their variables, because CHANGELOG.md lives outside docs/, and because
the figure pages are made from the data, not from files in docs/. It runs without the macros plugin
too, so the figure pages are the same in the benchmark's build without macros.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date
    licences: tuple[tuple[str, str], ...]
    # The footer's attributions in each language (the sources' `attribution`, `attribution_ko`).
    attributions_by_language: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The changes on show that no release holds yet, in words per language ('' when none).
    unreleased: tuple[tuple[str, str], ...] = ()

    @property
    def attributions(self) -> tuple[str, ...]:
        return self.attributions_by_language[0][1]

    def unreleased_in(self, lang: str) -> str:
        return dict(self.unreleased).get(lang, "")

    def attributions_in(self, lang: str) -> tuple[str, ...]:
        return dict(self.attributions_by_language)[lang]

    def attributions_unshown(self, lang: str, content: str | None) -> tuple[str, ...]:
        """The attributions the footer still has to give: those the page's own text does not show
        already (a figure's citation box, the licences page), so a page says each once."""
        if not content:
            return self.attributions_in(lang)
        import html
        import re

        # The page's words as a reader sees them: no scripts (its JSON-LD), no tags (the spans that keep
        # a date whole), one space between words.
        shown = re.sub(r"<script\b.*?</script>", " ", content, flags=re.S)
        shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", shown)).split())
        return tuple(a for a in self.attributions_in(lang) if " ".join(a.rstrip(".").split()) not in shown)

    @property
    def date_words(self) -> str:
        from macros.data.words import day_words

        return day_words(self.date)

    def date_in(self, lang: str) -> str:
        """The release day in a language: '26 November 2026', '2026년 11월 26일'."""
        from macros.data.words import day_words

        return day_words(self.date, lang)


def release(package) -> Release:
    """The package's version and date (its `created` day), its licences, and its sources' attributions."""
    day = package.created
    # A licence's name is one unit ('CC BY 4.0'): its words are joined by no-break spaces.
    licences = tuple(
        (licence["name"].replace("-", "\u00a0"), licence["path"])
        for licence in package.descriptor["licenses"]
    )
    # The footer attributes the release itself; every other source is attributed on the licences page.
    from macros.data.changes import unreleased_words
    from macros.data.language import LANGUAGES

    attributions = tuple((lang, (package.outlined.attribution_in(lang),)) for lang in LANGUAGES)
    unreleased = tuple((lang, unreleased_words(package.changes, lang)) for lang in LANGUAGES)
    return Release(package.version, day, licences, attributions, unreleased)


# Plugins whose every-build INFO lines (modules found, editions built, variables) bury what matters.
CHATTY = ("mkdocs.plugins.mkdocs_macros", "mkdocs.plugins.mkdocs_static_i18n")


def on_startup(command, dirty):
    """Keep the build's log to what a writer acts on: the plugins' routine notes are debug, not info."""
    import logging

    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)


@event_priority(-50)
def on_env(env, config, files):
    """Give the theme templates the release, the catalogue (`tr(lang, text)`) and where each edition
    lives (`edition_prefix(lang)`: '' or 'ko/'); late, so the macros plugin has imported this project's package."""
    import jinja2

    from macros.data.catalogue import tr
    from macros.data.package import BUILD_CACHE
    from macros.site.data import site_package
    from macros.site.editions import prefix

    # The theme's templates compiled once, not once per edition and build (about a tenth of a build's
    # time): an entry is keyed by the template's file and source, so a changed template is compiled afresh.
    compiled = BUILD_CACHE / "templates"
    compiled.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(compiled))
    env.globals["data_release"] = release(site_package())
    env.globals["tr"] = tr
    env.globals["edition_prefix"] = prefix
    return env


def on_config(config):
    """Stop before building when a page lacks its twin in another edition (docs/x.md and docs/x.ko.md),
    or when twins do not call the same macros."""
    from macros.site import editions

    docs = Path(config.docs_dir)
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    problems = editions.missing_twins(list(pages), editions.languages(config))
    problems += editions.macro_differences(pages)
    if problems:
        raise PluginError("Each page and its twin in the other language must match:\n" + "\n".join(problems))
    return config


@event_priority(-200)
def on_files(files, config):
    """Add a page for every figure at figures/<id>/ in this build's edition, made from the data (no
    Markdown file in docs/). Late, after the i18n plugin has chosen the edition's files."""
    from macros.site.figure_files import add_figure_pages

    return add_figure_pages(files, config)


def on_page_content(html, page, config, files):
    """Put back the blocks the macros kept out of Markdown (macros/site/blocks.py), and tell MkDocs the
    anchors they hold, so its link validation knows `checks.md#check-…` exists; give every abbreviation
    the page prints, in Markdown or in a macro's HTML, its hover definition."""
    from macros.site.blocks import anchors, put_back

    html = put_back(html)
    from macros.pages.abbreviations import definitions, mark_abbreviations

    html = mark_abbreviations(html, definitions(_abbreviations_file(config)))
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchors(html)
    from macros.data.catalogue import tr
    from macros.data.words import speaker

    lang = config.theme["language"]
    # Python-Markdown's toc writes this title on each heading's permalink; each edition says it in its words.
    permalink = tr(lang, "Permanent link")
    html = html.replace('title="Permanent link"', f'title="{permalink}"')
    from macros.pages.typography import keep_codes_whole

    html = keep_codes_whole(html)
    if speaker(lang).keeps_words_whole:
        from macros.pages.typography import keep_words_whole, particle_before_standing

        html = keep_words_whole(particle_before_standing(html))
    return html


def _with_abbreviations(markdown: str, config) -> str:
    """The page's Markdown followed by its edition's abbreviations (`includes/abbreviations.md`, and
    beside it `abbreviations.<lang>.md` in each other language)."""
    return f"{markdown.rstrip()}\n\n{_abbreviations_file(config).read_text(encoding='utf-8')}"


def _abbreviations_file(config) -> Path:
    """The edition's abbreviations: `includes/abbreviations.md`, or its twin in another language."""
    from macros.site.editions import twin

    return Path(config.config_file_path).parent / twin("includes/abbreviations.md", config.theme["language"])


@event_priority(-50)
def on_page_markdown(markdown, page, config, files):
    """Append CHANGELOG.md to the changelog page, after the macros ran, so its text is never a template;
    each version's heading gets an id and, when the site offers that version, a link to its download.
    Every page then ends with its edition's abbreviations. A page the quick build skips keeps its title
    alone (macros/site/live.py)."""
    from macros.site.live import skipped

    if skipped(page):
        return markdown
    return _with_abbreviations(_with_changelog(markdown, page, config, files), config)


def _with_changelog(markdown, page, config, files):
    from macros.data.package import CHANGELOG
    from macros.pages.links import CHANGELOG_PAGE
    from macros.site.editions import DEFAULT, twin

    # In every edition: each page shows the changelog in its own language (every entry is written in both).
    if twin(page.file.src_uri, DEFAULT) != CHANGELOG_PAGE:
        return markdown
    from mkdocs.utils import get_relative_url

    from macros.data.changelog import read_changelog
    from macros.pages.downloads import changelog_with_downloads
    from macros.pages.tables import said_by
    from macros.site.data import site_package
    from macros.tools.releases import ReleaseError, release_history

    package = site_package()
    path = Path(config.config_file_path).parent / CHANGELOG
    try:
        changelog = read_changelog(path)
    except OSError as error:
        raise PluginError(f"{CHANGELOG_PAGE}: cannot read {path} ({error.strerror})") from None
    try:
        history = release_history(package.path)
    except ReleaseError as error:
        raise PluginError(str(error)) from None

    def link(target: str, anchor: str | None) -> str:
        file = files.get_file_from_path(target) if target.endswith(".md") else None
        url = file.url if file else target.removesuffix("index.md")
        relative = get_relative_url(url, page.url)
        return f"{relative}#{anchor}" if anchor else relative

    lang = config.theme["language"]
    shown = changelog_with_downloads(
        changelog, history, link, lang, package.changes, said_by(package, (), lang)
    )
    return f"{markdown.rstrip()}\n\n{shown}"


@event_priority(-100)
def on_page_context(context, page, config, nav):
    """Give the theme's language switch this page in each edition, as paths from the site root, so
    they work when the site is served under a path (GitHub Pages); written here from the editions'
    layout rather than left to the i18n plugin, which writes the home pages' as absolute paths and
    none at all for a theme not named `material` (MaterialX). Late, after the plugin. Give the
    template the edition's root, where the theme finds this edition's search index
    (macros/site/search.py), and the authors as the package names them in the edition's language, which
    a citation tool reads from the page's `author` (the licence page asks the reader to cite them so)."""
    from macros.site.editions import current, language_links
    from macros.site.search import edition_base

    links = language_links(config, page.url)
    if len(links) > 1:
        config.extra.alternate = links  # as the plugin sets it (an attribute, which the theme reads first)
    context["edition_base"] = edition_base(current(config), page.url)
    context["edition_authors"] = _edition_authors(config)
    return context


def _edition_authors(config) -> str:
    """The authors as the package names them in the edition's language ('디지털 뉴딜 수치 편집진')."""
    from macros.pages.citation import authors
    from macros.site.data import site_package
    from macros.site.editions import current

    return authors(site_package(), config.site_author, current(config))


def _site_base(config) -> str:
    """The site's path on its host ('/' or '/repo/'): a 404 page is served at any address, so its links
    start from there."""
    from urllib.parse import urlsplit

    path = urlsplit(config.site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def on_template_context(context, template_name, config):
    """On the 404 page, the language switch leads to each edition's home, not to the last page built."""
    from macros.site.editions import DEFAULT

    if template_name != "404.html":
        return context
    base = _site_base(config)
    for alternate in getattr(config.extra, "alternate", None) or []:
        lang = alternate.get("lang") or DEFAULT
        alternate["link"] = base if lang == DEFAULT else f"{base}{lang}/"
    context["edition_authors"] = _edition_authors(config)
    return context


def on_post_template(output_content, template_name, config):
    """Each edition's 404 page: the default edition's at the site root, another's under its language
    (/ko/404.html). Every edition's build writes 404.html at the root; the default edition builds first,
    so a later edition writes its own page into its folder and leaves the root's as it is."""
    from macros.site.editions import DEFAULT

    lang = config.theme["language"]
    if template_name != "404.html" or lang == DEFAULT:
        return output_content
    site = Path(config.site_dir)
    (site / lang).mkdir(parents=True, exist_ok=True)
    (site / lang / "404.html").write_text(_footer_kept_whole(output_content, config), encoding="utf-8")
    root = site / "404.html"
    return root.read_text(encoding="utf-8") if root.exists() else output_content


@event_priority(-200)
def on_post_build(config):
    """Split the search index the i18n plugin merged into one per edition (macros/site/search.py).
    After the plugin's own post-build step (-100), which builds the other editions and merges."""
    from macros.site.editions import languages
    from macros.site.live import quick
    from macros.site.search import INDEX, split_index

    if not quick() and (Path(config.site_dir) / INDEX).exists():
        split_index(Path(config.site_dir), languages(config))


def on_post_page(output, page, config):
    """The theme's two invalid attributes, repaired on each page (macros/site/theme.py); in an edition that
    keeps its words whole, the footer's too (its data version's date, '2026년 12월 2일', on one line)."""
    from macros.site.theme import repaired

    return _footer_kept_whole(repaired(output), config)


def _footer_kept_whole(output: str, config) -> str:
    """The page with its footer's joined words and dates kept whole, in an edition that keeps them."""
    from macros.data.words import speaker

    if not speaker(config.theme["language"]).keeps_words_whole:
        return output
    from macros.pages.typography import keep_words_whole

    # The navigation and the table of contents repeat headings as plain text ('8.1.0 (2026년 12월 2일)'),
    # and the footer dates the page: each kept whole as the page's own text is.
    for opening, closing in (
        ('<div class="md-sidebar md-sidebar--primary"', '<div class="md-content"'),
        ("<footer", "</footer>"),
    ):
        start = output.find(opening)
        end = output.find(closing, start)
        if 0 <= start < end:
            output = output[:start] + keep_words_whole(output[start:end]) + output[end:]
    return output
