"""A third language: what adding one takes, and that every text the code writes comes from its catalogue.

The test makes a pseudo-language `xx` whose catalogue wraps each English text in ⟦ ⟧, reads the
Korean columns of the data and writes numbers by the Korean language object's rules. Every macro
the Korean pages call, and every figure's page, is then built in `xx`: a text in English outside the
markers is a text the code writes without the catalogue (a Python constant, an f-string, a branch
on a language code)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from macros.data import catalogue as catalogue_module
from macros.data import language
from macros.data.catalogue import catalogue, tr
from macros.data.changelog import read_changelog
from macros.data.package import load_package
from macros.data.words import SPEAKERS, Korean
from macros.pages import charts
from macros.pages.figure_page import figure_markdown
from macros.pages.html import ADDRESS, NAMED_ADDRESS
from macros.site import blocks, editions
from macros.site.macros import define_env

ROOT = Path(__file__).resolve().parents[1]
PSEUDO = "xx"
OPEN, CLOSE = "⟦", "⟧"
SCHEMA_TYPES = {"string", "number", "integer", "boolean", "date", "uri", "year", "datetime"}
MACRO = re.compile(r"\{\{\s*(.+?)\s*\}\}", re.S)


class Pseudo(Korean):
    """The Korean rules under another code: its catalogue and its place in the site are its own."""

    code = PSEUDO


class Conf(dict):
    """What the macros read of MkDocs' configuration."""

    @property
    def theme(self):
        return self["theme"]


class FakePage:
    def __init__(self, uri: str):
        self.file = type("F", (), {"src_uri": uri})()
        self.url = f"{PSEUDO}/{uri.removesuffix('.md')}/"


class Env:
    """The part of mkdocs-macros' environment the macros use: a decorator and the page being rendered."""

    def __init__(self, conf):
        self.conf, self.macros, self.page = conf, {}, None

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory):
    """The pseudo-language registered where a language is registered, with its generated catalogue."""
    locale = tmp_path_factory.mktemp("locale")
    catalog = Catalog(locale="ko")
    for (context, text), _ in catalogue("ko").items():
        catalog.add(text, f"{OPEN}{text}{CLOSE}", context=context)
    with (locale / f"{PSEUDO}.po").open("wb") as file:
        write_po(file, catalog)
    shutil.copy(catalogue_module.LOCALE / "ko.po", locale / "ko.po")
    patch = pytest.MonkeyPatch()
    patch.setattr(catalogue_module, "LOCALE", locale)
    patch.setattr(editions, "LANGUAGES", (*editions.LANGUAGES, PSEUDO))
    patch.setattr(language, "LANGUAGES", (*language.LANGUAGES, PSEUDO))
    # The pseudo-language reads the Korean columns of the data (label_ko).
    patch.setitem(language.SUFFIXES, PSEUDO, "_ko")
    patch.setitem(SPEAKERS, PSEUDO, Pseudo())
    # A chart's drawing is left out: its SVG is no text a reader is shown here (`Visible` skips svg, its
    # title and description are the chart's own, passed in), and drawing costs more than all the rest.
    patch.setattr(charts, "_cached_svg", lambda *drawn, **layout: "<svg></svg>")
    catalogue.cache_clear()
    yield
    patch.undo()
    catalogue.cache_clear()


class Visible(HTMLParser):
    """The text a reader sees, leaving out what is English on purpose (a quote marked lang="en") and
    code (ids, file names, patterns)."""

    SKIP = {"code", "script", "style", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "meta", "link", "col", "wbr", "hr", "source"}:
            return
        skip = tag in self.SKIP or dict(attrs).get("lang") == "en"
        self.stack.append(skip or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if self.stack and tag not in {"br", "img", "input", "meta", "link", "col", "wbr", "hr", "source"}:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def data_texts() -> list[str]:
    """Every Korean text of the data the pseudo-language shows (`*_ko` columns, the terms, the
    descriptor's `title_ko` and `description_ko`, the changelog's Korean lines), longest first: words
    of the data, not of the code."""
    texts = set()
    for path in (ROOT / "datapackage").rglob("*.csv"):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                texts |= {v for k, v in row.items() if k and (k.endswith("_ko") or k == "ko") and v}

    def walk(item):
        if isinstance(item, dict):
            for key, value in item.items():
                if key.endswith("_ko") and isinstance(value, str):
                    texts.add(value)
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8")))
    # Each version's Korean line of the changelog, shown on a figure's page with its ids as code.
    for section in read_changelog(ROOT / "CHANGELOG.md"):
        for line in (section.summary_ko, *(entry.text_ko for entry in section.entries)):
            texts |= {part.strip() for part in re.split(r"`[^`]*`", line) if re.search("[가-힣]", part)}
    # Each waiting change's Korean entry, shown on the pages of the figures it names, likewise.
    for change in load_package().changes:
        texts |= {
            part.strip() for part in re.split(r"`[^`]*`", change.entry_ko) if re.search("[가-힣]", part)
        }
    # A note's web address is a link between two parts of the note's text (html.prose); an address after
    # a name is that name's link, so the name and its address go together.
    texts = {
        part.strip()
        for text in texts
        for part in ADDRESS.sub("\n", NAMED_ADDRESS.sub("\n", text)).split("\n")
        if part.strip()
    }
    return sorted(texts, key=len, reverse=True)


DATA_TEXTS = data_texts()


def bypassing(html: str) -> list[str]:
    """English words outside the catalogue's markers: each one a text that bypassed the catalogue."""
    # A generated page's front matter and Markdown attribute lists are for MkDocs, not the reader.
    html = re.sub(r"\{[#.][^}]*\}", " ", re.sub(r"\A---\n.*?\n---\n", "", html, flags=re.S))
    parser = Visible()
    parser.feed(html)
    text = " ".join(parser.parts)
    for data in DATA_TEXTS:
        text = text.replace(data, " ")
    text = re.sub(r"`[^`]*`", " ", text)  # code in the changelog's text: an id, a column
    text = re.sub(r"\s+", " ", text)
    # A catalogue text may hold another (a check's wording in its sentence): remove the innermost first.
    while re.search(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", text):
        text = re.sub(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    # Addresses, file names and ids are data, not words (https://…, datapackage.json, budget-invested);
    # the Table Schema's type names are written as the standard writes them, in every language.
    text = " ".join(
        w for w in text.split(" ") if not re.search(r"[/._=?&@-]\w", w) and w.strip("()") not in SCHEMA_TYPES
    )
    # Names and acronyms of the data stay as they are in every language (ICT, 5G, KRW, SW); a word
    # of English is a lower-case run, shown with what stands around it.
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in re.finditer(r"\b[a-z][a-z]{2,}\b", text)]


def rendered(package_conf, uri: str, markdown: str) -> list[tuple[str, str]]:
    """Each macro call of a page, rendered in the pseudo-language: (call, HTML)."""
    conf = package_conf
    env = Env(conf)
    define_env(env)
    env.page = FakePage(uri)
    jinja = jinja2.Environment(undefined=jinja2.ChainableUndefined)
    results = []
    for call in MACRO.findall(markdown):
        name = call.split("(", 1)[0].strip()
        if name not in env.macros:
            continue
        html = jinja.from_string("{{ " + call + " }}").render(**env.macros, config=conf)
        results.append((call, blocks.put_back(html)))
    return results


@pytest.fixture(scope="module")
def conf(pseudo):
    return Conf(
        theme={"language": PSEUDO},
        docs_dir=str(ROOT / "docs"),
        config_file_path=str(ROOT / "mkdocs.yml"),
        site_dir=str(ROOT / "site"),
        use_directory_urls=True,
        repo_url="https://github.com/example/digital-new-deal-figures",
        site_url="https://example.org/dnd/",
        site_author="The editors",
    )


def test_every_macro_of_every_page_writes_its_texts_from_the_catalogue(conf):
    found = {}
    for path in sorted((ROOT / "docs").rglob("*.ko.md")):
        uri = path.relative_to(ROOT / "docs").as_posix()
        for call, html in rendered(conf, uri, path.read_text(encoding="utf-8")):
            # Words the page itself passes to a macro (an aside="…") are the page's, not the code's.
            for words in re.findall(r'"([^"]*)"', call):
                html = html.replace(words, " ")
            found.update({f"{uri}: {call}: …{words}…": 1 for words in bypassing(html)})
    assert not found, "texts the code writes without the catalogue:\n" + "\n".join(found)


def test_every_figure_page_writes_its_texts_from_the_catalogue(conf):
    from macros.site.page import PageAt

    package = load_package()
    found = {}
    for figure in package.figures.values():
        page = PageAt(conf, f"figures/{figure.id}.md", f"{PSEUDO}/figures/{figure.id}/")
        markdown = figure_markdown(package, page, figure, conf["site_url"])
        found.update({f"{figure.id}: …{words}…": 1 for words in bypassing(markdown)})
    assert not found, "texts the figure pages write without the catalogue:\n" + "\n".join(found)


def test_the_footer_writes_its_texts_from_the_catalogue(pseudo):
    from macros.site.hooks import release

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    env.filters["url"] = lambda path: f"/{path}"
    env.globals |= {"tr": tr, "edition_prefix": editions.prefix, "data_release": release(load_package())}
    footer = env.get_template("partials/copyright.html").render(config={"theme": {"language": PSEUDO}})
    assert f"{OPEN}Licences and citation{CLOSE}" in footer
    assert bypassing(footer) == []


def test_the_pseudo_catalogue_is_the_one_the_code_reads(pseudo):
    assert tr(PSEUDO, "none") == f"{OPEN}none{CLOSE}"
    assert tr(PSEUDO, "in-full", "interval rule") == f"{OPEN}in-full{CLOSE}"


def test_a_stray_english_text_is_found():
    assert [w.strip() for w in bypassing(f"<p>{OPEN}Figure{CLOSE} 8,000, as said</p>")] == ["8,000, as said"]
    assert bypassing('<p><q lang="en">as printed</q> <code>budget-invested</code></p>') == []
