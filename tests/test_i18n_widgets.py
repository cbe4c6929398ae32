"""The widget exercises, their feedback and the self-check quizzes in Kazakh (KAZSPACE_LANGUAGE=kk).

Every exercise is built and driven headlessly with right, wrong and malformed answers, in English and in Kazakh.
In Kazakh, no message may be missing from the catalogue (kazspace.i18n.MISSING), every visible text must be
Kazakh once the data strings it quotes are taken out (the data have no Kazakh titles for events, claims, spacecraft
or satellites), and the right answers, computed here from the tables, must still be accepted. In English the texts
must be exactly what they were before the package learnt Kazakh.
"""

import html
import json
import re

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest

import kazspace
from kazspace import checking, i18n, quiz
from kazspace import exercises as kex

CYRILLIC = re.compile(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІіЁё]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
#: Latin words a Kazakh text keeps on purpose: key names, column names and code a student types, units and codes,
#: and the catalogue's own English title in the GCAT credit.
KEPT = ["launch_site.str.contains", "launches['site'].value_counts()", "launch_spacecraft", "launch_class",
        "launch_site", "General Catalog of Artificial Space Objects", "planet4589.org", "GCAT", "Enter", "UTC",
        "GEO", "KazSat", "KazEOSat", "outcome", "orbit", "site", "year", "True"]


# ---------------------------------------------------------------------------------------------- helpers

def every_widget(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from every_widget(child)


def html_texts(value: str) -> list[str]:
    """The text of an HTML fragment, and the alt text of its images, as the reader gets them."""
    alts = [html.unescape(a) for a in re.findall(r'alt="([^"]*)"', value)]
    text = re.sub(r"<img[^>]*>", " ", value)
    return [html.unescape(re.sub(r"<[^>]+>", " ", text))] + alts


def visible_texts(exercise) -> list[str]:
    texts = []
    for widget in every_widget(exercise):
        for attr in ("description", "placeholder", "tooltip"):
            value = getattr(widget, attr, None)
            if isinstance(value, str) and value.strip("\u200b "):
                texts.append(value)
        if isinstance(widget, (widgets.Dropdown, widgets.RadioButtons)):
            texts += [str(label) for label in widget._options_labels]
        if isinstance(widget, widgets.HTML):
            texts += html_texts(widget.value)
    return [t for t in texts if t.strip()]


def data_strings() -> set[str]:
    """Every text the data give in English only (titles, claims, names of craft, satellites and sites)."""
    strings = set(kazspace.events()["title_en"]) | set(kazspace.launches()["site"])
    strings |= set(kazspace.disagreements()["disagreement_id"])
    for column in ("topic", "claim_a", "claim_b", "taught", "explanation"):
        strings |= set(kazspace.disagreements()[column].dropna())
    for column in ("publisher", "title"):
        for text in kazspace.sources()[column].dropna():
            strings |= {text, *(part.strip() for part in text.split(";"))}
    for column in ("mission", "launch_spacecraft", "landing_spacecraft"):
        strings |= set(kazspace.flights()[column].dropna())
    satellites = kazspace.satellites()
    for column in ("name", "vehicle", "launch_site", "builder", "orbit"):
        strings |= set(satellites[column].dropna().astype(str))
    strings |= {re.sub(r"\s*\(.*\)\s*$", "", n) for n in satellites["name"]}
    return {s for s in strings if isinstance(s, str) and len(s) >= 2 and re.search("[A-Za-z]", s)}


_DATA = None


def english_left(text: str, typed=()) -> list[str]:
    """The Latin words of ``text`` once data strings, what the student typed and the kept words are taken out."""
    global _DATA
    if _DATA is None:
        strings = sorted(data_strings() | set(KEPT), key=len, reverse=True)
        _DATA = re.compile("|".join(re.escape(s) for s in strings))
    text = _DATA.sub(" ", text)
    for t in sorted({str(t).strip() for t in typed if str(t).strip()}, key=len, reverse=True):
        text = text.replace(t, " ")
    return LATIN_WORD.findall(_DATA.sub(" ", text))


def short_kk(person_id: str) -> str:
    parts = kazspace.people().set_index("person_id").loc[person_id, "name_kk"].split()
    return f"{parts[0]} {parts[-1]}"


# ---------------------------------------------------------------------------------------------- the scripts

def truth_order(exercise):
    return list(exercise.events.sort_values("date_start")["event_id"])


def typed(key, value):
    def step(exercise):
        exercise.inputs[key].value = value
        return value
    return step


def click(exercise):
    for button in exercise.buttons.values():
        button.click()


def baikonur_steps():
    start, end = kex.DEFAULT_YEARS
    counts = checking.launches_per_year("Baikonur", start, end)
    best = checking.busiest_years("Baikonur", start, end)[0]
    other = int(counts.idxmin())
    total = int(counts.sum())
    return [typed("busiest", str(best)), "right", typed("busiest", str(other)), typed("busiest", "abc"),
            typed("busiest", "1950"), typed("busiest", "1990 or 1994"), typed("busiest", ""),
            typed("total", f"{total:,}".replace(",", " ")), "right", typed("total", str(int(counts.iloc[0]))),
            typed("total", str(total + 50)), typed("total", "lots"), typed("total", "-3"), typed("total", "1994.5"),
            typed("years", (1961, 1962)), click]


def spacecraft_steps():
    flights = kazspace.flights()
    right = dict(zip(flights["flight_id"], flights["launch_spacecraft"]))
    differs = flights[flights["launch_spacecraft"] != flights["landing_spacecraft"]].iloc[0]
    first = flights["flight_id"].iloc[0]
    other = next(c for c in checking.spacecraft_choices()
                 if c not in (right[first], flights.set_index("flight_id").loc[first, "landing_spacecraft"]))
    steps = [click, typed(first, right[first]), click]
    steps += [typed(f, c) for f, c in right.items()] + [click, "right"]
    steps += [typed(differs["flight_id"], differs["landing_spacecraft"]), click,
              typed(differs["flight_id"], differs["launch_spacecraft"]), typed(first, other), click]
    return steps


def order_steps(exercise):
    truth = truth_order(exercise)
    steps = [click, typed("place1", truth[0]), click, typed("place2", truth[1]), typed("place3", truth[2]), click]
    steps += [typed(f"place{i}", e) for i, e in enumerate(truth, start=1)] + [click, "right"]
    steps += [typed("place1", truth[1]), typed("place2", truth[0]), click, typed("place2", truth[1]), click]
    return steps


def text_steps(right: str, wrong: list, bad: list):
    return ([typed("answer", right), "right"] + [typed("answer", w) for w in wrong]
            + [typed("answer", b) for b in bad] + [click])


def days_steps():
    own = kazspace.flights().query("person_id == 'musabayev'")
    total = float(own["duration_days"].sum())
    return text_steps(f"{int(total)} days", [str(int(own["duration_days"].iloc[0])), str(round(total * 24)),
                                             str(round(total / 2)), str(round(total * 2))],
                      ["", "three hundred", "about 300 or 400 days", "-341", "True"])


def longest_steps():
    longest = kazspace.flights().groupby("person_id")["duration_days"].sum().idxmax()
    name = kazspace.people().set_index("person_id").loc[longest, "name_en"]
    others = [p for p in kazspace.people()["name_en"] if p != name]
    return ([typed("answer", name), "right", typed("answer", short_kk(longest)), "right",
             typed("answer", name.split()[-1].replace("y", "", 1)), "right"]
            + [typed("answer", o) for o in others] + [typed("answer", b) for b in ("", "Yuri", "12345")] + [click])


def geostationary_steps():
    sats = kazspace.satellites()
    geo = list(sats.loc[sats["orbit"] == "GEO", "name"])
    other = sats.loc[sats["orbit"] != "GEO", "name"].iloc[0]
    return text_steps(", ".join(geo), [geo[0], ", ".join(geo + [other]), ", ".join(geo + geo[:1]),
                                       ", ".join([geo[0].replace("Sat", "Sta")] + geo[1:])],
                      ["", " , ; ", "KazSat-1, Sputnik 1", "KazSat-9"])


def launch_year_steps():
    sats = kazspace.satellites().set_index("satellite_id")
    sid = kex.default_year_satellite()
    year = int(sats.loc[sid, "launch_utc"].year)
    others = sorted({int(y) for y in sats["launch_utc"].dt.year} - {year})
    return text_steps(str(year), [str(others[0]), str(year - 1) if year - 1 not in others else "2000"],
                      ["", "06", "2100", "in the 2000s", "twenty fourteen"])


def launch_count_steps():
    year = checking.question_year()
    launches = kazspace.launches()
    in_year = launches[launches["year"] == year]
    here = in_year[in_year["site"] == "Baikonur"]
    successes = int((here["outcome"] == "success").sum())
    return text_steps(str(len(here)), [str(successes), f"{len(in_year):,}", str(len(here) + 3)],
                      ["", "many", "5.5", "1 or 2", "-1"])


def busiest_site_steps():
    year = checking.question_year()
    counts = kazspace.launches().query("year == @year")["site"].value_counts()
    return text_steps(counts.index[0].lower(), [counts.index[-1], counts.index[0][:-1] + "x"], ["", "Mars"])


def satellites_from_steps():
    expected = sum("Baikonur" in s for s in kazspace.satellites()["launch_site"])
    return text_steps(f"{expected} satellites", [str(len(kazspace.satellites())), str(expected + 1)],
                      ["", "99", "nine", "1.5"])


def source_steps():
    did = kex.default_disagreement()
    row = kazspace.disagreements().set_index("disagreement_id").loc[did]
    wrong = next(k for k in checking.KIND_LABELS if k != row["kind"])
    other = next(d for d in checking.disagreement_ids() if d != did)
    return [click, typed("version", checking.VERSION_CHOICES[2]), click, typed("kind", row["kind"]), click,
            "right", typed("kind", wrong), click, typed("version", checking.VERSION_CHOICES[3]), click,
            typed("topic", other), click]


def satellite_steps():
    return [typed("satellite", s) for s in kazspace.satellites()["satellite_id"]]


SCRIPTS = {
    "event_order_exercise": (kex.event_order_exercise, order_steps),
    "launches_explorer": (kex.launches_explorer, lambda _: baikonur_steps()),
    "spacecraft_exercise": (kex.spacecraft_exercise, lambda _: spacecraft_steps()),
    "days_exercise": (kex.days_exercise, lambda _: days_steps()),
    "longest_exercise": (kex.longest_exercise, lambda _: longest_steps()),
    "satellite_explorer": (kex.satellite_explorer, lambda _: satellite_steps()),
    "geostationary_exercise": (kex.geostationary_exercise, lambda _: geostationary_steps()),
    "launch_year_exercise": (kex.launch_year_exercise, lambda _: launch_year_steps()),
    "source_criticism_exercise": (kex.source_criticism_exercise, lambda _: source_steps()),
    "launch_count_exercise": (kex.launch_count_exercise, lambda _: launch_count_steps()),
    "busiest_site_exercise": (kex.busiest_site_exercise, lambda _: busiest_site_steps()),
    "satellites_from_exercise": (kex.satellites_from_exercise, lambda _: satellites_from_steps()),
}


def drive(build, script):
    """Build, then run the script; returns (texts after each step, typed values, [correct? at each "right"])."""
    exercise = build()
    states, typed_values, rights = [visible_texts(exercise)], [], []
    for step in script(exercise):
        if step == "right":
            rights.append(exercise.last is not None and exercise.last.correct)
            continue
        value = step(exercise)
        if isinstance(value, str):
            typed_values += [value, *checking.split_names(value)]
        states.append(visible_texts(exercise))
    plt.close("all")
    return states, typed_values, rights


@pytest.fixture
def kazakh(monkeypatch):
    """The Kazakh language, and a clean record of missing messages (restored afterwards)."""
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    before = set(i18n.MISSING)
    i18n.MISSING.clear()
    yield
    i18n.MISSING.update(before)


@pytest.fixture
def english(monkeypatch):
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)


# ---------------------------------------------------------------------------------------------- Kazakh

def test_every_exercise_builder_has_a_script():
    builders = {name for name in vars(kex) if name.endswith(("_exercise", "_explorer")) and not name.startswith("_")}
    assert builders == set(SCRIPTS)


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_exercise_speaks_kazakh_and_accepts_right_answers(kazakh, name):
    build, script = SCRIPTS[name]
    states, typed_values, rights = drive(build, script)
    assert not i18n.MISSING, f"{name}: messages missing from kazspace.po: {sorted(i18n.MISSING)}"
    assert all(rights), f"{name}: a right answer was not accepted in Kazakh: {rights}"
    shown = [t for state in states for t in state]
    assert any(CYRILLIC.search(t) for t in shown)
    for text in set(shown):
        assert not english_left(text, typed_values), f"{name}: English left in {text!r}"


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_exercise_english_is_unchanged_and_has_no_kazakh(english, name):
    build, script = SCRIPTS[name]
    states, typed_values, rights = drive(build, script)
    assert all(rights)
    for text in {t for state in states for t in state}:
        without_typed = text
        for value in typed_values:
            without_typed = without_typed.replace(value.strip(), " ") if value.strip() else without_typed
        assert not CYRILLIC.search(without_typed), f"{name}: Kazakh in the English edition: {text!r}"


def test_the_kazakh_widget_words_are_the_books_words(kazakh):
    exercise = kex.days_exercise()
    assert exercise.check.description == "Тексеру"
    assert exercise.inputs["answer"].description == "Жауап:"
    exercise.inputs["answer"].value = "twelve"
    assert "Кеңес:" in exercise.feedback.value
    order = kex.event_order_exercise()
    assert order.inputs["place1"]._options_labels[0] == "— таңдаңыз —"
    assert order.inputs["place2"].description == "2-орын:"
    explorer = kex.launches_explorer()
    assert explorer.inputs["years"].description == "Жылдар:"


def test_names_are_shown_in_kazakh(kazakh):
    flights = kazspace.flights()
    exercise = kex.spacecraft_exercise()
    for fid, row in flights.set_index("flight_id").iterrows():
        assert exercise.inputs[fid].description == f"{short_kk(row['person_id'])} ({row['launch_utc'].year})"
    longest = flights.groupby("person_id")["duration_days"].sum().idxmax()
    feedback = checking.check_longest_in_space(kazspace.people().set_index("person_id").loc[longest, "name_en"])
    assert feedback.correct and feedback.message == f"Дұрыс: {short_kk(longest)}."
    days = kex.days_exercise(longest)
    assert short_kk(longest) in days.children[0].value


def test_numbers_in_kazakh_feedback_are_written_the_kazakh_way(kazakh):
    start, end = 1957, 2025
    total = int(checking.launches_per_year("Baikonur", start, end).sum())
    assert total >= 1000                       # so that the thousands are grouped
    feedback = checking.check_total_launches(total, start, end)
    assert feedback.correct and i18n.number(total) in feedback.message and f"{total:,}" not in feedback.message
    days = checking.days_in_space("musabayev")
    right = checking.check_days_in_space(int(days), "musabayev")
    assert i18n.decimal(days, 1) in right.message and "," in i18n.decimal(days, 1)
    wrong = checking.check_total_launches("1 000 000", start, end)
    assert wrong.kind == "out-of-range" and i18n.number(len(kazspace.launches())) in wrong.hint


@pytest.mark.parametrize("answer, kind", [
    (None, "empty"), ("", "empty"), ("abc", "not-a-number"), ("1990 or 1994", "several-numbers"),
    ("1994.5", "not-whole"), ("94", "out-of-range"), (True, "not-a-number"),
])
def test_bad_input_gets_kazakh_feedback_of_the_same_kind(kazakh, monkeypatch, answer, kind):
    kk = checking.check_busiest_year(answer, 1990, 2000)
    kk_text = kk.text                              # the text is written in the language in force when it is read
    assert CYRILLIC.search(kk_text) and not english_left(kk_text, [str(answer)])
    assert not i18n.MISSING
    monkeypatch.delenv("KAZSPACE_LANGUAGE")
    en = checking.check_busiest_year(answer, 1990, 2000)
    assert (kk.kind, kk.correct) == (en.kind, en.correct) == (kind, False)
    assert kk.message != en.message and kk.hint != en.hint and kk_text != en.text


def test_every_kazakh_translation_fills_only_the_placeholders_the_english_has():
    """A translation that asks for a placeholder the code does not give would raise a KeyError for a student."""
    from babel.messages.pofile import read_po

    with (i18n.LOCALES / "kk" / "LC_MESSAGES" / "kazspace.po").open("rb") as handle:
        catalogue = read_po(handle)
    ours = ("kazspace/checking.py", "kazspace/exercises.py", "kazspace/quiz.py")
    checked = 0
    for message in catalogue:
        if message.id and any(path in ours for path, _ in message.locations):
            assert message.string and not message.fuzzy, f"untranslated: {message.id!r}"
            names = set(re.findall(r"\{(\w*)\}", message.id))
            assert set(re.findall(r"\{(\w*)\}", message.string)) <= names, message.id
            checked += 1
    assert checked > 100


def test_the_tables_and_chart_of_the_exercise_pages_speak_kazakh(kazakh):
    tables = {"events_to_order": kex.events_to_order().data, "flights_table": kex.flights_table().data,
              "facts_table": kex.facts_table().data, "answer_keys": kex.answer_keys()}
    for name, frame in tables.items():
        for column in frame.columns:
            assert CYRILLIC.search(column) and not english_left(column), (name, column)
    keys = kex.answer_keys()
    for cell in keys.iloc[:, :2].to_numpy().ravel():
        assert CYRILLIC.search(cell) and not english_left(cell), cell
    facts = checking.satellite_facts(kazspace.satellites()["satellite_id"].iloc[0])
    assert all(CYRILLIC.search(label) for label in facts.iloc[:, 0])
    figure = kex.launches_figure()
    axes = figure.axes[0]
    for label in (axes.get_title(loc="left"), axes.get_xlabel(), axes.get_ylabel()):
        assert CYRILLIC.search(label) and not english_left(label), label
    assert not english_left(kex.launches_alt("Baikonur", *kex.DEFAULT_YEARS))
    plt.close("all")
    claims = kex.claims_view().data
    assert "A тұжырымы:" in claims and "Дереккөздер:" in claims
    assert not i18n.MISSING


def test_the_answer_keys_in_kazakh_are_still_accepted(kazakh):
    keys = kex.answer_keys()
    values = dict(zip(keys.iloc[:, 1], keys.iloc[:, 2]))
    start, end = kex.DEFAULT_YEARS
    year = checking.question_year()
    assert checking.check_busiest_year(values[f"Байқоңырдан ең көп ұшырылым жасалған жыл, {start}–{end}"],
                                       start, end).correct
    assert checking.check_days_in_space(values["Мұсабаевтың ғарышта болған күндері"], "musabayev").correct
    assert checking.check_longest_in_space(values["Ғарышта ең ұзақ болған ғарышкер"]).correct
    assert checking.check_busiest_site(values[f"{year} жылы ең көп ұшырылым жасалған орын"], year).correct


QUIZZES = ("baikonur_quiz", "cosmonauts_quiz", "programme_quiz", "data_skills_quiz")


def test_quizzes_speak_kazakh_and_keep_their_answers(kazakh, monkeypatch):
    kk = {name: getattr(quiz, name)() for name in QUIZZES}
    assert not i18n.MISSING
    monkeypatch.delenv("KAZSPACE_LANGUAGE")
    en = {name: getattr(quiz, name)() for name in QUIZZES}
    for name in QUIZZES:
        assert len(kk[name]) == len(en[name])
        for q_kk, q_en in zip(kk[name], en[name]):
            assert q_kk["question"] != q_en["question"]
            assert CYRILLIC.search(q_kk["question"]) and not english_left(q_kk["question"])
            for a_kk, a_en in zip(q_kk["answers"], q_en["answers"]):
                assert (a_kk.get("answer"), a_kk.get("value"), a_kk.get("correct")) == \
                    (a_en.get("answer"), a_en.get("value"), a_en.get("correct"))
                assert CYRILLIC.search(a_kk["feedback"]) and not english_left(a_kk["feedback"]), a_kk["feedback"]


def test_the_quiz_prompt_is_kazakh_only_in_the_kazakh_edition(monkeypatch):
    import jupyterquiz.dynamic.display as quiz_display
    from IPython import display as ipython_display

    def scripts(language):
        if language:
            monkeypatch.setenv("KAZSPACE_LANGUAGE", language)
        else:
            monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)
        shown = []
        monkeypatch.setattr(quiz_display, "display", lambda *objects, **_: shown.extend(objects))
        monkeypatch.setattr(ipython_display, "display", lambda *objects, **_: shown.extend(objects))
        quiz.show(quiz.programme_quiz(), key="programme")
        return [getattr(o, "data", "") or "" for o in shown]

    english = scripts(None)
    assert quiz.LINK_LABELS_JS in english and "Type numeric answer here" not in quiz.LINK_LABELS_JS
    kazakh = scripts("kk")
    link = next(s for s in kazakh if "label.htmlFor" in s)
    assert json.dumps(i18n._("Type numeric answer here:", "kk")) in link
    assert "</script" not in link.lower()


def test_english_feedback_is_exactly_as_before(english):
    """A few texts written out in full, from the data: the English edition reads as it always did."""
    counts = checking.launches_per_year("Baikonur", 1990, 2000)
    year = int(counts.idxmax())
    others = [y for y in checking.busiest_years("Baikonur", 1990, 2000) if y != year]
    tie = f" It shares first place with {', '.join(map(str, others))}." if others else ""
    assert checking.check_busiest_year(year, 1990, 2000).message == (
        f"Correct: {year} had {counts[year]:,} launches from Baikonur, the most from 1990 to 2000.{tie}")
    out = checking.check_busiest_year("94", 1990, 2000)
    assert out.message == "94 is outside the range you chose (1990–2000)."
    assert out.text == ("94 is outside the range you chose (1990–2000). "
                        "Hint: Pick a year from 1990 to 2000, or move the slider.")
    assert checking.check_total_launches("-3", 1990, 2000).hint == \
        f"The number of launches must be between 0 and {len(kazspace.launches()):,}."
    assert checking.check_launch_year("06", "kazsat-1").message == "6 is outside the possible range."
    assert checking.check_longest_in_space("Musabaev").message == \
        "Did you mean “Talgat Musabayev”? I read “Musabaev” as that. Correct: Talgat Musabayev."
    assert checking.check_longest_in_space("Yuri").text == \
        "I don't know a person called “Yuri”. Hint: Check the spelling, or copy the person from the table."
    assert checking.check_event_order([None, "x", None, None, None], checking.order_events()).message == \
        "Places 1, 3, 4, 5 are still empty."
    total = checking.days_in_space("musabayev")
    flights = int((kazspace.flights()["person_id"] == "musabayev").sum())
    assert flights > 1
    assert checking.check_days_in_space(str(int(total)), "musabayev").message == \
        f"Correct: Talgat Musabayev spent about {total:,.1f} days in space over {flights} flights."
    assert kex.render(None) == ('<div class="kazspace-feedback" data-kind="waiting" role="status">'
                                "Type your answer, then press Enter or click Check.</div>")
    assert "<strong>✘ Not yet.</strong>" in kex.render(checking.check_longest_in_space("Aubakirov"))
    exercise = kex.source_criticism_exercise()
    assert exercise.inputs["version"]._options_labels == checking.VERSION_CHOICES
    assert exercise.inputs["kind"]._options_labels[0] == "— choose —" and exercise.check.description == "Check"
    facts = checking.satellite_facts("kazsat-1")
    assert list(facts.columns) == ["fact", "value"] and facts.iloc[0, 0] == "Name"
    assert list(kex.answer_keys().columns) == ["exercises", "question", "expected answer"]
