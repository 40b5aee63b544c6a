"""The data dictionary, generated from the Table Schemas in datapackage.json."""

from __future__ import annotations

from ..data.package import Package
from ..data.words import day_words, plain
from . import html
from .tables import Row, table

CONSTRAINT_WORDS = {
    "unique": lambda v: "unique" if v else "",
    "pattern": lambda v: f"matches <code>{html.text(v)}</code>",
    "enum": lambda v: "one of " + ", ".join(f"<code>{html.text(x)}</code>" for x in v),
    "minimum": lambda v: f"at least {html.text(v)}",
    "maximum": lambda v: f"at most {html.text(v)}",
    "minLength": lambda v: f"at least {html.text(v)} characters",
    "maxLength": lambda v: f"at most {html.text(v)} characters",
}


def data_dictionary(package: Package) -> str:
    """One section per resource: description, file, fields table, primary and foreign keys; then which
    Korean terms follow the Korean original."""
    return "\n\n".join([*(_resource(r) for r in package.descriptor["resources"]), korean_terms(package)])


def korean_terms(package: Package) -> str:
    """The Korean terms, each with the English wording it renders, and whether it follows the Korean
    original of the release (and where it was read) or the ministry's later Korean texts."""
    if not package.terms:
        return ""
    original = package.sources.get(package.outlined.reports or "")
    rows = []
    for term in package.terms:
        source = package.sources[term.source]
        korean = html.text(term.ko) + (f" ({html.text(term.common_ko)})" if term.common_ko else "")
        rows.append(
            Row(
                [
                    " / ".join(html.text(w) for w in term.wordings),
                    f'<span lang="ko">{korean}</span>',
                    "the Korean original" if term.original else "the ministry's later usage",
                    html.text(f"{source.publisher}, {source.title}, {day_words(source.date)}"),
                    html.text(term.note or ""),
                ],
                id=f"term-{term.id}",
            )
        )
    follows = sum(t.original for t in package.terms)
    intro = (
        "Every figure, topic, unit, check and source has a Korean text beside its English one "
        "(<code>label_ko</code>, <code>title_ko</code>, <code>explanation_ko</code>), in the compilers' words. "
        f"Of the Korean terms they use, {plain(follows)} follow the Korean original"
        + (
            f", the ministry's Korean release of {html.text(day_words(original.date))} as the news reports that "
            "reproduce it write them"
            if original
            else ""
        )
        + f", and {plain(len(package.terms) - follows)} the ministry's later Korean texts. Wherever an English text "
        "uses the English wording, its Korean twin uses the term, and a coinage of the source stands with the "
        "common term in brackets; the validator checks both. Other Korean wording is the compilers' own."
    )
    terms = table(
        "Korean terms and the source each follows (terms.csv)",
        ("English wording", "Korean term", "Follows", "Read in", "Note"),
        rows,
    )
    return "\n\n".join(["## Korean terms {#korean-terms}", f"<p>{intro}</p>", terms])


def _resource(resource: dict) -> str:
    schema = resource.get("schema", {})
    name = resource["name"]
    rows = [
        Row(
            [
                f"<code>{html.text(f['name'])}</code>",
                html.text(f.get("title", "")),
                html.text(f.get("type", "string") + (f" ({f['format']})" if "format" in f else "")),
                "yes" if f.get("constraints", {}).get("required") else "no",
                _constraints(f.get("constraints", {})),
                html.text(f.get("description", "")),
            ]
        )
        for f in schema.get("fields", [])
    ]
    fields = table(
        f"Fields of {resource.get('title', name)} ({resource['path']})",
        ("Field", "Title", "Type", "Required", "Constraints", "Description"),
        rows,
    )
    return "\n\n".join(
        [
            f"## {html.text(resource.get('title', name))} {{#resource-{name}}}",
            f"<p>{html.text(resource.get('description', ''))}</p>",
            f"<p>File: <code>{html.text(resource['path'])}</code> (resource name <code>{html.text(name)}</code>)</p>",
            fields,
            _keys(name, schema),
        ]
    )


def _constraints(constraints: dict) -> str:
    words = [CONSTRAINT_WORDS[k](v) for k, v in constraints.items() if k in CONSTRAINT_WORDS]
    return "; ".join(w for w in words if w) or "none"


def _code(names: list[str]) -> str:
    return ", ".join(f"<code>{html.text(n)}</code>" for n in names)


def _keys(name: str, schema: dict) -> str:
    code = _code
    lines = []
    if schema.get("primaryKey"):
        key = schema["primaryKey"]
        lines.append(f"<li>Primary key: {code(key if isinstance(key, list) else [key])}</li>")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        target = ref.get("resource") or name
        lines.append(
            f"<li>Foreign key: {code(fk['fields'])} refers to {code(ref['fields'])} in "
            f'<a href="#resource-{html.text(target)}">{html.text(target)}</a></li>'
        )
    return '<ul class="dnd-keys">\n' + "\n".join(lines) + "\n</ul>" if lines else ""
