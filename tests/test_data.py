"""The real dataset: it validates, every row is sourced, and the loader returns typed tables."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import kazspace
from kazspace.validation import SOURCE_COLUMNS, find_problems

REPO = Path(__file__).resolve().parent.parent
DESCRIPTOR = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [r["name"] for r in DESCRIPTOR["resources"]]


def test_the_real_dataset_has_no_problems():
    assert find_problems(REPO / "data") == []


def test_frictionless_cli_validates_the_package():
    cli = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(cli), "validate", "datapackage.json"], cwd=REPO / "data", capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("name", TABLES)
def test_every_row_cites_a_known_source(name):
    path = REPO / "data" / f"{name}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    known = {r["source_id"] for r in csv.DictReader((REPO / "data" / "sources.csv").open(encoding="utf-8"))}
    assert rows, f"{path.name} is empty"
    if name == "sources":
        return
    for line, row in enumerate(rows, start=2):
        cited = [s for column in SOURCE_COLUMNS for s in (row.get(column) or "").split(";") if s]
        assert cited, f"{path.name} row {line} cites no source"
        assert set(cited) <= known, f"{path.name} row {line} cites unknown {set(cited) - known}"


@pytest.mark.parametrize("name", TABLES)
def test_every_table_loads_with_its_declared_columns(name):
    frame = kazspace.table(name)
    declared = [f["name"] for f in next(r for r in DESCRIPTOR["resources"] if r["name"] == name)["schema"]["fields"]]
    assert list(frame.columns[: len(declared)]) == declared
    assert len(frame) == sum(1 for _ in open(REPO / "data" / f"{name}.csv", encoding="utf-8")) - 1


def test_timestamps_are_real_utc_datetimes_and_enums_are_categories():
    flights = kazspace.flights()
    assert str(flights["launch_utc"].dt.tz) == "UTC"
    assert isinstance(kazspace.launches()["outcome"].dtype, pd.CategoricalDtype)
    assert kazspace.flights()["flight_number"].dtype == "Int64"


def test_flight_durations_are_computed_from_the_timestamps():
    flights = kazspace.flights()
    raw = pd.read_csv(REPO / "data" / "flights.csv", dtype=str)
    assert not any("duration" in column for column in raw.columns), "durations must not be typed into the CSV"
    expected = pd.to_datetime(raw["landing_utc"], utc=True) - pd.to_datetime(raw["launch_utc"], utc=True)
    assert (flights["duration"].values == expected.values).all()
    assert (flights["duration_days"] > 0).all()


def test_the_local_landing_date_uses_the_landing_time_zone():
    flights = kazspace.flights()
    for row in flights.itertuples():
        assert row.landing_date_local == row.landing_utc.tz_convert(row.landing_tz).date()


def test_launches_are_one_row_per_gcat_launch_tag():
    launches = kazspace.launches()
    assert launches["launch_tag"].is_unique
    log = REPO.parent / "shared" / "data" / "launches" / "launchlog.tsv"
    if log.exists():
        tags = {line.split("\t")[0].strip() for line in log.open(encoding="utf-8") if not line.startswith("#")}
        assert set(launches["launch_tag"]) == tags


def test_the_loader_does_not_depend_on_the_working_directory(tmp_path):
    code = "import kazspace; print(len(kazspace.people()))"
    here = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert int(here.stdout) == len(kazspace.people())


def test_tables_are_cached_but_callers_get_their_own_copy():
    first = kazspace.people()
    first.loc[0, "name_en"] = "changed by a lesson"
    assert kazspace.people().loc[0, "name_en"] != "changed by a lesson"


def test_the_bibliography_has_one_entry_per_source(tmp_path):
    from kazspace.bibliography import main

    target = tmp_path / "references.bib"
    main(["bibliography", str(target)])
    text = target.read_text(encoding="utf-8")
    assert text.count("@misc{") == len(kazspace.sources())
