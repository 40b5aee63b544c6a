"""The mkdocs-macros entry point: it only wires the data package into page macros."""


def define_env(env):
    """Register the macros; the loading, formatting and rendering live in their own modules."""
