"""The columns of a table of targets: what kind of figure each cell of a year column is.

A table whose header's first cell, caption or title says it lists targets ("Target  2025  2030
Status 2023" under "2030 goals (baseline year 2019)") prints, in the columns of years after the
report's, the levels or changes the company commits to reach by then; in a column of progress
(``Column.progress``: "Status 2023"), what it has reached. A signed figure ("-30%") in either is
a change since the baseline year the table prints; an unsigned one ("100%") is a level, which
needs no baseline. Tables that say nothing of targets are read as their columns' years.
"""

from __future__ import annotations

import re

from kg.ingest.figure_tables import Column

_TARGETS = re.compile(r"\b(?:targets?|goals?)\b", re.I)
# "baseline year 2019", "baseline: 2019", "base year 2019", "against a 2019 baseline".
_BASELINE = re.compile(
    r"\bbase(?:line)?(?:\s+year)?\s*(?:[:=]\s*|of\s+|in\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<before>(?:19|20)\d\d)\s+base(?:line)?(?:\s+year)?\b",
    re.I,
)
_SIGNED = re.compile(r"^[-−+(]")


def lists_targets(*texts: str | None) -> bool:
    """Whether a table's header first cell, caption or title says its rows are targets."""
    return any(text is not None and _TARGETS.search(text) is not None for text in texts)


def baseline_year(*texts: str | None) -> int | None:
    """The baseline year the first of ``texts`` that prints one names, or None."""
    for text in texts:
        if text is not None and (m := _BASELINE.search(text)) is not None:
            return int(m.group("year") or m.group("before"))
    return None


def title_above(text: str, start: int) -> str | None:
    """The line printed right above offset ``start`` (a blank line between them allowed): a
    table's title when no "Table N" caption names it; None when there is none."""
    lines = text[:start].rstrip("\n").split("\n")
    for line in reversed(lines[-2:]):
        if line.strip(" \f"):
            return line.strip(" \f")
    return None


def cell_kind(column: Column, figure: str, report_year: int, baseline: int | None) -> tuple[str, int | None]:
    """The kind of a figure in a year column of a table of targets, and its baseline year:
    ``target`` in a column after the report's year, ``change`` for a signed figure in a column
    of progress, else ``value``; a baseline only for a signed figure (a change) when one is printed."""
    signed = _SIGNED.match(figure) is not None
    since = baseline if signed else None
    if column.progress:
        return ("change", since) if since is not None else ("value", None)
    if column.year is not None and column.year > report_year:
        return "target", since
    return "value", None
