"""Describe the dataset for readers: what each table holds, its columns and the sources it cites."""

from __future__ import annotations

import json

import pandas as pd

from . import i18n
from .data import data_dir, glossary, sources, table
from .i18n import N_, _
from .validation import SOURCE_COLUMNS

#: The credit line GCAT's author asks for, shown wherever launch data appear (English; show it with ``_()``).
GCAT_CREDIT = N_("Launch data: Jonathan C. McDowell, GCAT – General Catalog of Artificial Space Objects, "
                 "planet4589.org (launch log updated 2026-02-25).")


def descriptor() -> dict:
    return json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))


def tables() -> pd.DataFrame:
    """One row per table: name, title, description and number of rows."""
    rows = [{_("table"): r["name"], _("file"): f"data/{r['path']}", _("title"): r["title"],
             _("rows"): len(table(r["name"])), _("what it holds"): r["description"]} for r in descriptor()["resources"]]
    return pd.DataFrame(rows)


def table_names() -> list[str]:
    """The names of the tables, in the data package's order."""
    return [r["name"] for r in descriptor()["resources"]]


def columns(name: str) -> pd.DataFrame:
    """The columns of one table: name, type, whether required, allowed values and description."""
    resource = next(r for r in descriptor()["resources"] if r["name"] == name)
    rows = []
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        rows.append({_("column"): field["name"], _("type"): field["type"],
                     _("required"): _("yes") if constraints.get("required") else "",
                     _("allowed values"): ", ".join(v for v in constraints.get("enum", []) if v),
                     _("description"): field.get("description", "")})
    return pd.DataFrame(rows)


def cited_sources(name: str) -> pd.DataFrame:
    """The sources a table cites, with how many of its rows cite each."""
    frame = table(name)
    counts: dict[str, int] = {}
    for column in SOURCE_COLUMNS:
        if column in frame:
            for cell in frame[column].dropna():
                for source_id in set(cell.split(";")):
                    counts[source_id] = counts.get(source_id, 0) + 1
    cited = sources().set_index("source_id").loc[sorted(counts)]
    cited.insert(0, "rows citing it", [counts[s] for s in cited.index])
    chosen = cited.reset_index()[["source_id", "rows citing it", "title", "publisher", "published", "language"]]
    return chosen.rename(columns={"rows citing it": _("rows citing it")})


def source_counts() -> pd.DataFrame:
    """How many sources the book has, by kind and language."""
    return sources().groupby(["kind", "language"], observed=True).size().rename(_("sources")).reset_index()


def glossary_terms(ids, terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """A few glossary terms, in the order given, for a lesson: the term in English and Kazakh and its meaning.

    English shows the table's own column names; the Kazakh edition shows the Kazakh term first, under Kazakh headers.
    """
    terms = glossary() if terms is None else terms
    chosen = terms.set_index("term_id").loc[list(ids), ["term_en", "term_kk", "definition_en"]].fillna("")
    if i18n.language() == i18n.DEFAULT:
        return chosen
    columns = {"term_kk": _("Kazakh"), "term_en": _("English"), "definition_en": _("Meaning (in English)")}
    return chosen[list(columns)].rename(columns=columns)


def glossary_table(terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """The glossary for reading: the term in English, Kazakh and Russian and its meaning (blank where missing).

    The Kazakh edition shows the Kazakh term first, under Kazakh headers; the meaning is the data's English text.
    """
    terms = glossary() if terms is None else terms
    if i18n.language() == i18n.DEFAULT:
        columns = {"term_en": "English", "term_kk": "Қазақша", "term_ru": "Русский", "definition_en": "Meaning"}
    else:
        columns = {"term_kk": _("Kazakh"), "term_en": _("English"), "term_ru": _("Russian"),
                   "definition_en": _("Meaning (in English)")}
    return terms[list(columns)].rename(columns=columns).fillna("")
