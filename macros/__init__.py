"""The mkdocs-macros entry point: it only wires the data package into page macros."""

from mkdocs.exceptions import Abort

from . import render, tables
from .package import load_package
from .page import CurrentPage
from .problem import PackageError
from .repository import drop_edit_links_without_repository


def define_env(env):
    """Register the macros; the loading, formatting and rendering live in their own modules."""
    drop_edit_links_without_repository(env.conf)
    try:
        package = load_package()
    except PackageError as error:
        count = len(error.problems)
        raise Abort(
            f"The data package has {count} problem(s); the site was not built:\n{error}"
        ) from None
    page = CurrentPage(env)

    @env.macro
    def fig(figure_id: str, form: str = "text") -> str:
        return render.fig(package, page, figure_id, form)

    @env.macro
    def figure_table(topic_id: str, caption: str | None = None, deep: bool = True) -> str:
        return tables.figure_table(package, page, topic_id, caption, deep)
