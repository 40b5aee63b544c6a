"""`make bench`: what the site costs, measured and printed as tables (`python -m scripts.bench`). Kept
out of `macros/`, the package the site is built from: `measure.py` (scratch copies of the project,
synthetic packages, page weights), `static_host.py` (the site served as a static host serves it)."""
