"""make pdf: printed lessons are checked for their pages and their images."""

import re
import shutil
from pathlib import Path

import pytest

from kazspace import pdf

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]


def test_a_lesson_with_figures_prints_with_all_its_images(book_html, browser, tmp_path):
    [printed] = pdf.print_pages(book_html, tmp_path, ["lessons/orbit-physics"], browser)
    assert printed.problems == []
    assert printed.pages >= 1 and printed.images_in_page >= 1
    assert printed.images_in_pdf >= printed.images_in_page


def test_a_missing_image_is_reported(book_html, browser, tmp_path):
    copy = tmp_path / "html"
    shutil.copytree(book_html, copy)
    page = copy / "lessons" / "orbit-physics.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r'(<img [^>]*src=")[^"]*_images/[^"]+"', r'\1missing-figure.png"', text, count=1), encoding="utf-8")
    [printed] = pdf.print_pages(copy, tmp_path / "pdf", ["lessons/orbit-physics"], browser)
    assert any("missing-figure.png did not load" in p for p in printed.problems)


def test_lesson_pages_follow_the_table_of_contents():
    pages = pdf.lesson_pages()
    assert pages and all((REPO / f"{p}.md").exists() for p in pages)
