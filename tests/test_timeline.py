"""kazspace.timeline on small hand-made event tables."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from kazspace.data import _period_start  # noqa: E402
from kazspace.timeline import (  # noqa: E402
    CATEGORY_COLOURS,
    date_label,
    event_dates,
    period_end,
    select_events,
    timeline_figure,
)


def events(rows):
    """An events-like frame from (date, precision, category, title) tuples, in any order."""
    frame = pd.DataFrame(rows, columns=["date", "precision", "category", "title_en"])
    frame["date_start"] = _period_start(frame["date"])
    return frame


@pytest.fixture
def sample():
    return events([
        ("1961-04-12", "day", "world", "Gagarin flies"),
        ("1955-02-12", "day", "baikonur", "Decree"),
        ("1969", "year", "baikonur", "Town named"),
        ("1957-05", "month", "baikonur", "First R-7 attempt"),
        ("2004-01-09", "day", "programme", "Lease extended"),
    ])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_select_events_filters_by_category_and_years_and_sorts(sample):
    chosen = select_events(sample, ["baikonur", "world"], 1955, 1969)
    assert chosen["title_en"].tolist() == ["Decree", "First R-7 attempt", "Gagarin flies", "Town named"]
    assert select_events(sample)["title_en"].tolist()[-1] == "Lease extended"
    assert select_events(sample, ["world"])["title_en"].tolist() == ["Gagarin flies"]
    assert select_events(sample, None, 1970, None)["title_en"].tolist() == ["Lease extended"]


def test_date_label_follows_precision():
    assert date_label("1955-02-12", "day") == "12 Feb 1955"
    assert date_label("1957-05", "month") == "May 1957"
    assert date_label("1969", "year") == "1969"


def test_event_dates_are_indexed_by_id(sample):
    sample = sample.assign(event_id=[f"e{i}" for i in range(len(sample))])
    labels = event_dates(sample)
    assert labels["e0"] == "12 Apr 1961"
    assert labels["e2"] == "1969"
    assert len(labels) == len(sample)


def test_period_end():
    assert period_end(pd.Timestamp("1957-05-01"), "month") == pd.Timestamp("1957-06-01")
    assert period_end(pd.Timestamp("1969-01-01"), "year") == pd.Timestamp("1970-01-01")
    assert period_end(pd.Timestamp("1961-04-12"), "day") == pd.Timestamp("1961-04-13")


def _labels(figure):
    return [t.get_text() for t in figure.axes[0].texts]


def test_one_label_per_event_in_date_order_with_title(sample):
    figure = timeline_figure(sample, title="A test")
    assert isinstance(figure, Figure)
    labels = _labels(figure)
    assert len(labels) == len(sample)
    assert labels[0].startswith("12 Feb 1955: Decree")
    assert labels[-1].replace("\n", " ").startswith("9 Jan 2004: Lease")
    assert figure.axes[0].get_title(loc="left") == "A test"


def test_first_event_is_drawn_at_the_top(sample):
    axes = timeline_figure(sample).axes[0]
    heights = {t.get_text().split(":")[0]: t.get_position()[1] for t in axes.texts}
    assert heights["12 Feb 1955"] > heights["1969"] > heights["9 Jan 2004"]


def test_a_month_event_is_placed_at_the_middle_of_its_month():
    frame = events([("2026-03", "month", "baikonur", "Cargo launch"), ("2026-03-03", "day", "baikonur", "Repaired"),
                    ("2026-03-25", "day", "baikonur", "Late in March")])
    labels = [label.split(": ")[1] for label in _labels(timeline_figure(frame))]
    assert labels == ["Repaired", "Cargo launch", "Late in March"]


def test_late_labels_sit_left_of_their_marker(sample):
    axes = timeline_figure(sample).axes[0]
    alignment = {t.get_text().split(":")[0]: t.get_horizontalalignment() for t in axes.texts}
    assert alignment["12 Feb 1955"] == "left"
    assert alignment["9 Jan 2004"] == "right"


def test_uncertain_dates_get_hollow_markers_and_category_colours(sample):
    axes = timeline_figure(sample).axes[0]
    markers = [line for line in axes.lines if line.get_marker() == "o"]
    hollow = [line for line in markers if line.get_markerfacecolor() == "white"]
    assert len(markers) == len(sample)
    assert len(hollow) == 2  # the month and the year event
    colours = {matplotlib.colors.to_hex(line.get_color()) for line in markers}
    assert matplotlib.colors.to_hex(CATEGORY_COLOURS["programme"]) in colours


def test_legend_lists_only_present_categories(sample):
    figure = timeline_figure(select_events(sample, ["world"]))
    legend_text = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "world" in legend_text and "baikonur" not in legend_text


def test_empty_frame_is_an_error(sample):
    with pytest.raises(ValueError):
        timeline_figure(sample.iloc[0:0])
