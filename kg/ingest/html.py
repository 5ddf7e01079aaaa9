"""The text of an HTML report: block elements to paragraphs, tables to tab-separated rows.

The standard library's :class:`html.parser.HTMLParser` reads the markup as a flat stream of
tags (it builds no tree and never recurses, so nesting a million levels deep costs nothing
more than its length) and fetches nothing: images, style sheets, scripts, frames and links are
never loaded. The content of ``script``, ``style``, ``template``, ``noscript``, ``iframe``,
``object``, ``svg`` and ``head`` elements is dropped; so are comments. Whitespace collapses as a
browser collapses it; ``pre`` keeps its lines. ``&nbsp;`` stays U+00A0, as the PDF and text readers
keep it.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

_DROPPED = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "head", "title"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "tfoot", "thead", "ul",
    }
)  # fmt: skip
_BREAK = "\x00"  # where a <br> was (NUL cannot be in the text: it is removed from the data)
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space (not NBSP)


class _TextParser(HTMLParser):
    """Collects paragraphs (and table rows, cells apart by tabs) from the tag stream."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, bool]] = []  # (text, is a table row)
        self.title = ""
        self._buffer: list[str] = []
        self._cells: list[str] | None = None  # the cells of the open table row
        self._dropped = 0  # depth inside dropped elements
        self._pre = 0
        self._in_title = False
        self._in_cell = False

    # the parser's callbacks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._in_title = tag == "title"
            self._dropped += 1
            return
        if self._dropped:
            return
        if tag == "br":
            self._buffer.append(_BREAK)
        elif tag == "tr":
            self._end_row()
            self._flush()
            self._cells = []
        elif tag in ("td", "th"):
            if self._cells is None:  # a cell outside any row: the row starts here
                self._flush()
                self._cells = []
            self._end_cell()
            self._in_cell = True
        elif tag in _BLOCKS:
            self._flush()
            self._pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropped = max(0, self._dropped - 1)
            self._in_title = False
            return
        if self._dropped:
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag in _BLOCKS:
            if tag == "table":
                self._end_row()
            self._flush()
            self._pre = max(0, self._pre - (tag == "pre"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._dropped and tag not in _DROPPED:
            self.handle_starttag(tag, attrs)
            if tag not in _VOID:
                self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._dropped:
            self._buffer.append(data.replace(_BREAK, ""))

    # collecting

    def _text(self) -> str:
        raw = "".join(self._buffer)
        self._buffer = []
        if self._pre:
            return raw.replace(_BREAK, "\n").strip("\n")
        return "\n".join(_SPACE.sub(" ", piece).strip() for piece in raw.split(_BREAK)).strip()

    def _flush(self) -> None:
        """End the paragraph being collected (inside a table cell, a block only adds a space)."""
        if self._cells is not None:
            self._buffer.append(" ")
            return
        text = self._text()
        for piece in [text] if self._pre else text.split("\n"):
            if piece.strip():
                self.paragraphs.append((piece, False))

    def _end_cell(self) -> None:
        if self._in_cell and self._cells is not None:
            self._cells.append(" ".join(self._text().split()))
        self._buffer = []
        self._in_cell = False

    def _end_row(self) -> None:
        if self._cells is None:
            return
        self._end_cell()
        cells, self._cells = self._cells, None
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            self.paragraphs.append(("\t".join(cells), True))

    def close(self) -> None:
        super().close()
        self._end_row()
        self._flush()


class TooSlow(Exception):
    """Parsing ran past its time (html.parser takes some 10-20 microseconds a tag)."""


_CHUNK = 1 << 16


def html_text(markup: str, seconds: float = 120.0) -> tuple[str, str]:
    """The text of ``markup`` (paragraphs apart by blank lines, table rows by line breaks) and its <title>.

    The markup is fed in chunks and the clock checked between them: :class:`TooSlow` after
    ``seconds``.
    """
    parser = _TextParser()
    deadline = time.monotonic() + seconds
    for at in range(0, len(markup), _CHUNK):
        parser.feed(markup[at : at + _CHUNK])
        if time.monotonic() > deadline:
            raise TooSlow(f"parsing the HTML took more than {seconds:g} s")
    parser.close()
    parts: list[str] = []
    previous_row = False
    for text, is_row in parser.paragraphs:
        if parts:
            parts.append("\n" if is_row and previous_row else "\n\n")
        parts.append(text)
        previous_row = is_row
    return "".join(parts), " ".join(parser.title.split())
