"""Circular-orbit physics for checking what cosmonauts say: period, orbits per day, and how long the night lasts.

Everything is in SI units inside (metres, seconds); altitudes are given in kilometres because that is how
orbits are reported. Functions accept a number or a NumPy array of altitudes.

Model: a circular orbit around a spherical Earth, Newtonian gravity (Kepler's third law), and the Sun lying in
the orbital plane with parallel rays, so Earth's shadow is a cylinder. That gives the *longest* possible night
for the orbit; when the Sun is out of the orbital plane the night is shorter.
"""

from __future__ import annotations

import html

import numpy as np

from .i18n import _, localise_number

#: Geocentric gravitational constant GM of Earth, m^3 s^-2 (IAU 2009 system; source id cosm-almanac-constants).
GM_EARTH = 3.986004418e14
#: Equatorial radius of Earth, m (IAU 2009 system; source id cosm-almanac-constants).
R_EARTH = 6378136.6
#: One day on the clock (a mean solar day), s.
DAY = 86400.0


def semi_major_axis(altitude_km):
    """Distance from Earth's centre for an orbit at this altitude above the equatorial radius, in metres."""
    altitude_km = np.asarray(altitude_km, dtype=float)
    if np.any(altitude_km < 0):
        raise ValueError("altitude must not be negative")
    return R_EARTH + altitude_km * 1000.0


def orbital_period(altitude_km):
    """Time for one orbit, in seconds: T = 2 pi sqrt(a^3 / GM) (Kepler's third law)."""
    a = semi_major_axis(altitude_km)
    return 2 * np.pi * np.sqrt(a**3 / GM_EARTH)


def altitude_for_period(period_s):
    """The altitude in km whose circular orbit has this period (Kepler's third law solved for a)."""
    period_s = np.asarray(period_s, dtype=float)
    a = np.cbrt(GM_EARTH * (period_s / (2 * np.pi)) ** 2)
    return (a - R_EARTH) / 1000.0


def orbital_speed(altitude_km):
    """Speed on a circular orbit, in m/s: v = sqrt(GM / a)."""
    return np.sqrt(GM_EARTH / semi_major_axis(altitude_km))


def orbits_per_day(altitude_km, day_s: float = DAY):
    """How many orbits fit into one day (86,400 s unless told otherwise)."""
    return day_s / orbital_period(altitude_km)


def shadow_half_angle(altitude_km):
    """Half of the arc of the orbit that lies in Earth's shadow, in radians: arcsin(R / a)."""
    return np.arcsin(R_EARTH / semi_major_axis(altitude_km))


def night_fraction(altitude_km):
    """Fraction of each orbit spent in Earth's shadow, with the Sun in the orbital plane: arcsin(R / a) / pi."""
    return shadow_half_angle(altitude_km) / np.pi


def night_minutes(altitude_km):
    """Minutes of 'night' (in Earth's shadow) per orbit, with the Sun in the orbital plane."""
    return night_fraction(altitude_km) * orbital_period(altitude_km) / 60.0


def day_minutes(altitude_km):
    """Minutes of 'day' (in sunlight) per orbit: the rest of the orbit."""
    return (1 - night_fraction(altitude_km)) * orbital_period(altitude_km) / 60.0


def describe(altitude_km: float) -> dict:
    """The numbers a student compares with the cosmonaut's words, rounded for reading."""
    return {
        "altitude_km": float(altitude_km),
        "period_min": round(float(orbital_period(altitude_km)) / 60, 1),
        "orbits_per_day": round(float(orbits_per_day(altitude_km)), 2),
        "night_min": round(float(night_minutes(altitude_km)), 1),
        "day_min": round(float(day_minutes(altitude_km)), 1),
        "speed_km_s": round(float(orbital_speed(altitude_km)) / 1000, 2),
    }


def describe_html(altitude_km: float) -> str:
    """describe() as a short HTML sentence for the widget."""
    d = describe(altitude_km)
    n = localise_number
    text = _("At {altitude} km: one orbit takes {period} min, {orbits} orbits per day; night {night} min and day "
             "{day} min per orbit (speed {speed} km/s).").format(
        altitude=f"{d['altitude_km']:.0f}", period=n(d["period_min"]), orbits=n(d["orbits_per_day"]),
        night=n(d["night_min"]), day=n(d["day_min"]), speed=n(d["speed_km_s"]))
    return f"<p>{html.escape(text)}</p>"


def altitude_explorer(default_km: float = 400, min_km: float = 200, max_km: float = 2000):
    """A slider for the altitude and a line of results that updates when the slider moves.

    Returns an ipywidgets VBox whose ``children`` are (slider, result); set ``slider.value`` to change the altitude.
    """
    import ipywidgets as widgets

    slider = widgets.FloatSlider(value=default_km, min=min_km, max=max_km, step=1, description=_("Altitude (km)"),
                                 continuous_update=False, readout_format=".0f",
                                 style={"description_width": "initial"},
                                 layout=widgets.Layout(width="100%", max_width="600px"))
    result = widgets.HTML(value=describe_html(default_km))

    def update(change):
        result.value = describe_html(change["new"])

    slider.observe(update, names="value")
    return widgets.VBox([slider, result])


def shadow_figure(altitude_km: float = 2000):
    """A sketch of the model: Earth, a circular orbit, sunlight from the left and the cylinder of Earth's shadow.

    The part of the orbit inside the shadow is drawn thick; its half-angle is arcsin(R / a).
    """
    from matplotlib.patches import Circle

    from .plots import OKABE_ITO, new_axes

    figure, axes = new_axes(width=7, height=5)
    r = R_EARTH / 1000
    a = float(semi_major_axis(altitude_km)) / 1000
    half = float(shadow_half_angle(altitude_km))
    extent = a * 1.35
    axes.fill_between([0, extent], -r, r, color="#BBBBBB", alpha=0.6, lw=0, label=_("Earth's shadow"))
    axes.add_patch(Circle((0, 0), r, color=OKABE_ITO["blue"], label=_("Earth")))
    angle = np.linspace(0, 2 * np.pi, 721)
    axes.plot(a * np.cos(angle), a * np.sin(angle), ls="--", color=OKABE_ITO["black"], lw=1,
              label=_("orbit (day)"))
    night = np.linspace(-half, half, 201)
    axes.plot(a * np.cos(night), a * np.sin(night), color=OKABE_ITO["vermillion"], lw=4,
              label=_("orbit (night)"))
    axes.plot([0, a * np.cos(half)], [0, a * np.sin(half)], color="white", lw=1.5)
    axes.plot([0, a], [0, 0], color="white", lw=1.5)
    axes.plot([a * np.cos(half)] * 2, [0, a * np.sin(half)], ls=":", color=OKABE_ITO["black"], lw=1.5)
    axes.text(a * np.cos(half) + 0.03 * a, a * np.sin(half) / 2, "R", fontsize=13)
    axes.text(a * 0.5 * np.cos(half) - 0.1 * a, a * 0.5 * np.sin(half) + 0.05 * a, "a", fontsize=13, color="white")
    axes.annotate("θ", (a * 0.28 * np.cos(half / 2), a * 0.28 * np.sin(half / 2)), fontsize=14,
                  color="white")
    for y in np.linspace(-0.8 * a, 0.8 * a, 5):
        axes.annotate("", xy=(-a * 1.05, y), xytext=(-extent, y),
                      arrowprops={"arrowstyle": "->", "color": OKABE_ITO["orange"]})
    axes.text(-extent, 0.9 * a, _("sunlight"))
    axes.set_aspect("equal")
    axes.set_xlim(-extent, extent)
    axes.set_ylim(-extent * 0.85, extent * 0.85)
    axes.set_xlabel(_("km from Earth's centre"))
    axes.set_ylabel(_("km from Earth's centre"))
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    return figure


def minutes_figure(low_km: float, high_km: float, claims: dict[str, float] | None = None,
                   start_km: float = 200, stop_km: float = 800):
    """Period, day and night per orbit (minutes) against altitude, with a shaded altitude band and optional
    horizontal lines for quoted values ({label: minutes})."""
    from .plots import OKABE_ITO, new_axes

    figure, axes = new_axes(width=8, height=4.5)
    h = np.linspace(start_km, stop_km, 301)
    axes.axvspan(low_km, high_km, color="#DDDDDD",
                 label=_("ISS altitude range ({low}–{high} km)").format(low=f"{low_km:.0f}", high=f"{high_km:.0f}"))
    axes.plot(h, orbital_period(h) / 60, color=OKABE_ITO["black"], lw=2, label=_("one orbit (period)"))
    axes.plot(h, day_minutes(h), color=OKABE_ITO["orange"], lw=2, label=_("day (in sunlight)"))
    axes.plot(h, night_minutes(h), color=OKABE_ITO["blue"], lw=2, label=_("night (in Earth's shadow)"))
    styles = iter([":", "-."])
    for label, minutes in (claims or {}).items():
        axes.axhline(minutes, color=OKABE_ITO["vermillion"], ls=next(styles, "--"), lw=1.5, label=label)
    axes.set_xlabel(_("altitude above the equatorial radius (km)"))
    axes.set_ylabel(_("minutes"))
    axes.set_ylim(0, None)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    return figure
