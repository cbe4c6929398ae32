"""Student and teacher editions from one source.

- The teacher edition of the book is built from the same files with ``kazspace_edition: teacher`` and one more page
  (the answer keys): ``python -m kazspace.editions teacher-config OUT`` writes its _config.yml and _toc.yml.
- Student notebooks are the lessons and exercises with every solution block, teacher note and solution cell removed.
  ``python -m kazspace.editions student`` writes them to ``student/``; ``--check`` fails if the committed copies
  differ from the sources. Binder's postBuild strips the launched files in place the same way.
- Exercise stubs (cells tagged ``exercise-stub``) are checked against the solution cell that follows them.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat
import yaml

REPO = Path(__file__).resolve().parent.parent
STUDENT_DIR = REPO / "student"
#: Folders whose notebooks students launch.
LAUNCHED = ("lessons", "exercises")
#: MyST directives that only the teacher edition keeps.
TEACHER_ONLY_DIRECTIVES = ("solution", "teacher-note")
#: Cell tags that only the teacher edition keeps.
TEACHER_ONLY_TAGS = ("solution", "teacher-note")
TEACHER_PAGES = ["book/answer-keys"]
_FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}")


def strip_directives(text: str, names: tuple[str, ...] = TEACHER_ONLY_DIRECTIVES) -> str:
    """Remove fenced MyST directives such as ```{solution} … ``` (and :::{teacher-note} … :::) from Markdown."""
    kept: list[str] = []
    closing: str | None = None
    for line in text.splitlines(keepends=True):
        if closing is not None:
            stripped = line.strip()
            if stripped and set(stripped) == {closing[0]} and len(stripped) >= len(closing):
                closing = None
            continue
        match = _FENCE.match(line)
        if match and match.group("name") in names:
            closing = match.group("fence")
            continue
        kept.append(line)
    if closing is not None:
        raise ValueError(f"a {{{names}}} block is not closed")
    return re.sub(r"\n{3,}", "\n\n", "".join(kept))


def strip_notebook(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy without solution/teacher-note cells and with teacher-only directives removed from Markdown."""
    student = copy.deepcopy(notebook)
    student.cells = [cell for cell in student.cells
                     if not set(cell.metadata.get("tags", [])) & set(TEACHER_ONLY_TAGS)]
    for cell in student.cells:
        if cell.cell_type == "markdown":
            cell.source = strip_directives(cell.source)
    return student


def student_text(path: Path) -> str:
    """The student version of one launched file, as text."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return strip_directives(text)
    return nbformat.writes(strip_notebook(nbformat.reads(text, as_version=4))) + "\n"


def launched_files() -> list[Path]:
    files = []
    for folder in LAUNCHED:
        files += [p for p in sorted((REPO / folder).iterdir())
                  if p.suffix in (".md", ".ipynb") and not p.name.startswith("_")]
    return files


def write_student_copies(target: Path = STUDENT_DIR) -> list[Path]:
    written = []
    for source in launched_files():
        out = target / source.relative_to(REPO)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(student_text(source), encoding="utf-8")
        written.append(out)
    return written


def stale_student_copies(target: Path = STUDENT_DIR) -> list[str]:
    """Student copies that are missing, differ from their source, or have no source any more."""
    problems = []
    expected = {target / source.relative_to(REPO): source for source in launched_files()}
    for out, source in expected.items():
        if not out.exists():
            problems.append(f"{out.relative_to(REPO)} is missing (run: make student)")
        elif out.read_text(encoding="utf-8") != student_text(source):
            problems.append(f"{out.relative_to(REPO)} differs from {source.relative_to(REPO)} (run: make student)")
    for out in sorted(target.rglob("*")):
        if out.is_file() and out not in expected:
            problems.append(f"{out.relative_to(REPO)} has no source any more (delete it, or run: make student)")
    return problems


def strip_in_place(paths: list[Path]) -> None:
    """What Binder's postBuild runs, so that a launched notebook holds no solution."""
    for path in paths:
        path.write_text(student_text(path), encoding="utf-8")


def stub_problems(notebook: nbformat.NotebookNode, name: str = "notebook") -> list[str]:
    """Every exercise stub must be followed by its solution, and every line of the stub that is not a gap (``...``)
    must appear, in order, in the solution: so the two cannot drift apart."""
    problems = []
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if "exercise-stub" not in cell.metadata.get("tags", []):
            continue
        following = cells[index + 1] if index + 1 < len(cells) else None
        if following is None or "solution" not in following.metadata.get("tags", []):
            problems.append(f"{name}, cell {index}: an exercise stub must be followed by a cell tagged 'solution'")
            continue
        solution_lines = [line.strip() for line in following.source.splitlines() if line.strip()]
        position = 0
        for line in (line.strip() for line in cell.source.splitlines()):
            if not line or "..." in line:
                continue
            try:
                position = solution_lines.index(line, position) + 1
            except ValueError:
                problems.append(f"{name}, cell {index}: stub line {line!r} is not in the solution (in this order)")
    return problems


def teacher_files(out: Path) -> tuple[Path, Path]:
    """A _config.yml and _toc.yml for the teacher edition, written to ``out``."""
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = f"{config['title']}: teacher edition"
    config["sphinx"]["config"]["kazspace_edition"] = "teacher"
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc["parts"]:
        if part["caption"] == "For teachers":
            part["chapters"] += [{"file": page} for page in TEACHER_PAGES]
    out.mkdir(parents=True, exist_ok=True)
    (out / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (out / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out / "_config.yml", out / "_toc.yml"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "teacher-config" and len(argv) == 3:
        for path in teacher_files(Path(argv[2])):
            print(path)
        return 0
    if command == "student" and argv[2:] in ([], ["--check"]):
        if argv[2:] == ["--check"]:
            problems = stale_student_copies()
            print("\n".join(problems) or "student copies are up to date")
            return 1 if problems else 0
        for path in write_student_copies():
            print(path.relative_to(REPO))
        return 0
    if command == "strip-in-place" and len(argv) > 2:
        strip_in_place([Path(p) for p in argv[2:]])
        return 0
    print("usage: python -m kazspace.editions teacher-config OUT | student [--check] | strip-in-place FILE…",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
