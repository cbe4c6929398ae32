"""The one way to read the book's dataset: a function per table, returning typed pandas DataFrames.

The folder is found from this package, not from the notebook's folder, so the same call works in a lesson,
an exercise, a test, Binder and a laptop. Set KAZSPACE_DATA to read another copy (the tests do).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .validation import ensure_valid

PACKAGE_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_dir() -> Path:
    """The dataset folder in use."""
    return Path(os.environ.get("KAZSPACE_DATA", PACKAGE_DATA_DIR)).resolve()


@lru_cache(maxsize=None)
def _descriptor(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _table(name: str, folder: Path) -> pd.DataFrame:
    ensure_valid(folder)
    resource = next((r for r in _descriptor(folder)["resources"] if r["name"] == name), None)
    if resource is None:
        raise KeyError(f"data/datapackage.json describes no table called '{name}'")
    raw = pd.read_csv(folder / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8")
    frame = pd.DataFrame(index=raw.index)
    for field in resource["schema"]["fields"]:
        frame[field["name"]] = _typed(raw[field["name"]], field)
    return _DERIVED.get(name, lambda f: f)(frame)


def _typed(column: pd.Series, field: dict) -> pd.Series:
    column = column.replace("", pd.NA)
    kind = field["type"]
    if kind == "datetime":
        return pd.to_datetime(column, format="%Y-%m-%dT%H:%M:%SZ", utc=True)
    if kind == "date":
        return pd.to_datetime(column, format="%Y-%m-%d")
    if kind == "boolean":
        return column.map({"true": True, "false": False}).astype("boolean")
    if kind == "integer":
        return pd.to_numeric(column).astype("Int64")
    enum = field.get("constraints", {}).get("enum")
    if enum:
        return column.astype(pd.CategoricalDtype([v for v in enum if v], ordered=False))
    return column.astype("string")


def _period_start(values: pd.Series) -> pd.Series:
    """'1955', '1955-06' and '1955-06-02' as the first day of that period (a date of day precision is itself)."""
    padded = values.str.pad(10, side="right", fillchar="#").str.replace("#######", "-01-01").str.replace("###", "-01")
    return pd.to_datetime(padded, format="%Y-%m-%d")


def _with_flight_times(frame: pd.DataFrame) -> pd.DataFrame:
    frame["duration"] = frame["landing_utc"] - frame["launch_utc"]
    frame["duration_days"] = frame["duration"].dt.total_seconds() / 86400
    frame["launch_date_utc"] = frame["launch_utc"].dt.date
    frame["landing_date_utc"] = frame["landing_utc"].dt.date
    frame["landing_local"] = [t.tz_convert(z) for t, z in zip(frame["landing_utc"], frame["landing_tz"])]
    frame["landing_date_local"] = [t.date() for t in frame["landing_local"]]
    return frame


def _with_eva_durations(frame: pd.DataFrame) -> pd.DataFrame:
    frame["duration"] = pd.to_timedelta(frame["duration_reported"].astype(str) + ":00")
    frame["duration_hours"] = frame["duration"].dt.total_seconds() / 3600
    return frame


def _with_period_starts(column: str):
    def derive(frame: pd.DataFrame) -> pd.DataFrame:
        frame[f"{column}_start"] = _period_start(frame[column])
        return frame
    return derive


def _with_launch_year(frame: pd.DataFrame) -> pd.DataFrame:
    frame["year"] = frame["launch_date"].dt.year.astype("Int64")
    return frame


def _with_satellite_year(frame: pd.DataFrame) -> pd.DataFrame:
    frame["launch_year"] = frame["launch_utc"].dt.year.astype("Int64")
    return frame


_DERIVED = {
    "flights": _with_flight_times,
    "spacewalks": _with_eva_durations,
    "events": _with_period_starts("date"),
    "people": _with_period_starts("born"),
    "launches": _with_launch_year,
    "satellites": _with_satellite_year,
}


def table(name: str) -> pd.DataFrame:
    """Any table by name, typed. A copy, so a lesson can change it freely."""
    return _table(name, data_dir()).copy()


def sources() -> pd.DataFrame:
    """Every source the book uses."""
    return table("sources")


def people() -> pd.DataFrame:
    """The cosmonauts and every other person a lesson names."""
    return table("people")


def flights() -> pd.DataFrame:
    """Spaceflights of Kazakh cosmonauts, with durations and local landing dates computed from UTC timestamps."""
    return table("flights")


def spacewalks() -> pd.DataFrame:
    """Spacewalks (EVAs), with their reported durations as timedeltas and hours."""
    return table("spacewalks")


def events() -> pd.DataFrame:
    """The timeline, 1955 to today, sorted by date."""
    return table("events").sort_values("date_start", kind="stable").reset_index(drop=True)


def satellites() -> pd.DataFrame:
    """Kazakhstan's satellites, sorted by launch."""
    return table("satellites").sort_values("launch_utc").reset_index(drop=True)


def launches() -> pd.DataFrame:
    """Every orbital launch in the world, 1957 to February 2026 (GCAT)."""
    return table("launches")


def disagreements() -> pd.DataFrame:
    """Where sources disagree, and what the book teaches."""
    return table("disagreements")


def glossary() -> pd.DataFrame:
    """Terms in English, Kazakh and Russian."""
    return table("glossary").sort_values("term_en", key=lambda s: s.str.lower()).reset_index(drop=True)


def quotes() -> pd.DataFrame:
    """Words quoted in the lessons, verbatim from a source."""
    return table("quotes")


def clear_cache() -> None:
    """Forget loaded tables, for example after editing a CSV in a running kernel."""
    _table.cache_clear()
    _descriptor.cache_clear()
