"""Shared code for the book 'Kazakhstan in Space': one loader for the dataset, one way to check an answer."""

from .data import (
    clear_cache,
    data_dir,
    disagreements,
    events,
    flights,
    glossary,
    launches,
    people,
    quotes,
    satellites,
    sources,
    spacewalks,
    table,
)
from .display import markdown_text, show_table
from .validation import DataError, Problem, find_problems

__all__ = [
    "DataError", "Problem", "clear_cache", "data_dir", "disagreements", "events", "find_problems", "flights",
    "glossary", "launches", "markdown_text", "people", "quotes", "satellites", "show_table", "sources", "spacewalks",
    "table",
]
__version__ = "0.1.0"
