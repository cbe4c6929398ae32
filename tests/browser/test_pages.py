"""Every page of the built book, opened in headless Chromium: accessible, and loading nothing from other hosts.

Accessibility: axe-core (the copy bundled with axe-playwright-python) finds no serious or critical violation, with
the rule label-content-name-mismatch switched on (axe ships it off, as experimental); every <img> has alt text; the
headings of the article do not skip a level; <html lang> is set.
Privacy and offline use: served from 127.0.0.1, a page requests nothing from any other host (requests elsewhere are
recorded, then aborted) and every request it makes succeeds; opened from the folder (file://, no server), the
maths and the saved widget views render with no request leaving the machine.
"""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from builds import BOOK_HTML, EDITION_ROOTS, KK_HTML, built_pages

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
PAGES = built_pages(BOOK_HTML) or ["(no built book)"]
#: Every page of both editions: (language, page).
EDITION_PAGES = [("en", page) for page in PAGES] + [("kk", page) for page in built_pages(KK_HTML) or ["(none)"]]
AXE_OPTIONS = {"rules": {"label-content-name-mismatch": {"enabled": True}}, "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}
NOT_NETWORK = ("data:", "blob:", "about:")

# Resolves once the page has settled: MathJax has typeset, and every saved widget view is drawn.
SETTLED_JS = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  const drawn = () => [...document.querySelectorAll('.widget-subarea')].filter(area => area.children.length).length;
  for (let i = 0; i < 300 && drawn() < views; i++) { await new Promise(resolve => setTimeout(resolve, 100)); }
  return [views, drawn()];
}"""

# sphinx-thebe's configuration script appears twice in every page's head (upstream), so its `const` fails the second
# time; the values are the same and thebe is not used (its launch button is off).
KNOWN_ERRORS = ("Identifier 'THEBE_JS_URL' has already been declared",)

# The checks axe does not make: alt text, heading levels, the page language.
DOM_FACTS_JS = """() => {
  const article = document.querySelector('article') || document.body;
  return {
    lang: document.documentElement.getAttribute('lang') || '',
    switches: [...document.querySelectorAll('a.kazspace-language-switch')].map(a => a.getAttribute('hreflang')),
    imagesWithoutAlt: [...document.querySelectorAll('img')]
      .filter(img => !(img.getAttribute('alt') || '').trim()).map(img => img.getAttribute('src').slice(0, 80)),
    headings: [...article.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .map(h => [Number(h.tagName[1]), h.textContent.trim().replace(/#$/, '').slice(0, 60)]),
  };
}"""


def heading_skips(headings: list) -> list[str]:
    """Headings more than one level deeper than the heading before them (the first must be an h1)."""
    problems, previous = [], 0
    for level, text in headings:
        if level > previous + 1:
            problems.append(f"h{level} '{text}' follows h{previous}" if previous else f"the first heading is h{level}")
        previous = level
    return problems


def axe_summary(violations: list) -> list[str]:
    lines = []
    for violation in violations:
        if violation["impact"] in BLOCKING:
            targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:4])
            lines.append(f"axe {violation['impact']} {violation['id']} ({violation['help']}), "
                         f"{len(violation['nodes'])} nodes: {targets}")
    return lines


@pytest.mark.parametrize("language,path", EDITION_PAGES)
def test_page_is_accessible_and_loads_nothing_from_other_hosts(language, path, site_server, browser):
    base = urlsplit(site_server)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested, failed = [], []
    context.on("request", lambda request: requested.append(request.url))
    context.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
    context.on("response", lambda response: response.status >= 400 and failed.append(
        f"{response.url} (HTTP {response.status})"))
    context.route(lambda url: urlsplit(url).netloc != base.netloc, lambda route: route.abort())
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_server + EDITION_ROOTS[language] + path, wait_until="networkidle", timeout=60_000)
        views, drawn = page.evaluate(SETTLED_JS)
        loading = (list(requested), list(failed))  # the page's own requests (axe then fetches the stylesheets)
        page.add_script_tag(path=str(AXE_FILE_PATH))
        results = page.evaluate(f"axe.run({json.dumps(AXE_OPTIONS)})")
        facts = page.evaluate(DOM_FACTS_JS)
    finally:
        context.close()

    requested, failed = loading
    other_hosts = sorted({url for url in requested if not url.startswith(NOT_NETWORK)
                          and urlsplit(url).netloc != base.netloc})
    problems = axe_summary(results["violations"])
    problems += [f"requested from another host: {url}" for url in other_hosts]
    problems += [f"request failed: {failure}" for failure in failed if not any(url in failure for url in other_hosts)]
    problems += [f"JavaScript error: {error}" for error in errors if error not in KNOWN_ERRORS]
    if drawn < views:
        problems.append(f"only {drawn} of {views} saved widget views were drawn")
    problems += [f"<img> without alt text: {src}" for src in facts["imagesWithoutAlt"]]
    problems += [f"heading skips a level: {skip}" for skip in heading_skips(facts["headings"])]
    if facts["lang"] != language:
        problems.append(f"<html lang> is {facts['lang']!r}, not {language!r}")
    if facts["switches"] != [other for other in EDITION_ROOTS if other != language]:
        problems.append(f"language switch to {facts['switches']}")
    assert not problems, f"{language}/{path}:\n  " + "\n  ".join(problems)


def test_every_built_page_is_tested(book_html):
    """The pages above are the book's: the table of contents' pages are among them (none silently missing)."""
    import yaml

    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
    assert {f"{name}.html" for name in files} <= set(PAGES)


def test_the_book_works_offline_from_a_folder(book_html, browser):
    """Opened as files (no server, no network), pages render their maths and saved widget views, and no request
    leaves the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested, failed = [], []
    context.on("request", lambda request: requested.append(request.url))
    context.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto((book_html / "lessons" / "orbit-physics.html").as_uri(), wait_until="load")
        assert page.evaluate(SETTLED_JS)[1] >= 1, "no saved widget view was drawn"
        assert page.locator("mjx-container").count() > 0, "MathJax typeset no equation"
        assert page.locator("mjx-container mjx-merror").count() == 0, "MathJax reported an error"
        assert page.locator(".cell_output .widget-slider .noUi-handle").count() > 0

        exercises = sorted((book_html / "exercises").glob("*.html"))
        with_widgets = [p for p in exercises if "application/vnd.jupyter.widget-view+json" in p.read_text("utf-8")]
        assert with_widgets, "no exercise page embeds a saved widget view"
        page.goto(with_widgets[0].as_uri(), wait_until="load")
        views, drawn = page.evaluate(SETTLED_JS)
        assert views >= 1 and drawn == views, f"{drawn} of {views} saved widget views drawn"
        assert page.locator(".cell_output .widget-subarea button").count() > 0
    finally:
        context.close()

    leaving = sorted({url for url in requested if not url.startswith(("file:", *NOT_NETWORK))})
    assert leaving == [], "requests that leave the machine:\n" + "\n".join(leaving)
    assert failed == [], "local files that failed to load:\n" + "\n".join(failed)
