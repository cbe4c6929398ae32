"""Every notebook gives the same outputs every time it runs, and every notebook that stores outputs passes strict nbval.

Each notebook (MyST .md pages and .ipynb exercises) is executed twice with nbclient, two notebooks at a time, and the
outputs of the two runs are compared after normalising only what is random by design. A timestamp, a memory address
(``<... at 0x7f...>``), unseeded randomness, an unstable set or dict order or a temp path in an output is a defect:
fix it where it is made, not here. The two runs use different PYTHONHASHSEEDs, so an output that depends on the
iteration order of a set of strings differs between them.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat
import pytest
from myst_nb.core.read import is_myst_markdown_notebook
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"_build", ".venv", ".git", "node_modules", ".ipynb_checkpoints", ".pytest_cache", "fixtures"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def repo_files(suffix: str) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(REPO):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        found += [Path(folder) / f for f in sorted(files) if f.endswith(suffix)]
    return found


#: student/ holds copies of lessons/ and exercises/ with the solutions stripped (``make student``; test_editions
#: checks they match their sources), so their cells are the sources' cells: running them again would double the time.
DERIVED = ("student",)


def notebooks() -> list[Path]:
    """Every notebook of the repository: MyST Markdown notebooks and .ipynb files (not build output or copies)."""
    markdown = [p for p in repo_files(".md") if is_myst_markdown_notebook(p.read_text(encoding="utf-8"))]
    return sorted(p for p in markdown + repo_files(".ipynb") if p.relative_to(REPO).parts[0] not in DERIVED)


def read(path: Path) -> nbformat.NotebookNode:
    if path.suffix == ".md":
        return jupytext.read(path, fmt="md:myst")
    return nbformat.read(path, as_version=4)


def execute(path: Path, run: int) -> list:
    """The outputs of every code cell after one run, in the notebook's folder, 120 s per cell."""
    notebook = read(path)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute(env={**os.environ, "PYTHONHASHSEED": str(run)})
    return [cell.get("outputs", []) for cell in notebook.cells if cell.cell_type == "code"]


def normalise(outputs: list) -> list:
    """Outputs with only the per-run random parts replaced.

    - ipywidgets model ids: a widget's model id is a fresh uuid4 every time the widget is created (ipywidgets
      ``Widget.open``); it names the live model in the kernel and carries no content. The widget's state is compared
      through its text/plain form, which lists its children and values.
    Nothing else is normalised.
    """
    outputs = copy.deepcopy(outputs)
    for cell in outputs:
        for output in cell:
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view and "model_id" in view:
                view["model_id"] = "<model_id>"
    return outputs


@pytest.fixture(scope="module")
def runs():
    """Both runs of every notebook, two notebooks at a time (this machine has two cores)."""
    jobs = [(path, run) for path in notebooks() for run in (1, 2)]

    def attempt(job):
        try:
            return job, execute(*job)
        except Exception as error:  # reported by the notebook's own test below
            return job, error

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(attempt, jobs))


def test_every_notebook_is_found():
    found = {p.relative_to(REPO).as_posix() for p in notebooks()}
    assert {"lessons/cosmonauts.md", "book/data.md", "exercises/data-skills.ipynb"} <= found
    assert not any(part in SKIP_DIRS for p in found for part in Path(p).parts)


def first_difference(one: list, two: list) -> str:
    for number, (a, b) in enumerate(zip(one, two)):
        if a != b:
            left, right = json.dumps(a, indent=1, sort_keys=True), json.dumps(b, indent=1, sort_keys=True)
            at = next((i for i, (x, y) in enumerate(zip(left, right)) if x != y), min(len(left), len(right)))
            return (f"code cell {number}: the runs differ at\n  run 1: …{left[max(0, at - 120):at + 120]}…\n"
                    f"  run 2: …{right[max(0, at - 120):at + 120]}…")
    return f"the runs have {len(one)} and {len(two)} code cells"


@pytest.mark.build
@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_two_runs_give_the_same_outputs(path, runs):
    first, second = runs[(path, 1)], runs[(path, 2)]
    for result in (first, second):
        if isinstance(result, Exception):
            raise result
    one, two = normalise(first), normalise(second)
    assert one == two, first_difference(one, two)


def test_normalise_touches_only_widget_model_ids():
    output = {"output_type": "display_data", "metadata": {},
              "data": {WIDGET_VIEW: {"version_major": 2, "version_minor": 0, "model_id": "0123abcd" * 4},
                       "text/plain": "<object at 0x7f00deadbeef>"}}
    (normalised,), = normalise([[output]])
    assert normalised["data"][WIDGET_VIEW]["model_id"] == "<model_id>"
    assert normalised["data"]["text/plain"] == "<object at 0x7f00deadbeef>"  # a memory address is a defect, kept
    assert output["data"][WIDGET_VIEW]["model_id"] == "0123abcd" * 4  # the original is left alone


# ------------------------------------------------------------------------------ strict nbval where outputs are stored

def stored_outputs(path: Path) -> bool:
    notebook = nbformat.read(path, as_version=4)
    return any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def strict_nbval(paths: list[Path], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "--nbval", "--nbval-cell-timeout=120", "-p",
                           "no:cacheprovider", "-q", *map(str, paths)], cwd=cwd, capture_output=True, text=True,
                          timeout=1200)


def test_notebooks_with_stored_outputs_pass_strict_nbval():
    """A notebook saved with outputs promises those outputs: strict nbval re-runs it and compares every one.

    Today no notebook stores outputs (the exercises are saved empty and the .md notebooks cannot hold any), and
    this test says so; a notebook committed with outputs is checked strictly here.
    """
    stored = [p for p in repo_files(".ipynb") if stored_outputs(p)]
    if not stored:
        return
    result = strict_nbval(stored, REPO)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


@pytest.mark.build
def test_strict_nbval_catches_a_stored_output_that_changed(tmp_path):
    """The check above really is strict: a stored output that no longer matches fails, a matching one passes."""
    for name, stored in (("good", "42\n"), ("stale", "41\n")):
        cell = nbformat.v4.new_code_cell("print(6 * 7)", execution_count=1,
                                         outputs=[nbformat.v4.new_output("stream", name="stdout", text=stored)])
        notebook = nbformat.v4.new_notebook(cells=[cell])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, tmp_path / f"{name}.ipynb")
    assert stored_outputs(tmp_path / "good.ipynb")
    result = strict_nbval([tmp_path / "good.ipynb", tmp_path / "stale.ipynb"], tmp_path)
    assert re.search(r"\b1 failed, 1 passed\b", result.stdout), result.stdout[-3000:]
    assert re.search(r"FAILED \S*stale\.ipynb", result.stdout)
    assert not re.search(r"FAILED \S*good\.ipynb", result.stdout)
