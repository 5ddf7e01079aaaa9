"""The pages of a report text: where each PDF page lies in ``report.txt`` and which lines are furniture.

A report converted from a PDF keeps, beside ``report.txt``, a page map ``pages.json``::

    {"source": "report.pdf",
     "pages": [{"page": 1, "start": 0, "end": 1234}, ...],
     "furniture": [{"start": 10, "end": 55, "kind": "header"}, ...]}

Offsets are code points into the text (as the selectors count them), ``end`` exclusive; the
pages are numbered 1, 2, 3 ... as the PDF orders them (the numbers RFC 3778 ``#page=N`` opens),
contiguous and covering the whole text; a page may be empty (a picture-only page). Furniture are
running headers, footers and page numbers on their own line: they are no claim and no section
heading. ``furniture`` may be left out (a page map without furniture).

The file is untrusted input like a claim sheet, so it is read under a size limit, strictly (exact
keys, integers that are no booleans, no duplicate keys, no NaN), and every problem is one line
naming pages.json and the entry. A text with form feeds (U+000C) and no page map gets its pages
from them: each form feed ends a page, as pdftotext writes them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from stat import S_ISREG
from typing import Any, Literal

from kg.errors import InputError
from kg.ingest.textfile import forbidden_char, read_text_file

PAGE_MAP = "pages.json"
# A page entry is some 40 bytes: 16 MiB allow some 400,000 pages, far more than any report,
# and refuse a file that would take the machine's memory before a single entry is checked.
MAX_BYTES = 16 * 1024 * 1024
# Offsets and page numbers are code-point counts: 20 digits is far past any text, and a
# longer digit string would cost Python quadratic time to convert.
MAX_DIGITS = 20
FILE_NAME_MAX = 255
FURNITURE_KINDS = ("header", "footer", "page-number")
FurnitureKind = Literal["header", "footer", "page-number"]


@dataclass(frozen=True)
class Page:
    """One page of the PDF: its number (1-based, in PDF order) and its span of the text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Furniture:
    """A running header, footer or page number: text of the page that is no part of the report's prose."""

    start: int
    end: int
    kind: FurnitureKind


@dataclass(frozen=True)
class PageMap:
    """The pages of a report text and its furniture; ``source`` is the PDF's file name (None for form feeds)."""

    source: str | None
    pages: tuple[Page, ...]
    furniture: tuple[Furniture, ...] = ()

    @cached_property
    def _filled(self) -> tuple[Page, ...]:
        return tuple(p for p in self.pages if p.start < p.end)

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self._filled]

    def page_at(self, offset: int) -> int:
        """The number of the page holding the code point at ``offset`` (empty pages hold none)."""
        return self._filled[max(bisect_right(self._starts, offset) - 1, 0)].number

    def furniture_in(self, start: int, end: int) -> Furniture | None:
        """The first furniture overlapping ``[start, end)``, or None."""
        return next((f for f in self.furniture if f.start < end and start < f.end), None)


def form_feed_pages(text: str) -> PageMap | None:
    """Pages from form feeds: each ``\\f`` ends its page; None when the text has none.

    What follows the last form feed is a page of its own unless it is only white space (a
    converter that ends every page with a form feed, and the file with a line break, makes no
    empty last page).
    """
    if "\f" not in text:
        return None
    ends = [i + 1 for i, char in enumerate(text) if char == "\f"]
    if text[ends[-1] :].strip():
        ends.append(len(text))
    else:
        ends[-1] = len(text)
    starts = [0, *ends[:-1]]
    return PageMap(None, tuple(Page(n, s, e) for n, (s, e) in enumerate(zip(starts, ends, strict=True), 1)))


def read_page_map(path: Path, text: str) -> PageMap:
    """Read and check ``pages.json`` against the text it maps (``text`` as read, BOM dropped)."""
    data = _load_json(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object with source, pages and furniture")
    _keys(path, "the page map", data, {"source", "pages"}, {"furniture"})
    source = data["source"]
    if not isinstance(source, str) or not _is_file_name(source):
        raise InputError(f"{path}: source: {_shown(source)} is not the file name of the PDF")
    pages = _pages(path, data["pages"], len(text))
    furniture = _furniture(path, data.get("furniture", []), pages)
    return PageMap(source, pages, furniture)


def _pages(path: Path, entries: Any, length: int) -> tuple[Page, ...]:
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: pages: expected a non-empty list of page entries")
    pages: list[Page] = []
    for i, entry in enumerate(entries):
        where = f"{path}: pages[{i}]"
        number, start, end = _ints(where, entry, ("page", "start", "end"))
        if number != i + 1:
            raise InputError(f"{where}: page {number} is out of order (expected page {i + 1})")
        expected = pages[-1].end if pages else 0
        if start != expected:
            gap = "overlaps the previous page" if start < expected else "leaves a gap after the previous page"
            raise InputError(f"{where}: start {start} {gap} (expected {expected})")
        if end < start:
            raise InputError(f"{where}: end {end} is before start {start}")
        if end > length:
            raise InputError(f"{where}: end {end} is past the end of the text ({length} characters)")
        pages.append(Page(number, start, end))
    if pages[-1].end != length:
        raise InputError(
            f"{path}: pages[{len(pages) - 1}]: the last page ends at {pages[-1].end}, "
            f"not at the end of the text ({length} characters)"
        )
    return tuple(pages)


def _furniture(path: Path, entries: Any, pages: tuple[Page, ...]) -> tuple[Furniture, ...]:
    if not isinstance(entries, list):
        raise InputError(f"{path}: furniture: expected a list of furniture entries")
    found: list[Furniture] = []
    for i, entry in enumerate(entries):
        where = f"{path}: furniture[{i}]"
        start, end = _ints(where, entry, ("start", "end"), extra=("kind",))
        kind = entry["kind"]
        if kind not in FURNITURE_KINDS:
            raise InputError(f"{where}: kind {_shown(kind)} is not one of {', '.join(FURNITURE_KINDS)}")
        if end <= start:
            raise InputError(f"{where}: end {end} is not after start {start}")
        if found and start < found[-1].end:
            raise InputError(f"{where}: start {start} is before the end of the previous furniture ({found[-1].end})")
        page = next((p for p in pages if p.start <= start < p.end), None)
        if page is None or end > page.end:
            raise InputError(f"{where}: {start}-{end} does not lie within one page")
        found.append(Furniture(start, end, kind))
    return tuple(found)


def _ints(where: str, entry: Any, names: tuple[str, ...], extra: tuple[str, ...] = ()) -> list[int]:
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected an object with {', '.join((*names, *extra))}")
    _keys(where, "the entry", entry, {*names, *extra}, set())
    values = []
    for name in names:
        value = entry[name]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"{where}: {name} {_shown(value)} is not a non-negative integer")
        values.append(value)
    return values


def _keys(where: Path | str, what: str, data: dict[str, Any], required: set[str], optional: set[str]) -> None:
    missing = sorted(required - data.keys())
    if missing:
        raise InputError(f"{where}: {what} lacks {', '.join(missing)}")
    unknown = sorted(data.keys() - required - optional)
    if unknown:
        raise InputError(f"{where}: unknown key {_shown(unknown[0])} in {what}")


def _is_file_name(name: str) -> bool:
    """A bare file name: it becomes a literal of the graph and a reader opens it beside report.txt."""
    return (
        0 < len(name) <= FILE_NAME_MAX
        and name.strip() == name
        and name not in (".", "..")
        and not any(c in name for c in "/\\")
        and forbidden_char(name) is None
        and "\n" not in name
        and "\r" not in name
        and "\t" not in name
    )


def _shown(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=True)
    return shown if len(shown) <= 60 else f"{shown[:50]}... ({len(shown)} characters)"


def _load_json(path: Path) -> Any:
    """Parse ``path`` as JSON under MAX_BYTES; NaN, Infinity, huge numbers and duplicate keys are refused."""
    try:
        status = path.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read page map: {exc.strerror or exc}") from None
    if not S_ISREG(status.st_mode):  # a directory, or a FIFO or device that reading would block on
        raise InputError(f"{path}: page map is not a regular file")
    size = status.st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: page map is {size} bytes, more than the limit of {MAX_BYTES}")
    text = read_text_file(path, "page map").removeprefix("\ufeff")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: malformed JSON: {exc.msg}") from None
    except _Refused as exc:
        raise InputError(f"{path}: malformed JSON: {exc.args[0]}") from None
    except RecursionError:
        raise InputError(f"{path}: malformed JSON: nested too deeply") from None


class _Refused(ValueError):
    """A value JSON allows but a page map never holds."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _Refused(f"duplicate key {_shown(key)}")
        data[key] = value
    return data


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number a page map holds")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Refused(f"a number of {len(digits)} digits is not an offset")
    return int(digits)


def without_furniture(text: str, pages: PageMap | None) -> str:
    """``text`` with its page furniture blanked out, offsets unchanged: what table readers read.

    A running footer printed as a row ("sample.example/esg<TAB>4") is a line of cells holding a
    digit, so a table reader would take it for a one-row table; it is the page's furniture, not
    the report's figures. Each furniture span becomes spaces, and a line left with nothing but
    white space (the tabs between furniture cells) becomes spaces too.
    """
    if pages is None or not pages.furniture:
        return text
    chars = list(text)
    for item in pages.furniture:
        for i in range(item.start, item.end):
            if chars[i] not in "\n\f":
                chars[i] = " "
    masked = "".join(chars)
    return re.sub(r"(?m)^[ \t]+$", lambda m: " " * len(m.group()), masked)
