# Two commands for a newcomer: `make serve` and `make test`. Everything else is listed by `make help`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
# A second environment for the theme's continuation (MaterialX on ProperDocs): the two themes install
# the same `material` package, so they cannot share one.
MX_VENV := .venv-materialx
MX_STAMP := $(MX_VENV)/.installed
HOST ?= 127.0.0.1:8000
# Material prints a banner about its successor on every build; the pinned versions are deliberate.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve test check build validate lint bench diff audit correct release materialx clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-9s %s\n", $$1, $$2}'

# uv (pinned in requirements-setup.lock, kept beside the environment's packages, not among them) installs
# the lock's packages in parallel where pip installs one at a time: a fresh setup in about half the time.
$(STAMP): requirements.lock requirements-setup.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps --target $(VENV)/setup -r requirements-setup.lock
	$(VENV)/setup/bin/uv pip install --quiet --python $(PY) --require-hashes --no-deps --compile-bytecode -r requirements.lock
	$(PY) -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "dnd-project.pth").write_text(str(pathlib.Path.cwd()) + "\n")'
	touch $(STAMP)

# Made from the main one (hard links, then pip swaps the few pins that differ, checked against its lock).
$(MX_STAMP): requirements-materialx.lock $(STAMP)
	$(PYTHON) scripts/derive_env.py $(MX_VENV) requirements-materialx.lock --from $(VENV) requirements.lock
	touch $(MX_STAMP)

setup: $(STAMP) ## Create the Python environment from requirements.lock (every target does it when needed)

serve: $(STAMP) ## Build the site and serve it with live reload at http://127.0.0.1:8000 (HOST=address:port for another; problems shown in the browser)
	$(PY) scripts/serve.py --dev-addr $(HOST)

test: $(STAMP) ## Run the whole test suite (make check first, then the tests in parallel)
	@$(PY) scripts/check.py $(BASE)
	$(PY) -m pytest -n auto --dist loadfile --no-loadscope-reorder

check: $(STAMP) ## Check a change as CI will, without a browser: data, pages, change since the release, changelog, source audit (SOURCE=), lint
	@$(PY) scripts/check.py $(BASE)

build: $(STAMP) ## Build the site strictly into site/ (left untouched if the build fails)
	$(PY) scripts/build.py site

validate: $(STAMP) ## Validate the data package and the pages' references to it (-v: V=1)
	@$(PY) scripts/validate.py datapackage/datapackage.json $(if $(V),-v)

audit: $(STAMP) ## Account for every number in the release text (SOURCE=path to the text; REDACTED=file also writes the masked copy)
	@$(PY) scripts/audit_source.py --source $(or $(SOURCE),$(DND_SOURCE_TEXT),../shared/source/msit-press-release-2021-08-30.txt) $(if $(REDACTED),--write-redacted $(REDACTED))

lint: $(STAMP) ## Lint the Python code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP) ## Measure build and validation cost, scaling, page weight and Lighthouse (ARGS=--lighthouse-only)
	$(PY) -m scripts.bench $(ARGS)

correct: $(STAMP) ## Correct a figure: FIGURE=id VALUE=number (or PRINTED=as printed) REASON="…" REFERENCE="…"
	@$(PY) scripts/correct.py

release: $(STAMP) ## Maintainers: release the changes in changes/ (version, date, corrections, changelog, citation; DATE=YYYY-MM-DD)
	@$(PY) scripts/release.py

diff: $(STAMP) ## Compare the data package with BASE (a git revision, default origin/main) as Markdown
	@$(PY) scripts/diff_package.py $(or $(BASE),origin/main) datapackage/datapackage.json

materialx: $(MX_STAMP) ## Build the site strictly on MaterialX with ProperDocs (materialx.yml) into site-materialx/
	$(MX_VENV)/bin/python scripts/build.py site-materialx --generator properdocs --config materialx.yml

clean: ## Remove the virtual environments, the built sites and caches
	rm -rf $(VENV) $(MX_VENV) site site-materialx site.tmp .pytest_cache .ruff_cache .cache
