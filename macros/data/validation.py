"""Full validation for `make validate` and the tests: the loader's rules, then frictionless' own.

The loader speaks first because its messages say what to do; frictionless then confirms the
package with the stock tool a data user would run, and anything only it finds is reported too.
"""

from __future__ import annotations

from pathlib import Path

from .package import Package, load_package
from .problem import PackageError, Problem, display_path


def stock_problems(path: Path) -> list[Problem]:
    """Run the stock frictionless validation and address its errors like ours."""
    from frictionless import Package as FrictionlessPackage
    from frictionless import system

    problems = []
    with system.use_context(trusted=False):
        report = FrictionlessPackage(str(path)).validate()
    for error in report.errors:
        problems.append(Problem(display_path(path), 1, "-", f"frictionless: {error.message}"))
    for task in report.tasks:
        shown = display_path(path.parent / task.place) if task.place else display_path(path)
        for error in task.errors:
            row = getattr(error, "row_number", None) or 1
            field = getattr(error, "field_name", None) or "-"
            problems.append(
                Problem(shown, row, field, f"frictionless {error.type}: {error.note or error.message}")
            )
    return problems


def validate(path: Path) -> Package:
    """Load with all our rules, then the stock validation; raise PackageError with every problem."""
    package = load_package(path)
    problems = stock_problems(path)
    if problems:
        raise PackageError(problems)
    return package
