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

.PHONY: help book book-kk teacher-book-kk pot po serve test test-unit test-notebooks test-build test-browser browser-deps env bib lock launches clean teacher-book student pdf vendor linkcheck-external bench
.DEFAULT_GOAL := help

help:
	@echo "make book            build the book into _build/html (creates .venv on first use)"
	@echo "make serve           serve _build/html on http://127.0.0.1:$(PORT)"
	@echo "make book-kk         build the Kazakh edition into _build/kk/html (catalogues: locales/kk)"
	@echo "make teacher-book-kk the Kazakh teacher edition into _build/kk-teacher/html"
	@echo "make po              update the Kazakh catalogues in locales/kk after the English text changed"
	@echo "make teacher-book    build the teacher edition (solutions, answer keys, teacher notes) into _build/teacher"
	@echo "make pdf             print every lesson to a checked PDF in _build/pdf"
	@echo "make student         regenerate the student notebooks in student/ from lessons/ and exercises/"
	@echo "make test            run every check (what CI runs)"
	@echo "make linkcheck-external  check the external links (needs a network; not part of make test)"
	@echo "make bench           time builds, rebuilds, notebooks and make test; sizes; widget latency (one table)"
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

# The book serves its own JavaScript, so that it loads nothing from other hosts and works offline: require.js and the
# ipywidgets HTML manager (saved widget views), MathJax (equations), pinned in package-lock.json. Only the files the
# pages use are copied to _build/extra/_static/vendor; Sphinx copies _build/extra into the book (html_extra_path),
# and unlike the book's _static/ folder, nothing there is added to every page.
VENDOR := _build/extra/_static/vendor
vendor: _build/.vendor

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 18 or newer, which provides npm"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts

_build/.vendor: node_modules/.package-lock.json Makefile
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/requirejs $(VENDOR)/html-manager $(VENDOR)/mathjax/output/chtml/fonts $(VENDOR)/mathjax/input/tex
	cp node_modules/requirejs/require.js node_modules/requirejs/package.json $(VENDOR)/requirejs/
	cd node_modules/@jupyter-widgets/html-manager && cp package.json dist/embed-amd.js dist/*.woff2 dist/*.woff \
	  $(CURDIR)/$(VENDOR)/html-manager/ && cp dist/embed.js.LICENSE.txt $(CURDIR)/$(VENDOR)/html-manager/LICENSES.txt
	cd node_modules/mathjax && cp LICENSE package.json es5/tex-mml-chtml.js $(CURDIR)/$(VENDOR)/mathjax/ && \
	  cp -R es5/a11y es5/sre es5/ui $(CURDIR)/$(VENDOR)/mathjax/ && \
	  cp -R es5/output/chtml/fonts/woff-v2 $(CURDIR)/$(VENDOR)/mathjax/output/chtml/fonts/ && \
	  cp -R es5/input/tex/extensions $(CURDIR)/$(VENDOR)/mathjax/input/tex/
	@touch $@

# Clear the execution cache when the data or the package changed since the last build, and Sphinx's environment
# (.doctrees) too: Sphinx re-reads only pages whose source changed, so without it no notebook would run again.
_build/.exec-inputs: $(EXEC_INPUTS) | env
	@mkdir -p _build
	@rm -rf _build/.jupyter_cache _build/.doctrees _build/teacher/_build/.jupyter_cache _build/teacher/_build/.doctrees \
	  _build/kk _build/kk-teacher
	@touch $@

book: env bib vendor _build/.exec-inputs
	$(JB) build . -W -n --keep-going
	@echo
	@echo "The book is in _build/html. Open _build/html/index.html, or run: make serve"

# The same sources with solutions, answer keys and teacher notes (kazspace/sphinx_editions.py).
teacher-book: env bib vendor _build/.exec-inputs
	$(PY) -m kazspace.editions teacher-config _build/teacher-config
	$(JB) build . --config _build/teacher-config/_config.yml --toc _build/teacher-config/_toc.yml \
	  --path-output _build/teacher -W -n --keep-going
	@echo
	@echo "The teacher edition is in _build/teacher/_build/html."

# The Kazakh edition: the same sources, with the catalogues in locales/kk (kazspace/translation.py). Code outputs
# (widget labels, feedback, figure labels) follow KAZSPACE_LANGUAGE in the kernel. Jupyter Book writes the HTML to
# _build/kk/_build/html; _build/kk/html points there, and the language switch links the two editions.
book-kk: env bib vendor _build/.exec-inputs
	$(PY) -m kazspace.translation config _build/kk-config --language kk
	KAZSPACE_LANGUAGE=kk $(JB) build . --config _build/kk-config/_config.yml --toc _build/kk-config/_toc.yml \
	  --path-output _build/kk -W -n --keep-going
	ln -sfn _build/html _build/kk/html
	@echo
	@echo "The Kazakh edition is in _build/kk/html. Open _build/kk/html/index.html"

# The teacher edition in Kazakh.
teacher-book-kk: env bib vendor _build/.exec-inputs
	$(PY) -m kazspace.translation config _build/kk-teacher-config --language kk --teacher
	KAZSPACE_LANGUAGE=kk $(JB) build . --config _build/kk-teacher-config/_config.yml \
	  --toc _build/kk-teacher-config/_toc.yml --path-output _build/kk-teacher -W -n --keep-going
	ln -sfn _build/html _build/kk-teacher/html

# Extract the English text (.pot) from the teacher edition, which holds every text of both editions, and merge it
# into the catalogues: new text arrives untranslated, changed text fuzzy, and `make test` fails on both.
pot: env bib vendor
	$(PY) -m kazspace.translation config _build/i18n-config --gettext
	$(JB) build . --config _build/i18n-config/_config.yml --toc _build/i18n-config/_toc.yml \
	  --path-output _build/i18n --builder custom --custom-builder gettext -n --keep-going

# sphinx.po is the book's own interface catalogue (kazspace/sphinx_i18n.py), kept by hand: not from the templates.
po: pot
	rm -f _build/i18n/_build/gettext/sphinx.pot
	$(BIN)/sphinx-intl update -p _build/i18n/_build/gettext -d locales -l kk --line-width 0 --no-obsolete
	$(PY) -m kazspace.translation fix-glue kk
	$(PY) -m kazspace.i18n extract
	$(PY) -m kazspace.translation check kk || true

# Student notebooks (no solutions, no teacher notes) for school JupyterHubs; a test checks they match the sources.
student: env
	$(PY) -m kazspace.editions student

# One checked PDF per lesson, printed from the built book by headless Chromium, for classrooms without computers.
pdf: book browser-deps
	$(PY) -m kazspace.pdf _build/html _build/pdf

serve:
	@test -f _build/html/index.html || { echo "Build first: make book"; exit 1; }
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

test: test-unit test-notebooks test-build test-browser

test-unit: env
	$(PY) -m pytest tests -m "not build and not browser" -n 2

test-notebooks: env
	$(PY) -m pytest --nbval-lax --nbval-cell-timeout=120 -n 2 --dist loadfile lessons book exercises

# A clean output folder means an empty cache: every notebook really executes. The student and teacher
# editions build on separate workers (xdist groups); the small failure-case books share out the rest.
test-build: env bib vendor
	$(PY) -m pytest tests -m build -n 2 --dist loadgroup

# Browser tests drive Debian's chromium with Playwright (never `playwright install`: it downloads a browser).
CHROMIUM ?= /usr/bin/chromium
browser-deps:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core; \
	  else echo "Chromium is missing. Install it with:  sudo apt-get install -y chromium fonts-dejavu-core"; exit 1; fi; }

# Two workers: axe (tests/browser/test_pages.py, every page of the book) is bound by the CPU.
test-browser: env browser-deps
	$(PY) -m pytest tests -m browser -n 2

# External links of the built book (notebook outputs included): needs a network, so it is not part of `make test`,
# which checks the internal links and anchors (tests/browser/test_links.py).
linkcheck-external: book
	KAZSPACE_LINKCHECK=1 KAZSPACE_BOOK_HTML=_build/html $(PY) -m pytest tests/browser/test_links.py -m linkcheck -q

# Timings and sizes for maintainers, printed as one table (nothing is asserted). Builds a temporary copy of the
# repository, never the real files. BENCH_ARGS=--no-test skips `make test`, which takes minutes.
bench: env bib vendor
	$(PY) .ci/benchmark.py $(BENCH_ARGS)

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
