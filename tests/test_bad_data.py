"""Broken copies of the dataset: every problem is reported with its file, row and column, and nothing crashes.

Each case starts from the real data and breaks one thing, the way a hurried edit in a spreadsheet would.
"""

import csv
import io
from pathlib import Path

import pytest

import kazspace
from kazspace.validation import find_problems


def rows_of(folder: Path, file: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((folder / file).read_text(encoding="utf-8"))))


def write_rows(folder: Path, file: str, rows: list[list[str]], encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / file).write_bytes(buffer.getvalue().encode(encoding))


def set_cell(file: str, line: int, column: str, value: str):
    def mutate(folder: Path):
        rows = rows_of(folder, file)
        rows[line - 1][rows[0].index(column)] = value
        write_rows(folder, file, rows)
    return mutate


def duplicate_row(file: str, line: int):
    def mutate(folder: Path):
        rows = rows_of(folder, file)
        rows.insert(line, list(rows[line - 1]))
        write_rows(folder, file, rows)
    return mutate


def add_column(file: str, name: str):
    def mutate(folder: Path):
        rows = rows_of(folder, file)
        write_rows(folder, file, [row + ([name] if i == 0 else ["x"]) for i, row in enumerate(rows)])
    return mutate


def drop_column(file: str, name: str):
    def mutate(folder: Path):
        rows = rows_of(folder, file)
        index = rows[0].index(name)
        write_rows(folder, file, [row[:index] + row[index + 1:] for row in rows])
    return mutate


def cut_row(file: str, line: int, keep: int):
    def mutate(folder: Path):
        rows = rows_of(folder, file)
        rows[line - 1] = rows[line - 1][:keep]
        write_rows(folder, file, rows)
    return mutate


def save_as_cp1251(file: str):
    """What a spreadsheet does when told to save 'CSV' on a Russian-language Windows."""
    def mutate(folder: Path):
        text = (folder / file).read_text(encoding="utf-8")
        (folder / file).write_bytes(text.encode("cp1251", errors="replace"))
    return mutate


def unclosed_quote(file: str, line: int, column: str):
    def mutate(folder: Path):
        rows = rows_of(folder, file)
        index = rows[0].index(column)
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        lines = buffer.getvalue().splitlines(keepends=True)
        cells = next(csv.reader([lines[line - 1]]))
        cells[index] = '"' + cells[index]  # a stray quote that is never closed
        lines[line - 1] = ",".join(cells) + "\n"
        (folder / file).write_text("".join(lines), encoding="utf-8")
    return mutate


# (case id, mutation, file, row, column, words the message must contain)
CASES = [
    ("wrong-type-integer", set_cell("flights.csv", 3, "flight_number", "two"), "flights.csv", 3, "flight_number", "not a whole number"),
    ("impossible-datetime", set_cell("flights.csv", 6, "landing_utc", "2015-09-31T00:51:00Z"), "flights.csv", 6, "landing_utc", "real UTC time"),
    ("datetime-without-zone", set_cell("satellites.csv", 2, "launch_utc", "2006-06-17 22:44"), "satellites.csv", 2, "launch_utc", "real UTC time"),
    ("impossible-date", set_cell("people.csv", 3, "born", "1951-02-30"), "people.csv", 3, "born", "not a real calendar date"),
    ("date-precision-mismatch", set_cell("events.csv", 4, "date", "1955-04-02"), "events.csv", 4, "date", "does not match the precision"),
    ("unknown-source-id", set_cell("events.csv", 5, "source_ids", "gcat;no-such-source"), "events.csv", 5, "source_ids", "'no-such-source' is not in data/sources.csv"),
    ("malformed-source-list", set_cell("satellites.csv", 3, "source_ids", "gcat, Wikipedia"), "satellites.csv", 3, "source_ids", "not in the expected form"),
    ("unknown-foreign-key", set_cell("flights.csv", 2, "person_id", "gagarine"), "flights.csv", 2, "person_id", "gagarine"),
    ("unknown-flight-of-a-spacewalk", set_cell("spacewalks.csv", 4, "flight_id", "musabayev-1999"), "spacewalks.csv", 4, "flight_id", "musabayev-1999"),
    ("duplicate-key", duplicate_row("people.csv", 2), "people.csv", 3, "person_id", "duplicate key"),
    ("empty-required-cell", set_cell("events.csv", 2, "title_en", ""), "events.csv", 2, "title_en", "empty but must have a value"),
    ("value-outside-enum", set_cell("events.csv", 3, "category", "sport"), "events.csv", 3, "category", "not one of the allowed values"),
    ("landing-before-launch", set_cell("flights.csv", 4, "landing_utc", "1990-01-01T00:00:00Z"), "flights.csv", 4, "landing_utc", "is not after launch_utc"),
    ("unknown-time-zone", set_cell("flights.csv", 5, "landing_tz", "Asia/Baikonur"), "flights.csv", 5, "landing_tz", "not a time zone name"),
    ("extra-column", add_column("glossary.csv", "comment"), "glossary.csv", 1, "comment", "unexpected extra column"),
    ("missing-column", drop_column("satellites.csv", "orbit"), "satellites.csv", 1, "orbit", "expects 'orbit'"),
    ("short-row", cut_row("people.csv", 4, 3), "people.csv", 4, "name_ru", "too short"),
    ("wrong-encoding", save_as_cp1251("people.csv"), "people.csv", 2, "name_kk", "not valid UTF-8"),
    ("unclosed-quote", unclosed_quote("quotes.csv", 3, "notes"), "quotes.csv", 3, None, ""),
    ("negative-integer", set_cell("flights.csv", 2, "flight_number", "0"), "flights.csv", 2, "flight_number", "breaks a rule"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_broken_table_is_reported_with_file_row_and_column(data_copy, case):
    _, mutate, file, row, column, words = case
    mutate(data_copy)
    problems = find_problems(data_copy)
    located = [p for p in problems if p.file == f"data/{file}" and p.row == row and (column is None or p.column == column)]
    assert located, f"expected a problem at data/{file} row {row} column {column}; got: {[str(p) for p in problems]}"
    assert any(words in p.message for p in located), [str(p) for p in located]


def test_the_loader_refuses_broken_data_with_a_message_naming_the_place(data_copy):
    set_cell("flights.csv", 3, "flight_number", "two")(data_copy)
    with pytest.raises(kazspace.DataError) as caught:
        kazspace.flights()
    assert "data/flights.csv, row 3, column 'flight_number': 'two' is not a whole number" in str(caught.value)


def test_a_missing_table_file_is_named(data_copy):
    (data_copy / "glossary.csv").unlink()
    assert any(p.file == "data/glossary.csv" for p in find_problems(data_copy))


def test_the_loader_accepts_the_untouched_copy(data_copy):
    assert len(kazspace.flights()) == len(kazspace.table("flights"))
    assert find_problems(data_copy) == []
