"""Where the release states a figure: a topic, and optionally the part of it (text, footnote-1, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogue import DEFAULT, tr
from .words import counted_place

PARTS = re.compile(r"text|heading|note|footnote(-[0-9]+)?")
# The places in another source that have words in every language: each is the place's own words,
# its numbers as {s} (section) and {p} (paragraph); translated with the context 'place'.
PLACES = (
    "section {s} paragraph {p}",
    "paragraph {p}",
    "headline",
    "sub-heading",
    "lede",
    "lead",
    "section on digital transition",
    "paragraph on the new deal funds",
    "section 1 overview investment",
)


def _pattern(words: str) -> re.Pattern:
    """The place as figures.csv writes it: 'section-2-paragraph-3' for 'section {s} paragraph {p}'."""
    parts = re.split(r"(\{[a-z]\})", words.replace(" ", "-"))
    return re.compile("".join(f"(?P<{p[1]}>[0-9]+)" if p.startswith("{") else re.escape(p) for p in parts))


PLACE_PATTERNS = tuple((_pattern(words), words) for words in PLACES)


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
        place that has no words in the catalogue (the validator reports it on the figure's row)."""
        if lang == DEFAULT or not self.place:
            return self.part_words()
        for pattern, words in PLACE_PATTERNS:
            found = pattern.fullmatch(self.place)
            if found:
                numbers = found.groupdict()
                if numbers.get("p"):
                    numbers["p"] = counted_place(int(numbers["p"]), lang)
                return tr(lang, words, "place").format(**numbers)
        raise ValueError(
            f"the place '{self.place}' has no words in every language; name it like 'paragraph-2' or "
            "'headline', or add its words to PLACES in macros/data/locator.py and to each catalogue"
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
