"""The Kazakh edition of what the lessons' and book pages' code cells output: formatters, glued values, tables and
figure labels in Kazakh when KAZSPACE_LANGUAGE=kk, and exactly the English of before when it is unset.

The expected Kazakh forms are written out by hand for small hand-made inputs (a date, a duration, a data value);
the English expectations are the forms the lessons glued before they went through kazspace.i18n.
"""

import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from babel.messages.pofile import read_po

import kazspace
from kazspace import catalogue, cosmonauts, display, i18n, launch_stats, orbits, programme, timeline

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"
#: The files whose messages this test file is about (the widgets' messages have their own tests).
MY_SOURCES = ("kazspace/plots.py", "kazspace/launch_stats.py", "kazspace/timeline.py", "kazspace/cosmonauts.py",
              "kazspace/orbits.py", "kazspace/programme.py", "kazspace/display.py", "kazspace/catalogue.py",
              "kazspace/i18n.py", "lessons/", "book/")


@pytest.fixture
def kk(monkeypatch):
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    before = set(i18n.MISSING)
    yield
    new = {message for lang, message in i18n.MISSING - before if lang == "kk"}
    assert new == set(), f"messages without a Kazakh translation: {sorted(new)}"


@pytest.fixture
def en(monkeypatch):
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)


def latin_words(text: str) -> list[str]:
    """English-looking words left in a text (UTC and orbit codes are written the same in Kazakh)."""
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in {"UTC", "GEO", "SSO", "LEO"}]


# ------------------------------------------------------------------------------------------------- formatters

def test_numbers_group_thousands_with_a_space_in_kazakh_and_a_comma_in_english():
    assert i18n.number(1554, lang="en") == "1,554"
    assert i18n.number(1554, lang="kk") == f"1{NBSP}554"
    assert i18n.number(1_000_000, lang="kk") == f"1{NBSP}000{NBSP}000"
    assert i18n.number(965, lang="kk") == "965"


def test_decimals_use_a_comma_in_kazakh():
    assert i18n.decimal(207.54, 2, lang="en") == "207.54"
    assert i18n.decimal(207.54, 2, lang="kk") == "207,54"
    assert i18n.decimal(1234.5, 1, lang="kk") == f"1{NBSP}234,5"


def test_localise_number_rewrites_any_english_number_text_and_leaves_english_alone():
    for text in ("1,554", "92.6", "6.5", "4.7%", "3.986004418e+14", "6,378,136.6"):
        assert i18n.localise_number(text, lang="en") == text
    assert i18n.localise_number("92.6", lang="kk") == "92,6"
    assert i18n.localise_number("0.6%", lang="kk") == "0,6%"
    assert i18n.localise_number("6,378,136.6", lang="kk") == f"6{NBSP}378{NBSP}136,6"
    assert i18n.localise_number(15.55, lang="kk") == "15,55"


def test_dates_months_and_weekdays():
    assert i18n.date("1961-04-12", lang="en") == "12 April 1961"
    assert i18n.date("1961-04-12", lang="kk") == "1961 жылғы 12 сәуір"
    assert i18n.date("1957-10-04", lang="kk", year=False) == "4 қазан"
    assert i18n.month_name(8, lang="en") == "August" and i18n.month_name(8, lang="kk") == "тамыз"
    assert i18n.month_year(2025, 8, lang="en") == "August 2025"
    assert i18n.month_year(2025, 8, lang="kk") == "2025 жылғы тамыз"
    # 12 September 2015 was a Saturday.
    assert i18n.weekday_name("2015-09-12", lang="en") == "Saturday"
    assert i18n.weekday_name("2015-09-12", lang="kk") == "сенбі"
    assert i18n.weekday_name("2015-09-14", lang="kk") == "дүйсенбі"


def test_and_list_joins_the_last_two_with_the_languages_and(monkeypatch):
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)
    assert i18n.and_list(["1994", "1998", "2001"]) == "1994, 1998 and 2001"
    assert i18n.and_list(["A", "B"]) == "A and B" and i18n.and_list(["A"]) == "A" and i18n.and_list([]) == ""
    assert i18n.and_list(["1994", "1998", "2001"], lang="kk") == "1994, 1998 және 2001"


# ------------------------------------------------------------------------------------------- glued values

def test_durations(en):
    stay = pd.Timedelta(days=7, hours=22, minutes=12, seconds=40)
    assert cosmonauts.format_duration(stay) == "7 d 22 h 12 min"
    assert cosmonauts.format_duration(stay, seconds=True) == "7 d 22 h 12 min 40 s"
    assert cosmonauts.format_hours(pd.Timedelta(hours=30, minutes=8)) == "30 h 08 min"


def test_durations_in_kazakh(kk):
    stay = pd.Timedelta(days=7, hours=22, minutes=12, seconds=40)
    assert cosmonauts.format_duration(stay) == "7 тәул. 22 сағ 12 мин"
    assert cosmonauts.format_duration(stay, seconds=True) == "7 тәул. 22 сағ 12 мин 40 с"
    assert cosmonauts.format_duration(pd.Timedelta(minutes=75)) == "1 сағ 15 мин"
    assert cosmonauts.format_hours(pd.Timedelta(hours=30, minutes=8)) == "30 сағ 08 мин"


def test_dates_in_the_cosmonauts_and_programme_helpers(en):
    assert cosmonauts.long_date("1991-10-02") == "2 October 1991"
    assert [programme.date_text(v) for v in ("2007-03-27", "2019-08", "1993")] == \
        ["27 March 2007", "August 2019", "1993"]
    assert programme.date_text(pd.Timestamp("2006-06-18 04:44", tz="Asia/Almaty")) == "18 June 2006"
    assert [timeline.date_label(d, p) for d, p in (("1955-02-12", "day"), ("1955-04", "month"), ("1969", "year"))] \
        == ["12 Feb 1955", "Apr 1955", "1969"]


def test_dates_in_the_cosmonauts_and_programme_helpers_in_kazakh(kk):
    assert cosmonauts.long_date("1991-10-02") == "1991 жылғы 2 қазан"
    assert [programme.date_text(v) for v in ("2007-03-27", "2019-08", "1993")] == \
        ["2007 жылғы 27 наурыз", "2019 жылғы тамыз", "1993"]
    assert programme.date_text(pd.Timestamp("2006-06-18 04:44", tz="Asia/Almaty")) == "2006 жылғы 18 маусым"
    assert [timeline.date_label(d, p) for d, p in (("1955-02-12", "day"), ("1955-04", "month"), ("1969", "year"))] \
        == ["1955 жылғы 12 ақпан", "1955 жылғы сәуір", "1969"]


def test_event_dates_follow_the_language(monkeypatch):
    events = pd.DataFrame({"event_id": ["a", "b"], "date": ["1957-10-04", "2023-09"], "precision": ["day", "month"]})
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)
    assert list(timeline.event_dates(events)) == ["4 Oct 1957", "Sep 2023"]
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    assert list(timeline.event_dates(events)) == ["1957 жылғы 4 қазан", "2023 жылғы қыркүйек"]


def test_written_values_rewrite_only_whole_dates_and_measurements(kk):
    assert programme.written_value("27 March 2007") == "2007 жылғы 27 наурыз"
    assert programme.written_value("September 11, 2007") == "2007 жылғы 11 қыркүйек"
    assert programme.written_value("September 11") == "11 қыркүйек"
    assert programme.written_value("6.5 m") == "6,5 м"
    assert programme.written_value("700 km") == "700 км"
    for data_text in ("1993", "6.5 m (about 7 m)", "Formed 24 March 2007 (infobox)", "Not launched as of 2026"):
        assert programme.written_value(data_text) == data_text     # data text is never translated
    assert programme.written_value(None) is None


def test_written_values_are_untouched_in_english(en):
    for text in ("27 March 2007", "September 11", "6.5 m"):
        assert programme.written_value(text) == text


def test_the_first_date_of_a_claim_in_kazakh_form(kk):
    found = programme.first_date_in("Established by presidential decree on 11 September 1991")
    assert programme.written_value(found) == "1991 жылғы 11 қыркүйек"


def test_labels_for_codes_sites_outcomes_and_countries(monkeypatch):
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)
    english = (launch_stats.site_name("Baikonur"), launch_stats.outcome_name("failure"),
               programme.country_name("USA"), programme.orbit_name("GEO"),
               programme.status_label("operating", "2025-09-10"))
    assert english == ("Baikonur", "failure", "USA", "geostationary (GEO)", "operating (as of 2025-09-10)")
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    assert launch_stats.site_name("Baikonur") == "Байқоңыр"
    assert launch_stats.site_name("Cape Canaveral") == "Канаверал мүйісі"
    assert launch_stats.site_name("Some new pad") == "Some new pad"          # a name it does not know stays
    assert launch_stats.outcome_name("failure") == "сәтсіз" and launch_stats.outcome_name("success") == "сәтті"
    assert programme.country_name("USA") == "АҚШ" and programme.country_name("Atlantis") == "Atlantis"
    assert programme.orbit_name("GEO").startswith("геостационарлық")
    assert programme.status_label("operating", "2025-09-10") == "жұмыс істеп тұр (2025-09-10 күнгі жағдай бойынша)"


def test_names_are_the_short_kazakh_form_in_kazakh(monkeypatch):
    people = pd.DataFrame({"person_id": ["a", "b"], "name_en": ["Aidyn Aimbetov", "Yuri Gagarin"],
                           "name_kk": ["Айдын Ақанұлы Айымбетов", pd.NA]})
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)
    assert list(cosmonauts.names(people)) == ["Aidyn Aimbetov", "Yuri Gagarin"]
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    assert list(cosmonauts.names(people)) == ["Айдын Айымбетов", "Yuri Gagarin"]   # no Kazakh name: as it is
    assert cosmonauts.short_name_kk("Талғат Аманкелдіұлы Мұсабаев") == "Талғат Мұсабаев"


def test_the_orbit_widget_sentence(monkeypatch):
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)
    d = orbits.describe(400)
    english = orbits.describe_html(400)
    assert english == (f"<p>At 400 km: one orbit takes {d['period_min']} min, {d['orbits_per_day']} orbits per day; "
                       f"night {d['night_min']} min and day {d['day_min']} min per orbit "
                       f"(speed {d['speed_km_s']} km/s).</p>")
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    kazakh = orbits.describe_html(400)
    assert "400 км биіктікте" in kazakh and str(d["period_min"]).replace(".", ",") in kazakh
    assert latin_words(kazakh) == [] and not re.search(r"\d\.\d", kazakh)


# ----------------------------------------------------------------------------------------------------- tables

def test_table_headers_are_english_by_default(en):
    assert list(cosmonauts.flight_table().columns)[0] == "Cosmonaut"
    assert list(programme.clock_table(pd.Timestamp("2015-09-12 00:51", tz="UTC"), {"UTC": "UTC"}).columns) == \
        ["Place", "Time zone", "Offset from UTC", "Local date", "Local time"]
    assert list(catalogue.glossary_table().columns) == ["English", "Қазақша", "Русский", "Meaning"]


def test_lesson_tables_in_kazakh(kk):
    tables = [cosmonauts.people_table(), cosmonauts.flight_table(), cosmonauts.spacewalk_table(),
              cosmonauts.disagreement_table(["cosmonauts-01"]), cosmonauts.quote_table(["q10"]),
              programme.satellite_table(), programme.cooperation_table(), programme.kind_counts(),
              programme.disagreement_display(kind="rounding"), programme.claim_pair("programme-01"),
              programme.claim_sources("programme-01"), programme.programme_history(),
              catalogue.tables(), catalogue.columns("people"), catalogue.cited_sources("people"),
              catalogue.source_counts(), catalogue.glossary_terms(["orbit", "lease"])]
    for table in tables:
        headers = [str(c) for c in table.columns if not re.fullmatch(r"[a-z_]+", str(c))]   # identifiers stay
        assert headers and all(latin_words(h) in ([], ["UTC"]) for h in headers), headers


def test_people_table_shows_the_kazakh_birthplace_in_kazakh(monkeypatch):
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    table = cosmonauts.people_table()
    people = kazspace.people().set_index("person_id").loc[list(cosmonauts.COSMONAUTS)]
    expected = people["birthplace_kk"].where(people["birthplace_kk"].notna(), people["birthplace_en"])
    assert list(table.iloc[:, -1]) == list(expected)


def test_the_flight_table_in_kazakh_writes_durations_and_names_in_kazakh(kk):
    table = cosmonauts.flight_table()
    assert all(" тәул. " in d and " сағ " in d for d in table.iloc[:, -1])
    assert set(table.iloc[:, 0]) == set(cosmonauts.names().loc[list(cosmonauts.COSMONAUTS)])


def test_the_clock_table_in_kazakh(kk):
    table = programme.clock_table(pd.Timestamp("2015-09-12 00:51", tz="UTC"),
                                  {"UTC": "UTC", "NY": "America/New_York"})
    assert list(table.iloc[:, 3]) == ["2015 жылғы 12 қыркүйек, сенбі", "2015 жылғы 11 қыркүйек, жұма"]
    clocks = cosmonauts.local_times(pd.Timestamp("2015-09-12 00:51", tz="UTC"), {"NY": "America/New_York"})
    assert list(clocks.iloc[0]) == ["NY", "America/New_York", "UTC-04:00", "2015-09-11", "жұма", "20:51"]


def test_the_glossary_page_shows_kazakh_first_in_kazakh(kk):
    table = catalogue.glossary_table()
    assert list(table.columns) == ["Қазақша", "Ағылшынша", "Орысша", "Мағынасы (ағылшынша)"]
    terms = kazspace.glossary()
    assert list(table.iloc[:, 0]) == list(terms["term_kk"].fillna(""))
    assert list(table.iloc[:, 3]) == list(terms["definition_en"].fillna(""))    # data text stays as it is


def test_tables_show_decimal_commas_in_kazakh(monkeypatch):
    frame = pd.DataFrame({"share": [38.7, 5.0], "n": [1554, 7]})
    monkeypatch.delenv("KAZSPACE_LANGUAGE", raising=False)
    assert "38.7" in display.show_table(frame).to_html()
    monkeypatch.setenv("KAZSPACE_LANGUAGE", "kk")
    html = display.show_table(frame).to_html()
    assert "38,7" in html and "38.7" not in html and ">1554<" in html


def test_the_gcat_credit_is_translated_and_the_constant_stays_english(kk):
    assert catalogue.GCAT_CREDIT.startswith("Launch data: Jonathan C. McDowell")
    kazakh = i18n._(catalogue.GCAT_CREDIT)
    assert kazakh != catalogue.GCAT_CREDIT and "GCAT" in kazakh and "planet4589.org" in kazakh


# ---------------------------------------------------------------------------------------------------- figures

def _texts(figure) -> list[str]:
    figure.canvas.draw()                  # tick labels get their text when drawn
    texts = [t.get_text() for t in figure.findobj(matplotlib.text.Text)]
    return [t for t in texts if t.strip()]


def test_figures_are_labelled_in_kazakh(kk):
    yearly = pd.DataFrame({"Baikonur": [1, 2], "Rest of the world": [3, 4], "World": [4, 6]}, index=[1990, 1991])
    events = kazspace.events()
    figures = [launch_stats.plot_yearly(yearly, i18n._("Orbital launches"), title=i18n._("Orbital launches per year"),
                                        marks={1991: i18n._("End of the USSR")}),
               timeline.timeline_figure(timeline.select_events(events, ["baikonur", "world"], 1955, 1957)),
               orbits.shadow_figure(2000), orbits.minutes_figure(396, 406), programme.satellite_timeline()[0]]
    for figure in figures:
        texts = _texts(figure)
        assert texts
        # Event titles and satellite names are data text, shown as the data has them.
        labels = [t for t in texts if ":" not in t and not t.startswith(("Kaz", "Al-Farabi"))]
        assert [t for t in labels if latin_words(t)] == [], labels
        matplotlib.pyplot.close(figure)
    assert {"Байқоңыр", "Әлемнің қалған бөлігі", "Әлем", "Жыл"} <= set(_texts(figures[0]))


def test_the_comparison_figure_in_kazakh(kk):
    summary = pd.DataFrame({"person_id": ["aubakirov", "musabayev"], "name": ["Тоқтар Әубәкіров", "Талғат Мұсабаев"],
                            "days": [7.9, 341.4], "spacewalks": [0, 7]})
    ages = pd.DataFrame({"person_id": ["aubakirov"], "launch_year": [1991], "age": [45], "age_min": [45],
                         "age_max": [45]})
    figure = cosmonauts.comparison_figure(summary, ages)
    texts = _texts(figure)
    assert "341,4" in texts and "Мұсабаев" in texts
    assert [t for t in texts if latin_words(t)] == []
    matplotlib.pyplot.close(figure)


# ------------------------------------------------------------------------------------------------- catalogue

def test_every_message_of_these_pages_and_modules_has_a_kazakh_translation():
    with (REPO / "locales" / "kk" / "LC_MESSAGES" / "kazspace.po").open("rb") as handle:
        entries = [m for m in read_po(handle) if m.id]
    mine = [m for m in entries if any(str(path).startswith(MY_SOURCES) for path, _line in m.locations)]
    assert len(mine) > 150
    untranslated = [m.id for m in mine if not m.string or m.fuzzy]
    assert untranslated == [], untranslated
    for message in mine:
        placeholders = set(re.findall(r"\{\w*\}", message.id))
        assert placeholders == set(re.findall(r"\{\w*\}", message.string)), message.id


def test_the_lesson_sentences_read_in_kazakh(kk):
    """The phrases the lessons glue, built as the lessons build them."""
    _ = i18n._
    assert _("{time} UTC on {date}").format(time="00:51", date=i18n.date("2015-09-12")) == \
        "2015 жылғы 12 қыркүйек, 00:51 UTC"
    friday = "2015-09-11"
    assert _("{time} on {weekday} {date}").format(time="20:51", weekday=i18n.weekday_name(friday),
                                                   date=i18n.date(friday)) == "2015 жылғы 11 қыркүйек, жұма, 20:51"
    assert _("{hours} hours {minutes} minutes").format(hours=7, minutes=45) == "7 сағат 45 минут"
    assert _("{name} in {year}, aged {age}").format(name="Талғат Мұсабаев", year=2001, age=50) == \
        "Талғат Мұсабаев, 2001 жылы, 50 жаста"
    for english in ("the same date", "a different date", "higher than", "not higher than", "all", "not all",
                    "matches the poster", "does not match the poster"):
        assert latin_words(_(english)) == [], english
