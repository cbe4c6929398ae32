"""The one way the book checks a student's answer.

Every checker returns a :class:`Feedback` and never raises on what a student can type: empty boxes, words in a
number box, numbers with thousands separators or units, names in another case, with or without diacritics, a
close misspelling, or a name written in Kazakh or Russian Cyrillic. The expected answer is always computed
from the dataset through the kazspace loaders, never typed here.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Iterable

import pandas as pd

from . import data

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
        return self.message if not self.hint else f"{self.message} Hint: {self.hint}"


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


EMPTY = "The answer box is empty."

# ---------------------------------------------------------------------------------------------- numbers

_SEPARATORS = " \u00a0\u202f\u2009,'’_"
_NUMBER = re.compile(
    r"(?<![\w.])[-+−]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009,'’_]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
)


def parse_number(answer, *, low: float, high: float, whole: bool = True, what: str = "number",
                 ) -> tuple[float | None, Feedback | None]:
    """Read one number from what a student typed.

    Accepts ``1,554``, ``1 554``, ``1554 launches``, ``about 207.5 days`` and a decimal comma (``207,5``).
    Returns ``(value, None)``, or ``(None, feedback)`` saying kindly what is wrong with the input.
    """
    if _is_empty(answer):
        return None, _wrong(EMPTY, f"Type a {what} and press Enter, or click Check.", "empty")
    if isinstance(answer, bool):
        return None, _wrong(f"“{answer}” is not a {what}.", f"Type a {what} with digits, like 12.", "not-a-number")
    if isinstance(answer, (int, float)):
        value = float(answer)
    else:
        text = str(answer).strip()
        found = _NUMBER.findall(text)
        if not found:
            return None, _wrong(f"I could not find a number in “{text}”.",
                                f"Type the {what} with digits, for example 12 rather than twelve.", "not-a-number")
        if len(found) > 1:
            return None, _wrong(f"“{text}” holds more than one number ({', '.join(found)}).",
                                f"Give just one {what}.", "several-numbers")
        token = found[0].replace("−", "-")
        if re.fullmatch(r"[-+]?\d{1,3}(?:[" + _SEPARATORS + r"]\d{3})+(?:\.\d+)?", token):
            token = re.sub("[" + _SEPARATORS + "]", "", token)
        token = token.replace(",", ".")
        value = float(token)
    if whole and value != int(value):
        return None, _wrong(f"{_fmt(value)} is not a whole number.", f"The {what} here is a whole number.",
                            "not-whole")
    if not low <= value <= high:
        show = (lambda v: str(int(v))) if what == "year" else _fmt
        hint = f"The {what} must be between {show(low)} and {show(high)}."
        if what == "year" and 0 <= value < 100:
            hint += " Write the year with four digits, for example 1961."
        return None, _wrong(f"{show(value)} is outside the possible range.", hint, "out-of-range")
    return value, None


def _fmt(value: float) -> str:
    return f"{int(value):,}" if float(value) == int(value) else f"{value:,.1f}"


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


def _read_name(answer, index: NameIndex, what: str) -> tuple[str | None, Feedback | None, str | None]:
    """(canonical name, problem feedback, read_as note)."""
    if _is_empty(answer):
        return None, _wrong(EMPTY, f"Type a {what} and press Enter, or click Check.", "empty"), None
    text = str(answer).strip()
    match = index.resolve(text)
    if match.name is None:
        if match.suggestions:
            hint = "Did you mean " + " or ".join(f"“{s}”" for s in match.suggestions) + "?"
        else:
            hint = f"Check the spelling, or copy the {what} from the table."
        return None, _wrong(f"I don't know a {what} called “{text}”.", hint, "unknown-name"), None
    return match.name, None, (match.name if match.close else None)


def _with_read_as(feedback: Feedback, typed: str, read_as: str | None) -> Feedback:
    if read_as is None:
        return feedback
    note = f"Did you mean “{read_as}”? I read “{str(typed).strip()}” as that. "
    return replace(feedback, message=note + feedback.message, read_as=read_as)


def check_name(answer, expected: str, index: NameIndex, *, what: str = "name",
               wrong_hint: str | None = None) -> Feedback:
    """One name, compared with ``expected`` (a canonical name of ``index``)."""
    name, problem, read_as = _read_name(answer, index, what)
    if problem:
        return problem
    if name == expected:
        return _with_read_as(_right(f"Correct: {expected}."), answer, read_as)
    return _with_read_as(_wrong(f"{name} is not the answer.", wrong_hint), answer, read_as)


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
    year, problem = parse_number(answer, low=start, high=end, what="year")
    if problem:
        if problem.kind == "out-of-range":
            return replace(problem, message=f"{problem.message.split(' is ')[0]} is outside the range you chose "
                                            f"({start}–{end}).",
                           hint=f"Pick a year from {start} to {end}, or move the slider.")
        return problem
    counts = launches_per_year(site, start, end)
    best = busiest_years(site, start, end)
    year = int(year)
    if year in best:
        others = [y for y in best if y != year]
        tie = f" It shares first place with {', '.join(map(str, others))}." if others else ""
        return _right(f"Correct: {year} had {counts[year]:,} launches from {site}, the most from {start} to "
                      f"{end}.{tie}")
    return _wrong(f"Not {year}: it had {counts[year]:,} launches from {site}.",
                  f"Look for the tallest bar; one year had {counts.max():,}.")


def check_total_launches(answer, start: int, end: int, site: str = "Baikonur") -> Feedback:
    """How many launches left ``site`` from start to end, both included?"""
    counts = launches_per_year(site, start, end)
    total = int(counts.sum())
    value, problem = parse_number(answer, low=0, high=len(data.launches()), what="number of launches")
    if problem:
        return problem
    value = int(value)
    if value == total:
        return _right(f"Correct: {total:,} launches left {site} from {start} to {end}.")
    if value == int(counts.iloc[-1]) or value == int(counts.iloc[0]):
        return _wrong(f"{value:,} is the count for one year only.", f"Add up every bar from {start} to {end}.")
    return _wrong(f"Not {value:,}.", f"Add up the bars from {start} to {end}, both ends included; your total is "
                                     f"too {'high' if value > total else 'low'}.")


# ---------------------------------------------------------------------------------------------- events

_ORDINALS = ["1st", "2nd", "3rd"] + [f"{n}th" for n in range(4, 21)]


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
        return _wrong("No events are placed yet.", "Choose an event for each place, earliest first.", "empty")
    if empty:
        places = ", ".join(map(str, empty))
        return _wrong(f"Place{'s' if len(empty) > 1 else ''} {places} {'are' if len(empty) > 1 else 'is'} still "
                      f"empty.", "Choose an event for every place.", "incomplete")
    unknown = [c for c in chosen if c not in titles]
    if unknown:
        return _wrong(f"“{unknown[0]}” is not one of the events in this exercise.",
                      "Choose the events from the lists.", "unknown-name")
    twice = [c for c in dict.fromkeys(chosen) if chosen.count(c) > 1]
    if twice:
        return _wrong(f"“{titles[twice[0]]}” is used more than once.", "Each event goes in exactly one place.",
                      "duplicate")
    right = sum(c == e for c, e in zip(chosen, expected))
    if right == len(expected):
        return _right(f"Correct: all {right} events are in order.")
    first = next(i for i, (c, e) in enumerate(zip(chosen, expected)) if c != e)
    return _wrong(f"{right} of {len(expected)} are in the right place.",
                  f"Check place {first + 1}: “{titles[chosen[first]]}” is not the {_ORDINALS[first]} event. "
                  "Look up its date in the timeline.")


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
        return _wrong("No spacecraft chosen yet.", "Choose a spacecraft in every menu.", "empty")
    if missing:
        names = ", ".join(flight_label(f) for f in missing)
        return _wrong(f"Still to choose: {names}.", "Choose a spacecraft in every menu.", "incomplete")
    wrong = [f for f in flights.index if chosen[f] != flights.loc[f, "launch_spacecraft"]]
    right = len(flights) - len(wrong)
    if not wrong:
        return _right(f"Correct: all {right} flights match their launch spacecraft.")
    first = wrong[0]
    hint = f"Check {_possessive(flights, first)} flight."
    if chosen[first] == flights.loc[first, "landing_spacecraft"]:
        hint = (f"{chosen[first]} is the spacecraft of {_possessive(flights, first)} landing; "
                "the question asks which one carried the crew up.")
    return _wrong(f"{right} of {len(flights)} are right.", hint)


def flight_label(flight_id: str) -> str:
    """“Talgat Musabayev (1998)”: the name and launch year of a flight."""
    names = dict(zip(data.people()["person_id"], data.people()["name_en"]))
    row = data.flights().set_index("flight_id").loc[flight_id]
    return f"{names[row['person_id']]} ({row['launch_utc'].year})"


def _possessive(flights: pd.DataFrame, flight_id: str) -> str:
    names = dict(zip(data.people()["person_id"], data.people()["name_en"]))
    row = flights.loc[flight_id]
    surname = names[row["person_id"]].split()[-1]
    return f"{surname}'s {row['launch_utc'].year}"


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
    name = data.people().set_index("person_id").loc[person_id, "name_en"]
    total = days_in_space(person_id)
    value, problem = parse_number(answer, low=0, high=10_000, whole=False, what="number of days")
    if problem:
        return problem
    if abs(value - total) < 1:
        return _right(f"Correct: {name} spent about {total:,.1f} days in space "
                      f"over {len(own)} flight{'s' if len(own) > 1 else ''}.")
    for row in own.itertuples():
        if len(own) > 1 and abs(value - row.duration_days) < 1:
            return _wrong(f"{_fmt(value)} days is the length of the {row.launch_utc.year} flight only.",
                          f"Add up all {len(own)} of {name}'s flights.")
    if abs(value - total * 24) < 24:
        return _wrong("That looks like hours, not days.", "Divide hours by 24.")
    return _wrong(f"Not {_fmt(value)} days.",
                  f"Add the durations of {name}'s flights; your answer is too {'high' if value > total else 'low'}.")


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
    name, problem, read_as = _read_name(answer, index, "person")
    if problem:
        return problem
    if name == expected:
        return _with_read_as(_right(f"Correct: {expected}."), answer, read_as)
    pid = data.people().set_index("name_en").loc[name, "person_id"]
    if pid not in set(flights["person_id"]):
        hint = f"{name} is not one of the cosmonauts in the flights table."
    else:
        hint = f"{name} spent about {days_in_space(pid):,.0f} days in space; someone spent longer."
    return _with_read_as(_wrong(f"Not {name}.", hint), answer, read_as)


# ---------------------------------------------------------------------------------------------- satellites

def satellite_facts(satellite_id: str) -> pd.DataFrame:
    """One satellite's facts as a two-column table (fact, value), for the explorer."""
    row = data.satellites().set_index("satellite_id").loc[satellite_id]
    facts = [("Name", row["name"]), ("Purpose", row["purpose"]),
             ("Launch (UTC)", row["launch_utc"].strftime("%Y-%m-%d %H:%M")), ("Rocket", row["vehicle"]),
             ("Launch site", row["launch_site"]), ("Builder", row["builder"]), ("Orbit", row["orbit"]),
             ("Status", f"{row['status']} (as of {row['status_as_of']})")]
    return pd.DataFrame(facts, columns=["fact", "value"]).fillna("not known")


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
        return _wrong(EMPTY, "Type the names separated by commas, for example: KazSat-1, KazEOSat-2.", "empty")
    index = satellite_index()
    expected = set(geostationary())
    orbits = dict(zip(data.satellites()["name"], data.satellites()["orbit"]))
    named, notes = [], []
    for typed in split_names(answer):
        name, problem, read_as = _read_name(typed, index, "satellite")
        if problem:
            return problem
        if read_as:
            notes.append(f"Did you mean “{read_as}”? I read “{typed}” as that.")
        named.append(name)
    twice = [n for n in dict.fromkeys(named) if named.count(n) > 1]
    chosen = set(named)
    right, extra, missed = chosen & expected, chosen - expected, expected - chosen
    prefix = " ".join(notes) + (" " if notes else "")
    read_as = notes and notes[0].split("“")[1].split("”")[0] or None
    if not extra and not missed:
        msg = f"Correct: {', '.join(sorted(expected))} are geostationary."
        if twice:
            msg += f" (You listed {twice[0]} twice.)"
        return Feedback(True, prefix + msg, None, "correct", read_as)
    parts = [f"{len(right)} of {len(expected)} geostationary satellites found."]
    if extra:
        first = sorted(extra)[0]
        parts.append(f"{len(extra)} of your names {'is' if len(extra) == 1 else 'are'} not geostationary.")
        hint = f"{first} is not geostationary: its orbit is {orbits[first]}."
    else:
        hint = f"You missed {len(missed)}: look for GEO in the orbit column."
    return Feedback(False, prefix + " ".join(parts), hint, "wrong", read_as)


def check_launch_year(answer, satellite_id: str) -> Feedback:
    """In which year (UTC) was this satellite launched?"""
    sats = data.satellites().set_index("satellite_id")
    row = sats.loc[satellite_id]
    first, last = _year_bounds()
    year, problem = parse_number(answer, low=first, high=last, what="year")
    if problem:
        if problem.kind == "out-of-range":
            return replace(problem, hint=f"Satellites in this book were launched from {int(sats['launch_year'].min())}"
                                         f" to {int(sats['launch_year'].max())}; write a four-digit year.")
        return problem
    year = int(year)
    if year == row["launch_year"]:
        return _right(f"Correct: {row['name']} was launched in {year}.")
    same = list(sats.loc[sats["launch_year"] == year, "name"])
    hint = (f"{year} is when {', '.join(same)} went up." if same else
            f"Choose {row['name']} in the explorer and read its launch date.")
    return _wrong(f"Not {year}.", hint)


# ---------------------------------------------------------------------------------------------- sources

#: The kinds of disagreement, in words a student can choose from.
KIND_LABELS = {
    "time-zone": "Time zones: the same moment has a different date or time in another zone",
    "rounding": "Rounding: the sources round or truncate the same number differently",
    "out-of-date": "Out of date: one source was true once but things have changed",
    "unsupported": "Unsupported: a claim that no good source backs up",
    "differing-records": "Differing records: good sources simply record different values",
}

#: The versions a student can pick for "which version does the book teach?".
VERSION_CHOICES = ("Claim A", "Claim B", "Both, saying that sources differ", "Neither as stated")


def disagreement(disagreement_id: str) -> pd.Series:
    return data.disagreements().set_index("disagreement_id").loc[disagreement_id]


def check_disagreement_kind(kind_answer, disagreement_id: str) -> Feedback:
    """Why do the sources disagree? One of KIND_LABELS (key or label). The feedback then says what the book teaches."""
    row = disagreement(disagreement_id)
    if _is_empty(kind_answer):
        return _wrong("Choose a reason first.", "Pick the kind of disagreement from the menu.", "empty")
    by_label = {normalise(v): k for k, v in KIND_LABELS.items()} | {normalise(k): k for k in KIND_LABELS}
    kind = by_label.get(normalise(kind_answer))
    if kind is None:
        return _wrong(f"“{kind_answer}” is not one of the reasons.", "Pick a reason from the menu.", "unknown-name")
    taught = f"The book teaches: {row['taught']}"
    if kind == row["kind"]:
        return _right(f"Correct: {KIND_LABELS[kind].split(':')[0].lower()}. {taught}", row["explanation"])
    return _wrong(f"Not {KIND_LABELS[kind].split(':')[0].lower()}.",
                  f"Compare the two claims again: is it a different moment, a different rounding, an old fact, "
                  f"a claim without support, or two records of the same thing?")


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
    value, problem = parse_number(answer, low=0, high=len(in_year) or 1, what="number of launches")
    if problem:
        return problem
    value = int(value)
    if value == total:
        return _right(f"Correct: {total:,} launches from {site} in {year}.")
    successes = int((here["outcome"] == "success").sum())
    orbital_only = int((here["launch_class"] == "orbital").sum())
    if value == successes and successes != total:
        return _wrong(f"{value:,} is the number of successful launches.",
                      "The question counts failures too: do not filter on the outcome.")
    if value == orbital_only and orbital_only != total:
        return _wrong(f"{value:,} leaves out the deep-space launches.",
                      "Count every row for that site and year, whatever its launch_class.")
    if value == len(in_year):
        return _wrong(f"{value:,} is the number for every site in the world.", f"Keep only the rows where site is {site}.")
    return _wrong(f"Not {value:,}.", f"Filter the rows where year is {year} and site is {site}, then count them.")


def busiest_site(year: int) -> list[str]:
    counts = data.launches().query("year == @year").groupby("site").size()
    return sorted(counts.index[counts == counts.max()])


def check_busiest_site(answer, year: int) -> Feedback:
    """Which launch site had the most launches in ``year``? Any site name in the table."""
    launches = data.launches()
    counts = launches.loc[launches["year"] == year].groupby("site").size()
    index = NameIndex({s: [] for s in sorted(set(launches["site"]))})
    name, problem, read_as = _read_name(answer, index, "launch site")
    if problem:
        return problem
    best = busiest_site(year)
    if name in best:
        return _with_read_as(_right(f"Correct: {name}, with {counts[name]:,} launches in {year}."), answer, read_as)
    return _with_read_as(_wrong(f"Not {name}: it had {int(counts.get(name, 0)):,} launches in {year}.",
                                "Group the launches of that year by site and count them; take the largest."),
                         answer, read_as)


def satellites_from(site_word: str = "Baikonur") -> int:
    sats = data.satellites()
    return int(sats["launch_site"].str.contains(site_word, case=False).sum())


def check_satellites_from(answer, site_word: str = "Baikonur") -> Feedback:
    """How many of Kazakhstan's satellites were launched from a site whose name contains ``site_word``?"""
    sats = data.satellites()
    expected = satellites_from(site_word)
    value, problem = parse_number(answer, low=0, high=len(sats), what="number of satellites")
    if problem:
        return problem
    if int(value) == expected:
        return _right(f"Correct: {expected} of the {len(sats)} satellites were launched from {site_word}.")
    if int(value) == len(sats):
        return _wrong(f"{len(sats)} is every satellite in the table.", f"Keep only those whose launch_site mentions "
                                                                     f"{site_word}.")
    return _wrong(f"Not {int(value)}.", f"Filter with launch_site.str.contains(\"{site_word}\") and count the rows.")
