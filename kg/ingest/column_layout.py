"""Find the columns of a table whose cells are kept apart by runs of spaces, by character position.

A layout-keeping PDF conversion or a plain-text filing prints a table's columns aligned by
character position rather than apart with tabs: numbers right-aligned under their header, a
label holding single spaces ("Scope 1 emissions"), a cell left blank, a header word printed on
a line of its own above the rest of the header ("%" over "change"). Split at runs of two or more
spaces line by line, a blank cell vanishes and the cells after it shift left, under the wrong
year. So the lines of a block (consecutive lines, no tab, no blank line) are read together:

* each line is cut into segments at runs of two or more spaces (a segment of figures printed one
  space apart, "141,671.6 143,513.8", is cut at its spaces too);
* a line's first segment is its label when it is no figure; the others are values;
* a column is a stretch of character positions covered by the value segments of the block's
  figure rows (a label and a value, or two values): overlapping segments are one column;
* every line of the block with a segment right of the labels is then cut by those columns: its
  label (or an empty label), and one cell per column, empty where nothing is printed; figures
  at the end of a label that reach into a column (a long label printed one space short of its
  first figure) are cut off it.

When a block's figure rows do not line up (a row with two values in one column, or a figure row
with a segment lying among the labels after its own label), its parts between lines of one
segment (the page number and running head of a page break inside a table, a heading) are read
on their own; a part that does not line up either is left as split line by line. Lines that do
not fit their block's columns (a header spanning two columns, "Year ended 31 December"; prose
with a double space) are left so too.

Every cell keeps its code-point span in the text; an empty cell is an empty span where its column
begins (the line's start for the labels, the line's end when the line stops short of the column).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.ingest.tables import Cell

_GAP = re.compile(r" {2,}")
# A line that may be a figure row: a gap of two or more spaces inside it, or figures one space apart.
_ROW_LIKE = re.compile(r"\S {2,}\S|^[\d.,()%+−–—-]+(?: [\d.,()%+−–—-]+)+$")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class _Segment:
    """Text between runs of two or more spaces: its columns from the line's start, its span."""

    left: int
    right: int
    cell: Cell


@dataclass(frozen=True)
class AlignedLine:
    """One line cut by its block's columns: the label cell, then one cell per column."""

    cells: tuple[Cell, ...]
    figures: bool  # a figure row of the block (its columns were found from such rows)


def _segments(text: str, start: int, end: int, is_figure: Callable[[str], bool]) -> list[_Segment]:
    raw = text[start:end]
    found: list[_Segment] = []
    pos = 0
    for m in [*_GAP.finditer(raw), None]:
        stop = m.start() if m else len(raw)
        part = raw[pos:stop]
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        if body:
            words = list(_WORD.finditer(body))
            pieces = words if len(words) > 1 and all(is_figure(w.group()) for w in words) else [None]
            for w in pieces:
                s, e = (w.start(), w.end()) if w else (0, len(body))
                left = pos + lead + s
                found.append(_Segment(left, left + e - s, Cell(body[s:e], start + left, start + left + e - s)))
        if m:
            pos = m.end()
    return found


def _label(segments: list[_Segment], is_figure: Callable[[str], bool]) -> bool:
    """Whether the line's first segment is a label: it is no figure."""
    return bool(segments) and not is_figure(segments[0].cell.text)


def _values(segments: list[_Segment], is_figure: Callable[[str], bool]) -> list[_Segment]:
    """The line's value segments: all but its label."""
    return segments[1:] if _label(segments, is_figure) else segments


def _is_figure_row(segments: list[_Segment], is_figure: Callable[[str], bool]) -> bool:
    return len(segments) >= 2 and any(is_figure(s.cell.text) for s in _values(segments, is_figure))


def _columns(rows: list[list[_Segment]], is_figure: Callable[[str], bool]) -> list[tuple[int, int]] | None:
    """The stretches of positions the figure rows' values cover, left to right; None when a row
    prints two values in one stretch (its columns do not line up with the others')."""
    spans = sorted((s.left, s.right) for row in rows for s in _values(row, is_figure))
    columns: list[tuple[int, int]] = []
    for left, right in spans:
        if columns and left <= columns[-1][1]:
            columns[-1] = (columns[-1][0], max(columns[-1][1], right))
        else:
            columns.append((left, right))
    for row in rows:
        taken = [_column_of(s, columns) for s in _values(row, is_figure)]
        if len(set(taken)) != len(taken):
            return None
    return columns


def _column_of(segment: _Segment, columns: list[tuple[int, int]]) -> int | None:
    """The one column a segment overlaps; else, when it overlaps none, the nearest one; None when
    it overlaps two or more (a header spanning columns)."""
    overlapping = [k for k, (lo, hi) in enumerate(columns) if segment.left < hi and lo < segment.right]
    if len(overlapping) == 1:
        return overlapping[0]
    if overlapping:
        return None
    distance = [min(abs(segment.left - hi), abs(lo - segment.right)) for lo, hi in columns]
    return distance.index(min(distance))


def _cut(
    start: int,
    end: int,
    segments: list[_Segment],
    columns: list[tuple[int, int]],
    is_figure: Callable[[str], bool],
    margin: int | None = None,
) -> tuple[Cell, ...] | None:
    """A line's cells by the block's columns, or None when it does not fit them.

    A first segment that reaches into the first column is the line's label only when it starts
    where the figure rows' labels start (``margin``, their deepest indentation): a header word
    printed over narrow right-aligned figures ("FY2023" over "0", "38", "612") starts right of
    the labels and is the first column's header, not a label."""
    first = columns[0][0]
    label = segments[0] if _label(segments, is_figure) and segments[0].left < first else None
    if label is not None and margin is not None and label.right > first and label.left > margin:
        label = None
    values = segments[1:] if label else segments
    if any(s.right <= first for s in values):
        return None  # a second segment among the labels: prose, or a title cut by a double space
    cells: list[Cell | None] = [None] * len(columns)
    for segment in values:
        k = _column_of(segment, columns)
        if k is None or cells[k] is not None:
            return None
        cells[k] = segment.cell
    head = label.cell if label else Cell("", start, start)
    blank = [Cell("", start + min(lo, end - start), start + min(lo, end - start)) for lo, _ in columns]
    return (head, *(c if c is not None else blank[k] for k, c in enumerate(cells)))


def aligned_lines(text: str, spans: list[tuple[int, int]], is_figure: Callable[[str], bool]) -> dict[int, AlignedLine]:
    """The lines (by index in ``spans``) of every space-aligned block of ``text``, cut by the
    block's columns; lines of blocks whose rows do not line up, and lines holding a tab, are
    not listed (they are split line by line)."""
    found: dict[int, AlignedLine] = {}
    block: list[int] = []
    for i in [*range(len(spans)), None]:
        line = text[spans[i][0] : spans[i][1]] if i is not None else ""
        if i is not None and line.strip() and "\t" not in line and "\f" not in line:
            block.append(i)
            continue
        found.update(_block(text, spans, block, is_figure))
        block = []
    return found


def _unglue(
    segments: list[_Segment], columns: list[tuple[int, int]], is_figure: Callable[[str], bool]
) -> list[_Segment]:
    """A label printed one space short of its first figures ("Waste chemicals (tonnes) 41.4"):
    the figures at its end that lie within a column, apart from it."""
    if not _label(segments, is_figure):
        return segments
    label, rest = segments[0], segments[1:]
    words = list(_WORD.finditer(label.cell.text))
    glued: list[_Segment] = []
    while len(words) > 1 and is_figure(words[-1].group()):
        w = words[-1]
        left, right = label.left + w.start(), label.left + w.end()
        inside = [lo for lo, hi in columns if lo < right and left < hi]
        if not inside or label.left + words[-2].end() >= inside[0]:
            break
        at = label.cell.start + w.start()
        glued.insert(0, _Segment(left, right, Cell(w.group(), at, at + len(w.group()))))
        words.pop()
    if not glued:
        return segments
    end = words[-1].end()
    head = _Segment(label.left, label.left + end, Cell(label.cell.text[:end], label.cell.start, label.cell.start + end))
    return [head, *glued, *rest]


def _block(
    text: str, spans: list[tuple[int, int]], block: list[int], is_figure: Callable[[str], bool]
) -> dict[int, AlignedLine]:
    if sum(1 for i in block if _ROW_LIKE.search(text[spans[i][0] : spans[i][1]].strip())) < 2:
        return {}  # prose: no two lines that may be figure rows
    segments = {i: _segments(text, *spans[i], is_figure) for i in block}
    rows = [i for i in block if _is_figure_row(segments[i], is_figure)]
    if len(rows) < 2:
        return {}
    columns = _columns([segments[i] for i in rows], is_figure)
    found = _cut_block(spans, block, segments, set(rows), columns, is_figure) if columns is not None else None
    return found if found is not None else _by_parts(text, spans, block, segments, is_figure)


def _cut_block(
    spans: list[tuple[int, int]],
    block: list[int],
    segments: dict[int, list[_Segment]],
    rows: set[int],
    columns: list[tuple[int, int]],
    is_figure: Callable[[str], bool],
) -> dict[int, AlignedLine] | None:
    """The block's lines cut by its columns; None when a figure row does not fit them."""
    found: dict[int, AlignedLine] = {}
    lefts = [segments[i][0].left for i in rows if _label(segments[i], is_figure)]
    margin = max(lefts) if lefts else None
    for i in block:
        segs = _unglue(segments[i], columns, is_figure)
        if not segs or (len(segs) == 1 and segs[0].left < columns[0][0]):
            continue  # a label alone, or a line of prose: one cell, as split line by line
        cells = _cut(*spans[i], segs, columns, is_figure, margin)
        if cells is None and i in rows:
            return None
        if cells is not None:
            found[i] = AlignedLine(cells, _is_figure_row(segs, is_figure))
    return found


def _by_parts(
    text: str,
    spans: list[tuple[int, int]],
    block: list[int],
    segments: dict[int, list[_Segment]],
    is_figure: Callable[[str], bool],
) -> dict[int, AlignedLine]:
    """A block whose rows do not line up as one, read in parts between its one-segment lines
    (a page number and running head inside a table, a heading over some of its rows): each
    part's rows may line up on their own."""
    parts: list[list[int]] = [[]]
    for i in block:
        if len(segments[i]) <= 1:
            parts.append([])
        else:
            parts[-1].append(i)
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return {}
    found: dict[int, AlignedLine] = {}
    for part in parts:
        found.update(_block(text, spans, part, is_figure))
    return found
