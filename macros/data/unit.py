"""Units: what a value counts, and which kind of display its words take."""

from __future__ import annotations

from dataclasses import dataclass

from .words import value_words


@dataclass(frozen=True)
class Unit:
    id: str
    label: str
    symbol: str
    display: str

    def words(self, value: float) -> str:
        return value_words(value, self.display, self.symbol)


def same_number(a: float, b: float) -> bool:
    """Equal up to floating-point noise, which is all the tolerance a value read from print gets."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))
