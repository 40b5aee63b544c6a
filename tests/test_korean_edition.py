"""The Korean edition reads as Korean: no English left outside quotations and bracketed glosses, no
particle placeholders, Korean number forms and terms, a Korean citation and Korean JSON-LD on every
figure page, and its own 404 page. The style guide these hold is in CONTRIBUTING.md."""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.data.changelog import CODE, read_changelog
from macros.data.checks import KINDS
from macros.data.package import load_package
from macros.pages.i18n import catalogue
from macros.pages.tables import SECONDARY_SOURCE, places, source_words
from macros.pages.typography import keep_words_whole, particle_before_standing
from macros.tools.release_notes import checks_entry

pytestmark = pytest.mark.cost(90)

ROOT = Path(__file__).resolve().parents[1]

# Three or more Latin-script words in a row: an English phrase, not a name such as 'ICT' or '5G'.
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?:[\s,;:/]+[A-Za-z][A-Za-z'’.-]*){2,}")
# A bracketed gloss ('산업 디지털화 혁신 펀드(Digitalization Industry Innovation Fund)') and an address.
GLOSS = re.compile(r"\([^()]*\)")
ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")
# What a machine leaves where it cannot choose a particle by the last sound: '1,126개(으)로'.
PLACEHOLDER = re.compile(r"\((?:으|이|을|를|은|는|과|와|가)\)")
# Korean never writes more than one decimal of 조 ('3조 7,010억', not '3.701조').
DECIMALS_OF_JO = re.compile(r"[0-9]+\.[0-9]{2,}조")
# Wording the style guide replaced: a machine's 'printed', a coinage, a term Korean texts do not use,
# an ordinal of a budget, a meeting or a plan in words where officials write 3차, 제4차 (terms.csv), and a
# coinage spliced into a plan's title.
REPLACED = (
    "인쇄",
    "개척기업",
    "감염병 대유행",
    "번째 추가경정",
    "번째 추경",
    "번째 한국판 뉴딜 전략회의",
    "번째 클라우드",
    "번째 기본계획",
    "인터넷기반자원공유\\(클라우드\\)컴퓨팅",
    # The Korean original's coinages: the reports of it, and a desk, write 메타버스 and 클라우드; a page
    # may name a coinage only in quotation marks, as the original's word.
    "가상확장세계",
    "인터넷기반자원공유",
)
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class EnglishRuns(HTMLParser):
    """The English runs of a page's text and attributes, outside quotations of a source (a `blockquote`
    in another language, or a `q` that cites its source) and outside code, scripts and styles. Text
    merely marked `lang="en"` is still English left on the page: the project's own words are not a
    quotation."""

    def __init__(self, mentions: tuple[str, ...] = ()):
        super().__init__()
        self.mentions = mentions  # elements whose English is named, not used (a term's English wording)
        self.open: list[tuple[str, bool]] = []
        self.runs: list[str] = []
        self.text = ""  # the running text since the last tag that is not a kept-whole word's span

    def _flush(self) -> None:
        self._scan(self.text, "")
        self.text = ""

    def _word(self, tag: str, attributes: dict | None = None) -> bool:
        """A kept-whole word's span (macros/pages/typography.py) is part of the text around it."""
        return tag == "span" and (attributes is None or attributes.get("class") == "dnd-word")

    def _quoted(self) -> bool:
        return any(skip for _, skip in self.open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._word(tag, attributes):
            self.open.append((tag, False))
            return
        self._flush()
        foreign = (attributes.get("lang") or "ko") != "ko"
        skip = (
            tag in ("script", "style", "code", "pre", "svg", "kbd")
            or (foreign and (tag == "blockquote" or (tag == "q" and bool(attributes.get("cite")))))
            or (foreign and tag in self.mentions)
        )
        if not self._quoted() and not skip:
            for name in ATTRIBUTES:
                self._scan(attributes.get(name) or "", f"@{name}")
        if tag not in VOID:
            self.open.append((tag, skip))

    def handle_endtag(self, tag):
        if not self._word(tag):
            self._flush()
        for n in range(len(self.open) - 1, -1, -1):
            if self.open[n][0] == tag:
                del self.open[n:]
                return

    def handle_data(self, data):
        if not self._quoted():
            self.text += data

    def _scan(self, text: str, where: str) -> None:
        text = ADDRESS.sub(" ", text)
        while GLOSS.search(text):
            text = GLOSS.sub(" ", text)
        self.runs += [where + run.group() for run in ENGLISH_RUN.finditer(text)]


def korean_pages(site):
    return sorted((site / "ko").rglob("*.html"))


# The Korean terms table of the data dictionary lists the English wording each Korean term renders: the
# English there is the thing described, as a dictionary's headword is.
MENTIONS = {"ko/data/dictionary/index.html": ("span",)}


def english_runs(html: str, mentions: tuple[str, ...] = ()) -> list[str]:
    parser = EnglishRuns(mentions)
    parser.feed(html)
    parser._flush()
    return parser.runs


def test_the_scanner_finds_english_and_lets_quotations_and_glosses_be():
    assert english_runs("<p>이 수치는 Switch to dark mode 입니다</p>") == ["Switch to dark mode"]
    assert english_runs('<button title="Switch to dark mode"></button>') == ["@titleSwitch to dark mode"]
    assert (
        english_runs('<p>원문 표기 <q lang="en" cite="https://x.example">second half of this year</q></p>')
        == []
    )
    assert english_runs('<blockquote lang="en"><p>Invested 10.1 trillion won in it</p></blockquote>') == []
    # The project's own English, marked but quoting no source, is English left.
    assert english_runs('<p>6.0.1: <q lang="en">Korean labels reworded for them</q></p>') == [
        "Korean labels reworded for them"
    ]
    assert english_runs("<p>산업 디지털화 혁신 펀드(Digitalization Industry Innovation Fund)</p>") == []
    glossed = keep_words_whole(
        "<p>산업 디지털화 혁신 펀드(Digitalization Industry Innovation Fund)의 규모</p>"
    )
    assert english_runs(glossed) == []
    assert english_runs("<p><code>make validate now</code> https://www.korea.net/Government/x</p>") == []


def test_no_korean_page_has_an_english_run_outside_a_quotation_or_a_gloss(built_site):
    found = {}
    for path in korean_pages(built_site.site):
        name = path.relative_to(built_site.site).as_posix()
        runs = english_runs(path.read_text(encoding="utf-8"), MENTIONS.get(name, ()))
        if runs:
            found[name] = runs[:5]
    assert found == {}, (
        "English left on Korean pages (quote a source in a blockquote or a q with cite, or write it in Korean)"
    )


def test_no_page_of_either_edition_shows_a_particle_placeholder(built_site):
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in built_site.site.rglob("*.html")
        if PLACEHOLDER.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_catalogue_writes_particles_as_format_specs_not_placeholders():
    leftovers = [text for text in catalogue("ko").values() if PLACEHOLDER.search(text)]
    assert leftovers == []


def readable(html: str) -> str:
    """A page's Korean as the style guide reads it: no scripts, nothing marked as English, and no word
    quoted from a source (‘…’)."""
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    html = re.sub(r'<(q|span|div) lang="en"[^>]*>.*?</\1>', "", html, flags=re.S)
    return re.sub(r"‘[^’]*’", "", html)


@functools.cache
def readable_page(path: Path) -> str:
    """`readable` of a built page, made once for all the patterns that read it (a built site is read-only)."""
    return readable(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("pattern", [DECIMALS_OF_JO, *(re.compile(word) for word in REPLACED)])
def test_korean_pages_keep_to_the_style_guide(built_site, pattern):
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in korean_pages(built_site.site)
        if pattern.search(readable_page(path))
    ]
    assert found == [], pattern.pattern


# A particle whose form depends on the sound before it, typed after a value that could change. A quoted
# English word (qualifier_word) gets no particle at all, neither on it nor on a gloss after it
# (‘more than’(그보다 많다)라고 reads the particle off the gloss, not the word read aloud): it stands in
# brackets after the Korean words that say it, and the particle follows those (넘는다는 뜻의 표현(‘more
# than’)을), as after any bracket.
TYPED_PARTICLE = re.compile(r"\}\}(?P<josa>으로|로|을|를|이라고|라고|과|와|이|가|은|는)(?![가-힣])")
QUALIFIER_WORD = re.compile(r"(?P<before>.)\{\{ qualifier_word\(\"[a-z0-9-]+\"\) \}\}(?P<after>.)")


def bracketed_after_korean(m: re.Match) -> bool:
    return m.group("before") == "(" and m.group("after") == ")"


def test_korean_pages_let_the_macro_choose_the_particle_after_a_value():
    found, unbracketed = [], []
    for path in sorted((ROOT / "docs").rglob("*.ko.md")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        found += [
            f"{name}:{text[: m.start()].count(chr(10)) + 1}: }}}}{m.group('josa')}"
            for m in TYPED_PARTICLE.finditer(text)
        ]
        unbracketed += [
            f"{name}:{text[: m.start()].count(chr(10)) + 1}: {m.group(0)}"
            for m in QUALIFIER_WORD.finditer(text)
            if not bracketed_after_korean(m)
        ]
    assert found == [], "write {{ fig('id', josa='으로') }}, or a quoted word's Korean gloss in brackets"
    assert unbracketed == [], "write 넘는다는 뜻의 표현({{ qualifier_word('id') }})을"
    assert TYPED_PARTICLE.search('{{ qualifier_word("x") }}라고').group("josa") == "라고"
    assert not bracketed_after_korean(QUALIFIER_WORD.search('는 {{ qualifier_word("x") }}(그보다 많다)라고'))
    assert bracketed_after_korean(QUALIFIER_WORD.search('한정어({{ qualifier_word("x") }})를'))


# A `make` target is read aloud as its English word, so the particle after it follows that word's last
# sound: audit is read ending in a consonant (으로, 이, 을, 은, 과), the other targets in a vowel (check,
# validate, diff, correct, release, serve: 로, 가, 를, 는, 와). A new target named on a Korean page must
# be placed here, so that its particle is checked.
MAKE_PARTICLE = re.compile(
    r"`make (?P<target>[a-z-]+)(?: [^`]*)?`(?P<josa>으로|로|이|가|을|를|은|는|과|와)(?![가-힣])"
)
ENDS_IN_A_CONSONANT = {"audit"}
ENDS_IN_A_VOWEL = {
    "check",
    "validate",
    "diff",
    "correct",
    "release",
    "serve",
    "test",
    "build",
    "lint",
    "bench",
}
AFTER_A_CONSONANT = {"으로", "이", "을", "은", "과"}


def wrong_particle_after_make(line: str) -> list[str]:
    wrong = []
    for m in MAKE_PARTICLE.finditer(line):
        target, josa = m.group("target"), m.group("josa")
        assert target in ENDS_IN_A_CONSONANT | ENDS_IN_A_VOWEL, f"`make {target}`: place it in a set above"
        if (josa in AFTER_A_CONSONANT) != (target in ENDS_IN_A_CONSONANT):
            wrong.append(m.group(0))
    return wrong


def test_the_particle_after_a_make_target_follows_the_target_read_aloud():
    texts = [
        *sorted((ROOT / "docs").rglob("*.ko.md")),
        ROOT / "CHANGELOG.md",
        *sorted((ROOT / "changes").glob("*.yaml")),
    ]
    texts.append(ROOT / "macros" / "pages" / "locale" / "ko.po")
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {wrong}"
        for path in texts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for wrong in wrong_particle_after_make(line)
    ]
    assert found == []
    assert wrong_particle_after_make("`make audit`가 찾고 `make check`를 실행") == ["`make audit`가"]
    assert wrong_particle_after_make("`make audit`으로 실행하고 `make diff`를 실행") == []
    assert wrong_particle_after_make("`make correct FIGURE=x`과") == ["`make correct FIGURE=x`과"]


def text(html: str) -> str:
    """HTML without its tags."""
    return re.sub(r"<[^>]+>", "", html)


def structured(html: str) -> list[dict]:
    return [
        json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_a_korean_figure_page_cites_in_korean_and_describes_itself_in_korean(built_site):
    html = built_site.page("ko/figures/budget-invested/")
    citation = text(re.search(r'<p class="dnd-citation">(.*?)</p>', html, re.S).group(1))
    assert "데이터 버전" in citation and "「" in citation and "수치 budget-invested “디지털 뉴딜" in citation
    (document,) = structured(html)
    assert document["inLanguage"] == "ko"
    assert re.search("[가-힣]", document["name"]) and re.search("[가-힣]", document["description"])
    assert "보도자료에 따르면" in document["description"] and "10조 1,000억 원" in document["description"]


def test_every_korean_figure_page_has_its_citation_and_json_ld(built_site):
    pages = sorted((built_site.site / "ko" / "figures").glob("*/index.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<p class="dnd-citation">' in html and "데이터 버전" in html, page
        assert [d["inLanguage"] for d in structured(html)] == ["ko"], page


def test_the_korean_range_line_says_each_end_in_korean(built_site):
    html = text(built_site.page("ko/figures/budget-invested/"))
    assert "10조 500억 원 이상 10조 1,500억 원 미만(반올림)" in html


def test_a_number_printed_in_full_is_said_to_be_taken_as_printed_not_to_be_exact(built_site):
    """Read 26: '31만 개(한정어 없이 적힌 수)' gave a reason a rounded 39만 shares; reads 28 to 30: '(일의 자리까지
    적힌 수)' beside 31만 or 80만 reads as a claim that a round count is exact. The rule says what the checks
    do, take it as printed, which claims nothing of its precision."""
    html = text(built_site.page("ko/figures/classrooms-wifi/"))
    assert "31만 개(적힌 그대로)" in html
    assert "한정어 없이 적힌 수)" not in html and "일의 자리까지 적힌 수)" not in html


def test_each_edition_names_its_authors_in_its_language_as_the_licence_asks_them_cited(built_site):
    """Read 27: a citation tool took 'Digital New Deal Figures maintainers' from every Korean page, where
    the licence page asks for 디지털 뉴딜 수치 편집진."""
    pages = {
        "ko": (
            built_site.page("ko/about/licence/"),
            (built_site.site / "ko" / "404.html").read_text("utf-8"),
        ),
        "en": (built_site.page("about/licence/"), (built_site.site / "404.html").read_text("utf-8")),
    }
    names = {"ko": "디지털 뉴딜 수치 편집진", "en": "Digital New Deal Figures maintainers"}
    for lang, shown in pages.items():
        for html in shown:
            assert f'<meta name="author" content="{names[lang]}">' in html, lang


def test_the_korean_data_page_describes_the_dataset_in_korean(built_site):
    (document,) = structured(built_site.page("ko/data/"))
    assert document["inLanguage"] == "ko" and document["name"].startswith("한국 디지털 뉴딜")
    (english,) = structured(built_site.page("data/"))
    assert english["inLanguage"] == "en"


def test_the_korean_footer_attributes_the_source_in_korean(built_site):
    html = built_site.page("ko/")
    footer = html[html.index('<div class="md-copyright">') :]
    assert "공공누리 제1유형" in footer and "Source:" not in footer


def test_each_edition_has_its_own_404_page_whose_switch_leads_home(built_site):
    english = (built_site.site / "404.html").read_text(encoding="utf-8")
    korean = (built_site.site / "ko" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Page not found" in english
    assert '<html lang="ko"' in korean and "페이지를 찾을 수 없습니다" in korean
    for page in (english, korean):
        switch = dict(re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', page))
        assert set(switch.values()) == {"en", "ko"}
        assert {lang: link for link, lang in switch.items()} == {"en": "/", "ko": "/ko/"}


def test_a_korean_word_joined_to_a_dot_a_bracket_or_a_sign_is_kept_on_one_line():
    html = keep_words_whole(
        '<p>중소·벤처기업이 공급기업(2019년) 0.1%포인트 SHA-256 plain words <a title="가·나">다</a></p>'
        "<code>가·나(1)</code><script>var a = '가·나';</script>"
    )
    assert html == (
        '<p><span class="dnd-word">중소·벤처기업이</span> <span class="dnd-word">공급기업(2019년)</span> '
        '<span class="dnd-word">0.1%포인트</span> <span class="dnd-word">SHA-256</span> plain words '
        "<a title=\"가·나\">다</a></p><code>가·나(1)</code><script>var a = '가·나';</script>"
    )


def test_korean_pages_keep_their_joined_words_whole(built_site):
    html = built_site.page("ko/first-year/recovery/")
    assert '<span class="dnd-word">중소·벤처기업' in html
    assert "dnd-word" not in built_site.page("first-year/recovery/")


def test_a_closing_bracket_stays_with_the_particle_after_it():
    assert keep_words_whole("<p>‘여’(그 이상)라는 말</p>") == (
        '<p><span class="dnd-word">‘여’</span>(그 <span class="dnd-word">이상)라는</span> 말</p>'
    )


def test_an_amount_or_a_date_in_several_words_is_kept_on_one_line():
    html = keep_words_whole(
        "<p>총 2조 4,500억 원을 넣어 12만 7,000개와 약 17만 개, 17만여 개를 "
        "2021년 7월 22일(목)에 알렸고, 보도는 ‘3조701억원’(3조 701억 원)으로 적었습니다</p>"
    )
    assert html == (
        # 총 (in all) before an amount is part of it, as 약 is.
        '<p><span class="dnd-word">총 2조 4,500억 원을</span> 넣어 <span class="dnd-word">12만 7,000개와</span> '
        '<span class="dnd-word">약 17만 개,</span> <span class="dnd-word">17만여 개를</span> '
        '<span class="dnd-word">2021년 7월 22일(목)에</span> 알렸고, 보도는 '
        '<span class="dnd-word">‘3조701억원’(3조 701억 원)으로</span> 적었습니다</p>'
    )


# What Markdown or the template language leaves when a text is shown without being rendered: a code
# span, bold, a link, a heading mark, a macro.
RAW_MARKDOWN = re.compile(r"`[^`\n]+`|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|\{\{|\{%|^\s*#{1,6} \S", re.M)
# A source's printed form quoted in a note ('`20추경~`21' is how the ministry writes 2020 to 2021).
QUOTED_FORM = re.compile(r"‘[^’]*’|'[^'\n]*'")


class ShownText(HTMLParser):
    """The text a reader sees, block by block, outside code, scripts, styles and drawings, and outside
    a source's own words (a blockquote or a q), whose marks are the source's."""

    HIDDEN = ("script", "style", "code", "pre", "svg", "kbd", "textarea", "blockquote", "q")

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1
        self.texts.append("")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.texts[-1:] = [(self.texts[-1] if self.texts else "") + data]


def raw_markdown(html: str) -> list[str]:
    parser = ShownText()
    parser.feed(html)
    return [m.group() for text in parser.texts for m in RAW_MARKDOWN.finditer(QUOTED_FORM.sub(" ", text))]


def test_the_raw_markdown_finder_sees_unrendered_marks_and_lets_code_be():
    assert raw_markdown("<p>`checks.csv`에서 허용 오차 열 `tolerance`를 없앴습니다</p>") == [
        "`checks.csv`",
        "`tolerance`",
    ]
    assert raw_markdown("<p>**굵게** 또는 [링크](../x.md)</p>") == ["**굵게**", "[링크](../x.md)"]
    assert raw_markdown("<p><code>checks.csv</code>에서 ‘`20추경~`21’로 적은 기간</p>") == []


def test_no_page_of_either_edition_shows_raw_markdown(built_site):
    found = {}
    for path in sorted(built_site.site.rglob("*.html")):
        marks = raw_markdown(path.read_text(encoding="utf-8"))
        if marks:
            found[path.relative_to(built_site.site).as_posix()] = marks[:3]
    assert found == {}, "render the text (a note's `id` as code) or write it without Markdown"


def test_a_web_address_in_a_note_is_the_link_of_the_name_it_follows_or_reads_as_its_host():
    from macros.pages.html import prose

    # A desk prints an outlet by its name only: the address is the name's link, not printed beside it.
    assert prose("(한국대학신문, http://news.unn.net/news/articleView.html?idxno=502662)이 센 수") == (
        '(<a href="http://news.unn.net/news/articleView.html?idxno=502662">한국대학신문</a>)이 센 수'
    )
    # Outlets named in one bracket are a list: joined by a comma, as a desk joins them, not by the
    # semicolon that sets name-and-address pairs apart in the data.
    assert prose("보도 두 건(지디넷코리아, https://zdnet.co.kr/a; 머니투데이, https://m.mt.co.kr/b)에") == (
        '보도 두 건(<a href="https://zdnet.co.kr/a">지디넷코리아</a>, <a href="https://m.mt.co.kr/b">머니투데이</a>)에'
    )
    assert prose("see https://www.eco-five.com/a?b=1&c=2.") == (
        'see <a href="https://www.eco-five.com/a?b=1&amp;c=2">eco-five.com</a>.'
    )


def test_no_page_of_either_edition_shows_a_bare_web_address(built_site):
    found = {}
    for path in sorted(built_site.site.rglob("*.html")):
        parser = ShownText()
        # An address a link shows as its own text (the licence page's list of sources) is followed, not read.
        parser.feed(re.sub(r"<a [^>]*>.*?</a>", "", path.read_text(encoding="utf-8"), flags=re.S))
        addresses = [m.group() for text in parser.texts for m in re.finditer(r"https?://\S+", text)]
        if addresses:
            found[path.relative_to(built_site.site).as_posix()] = addresses[:3]
    assert found == {}, "a note names a source by its publisher and links the address (html.prose)"


# Kinds a native read found (issue 26, third read), each as the text a Korean page must not show: a
# multiple reached written without 로 ('2.9배 늘었습니다' for '2.9배로 늘었습니다'); a check's outcome, a
# 초과 value or a number claimed exact said as a noun where a sentence needs a verb or no claim; a
# newspaper or a plan called 자료; a status after a date that has come; stiff or broken wording.
UNNATURAL = (
    r"배 (늘|증가)",
    r"성립(입니다|이며|이고)",
    r"초과입니다",
    r"(?<!보도)자료에 따르면",
    r"(일|월|년)입니다\(실적\)",
    r"정확히 [0-9]",
    r"끝자리까지 적힌",
    r"그렇듯 성립",
    r"주의 표시",
    r"값의 날짜와 같음",
    r"[0-9]곳 대학",
    r"탐색기에 있습니다",
    r"같은 방향을 가리킵니다",
    r"글로벌 진출",
    # The fourth read: a period cell that reads as a note, a paragraph counted in digits, a page called by
    # a name it does not have, a calque for the standing, a header word, a closeness the arithmetic does not
    # reach, a topic that calls an April report a report of the July original.
    r"값 자체가 날짜",
    r"[0-9]번째 문단",
    r"배경 참조",
    r"위상\(",
    r"사용값",
    r"0\.1%포인트 안에서",
    r"보도로 본 국문 원문",
    # The fifth read: a check does not 'hold' (성립) in Korean, it comes out right (맞음); a calque of
    # 'revised later'; 'written out in full'; a period cell glossed in brackets; a fragment joined by 및
    # for the waiting changes; an interface label translated word for word; a calque of 'the arithmetic
    # the release implies'; a count called 'selected since 2015' that is the programme's count in 2021.
    r"성립",
    r"뒤에 수정됨",
    r"없이 다 적힌",
    r"해당 없음\(날짜\)",
    r"및 배포 전",
    r"배포 전 변경",
    r"낱말로 거르기",
    r"함축하는 산술",
    r"출처 속의 보도자료",
    r"2015년부터 선정된",
    r"그해 선정된 9곳",
    r"다른 순위와 같거나 높은 순위",
    # The sixth read: a published rank called computed; a convoluted rank kind; a placeholder in place of
    # the cited version's text; a wrong counter for companies and the wider fund family's name for the
    # policy-type fund; a programme named for the supplier counts that their source does not name; a
    # default code page called 'existing'; a Korean word credited to the English release; a calque of
    # 'of all sizes' and of 'because'; one citation heading printed twice.
    r"다른 순위가 같거나 앞서야",
    r"이전 문구",
    r"(기업|업체)[^.]{0,12}[0-9만] 곳",
    r"한국판 뉴딜 펀드의 [0-9]",
    r"바우처 사업의 (데이터|인공지능) 공급기업",
    r"기존 코드 페이지",
    r"영문 보도자료는 ‘[가-힣]+’(이라고|라고)",
    r"규모를 가리지 않은",
    r"작성된 까닭으로",
    r"인용하기 인용하기",
    # The ninth read: a polite request in 해요체 on a 합니다체 site; 'counterpart' calqued as 짝; a column
    # described as 'X의 한국어'; 'when the source was written'; a list of terms whose labels take them; the
    # same verb twice in one sentence; a check's 'whether' ending on 'comes out right'; doubled words; a
    # citation built from the address bar; figures said to come from the release alone; a contributor told
    # to bump the version the release sets.
    r"[가-힣]세요(?![가-힣])",
    r"한국어 짝|짝을 이루는",
    r"(비고|사유|근거|가정|이용 조건)의 한국어",
    r"출처가 쓰일 때",
    r"설명이 한국어 출처에서 가져온",
    r"게시됐습니다\([^)]*게시",
    r"지 검산해 보면|맞아떨어집니다",
    r"부터 먼저",
    r"주소창",
    r"보도자료에 나온 사실 하나가",
    r"버전을 올리",
    # The ninth read, figure pages: a 'more than' figure given an upper end the source never prints, in the row that says
    # what the printing allows; a release called a plan; a translation called the primary source; a
    # check that confirms a rise with a test an unchanged rank passes; code words for relations, check
    # kinds and units, developer words and 'this package' in Korean sentences; a tautological caveat;
    # calques; nested brackets after a source; ranges spaced around their tilde, which a phone breaks.
    # (A rounded number's range rightly ends below its high end, '이상 … 미만(반올림)'; a 'more than' figure's
    # starts above its number, '초과', and must not go on to an upper end.)
    r"뜻하는 범위[^단검]*초과[^단검]*미만",
    r"발표한 계획에 따르면",
    r"1차 자료\((계획|번역본)\)",
    r"말대로 한국 순위가 올랐습니다",
    r"\((?:follows|revises|amends|translates|same-as|likely-behind|rank-at-or-above|at-most|target-for)\)(?:[으로을를의에보]| 비고)",
    r"단위 (?:laws|schools|diseases|micro-businesses)|(?:diseases|micro-businesses)[를로]",
    r"커밋한 뒤|main에 들어|ISO 8601-2의",
    r"라벨(?!링)",
    r"이 패키지",
    r"없음\(날짜 수치\)",
    r"[0-9가-힣] \((?:적힌 그대로|반올림|약)\)",
    r"\(여·초과\)|한정어여·초과",
    r"다른 출처는 다르게 적었습니다",
    r"잠정치보다 높은 정도",
    r"%가 가능합니다",
    r"발표 기준\)",
    r"에서 2\.0이",
    r"\(2차 자료: ",
    r"[0-9]년 ~ [0-9]|[0-9]월 ~ [0-9]",
    r"([^;(]{12,}); \1 \(",
    # The tenth read, figure pages: a
    # link that calls a newspaper's report the original the ministry translated; a field's code name after its Korean title in prose; a
    # check that claims an exact match for a rounded count; a glossary-style run-in label inside a note; a
    # range ending in a bare 약, read as 'about the upper end or less'.
    r"번역 원문:|(?<![가-힣;\[])(?<!사이트의 )번역: ",
    r"값\(value\):",
    r"[0-9]만으로 계산하면 표기된 비중",
    r"니다\. [A-Z]{2,5}: ",
    r"(?:이하|미만)\(약\)",
    # The twelfth read, figure pages: 'linked' calqued as 이었다, which reads as the past copula; 꼴
    # (colloquial) for a form; a bare 2.0 with no noun; the site's translation of a title that does not
    # say it is the site's.
    r"(?:[로와과]|고) 이었습니다",
    r"인용하는 꼴",
    r"새 수치: 2\.0 ",
    r"\[번역: ",
    # The thirteenth read, prose pages: a period that already ends in 까지 given 까지 again.
    r"까지(?:</[^>]+>)*까지",
    # The tenth read, prose pages: a qualifier said never to appear that the site shows; the Korean
    # headline credited with a report's figure, or with words of a sub-heading; the site said to rest
    # wholly on the one release; a page promising to list every later change that lists values only; the
    # sources called all sources of figures when some give terms or caveats; a section called the last
    # that is not; English repeats of a standard's name; a check's outcome as a verb with no subject;
    # 'contradicts itself' calqued; 'reuse' as 다시 쓰다 (rewrite); a date bracket after the predicate; a
    # page title in brackets with no 참조; a failed check's sentence built from whole labels; nested
    # qualifier names, and ‘여’ named for a percentage.
    r"한정어로서의\s*은 나오지 않",
    r"국문 제목은",
    r"국문 원문의 제목은 (?:메타버스|우리말 대체어|데이터 시장)",
    r"여기 있는 모든 것은 이 보도자료에서",
    r"공개한 값을 (?:뒤에|나중에) (?:바꾼|고치게)",
    r"수치가 나온 (?:모든 출처|문서)",
    r"맨 끝의 한국어 용어",
    r"\((?:semantic versioning|Frictionless Data Package|Table Schema)\)",
    r"(?:견주어|계산해) 보면 (?:맞|일치)",
    r"스스로 (?:모순|어긋)",
    r"다시 (?:씁니다|쓰는)",
    r"보도자료입니다\([^)]*[0-9]{4}년",
    r"니다\((?:다른 출처와 견준 보도자료|목표와 실적|검산과 오류|수치 탐색기|데이터 사전|용어 해설|변경 이력|기여하기|라이선스와 인용)\)",
    r"적었지만,? [^.]*(?:에서 계산하면|은 이와 달라)",
    # (‘여’ named for a percentage is test_words' range_qualifier case: the page text leaves quoted words out.)
    r"미만\(\(초과\)\)",
    # The twelfth read, prose pages: a count the release leaves unexplained called companies; the private
    # sector said to do most of the work where the source puts it at the centre; a correction link placed
    # in the explorer's rows, where it is not; the vouchers narrowed to data and AI; caveats called 단서
    # beside 유의 사항; a plan's change called 수정; ids said to hold no digits; 각자 said of things; a
    # noun-less 한가운데; calques of 'quietly' and 'pending'; the value as the one that counts; a check's
    # condition called a right calculation; a second release called just 보도자료; build jargon; a report
    # of 정정; the part of the release under two names; repeated lead-ins and review counts in the
    # changelog; a translated 'it'.
    r"관련해 보도자료는 기업",
    r"사업의 대부분을 맡",
    r"탐색기[^.]{0,10}줄마다 정정",
    r"여기서는 데이터와 인공지능 서비스가 대상",
    r"용어·단서|단서\([0-9]|단서가 (?:달린|붙는|전하는)",
    r"이후 수정된 목표|그 뒤의 수정은",
    r"소문자 영어와 하이픈",
    r"각자의 (?:출처|날짜|주소)",
    r"가라앉던 한가운데",
    r"슬며시 고르|조용히 고쳐",
    r"값이 세거나 재는",
    r"그 계산이 맞",
    r"이에 비추어 보면 보도자료의",
    r"빌드할 때마다",
    r"정정을 알려 주십시오",
    r"가 기다리는 변경 파일",
    r"종합 개요",
    r"다시 읽고 (?:[가-힣 ]+에서 )?고친 (?:점|표현)|번째 검토에 따른",
    r"그것이 뒷받침하는",
    # The sixteenth read, figure pages: a heading calqued from 'where its source states it'; how a quote
    # was read folded into the bracket of a topic's or a part's own name; 적습니다 for 'less' where the
    # note is about what sources wrote; XR with no gloss; a note's second sentence or a bare 사업은 with no
    # subject of its own; a name said to attach something; a data file's interval notation as prose;
    # 'this data package'; the two documents of one ministry set against each other as ministry and
    # release; changelog lines that state as fact what a later entry corrected.
    r"출처 속 위치",
    r"SOC, 영문 보도자료|리드\(첫 문단, ",
    r"억 원 적습니다",
    r"[가-힣]와 XR",
    r"(?:^|니다\. )(?:사업은|그해 안에 투자하겠다는)",
    r"스퀘어는 [^.]*함께 운영합니다",
    r"이름은 [^.]*괄호로 붙였습니다",
    r"기간 \.\./20",
    r"데이터 패키지의 출처 목록",
    r"과학기술정보통신부와 보도자료 모두",
    r"낸 자료이므로 확인하지 못한 것이",
    r"협약을 맺은 날인 2021년 4월 21일|4월은 업무협약을 맺은 달이고|2015년부터 선정한 대학의 수이므로",
    # The seventeenth read, figure pages: the ministry's count set against its own English release (the
    # other count is named by its document); 'this data package' (the changelog may quote it as dropped);
    # a failed check said as 'the check's result is wrong' (the check at fault, not a mismatch it found);
    # '-ㄴ 때' after a past event, which print Korean writes -았을 때.
    r"과학기술정보통신부가 직접 센",
    r"이 데이터 패키지(?!’)",
    r"검산[^.]{0,80}의 결과가 맞지 않(?:습니다|으며)",
    r"출처가 나온 때",
    # The eighteenth read, data pages: 'the whole announcement' for the announced total; a failed check's
    # operands joined by 및 with no word of which divides which; a contrast joined by -고; printing as
    # 찍힌 모양 (spoken); 그냥 in reference text; 'typed fields' calqued; 'in the editors' own words'
    # calqued; arithmetic or a check given agency; 'add here' calqued; 그것이 for 'it'; definitions chained
    # with semicolons (English punctuation).
    r"발표 전체를",
    r"[0-9]개? 및 [^.]{0,40}로 계산하면",
    r"오차 없이 맞았고",
    r"찍힌 모양",
    r"그냥 수로",
    r"자료형이 있는",
    r"편집진의 말로",
    r"산술이 내야|원문 대조가 그 본문을 읽",
    r"여기에 더합니다",
    r"그것이 (?:옮기|옮긴|번역하)",
    r"\([a-z-]+\): [^;.]*; [가-힣 ]+\([a-z-]+\):",
    # The eighteenth read, prose pages: the report's date said as the signing day; more read of the Korean
    # original than its opening; the fund managers to be chosen within the year said as the investment
    # made within it; 'we' rendered 우리; a check ID read aloud (멀티플, which ends in ㄹ) with the
    # particle for a vowel; a release translating a news report; an English term bare in Korean prose; a month said
    # as a time.
    r"협약 당일의 보도",
    r"첫 절까지",
    r"그해 안에 투자하기로 한|투자하기로 한 기간은 그해 안",
    r"(?<![가-힣])우리(?:가|는|의)? ",
    r"-multiple[와는가를](?![가-힣])",
    r"옮긴 국문 보도(?!자료)",
    r"용어 start-ups",
    r"달로 보았던 때",
    # The twentieth read, data pages: range rules said to be below that live in the dictionary; caveats
    # defined against their own evidence column; a source's kind as an apposition after its date (or, in
    # a bracket after a value, in a bracket of its own); a number
    # read as rounded said as the result of rounding it; a term said not to follow the original it departs
    # from (a tautology), where the site uses the report's word.
    r"범위는 아래 규칙",
    r"수치로 연결할 수 없는 경우",
    r", 2차 자료인 |\([^()]*\(2차 자료\)",
    r"[0-9]만을 반올림한 수",
    r"다른 말로 적은 용어는 국문 원문을 따르지 않",
)


# A figure's standing markers after its value ('14.3% 초과' [뒤에 수정됨] '입니다'): a badge, not a word of
# the sentence, so the sentence is read without it.
STANDINGS = re.compile(r'<span class="dnd-standings">(?:<a [^>]*>[^<]*<span[^>]*>[^<]*</span></a>)*</span>')


def page_text(html: str) -> str:
    """What a reader reads of a Korean page, tags and standing markers removed, quotations of a source
    (‘…’, English) left out."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", STANDINGS.sub("", readable(html))))


# What the cited (released) version holds of a field changed since, quoted as it was so that a reader
# sees the text they cite: the earlier wording a read found, kept until the next release makes the new
# wording the cited one. Everything else on the page is read.
HELD = re.compile(r"(에 든 내용: )[^“]*“[^”]*”(?:,? (?:및 )?[^“]*“[^”]*”)*")


@functools.cache
def read_page(path: Path) -> str:
    """What a reader reads of a built Korean page (`page_text`) but the cited version's held wording, made
    once for all the patterns that read it (a built site is read-only)."""
    return HELD.sub(r"\1", page_text(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("pattern", UNNATURAL)
def test_korean_pages_read_as_a_korean_newsroom_prints(built_site, pattern):
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in korean_pages(built_site.site)
        if re.search(pattern, read_page(path))
    ]
    assert found == [], pattern


# A value's badges right after a closing bracket and its particle ('58조 2,000억 원(국비 …[목표])을[목표]'):
# they follow the bracket's own badges and read as its. A value's badges stay with the value, before the
# bracket (links.fig's aside).
BADGE_AFTER_BRACKET = re.compile(r'\)[가-힣]{0,2}(?:</span>)?<span class="dnd-standings">')
# A badge follows its value or a particle on it ('2021년까지[목표]'), never a finished predicate
# ('하반기입니다[목표].') nor a word that cuts a phrase the value begins ('2021년[목표] 안에').
BADGE_OUT_OF_ITS_PHRASE = re.compile(
    r'(?:니다(?:</span>)?<span class="dnd-standings">|</a></span></span> 안에)'
)


def test_a_value_s_badges_come_before_its_bracket_not_after_its_particle(built_site):
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in sorted(built_site.site.rglob("*.html"))
        if BADGE_AFTER_BRACKET.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    out_of_phrase = [
        path.relative_to(built_site.site).as_posix()
        for path in korean_pages(built_site.site)
        if BADGE_OUT_OF_ITS_PHRASE.search(path.read_text(encoding="utf-8"))
    ]
    assert out_of_phrase == []
    assert BADGE_OUT_OF_ITS_PHRASE.search('하반기</a>입니다<span class="dnd-standings">')
    context = built_site.page("ko/context/")
    value = (
        r'dnd-plan-investment-2025/"[^>]*>(?:<span[^>]*>)?[^<]*(?:</span>)?</a><span class="dnd-standings">'
    )
    assert re.search(value, context)


# A description a search result or a link preview shows: the site works the release's arithmetic out
# (검산); it does not verify (검증) what the release says, as the method page says. The validator
# (검증기) of the package is another matter.
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
VERIFIED = re.compile(r"수치를 [^.]{0,8}검증")


def test_no_korean_description_claims_the_figures_are_verified(built_site):
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in korean_pages(built_site.site)
        if any(VERIFIED.search(d) for d in DESCRIPTION.findall(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_standing_markers_are_left_out_of_the_sentence_read():
    html = (
        '<p>성장률은 14.3% 초과<span class="dnd-standings"><a class="dnd-standing" href="x">뒤에 수정됨'
        '<span class="dnd-hidden">: 나중에 나온 수치</span></a></span>입니다.</p>'
    )
    assert page_text(html) == "성장률은 14.3% 초과입니다."


# A Korean word put in quotation marks as if the English release had written it: the release writes
# 'more than', which Korean says as a verb or names in brackets, never as ‘넘게’ standing before a number.
QUOTED_AS_ENGLISH = re.compile(r"‘(넘게|넘는다|넘었다)’")


def test_no_korean_page_presents_a_korean_word_as_the_english_release_s(built_site):
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in korean_pages(built_site.site)
        if QUOTED_AS_ENGLISH.search(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_a_number_with_yeo_or_yak_before_its_counter_is_kept_on_one_line():
    html = keep_words_whole(
        "<p>데이터 종류는 4,300여 종이고 공장은 약 8,000개, 배움터는 1,000여 곳입니다</p>"
    )
    assert html == (
        '<p>데이터 종류는 <span class="dnd-word">4,300여 종이고</span> 공장은 '
        '<span class="dnd-word">약 8,000개,</span> 배움터는 <span class="dnd-word">1,000여 곳입니다</span></p>'
    )


def test_an_amount_joined_to_a_bracketed_period_stays_with_its_bracket_when_the_word_is_too_long_for_a_phone():
    # The word is one with its bracket, as any word joined to one (extra.css); a line may end only after
    # the period's tilde (marked <wbr>: UAX 14 gives no break between '~' and a digit, so two kept-whole
    # spans side by side would be one run too wide for a phone), never between the amount and its bracket.
    html = keep_words_whole(
        "<p>국비는 114조 1,000억 원입니다(2020년 7월~2025년, 목표). 80만 명입니다(2020년 7월~2021년 7월, 실적).</p>"
    )
    assert html == (
        '<p>국비는 <span class="dnd-word">114조 1,000억 원입니다(2020년 7월~</span><wbr><span class="dnd-word">2025년,</span>'
        ' <span class="dnd-word">목표).</span> <span class="dnd-word">80만 명입니다(2020년 7월~</span><wbr>'
        '<span class="dnd-word">2021년 7월,</span> <span class="dnd-word">실적).</span></p>'
    )


def test_a_word_too_long_for_a_phone_even_at_its_tilde_breaks_before_its_bracket():
    # '1,049억 5,000만 원입니다(2020년 7월~' alone is wider than a phone's line: what stands before the
    # bracket and each date are kept whole, and the line may break before the bracket.
    html = keep_words_whole("<p>금액은 1,049억 5,000만 원 이상입니다(2020년 7월~2021년, 목표).</p>")
    assert (
        '<span class="dnd-word">1,049억 5,000만 원 이상입니다</span>(<span class="dnd-word">2020년 7월~2021년,</span>'
        in html
    )


def test_a_middle_dot_compound_too_wide_for_a_phone_s_table_cell_may_break_after_a_dot():
    """Kept whole, '과학기술정보통신부·한국데이터산업진흥원,' (about 20 em) runs out of a stacked cell on a 360 px
    phone (about 16 em): in a cell it is kept whole up to each dot and may break after one, never before
    it. In running text, and a short compound in a cell, stay whole."""
    cell = keep_words_whole(
        "<table><tr><td>보도(과학기술정보통신부·한국데이터산업진흥원, 제목 없음)</td></tr></table>"
    )
    assert '<span class="dnd-word">과학기술정보통신부·</span><wbr>한국데이터산업진흥원,' in cell
    assert '<span class="dnd-word">중소·벤처기업</span>' in keep_words_whole(
        "<table><tr><td>중소·벤처기업</td></tr></table>"
    )
    text = keep_words_whole("<p>과학기술정보통신부·한국데이터산업진흥원, 발표</p>")
    assert '<span class="dnd-word">과학기술정보통신부·한국데이터산업진흥원,</span>' in text


# An amount, a number with 여 or 약, or a date that a desk never breaks, written here apart from the
# formatter's own pattern (macros/pages/typography.py), so that a kind it misses shows.
AMOUNT = re.compile(
    r"(?:약 )?\d[\d,.]*(?:[만억조](?: \d[\d,.]*[만억조]?)*여?(?: [가-힣]+)?|여 [가-힣]+)"
    r"|약 \d[\d,.]*|\d{4}년 \d{1,2}월(?: \d{1,2}일)?"
    # A count in one word or a percentage with the word that bounds it ('7,500개 이상', '300종 초과').
    r"|\d[\d,.]*(?:%|[가-힣]+) (?:이상|이하|초과|미만)"
    # A percentage joined to the word after it ('15.5%입니다'), which a browser breaks after its %.
    r"|\d[\d,.]*%[가-힣]+"
)


class LooseAmounts(HTMLParser):
    """The amounts in several words a page leaves free to break: outside a kept-whole word's or amount's
    span (a printed form quoted whole with its marks is one: ‘약 10억 이상’), outside
    code, scripts and drawings, outside text only screen readers read, and outside the theme's navigation
    (whose entries repeat the page's headings, short enough for a line)."""

    SKIPPED = ("script", "style", "code", "pre", "svg", "textarea", "title", "nav")

    def __init__(self):
        super().__init__()
        self.open: list[bool] = []
        self.loose: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        kept = tag in self.SKIPPED or (
            tag == "span"
            and any(c in (dict(attrs).get("class") or "") for c in ("dnd-word", "dnd-amount", "dnd-hidden"))
        )
        self.open.append(kept)

    def handle_endtag(self, tag):
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_data(self, data):
        if not any(self.open):
            self.loose += [m.group() for m in AMOUNT.finditer(data) if re.search(r"[ %]", m.group())]


def test_no_amount_or_date_on_a_korean_page_is_left_free_to_break(built_site):
    found = {}
    for path in korean_pages(built_site.site):
        parser = LooseAmounts()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.loose:
            found[path.relative_to(built_site.site).as_posix()] = parser.loose[:3]
    assert found == {}


def test_the_loose_amount_finder_sees_what_is_not_kept_whole():
    parser = LooseAmounts()
    parser.feed(
        '<p>국비는 114조 1,000억 원입니다 <span class="dnd-word">4,300여 종</span> 1,000여 곳 '
        "<code>2조 4,500억</code> 7,500개 이상 300종 초과 15.5%입니다 8,000개 0.1%</p>"
    )
    assert parser.loose == [
        "114조 1,000억 원입니다",
        "1,000여 곳",
        "7,500개 이상",
        "300종 초과",
        "15.5%입니다",
    ]


def test_no_page_puts_a_glossary_definition_inside_code(built_site):
    inside = re.compile(r"<code\b[^>]*>(?:(?!</code>).)*<abbr", re.S)
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in built_site.site.rglob("*.html")
        if inside.search(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "an id such as metaverse-alliance-members is code, not a word to define"


# A cross-reference ('… 참조') names the page or section it links to, as that page or section is titled.
SEE = re.compile(r'<a href="([^"#]*)(?:#([^"]*))?"[^>]*>([^<]+)</a>\)?\s*(?:<span class="dnd-word">)?참조')


def heading_text(html: str, anchor: str | None) -> str:
    found = re.search(
        rf'<h[1-6][^>]*id="{re.escape(anchor)}"[^>]*>(.*?)</h' if anchor else r"<h1[^>]*>(.*?)</h1>",
        html,
        re.S,
    )
    return re.sub(r"<[^>]+>|¶", "", found.group(1)).strip() if found else ""


def test_a_korean_cross_reference_names_what_it_links_to(built_site):
    wrong = []
    for path in korean_pages(built_site.site):
        for href, anchor, words in SEE.findall(path.read_text(encoding="utf-8")):
            target = (path.parent / href).resolve() if href else path
            target = target / "index.html" if target.is_dir() else target
            page = target.read_text(encoding="utf-8")
            titled = {heading_text(page, None), heading_text(page, anchor or None)}
            if not any(t and t.startswith(words.strip()) for t in titled):
                wrong.append(f"{path.relative_to(built_site.site).as_posix()}: {words} → {sorted(titled)}")
    assert wrong == []


@pytest.fixture(scope="module")
def package():
    return load_package()


# The figure a waiting change touches in `waiting`, and what the change writes.
WAITING_FIGURE = "sw-centred-colleges"


@pytest.fixture(scope="module")
def waiting(tmp_path_factory):
    """A clone of the repository with one change waiting for the release: the Korean name and note of
    WAITING_FIGURE reworded, with its change file, as a maintainer finds it before `make release`.
    Returns the package as released (the repository's) and the package with the change."""
    import csv

    from conftest import clone_repository

    clone = clone_repository(tmp_path_factory.mktemp("waiting") / "repo")
    figures = clone / "datapackage" / "data" / "figures.csv"
    with figures.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        if row["id"] == WAITING_FIGURE:
            row["label_ko"] += "(고친 이름)"
            row["note_ko"] = "고친 비고입니다."
    with figures.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    (clone / "changes" / "waiting-wording.yaml").write_text(
        f"entry: The Korean name and note of `{WAITING_FIGURE}` are reworded.\n"
        f"entry_ko: '`{WAITING_FIGURE}`의 한국어 이름과 비고를 고쳤습니다.'\n",
        encoding="utf-8",
    )
    return load_package(), load_package(clone / "datapackage" / "datapackage.json")


def test_the_korean_checks_line_blames_no_release_for_a_check_across_sources(package):
    """A failing check that sets one source against another is no disagreement within the release."""
    across = [
        o.check.id
        for o in package.outcomes
        if o.status == "fails"
        and len({package.figures[i].source for i in (o.check.result, *o.check.operands)}) > 1
    ]
    assert across, "the package has a failing check across sources (new-deal-fund-size-languages)"
    _, korean = checks_entry(package)
    assert "보도자료의 수치끼리" not in korean


def test_an_english_release_quoted_on_a_korean_page_gives_its_whole_headline(package):
    """The Korean title beside a quoted headline translates that headline, no more: an English release or
    plan gives its own headline (all of it), and its title adds only a description in brackets."""
    for source in package.sources.values():
        if source.language == "ko" or source.kind == "news-report":
            continue
        assert source.headline, source.id
        rest = source.title.removeprefix(source.headline)
        assert re.fullmatch(r" \([^()]*\)", rest), (source.id, rest)


def test_a_topic_is_named_for_what_it_holds(package):
    """A topic named for the Korean original holds only the original and its reports; a topic holding a
    later count the package does not treat as a revision says so."""
    original = next(s.reports for s in package.sources.values() if s.outlined)
    for topic in package.topics.values():
        figures = package.figures_in(topic.id, deep=False)
        title = topic.title_in("ko")
        if "국문 원문" in title and "국내 보도" not in title:
            sources = {package.sources[f.source] for f in figures}
            assert all(original in (s.id, s.reports) for s in sources), topic.id
        follows = {link.figure for link in package.links if link.relation == "follows"}
        revised = {link.figure for link in package.links if link.relation in ("revises", "amends")}
        if any(f.id in follows - revised for f in figures):
            assert "후속" in title, topic.id


def test_a_korean_correction_reference_names_the_release_s_item_by_its_marker(package):
    for correction in package.corrections:
        markers = re.findall(r"\[\d+\]", correction.reference or "")
        assert all(m in (correction.reference_in("ko") or "") for m in markers), correction.id


def test_a_section_heading_is_not_called_the_release_s_headline(package):
    """The release's headline is its 제목; the lines under it, which give its numbers, are its 부제; the
    heading of a later part (2.0's) is a 소제목."""
    assert places(package, package.figures["dnd2-investment"], "ko") == "디지털 뉴딜 2.0 (소제목)"
    assert places(package, package.figures["data-market-growth-headline"], "ko") == "제목과 도입부 (부제)"
    assert (
        places(package, package.figures["data-market-growth-headline"])
        == "Headline and introduction (sub-heading)"
    )
    for link in package.links:
        at_heading = [
            package.figures[i]
            for i in (link.figure, link.other)
            if any(
                loc.part == "heading" and package.topics[loc.topic].marker
                for loc in package.figures[i].locators
            )
        ]
        if at_heading:
            assert "보도자료 제목" not in link.note_in("ko"), (link.figure, link.other)


def test_the_english_release_s_numbers_under_its_title_are_in_its_sub_heading_not_its_headline(package):
    """The English release's headline is its title (the source's `headline`, with no number); the line under
    it that gives 170,000 businesses, 14.3% and 2.2 million is its sub-heading, as the same sentence is the
    Korean original's 부제: no label, note, link or check of those figures calls it the headline or 제목."""
    release = package.outlined
    opening = [
        f
        for f in package.figures.values()
        if f.source == release.id
        and any(loc.part == "heading" and not package.topics[loc.topic].marker for loc in f.locators)
    ]
    assert len(opening) == 3
    for figure in opening:
        assert figure.quote not in release.headline, figure.id
        links = [link for link in package.links if figure.id in (link.figure, link.other)]
        checks = [c for c in package.checks if figure.id == c.result or figure.id in c.operands]
        korean = [figure.label_in("ko"), figure.note_in("ko") or ""]
        korean += [link.note_in("ko") for link in links] + [c.explanation_in("ko") for c in checks]
        english = (
            [figure.label, figure.note or ""]
            + [link.note for link in links]
            + [c.explanation for c in checks]
        )
        assert "부제" in figure.label_in("ko") and "sub-heading" in figure.label, figure.id
        assert not any(re.search(r"영문(?: 보도자료)?(?:의)? 제목", text) for text in korean), figure.id
        assert not any(re.search(r"\b(?:English |the )headline\b|\(headline\)", text) for text in english), (
            figure.id
        )


def test_a_source_s_title_translated_gives_the_headline_alone_and_its_description_after_the_quote(package):
    """'[번역: …(영문 보도자료)]' puts the site's description inside the translated title; the description
    follows the quoted headline, and the translation is the headline's alone."""
    from macros.pages.citation import source_name

    release = package.outlined
    named = source_name(release, "ko")
    assert "</q>」(영문 보도자료) &#91;이 사이트의 번역: " in named
    assert "보도자료)&#93;" not in named and "성공한 혁신" not in named


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_source_citation_marks_its_headline_in_the_page_s_title_marks_as_text(package, lang):
    """A headline holds commas ('디지털 뉴딜, 대한민국 …'): without marks a reader cannot tell where the
    publisher ends and the headline begins, and marks the browser draws are lost when the citation is
    copied. So the marks are text, in the page's language: “…” in English, 「…」 in Korean."""
    from html import unescape

    from macros.data.words import speaker
    from macros.pages.citation import source_name

    opening, closing = speaker(lang).TITLE_MARKS
    headlined = [s for s in package.sources.values() if s.headline]
    assert headlined
    for source in headlined:
        named = source_name(source, lang)
        marked = re.search(f'{opening}<q class="dnd-marked"[^>]*>(.*?)</q>{closing}', named)
        assert marked and unescape(re.sub(r"<[^>]+>", "", marked.group(1))) == source.headline, (
            source.id,
            named,
        )


def test_a_failed_check_s_sentence_says_which_number_divides_which(package):
    """'1만 2,000개 및 12만 7,000개로 계산하면' does not say which number divides which: the sentence
    names the arithmetic of the check's kind ('…를 …로 나누면')."""
    from macros.pages.i18n import tr

    for kind in ("share", "ratio", "multiple"):
        words = tr("ko", KINDS[kind].working, "check working")
        assert "나누면" in words and "{first" in words and "{second" in words, kind
    assert "by" in KINDS["share"].working and "by" in KINDS["multiple"].working


def test_a_code_s_korean_name_is_the_same_in_its_field_s_description_and_its_gloss(package):
    """One code, one Korean name: the dictionary glosses `plan` as 계획 발표 보도자료, so the field's
    description names it so too, never another name beside the same code ('계획(`plan`)'); the code is
    set as code in the description, as the dictionary shows it."""
    from macros.pages.i18n import tr

    glossed = {
        ("sources", "kind"): lambda v: tr("ko", v.replace("-", " "), "source kind"),
        ("corrections", "kind"): lambda v: tr("ko", v.replace("-", " "), "correction kind"),
        ("links", "relation"): lambda v: tr("ko", v, "link relation"),
        ("checks", "kind"): lambda v: tr("ko", KINDS[v].words, "check kind"),
    }
    for (table, column), name in glossed.items():
        field = next(f for f in package.tables[table].fields if f["name"] == column)
        for code in field["constraints"]["enum"]:
            named = field["description_ko"].split(f"(`{code}`)")[:-1]
            assert named, (table, column, code)
            assert all(n.endswith(name(code)) for n in named), (table, column, code, name(code))


# The package's own codes (relations, check kinds and outcomes, statuses, qualifiers): in a Korean text of
# the changelog they stand as code (`likely-behind`) beside their Korean name, never as bare words.
def package_codes(package) -> set[str]:
    codes = set()
    for table, column in (
        ("links", "relation"),
        ("checks", "kind"),
        ("checks", "expected"),
        ("figures", "status"),
        ("figures", "qualifier"),
    ):
        field = next(f for f in package.tables[table].fields if f["name"] == column)
        codes |= set(field.get("constraints", {}).get("enum", []))
    return {c for c in codes if "-" in c} | {"rounding"}


def test_the_korean_changelog_writes_the_package_s_codes_as_code(package):
    bare = re.compile(
        r"(?<![A-Za-z0-9-])(" + "|".join(map(re.escape, package_codes(package))) + r")(?![A-Za-z0-9-])"
    )
    changelog = read_changelog(ROOT / "CHANGELOG.md")
    texts = [e.text_ko for section in changelog for e in section.entries]
    texts += [section.summary_ko or "" for section in changelog]
    texts += [c.entry_ko or "" for c in package.changes]
    found = [m.group() for text in texts for m in bare.finditer(CODE.sub(" ", text))]
    assert found == []


def test_the_waiting_changes_are_said_to_be_in_exactly_the_files_made_from_the_records(waiting):
    """The cite box names, from how each download is made, the files that hold the changes waiting for a
    release (the workbooks, the JSON) and those that are the release's (the archive, the descriptor, the
    CSV files); the archive at today's address is the released one, byte for byte."""
    from macros.pages.downloads import listed
    from macros.pages.downloads import waiting as waiting_note
    from macros.tools.releases import release_history

    package = waiting[1]
    assert package.changes
    files = listed(package)
    made = [d.path for d in files if d.from_records]
    assert sorted(made) == ["datapackage-en.xlsx", "datapackage-ko.xlsx", "figures.json"]
    held, released = waiting_note(package, "ko").split("에도 반영되어 있고, ")
    assert all(path in held for path in made) and not any(path in released for path in made)
    assert "datapackage.zip" in released and "CSV 파일" in released and "어느 내려받기" not in held
    release = release_history(package.path, cache=None).find(package.version)
    archive = next(d for d in files if d.path == "datapackage.zip")
    assert archive.content == release.archive


def test_a_citation_quotes_a_label_with_a_quote_inside_it_in_the_other_marks(package):
    """The thirteenth read: '수치 … ‘지하공간통합지도의 사업 또는 기업 수(영문 표기 ‘businesses’)’' nests one mark in
    itself, and the reader cannot tell where the name ends; Korean prints “ ” outside and ‘ ’ inside."""
    from dataclasses import replace

    from macros.data.words import speaker
    from macros.pages.citation import figure_citation

    # No label holds a quote today (the thirteenth read's label was renamed), so one is given one.
    figure = package.figures["underground-map-businesses"]
    texts = tuple(
        (k, "지하공간통합지도의 사업 또는 기업 수(영문 표기 ‘businesses’)" if k == "label_ko" else v)
        for k, v in figure.texts
    )
    figure = replace(figure, texts=texts)
    assert "‘businesses’" in figure.label_in("ko")
    assert f"수치 {figure.id} “{figure.label_in('ko')}”." in figure_citation(package, figure, lang="ko")
    assert f"figure {figure.id} “{figure.label_in('en')}”." in figure_citation(package, figure, lang="en")
    for lang in ("ko", "en"):
        assert speaker(lang).quoted_name("a “b” c") == "“a ‘b’ c”"


def test_a_figure_citation_names_the_released_version_and_the_page_says_what_it_holds(waiting):
    from macros.pages.citation import figure_citation
    from macros.pages.figure_page import waiting_words

    released, package = waiting
    figure = package.figures[WAITING_FIGURE]
    cited = figure_citation(package, figure, lang="ko")
    assert f"데이터 버전 {package.version}, 수치" in cited and "배포" not in cited
    words = waiting_words(package, figure, "ko")
    assert "아직 어느 배포에도 들어 있지 않은 변경" in words
    assert (
        f"인용하는 버전 {package.version}에 든 내용: 이름 “{released.figures[WAITING_FIGURE].label_in('ko')}”"
        in words
    )
    untouched = next(
        f for f in package.figures.values() if not any(f.id in c.names() for c in package.changes)
    )
    assert waiting_words(package, untouched, "ko") == ""


def test_a_page_names_the_qualifier_word_its_source_prints(package):
    from macros.pages.citation import source_name
    from macros.pages.tables import qualifier_quoted

    assert ">approximately</q>" in qualifier_quoted(
        package, package.figures["businesses-participating-headline"]
    )
    assert ">more than</q>" in qualifier_quoted(package, package.figures["businesses-participating"])
    # In a sentence, the word carries the marks of the page's language as text, as a source's English word
    # is quoted everywhere else on a Korean page: ‘more than’, never “more than” on one line and ‘more than’
    # on the next.
    on_korean_page = qualifier_quoted(package, package.figures["businesses-participating"], "ko")
    assert on_korean_page.startswith("‘<q") and on_korean_page.endswith(">more than</q>’")
    # The word is one word to the reader (never 'more' at a line's end and 'than' on the next), which a
    # quoted headline is not: it wraps as any text does.
    assert 'class="dnd-marked dnd-said"' in on_korean_page
    assert "dnd-said" not in source_name(package.sources["msit-2021-08-30"], "ko")
    with pytest.raises(ValueError, match="prints no 'exact' word"):
        qualifier_quoted(package, package.figures["people-benefiting-headline"])


def test_the_facts_list_names_a_qualifier_by_the_words_its_source_printed(package):
    """'220만여 명 이상' is named ‘여’·‘이상’, as printed: quoting ‘초과’ would credit the source with a
    word it never printed. A figure printed in English is named by the source's one word, quoted, with
    its Korean meaning in the word its value is written with (‘more than’(여) beside '220만여 명',
    ‘more than’(초과) beside '14.3% 초과'), never by two Korean words (‘여’·‘초과’) it did not print."""
    from macros.pages.figure_page import qualifier_fact

    def fact(figure_id: str, lang: str = "ko") -> str:
        figure = package.figures[figure_id]
        return qualifier_fact(figure, lang, package.source_of(figure).language)

    assert package.figures["people-benefiting-ko"].as_printed == "220만여 명 이상"
    assert fact("people-benefiting-ko") == "‘여’·‘이상’"
    assert fact("businesses-participating-ko") == "‘여’"
    assert fact("budget-invested-ko") == "‘약’"
    assert fact("people-benefiting") == "‘more than’(여)"
    assert fact("subsidy24-services") == "‘+’(여)"
    assert fact("data-market-growth-headline") == "‘more than’(초과)"
    assert fact("smart-factories") == "‘About’(약)"
    # A currency word between the qualifier and the number ('More than KRW 49 trillion').
    assert fact("dnd2-investment") == "‘More than’(여)"
    assert fact("people-benefiting-ko", "en") == "more than"
    # On the page, the source's English word is marked as its words, in its language, citing it.
    from macros.pages.figure_page import qualifier_fact_html

    shown = qualifier_fact_html(
        package.figures["people-benefiting"], "ko", package.sources["msit-2021-08-30"]
    )
    assert re.fullmatch(r'‘<q class="dnd-marked dnd-said" lang="en" cite="[^"]+">more than</q>’\(여\)', shown)
    assert fact("people-benefiting", "en") == "more than"
    assert fact("new-deal-fund-size-ko") == "없음"


def test_a_date_figure_names_its_unit_by_what_its_date_names(package):
    """'2021년 5월' is a month (연월), not a date (날짜); the range line says so in the same word."""
    from macros.pages.figure_page import DATE_NAMES, unit_fact
    from macros.pages.i18n import tr

    named = {
        figure: (unit_fact(package.figures[figure], "ko"), unit_fact(package.figures[figure], "en"))
        for figure in (
            "dnd-launch-date",
            "ict-associations-mou-date",
            "precision-healthcare-software-plan-date",
        )
    }
    assert named == {
        "dnd-launch-date": ("날짜", "date"),
        "ict-associations-mou-date": ("연월", "month"),
        "precision-healthcare-software-plan-date": ("연도", "year"),
    }
    month = package.figures["ict-associations-mou-date"].period.precision
    assert tr("ko", DATE_NAMES[month][1]) == "연월이므로 해당 없음"
    assert unit_fact(package.figures["people-benefiting-ko"], "ko") == "명"


def test_a_code_like_token_with_a_hyphen_is_kept_on_one_line_in_text_and_in_a_cell_label():
    from macros.pages.typography import WORD_JOINER, keep_codes_whole

    html = '<td data-label="압축 파일의 SHA-256"><span>SHA-256 <code>data-2020</code></span></td>'
    kept = keep_codes_whole(html)
    assert f'data-label="압축 파일의 SHA{WORD_JOINER}-{WORD_JOINER}256"' in kept
    assert (
        '<span class="dnd-code-word">SHA-256</span>' in kept
        and '<code class="dnd-code-short">data-2020</code>' in kept
    )


def test_a_short_code_with_a_hyphen_is_kept_whole_and_a_long_one_may_break_at_its_hyphens():
    """Read 27: `more-`/`than` and `non-ict-`/`share` at 375 px read as two words and cannot be copied as
    one; an id as long as a phone line must still break, or it would push the page wider."""
    from macros.pages.typography import keep_codes_whole

    kept = keep_codes_whole("<p><code>more-than</code> <code>smart-factory-productivity-growth</code></p>")
    assert '<code class="dnd-code-short">more-than</code>' in kept
    assert "<code>smart-factory-productivity-growth</code>" in kept


def test_the_outcome_words_are_the_checks_page_s_everywhere(built_site):
    """The outcomes are named once (the catalogue's context 'outcome'): the definitions on the checks and
    about pages use the same words as the badges."""
    for path in ("ko/data/checks/index.html", "ko/about/index.html"):
        text = page_text((built_site.site / path).read_text(encoding="utf-8"))
        assert "맞음:" in text and "맞지 않음:" in text, path


def test_a_rank_check_names_both_sides_published_ranks_not_a_computed_value(package):
    """Nothing is computed from a rank: the line names both ranks as published, in both editions."""
    ranks = [o for o in package.outcomes if o.check.kind == "rank-at-or-above"]
    assert ranks
    for o in ranks:
        assert "computed" not in o.arithmetic(package.figures, "en")
        korean = o.arithmetic(package.figures, "ko")
        assert "계산값" not in korean and "발표된 순위" in korean


def test_a_check_s_arithmetic_line_that_ends_in_a_sentence_ends_with_its_full_stop(package):
    """A Korean line whose last part is a finished sentence (…입니다, or …입니다(4위와 5위)) closes it with
    '.', as every other sentence of a check block does."""
    unfinished = [
        o.check.id
        for o in package.outcomes
        if re.search(r"니다(\([^()]*\))?$", o.arithmetic(package.figures, "ko"))
    ]
    assert unfinished == []
    assert re.search(r"니다(\([^()]*\))?$", "두 값 모두 발표된 순위입니다(4위와 5위)")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_check_that_compares_figures_is_named_by_what_it_compares_not_by_one_of_them(package, lang):
    """A rank check computes nothing: named after its stated figure alone, the 2020 page would call it
    'the 2019 rank'. Its name holds each figure's period (or, where the labels differ beyond their
    periods, each label), earlier first."""
    from macros.pages.errata import check_title

    compared = [c for c in package.checks if KINDS[c.kind].compares_figures]
    assert compared
    for check in compared:
        title = check_title(package, check, lang)
        figures = sorted(
            (package.figures[i] for i in (check.result, *check.operands)),
            key=lambda f: (f.period.end or f.period.start).last_day(),
        )
        shown = [
            f.period.words(lang) if f.period.words(lang) in f.label_in(lang) else f.label_in(lang)
            for f in figures
        ]
        assert all(s in title for s in shown), (check.id, title)
        assert title.index(shown[0]) < title.index(shown[1]), (check.id, title)
        assert title != package.figures[check.result].label_in(lang), check.id
    # Two labels that differ only in their period are one subject with both periods, not two labels.
    imd = check_title(package, next(c for c in compared if c.id == "imd-rank-rose"), lang)
    subject = package.figures["imd-rank-2019"].label_in(lang)[:20]
    assert imd.count(subject) == 1, imd


def test_the_standing_read_aloud_names_a_failing_check_by_its_name_not_its_id(package):
    from macros.pages.errata import check_title
    from macros.pages.standing import described

    failing = [
        (o.check, f)
        for o in package.outcomes
        if o.status == "fails"
        for f in (o.check.result, *o.check.operands)
        if o.check.doubts(f)
    ]
    assert failing
    for check, figure_id in failing:
        words = described(package, package.figures[figure_id], "contradicted", "ko")
        assert check.id not in words
        assert check_title(package, check, "ko") in words


def test_the_waiting_note_quotes_what_the_cited_version_holds(waiting):
    """A reader citing the released version sees the released text itself, never a placeholder for it."""
    from macros.pages.figure_page import waiting_words
    from macros.tools.export import released_cells

    package = waiting[1]
    quoted = 0
    for figure in package.figures.values():
        cells = released_cells(package, "figures", figure.id) or {}
        words = waiting_words(package, figure, "ko")
        assert "이전 문구" not in words and "earlier wording" not in waiting_words(package, figure, "en")
        if cells.get("note_ko") and any(figure.id in c.names() for c in package.changes):
            assert cells["note_ko"].replace("`", "").rstrip(".") in words and ".”." not in words
            quoted += 1
    assert quoted


def test_the_ai_supplier_counts_say_what_the_releases_footnote_counts(package):
    """The release's footnote under the supplier counts says they are the businesses in the Data and AI
    voucher programmes (2019-2021), and only the 2019 AI count comes from the December 2019 survey: no
    note says the release is silent on how the 2021 count was made (read22a, WRONG)."""
    for figure_id in (
        "ai-service-businesses-2019",
        "ai-service-businesses-2021",
        "ai-service-businesses-multiple",
    ):
        figure = package.figures[figure_id]
        assert "voucher programmes" in figure.note and "survey" in figure.note, figure_id
        assert "바우처 사업" in figure.note_in("ko") and "실태조사" in figure.note_in("ko"), figure_id
        assert "does not say how" not in figure.note and "밝히지 않" not in figure.note_in("ko"), figure_id


def test_the_context_page_counts_the_revised_figures_from_the_links(built_site, package):
    revised = {link.other for link in package.links if link.relation == "revises"}
    count = sum(package.figures[o].source == "msit-2021-08-30" for o in revised)
    text = page_text((built_site.site / "ko" / "context" / "index.html").read_text(encoding="utf-8"))
    assert f"보도자료의 수치 {count}개" in text
    english = page_text((built_site.site / "context" / "index.html").read_text(encoding="utf-8"))
    assert f"Later sources revised {count} of the release's figures" in english


def test_the_korean_contributing_page_says_how_to_reach_the_issue_tracker(built_site):
    """Built with a repository address the page links to the form; built without one it tells the reader
    whom to write to and how to name the figure, and nothing about how the copy was built (a build note
    helps no reader), as the English page does."""
    html = (built_site.site / "ko" / "about" / "contributing" / "index.html").read_text(encoding="utf-8")
    english = (built_site.site / "about" / "contributing" / "index.html").read_text(encoding="utf-8")
    assert ("issues/new" in html) == ("issues/new" in english)
    text, english_text = page_text(html), page_text(english)
    for build_word in ("사본", "저장소 주소", "만들어져"):
        assert build_word not in text
    assert "built without" not in english_text and "This copy" not in english_text
    if "issues/new" not in html:
        assert "관리자에게 알려 주십시오" in text and "Write to the maintainers" in english_text
        assert "‘Value you propose’ 칸" not in text  # no form's field named where there is no form


def test_the_cite_box_tells_the_reader_what_to_cite_and_nothing_about_the_build(built_site):
    """A citation that holds only a path (the site built without its own address) says that it is a path
    within the site, which copied as text leads nowhere (the twentieth read), and asks the reader for the
    whole address the link leads to; in neither edition does the box say how the copy was built."""
    for page, build_words, ask in (
        (
            "ko/about/licence/",
            ("사본", "만들어졌", "사이트 주소 없이"),
            "위 주소는 이 사이트 안의 경로만 적은 것입니다. 인용할 때는 링크 주소를 복사해",
        ),
        (
            "about/licence/",
            ("This copy", "built without", "was built"),
            "a path within this site: in a citation, give the whole address",
        ),
    ):
        html = built_site.page(page)
        box = html.split('<div class="admonition quote dnd-cite">', 1)[1].split("</div>", 1)[0]
        words = page_text(box)
        for word in build_words:
            assert word not in words, (page, word)
        cited = text(re.search(r'<p class="dnd-citation">(.*?)</p>', box, re.S).group(1))
        assert (ask in words) == ("://" not in cited), page


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_source_s_attribution_is_labelled_as_the_release_s_is(package, lang):
    """A figure's cite box ends in its source's attribution; the release's opens with a label ('출처: 과학기술
    정보통신부, …'), and a report's without one read as a fragment after a finished sentence ('…밝힙니다.
    아주경제 보도, 2021년 4월 21일.'). Every source's attribution, of whatever kind, opens with that label."""
    label = package.outlined.attribution_in(lang).split(":", 1)[0] + ": "
    kinds = set()
    for source in package.sources.values():
        assert source.attribution_in(lang).startswith(label), (source.id, source.attribution_in(lang))
        kinds.add(source.kind)
    assert "news-report" in kinds and len(kinds) >= 3


def test_a_secondary_source_is_named_with_its_kind_as_a_desk_names_a_report(package):
    """The explorer's source filter and the lists of linked figures name a source in short. A report
    reads '국민일보 보도, 2020년 7월 15일', the kind with its publisher (보도 is secondary by its kind), not an
    apposition after the date ('…, 2차 자료인 언론 보도', the twentieth read), and with no bracket of its
    own: the figure pages give it in brackets after a value. English keeps its bracket. Every kind a
    source may have has its short form."""
    figure = next(f for f in package.figures.values() if f.source == "kmib-2020-07-15")
    assert source_words(package, figure, "ko") == "국민일보 보도, 2020년 7월 15일"
    assert source_words(package, figure, "en") == "Kukmin Ilbo, 15 July 2020 (secondary: news report)"
    kinds = next(f for f in package.tables["sources"].fields if f["name"] == "kind")["constraints"]["enum"]
    assert sorted(SECONDARY_SOURCE) == sorted(kinds)
    release = package.figures["voucher-smes"]
    assert source_words(package, release, "ko") == "과학기술정보통신부, 2021년 8월 30일"


def test_a_year_end_a_fraction_and_a_compound_count_are_kept_on_one_line():
    html = keep_words_whole(
        "<p>시한은 2021년 말입니다. 8곳은 2020년 말에 끝났고, 약 10분의 1인데 비중(1만 2,000개로 계산)</p>"
    )
    assert html == (
        '<p>시한은 <span class="dnd-word">2021년 말입니다.</span> 8곳은 <span class="dnd-word">2020년 말에</span> '
        '끝났고, <span class="dnd-word">약 10분의 1인데</span> <span class="dnd-word">비중(1만 2,000개로</span> '
        '<span class="dnd-word">계산)</span></p>'
    )


def test_a_particle_typed_after_a_value_s_badges_joins_the_value():
    # '49조여 원[목표]으로' reads as '목표으로', a particle that does not agree with the word before it: the
    # particle joins its value and the badges follow, as a note mark follows a word ('원으로[목표]').
    badge = '<span class="dnd-standings"><a class="dnd-standing" href="#s">목표<span class="dnd-hidden">: 계획</span></a></span>'
    html = f'<p><a class="dnd-fig" href="f">2021년 말</a>{badge}까지 마칠 계획</p>'
    assert (
        particle_before_standing(html)
        == f'<p><a class="dnd-fig" href="f">2021년 말</a>까지{badge} 마칠 계획</p>'
    )
    assert particle_before_standing(f"<p>2021년{badge}, 그리고</p>") == f"<p>2021년{badge}, 그리고</p>"
    # In running text the value is a unit with its badges (links.value_link): the particle joins inside it.
    value = '<a class="dnd-fig" href="f">14.3%</a>'
    assert (
        particle_before_standing(f'<p><span class="dnd-joined">{value}{badge}</span>를 넘는</p>')
        == f'<p><span class="dnd-joined">{value}를{badge}</span> 넘는</p>'
    )
    assert (
        particle_before_standing(f'<p><span class="dnd-joined">{value}</span>를 넘는</p>')
        == f'<p><span class="dnd-joined">{value}를</span> 넘는</p>'
    )


def test_no_korean_page_puts_a_particle_after_a_badge(built_site):
    # A badge's word followed by the value's particle ('목표으로', '맞지 않음를') reads as a wrong particle.
    found = {}
    for path in korean_pages(built_site.site):
        after = re.findall(
            r'<span class="dnd-standings">(?:(?!</span></a></span>).)*</span></a></span>(?:</span>)?([가-힣]+)',
            path.read_text(encoding="utf-8"),
        )
        if after:
            found[path.relative_to(built_site.site).as_posix()] = after[:3]
    assert found == {}


# A value's link, the badges after it and the units that keep them together, then a space and a particle
# ('2021년 7월 에', '10곳 을'): a particle stands against its word in Korean. ('이' is left out: after a
# space it is the word 'this'.)
VALUE_SPACE_PARTICLE = re.compile(
    r'<a class="dnd-fig"[^>]*>(?:(?!</a>).)*</a>(?:</span>)*'
    r'(?:<span class="dnd-standings">(?:(?!</span></a></span>).)*</span></a></span>)?(?:</span>)*'
    r"\s+(에|에서|을|를|은|는|과|와|으로|로|까지|부터|의|가|도)(?=[\s.,)<])",
    re.S,
)


def test_no_korean_page_sets_a_particle_apart_from_its_value(built_site):
    """The page joins a value and its particle with no space ('2021년 7월에[목표]'); a plain-text dump
    that turns each tag into a space shows '2021년 7월 에 목표', which is the dump's, not the page's."""
    sample = '<a class="dnd-fig" href="f"><span class="dnd-word">2021년 7월</span></a> 에 확정'
    assert VALUE_SPACE_PARTICLE.search(sample)  # the rule sees a space where one stands
    found = {}
    for path in korean_pages(built_site.site):
        apart = VALUE_SPACE_PARTICLE.findall(path.read_text(encoding="utf-8"))
        if apart:
            found[path.relative_to(built_site.site).as_posix()] = apart[:3]
    assert found == {}
    html = built_site.page("ko/dnd2/sectors/")
    assert re.search(r"2021년 7월</span></a>에<span class=\"dnd-standings\">", html)


class LooseBadges(HTMLParser):
    """The badges in running text (a paragraph, a list item, a caption) that do not share a unit with their
    value (`.dnd-joined`), where a phone line could start with a badge alone. A table's value cell, the
    figure page's large value and the explorer's rows are not running text."""

    RUNNING = ("p", "li", "figcaption")

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str]] = []
        self.loose = 0
        self.badges = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        kind = dict(attrs).get("class") or ""
        if tag == "span" and kind == "dnd-standings":
            self.badges += 1
            blocks = [(t, k) for t, k in self.open if t in (*self.RUNNING, "td", "th", "dd", "dt")]
            running = blocks and blocks[-1][0] in self.RUNNING and "dnd-figure-value" not in blocks[-1][1]
            if running and not any(k == "dnd-joined" for _, k in self.open):
                self.loose += 1
        self.open.append((tag, kind))

    def handle_endtag(self, tag):
        for n in range(len(self.open) - 1, -1, -1):
            if self.open[n][0] == tag:
                del self.open[n:]
                return


def test_the_badge_finder_sees_a_badge_apart_from_its_value_in_running_text():
    badge = '<span class="dnd-standings"><a class="dnd-standing" href="s">목표</a></span>'
    parser = LooseBadges()
    parser.feed(
        f'<p><a class="dnd-fig" href="f">14.3%</a>{badge} 성장 <span class="dnd-joined"><a href="f">1곳</a>{badge}</span></p>'
        f'<p class="dnd-figure-value">1곳{badge}</p><table><tr><td><a href="f">1곳</a>{badge}</td></tr></table>'
    )
    assert (parser.badges, parser.loose) == (4, 1)


def test_running_text_keeps_each_value_with_its_badges(built_site):
    """'14.3%[이후 수정됨] 성장': where no particle follows, the value and its first badge are one unit
    too, as where one does ('19조 3,000억 원으로[이후 수정됨]'), in both editions."""
    found, badges = {}, 0
    for path in sorted(built_site.site.rglob("*.html")):
        parser = LooseBadges()
        parser.feed(path.read_text(encoding="utf-8"))
        badges += parser.badges
        if parser.loose:
            found[path.relative_to(built_site.site).as_posix()] = parser.loose
    assert badges and found == {}


def test_a_count_under_1man_and_the_word_that_bounds_it_are_kept_on_one_line():
    # '1만 4,500명 이상' is kept whole, so are '7,500개 이상' and '300종 초과': each end of a range is one word.
    html = keep_words_whole(
        "<p>7,500개 이상 8,500개 이하(한정어 ‘약’), 300종 초과 400종 미만, 15.45% 이상</p>"
    )
    assert html == (
        '<p><span class="dnd-word">7,500개 이상</span> <span class="dnd-word">8,500개 이하(한정어</span> '
        '<span class="dnd-word">‘약’),</span> <span class="dnd-word">300종 초과</span> '
        '<span class="dnd-word">400종 미만,</span> <span class="dnd-word">15.45% 이상</span></p>'
    )


def test_a_percentage_and_its_copula_stay_with_their_bracket_too_long_to_keep_whole():
    # The word '15.5%입니다(2020년 7월~2021년 7월,' is too long for a phone: it breaks only after the period's
    # tilde, as '95.3%입니다(2020~2021년,' keeps its bracket whole.
    html = keep_words_whole("<p>절감률은 15.5%입니다(2020년 7월~2021년 7월, 실적).</p>")
    assert html == (
        '<p>절감률은 <span class="dnd-word">15.5%입니다(2020년 7월~</span><wbr><span class="dnd-word">2021년 7월,</span> '
        '<span class="dnd-word">실적).</span></p>'
    )


def test_a_heading_keeps_a_word_with_its_bracketed_gloss_whole_when_it_fits_a_phone_line_at_its_size():
    # A Korean page's title is set at 1.4 times the text on a phone, so its line holds about 14 Hangul:
    # '한국통신사업자연합회(KTOA)' (about 13.6 em) stays one word there, as in the text. A section heading's
    # line holds about 12.8: there it would run past the screen's edge, so it may break before its bracket,
    # as Korean typesetting does.
    html = keep_words_whole(
        "<h1>한국통신사업자연합회(KTOA) 등이</h1><h1>사이버보안지수(GCI)의 순위(2019년)</h1>"
        "<h2>한국통신사업자연합회(KTOA) 등이</h2><p>한국통신사업자연합회(KTOA) 등이</p>"
    )
    assert html == (
        '<h1><span class="dnd-word">한국통신사업자연합회(KTOA)</span> 등이</h1>'
        '<h1><span class="dnd-word">사이버보안지수(GCI)의</span> <span class="dnd-word">순위(2019년)</span></h1>'
        "<h2>한국통신사업자연합회(KTOA) 등이</h2>"
        '<p><span class="dnd-word">한국통신사업자연합회(KTOA)</span> 등이</p>'
    )


# A phone's line at each heading's size, in em (about 20 em of text on a 360 px screen; a Korean page's title
# is set at 1.4 em on a phone, a section heading at 1.5625 em), written apart from the formatter's own
# (typography.py).
HEADING_LINE = {"h1": 14.2, "h2": 12.8, "h3": 16.0, "h4": 20.0, "h5": 20.0, "h6": 20.0}


class HeadingWords(HTMLParser):
    """The kept-whole words of a page's headings, each with its heading's level."""

    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self.word = 0
        self.words: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in HEADING_LINE:
            self.headings.append(tag)
        elif tag == "span" and self.headings and dict(attrs).get("class") == "dnd-word":
            self.word += 1
            self.words.append((self.headings[-1], ""))

    def handle_endtag(self, tag):
        if tag in HEADING_LINE and self.headings:
            self.headings.pop()
        elif tag == "span" and self.word:
            self.word -= 1

    def handle_data(self, data):
        if self.word:
            self.words[-1] = (self.words[-1][0], self.words[-1][1] + data)


def test_no_korean_heading_keeps_whole_a_word_wider_than_a_phone_line(built_site):
    # Hangul is 1 em wide, any other sign counted at 0.6 em (a digit is 0.55 em in the text face).
    found, kept = {}, 0
    for path in korean_pages(built_site.site):
        parser = HeadingWords()
        parser.feed(path.read_text(encoding="utf-8"))
        kept += len(parser.words)
        wide = [
            word
            for level, word in parser.words
            if sum(1.0 if "가" <= c <= "힣" else 0.6 for c in word) > HEADING_LINE[level]
        ]
        if wide:
            found[path.relative_to(built_site.site).as_posix()] = wide
    assert kept and found == {}


# 'id' in Korean running text: Korean writes ID (or names the column as code, `id`).
LOWER_ID = re.compile(r"(?<![A-Za-z0-9_./#-])id(?![A-Za-z0-9_/-])")


def test_korean_running_text_writes_id_in_capitals(built_site):
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in korean_pages(built_site.site)
        if LOWER_ID.search(
            page_text(re.sub(r"<(code|pre)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S))
        )
    ]
    assert found == []


def test_a_number_quoted_in_english_keeps_its_scale_word_on_its_line():
    # Keep-all still breaks at a Latin space: '2.4 / trillion' on a phone.
    html = keep_words_whole('<p>원문 표기 <q lang="en">2.4 trillion</q>: 규칙(‘2.9 times’)</p>')
    assert '<span class="dnd-word">2.4 trillion</span>' in html
    assert '<span class="dnd-word">규칙(‘2.9 times’)</span>' in html


def test_a_printed_form_quoted_in_a_sentence_keeps_its_qualifier_with_its_number_in_both_editions():
    """The read of 18d: '17만여 개(‘more than 170,000’)로만' could break after 'more' or 'than' on a phone,
    cutting the qualifier from its number, while the 원문 표기 spans keep the same form whole. A short
    quotation with a number is a printed form, kept whole with its marks; a longer one is a sentence."""
    from macros.pages.typography import keep_codes_whole

    korean = keep_words_whole(
        keep_codes_whole("<p>전체 참여 기업 수는 17만여 개(‘more than 170,000’)로만 나와 있어</p>")
    )
    assert '<span class="dnd-amount">‘more than 170,000’</span>' in korean
    assert '<span class="dnd-word">17만여 개(</span>' in korean
    assert '<span class="dnd-word">)로만</span>' in korean
    english = keep_codes_whole("<p>the total is given only as “more than 170,000”, so</p>")
    assert '<span class="dnd-amount">“more than 170,000”</span>' in english
    for left in ("“a long quoted sentence with 2 numbers, 3 too”", "the year’s end"):
        assert "dnd-amount" not in keep_codes_whole(f"<p>{left} and 4 more</p>")


def test_a_short_quotation_with_a_space_is_never_broken_inside_its_marks_in_either_edition():
    """The read of 19d: '‘약 / N’은', '‘세 / 번째’가', '‘조 / 원’이', '‘more / than’을' and '‘these /
    technologies’' could break inside the marks on a phone, cutting a number or qualifier from what it
    belongs to. A quotation of up to about 20 characters is one unit to the reader; a headline or a
    sentence in quotation marks wraps as any text does."""
    from macros.pages.typography import keep_codes_whole

    for quoted in ("‘약 N’", "‘세 번째’", "‘조 원’", "‘more than’", "‘these technologies’", "“more than”"):
        korean = keep_words_whole(keep_codes_whole(f"<p>차수는 {quoted}가 아니라 씁니다</p>"))
        # The particle written onto the closing mark stays with it: a line never starts with '가'.
        assert f'<span class="dnd-amount">{quoted}가</span>' in korean
        english = keep_codes_whole(f"<p>it writes {quoted} here</p>")
        assert f'<span class="dnd-amount">{quoted}</span>' in english
    headline = "‘디지털 뉴딜 대한민국 새로운 혁신의 바람이 분다’"
    sixty = "“The Digital New Deal helped tackle the employment crisis b”"
    plan = "‘제3차 클라우드컴퓨팅 발전 기본계획’"
    for left in (headline, sixty, plan, "‘It holds. It fails.’"):
        assert "dnd-amount" not in keep_codes_whole(f"<p>the report says {left} today</p>")


def test_a_quoted_separator_and_a_licence_name_are_never_broken_in_either_edition():
    """The read of 20a: '‘; ’로' could end a line at '‘;' (the space inside the quoted separator) and
    'CC BY 4.0' at 'CC BY', splitting a licence from its version. A quotation of punctuation and spaces
    only is one unit with its marks; a Creative Commons licence's name is one code word."""
    from macros.pages.typography import keep_codes_whole

    for quoted in ("‘; ’", "‘, ’", "“; ”"):
        korean = keep_words_whole(keep_codes_whole(f"<p>여러 값을 {quoted}로 구분합니다</p>"))
        assert f'<span class="dnd-amount">{quoted}로</span>' in korean
    assert "dnd-amount" not in keep_codes_whole("<p>the year’s end and the ‘a’ mark</p>")
    for name in ("CC BY 4.0", "CC BY-SA 4.0"):
        for text in (f"<p>데이터는 {name} 조건으로</p>", f"<p>under {name} terms</p>"):
            assert f'<span class="dnd-code-word">{name}</span>' in keep_codes_whole(text)


def test_a_number_its_qualifier_word_after_it_is_kept_on_one_line():
    """'약 10억 건 이상' and '14.3% 초과' are one word to the reader: the qualifier after the number
    stays on its line, in a value and in a sentence."""
    html = keep_words_whole("<p>데이터는 약 10억 건 이상입니다(2020년 7월, 실적). 성장률 14.3% 초과</p>")
    assert '<span class="dnd-word">약 10억 건 이상입니다' in html
    assert '<span class="dnd-word">14.3% 초과</span>' in html


def test_a_korean_figure_page_names_its_checks_in_korean_before_their_id(built_site):
    """A check is named as the checks page heads it; its id follows as a code, never stands alone."""
    bare = re.compile(r'<li><a href="[^"]*#[^"]*"><code>')
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in (built_site.site / "ko" / "figures").rglob("index.html")
        if bare.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_a_korean_figure_summary_names_an_english_release_as_one(built_site, package):
    """The ministry's release of 30 August 2021 is the English translation of its Korean release of 22 July:
    a summary that called it the ministry's 보도자료 of that day would send a reader to a Korean release
    that does not exist. A release in another language than the page's is named by it (영문 보도자료)."""
    unnamed = []
    for figure in package.figures.values():
        source = package.source_of(figure)
        if source.kind in ("original-release", "translation", "plan") and source.language != "ko":
            page = (built_site.site / "ko" / "figures" / figure.id / "index.html").read_text(encoding="utf-8")
            summary = re.search(r'<p class="dnd-figure-summary">(.*?)</p>', page, re.S).group(1)
            if "영문 보도자료에 따르면" not in re.sub(r"<[^>]+>", "", summary):
                unnamed.append(figure.id)
    assert unnamed == []


# The English release's qualifier as a bare gloss in brackets ('한정어(more than)'), not quoted as its words.
BARE_GLOSS = re.compile(r"[가-힣]\((?:by )?(?:more than|approximately|about|over)[^)]*\)")


# A Korean word with the release's quoted qualifier in brackets after it ('한정어(<q>more than</q>)'): a gloss.
GLOSSED_QUOTE = re.compile(r'[가-힣]\(<q lang="en"[^>]*>[^<]*</q>\)')


def test_a_korean_prose_page_names_the_english_qualifier_in_its_sentence_not_as_a_gloss(built_site):
    """A prose page says what the release wrote in a Korean sentence (영문 부제는 ‘approximately’라고
    적었습니다), never as an English word in brackets after a Korean one (대략이라는 뜻의 한정어(approximately)를)."""
    found = []
    for path in (built_site.site / "ko").rglob("index.html"):
        if "figures" in path.relative_to(built_site.site).parts:
            continue
        html = path.read_text(encoding="utf-8")
        if GLOSSED_QUOTE.search(html) or BARE_GLOSS.search(re.sub(r"<[^>]+>", "", html)):
            found.append(path.relative_to(built_site.site).as_posix())
    assert found == []


def test_a_korean_figure_page_quotes_the_english_qualifier_it_names(built_site):
    """A figure page names the release's qualifier as a quotation (‘more than’), never as a bare English
    gloss a screen reader reads as Korean. (The prose pages' own wording is kept by their own read.)"""
    found = [
        path.relative_to(built_site.site).as_posix()
        for path in (built_site.site / "ko" / "figures").rglob("index.html")
        if BARE_GLOSS.search(HELD.sub(r"\1", page_text(path.read_text(encoding="utf-8"))))
    ]
    assert found == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_summary_that_names_its_source_does_not_repeat_it_in_the_label(package, lang):
    """'…에 따르면 디지털 뉴딜에 투입한 예산(국문 보도자료 기준)은 …' names the Korean release twice, and
    '…증가 배수(2019년 대비 2021년)는 4.5배(2019~2021년, 실적)입니다' says the period twice: the sentence
    names the source and gives the period, so a label's bracketed tail (its document or its period) is
    left out of it. A figure told from its twin only by such a tail is said by the shared label; a tail
    that is a term's name glosses the label and stays ('스마트 기술을 도입한 공장(스마트공장)'), except
    where the figure is read in a plan: there the term names the plan ('…국비(한국판 뉴딜 종합계획)는'
    is a headline's bracket in a running sentence) and goes as any other document's name."""
    from macros.data.standing import SAME_FACT
    from macros.pages.figure_page import _stated

    def stem(text):
        return re.sub(r"\s?\([^()]*\)$", "", text)

    names = {w.casefold() for t in package.terms for w in (*t.wordings, *t.korean())}
    shortened = dropped = glossed = planned = 0
    for figure in package.figures.values():
        label = figure.label_in(lang)
        twins = [
            package.figures[link.seen_from(figure.id)[1]].label_in(lang)
            for link in package.links_of(figure.id)
            if link.relation in SAME_FACT
        ]
        shared = [t for t in twins if t != label and label.startswith(t)]
        shared += [stem(label) for t in twins if stem(label) != label and stem(label) == stem(t)]
        stated = _stated(package, figure, lang)
        tail = label[len(stem(label)) :].strip().strip("()")
        if shared:
            shortened += 1
            assert label not in stated and shared[0] in stated, (figure.id, stated)
        elif tail and (tail.casefold() not in names or package.source_of(figure).kind == "plan"):
            dropped += 1
            planned += tail.casefold() in names
            assert label not in stated and stem(label) in stated, (figure.id, stated)
        else:
            glossed += bool(tail)
            assert label in stated, (figure.id, stated)
    assert shortened >= 6 and dropped >= 7
    assert glossed >= 1 and planned >= 5


def test_a_korean_summary_puts_its_bracket_before_the_ending_not_after_the_finished_verb(package):
    """'…10곳입니다(2019~2021년, 실적).' reads as a note on the verb; a desk prints '10곳(2019~2021년,
    실적)입니다.' A bracket never parts a number from its particle: '14.3%(2019~2020년, 잠정 추정치)를
    넘습니다' reads as '잠정 추정치를 넘습니다' (read22b), so a 'more than' figure says '14.3%를
    넘습니다(2019~2020년).' An estimate's status stays out of the sentence that names its source, which
    did not call it provisional (read38b): it stands beside the value."""
    from macros.pages.figure_page import _stated

    stated = {f.id: _stated(package, f, "ko") for f in package.figures.values()}
    assert [i for i, s in stated.items() if re.search(r"입니다\(|\)[을를] 넘습니다", s)] == []
    assert "10곳(2019~2021년, 실적)입니다." in stated["ai-graduate-schools"]
    assert "14.3%를 넘습니다(2019~2020년)." in stated["data-market-growth-headline"]
    estimates = [f.id for f in package.figures.values() if f.status == "estimate"]
    assert estimates and not [i for i in estimates if "잠정" in stated[i]]


def test_an_english_amount_keeps_its_number_scale_word_and_unit_on_one_line_in_every_edition():
    """The read of 12c: '3.701 / trillion won' and '220 trillion / won' broke on a phone inside an English
    quote on a Korean page, where the Korean-only rule did not reach and 'won' stood outside the span."""
    from macros.pages.typography import keep_codes_whole

    html = keep_codes_whole(
        '<blockquote lang="en"><p>to 220 trillion won ($191 billion), more than 2.2 million people, '
        "48 million pieces, 3.701 trillion won</p></blockquote>"
    )
    for amount in (
        "220 trillion won",
        "$191 billion",
        "2.2 million people",
        "48 million pieces",
        "3.701 trillion won",
    ):
        assert f'<span class="dnd-amount">{amount}</span>' in html
    # The Korean pass leaves the kept amount as it is, not a second span inside it.
    assert keep_words_whole(html).count("dnd-word") == 0
    css = (ROOT / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert re.search(r"(?m)^\.md-typeset \.dnd-amount \{\s*white-space: nowrap;", css)


def test_a_quoted_amount_is_kept_whole_around_its_marked_token_on_both_editions_pages(built_site):
    """The mark on '220 trillion' must not cut 'won' off its line: the amount's span holds the mark."""
    for prefix in ("", "ko/"):
        page = built_site.page(f"{prefix}figures/knd2-investment-2025/")
        assert '<span class="dnd-amount"><mark>220 trillion</mark> won</span>' in page
        page = built_site.page(f"{prefix}figures/new-deal-fund-size/")
        assert '<span class="dnd-amount">3.701 trillion won</span>' in page or (
            '<span class="dnd-amount"><mark>3.701 trillion</mark> won</span>' in page
        )
    page = built_site.page("ko/figures/people-benefiting/")
    assert re.search(r'<span class="dnd-amount">(<mark>)?2\.2 million(</mark>)? people</span>', page)


def test_a_marked_number_is_kept_with_its_unit_word_as_an_unmarked_one_is():
    """The thirteenth read: '<mark>28</mark> cases' could break after 28 on a phone while '20 cases' beside it
    was kept whole; a Korean page keeps an English number with its word, marked or not. The English
    edition keeps only an amount with its scale word, marked or not."""
    from macros.pages.figure_page import _marked

    korean = _marked("granted (", "480,000", " people) and 20 cases", keeps_words_whole=True)
    assert korean == 'granted <span class="dnd-amount">(<mark>480,000</mark> people)</span> and 20 cases'
    assert '<span class="dnd-word">20 cases</span>' in keep_words_whole(f"<p>{korean}</p>")
    english = _marked("granted (", "480,000", " people) and 20 cases", keeps_words_whole=False)
    assert english == "granted (<mark>480,000</mark> people) and 20 cases"
    assert "dnd-amount" in _marked("", "220 trillion", " won", keeps_words_whole=False)


def test_a_number_ending_in_a_plus_is_kept_with_its_word():
    """The thirteenth read: '(300+ types)' broke after '300+' while '(19 types)' beside it was kept whole."""
    html = keep_words_whole("<p>Subsidy24 (300+ types), Driver (19 types)</p>")
    assert '<span class="dnd-word">(300+ types),</span>' in html
    assert '<span class="dnd-word">(19 types)</span>' in html


def test_no_marked_english_number_on_a_korean_figure_page_is_cut_from_its_word(built_site):
    """Every Korean figure page: a marked number followed by an English word sits in the span that keeps it."""
    loose = {}
    for path in sorted((built_site.site / "ko" / "figures").glob("*/index.html")):
        html = path.read_text(encoding="utf-8")
        for m in re.finditer(r'(<span class="dnd-amount">[^<\s]*)?<mark>[^<]*[0-9+]</mark> [a-z]', html):
            if m.group(1) is None:
                loose[path.parent.name] = m.group()
    assert loose == {}
    page = built_site.page("ko/figures/ict-pilot-testing-permission/")
    assert '<span class="dnd-amount"><mark>28</mark> cases</span>' in page


def test_total_before_a_korean_amount_stays_on_its_line():
    """'총 1050억원' in a quoted headline: 총 (in all) is part of the amount, as 약 is."""
    html = keep_words_whole("<p>업무협약 체결...총 1050억원 투자, 총 2조 4,500억 원을</p>")
    assert '<span class="dnd-word">체결...총 1050억원</span>' in html
    assert '<span class="dnd-word">총 2조 4,500억 원을</span>' in html


def test_a_rank_checks_figure_pages_name_the_baseline_and_the_rank_compared_with_it(built_site):
    """The read of 12c: the 2019 rank, the baseline, was called the check's stated figure and the 2020 rank,
    the one checked, a figure it works from. Each page says the part its figure has in the check."""
    from macros.pages.i18n import tr

    baseline, compared = KINDS["rank-at-or-above"].roles
    for lang, prefix in (("en", ""), ("ko", "ko/")):
        check = next(c for c in load_package().checks if c.id == "imd-rank-rose")
        pages = {f: built_site.page(f"{prefix}figures/{f}/") for f in (check.result, *check.operands)}
        assert tr(lang, baseline, "check role") in pages[check.result]
        for operand in check.operands:
            assert tr(lang, compared, "check role") in pages[operand]
            assert tr(lang, baseline, "check role") not in pages[operand]


def test_each_end_of_a_plan_change_says_which_figure_is_this_one():
    """The read of 12c: '나중 계획이 바꾼 수치' named the later plan's figure as the one changed. A figure page
    lists the other figure after these words, so each says how this page's figure stands to it. The read of
    13c: a desk says 이후 계획, not 나중 계획."""
    from macros.data.link import RELATIONS
    from macros.pages.i18n import tr

    earlier, later = (tr("ko", words, "relation") for words in RELATIONS["amends"])
    assert "이 수치가 바꾼" in earlier and "이전 계획" in earlier
    assert "이 수치를 바꾼" in later and "이후 계획" in later and "나중 계획" not in later


def test_the_search_panel_says_it_is_getting_ready_not_that_it_resets(built_site):
    """The thirteenth read: the theme's 검색 초기화, shown while the index loads, reads as 'reset the
    search'; a Korean desk writes 검색 준비 중. The English edition keeps the theme's own words."""
    meta = r'<div class="md-search-result__meta">\s*(.*?)\s*</div>'
    assert re.search(meta, built_site.page("ko/"), re.S).group(1) == "검색 준비 중"
    assert re.search(meta, built_site.page(""), re.S).group(1) == "Initializing search"


def test_statements_about_one_value_end_each_korean_sentence_with_its_full_stop(package):
    """A value's standings are each a finished Korean sentence (…적혀 있습니다); joined, each keeps its
    full stop, in a chart's description as in a figure's standing line, never '있습니다, 잠정 추정치: …'."""
    from macros.data.standing import states
    from macros.data.words import statements
    from macros.pages.standing import described, sentence

    assert (
        statements(["20조 원으로 적혀 있습니다", "잠정 추정치입니다"], "ko")
        == "20조 원으로 적혀 있습니다. 잠정 추정치입니다"
    )
    assert statements(["disputed: …", "provisional: …"], "en") == "disputed: …; provisional: …"
    several = [
        f for f in package.figures.values() if package.standing(f.id) and len(list(states(package, f.id))) > 1
    ]
    assert several
    for f in several:
        joined = statements([described(package, f, s, "ko") for s in states(package, f.id)], "ko")
        assert not re.search(r"니다[,;]", joined + sentence(package, f, "ko")), f.id


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_section_table_gives_a_date_figure_the_period_its_own_page_gives(package, lang):
    """A date figure's period is printed in the section table, as the figure page and the changelog do,
    even where it is the value's date again: a dash reads as 'no period' and a phrase for 'the same as
    the value' as a placeholder. A deadline given as a year alone ('(-2025)', 'by the year's end') reads
    as that year's 'by' ('2025년까지'), its value and period alike, never an end of the year ('2025년 말')
    the source does not print."""
    from macros.pages.tables import _period_cell

    dates = [f for f in package.figures.values() if f.unit.display == "date"]
    for f in dates:
        assert _period_cell(f, lang) == f.period.words(lang), f.id
    by = {"en": "by 2025", "ko": "2025년까지"}[lang]
    for deadline in ("5g-dedicated-network-deadline", "cloud-public-sector-horizon"):
        figure = package.figures[deadline]
        assert figure.text(lang) == figure.period.words(lang) == _period_cell(figure, lang), deadline
    assert package.figures["cloud-public-sector-horizon"].text(lang) == by


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_404_pages_links_start_at_the_sites_path_so_they_resolve_under_a_sub_path(lang):
    """A 404 page is served at whatever address was missed, so its links cannot be relative. MkDocs gives
    the 404 template the path of site_url as `base_url` ('/dnd/' for a GitHub Pages project site, which
    the Pages workflow sets through DND_SITE_URL); the page's links and its language switch start there."""
    from types import SimpleNamespace

    import jinja2

    from macros.data.catalogue import tr
    from macros.site.editions import prefix
    from macros.site.hooks import _site_base, on_template_context

    config = SimpleNamespace(
        site_url="https://example.org/dnd/",
        site_author="Digital New Deal Figures maintainers",
        theme={"language": lang},
        extra=SimpleNamespace(alternate=[{"lang": "en", "link": "x"}, {"lang": "ko", "link": "y"}]),
    )
    base = _site_base(config)
    assert base == "/dnd/" and _site_base(SimpleNamespace(site_url="https://example.org/dnd")) == "/dnd/"
    on_template_context({}, "404.html", config)
    assert [a["link"] for a in config.extra.alternate] == ["/dnd/", "/dnd/ko/"]
    loader = jinja2.DictLoader(
        {
            "404.html": (ROOT / "overrides" / "404.html").read_text(encoding="utf-8"),
            "main.html": "{% block content %}{% endblock %}",
        }
    )
    environment = jinja2.Environment(loader=loader)
    environment.globals.update(tr=tr, edition_prefix=prefix)
    page = environment.get_template("404.html").render(
        config=SimpleNamespace(theme=SimpleNamespace(language=lang)), base_url=base
    )
    links = re.findall(r'href="([^"]*)"', page)
    home = "/dnd/" + prefix(lang)
    assert links == [home, home + "data/explorer/"]


def test_the_cite_box_gives_the_whole_download_address_when_the_site_knows_its_own(package):
    """A copied citation works: with the site's address (DND_SITE_URL) the citation ends in the archive's
    full address, linked to it, and the note on what to put before a bare path is left out."""
    from types import SimpleNamespace

    from macros.pages.citation import cite_box

    full = f"https://example.org/dnd/data/download/{package.version}/datapackage.zip"
    page = SimpleNamespace(language="ko", link=lambda target, anchor=None: "../../" + target)
    known = cite_box(package, "https://example.org/dnd/", page=page)
    citation = re.search(r'<p class="dnd-citation">(.*?)</p>', known).group(1)
    assert citation.endswith(f'<a href="{full}">{full}</a>')
    bare = cite_box(package, None, page=page)
    assert full not in bare and known.count("<p>") == bare.count("<p>")
    # Without it the link's text is the bare path, which a browser writes out whole (see the browser
    # test); the sentence right after the citation says it is a path, for a reader without scripts.
    path = f"data/download/{package.version}/datapackage.zip"
    after = re.search(r'<p class="dnd-citation">(.*?)</p>\s*<p class="dnd-cite-prefix">(.*?)</p>', bare, re.S)
    assert after.group(1).endswith(f" data-dnd-whole>{path}</a>") and "이 사이트 안의 경로" in after.group(2)
    assert "이 사이트 안의 경로" not in known and "data-dnd-whole" not in known and "<script" not in known


def test_the_release_s_english_words_quoted_in_korean_texts_are_marked_as_the_release_s(built_site):
    """A Korean note, check or changelog line that quotes the release's word (‘established’, ‘these
    technologies’) shows it as the release's own: a q in English citing the release, not English left.
    The English edition, where the words are the page's own language, marks nothing."""
    package = load_package()
    release = package.outlined.url.replace("&", "&amp;")
    said = '<q class="dnd-marked dnd-said" lang="en" cite="{}">{}</q>'
    assert said.format(release, "established") in built_site.page("ko/figures/ai-graduate-schools/")
    assert said.format(release, "these technologies") in built_site.page("ko/data/checks/")
    assert said.format(release, "more than") in built_site.page("ko/about/changelog/")
    assert "dnd-said" not in built_site.page("figures/ai-graduate-schools/")


def test_prose_quotes_a_source_s_word_as_the_source_s_and_only_a_word_the_source_prints():
    """`{{ source_word("businesses") }}`: on a Korean page the release's word is marked as the release's;
    on an English page it is the page's own language, between its marks; a word no source prints stops
    the page, so the project's English cannot pass as a quotation."""
    from macros.pages.tables import source_word

    package = load_package()
    korean = source_word(package, "businesses", "ko")
    assert korean.startswith('‘<q class="dnd-marked dnd-said" lang="en" cite=') and korean.endswith(
        ">businesses</q>’"
    )
    assert source_word(package, "businesses", "en") == "“businesses”"
    with pytest.raises(ValueError, match="no figure's quote holds ‘drawn up together’"):
        source_word(package, "drawn up together", "ko")


def test_a_count_whose_word_may_be_businesses_or_projects_is_named_so_in_both_languages(package):
    """Reads 23 to 32 moved this name nine times (사업·기업, 기업 또는 사업, 관련 기업, 항목에 적힌 기업 수,
    기업, 대해 센): the release prints '52 businesses', a word that may render the Korean original's 사업.
    A name that settles it either way says what no source does ('관련 기업', read 26); the name says both,
    in both languages, in the form four readers asked for, and the note says why."""
    figure = package.figures["underground-map-businesses"]
    assert figure.label_in("ko") == "지하공간통합지도 관련 기업 또는 사업"
    assert "or possibly projects" in figure.label_in("en")
    assert "사업" in figure.note_in("ko")


def test_a_deadline_is_said_as_a_desk_says_one(built_site):
    """Read 26: '…공급 시한은 2021년까지(예정)입니다' reads as a table read aloud and calls a deadline 예정;
    read 29: '…시한은 2021년(목표)입니다' loses the 'by' its value says. A desk writes '…까지로 잡혀 있다'."""
    for page, year in (("5g-dedicated-network-deadline", 2021), ("cloud-public-sector-horizon", 2025)):
        html = text(built_site.page(f"ko/figures/{page}/"))
        assert f"시한은 {year}년까지로 잡혀 있습니다." in html
        assert f"{year}년(목표)입니다" not in html and f"{year}년까지(예정)" not in html


def test_a_foreign_key_names_the_table_it_refers_to_by_its_title_and_its_name_as_code(package):
    """Read 28: '외래 키: `topic` → topics의 `id`' left the table's name as a bare English word, taking a
    Korean particle."""
    from macros.pages.dictionary import data_dictionary

    korean = data_dictionary(package, "ko")
    assert '→ <a href="#resource-topics">주제(<code>topics</code>)</a>의 <code>id</code>' in korean
    assert '">topics</a>' not in korean
    english = data_dictionary(package, "en")
    assert 'in <a href="#resource-topics">Topics (<code>topics</code>)</a>' in english


def test_a_value_read_by_a_correction_is_not_said_to_be_taken_as_printed(built_site):
    """Read 31: '12만 7,000개(적힌 그대로)' for a printing ('12,7000') that is no number and that a correction
    read as 127,000; the range line says it is the corrected value (the printing is the row above)."""
    html = text(built_site.page("ko/figures/voucher-smes-restated/"))
    assert "12만 7,000개(바로잡은 값)" in html
    assert "(적힌 그대로)" not in html
    # Read 34: the sentence that credits the release with the value says it is the site's reading.
    assert "12만 7,000개(2020년 7월~2021년 7월, 실적, 바로잡은 값)입니다" in html
