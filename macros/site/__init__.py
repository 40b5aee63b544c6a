"""The MkDocs glue: the page macros, the current page, and the hooks. The only layer that imports MkDocs."""
