"""The data dictionary, generated from the Table Schemas in datapackage.json, in the page's language.

The descriptor carries each resource's and field's title and description in English and, beside them,
in Korean (`title_ko`, `description_ko`); the validator holds every Korean one (`rules`)."""

from __future__ import annotations

from ..data.checks import KINDS, OUTCOMES
from ..data.language import column
from ..data.package import Package
from ..data.standing import ACTUAL_CONTEXTS, STATUSES
from ..data.words import day_words, plain, qualifier_name
from . import html
from .citation import source_name
from .i18n import DEFAULT, N_, tr
from .tables import Row, table

# What each constraint says; the value goes where {v} is.
CONSTRAINT_WORDS = {
    "unique": N_("unique"),
    "pattern": N_("matches {v}"),
    "enum": N_("one of {v}"),
    "minimum": N_("at least {v}"),
    "maximum": N_("at most {v}"),
    "minLength": N_("at least {v} characters"),
    "maxLength": N_("at most {v} characters"),
}
FIELDS_OF = N_("Fields of {title} ({path})")
FILE_LINE = N_("File: {path} (resource name {name})")
PRIMARY_KEY = N_("Primary key: {fields}")
FOREIGN_KEY = N_("Foreign key: {fields} refers to {target_fields} in {target}")
TABLE_NAMED = N_("{title} ({name})")
YES, NO = N_("yes"), N_("no")
HEADERS = (N_("Field"), N_("Title"), N_("Type"), N_("Required"), N_("Constraints"), N_("Description"))


def described(item: dict, key: str, lang: str) -> str:
    """A descriptor's title or description in a language ('title', 'title_ko')."""
    return item.get(column(key, lang)) or ""


def data_dictionary(package: Package, lang: str = "en") -> str:
    """One section per resource: description, file, fields table, primary and foreign keys; then which
    Korean terms follow the Korean original."""
    gloss = _glosses(package, lang)
    resources = package.descriptor["resources"]
    tables = {r["name"]: described(r, "title", lang) or r["name"] for r in resources}
    return "\n\n".join(
        [
            *(_resource(r, lang, gloss, tables) for r in resources),
            korean_terms(package, lang),
        ]
    )


def _glosses(package: Package, lang: str):
    """What a code of an enumeration means in the page's language, where it is not that language's word
    ('actual' is 실적, `sum` 합계); None in English, whose codes are its words."""
    titles = {f["name"]: described(f, "title", lang) for f in package.tables["figures"].fields}
    words = {
        ("figures", "qualifier"): lambda v: qualifier_name(v, lang),
        ("figures", "status"): lambda v: tr(lang, v, "status"),
        ("sources", "kind"): lambda v: tr(lang, v.replace("-", " "), "source kind"),
        ("sources", "standing"): lambda v: tr(lang, v, "standing"),
        ("corrections", "kind"): lambda v: tr(lang, v.replace("-", " "), "correction kind"),
        ("corrections", "field"): lambda v: titles.get(v),
        ("checks", "kind"): lambda v: tr(lang, KINDS[v].words, "check kind"),
        ("checks", "expected"): lambda v: tr(lang, OUTCOMES[v], "outcome"),
        ("topics", "kind"): lambda v: tr(lang, v, "topic kind"),
        ("units", "display"): lambda v: tr(lang, v, "unit display"),
        # A unit's or a figure's `actual` is glossed by the word the status actual (STATUSES[0]) then takes: 실적, 사실.
        ("units", "actual"): lambda v: tr(lang, STATUSES[0], ACTUAL_CONTEXTS[v]),
        ("figures", "actual"): lambda v: tr(lang, STATUSES[0], ACTUAL_CONTEXTS[v]),
        ("links", "relation"): lambda v: tr(lang, v, "link relation"),
    }

    def gloss(resource: str, field: str, value: str) -> str | None:
        said = words.get((resource, field))
        return said(value) if said and lang != DEFAULT else None

    return gloss


def _type(field: dict, lang: str) -> str:
    """A field's type as HTML; in another language its words with the schema's name beside them as code:
    문자열(<code>string</code>)."""
    name = field.get("type", "string") + (f", {field['format']}" if "format" in field else "")
    if lang == DEFAULT:
        return html.text(name.replace(", ", " (") + (")" if "format" in field else ""))
    words = tr(lang, field.get("type", "string"), "field type")
    if "format" in field:
        words = f"{tr(lang, field['format'], 'field format')} {words}"
    return f"{html.text(words)}(<code>{html.text(name)}</code>)"


# What a Korean term follows: the Korean original, or else the kind of source it was read in (names
# of the data, translated in the context "term follows").
FOLLOWS = ("the Korean original", "the ministry's later usage", "news reports' usage")


def _follows(term, source) -> str:
    if term.original:
        return FOLLOWS[0]
    return FOLLOWS[2] if source.kind == "news-report" else FOLLOWS[1]


def korean_terms(package: Package, lang: str = "en") -> str:
    """The Korean terms, each with the English wording it renders, and whether it follows the Korean
    original of the release (and where it was read), the ministry's later Korean texts, or news reports:
    which of the last two is the kind of the source the term was read in."""
    if not package.terms:
        return ""
    original = package.sources.get(package.outlined.reports or "")
    rows = []
    for term in package.terms:
        source = package.sources[term.source]
        korean = html.text(term.ko) + (f" ({html.text(term.common_ko)})" if term.common_ko else "")
        follows = _follows(term, source)
        rows.append(
            Row(
                [
                    " / ".join(f'<span lang="en">{html.text(w)}</span>' for w in term.wordings),
                    f'<span lang="ko">{korean}</span>',
                    html.text(tr(lang, follows, "term follows")),
                    # The source's headline quoted, so that its commas are not read as the citation's.
                    f"{source_name(source, lang)}, {html.text(day_words(source.date, lang))}",
                    html.prose(term.note_in(lang) or ""),
                ],
                id=f"term-{term.id}",
            )
        )
    counts = {kind: 0 for kind in FOLLOWS}
    for term in package.terms:
        counts[_follows(term, package.sources[term.source])] += 1
    intro = tr(
        lang,
        "Every figure, topic, unit, check and source has a Korean text beside its English one "
        "({columns}), in the compilers' words. Of the Korean terms they use, {original} follow the Korean "
        "original{release}, {later} the ministry's later Korean texts and {news} news reports. Wherever an "
        "English text uses the English wording, its Korean twin uses the term, which the validator checks. "
        "Other Korean wording is the compilers' own.",
    )
    release = (
        tr(lang, ", the ministry's Korean release of {date} as the news reports that reproduce it write them")
        if original
        else ""
    )
    columns = ", ".join(
        f"<code>{name}</code>" for name in ("label_ko", "title_ko", "explanation_ko", "note_ko")
    )
    text = html.fill(
        intro,
        columns=columns,
        original=html.text(plain(counts[FOLLOWS[0]])),
        release=html.text(release.format(date=day_words(original.date, lang))) if original else "",
        later=html.text(plain(counts[FOLLOWS[1]])),
        news=html.text(plain(counts[FOLLOWS[2]])),
    )
    terms = table(
        tr(lang, "Korean terms and the source each follows (terms.csv)"),
        [
            tr(lang, h)
            for h in (N_("English wording"), N_("Korean term"), N_("Follows"), N_("Read in"), N_("Note"))
        ],
        rows,
    )
    heading = tr(lang, "Korean terms and their sources")
    return "\n\n".join([f"## {html.text(heading)} {{#korean-terms}}", f"<p>{text}</p>", terms])


def _resource(resource: dict, lang: str, gloss, tables: dict[str, str]) -> str:
    schema = resource.get("schema", {})
    name = resource["name"]
    title = described(resource, "title", lang) or name
    file_line = html.fill(
        tr(lang, FILE_LINE),
        path=f"<code>{html.text(resource['path'])}</code>",
        name=f"<code>{html.text(name)}</code>",
    )
    return "\n\n".join(
        [
            f"## {html.text(title)} {{#resource-{name}}}",
            f"<p>{html.with_code(described(resource, 'description', lang))}</p>",
            f"<p>{file_line}</p>",
            _fields(
                name,
                schema.get("fields", []),
                tr(lang, FIELDS_OF).format(title=title, path=resource["path"]),
                lang,
                gloss,
            ),
            _keys(name, schema, lang, tables),
        ]
    )


def _fields(resource: str, fields: list[dict], caption: str, lang: str, gloss) -> str:
    """The fields as a list, not a table: each its name and title, then its type, whether it is
    required and its constraints on one line, then its description at the full width of the text, so
    long patterns and descriptions never squeeze one another."""
    entries = []
    for f in fields:
        required = f.get("constraints", {}).get("required")
        facts = " · ".join(
            f'<span class="dnd-field-fact"><span class="dnd-field-label">{html.text(tr(lang, label))}:</span> {value}</span>'
            for label, value in (
                (HEADERS[2], _type(f, lang)),
                (HEADERS[3], html.text(tr(lang, YES if required else NO))),
                (
                    HEADERS[4],
                    _constraints(
                        f.get("constraints", {}), lang, lambda v, f=f: gloss(resource, f["name"], v)
                    ),
                ),
            )
        )
        title = described(f, "title", lang)
        entries.append(
            f'<div class="dnd-field" id="field-{html.text(resource)}-{html.text(f["name"])}">'
            f"<dt><code>{html.text(f['name'])}</code>"
            + (f' <span class="dnd-field-title">{html.text(title)}</span>' if title else "")
            + f'</dt><dd class="dnd-field-facts">{facts}</dd>'
            f"<dd>{html.with_code(described(f, 'description', lang))}</dd></div>"
        )
    return (
        f'<p class="dnd-fields-caption">{html.text(caption)}</p><dl class="dnd-fields">'
        + "".join(entries)
        + "</dl>"
    )


def _constraints(constraints: dict, lang: str, gloss=lambda value: None) -> str:
    words = []
    for key, value in constraints.items():
        if key not in CONSTRAINT_WORDS or value is False:
            continue
        if key == "pattern":
            # A line may break before each bracket of a long pattern, never inside a run of it.
            parts = value.split("(")
            parts = [parts[0], *(f"({part}" for part in parts[1:])]
            shown = (
                "<code>"
                + "".join(f'<span class="dnd-seg">{html.text(p)}</span>' for p in parts if p)
                + "</code>"
            )
        elif key == "enum":
            shown = ", ".join(
                f"<code>{html.text(x)}</code>" + (f"({html.text(gloss(x))})" if gloss(x) else "")
                for x in value
            )
        else:
            shown = html.text(plain(value, lang=lang)) if isinstance(value, int | float) else html.text(value)
        words.append(html.fill(tr(lang, CONSTRAINT_WORDS[key]), v=shown))
    return "; ".join(words) or html.text(tr(lang, "none"))


def _code(names: list[str]) -> str:
    return ", ".join(f"<code>{html.text(n)}</code>" for n in names)


def _table_named(tables: dict[str, str], name: str, lang: str) -> str:
    """'Topics (`topics`)', '주제(`topics`)'."""
    return html.fill(
        tr(lang, TABLE_NAMED), title=html.text(tables.get(name, name)), name=f"<code>{html.text(name)}</code>"
    )


def _keys(name: str, schema: dict, lang: str, tables: dict[str, str]) -> str:
    """The table's keys; a foreign key names the table it refers to by its title, its name as code
    ('주제(`topics`)'): a bare 'topics' is an English word on a Korean page."""
    lines = []
    if schema.get("primaryKey"):
        key = schema["primaryKey"]
        fields = _code(key if isinstance(key, list) else [key])
        lines.append(f"<li>{html.fill(tr(lang, PRIMARY_KEY), fields=fields)}</li>")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        target = ref.get("resource") or name
        words = html.fill(
            tr(lang, FOREIGN_KEY),
            fields=_code(fk["fields"]),
            target_fields=_code(ref["fields"]),
            target=f'<a href="#resource-{html.text(target)}">{_table_named(tables, target, lang)}</a>',
        )
        lines.append(f"<li>{words}</li>")
    return '<ul class="dnd-keys">\n' + "\n".join(lines) + "\n</ul>" if lines else ""
