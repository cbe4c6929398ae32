"""Tests for kazspace.cosmonauts on small hand-made tables, so expectations are worked out here, not read back."""

from datetime import date

import pandas as pd
import pytest

from kazspace import cosmonauts


def make_people():
    return pd.DataFrame({
        "person_id": ["ann", "bek", "cai"],
        "name_en": ["Ann", "Bek", "Cai"],
        "name_kk": ["Анн", "Бек", "Кай"],
        "born": ["1960-05-20", "1970-03", "1980"],
        "born_precision": ["day", "month", "year"],
        "birthplace_en": ["Here", "There", "Elsewhere"],
    })


def make_flights():
    utc = lambda s: pd.Timestamp(s, tz="UTC")  # noqa: E731
    return pd.DataFrame({
        "flight_id": ["bek-1", "ann-1", "ann-2", "cai-1"],
        "person_id": pd.array(["bek", "ann", "ann", "cai"], dtype="string"),
        "mission": ["M2", "M1", "M3", "M4"],
        "launch_spacecraft": ["S2", "S1", "S3", "S4"],
        "landing_spacecraft": ["S2", "S0", "S3", "S4"],
        "launch_utc": [utc("2000-03-10 00:00"), utc("1990-05-19 12:00"), utc("1995-01-01 00:00"),
                       utc("2010-06-01 00:00")],
        "landing_utc": [utc("2000-03-12 06:30"), utc("1990-05-27 13:01:59"), utc("1995-01-11 00:00"),
                        utc("2010-06-02 00:00")],
    })


def make_walks():
    return pd.DataFrame({
        "person_id": ["ann", "ann", "ann", "bek"],
        "flight_id": ["ann-1", "ann-2", "ann-2", "bek-1"],
        "date": pd.to_datetime(["1990-05-20", "1995-01-03", "1995-01-09", "2000-03-11"]),
        "partner": ["X", "Y", "Y", "Z"],
        "purpose": ["a", "b", "c", "d"],
        "duration": pd.to_timedelta(["5:30:00", "6:45:00", "0:50:00", "1:00:00"]),
    })


def test_format_duration_and_hours():
    assert cosmonauts.format_duration(pd.Timedelta(days=7, hours=22, minutes=12, seconds=40)) == "7 d 22 h 12 min"
    assert cosmonauts.format_duration(pd.Timedelta(hours=5, minutes=6)) == "5 h 06 min"
    assert cosmonauts.format_duration(pd.Timedelta(days=1, seconds=5), seconds=True) == "1 d 0 h 00 min 05 s"
    assert cosmonauts.format_hours(pd.Timedelta(days=1, hours=6, minutes=8)) == "30 h 08 min"


def test_long_date_has_no_leading_zero():
    assert cosmonauts.long_date(pd.Timestamp("1991-10-02T05:59:38Z")) == "2 October 1991"
    assert cosmonauts.long_date(date(2015, 9, 12)) == "12 September 2015"


def test_age_with_day_precision_turns_on_the_birthday():
    assert cosmonauts.age_range("1960-05-20", "day", date(1990, 5, 19)) == (29, 29)
    assert cosmonauts.age_range("1960-05-20", "day", date(1990, 5, 20)) == (30, 30)


def test_age_with_coarse_precision_is_a_range_only_when_the_birthday_may_be_near():
    assert cosmonauts.age_range("1970-03", "month", date(2000, 3, 10)) == (29, 30)
    assert cosmonauts.age_range("1970-03", "month", date(2000, 4, 1)) == (30, 30)
    assert cosmonauts.age_range("1970-02", "month", date(2000, 2, 29)) == (30, 30)  # Feb 1970 had 28 days
    assert cosmonauts.age_range("1980", "year", date(2010, 6, 1)) == (29, 30)
    assert cosmonauts.age_range("1980", "year", date(2010, 12, 31)) == (30, 30)
    with pytest.raises(ValueError):
        cosmonauts.age_range("1980", "decade", date(2010, 1, 1))


def test_ages_at_flight_leaves_uncertain_ages_empty():
    ages = cosmonauts.ages_at_flight(make_flights(), make_people()).set_index("flight_id")
    assert list(ages.index) == ["ann-1", "ann-2", "bek-1", "cai-1"]  # by launch time
    assert ages.loc["ann-1", "age"] == 29 and ages.loc["ann-2", "age"] == 34
    assert pd.isna(ages.loc["bek-1", "age"]) and (ages.loc["bek-1", "age_min"], ages.loc["bek-1", "age_max"]) == (29, 30)
    assert pd.isna(ages.loc["cai-1", "age"])


def test_time_in_space_sums_each_persons_flights():
    totals = cosmonauts.time_in_space(make_flights()).set_index("person_id")
    expected = pd.Timedelta(days=8, hours=1, minutes=1, seconds=59) + pd.Timedelta(days=10)
    assert totals.loc["ann", "flights"] == 2
    assert totals.loc["ann", "total"] == expected
    assert totals.loc["ann", "days"] == pytest.approx(expected.total_seconds() / 86400)
    assert totals.loc["bek", "days"] == pytest.approx(2.25 + 0.5 / 24)


def test_flight_table_is_in_launch_order_with_computed_durations():
    table = cosmonauts.flight_table(make_flights(), make_people())
    assert list(table["Cosmonaut"]) == ["Ann", "Ann", "Bek", "Cai"]
    assert list(table["Down on"])[:1] == ["S0"]
    assert table["Time in space"].iloc[0] == "8 d 1 h 01 min"
    assert table["Landing (UTC)"].iloc[2] == "2000-03-12 06:30:00 UTC"


def test_people_table_keeps_the_requested_order():
    table = cosmonauts.people_table(make_people(), ids=("cai", "ann"))
    assert list(table["Name"]) == ["Cai", "Ann"]
    assert list(table["Name in Kazakh"]) == ["Кай", "Анн"]


def test_eva_totals_by_flight_and_person():
    walks = make_walks()
    by_flight = cosmonauts.eva_totals(walks).set_index("flight_id")
    assert by_flight.loc["ann-2", "spacewalks"] == 2
    assert by_flight.loc["ann-2", "total"] == pd.Timedelta(hours=7, minutes=35)
    by_person = cosmonauts.eva_totals(walks, by="person_id").set_index("person_id")
    assert by_person.loc["ann", "hours"] == pytest.approx(5.5 + 6.75 + 50 / 60)


def test_eva_total_between_includes_both_ends():
    count, total = cosmonauts.eva_total_between(make_walks(), "1995-01-03", "1995-01-09")
    assert count == 2 and total == pd.Timedelta(hours=7, minutes=35)
    assert cosmonauts.eva_total_between(make_walks(), "1995-01-04", "1995-01-08")[0] == 0


def test_spacewalk_table_is_sorted_by_date():
    walks = make_walks().iloc[::-1]
    table = cosmonauts.spacewalk_table(walks)
    assert list(table["Date"]) == ["1990-05-20", "1995-01-03", "1995-01-09", "2000-03-11"]
    assert table["Reported duration"].iloc[2] == "0 h 50 min"


def test_local_times_cross_the_date_line_and_follow_summer_time():
    instant = pd.Timestamp("2015-09-12 00:51", tz="UTC")
    table = cosmonauts.local_times(instant, {"UTC": "UTC", "Almaty": "Asia/Almaty", "NY": "America/New_York",
                                             "Delhi": "Asia/Kolkata"}).set_index("Place")
    assert table.loc["UTC", "Local date"] == "2015-09-12"
    assert table.loc["Almaty", "Local time"] == "06:51"           # Kazakhstan was UTC+6 in 2015
    assert table.loc["NY", "Local date"] == "2015-09-11" and table.loc["NY", "Weekday"] == "Friday"
    assert table.loc["Delhi", "Offset"] == "UTC+05:30"
    winter = cosmonauts.local_times(pd.Timestamp("2015-01-12 00:51", tz="UTC"), {"NY": "America/New_York"})
    assert winter["Offset"].iloc[0] == "UTC-05:00" and table.loc["NY", "Offset"] == "UTC-04:00"


def test_comparison_figure_draws_the_numbers_it_is_given():
    import matplotlib.pyplot as plt

    summary = pd.DataFrame({"person_id": ["ann", "bek"], "name": ["Ann Aa", "Bek Bb"], "days": [3.5, 120.25],
                            "spacewalks": [0, 4]})
    ages = cosmonauts.ages_at_flight(make_flights(), make_people())
    figure = cosmonauts.comparison_figure(summary, ages)
    days_ax, walks_ax, ages_ax = figure.axes
    assert [p.get_height() for p in days_ax.patches] == [3.5, 120.25]
    assert [p.get_height() for p in walks_ax.patches] == [0, 4]
    assert len(ages_ax.patches) == len(ages)
    # uncertain ages are drawn at their lower bound, so no bar is missing
    assert ages_ax.patches[2].get_height() == ages["age_min"].iloc[2]
    labels = [t.get_text() for t in ages_ax.texts]
    assert labels[0] == "29" and labels[2] == "29–30"
    assert [t.get_text() for t in days_ax.get_xticklabels()] == ["Aa", "Bb"]
    plt.close(figure)


def test_disagreement_and_quote_tables_keep_the_order_asked_for():
    dis = pd.DataFrame({"disagreement_id": ["d1", "d2"], "topic": ["T1", "T2"], "claim_a": ["A1", "A2"],
                        "sources_a": pd.array(["s1;s2", "s3"], dtype="string"), "claim_b": ["B1", "B2"],
                        "sources_b": pd.array(["s4", "s5;s6"], dtype="string"), "taught": ["X1", "X2"]})
    table = cosmonauts.disagreement_table(["d2", "d1"], dis)
    assert list(table["Topic"]) == ["T2", "T1"]
    assert table["Another account (sources)"].iloc[0] == "B2 (s5, s6)"
    quotes = pd.DataFrame({"quote_id": ["q1", "q2"], "text": ["hello", "сәлем"], "language": ["en", "kk"],
                           "source_ids": pd.array(["a;b", "c"], dtype="string")})
    assert list(cosmonauts.quote_table(["q2"], quotes)["Words"]) == ["сәлем"]
    assert cosmonauts.quote_table(["q1"], quotes)["Sources"].iloc[0] == "a, b"
