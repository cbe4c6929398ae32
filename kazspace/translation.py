"""The Kazakh edition: the same sources, translated with Sphinx gettext.

- ``python -m kazspace.translation config OUT --language kk [--teacher] [--gettext]`` writes the _config.yml and
  _toc.yml of one edition. ``--gettext`` is the extraction build: it reads the teacher edition, which holds every
  text of both editions (teacher notes, solutions, answer keys), so one set of catalogues serves both.
- ``python -m kazspace.translation check`` reports every catalogue entry that is untranslated, fuzzy or obsolete, and
  every translation whose MyST markup (roles, references, glued numbers, links) differs from its source.
- ``python -m kazspace.translation fix-glue`` rewrites glue roles in translations into the path form
  (``{glue:text}`/lessons/x.md::key:s```): Sphinx parses a translated paragraph on its own, where a bare key is not
  found and renders empty.

The catalogues live in ``locales/<language>/LC_MESSAGES``: one ``.po`` per page (``lessons/cosmonauts.po``), plus the
interface catalogues of Sphinx, the theme and the extensions, which ship none in Kazakh (see sphinx_i18n.py).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .editions import REPO, teacher_files

LOCALES = REPO / "locales"
#: The languages of the book besides English, with the name each edition's switch shows for itself.
LANGUAGES = {"en": "English", "kk": "Қазақша"}
TITLES = {"en": "Kazakhstan in Space", "kk": "Ғарыштағы Қазақстан"}
AUTHORS = {"en": "The Kazakhstan in Space authors", "kk": "«Ғарыштағы Қазақстан» авторлық ұжымы"}
#: Catalogues of the interface (not pages): Sphinx itself, and each theme or extension by its message catalogue name.
INTERFACE_CATALOGUES = ("sphinx", "booktheme", "exercise", "togglebutton")
#: The package's own catalogue (widgets, feedback, figure labels): kazspace/i18n.py.
PACKAGE_CATALOGUE = "kazspace"
#: Where each edition's HTML lies, relative to the repository: the language switch links between them.
HTML_ROOTS = {("en", "student"): "_build/html", ("kk", "student"): "_build/kk/html",
              ("en", "teacher"): "_build/teacher/_build/html", ("kk", "teacher"): "_build/kk-teacher/html"}


def html_root(language: str, edition: str = "student") -> Path:
    return REPO / HTML_ROOTS[(language, edition)]


def switch_targets(language: str, edition: str = "student") -> dict[str, str]:
    """For each other language, the relative path from this edition's HTML root to that edition's root."""
    import os

    here = html_root(language, edition)
    return {other: os.path.relpath(html_root(other, edition), here).replace(os.sep, "/") + "/"
            for other in LANGUAGES if other != language}


def config_files(out: Path, language: str = "en", teacher: bool = False, gettext: bool = False,
                 cache: Path | None = None) -> tuple[Path, Path]:
    """The _config.yml and _toc.yml of one edition, written to ``out``; ``cache`` overrides the execution cache."""
    if gettext:
        teacher = True
    if teacher:
        config_path, toc_path = teacher_files(out)
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    else:
        out.mkdir(parents=True, exist_ok=True)
        config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
        toc_path = out / "_toc.yml"
        toc_path.write_text((REPO / "_toc.yml").read_text(encoding="utf-8"), encoding="utf-8")
        config_path = out / "_config.yml"
    sphinx = config["sphinx"]["config"]
    sphinx["language"] = language
    sphinx["kazspace_language_switch"] = switch_targets(language, "teacher" if teacher else "student")
    if language != "en":
        config["title"] = config["title"].replace(TITLES["en"], TITLES[language]).replace(
            ": teacher edition", {"kk": ": мұғалім басылымы"}.get(language, ": teacher edition"))
        config["author"] = AUTHORS[language]
        # Code outputs (widgets, feedback, figure labels) follow the kernel's KAZSPACE_LANGUAGE, so their cache is
        # the edition's own.
        config["execute"]["cache"] = str(REPO / "_build" / f"{language}{'-teacher' if teacher else ''}"
                                         / ".jupyter_cache")
    if gettext:
        config["execute"]["cache"] = str(REPO / "_build" / ".jupyter_cache")   # English outputs, as `make book`
        # myst-nb drops the images of code outputs for builders without a mime priority: keep them, for the alt text.
        sphinx["nb_mime_priority_overrides"] = [["gettext", "image/svg+xml", 10], ["gettext", "image/png", 20]]
    if cache is not None:
        config["execute"]["cache"] = str(cache)
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config_path, toc_path


# ------------------------------------------------------------------------------------------------ catalogue checks

#: MyST markup that a translation must keep exactly: roles with their target, and link targets.
_ROLE = re.compile(r"\{(?P<name>[\w:.-]+)\}`(?P<body>[^`]*)`")
_LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)\)")
_GLUE = re.compile(r"\{(?P<role>glue(?::\w+)?)\}`(?P<key>[^`]*)`")


def glue_key(body: str) -> str:
    """The bare key of a glue role body: ``lessons/x.md::key:s`` and ``key`` both give ``key``."""
    if "::" in body:
        body = body.split("::", 1)[1]
        body = body.rsplit(":", 1)[0] if ":" in body else body
    return body.split(":", 1)[0] if ":" in body else body


def _role_key(match: re.Match) -> tuple[str, str]:
    name, body = match.group("name"), match.group("body")
    if name.startswith("glue"):
        return name, glue_key(body)
    if name in ("ref", "numref", "doc", "term") and "<" in body:
        return name, body[body.rindex("<"):]     # the label counts, the words shown are translated
    if name in ("ref", "numref", "doc", "term", "footcite", "cite", "cite:p", "cite:t", "download", "eq"):
        return name, body
    return name, ""                              # e.g. {sub}`...`, {abbr}`...`: the text is translated


def markup(text: str) -> list[tuple[str, str]]:
    """The markup of a message that must survive translation, in a comparable form."""
    return sorted([_role_key(m) for m in _ROLE.finditer(text)]
                  + [("link", m.group("target")) for m in _LINK_TARGET.finditer(text)])


@dataclass(frozen=True)
class CatalogueProblem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def catalogue_files(language: str = "kk") -> list[Path]:
    return sorted((LOCALES / language / "LC_MESSAGES").rglob("*.po"))


def _read(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def catalogue_problems(language: str = "kk", files: list[Path] | None = None) -> list[CatalogueProblem]:
    """Untranslated, fuzzy or obsolete entries, and translations whose markup differs from the source."""
    problems = []
    for path in files if files is not None else catalogue_files(language):
        name = str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)
        catalogue = _read(path)
        if catalogue.obsolete:
            problems.append(CatalogueProblem(name, 0, f"{len(catalogue.obsolete)} obsolete entries (run: make po)"))
        for message in catalogue:
            if not message.id:
                continue
            line = message.lineno or 0
            source = message.id if isinstance(message.id, str) else message.id[0]
            translated = message.string if isinstance(message.string, str) else "".join(message.string)
            short = source[:60] + ("…" if len(source) > 60 else "")
            if message.fuzzy:
                problems.append(CatalogueProblem(name, line, f"fuzzy: {short!r}"))
            elif not translated.strip():
                problems.append(CatalogueProblem(name, line, f"untranslated: {short!r}"))
            elif markup(source) != markup(translated):
                missing = sorted(set(markup(source)) - set(markup(translated)))
                extra = sorted(set(markup(translated)) - set(markup(source)))
                problems.append(CatalogueProblem(
                    name, line, f"markup differs in {short!r}: missing {missing}, unexpected {extra}"))
            elif _bare_glue(translated):
                problems.append(CatalogueProblem(
                    name, line, f"glue role without a page path in {short!r} (run: make po, which fixes it)"))
    return problems


def _bare_glue(text: str) -> list[str]:
    """Glue roles not in the path form from the book's root."""
    return [m.group(0) for m in _GLUE.finditer(text) if "::" not in m.group("key") or not m.group("key").startswith("/")]


def is_page_catalogue(path: Path, language: str = "kk") -> bool:
    return not (path.parent == LOCALES / language / "LC_MESSAGES"
                and path.stem in (*INTERFACE_CATALOGUES, PACKAGE_CATALOGUE))


def page_of(po_path: Path, language: str = "kk") -> str:
    """The source page of a page catalogue: locales/kk/LC_MESSAGES/lessons/x.po -> lessons/x.md (or .ipynb)."""
    stem = po_path.relative_to(LOCALES / language / "LC_MESSAGES").with_suffix("")
    for suffix in (".md", ".ipynb"):
        if (REPO / stem).with_suffix(suffix).exists():
            return str(stem.with_suffix(suffix)).replace("\\", "/")
    raise FileNotFoundError(f"{po_path}: no page {stem}.md or {stem}.ipynb")


def path_form(text: str, page: str) -> str:
    """Glue roles in the path form that a translated paragraph needs: ``/page::key:s``, the path from the book's
    root (myst-nb reads a path without the leading slash relative to the page's own folder)."""
    def fix(match: re.Match) -> str:
        key = match.group("key")
        if "::" in key:
            path, rest = key.split("::", 1)
            return f"{{{match.group('role')}}}`/{path.lstrip('/')}::{rest}`"
        return f"{{{match.group('role')}}}`/{page}::{key}:s`" if ":" not in key else \
            f"{{{match.group('role')}}}`/{page}::{key}`"
    return _GLUE.sub(fix, text)


def fix_glue(language: str = "kk") -> list[Path]:
    """Rewrite bare glue roles in the page catalogues into the path form; returns the files changed."""
    from babel.messages.pofile import write_po

    changed = []
    for path in catalogue_files(language):
        if not is_page_catalogue(path, language):
            continue
        catalogue = _read(path)
        page = page_of(path, language)
        touched = False
        for message in catalogue:
            if message.id and isinstance(message.string, str) and _bare_glue(message.string):
                message.string = path_form(message.string, page)
                touched = True
        if touched:
            with path.open("wb") as handle:
                write_po(handle, catalogue, width=0, omit_header=False)
            changed.append(path)
    return changed


def main(argv: list[str]) -> int:
    args = argv[1:]
    if args[:1] == ["config"] and len(args) >= 2:
        out = Path(args[1])
        language = args[args.index("--language") + 1] if "--language" in args else "en"
        for path in config_files(out, language, teacher="--teacher" in args, gettext="--gettext" in args):
            print(path)
        return 0
    if args[:1] == ["check"]:
        language = args[1] if len(args) > 1 else "kk"
        files = [Path(a).resolve() for a in args[2:]] or catalogue_files(language)
        problems = catalogue_problems(language, files)
        for problem in problems:
            print(problem)
        total = sum(1 for path in files for m in _read(path) if m.id)
        print(f"{total - len(problems)} of {total} entries translated and checked"
              if problems else f"all {total} entries translated and checked")
        return 1 if problems else 0
    if args[:1] == ["fix-glue"]:
        for path in fix_glue(args[1] if len(args) > 1 else "kk"):
            print(f"glue roles put in the path form: {path.relative_to(REPO)}")
        return 0
    print("usage: python -m kazspace.translation config OUT [--language kk] [--teacher] [--gettext] | check [kk [FILE…]] "
          "| fix-glue [kk]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
