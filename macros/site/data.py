"""The package as the site loads it: once per build, or a stopped build listing every problem."""

from mkdocs.exceptions import Abort

from ..data.package import Package, load_package
from ..data.problem import PackageError


def site_package() -> Package:
    """The loaded package, or a stopped build listing every problem as path:row:field: message."""
    try:
        return load_package()
    except PackageError as error:
        count = len(error.problems)
        raise Abort(f"The data package has {count} problem(s); the site was not built:\n{error}") from None
