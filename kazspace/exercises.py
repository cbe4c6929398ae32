"""Widget exercises for the exercise notebooks (ipywidgets).

Each builder returns an :class:`Exercise`: a VBox whose parts are reachable by name, so a test can set
``exercise.inputs["answer"].value``, call ``exercise.check.click()`` and read ``exercise.feedback.value``
without a browser. All checking is done by :mod:`kazspace.checking`; every data string shown is escaped.
Every label, placeholder, button and message follows the language in force (:mod:`kazspace.i18n`), read when the
exercise is built or the feedback is written.
"""

from __future__ import annotations

import base64
import html
import io
import random

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from . import checking, data
from .catalogue import GCAT_CREDIT
from .checking import Feedback
from .display import show_table
from .i18n import N_, _, decimal, number, ordinal
from .plots import SITE_COLOURS, new_axes

#: The slider's starting range: the years around the end of the Soviet Union.
DEFAULT_YEARS = (1985, 2005)
PLACEHOLDER = N_("— choose —")
WAITING = N_("Type your answer, then press Enter or click Check.")


class Exercise(widgets.VBox):
    """An exercise box. ``inputs``, ``buttons`` and ``feedbacks`` map part names to widgets; ``check`` and
    ``feedback`` are the main button and feedback area; ``last`` is the latest Feedback."""

    def __init__(self, children, *, inputs: dict, buttons: dict, feedbacks: dict, css: str):
        super().__init__(children)
        self.inputs, self.buttons, self.feedbacks = inputs, buttons, feedbacks
        self.check = next(iter(buttons.values()), None)
        self.feedback = next(iter(feedbacks.values()), None)
        self.last: Feedback | None = None
        self.add_class("kazspace-exercise")
        self.add_class(f"kazspace-{css}")


def render(feedback: Feedback | None, waiting: str | None = None) -> str:
    """Feedback as HTML: a symbol and a word (not colour alone), message and hint, all escaped. ``waiting`` is the
    text shown before any answer (already in the page's language; :data:`WAITING` translated by default)."""
    if feedback is None:
        waiting = _(WAITING) if waiting is None else waiting
        return f'<div class="kazspace-feedback" data-kind="waiting" role="status">{html.escape(waiting)}</div>'
    if feedback.correct:
        head, colour = _("✔ Well done."), "#006d4f"
    elif feedback.kind == "wrong":
        head, colour = _("✘ Not yet."), "#a33a00"
    else:
        head, colour = _("✋ Check your input."), "#0b5394"
    label = _("Why") if feedback.correct else _("Hint")
    hint = f"<br><em>{label}:</em> {html.escape(feedback.hint)}" if feedback.hint else ""
    return (f'<div class="kazspace-feedback" data-kind="{html.escape(feedback.kind)}" role="status" '
            f'style="color:{colour}"><strong>{head}</strong> {html.escape(feedback.message)}{hint}</div>')


def _html(text: str) -> widgets.HTML:
    return widgets.HTML(value=text)


# ipywidgets' "primary" blue (#2196f3) gives white text only 3.1:1 (axe: color-contrast); this blue gives 7.2:1.
BUTTON_STYLE = {"button_color": "#0f53b3", "text_color": "white"}


def _button(description: str | None = None) -> widgets.Button:
    description = _("Check") if description is None else description
    return widgets.Button(description=description, button_style="primary", tooltip=description, style=BUTTON_STYLE)


def _text_question(question: str, checker, *, css: str, placeholder: str | None = None,
                   waiting: str | None = None) -> Exercise:
    """A question (plain text, escaped), a text box, a Check button and feedback. Enter also checks.
    ``question``, ``placeholder`` and ``waiting`` are already in the page's language."""
    placeholder = _("your answer") if placeholder is None else placeholder
    answer = widgets.Text(placeholder=placeholder, continuous_update=False,
                          description=_("Answer:"), layout=widgets.Layout(width="30em"))
    answer.add_class(f"kazspace-{css}-answer")
    check, feedback = _button(), _html(render(None, waiting))
    exercise = Exercise([_html(f"<p>{html.escape(question)}</p>"), widgets.HBox([answer, check]), feedback],
                        inputs={"answer": answer}, buttons={"check": check}, feedbacks={"feedback": feedback},
                        css=css)

    def run(*_args):
        exercise.last = checker(answer.value)
        feedback.value = render(exercise.last)

    check.on_click(run)
    answer.observe(run, names="value")
    return exercise


def _options(pairs) -> list:
    return [(_(PLACEHOLDER), "")] + [(str(label), value) for label, value in pairs]


# ------------------------------------------------------------------------------------------------- Baikonur

def _shuffled_events(categories, n: int) -> tuple:
    events = checking.order_events(categories, n)
    shown = list(events.itertuples())
    random.Random(len(shown)).shuffle(shown)
    if [e.event_id for e in shown] == list(events["event_id"]):
        shown = shown[1:] + shown[:1]
    return events, shown


def events_to_order(categories=("baikonur", "world"), n: int = 5):
    """The events of the ordering exercise, mixed up, without their dates (a table for the page)."""
    _events, shown = _shuffled_events(categories, n)
    frame = pd.DataFrame({_("event"): [e.title_en for e in shown]})
    return show_table(frame)


def event_order_exercise(categories=("baikonur", "world"), n: int = 5) -> Exercise:
    """Put ``n`` events from the timeline in order: one menu per place, earliest first."""
    events, shown = _shuffled_events(categories, n)
    listing = "".join(f"<li>{html.escape(e.title_en)}</li>" for e in shown)
    places = [widgets.Dropdown(options=_options((e.title_en, e.event_id) for e in shown), value="",
                               description=_("{ordinal}:").format(ordinal=ordinal(i + 1)),
                               layout=widgets.Layout(width="40em"))
              for i in range(len(shown))]
    check, feedback = _button(), _html(render(None, _("Choose an event for each place, then click Check.")))
    question = _("Put these events in order, earliest first:")
    exercise = Exercise([_html(f"<p>{html.escape(question)}</p><ul>{listing}</ul>"), *places, check, feedback],
                        inputs={f"place{i + 1}": p for i, p in enumerate(places)}, buttons={"check": check},
                        feedbacks={"feedback": feedback}, css="event-order")

    def run(*_args):
        exercise.last = checking.check_event_order([p.value for p in places], events)
        feedback.value = render(exercise.last)

    check.on_click(run)
    exercise.events = events
    return exercise


def launches_figure(site: str = "Baikonur", start: int = DEFAULT_YEARS[0], end: int = DEFAULT_YEARS[1]):
    """Bar chart of launches per year from ``site`` between start and end."""
    counts = checking.launches_per_year(site, start, end)
    figure, axes = new_axes(8, 3.6, title=_("Launches from {site} per year, {start}–{end}").format(
        site=checking.site_name(site), start=start, end=end))
    axes.bar(counts.index, counts.values, color=SITE_COLOURS.get(site, SITE_COLOURS["Rest of the world"]))
    axes.set_xlabel(_("Year"))
    axes.set_ylabel(_("Launches"))
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def show_launches_figure(site: str = "Baikonur", start: int = DEFAULT_YEARS[0], end: int = DEFAULT_YEARS[1]):
    """Draw the chart for the starting range as the cell's one image (for the static page)."""
    launches_figure(site, start, end)
    plt.show()


def launches_alt(site: str, start: int, end: int) -> str:
    """Alt text computed from the data: range, highest and lowest year."""
    counts = checking.launches_per_year(site, start, end)
    top, low = counts.idxmax(), counts.idxmin()
    return _("Bar chart of launches from {site} per year from {start} to {end}. The highest bar is {top} with {top_n} "
             "launches; the lowest is {low} with {low_n}.").format(site=checking.site_name(site), start=start,
                                                                    end=end, top=top, top_n=number(counts[top]),
                                                                    low=low, low_n=number(counts[low]))


def _figure_html(figure, alt: str) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    plt.close(figure)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt)}" style="max-width:100%">'


def launches_explorer(site: str = "Baikonur", years: tuple[int, int] = DEFAULT_YEARS) -> Exercise:
    """A year-range slider, the chart for that range, and two questions about what it shows."""
    launches = data.launches()
    slider = widgets.IntRangeSlider(value=years, min=int(launches["year"].min()), max=int(launches["year"].max()),
                                    step=1, description=_("Years:"), continuous_update=False,
                                    layout=widgets.Layout(width="40em"))
    chart = _html("")
    last_day = launches["launch_date"].max()
    ends = _("The table ends on {date}, so its last year is not complete.").format(date=checking.long_date(last_day))
    note = _html(f"<p><small>{html.escape(_(GCAT_CREDIT))} {html.escape(ends)}</small></p>")
    busiest = widgets.Text(description=_("Year:"), placeholder=_("a year"), continuous_update=False)
    total = widgets.Text(description=_("Launches:"), placeholder=_("a number"), continuous_update=False)
    busiest.add_class("kazspace-busiest-answer")
    total.add_class("kazspace-total-answer")
    check_busiest, check_total = _button(), _button()
    feedback_busiest, feedback_total = _html(render(None)), _html(render(None))
    q1 = _html("")
    q2 = _html("")
    exercise = Exercise(
        [slider, chart, note, q1, widgets.HBox([busiest, check_busiest]), feedback_busiest,
         q2, widgets.HBox([total, check_total]), feedback_total],
        inputs={"years": slider, "busiest": busiest, "total": total},
        buttons={"busiest": check_busiest, "total": check_total},
        feedbacks={"busiest": feedback_busiest, "total": feedback_total}, css="launches-explorer")

    def redraw(*_args):
        start, end = slider.value
        shown_site = checking.site_name(site)
        chart.value = _figure_html(launches_figure(site, start, end), launches_alt(site, start, end))
        q1.value = "<p>{}</p>".format(html.escape(_("1. Which year from {start} to {end} had the most launches from "
                                                    "{site}?").format(start=start, end=end, site=shown_site)))
        q2.value = "<p>{}</p>".format(html.escape(_("2. How many launches left {site} from {start} to {end}, both "
                                                    "years included?").format(site=shown_site, start=start,
                                                                              end=end)))
        waiting = _("Range is now {start}–{end}. Type your answer, then press Enter or click Check.").format(
            start=start, end=end)
        feedback_busiest.value = render(None, waiting)
        feedback_total.value = render(None, waiting)

    def run_busiest(*_args):
        exercise.last = checking.check_busiest_year(busiest.value, *slider.value, site=site)
        feedback_busiest.value = render(exercise.last)

    def run_total(*_args):
        exercise.last = checking.check_total_launches(total.value, *slider.value, site=site)
        feedback_total.value = render(exercise.last)

    slider.observe(redraw, names="value")
    check_busiest.on_click(run_busiest)
    busiest.observe(run_busiest, names="value")
    check_total.on_click(run_total)
    total.observe(run_total, names="value")
    redraw()
    return exercise


# ------------------------------------------------------------------------------------------------- cosmonauts

def spacecraft_exercise() -> Exercise:
    """Match each flight (cosmonaut and year) to the spacecraft that carried the crew up."""
    flights = data.flights()
    choices = checking.spacecraft_choices()
    menus = {}
    for flight_id in flights["flight_id"]:
        menus[flight_id] = widgets.Dropdown(options=_options((c, c) for c in choices), value="",
                                            description=checking.flight_label(flight_id),
                                            style={"description_width": "16em"},
                                            layout=widgets.Layout(width="32em"))
        menus[flight_id].add_class(f"kazspace-craft-{flight_id}")
    check, feedback = _button(), _html(render(None, _("Choose a spacecraft in every menu, then click Check.")))
    question = _("Which spacecraft carried each cosmonaut into space?")
    exercise = Exercise([_html(f"<p>{html.escape(question)}</p>"), *menus.values(),
                         check, feedback], inputs=menus, buttons={"check": check},
                        feedbacks={"feedback": feedback}, css="spacecraft")

    def run(*_args):
        exercise.last = checking.check_spacecraft({f: m.value for f, m in menus.items()})
        feedback.value = render(exercise.last)

    check.on_click(run)
    return exercise


def days_exercise(person_id: str = "musabayev") -> Exercise:
    """How many days in total did one cosmonaut spend in space?"""
    name = checking.person_name(person_id)
    return _text_question(_("How many days in total did {name} spend in space, over all flights? "
                            "A whole number of days is enough.").format(name=name),
                          lambda answer: checking.check_days_in_space(answer, person_id), css="days",
                          placeholder=_("number of days"))


def longest_exercise() -> Exercise:
    """Who spent the most days in space? (a name; Latin or Cyrillic)"""
    return _text_question(_("Which Kazakh cosmonaut has spent the most days in space? "
                            "Type a name (in English, Kazakh or Russian)."), checking.check_longest_in_space,
                          css="longest", placeholder=_("a name"))


# ------------------------------------------------------------------------------------------------- programme

def facts_html(satellite_id: str) -> str:
    return checking.satellite_facts(satellite_id).to_html(index=False, header=False, escape=True,
                                                          classes="kazspace-facts", border=0)


def satellite_explorer(satellite_id: str | None = None) -> Exercise:
    """Choose a satellite, see its facts."""
    sats = data.satellites()
    menu = widgets.Dropdown(options=list(zip(sats["name"], sats["satellite_id"])),
                            value=satellite_id or sats["satellite_id"].iloc[0], description=_("Satellite:"))
    menu.add_class("kazspace-satellite-menu")
    facts = _html(facts_html(menu.value))
    exercise = Exercise([menu, facts], inputs={"satellite": menu}, buttons={}, feedbacks={"facts": facts},
                        css="satellite-explorer")
    menu.observe(lambda change: setattr(facts, "value", facts_html(change["new"])), names="value")
    return exercise


def geostationary_exercise() -> Exercise:
    return _text_question(_("Which of Kazakhstan's satellites are geostationary? Type their names, separated by "
                            "commas."), checking.check_geostationary, css="geostationary",
                          placeholder=_("names, separated by commas"))


def default_year_satellite() -> str:
    """The first Earth-observation satellite: a launch year worth asking about."""
    sats = data.satellites()
    return sats.loc[sats["purpose"] == "earth-observation", "satellite_id"].iloc[0]


def launch_year_exercise(satellite_id: str | None = None) -> Exercise:
    satellite_id = satellite_id or default_year_satellite()
    name = data.satellites().set_index("satellite_id").loc[satellite_id, "name"]
    return _text_question(_("In which year (UTC) was {name} launched?").format(name=name),
                          lambda answer: checking.check_launch_year(answer, satellite_id), css="launch-year",
                          placeholder=_("a year"))


def default_disagreement(subject_table: str = "satellites") -> str:
    frame = data.disagreements()
    ids = checking.disagreement_ids()
    return next(d for d in frame.loc[frame["subject_table"] == subject_table, "disagreement_id"] if d in ids)


def _claims_html(disagreement_id: str) -> str:
    row = checking.disagreement(disagreement_id)
    publishers = data.sources().set_index("source_id")["publisher"].fillna("")
    titles = data.sources().set_index("source_id")["title"]

    def cited(ids: str) -> str:
        names = [(publishers[s] or titles[s]).split(";")[0].strip() for s in ids.split(";")]
        return html.escape("; ".join(dict.fromkeys(names)))

    claim_a, claim_b, sources = html.escape(_("Claim A:")), html.escape(_("Claim B:")), html.escape(_("Sources:"))
    return (f"<p><strong>{html.escape(row['topic'])}</strong></p>"
            f"<p><strong>{claim_a}</strong> {html.escape(row['claim_a'])}<br><small>{sources} "
            f"{cited(row['sources_a'])}</small></p>"
            f"<p><strong>{claim_b}</strong> {html.escape(row['claim_b'])}<br><small>{sources} "
            f"{cited(row['sources_b'])}</small></p>")


def claims_view(disagreement_id: str | None = None) -> HTML:
    """The two claims of a disagreement (the starting view of the source-criticism exercise)."""
    return HTML(_claims_html(disagreement_id or default_disagreement()))


def flights_table():
    """Each flight: cosmonaut, mission, launch and landing in UTC (no spacecraft: that is the exercise)."""
    flights = data.flights()
    frame = pd.DataFrame({_("cosmonaut and year"): [checking.flight_label(f) for f in flights["flight_id"]],
                          _("mission"): flights["mission"],
                          _("launch (UTC)"): flights["launch_utc"].dt.strftime("%Y-%m-%d %H:%M"),
                          _("landing (UTC)"): flights["landing_utc"].dt.strftime("%Y-%m-%d %H:%M")})
    return show_table(frame)


def facts_table(satellite_id: str | None = None):
    """The facts of one satellite (the explorer's starting view)."""
    satellite_id = satellite_id or data.satellites()["satellite_id"].iloc[0]
    return show_table(checking.satellite_facts(satellite_id))


def source_criticism_exercise(disagreement_id: str | None = None) -> Exercise:
    """Two sources disagree: decide which version you would teach, say why (the kind), then compare."""
    frame = data.disagreements().set_index("disagreement_id")
    ids = checking.disagreement_ids()
    topic = widgets.Dropdown(options=[(frame.loc[i, "topic"], i) for i in ids],
                             value=disagreement_id or default_disagreement(), description=_("Topic:"),
                             layout=widgets.Layout(width="45em"))
    claims = _html(_claims_html(topic.value))
    version = widgets.RadioButtons(options=[(_(choice), choice) for choice in checking.VERSION_CHOICES], value=None,
                                   description=_("You teach:"), layout=widgets.Layout(width="40em"))
    kind = widgets.Dropdown(options=_options((_(label), key) for key, label in checking.KIND_LABELS.items()),
                            value="", description=_("Why:"), layout=widgets.Layout(width="45em"))
    kind.add_class("kazspace-kind-menu")
    check = _button()
    waiting = _("Choose a version and a reason, then click Check.")
    feedback = _html(render(None, waiting))
    exercise = Exercise([topic, claims, version, kind, check, feedback],
                        inputs={"topic": topic, "version": version, "kind": kind}, buttons={"check": check},
                        feedbacks={"feedback": feedback}, css="source-criticism")

    def new_topic(change):
        claims.value = _claims_html(change["new"])
        version.value, kind.value = None, ""
        feedback.value = render(None, waiting)

    def run(*_args):
        exercise.last = checking.check_disagreement_kind(kind.value, topic.value)
        chosen = ("<p>{}</p>".format(html.escape(_("You chose: {version}. Compare it with what the book teaches.")
                                                 .format(version=_(version.value))))
                  if version.value else "")
        feedback.value = render(exercise.last) + chosen

    topic.observe(new_topic, names="value")
    check.on_click(run)
    return exercise


# ------------------------------------------------------------------------------------------------- data skills

def launch_count_exercise(year: int | None = None, site: str = "Baikonur") -> Exercise:
    year = year or checking.question_year()
    return _text_question(_("How many launches does the launches table list from {site} in {year}? Count the "
                            "failures too.").format(site=checking.site_name(site), year=year),
                          lambda answer: checking.check_launch_count(answer, year, site),
                          css="launch-count", placeholder=_("a number"))


def busiest_site_exercise(year: int | None = None) -> Exercise:
    year = year or checking.question_year()
    return _text_question(_("Which launch site (the site column) had the most launches in {year}?").format(year=year),
                          lambda answer: checking.check_busiest_site(answer, year), css="busiest-site",
                          placeholder=_("a site name"))


def satellites_from_exercise(site_word: str = "Baikonur") -> Exercise:
    return _text_question(_("How many of Kazakhstan's satellites in the satellites table were launched from "
                            "{site}?").format(site=checking.site_name(site_word)),
                          lambda answer: checking.check_satellites_from(answer, site_word),
                          css="satellites-from", placeholder=_("a number"))


def answer_keys() -> pd.DataFrame:
    """The expected answer of every widget exercise, at its default settings, computed as the checkers compute it.

    Shown only in the teacher edition (book/answer-keys.md).
    """
    start, end = DEFAULT_YEARS
    events, _shown = _shuffled_events(("baikonur", "world"), 5)
    flights = data.flights()
    year = checking.question_year()
    sat = default_year_satellite()
    sats = data.satellites().set_index("satellite_id")
    disagreement_id = default_disagreement()
    baikonur, cosmonauts, programme, skills = _("Baikonur"), _("Cosmonauts"), _("Programme"), _("Data skills")
    longest = data.people().set_index("name_en").loc[checking.longest_in_space(), "person_id"]
    kind_label = checking.KIND_LABELS[checking.disagreement(disagreement_id)["kind"]]
    rows = [
        (baikonur, _("Put the events in order"), " → ".join(events.sort_values("date_start")["title_en"])),
        (baikonur, _("Busiest Baikonur year, {start}–{end}").format(start=start, end=end),
         ", ".join(str(y) for y in checking.busiest_years("Baikonur", start, end))),
        (baikonur, _("Baikonur launches, {start}–{end}").format(start=start, end=end),
         str(int(checking.launches_per_year("Baikonur", start, end).sum()))),
        (cosmonauts, _("Launch spacecraft of each flight"),
         "; ".join(f"{checking.flight_label(f.flight_id)}: {f.launch_spacecraft}" for f in flights.itertuples())),
        (cosmonauts, _("Musabayev's days in space"), decimal(checking.days_in_space("musabayev"), 1)),
        (cosmonauts, _("Longest in space"), checking.person_name(longest)),
        (programme, _("Geostationary satellites"), ", ".join(checking.geostationary())),
        (programme, _("Launch year of {name}").format(name=sats.loc[sat, "name"]),
         str(int(sats.loc[sat, "launch_utc"].year))),
        (programme, _("Why sources disagree ({id})").format(id=disagreement_id),
         _(kind_label)),
        (skills, _("Baikonur launches in {year}").format(year=year),
         str(int(((data.launches()["site"] == "Baikonur") & (data.launches()["year"] == year)).sum()))),
        (skills, _("Busiest site in {year}").format(year=year), ", ".join(checking.busiest_site(year))),
        (skills, _("Kazakh satellites launched from Baikonur"), str(checking.satellites_from("Baikonur"))),
    ]
    return pd.DataFrame(rows, columns=[_("exercises"), _("question"), _("expected answer")])
