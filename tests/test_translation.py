"""The Kazakh catalogues: complete, not fuzzy, markup kept, glue in the path form, the glossary's terms and the
people's Kazakh names used; and the package's own catalogue up to date with its code.

That the catalogues are up to date with the English pages (no page text missing from them) needs a gettext
extraction: tests/test_build.py checks it.
"""

import os
import re

import pytest

from kazspace import i18n, translation
from kazspace.data import glossary, people


def kazakh_messages():
    """(file, English, Kazakh) of every entry in the page catalogues."""
    entries = []
    for path in translation.catalogue_files("kk"):
        if not translation.is_page_catalogue(path):
            continue
        for message in translation._read(path):
            if message.id and isinstance(message.id, str):
                entries.append((path.relative_to(translation.LOCALES).as_posix(), message.id, message.string))
    return entries


def test_every_catalogue_entry_is_translated_not_fuzzy_and_keeps_its_markup():
    problems = translation.catalogue_problems("kk")
    assert problems == [], f"{len(problems)} catalogue problems (make po, then translate):\n" + \
        "\n".join(map(str, problems[:40]))


def test_every_page_has_a_catalogue_and_the_interface_catalogues_exist():
    pages = {path.relative_to(translation.LOCALES / "kk" / "LC_MESSAGES").with_suffix("").as_posix()
             for path in translation.catalogue_files("kk") if translation.is_page_catalogue(path)}
    import yaml

    toc = yaml.safe_load((translation.REPO / "_toc.yml").read_text(encoding="utf-8"))
    files = {toc["root"]} | {chapter["file"] for part in toc["parts"] for chapter in part["chapters"]}
    assert files <= pages
    for name in (*translation.INTERFACE_CATALOGUES, translation.PACKAGE_CATALOGUE):
        assert (translation.LOCALES / "kk" / "LC_MESSAGES" / f"{name}.po").is_file(), name


CATALOGUE_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_the_check_finds_untranslated_fuzzy_and_changed_markup(tmp_path):
    broken = tmp_path / "page.po"
    broken.write_text(CATALOGUE_HEADER + "\n".join([
        'msgid "Not translated yet."', 'msgstr ""', "",
        "#, fuzzy", 'msgid "A changed sentence."', 'msgstr "Өзгерген сөйлем."', "",
        'msgid "Launched {glue:text}`count` times {footcite}`source-a`."', 'msgstr "{glue:text}`count` рет ұшырылды."', "",
        'msgid "See {ref}`the map <map-label>`."', 'msgstr "{ref}`Картаны <other-label>` қараңыз."', "",
        'msgid "Read [the log](https://example.org/log)."', 'msgstr "[Журналды](https://example.org/other) оқыңыз."',
        "", 'msgid "All right {glue:text}`n`."', 'msgstr "Бәрі дұрыс {glue:text}`/lessons/x.md::n:s`."', ""]),
        encoding="utf-8")
    problems = [p.message for p in translation.catalogue_problems("kk", [broken])]
    assert len(problems) == 5, problems
    assert problems[0].startswith("untranslated") and problems[1].startswith("fuzzy")
    assert "('footcite', 'source-a')" in problems[2]
    assert "<map-label>" in problems[3] and "example.org/log" in problems[4]


def test_a_bare_glue_role_in_a_translation_is_reported_and_fixed_into_the_path_form():
    assert translation.path_form("{glue:text}`k` ұшырылым", "lessons/x.md") == \
        "{glue:text}`/lessons/x.md::k:s` ұшырылым"
    assert translation.path_form("{glue}`/lessons/x.md::k:s`", "lessons/x.md") == "{glue}`/lessons/x.md::k:s`"
    assert translation.path_form("{glue}`lessons/x.md::k:s`", "lessons/x.md") == "{glue}`/lessons/x.md::k:s`"
    assert translation.glue_key("lessons/x.md::k:s") == translation.glue_key("k") == "k"
    assert translation.glue_key("k:.1f") == "k"


def _word_stem(word: str) -> str:
    return word[:-2] if len(word) > 5 else word[:-1] if len(word) > 2 else word


def _stem(form: str) -> list[str]:
    """What a Kazakh form keeps whatever the grammar does to it: the stems of its first two words, which may stand
    apart ("ашық ғарышқа шығу" in "ашық ғарышқа неше рет шықты"); a name in «» as it is."""
    form = form.strip().lower()
    quoted = re.search(r"«([^»]+)»", form)
    if quoted:
        return [quoted.group(1)]
    words = re.sub(r"\s*\(.*?\)", "", form).split()
    return [_word_stem(word) for word in words[:2]]


def _alternatives(text: str) -> list[str]:
    parts = re.split(r"\s*[;/]\s*", text)
    return [p for p in parts if p.strip()]


#: Glossary terms not checked word for word, and why.
UNCHECKED_TERMS = {
    "orbit": "English also counts revolutions as orbits ('16 orbits a day'); Kazakh rightly says айналым there",
    "orbital-launch-outcome": "its English words (success, failure) are everyday words far beyond launches",
}


def terminology() -> list[tuple[str, re.Pattern, list[list[str]]]]:
    """(term id, English pattern, Kazakh forms as stems) for every glossary term that has a Kazakh form. A capitalised
    English term (a name: Baiterek) matches only capitalised, so a lower-case data category does not count."""
    rules = []
    for row in glossary().itertuples():
        if not isinstance(row.term_kk, str) or not row.term_kk.strip() or row.term_id in UNCHECKED_TERMS:
            continue
        english = [e.strip() for e in _alternatives(re.sub(r"\s*\(.*?\)", "", row.term_en))]
        english += [a for a in re.findall(r"\(([A-Z]{2,4})\)", row.term_en)]
        kazakh = []
        for form in _alternatives(row.term_kk):
            kazakh.append(_stem(form))
            kazakh += [[a.lower()] for a in re.findall(r"\(([А-ЯӘҒҚҢӨҰҮҺІA-Z]{2,4})\)", form)]
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(e) for e in english) + r")(?:s|es)?\b",
                             0 if row.term_en[0].isupper() else re.IGNORECASE)
        rules.append((row.term_id, pattern, kazakh))
    return rules


def test_translations_use_the_glossary_terms():
    """Where the English names a glossary term, the Kazakh uses the glossary's Kazakh form (any inflection)."""
    misses = []
    for file, english, kazakh in kazakh_messages():
        if " " not in english.strip():
            continue                       # a label or a name shown as it is
        text = re.sub(r"\{[\w:]+\}`[^`]*`|`[^`]*`|\]\([^)]*\)", "", english)   # roles, code and link targets
        for term_id, pattern, forms in terminology():
            if pattern.search(text) and not any(all(stem in kazakh.lower() for stem in form) for form in forms):
                shown = " / ".join(" ".join(form) for form in forms)
                misses.append(f"{file}: {term_id} ({shown}) not in: {kazakh[:90]!r}")
    assert misses == [], f"{len(misses)} translations without the glossary's term:\n" + "\n".join(misses)


def test_translations_write_the_cosmonauts_names_as_the_data_gives_them_in_kazakh():
    misses = []
    for person in people().itertuples():
        surname_en, surname_kk = person.name_en.split()[-1], person.name_kk.split()[-1]
        for file, english, kazakh in kazakh_messages():
            if re.search(rf"\b{surname_en}\b", re.sub(r"\{[\w:]+\}`[^`]*`|`[^`]*`", "", english)) \
                    and _word_stem(surname_kk.lower()) not in kazakh.lower():
                misses.append(f"{file}: {person.name_kk} not in: {kazakh[:90]!r}")
    assert misses == [], "\n".join(misses)


def test_the_package_catalogue_holds_exactly_the_messages_of_the_code(tmp_path):
    """Every _()/N_() text in kazspace/ and in the pages' code cells is in kazspace.po, and nothing else."""
    from babel.messages.pofile import read_po

    template = i18n.extract(tmp_path / "kazspace.pot")
    expected = {m.id for m in read_po(template.open("rb")) if m.id}
    catalogue = translation.LOCALES / "kk" / "LC_MESSAGES" / "kazspace.po"
    present = {m.id for m in read_po(catalogue.open("rb")) if m.id}
    assert expected - present == set(), "run: python -m kazspace.i18n extract"
    assert present - expected == set(), "messages no code uses any more: run python -m kazspace.i18n extract"


@pytest.mark.parametrize("language", ["en", "kk"])
def test_the_language_switch_targets_follow_the_published_layout(language):
    other = "kk" if language == "en" else "en"
    target = translation.switch_targets(language)[other]
    here = translation.html_root(language)
    # A browser resolves a relative link by its text, not through symbolic links (_build/kk/html is one).
    assert os.path.normpath(here / target) == os.path.normpath(translation.html_root(other))
