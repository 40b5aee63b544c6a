"""Browser tests: the built site in Chromium, as a reader meets it (a package, so its conftest keeps its own name)."""
