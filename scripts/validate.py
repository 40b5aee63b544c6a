"""Validate the data package and the pages' references to it.

Prints one summary line when all is well (each check's arithmetic too with -v); otherwise one line
per problem, `path:row:field: what is wrong`, and exits 1. The pages checked are the docs/ beside
the package's folder: every figure, topic, chart or source a macro names must exist in the data.
"""

import argparse
import sys
from pathlib import Path

from macros.data.package import package_path
from macros.data.problem import PackageError
from macros.data.validation import validate
from macros.tools.prose import pages, reference_problems, references


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("descriptor", nargs="?", type=Path, default=None, help="path to datapackage.json")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print each check and its outcome")
    args = parser.parse_args()
    descriptor = args.descriptor or package_path()
    docs = descriptor.resolve().parent.parent / "docs"
    try:
        package = validate(descriptor)
        problems = reference_problems(package, docs) if docs.is_dir() else []
        if problems:
            raise PackageError(problems)
    except PackageError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found; nothing was built or written", file=sys.stderr)
        return 1
    if args.verbose:
        for outcome in package.outcomes:
            print(outcome.line(package.figures))
    summary = package.summary()
    if docs.is_dir():
        found = pages(docs)
        named = sum(len(references(text)) for text in found.values())
        summary += f"; docs/: {len(found)} pages name {named} ids, all in the data"
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
