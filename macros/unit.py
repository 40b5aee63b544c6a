"""Units, and how a value in a unit is written for a reader. Every number on the site is formatted here."""

from __future__ import annotations

from dataclasses import dataclass

SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


@dataclass(frozen=True)
class Unit:
    id: str
    label: str
    symbol: str
    display: str


def same_number(a: float, b: float) -> bool:
    """Equal up to floating-point noise, which is all the tolerance a value read from print gets."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def plain(number: float, max_decimals: int = 3) -> str:
    """Digits with thousands separators and only the decimals the value needs."""
    for decimals in range(max_decimals + 1):
        if abs(round(number, decimals) - number) < 1e-9 * max(1.0, abs(number)):
            return f"{number:,.{decimals}f}"
    return f"{number:,.{max_decimals}f}"


def scaled(number: float) -> str:
    """Large round amounts in words, as the release writes them: 10.1 trillion, 48 million."""
    for size, word in SCALES:
        if abs(number) >= size and abs(number / size - round(number / size, 3)) < 1e-9:
            return f"{plain(number / size)} {word}"
    return plain(number)


def ordinal(number: float) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_value(value: float, unit: Unit) -> str:
    """The value as a reader expects it in running text, without the qualifier."""
    match unit.display:
        case "currency":
            return f"{unit.symbol} {scaled(value)}"
        case "percent":
            return f"{plain(value)}%"
        case "rank":
            return ordinal(value)
        case "multiple":
            return f"{plain(value)} times"
        case "area":
            return f"{plain(value)} {unit.symbol}"
        case "count" if value >= 10**6:
            return scaled(value)
        case _:
            return plain(value)
