"""Validate the data package: one line per problem (path:row:field: what is wrong), or a summary."""

import argparse
import sys
from pathlib import Path

from macros.data.package import package_path
from macros.data.problem import PackageError
from macros.data.validation import validate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("descriptor", nargs="?", type=Path, default=None, help="path to datapackage.json")
    parser.add_argument("--quiet", action="store_true", help="print only the summary, not each check")
    args = parser.parse_args()
    try:
        package = validate(args.descriptor or package_path())
    except PackageError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found; nothing was built or written", file=sys.stderr)
        return 1
    if not args.quiet:
        for outcome in package.outcomes:
            print(outcome.line(package.figures))
    print(package.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
