"""Where the release states a figure: a topic, and optionally the part of it (text, footnote-1, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTS = re.compile(r"text|heading|note|footnote(-[0-9]+)?")


@dataclass(frozen=True)
class Locator:
    """A topic of the outlined release and a part of it; or, in another source, the place in words."""

    topic: str
    part: str = "text"
    place: str | None = None

    def part_words(self) -> str:
        return (self.place or self.part).replace("-", " ")

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
