"""Kazakhstan's cosmonauts in numbers: flight tables, ages at flight, time in space, spacewalk totals, local dates.

Every function takes the tables as arguments (defaulting to the book's dataset), so the tests can pass small
hand-made frames and the lessons can pass the real ones.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pandas as pd

from . import data, i18n
from .i18n import _

#: The three Kazakh cosmonauts who have flown, in the order of their first flight.
COSMONAUTS = ("aubakirov", "musabayev", "aimbetov")


def format_duration(value: pd.Timedelta, seconds: bool = False) -> str:
    """A duration as students read it: '7 d 22 h 12 min' (days only when there are any)."""
    total = int(pd.Timedelta(value).total_seconds())
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    text = _("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")
    if seconds:
        text += " " + _("{seconds} s").format(seconds=f"{secs:02d}")
    return _("{days} d {time}").format(days=days, time=text) if days else text


def format_hours(value: pd.Timedelta) -> str:
    """A duration in hours and minutes, never days: '30 h 08 min' (the way spacewalk totals are reported)."""
    minutes = round(pd.Timedelta(value).total_seconds() / 60)
    return _("{hours} h {minutes} min").format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def long_date(value) -> str:
    """A date as written in the prose: '2 October 1991' ('1991 жылғы 2 қазан' in Kazakh)."""
    return i18n.date(pd.Timestamp(value))


def format_utc(value: pd.Timestamp) -> str:
    """A UTC instant as '2015-09-12 00:51:00 UTC'."""
    return pd.Timestamp(value).tz_convert("UTC").strftime("%Y-%m-%d %H:%M:%S UTC")


def short_name_kk(full_name) -> str:
    """The short Kazakh form of a name in people.csv: first name and surname, without the patronymic."""
    words = str(full_name).split()
    return " ".join([words[0], words[-1]]) if len(words) > 2 else " ".join(words)


def names(people: pd.DataFrame | None = None) -> pd.Series:
    """Each person's name as the reader's language writes it, indexed by person_id: name_en in English, the short
    form of name_kk in Kazakh (name_en where the table has no Kazakh name)."""
    people = data.people() if people is None else people
    english = people.set_index("person_id")["name_en"]
    if i18n.language() == i18n.DEFAULT or "name_kk" not in people:
        return english
    kazakh = people.set_index("person_id")["name_kk"]
    return pd.Series([short_name_kk(k) if isinstance(k, str) and k.strip() else e
                      for k, e in zip(kazakh, english)], index=english.index, name="name")


def people_table(people: pd.DataFrame | None = None, ids=COSMONAUTS) -> pd.DataFrame:
    """Names in English and Kazakh, birth date and birthplace of the given people, in the given order."""
    people = data.people() if people is None else people
    chosen = people.set_index("person_id").loc[list(ids)].reset_index()
    birthplace = chosen["birthplace_en"]
    if i18n.language() != i18n.DEFAULT and "birthplace_kk" in chosen:
        birthplace = chosen["birthplace_kk"].where(chosen["birthplace_kk"].notna(), chosen["birthplace_en"])
    return pd.DataFrame({
        _("Name"): chosen["name_en"], _("Name in Kazakh"): chosen["name_kk"], _("Born"): chosen["born"],
        _("Birthplace"): birthplace,
    })


def flight_table(flights: pd.DataFrame | None = None, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per flight for display: who, mission, spacecraft up and down, UTC times and the computed duration."""
    flights = data.flights() if flights is None else flights
    people = data.people() if people is None else people
    shown = names(people)
    ordered = flights.sort_values("launch_utc")
    duration = ordered["landing_utc"] - ordered["launch_utc"]
    return pd.DataFrame({
        _("Cosmonaut"): ordered["person_id"].map(shown).to_numpy(),
        _("Mission"): ordered["mission"].to_numpy(),
        _("Up on"): ordered["launch_spacecraft"].to_numpy(),
        _("Down on"): ordered["landing_spacecraft"].to_numpy(),
        _("Launch (UTC)"): [format_utc(t) for t in ordered["launch_utc"]],
        _("Landing (UTC)"): [format_utc(t) for t in ordered["landing_utc"]],
        _("Time in space"): [format_duration(d) for d in duration],
    })


def age_range(born: str, precision: str, on: date) -> tuple[int, int]:
    """Youngest and oldest possible age (completed years) on a day, for a birth date known to a day, month or year.

    With day precision both ages are equal. With month or year precision the person may or may not have had the
    birthday yet, so the two can differ by one.
    """
    on = pd.Timestamp(on).date()
    year = int(born[:4])
    if precision == "day":
        first = last = date.fromisoformat(born[:10])
    elif precision == "month":
        month = int(born[5:7])
        first = date(year, month, 1)
        last = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
    elif precision == "year":
        first, last = date(year, 1, 1), date(year, 12, 31)
    else:
        raise ValueError(f"unknown date precision: {precision!r}")

    def completed_years(birth: date) -> int:
        return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))

    # Born later means younger: the last possible birthday gives the youngest age.
    return completed_years(last), completed_years(first)


def ages_at_flight(flights: pd.DataFrame | None = None, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Age at launch for every flight: age_min, age_max, and age (empty when the birth date is too coarse to tell)."""
    flights = data.flights() if flights is None else flights
    people = data.people() if people is None else people
    born = people.set_index("person_id")
    rows = []
    for flight in flights.sort_values("launch_utc").itertuples(index=False):
        person = born.loc[flight.person_id]
        youngest, oldest = age_range(person["born"], person["born_precision"], flight.launch_utc.date())
        rows.append({"flight_id": flight.flight_id, "person_id": flight.person_id,
                     "launch_year": flight.launch_utc.year, "age_min": youngest, "age_max": oldest,
                     "age": youngest if youngest == oldest else pd.NA})
    frame = pd.DataFrame(rows)
    frame["age"] = frame["age"].astype("Int64")
    return frame


def time_in_space(flights: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per person: number of flights, total time in space (timedelta) and total days."""
    flights = data.flights() if flights is None else flights
    duration = flights["landing_utc"] - flights["launch_utc"]
    grouped = duration.groupby(flights["person_id"].astype(str))
    frame = pd.DataFrame({"flights": grouped.size(), "total": grouped.sum()})
    frame["days"] = frame["total"].dt.total_seconds() / 86400
    return frame.rename_axis("person_id").reset_index()


def spacewalk_table(spacewalks: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per spacewalk for display: date, partner, reported duration and purpose."""
    walks = data.spacewalks() if spacewalks is None else spacewalks
    walks = walks.sort_values("date")
    return pd.DataFrame({
        _("Date"): walks["date"].dt.strftime("%Y-%m-%d").to_numpy(),
        _("Partner"): walks["partner"].to_numpy(),
        _("Reported duration"): [format_hours(d) for d in walks["duration"]],
        _("Purpose"): walks["purpose"].to_numpy(),
    })


def eva_totals(spacewalks: pd.DataFrame | None = None, by: str = "flight_id") -> pd.DataFrame:
    """Number of spacewalks and their summed reported duration, grouped by a column (flight or person)."""
    walks = data.spacewalks() if spacewalks is None else spacewalks
    grouped = walks.groupby(walks[by].astype(str))["duration"]
    frame = pd.DataFrame({"spacewalks": grouped.size(), "total": grouped.sum()})
    frame["hours"] = frame["total"].dt.total_seconds() / 3600
    return frame.rename_axis(by).reset_index()


def eva_total_between(spacewalks: pd.DataFrame, start: str, end: str) -> tuple[int, pd.Timedelta]:
    """Number and summed duration of the spacewalks dated from start to end (both included)."""
    chosen = spacewalks[(spacewalks["date"] >= pd.Timestamp(start)) & (spacewalks["date"] <= pd.Timestamp(end))]
    return len(chosen), chosen["duration"].sum()


def local_times(instant: pd.Timestamp, zones: dict[str, str]) -> pd.DataFrame:
    """The same instant on the clocks of several places: {place: tz database zone} -> local date, weekday, time.

    The place labels are shown as given (translate them with ``_()`` where they are written).
    """
    moment = pd.Timestamp(instant).to_pydatetime()
    rows = []
    for place, zone in zones.items():
        local: datetime = moment.astimezone(ZoneInfo(zone))
        minutes = int(local.utcoffset().total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        offset = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        rows.append({_("Place"): place, _("Time zone"): zone, _("Offset"): offset,
                     _("Local date"): local.strftime("%Y-%m-%d"), _("Weekday"): i18n.weekday_name(local),
                     _("Local time"): local.strftime("%H:%M")})
    return pd.DataFrame(rows)


#: One colour per cosmonaut (Okabe-Ito), the same in every chart.
COLOURS = {"aubakirov": "#0072B2", "musabayev": "#E69F00", "aimbetov": "#009E73"}


def comparison_figure(summary: pd.DataFrame, ages: pd.DataFrame):
    """Three bar charts side by side: days in space, spacewalks (per person), age at each flight.

    summary: one row per person with columns person_id, name, days, spacewalks.
    ages: one row per flight with columns person_id, launch_year, age (from ages_at_flight).
    """
    from .plots import new_axes

    figure, first = new_axes(width=12, height=4)
    first.remove()
    axes = figure.subplots(1, 3, gridspec_kw={"width_ratios": [1, 1, 1.8]})
    colours = [COLOURS.get(p, "#999999") for p in summary["person_id"]]
    surnames = [name.split()[-1] for name in summary["name"]]

    bars = axes[0].bar(surnames, summary["days"], color=colours)
    axes[0].bar_label(bars, labels=[i18n.localise_number(f"{d:.1f}") for d in summary["days"]])
    axes[0].set_title(_("Days in space (all flights)"), loc="left")
    axes[0].set_ylabel(_("days"))

    bars = axes[1].bar(surnames, summary["spacewalks"], color=colours)
    axes[1].bar_label(bars, labels=[str(int(n)) for n in summary["spacewalks"]])
    axes[1].set_title(_("Spacewalks"), loc="left")
    axes[1].set_ylabel(_("number of spacewalks"))

    names = dict(zip(summary["person_id"], surnames))
    labels = [f"{names.get(p, p)}\n{y}" for p, y in zip(ages["person_id"], ages["launch_year"])]
    # An age known only as a range (coarse birth date) is drawn at its lower bound and labelled with the range.
    heights = [float(a) if not pd.isna(a) else float(lo) for a, lo in zip(ages["age"], ages["age_min"])]
    bars = axes[2].bar(labels, heights, color=[COLOURS.get(p, "#999999") for p in ages["person_id"]])
    axes[2].bar_label(bars, labels=[str(int(a)) if not pd.isna(a) else f"{lo}–{hi}"
                                    for a, lo, hi in zip(ages["age"], ages["age_min"], ages["age_max"])])
    axes[2].set_title(_("Age at each launch"), loc="left")
    axes[2].set_ylabel(_("age in completed years"))
    for ax in axes:
        ax.tick_params(axis="x", labelsize=9)
    return figure


def disagreement_table(ids, disagreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows of the disagreements table, in the order given, as a reader sees them (source ids kept)."""
    table = data.disagreements() if disagreements is None else disagreements
    chosen = table.set_index("disagreement_id").loc[list(ids)].reset_index()
    return pd.DataFrame({
        _("Topic"): chosen["topic"],
        _("One account (sources)"): chosen["claim_a"] + " (" + chosen["sources_a"].str.replace(";", ", ") + ")",
        _("Another account (sources)"): chosen["claim_b"] + " (" + chosen["sources_b"].str.replace(";", ", ") + ")",
        _("What this book teaches"): chosen["taught"],
    })


def quote_table(ids, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes in the order given: words, language and sources."""
    table = data.quotes() if quotes is None else quotes
    chosen = table.set_index("quote_id").loc[list(ids)].reset_index()
    return pd.DataFrame({_("Words"): chosen["text"], _("Language"): chosen["language"],
                         _("Sources"): chosen["source_ids"].str.replace(";", ", ")})
