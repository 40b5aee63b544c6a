"""Where the release states a figure: a topic, and optionally the part of it (text, footnote-1, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTS = re.compile(r"text|heading|note|footnote(-[0-9]+)?")
# A place in another source, in Korean: numbered paragraphs and sections by rule, named places by name.
KOREAN_PLACES = (
    (re.compile(r"section-(?P<s>[0-9]+)-paragraph-(?P<p>[0-9]+)"), "{s}절 {p}번째 문단"),
    (re.compile(r"paragraph-(?P<p>[0-9]+)"), "{p}번째 문단"),
    (re.compile(r"headline"), "제목"),
    (re.compile(r"lede"), "리드(첫 문단)"),
    (re.compile(r"lead"), "첫머리"),
    (re.compile(r"section-on-digital-transition"), "디지털 전환을 다룬 부분"),
    (re.compile(r"paragraph-on-the-new-deal-funds"), "뉴딜펀드를 다룬 문단"),
    (re.compile(r"section-1-overview-investment"), "1절 개요의 재정투자 항목"),
)


@dataclass(frozen=True)
class Locator:
    """A topic of the outlined release and a part of it; or, in another source, the place in words."""

    topic: str
    part: str = "text"
    place: str | None = None

    def part_words(self) -> str:
        return (self.place or self.part).replace("-", " ")

    def place_words(self, lang: str = "en") -> str:
        """The place in another source in words: 'paragraph 3'; '3번째 문단'. Raises ValueError for a
        place that has no Korean words yet (the validator reports it on the figure's row)."""
        if lang == "en" or not self.place:
            return self.part_words()
        for pattern, words in KOREAN_PLACES:
            found = pattern.fullmatch(self.place)
            if found:
                return words.format(**found.groupdict())
        raise ValueError(
            f"the place '{self.place}' has no Korean words; name it like 'paragraph-2' or 'headline', "
            "or add it to KOREAN_PLACES in macros/data/locator.py"
        )

    @property
    def text(self) -> str:
        return self.place or f"{self.topic}:{self.part}"


def place_locator(topic: str, text: str) -> tuple[Locator, ...]:
    """The locator of a figure of a source that topics.csv does not outline: its place in words."""
    return (Locator(topic, "text", text),)


def parse_locators(text: str) -> tuple[Locator, ...]:
    """Split 'topic:part; topic' into locators; raise ValueError naming the bad part."""
    locators = []
    for piece in text.split("; "):
        topic, _, part = piece.partition(":")
        part = part or "text"
        if not PARTS.fullmatch(part):
            raise ValueError(f"'{part}' is not a part of a topic (text, heading, note, footnote, footnote-N)")
        locators.append(Locator(topic, part))
    return tuple(locators)
