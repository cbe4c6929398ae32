"""Derive data/launches.csv from Jonathan McDowell's GCAT launch log.

A maintainer with a newer log reruns ``make launches`` (or ``python -m kazspace.gcat LOG SITES OUT``).
One row per launch: GCAT has one row per payload, so rows are grouped by Launch_Tag.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

SOURCE_ID = "gcat"
#: GCAT spells it Baykonur; the book uses the usual English spelling.
SITE_SPELLING = {"Baykonur": "Baikonur"}
LAUNCH_CLASS = {"O": "orbital", "D": "deep-space", "X": "off-earth"}
OUTCOME = {"S": "success", "F": "failure"}
COLUMNS = ["launch_tag", "launch_date", "launch_time", "time_uncertain", "vehicle", "site_code", "site",
           "site_country", "launch_class", "outcome", "source_ids"]
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}
_DATE = re.compile(r"^(\d{4}) (\w{3}) +(\d{1,2})(?: (\d{2})(\d{2})(?::(\d{2}))?)?(\?)?$")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:  # sites carry names in local scripts
        lines = [line for line in handle if line.strip()]
    header = [name.lstrip("#").strip() for name in lines[0].rstrip("\n").split("\t")]
    return [dict(zip(header, (cell.strip() for cell in line.rstrip("\n").split("\t"))))
            for line in lines[1:] if not line.startswith("#")]


def parse_launch_date(text: str) -> tuple[str, str, bool]:
    """'1957 Oct  4 1928:34' -> ('1957-10-04', '19:28:34', False). A trailing '?' marks uncertainty."""
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"unrecognised GCAT date {text!r}")
    year, month, day, hours, minutes, seconds, uncertain = match.groups()
    date = f"{year}-{_MONTHS[month]:02d}-{int(day):02d}"
    time = "" if hours is None else f"{hours}:{minutes}" + (f":{seconds}" if seconds else "")
    return date, time, uncertain is not None


def derive(launchlog: Path, sites: Path) -> list[dict[str, str]]:
    """One dict per launch, in launch order."""
    site_names = {row["Site"]: (SITE_SPELLING.get(row["ShortName"], row["ShortName"]), row["StateCode"])
                  for row in _read_tsv(sites)}
    launches: dict[str, dict[str, str]] = {}
    for line_number, row in enumerate(_read_tsv(launchlog), start=3):
        tag = row["Launch_Tag"]
        if tag in launches:
            continue  # further payloads of the same launch
        try:
            date, time, uncertain = parse_launch_date(row["Launch_Date"])
        except ValueError as error:
            raise ValueError(f"{launchlog}, line {line_number}, column Launch_Date: {error}") from None
        code = row["Launch_Code"]
        site, country = site_names.get(row["Launch_Site"], (row["Launch_Site"], ""))
        launches[tag] = {
            "launch_tag": tag, "launch_date": date, "launch_time": time, "time_uncertain": str(uncertain).lower(),
            "vehicle": row["LV_Type"], "site_code": row["Launch_Site"], "site": site, "site_country": country,
            "launch_class": LAUNCH_CLASS[code[0]], "outcome": OUTCOME[code[1]], "source_ids": SOURCE_ID,
        }
    return sorted(launches.values(), key=lambda r: (r["launch_date"], r["launch_time"], r["launch_tag"]))


def write_csv(rows: list[dict[str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print("usage: python -m kazspace.gcat LAUNCHLOG.tsv SITES.tsv OUT.csv", file=sys.stderr)
        return 2
    rows = derive(Path(argv[1]), Path(argv[2]))
    write_csv(rows, Path(argv[3]))
    print(f"wrote {len(rows)} launches to {argv[3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
