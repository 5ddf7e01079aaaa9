"""Put back together the rows of a table printed one cell a line.

A PDF-to-text conversion in raw mode (``pdftotext -raw``) prints a table's cells in reading
order, each on a line of its own: the header's first cell, then each year of the header alone on
a line, then for each row its label on one line and each column's value on the next lines. Read
line by line, each value is a number standing alone and the year it is of is lost. So a run of
such lines is put back into rows:

* a header: a label line (not a caption, not a figure) followed by two or more distinct year
  lines, each alone on its line;
* a row: a label line followed by exactly one value line per year column, each a figure or a
  not-disclosed mark;
* a label line followed by another label line is a heading (a sub-heading row, "Scope 1") and
  stays as it is; the rows after it go on;
* the run ends at the first line that is neither (a blank line, a footnote, prose, a label with
  another count of values).

Ordinary prose and lists cannot take this shape: every row must hold as many values as the
header holds years, each alone on its line, right under a header of years alone on lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.ingest.tables import Cell

_MAX_LABEL = 120  # longer single lines are prose
_MAX_HEADINGS = 2  # label lines in a row before a row: more are text after the table, not headings


@dataclass(frozen=True)
class StackedLine:
    """A header or row put back together: its cells, and the index of the last line it took."""

    cells: tuple[Cell, ...]
    last: int


def _cell(text: str, start: int, end: int) -> Cell:
    raw = text[start:end]
    body = raw.strip(" \t\f")
    at = start + raw.find(body) if body else start
    return Cell(body, at, at + len(body))


def _is_label(
    cell: Cell, is_value: Callable[[str], bool], is_year: Callable[[str], bool], is_caption: Callable[[str], bool]
) -> bool:
    text = cell.text
    return (
        0 < len(text) <= _MAX_LABEL
        and "\t" not in text
        and not text.endswith((".", ":", ";"))
        and not is_value(text)
        and not is_year(text)
        and not is_caption(text)
    )


def stacked_lines(
    text: str,
    spans: list[tuple[int, int]],
    is_value: Callable[[str], bool],
    is_year: Callable[[str], bool],
    is_caption: Callable[[str], bool],
) -> dict[int, StackedLine]:
    """The headers and rows of the tables printed one cell a line, by the index of their first line.

    ``spans`` are the text's lines; ``is_value`` says a cell is a figure or a not-disclosed mark,
    ``is_year`` that it is a year column word, ``is_caption`` that a line is a table's caption.
    """
    cells = [_cell(text, s, e) for s, e in spans]
    found: dict[int, StackedLine] = {}

    def label(i: int) -> bool:
        return i < len(cells) and _is_label(cells[i], is_value, is_year, is_caption)

    i = 0
    while i < len(cells):
        if not label(i):
            i += 1
            continue
        years = 0
        while i + 1 + years < len(cells) and is_year(cells[i + 1 + years].text):
            years += 1
        distinct = len({c.text for c in cells[i + 1 : i + 1 + years]}) == years
        if years < 2 or not distinct:
            i += 1
            continue
        found[i] = StackedLine((cells[i], *cells[i + 1 : i + 1 + years]), i + years)
        i += 1 + years
        headings = 0
        while label(i) and headings <= _MAX_HEADINGS:
            values = cells[i + 1 : i + 1 + years]
            if len(values) == years and all(is_value(c.text) for c in values):
                after = i + 1 + years
                if after < len(cells) and is_value(cells[after].text):
                    break  # more values than years: not a row of this table
                found[i] = StackedLine((cells[i], *values), i + years)
                i, headings = after, 0
            elif label(i + 1):
                i, headings = i + 1, headings + 1  # a heading over the rows below it
            else:
                break
    return found
