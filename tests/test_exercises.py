"""The widget exercises driven headlessly: set .value, click, read the feedback HTML."""

import html
import re

import ipywidgets as widgets
import pytest

import kazspace
from kazspace import checking
from kazspace import exercises as kex


def text_of(widget):
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.value))


def test_every_builder_returns_a_box_with_named_parts():
    builders = [kex.event_order_exercise, kex.launches_explorer, kex.spacecraft_exercise, kex.days_exercise,
                kex.longest_exercise, kex.satellite_explorer, kex.geostationary_exercise, kex.launch_year_exercise,
                kex.source_criticism_exercise, kex.launch_count_exercise, kex.busiest_site_exercise,
                kex.satellites_from_exercise]
    for build in builders:
        exercise = build()
        assert isinstance(exercise, widgets.VBox) and exercise.inputs and exercise.feedbacks
        assert "kazspace-exercise" in exercise._dom_classes


def test_text_question_checks_on_enter_and_on_click():
    exercise = kex.days_exercise("musabayev")
    total = checking.days_in_space("musabayev")
    assert "Type your answer" in text_of(exercise.feedback)
    exercise.inputs["answer"].value = "twelve"                    # Enter in the browser sets .value
    assert exercise.last.kind == "not-a-number" and "Check your input" in text_of(exercise.feedback)
    exercise.inputs["answer"].value = f"{int(total)} days"
    assert "Well done" in text_of(exercise.feedback)
    exercise.feedback.value = ""
    exercise.check.click()
    assert "Well done" in text_of(exercise.feedback)


def test_feedback_escapes_what_the_student_typed():
    exercise = kex.longest_exercise()
    exercise.inputs["answer"].value = "<script>alert(1)</script>"
    assert "<script>" not in exercise.feedback.value and "&lt;script&gt;" in exercise.feedback.value


def test_event_order_widget():
    exercise = kex.event_order_exercise()
    truth = list(exercise.events.sort_values("date_start")["event_id"])
    exercise.check.click()
    assert exercise.last.kind == "empty"
    for place, event_id in enumerate(truth, start=1):
        exercise.inputs[f"place{place}"].value = event_id
    exercise.check.click()
    assert exercise.last.correct and "Well done" in text_of(exercise.feedback)
    exercise.inputs["place1"].value, exercise.inputs["place2"].value = truth[1], truth[0]
    exercise.check.click()
    assert text_of(exercise.feedback).count("of 5 are in the right place") == 1


def test_launches_explorer_redraws_and_checks_the_chosen_range():
    exercise = kex.launches_explorer()
    chart = exercise.children[1]
    assert 'alt="Bar chart of launches from Baikonur' in chart.value
    exercise.inputs["years"].value = (1960, 1970)
    assert "from 1960 to 1970" in chart.value
    best = checking.busiest_years("Baikonur", 1960, 1970)
    exercise.inputs["busiest"].value = str(best[0])
    assert exercise.last.correct
    exercise.inputs["busiest"].value = "1950"
    assert "outside the range you chose (1960–1970)" in text_of(exercise.feedbacks["busiest"])
    exercise.inputs["years"].value = (1961, 1962)
    assert "Range is now 1961–1962" in text_of(exercise.feedbacks["busiest"])
    total = int(checking.launches_per_year("Baikonur", 1961, 1962).sum())
    exercise.inputs["total"].value = f"{total} launches"
    assert "Well done" in text_of(exercise.feedbacks["total"])


def test_spacecraft_widget_gives_the_specific_hint():
    exercise = kex.spacecraft_exercise()
    flights = kazspace.flights()
    for fid, craft in zip(flights["flight_id"], flights["launch_spacecraft"]):
        exercise.inputs[fid].value = craft
    exercise.check.click()
    assert exercise.last.correct
    target = flights[flights["person_id"] == "musabayev"].sort_values("launch_utc").iloc[1]
    others = [c for c in checking.spacecraft_choices()
              if c not in (target["launch_spacecraft"], target["landing_spacecraft"])]
    exercise.inputs[target["flight_id"]].value = others[0]
    exercise.check.click()
    assert f"Check Musabayev's {target['launch_utc'].year} flight." in text_of(exercise.feedback)


def test_satellite_explorer_shows_escaped_facts_of_the_chosen_satellite():
    exercise = kex.satellite_explorer()
    sats = kazspace.satellites()
    last = sats.iloc[-1]
    exercise.inputs["satellite"].value = last["satellite_id"]
    assert html.escape(last["name"]) in exercise.feedbacks["facts"].value
    assert html.escape(last["vehicle"]) in exercise.feedbacks["facts"].value


def test_geostationary_widget_did_you_mean():
    exercise = kex.geostationary_exercise()
    names = checking.geostationary()
    typed = [names[0].replace("Sat", "Sta")] + names[1:]        # a close misspelling
    exercise.inputs["answer"].value = ", ".join(typed)
    assert "Did you mean" in text_of(exercise.feedback)


def test_source_criticism_reveals_the_book_version_and_grades_the_reason():
    exercise = kex.source_criticism_exercise()
    did = exercise.inputs["topic"].value
    row = kazspace.disagreements().set_index("disagreement_id").loc[did]
    exercise.check.click()
    assert exercise.last.kind == "empty"
    exercise.inputs["version"].value = checking.VERSION_CHOICES[0]
    exercise.inputs["kind"].value = row["kind"]
    exercise.check.click()
    shown = text_of(exercise.feedback)
    assert "Well done" in shown and row["taught"] in shown and "You chose: Claim A" in shown
    other = checking.disagreement_ids()[1]
    exercise.inputs["topic"].value = other
    assert exercise.inputs["kind"].value == "" and exercise.inputs["version"].value is None


@pytest.mark.parametrize("build, answer_from_data", [
    (kex.launch_count_exercise, lambda: int(((kazspace.launches()["year"] == checking.question_year())
                                             & (kazspace.launches()["site"] == "Baikonur")).sum())),
    (kex.satellites_from_exercise, lambda: checking.satellites_from("Baikonur")),
    (kex.launch_year_exercise, lambda: int(kazspace.satellites().set_index("satellite_id")
                                           .loc[kex.default_year_satellite(), "launch_year"])),
])
def test_number_questions(build, answer_from_data):
    exercise = build()
    exercise.inputs["answer"].value = f"{answer_from_data():,}".replace(",", " ")
    assert exercise.last.correct
    exercise.inputs["answer"].value = "???"
    assert exercise.last.kind == "not-a-number"
