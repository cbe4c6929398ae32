"""Shared by the browser tests: Debian's chromium through pytest-playwright, and the book the strict build test built.

`make test` runs test-build (which builds the book into _build/test) before test-browser, so the book is built once.
KAZSPACE_BOOK_HTML=path tests another build instead, e.g. _build/html from `make book`.
"""

import functools
import http.server
import threading
from pathlib import Path

import pytest
from builds import BOOK_HTML, KK_HTML, SITE   # tests/browser/builds.py

CHROMIUM = Path("/usr/bin/chromium")
#: Playwright already adds headless, a temp profile and --disable-background-networking.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic"]


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


@pytest.fixture(scope="session")
def kk_html() -> Path:
    if not (KK_HTML / "index.html").is_file():
        pytest.fail(f"There is no built Kazakh edition in {KK_HTML}: run `make test-build` first.", pytrace=False)
    return KK_HTML


@pytest.fixture(scope="session")
def site(book_html, kk_html) -> Path:
    """The two editions side by side, as the language switch expects them (symbolic links, rebuilt each session)."""
    from helpers import link_editions   # tests/helpers.py

    return link_editions(SITE, book_html, kk_html)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def book_server(book_html):
    """The built book served on 127.0.0.1 (a free port) from a thread; yields its base URL, ending in '/'."""
    yield from _serve(book_html)


@pytest.fixture(scope="session")
def site_server(site):
    """Both editions served from one root: English under html/, Kazakh under kk/html/."""
    yield from _serve(site)


def _serve(root: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
