"""Running headers and footers of a text paged by form feeds, which comes with no page map to list them.

A text converted page by page (``pdftotext`` ends each page with a form feed) prints a running
footer or header on the last or first line of each page: the same words, the page number
changing ("Acme Holdings | ESG Report 2023 | 14"). Such a line is the printer's, no claim, and
its page number no figure. So the first or last line of a page is furniture when, its digits
ignored, it is the first or last line of three pages or more and holds a letter and a digit (a
line repeated word for word is found by the drafter's own rule). Lines inside a page are never
taken, however often they repeat there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kg.ingest.pagetext import Span

_MIN_PAGES = 3
_MAX_LENGTH = 160  # longer lines are paragraphs
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")


def _masked(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split())).casefold()


def _edge_lines(text: str, page: Span) -> list[tuple[Span, str]]:
    """The first and last non-blank lines of a page, as spans with their kind."""
    lines: list[Span] = []
    at = page.start
    for raw in text[page.start : page.end].split("\n"):
        body = raw.strip()
        if body:
            lead = at + len(raw) - len(raw.lstrip())
            lines.append(Span(lead, lead + len(body)))
        at += len(raw) + 1
    if not lines:
        return []
    edges = [(lines[0], "header")]
    if len(lines) > 1:
        edges.append((lines[-1], "footer"))
    return edges


def running_lines(text: str, pages: Sequence[Span]) -> tuple[Span, ...]:
    """The running headers and footers of ``text`` cut into ``pages``, as furniture spans in text order."""
    edges = [edge for page in pages for edge in _edge_lines(text, page)]
    keys = {
        (line.start, line.end, kind): _masked(body)
        for line, kind in edges
        if len(body := text[line.start : line.end]) <= _MAX_LENGTH and _LETTER.search(body) and _DIGITS.search(body)
    }
    counts = Counter((kind, key) for (_, _, kind), key in keys.items())
    return tuple(
        Span(start, end, kind) for (start, end, kind), key in sorted(keys.items()) if counts[(kind, key)] >= _MIN_PAGES
    )
