"""Find the tab-separated tables of a report text that hold no figures, and read them.

Reports converted to text keep table cells apart with tabs, or print a bar between them
(:mod:`kg.ingest.bar_cells`). Two kinds of table are read here,
recognised by their shape and header words rather than by any one report's wording (figure
tables are read by :mod:`kg.ingest.figure_tables`):

* the stakeholder table: a header whose first cell names stakeholders, one group per row, its
  cells continued on following lines whose first cell is empty (or goes on in lower case: a
  group's name wrapped, "Lenders and" over "bondholders"); printed with tabs, bars, or
  columns of text aligned under the header's words with runs of spaces between;
* the awards table: a header with an award column and an organiser column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.ingest.bar_cells import bar_cells, is_bar_row


@dataclass(frozen=True)
class Cell:
    """One cell: its text and code-point span in the report."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Line:
    """One line of a table, split at tabs."""

    cells: tuple[Cell, ...]
    start: int
    end: int


@dataclass(frozen=True)
class StakeholderRow:
    """One stakeholder group's row: the group, and the cells of its other two columns."""

    group: Cell
    expectations: tuple[Cell, ...]
    channels: tuple[Cell, ...]
    start: int
    end: int


@dataclass(frozen=True)
class AwardRow:
    """One award: who won it (carried down from the row above when blank), what, and from whom."""

    winner: str
    award: Cell
    organiser: Cell
    start: int
    end: int


def _split(text: str, start: int, end: int) -> Line:
    line = text[start:end]
    if "\t" not in line and is_bar_row(line) and (barred := bar_cells(text, start, end)) is not None:
        return Line(tuple(Cell(*cell) for cell in barred), start, end)  # "| Group | Expectations |"
    cells: list[Cell] = []
    at = start
    for part in text[start:end].split("\t"):
        cells.append(Cell(part.strip(), at + (len(part) - len(part.lstrip())), at + len(part.rstrip())))
        at += len(part) + 1
    return Line(tuple(cells), start, end)


def _running_heads(text: str) -> set[str]:
    """Page furniture: upper-case lines repeated on several pages."""
    counts = Counter(line.strip() for line in text.splitlines())
    return {line for line, n in counts.items() if n >= 3 and line and line == line.upper()}


def _lines(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def _table_after(text: str, header_at: int, header: str) -> list[Line]:
    """Lines of the table whose header line starts at ``header_at``, across page breaks.

    The table goes on while lines hold tabs; blank lines, running heads and a repeated header
    line are skipped; the first other line ends it.
    """
    heads = _running_heads(text)
    rows: list[Line] = []
    for start, end in _lines(text):
        if start <= header_at:
            continue
        line = text[start:end]
        if not line.strip() or line.strip() in heads or line == header:
            continue
        if "\t" not in line and not is_bar_row(line):
            break
        rows.append(_split(text, start, end))
    return rows


def _headers(text: str) -> list[tuple[int, str, list[str]]]:
    found = []
    seen: set[str] = set()
    for start, end in _lines(text):
        line = text[start:end]
        tabbed = line.count("\t") >= 2
        if line in seen or not (tabbed or is_bar_row(line)):
            continue  # prose: not split into cells
        cells = [c.text.lower() for c in _split(text, start, end).cells]
        if tabbed or len(cells) >= 3:
            seen.add(line)
            found.append((start, line, cells))
    return found


# Runs of two or more spaces between the words of a line: the gaps of a table aligned with spaces.
_GAP = re.compile(r" {2,}")


def _aligned_headers(text: str) -> list[tuple[int, str, list[int]]]:
    """Header lines of tables aligned with spaces ("Stakeholders   Concerns   How we engage"):
    no tab or bar, three cells or more apart with runs of spaces; each with where its cells
    start in the line."""
    found = []
    for start, end in _lines(text):
        line = text[start:end]
        if "\t" in line or is_bar_row(line) or not line[:1].strip():
            continue
        body = line.rstrip()
        starts = [0, *(m.end() for m in _GAP.finditer(body))]
        if len(starts) >= 3:
            found.append((start, line, starts))
    return found


# A cell of a line aligned with spaces: words one space apart.
_RUN = re.compile(r"\S+(?: \S+)*")
# How far a cell may start from its column's start under the header (typing slips by a space or two).
_SLACK = 3


def _aligned_table_after(text: str, header_at: int, starts: list[int]) -> list[Line]:
    """Lines of the table aligned with spaces whose header starts at ``header_at``, each cell in
    the column whose start under the header it starts nearest to, up to the first blank line
    or the first line with a cell under no column (a line of prose)."""
    rows: list[Line] = []
    for start, end in _lines(text):
        if start <= header_at:
            continue
        line = text[start:end]
        if not line.strip():
            break
        placed: dict[int, Cell] = {}
        for m in _RUN.finditer(line):
            column = min(range(len(starts)), key=lambda k: abs(starts[k] - m.start()))
            if abs(starts[column] - m.start()) > _SLACK or column in placed:
                return rows
            placed[column] = Cell(m.group(), start + m.start(), start + m.end())
        cells = tuple(placed.get(k, Cell("", start, start)) for k in range(len(starts)))
        rows.append(Line(cells, start, end))
    return rows


def stakeholder_rows(text: str) -> list[StakeholderRow]:
    """Rows of every table whose first header cell names stakeholders."""
    rows: list[StakeholderRow] = []
    tabled = [
        (at, cells, _table_after(text, at, header))
        for at, header, cells in _headers(text)
        if len(cells) >= 3 and "stakeholder" in cells[0]
    ]
    aligned = [
        (at, cells, _aligned_table_after(text, at, starts))
        for at, header, starts in _aligned_headers(text)
        if "stakeholder" in (cells := [c.lower() for c in _GAP.split(header.strip())])[0]
    ]
    for _, cells, lines in sorted([*tabled, *aligned], key=lambda table: table[0]):
        # The expectations and the channels, by the header's words, else in that order.
        channels_at = next((k for k, c in enumerate(cells) if k and "channel" in c), 2)
        expectations_at = next((k for k, c in enumerate(cells) if k and k != channels_at and "expect" in c), 1)
        current: list[Line] = []
        for line in [*lines, None]:
            if current and (line is None or _opens_group(line)):  # a header with no row under it ends nothing
                rows.append(
                    StakeholderRow(
                        group=_group(current),
                        expectations=_column(current, expectations_at),
                        channels=_column(current, channels_at),
                        start=current[0].start,
                        end=current[-1].end,
                    )
                )
                current = []
            if line is not None:
                current.append(line)
    return rows


def _opens_group(line: Line) -> bool:
    """Whether a line of a stakeholder table opens the next group: its first cell printed and
    not going on in lower case from the group's name above ("Lenders and" / "bondholders")."""
    first = line.cells[0].text
    return bool(first) and not first[:1].islower()


def _group(lines: list[Line]) -> Cell:
    """A group's name, over the lines it is printed on, spanning them."""
    parts = [line.cells[0] for line in lines if line.cells and line.cells[0].text]
    return Cell(" ".join(p.text for p in parts), parts[0].start, parts[-1].end)


def _column(lines: list[Line], index: int) -> tuple[Cell, ...]:
    return tuple(line.cells[index] for line in lines if len(line.cells) > index and line.cells[index].text)


def _two_column_headers(text: str) -> list[tuple[int, str, list[str]]]:
    """Header lines of two cells a tab parts ("Award<TAB>Organiser"), which :func:`_headers`,
    reading tables of three columns or more, leaves as prose."""
    found = []
    for start, end in _lines(text):
        line = text[start:end]
        if line.count("\t") == 1 and all(c.strip() for c in line.split("\t")):
            found.append((start, line, [c.text.lower() for c in _split(text, start, end).cells]))
    return found


def award_rows(text: str) -> list[AwardRow]:
    """Rows of every table with an award column and an organiser column. A table whose award
    column comes first names no winner: the winner is the reporting company (``winner`` "")."""
    rows: list[AwardRow] = []
    for at, header, cells in [*_headers(text), *_two_column_headers(text)]:
        award_col = next((i for i, c in enumerate(cells) if "award" in c), None)
        org_col = next((i for i, c in enumerate(cells) if re.search(r"organi[sz]er", c)), None)
        if award_col is None or org_col is None:
            continue
        winner = ""
        for line in _table_after(text, at, header):
            if len(line.cells) <= max(award_col, org_col):
                continue
            if all(len(c.text.split()) == 1 for c in line.cells if c.text):
                break  # "Partner<TAB>Programme": the next table's header, of one word a column
            if award_col > 0 and line.cells[0].text:
                winner = line.cells[0].text
            rows.append(AwardRow(winner, line.cells[award_col], line.cells[org_col], line.start, line.end))
    return rows
