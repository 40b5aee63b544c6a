"""The data library: the package as typed, validated records, and their words. Imports nothing from MkDocs."""
