"""The built student book holds no solution, answer key or teacher note that the teacher edition shows.

Runs after the build stage, on the two editions that tests/test_build.py built.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
TEACHER_HTML = REPO / "_build" / "test-teacher" / "_build" / "html"


class _TeacherOnlyText(HTMLParser):
    """Collects the text inside elements that only the teacher edition may contain.

    A solution's title repeats its exercise's title ("Solution to Exercise 1.1 (…)"), which the student book shows
    with the exercise, so titles are not collected.
    """

    MARKERS = ("teacher-note", "solution", "tag_solution")

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.title_depth = 0
        self.chunks: list[str] = []
        self.shared: list[str] = []  # text outside the teacher-only elements

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth or any(c in self.MARKERS or c.startswith("solution") for c in classes):
            self.depth += 1
            if self.title_depth or "admonition-title" in classes:
                self.title_depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if self.title_depth:
            self.title_depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.shared.append(" ".join(data.split()))
        elif not self.title_depth and len(data.strip()) >= 25:
            self.chunks.append(" ".join(data.split()))


def _page_text(path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).split())


def test_no_solution_or_teacher_note_reaches_the_student_book(book_html):
    student_html, teacher_html = book_html, TEACHER_HTML
    if not (teacher_html / "index.html").is_file():
        pytest.fail(f"There is no teacher edition in {teacher_html}: run `make test-build` first.", pytrace=False)
    leaked, found = [], 0
    for teacher_page in sorted(teacher_html.rglob("*.html")):
        relative = teacher_page.relative_to(teacher_html)
        parser = _TeacherOnlyText()
        parser.feed(teacher_page.read_text(encoding="utf-8"))
        found += len(parser.chunks)
        student_page = student_html / relative
        if not student_page.exists():
            continue  # teacher-only pages (the answer keys) are not in the student book at all
        student_text = _page_text(student_page)
        # Text that the lesson itself also shows (a formula, a title) is not a leak.
        shared = " ".join(parser.shared)
        leaked += [f"{relative}: {chunk[:80]}" for chunk in parser.chunks
                   if chunk in student_text and chunk not in shared]
    assert found > 20, "the teacher edition should contain solutions and teacher notes"
    assert leaked == []
    assert not (student_html / "book" / "answer-keys.html").exists()
    assert (teacher_html / "book" / "answer-keys.html").exists()
