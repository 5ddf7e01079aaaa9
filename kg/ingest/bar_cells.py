"""Cut the lines of a table printed with a vertical bar between its cells into those cells.

A report converted from Markdown, or typed as plain text, may print a table with a bar between
cells ("| Indicator | Unit | 2024 | 2023 |"), with or without bars at the line's ends, and with
or without a rule line under the header ("|---|---|", or a line of dashes alone). The bars are
the columns' boundaries, so such a table is the table a tab-separated conversion prints, with
"|" for the tab: the figure table reader reads it as one once its lines are cut here (a blank
cell stays in its column).

A bar is also a character of prose ("Annual Report | 2024", a running footer "Company | ESG
Report | 12"), so a line is cut only inside a block of two or more consecutive bar lines that
print as many cells each (a rule line joins the block whatever its cell count): a lone line with
a bar is left as it is.
"""

from __future__ import annotations

import re

# A rule line under a header: dashes (optionally colon-aligned) between bars, nothing else.
_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$|^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")


def is_rule(line: str) -> bool:
    """Whether ``line`` is the rule a Markdown table prints under its header ("|---|---|")."""
    return _RULE.match(line.strip()) is not None


# A rule of dashes alone, without bars, as a plain-text table prints under its header
# ("Indicator | Unit | 2024" over "------------------"): ruled across the whole table.
_PLAIN_RULE = re.compile(r"^-{3,}$")


# Two or more bars each set off by spaces ("Unit | 2024 | 2023"): cells, not a sentence.
_SPACED_BARS = re.compile(r"\S \| .*\S \| \S")


def is_bar_row(body: str) -> bool:
    """Whether a line's text, on its own, is a row of a bar table, never part of a paragraph:
    a line opening and closing with a bar around two or more cells, two or more bars set off
    by spaces, or a rule line. A sentence holding one bar ("Annual Report | 2024") is not."""
    line = body.strip()
    if is_rule(line):
        return True
    closed = len(line) > 2 and line.startswith("|") and line.endswith("|") and line.count("|") >= 3
    return closed or _SPACED_BARS.search(line) is not None


Span = tuple[str, int, int]  # a cell's text, stripped, and its code-point span in the whole text


def bar_cells(text: str, start: int, end: int) -> list[Span] | None:
    """The cells of the line ``text[start:end]`` cut at its bars, or None when it has fewer than
    two cells between bars."""
    line = text[start:end]
    if "|" not in line:
        return None
    parts: list[tuple[int, int]] = []
    at = 0
    for piece in line.split("|"):
        parts.append((at, at + len(piece)))
        at += len(piece) + 1
    if not line[: parts[0][1]].strip():
        parts = parts[1:]  # a bar opening the line
    if parts and not line[parts[-1][0] : parts[-1][1]].strip():
        parts = parts[:-1]  # a bar closing it
    if len(parts) < 2:
        return None
    cells = []
    for s, e in parts:
        piece = line[s:e]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        cells.append((body, start + s + lead, start + s + lead + len(body)))
    return cells


def _plain_rule_within(text: str, spans: list[tuple[int, int]], j: int, width: int | None) -> bool:
    """Whether line ``j`` is a rule of dashes alone with a bar line of ``width`` cells under it:
    the rule under the header of a bar table, which a dash line elsewhere (a page's rule) is not."""
    if _PLAIN_RULE.match(text[spans[j][0] : spans[j][1]].strip()) is None or j + 1 >= len(spans):
        return False
    below = bar_cells(text, *spans[j + 1])
    return below is not None and len(below) == width


def bar_rows(text: str, spans: list[tuple[int, int]]) -> tuple[dict[int, list[Span]], set[int]]:
    """The lines (by index in ``spans``) of bar-separated table blocks cut into their cells, and
    the indices of the blocks' rule lines, which hold no cell."""
    rows: dict[int, list[Span]] = {}
    rules: set[int] = set()
    i = 0
    while i < len(spans):
        block: list[int] = []
        ruled: set[int] = set()  # the block's rule lines
        width: int | None = None
        j = i
        while j < len(spans):
            s, e = spans[j]
            if block and (is_rule(text[s:e]) or _plain_rule_within(text, spans, j, width)):
                ruled.add(j)
                j += 1
                continue
            cells = bar_cells(text, s, e)
            if cells is None or (width is not None and len(cells) != width):
                break
            width = len(cells)
            block.append(j)
            j += 1
        if len(block) >= 2:
            for k in block:
                cells = bar_cells(text, *spans[k])
                assert cells is not None  # a cut line of the block has cells
                rows[k] = cells
            rules |= ruled
        i = max(j, i + 1)
    return rows, rules
