"""Every page in the table of contents exists, and every notebook file is well formed.

This runs before the build, so a malformed notebook is named with the place of the fault instead of surfacing as a
traceback deep inside Sphinx.
"""

import json
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml
from myst_nb.core.read import is_myst_markdown_notebook

REPO = Path(__file__).resolve().parent.parent


def toc_pages() -> list[Path]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]
    return [next((REPO / f"{name}{suffix}" for suffix in (".md", ".ipynb") if (REPO / f"{name}{suffix}").exists()),
                 REPO / name) for name in names]


def notebook_problem(path: Path) -> str | None:
    """Why a notebook file cannot be read, naming the file and the place, or None."""
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    try:
        if path.suffix == ".ipynb":
            text = path.read_text(encoding="utf-8")
            json.loads(text)  # for the line and column of a JSON fault
            notebook = nbformat.reads(text, as_version=4)
        else:
            notebook = jupytext.reads(path.read_text(encoding="utf-8"), fmt="md:myst")
        nbformat.validate(notebook)
    except json.JSONDecodeError as error:
        return f"{shown}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
    except nbformat.ValidationError as error:
        return f"{shown}: not a valid notebook: {error.message}"
    except Exception as error:  # any other reader failure is reported, not raised
        return f"{shown}: cannot be read as a notebook: {error}"
    return None


def notebook_files() -> list[Path]:
    files = sorted((REPO / "exercises").glob("*.ipynb"))
    for folder in ("lessons", "book"):
        files += [p for p in sorted((REPO / folder).glob("*.md"))
                  if is_myst_markdown_notebook(p.read_text(encoding="utf-8"))]
    return files


@pytest.mark.parametrize("page", toc_pages(), ids=lambda p: p.name)
def test_every_toc_entry_exists(page):
    assert page.is_file(), f"_toc.yml lists {page.relative_to(REPO)}, which does not exist"


@pytest.mark.parametrize("path", notebook_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_notebook_file_is_well_formed(path):
    assert notebook_problem(path) is None, notebook_problem(path)


def test_a_truncated_notebook_is_named_with_line_and_column(tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [ {"cell_type": "code", "source": "1"', encoding="utf-8")
    problem = notebook_problem(broken)
    assert problem.startswith(str(broken)) and "line 1, column 48" in problem


def test_a_notebook_with_a_wrong_structure_is_named(tmp_path):
    broken = tmp_path / "wrong.ipynb"
    broken.write_text(json.dumps({"cells": [{"cell_type": "poem"}], "metadata": {}, "nbformat": 4,
                                  "nbformat_minor": 5}), encoding="utf-8")
    assert "not a valid notebook" in notebook_problem(broken)
