"""kazspace.checking: friendly feedback for every kind of input, expected answers computed from the data.

Expected values here are computed independently with plain pandas on the loaded tables (never typed in), and
each malformed input must give a Feedback of a precise kind without raising.
"""

import pandas as pd
import pytest

import kazspace
from kazspace import checking
from kazspace.checking import Feedback


# ---------------------------------------------------------------------------------------------- independent truths

def baikonur_counts(start, end):
    launches = kazspace.launches()
    years = launches.loc[launches["site"] == "Baikonur", "launch_date"].dt.year
    return {y: int((years == y).sum()) for y in range(start, end + 1)}


def total_days(person_id):
    f = kazspace.flights()
    own = f[f["person_id"] == person_id]
    return sum((b - a).total_seconds() for a, b in zip(own["launch_utc"], own["landing_utc"])) / 86400


def geo_names():
    s = kazspace.satellites()
    return [n for n, o in zip(s["name"], s["orbit"]) if o == "GEO"]


# ---------------------------------------------------------------------------------------------- bad input

YEAR = (1990, 2000)

BAD_INPUTS = [
    # (checker, answer, expected kind, a phrase the message or hint must contain)
    ("busiest", None, "empty", "empty"),
    ("busiest", "", "empty", "empty"),
    ("busiest", "   \t", "empty", "empty"),
    ("busiest", "nineteen ninety", "not-a-number", "digits"),
    ("busiest", "abc", "not-a-number", "could not find a number"),
    ("busiest", "1990 or 1994", "several-numbers", "more than one number"),
    ("busiest", "1985", "out-of-range", "outside the range you chose (1990–2000)"),
    ("busiest", "2050", "out-of-range", "move the slider"),
    ("busiest", "1994.5", "not-whole", "whole number"),
    ("busiest", "94", "out-of-range", "outside"),
    ("total", "-3", "out-of-range", "between 0 and"),
    ("total", "lots", "not-a-number", "digits"),
    ("total", "1,000,000", "out-of-range", "outside"),
    ("total", True, "not-a-number", "not a number"),
    ("total", float("nan"), "empty", "empty"),
    ("days", "", "empty", "Type a number of days"),
    ("days", "three hundred", "not-a-number", "digits"),
    ("days", "about 300 or 400 days", "several-numbers", "just one"),
    ("days", "-341", "out-of-range", "between 0 and"),
    ("launch_year", "06", "out-of-range", "four-digit year"),
    ("launch_year", "in the 2000s", "wrong", "Not 2000"),
    ("launch_year", "2100", "out-of-range", "four-digit year"),
    ("longest", "", "empty", "empty"),
    ("longest", None, "empty", "empty"),
    ("longest", "Yuri", "unknown-name", "I don't know a person called “Yuri”"),
    ("longest", "12345", "unknown-name", "Check the spelling"),
    ("geostationary", "", "empty", "separated by commas"),
    ("geostationary", " , ; ", "empty", "separated by commas"),
    ("geostationary", "KazSat-1, Sputnik 1", "unknown-name", "Sputnik 1"),
    ("geostationary", "KazSat-9", "unknown-name", "Check the spelling"),
    ("launch_count", "", "empty", "empty"),
    ("launch_count", "many", "not-a-number", "digits"),
    ("launch_count", "5.5", "not-whole", "whole number"),
    ("busiest_site", "", "empty", "empty"),
    ("busiest_site", "Mars", "unknown-name", "launch site called “Mars”"),
    ("satellites_from", "99", "out-of-range", "between 0 and"),
    ("kind", "", "empty", "Choose a reason"),
    ("kind", "because", "unknown-name", "not one of the reasons"),
]


def run(checker, answer):
    year = checking.question_year()
    return {
        "busiest": lambda a: checking.check_busiest_year(a, *YEAR),
        "total": lambda a: checking.check_total_launches(a, *YEAR),
        "days": lambda a: checking.check_days_in_space(a, "musabayev"),
        "launch_year": lambda a: checking.check_launch_year(a, "kazsat-1"),
        "longest": checking.check_longest_in_space,
        "geostationary": checking.check_geostationary,
        "launch_count": lambda a: checking.check_launch_count(a, year),
        "busiest_site": lambda a: checking.check_busiest_site(a, year),
        "satellites_from": checking.check_satellites_from,
        "kind": lambda a: checking.check_disagreement_kind(a, "cosmonauts-02"),
    }[checker](answer)


@pytest.mark.parametrize("checker, answer, kind, phrase", BAD_INPUTS,
                         ids=[f"{c}-{a!r}" for c, a, _, _ in BAD_INPUTS])
def test_bad_input_gets_friendly_feedback(checker, answer, kind, phrase):
    feedback = run(checker, answer)           # must not raise
    assert isinstance(feedback, Feedback)
    assert feedback.correct is False
    assert feedback.kind == kind, feedback
    assert phrase in feedback.text, feedback.text
    assert "Traceback" not in feedback.text and "Error" not in feedback.text


def test_there_are_at_least_25_bad_input_cases():
    assert len(BAD_INPUTS) >= 25


# ---------------------------------------------------------------------------------------------- numbers

@pytest.mark.parametrize("typed, value", [
    ("1,554", 1554), ("1 554", 1554), ("1\u00a0554", 1554), ("1554 launches", 1554), ("about 47", 47),
    ("  47 ", 47), (47, 47), ("207,5", 207.5), ("341.4 days", 341.4), ("1'554", 1554),
])
def test_numbers_with_separators_and_units_are_read(typed, value):
    parsed, problem = checking.parse_number(typed, low=0, high=10_000, whole=False)
    assert problem is None and parsed == value


# ---------------------------------------------------------------------------------------------- Baikonur

def test_busiest_year_right_and_wrong_from_the_data():
    counts = baikonur_counts(*YEAR)
    best = max(counts.values())
    top = [y for y, n in counts.items() if n == best]
    for year in top:
        assert checking.check_busiest_year(str(year), *YEAR).correct
    other = min((y for y in counts if counts[y] < best), key=lambda y: counts[y])
    feedback = checking.check_busiest_year(other, *YEAR)
    assert not feedback.correct and feedback.kind == "wrong"
    assert f"{counts[other]:,} launches" in feedback.message and f"{best:,}" in feedback.hint


def test_a_tie_accepts_each_year_and_says_so():
    counts = baikonur_counts(1957, 2025)
    years = sorted(counts)
    pair = next(((a, b) for a in years for b in years if a < b and counts[a] == counts[b]
                 and all(counts[y] < counts[a] for y in range(a + 1, b))
                 and counts[a] > 0), None)
    if pair is None:
        pytest.skip("no tie in the data")
    a, b = pair
    feedback = checking.check_busiest_year(a, a, b)
    assert feedback.correct and str(b) in feedback.message


def test_total_launches():
    counts = baikonur_counts(*YEAR)
    assert checking.check_total_launches(f"{sum(counts.values()):,}", *YEAR).correct
    one_year = checking.check_total_launches(counts[YEAR[1]], *YEAR)
    assert not one_year.correct and "one year" in one_year.message
    high = checking.check_total_launches(sum(counts.values()) + 50, *YEAR)
    assert "too high" in high.hint


def test_event_order_right_partly_right_empty_and_duplicate():
    events = checking.order_events()
    truth = list(events.sort_values("date")["event_id"])
    assert checking.check_event_order(truth, events).correct
    swapped = truth[:]
    swapped[1], swapped[2] = swapped[2], swapped[1]
    feedback = checking.check_event_order(swapped, events)
    assert feedback.message == f"{len(truth) - 2} of {len(truth)} are in the right place."
    assert "place 2" in feedback.hint
    assert checking.check_event_order([truth[0], None, "", None, None], events).kind == "incomplete"
    assert checking.check_event_order([None] * len(truth), events).kind == "empty"
    assert checking.check_event_order([truth[0]] * len(truth), events).kind == "duplicate"
    assert checking.check_event_order(["nope"] + truth[1:], events).kind == "unknown-name"


def test_order_events_are_spread_and_in_distinct_years():
    events = checking.order_events(n=5)
    assert len(events) == 5
    assert events["date_start"].dt.year.is_unique
    assert events["date_start"].is_monotonic_increasing


# ---------------------------------------------------------------------------------------------- cosmonauts

def test_spacecraft_feedback_names_the_flight_to_check():
    flights = kazspace.flights()
    right = dict(zip(flights["flight_id"], flights["launch_spacecraft"]))
    assert checking.check_spacecraft(right).correct
    musabayev = flights[flights["person_id"] == "musabayev"].sort_values("launch_utc")
    flight = musabayev.iloc[1]
    wrong = dict(right)
    wrong[flight["flight_id"]] = next(c for c in checking.spacecraft_choices()
                                      if c not in (flight["launch_spacecraft"], flight["landing_spacecraft"]))
    feedback = checking.check_spacecraft(wrong)
    assert feedback.message == f"{len(flights) - 1} of {len(flights)} are right."
    assert feedback.hint == f"Check Musabayev's {flight['launch_utc'].year} flight."


def test_spacecraft_landing_craft_gets_its_own_hint():
    flights = kazspace.flights()
    right = dict(zip(flights["flight_id"], flights["launch_spacecraft"]))
    differs = flights[flights["launch_spacecraft"] != flights["landing_spacecraft"]].iloc[0]
    right[differs["flight_id"]] = differs["landing_spacecraft"]
    assert "landing" in checking.check_spacecraft(right).hint


def test_spacecraft_empty_and_incomplete():
    assert checking.check_spacecraft({}).kind == "empty"
    assert checking.check_spacecraft(None).kind == "empty"
    first = kazspace.flights()["flight_id"].iloc[0]
    assert checking.check_spacecraft({first: "Soyuz"}).kind == "incomplete"


def test_days_in_space_accepts_whole_days_and_explains_single_flights_and_hours():
    total = total_days("musabayev")
    for typed in (f"{int(total)}", f"{round(total)} days", f"{total:.1f}".replace(".", ",")):
        assert checking.check_days_in_space(typed, "musabayev").correct, typed
    one = kazspace.flights().query("person_id == 'musabayev'")["duration_days"].iloc[0]
    single = checking.check_days_in_space(int(one), "musabayev")
    assert not single.correct and "only" in single.message
    assert "hours" in checking.check_days_in_space(round(total * 24), "musabayev").message
    assert "too low" in checking.check_days_in_space(round(total / 2), "musabayev").hint


@pytest.mark.parametrize("typed", ["Talgat Musabayev", "musabayev", "  TALGAT   musabayev ", "Мұсабаев",
                                   "Мусабаев", "Талғат Мұсабаев", "Талгат Амангельдиевич Мусабаев", "Müsabayev"])
def test_longest_in_space_accepts_case_spacing_diacritics_and_cyrillic(typed):
    longest = kazspace.flights().groupby("person_id")["duration_days"].sum().idxmax()
    assert longest == "musabayev"          # the spellings above are for this person
    feedback = checking.check_longest_in_space(typed)
    assert feedback.correct and feedback.read_as is None


def test_close_misspelling_is_read_with_did_you_mean():
    feedback = checking.check_longest_in_space("Musabaev")
    assert feedback.correct and feedback.read_as == "Talgat Musabayev"
    assert feedback.message.startswith("Did you mean “Talgat Musabayev”?")


def test_wrong_person_gets_a_hint():
    feedback = checking.check_longest_in_space("Aubakirov")
    assert not feedback.correct and "someone spent longer" in feedback.hint
    outside = checking.check_longest_in_space("Gagarin")
    assert "not one of the cosmonauts in the flights table" in outside.hint


# ---------------------------------------------------------------------------------------------- satellites

def test_geostationary_right_in_any_spelling():
    names = geo_names()
    assert checking.check_geostationary(", ".join(names)).correct
    assert checking.check_geostationary(" and ".join(n.upper().replace("-", " ") for n in names)).correct
    assert checking.check_geostationary(names).correct


def test_geostationary_partial_and_extra():
    names = geo_names()
    partial = checking.check_geostationary(names[:-1])
    assert partial.message == f"{len(names) - 1} of {len(names)} geostationary satellites found."
    s = kazspace.satellites()
    other = s[s["orbit"] != "GEO"].iloc[0]
    extra = checking.check_geostationary(names + [other["name"]])
    assert not extra.correct and f"its orbit is {other['orbit']}" in extra.hint


def test_launch_year_from_the_data():
    s = kazspace.satellites().set_index("satellite_id")
    for sid, row in s.iterrows():
        assert checking.check_launch_year(str(row["launch_utc"].year), sid).correct
    other_year = next(y for y in s["launch_utc"].dt.year if y != s.loc["kazsat-1", "launch_utc"].year)
    assert "went up" in checking.check_launch_year(other_year, "kazsat-1").hint


def test_satellite_names_resolve_short_forms_and_ids():
    index = checking.satellite_index()
    for row in kazspace.satellites().itertuples():
        assert index.resolve(row.satellite_id).name == row.name
        assert index.resolve(row.name.lower()).name == row.name


def test_a_different_number_is_never_a_close_misspelling():
    assert checking.satellite_index().resolve("KazSat-7").name is None


# ---------------------------------------------------------------------------------------------- sources

def test_disagreement_kind_right_reveals_what_the_book_teaches():
    d = kazspace.disagreements().set_index("disagreement_id")
    for did in checking.disagreement_ids()[:10]:
        row = d.loc[did]
        right = checking.check_disagreement_kind(row["kind"], did)
        assert right.correct and row["taught"] in right.message
        label = checking.KIND_LABELS[row["kind"]]
        assert checking.check_disagreement_kind(label, did).correct
        wrong = next(k for k in checking.KIND_LABELS if k != row["kind"])
        assert not checking.check_disagreement_kind(wrong, did).correct


# ---------------------------------------------------------------------------------------------- data skills

def test_launch_count_and_its_specific_hints():
    year = checking.question_year()
    launches = kazspace.launches()
    rows = launches[(launches["launch_date"].dt.year == year) & (launches["site"] == "Baikonur")]
    assert checking.check_launch_count(str(len(rows)), year).correct
    successes = int((rows["outcome"] == "success").sum())
    if successes != len(rows):
        assert "successful" in checking.check_launch_count(successes, year).message
    world = int((launches["launch_date"].dt.year == year).sum())
    assert "every site" in checking.check_launch_count(f"{world:,}", year).message


def test_question_year_is_complete_in_the_data():
    year = checking.question_year()
    dates = kazspace.launches()["launch_date"]
    assert (dates.dt.year == year).any() and dates.max() > pd.Timestamp(year, 12, 1)


def test_busiest_site_and_satellites_from():
    year = checking.question_year()
    launches = kazspace.launches()
    counts = launches[launches["launch_date"].dt.year == year]["site"].value_counts()
    assert checking.check_busiest_site(counts.index[0].lower(), year).correct
    assert not checking.check_busiest_site(counts.index[-1], year).correct
    from_baikonur = sum("Baikonur" in s for s in kazspace.satellites()["launch_site"])
    assert checking.check_satellites_from(f"{from_baikonur} satellites").correct
