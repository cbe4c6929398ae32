"""The exercise notebooks: valid, saved without outputs, built on kazspace, no answers typed into code."""

import re
from pathlib import Path

import nbformat
import pytest

import kazspace
from kazspace import checking, exercises as kex

EXERCISES = Path(__file__).resolve().parent.parent / "exercises"
NOTEBOOKS = sorted(EXERCISES.glob("*.ipynb"))
NOTE = ("The widgets work in a running notebook: use the launch button (Binder or your school's JupyterHub). "
        "On this static page you see their starting state.")


def expected_answers() -> set[str]:
    """Every expected answer the checkers compute, as text a notebook could contain."""
    year = checking.question_year()
    s = kazspace.satellites()
    values = {checking.question_year(), checking.satellites_from(), len(checking.geostationary()),
              int(checking.launches_per_year("Baikonur", *kex.DEFAULT_YEARS).sum()),
              *checking.busiest_years("Baikonur", *kex.DEFAULT_YEARS),
              int(checking.days_in_space("musabayev")),
              int(((kazspace.launches()["year"] == year) & (kazspace.launches()["site"] == "Baikonur")).sum()),
              *s["launch_year"].astype(int)}
    names = {checking.longest_in_space(), *checking.geostationary(), *checking.busiest_site(year),
             *kazspace.flights()["launch_spacecraft"]}
    return {str(v) for v in values} | names


def test_there_is_one_notebook_per_chapter():
    names = {p.name for p in NOTEBOOKS}
    assert {"baikonur-exercises.ipynb", "cosmonauts-exercises.ipynb", "programme-exercises.ipynb",
            "data-skills.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_valid_and_has_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_starts_with_title_purpose_time_and_the_note(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown"
    assert re.search(r"^# \S", first.source, re.M)
    assert "**What you practise:**" in first.source and "**Time needed:**" in first.source
    assert NOTE in first.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_uses_kazspace_and_types_no_answers(path):
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "import kazspace" in code and "exercises as kex" in code
    assert "pd.read_csv" not in code and "data/" not in code
    answers = expected_answers()
    numbers = set(re.findall(r"\d+", code))
    strings = set(re.findall(r"[\"']([^\"']+)[\"']", code))
    assert not numbers & answers, f"literal answer in code: {numbers & answers}"
    assert not {s for s in strings if s in answers}, "a name that is an answer is typed in the code"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_widget_and_quiz_cells_are_tagged_for_nbval(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and ("_exercise()" in cell.source or "explorer()" in cell.source
                                         or "quiz.show" in cell.source):
            assert "nbval-ignore-output" in cell.metadata.get("tags", []), cell.source
