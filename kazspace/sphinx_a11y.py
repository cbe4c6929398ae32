"""Sphinx extension: accessibility fixes to the HTML that docutils writes (checked by axe in tests/browser).

Citations (the reference list from sphinxcontrib-bibtex): docutils wraps them in ``<div role="list">`` but gives each
one ``role="doc-biblioentry"``, which DPUB-ARIA 1.1 deprecates and which is not a list item, so the list has no items
for a screen reader (axe: ``aria-required-children``, critical). Each citation becomes ``role="listitem"``.

Notebook cells with hidden outputs or inputs: myst-nb names their ``<summary>`` "Toggle hidden content" with
aria-label, but it shows "Show code cell outputs", and a control's spoken name must contain its visible text (WCAG
2.5.3, axe: ``label-content-name-mismatch``, serious). The aria-label goes: the visible text is the name.

Saved widget views: ``static/kazspace-widgets.js`` (the widgets' fonts, names for slider handles) is served from
``_static/`` without being added to every page; ``nb_ipywidgets_js`` in ``_config.yml`` adds it to widget pages.

The theme's buttons are fixed by template overrides in ``_templates/``, the link colour in ``_static/kazspace.css``.
"""

from __future__ import annotations

import types
from pathlib import Path

from docutils.writers._html_base import HTMLTranslator
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput, visit_HideCellInput
from sphinx.util import logging


class CitationListItemMixin:
    def visit_citation(self, node):
        super().visit_citation(node)
        self.body[-1] = self.body[-1].replace('role="doc-biblioentry"', 'role="listitem"')


def add_mixin(app) -> None:
    """Wrap every registered HTML translator, the way pydata-sphinx-theme adds its own (it runs first)."""
    if app.builder.format != "html":
        return
    translators = dict(app.registry.translators) or {app.builder.name: app.builder.default_translator_class}
    for name, klass in translators.items():
        if issubclass(klass, HTMLTranslator) and not issubclass(klass, CitationListItemMixin):
            app.set_translator(name, types.new_class(klass.__name__, (CitationListItemMixin, klass), {}),
                               override=True)


def visit_hidden_cell(self, node) -> None:
    visit_HideCellInput(self, node)
    for i in range(len(self.body) - 1, max(len(self.body) - 6, -1), -1):
        if self.body[i].startswith("<summary "):
            self.body[i] = self.body[i].replace(' aria-label="Toggle hidden content"', "")
            break


STATIC = Path(__file__).parent / "static"


def add_static_path(app, config) -> None:
    # Added here, not in _config.yml: jupyter-book adds every .js of the configured static paths to every page.
    config.html_static_path.append(str(STATIC))
    for entry in config.html_extra_path:
        if not (Path(app.confdir) / entry).is_dir():
            logging.getLogger(__name__).warning(
                f"html_extra_path {entry!r} is missing: run `make vendor`, which copies the JavaScript the book "
                "serves itself (widgets, MathJax) there")


def setup(app):
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_mixin, priority=900)
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_HideCellInput))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
