"""The package speaks the reader's language: widget labels, feedback, figure labels and glued numbers.

The language is English unless ``KAZSPACE_LANGUAGE`` says otherwise (``make book-kk`` sets ``kk`` for the kernels
that execute the Kazakh edition), or a function is given ``lang=`` explicitly.

- ``_("Check")`` translates a message through ``locales/<language>/LC_MESSAGES/kazspace.po``, read with Babel (no
  compiled .mo to keep in step). A message missing from the catalogue comes back in English, and is recorded in
  :data:`MISSING`, which the tests read.
- ``N_("...")`` only marks a module-level text for extraction; translate it with ``_()`` where it is used, so the
  language is the one in force at that moment.
- ``number()``, ``decimal()`` and ``date()`` write numbers and dates as the language does: 1,554 and 207.5 in
  English, 1 554 and 207,5 in Kazakh.
- ``python -m kazspace.i18n extract`` collects the messages from kazspace/*.py and from the code cells of the lessons,
  exercises and book pages into ``locales/kazspace.pot`` and merges them into each language's ``kazspace.po``
  (``make po`` runs it).
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCALES = REPO / "locales"
DOMAIN = "kazspace"
DEFAULT = "en"
#: Messages asked for in a language whose catalogue lacks them: (language, message).
MISSING: set[tuple[str, str]] = set()

_MONTHS_KK = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
              "қараша", "желтоқсан")
_GROUP_SEPARATOR = "\u00a0"     # Kazakh groups thousands with a (non-breaking) space


def language(lang: str | None = None) -> str:
    """The language in force: the argument, else ``KAZSPACE_LANGUAGE``, else English."""
    return (lang or os.environ.get("KAZSPACE_LANGUAGE") or DEFAULT).strip().lower()


@lru_cache(maxsize=None)
def _catalogue(lang: str) -> dict[str, str]:
    path = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == DEFAULT or not path.exists():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {message.id: message.string for message in catalogue
            if message.id and isinstance(message.id, str) and message.string and not message.fuzzy}


def _(message: str, lang: str | None = None) -> str:
    """``message`` in the language in force (English if the catalogue has no translation for it)."""
    lang = language(lang)
    if lang == DEFAULT:
        return message
    translated = _catalogue(lang).get(message)
    if translated is None:
        MISSING.add((lang, message))
        return message
    return translated


def N_(message: str) -> str:
    """Mark a text for extraction without translating it yet."""
    return message


def number(value, lang: str | None = None) -> str:
    """A whole number with its thousands grouped: 1,554 (English), 1 554 (Kazakh)."""
    text = f"{int(round(float(value))):,}"
    return text if language(lang) == DEFAULT else text.replace(",", _GROUP_SEPARATOR)


def decimal(value, places: int = 1, lang: str | None = None) -> str:
    """A number with ``places`` decimals: 207.5 (English), 207,5 (Kazakh)."""
    text = f"{float(value):,.{places}f}"
    if language(lang) == DEFAULT:
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", _GROUP_SEPARATOR)


def date(value, lang: str | None = None, *, year: bool = True) -> str:
    """A calendar date: "12 April 1961" (English), "1961 жылғы 12 сәуір" (Kazakh); without the year if asked."""
    import pandas as pd

    stamp = pd.Timestamp(value)
    if language(lang) == DEFAULT:
        return f"{stamp.day} {stamp:%B}" + (f" {stamp.year}" if year else "")
    day_month = f"{stamp.day} {_MONTHS_KK[stamp.month - 1]}"
    return f"{stamp.year} жылғы {day_month}" if year else day_month


def month_name(month: int, lang: str | None = None) -> str:
    import calendar

    return calendar.month_name[month] if language(lang) == DEFAULT else _MONTHS_KK[month - 1]


def ordinal(n: int, lang: str | None = None) -> str:
    """An ordinal number to put before a noun: "2nd" (English), "2-" (Kazakh writes "2-орын", "2-оқиға")."""
    n = int(n)
    if language(lang) != DEFAULT:
        return f"{n}-"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_WEEKDAYS_KK = ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі")


def weekday_name(value, lang: str | None = None) -> str:
    """The day of the week of a date: "Saturday" (English), "сенбі" (Kazakh)."""
    import pandas as pd

    stamp = pd.Timestamp(value)
    return f"{stamp:%A}" if language(lang) == DEFAULT else _WEEKDAYS_KK[stamp.weekday()]


def month_year(year: int, month: int, lang: str | None = None) -> str:
    """A month of a year: "August 2025" (English), "2025 жылғы тамыз" (Kazakh)."""
    if language(lang) == DEFAULT:
        return f"{month_name(month, lang)} {year}"
    return f"{year} жылғы {month_name(month, lang)}"


def localise_number(text: str, lang: str | None = None) -> str:
    """A number already written the English way ("1,554", "207.5", "6.5", "4.7%") written the language's way
    ("1 554", "207,5", "6,5", "4,7%" in Kazakh); unchanged in English. For values formatted with an f-string."""
    text = str(text)
    if language(lang) == DEFAULT:
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", _GROUP_SEPARATOR)


_AND = N_("{items} and {last}")


def and_list(items, lang: str | None = None) -> str:
    """Words joined as a sentence lists them: "a, b and c" (English), "a, b және c" (Kazakh)."""
    words = [str(item) for item in items]
    if len(words) < 2:
        return "".join(words)
    return _(_AND, lang).format(items=", ".join(words[:-1]), last=words[-1])


# ------------------------------------------------------------------------------------------------- extraction

def _code_cells_as_python(path: Path) -> str:
    """The code cells of a notebook (MyST .md or .ipynb), as one Python text with magics blanked."""
    import jupytext

    notebook = jupytext.read(path)
    lines = []
    for cell in notebook.cells:
        if cell.cell_type == "code":
            lines += [("" if line.lstrip().startswith(("%", "!")) else line) for line in cell.source.splitlines()]
            lines.append("")
    return "\n".join(lines)


def extract(out: Path = LOCALES / f"{DOMAIN}.pot") -> Path:
    """Write the package's message template: kazspace/*.py plus the code cells of every page."""
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_python
    from babel.messages.pofile import write_po

    catalogue = Catalog(project="Kazakhstan in Space", domain=DOMAIN)
    keywords = {"_": None, "N_": None}
    sources = sorted((REPO / "kazspace").glob("*.py"))
    pages = [p for folder in ("lessons", "exercises", "book") for p in sorted((REPO / folder).iterdir())
             if p.suffix in (".md", ".ipynb") and not p.name.startswith("_")]
    for path in sources + pages:
        text = path.read_text(encoding="utf-8") if path.suffix == ".py" else _code_cells_as_python(path)
        found = extract_python(io.BytesIO(text.encode("utf-8")), keywords, [], {"encoding": "utf-8"})
        for lineno, _funcname, message, _comments in found:
            if isinstance(message, str) and message:
                catalogue.add(message, locations=[(str(path.relative_to(REPO)), 0)])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        write_po(handle, catalogue, width=0, omit_header=False, include_lineno=False, sort_output=True)
    return out


def update(template: Path, lang: str) -> Path:
    """Merge the template into ``locales/<lang>/LC_MESSAGES/kazspace.po``: new messages empty, changed ones fuzzy."""
    from babel.messages.pofile import read_po, write_po

    with template.open("rb") as handle:
        pot = read_po(handle)
    target = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if target.exists():
        with target.open("rb") as handle:
            catalogue = read_po(handle, locale=lang)
        catalogue.update(pot, no_fuzzy_matching=False)
        catalogue.obsolete.clear()
    else:
        from babel.messages.catalog import Catalog

        catalogue = Catalog(locale=lang, project="Kazakhstan in Space", domain=DOMAIN)
        catalogue.update(pot)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_po(handle, catalogue, width=0, include_lineno=False, sort_output=True)
    return target


def main(argv: list[str]) -> int:
    if argv[1:2] == ["extract"]:
        template = extract()
        for lang in sorted(p.name for p in LOCALES.iterdir() if (p / "LC_MESSAGES").is_dir()):
            print(update(template, lang).relative_to(REPO))
        return 0
    print("usage: python -m kazspace.i18n extract", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
