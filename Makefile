# Two commands matter: `make serve` (preview on http://127.0.0.1:8000) and `make test`.
# Every target creates .venv and (re)installs the pinned requirements when they change.

VENV    := .venv
BIN     := $(VENV)/bin
# Where `make bench-frameworks` and its smoke test run the Flask, Django and FastAPI apps.
BENCH_VENV := $(VENV)/bench
# One Python for the site and for every combination of the sample matrix (tox.ini).
# scripts/find-python looks for it on PATH, then under pyenv; `make PYTHON=...` overrides.
PYTHON_VERSION := $(shell cat .python-version)
VENV_PYTHON    := $(VENV)/.python-$(PYTHON_VERSION)
# Material prints a MkDocs 2.0 notice on every run; it is not a warning.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint freshness bench bench-frameworks properdocs screenshots clean

# One stamp per requirements file: a changed pin reinstalls, nothing else does.
# Another version in .python-version makes a new .venv.
$(VENV_PYTHON):
	rm -rf $(VENV)
	python="$(or $(PYTHON),$$(scripts/find-python))" && "$$python" -m venv $(VENV)
	touch $@

$(VENV)/.site-deps: requirements.txt $(VENV_PYTHON)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt $(VENV_PYTHON)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.site-deps

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Never add -q or -v to a strict build: -q exits 0 on broken links and -v drops
# anchor warnings (mkdocs#4126, mkdocs#3991).
# A failed build removes site/: MkDocs writes every page before it reports some
# problems, and a complete-looking site/ must never be a broken one.
build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict || { rm -rf site; exit 1; }

# The same checks run before each commit with `pre-commit install` (.pre-commit-config.yaml).
lint: $(VENV)/.dev-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pymarkdown --config .pymarkdown.json scan -r docs README.md CONTRIBUTING.md
	$(BIN)/codespell
	$(BIN)/yamllint --strict .
	$(BIN)/python -m scripts.validate
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml

# The site's tests run once, in .venv; the samples' tests once per combination of
# the matrix (tox.ini), one combination after the other so that each report reads
# whole. Each pytest run uses both cores (pytest-xdist; a core that runs out of tests
# takes some from the other's queue) and names its ten slowest tests, so a slow new
# test is seen where it is added.
test: lint $(BENCH_VENV)/.deps
	$(BIN)/python -m pytest -n 2 --dist worksteal --durations=10
	$(BIN)/tox run

# Build with the fallback engine too (ProperDocs, the community continuation of MkDocs
# 1.x), strictly, and check that both builds have the same pages.
$(VENV)/.properdocs-deps: requirements-properdocs.txt requirements.txt $(VENV_PYTHON)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	touch $@

properdocs: $(VENV)/.site-deps $(VENV)/.properdocs-deps
	rm -rf site-engines
	$(BIN)/mkdocs build --strict --site-dir site-engines/mkdocs
	$(BIN)/properdocs build --strict --config-file mkdocs.yml --site-dir site-engines/properdocs
	$(BIN)/python -m scripts.same_pages site-engines/mkdocs site-engines/properdocs

# Comparison entries whose `verified` date is over 12 months old (always exits 0).
freshness: $(VENV)/.site-deps
	@$(BIN)/python -m scripts.freshness data

bench: $(VENV)/.dev-deps
	$(BIN)/python -m bench.run

# Flask, Django and FastAPI side by side: throughput, latency and the cost of batteries,
# written to data/benchmarks.yml (bench/frameworks/run.py). Needs Debian's wrk and postgresql;
# about 10 minutes. The apps run in their own environment, .venv/bench; the harness runs in .venv.
$(BENCH_VENV)/.deps: bench/frameworks/requirements.txt requirements/django52.txt requirements/examples.txt $(VENV_PYTHON)
	rm -rf $(BENCH_VENV)
	$(BIN)/python -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r bench/frameworks/requirements.txt
	touch $@

bench-frameworks: $(VENV)/.dev-deps $(BENCH_VENV)/.deps
	$(BIN)/python -m bench.frameworks.run --python $(BENCH_VENV)/bin/python

# Phone and desktop, light and dark, of the pages a reader meets first: look before you merge.
SHOTS ?= /tmp/flask-vs-django-screenshots
screenshots: $(VENV)/.dev-deps
	$(BIN)/python -m scripts.screenshots $(SHOTS)

clean:
	rm -rf site site-engines .venv .tox .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
