"""Changes not released yet: one file per change in `changes/`, as towncrier keeps news fragments.

`make correct` writes one (`changes/<correction id>.yaml`) beside its edit of figures.csv, so two
corrections made from the same main touch different files and merge without a conflict. A file holds the
changelog entry and, for a corrected value, the correction row without its version and date: the release
step (`make release`) gives those, moves the row into corrections.csv and the entry into CHANGELOG.md,
and deletes the file. The Korean twins may be empty until then (a contributor need not write Korean);
the release refuses to run without them.

    entry: Corrected `smart-factories` from 8,000 to 8,500: we had copied the count wrongly.
    entry_ko: ''
    correction:
      id: smart-factories-revision
      figure: smart-factories
      ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogue import N_, tr
from .changelog import CODE
from .correction import Correction
from .language import HANGUL, is_translation, text_in
from .problem import Problem, did_you_mean, display_path
from .resource import _cast

CHANGES = "changes"
SUFFIX = ".yaml"
KEYS = ("entry", "entry_ko", "correction")
# The correction columns a change file holds: all but what the release gives.
RELEASE_GIVES = ("date", "version")
NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Change:
    """One change waiting for a release: its changelog entry and, for a corrected value, its correction."""

    path: str  # as shown: changes/<name>.yaml
    entry: str
    entry_ko: str = ""
    correction: Correction | None = None

    @property
    def name(self) -> str:
        return Path(self.path).stem

    def names(self) -> set[str]:
        """The ids the entry writes in backticks."""
        return set(CODE.findall(self.entry))

    def entry_in(self, lang: str) -> str:
        """The entry in a language; '' while its Korean is not written yet."""
        return text_in(self, "entry", lang) or ""

    def missing_korean(self) -> list[str]:
        """The fields whose Korean the release still needs, in file order."""
        missing = [] if self.entry_ko else ["entry_ko"]
        if self.correction:
            missing += [
                f"correction.{n}" for n in ("reason_ko", "reference_ko") if not getattr(self.correction, n)
            ]
        return missing


def change_files(root: Path) -> list[Path]:
    """The change files of a checkout, in name order."""
    folder = root / CHANGES
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def _line(text: str, key: str) -> int:
    """The line a key is written on (1 when it is not)."""
    match = re.search(rf"(?m)^\s*{re.escape(key)}:", text)
    return text[: match.start()].count("\n") + 1 if match else 1


def read_changes(root: Path, corrections_fields: list[dict], problems: list[Problem]) -> list[Change]:
    """Every change file under `root`, each checked as corrections.csv checks a row (but for the Korean
    twins, which may wait for the release); what is wrong goes to `problems`."""
    columns = {f["name"]: f for f in corrections_fields if f["name"] not in RELEASE_GIVES}
    changes = []
    for path in change_files(root):
        shown = display_path(path)
        text = path.read_text(encoding="utf-8")
        before = len(problems)

        def fail(key: str, message: str, shown: str = shown, text: str = text) -> None:
            problems.append(Problem(shown, _line(text, key.split(".")[-1]), key, message))

        if not NAME.fullmatch(path.stem):
            fail("-", f"'{path.stem}' is not a kebab-case name (lower-case letters, digits and hyphens)")
        try:
            document = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problems.append(Problem(shown, mark.line + 1 if mark else 1, "-", f"not valid YAML ({error})"))
            continue
        if not isinstance(document, dict):
            fail("-", "the file must hold `entry:` (and, for a corrected value, `correction:`)")
            continue
        for key in document:
            if key not in KEYS:
                fail(
                    str(key),
                    f"unknown key '{key}'{did_you_mean(str(key), KEYS)}; the keys are {', '.join(KEYS)}",
                )
        entry, entry_ko = document.get("entry"), document.get("entry_ko") or ""
        if not isinstance(entry, str) or not entry.strip():
            fail("entry", "write the changelog entry in English, naming each changed figure id in backticks")
        if entry_ko and not (isinstance(entry_ko, str) and HANGUL.search(entry_ko)):
            fail("entry_ko", "has no Hangul; write the entry in Korean, or leave it empty for the release")
        correction = None
        if document.get("correction") is not None:
            correction = _correction(document["correction"], columns, shown, fail)
        if len(problems) == before:
            changes.append(Change(shown, entry.strip(), str(entry_ko).strip(), correction))
    return changes


def _correction(cells: object, columns: dict[str, dict], shown: str, fail) -> Correction | None:
    """The correction of a change file, typed by the corrections table's schema; None when wrong."""
    if not isinstance(cells, dict):
        fail("correction", "must be a mapping of the corrections.csv columns but date and version")
        return None
    values, wrong = {}, False
    for key in cells:
        if key not in columns:
            wrong = True
            fail(f"correction.{key}", f"unknown column '{key}'{did_you_mean(str(key), columns)}")
    for name, field in columns.items():
        cell = cells.get(name)
        cell = "" if cell is None else str(cell)
        if is_translation(name) and not cell:
            values[name] = None  # written at the release
            continue
        value, message = _cast(field, cell, [""])
        if message:
            wrong = True
            fail(f"correction.{name}", message)
        values[name] = value
    if wrong:
        return None
    texts = tuple((name, values.pop(name)) for name in list(values) if is_translation(name))
    return Correction(**values, date=None, version=None, row=1, texts=texts, file=shown)


# The words for changes waiting for a release, by (all of them corrections, just one).
UNRELEASED = {
    (True, True): N_("{count} unreleased correction"),
    (True, False): N_("{count} unreleased corrections"),
    (False, True): N_("{count} unreleased change"),
    (False, False): N_("{count} unreleased changes"),
}


def unreleased_words(changes: list[Change], lang: str = "en") -> str:
    """'1 unreleased correction', '2 unreleased changes' (아직 배포하지 않은 정정 1건); '' when none waits."""
    if not changes:
        return ""
    words = UNRELEASED[(all(c.correction for c in changes), len(changes) == 1)]
    return tr(lang, words).format(count=len(changes))


def version_words(version: str, changes: list[Change], lang: str = "en") -> str:
    """The version the data on show is: '6.0.1', or '6.0.1 with 1 unreleased correction' while changes
    wait for a release (the archive of 6.0.1 does not hold them); '6.0.1(아직 배포하지 않은 정정 1건 반영)'."""
    if not changes:
        return version
    return tr(lang, "{version} with {unreleased}").format(
        version=version, unreleased=unreleased_words(changes, lang)
    )
