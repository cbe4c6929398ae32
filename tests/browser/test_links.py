"""No broken internal link or anchor in the built book: a plain HTML parse of every page (no browser, no network).

Every href, src and srcset that points inside the book names a file that exists there, and every #fragment names an
id (or <a name>) in its target page. No URL has a backslash (browsers read it as a slash). No page embeds a resource
(script, style sheet, image, frame...) from another host: links to other sites are fine.
Marked `browser` because it reads the book that test-build built, as the browser tests do.

External links need a network: `make linkcheck-external` runs the last test (marked `linkcheck`, skipped elsewhere)
on _build/html. It reads the built pages, so it also checks the links in notebook outputs (the sources' tables).
"""

import os
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser

SKIPPED_SCHEMES = ("http", "https", "mailto", "tel", "javascript", "data", "blob", "ftp")
#: Attributes whose URL the browser loads with the page (a <link> only if its rel loads something).
RESOURCES = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src"),
             ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
             ("object", "data"), ("input", "src"), ("track", "src")}
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest"}


class Page(HTMLParser):
    """The ids of a page and the local URLs it links to (script and style content is not parsed as HTML)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (where, url)
        self.resources: list[tuple[str, str]] = []  # (where, url) of what loads with the page

    def handle_starttag(self, tag, attrs):
        rels = set((dict(attrs).get("rel") or "").lower().split())
        if tag == "a" and "kazspace-language-switch" in (dict(attrs).get("class") or "").split():
            return  # leaves this edition for the other: test_language_switch.py checks it in the published layout
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
                continue
            if name in ("href", "src", "data", "poster"):
                urls = [value.strip()]
            elif name == "srcset":
                urls = [part.split()[0] for part in value.split(",") if part.strip()]
            else:
                continue
            where = f"<{tag} {name}>"
            if name != "data" and name != "poster":
                self.urls += [(where, url) for url in urls]
            if (tag, name) in RESOURCES or (tag == "link" and name == "href" and rels & LOADING_RELS):
                self.resources += [(where, url) for url in urls]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def broken_links(root: Path) -> list[str]:
    pages = {path: parse(path) for path in sorted(root.rglob("*.html"))
             if not path.relative_to(root).parts[0].startswith(("_", "."))}
    problems = []
    for path, page in pages.items():
        name = path.relative_to(root).as_posix()
        for where, url in page.urls:
            if "\\" in url:  # e.g. a BibTeX escape left in a URL: browsers read a backslash as a slash
                problems.append(f"{name}: {where} {url}: a backslash in the URL")
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:  # another site (or a scheme this check does not know)
                if parts.scheme and parts.scheme not in SKIPPED_SCHEMES:
                    problems.append(f"{name}: {where} {url}: unexpected URL scheme")
                continue
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if root.resolve() not in (target.resolve(), *target.resolve().parents):
                problems.append(f"{name}: {where} {url}: points outside the book")
            elif not target.is_file():
                problems.append(f"{name}: {where} {url}: no such file")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{name}: {where} {url}: no id '{unquote(parts.fragment)}' in "
                                    f"{target.relative_to(root.resolve()).as_posix()}")
    return problems


def resources_from_other_hosts(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.html")):
        if not path.relative_to(root).parts[0].startswith(("_", ".")):
            problems += [f"{path.relative_to(root).as_posix()}: {where} {url}" for where, url in parse(path).resources
                         if urlsplit(url).netloc or urlsplit(url).scheme in ("http", "https")]
    return problems


def test_no_page_embeds_anything_from_another_host(book_html):
    problems = resources_from_other_hosts(book_html.resolve())
    assert problems == [], "resources from other hosts (serve them from the book: see `make vendor`):\n" + \
        "\n".join(problems)


@pytest.mark.parametrize("edition", ["en", "kk"])
def test_no_broken_links_or_anchors(edition, book_html, kk_html):
    problems = broken_links((book_html if edition == "en" else kk_html).resolve())
    assert problems == [], f"{len(problems)} broken links:\n" + "\n".join(problems)


def test_the_checks_find_a_missing_file_a_missing_anchor_and_a_resource_from_another_host(tmp_path):
    (tmp_path / "a.html").write_text('<p id="here"><a href="b.html#there">b</a> <a href="#here">a</a>'
                                     '<img src="img/x.png" alt="x"><a href="#gone">?</a></p>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="top">B</h1><a href="a.html#here">a</a>'
                                     '<script>var s = "<a href=\\"nowhere.html\\">";</script>', encoding="utf-8")
    (tmp_path / "c.html").write_text('<link rel="stylesheet" href="https://cdn.example/x.css">'
                                     '<link rel="canonical" href="https://example.org/c.html">'
                                     '<a href="https://example.org/">fine</a><script src="//cdn.example/x.js"></script>'
                                     '<a href="https://example.org/a\\_b">escaped</a>',
                                     encoding="utf-8")
    assert resources_from_other_hosts(tmp_path) == ["c.html: <link href> https://cdn.example/x.css",
                                                    "c.html: <script src> //cdn.example/x.js"]
    assert sorted(broken_links(tmp_path)) == [
        "a.html: <a href> #gone: no id 'gone' in a.html",
        "a.html: <a href> b.html#there: no id 'there' in b.html",
        "a.html: <img src> img/x.png: no such file",
        "c.html: <a href> https://example.org/a\\_b: a backslash in the URL",
    ]


# ------------------------------------------------------------------------------------- external links (opt-in)

#: Hosts never requested: a Binder launch link starts a build of the repository.
NOT_REQUESTED = {"mybinder.org"}
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) kazspace-linkcheck (+https://github.com/kazakhstan-in-space/book)"


def external_links(root: Path) -> dict[str, set[str]]:
    """{url: pages} for every http(s) link of every page."""
    links: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.html")):
        if not path.relative_to(root).parts[0].startswith(("_", ".")):
            for _, url in parse(path).urls:
                if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname not in NOT_REQUESTED:
                    links.setdefault(url.split("#")[0], set()).add(path.relative_to(root).as_posix())
    return links


def answer(url: str, timeout: float = 20, attempts: int = 2) -> str | None:
    """None if the URL answers (after redirects) with a status below 400, else the problem."""
    problem = None
    for attempt in range(attempts):
        for method in ("HEAD", "GET"):  # some servers refuse HEAD
            request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    if response.status < 400:
                        return None
                    problem = f"HTTP {response.status}"
            except urllib.error.HTTPError as error:
                problem = f"HTTP {error.code}"
            except Exception as error:  # DNS, TLS, timeout, connection refused
                problem = f"{type(error).__name__}: {error}"
    return problem


@pytest.mark.linkcheck
@pytest.mark.skipif(os.environ.get("KAZSPACE_LINKCHECK") != "1", reason="needs a network: make linkcheck-external")
def test_external_links_answer(book_html):
    links = external_links(book_html.resolve())
    with ThreadPoolExecutor(max_workers=8) as pool:
        problems = dict(zip(links, pool.map(answer, links)))
    broken = [f"{url}: {problem} (on {', '.join(sorted(links[url]))})" for url, problem in problems.items() if problem]
    assert broken == [], f"{len(broken)} of {len(links)} external links do not answer:\n" + "\n".join(broken)
