"""Self-check quizzes that work on the static page, without a kernel (jupyterquiz, JavaScript only).

Every question is generated from the dataset: the right answer comes from a row, the wrong ones (distractors)
from other rows of the same table. Nothing is random: the same data give the same quiz, in the same order.
Questions, answers and feedback follow the language in force (:mod:`kazspace.i18n`), as does the prompt that
jupyterquiz writes above a numeric answer box.
"""

from __future__ import annotations

import html
import json
import random
from typing import Iterable

from . import checking, data
from .i18n import _, language, number


def _choice_question(question: str, correct, distractors: Iterable, feedback_right: str,
                     feedback_wrong: str, n: int = 4) -> dict:
    """A multiple-choice question; answers sorted so that the right one is not always first."""
    wrong = [d for d in dict.fromkeys(distractors) if d != correct][: n - 1]
    options = sorted([correct, *wrong], key=lambda v: (str(type(v)), v))
    return {
        "question": question,
        "type": "multiple_choice",
        "answers": [
            {"answer": str(option), "correct": option == correct,
             "feedback": feedback_right if option == correct else feedback_wrong}
            for option in options
        ],
    }


def _nearest(value: int, candidates: Iterable[int]) -> list[int]:
    """Other values ordered by distance from ``value`` (then by value): close, plausible distractors."""
    return sorted((c for c in set(candidates) if c != value), key=lambda c: (abs(c - value), c))


def satellite_year_questions(n: int = 3) -> list[dict]:
    """“In which year did <satellite> launch?” for satellites with different launch years."""
    sats = data.satellites().drop_duplicates("launch_year")
    questions = []
    for row in sats.head(n).itertuples():
        year = int(row.launch_year)
        questions.append(_choice_question(
            _("In which year did {name} launch?").format(name=row.name), year,
            _nearest(year, data.satellites()["launch_year"].astype(int)) + _nearest(year, range(year - 3, year + 4)),
            _("Right: {name} went up on {date} (UTC).").format(name=row.name, date=checking.long_date(row.launch_utc)),
            _("Not that year: look at the satellites table.")))
    return questions


def flight_questions() -> list[dict]:
    """“Which spacecraft carried <cosmonaut> into space in <year>?” for every flight."""
    flights = data.flights()
    crafts = sorted(set(flights["launch_spacecraft"]) | set(flights["landing_spacecraft"]))
    questions = []
    for row in flights.itertuples():
        label = checking.flight_label(row.flight_id)
        name, year = label.rsplit(" (", 1)
        distractors = [row.landing_spacecraft] + [c for c in crafts if c != row.launch_spacecraft]
        questions.append(_choice_question(
            _("Which spacecraft carried {name} into space in {year}?").format(name=name, year=year.rstrip(")")),
            row.launch_spacecraft, distractors,
            _("Right: {spacecraft}, launched from Baikonur.").format(spacecraft=row.launch_spacecraft),
            _("Not that one: check the launch_spacecraft column (the landing craft can differ).")))
    return questions


def event_year_questions(categories: Iterable[str] = ("baikonur", "world"), n: int = 3) -> list[dict]:
    """“In which year: <event>?” for evenly spread events of some categories."""
    events = checking.order_events(categories, n=n)
    every_year = data.events()["date_start"].dt.year.astype(int)
    questions = []
    for row in events.itertuples():
        year = row.date_start.year
        questions.append(_choice_question(
            _("In which year: {event}?").format(event=row.title_en), year, _nearest(year, every_year),
            _("Right: {date}.").format(date=checking.long_date(row.date_start)),
            _("Not that year: find the event in the timeline.")))
    return questions


def geostationary_question() -> dict:
    """How many satellites in the table are geostationary (numeric)."""
    count = len(checking.geostationary())
    return {
        "question": _("How many of Kazakhstan's satellites in the table are in geostationary orbit (GEO)?"),
        "type": "numeric", "precision": 0,
        "answers": [
            {"type": "value", "value": count, "correct": True,
             "feedback": _("Right: the KazSat communications satellites.")},
            {"type": "default", "feedback": _("Count the rows whose orbit is GEO.")},
        ],
    }


def baikonur_quiz() -> list[dict]:
    return event_year_questions()


def cosmonauts_quiz() -> list[dict]:
    return flight_questions()[:3]


def programme_quiz() -> list[dict]:
    return satellite_year_questions() + [geostationary_question()]


def data_skills_quiz() -> list[dict]:
    """What a pandas expression returns, checked against the data."""
    launches = data.launches()
    sites = launches["site"].value_counts()
    top = sites.index[0]
    return [
        _choice_question(_("Which site has the most rows in the launches table (all years)?"), top,
                         list(sites.index[1:4]),
                         _("Right: {site}, with {n} launches.").format(site=top, n=number(sites.iloc[0])),
                         _("Not that one: try launches['site'].value_counts().")),
        geostationary_question(),
    ]


def for_display(questions: list[dict]) -> list[dict]:
    """Copies of the questions with every text HTML-escaped. jupyterquiz puts question, answer and feedback text
    into the page as HTML (``innerHTML``), inside a script; the questions hold plain text from the data."""
    def escaped(part: dict) -> dict:
        return {key: html.escape(value) if key in ("question", "answer", "feedback") and isinstance(value, str)
                else value for key, value in part.items()}

    return [escaped(question) | {"answers": [escaped(a) for a in question.get("answers", [])]}
            for question in questions]


# jupyterquiz draws its answer boxes white on light grey (contrast 1.7:1) and writes each box's prompt as a <label>
# not linked to the box, so a screen reader announces a text field with no name (axe: color-contrast, label).
# Darker boxes, and a script that links each prompt to its box once the quiz is drawn (it may draw itself later).
ACCESSIBLE_COLORS = {"--jq-numeric-input-bg": "#404040"}
LINK_LABELS_JS = """(function link(tries) {
  var labels = document.querySelectorAll("label.InpLabel");
  labels.forEach(function (label) {
    var box = label.nextElementSibling;
    if (box && box.tagName === "INPUT" && box.id) { label.htmlFor = box.id; }
  });
  if (labels.length === 0 && tries < 50) { setTimeout(function () { link(tries + 1); }, 200); }
})(0);"""


def _link_labels_js() -> str:
    """LINK_LABELS_JS, which in another language also writes jupyterquiz's English prompt ("Type numeric answer
    here:") in that language."""
    if language() == "en":
        return LINK_LABELS_JS
    prompt = json.dumps(_("Type numeric answer here:"))
    return LINK_LABELS_JS.replace('    if (box && box.tagName === "INPUT" && box.id) { label.htmlFor = box.id; }\n',
                                  '    if (box && box.tagName === "INPUT" && box.id) { label.htmlFor = box.id; }\n'
                                  f'    if (label.textContent === "Type numeric answer here:") {{ '
                                  f'label.textContent = {prompt}; }}\n')


def show(questions: list[dict], key: str = "quiz") -> None:
    """Display a quiz. The container id is derived from ``key``, so the saved page is the same on every build."""
    from IPython.display import Javascript, display
    from jupyterquiz import display_quiz

    state = random.getstate()
    random.seed(key)
    try:
        display_quiz(for_display(questions), shuffle_answers=False, preserve_responses=False,
                     colors=ACCESSIBLE_COLORS)
    finally:
        random.setstate(state)
    display(Javascript(_link_labels_js()))
