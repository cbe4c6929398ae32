"""Show data safely: the one way lessons, book pages and exercises display a table or put data into Markdown.

A value in the dataset is text, never markup. pandas' ``DataFrame.style`` does not escape HTML (its ``escape`` is off
by default, for cells and for headers), so a name such as ``<img src=x onerror=...>`` would run in the reader's
browser; and text passed to ``IPython.display.Markdown`` is parsed as MyST, where raw HTML, roles and directives
work. :func:`show_table` and :func:`markdown_text` make both safe. ``show_table`` is also reproducible: the table's
HTML id comes from its content (pandas draws a random one) and its plain-text form holds no memory address, so
executing a notebook twice gives the same outputs.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd
from pandas.io.formats.style import Styler

from .i18n import localise_number

__all__ = ["Table", "show_table", "markdown_text"]

_ids_used: dict[str, int] = {}


class Table(Styler):
    """A Styler whose plain-text form is the table itself (the default repr shows a memory address)."""

    def __repr__(self) -> str:
        hidden = all(self.hide_index_)
        return self.data.to_string(index=not hidden)


def _number(value) -> str:
    """Floats without padding zeros: 38.7, not pandas Styler's 38.700000 (38,7 in Kazakh)."""
    if isinstance(value, float):
        return localise_number(f"{value:.6f}".rstrip("0").rstrip(".")) if value == value else ""
    return str(value)


def _table_id(frame: pd.DataFrame) -> str:
    """An id derived from the table's content, numbered if the same table is shown again in this kernel."""
    digest = hashlib.blake2b(frame.to_csv().encode("utf-8"), digest_size=4).hexdigest()
    _ids_used[digest] = count = _ids_used.get(digest, 0) + 1
    return digest if count == 1 else f"{digest}_{count}"


def show_table(frame: pd.DataFrame, *, index: bool = False) -> Table:
    """A DataFrame for display: every cell, header and index label HTML-escaped, missing values blank.

    The index is hidden unless ``index=True``. The result is a pandas Styler, so ``.format(...)`` and the other
    Styler methods still work (keep ``escape="html"`` if you call ``.format`` again).
    """
    table = Table(frame, uuid=_table_id(frame), cell_ids=False)
    table.format(_number, escape="html", na_rep="")
    for axis in (0, 1):
        table.format_index(escape="html", axis=axis, na_rep="")
        table.format_index_names(escape="html", axis=axis)
    if not index:
        table.hide(axis="index")
    return table


# Everything CommonMark lets a backslash escape, so MyST reads each as a plain character: no HTML tag, entity, role,
# directive, substitution, math, link, emphasis or heading can come out of data text.
_MARKDOWN_SPECIAL = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def markdown_text(text) -> str:
    """Data text for a Markdown (MyST) output, shown exactly as written: one line, every markup character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
