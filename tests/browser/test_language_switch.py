"""The language switch: every page of each edition links to the same page of the other, and a reader can go from
English to Kazakh and back in a real browser."""

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from builds import EDITION_ROOTS, built_pages

pytestmark = pytest.mark.browser


class Switches(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []   # (hreflang, href)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "kazspace-language-switch" in (attributes.get("class") or "").split():
            self.links.append((attributes.get("hreflang"), attributes.get("href")))


def test_every_page_links_to_the_same_page_in_the_other_edition(site):
    problems = []
    for language, root in EDITION_ROOTS.items():
        edition = site / root
        for page in built_pages(edition):
            text = (edition / page).read_text(encoding="utf-8")
            if 'http-equiv="Refresh"' in text:
                continue               # Jupyter Book's index.html only redirects to the first page
            parser = Switches()
            parser.feed(text)
            others = [other for other in EDITION_ROOTS if other != language]
            if [lang for lang, _ in parser.links] != others:
                problems.append(f"{root}{page}: switches to {parser.links}")
                continue
            for other, href in parser.links:
                # Resolved as a browser does: by the link's text, through the published layout.
                target = Path(os.path.normpath((edition / page).parent / href))
                if target != Path(os.path.normpath(site / EDITION_ROOTS[other] / page)) or not target.is_file():
                    problems.append(f"{root}{page}: the {other} switch goes to {href}")
    assert problems == [], "\n".join(problems[:30])


@pytest.mark.parametrize("page", ["lessons/cosmonauts.html", "exercises/programme-exercises.html"])
def test_the_switch_goes_to_kazakh_and_back_in_a_browser(page, site_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(site_server + EDITION_ROOTS["en"] + page, wait_until="load")
        english_title = tab.locator("h1").first.inner_text()
        assert tab.locator("html").get_attribute("lang") == "en"

        tab.get_by_role("link", name="Қазақша", exact=True).click()
        tab.wait_for_load_state("load")
        assert tab.url == site_server + EDITION_ROOTS["kk"] + page
        assert tab.locator("html").get_attribute("lang") == "kk"
        kazakh_title = tab.locator("h1").first.inner_text()
        assert kazakh_title != english_title and any("\u0400" <= c <= "\u04ff" for c in kazakh_title), kazakh_title

        tab.get_by_role("link", name="English", exact=True).click()
        tab.wait_for_load_state("load")
        assert tab.url == site_server + EDITION_ROOTS["en"] + page
        assert tab.locator("h1").first.inner_text() == english_title
    finally:
        context.close()
