"""Korean line breaking the stylesheet cannot express: a word joined to a middle dot, a bracket, a
percent sign, a hyphen or a quotation mark stays on one line, and so does an amount or a date written
in several words.

`word-break: keep-all` keeps Hangul syllables together, but browsers still break around the middle
dot of 중소·벤처기업, before the bracket of 공급기업(2019년) and after the % of 0.1%포인트. Korean
typesetting treats each of these as one word (어절), so on Korean pages each is wrapped in a span
that does not wrap (`.dnd-word` in extra.css). Only text between tags changes; code, scripts and
styles are left alone.

A Korean amount in myriads is written in several words ('2조 4,500억 원', '12만 7,000개', '약 17만
개'), a number with 여 before its counter in two ('4,300여 종'), an approximate number in two ('약
8,000개') and a date in three ('2021년 7월 22일'); a desk never lets a line end inside one, so each is
kept whole the same way (COMPOUND), and so is each end of a range with its word ('7,500개 이상',
'1만 4,500명 초과'). A word that joins an amount to a bracketed period ('114조 1,000억 원입니다(2020년 7월~2025년,')
is too long to keep whole on a phone: it is still one word with its bracket, and the line may break
only after the period's tilde ('…원입니다(2020년 7월~' | '2025년,'); a word too long even so keeps each
amount or date whole, and what stands before the bracket ('15.5%입니다'), and may break before it. A heading keeps whole only
what fits a phone's line at its size.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import partial

TAG = re.compile(r"(<[^>]+>)")
# Elements whose text is not running Korean text.
SKIPPED = ("script", "style", "code", "pre", "svg", "textarea")
# The class of text only screen readers read (docs/stylesheets/extra.css).
HIDDEN = "dnd-hidden"
# A tag's name ('td' of '</td>'; none for a comment or a doctype).
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")


def walk(
    parts: list[str], skipped: Collection[str], kept_spans: Collection[str] = (), tags: bool = True
) -> Iterator[tuple[int, str | None]]:
    """The pieces of a page split by TAG (text at even indexes, a tag at odd ones) that a pass over its text
    reads: each tag's index and lowercased name ('' for a comment), unless `tags` is false, and each text's
    index with None, except a text inside a `skipped` element, inside a span read only by screen readers
    (laid out on one clipped line) or of a class in `kept_spans`, or inside any span within those. The
    caller may replace the piece it was just given; the walk reads each tag before giving it."""
    skipping: list[str] = []
    match = _TAG_NAME.match
    if parts:
        yield 0, None
    for n in range(1, len(parts), 2):
        part = parts[n]
        name = match(part)
        tag = name.group(1).lower() if name else ""
        if (
            tag in skipped
            or (
                tag == "span"
                and (skipping or HIDDEN in part or any(f'class="{kept}"' in part for kept in kept_spans))
            )
        ) and not part.endswith("/>"):
            if part.startswith("</"):
                if skipping and skipping[-1] == tag:
                    skipping.pop()
            else:
                skipping.append(tag)
        if tags:
            yield n, tag
        if not skipping:
            yield n + 1, None


# A word (between spaces and tags) with Hangul or a digit that joins something a browser breaks at.
BREAKS = "·()%~‘’“”\\[\\]/-"
JOINED = re.compile(rf"[^\s<>]*(?:[가-힣0-9][^\s<>]*[{BREAKS}]|[{BREAKS}][^\s<>]*[가-힣0-9])[^\s<>]*")
# A number with a myriad word (만, 억, 조), more of them, and its counter ('약 2조 4,500억 원을',
# '12만 7,000개', '17만여 개'); a date of year and month, or year, month and day, or a half-year.
_DIGITS = r"[0-9][0-9,]*(?:\.[0-9]+)?"
_MYRIADS = rf"{_DIGITS}[만억조](?:\s{_DIGITS}[만억조])*(?:\s{_DIGITS}|여?(?:\s[가-힣]+)?)"
_DATE = r"[0-9]{4}년\s(?:[0-9]{1,2}월(?:\s[0-9]{1,2}일)?|[상하]반기|[초말])"
# A whole number with 여 and its counter ('4,300여 종', '1,000여 곳'), and 약 (about) or 총 (in all) before a
# number ('약 8,000개', '총 1050억원'): the word before the number is part of the amount.
_SOME = rf"{_DIGITS}여\s[가-힣]+"
_BEFORE = r"[약총]\s"
_ABOUT = rf"{_BEFORE}{_DIGITS}"
# A fraction ('10분의 1'), which a line break would read as two numbers.
_FRACTION = rf"{_DIGITS}분의\s{_DIGITS}"
# The word that ends a qualified number or a range's end after it ('약 10억 건 이상', '14.3% 초과'): the
# number, its unit and its qualifier are one word to the reader. A number in one word (a percentage, a
# count under 1만: '7,500개 이상', '300종 초과') is kept with one only.
_ENDS = r"(?:[가-힣]*\s(?:이상|이하|초과|미만))"
_BOUND = rf"{_DIGITS}%?(?={_ENDS})"
_ONE = rf"(?:(?:(?:{_BEFORE})?(?:{_MYRIADS}|{_SOME}|{_DATE}|{_FRACTION})|{_ABOUT}){_ENDS}?|{_BOUND}{_ENDS})"
# With what is joined to it, and any further amount in the same word ('‘3조701억원’(3조 701억 원)으로').
COMPOUND = re.compile(rf"[^\s<>]*?{_ONE}(?:[^\s<>]*?{_ONE})*[^\s<>]*")
# A number quoted in English with its scale word or unit ('2.4 trillion', '‘16.9 trillion’,', '2.9 times'):
# a Korean page quotes the source's form, and keep-all still breaks at its Latin space.
# It starts a word ('SHA-256 plain' is a code and a word, not an amount); its number may end in '+' ('300+
# types', as AMOUNT's).
_ENGLISH_AMOUNT = r"(?<![^\s>])[^\sA-Za-z<>-]*[0-9][0-9.,]*\+?\s[a-z]+[^\s<>a-z]*"
# Longer than this, a word may break after all rather than push a narrow screen sideways.
LONGEST = 24
# A heading is set larger than the text, so a word kept whole there must fit a phone's line at the
# heading's size: a wider one would run past the screen's edge. A word with its bracketed gloss is one
# word in a heading as in the text ('한국통신사업자연합회(KTOA)', about 13.6 em, in a Korean page's title
# of about 14); only one wider than the line is kept whole up to an opening bracket, where Korean
# typesetting may break. A phone's line is about 20 em of text on a 360 px screen; each heading's size is
# the theme's, but the page's title, which a Korean page sets at 1.4 times the text on a phone
# (extra.css), as a Korean news site sets a headline, not at the theme's twice.
LINE = 20.0
HEADINGS = {"h1": 1.4, "h2": 1.5625, "h3": 1.25, "h4": 1.0, "h5": 1.0, "h6": 1.0}
# A table's cell on a phone is narrower than the text's line: the stacked table gives its value about
# 205 px at 0.64 rem (12.8 px) on a 360 px screen, some 16 em. A word kept whole there must fit it, less
# a margin for the wider signs ('과학기술정보통신부·한국데이터산업진흥원,' is about 20 em); a wider one is
# kept whole in pieces that end at a middle dot, where Korean typesetting may break a compound.
CELL = 14.0


def width(word: str) -> float:
    """A word's width in em: a Hangul syllable 1, any other sign 0.6 (a digit is 0.55 in the text face)."""
    return sum(1.0 if "가" <= c <= "힣" else 0.6 for c in word)


def widest(heading: str) -> float:
    """The widest word in em that a heading of this level keeps whole ('' for the text: any width)."""
    if heading == "td":
        return CELL
    return LINE / HEADINGS[heading] if heading else float("inf")


# A code-like token joined by a hyphen to digits ('SHA-256', 'ISO 8601-2', 'COVID-19'): in every edition a
# line never ends at its hyphen, in text (a span that does not wrap) and in a cell's label (`data-label`,
# which the stylesheet shows as generated text: word joiners either side of the hyphen).
CODE_WORD = re.compile(r"\b[A-Za-z0-9]+(?:-[0-9][A-Za-z0-9]*)+\b")
_LABEL = re.compile(r'data-label="([^"]*)"')
# Names a line never splits: a Creative Commons licence with its version ('CC BY 4.0', 'CC BY-SA 4.0'), a
# plan with its version ('디지털 뉴딜 2.0', 'Digital New Deal 2.0'), whose version alone at a line's start
# reads as a number of its own, and the qualifier 약 … 이상, one name. KEPT_NAME_STARTS are the words each
# begins with, so that text holding none of them is not searched.
KEPT_NAME = re.compile(
    r"\bCC BY(?:-[A-Z]{2})* [0-9]\.[0-9]\b|(?:뉴딜|\bDeal) [0-9]\.[0-9](?![0-9])|약 … 이상"
)
KEPT_NAME_STARTS = ("CC BY", "뉴딜 ", "Deal ", "약 … ")
# An amount written in English with its scale word and the unit after it ('3.701 trillion won', 'KRW 10.1
# trillion', 'more than 2.2 million people', '$191 billion'): one word to the reader in every edition, on
# an English page and in a source's English quoted on a Korean one ('3.701 / trillion won' on a phone reads
# as two numbers). The unit words are the ones the sources' English writes after a scale word.
_SCALES = "thousand|million|billion|trillion"
_UNIT_WORDS = "won|KRW|dollars|people|persons|households|pieces|Koreans|businesses|companies|jobs|users"
# A number may end in '+' ('300+ types', 'at least 300'): the sign is part of the number.
AMOUNT = re.compile(
    rf"(?<![\w.,$])(?:(?:KRW|USD)\s|US\$|\$|₩)?[0-9][0-9,]*(?:\.[0-9]+)?\+?\s(?:{_SCALES})(?:\s(?:{_UNIT_WORDS}))?\b"
)
# A short quotation inside running text, in either edition's marks: a printed form ('17만여 개(‘more than
# 170,000’)로만', 'given as “more than 170,000”'), whose qualifier, number and unit are one word to the
# reader as in the 원문 표기 spans, or a short phrase ('‘약 N’은', '‘세 번째’가', '‘조 원’이', '‘more
# than’을', '‘these technologies’'), which a reader takes in as one: a line never ends inside the marks,
# which are kept with it. A longer quotation is a headline or a sentence and wraps as any text does.
# A quoted separator ('‘; ’', '‘, ’') is punctuation and spaces only, kept whole with its marks too.
QUOTED_FORM = re.compile(
    r"(?:‘[^‘’“”<>\s][^‘’“”<>]{0,22}[^‘’“”<>\s]’|“[^‘’“”<>\s][^‘’“”<>]{0,22}[^‘’“”<>\s]”"
    r"|‘[^‘’“”<>\w]{1,3}’|“[^‘’“”<>\w]{1,3}”)"
)
# A quoted phrase with no number is kept whole up to this many characters, and any quotation only up to
# this width in em (three quarters of a phone's line, LINE, leaving room for its marks and particle):
# '‘these technologies’' (18 signs, about 11 em) and '‘More than KRW 49 trillion’' (15 em) are; a quoted
# headline or a plan's full name ('‘제3차 클라우드컴퓨팅 발전 기본계획’', over 17 em) is not, nor is anything
# that ends a sentence inside the marks.
QUOTED_PHRASE = 20
QUOTED_WIDTH = 15.0


def _quoted_form(found: re.Match) -> str | None:
    """The span that keeps a short quotation whole, with the Korean particle written onto its closing mark
    ('‘바우처 수혜 중소기업’으로'), or None for one that may wrap (no space inside, a sentence, or a phrase
    too long)."""
    quoted = found.group("quoted")
    inside = quoted[1:-1]
    if not re.search(r"\s", inside) or width(inside) > QUOTED_WIDTH:
        return None
    if not re.search(r"[0-9]", inside) and (len(inside) > QUOTED_PHRASE or re.search(r"[.!?。]", inside)):
        return None
    return f'<span class="dnd-amount">{quoted}{found.group("particle")}</span>'


# A particle after a closing mark belongs to the quotation: a line never starts with it.
_KEPT_IN_EVERY_EDITION = re.compile(
    f"(?P<quoted>{QUOTED_FORM.pattern})(?P<particle>[가-힣]*)|{AMOUNT.pattern}"
)


def _kept(found: re.Match) -> str:
    """A quoted printed form whole with its marks, else an English amount with its scale word; an amount
    inside a quotation that is not a printed form is still kept."""
    if found.group("quoted"):
        kept = _quoted_form(found)
        if kept:
            return kept
        inner = found.group("quoted")
        return (
            inner[0]
            + AMOUNT.sub(lambda m: f'<span class="dnd-amount">{m.group()}</span>', inner[1:-1])
            + inner[-1]
            + found.group("particle")
        )
    return f'<span class="dnd-amount">{found.group()}</span>'


# The spans this module keeps on one line in every edition: the Korean pass leaves their text as it is.
KEPT_WHOLE = ("dnd-code-word", "dnd-amount")
WORD_JOINER = "\u2060"


def kept_amounts(text: str, keeps_words_whole: bool) -> list[re.Match]:
    """The amounts in a text (not HTML) that a line never breaks inside: an English amount with its scale
    word in every edition ('220 trillion won'), and in an edition that keeps words whole (Korean) an English
    number with the word after it ('28 cases', '(300+ types)'), as the two passes below keep them. A page
    that marks a token inside one asks here, so a marked number is kept with its unit as an unmarked one is."""
    found = list(AMOUNT.finditer(text))
    if keeps_words_whole:
        found += [
            m
            for m in re.finditer(_ENGLISH_AMOUNT, text)
            if not any(a.start() < m.end() and m.start() < a.end() for a in found)
        ]
    return found


# Code short enough for any line a phone gives it ('more-than', 'non-ict-share'): broken at its hyphen it
# reads as two words and cannot be copied whole. Longer code may break at its hyphens (extra.css).
SHORT_CODE = re.compile(r"<code>([^<-]{1,15}-[^<]{1,15})</code>")
SHORT_CODE_LENGTH = 16


def _short_code_kept(m: re.Match) -> str:
    code = m.group(1)
    return f'<code class="dnd-code-short">{code}</code>' if len(code) <= SHORT_CODE_LENGTH else m.group()


def keep_codes_whole(html: str) -> str:
    """The page with each code-like hyphenated token, each short code with a hyphen, each English amount
    with its scale word and unit, and each printed form quoted in a sentence ('‘more than 170,000’') kept
    on one line, in any language."""
    parts = TAG.split(SHORT_CODE.sub(_short_code_kept, html))
    # Not inside a span kept whole already.
    for n, tag in walk(parts, SKIPPED, KEPT_WHOLE):
        part = parts[n]
        if tag is not None:
            if "data-label=" in part:
                parts[n] = _LABEL.sub(lambda m: f'data-label="{joined(m.group(1))}"', part)
            continue
        if "-" in part:
            part = CODE_WORD.sub(lambda m: f'<span class="dnd-code-word">{m.group()}</span>', part)
        if any(start in part for start in KEPT_NAME_STARTS):
            part = KEPT_NAME.sub(lambda m: f'<span class="dnd-code-word">{m.group()}</span>', part)
        parts[n] = _KEPT_IN_EVERY_EDITION.sub(_kept, part)
    return "".join(parts)


def joined(text: str) -> str:
    """The text with word joiners either side of each code-like token's hyphen ('SHA⁠-⁠256')."""
    return CODE_WORD.sub(lambda m: m.group().replace("-", f"{WORD_JOINER}-{WORD_JOINER}"), text)


# A value's standing badges, the end of the unit that keeps them on the value's line if any
# (macros/pages/links.py), then the Korean particle or copula typed after the value ('2021년 말[목표]까지').
_STANDINGS_THEN_PARTICLE = re.compile(
    r'(?P<standings><span class="dnd-standings">(?:<a [^>]*>[^<]*<span class="dnd-hidden">[^<]*</span></a>)+</span>)'
    r"(?P<unit></span>)?(?P<particle>[가-힣]+)"
)


def particle_before_standing(html: str) -> str:
    """The page with each particle moved before the badges that stood between it and its value, inside the
    unit that keeps them on one line: Korean joins a particle to its word ('2021년 말까지[목표]'); after a
    badge it would read as agreeing with the badge's word ('[목표]으로'), and a line could start with it."""
    html = _STANDINGS_THEN_PARTICLE.sub(
        lambda m: m.group("particle") + m.group("standings") + (m.group("unit") or ""), html
    )
    return _UNIT_THEN_PARTICLE.sub(lambda m: m.group("unit") + m.group("particle") + "</span>", html)


# A value's unit without badges, then the particle typed after it ('14.3%' then '를').
_UNIT_THEN_PARTICLE = re.compile(
    r'(?P<unit><span class="dnd-joined">(?:[^<]|<a [^>]*>|</a>)*)</span>(?P<particle>[가-힣]+)'
)


def keep_words_whole(html: str) -> str:
    """The page with each joined Korean word in a span that keeps it on one line, and in a heading only a
    word narrow enough for a phone's line at the heading's size."""
    parts = TAG.split(html)
    headings: list[str] = []
    # Text read only by screen readers is laid out on one clipped line, where a kept-whole word would only
    # reach past the screen's edge; a span kept whole in every edition (keep_codes_whole) already holds its
    # word on one line.
    for n, tag in walk(parts, SKIPPED, KEPT_WHOLE):
        part = parts[n]
        if tag is not None:
            if tag in HEADINGS or tag == "td":
                if not part.startswith("</"):
                    headings.append(tag)
                elif headings:
                    headings.pop()
            continue
        if not part.strip():
            continue
        parts[n] = _WHOLE.sub(partial(_keep, heading=headings[-1] if headings else ""), part)
    return "".join(parts)


_WHOLE = re.compile(f"(?P<compound>{COMPOUND.pattern})|(?P<english>{_ENGLISH_AMOUNT})|{JOINED.pattern}")


def _keep(found: re.Match, heading: str = "") -> str:
    """An amount or a date in several words is kept whole as it stands; any other joined word by _wrap."""
    word = found.group()
    if found.group("english"):
        return _span(word, heading)
    if found.group("compound") and re.search(r"\s", word):
        if _fits(word, heading):
            return _span(word, heading)
        # Too long for one line of a phone: the word stays joined to its bracket, as every word joined to
        # one does (extra.css), and a line may end after a period's tilde, where a range may break
        # ('80만 명입니다(2020년 7월~' | '2021년 7월,').
        # Each piece is held to a phone's line by its width alone (LONGEST counts signs, which are narrow).
        ranged = re.split(r"(?<=~)", word)
        if len(ranged) > 1 and all(width(p) <= min(LINE, widest(heading)) for p in ranged):
            # Two spans side by side are one unbreakable run where nothing between them allows a break
            # (UAX 14 gives none between '~' and a digit), so the break is marked.
            return "<wbr>".join(f'<span class="dnd-word">{p}</span>' for p in ranged)
        # Too long even so: each amount or date with what is joined to it, up to a bracket, and each other
        # piece that joins a sign as any word does ('15.5%입니다' before '(2020년 7월~').
        return "".join(
            _span(p, heading) if (re.search(r"\s", p) and COMPOUND.fullmatch(p)) or JOINED.fullmatch(p) else p
            for p in re.split(r"([(\[])", word)
        )
    # One word after all ('3조701억원'): kept whole only if it joins a sign, as any other word.
    return _wrap(found, heading) if JOINED.fullmatch(word) else word


def _wrap(found: re.Match, heading: str = "") -> str:
    word = found.group()
    if len(word) > LONGEST:
        return word
    if word.count("(") != word.count(")") or word.count("[") != word.count("]") or not _fits(word, heading):
        # A bracket opened in one text and closed in another holds a tag or a space between: keep
        # whole what stands on either side of an opening bracket ('데이터·네트워크·인공지능' | '('); a
        # closing one stays with the particle after it ('(그 이상)라는': '이상)라는' is one word). A word
        # too wide for a heading's line is kept whole the same way ('사이버보안지수' | '(GCI)의').
        pieces = re.split(r"([(\[])", word)
        return "".join(
            _span(p, heading) if JOINED.fullmatch(p) and _fits(p, heading) else _by_dots(p, heading)
            for p in pieces
        )
    return _span(word, heading)


def _by_dots(word: str, heading: str) -> str:
    """A middle-dot compound too wide for its place, kept whole in pieces that end at a dot, with a break
    allowed after each ('과학기술정보통신부·' | '한국데이터산업진흥원,'), never before a dot."""
    if "·" not in word:
        return word
    pieces = re.split(r"(?<=·)", word)
    return "<wbr>".join(_span(p, heading) if JOINED.fullmatch(p) else p for p in pieces)


def _fits(word: str, heading: str) -> bool:
    return len(word) <= LONGEST and width(word) <= widest(heading)


def _span(word: str, heading: str = "") -> str:
    return f'<span class="dnd-word">{word}</span>' if _fits(word, heading) else word
