"""Read highlight panels printed side by side: a line of figures, their captions on the lines under.

A report's "year at a glance" page often sets its key figures in boxes two or three to a row. A
layout-keeping conversion prints such a row as a line of figures kept apart by runs of spaces,
then one to three lines of captions, each cut by runs of spaces under the figures' columns::

    15.9%                         117,050
    reduction in water use        meals donated to
    per guest night               community partners

Read line by line, the figures stand alone (no label) and the captions are table lines with no
figure, so neither the table reader nor the sentence reader drafts them. A block is read as such
a panel row only when it is that shape throughout: set off by blank lines, no tab, a first line
of two or more segments each one plain figure (a number, optionally a percentage), and one to
three caption lines whose first holds exactly one segment under each figure, every segment
starting where a figure's column starts (a few characters either way) and holding a letter.

Each figure becomes a headerless row of a figure table of its own: its caption (its column's segments
joined) is the row's label, its unit its own "%" or, failing that, the unit the caption opens
with ("tonnes of food waste composted"), else a count; the row's span, which its claim quotes,
runs from the figure to the end of its caption, the other columns' text between included as
printed. A caption saying "as at 31 December 2024" dates the figure that day; a percentage whose
caption opens with a change word and names the year compared with ("reduction in water use since
2019") is a change on that year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from kg.ingest.figure_tables import Column, FigureCell, FigureRow, FigureTable
from kg.ingest.quantities import MONTHS
from kg.ingest.tables import Cell

_GAP = re.compile(r"\S(?:.*?\S)?(?= {2,}|$)")  # a segment: text up to a run of two spaces or the line end
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?")
_LETTER = re.compile(r"[A-Za-z]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SLACK = 4  # characters a caption segment may start off its figure's column
_MAX_CAPTION_LINES = 3
_UNIT_WORDS = 3  # a caption's opening words tried as its figure's unit
_DAY = re.compile(rf"\bas\s+(?:at|of|on)\s+(?P<day>\d{{1,2}})\s+(?P<month>{MONTHS})\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_MONTH = {name.lower(): n for n, name in enumerate(MONTHS.split("|"), start=1)}


def _segments(text: str, start: int) -> list[tuple[int, Cell]]:
    """The segments of one line (no tab): (column, cell) each, cut at runs of two or more spaces."""
    return [(m.start(), Cell(m.group(), start + m.start(), start + m.end())) for m in _GAP.finditer(text)]


def _lines(text: str) -> list[tuple[int, str]]:
    found, at = [], 0
    for raw in text.split("\n"):
        found.append((at, raw))
        at += len(raw) + 1
    return found


def _column(at: int, starts: list[int]) -> int | None:
    near = [k for k, s in enumerate(starts) if abs(s - at) <= _SLACK]
    return near[0] if len(near) == 1 else None


def _panel(block: list[tuple[int, str]]) -> list[tuple[Cell, list[Cell]]] | None:
    """The (figure, caption segments) of each column of a block of lines, or None when the block
    is no panel row."""
    if not 2 <= len(block) <= 1 + _MAX_CAPTION_LINES or any("\t" in raw for _, raw in block):
        return None
    first_at, first = block[0]
    figures = _segments(first, first_at)
    if len(figures) < 2 or not all(_FIGURE.fullmatch(cell.text) for _, cell in figures):
        return None
    if all(_YEAR.fullmatch(cell.text) for _, cell in figures):
        return None  # a header of years over labels, not figures
    starts = [col for col, _ in figures]
    captions: list[list[Cell]] = [[] for _ in figures]
    for n, (at, raw) in enumerate(block[1:]):
        segments = _segments(raw, at)
        if n == 0 and len(segments) != len(figures):
            return None
        for col, cell in segments:
            k = _column(col, starts)
            if k is None or not _LETTER.search(cell.text):
                return None
            captions[k].append(cell)
    return [(cell, caption) for (_, cell), caption in zip(figures, captions, strict=True)]


def _figure_column(caption: str) -> Column:
    """The headerless column of a panel figure: the report's period, or the day its caption names."""
    m = _DAY.search(caption)
    if m is not None:
        month, day, year = _MONTH[m.group("month").lower()], int(m.group("day")), int(m.group("year"))
        try:
            date(year, month, day)
        except ValueError:
            return Column("figure", None)
        return Column("figure", None, period=str(year), year=year, instant=True, ends=(month, day))
    return Column("figure", None)


# A caption opening with a change word and naming the year compared with ("reduction in water
# use since 2019", "lower emissions per m² than in 2019"): the percentage is a change on that year.
_CHANGE = re.compile(
    r"^(?:reduction|decrease|drop|fall|cut|increase|rise|growth|lower|higher|less|more|fewer)\b"
    r".*?\b(?:since|than\s+in|from|on|compared\s+(?:with|to)|against|vs\.?)\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def _change_columns(figure: str, caption: str, year: int) -> tuple[Column, ...] | None:
    """The columns of a percentage its caption prints as a change on an earlier year: that year's
    and the report's, and the change column the figure is in; None for any other figure."""
    m = _CHANGE.search(caption) if figure.endswith("%") else None
    if m is None or not int(m.group("year")) < year:
        return None
    base = int(m.group("year"))
    return (
        Column("year", None, period=str(base), year=base),
        Column("year", None, period=str(year), year=year),
        Column("change", None, unit="%"),
    )


def _unit(figure: str, caption: str, is_unit: Callable[[str], bool]) -> str | None:
    """The unit surface of a panel figure's row: none for a percentage (its "%" is its unit), the
    unit its caption opens with, else a count ("number")."""
    if figure.endswith("%"):
        return None
    words = caption.split()[:_UNIT_WORDS]
    for n in range(len(words), 0, -1):
        if is_unit(" ".join(words[:n])):
            return " ".join(words[:n])
    return "number"


def highlight_panels(text: str, is_unit: Callable[[str], bool], year: int) -> list[FigureTable]:
    """Each panel row of ``text`` as figure tables of one headerless row per figure.

    ``is_unit`` says whether a caption's opening words are a unit ("tonnes"), which the figure
    is then in; ``year`` is the report's, which a change its caption compares with an earlier
    year ("15.9% reduction ... since 2023") ends in."""
    tables: list[FigureTable] = []
    lines = _lines(text)
    block: list[tuple[int, str]] = []
    for at, raw in [*lines, (len(text), "")]:
        if raw.strip():
            block.append((at, raw))
            continue
        panel = _panel(block) if block else None
        if panel is not None:
            start = block[0][0]
            for figure, caption in panel:
                label = " ".join(c.text for c in caption)
                columns = _change_columns(figure.text, label, year) or (_figure_column(label),)
                cell = FigureCell(columns[-1], figure, True)
                row = FigureRow(
                    label, _unit(figure.text, label, is_unit), (cell,), figure.start, max(c.end for c in caption)
                )
                # One table per figure: a change's columns are its own.
                tables.append(FigureTable(start, row.end, columns, None, None, None, None, [row]))
        block = []
    return tables
