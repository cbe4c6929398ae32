"""Printable chapters: every lesson page of the built book printed to PDF by headless Chromium, then checked.

``python -m kazspace.pdf HTML_DIR OUT_DIR`` (``make pdf``). A check fails on an image that did not load in the page,
a PDF with fewer images than the page shows, or a PDF with no pages or an implausible number of them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from .teaching import toc_chapters

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic"]
MAX_PAGES = 60


@dataclass
class PrintedPage:
    page: str
    pdf: Path
    pages: int = 0
    images_in_page: int = 0
    images_in_pdf: int = 0
    problems: list[str] = field(default_factory=list)


def lesson_pages() -> list[str]:
    """The lesson pages in book order, e.g. 'lessons/cosmonauts'."""
    return [entry for _, entries in toc_chapters() for entry in entries if entry.startswith("lessons/")]


def count_pdf(path: Path) -> tuple[int, int]:
    """(pages, images) of a PDF."""
    reader = PdfReader(path)
    return len(reader.pages), sum(len(page.images) for page in reader.pages)


def check(printed: PrintedPage) -> PrintedPage:
    printed.pages, printed.images_in_pdf = count_pdf(printed.pdf)
    if not 1 <= printed.pages <= MAX_PAGES:
        printed.problems.append(f"{printed.pdf.name}: {printed.pages} pages (expected 1 to {MAX_PAGES})")
    if printed.images_in_pdf < printed.images_in_page:
        printed.problems.append(f"{printed.pdf.name}: the page shows {printed.images_in_page} images but the PDF "
                                f"has {printed.images_in_pdf}")
    return printed


def print_pages(html_dir: Path, out_dir: Path, pages: list[str], browser=None) -> list[PrintedPage]:
    """Print each page with ``browser`` (a Playwright Browser), or with a Chromium started here."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return print_pages(html_dir, out_dir, pages, own)
            finally:
                own.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for page_name in pages:
        printed = PrintedPage(page_name, out_dir / f"{Path(page_name).name}.pdf")
        page = browser.new_page()
        page.goto((html_dir / f"{page_name}.html").resolve().as_uri(), wait_until="load", timeout=60_000)
        broken = page.eval_on_selector_all(
            "article img", "images => images.filter(i => !i.complete || i.naturalWidth === 0)"
                           ".map(i => i.getAttribute('src'))")
        printed.images_in_page = page.eval_on_selector_all("article img", "images => images.length")
        printed.problems += [f"{page_name}: image {src} did not load" for src in broken]
        page.emulate_media(media="print")
        page.pdf(path=str(printed.pdf), format="A4", print_background=True,
                 margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
        page.close()
        results.append(check(printed))
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m kazspace.pdf HTML_DIR OUT_DIR", file=sys.stderr)
        return 2
    html_dir, out_dir = Path(argv[1]), Path(argv[2])
    if not (html_dir / "index.html").exists():
        print(f"{html_dir} has no built book: run make book first", file=sys.stderr)
        return 2
    results = print_pages(html_dir, out_dir, lesson_pages())
    for printed in results:
        print(f"{printed.pdf}: {printed.pages} pages, {printed.images_in_pdf} images"
              + ("" if not printed.problems else "  <- " + "; ".join(printed.problems)))
    return 1 if any(printed.problems for printed in results) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
