"""Where the browser tests find the books that tests/test_build.py built (or other builds, by environment)."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: KAZSPACE_BOOK_HTML=path tests another build instead, e.g. _build/html from `make book`.
BOOK_HTML = Path(os.environ.get("KAZSPACE_BOOK_HTML") or REPO / "_build" / "test" / "_build" / "html").resolve()
#: The Kazakh edition that tests/test_build.py built (KAZSPACE_KK_HTML=path tests another, e.g. _build/kk/html).
KK_HTML = Path(os.environ.get("KAZSPACE_KK_HTML") or REPO / "_build" / "test-kk" / "_build" / "html").resolve()
#: Both editions laid out as published (html/ and kk/html/), so that the language switch's links work.
SITE = REPO / "_build" / "test-site"
EDITION_ROOTS = {"en": "html/", "kk": "kk/html/"}


def built_pages(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*.html")
                  if not path.relative_to(root).parts[0].startswith(("_", ".")))


