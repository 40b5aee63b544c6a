"""The mkdocs-macros entry point: it only wires the data package into page macros."""

from .repository import drop_edit_links_without_repository


def define_env(env):
    """Register the macros; the loading, formatting and rendering live in their own modules."""
    drop_edit_links_without_repository(env.conf)
