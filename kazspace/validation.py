"""Validate the dataset: Frictionless for the schema, plus the checks a schema cannot express.

Every problem names the file, the row (the line number a spreadsheet shows, header = 1) and the column.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Columns that hold ';'-separated ids from sources.csv.
SOURCE_COLUMNS = ("source_ids", "sources_a", "sources_b")
#: Date columns with a precision column beside them.
DATED_COLUMNS = {"born": "born_precision", "died": "died_precision", "date": "precision", "end_date": "end_precision"}
#: Pairs of timestamps where the second must come after the first.
ORDERED_TIMESTAMPS = (("launch_utc", "landing_utc"),)
_PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data, located as precisely as the data allows."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class DataError(ValueError):
    """The dataset does not match its description; the message lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [f"The dataset has {len(problems)} problem(s):"] + [f"  - {p}" for p in problems[:50]]
        if len(problems) > 50:
            lines.append(f"  … and {len(problems) - 50} more")
        super().__init__("\n".join(lines))


def _descriptor(data_dir: Path) -> dict:
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))


def _frictionless_problems(data_dir: Path) -> list[Problem]:
    from frictionless import Package, system  # imported here: it is slow to import and only needed to validate

    problems: list[Problem] = []
    primary_keys = {r["name"]: ";".join(r["schema"].get("primaryKey", [])) for r in _descriptor(data_dir)["resources"]}
    with system.use_context(trusted=True):
        report = Package(str(data_dir / "datapackage.json")).validate()
    for task in report.tasks:
        path = f"data/{Path(task.place).name}" if task.place else f"data/{task.name}"
        missing_cells = {(e.row_number, e.field_name) for e in task.errors if e.type == "missing-cell"}
        rows_with_missing: dict[int, list[str]] = {}
        for error in task.errors:
            row = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None) or getattr(error, "label", None)
            if error.type == "foreign-key":
                column = ";".join(getattr(error, "field_names", []) or []) or None
            if error.type == "primary-key":
                column = primary_keys.get(task.name)
            if error.type.endswith("-label"):
                row = 1  # the header line
            if error.type == "missing-cell":
                rows_with_missing.setdefault(row, []).append(column)
                continue
            if error.type == "encoding-error":
                continue  # _encoding_problem locates it by row and column
            if error.type == "constraint-error" and (row, column) in missing_cells:
                continue  # already reported as a short row
            problems.append(Problem(path, row, column, _explain(error)))
        for row, columns in rows_with_missing.items():
            problems.append(Problem(path, row, columns[0], f"the row is too short: it has no value for {', '.join(columns)}"))
    for error in report.errors:  # package-level errors, such as an unreadable descriptor
        problems.append(Problem("data/datapackage.json", None, None, error.message))
    return problems


def _explain(error) -> str:
    """Turn a Frictionless error into a sentence a teacher can act on."""
    cell = getattr(error, "cell", None)
    kind = error.type
    if kind == "type-error":
        expected = error.note.replace('type is "', "").rstrip('"')
        hint = {
            "datetime/%Y-%m-%dT%H:%M:%SZ": "a real UTC time written like 2015-09-02T04:37:43Z",
            "integer/default": "a whole number",
        }.get(expected, expected)
        return f"'{cell}' is not {hint}"
    if kind == "constraint-error":
        if '"required"' in error.note:
            return "this cell is empty but must have a value"
        if '"pattern"' in error.note:
            return f"'{cell}' is not in the expected form ({error.note})"
        if '"enum"' in error.note:
            return f"'{cell}' is not one of the allowed values ({error.note})"
        return f"'{cell}' breaks a rule: {error.note}"
    if kind == "primary-key":
        return f"duplicate key: this row has the same id as another row ({error.note})"
    if kind == "foreign-key":
        return f"unknown reference: {error.note}"
    if kind == "extra-label":
        return f"unexpected extra column '{getattr(error, 'label', '')}' in the header"
    if kind == "missing-label":
        return "a column the description requires is missing from the header"
    if kind == "incorrect-label":
        return (f"the header has '{getattr(error, 'label', '')}' where the description expects "
                f"'{getattr(error, 'field_name', '')}': a column is missing, extra or out of order")
    if kind == "extra-cell":
        return f"the row has more cells than the header (extra value '{cell}')"
    if kind == "encoding-error":
        return f"the file is not valid UTF-8 ({error.note}); save it as 'CSV UTF-8'"
    if kind == "blank-row":
        return "the row is blank"
    return error.message


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Rows with their line numbers; empty if the file cannot be read (Frictionless reports why)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            rows = [(reader.line_num, dict(zip(header, cells))) for cells in reader]
    except (OSError, UnicodeDecodeError, csv.Error):
        return [], []
    return header, rows


def _encoding_problem(path: Path) -> Problem | None:
    """Locate the first byte that is not UTF-8: the row, and the column it falls in."""
    try:
        lines = path.read_bytes().splitlines()
    except OSError:
        return None
    header = lines[0].decode("utf-8", errors="replace").split(",") if lines else []
    for number, line in enumerate(lines, start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            index = line[: error.start].count(b",")
            column = header[index] if index < len(header) else None
            return Problem(f"data/{path.name}", number, column,
                           f"the file is not valid UTF-8 (byte 0x{line[error.start]:02x}); save it as 'CSV UTF-8'")
    return None


def _cross_checks(data_dir: Path) -> list[Problem]:
    """What a Table Schema cannot say: cited sources exist, dates are real at their precision, time runs forward."""
    descriptor = _descriptor(data_dir)
    tables = {r["name"]: (r["path"], *_read_rows(data_dir / r["path"])) for r in descriptor["resources"]}
    known_sources = {row.get("source_id", "") for _, row in tables.get("sources", ("", [], []))[2]}
    problems: list[Problem] = []
    for name, (file, header, rows) in tables.items():
        shown = f"data/{file}"
        encoding_problem = _encoding_problem(data_dir / file)
        if encoding_problem:
            problems.append(encoding_problem)
        for line, row in rows:
            for column in SOURCE_COLUMNS:
                for source_id in filter(None, (row.get(column) or "").split(";")):
                    if source_id not in known_sources:
                        problems.append(Problem(shown, line, column, f"source id '{source_id}' is not in data/sources.csv"))
            for column, precision_column in DATED_COLUMNS.items():
                value, precision = row.get(column) or "", row.get(precision_column) or ""
                if column in header and precision_column in header:
                    message = _date_problem(value, precision)
                    if message:
                        problems.append(Problem(shown, line, column, message))
            for first, second in ORDERED_TIMESTAMPS:
                if row.get(first) and row.get(second) and row[second] <= row[first]:
                    problems.append(Problem(shown, line, second, f"{second} {row[second]} is not after {first} {row[first]}"))
            if row.get("landing_tz"):
                try:
                    ZoneInfo(row["landing_tz"])
                except (ZoneInfoNotFoundError, ValueError):
                    problems.append(Problem(shown, line, "landing_tz", f"'{row['landing_tz']}' is not a time zone name such as Asia/Almaty"))
    return problems


def _date_problem(value: str, precision: str) -> str | None:
    if not value and not precision:
        return None
    if not value or not precision:
        return "a date and its precision must be given together"
    if _PRECISION_LENGTH.get(precision) != len(value):
        return f"'{value}' does not match the precision '{precision}' (day: YYYY-MM-DD, month: YYYY-MM, year: YYYY)"
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return f"'{value}' is not a real calendar date"
    return None


def find_problems(data_dir: Path) -> list[Problem]:
    """Every problem in the dataset at ``data_dir``, sorted by file and row."""
    if not (data_dir / "datapackage.json").is_file():
        return [Problem(str(data_dir), None, None, "no datapackage.json here")]
    return sorted(set(_frictionless_problems(data_dir) + _cross_checks(data_dir)), key=lambda p: (p.file, p.row or 0, p.column or ""))


def fingerprint(data_dir: Path) -> str:
    """A hash of the descriptor and every table, so a validation result can be reused until the data changes."""
    digest = hashlib.sha256()
    for path in sorted(data_dir.glob("*.csv")) + [data_dir / "datapackage.json"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kazspace"


def ensure_valid(data_dir: Path) -> None:
    """Raise DataError unless the dataset is valid. A passing result is remembered per data fingerprint."""
    stamp = _stamp_dir() / f"valid-{fingerprint(data_dir)}"
    if stamp.exists():
        return
    problems = find_problems(data_dir)
    if problems:
        raise DataError(problems)
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:
        pass  # a read-only home only costs a re-validation next time
