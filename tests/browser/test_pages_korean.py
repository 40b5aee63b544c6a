"""The Korean edition's pages, visited as test_pages.py visits the English ones: the same tests, in a
module of its own so that the two editions' visits run on two workers at once."""

from .conftest import KOREAN
from .test_pages import (  # noqa: F401 (collected here for the Korean edition)
    pytestmark,
    test_every_page_loads_offline_without_an_error,
    test_every_page_passes_axe_in_the_dark_palette,
    test_every_page_passes_axe_in_the_light_palette,
    visits,
)

EDITION = KOREAN
