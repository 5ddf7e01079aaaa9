"""Read a table header whose columns are sites: one year's figures per mine, plant or region.

A group with several operations often prints one table per kind of site for the year reported
(its caption names the year, "Key indicators of the mines, 2023", or none, and the report's year
holds): the rows are what is measured, each with its unit in a unit column, and the columns are
the sites, often with a column that totals them::

    Indicator        Unit      North Mine   South Mine   Group total
    Coal produced    tonnes       120,400       98,300       218,700

Such a header prints no column word after its unit column (no year, no change), so it is read
by its shape, never by a site's name:

* the first cell names the rows (or is blank);
* then a unit column ("Unit", "Units"), printed before the sites: the rows carry their own
  measures, so the columns are no measures (a table of measures prints their units in its
  header, "Employees trained (%)");
* then two or more sites: short names with a letter and no digit, no column word, no figure
  and no group of people (a "Male  Female  Total" header is a breakdown of one measure, not a
  set of sites); one of them, at most, a total ("Total", "Group total", "Overall").

Each site column's figures cover that site (the column's boundary); the total column's cover
the sites together, the table's own boundary.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_UNIT = re.compile(r"^units?$", re.I)
_TOTAL = re.compile(r"^(?:(?:group|grand|company|overall)\s+)?total$|^overall$", re.I)
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_MAX_WORDS = 5


def site_columns(
    cells: list[str], is_column_word: Callable[[str], bool], is_group: Callable[[str], bool]
) -> list[str] | None:
    """The role of each header cell after the first ("unit", "site" or "total"), or None when
    the header is no header of sites. ``is_column_word`` says whether a text is a figure or a
    column word (a year, "Change"), ``is_group`` whether it names a group of people."""
    if len(cells) < 4 or _DIGIT.search(cells[0]) or not _UNIT.match(cells[1]):
        return None
    names = cells[2:]
    if any(not _is_name(n, is_column_word, is_group) for n in names):
        return None
    totals = [k for k, n in enumerate(names) if _TOTAL.match(n)]
    if len(totals) > 1 or len(names) - len(totals) < 2:
        return None
    return ["unit", *("total" if _TOTAL.match(n) else "site" for n in names)]


def _is_name(text: str, is_column_word: Callable[[str], bool], is_group: Callable[[str], bool]) -> bool:
    """A site's name: a letter, no digit, a few words, no column word, no group of people."""
    return (
        bool(_LETTER.search(text))
        and not _DIGIT.search(text)
        and len(text.split()) <= _MAX_WORDS
        and not is_column_word(text)
        and not is_group(text)
    )
