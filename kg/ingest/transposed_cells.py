"""Find tables printed transposed: the periods as rows and the measures as columns.

Most KPI tables print one row per measure and one column per year. Some print it the other
way round: a header line of measure labels, each with its unit in parentheses or none
("Year   Scope 1 (tCO2e)   Scope 2 (tCO2e)   Total (tCO2e)"), then one line per period whose
first cell is a year, a financial year or a day ("FY2023/24", "2023/24", "2023", "31 Mar 2024"),
and optionally a change line under them ("Change vs FY2022/23   -4.4%   -1.0%"). Each cell is
the figure of its column's measure for its row's period, so the figure table reader reads such
a table as the ordinary one it is once the block is found here and turned round.

An ordinary table cannot take this shape: its rows' first cells are labels, not periods, and
its header's cells after the first are years, which a transposed header never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.ingest.tables import Cell

_MIN_PERIODS = 2  # one period row is a headerless row with a year label, not a transposed table


@dataclass(frozen=True)
class TransposedBlock:
    """A transposed table: its header's measure cells, its period (or change) rows, and the
    index of its last line."""

    measures: tuple[Cell, ...]
    rows: tuple[tuple[Cell, tuple[Cell, ...]], ...]  # (period or change cell, one cell per measure)
    last: int


def transposed_block(
    lines: Sequence[tuple[Cell, ...]],
    i: int,
    is_value: Callable[[str], bool],
    is_period: Callable[[str], bool],
    is_change: Callable[[str], bool],
) -> TransposedBlock | None:
    """The transposed table whose header is line ``i`` of ``lines`` (each line's cells), or None.

    The header: a first cell that is no figure and no period (it names the rows: "Year", "As
    at", or is blank), then two or more measure labels, none a figure, a period or a change.
    Then two or more rows of as many cells, each opening with a period and holding figures or
    not-disclosed marks only, and change rows after them of the same shape."""
    header = lines[i]
    if len(header) < 3 or is_value(header[0].text) or is_period(header[0].text):
        return None
    measures = header[1:]
    if any(
        not c.text
        or is_value(c.text)
        or is_period(c.text)
        or is_change(c.text)
        or not any(ch.isalpha() for ch in c.text)
        for c in measures
    ):
        return None
    rows: list[tuple[Cell, tuple[Cell, ...]]] = []
    periods = 0
    j = i + 1
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
    return TransposedBlock(tuple(measures), tuple(rows), j - 1)
