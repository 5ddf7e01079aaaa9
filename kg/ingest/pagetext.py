"""Lines of pages into one report text with its page map: paragraphs, repaired hyphens, page furniture.

The text csr-kg reads holds one paragraph a line, paragraphs apart by a blank line, table rows
on lines of their own (cells apart by tabs), as the bundled text is. So the printed lines of a
paragraph are joined again: two lines belong to one paragraph when they are in the same column
and the gap between them is less than ``_PARAGRAPH_GAP`` of a line's height; a table row (a line
with a tab) is never joined.

Hyphens at a line end (the rule, on purpose simple and without a dictionary): the hyphen is
dropped and the halves joined ("sustain-" + "ability" -> "sustainability") when the word before
it has at least two letters and no other hyphen and the next line starts with a lower-case
letter; otherwise the hyphen is kept and the halves are joined with no space ("year-on-" +
"year" -> "year-on-year", "COVID-" + "19" -> "COVID-19", "e-" + "commerce" -> "e-commerce").
A soft hyphen (U+00AD) at a line end is always dropped.

Running headers and footers: a line in the top two or bottom two rows of a page whose text,
with its digits ignored, is at one of those places on at least half of the pages (and on two
at least); a number alone (up to the page count and some front matter, so not a year on a cover) or "Page
3", "3 of 12", "iv" in those rows is a page number. They
stay in the text, each a paragraph of its own so that no quote runs into them, and are listed
as furniture spans so that sections and claims can leave them out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.ingest.layout import Line

_PARAGRAPH_GAP = 0.6
_ZONE_ROWS = 2
_FRONT_MATTER = 50  # pages a printed page number may run ahead of the PDF's page index
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I
)
_DROP_HYPHEN = re.compile(r"(?:^|\s)(?P<word>[^\s-]*[A-Za-z]{2})-$")


@dataclass(frozen=True)
class Span:
    """A stretch of the text: ``start`` and ``end`` (exclusive) code-point offsets, and what it is."""

    start: int
    end: int
    kind: str = ""


@dataclass(frozen=True)
class PagedText:
    """The text, the span of each page (in order, contiguous, covering it), and the furniture spans."""

    text: str
    pages: tuple[Span, ...]
    furniture: tuple[Span, ...]


def _key(text: str) -> str:
    """A line's text with digits ignored: running headers repeat, their page numbers differ."""
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def _zones(lines: list[Line]) -> dict[int, str]:
    """Indices of the lines in the top and bottom rows of a page: ``header`` or ``footer``."""
    tops = sorted({round(line.top) for line in lines})
    upper, lower = set(tops[:_ZONE_ROWS]), set(tops[-_ZONE_ROWS:])
    zones: dict[int, str] = {}
    for index, line in enumerate(lines):
        if round(line.top) in upper:
            zones[index] = "header"
        elif round(line.top) in lower:
            zones[index] = "footer"
    return zones


def _cells(line: Line) -> list[str]:
    return [" ".join(cell.split()) for cell in line.text.split("\t")]


def _is_page_number(text: str, pages: int) -> bool:
    """A page number: "3", "Page 3", "3 of 12", "- 3 -", "iv"; a number alone only up to the page
    count (and some front matter), so that a year alone on a cover ("2021") is not one."""
    if not _PAGE_NUMBER.match(text):
        return False
    bare = re.fullmatch(r"\d+", text)
    return bare is None or int(text) <= pages + _FRONT_MATTER


def furniture(pages: list[list[Line]]) -> list[dict[int, tuple[str, ...]]]:
    """For each page, its furniture lines by index, with each cell's kind: ``header``, ``footer`` or ``page-number``.

    A repeated line must hold a letter (numbers alone are page numbers or nothing). A footer
    row often holds a repeated text and the page number side by side (two cells): each
    cell is judged on its own, and the line is furniture when every cell is.
    """
    zones = [_zones(lines) for lines in pages]
    counts: Counter[tuple[str, str]] = Counter()
    for lines, zone in zip(pages, zones, strict=True):
        counts.update({(kind, _key(cell)) for index, kind in zone.items() for cell in _cells(lines[index])})
    least = max(2, (len(pages) + 1) // 2)
    found: list[dict[int, tuple[str, ...]]] = []
    for lines, zone in zip(pages, zones, strict=True):
        marks: dict[int, tuple[str, ...]] = {}
        for index, kind in zone.items():
            kinds = tuple(
                "page-number"
                if _is_page_number(cell, len(pages))
                else kind
                if counts[(kind, _key(cell))] >= least and re.search(r"[^\W\d_]", cell)
                else ""
                for cell in _cells(lines[index])
            )
            if all(kinds):
                marks[index] = kinds
        found.append(marks)
    return found


def join_lines(first: str, second: str) -> str:
    """Two printed lines of one paragraph as one (the hyphen rule of the module's docstring)."""
    if first.endswith("\u00ad"):
        return first[:-1] + second
    if first.endswith("-") and len(first) > 1 and not first[-2].isspace():
        match = _DROP_HYPHEN.search(first)
        if match and second[:1].islower():
            return first[:-1] + second
        return first + second
    return f"{first} {second}"


def _same_paragraph(above: Line, below: Line) -> bool:
    if "\t" in above.text or "\t" in below.text:
        return False
    if (above.block, above.column) != (below.block, below.column) and (above.column or below.column):
        return False
    gap = below.top - above.bottom
    return gap + 0.5 >= 0 and gap < _PARAGRAPH_GAP * max(above.height, 1.0)


def _page_paragraphs(lines: list[Line], marks: dict[int, tuple[str, ...]]) -> list[tuple[str, tuple[str, ...], bool]]:
    """The page's paragraphs in order: (text, furniture kinds of its cells or (), is a table row)."""
    paragraphs: list[tuple[str, tuple[str, ...], bool]] = []
    previous: Line | None = None
    for index, line in enumerate(lines):
        text = "\t".join(re.sub(r" {2,}", " ", cell.strip()) for cell in line.text.split("\t"))
        kind = marks.get(index, ())
        joinable = previous is not None and not kind and paragraphs and not paragraphs[-1][1]
        if joinable and previous is not None and _same_paragraph(previous, line):
            paragraphs[-1] = (join_lines(paragraphs[-1][0], text), (), False)
        else:
            paragraphs.append((text, kind, "\t" in text))
        previous = line
    return paragraphs


def assemble(pages: list[list[Line]]) -> PagedText:
    """One text for all pages, with the page map and the furniture spans (see the module's docstring)."""
    marks = furniture(pages)
    parts: list[str] = []
    page_spans: list[Span] = []
    furniture_spans: list[Span] = []
    at = 0
    for number, (lines, page_marks) in enumerate(zip(pages, marks, strict=True), start=1):
        start: int | None = None
        previous_row = False
        for text, kind, is_row in _page_paragraphs(lines, page_marks):
            if parts:
                separator = "\n" if is_row and previous_row else "\n\n"
                parts.append(separator)
                at += len(separator)
            start = at if start is None else start
            cell_at = at
            for cell, cell_kind in zip(text.split("\t"), kind, strict=False):
                furniture_spans.append(Span(cell_at, cell_at + len(cell), cell_kind))
                cell_at += len(cell) + 1
            parts.append(text)
            at += len(text)
            previous_row = is_row
        page_spans.append(Span(at if start is None else start, at, str(number)))
    text = "".join(parts) + "\n"
    return PagedText(text=text, pages=contiguous(page_spans, len(text)), furniture=tuple(furniture_spans))


def contiguous(spans: list[Span], length: int) -> tuple[Span, ...]:
    """Page spans that meet: the separator after a page's last line belongs to that page."""
    fixed: list[Span] = []
    for index, span in enumerate(spans):
        start = 0 if index == 0 else fixed[-1].end
        end = length if index == len(spans) - 1 else max(start, _next_start(spans, index + 1, length))
        fixed.append(Span(start, end, span.kind))
    return tuple(fixed)


def _next_start(spans: list[Span], index: int, length: int) -> int:
    """Where the next page with text begins (an empty page has no start of its own)."""
    for span in spans[index:]:
        if span.end > span.start:
            return span.start
    return length
