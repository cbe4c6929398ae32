"""kazspace.launch_stats on small hand-made launch logs, where every expected number can be counted by eye."""

import math

import pandas as pd
import pytest

from kazspace import launch_stats as ls


def log(rows):
    """A launches-like frame from (tag, date, site, vehicle, outcome) tuples."""
    frame = pd.DataFrame(rows, columns=["launch_tag", "launch_date", "site", "vehicle", "outcome"])
    frame["launch_date"] = pd.to_datetime(frame["launch_date"])
    frame["outcome"] = frame["outcome"].astype("category")
    return frame


@pytest.fixture
def small():
    return log([
        ("A", "1960-03-01", "Baikonur", "Vostok 8K72", "failure"),
        ("B", "1960-07-01", "Baikonur", "Vostok 8K72", "success"),
        ("C", "1960-09-01", "Canaveral", "Thor Agena", "success"),
        ("D", "1962-01-05", "Kennedy", "Saturn I", "success"),
        ("E", "1962-02-05", "Plesetsk", "Kosmos-2", "success"),
        ("F", "1971-05-05", "Baikonur", "Proton-K/D", "success"),
        ("F", "1971-05-05", "Baikonur", "Proton-K/D", "success"),  # a second payload of the same launch
        ("G", "1971-06-06", "Baikonur", "Soyuz-U", "failure"),
    ])


def test_a_launch_is_a_tag_not_a_row(small):
    assert len(small) == 8
    assert ls.count_launches(small) == 7


def test_canaveral_and_kennedy_are_grouped_and_other_sites_keep_their_names(small):
    grouped = ls.group_sites(small)
    assert set(grouped.loc[grouped["site"].isin(["Canaveral", "Kennedy"]), "site_group"]) == {"Cape Canaveral"}
    assert list(grouped.loc[grouped["site"] == "Plesetsk", "site_group"].unique()) == ["Plesetsk"]
    assert "site_group" not in small  # the input is not changed


def test_custom_groups(small):
    grouped = ls.group_sites(small, {"Plesetsk": "Russia (north)"})
    assert "Russia (north)" in set(grouped["site_group"])
    assert "Kennedy" in set(grouped["site_group"])


def test_launches_per_year_fills_empty_years_with_zero(small):
    counts = ls.launches_per_year(small, 1960, 1963)
    assert list(counts.index) == [1960, 1961, 1962, 1963]
    assert list(counts) == [3, 0, 2, 0]


def test_per_year_by_site_adds_up_to_the_world(small):
    table = ls.per_year_by_site(small, ["Baikonur", "Cape Canaveral"], 1960, 1971)
    assert list(table.columns) == ["Baikonur", "Cape Canaveral", ls.REST]
    assert table.sum(axis=1).equals(ls.launches_per_year(small, 1960, 1971).rename(None))
    assert table.loc[1962, "Cape Canaveral"] == 1 and table.loc[1962, ls.REST] == 1
    assert ls.REST not in ls.per_year_by_site(small, ["Baikonur"], 1960, 1971, rest=None)


def test_share_per_year_and_overall_share(small):
    table = ls.share_per_year(small, "Baikonur", 1960, 1971)
    assert table.loc[1960, "share_percent"] == pytest.approx(200 / 3)
    assert table.loc[1971, "share_percent"] == 100
    assert math.isnan(table.loc[1961, "share_percent"])  # no launches anywhere: no share, not 0 %
    assert ls.share(small, "Baikonur") == pytest.approx(100 * 4 / 7)
    assert ls.share(small, "Cape Canaveral") == pytest.approx(100 * 2 / 7)
    with pytest.raises(ValueError):
        ls.share(small.iloc[0:0], "Baikonur")


def test_last_complete_year():
    assert ls.last_complete_year(log([("A", "2026-02-24", "X", "R", "success")])) == 2025
    assert ls.last_complete_year(log([("A", "2025-12-31", "X", "R", "success")])) == 2025


def test_decade_label():
    assert [ls.decade_label(y) for y in (1957, 1960, 1999, 2026)] == ["1950s", "1960s", "1990s", "2020s"]


def test_success_rates_by_decade_count_each_launch_once(small):
    table = ls.success_rates(small)
    assert list(table.index) == ["1960s", "1970s"]
    assert table.loc["1960s", ["launches", "successes", "failures"]].tolist() == [5, 4, 1]
    assert table.loc["1970s", ["launches", "successes", "failures"]].tolist() == [2, 1, 1]
    assert table.loc["1970s", "success_rate_percent"] == 50


def test_success_rates_by_site_group_and_year(small):
    by_site = ls.success_rates(small, by="site_group")
    assert by_site.loc["Cape Canaveral", "launches"] == 2
    assert by_site.loc["Baikonur", "success_rate_percent"] == 50
    by_year = ls.success_rates(small, by="year")
    assert by_year["launches"].sum() == ls.count_launches(small)


def test_vehicle_family():
    assert ls.vehicle_family("Proton-K/DM-2") == "Proton"
    assert ls.vehicle_family("Soyuz-2-1A") == "Soyuz"
    assert ls.vehicle_family("Voskhod 11A57") == "Voskhod"
    assert ls.vehicle_family("Energiya/Buran") == "Energiya"
    assert ls.vehicle_family("Dnepr") == "Dnepr"


def test_top_vehicles_counts_launches_and_breaks_ties_alphabetically(small):
    top = ls.top_vehicles(small, n=3)
    assert top["rocket"].tolist() == ["Vostok 8K72", "Kosmos-2", "Proton-K/D"]
    assert top["launches"].tolist() == [2, 1, 1]
    assert top.loc[0, "share_percent"] == pytest.approx(100 * 2 / 7)
    assert (top.loc[0, "first_year"], top.loc[0, "last_year"]) == (1960, 1960)


def test_top_vehicles_by_family():
    frame = log([("A", "1970-01-01", "B", "Soyuz-U", "success"), ("B", "1990-01-01", "B", "Soyuz-FG", "success"),
                 ("C", "1980-01-01", "B", "Proton-K", "success")])
    top = ls.top_vehicles(frame, family=True)
    assert top["rocket"].tolist() == ["Soyuz", "Proton"]
    assert (top.loc[0, "first_year"], top.loc[0, "last_year"]) == (1970, 1990)


def test_period_summary(small):
    table = ls.period_summary(small, {"early": (1960, 1969), "later": (1970, 1979), "empty": (1990, 1991)})
    assert table.loc["early", "launches"] == 5
    assert table.loc["early", "launches_per_year"] == pytest.approx(0.5)
    assert table.loc["later", "success_rate_percent"] == 50
    assert math.isnan(table.loc["empty", "success_rate_percent"])


def test_peak_year_takes_the_earliest_of_a_tie():
    assert ls.peak_year(pd.Series([3, 5, 5, 1], index=[2000, 2001, 2002, 2003])) == (2001, 5)


def test_launch_times_utc_combines_date_and_time():
    frame = log([("A", "1957-10-04", "X", "R", "success"), ("B", "1961-04-12", "X", "R", "success"),
                 ("C", "1962-01-01", "X", "R", "success")])
    frame["launch_time"] = pd.array(["19:28:34", "06:07", None], dtype="string")
    times = ls.launch_times_utc(frame)
    assert times[0] == pd.Timestamp("1957-10-04 19:28:34", tz="UTC")
    assert times[1] == pd.Timestamp("1961-04-12 06:07:00", tz="UTC")
    assert pd.isna(times[2])
    # the same moment is already the next day five hours east of Greenwich
    assert times[0].tz_convert("Etc/GMT-5").day == 5


def test_plot_yearly_draws_one_line_per_column_in_site_colours(small):
    import matplotlib
    import matplotlib.pyplot as plt

    from kazspace.plots import SITE_COLOURS

    table = ls.per_year_by_site(small, ["Baikonur"], 1960, 1971, rest=None)
    table[ls.WORLD] = ls.launches_per_year(small, 1960, 1971)
    figure = ls.plot_yearly(table, "Launches", title="Test", marks={1965: "a mark"})
    axes = figure.axes[0]
    lines = {line.get_label(): line for line in axes.get_lines() if not line.get_label().startswith("_")}
    assert set(lines) == {"Baikonur", ls.WORLD}
    assert matplotlib.colors.to_hex(lines["Baikonur"].get_color()) == SITE_COLOURS["Baikonur"].lower()
    assert list(lines[ls.WORLD].get_ydata()) == table[ls.WORLD].tolist()
    assert any(text.get_text() == "a mark" for text in axes.texts)
    plt.close(figure)
