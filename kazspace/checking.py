"""The one way the book checks a student's answer.

Every checker returns a :class:`Feedback` and never raises on what a student can type: empty boxes, words in a
number box, numbers with thousands separators or units, names in another case, with or without diacritics, a
close misspelling, or a name written in Kazakh or Russian Cyrillic. The expected answer is always computed
from the dataset through the kazspace loaders, never typed here.

Every message follows the language in force (:mod:`kazspace.i18n`): English, or Kazakh when ``KAZSPACE_LANGUAGE``
is ``kk``, with names in their Kazakh form and numbers written the Kazakh way. The checking itself does not depend
on the language.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Iterable

import pandas as pd

from . import data
from .i18n import N_, _, date, decimal, language, number, ordinal

#: What kind of feedback a checker gave; tests and the widgets rely on these names.
KINDS = ("correct", "wrong", "empty", "not-a-number", "several-numbers", "not-whole", "out-of-range",
         "unknown-name", "incomplete", "duplicate")


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer."""

    correct: bool
    message: str
    hint: str | None = None
    kind: str = "wrong"
    #: When a close misspelling was read as a known name, the name it was read as.
    read_as: str | None = None

    @property
    def text(self) -> str:
        """Message and hint as one line of plain text."""
        return self.message if not self.hint else _("{message} Hint: {hint}").format(message=self.message,
                                                                                        hint=self.hint)


def _right(message: str, hint: str | None = None) -> Feedback:
    return Feedback(True, message, hint, "correct")


def _wrong(message: str, hint: str | None = None, kind: str = "wrong") -> Feedback:
    return Feedback(False, message, hint, kind)


def _is_empty(answer) -> bool:
    if answer is None:
        return True
    try:
        if pd.isna(answer):
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(answer, str) and not answer.strip()


EMPTY = N_("The answer box is empty.")
TYPE_AND_CHECK = N_("Type a {what} and press Enter, or click Check.")

# ---------------------------------------------------------------------------------------------- numbers

_SEPARATORS = " \u00a0\u202f\u2009,'’_"
_NUMBER = re.compile(
    r"(?<![\w.])[-+−]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009,'’_]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
)


def parse_number(answer, *, low: float, high: float, whole: bool = True, what: str = N_("number"),
                 ) -> tuple[float | None, Feedback | None]:
    """Read one number from what a student typed.

    Accepts ``1,554``, ``1 554``, ``1554 launches``, ``about 207.5 days`` and a decimal comma (``207,5``).
    Returns ``(value, None)``, or ``(None, feedback)`` saying kindly what is wrong with the input. ``what`` is an
    English noun marked with ``N_`` (the feedback translates it).
    """
    value, problem = _read_number(answer, low=low, high=high, whole=whole, what=what)
    return (None, problem) if problem else (value, None)


def _read_number(answer, *, low: float, high: float, whole: bool, what: str) -> tuple[float | None, Feedback | None]:
    """As :func:`parse_number`, but a number outside the range comes back with its problem: ``(value, feedback)``."""
    shown_what = _(what)
    if _is_empty(answer):
        return None, _wrong(_(EMPTY), _(TYPE_AND_CHECK).format(what=shown_what), "empty")
    if isinstance(answer, bool):
        return None, _wrong(_("“{answer}” is not a {what}.").format(answer=answer, what=shown_what),
                            _("Type a {what} with digits, like 12.").format(what=shown_what), "not-a-number")
    if isinstance(answer, (int, float)):
        value = float(answer)
    else:
        text = str(answer).strip()
        found = _NUMBER.findall(text)
        if not found:
            return None, _wrong(_("I could not find a number in “{text}”.").format(text=text),
                                _("Type the {what} with digits, for example 12 rather than twelve.").format(
                                    what=shown_what), "not-a-number")
        if len(found) > 1:
            return None, _wrong(_("“{text}” holds more than one number ({numbers}).").format(
                                    text=text, numbers=", ".join(found)),
                                _("Give just one {what}.").format(what=shown_what), "several-numbers")
        token = found[0].replace("−", "-")
        if re.fullmatch(r"[-+]?\d{1,3}(?:[" + _SEPARATORS + r"]\d{3})+(?:\.\d+)?", token):
            token = re.sub("[" + _SEPARATORS + "]", "", token)
        token = token.replace(",", ".")
        value = float(token)
    if whole and value != int(value):
        return None, _wrong(_("{value} is not a whole number.").format(value=_fmt(value)),
                            _("The {what} here is a whole number.").format(what=shown_what), "not-whole")
    if not low <= value <= high:
        show = (lambda v: str(int(v))) if what == "year" else _fmt
        hint = _("The {what} must be between {low} and {high}.").format(what=shown_what, low=show(low),
                                                                         high=show(high))
        if what == "year" and 0 <= value < 100:
            hint += " " + _("Write the year with four digits, for example 1961.")
        return value, _wrong(_("{value} is outside the possible range.").format(value=show(value)), hint,
                             "out-of-range")
    return value, None


def _fmt(value: float) -> str:
    """A number as feedback shows it: whole numbers grouped (1,554), others with one decimal (207.5)."""
    return number(value) if float(value) == int(value) else decimal(value, 1)


# ---------------------------------------------------------------------------------------------- names

def normalise(text: str) -> str:
    """Compare names ignoring case, spacing, punctuation and diacritics ("Äubakirov" == "aubakirov")."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", "", text)


@dataclass(frozen=True)
class NameMatch:
    name: str | None          # the canonical name matched, or None
    close: bool = False       # True when matched as a close misspelling
    suggestions: tuple = ()   # near names when nothing matched


class NameIndex:
    """Canonical names with their aliases (other spellings, Cyrillic forms, ids)."""

    def __init__(self, aliases: dict[str, Iterable[str]]):
        self.names = list(aliases)
        self._key: dict[str, str] = {}
        for name, others in aliases.items():
            for alias in [name, *others]:
                if alias and normalise(alias):
                    self._key.setdefault(normalise(alias), name)

    def resolve(self, text: str) -> NameMatch:
        key = normalise(text)
        if not key:
            return NameMatch(None)
        if key in self._key:
            return NameMatch(self._key[key])
        digits = re.findall(r"\d+", key)
        close = [k for k in difflib.get_close_matches(key, list(self._key), n=5, cutoff=0.75)
                 if re.findall(r"\d+", k) == digits]
        names = list(dict.fromkeys(self._key[k] for k in close))
        if len(names) == 1:
            return NameMatch(names[0], close=True)
        return NameMatch(None, suggestions=tuple(names))


def _surname_forms(full: str) -> list[str]:
    parts = str(full).split()
    return [parts[-1], f"{parts[0]} {parts[-1]}"] if len(parts) > 1 else []


def people_index(ids: Iterable[str] | None = None) -> NameIndex:
    """People by English name; also their surname, the Kazakh and Russian forms (full, surname, first + last)."""
    frame = data.people()
    if ids is not None:
        frame = frame[frame["person_id"].isin(list(ids))]
    aliases = {}
    for row in frame.itertuples():
        others = [row.person_id, *_surname_forms(row.name_en)]
        for cyrillic in (row.name_kk, row.name_ru):
            if isinstance(cyrillic, str):
                others += [cyrillic, *_surname_forms(cyrillic)]
        aliases[row.name_en] = others
    return NameIndex(aliases)


def satellite_index() -> NameIndex:
    """Satellites by name; "KazEOSat-1 (DZZ-HR)" also answers to "KazEOSat-1", "DZZ-HR" and its id."""
    aliases = {}
    for row in data.satellites().itertuples():
        short = re.sub(r"\s*\(.*\)\s*$", "", row.name)
        inner = re.findall(r"\((.*)\)", row.name)
        aliases[row.name] = [row.satellite_id, short, *inner]
    return NameIndex(aliases)


def _same(name: str) -> str:
    return name


def _read_name(answer, index: NameIndex, what: str, label=_same
               ) -> tuple[str | None, Feedback | None, str | None]:
    """(canonical name, problem feedback, read_as note). ``label`` shows a canonical name in the language."""
    shown_what = _(what)
    if _is_empty(answer):
        return None, _wrong(_(EMPTY), _(TYPE_AND_CHECK).format(what=shown_what), "empty"), None
    text = str(answer).strip()
    match = index.resolve(text)
    if match.name is None:
        if match.suggestions:
            names = [_("“{name}”").format(name=label(s)) for s in match.suggestions]
            while len(names) > 1:
                names[:2] = [_("{first} or {second}").format(first=names[0], second=names[1])]
            hint = _("Did you mean {names}?").format(names=names[0])
        else:
            hint = _("Check the spelling, or copy the {what} from the table.").format(what=shown_what)
        return None, _wrong(_("I don't know a {what} called “{text}”.").format(what=shown_what, text=text), hint,
                            "unknown-name"), None
    return match.name, None, (match.name if match.close else None)


def _did_you_mean(shown: str, typed) -> str:
    return _("Did you mean “{name}”? I read “{typed}” as that.").format(name=shown, typed=str(typed).strip())


def _with_read_as(feedback: Feedback, typed: str, read_as: str | None, label=_same) -> Feedback:
    if read_as is None:
        return feedback
    note = _did_you_mean(label(read_as), typed) + " "
    return replace(feedback, message=note + feedback.message, read_as=read_as)


def check_name(answer, expected: str, index: NameIndex, *, what: str = N_("name"),
               wrong_hint: str | None = None) -> Feedback:
    """One name, compared with ``expected`` (a canonical name of ``index``)."""
    name, problem, read_as = _read_name(answer, index, what)
    if problem:
        return problem
    if name == expected:
        return _with_read_as(_right(_("Correct: {name}.").format(name=expected)), answer, read_as)
    return _with_read_as(_wrong(_("{name} is not the answer.").format(name=name), wrong_hint), answer, read_as)


def person_name(person_id: str, lang: str | None = None) -> str:
    """A person's name as the page shows it: the English name, or in Kazakh the first name and surname of
    ``name_kk`` ("Талғат Мұсабаев")."""
    row = data.people().set_index("person_id").loc[person_id]
    if language(lang) == "kk" and isinstance(row["name_kk"], str) and row["name_kk"].split():
        parts = row["name_kk"].split()
        return " ".join(dict.fromkeys([parts[0], parts[-1]]))
    return row["name_en"]


def long_date(value) -> str:
    """A date written out: "02 December 2025" (English, as strftime writes it), "2025 жылғы 2 желтоқсан" (Kazakh)."""
    return f"{pd.Timestamp(value):%d %B %Y}" if language() == "en" else date(value)


def _person_label(name_en: str) -> str:
    """The shown form of a person given by English name (the canonical name of :func:`people_index`)."""
    ids = data.people().set_index("name_en")["person_id"]
    return person_name(ids[name_en]) if name_en in ids.index else name_en


#: Launch sites with a Kazakh name (as the book writes them); other sites keep the name the data give them.
SITE_NAMES = {"Baikonur": N_("Baikonur"), "Plesetsk": N_("Plesetsk"), "Vostochniy": N_("Vostochniy"),
              "Canaveral": N_("Canaveral"), "Kourou": N_("Kourou"), "Jiuquan": N_("Jiuquan")}


def site_name(site: str) -> str:
    """A launch site (a value of the launches table's ``site`` column) as the page shows it."""
    return _(SITE_NAMES[site]) if site in SITE_NAMES else site


# ---------------------------------------------------------------------------------------------- Baikonur

def _year_bounds() -> tuple[int, int]:
    years = data.launches()["year"]
    return int(years.min()), int(years.max())


def launches_per_year(site: str = "Baikonur", start: int | None = None, end: int | None = None) -> pd.Series:
    """Launches per year from one site (every year of the range, zero where none), from the launches table."""
    launches = data.launches()
    low, high = _year_bounds()
    start, end = start or low, end or high
    counts = launches.loc[launches["site"] == site].groupby("year").size()
    years = pd.RangeIndex(start, end + 1, name="year")
    return counts.reindex(years, fill_value=0).astype(int).rename("launches")


def busiest_years(site: str, start: int, end: int) -> list[int]:
    """The year or years with the most launches in the range."""
    counts = launches_per_year(site, start, end)
    return [int(y) for y in counts.index[counts == counts.max()]]


def check_busiest_year(answer, start: int, end: int, site: str = "Baikonur") -> Feedback:
    """Which year in start..end had the most launches from ``site``?"""
    year, problem = _read_number(answer, low=start, high=end, whole=True, what=N_("year"))
    if problem:
        if problem.kind == "out-of-range":
            return replace(problem, message=_("{year} is outside the range you chose ({start}–{end}).").format(
                               year=int(year), start=start, end=end),
                           hint=_("Pick a year from {start} to {end}, or move the slider.").format(start=start,
                                                                                                    end=end))
        return problem
    counts = launches_per_year(site, start, end)
    best = busiest_years(site, start, end)
    year = int(year)
    if year in best:
        others = [y for y in best if y != year]
        tie = (" " + _("It shares first place with {years}.").format(years=", ".join(map(str, others)))
               if others else "")
        return _right(_("Correct: {year} had {n} launches from {site}, the most from {start} to {end}.").format(
            year=year, n=number(counts[year]), site=site_name(site), start=start, end=end) + tie)
    return _wrong(_("Not {year}: it had {n} launches from {site}.").format(year=year, n=number(counts[year]),
                                                                            site=site_name(site)),
                  _("Look for the tallest bar; one year had {n}.").format(n=number(counts.max())))


def check_total_launches(answer, start: int, end: int, site: str = "Baikonur") -> Feedback:
    """How many launches left ``site`` from start to end, both included?"""
    counts = launches_per_year(site, start, end)
    total = int(counts.sum())
    value, problem = parse_number(answer, low=0, high=len(data.launches()), what=N_("number of launches"))
    if problem:
        return problem
    value = int(value)
    if value == total:
        return _right(_("Correct: {n} launches left {site} from {start} to {end}.").format(
            n=number(total), site=site_name(site), start=start, end=end))
    if value == int(counts.iloc[-1]) or value == int(counts.iloc[0]):
        return _wrong(_("{n} is the count for one year only.").format(n=number(value)),
                      _("Add up every bar from {start} to {end}.").format(start=start, end=end))
    hint = (_("Add up the bars from {start} to {end}, both ends included; your total is too high.") if value > total
            else _("Add up the bars from {start} to {end}, both ends included; your total is too low."))
    return _wrong(_("Not {n}.").format(n=number(value)), hint.format(start=start, end=end))


# ---------------------------------------------------------------------------------------------- events

def order_events(categories: Iterable[str] = ("baikonur", "world"), n: int = 5) -> pd.DataFrame:
    """``n`` dated events (day precision, one per year) spread evenly over the timeline, in true order."""
    frame = data.events()
    frame = frame[frame["category"].isin(list(categories)) & (frame["precision"] == "day")]
    frame = frame.assign(year=frame["date_start"].dt.year).drop_duplicates("year")
    picks = sorted({round(i * (len(frame) - 1) / (n - 1)) for i in range(n)})
    return frame.iloc[picks].reset_index(drop=True)[["event_id", "date", "date_start", "title_en"]]


def check_event_order(chosen: list, events: pd.DataFrame) -> Feedback:
    """``chosen``: event ids (or None for an empty place) from earliest to latest."""
    titles = dict(zip(events["event_id"], events["title_en"]))
    expected = list(events.sort_values("date_start", kind="stable")["event_id"])
    chosen = list(chosen or [])
    chosen += [None] * (len(expected) - len(chosen))
    empty = [i + 1 for i, c in enumerate(chosen) if _is_empty(c)]
    if len(empty) == len(expected):
        return _wrong(_("No events are placed yet."), _("Choose an event for each place, earliest first."), "empty")
    if empty:
        places = ", ".join(map(str, empty))
        message = _("Places {places} are still empty.") if len(empty) > 1 else _("Place {places} is still empty.")
        return _wrong(message.format(places=places), _("Choose an event for every place."), "incomplete")
    unknown = [c for c in chosen if c not in titles]
    if unknown:
        return _wrong(_("“{event}” is not one of the events in this exercise.").format(event=unknown[0]),
                      _("Choose the events from the lists."), "unknown-name")
    twice = [c for c in dict.fromkeys(chosen) if chosen.count(c) > 1]
    if twice:
        return _wrong(_("“{event}” is used more than once.").format(event=titles[twice[0]]),
                      _("Each event goes in exactly one place."), "duplicate")
    right = sum(c == e for c, e in zip(chosen, expected))
    if right == len(expected):
        return _right(_("Correct: all {n} events are in order.").format(n=right))
    first = next(i for i, (c, e) in enumerate(zip(chosen, expected)) if c != e)
    return _wrong(_("{right} of {total} are in the right place.").format(right=right, total=len(expected)),
                  _("Check place {place}: “{event}” is not the {ordinal} event. Look up its date in the timeline.")
                  .format(place=first + 1, event=titles[chosen[first]], ordinal=ordinal(first + 1)))


# ---------------------------------------------------------------------------------------------- cosmonauts

def spacecraft_choices() -> list[str]:
    """Every spacecraft a Kazakh cosmonaut launched or landed in, sorted."""
    flights = data.flights()
    return sorted(set(flights["launch_spacecraft"]) | set(flights["landing_spacecraft"]))


def check_spacecraft(chosen: dict) -> Feedback:
    """``chosen``: flight_id -> launch spacecraft (None or "" for an unanswered row)."""
    flights = data.flights().set_index("flight_id")
    chosen = dict(chosen or {})
    missing = [f for f in flights.index if _is_empty(chosen.get(f))]
    if len(missing) == len(flights):
        return _wrong(_("No spacecraft chosen yet."), _("Choose a spacecraft in every menu."), "empty")
    if missing:
        names = ", ".join(flight_label(f) for f in missing)
        return _wrong(_("Still to choose: {flights}.").format(flights=names), _("Choose a spacecraft in every menu."),
                      "incomplete")
    wrong = [f for f in flights.index if chosen[f] != flights.loc[f, "launch_spacecraft"]]
    right = len(flights) - len(wrong)
    if not wrong:
        return _right(_("Correct: all {n} flights match their launch spacecraft.").format(n=right))
    first = wrong[0]
    surname, year = _surname_and_year(flights, first)
    hint = _("Check {surname}'s {year} flight.").format(surname=surname, year=year)
    if chosen[first] == flights.loc[first, "landing_spacecraft"]:
        hint = _("{spacecraft} is the spacecraft of {surname}'s {year} landing; "
                 "the question asks which one carried the crew up.").format(spacecraft=chosen[first],
                                                                             surname=surname, year=year)
    return _wrong(_("{right} of {total} are right.").format(right=right, total=len(flights)), hint)


def flight_label(flight_id: str) -> str:
    """“Talgat Musabayev (1998)”: the name and launch year of a flight (“Талғат Мұсабаев (1998)” in Kazakh)."""
    row = data.flights().set_index("flight_id").loc[flight_id]
    return f"{person_name(row['person_id'])} ({row['launch_utc'].year})"


def _surname_and_year(flights: pd.DataFrame, flight_id: str) -> tuple[str, int]:
    row = flights.loc[flight_id]
    return person_name(row["person_id"]).split()[-1], row["launch_utc"].year


def days_in_space(person_id: str) -> float:
    """Total days in space over all flights of one person."""
    flights = data.flights()
    return float(flights.loc[flights["person_id"] == person_id, "duration_days"].sum())


def check_days_in_space(answer, person_id: str) -> Feedback:
    """Total days in space; whole days are enough (rounded down or to the nearest day)."""
    flights = data.flights()
    own = flights.loc[flights["person_id"] == person_id].sort_values("launch_utc")
    if own.empty:
        raise ValueError(f"{person_id} has no flights in the data")
    name = person_name(person_id)
    total = days_in_space(person_id)
    value, problem = parse_number(answer, low=0, high=10_000, whole=False, what=N_("number of days"))
    if problem:
        return problem
    if abs(value - total) < 1:
        message = (_("Correct: {name} spent about {days} days in space over {n} flights.") if len(own) > 1 else
                   _("Correct: {name} spent about {days} days in space over {n} flight."))
        return _right(message.format(name=name, days=decimal(total, 1), n=len(own)))
    for row in own.itertuples():
        if len(own) > 1 and abs(value - row.duration_days) < 1:
            return _wrong(_("{days} days is the length of the {year} flight only.").format(
                              days=_fmt(value), year=row.launch_utc.year),
                          _("Add up all {n} of {name}'s flights.").format(n=len(own), name=name))
    if abs(value - total * 24) < 24:
        return _wrong(_("That looks like hours, not days."), _("Divide hours by 24."))
    hint = (_("Add the durations of {name}'s flights; your answer is too high.") if value > total else
            _("Add the durations of {name}'s flights; your answer is too low."))
    return _wrong(_("Not {days} days.").format(days=_fmt(value)), hint.format(name=name))


def longest_in_space() -> str:
    """English name of the person with the most days in space."""
    flights = data.flights()
    best = flights.groupby("person_id")["duration_days"].sum().idxmax()
    return data.people().set_index("person_id").loc[best, "name_en"]


def check_longest_in_space(answer) -> Feedback:
    """Who spent the most days in space? Latin or Cyrillic names, any case, surname alone."""
    flights = data.flights()
    index = people_index()
    expected = longest_in_space()
    name, problem, read_as = _read_name(answer, index, N_("person"), _person_label)
    if problem:
        return problem
    if name == expected:
        return _with_read_as(_right(_("Correct: {name}.").format(name=_person_label(expected))), answer, read_as,
                             _person_label)
    pid = data.people().set_index("name_en").loc[name, "person_id"]
    shown = _person_label(name)
    if pid not in set(flights["person_id"]):
        hint = _("{name} is not one of the cosmonauts in the flights table.").format(name=shown)
    else:
        hint = _("{name} spent about {days} days in space; someone spent longer.").format(
            name=shown, days=number(days_in_space(pid)))
    return _with_read_as(_wrong(_("Not {name}.").format(name=shown), hint), answer, read_as, _person_label)


# ---------------------------------------------------------------------------------------------- satellites

def satellite_facts(satellite_id: str) -> pd.DataFrame:
    """One satellite's facts as a two-column table (fact, value), for the explorer."""
    row = data.satellites().set_index("satellite_id").loc[satellite_id]
    status = _("{status} (as of {date})").format(status=_code(row["status"]), date=row["status_as_of"])
    facts = [(_("Name"), row["name"]), (_("Purpose"), _code(row["purpose"])),
             (_("Launch (UTC)"), row["launch_utc"].strftime("%Y-%m-%d %H:%M")), (_("Rocket"), row["vehicle"]),
             (_("Launch site"), row["launch_site"]), (_("Builder"), row["builder"]), (_("Orbit"), row["orbit"]),
             (_("Status"), status)]
    return pd.DataFrame(facts, columns=[_("fact"), _("value")]).fillna(_("not known"))


#: The satellites table's purpose and status codes, which the facts show in words in another language.
CODES = {"communications": N_("communications"), "earth-observation": N_("earth-observation"),
         "technology": N_("technology"), "science": N_("science"), "education": N_("education"),
         "operating": N_("operating"), "lost": N_("lost"), "unknown": N_("unknown")}


def _code(value):
    """A purpose or status code of the satellites table: as written in English, in words in another language."""
    return _(CODES[value]) if isinstance(value, str) and value in CODES else value


def geostationary() -> list[str]:
    """Names of the satellites in geostationary orbit (GEO)."""
    sats = data.satellites()
    return list(sats.loc[sats["orbit"] == "GEO", "name"])


def split_names(answer) -> list[str]:
    """'KazSat-1, KazSat-2 and KazSat-3' -> three names (commas, semicolons, 'and', new lines)."""
    if isinstance(answer, (list, tuple, set)):
        return [str(a).strip() for a in answer if not _is_empty(a)]
    return [p.strip() for p in re.split(r"[,;\n/]|\band\b|\bи\b|\bжәне\b", str(answer)) if p.strip()]


def check_geostationary(answer) -> Feedback:
    """Which satellites are geostationary? A list, or names separated by commas."""
    if _is_empty(answer) or not split_names(answer):
        return _wrong(_(EMPTY), _("Type the names separated by commas, for example: KazSat-1, KazEOSat-2."), "empty")
    index = satellite_index()
    expected = set(geostationary())
    orbits = dict(zip(data.satellites()["name"], data.satellites()["orbit"]))
    named, notes, read = [], [], []
    for typed in split_names(answer):
        name, problem, read_as = _read_name(typed, index, N_("satellite"))
        if problem:
            return problem
        if read_as:
            notes.append(_did_you_mean(read_as, typed))
            read.append(read_as)
        named.append(name)
    twice = [n for n in dict.fromkeys(named) if named.count(n) > 1]
    chosen = set(named)
    right, extra, missed = chosen & expected, chosen - expected, expected - chosen
    prefix = " ".join(notes) + (" " if notes else "")
    read_as = read[0] if read else None
    if not extra and not missed:
        msg = _("Correct: {names} are geostationary.").format(names=", ".join(sorted(expected)))
        if twice:
            msg += " " + _("(You listed {name} twice.)").format(name=twice[0])
        return Feedback(True, prefix + msg, None, "correct", read_as)
    parts = [_("{right} of {total} geostationary satellites found.").format(right=len(right), total=len(expected))]
    if extra:
        first = sorted(extra)[0]
        parts.append((_("{n} of your names is not geostationary.") if len(extra) == 1 else
                      _("{n} of your names are not geostationary.")).format(n=len(extra)))
        hint = _("{name} is not geostationary: its orbit is {orbit}.").format(name=first, orbit=orbits[first])
    else:
        hint = _("You missed {n}: look for GEO in the orbit column.").format(n=len(missed))
    return Feedback(False, prefix + " ".join(parts), hint, "wrong", read_as)


def check_launch_year(answer, satellite_id: str) -> Feedback:
    """In which year (UTC) was this satellite launched?"""
    sats = data.satellites().set_index("satellite_id")
    row = sats.loc[satellite_id]
    first, last = _year_bounds()
    year, problem = parse_number(answer, low=first, high=last, what=N_("year"))
    if problem:
        if problem.kind == "out-of-range":
            return replace(problem, hint=_("Satellites in this book were launched from {first} to {last}; write a "
                                           "four-digit year.").format(first=int(sats["launch_year"].min()),
                                                                      last=int(sats["launch_year"].max())))
        return problem
    year = int(year)
    if year == row["launch_year"]:
        return _right(_("Correct: {name} was launched in {year}.").format(name=row["name"], year=year))
    same = list(sats.loc[sats["launch_year"] == year, "name"])
    hint = (_("{year} is when {names} went up.").format(year=year, names=", ".join(same)) if same else
            _("Choose {name} in the explorer and read its launch date.").format(name=row["name"]))
    return _wrong(_("Not {year}.").format(year=year), hint)


# ---------------------------------------------------------------------------------------------- sources

#: The kinds of disagreement, in words a student can choose from (English; shown through ``_()``).
KIND_LABELS = {
    "time-zone": N_("Time zones: the same moment has a different date or time in another zone"),
    "rounding": N_("Rounding: the sources round or truncate the same number differently"),
    "out-of-date": N_("Out of date: one source was true once but things have changed"),
    "unsupported": N_("Unsupported: a claim that no good source backs up"),
    "differing-records": N_("Differing records: good sources simply record different values"),
}

#: The versions a student can pick for "which version does the book teach?" (English; shown through ``_()``).
VERSION_CHOICES = (N_("Claim A"), N_("Claim B"), N_("Both, saying that sources differ"), N_("Neither as stated"))


def kind_name(kind: str) -> str:
    """The short name of a kind of disagreement, lower case ("time zones"), in the language in force."""
    return _(KIND_LABELS[kind]).split(":")[0].lower()


def disagreement(disagreement_id: str) -> pd.Series:
    return data.disagreements().set_index("disagreement_id").loc[disagreement_id]


def check_disagreement_kind(kind_answer, disagreement_id: str) -> Feedback:
    """Why do the sources disagree? One of KIND_LABELS (key or label). The feedback then says what the book teaches."""
    row = disagreement(disagreement_id)
    if _is_empty(kind_answer):
        return _wrong(_("Choose a reason first."), _("Pick the kind of disagreement from the menu."), "empty")
    by_label = {normalise(v): k for k, v in KIND_LABELS.items()} | {normalise(k): k for k in KIND_LABELS}
    kind = by_label.get(normalise(kind_answer))
    if kind is None:
        return _wrong(_("“{answer}” is not one of the reasons.").format(answer=kind_answer),
                      _("Pick a reason from the menu."), "unknown-name")
    taught = _("The book teaches: {taught}").format(taught=row["taught"])
    if kind == row["kind"]:
        return _right(_("Correct: {kind}. {taught}").format(kind=kind_name(kind), taught=taught), row["explanation"])
    return _wrong(_("Not {kind}.").format(kind=kind_name(kind)),
                  _("Compare the two claims again: is it a different moment, a different rounding, an old fact, "
                    "a claim without support, or two records of the same thing?"))


def disagreement_ids(min_sources: int = 1) -> list[str]:
    """Disagreements whose two claims are short enough to read in an exercise, in table order."""
    frame = data.disagreements()
    short = (frame["claim_a"].str.len() <= 120) & (frame["claim_b"].str.len() <= 160)
    return list(frame.loc[short, "disagreement_id"])


# ---------------------------------------------------------------------------------------------- data skills

def question_year() -> int:
    """The latest year the launches table covers completely (its last launch is in December or later)."""
    launches = data.launches()
    last = launches["launch_date"].max()
    return int(last.year) if last.month == 12 and last.day >= 15 else int(last.year) - 1


def check_launch_count(answer, year: int, site: str = "Baikonur") -> Feedback:
    """How many launches does the table list from ``site`` in ``year``, failures included?"""
    launches = data.launches()
    in_year = launches[launches["year"] == year]
    here = in_year[in_year["site"] == site]
    total = len(here)
    value, problem = parse_number(answer, low=0, high=len(in_year) or 1, what=N_("number of launches"))
    if problem:
        return problem
    value = int(value)
    if value == total:
        return _right(_("Correct: {n} launches from {site} in {year}.").format(n=number(total), site=site_name(site),
                                                                               year=year))
    successes = int((here["outcome"] == "success").sum())
    orbital_only = int((here["launch_class"] == "orbital").sum())
    if value == successes and successes != total:
        return _wrong(_("{n} is the number of successful launches.").format(n=number(value)),
                      _("The question counts failures too: do not filter on the outcome."))
    if value == orbital_only and orbital_only != total:
        return _wrong(_("{n} leaves out the deep-space launches.").format(n=number(value)),
                      _("Count every row for that site and year, whatever its launch_class."))
    if value == len(in_year):
        return _wrong(_("{n} is the number for every site in the world.").format(n=number(value)),
                      _("Keep only the rows where site is {site}.").format(site=site))
    return _wrong(_("Not {n}.").format(n=number(value)),
                  _("Filter the rows where year is {year} and site is {site}, then count them.").format(year=year,
                                                                                                       site=site))


def busiest_site(year: int) -> list[str]:
    counts = data.launches().query("year == @year").groupby("site").size()
    return sorted(counts.index[counts == counts.max()])


def check_busiest_site(answer, year: int) -> Feedback:
    """Which launch site had the most launches in ``year``? Any site name in the table."""
    launches = data.launches()
    counts = launches.loc[launches["year"] == year].groupby("site").size()
    index = NameIndex({s: [] for s in sorted(set(launches["site"]))})
    name, problem, read_as = _read_name(answer, index, N_("launch site"))
    if problem:
        return problem
    best = busiest_site(year)
    if name in best:
        return _with_read_as(_right(_("Correct: {site}, with {n} launches in {year}.").format(
            site=name, n=number(counts[name]), year=year)), answer, read_as)
    return _with_read_as(_wrong(_("Not {site}: it had {n} launches in {year}.").format(
                                    site=name, n=number(counts.get(name, 0)), year=year),
                                _("Group the launches of that year by site and count them; take the largest.")),
                         answer, read_as)


def satellites_from(site_word: str = "Baikonur") -> int:
    sats = data.satellites()
    return int(sats["launch_site"].str.contains(site_word, case=False).sum())


def check_satellites_from(answer, site_word: str = "Baikonur") -> Feedback:
    """How many of Kazakhstan's satellites were launched from a site whose name contains ``site_word``?"""
    sats = data.satellites()
    expected = satellites_from(site_word)
    value, problem = parse_number(answer, low=0, high=len(sats), what=N_("number of satellites"))
    if problem:
        return problem
    if int(value) == expected:
        return _right(_("Correct: {n} of the {total} satellites were launched from {site}.").format(
            n=expected, total=len(sats), site=site_name(site_word)))
    if int(value) == len(sats):
        return _wrong(_("{total} is every satellite in the table.").format(total=len(sats)),
                      _("Keep only those whose launch_site mentions {site}.").format(site=site_word))
    return _wrong(_("Not {n}.").format(n=int(value)),
                  _("Filter with launch_site.str.contains(\"{site}\") and count the rows.").format(site=site_word))
