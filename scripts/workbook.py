"""Write the package's Excel workbooks, one per edition, into a folder.

    python scripts/workbook.py OUT [DESCRIPTOR]

The site's address, when it has one, is DND_SITE_URL (as in mkdocs.yml). The build runs this script as
a commit that released a version holds it, in a copy of that commit, so a version's workbooks stay the
bytes it was released with (`macros/tools/releases.py`): keep its arguments as they are.
"""

import argparse
import os
import sys
from pathlib import Path

from macros.data.package import load_package, package_path
from macros.data.problem import PackageError
from macros.pages.workbook import workbooks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write the workbooks into")
    parser.add_argument("descriptor", nargs="?", type=Path, default=None, help="path to datapackage.json")
    args = parser.parse_args()
    try:
        package = load_package(args.descriptor or package_path())
    except PackageError as error:
        print(error, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for item in workbooks(package, os.environ.get("DND_SITE_URL") or None):
        (args.out / item.path).write_bytes(item.content)
        print(args.out / item.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
