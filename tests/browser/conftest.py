"""Shared by the browser tests: Debian's chromium through pytest-playwright, and the book the strict build test built.

`make test` runs test-build (which builds the book into _build/test) before test-browser, so the book is built once.
KAZSPACE_BOOK_HTML=path tests another build instead, e.g. _build/html from `make book`.
"""

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: Playwright already adds headless, a temp profile and --disable-background-networking.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic"]
REPO = Path(__file__).resolve().parents[2]
BOOK_HTML = Path(os.environ.get("KAZSPACE_BOOK_HTML") or REPO / "_build" / "test" / "_build" / "html").resolve()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's `browser` fixture launches Debian's chromium (never `playwright install`)."""
    if not CHROMIUM.exists():
        pytest.skip("apt-get install -y chromium")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def book_html() -> Path:
    """The HTML of the book that tests/test_build.py built strictly."""
    if not (BOOK_HTML / "index.html").is_file():
        pytest.fail(f"There is no built book in {BOOK_HTML}: run `make test-build` first "
                    "(the strict build test builds it there).", pytrace=False)
    return BOOK_HTML


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def book_server(book_html):
    """The built book served on 127.0.0.1 (a free port) from a thread; yields its base URL, ending in '/'."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=book_html))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
