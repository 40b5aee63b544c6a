"""The page `make serve` answers with while the site cannot be built, in the language of the page asked
for: the located problems as they are (file:row:field: message), framed in the edition's words."""

from __future__ import annotations

import html

from .i18n import tr

STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}"
    "pre{white-space:pre-wrap;background:#fff3f3;border-left:4px solid #c00;padding:1rem}"
)


def problem_page(problems: list[str], lang: str) -> str:
    title = tr(lang, "The site cannot be built")
    if len(problems) == 1:
        advice = tr(lang, "1 problem; fix it and save: this page reloads by itself.")
    else:
        advice = tr(lang, "{count} problems; fix them and save: this page reloads by itself.")
    advice = advice.format(count=len(problems))
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style></head>\n"
        f"<body><h1>{html.escape(title)}</h1>\n<p>{html.escape(advice)}</p>\n"
        f"<pre>{html.escape(chr(10).join(problems))}</pre></body></html>\n"
    )
