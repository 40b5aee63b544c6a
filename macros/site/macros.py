"""The page macros: each wires one builder of `macros.pages` to the loaded package and the page."""

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from ..data.checks import OUTCOMES
from ..data.package import RESOURCES
from ..data.words import (
    alternatives,
    day_words,
    list_words,
    particle,
    plain,
    qualifier_name,
    quote_marks,
    quoted,
)
from ..pages import charts, citation, dictionary, errata, explorer, html, jsonld, links, tables, targets
from ..pages.downloads import contents, release_table
from ..pages.downloads import downloads as download_list
from ..pages.i18n import DEFAULT
from ..pages.workbook import version_workbooks, workbooks
from ..tools.export import write_downloads
from ..tools.releases import ReleaseError, release_history, write_releases
from . import editions, live
from .blocks import keep
from .data import site_package
from .page import CurrentPage

log = logging.getLogger("mkdocs.plugins.dnd")


def _history(package):
    """Every released version (macros/tools/releases.py), or a stopped build naming the commit at fault."""
    try:
        return release_history(package.path)
    except ReleaseError as error:
        raise Abort(
            f"A release in the git history cannot be published; the site was not built:\n{error}"
        ) from None


def define_env(env):
    """Register the macros; the loading, formatting and rendering live in their own modules."""
    if not env.conf.get("repo_url"):
        # Edit links need a repository address; a local clone leaves them out rather than broken.
        env.conf["edit_uri"] = None
    package = site_package()
    history = _history(package)
    page = CurrentPage(env)
    site_url = env.conf.get("site_url") or None
    author = env.conf.get("site_author")

    @env.macro
    def fig(figure_id: str, form: str = "text", josa: str | None = None, aside: str | None = None) -> str:
        return links.fig(package, page, figure_id, form, josa, aside)

    @env.macro
    def term(term_id: str, josa: str | None = None) -> str:
        """A term from terms.csv in the page's language: its Korean as the Korean source writes it
        ('3차 추경', '제4차 한국판 뉴딜 전략회의'), with the particle its last sound takes, or its first
        English wording."""
        found = next((t for t in package.terms if t.id == term_id), None)
        if found is None:
            raise page.error(f"term: unknown term '{term_id}'")
        if page.language == DEFAULT:
            return html.text(found.wordings[0])
        return html.text(particle(found.ko, josa) if josa else found.ko)

    @env.macro
    def figure_table(topic_id: str, caption: str | None = None, deep: bool = True) -> str:
        return keep(tables.figure_table(package, page, topic_id, caption, deep))

    @env.macro
    def chart(name: str) -> str:
        return keep(charts.chart(package, page, name))

    @env.macro
    def figure_explorer() -> str:
        return keep(explorer.figure_explorer(package, page))

    @env.macro
    def data_dictionary() -> str:
        return dictionary.data_dictionary(package, page.language)  # Markdown headings: Markdown must read it

    @env.macro
    def checks_list() -> str:
        return keep(errata.checks_list(package, page))

    @env.macro
    def interval_rules() -> str:
        return keep(errata.interval_rules(package, page))

    @env.macro
    def contradictions() -> str:
        return keep(errata.contradictions(package, page))

    @env.macro
    def corrections_table() -> str:
        return keep(errata.corrections_table(package, page))

    @env.macro
    def downloads() -> str:
        return keep(download_list(package, page, site_url))

    @env.macro
    def dataset_jsonld() -> str:
        return keep(jsonld.dataset_jsonld(package, page, site_url, author))

    @env.macro
    def cite_box(example: str | None = None) -> str:
        if example is not None:
            links.figure(package, page, example)
        return keep(citation.cite_box(package, site_url, example, page))

    @env.macro
    def versions_table() -> str:
        changelog = {section.version for section in package.changelog}
        return keep(release_table(history, page, changelog, page.repo_url, package, site_url))

    @env.macro
    def data_version() -> str:
        return package.version

    @env.macro
    def data_date() -> str:
        return citation.date_words(package, page.language)

    @env.macro
    def source_date(source_id: str | None = None) -> str:
        """The release's date in words ('30 August 2021'), from sources.csv."""
        source = package.sources.get(source_id) if source_id else next(iter(package.sources.values()))
        if source is None:
            raise page.error(f"source_date: unknown source '{source_id}'")
        return day_words(source.date, page.language)

    @env.macro
    def source_of(figure_id: str, josa: str | None = None) -> str:
        """The figure's source named for running text and linked: 'the release the Ministry … issued on
        30 August 2021'; '과학기술정보통신부의 2021년 8월 30일 보도자료'."""
        links.figure(package, page, figure_id)
        return citation.source_in_text(package, figure_id, page.language, josa)

    @env.macro
    def period(figure_id: str, part: str = "all") -> str:
        """A figure's period in words; 'start' or 'end' for one end of it ('July 2020', '2025')."""
        found = links.figure(package, page, figure_id).period
        points = {"all": None, "start": found.start, "end": found.end or found.start}
        if part not in points:
            raise page.error(f"period('{figure_id}'): unknown part '{part}'; use all, start or end")
        if part == "start" and found.start is None:
            raise page.error(f"period('{figure_id}', 'start'): its source gives no start ({found.text})")
        lang = page.language
        return html.text(found.words(lang) if part == "all" else points[part].words(lang))

    @env.macro
    def share(part_id: str, whole_id: str) -> str:
        return targets.share(package, page, part_id, whole_id)

    @env.macro
    def targets_table() -> str:
        return keep(targets.targets_table(package, page))

    @env.macro
    def release_dates() -> str:
        """The release's English date and the date of the Korean original it translates."""
        return citation.both_dates(package, page.language)

    @env.macro
    def sources_table() -> str:
        return keep(citation.sources_table(package, page.language))

    @env.macro
    def figure_count() -> str:
        return plain(len(package.figures))

    @env.macro
    def check_count(outcome: str | None = None) -> str:
        """All checks, or those with one outcome (a name from OUTCOMES)."""
        if outcome is not None and outcome not in OUTCOMES:
            raise page.error(f"check_count: unknown outcome '{outcome}'")
        return plain(sum(outcome in (None, o.status) for o in package.outcomes))

    @env.macro
    def qualifier_word(figure_id: str) -> str:
        """The qualifier word a figure's source prints before its number, quoted from the figure's quote."""
        try:
            return tables.qualifier_quoted(package, links.figure(package, page, figure_id), page.language)
        except ValueError as error:
            raise page.error(f"qualifier_word: {error}") from None

    @env.macro
    def source_word(word: str) -> str:
        """A word of a source quoted in the prose ('businesses'), marked as the source's on a page in another
        language; a word no figure's quote holds stops the build."""
        try:
            return tables.source_word(package, word, page.language)
        except ValueError as error:
            raise page.error(f"source_word: {error}") from None

    @env.macro
    def untitled_reports() -> str:
        """The news reports whose stored copy shows no headline, by publisher: the list is the sources
        table's (an empty `headline`), so a page that names them cannot leave one out."""
        names = [
            source.publisher_in(page.language)
            for source in package.sources.values()
            if source.kind == "news-report" and not source.headline
        ]
        return html.text(list_words(names, page.language))

    @env.macro
    def qualifier_names(josa: str | None = None) -> str:
        """Every qualifier the schema allows, named as the tables name them, as a list with 'or': a page
        that lists them cannot leave one out or keep one the data dropped. Each name is quoted, as a
        list of names in a sentence must be (a bare 'none' reads as 'not in the table'); a name that
        already quotes its words (‘여’·‘초과’) is left as it is."""
        (field,) = (f for f in package.tables["figures"].fields if f["name"] == "qualifier")
        opening, _ = quote_marks(page.language)
        names = [qualifier_name(q, page.language) for q in field["constraints"]["enum"]]
        names = [name if opening in name else quoted(name, page.language) for name in names]
        words = alternatives(names, page.language)
        return html.text(particle(words, josa) if josa else words)

    @env.macro
    def outcome_name(status: str) -> str:
        """An outcome's name as every list and badge writes it ('holds'; 맞음), so prose that defines the
        outcomes uses the words the checks show."""
        return errata.outcome_name(page, status)

    @env.macro
    def outcome(check_id: str, form: str = "word") -> str:
        """A check's outcome in words, linked to the check ('holds'; with form 'check', 'check: holds')."""
        return errata.outcome(package, page, check_id, form)

    @env.macro
    def correction_count() -> str:
        return plain(len(package.corrections))

    @env.macro
    def topic_count() -> str:
        return plain(len(package.topics))

    @env.macro
    def linked_count(relation: str, source_id: str) -> str:
        """How many figures of one source a later figure links to with a relation (linked_count("revises",
        "msit-2021-08-30")), so prose that says how many were revised counts the links, never types it."""
        if source_id not in package.sources:
            raise page.error(f"linked_count: unknown source '{source_id}'")
        if not any(link.relation == relation for link in package.links):
            raise page.error(f"linked_count: no link has the relation '{relation}'")
        others = {link.other for link in package.links if link.relation == relation}
        return plain(sum(package.figures[o].source == source_id for o in others))

    @env.macro
    def package_contents() -> str:
        return contents(package, page.language)  # Markdown: the page's Markdown renders the list

    @env.macro
    def count(table: str) -> str:
        """How many rows a table of the package has: count("sources"), count("links"), count("terms")."""
        if table not in RESOURCES:
            raise page.error(f"count: unknown table '{table}'; use one of {', '.join(RESOURCES)}")
        rows = getattr(package, table)
        return plain(len(rows))


def on_post_build(env):
    """Write the downloads next to the pages, from the same bytes the pages describe, and every
    version at its own address; say once why earlier versions are missing, if they are. Once per
    site: the downloads are shared by both editions, so the other editions' builds skip this, and so
    does `make serve`'s quick build of the open pages (macros/site/live.py)."""
    if editions.current(env.conf) != editions.DEFAULT or live.quick():
        return
    package = site_package()
    site_dir, site_url = env.conf["site_dir"], env.conf.get("site_url") or None
    write_downloads(package, site_dir)
    history = _history(package)
    try:
        write_releases(history, site_dir)
    except ReleaseError as error:
        raise Abort(
            f"A release in the git history cannot be published; the site was not built:\n{error}"
        ) from None
    for item in workbooks(package, site_url):
        write_file(Path(site_dir) / item.site_path, item.content)
    current = history.find(history.current.version)
    if current is not None and current.commit is None:
        for path, content in version_workbooks(history, current, package, site_url):
            write_file(Path(site_dir) / path, content)
    for note in history.notes:
        log.info(note)


def write_file(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
