"""Let nbval collect MyST Markdown notebooks (lessons and book pages), not only .ipynb files.

The .md notebooks store no outputs, so their cells are checked lax: each must run without error.
"""

from collections import defaultdict

import jupytext
from myst_nb.core.read import is_myst_markdown_notebook
from nbval.plugin import IPyNbCell, IPyNbFile, find_metadata_tags


class MystNotebookFile(IPyNbFile):
    def collect(self):
        self.nb = jupytext.read(self.path, fmt="md:myst")
        code_cells = [cell for cell in self.nb.cells if cell.cell_type == "code"]
        for number, cell in enumerate(code_cells):
            options = defaultdict(bool, find_metadata_tags(cell.metadata))
            options["check"] = False
            yield IPyNbCell.from_parent(self, name=f"Cell {number}", cell_num=number, cell=cell, options=options)


def pytest_collect_file(file_path, parent):
    option = parent.config.option
    if not (getattr(option, "nbval", False) or getattr(option, "nbval_lax", False)) or file_path.suffix != ".md":
        return None
    if is_myst_markdown_notebook(file_path.read_text(encoding="utf-8")):
        return MystNotebookFile.from_parent(parent, path=file_path)
    return None
