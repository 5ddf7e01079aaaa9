"""The day a report's headcounts are of, when it says so once for all of them.

A report may state, in its notes on scope, the day its workforce figures are counted on
("Headcounts are as at 31 December.", "Employee figures are as of 30 June."), and then print
those figures in prose without the day ("senior management 86; middle management 1,142"). A
count or share of people the company employs is then a figure of that day of its year, as the
tables' "as at" captions make theirs; what happens to people over the year (hires, leavers,
training, injuries) stays a figure of the year.
"""

from __future__ import annotations

import re
from datetime import date

from kg.ingest.quantities import MONTHS

_STATED = re.compile(
    r"\b(?:headcounts?|(?:employee|workforce|staff)\s+(?:numbers|figures|data|counts))\s+(?:are|is)\s+"
    rf"(?:stated\s+|given\s+|reported\s+|counted\s+)?as\s+(?:at|of|on)\s+(?P<day>\d{{1,2}})\s+(?P<month>{MONTHS})\b"
    r"(?!\s*,?\s*(?:19|20)\d\d)",
    re.I,
)
_MONTH = {name.lower(): n for n, name in enumerate(MONTHS.split("|"), start=1)}
# Words naming the people a company employs, or a group of them.
_PEOPLE = re.compile(r"\b(?:employees?|workers|workforce|staff|headcounts?|management|managers)\b", re.I)
# Words of what happens to people over the year, or of things they have, which no headcount is.
_FLOW = re.compile(
    r"\b(?:hires?|hired|new|leavers?|left|turnover|trained|training|injur\w*|fatalit\w*|recruit\w*|resign\w*"
    r"|joined|departures?|volunteer\w*|hours?|days?|committees?|cases|complaints|wages?|pay)\b",
    re.I,
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def headcount_day(text: str) -> tuple[int, int] | None:
    """The (month, day) the report says its headcounts are of, with no year; None when it says none."""
    m = _STATED.search(" ".join(text.split()))
    if m is None:
        return None
    return _MONTH[m.group("month").lower()], int(m.group("day"))


def as_at(day: tuple[int, int], period: str | None, year: int, unit: str, name: str, sentence: str) -> str | None:
    """The day (YYYY-MM-DD) a prose figure of people is of: ``period`` (a year, or None for the
    report's ``year``) on ``day``, for a count or share (``unit`` NUM or PERCENT) whose metric
    ``name`` names people employed and whose ``sentence`` tells of no flow; else None."""
    if unit not in ("NUM", "PERCENT") or (period is not None and not _YEAR.match(period)):
        return None
    if not _PEOPLE.search(name) or _FLOW.search(name) or _FLOW.search(sentence):
        return None
    return date(int(period) if period else year, *day).isoformat()
