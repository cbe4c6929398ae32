# Kazakhstan in Space. Two commands matter:
#   make book   set up .venv (pinned), execute every notebook and build the HTML, warnings fail
#   make test   every check: package tests, bad-data fixtures, nbval on every notebook, strict build
# `make help` lists the rest.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
JB     := $(BIN)/jupyter-book
PORT   ?= 8000
# Any change here must reach the notebooks' outputs, but jupyter-cache only watches code cells.
EXEC_INPUTS := $(sort $(wildcard data/*.csv data/datapackage.json kazspace/*.py))

.PHONY: help book serve test test-unit test-notebooks test-build test-browser browser-deps env bib lock launches clean
.DEFAULT_GOAL := help

help:
	@echo "make book            build the book into _build/html (creates .venv on first use)"
	@echo "make serve           serve _build/html on http://127.0.0.1:$(PORT)"
	@echo "make test            run every check (what CI runs)"
	@echo "make launches        re-derive data/launches.csv from ../shared/data/launches (GCAT)"
	@echo "make lock            re-pin requirements.txt from requirements.in"
	@echo "make clean           remove _build"

env: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run make with PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

bib: env
	$(PY) -m kazspace.bibliography book/references.bib

# Clear the execution cache when the data or the package changed since the last build.
_build/.exec-inputs: $(EXEC_INPUTS) | env
	@mkdir -p _build
	@rm -rf _build/.jupyter_cache
	@touch $@

book: env bib _build/.exec-inputs
	$(JB) build . -W -n --keep-going
	@echo
	@echo "The book is in _build/html. Open _build/html/index.html, or run: make serve"

serve:
	@test -f _build/html/index.html || { echo "Build first: make book"; exit 1; }
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

test: test-unit test-notebooks test-build test-browser

test-unit: env
	$(PY) -m pytest tests -m "not build and not browser" -n 2

test-notebooks: env
	$(PY) -m pytest --nbval-lax --nbval-cell-timeout=120 -n 2 --dist loadfile lessons book exercises

# A clean output folder means an empty cache: every notebook really executes.
test-build: env bib
	$(PY) -m pytest tests -m build

# Browser tests drive Debian's chromium with Playwright (never `playwright install`: it downloads a browser).
CHROMIUM ?= /usr/bin/chromium
browser-deps:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core; \
	  else echo "Chromium is missing. Install it with:  sudo apt-get install -y chromium fonts-dejavu-core"; exit 1; fi; }

test-browser: env browser-deps
	$(PY) -m pytest tests -m browser

launches: env
	$(PY) -m kazspace.gcat ../shared/data/launches/launchlog.tsv ../shared/data/launches/gcat_sites.tsv data/launches.csv

lock:
	rm -rf _build/lock-venv
	$(PYTHON) -m venv _build/lock-venv
	_build/lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Exact pins compiled from requirements.in by \`make lock\` (Python 3.11). Do not edit by hand."; \
	  _build/lock-venv/bin/pip freeze --exclude-editable | grep -v -E '^(pip|setuptools)=='; echo "-e ."; } > requirements.txt

clean:
	rm -rf _build
