"""kazspace.programme: behaviour on small hand-made frames, plus properties that must hold on the real dataset."""

from datetime import timedelta

import matplotlib
import pandas as pd
import pytest

import kazspace
from kazspace import programme

matplotlib.use("Agg")


def _sources():
    return pd.DataFrame({"source_id": ["alpha", "beta", "gamma"],
                         "title": ["Alpha report", "Beta news", "Gamma encyclopaedia"]})


def _disagreements():
    return pd.DataFrame({
        "disagreement_id": ["d1", "d2", "d3", "d4"],
        "topic": ["t1", "t2", "t3", "t4"],
        "claim_a": ["a1", "a2", "a3", "a4"],
        "sources_a": ["alpha", "beta;gamma", "alpha", "gamma"],
        "claim_b": ["b1", "b2", "b3", "b4"],
        "sources_b": ["beta", "alpha", "gamma;alpha", "beta"],
        "taught": ["x1", "x2", "x3", "x4"],
        "kind": pd.Categorical(["unsupported", "time-zone", "unsupported", "rounding"]),
        "explanation": ["e1", "e2", "e3", "e4"],
    })


def _satellites():
    return pd.DataFrame({
        "name": ["Late", "Early", "Quiet"],
        "purpose": pd.Categorical(["earth-observation", "communications", "education"]),
        "launch_utc": pd.to_datetime(["2014-04-30T01:35:15Z", "2006-06-17T22:44:05Z", "2018-12-03T18:34:05Z"], utc=True),
        "vehicle": ["V", "P", "F"],
        "launch_site": ["K", "B", "W"],
        "orbit": pd.Categorical(["SSO", "GEO", "SSO"]),
        "status": pd.Categorical(["operating", "lost", "unknown"]),
        "status_as_of": ["2025-09-10", "2008-12-02", "2026-02"],
        "end_date": pd.array([pd.NA, "2008-11-26", pd.NA], dtype="string"),
        "notes": ["High resolution 1 m; swath 20 km", "no numbers here", "resolution not confirmed"],
    })


# ---- sources ------------------------------------------------------------------------------------------------------

def test_source_titles_keeps_the_order_of_the_ids():
    assert programme.source_titles("gamma;alpha", _sources()) == "Gamma encyclopaedia; Alpha report"
    assert programme.source_titles(["beta"], _sources(), separator=" | ") == "Beta news"


def test_source_titles_refuses_an_unknown_id():
    with pytest.raises(KeyError, match="nobody"):
        programme.source_titles("alpha;nobody", _sources())


def test_split_ids_handles_empty_cells():
    assert programme.split_ids(None) == []
    assert programme.split_ids(pd.NA) == []
    assert programme.split_ids("a; b;") == ["a", "b"]


# ---- disagreements ------------------------------------------------------------------------------------------------

def test_disagreement_display_resolves_titles_and_orders_by_kind():
    shown = programme.disagreement_display(_disagreements(), _sources())
    assert list(shown["Id"]) == ["d2", "d4", "d1", "d3"]  # time-zone, rounding, then unsupported in table order
    row = shown.set_index("Id").loc["d2"]
    assert row["Sources for A"] == "Beta news; Gamma encyclopaedia"
    assert row["Sources for B"] == "Alpha report"


def test_disagreement_display_filters_one_kind():
    shown = programme.disagreement_display(_disagreements(), _sources(), kind="unsupported")
    assert list(shown["Id"]) == ["d1", "d3"]
    assert set(shown["Kind"]) == {"unsupported"}


def test_kind_counts_include_empty_kinds_and_sum_to_the_rows():
    counts = programme.kind_counts(_disagreements()).set_index("Kind")["Rows"]
    assert counts["unsupported"] == 2 and counts["out-of-date"] == 0
    assert counts.sum() == len(_disagreements())


def test_claim_pair_shows_both_claims_and_rejects_unknown_ids():
    pair = programme.claim_pair("d3", _disagreements(), _sources())
    assert list(pair["Claim"]) == ["a3", "b3"]
    assert pair.loc["B", "Who says so"] == "Gamma encyclopaedia; Alpha report"
    with pytest.raises(KeyError):
        programme.claim_pair("d9", _disagreements(), _sources())


def test_every_real_disagreement_reaches_the_display_once():
    """The reading-sources lesson promises to show every row: the display must not lose or repeat any."""
    real = kazspace.disagreements()
    shown = programme.disagreement_display()
    assert sorted(shown["Id"]) == sorted(real["disagreement_id"].astype(str))
    per_kind = sum(len(programme.disagreement_display(kind=k)) for k in programme.kind_counts()["Kind"])
    assert per_kind == len(real)
    assert shown[["Sources for A", "Sources for B"]].map(bool).all().all()


# ---- satellites ---------------------------------------------------------------------------------------------------

def test_satellite_table_sorts_by_launch_and_dates_every_status():
    table = programme.satellite_table(_satellites())
    assert list(table["Satellite"]) == ["Early", "Late", "Quiet"]
    assert table.loc[0, "Launched (UTC)"] == "2006-06-17 22:44"
    assert table.loc[0, "Orbit"] == "geostationary (GEO)"
    assert table.loc[2, "Status"] == "unknown (as of 2026-02)"


def test_satellite_spans_end_at_end_date_or_last_confirmation():
    spans = programme.satellite_spans(_satellites()).set_index("name")
    assert spans.loc["Early", "end"] == pd.Timestamp("2008-11-26")
    assert spans.loc["Late", "end"] == pd.Timestamp("2025-09-10")
    assert spans.loc["Quiet", "end"] == pd.Timestamp("2026-02-01")  # month precision: start of the month
    assert not spans.loc["Quiet", "known_working"] and spans.loc["Early", "known_working"]
    assert (spans["end"] >= spans["launch"]).all()


def test_satellite_timeline_draws_one_row_per_satellite():
    figure, axes = programme.satellite_timeline(_satellites())
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == ["Early", "Late", "Quiet"]
    assert len(axes.patches) == 2  # bars for the lost and the operating one; the unknown one is a dotted line
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert "lost" in legend and "status unknown" in legend
    matplotlib.pyplot.close(figure)


@pytest.mark.parametrize("notes, expected", [
    ("High resolution 1 m; swath 20 km", 1.0),
    ("Medium resolution 6.5 m (KGS) - others say 7 m", 6.5),
    ("resolution not confirmed", None),
    (pd.NA, None),
])
def test_resolution_m_reads_the_first_stated_resolution(notes, expected):
    assert programme.resolution_m(notes) == expected


def test_pixels_for_square_rounds_partial_pixels_up():
    assert programme.pixels_for_square(10, 1) == 100
    assert programme.pixels_for_square(10, 3) == 16  # 3.33 pixels per side -> 4
    assert programme.pixels_for_square(13, 6.5) == 4
    with pytest.raises(ValueError):
        programme.pixels_for_square(10, 0)


# ---- time -----------------------------------------------------------------------------------------------------------

def test_local_time_crosses_midnight_both_ways():
    instant = pd.Timestamp("2015-09-12T00:51:00Z")
    assert programme.local_time(instant, "Asia/Almaty").strftime("%Y-%m-%d %H:%M") == "2015-09-12 06:51"
    assert programme.local_time(instant, "America/New_York").strftime("%Y-%m-%d %H:%M") == "2015-09-11 20:51"


def test_local_time_follows_the_zone_rules_of_the_date():
    # Kazakhstan moved its clocks to UTC+5 on 1 March 2024; the same UTC clock time shows different local hours.
    before = programme.local_time(pd.Timestamp("2023-06-01T00:00Z"), "Asia/Almaty")
    after = programme.local_time(pd.Timestamp("2025-06-01T00:00Z"), "Asia/Almaty")
    assert before.utcoffset() == timedelta(hours=6) and after.utcoffset() == timedelta(hours=5)


def test_local_time_rejects_a_time_without_zone():
    with pytest.raises(ValueError):
        programme.local_time(pd.Timestamp("2015-09-12 00:51"), "Asia/Almaty")


def test_clock_table_lists_each_place():
    table = programme.clock_table(pd.Timestamp("2006-06-17T22:44:05Z"), {"UTC": "UTC", "Astana": "Asia/Almaty"})
    assert list(table["Local time"]) == ["22:44", "04:44"]
    assert table.loc[1, "Offset from UTC"] == "UTC+6"
    assert table.loc[1, "Local date"].endswith("18 June 2006")


def test_day_counts_separate_completed_and_nearest_days():
    counts = programme.day_counts(pd.Timedelta(days=207, hours=12, minutes=51))
    assert counts["completed_days"] == 207 and counts["nearest_days"] == 208
    assert (counts["hours"], counts["minutes"]) == (12, 51)
    short = programme.day_counts(pd.Timedelta(days=9, hours=11))
    assert short["completed_days"] == 9 and short["nearest_days"] == 9
    with pytest.raises(ValueError):
        programme.day_counts(pd.Timedelta(hours=-1))


# ---- events ---------------------------------------------------------------------------------------------------------

def test_programme_history_keeps_one_category():
    events = pd.DataFrame({"date": ["2007-03-27", "1955", "1993"], "category": ["programme", "baikonur", "programme"],
                           "title_en": ["b", "x", "a"], "description_en": ["d", "x", "c"]})
    history = programme.programme_history(events)
    assert list(history["What happened"]) == ["b", "a"]


@pytest.mark.parametrize("value, expected", [
    ("2007-03-27", "27 March 2007"), ("2019-08", "August 2019"), ("1993", "1993"),
    (pd.Timestamp("2014-06-19T19:11:11Z"), "19 June 2014"),
])
def test_date_text_keeps_the_precision(value, expected):
    assert programme.date_text(value) == expected


@pytest.mark.parametrize("site, country", [
    ("Guiana Space Centre, Kourou, French Guiana (ZLV)", "French Guiana"),
    ("Baikonur Cosmodrome, Kazakhstan (Site 200/39)", "Kazakhstan"),
    ("Yasny launch base, Orenburg region, Russia", "Russia"),
    ("Somewhere", "Somewhere"),
])
def test_launch_country_reads_the_last_part(site, country):
    assert programme.launch_country(site) == country


def test_cooperation_table_has_one_row_per_satellite_in_launch_order():
    table = programme.cooperation_table(_satellites().assign(builder=["b1", "b2", "b3"]))
    assert list(table["Satellite"]) == ["Early", "Late", "Quiet"]
    assert list(table["Launched from"]) == ["B", "K", "W"]


def test_claim_sources_lists_each_source_under_its_claim():
    sources = _sources().assign(publisher=["P1", pd.NA, "P3"], published=["2012", "2018-05-23", pd.NA],
                                kind=["news", "agency", "encyclopaedia"])
    table = programme.claim_sources("d2", _disagreements(), sources)
    assert list(table["Claim"]) == ["A", "A", "B"]
    assert list(table["Source"]) == ["Beta news", "Gamma encyclopaedia", "Alpha report"]
    assert table.loc[0, "Publisher"] == "" and table.loc[2, "Published"] == "2012"
    with pytest.raises(KeyError):
        programme.claim_sources("nope", _disagreements(), sources)


@pytest.mark.parametrize("text, expected", [
    ("Formed 24 March 2007 (infobox)", "24 March 2007"),
    ("return on Saturday, September 11", "September 11"),
    ("Launched 29 June 2014 and again 1 July 2014", "29 June 2014"),
    ("no date here, only 2014", None),
])
def test_first_date_in_finds_written_dates(text, expected):
    assert programme.first_date_in(text) == expected
