"""Plotting helpers shared by lessons and exercises: one colour-blind-safe palette, one look."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg") if matplotlib.get_backend().lower() == "agg" else None
import matplotlib.pyplot as plt  # noqa: E402

from .i18n import N_  # noqa: E402

#: Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}
PALETTE = list(OKABE_ITO.values())
#: Fixed colours for the sites the lessons compare, so a site looks the same in every chart. The keys are the
#: English names (as in the data); a chart's legend shows them through ``_()``.
SITE_COLOURS = {N_("Baikonur"): OKABE_ITO["blue"], N_("Plesetsk"): OKABE_ITO["orange"],
                N_("Cape Canaveral"): OKABE_ITO["bluish green"], N_("Rest of the world"): "#999999"}


def new_axes(width: float = 8, height: float = 4, title: str | None = None):
    """A figure and axes in the book's style."""
    plt.rcParams.update({"font.size": 11, "axes.spines.top": False, "axes.spines.right": False,
                         "axes.prop_cycle": matplotlib.cycler(color=PALETTE), "svg.hashsalt": "kazspace"})
    figure, axes = plt.subplots(figsize=(width, height), layout="constrained")
    if title:
        axes.set_title(title, loc="left")
    return figure, axes
