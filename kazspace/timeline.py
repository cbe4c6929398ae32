"""Draw a timeline figure from the events table (``kazspace.events()``), for any lesson.

One row per event, top to bottom in date order, so labels never overlap however close the dates are. The horizontal
axis is real time. An event known to the day is a filled dot; one known only to the month or year is drawn as a bar
over that whole period, so the figure never looks more precise than the data.

    from kazspace.timeline import select_events, timeline_figure
    figure = timeline_figure(select_events(kazspace.events(), ["baikonur", "world"], 1955, 1991))
"""

from __future__ import annotations

import re
import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D

from . import i18n
from .i18n import N_, _
from .plots import OKABE_ITO, new_axes

#: One fixed colour per event category, so a category looks the same in every lesson's timeline.
CATEGORY_COLOURS = {
    "baikonur": OKABE_ITO["blue"], "world": OKABE_ITO["vermillion"], "cosmonauts": OKABE_ITO["bluish green"],
    "programme": OKABE_ITO["reddish purple"], "satellites": OKABE_ITO["orange"], "baiterek": OKABE_ITO["sky blue"],
}
#: The categories as the legend names them (English: the code itself).
CATEGORY_NAMES = {"baikonur": N_("baikonur"), "world": N_("world"), "cosmonauts": N_("cosmonauts"),
                  "programme": N_("programme"), "satellites": N_("satellites"), "baiterek": N_("baiterek")}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_WRAP = 46


def select_events(events: pd.DataFrame, categories: list[str] | None = None, start: int | None = None,
                  end: int | None = None) -> pd.DataFrame:
    """The events in ``categories`` (all if None) whose period starts in the years ``start`` to ``end`` inclusive."""
    years = events["date_start"].dt.year
    keep = pd.Series(True, index=events.index)
    if categories is not None:
        keep &= events["category"].astype(str).isin(categories)
    if start is not None:
        keep &= years >= start
    if end is not None:
        keep &= years <= end
    return events[keep].sort_values("date_start", kind="stable").reset_index(drop=True)


def date_label(date: str, precision: str) -> str:
    """'1955-02-12', 'day' -> '12 Feb 1955'; '1955-04', 'month' -> 'Apr 1955'; '1969', 'year' -> '1969'.

    In Kazakh: '1955 жылғы 12 ақпан', '1955 жылғы сәуір', '1969'.
    """
    parts = str(date).split("-")
    if i18n.language() != i18n.DEFAULT:
        if precision == "day":
            return i18n.date(f"{parts[0]}-{int(parts[1]):02d}-{int(parts[2]):02d}")
        if precision == "month":
            return i18n.month_year(int(parts[0]), int(parts[1]))
        return parts[0]
    if precision == "day":
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if precision == "month":
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def event_dates(events: pd.DataFrame) -> pd.Series:
    """Each event's date as a reader sees it ('12 Feb 1955', 'Apr 1955', '1969'), indexed by event_id."""
    labels = [date_label(d, p) for d, p in zip(events["date"], events["precision"].astype(str))]
    return pd.Series(labels, index=events["event_id"].astype(str), name="date_label")


class _MonthNamesFormatter(mdates.ConciseDateFormatter):
    """matplotlib's concise date labels with the month names of the language in force (matplotlib writes English)."""

    _ENGLISH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")

    def _translate(self, text: str) -> str:
        return self._ENGLISH.sub(lambda m: i18n.month_name(_MONTHS.index(m.group(1)) + 1), text)

    def format_ticks(self, values):
        return [self._translate(label) for label in super().format_ticks(values)]

    def get_offset(self):
        return self._translate(super().get_offset())


def period_end(start: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The first moment after the period an event's date stands for (a day, a month or a year)."""
    step = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}[precision]
    return start + step


def timeline_figure(events_frame: pd.DataFrame, title: str | None = None):
    """A matplotlib Figure with one labelled row per event (columns date, precision, category, title_en, date_start).

    Rows follow date order, earliest at the top; an event known only to the month or year is placed at the middle of
    that period (so "Mar 2026" comes after "3 Mar 2026"), where its marker is drawn. Colours follow CATEGORY_COLOURS; the legend lists the categories
    present and explains the dot and the bar.
    """
    if len(events_frame) == 0:
        raise ValueError("no events to draw")
    middles = [s + (period_end(s, p) - s) / 2 for s, p in zip(events_frame["date_start"],
                                                               events_frame["precision"].astype(str))]
    frame = events_frame.assign(_middle=middles).sort_values("_middle", kind="stable").reset_index(drop=True)
    count = len(frame)
    figure, axes = new_axes(width=10, height=1.2 + 0.52 * count, title=title)
    first = frame["date_start"].min()
    last = max(period_end(s, p) for s, p in zip(frame["date_start"], frame["precision"].astype(str)))
    span = last - first
    left, right = first - span * 0.03, last + span * 0.03
    middle = first + span * 0.5
    for row, event in frame.iterrows():
        y = count - 1 - row
        colour = CATEGORY_COLOURS.get(str(event["category"]), OKABE_ITO["black"])
        start, precision = event["date_start"], str(event["precision"])
        axes.axhline(y, color="#dddddd", linewidth=0.6, zorder=0)
        if precision == "day":
            axes.plot([start], [y], marker="o", markersize=8, color=colour, zorder=3)
        else:
            end = period_end(start, precision)
            axes.plot([start, end], [y, y], color=colour, linewidth=5, solid_capstyle="butt", alpha=0.6, zorder=2)
            axes.plot([start + (end - start) / 2], [y], marker="o", markersize=8, markerfacecolor="white",
                      markeredgewidth=2, color=colour, zorder=3)
        label = textwrap.fill(f"{date_label(event['date'], precision)}: {event['title_en']}", _WRAP)
        on_left = start > middle
        offset = -span * 0.012 if on_left else period_end(start, precision) - start + span * 0.012
        axes.text(start + offset, y, label, ha="right" if on_left else "left", va="center", fontsize=9,
                  linespacing=1.05, zorder=4)
    axes.set_xlim(left, right)
    axes.set_ylim(-0.7, count - 0.3)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=10))
    formatter = mdates.ConciseDateFormatter if i18n.language() == i18n.DEFAULT else _MonthNamesFormatter
    axes.xaxis.set_major_formatter(formatter(axes.xaxis.get_major_locator()))
    present = [c for c in CATEGORY_COLOURS if c in set(frame["category"].astype(str))]
    handles = [Line2D([], [], color=CATEGORY_COLOURS[c], marker="s", linestyle="", markersize=9,
                      label=_(CATEGORY_NAMES.get(c, c)) if c in CATEGORY_NAMES else c) for c in present]
    handles += [Line2D([], [], color="#555555", marker="o", linestyle="", label=_("date known to the day")),
                Line2D([], [], color="#555555", marker="o", markerfacecolor="white", markeredgewidth=2,
                       linestyle="", label=_("known only to the month or year (bar: the whole period)"))]
    figure.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 3), frameon=False,
                  fontsize=9)
    return figure
