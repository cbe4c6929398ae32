"""Helpers for two lessons: Kazakhstan's own space programme, and reading sources that disagree.

Everything here takes the book's tables as arguments (defaulting to the real dataset), so the tests can pass small
hand-made frames and the lessons stay short.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import data, i18n
from .i18n import N_, _
from .plots import OKABE_ITO, new_axes

# --------------------------------------------------------------------------------------------------------------
# Words for codes
# --------------------------------------------------------------------------------------------------------------

#: Orbit codes in the satellites table, in words (English; shown through ``_()``).
ORBIT_NAMES = {"GEO": N_("geostationary (GEO)"), "SSO": N_("sun-synchronous (SSO)"),
               "LEO": N_("low Earth orbit (LEO)")}
#: Satellite status codes and purpose codes in words (English: the code itself; shown through ``_()``).
STATUS_NAMES = {"operating": N_("operating"), "retired": N_("retired"), "lost": N_("lost"), "unknown": N_("unknown")}
PURPOSE_NAMES = {"communications": N_("communications"), "earth-observation": N_("earth observation"),
                 "technology": N_("technology"), "science": N_("science"), "education": N_("education")}
#: The countries (or territories) the satellites were launched from, as ``launch_country`` finds them.
COUNTRY_NAMES = {"Kazakhstan": N_("Kazakhstan"), "Russia": N_("Russia"), "French Guiana": N_("French Guiana"),
                 "India": N_("India"), "USA": N_("USA")}

#: One Okabe-Ito colour and one line style per satellite status, so the status never depends on colour alone.
STATUS_STYLES = {
    "operating": {"color": OKABE_ITO["bluish green"], "linestyle": "-", "hatch": ""},
    "retired": {"color": OKABE_ITO["orange"], "linestyle": "-", "hatch": ".."},
    "lost": {"color": OKABE_ITO["vermillion"], "linestyle": "-", "hatch": "xx"},
    "unknown": {"color": OKABE_ITO["sky blue"], "linestyle": ":", "hatch": ""},
}

#: The kinds of disagreement, in the order the reading-sources lesson teaches them, with a plain-words heading.
KIND_LABELS = {
    "time-zone": N_("Same moment, different clocks (time zones)"),
    "rounding": N_("Same number, rounded differently"),
    "out-of-date": N_("True when written, out of date now"),
    "unsupported": N_("Claims nobody confirms"),
    "differing-records": N_("Records that really differ"),
}


def split_ids(cell) -> list[str]:
    """'a;b;c' as ['a', 'b', 'c']; an empty or missing cell as []."""
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    return [part.strip() for part in str(cell).split(";") if part.strip()]


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def date_text(value) -> str:
    """A date as readers write it, at the precision it has: '2007-03-27' -> '27 March 2007', '2019-08' ->
    'August 2019', '1993' -> '1993'. Timestamps and dates give the day form. In Kazakh: '2007 жылғы 27 наурыз',
    '2019 жылғы тамыз', '1993'."""
    english = i18n.language() == i18n.DEFAULT
    if isinstance(value, str):
        parts = value.split("-")
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            if not english:
                return i18n.month_year(int(parts[0]), int(parts[1]))
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if not english:
            return i18n.date(f"{parts[0]}-{int(parts[1]):02d}-{int(parts[2]):02d}")
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    stamp = pd.Timestamp(value)
    if not english:
        return i18n.date(stamp)
    return f"{stamp.day} {_MONTHS[stamp.month - 1]} {stamp.year}"


_MONTH_WORDS = "|".join(_MONTHS)
_WRITTEN_DATE = re.compile(rf"(?:(\d{{1,2}}) ({_MONTH_WORDS})|({_MONTH_WORDS}) (\d{{1,2}}))(?:,? (\d{{4}}))?")
_MEASURE = re.compile(r"(\d+(?:\.\d+)?) (m|km)")
_UNITS = {"m": N_("m"), "km": N_("km")}


def written_value(text) -> str:
    """A short data value written in English ('27 March 2007', 'September 11', '6.5 m') in the reader's language:
    a date or a measurement that is the whole text is rewritten ('2007 жылғы 27 наурыз', '11 қыркүйек', '6,5 м');
    anything else (and everything in English) comes back as it is, since data text is never translated here."""
    if text is None or i18n.language() == i18n.DEFAULT:
        return text
    value = str(text).strip()
    match = _WRITTEN_DATE.fullmatch(value)
    if match:
        day = int(match.group(1) or match.group(4))
        month = _MONTHS.index(match.group(2) or match.group(3)) + 1
        if match.group(5):
            return i18n.date(f"{match.group(5)}-{month:02d}-{day:02d}")
        return i18n.date(f"2000-{month:02d}-{day:02d}", year=False)
    match = _MEASURE.fullmatch(value)
    if match:
        return f"{i18n.localise_number(match.group(1))} {_(_UNITS[match.group(2)])}"
    return text


# --------------------------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------------------------

def source_titles(ids, sources: pd.DataFrame | None = None, separator: str = "; ") -> str:
    """Resolve source ids ('a;b' or a list) to their titles from the sources table, joined by `separator`.

    An id that the sources table does not know raises KeyError: a title must never be guessed.
    """
    sources = data.sources() if sources is None else sources
    titles = dict(zip(sources["source_id"], sources["title"]))
    wanted = split_ids(ids) if isinstance(ids, str) or ids is None else list(ids)
    missing = [s for s in wanted if s not in titles]
    if missing:
        raise KeyError(f"source id(s) not in the sources table: {', '.join(missing)}")
    return separator.join(str(titles[s]) for s in wanted)


# --------------------------------------------------------------------------------------------------------------
# Satellites
# --------------------------------------------------------------------------------------------------------------

def status_label(status: str, as_of: str) -> str:
    """'operating (as of 2025-09-10)': a status always carries the date it was last confirmed."""
    return _("{status} (as of {date})").format(status=_(STATUS_NAMES[status]) if status in STATUS_NAMES else status,
                                               date=as_of)


def orbit_name(code: str) -> str:
    """An orbit code in words, in the reader's language: 'GEO' -> 'geostationary (GEO)'."""
    return _(ORBIT_NAMES[code])


def country_name(country: str) -> str:
    """A country from ``launch_country`` in the reader's language ('Kazakhstan' -> 'Қазақстан'); others as they are."""
    return _(COUNTRY_NAMES[country]) if country in COUNTRY_NAMES else country


def satellite_table(satellites: pd.DataFrame | None = None) -> pd.DataFrame:
    """Kazakhstan's satellites as a tidy table for reading: one row per satellite, in launch order."""
    sats = data.satellites() if satellites is None else satellites
    sats = sats.sort_values("launch_utc", kind="stable")
    purposes = sats["purpose"].astype(str)
    return pd.DataFrame({
        _("Satellite"): sats["name"].astype(str),
        _("Purpose"): [_(PURPOSE_NAMES[p]) if p in PURPOSE_NAMES else p.replace("-", " ") for p in purposes],
        _("Launched (UTC)"): sats["launch_utc"].dt.strftime("%Y-%m-%d %H:%M"),
        _("Rocket"): sats["vehicle"].astype(str),
        _("Launch site"): sats["launch_site"].astype(str),
        _("Orbit"): sats["orbit"].astype(str).map(lambda code: orbit_name(code) if code in ORBIT_NAMES else None),
        _("Status"): [status_label(str(s), str(d)) for s, d in zip(sats["status"], sats["status_as_of"])],
    }).reset_index(drop=True)


def launch_country(site: str) -> str:
    """The country (or territory) at the end of a launch-site description such as
    'Guiana Space Centre, Kourou, French Guiana (ZLV)' -> 'French Guiana'."""
    last = str(site).split(",")[-1]
    return re.sub(r"\s*\(.*\)\s*$", "", last).strip()


def cooperation_table(satellites: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who built each satellite and where it was launched from: the partners behind the programme."""
    sats = data.satellites() if satellites is None else satellites
    sats = sats.sort_values("launch_utc", kind="stable")
    return pd.DataFrame({
        _("Satellite"): sats["name"].astype(str),
        _("Built by"): sats["builder"].astype(str),
        _("Rocket"): sats["vehicle"].astype(str),
        _("Launched from"): [country_name(launch_country(s)) for s in sats["launch_site"]],
    }).reset_index(drop=True)


def _as_date(value: str) -> pd.Timestamp:
    """'2008-11-26', '2008-11' or '2008' as a timestamp at the start of that period."""
    return pd.Timestamp(str(value) + {4: "-01-01", 7: "-01"}.get(len(str(value)), ""))


def satellite_spans(satellites: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each satellite: launch date, the last date we know something about it, and its status.

    The span ends at the end date for a lost or retired satellite, and at the date its status was last confirmed
    otherwise. Whether the span is "known working" is True only for operating, lost and retired satellites, whose
    sources say it worked up to that date; for status 'unknown' the book only knows it was launched.
    """
    sats = data.satellites() if satellites is None else satellites
    sats = sats.sort_values("launch_utc", kind="stable").reset_index(drop=True)
    launch = sats["launch_utc"].dt.tz_localize(None).dt.normalize()
    ends = [_as_date(e) if isinstance(e, str) and e else _as_date(a)
            for e, a in zip(sats["end_date"].astype(object).where(sats["end_date"].notna(), None),
                            sats["status_as_of"].astype(str))]
    return pd.DataFrame({
        "name": sats["name"].astype(str),
        "status": sats["status"].astype(str),
        "launch": launch,
        "end": pd.to_datetime(ends),
        "known_working": sats["status"].astype(str).isin(["operating", "lost", "retired"]),
        "as_of": sats["status_as_of"].astype(str),
    })


def satellite_timeline(satellites: pd.DataFrame | None = None):
    """A Gantt-style strip: one row per satellite from launch to its end or last confirmed date, coloured by status.

    Returns (figure, axes).
    """
    spans = satellite_spans(satellites)
    # Status labels are longer in Kazakh than in English: the Kazakh figure is wider and leaves them more room.
    english = i18n.language() == i18n.DEFAULT
    figure, axes = new_axes(width=9 if english else 11, height=0.5 * len(spans) + 1.6)
    for row_number, span in enumerate(spans.itertuples(index=False)):
        style = STATUS_STYLES.get(span.status, STATUS_STYLES["unknown"])
        left = mdates.date2num(span.launch)
        width = mdates.date2num(span.end) - left
        if span.known_working:
            axes.barh(row_number, width, left=left, height=0.6, color=style["color"], hatch=style["hatch"],
                      edgecolor="black", linewidth=0.6)
        else:
            axes.plot([left, left + width], [row_number, row_number], color=style["color"],
                      linestyle=style["linestyle"], linewidth=2.5)
        axes.plot(left, row_number, marker="^", color="black", markersize=6)
        axes.annotate(status_label(span.status, span.as_of), (left + width, row_number), xytext=(4, 0),
                      textcoords="offset points", va="center", fontsize=8)
    axes.set_yticks(range(len(spans)), spans["name"])
    axes.invert_yaxis()
    axes.xaxis_date()
    axes.xaxis.set_major_locator(mdates.YearLocator(2))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    start, end = spans["launch"].min(), spans["end"].max()
    room = 4 if english else 10
    axes.set_xlim(mdates.date2num(pd.Timestamp(start.year, 1, 1)), mdates.date2num(pd.Timestamp(end.year + room, 1, 1)))
    if not english:     # no year labels under the labels' room, only under the data
        axes.set_xticks([mdates.date2num(pd.Timestamp(year, 1, 1)) for year in range(start.year, end.year + 2, 2)])
    axes.set_xlabel(_("Year"))
    handles = [Line2D([], [], marker="^", color="black", linestyle="", label=_("launch"))]
    for status in [s for s in STATUS_STYLES if s in set(spans["status"])]:
        style = STATUS_STYLES[status]
        if status == "unknown":
            handles.append(Line2D([], [], color=style["color"], linestyle=":", linewidth=2.5,
                                  label=_("status unknown")))
        else:
            handles.append(Patch(facecolor=style["color"], hatch=style["hatch"], edgecolor="black",
                                 label=_(STATUS_NAMES[status])))
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(handles), fontsize=8,
                frameon=False)
    return figure, axes


_RESOLUTION = re.compile(r"\bresolution\s+(\d+(?:\.\d+)?)\s*m\b", re.IGNORECASE)


def resolution_m(notes) -> float | None:
    """The ground resolution in metres that a satellite's notes state ('resolution 6.5 m'), or None if none is."""
    if notes is None or (not isinstance(notes, str) and pd.isna(notes)):
        return None
    match = _RESOLUTION.search(str(notes))
    return float(match.group(1)) if match else None


def pixels_for_square(side_m: float, resolution: float) -> int:
    """How many whole pixels cover a square field `side_m` metres on each side, at `resolution` metres per pixel.

    A pixel only partly on the field still has to be stored, so each side is rounded up.
    """
    if side_m <= 0 or resolution <= 0:
        raise ValueError("the field size and the resolution must be positive")
    per_side = math.ceil(side_m / resolution - 1e-9)
    return per_side * per_side


# --------------------------------------------------------------------------------------------------------------
# Time zones and durations
# --------------------------------------------------------------------------------------------------------------

def _utc_datetime(instant) -> datetime:
    stamp = pd.Timestamp(instant)
    if stamp.tzinfo is None:
        raise ValueError("give a time with its time zone (UTC), not a bare clock time")
    return stamp.to_pydatetime().astimezone(timezone.utc)


def local_time(instant, zone: str) -> datetime:
    """The same instant on the clocks of an IANA time zone such as 'Asia/Almaty', using the zoneinfo database."""
    return _utc_datetime(instant).astimezone(ZoneInfo(zone))


def clock_table(instant, zones: dict[str, str]) -> pd.DataFrame:
    """One instant on several clocks: place, zone, UTC offset, local date and local time.

    `zones` maps a place label to an IANA zone, e.g. {"Kazakhstan": "Asia/Almaty"}.
    """
    rows = []
    for place, zone in zones.items():
        local = local_time(instant, zone)
        hours = local.utcoffset().total_seconds() / 3600
        if i18n.language() == i18n.DEFAULT:
            local_date = local.strftime("%A %d %B %Y")
        else:
            local_date = f"{i18n.date(local.date())}, {i18n.weekday_name(local.date())}"
        rows.append({_("Place"): place, _("Time zone"): zone, _("Offset from UTC"): f"UTC{hours:+g}",
                     _("Local date"): local_date, _("Local time"): local.strftime("%H:%M")})
    return pd.DataFrame(rows)


def day_counts(duration) -> dict:
    """Ways of turning a duration into a number of days.

    Returns exact days (float), completed days (whole days actually finished), nearest whole day
    (half a day or more rounds up) and the remainder after the completed days as hours and minutes.
    """
    seconds = pd.Timedelta(duration).total_seconds()
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    exact = seconds / 86400
    completed = int(seconds // 86400)
    remainder = seconds - completed * 86400
    return {"exact_days": exact, "completed_days": completed, "nearest_days": int(math.floor(exact + 0.5)),
            "hours": int(remainder // 3600), "minutes": int(remainder % 3600 // 60)}


# --------------------------------------------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------------------------------------------

def disagreement_display(disagreements: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                         kind: str | None = None) -> pd.DataFrame:
    """The disagreements table for reading, with source ids resolved to titles; optionally one kind only.

    Rows keep the table's order within each kind, and kinds follow KIND_LABELS.
    """
    rows = data.disagreements() if disagreements is None else disagreements
    sources = data.sources() if sources is None else sources
    rows = rows.assign(_kind=rows["kind"].astype(str))
    order = {k: n for n, k in enumerate(KIND_LABELS)}
    rows = rows.assign(_order=rows["_kind"].map(lambda k: order.get(k, len(order))))
    rows = rows.sort_values("_order", kind="stable")
    if kind is not None:
        rows = rows[rows["_kind"] == kind]
    return pd.DataFrame({
        _("Id"): rows["disagreement_id"].astype(str),
        _("Kind"): rows["_kind"],
        _("Topic"): rows["topic"].astype(str),
        _("Claim A"): rows["claim_a"].astype(str),
        _("Sources for A"): [source_titles(s, sources) for s in rows["sources_a"]],
        _("Claim B"): rows["claim_b"].astype(str),
        _("Sources for B"): [source_titles(s, sources) for s in rows["sources_b"]],
        _("What the book teaches"): rows["taught"].astype(str),
        _("Why"): rows["explanation"].astype(str),
    }).reset_index(drop=True)


def kind_counts(disagreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many disagreements of each kind, in the order of KIND_LABELS (kinds with no rows show 0)."""
    rows = data.disagreements() if disagreements is None else disagreements
    counts = rows["kind"].astype(str).value_counts()
    kinds = list(KIND_LABELS) + sorted(set(counts.index) - set(KIND_LABELS))
    return pd.DataFrame({_("Kind"): kinds,
                         _("What it means"): [_(KIND_LABELS[k]) if k in KIND_LABELS else k for k in kinds],
                         _("Rows"): [int(counts.get(k, 0)) for k in kinds]})


def claim_pair(disagreement_id: str, disagreements: pd.DataFrame | None = None,
               sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Two claims side by side, with who says each, for a 'which would you teach?' exercise (no answer shown)."""
    rows = data.disagreements() if disagreements is None else disagreements
    match = rows[rows["disagreement_id"].astype(str) == disagreement_id]
    if match.empty:
        raise KeyError(f"no disagreement with id '{disagreement_id}'")
    row = match.iloc[0]
    return pd.DataFrame({_("Claim"): [str(row["claim_a"]), str(row["claim_b"])],
                         _("Who says so"): [source_titles(row["sources_a"], sources),
                                            source_titles(row["sources_b"], sources)]},
                        index=pd.Index(["A", "B"], name=str(row["topic"])))


def claim_sources(disagreement_id: str, disagreements: pd.DataFrame | None = None,
                  sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every source behind each side of one disagreement: title, publisher, date published and kind of source."""
    rows = data.disagreements() if disagreements is None else disagreements
    sources = data.sources() if sources is None else sources
    match = rows[rows["disagreement_id"].astype(str) == disagreement_id]
    if match.empty:
        raise KeyError(f"no disagreement with id '{disagreement_id}'")
    by_id = sources.set_index("source_id")
    records = []
    for side, column in (("A", "sources_a"), ("B", "sources_b")):
        for source_id in split_ids(match.iloc[0][column]):
            if source_id not in by_id.index:
                raise KeyError(f"source id not in the sources table: {source_id}")
            source = by_id.loc[source_id]
            records.append({_("Claim"): side, _("Source"): str(source["title"]),
                            _("Publisher"): "" if pd.isna(source.get("publisher", pd.NA)) else str(source["publisher"]),
                            _("Published"): "" if pd.isna(source.get("published", pd.NA)) else str(source["published"]),
                            _("Kind of source"): "" if pd.isna(source.get("kind", pd.NA)) else str(source["kind"])})
    return pd.DataFrame(records)


def first_date_in(text: str) -> str | None:
    """The first date written like '24 March 2007' or 'September 11' in a piece of text, as written, or None."""
    months = "|".join(_MONTHS)
    match = re.search(rf"\b(\d{{1,2}} (?:{months}) \d{{4}}|(?:{months}) \d{{1,2}}(?:, \d{{4}})?)\b", str(text))
    return match.group(1) if match else None


def programme_history(events: pd.DataFrame | None = None, category: str = "programme") -> pd.DataFrame:
    """Events of one category (by default the agencies and laws of Kazakhstan's programme) as a dated table."""
    events = data.events() if events is None else events
    chosen = events[events["category"].astype(str) == category]
    return pd.DataFrame({_("Date"): chosen["date"].astype(str), _("What happened"): chosen["title_en"].astype(str),
                         _("Details"): chosen["description_en"].astype(str)}).reset_index(drop=True)
