"""What a release needs beside its data, as `make check` and `make diff` tell a contributor: a CHANGELOG.md
section with the package's counts that names each changed figure in a `- ` line, and CITATION.cff with
the same version, date and download address."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from macros.data.changelog import entry_lines
from macros.data.package import load_package
from macros.tools.diff import bump, compare
from macros.tools.release_notes import checks_entry, contents_entry, release_notes, twin_notes

ROOT = Path(__file__).resolve().parents[1]
FIGURE = "smart-factories"
DAY = "2030-01-02"


class Release:
    """A copy of the package with one label changed and the version bumped to a patch, with its notes."""

    def __init__(self, root: Path):
        self.root = root
        for part in ("datapackage", "CHANGELOG.md", "CITATION.cff"):
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy)(source, root / part)
        self.old = load_package(ROOT / "datapackage/datapackage.json")
        self.version = bump(self.old.version, "patch")
        figures = root / "datapackage/data/figures.csv"
        text = figures.read_text(encoding="utf-8")
        figures.write_text(
            text.replace(self.old.figures[FIGURE].label, "Factories with smart kit", 1), encoding="utf-8"
        )
        descriptor = json.loads((root / "datapackage/datapackage.json").read_text(encoding="utf-8"))
        descriptor.update(version=self.version, created=f"{DAY}T00:00:00Z")
        (root / "datapackage/datapackage.json").write_text(
            json.dumps(descriptor, indent=2, ensure_ascii=False)
        )

    def cite(self) -> None:
        path = self.root / "CITATION.cff"
        text = re.sub(r"(?m)^version: .*$", f"version: {self.version}", path.read_text(encoding="utf-8"))
        text = re.sub(r"(?m)^date-released: .*$", f"date-released: {DAY}", text)
        path.write_text(
            text.replace(f"download/{self.old.version}/", f"download/{self.version}/"), encoding="utf-8"
        )

    def section(self, *lines: str) -> None:
        new = load_package(self.root / "datapackage/datapackage.json")
        body = [
            f"## {self.version} ({DAY})",
            "",
            *entry_lines(*contents_entry(new)),
            *entry_lines(*checks_entry(new)),
        ]
        body += [*lines, "", ""]
        path = self.root / "CHANGELOG.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("\n## ", "\n" + "\n".join(body) + "## ", 1),
            encoding="utf-8",
        )

    def notes(self) -> list[str]:
        return [
            str(note)
            for note in release_notes(
                compare(self.old, load_package(self.root / "datapackage/datapackage.json"))
            )
        ]


@pytest.fixture
def release(tmp_path) -> Release:
    return Release(tmp_path)


def test_a_complete_release_has_nothing_to_add(release):
    release.cite()
    release.section(
        f"- The label of `{FIGURE}` says what is counted.", "  한국어: 라벨이 세는 대상을 밝힙니다."
    )
    assert release.notes() == []


def test_a_missing_section_is_named_at_the_line_to_write_it_with_its_counts(release):
    release.cite()
    (note,) = release.notes()
    assert re.fullmatch(
        rf"CHANGELOG\.md:\d+: no section for {release.version}: `make release` writes it .*", note
    )


def test_an_id_the_package_lacks_is_named_with_its_line(release):
    release.cite()
    release.section(
        f"- The label of `{FIGURE}` and of `smart-factorys` changed.", "  한국어: 라벨을 고쳤습니다."
    )
    (note,) = release.notes()
    assert re.fullmatch(
        r"CHANGELOG\.md:\d+: `smart-factorys` is not an id in the data package; did you mean .smart-factories.\?",
        note,
    )


def test_a_figure_named_only_in_a_paragraph_is_refused_because_its_page_would_miss_it(release):
    release.cite()
    release.section(f"The label of `{FIGURE}` says what is counted.")
    notes = release.notes()
    assert any(
        re.fullmatch(rf"CHANGELOG\.md:\d+: `{FIGURE}` named outside a `- ` line: .*", n) for n in notes
    )
    assert any(n.endswith(f"does not name `{FIGURE}`") for n in notes)


def test_an_entry_without_its_korean_twin_is_refused_at_its_line(release):
    release.cite()
    release.section(f"- `{FIGURE}` relabelled.")
    (note,) = release.notes()
    assert re.fullmatch(
        r"CHANGELOG\.md:\d+: the entry has no Korean twin: end it with a line `  한국어: …`.*", note
    )


def test_a_korean_twin_that_leaves_out_a_figure_or_check_the_english_names_is_refused_at_its_line(release):
    """A figure's page lists the entries naming it; in Korean the entry must name it too."""
    changelog = release.root / "CHANGELOG.md"
    old = changelog.read_text(encoding="utf-8")
    package = load_package(release.root / "datapackage/datapackage.json")
    assert twin_notes(package) == []
    changelog.write_text(
        old.replace(
            "\n## ",
            f"\n## 99.0.0 ({DAY})\n\n- The label of `{FIGURE}` and the check `non-ict-share` say more.\n"
            f"  한국어: `{FIGURE}`의 라벨과 검산 설명을 고쳤습니다.\n\n## ",
            1,
        ),
        encoding="utf-8",
    )
    line = (
        changelog.read_text(encoding="utf-8")
        .splitlines()
        .index(f"- The label of `{FIGURE}` and the check `non-ict-share` say more.")
    )
    (note,) = map(str, twin_notes(package))
    assert re.fullmatch(
        rf"CHANGELOG\.md:{line + 1}: the entry's Korean twin does not name `non-ict-share`: .*", note
    )


def test_a_korean_line_quotes_as_the_release_s_english_only_the_release_s_words(release):
    """The Korean pages mark a quoted English word of the changelog as the release's own: a word the
    release does not print cannot be quoted so."""
    changelog = release.root / "CHANGELOG.md"
    changelog.write_text(
        changelog.read_text(encoding="utf-8").replace(
            "\n## ",
            f"\n## 99.0.0 ({DAY})\n\n- The note of `{FIGURE}` says ‘about’ and ‘fully automated’.\n"
            f"  한국어: `{FIGURE}`의 비고에 ‘about’과 ‘fully automated’를 적었습니다.\n\n## ",
            1,
        ),
        encoding="utf-8",
    )
    package = load_package(release.root / "datapackage/datapackage.json")
    (note,) = map(str, twin_notes(package))
    assert "quotes ‘fully automated’ as the release's English, but no figure's quote holds it" in note


def test_a_free_sentence_needs_its_korean_summary(release):
    release.cite()
    release.section("A relabelling.", "", f"- `{FIGURE}` relabelled.", "  한국어: 라벨을 고쳤습니다.")
    (note,) = release.notes()
    assert "has a free sentence but no line `한국어: …`" in note


def test_counts_that_are_not_the_packages_are_refused_with_the_line_to_write(release):
    release.cite()
    release.section(f"- `{FIGURE}` relabelled.", "  한국어: 라벨을 고쳤습니다.")
    path = release.root / "CHANGELOG.md"
    path.write_text(
        re.sub(
            r"- Contents: \d+ figures", "- Contents: 1 figures", path.read_text(encoding="utf-8"), count=1
        ),
        encoding="utf-8",
    )
    (note,) = release.notes()
    assert "must hold the entry `- Contents: " in note and "한국어: 수록: 수치 " in note


def test_a_released_korean_count_line_in_older_wording_still_passes_but_not_with_other_numbers(release):
    # The catalogue's Korean may be reworded after a release; the released section keeps its words,
    # and only its numbers are held to the package.
    release.cite()
    release.section(f"- `{FIGURE}` relabelled.", "  한국어: 라벨을 고쳤습니다.")
    path = release.root / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    reworded = re.sub(r"(  한국어: )수록: ", r"\1이 판에 든 것: ", text, count=1)
    assert reworded != text
    path.write_text(reworded, encoding="utf-8")
    assert release.notes() == []

    path.write_text(re.sub(r"(이 판에 든 것: 수치 )\d+", r"\g<1>1", reworded, count=1), encoding="utf-8")
    (note,) = release.notes()
    assert "must hold the entry `- Contents: " in note


def test_citation_cff_must_follow_the_version(release):
    release.section(f"- `{FIGURE}` relabelled.", "  한국어: 라벨을 고쳤습니다.")
    notes = release.notes()
    assert f"CITATION.cff:15: write `version: {release.version}`" in notes
    assert f"CITATION.cff:16: write `date-released: {DAY}`" in notes
    assert any(
        n.startswith("CITATION.cff:") and f"data/download/{release.version}/datapackage.zip" in n
        for n in notes
    )


def test_before_the_bump_the_notes_say_nothing_so_no_released_section_is_asked_to_change(release):
    descriptor = release.root / "datapackage/datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data.update(version=release.old.version, created=release.old.descriptor["created"])
    descriptor.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    assert release.notes() == []


def test_an_entry_is_written_in_both_languages_wrapped_the_same_way_and_reads_back_whole():
    from macros.data.changelog import KOREAN_MARK, parse_changelog

    english = "Corrected `smart-factories` from 8,000 to 8,500. " + "We had copied the count wrongly. " * 4
    korean = "`smart-factories`를 8,000에서 8,500으로 바로잡았습니다. " + "수를 잘못 옮겨 적었습니다. " * 6
    lines = entry_lines(english.strip(), korean.strip())
    assert all(len(line) <= 100 for line in lines)
    korean_at = next(n for n, line in enumerate(lines) if line.startswith(f"  {KOREAN_MARK}"))
    assert korean_at > 1 and len(lines) - korean_at > 1  # both wrapped, neither left on one long line
    (entry,) = parse_changelog("\n".join(["## 9.9.9 (2030-01-02)", "", *lines])).sections[0].entries
    assert (entry.text, entry.text_ko) == (english.strip(), korean.strip())
