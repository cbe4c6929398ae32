"""Physics checks for kazspace.orbits: known orbits, Kepler's law, geometry of the shadow, and the widget."""

import math

import numpy as np
import pytest

from kazspace import orbits

SIDEREAL_DAY_S = 86164.0905  # one turn of Earth relative to the stars
GEOSTATIONARY_ALTITUDE_KM = 35786


def test_geostationary_altitude_gives_a_sidereal_day():
    assert orbits.orbital_period(GEOSTATIONARY_ALTITUDE_KM) == pytest.approx(SIDEREAL_DAY_S, rel=1e-5)
    assert orbits.altitude_for_period(SIDEREAL_DAY_S) == pytest.approx(GEOSTATIONARY_ALTITUDE_KM, abs=1)


def test_period_is_circumference_over_speed():
    for h in (0, 400, 20200):
        a = orbits.R_EARTH + h * 1000
        assert orbits.orbital_period(h) == pytest.approx(2 * math.pi * a / orbits.orbital_speed(h))


def test_grazing_orbit_matches_pendulum_formula_with_surface_gravity():
    g = orbits.GM_EARTH / orbits.R_EARTH**2          # about 9.8 m/s^2
    assert orbits.orbital_period(0) == pytest.approx(2 * math.pi * math.sqrt(orbits.R_EARTH / g))
    assert 84 < orbits.orbital_period(0) / 60 < 85  # the famous ~84-minute low-orbit limit


def test_keplers_third_law_ratio():
    a1, a2 = orbits.semi_major_axis(400), orbits.semi_major_axis(4000)
    assert orbits.orbital_period(4000) / orbits.orbital_period(400) == pytest.approx((a2 / a1) ** 1.5)


def test_altitude_for_period_inverts_orbital_period():
    heights = np.array([150.0, 396.0, 406.0, 1200.0, 35786.0])
    assert orbits.altitude_for_period(orbits.orbital_period(heights)) == pytest.approx(heights)


def test_monotonic_in_altitude():
    h = np.linspace(0, 40000, 401)
    assert np.all(np.diff(orbits.orbital_period(h)) > 0)
    assert np.all(np.diff(orbits.orbits_per_day(h)) < 0)
    assert np.all(np.diff(orbits.night_fraction(h)) < 0)
    assert np.all(np.diff(orbits.orbital_speed(h)) < 0)


def test_night_fraction_limits():
    assert orbits.night_fraction(0) == pytest.approx(0.5)       # skimming the ground: half the orbit is night
    assert orbits.night_fraction(1e9) == pytest.approx(0, abs=1e-5)
    assert np.all(orbits.night_fraction(np.linspace(1, 1e5, 50)) < 0.5)


def test_shadow_edge_is_one_earth_radius_from_the_sun_earth_line():
    a = orbits.semi_major_axis(400)
    assert a * math.sin(orbits.shadow_half_angle(400)) == pytest.approx(orbits.R_EARTH)


def test_night_fraction_by_counting_points_in_a_cylindrical_shadow():
    # Sun far away along +x: a point of the orbit is in shadow when x < 0 and |y| < R.
    for h in (400, 2000, 35786):
        a = orbits.semi_major_axis(h)
        angle = (np.arange(200_000) + 0.5) / 200_000 * 2 * np.pi
        x, y = a * np.cos(angle), a * np.sin(angle)
        counted = np.mean((x < 0) & (np.abs(y) < orbits.R_EARTH))
        assert orbits.night_fraction(h) == pytest.approx(counted, abs=1e-4)


def test_day_and_night_make_one_orbit():
    for h in (300, 400, 800):
        assert orbits.day_minutes(h) + orbits.night_minutes(h) == pytest.approx(orbits.orbital_period(h) / 60)
        assert orbits.orbits_per_day(h) * orbits.orbital_period(h) == pytest.approx(86400)


def test_negative_altitude_is_refused():
    with pytest.raises(ValueError):
        orbits.orbital_period(-1)


def test_describe_rounds_the_computed_values():
    d = orbits.describe(400)
    assert d["period_min"] == round(float(orbits.orbital_period(400)) / 60, 1)
    assert d["night_min"] + d["day_min"] == pytest.approx(d["period_min"], abs=0.11)


def test_widget_updates_when_the_slider_moves():
    box = orbits.altitude_explorer(default_km=400)
    slider, result = box.children
    assert slider.value == 400
    assert f"{orbits.describe(400)['period_min']} min" in result.value
    slider.value = 1000
    assert "At 1000 km" in result.value
    assert f"{orbits.describe(1000)['period_min']} min" in result.value
    assert f"{orbits.describe(1000)['night_min']} min" in result.value


def test_shadow_figure_night_arc_ends_at_the_shadow_edge():
    import matplotlib.pyplot as plt

    figure = orbits.shadow_figure(2000)
    night = next(line for line in figure.axes[0].get_lines() if line.get_label() == "orbit (night)")
    assert max(night.get_ydata()) == pytest.approx(orbits.R_EARTH / 1000)
    assert min(night.get_xdata()) > 0  # the night side faces away from the Sun
    plt.close(figure)


def test_night_is_half_the_orbit_at_ground_level_and_has_a_minimum_higher_up():
    assert orbits.night_minutes(0) == pytest.approx(orbits.orbital_period(0) / 120)
    h = np.linspace(0, 20000, 2001)
    n = orbits.night_minutes(h)
    lowest = h[np.argmin(n)]
    assert 0 < lowest < 20000                       # falls at first, then rises again
    assert n.max() == pytest.approx(n[-1])          # far out, the night grows longer again


def test_minutes_figure_draws_period_day_night_and_claims():
    import matplotlib.pyplot as plt

    figure = orbits.minutes_figure(396, 406, claims={"said: 45 min": 45})
    lines = {line.get_label(): line for line in figure.axes[0].get_lines()}
    period = lines["one orbit (period)"]
    x, y = period.get_xdata(), period.get_ydata()
    assert y == pytest.approx(orbits.orbital_period(x) / 60)
    assert list(lines["said: 45 min"].get_ydata()) == [45, 45]
    plt.close(figure)
