"""Count and compare orbital launches from the GCAT launch log (``kazspace.launches()``).

Every function takes a launches frame (one row per launch, as ``kazspace.launches()`` returns it, or any frame with
the same columns), so a lesson or a test can pass the whole log, one site, or a small hand-made table.

A launch is one GCAT ``Launch_Tag`` (our column ``launch_tag``): one rocket leaving the pad, however many satellites
it carries. Counting functions therefore count distinct tags, never rows.
"""

from __future__ import annotations

import re

import pandas as pd

from .i18n import N_, _
from .plots import OKABE_ITO, PALETTE, SITE_COLOURS, new_axes

#: GCAT lists Cape Canaveral Space Force Station and NASA's Kennedy Space Center separately. They sit side by side on
#: the same cape, so the lessons compare them with other sites as one "Cape Canaveral".
SITE_GROUPS = {"Canaveral": "Cape Canaveral", "Kennedy": "Cape Canaveral"}
#: The label for every launch outside the sites being compared.
REST = N_("Rest of the world")
#: The label for all launches together in tables and charts.
WORLD = N_("World")
#: Site names (as GCAT and SITE_GROUPS write them) that a chart or a sentence shows in the reader's language.
SITE_NAMES = (N_("Baikonur"), N_("Plesetsk"), N_("Cape Canaveral"), N_("Vostochniy"), N_("Kapustin Yar"),
              N_("Yasniy"), N_("Svobodniy"), REST, WORLD)


#: GCAT's outcomes in words (English: the code itself; shown through ``_()``).
OUTCOME_NAMES = {"success": N_("success"), "failure": N_("failure")}


def outcome_name(outcome: str) -> str:
    """A launch outcome as the reader's language writes it ('failure' -> 'сәтсіз' in Kazakh)."""
    return _(OUTCOME_NAMES[outcome]) if outcome in OUTCOME_NAMES else outcome


def site_name(site) -> str:
    """A site's name in the reader's language ('Baikonur' -> 'Байқоңыр' in Kazakh); other names as they are."""
    return _(site) if site in SITE_NAMES else site


def launch_times_utc(frame: pd.DataFrame) -> pd.Series:
    """Each launch's moment in UTC, from ``launch_date`` and ``launch_time`` (NaT where GCAT gives no time)."""
    times = frame["launch_time"].astype("string")
    times = times.where(times.str.len() != 5, times + ":00")  # HH:MM -> HH:MM:00
    text = frame["launch_date"].dt.strftime("%Y-%m-%d") + " " + times
    return pd.to_datetime(text, format="%Y-%m-%d %H:%M:%S").dt.tz_localize("UTC")


def count_launches(frame: pd.DataFrame) -> int:
    """The number of distinct launches (launch tags) in a frame."""
    return int(frame["launch_tag"].nunique())


def group_sites(frame: pd.DataFrame, groups: dict[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with a ``site_group`` column: the site, or the group it belongs to in ``groups``.

    By default Canaveral and Kennedy become "Cape Canaveral" (see SITE_GROUPS); every other site keeps its name.
    """
    groups = SITE_GROUPS if groups is None else groups
    grouped = frame.copy()
    sites = grouped["site"].astype("string")
    grouped["site_group"] = sites.map(lambda s: groups.get(s, s) if isinstance(s, str) else s).astype("string")
    return grouped


def last_complete_year(frame: pd.DataFrame) -> int:
    """The latest calendar year the log covers to its end (the year before the last launch, unless that was 31 Dec)."""
    last = pd.Timestamp(frame["launch_date"].max())
    return int(last.year) if (last.month, last.day) == (12, 31) else int(last.year) - 1


def launches_per_year(frame: pd.DataFrame, start: int, end: int) -> pd.Series:
    """Launches in each year from ``start`` to ``end`` inclusive, with 0 for years without any."""
    years = frame["launch_date"].dt.year
    counts = frame.loc[years.between(start, end)].groupby(years)["launch_tag"].nunique()
    return counts.reindex(range(start, end + 1), fill_value=0).rename("launches").rename_axis("year").astype(int)


def per_year_by_site(frame: pd.DataFrame, sites: list[str], start: int, end: int,
                     rest: str | None = REST) -> pd.DataFrame:
    """One column of yearly launch counts per site group in ``sites`` (after ``group_sites``), one row per year.

    With ``rest`` set, a last column counts every other launch, so each row adds up to the world total.
    """
    grouped = group_sites(frame)
    columns = {site: launches_per_year(grouped[grouped["site_group"] == site], start, end) for site in sites}
    if rest:
        columns[rest] = launches_per_year(grouped[~grouped["site_group"].isin(sites)], start, end)
    return pd.DataFrame(columns)


def share_per_year(frame: pd.DataFrame, site: str, start: int, end: int) -> pd.DataFrame:
    """For each year: the site's launches, the world's launches and the site's share of them in per cent."""
    grouped = group_sites(frame)
    table = pd.DataFrame({site: launches_per_year(grouped[grouped["site_group"] == site], start, end),
                          "world": launches_per_year(grouped, start, end)})
    world = table["world"].where(table["world"] > 0)
    table["share_percent"] = (100 * table[site] / world).astype(float)
    return table


def share(frame: pd.DataFrame, site: str) -> float:
    """The site's share (per cent) of all launches in ``frame``."""
    total = count_launches(frame)
    if total == 0:
        raise ValueError("the frame holds no launches")
    grouped = group_sites(frame)
    return 100 * count_launches(grouped[grouped["site_group"] == site]) / total


def decade_label(year: int) -> str:
    """1957 -> '1950s'."""
    return f"{int(year) // 10 * 10}s"


def success_rates(frame: pd.DataFrame, by: str = "decade") -> pd.DataFrame:
    """Launches, successes, failures and the success rate (per cent) per decade, per year or per ``site_group``.

    ``by`` is "decade", "year", or the name of a column of ``frame`` or of ``group_sites(frame)`` (e.g. "site_group").
    A launch is a success when it reached orbit (or its path into deep space); GCAT marks the rest as failures.
    """
    launches = group_sites(frame).drop_duplicates("launch_tag")
    years = launches["launch_date"].dt.year.astype(int)
    if by == "decade":
        key = years.map(decade_label).rename("decade")
    elif by == "year":
        key = years.rename("year")
    else:
        key = launches[by]
    outcome = pd.DataFrame({"launches": 1, "successes": (launches["outcome"] == "success").astype(int)},
                           index=launches.index)
    table = outcome.groupby(key, observed=True).sum()
    table["failures"] = table["launches"] - table["successes"]
    table["success_rate_percent"] = 100 * table["successes"] / table["launches"]
    return table


def vehicle_family(vehicle: str) -> str:
    """The first part of a GCAT rocket name, before a space, hyphen or slash: 'Proton-K/DM-2' -> 'Proton'.

    A rough grouping of versions of the same rocket by name ('Soyuz-U' and 'Soyuz-2-1A' -> 'Soyuz'); it does not know
    which families descend from which (Soyuz from the R-7, for example).
    """
    return re.split(r"[ \-/]", vehicle.strip(), maxsplit=1)[0]


def top_vehicles(frame: pd.DataFrame, n: int = 10, family: bool = False) -> pd.DataFrame:
    """The ``n`` rockets with most launches in ``frame``, with launches, share (per cent) and years flown.

    With ``family=True`` versions are grouped by ``vehicle_family``. Ties keep alphabetical order.
    """
    launches = frame.drop_duplicates("launch_tag").copy()
    launches["rocket"] = launches["vehicle"].map(vehicle_family) if family else launches["vehicle"]
    table = launches.groupby("rocket").agg(launches=("launch_tag", "size"), first_year=("launch_date", "min"),
                                            last_year=("launch_date", "max"))
    table["first_year"] = table["first_year"].dt.year
    table["last_year"] = table["last_year"].dt.year
    table["share_percent"] = 100 * table["launches"] / len(launches)
    table = table.reset_index().sort_values(["launches", "rocket"], ascending=[False, True], kind="stable")
    return table.head(n).reset_index(drop=True)[["rocket", "launches", "share_percent", "first_year", "last_year"]]


def period_summary(frame: pd.DataFrame, periods: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """For each named period (first year, last year, inclusive): launches, years, launches per year, success rate."""
    years = frame["launch_date"].dt.year
    rows = []
    for name, (first, last) in periods.items():
        part = frame[years.between(first, last)]
        launches = count_launches(part)
        successes = count_launches(part[part["outcome"] == "success"])
        n_years = last - first + 1
        rows.append({"period": name, "first_year": first, "last_year": last, "launches": launches,
                     "launches_per_year": launches / n_years,
                     "success_rate_percent": 100 * successes / launches if launches else float("nan")})
    return pd.DataFrame(rows).set_index("period")


def peak_year(counts: pd.Series) -> tuple[int, int]:
    """The year with most launches in a per-year series, and that number (the earliest year if tied)."""
    year = int(counts.idxmax())
    return year, int(counts.loc[year])


def plot_yearly(table: pd.DataFrame, ylabel: str, title: str | None = None, marks: dict[int, str] | None = None):
    """A line chart of a per-year table (index = year, one line per column), returned as a matplotlib Figure.

    Sites keep their colours from ``kazspace.plots.SITE_COLOURS`` and "World" is black; other columns take the
    palette in order. ``marks`` draws a dashed vertical line with a label at each given year.
    """
    figure, axes = new_axes(width=9, height=4.2, title=title)
    spare = iter(c for c in PALETTE if c not in SITE_COLOURS.values() and c != OKABE_ITO["black"])
    for column in table.columns:
        colour = OKABE_ITO["black"] if column == WORLD else SITE_COLOURS.get(column) or next(spare)
        axes.plot(table.index, table[column], label=site_name(column), color=colour,
                  linewidth=2 if column != WORLD else 1.5)
    for year, label in (marks or {}).items():
        axes.axvline(year, color="#777777", linestyle="--", linewidth=1)
        axes.annotate(label, (year, 1), xycoords=("data", "axes fraction"), xytext=(4, -4),
                      textcoords="offset points", va="top", fontsize=9, color="#444444")
    axes.set_xlabel(_("Year"))
    axes.set_ylabel(ylabel)
    axes.set_xlim(table.index.min(), table.index.max())
    axes.set_ylim(bottom=0)
    if len(table.columns) > 1:
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, 0.92))
    return figure
