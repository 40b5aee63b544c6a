"""Two repairs to the theme's markup, made on each built page rather than by forking its templates.

The W3C Nu HTML Checker finds them on every page of Material 9.8:
- a navigation section's label with an empty `tabindex=""` (`partials/nav-item.html` writes the
  attribute even when it has no value): an empty tabindex means no tabindex, so it is dropped;
- the table of contents' title `label for="__toc"` on a page whose navigation has no `__toc` toggle
  (the figure pages, which are out of the navigation): a label for nothing; the `for` is dropped.

What stays: `autocomplete="off"` on the drawer's and the search's checkboxes (`base.html`, outside any
block). It keeps Firefox from restoring an open drawer or search when a reader comes back to a page;
removing it would trade a validator error for a reader's bug, and changing it means forking base.html.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def repaired(html: str) -> str:
    html = EMPTY_TABINDEX.sub(r"\1", html)
    if TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html
