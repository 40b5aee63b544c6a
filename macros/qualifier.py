"""How the release qualifies a number, in the words a reader expects."""

WORDS = {"exact": "", "approximately": "about", "more-than": "more than"}


def qualify(qualifier: str, shown: str) -> str:
    """Put the qualifier in front of an already formatted value: 'more than 170,000'."""
    word = WORDS[qualifier]
    return f"{word} {shown}" if word else shown
