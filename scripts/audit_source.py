"""List every number in the release text that no figure accounts for, every as_printed not found where
located, and every release figure's quote not found verbatim."""

import argparse
import sys
from pathlib import Path

from macros.data.package import load_package
from macros.data.problem import PackageError
from macros.tools.audit import audit, redact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, required=True, help="the text of the release")
    parser.add_argument(
        "--package", type=Path, default=None, help="datapackage.json (default: the repository's)"
    )
    parser.add_argument(
        "--write-redacted",
        type=Path,
        default=None,
        help="also write the release with every word the audit does not read masked (tests/fixtures/release-redacted.txt)",
    )
    args = parser.parse_args()
    try:
        text = args.source.read_text(encoding="utf-8")
    except OSError as error:
        print(f"{args.source}: cannot read the release text ({error.strerror})", file=sys.stderr)
        return 2
    try:
        package = load_package(args.package)
    except PackageError as error:
        print(error, file=sys.stderr)
        return 1
    if args.write_redacted:
        args.write_redacted.write_text(redact(text, package), encoding="utf-8")
    result = audit(text, package, str(args.source))
    for problem in result.problems:
        print(problem)
    if result.problems:
        print(f"{len(result.problems)} number(s), figure(s) or quote(s) not accounted for", file=sys.stderr)
        return 1
    parts = ", ".join(f"{count} by {kind}" for kind, count in result.accounted.items())
    quotes = sum(1 for f in package.figures.values() if package.source_of(f).outlined)
    print(
        f"{args.source}: all {result.tokens} number tokens accounted for ({parts}); all {quotes} quotes found verbatim"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
