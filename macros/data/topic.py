"""The release's structure: parts, pillars, numbered items, 2.0 directions and sector policies."""

from __future__ import annotations

from dataclasses import dataclass

from .language import Translated, text_in


@dataclass(frozen=True)
class Topic(Translated):
    id: str
    parent: str | None
    title: str
    order: int
    kind: str
    marker: str
    # The texts in the other languages (label_ko, ...), from the row's `_<lang>` columns (language.Translated).
    texts: tuple[tuple[str, str | None], ...] = ()

    def title_in(self, lang: str) -> str:
        return text_in(self, "title", lang)


def ancestors(topic_id: str, topics: dict[str, Topic]) -> list[Topic]:
    """The enclosing topics, nearest first (stops on a cycle, which the loader reports)."""
    chain: list[Topic] = []
    current = topics.get(topic_id)
    while current and current.parent and current.parent in topics:
        current = topics[current.parent]
        if current in chain or current.id == topic_id:
            break
        chain.append(current)
    return chain


def trail(topic_id: str, topics: dict[str, Topic], lang: str = "en") -> str:
    """'The first year › Leap forward › Global indexes', for locators a reader can follow."""
    names = [t.title_in(lang) for t in [*reversed(ancestors(topic_id, topics)), topics[topic_id]]]
    return " › ".join(names)
