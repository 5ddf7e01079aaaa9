"""Find tables printed transposed: the periods as rows and the measures as columns.

Most KPI tables print one row per measure and one column per year. Some print it the other
way round: a header line of measure labels, each with its unit in parentheses or none
("Year   Scope 1 (tCO2e)   Scope 2 (tCO2e)   Total (tCO2e)"), then one line per period whose
first cell is a year, a financial year or a day ("FY2023/24", "2023/24", "2023", "31 Mar 2024"),
and optionally a change line under them ("Change vs FY2022/23   -4.4%   -1.0%"). The units may
stand on a line of their own under the measure labels, one under each ("Year  Diesel  Staff" over
"      litres  persons"), and a rule of dashes may cut the header from the rows and close them. Each cell is
the figure of its column's measure for its row's period, so the figure table reader reads such
a table as the ordinary one it is once the block is found here and turned round.

An ordinary table cannot take this shape: its rows' first cells are labels, not periods, and
its header's cells after the first are years, which a transposed header never prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.ingest.tables import Cell

_MIN_PERIODS = 2  # one period row is a headerless row with a year label, not a transposed table
# A line that only rules the table off: dashes, equals signs, underscores or box-drawing lines.
_RULE = re.compile(r"^[-=_─━]{3,}$")
# The first cell of a units line: blank, or a word that says the line holds units.
_UNITS_STUB = re.compile(r"^(?:units?)?$", re.I)
_UNIT_WORDS = 3  # a unit cell prints a few words at most ("HK$ mn", "'000 m³"); more is a wrapped label
# A measure label of digits only: a band of ages or sizes ("30-50" between "Under 30" and "Over
# 50"), which a header of measures by age prints with no letter in it.
_BAND = re.compile(r"^\d{1,3}\s?[-–]\s?\d{1,3}$")


@dataclass(frozen=True)
class TransposedBlock:
    """A transposed table: its header's measure cells, its period (or change) rows, and the
    index of its last line."""

    measures: tuple[Cell, ...]
    rows: tuple[tuple[Cell, tuple[Cell, ...]], ...]  # (period or change cell, one cell per measure)
    last: int
    units: tuple[str | None, ...] = ()  # one per measure, from a units line under the header; () if none


def is_rule(cells: Sequence[Cell]) -> bool:
    """Whether a line's cells are a rule of dashes (or the like) alone."""
    return len(cells) == 1 and _RULE.match(cells[0].text) is not None


def units_line(
    cells: Sequence[Cell], width: int, is_value: Callable[[str], bool], is_period: Callable[[str], bool]
) -> tuple[str | None, ...] | None:
    """The units a line under a header of ``width`` cells prints under its measures, or None
    when the line is no units line: its first cell blank or "Unit", then as many cells, each
    blank or a short unit (no figure, no period), one unit at least. A header of measures over
    rows of labels prints such a line too ("Unit  %  hours" under "Share trained  Average hours")."""
    if len(cells) != width or not _UNITS_STUB.match(cells[0].text):
        return None
    units = [c.text or None for c in cells[1:]]
    if not any(units) or any(
        u is not None and (is_value(u) or is_period(u) or len(u.split()) > _UNIT_WORDS) for u in units
    ):
        return None
    return tuple(units)


def transposed_block(
    lines: Sequence[tuple[Cell, ...]],
    i: int,
    is_value: Callable[[str], bool],
    is_period: Callable[[str], bool],
    is_change: Callable[[str], bool],
) -> TransposedBlock | None:
    """The transposed table whose header is line ``i`` of ``lines`` (each line's cells), or None.

    The header: a first cell that is no figure and no period (it names the rows: "Year", "As
    at", or is blank), then two or more measure labels, none a figure, a period or a change,
    each with a letter or a band of ages ("30-50").
    Then, optionally, a units line and a rule; then two or more rows of as many cells, each
    opening with a period and holding figures or not-disclosed marks only, and change rows
    after them of the same shape; then, optionally, a closing rule."""
    header = lines[i]
    if len(header) < 3 or is_value(header[0].text) or is_period(header[0].text):
        return None
    measures = header[1:]
    if any(
        not c.text
        or is_value(c.text)
        or is_period(c.text)
        or is_change(c.text)
        or not (any(ch.isalpha() for ch in c.text) or _BAND.match(c.text))
        for c in measures
    ):
        return None
    rows: list[tuple[Cell, tuple[Cell, ...]]] = []
    periods = 0
    j = i + 1
    units = units_line(lines[j], len(header), is_value, is_period) if j < len(lines) else None
    if units is not None:
        j += 1
    if j < len(lines) and is_rule(lines[j]):
        j += 1
    while j < len(lines):
        cells = lines[j]
        if len(cells) != len(header) or not all(c.text and is_value(c.text) for c in cells[1:]):
            break
        first = cells[0].text
        if is_period(first) and periods == len(rows):  # periods first, changes after them
            periods += 1
        elif not (is_change(first) and periods >= _MIN_PERIODS):
            break
        rows.append((cells[0], tuple(cells[1:])))
        j += 1
    if periods < _MIN_PERIODS:
        return None
    if j < len(lines) and is_rule(lines[j]):
        j += 1
    return TransposedBlock(tuple(measures), tuple(rows), j - 1, units or ())
