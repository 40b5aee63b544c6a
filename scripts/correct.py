"""Correct a figure: `make correct FIGURE=id VALUE=… REASON="…" REFERENCE="…"`.

Each input is a make variable (so quotes and commas pass as written) and an environment variable:
FIGURE, VALUE (the number in base units) or PRINTED (the number as the source prints it), QUOTE (the
source's sentence, when it changes otherwise than by the number), REASON, REFERENCE; a contributor who
writes Korean may give REASON_KO, REFERENCE_KO and ENTRY_KO, which the release needs otherwise from a
maintainer. Writes the figure's row and one file in changes/; prints what it wrote.
"""

from __future__ import annotations

import os
import sys

from macros.data.package import package_path
from macros.tools.correct import CorrectionError, Request, correct

INPUTS = (
    "FIGURE",
    "VALUE",
    "PRINTED",
    "QUOTE",
    "REASON",
    "REFERENCE",
    "REASON_KO",
    "REFERENCE_KO",
    "ENTRY_KO",
)


def main() -> int:
    request = Request(**{name.lower(): os.environ.get(name, "") for name in INPUTS})
    try:
        written = correct(request, package_path())
    except CorrectionError as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        print("make correct: nothing was written", file=sys.stderr)
        return 1
    for line in written.report():
        print(line)
    print(f"make correct: done; run make check, then commit {' and '.join(written.files())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
