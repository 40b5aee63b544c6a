"""Compare two versions of the data package as Markdown: figures added, removed and changed,
check outcomes, corrections and the version. Exit 1 when the change breaks a release rule
(a value changed without a correction row, or the version not bumped enough), 2 when a
package cannot be read.

OLD and NEW are each a path to a datapackage.json or a git revision (origin/main, HEAD~1, a tag),
whose datapackage/ is then read as committed at that revision.
"""

import argparse
import datetime as dt
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from macros.data.package import CHANGELOG, Package, load_package
from macros.data.problem import PackageError
from macros.tools.diff import compare, markdown
from macros.tools.release_notes import CITATION, release_notes, repository_of

# The files beside datapackage/ that a release must update too.
NOTES = (CHANGELOG, CITATION)


class Unreadable(Exception):
    """A side of the comparison that cannot be read or loaded; the message says which and why."""


def extract(revision: str, target: Path) -> Path:
    """Write datapackage/ as committed at `revision` into `target`; return its datapackage.json."""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], capture_output=True, text=True
    )
    if found.returncode != 0:
        raise Unreadable(
            f"'{revision}' is neither a datapackage.json file nor a git revision "
            "(for a pull request, fetch the base branch first: git fetch origin main)"
        )
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", revision, *NOTES], capture_output=True, text=True
    ).stdout.split()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "datapackage", *listed], capture_output=True
    )
    if archive.returncode != 0:
        raise Unreadable(
            f"revision '{revision}' has no datapackage/ folder: "
            f"{archive.stderr.decode(errors='replace').strip()}"
        )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target / "datapackage" / "datapackage.json"


def release_day(argument: str, version: str) -> dt.date | None:
    """The date of the commit that first carries `version` in the history of `argument` (a revision,
    or HEAD for a file in the working tree); None while the version is not committed."""
    path = Path(argument)
    if path.is_file():
        revision, cwd, descriptor = "HEAD", path.resolve().parent, path.name
    else:
        revision, cwd, descriptor = argument, None, "datapackage/datapackage.json"
    pattern = rf'"version": *"{re.escape(version)}"'
    found = subprocess.run(
        ["git", "log", "--format=%cI", "-G", pattern, revision, "--", descriptor],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    stamps = found.stdout.split()
    if found.returncode != 0 or not stamps:
        return None
    return dt.datetime.fromisoformat(stamps[-1]).astimezone(dt.UTC).date()


def load(side: str, argument: str, workspace: Path) -> Package:
    path = Path(argument)
    if not path.is_file():
        path = extract(argument, workspace / side)
    try:
        return load_package(path, as_published=side == "old")
    except PackageError as error:
        problems = "\n".join(f"  {p}" for p in error.problems)
        hint = (
            " (it was valid when committed, so today's loader is stricter: "
            "compare against a newer base, or review this change by hand)"
            if side == "old"
            else ""
        )
        raise Unreadable(
            f"the {side} package ({argument}) does not load with today's loader{hint}:\n{problems}"
        ) from None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("old", help="the package before the change: a datapackage.json or a git revision")
    parser.add_argument("new", help="the package after the change: a datapackage.json or a git revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dnd-diff-") as workspace:
        try:
            old = load("old", args.old, Path(workspace))
            new = load("new", args.new, Path(workspace))
        except Unreadable as error:
            print(f"diff_package: {error}", file=sys.stderr)
            return 2
        diff = compare(old, new, release_day(args.new, new.version))
        if any((repository_of(new) / name).is_file() for name in NOTES):
            diff.problems += [str(note) for note in release_notes(diff)]
        print(markdown(diff, args.old, args.new))
    if diff.problems:
        print(
            f"diff_package: {len(diff.problems)} problem(s) to fix before merging, listed above",
            file=sys.stderr,
        )
    return 1 if diff.problems else 0


if __name__ == "__main__":
    sys.exit(main())
