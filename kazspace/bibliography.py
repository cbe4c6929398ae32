"""Write book/references.bib from data/sources.csv, so that the sources table stays the one home of every source.

Run as ``python -m kazspace.bibliography`` (the Makefile does it before every build).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .data import sources

def _escape(text: str) -> str:
    return "".join("\\" + c if c in "{}&%$#_" else c for c in text)

def bibtex(frame) -> str:
    """One BibTeX entry per source, keyed by source_id."""
    entries = []
    for row in frame.itertuples(index=False):
        fields = {"title": row.title, "publisher": row.publisher, "url": row.url, "note": row.notes,
                  "language": row.language, "howpublished": row.kind}
        if isinstance(row.published, str):
            fields["year"] = row.published[:4]
            if len(row.published) >= 7:
                fields["month"] = str(int(row.published[5:7]))
            fields["date"] = row.published
        # A URL stays as it is: an escape would stay in the link (https://a.kz/x\_y), which browsers read as x/_y.
        values = {k: v if k == "url" else _escape(v) for k, v in fields.items() if isinstance(v, str) and v}
        values["title"] = "{" + values["title"] + "}"  # double braces keep the title's capitals
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in values.items())
        entries.append(f"@misc{{{row.source_id},\n{body}\n}}\n")
    return "\n".join(entries)


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "book" / "references.bib"
    text = "% Generated from data/sources.csv by `python -m kazspace.bibliography`. Do not edit.\n\n" + bibtex(sources())
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return 0

if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
