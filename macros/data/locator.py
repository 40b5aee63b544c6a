"""Where the release states a figure: a topic, and optionally the part of it (text, footnote-1, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTS = re.compile(r"text|heading|note|footnote(-[0-9]+)?")


@dataclass(frozen=True)
class Locator:
    topic: str
    part: str = "text"

    def part_words(self) -> str:
        return self.part.replace("-", " ")


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
