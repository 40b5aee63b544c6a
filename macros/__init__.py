"""The mkdocs-macros entry point (`module_name: macros` in mkdocs.yml).

The layers below, each a subpackage: `data` (records, loading, rules, words), `tools` (export,
diff, audit), `pages` (HTML builders) and `site` (the MkDocs glue). Only `site` imports MkDocs, so
`import macros.data` stays free of it: these two functions import the glue when MkDocs calls them.
"""


def define_env(env):
    from .site.macros import define_env as define

    define(env)


def on_post_build(env):
    from .site.macros import on_post_build as post_build

    post_build(env)
