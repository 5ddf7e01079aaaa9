"""Put a page's text lines in reading order: rows, two-column blocks, table cells apart with tabs.

The input is what PDF layout analysis gives (pdfminer.six): horizontal runs of characters
("fragments") with their boxes. A run ends where the gap to the next character is wider than
two character widths, which happens between table cells and between the columns of a
two-column page. Here fragments sharing a baseline form a row; a stretch of consecutive rows
that leaves a vertical strip near the middle of the page free is two columns when the
fragments on both sides of the strip fill their side (prose), and read left column first; a
row of narrow cells (a table: labels beside figures) stays one line, its cells joined by tabs.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

# Where a column gutter may lie, as fractions of the page width, and how wide it must be (pt).
_GUTTER_BAND = (0.25, 0.75)
_MIN_GUTTER = 6.0
# A side of a gutter is a column of prose when its fragments' median width fills this share
# of the space between the gutter and the side's outer edge; table cells fill far less.
_FILL = 0.6
_MIN_COLUMN_ROWS = 3


@dataclass(frozen=True)
class Fragment:
    """A horizontal run of text and its box, in points from the page's top-left corner."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass(frozen=True)
class Page:
    """One page: its number (from 1), size and text fragments."""

    number: int
    width: float
    height: float
    fragments: tuple[Fragment, ...]


@dataclass(frozen=True)
class Line:
    """A line in reading order: its text (table cells joined by tabs), box, and its column.

    ``column`` is 0 outside two-column blocks, else 1 (left) or 2 (right), numbered per block
    with ``block`` so that lines of different columns are never joined into one paragraph.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    block: int = 0
    column: int = 0

    @property
    def height(self) -> float:
        return self.bottom - self.top


def rows(fragments: list[Fragment] | tuple[Fragment, ...]) -> list[list[Fragment]]:
    """Fragments grouped by baseline, top to bottom, each row left to right.

    A fragment joins a row when its vertical middle lies within the row's first fragment.
    """
    grouped: list[list[Fragment]] = []
    for fragment in sorted(fragments, key=lambda f: (f.top, f.x0)):
        middle = (fragment.top + fragment.bottom) / 2
        if grouped and grouped[-1][0].top <= middle <= grouped[-1][0].bottom:
            grouped[-1].append(fragment)
        else:
            grouped.append([fragment])
    return [sorted(row, key=lambda f: f.x0) for row in grouped]


def _free(row: list[Fragment], band: tuple[float, float]) -> list[tuple[float, float]]:
    """The stretches of ``band`` no fragment of ``row`` covers."""
    free = [band]
    for fragment in row:
        free = [
            piece
            for lo, hi in free
            for piece in ((lo, min(hi, fragment.x0)), (max(lo, fragment.x1), hi))
            if piece[1] - piece[0] > 0
        ]
    return free


def _intersect(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [
        (max(lo1, lo2), min(hi1, hi2))
        for lo1, hi1 in a
        for lo2, hi2 in b
        if min(hi1, hi2) - max(lo1, lo2) >= _MIN_GUTTER
    ]


def _runs(
    page_rows: list[list[Fragment]], width: float
) -> list[tuple[list[list[Fragment]], tuple[float, float] | None]]:
    """Consecutive rows that share a free strip near the middle, with the widest such strip."""
    band = (width * _GUTTER_BAND[0], width * _GUTTER_BAND[1])
    runs: list[tuple[list[list[Fragment]], list[tuple[float, float]]]] = []
    for row in page_rows:
        free = [piece for piece in _free(row, band) if piece[1] - piece[0] >= _MIN_GUTTER]
        if runs and runs[-1][1] and (shared := _intersect(runs[-1][1], free)):
            runs[-1][0].append(row)
            runs[-1] = (runs[-1][0], shared)
        else:
            runs.append(([row], free))
    return [(run, max(free, key=lambda p: p[1] - p[0]) if free else None) for run, free in runs]


def _is_two_columns(run: list[list[Fragment]], gutter: tuple[float, float]) -> bool:
    """Prose on both sides of the gutter: enough rows, and fragments that fill their side."""
    if len(run) < _MIN_COLUMN_ROWS:
        return False
    middle = (gutter[0] + gutter[1]) / 2
    left = [f for row in run for f in row if f.x1 <= middle]
    right = [f for row in run for f in row if f.x0 >= middle]
    if len(left) < _MIN_COLUMN_ROWS or len(right) < _MIN_COLUMN_ROWS:
        return False
    left_span = middle - min(f.x0 for f in left)
    right_span = max(f.x1 for f in right) - middle
    left_fill = statistics.median(f.x1 - f.x0 for f in left) / left_span
    right_fill = statistics.median(f.x1 - f.x0 for f in right) / right_span
    return left_fill >= _FILL and right_fill >= _FILL


def _line(row: list[Fragment], block: int = 0, column: int = 0) -> Line:
    return Line(
        text="\t".join(f.text for f in row),
        x0=min(f.x0 for f in row),
        x1=max(f.x1 for f in row),
        top=min(f.top for f in row),
        bottom=max(f.bottom for f in row),
        block=block,
        column=column,
    )


def reading_order(page: Page) -> list[Line]:
    """The page's lines in reading order (see the module's docstring)."""
    ordered: list[Line] = []
    for block, (run, gutter) in enumerate(_runs(rows(page.fragments), page.width), start=1):
        if gutter is not None and _is_two_columns(run, gutter):
            middle = (gutter[0] + gutter[1]) / 2
            for column in (1, 2):
                for row in run:
                    cells = [f for f in row if (f.x1 <= middle if column == 1 else f.x0 >= middle)]
                    if cells:
                        ordered.append(_line(cells, block, column))
        else:
            ordered.extend(_line(row) for row in run)
    return ordered
