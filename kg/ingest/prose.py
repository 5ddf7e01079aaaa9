"""Read hard-wrapped prose as it was written: each paragraph one logical line, offsets kept.

Many reports (PDF-to-text conversions, plain-text filings) print each paragraph hard-wrapped at
some 70-100 characters, so a sentence, a name ("Environmental, Social and\\nGovernance
Committee"), a figure and its scale word ("RMB 14.63\\nbillion") or a law's chapter ("Cap.\\n57")
may cross a line break, and a word may be hyphenated at a line end ("environ-\\nmental"). The
number reader does not read over a line break, rightly: a highlight box prints a year over a sum
("2021\\nRMB 46.7 million"), a table a cell per line. The prose view is the text with the line
breaks *inside* a paragraph read as spaces, so that the readers of figures, sentences and names
read one logical line per paragraph, and it maps every offset back to the text as printed: a
drafted quote is always the printed text at its offsets (it may hold the printed line break).

A line break is a wrap, and is joined, when the line before it was filled to the margin (the next
line's first word would not have fitted on it, at the text's wrap width; or it is nearly as long
as that and the next line goes on in lower case), and neither line ends the paragraph by what it
is: a blank line, a form feed, page furniture (the page map's, a line printed three times or
more, a page number), a table row (cells apart by a tab or a run of spaces), a bullet or list
item opening the next line, a next line indented deeper (a new paragraph; a bullet's hanging
indent goes on), or a heading (short, no final punctuation, opening in a capital or a digit)
after a line that ends a sentence. A text whose lines are whole paragraphs is no wrapped text
(few of its lines end near one margin), and nothing in it is joined.

A hyphen ending a joined line before a lower-case letter is a soft hyphen, and the view joins the
word ("environmental"), unless the text prints the hyphenated compound elsewhere, or prints no
joined word and the part before the hyphen is a prefix English writes with one ("non-hazardous",
"co-operation"): then the hyphen stays ("non-hazardous").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.ingest.bar_cells import is_bar_row
from kg.ingest.quantities import Mention

# A bullet or list item's mark at the start of a line: "•", "-", "(a)", "1)", "2." (not "2.5").
BULLET = re.compile(r"^(?P<mark>[•·▪●◦‣►■□✓\-–—*]|\(?[a-z]\)|\(?\d{1,2}\)|\d{1,2}\.(?!\d))[ \t]+(?=\S)")
# Cells apart by a tab or a run of spaces: a table row, never part of a paragraph.
TABLE_CELLS = re.compile(r"\S(?:\t| {2,})\S")


# A line that only rules a table off ("-------", "======"): no text, and no paragraph runs through it.
RULE = re.compile(r"^[-=_─━]{3,}$")


def is_table_row(body: str) -> bool:
    """Whether a line's text is a table row: cells apart by a tab or a run of spaces, beyond
    the run a bullet's mark may print before its text ("-   reduce emissions by 5%"), or by
    bars (kg.ingest.bar_cells)."""
    mark = BULLET.match(body)
    return TABLE_CELLS.search(body[mark.end() :] if mark else body) is not None or is_bar_row(body)


# A page number alone on its line, as printers frame it: "12", "- 12 -", "| 12", "Page 12 of 40", "[12]".
PAGE_NUMBER = re.compile(
    r"^[-–—|·•\s]*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[-–—|·•\s]*$|^\[\s*\d{1,4}\s*\]$", re.I
)
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’)\]]*$")
# A line ending a sentence or opening a list: a semicolon only ends a clause ("road safety;"
# before "fare pricing; and ..."), and the sentence goes on on the next line.
_ENDS_STATEMENT = re.compile(r"[.!?:][\"”’)\]]*$")
_HEADING_END = re.compile(r"[.!?:;,]$")
_SPLIT_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)-$")
_WORD_AFTER = re.compile(r"^([a-z]+)")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# Prefixes English writes with a hyphen: a line-end hyphen after one is the compound's own.
_HYPHEN_PREFIXES = frozenset(
    (
        *("non", "co", "self", "well", "cross", "multi", "anti", "pre", "post", "semi", "sub", "inter", "ex"),
        *("mid", "long", "short", "full", "part", "low", "high", "year", "day", "world", "first", "one", "two"),
    )
)
MIN_WIDTH = 40  # characters: lines filled to a narrower margin than this are no wrapped prose
WIDTH_SHARE = 0.8  # the wrap width: the length this share of the text's prose lines stay within
NEARLY_FULL = 0.8  # share of the wrap width a line fills when a proportional font wrapped it
FILLED_SHARE = 0.3  # of a hard-wrapped text's lines, at least this share are filled nearly to the width
# The wrap width is a share of the lines' lengths, so a ragged margin prints a fifth of them a
# little longer than it: up to this multiple of the width, a line is filled nearly to it too.
RAGGED = 1.1
MAX_HEADING_WORDS = 12
# A line ending on a word no sentence or heading ends on (an article, a preposition, a conjunction)
# or on a comma: a writer who wraps before a long name ("... with reference to the" over "GHG
# Protocol Corporate Standard") breaks the line early, and the paragraph goes on.
_OPEN_END = re.compile(r"(?:^|\s)(?:the|a|an|of|and|or|with|to|by|for|in|on|under|from|at|as|than)$|,$", re.I)
REPEATED = 3  # a line printed this often is a running header or footer


@dataclass(frozen=True)
class _Line:
    start: int  # of the printed text, after any indentation
    end: int  # of the printed text, before any trailing spaces
    indent: int
    body: str


@dataclass(frozen=True)
class ProseView:
    """The text with each paragraph's wrapped lines joined (``text``), and the map back to ``original``.

    The view is a run of pieces: a piece copied from the original, or the gap a join left (the
    line break and the spaces around it, read as one space or, after a hyphen, as nothing).
    ``_view_at``/``_original_at`` are where each piece starts; ``_copied`` says which are copies.
    """

    original: str
    text: str
    _view_at: tuple[int, ...] = (0,)
    _original_at: tuple[int, ...] = (0,)
    _copied: tuple[bool, ...] = (True,)

    def to_original(self, at: int) -> int:
        """The original offset of the view's code point at ``at`` (a join's space: the gap's start)."""
        k = bisect_right(self._view_at, at) - 1
        return self._original_at[k] + (at - self._view_at[k] if self._copied[k] else 0)

    def to_view(self, at: int) -> int:
        """The view offset of the original code point at ``at`` (one inside a join's gap: the join)."""
        k = bisect_right(self._original_at, at) - 1
        return self._view_at[k] + (at - self._original_at[k] if self._copied[k] else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view's ``start``-``end`` (``end`` exclusive)."""
        first = self.to_original(start)
        return (first, self.to_original(end - 1) + 1) if end > start else (first, first)

    def view_span(self, start: int, end: int) -> tuple[int, int]:
        """The view span of the original ``start``-``end``."""
        first = self.to_view(start)
        return (first, self.to_view(end - 1) + 1) if end > start else (first, first)

    def printed(self, start: int, end: int) -> str:
        """The original text of the view's ``start``-``end``: what a quote of it prints."""
        first, last = self.original_span(start, end)
        return self.original[first:last]

    def original_mention(self, mention: Mention) -> Mention:
        """A mention read in the view, at its original offsets with its surface as printed."""
        start, end = self.original_span(mention.start, mention.end)
        whole = self.original_mention(mention.per_head) if mention.per_head is not None else None
        return replace(mention, start=start, end=end, surface=self.original[start:end], per_head=whole)

    def original_mentions(self, mentions: Iterable[Mention]) -> list[Mention]:
        return [self.original_mention(m) for m in mentions]


def prose_view(text: str, furniture: Iterable[tuple[int, int]] = ()) -> ProseView:
    """The prose view of ``text``; ``furniture`` are the spans of its page furniture (never joined)."""
    lines = _lines(text)
    joins = _joins(text, lines, sorted(furniture))
    if not joins:
        return ProseView(text, text)
    words = Counter(w.lower() for w in _WORDS.findall(text))
    pieces: list[str] = []
    view_at, original_at, copied = [0], [0], [True]
    done = 0  # original offset copied up to
    length = 0  # view length so far
    for i in joins:
        before, after = lines[i], lines[i + 1]
        gap_start, spacer = before.end, " "
        hyphen = _hyphen(before.body, after.body, words)
        if hyphen == "soft":
            gap_start, spacer = before.end - 1, ""
        elif hyphen == "hard":
            spacer = ""
        pieces.append(text[done:gap_start])
        length += gap_start - done
        view_at.append(length)
        original_at.append(gap_start)
        copied.append(False)
        pieces.append(spacer)
        length += len(spacer)
        done = after.start
        if spacer:
            view_at.append(length)
            original_at.append(done)
            copied.append(True)
        else:
            view_at[-1], original_at[-1], copied[-1] = length, done, True
    pieces.append(text[done:])
    return ProseView(text, "".join(pieces), tuple(view_at), tuple(original_at), tuple(copied))


def _lines(text: str) -> list[_Line]:
    found, at = [], 0
    for raw in text.split("\n"):
        body = raw.strip(" \t\f")
        indent = len(raw) - len(raw.lstrip(" \t\f"))
        found.append(_Line(at + indent, at + indent + len(body), len(raw[:indent].replace("\f", "")), body))
        at += len(raw) + 1
    return found


def _prose_lengths(lines: list[_Line]) -> list[int]:
    """The printed lengths (indentation included) of the lines that are no blank and no table row."""
    return [line.indent + len(line.body) for line in lines if line.body and not is_table_row(line.body)]


def wrap_width(lines: list[_Line]) -> int:
    """The margin the text's prose lines are wrapped at: the length four in five of them stay within.

    Table rows are left out (they run past the margin). A shorter width than the true margin
    joins no more than the lines filled nearly to it; a text whose lines are whole paragraphs gets
    a width its short lines (headings, captions) never fill.
    """
    lengths = sorted(_prose_lengths(lines))
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(WIDTH_SHARE * len(lengths)))]


def _hard_wrapped(lines: list[_Line], width: int) -> bool:
    """Whether the text's lines are filled to its width: most lines of wrapped prose end near the
    margin, where lines that are whole paragraphs have lengths spread from short to long."""
    lengths = _prose_lengths(lines)
    near = sum(1 for n in lengths if NEARLY_FULL * width <= n <= RAGGED * width)
    return near >= FILLED_SHARE * len(lengths)


def _joins(text: str, lines: list[_Line], furniture: list[tuple[int, int]]) -> list[int]:
    """The lines whose line break is a wrap inside a paragraph (each joins the next line)."""
    width = wrap_width(lines)
    if width < MIN_WIDTH or not _hard_wrapped(lines, width):
        return []
    counts = Counter(line.body for line in lines if line.body)
    starts = [s for s, _ in furniture]
    apart = [_apart(line, counts, furniture, starts) for line in lines]
    filled = [i + 1 < len(lines) and _filled(lines[i], lines[i + 1], width) for i in range(len(lines))]
    joins = []
    for i in range(len(lines) - 1):
        before, after = lines[i], lines[i + 1]
        if apart[i] or apart[i + 1] or not filled[i] or "\f" in text[before.end : after.start]:
            continue
        if BULLET.match(after.body) or (after.indent > before.indent and not BULLET.match(before.body)):
            continue
        heading = not filled[i + 1] and _heading_like(after.body)
        if heading and _ENDS_SENTENCE.search(before.body):
            continue
        joins.append(i)
    return joins


def _apart(line: _Line, counts: Counter[str], furniture: list[tuple[int, int]], starts: list[int]) -> bool:
    """A line no paragraph runs through: blank, furniture, a page number or a table row.

    Furniture spans do not overlap, so only the last one starting before the line ends can reach into it.
    """
    if not line.body or is_table_row(line.body) or PAGE_NUMBER.match(line.body) or RULE.match(line.body):
        return True
    if counts[line.body] >= REPEATED and len(line.body) <= 100:
        return True
    k = bisect_left(starts, line.end) - 1
    return k >= 0 and furniture[k][1] > line.start


def _filled(line: _Line, after: _Line, width: int) -> bool:
    """Whether ``line`` was filled to the margin, so that its line break is the wrap's."""
    length = line.indent + len(line.body)
    first = after.body.split(maxsplit=1)[0] if after.body else ""
    # After a hyphen the next line goes on without a space: the whole word did not fit.
    space = 0 if _SPLIT_WORD.search(line.body) else 1
    if length + space + len(first) > width:
        return True
    goes_on = after.body[:1].islower() or after.body[:1].isdigit()
    if _OPEN_END.search(line.body) and after.body:
        return True  # "... in accordance with the" over a long name: broken early, the sentence goes on
    return length >= NEARLY_FULL * width and goes_on and not _ENDS_STATEMENT.search(line.body)


def _heading_like(body: str) -> bool:
    """A heading, or a highlight's figure: a few words, no final punctuation, a capital or a digit first."""
    opens = body[:1].isupper() or body[:1].isdigit()
    return opens and len(body.split()) <= MAX_HEADING_WORDS and not _HEADING_END.search(body)


def _hyphen(before: str, after: str, words: Counter[str]) -> str | None:
    """``soft`` (the wrap split a word), ``hard`` (a compound's hyphen) or None (no hyphen at the break)."""
    split = _SPLIT_WORD.search(before)
    rest = _WORD_AFTER.match(after)
    if not split or not rest:
        return None
    head, tail = split.group(1).lower(), rest.group(1)
    if words[f"{head}-{tail}"]:
        return "hard"
    if words[head + tail] or head not in _HYPHEN_PREFIXES:
        return "soft"
    return "hard"
