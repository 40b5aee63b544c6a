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
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from macros.data.changes import CHANGES
from macros.data.package import CHANGELOG, Package, load_package, repository_root
from macros.data.problem import PackageError
from macros.tools.diff import compare, markdown
from macros.tools.release_notes import CITATION, release_notes
from macros.tools.releases import release_commit

# The files beside datapackage/ that a release must update too, and the changes waiting for one.
NOTES = (CHANGELOG, CITATION, CHANGES)


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


def _descriptor_of(argument: str) -> Path:
    """The descriptor whose repository holds `argument`: the file itself, or the one in the working
    directory's checkout for a revision."""
    path = Path(argument)
    return path if path.is_file() else Path.cwd() / "datapackage" / "datapackage.json"


def release_day(argument: str, version: str) -> dt.date | None:
    """The day of the commit that released `version` in the history of `argument` (a revision, or HEAD
    for a file in the working tree); None while the version is not committed."""
    revision = "HEAD" if Path(argument).is_file() else argument
    found = release_commit(_descriptor_of(argument), version, revision)
    return found[1] if found else None


def released_base(base: str, workspace: Path, descriptor: Path | None = None) -> tuple[str, Package]:
    """The package as released in the version `base` carries: the revision of the commit that released
    it (found by the one rule, `releases.release_commit`) and its package. Changes made since wait in
    changes/ and are compared against it; without the history, `base` itself."""
    at_base = load("base", base, workspace)
    if Path(base).is_file():
        return base, at_base
    found = release_commit(descriptor or _descriptor_of(base), at_base.version, base)
    if found is None:
        return base, at_base
    return found[0][:12], load("old", found[0], workspace)


def load(side: str, argument: str, workspace: Path) -> Package:
    path = Path(argument)
    if not path.is_file():
        path = extract(argument, workspace / f"{side}-{argument.replace('/', '-')}")
    try:
        return load_package(path, as_published=side != "new")
    except PackageError as error:
        problems = "\n".join(f"  {p}" for p in error.problems)
        hint = (
            " (it was valid when committed, so today's loader is stricter: "
            "compare against a newer base, or review this change by hand)"
            if side != "new"
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
            # What blocks the change is judged against the release, as `make check` judges it.
            _, released = released_base(args.old, Path(workspace), _descriptor_of(args.new))
        except Unreadable as error:
            print(f"diff_package: {error}", file=sys.stderr)
            return 2
        day = release_day(args.new, new.version)
        diff = compare(old, new, day)
        judged = diff if released is old else compare(released, new, day)
        diff.problems = judged.problems
        if any((repository_root(new.path) / name).is_file() for name in NOTES):
            diff.problems += [str(note) for note in release_notes(judged)]
        print(markdown(diff, args.old, args.new))
    if diff.problems:
        print(
            f"diff_package: {len(diff.problems)} problem(s) to fix before merging, listed above",
            file=sys.stderr,
        )
    return 1 if diff.problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader stopped reading (`make diff | head`): nothing is wrong, so exit quietly, with
        # stdout pointed at nothing so that Python's own flush at exit does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
