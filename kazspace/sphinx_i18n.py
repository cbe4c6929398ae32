"""Sphinx extension: the book in more than one language (see kazspace/translation.py).

- A language switch on every page links to the same page in the other editions (``language-switch.html``, included
  by ``_templates/article-header-buttons.html``), with ``<link rel="alternate" hreflang>`` in the head.
- Sphinx, sphinx-book-theme, sphinx-exercise and sphinx-togglebutton ship no Kazakh catalogue, so the book keeps its
  own in ``locales/kk/LC_MESSAGES`` (``sphinx.po``, ``booktheme.po``, ...). Sphinx reads ``sphinx.po`` itself; the
  others are compiled here and put in front of the extensions' own.
"""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

from docutils import nodes

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.locale import get_translator
from sphinx.locale import init as init_locale
from sphinx.util.i18n import docname_to_domain

from .translation import INTERFACE_CATALOGUES, LANGUAGES, LOCALES, switch_targets


def _interface_catalogues(app: Sphinx, config) -> None:
    language = config.language
    if language == "en":
        return
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    # Jupyter Book's search box text is a theme option, not a catalogue message: translate it with the book's own.
    if isinstance(config.html_theme_options, dict) and "search_bar_text" in config.html_theme_options:
        translator = get_translator("sphinx")
        config.html_theme_options["search_bar_text"] = translator.gettext(config.html_theme_options["search_bar_text"])
    compiled = Path(app.doctreedir) / "kazspace-locales"
    folder = compiled / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    for name in INTERFACE_CATALOGUES:
        if name == "sphinx":
            continue                        # Sphinx compiles and reads locales/<language>/LC_MESSAGES/sphinx.po
        source = LOCALES / language / "LC_MESSAGES" / f"{name}.po"
        if not source.exists():
            continue
        with source.open("rb") as handle:
            catalogue = read_po(handle, locale=language)
        with (folder / f"{name}.mo").open("wb") as handle:
            write_mo(handle, catalogue)
        init_locale([str(compiled)], language, name)


def _switch_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    targets = app.config.kazspace_language_switch
    if targets is None:
        targets = switch_targets(app.config.language, app.config.kazspace_edition)
    up = "../" * pagename.count("/")
    context["kazspace_language_switch"] = [
        {"language": language, "name": LANGUAGES[language], "url": f"{up}{root}{pagename}.html"}
        for language, root in targets.items()]


def _alt_text(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Alt text of code outputs (myst-nb figures) reaches the doctree after Sphinx's i18n transforms have run (myst-nb
    picks each output's image in a post-transform): add it to the catalogue here, and translate it here."""
    images = [image for image in doctree.findall(nodes.image) if image.get("alt")]
    if app.builder.name == "gettext":
        for image in images:
            if not hasattr(image, "uid"):
                image.uid = uuid4().hex
            image["translatable"] = False   # the alt text is the message; the output's file name is not
        return
    if app.config.language == "en" or not images:
        return
    catalogue = _page_catalogue(app, docname)
    if catalogue:
        for image in images:
            image["alt"] = catalogue.gettext(image["alt"])


def _page_catalogue(app: Sphinx, docname: str):
    domain = docname_to_domain(docname, app.config.gettext_compact)
    folders = [str(Path(app.srcdir) / folder) for folder in app.config.locale_dirs]
    catalogue, found = init_locale(folders, app.config.language, domain)
    return catalogue if found else None


def _toc_captions(app: Sphinx, doctree: nodes.document) -> None:
    """The captions of _toc.yml's parts reach the root page as toctrees after Sphinx's i18n transforms have run
    (sphinx-external-toc inserts them): translate them before the table of contents is collected."""
    if app.config.language == "en":
        return
    toctrees = [node for node in doctree.findall(addnodes.toctree) if node.get("caption")]
    catalogue = _page_catalogue(app, app.env.docname) if toctrees else None
    for toctree in toctrees if catalogue else []:
        toctree["caption"] = catalogue.gettext(toctree["caption"])


def setup(app: Sphinx) -> dict:
    app.add_config_value("kazspace_language_switch", None, "html")
    app.connect("config-inited", _interface_catalogues, priority=900)
    app.connect("html-page-context", _switch_context)
    app.connect("doctree-resolved", _alt_text)
    app.connect("doctree-read", _toc_captions, priority=100)   # before Sphinx collects the table of contents
    return {"parallel_read_safe": True, "parallel_write_safe": True}
