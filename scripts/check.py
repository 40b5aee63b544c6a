"""Everything CI rejects in a data or prose change, but the browser, in a few seconds.

Usage: python scripts/check.py [BASE]

1. the data package: its rules and stock frictionless (as `make validate`);
2. the pages: every id a macro names exists in the data, and no number is typed into prose;
3. the change against BASE (a git revision; origin/main when there is one, else HEAD): correction
   rows, the version bump, `created`, the CHANGELOG.md section and CITATION.cff (as `make diff`);
4. ruff, lint and format.

Each problem is one located line (`path:line:field: what is wrong`); the last line says how many.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.data.package import load_package, package_path
from macros.data.problem import PackageError
from macros.data.validation import validate
from macros.tools.audit import audit
from macros.tools.diff import compare
from macros.tools.prose import reference_problems, typed_number_problems, typed_particle_problems
from macros.tools.release_notes import release_notes, twin_notes
from macros.tools.releases import history_problems
from scripts.diff_package import Unreadable, load, release_day, released_base

# Where `make audit` looks for the release's text by default, beside the clone.
DEFAULT_SOURCE = "../shared/source/msit-press-release-2021-08-30.txt"

ROOT = Path(__file__).resolve().parents[1]


def default_base() -> str:
    """origin/main when the clone has it (a pull request's base), else the last commit."""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "origin/main"], cwd=ROOT, capture_output=True
    )
    return "origin/main" if found.returncode == 0 else "HEAD"


def data_and_pages() -> tuple[list[str], bool]:
    """The package's problems and the pages', and whether the package loads at all."""
    try:
        package = validate(package_path())
    except PackageError as error:
        return [str(p) for p in error.problems], False
    docs = ROOT / "docs"
    return [
        str(p)
        for p in reference_problems(package, docs)
        + typed_number_problems(docs)
        + typed_particle_problems(docs)
        + twin_notes(package)
    ], True


def change(base: str) -> list[str]:
    """What the change lacks, judged against the release of the version `base` carries (as `make diff`
    says it), with its release notes; and what in the history would stop the site's build."""
    descriptor = str(package_path())
    with tempfile.TemporaryDirectory(prefix="dnd-check-") as workspace:
        try:
            _, old = released_base(base, Path(workspace), package_path())
            new = load("new", descriptor, Path(workspace))
        except (Unreadable, PackageError) as error:
            return [f"make diff BASE={base}: {error}"]
        diff = compare(old, new, release_day(descriptor, new.version))
        for hint in diff.renames:
            print(f"hint: {hint}", file=sys.stderr)
        return diff.problems + [str(note) for note in release_notes(diff)] + history_problems(package_path())


def audit_text() -> tuple[list[str], str]:
    """The source audit (`make audit`) when the release's text is here; else why it was not run."""
    given = os.environ.get("SOURCE") or os.environ.get("DND_SOURCE_TEXT") or DEFAULT_SOURCE
    source = ROOT / given  # relative to the checkout, as the Makefile's audit reads it
    if not source.is_file():
        return [], (
            f"audit: skipped, the release's text is not at {given} (save it there or pass SOURCE=path; "
            "CONTRIBUTING says where it is published)"
        )
    package = load_package(package_path())
    result = audit(source.read_text(encoding="utf-8"), package, given)
    return [str(problem) for problem in result.problems], ""


def lint() -> list[str]:
    ruff = Path(sys.executable).parent / "ruff"
    problems = []
    for args in (["check", "--output-format=concise", "--quiet"], ["format", "--check", "--quiet"]):
        done = subprocess.run([str(ruff), *args, "."], cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            problems += [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return problems


def main(argv: list[str]) -> int:
    base = argv[0] if argv else default_base()
    problems, loaded = data_and_pages()
    # A package that does not load has nothing to compare or audit: they would only say so again.
    problems += change(base) if loaded else []
    audited, skipped = audit_text() if loaded else ([], "")
    problems += audited
    problems += lint()
    names = ("data and pages", f"change against {base}", *(() if skipped else ("source audit",)), "ruff")
    if skipped:
        print(skipped)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"make check: {len(problems)} problem(s) ({', '.join(names)})", file=sys.stderr)
        return 1
    print(f"make check: all clear ({', '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
