"""One source, two editions: students never see solutions or teacher notes, in the book or in their notebooks."""

import nbformat
import pytest

from kazspace import checking, editions, exercises

SAMPLE = """# Lesson

```{exercise} Count
:label: x-ex1

How many?
```

```{solution} x-ex1
:class: dropdown

Forty-two.

````{note}
A nested block inside the solution.
````
```

:::{teacher-note}
Ask the class first.
:::

````{teacher-note} Timing
Ten minutes.
````

Key points stay.
"""


def test_strip_directives_removes_solutions_and_teacher_notes_only():
    student = editions.strip_directives(SAMPLE)
    assert "{exercise} Count" in student and "How many?" in student and "Key points stay." in student
    for hidden in ("{solution}", "Forty-two", "nested block", "{teacher-note}", "Ask the class", "Ten minutes"):
        assert hidden not in student


def test_an_unclosed_solution_block_is_an_error_not_a_silent_loss():
    with pytest.raises(ValueError, match="not closed"):
        editions.strip_directives("```{solution} x\nanswer\n")


def test_strip_notebook_drops_tagged_cells_and_teacher_markdown():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("Intro\n\n:::{teacher-note}\nsecret\n:::\n"),
        nbformat.v4.new_code_cell("x = ...", metadata={"tags": ["exercise-stub"]}),
        nbformat.v4.new_code_cell("x = 42", metadata={"tags": ["solution"]}),
    ])
    student = editions.strip_notebook(notebook)
    assert [c.source.strip() for c in student.cells] == ["Intro", "x = ..."]
    assert len(notebook.cells) == 3, "the source notebook is not changed"


def test_a_stub_that_drifted_from_its_solution_is_reported():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("year = 2025\ncount = ...", metadata={"tags": ["exercise-stub"]}),
        nbformat.v4.new_code_cell("year = 2024\ncount = 6", metadata={"tags": ["solution"]}),
        nbformat.v4.new_code_cell("orphan = ...", metadata={"tags": ["exercise-stub"]}),
    ])
    problems = editions.stub_problems(notebook, "n.ipynb")
    assert problems == ["n.ipynb, cell 0: stub line 'year = 2025' is not in the solution (in this order)",
                        "n.ipynb, cell 2: an exercise stub must be followed by a cell tagged 'solution'"]


@pytest.mark.parametrize("path", sorted((editions.REPO / "exercises").glob("*.ipynb")), ids=lambda p: p.name)
def test_every_exercise_stub_matches_its_solution(path):
    assert editions.stub_problems(nbformat.read(path, as_version=4), path.name) == []


def test_the_committed_student_notebooks_match_their_sources():
    assert editions.stale_student_copies() == []


@pytest.mark.parametrize("path", sorted(p for p in editions.STUDENT_DIR.rglob("*") if p.is_file()),
                         ids=lambda p: str(p.relative_to(editions.REPO)))
def test_student_notebooks_hold_no_solution_and_no_teacher_note(path):
    text = path.read_text(encoding="utf-8")
    assert "{solution}" not in text and "{teacher-note}" not in text
    if path.suffix == ".ipynb":
        tags = {t for cell in nbformat.read(path, as_version=4).cells for t in cell.metadata.get("tags", [])}
        assert not tags & {"solution", "teacher-note"}


def test_binder_strips_the_launched_files_in_place(tmp_path):
    lesson = tmp_path / "lesson.md"
    lesson.write_text(SAMPLE, encoding="utf-8")
    editions.strip_in_place([lesson])
    assert "Forty-two" not in lesson.read_text(encoding="utf-8")
    post_build = (editions.REPO / "postBuild").read_text(encoding="utf-8")
    assert "kazspace.editions strip-in-place" in post_build


def test_the_answer_keys_are_what_the_checkers_accept():
    keys = exercises.answer_keys().set_index("question")["expected answer"]
    start, end = exercises.DEFAULT_YEARS
    year = checking.question_year()
    assert checking.check_busiest_year(keys[f"Busiest Baikonur year, {start}–{end}"], start, end).correct
    assert checking.check_total_launches(keys[f"Baikonur launches, {start}–{end}"], start, end).correct
    assert checking.check_days_in_space(keys["Musabayev's days in space"], "musabayev").correct
    assert checking.check_longest_in_space(keys["Longest in space"]).correct
    assert checking.check_geostationary(keys["Geostationary satellites"]).correct
    assert checking.check_launch_count(keys[f"Baikonur launches in {year}"], year).correct
    assert checking.check_busiest_site(keys[f"Busiest site in {year}"], year).correct
    assert checking.check_satellites_from(keys["Kazakh satellites launched from Baikonur"]).correct
