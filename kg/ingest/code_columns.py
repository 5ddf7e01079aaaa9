"""Find the figure tables whose first column prints the reporting guide's code of each row.

A performance-data appendix often opens each row with the KPI it discloses, under a header
cell naming the codes::

    KPI    Indicator               Unit      2023      2022    Remarks
    A1.2   Scope 1 emissions       tCO2e    1,234     1,310
    A1.2   Scope 2 emissions       tCO2e    5,678     5,902    Location-based
    Note 1: Scope 2 uses the grid factors of the year.
    A1.3   Hazardous waste         tonnes     3.2       3.6

Read with its code column the table has no label column (the codes are no labels, and "A1.2"
is no figure); read without it, it is an ordinary figure table whose rows each state the KPI
they disclose. Only a header whose first cell names codes ("KPI", "KPI code", "GRI") and whose
other cells read as a figure table's header opens such a table, so a content index (codes, then
descriptions and page numbers) is left alone. The table goes on over notes and headings printed
on lines of their own, down to the first line of several cells that is no code row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kg.ingest.tables import Cell

# A header cell over a column of codes.
_CODE_HEADER = re.compile(
    r"^(?:(?:HKEX|ESG)\s+)?(?:KPIs?(?:\s+(?:codes?|no\.?|ref(?:erence)?\.?))?|indicator\s+codes?|codes?"
    r"|GRI(?:\s+(?:codes?|disclosures?|standards?))?)$",
    re.I,
)
# A code of the HKEX guide (KPI "A1.2", aspect "B5") or a GRI disclosure ("305-1").
_CODE = re.compile(r"^(?:[AB]\d{1,2}(?:\.\d{1,2})?|\d{3}-\d{1,2})$")
_DIGITS = re.compile(r"\d+")


@dataclass
class CodeTable:
    """A table whose first column prints codes: its header line, and each row line's code cell."""

    header: int
    codes: dict[int, Cell] = field(default_factory=dict)
    blank: set[int] = field(default_factory=set)  # row lines of the table whose code cell is blank


def code_tables(
    lines: Sequence[tuple[Cell, ...]],
    is_header: Callable[[int, tuple[Cell, ...]], bool],
    is_value: Callable[[str], bool],
) -> list[CodeTable]:
    """The code tables of a text's lines (each as its cells): ``is_header`` says whether line
    ``i``'s cells, its first left out, read as a figure table's header; ``is_value`` whether a
    cell's text is a figure or a not-disclosed mark."""
    repeated = _repeated(lines)
    found: list[CodeTable] = []
    table: CodeTable | None = None
    for i, cells in enumerate(lines):
        if len(cells) >= 3 and _CODE_HEADER.match(cells[0].text) and is_header(i, cells[1:]):
            table = CodeTable(i)
            found.append(table)
            continue
        if table is None or len([c for c in cells if c.text]) < 2:
            continue  # a note, a heading, a rule or a blank line inside the table
        if len(cells) >= 3 and cells[1].text and any(is_value(c.text) for c in cells[2:]):
            if _CODE.match(cells[0].text):
                table.codes[i] = cells[0]
                continue
            if not cells[0].text:  # a row printing no code (its column left blank)
                table.blank.add(i)
                continue
        if _furniture(cells) not in repeated:
            table = None  # a line of several cells that is no row of it: the table has ended
    return found


def _furniture(cells: tuple[Cell, ...]) -> str:
    """A line's text with its numbers left out: a running footer reads the same on every page."""
    return _DIGITS.sub("#", " ".join(c.text for c in cells))


def _repeated(lines: Sequence[tuple[Cell, ...]]) -> set[str]:
    """Lines of several cells printed three times or more (page numbers aside): page furniture."""
    counts: dict[str, int] = {}
    for cells in lines:
        if len(cells) >= 2:
            key = _furniture(cells)
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= 3}
