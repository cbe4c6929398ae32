"""Sphinx extension: one source, two editions.

``kazspace_edition = "student"`` (the default) removes every solution (sphinx-exercise's ``hide_solutions``), every
``teacher-note`` block and every notebook cell tagged ``solution``. ``"teacher"`` keeps them all.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

EDITIONS = ("student", "teacher")


class TeacherNote(Directive):
    """A note for teachers, written once in the lesson and shown only in the teacher edition."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self):
        if self.state.document.settings.env.config.kazspace_edition != "teacher":
            return []
        note = nodes.admonition(classes=["teacher-note"])
        title = self.arguments[0] if self.arguments else "Teacher note"
        note += nodes.title(title, title)
        self.state.nested_parse(self.content, self.content_offset, note)
        return [note]


def _choose_edition(app: Sphinx, config) -> None:
    if config.kazspace_edition not in EDITIONS:
        raise ValueError(f"kazspace_edition must be one of {EDITIONS}, not {config.kazspace_edition!r}")
    config.hide_solutions = config.kazspace_edition == "student"


def _remove_solution_cells(app: Sphinx, doctree: nodes.document) -> None:
    if app.config.kazspace_edition == "teacher":
        return
    for node in list(doctree.findall(nodes.container)):
        if "tag_solution" in node.get("classes", []):
            node.parent.remove(node)


def setup(app: Sphinx) -> dict:
    app.add_config_value("kazspace_edition", "student", "env")
    app.add_directive("teacher-note", TeacherNote)
    app.connect("config-inited", _choose_edition, priority=100)
    app.connect("doctree-read", _remove_solution_cells)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
