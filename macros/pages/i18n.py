"""The words of the page builders in each edition's language: `tr(lang, text)` and `N_(text)`.

The catalogue is read in `macros/data/catalogue.py`, so the records' texts (an interval rule, a
check's wording, a place in a source) are translated by the same catalogue as the builders'.
"""

from __future__ import annotations

from ..data.catalogue import DEFAULT, LOCALE, N_, MissingText, catalogue, tr

__all__ = ["DEFAULT", "LOCALE", "MissingText", "N_", "catalogue", "tr"]
