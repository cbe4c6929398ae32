"""Describe the dataset for readers: what each table holds, its columns and the sources it cites."""

from __future__ import annotations

import json

import pandas as pd

from .data import data_dir, sources, table
from .validation import SOURCE_COLUMNS

#: The credit line GCAT's author asks for, shown wherever launch data appear.
GCAT_CREDIT = ("Launch data: Jonathan C. McDowell, GCAT – General Catalog of Artificial Space Objects, "
               "planet4589.org (launch log updated 2026-02-25).")


def descriptor() -> dict:
    return json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))


def tables() -> pd.DataFrame:
    """One row per table: name, title, description and number of rows."""
    rows = [{"table": r["name"], "file": f"data/{r['path']}", "title": r["title"], "rows": len(table(r["name"])),
             "what it holds": r["description"]} for r in descriptor()["resources"]]
    return pd.DataFrame(rows)


def columns(name: str) -> pd.DataFrame:
    """The columns of one table: name, type, whether required, allowed values and description."""
    resource = next(r for r in descriptor()["resources"] if r["name"] == name)
    rows = []
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        rows.append({"column": field["name"], "type": field["type"],
                     "required": "yes" if constraints.get("required") else "",
                     "allowed values": ", ".join(v for v in constraints.get("enum", []) if v),
                     "description": field.get("description", "")})
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
    return cited.reset_index()[["source_id", "rows citing it", "title", "publisher", "published", "language"]]


def source_counts() -> pd.DataFrame:
    """How many sources the book has, by kind and language."""
    return sources().groupby(["kind", "language"], observed=True).size().rename("sources").reset_index()
