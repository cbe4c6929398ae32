"""A data value is text, never markup: every table, widget, quiz and Markdown output the book makes escapes it.

HTML and JavaScript are written into the cells of a private copy of the dataset (the ``data_copy`` fixture): names,
titles, descriptions, satellite names, claims, glossary terms, quotes, rocket names, and the descriptions in
datapackage.json. Then every display function of the package is rendered to the HTML a reader's browser gets
(``DataFrame.to_html()`` and ``_repr_html_()``, ``Styler.to_html()``, a widget's ``.value``, the quiz's script, the
HTML MyST makes from a Markdown output) and must hold the escaped text, never a live tag. Finally (marked ``build``)
every notebook is executed on that data and each of its outputs is checked the same way.
"""

from __future__ import annotations

import csv
import html
import inspect
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from IPython.display import HTML, Markdown
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from nbclient import NotebookClient

import kazspace
from kazspace import (catalogue, checking, cosmonauts, display, exercises, launch_stats, orbits, programme, quiz,
                      teaching, timeline)
from kazspace.checking import Feedback
from kazspace.display import markdown_text, show_table

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>"><b>x</b>'
#: The payload's parts as a browser would run them: none may reach a page.
RAW = ("<script>alert(1)", "<img src=x onerror=alert(2)>", "<b>x</b>")
#: The same parts escaped (the forms html.escape, markupsafe and DataFrame.to_html have in common).
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;", "&lt;b&gt;x&lt;/b&gt;")


class Tags(HTMLParser):
    """The tags of a piece of HTML and their attribute names, as a browser parses them."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[str]]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [name for name, _ in attrs]))


def live_code(markup: str) -> list[str]:
    """Script elements and event-handler attributes (onerror=, onclick=...) in HTML: what would run."""
    return [f"<{tag} {' '.join(names)}>" for tag, names in Tags(markup).tags
            if tag == "script" or any(name.startswith("on") for name in names)]

#: Columns poisoned in each CSV file: every text a lesson, exercise or quiz shows.
POISONED = {
    "people.csv": ["name_en", "name_kk", "name_ru", "birthplace_en"],
    "flights.csv": ["mission", "launch_spacecraft", "landing_spacecraft"],
    "spacewalks.csv": ["partner", "purpose"],
    "events.csv": ["title_en", "description_en"],
    "satellites.csv": ["name", "vehicle", "launch_site", "builder", "notes"],
    "sources.csv": ["title", "publisher"],
    "disagreements.csv": ["topic", "claim_a", "claim_b", "taught", "explanation"],
    "glossary.csv": ["term_en", "term_kk", "definition_en"],
    "quotes.csv": ["text"],
    "launches.csv": ["vehicle"],
}
#: Columns with a length limit (schema maxLength, or the exercise's limit on claims): the payload replaces the text.
SHORT = {"title_en", "claim_a", "claim_b"}


def poison(folder: Path) -> None:
    """Write PAYLOAD into the data copy's text cells (with the csv module) and into datapackage.json."""
    for name, columns in POISONED.items():
        path = folder / name
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header, rows = reader.fieldnames, list(reader)
        for number, row in enumerate(rows):
            for column in columns:
                if row[column]:
                    row[column] = f"{PAYLOAD} {number}" if column in SHORT else f"{row[column]} {PAYLOAD}"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    descriptor_path = folder / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource["title"] += f" {PAYLOAD}"
        resource["description"] += f" {PAYLOAD}"
        for field in resource["schema"]["fields"]:
            field["description"] = field.get("description", "") + f" {PAYLOAD}"
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    kazspace.clear_cache()


@pytest.fixture
def poisoned(data_copy):
    poison(data_copy)
    return data_copy


def assert_safe(markup: str, where: str, shows_data: bool = True, script: bool = False) -> None:
    """No part of the payload is live; with ``shows_data``, the payload is there, escaped. ``script``: the markup is
    JavaScript (a quiz), not HTML."""
    for raw in RAW:
        assert raw not in markup, f"{where}: the data reaches the page unescaped ({raw})"
    if not script:
        assert not live_code(markup), f"{where}: HTML that would run: {live_code(markup)}"
    if shows_data:
        missing = [e for e in ESCAPED if e not in markup]
        assert not missing, f"{where}: the data should be shown, escaped, but {missing[0]} is not in the output"


def holds_payload(value) -> bool:
    if isinstance(value, pd.DataFrame):
        value = value.to_csv() + " ".join(map(str, value.columns)) + " ".join(map(str, value.index.names))
    return "<script>alert(1)" in str(value)


def check_frame(frame: pd.DataFrame, where: str) -> None:
    """A DataFrame as pandas shows it (to_html, the notebook repr) and as the lessons show it (show_table)."""
    data = holds_payload(frame)
    assert_safe(frame.to_html(), f"{where}.to_html()", data)
    assert_safe(frame._repr_html_(), f"{where}._repr_html_()", shows_data=False)  # long cells are cut short
    assert_safe(show_table(frame, index=True).to_html(), f"show_table({where})", data)


def check_display(result, where: str) -> bool:
    """Render whatever a display function returned; True if it was something shown on a page."""
    if isinstance(result, pd.io.formats.style.Styler):
        assert isinstance(result, display.Table), f"{where} returns a bare Styler (it does not escape): use show_table"
        assert_safe(result.to_html(), f"{where}.to_html()", holds_payload(result.data))
    elif isinstance(result, pd.DataFrame):
        check_frame(result, where)
    elif isinstance(result, HTML):
        assert_safe(result.data, f"{where}.data")
    elif isinstance(result, widgets.Widget):
        check_widget(result, where)
    elif isinstance(result, Markdown):
        assert_safe(myst_html(result.data), f"{where} (Markdown)", holds_payload(result.data))
    else:
        return False
    return True


# ------------------------------------------------------------------------------------------------------ pandas Styler

def test_pandas_styler_does_not_escape_and_show_table_does():
    """Why the lessons use kazspace.show_table: DataFrame.style leaves cells, headers and index labels raw."""
    frame = pd.DataFrame({PAYLOAD: [PAYLOAD, pd.NA], "number": [38.7, 2.0]},
                         index=pd.Index([PAYLOAD, "row"], name=PAYLOAD))
    assert "<script>alert(1)" in frame.style.to_html()
    assert "<script>alert(1)" in frame.style.hide(axis="index").to_html()
    shown = show_table(frame, index=True).to_html()
    assert_safe(shown, "show_table")
    assert shown.count("&lt;script&gt;alert(1)") == 4  # the cell, the column header, the index label and its name
    assert "<NA>" not in shown and ">38.7<" in shown and ">2<" in shown  # blank for missing, no padded zeros
    assert_safe(show_table(frame).to_html(), "show_table without index")


def test_show_table_is_reproducible():
    """Its HTML id comes from the content (pandas draws a random uuid) and its text form holds no memory address."""
    frame = pd.DataFrame({"a": ["x", "y"]})
    one, two = show_table(frame), show_table(frame.copy())
    ids = [re.search(r'<table id="([^"]+)"', t.to_html()).group(1) for t in (one, two)]
    assert ids[0] != ids[1]  # the same table twice on one page keeps unique ids
    assert ids[0] == "T_" + one.uuid and one.uuid.split("_")[0] == two.uuid.split("_")[0]
    assert " at 0x" not in repr(one) and repr(one).split() == ["a", "x", "y"]
    assert "id=\"T_" + one.uuid + "_row" not in one.to_html()  # no per-cell ids


# ------------------------------------------------------------------------------------------------------ tables

#: Modules whose public functions make what a page shows.
DISPLAY_MODULES = (catalogue, checking, cosmonauts, programme, exercises, launch_stats, timeline, orbits, quiz,
                   kazspace)
NOT_CALLED = {"clear_cache"}


def zero_argument_functions():
    for module in DISPLAY_MODULES:
        for name, function in sorted(vars(module).items()):
            if name.startswith("_") or name in NOT_CALLED or not inspect.isfunction(function):
                continue
            if function.__module__.split(".")[0] != "kazspace":
                continue
            parameters = inspect.signature(function).parameters.values()
            if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters):
                yield f"{function.__module__}.{name}", function


def calls_with_arguments():
    """Display functions that need an argument, called for every row they can show, as the lessons call them."""
    ids = list(kazspace.disagreements()["disagreement_id"])
    quotes = list(kazspace.quotes()["quote_id"])
    launches = kazspace.launches()
    resources = [r["name"] for r in catalogue.descriptor()["resources"]]
    landing = kazspace.flights()["landing_utc"].iloc[0]
    zones = {"Kazakhstan": "Asia/Almaty", "Moscow": "Europe/Moscow"}
    calls = [("cosmonauts.disagreement_table", lambda: cosmonauts.disagreement_table(ids)),
             ("cosmonauts.quote_table", lambda: cosmonauts.quote_table(quotes)),
             ("cosmonauts.local_times", lambda: cosmonauts.local_times(landing, zones)),
             ("programme.clock_table", lambda: programme.clock_table(landing, zones)),
             ("launch_stats.top_vehicles", lambda: launch_stats.top_vehicles(launches, n=5)),
             ("launch_stats.top_vehicles(family)", lambda: launch_stats.top_vehicles(launches, n=5, family=True)),
             ("timeline.select_events", lambda: timeline.select_events(kazspace.events(), ["baikonur", "world"]))]
    for category in kazspace.events()["category"].astype(str).unique():
        calls.append((f"programme.programme_history({category})",
                      lambda c=category: programme.programme_history(category=c)))
    for kind in programme.KIND_LABELS:
        calls.append((f"programme.disagreement_display({kind})", lambda k=kind: programme.disagreement_display(kind=k)))
    for i in ids:
        calls += [(f"programme.claim_pair({i})", lambda i=i: programme.claim_pair(i)),
                  (f"programme.claim_sources({i})", lambda i=i: programme.claim_sources(i)),
                  (f"exercises.claims_view({i})", lambda i=i: exercises.claims_view(i))]
    for name in resources:
        calls += [(f"catalogue.columns({name})", lambda n=name: catalogue.columns(n)),
                  (f"catalogue.cited_sources({name})", lambda n=name: catalogue.cited_sources(n))]
    for satellite in kazspace.satellites()["satellite_id"]:
        calls += [(f"checking.satellite_facts({satellite})", lambda s=satellite: checking.satellite_facts(s)),
                  (f"exercises.facts_table({satellite})", lambda s=satellite: exercises.facts_table(s)),
                  (f"exercises.facts_html({satellite})", lambda s=satellite: HTML(exercises.facts_html(s)))]
    return calls


def test_every_table_and_html_view_escapes_the_data(poisoned):
    shown, with_data = [], 0
    for where, function in [*zero_argument_functions(), *calls_with_arguments()]:
        result = function()
        if check_display(result, where):
            shown.append(where)
            with_data += holds_payload(result.data if isinstance(result, pd.io.formats.style.Styler) else
                                       getattr(result, "data", result))
    # The sweep reached the functions the lessons use, and the poisoned data really was in most of what it showed.
    for expected in ("kazspace.cosmonauts.people_table", "kazspace.cosmonauts.flight_table",
                     "kazspace.cosmonauts.spacewalk_table", "kazspace.programme.satellite_table",
                     "kazspace.programme.cooperation_table", "kazspace.catalogue.tables",
                     "kazspace.exercises.events_to_order", "kazspace.exercises.flights_table",
                     "kazspace.exercises.answer_keys", "kazspace.data.glossary", "kazspace.data.quotes"):
        assert expected in shown, f"{expected} was not rendered"
    assert with_data >= 0.6 * len(shown), (with_data, len(shown))
    plt.close("all")


def test_data_package_names_cannot_carry_markup(data_copy):
    """book/data.md puts table names into Markdown headings; the loader refuses a name that is not a plain slug."""
    descriptor_path = data_copy / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    descriptor["resources"][-1]["name"] += PAYLOAD
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    kazspace.clear_cache()
    with pytest.raises(Exception, match="does not match"):
        kazspace.sources()


# ------------------------------------------------------------------------------------------------------ widgets

def widget_markup(root: widgets.Widget) -> list[tuple[str, str]]:
    """(where, markup) for every part of a widget tree that the browser renders as HTML."""
    found, stack = [], [root]
    while stack:
        widget = stack.pop()
        kind = type(widget).__name__
        if isinstance(widget, (widgets.HTML, widgets.HTMLMath)):
            found.append((f"{kind}.value", widget.value))
        if getattr(widget, "description_allow_html", False):
            found.append((f"{kind}.description", widget.description))
        stack.extend(getattr(widget, "children", ()))
    return found


def check_widget(root: widgets.Widget, where: str) -> None:
    for part, markup in widget_markup(root):
        assert_safe(markup, f"{where}: {part}", shows_data=False)


def every_widget(root: widgets.Widget):
    stack = [root]
    while stack:
        widget = stack.pop()
        yield widget
        stack.extend(getattr(widget, "children", ()))


def exercise_builders():
    people = set(kazspace.flights()["person_id"])
    builders = [(name, function) for name, function in zero_argument_functions()
                if name.startswith("kazspace.exercises.") and name.endswith(("_exercise", "_explorer"))]
    builders.append(("orbits.altitude_explorer", orbits.altitude_explorer))
    builders += [(f"exercises.days_exercise({p})", lambda p=p: exercises.days_exercise(p)) for p in sorted(people)]
    for satellite in kazspace.satellites()["satellite_id"]:
        builders += [(f"exercises.satellite_explorer({satellite})",
                      lambda s=satellite: exercises.satellite_explorer(s)),
                     (f"exercises.launch_year_exercise({satellite})",
                      lambda s=satellite: exercises.launch_year_exercise(s))]
    for disagreement in checking.disagreement_ids():
        builders.append((f"exercises.source_criticism_exercise({disagreement})",
                         lambda d=disagreement: exercises.source_criticism_exercise(d)))
    return builders


def test_every_widget_escapes_data_and_what_students_type(poisoned):
    """Every exercise, at its start and after every answer: typed text (the payload itself, a poisoned name, a
    number), every choice of every menu and button, and a moved slider."""
    typed = [PAYLOAD, kazspace.people()["name_en"].iloc[-1], kazspace.satellites()["name"].iloc[0], "1", ""]
    builders = exercise_builders()
    assert len(builders) > 15
    showed_data = 0
    for where, build in builders:
        exercise = build()
        check_widget(exercise, f"{where} at start")
        parts = list(every_widget(exercise))
        no_html_descriptions = [w for w in parts if getattr(w, "description_allow_html", False)]
        assert not no_html_descriptions, f"{where}: a description is rendered as HTML"
        buttons = [w for w in parts if isinstance(w, widgets.Button)]
        for widget in parts:
            if isinstance(widget, widgets.Text):
                for text in typed:
                    widget.value = text
                    for button in buttons:
                        button.click()
                    check_widget(exercise, f"{where} after typing {text!r}")
            elif isinstance(widget, (widgets.Dropdown, widgets.RadioButtons)):
                for value in [v for _, v in widget._options_full[:6] if v not in ("", None)]:
                    widget.value = value
                    for button in buttons:
                        button.click()
                    check_widget(exercise, f"{where} after choosing {value!r}")
            elif isinstance(widget, widgets.IntRangeSlider):
                widget.value = (widget.min, widget.max)
                check_widget(exercise, f"{where} after moving the slider")
        showed_data += any(holds_payload(html.unescape(m)) for _, m in widget_markup(exercise))
    assert showed_data >= len(builders) // 2, (showed_data, len(builders))
    plt.close("all")


def test_feedback_escapes_every_part():
    feedback = Feedback(False, PAYLOAD, PAYLOAD, kind=f'wrong" onmouseover="alert(3)')
    assert_safe(exercises.render(feedback), "exercises.render")
    assert_safe(exercises.render(None, PAYLOAD), "exercises.render(waiting)")


# ------------------------------------------------------------------------------------------------------ quizzes

def test_quizzes_escape_the_data(poisoned, monkeypatch):
    """jupyterquiz writes question, answer and feedback text into the page with innerHTML, from a script."""
    import jupyterquiz.dynamic.display as quiz_display

    shown = []
    monkeypatch.setattr(quiz_display, "display", lambda *objects, **_: shown.extend(objects))
    quizzes = {"baikonur": quiz.baikonur_quiz(), "cosmonauts": quiz.cosmonauts_quiz(),
               "programme": quiz.programme_quiz(), "data-skills": quiz.data_skills_quiz()}
    for key, questions in quizzes.items():
        shown.clear()
        before = json.dumps(questions)
        quiz.show(questions, key=key)
        assert json.dumps(questions) == before  # escaped for display only: the questions keep the plain text
        markup = "".join(o.data for o in shown if isinstance(o, HTML))
        script = "".join(o.data for o in shown if not isinstance(o, HTML))
        assert markup and script
        assert_safe(markup, f"quiz {key} (container)", shows_data=False)
        assert "</script" not in script.lower(), f"quiz {key}: data could close the page's script element"
        assert_safe(script, f"quiz {key} (questions)", shows_data=holds_payload(json.dumps(questions)), script=True)


# ------------------------------------------------------------------------------------------------------ Markdown

MYST = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "dollarmath", "amsmath", "deflist",
                                                          "substitution", "attrs_inline", "fieldlist"}),
                        RendererHTML)


def myst_html(text: str) -> str:
    """The HTML MyST's parser makes from Markdown (myst-nb parses text/markdown outputs with it)."""
    return MYST.render(text)


@pytest.mark.parametrize("text", [
    PAYLOAD, "{raw}`html` <i>role</i>", "```{include} /etc/passwd\n```", "$x^2$ and $$y$$", "[a link](javascript:x)",
    "*emphasis* __strong__ # heading", "{{ substitution }}", ":::{note}\nhi\n:::", "&lt;entity&gt; &amp;", "a\\b",
    "> quote\n- item\n1. item", "<!-- comment -->", "line one\nline two",
])
def test_markdown_text_is_shown_exactly_as_written(text):
    rendered = myst_html(markdown_text(text))
    assert rendered == f"<p>{html.escape(' '.join(text.split()), quote=False).replace(chr(34), '&quot;')}</p>\n"


def test_the_lesson_quote_escapes_its_data(poisoned):
    """lessons/national-programme.md shows a quote as a Markdown blockquote built from the quotes table."""
    quote = kazspace.quotes().set_index("quote_id").loc["prog-q01"]
    rendered = myst_html(f"> {markdown_text(quote['text'])}\n>\n> — Aidyn Aimbetov, as quoted")
    assert rendered.startswith("<blockquote>")
    assert_safe(rendered, "national-programme quote")


def test_teacher_guide_objectives_are_escaped(tmp_path):
    """The teacher guide puts each lesson's objectives into Markdown through teaching.as_markdown_text."""
    lesson = tmp_path / "lesson.md"
    lesson.write_text(f"(a-lesson)=\n# A lesson\n\n- **Level:** ages 14–18\n\n**Learning objectives.** You will:\n"
                      f"- read {PAYLOAD}\n- and <img src=y onerror=alert(4)>\n\n## Next\n", encoding="utf-8")
    read = teaching.read_lesson(lesson)
    assert len(read.objectives) == 2
    for objective in read.objectives:
        rendered = myst_html(f"- {teaching.as_markdown_text(objective)}")
        assert "<script" not in rendered and "<img" not in rendered and not live_code(rendered), rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in myst_html(teaching.as_markdown_text(read.objectives[0]))


# ------------------------------------------------------------------------------------------------------ whole notebooks

def unsafe_outputs(notebook, where: str) -> tuple[list[str], int]:
    """Every output a built page would show as HTML: (problems, number of outputs that show the data escaped).

    text/html and widget HTML values go into the page as they are, text/markdown is parsed by MyST, and
    application/javascript runs; text/plain, streams and tracebacks are shown as text, so are always safe.
    """
    problems, shown = [], 0
    checks = {"text/html": lambda v: assert_safe(v, where, shows_data=False),
              "text/markdown": lambda v: assert_safe(myst_html(v), where, shows_data=False),
              "application/javascript": lambda v: assert_safe(v, where, shows_data=False, script=True)}
    values = [(mime, value) for cell in notebook.cells if cell.cell_type == "code"
              for output in cell.get("outputs", []) for mime, value in output.get("data", {}).items()]
    state = notebook.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model in state.get("state", {}).values():
        if model["model_name"] in ("HTMLModel", "HTMLMathModel"):
            values.append(("text/html", model["state"].get("value", "")))
        if model["state"].get("description_allow_html"):
            values.append(("text/html", model["state"].get("description", "")))
    for mime, value in values:
        if mime in checks:
            try:
                checks[mime](value)
            except AssertionError as error:
                problems.append(f"{mime}: {error}")
            shown += holds_payload(html.unescape(value))
    return problems, shown


@pytest.mark.build
def test_every_notebook_run_on_poisoned_data_shows_it_escaped(data_copy):
    """Every lesson, book page and exercise notebook, executed on the poisoned dataset: no output carries live markup.

    This also covers code written in the notebooks themselves (a table shown with ``.style``, Markdown built with an
    f-string). A cell may fail on such data (a lesson looks a rocket up by its name): the run goes on.
    """
    from test_determinism import notebooks, read  # the same notebooks, read the same way

    shutil.copy(Path(kazspace.data.PACKAGE_DATA_DIR) / "launches.csv", data_copy / "launches.csv")  # every year
    poison(data_copy)
    env = dict(os.environ)  # KAZSPACE_DATA and XDG_CACHE_HOME point at the copy (the data_copy fixture)

    def run(path: Path):
        notebook = read(path)
        NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
        return path, notebook

    problems, showing = [], 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for path, notebook in pool.map(run, notebooks()):
            found, shown = unsafe_outputs(notebook, path.name)
            problems += found
            showing += shown > 0
    assert not problems, "\n".join(problems)
    assert showing >= 10, f"only {showing} notebooks showed the poisoned data"
