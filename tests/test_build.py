"""The book builds strictly, and a broken cell, a broken reference, a malformed notebook or a hung cell fail the
build (and nbval) with a message that names the file and the place.

Small books for the failure cases use the project's own _config.yml, so these tests check our settings.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import jupyter_book_build

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build

FRONT_MATTER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


def toc_files(toc: dict) -> list[str]:
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files += [section["file"] for section in chapter.get("sections", [])]
    return files


def sphinx_warnings(log: str) -> list[str]:
    # ipykernel 7 prints a TCP notice at every kernel start; it is not a Sphinx warning.
    return [line for line in log.splitlines() if "WARNING:" in line and "Kernel is running over TCP" not in line]


# Each edition builds on its own xdist worker (make test runs this stage with -n 2 --dist loadgroup).
@pytest.mark.parametrize("edition", [pytest.param("student", marks=pytest.mark.xdist_group("student")),
                                     pytest.param("teacher", marks=pytest.mark.xdist_group("teacher")),
                                     pytest.param("kazakh", marks=pytest.mark.xdist_group("teacher"))])
def test_each_edition_builds_with_no_warnings_and_every_page_exists(edition, request):
    result, html = request.getfixturevalue(f"{edition}_build")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-6000:]
    assert sphinx_warnings(log) == [], "\n".join(sphinx_warnings(log))
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    for page in toc_files(toc):
        assert (html / f"{page}.html").is_file(), page


@pytest.mark.xdist_group("student")
def test_the_kazakh_catalogues_hold_every_text_of_the_english_pages(student_build, tmp_path):
    """A fresh gettext extraction (from the teacher edition, which holds every text of both editions) finds no
    English text that the catalogues in locales/kk lack: a new or changed sentence fails here until `make po` and a
    translation. The English notebooks' outputs come from the student build's cache, so nothing executes twice."""
    from kazspace.translation import catalogue_files, config_files, is_page_catalogue, LOCALES, _read

    config, toc = config_files(tmp_path / "config", gettext=True,
                               cache=REPO / "_build" / "test" / "_build" / ".jupyter_cache")
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(REPO), "--path-output",
               str(tmp_path / "out"), "--config", str(config), "--toc", str(toc),
               "--builder", "custom", "--custom-builder", "gettext"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    templates = tmp_path / "out" / "_build" / "gettext"
    missing = []
    for template in sorted(templates.rglob("*.pot")):
        name = template.relative_to(templates).with_suffix(".po")
        if name.as_posix() == "sphinx.po":
            continue                   # the interface catalogue is the book's own (kazspace/sphinx_i18n.py)
        catalogue = LOCALES / "kk" / "LC_MESSAGES" / name
        have = {m.id for m in _read(catalogue) if m.id} if catalogue.exists() else set()
        missing += [f"{name}: {m.id[:80]!r}" for m in _read(template) if m.id and m.id not in have]
    assert missing == [], f"{len(missing)} English texts not in the Kazakh catalogues (run: make po):\n" + \
        "\n".join(missing[:30])


@pytest.fixture
def small_book(tmp_path):
    """A one-page book with the project's configuration; the test writes the page."""
    book = tmp_path / "book"
    (book / "book").mkdir(parents=True)
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "force"
    for key in ("html_extra_path", "templates_path"):  # folders of the project (vendored JavaScript, templates)
        config["sphinx"]["config"][key] = [str(REPO / path) for path in config["sphinx"]["config"][key]]
    (book / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (book / "book" / "references.bib").write_text("", encoding="utf-8")

    def build(page_name: str, page_text: str | None = None, raw: bytes | None = None, timeout: int | None = None):
        if timeout is not None:
            config["execute"]["timeout"] = timeout
            (book / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        (book / "_toc.yml").write_text(f"format: jb-book\nroot: {Path(page_name).with_suffix('')}\n", encoding="utf-8")
        target = book / page_name
        target.parent.mkdir(parents=True, exist_ok=True)
        if raw is not None:
            target.write_bytes(raw)
        else:
            target.write_text(page_text, encoding="utf-8")
        result = jupyter_book_build(book, tmp_path / "out")
        return result.returncode, result.stdout + result.stderr

    return build


def test_a_failing_cell_fails_the_build_naming_the_notebook_and_the_error(small_book):
    code, log = small_book("lessons/broken.md", FRONT_MATTER + "# Broken\n\n```{code-cell} ipython3\nx = 1\n```\n\n"
                           "```{code-cell} ipython3\n1 / 0\n```\n")
    assert code != 0
    assert "lessons/broken.md" in log and "ZeroDivisionError" in log


def test_a_cell_tagged_raises_exception_is_allowed_for_teaching(small_book):
    code, log = small_book("lessons/teaching.md", FRONT_MATTER + "# Errors teach\n\n```{code-cell} ipython3\n"
                           ":tags: [raises-exception]\nint('twelve')\n```\n")
    assert code == 0, log[-3000:]


def test_a_broken_cross_reference_fails_the_build_naming_file_and_line(small_book):
    code, log = small_book("book/page.md", "# Page\n\nSee {ref}`no-such-label`.\n")
    assert code != 0
    assert "book/page.md:3" in log and "no-such-label" in log


def test_a_malformed_notebook_fails_the_build_naming_the_file(small_book):
    code, log = small_book("exercises/bad.ipynb", raw=b'{"cells": [ {"cell_type": "code", "source": "1"')
    assert code != 0
    assert "exercises/bad" in log and "Notebook does not appear to be JSON" in log


def test_a_hung_cell_times_out_and_fails_the_build(small_book):
    code, log = small_book("lessons/slow.md", FRONT_MATTER + "# Slow\n\n```{code-cell} ipython3\nimport time\n"
                           "time.sleep(60)\n```\n", timeout=3)
    assert code != 0
    assert "lessons/slow.md" in log and "timed out" in log.lower()


def run_nbval(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "-q", str(path)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


@pytest.fixture
def fixture_dir(tmp_path):
    """A folder inside the repository, so that the root conftest (the MyST collector) applies to it."""
    folder = REPO / "_build" / "fixtures" / tmp_path.name
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_nbval_reports_the_failing_cell_of_a_myst_lesson(fixture_dir):
    lesson = fixture_dir / "lesson.md"
    lesson.write_text(FRONT_MATTER + "# L\n\n```{code-cell} ipython3\nx = 1\n```\n\n```{code-cell} ipython3\n"
                      "undefined_name\n```\n", encoding="utf-8")
    result = run_nbval(lesson)
    assert result.returncode != 0
    assert "lesson.md::Cell 1" in result.stdout and "NameError" in result.stdout


def test_nbval_fails_on_a_malformed_notebook(fixture_dir):
    notebook = fixture_dir / "bad.ipynb"
    notebook.write_text(json.dumps({"cells": "not a list"}), encoding="utf-8")
    result = run_nbval(notebook)
    assert result.returncode != 0
    assert "could not be converted" in result.stdout
