"""Release the changes waiting in changes/: `make release` (maintainers; DATE=YYYY-MM-DD, default today
in UTC; SUMMARY="…" SUMMARY_KO="…" for an optional free sentence under the heading, in both languages).

Derives the version from the changes against the last release, writes corrections.csv, CHANGELOG.md,
`version` and `created` in datapackage/datapackage.json and CITATION.cff, and removes the change
files; refuses, writing nothing, while a change lacks its Korean. Commit the result at once: that
commit is the release.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from macros.data.package import package_path
from macros.tools.release_step import ReleaseRefused, release
from scripts.diff_package import Unreadable, released_base


def main() -> int:
    stamp = os.environ.get("DATE") or dt.datetime.now(dt.UTC).date().isoformat()
    try:
        day = dt.date.fromisoformat(stamp)
    except ValueError:
        print(f"DATE={stamp}: not a date (YYYY-MM-DD)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="dnd-release-") as workspace:
        try:
            _, released = released_base("HEAD", Path(workspace), package_path())
            done = release(
                released, package_path(), day, os.environ.get("SUMMARY", ""), os.environ.get("SUMMARY_KO", "")
            )
        except (Unreadable, ReleaseRefused) as error:
            for line in getattr(error, "lines", [str(error)]):
                print(line, file=sys.stderr)
            print("make release: nothing was written", file=sys.stderr)
            return 1
    for line in done.report():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
