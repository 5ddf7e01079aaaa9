"""Cut a report text into the spans a drafted claim may quote: sentences, bullets, highlight boxes.

Claims quote prose. Headings, running headers and footers (the page map's furniture, or in a text
without one a short line printed three times or more), page numbers, the contents page and table
lines are no claims, and are left out here. What remains is read line by line:

* prose lines that follow each other are one paragraph (a PDF conversion wraps a paragraph over
  several lines), split into sentences by a rule splitter (see :func:`split_sentences`; the
  benchmark ``benchmarks/segmenters.py`` measures it against pysbd and syntok on the development
  fixtures, and it was chosen by those figures);
* a bullet (``•``, ``-``, ``*``, ``(a)``, ``1.`` ...) and the lines that continue it are one unit,
  which keeps the caption that introduces the list ("The following projects ...:") as its lead;
* a highlight box, as PDF conversions print it, is a figure alone on its line and its caption on
  the next (or, failing that, the previous) line: both lines are one unit; a figure with a few
  words of caption after it on one short line ("Over 1,400 tasks") is a highlight by itself; a bare
  number after a blank line, over a short caption in lower case ("36" / "electric trucks on the
  road"), is a highlight's figure, not a page number;
* a key-data line, a label, a colon and one figure ending the line ("Trees planted: 1,200"), is a
  highlight by itself;
* a line that only names a company ("Acme Co., Ltd.") or is wholly in brackets ("(Stock Code:
  1234)") is a title, and a page number between dashes ("— 4 —") is furniture.

Offsets are code points of the text, so a unit's text is always ``text[start:end]``. The drafter
reads the report's prose view (:mod:`kg.ingest.prose`), where a hard-wrapped paragraph is one
line, so a wrapped line is never taken for a heading, a highlight or a bullet's end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.ingest.prose import BULLET, PAGE_NUMBER, RULE, is_table_row
from kg.ingest.quantities import Recogniser

_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]")
# A section number set off from its title by a run of spaces ("3.2  Safety at work"), as a
# typeset report's numbered headings print in plain text: a heading, though the run of spaces
# reads as a table's cell gap, when the title after it is one cell that reads as a heading.
_SPACED_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.? {2,}(?=[A-Z])")
# A note's marker opening its line ("¹ Converted at 10.5 kWh per litre."), as notes under a table
# print them: each note is a unit of its own, as a list item is, not a sentence of one paragraph.
_NOTE_MARK = re.compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹†‡]+|\[\d{1,2}\])[ \t]+(?=\S)")  # "¹ Converted at ...", "[2] Data cover ..."
# A key figure's change printed on the line under it: an arrow before the figure ("▲ 6.2% vs
# 2022", "▼ 1 case"), or a signed percentage compared with a year ("+6.2% vs 2022").
CHANGE_LINE = re.compile(r"^(?:[▲▼△▽↑↓⬆⬇][ \t]*\d|[-+−]\d[\d,.]*[ \t]*%[ \t]+(?:vs\.?|versus|compared|from|on|over)\b)")
_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents$", re.I)
_CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|…+|\t|\s{2,})\s*\d{1,3}$|\s\d{1,3}$")
# A dot leader between a label and what it leads to: a page number in a contents list, a figure
# on a page of key figures ("Water withdrawal ........ 4,862,150 m³").
_LEADER = re.compile(r" ?(?:\.{3,}|…+) ?")
_PAGE_LEADER = re.compile(r"(?:\.{3,}|…+) ?\d{1,3}$")
# A line that names a company and nothing else ("Acme Holdings Co., Ltd."): a title, though it ends with a point.
_COMPANY_LINE = re.compile(r"^[A-Z][\w&'’ ,.()-]{0,80}\b(?i:Ltd|Co|Inc|Corp|plc|L\.P|S\.A|N\.V|A\.G)\.$")
# A line wholly in brackets ("(Stock Code: 1234)", "(continued)"): a cover or caption line, no claim.
_BRACKETED = re.compile(r"^\([^()]*\)$")
_CLOSERS = '"”’)\\]'
# A full stop after these words ends no sentence: titles, "No.", "Cap." and the like. Company
# suffixes (Ltd., Inc.) are left out: a sentence often ends with a company's name.
_ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "nos", "cap", "art", "arts", "sec", "ch"),
        *("chap", "fig", "figs", "vol", "approx", "est", "incl", "e.g", "i.e", "cf", "vs", "al", "p", "pp"),
        *("para", "paras", "reg", "regs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept"),
        *("oct", "nov", "dec"),
    )
)
_END = re.compile(rf"[.!?][{_CLOSERS}]*(?=\s+[{_CLOSERS}“‘(\[]?[A-Z0-9])")
# One word after a key-data line's figure: what it counts, or a unit the lexicon does not read.
_COUNTED_WORD = re.compile(r"[A-Za-z]{2,15}")
MAX_HEADING_WORDS = 12
WRAPPED_LINE = 50  # characters: a heading-like line this long, followed by prose, is a wrapped line
BOXED_CAPTION_WORDS = 6  # words after the figure of a highlight printed on one line


@dataclass(frozen=True)
class Unit:
    """A span of the text a claim may quote, and what it is.

    ``kind`` is ``sentence``, ``bullet`` or ``highlight``; ``lead`` is the caption a bullet list
    is introduced by, read for the period and metric words it gives the bullets (it is no part
    of the quote); ``paragraph`` is where a sentence's paragraph starts (None for other units),
    so a sentence that goes on from the one before ("Of these, ...") can take its period.
    """

    start: int
    end: int
    text: str
    kind: str
    lead: str = ""
    paragraph: int | None = None


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # stripped


def _lines(text: str) -> list[_Line]:
    found, at = [], 0
    for raw in text.split("\n"):
        body = raw.strip(" \t\f")
        lead = len(raw) - len(raw.lstrip(" \t\f"))
        found.append(_Line(at + lead, at + lead + len(body), body))
        at += len(raw) + 1
    return found


def _goes_on(text: str, line: _Line, nxt: _Line) -> bool:
    """Whether prose line ``nxt`` goes on with the bullet or note ending on ``line``: it starts
    in lower case, or the bullet ends in a colon and ``nxt``, indented under it, ends the
    sentence ("(1) Scope 2 counts the heat bought:" over "   310 and 290 tCO2e in the two years.")."""
    if nxt.text[:1].islower():
        return True
    indented = nxt.start > 0 and text[nxt.start - 1] in " \t"
    return line.text.endswith(":") and indented and nxt.text.endswith(".") and len(nxt.text) <= 200


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The rule splitter: (start, end) of each sentence of one paragraph, spaces left out.

    A sentence ends at ``.``, ``!`` or ``?`` (and any closing quote or bracket) before white
    space and a capital letter, digit or opening quote; not after a title or reference
    abbreviation ("Mr.", "No.", "Cap.", "e.g.") or a single capital (an initial).
    """
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _END.finditer(text):
        word = re.search(r"(\S+)$", text[start : m.start()])
        before = (word.group(1) if word else "").lower().lstrip('("“')
        if text[m.start()] == "." and (before in _ABBREVIATIONS or re.fullmatch(r"[a-z]", before)):
            continue
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


Splitter = Callable[[str], list[tuple[int, int]]]


class Segmenter:
    """The quotable units of a report text (see the module's docstring)."""

    def __init__(
        self,
        recogniser: Recogniser,
        furniture: Iterable[tuple[int, int]] = (),
        splitter: Splitter = split_sentences,
        rows: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.recogniser = recogniser
        self.furniture = sorted(furniture)
        # The table rows a table reader took, some lines of which print no cells (a row label's
        # second line under its figures, "generators)¹"): those lines are the table's, and the
        # prose after them (the table's notes) starts a paragraph of its own.
        self.rows = sorted(rows)
        self.row_starts = [start for start, _ in self.rows]
        self.splitter = splitter
        self._last: tuple[str, list[_Line], list[str]] | None = None

    def units(self, text: str) -> list[Unit]:
        lines, kinds = self._classified(text)
        units: list[Unit] = []
        lead = ""
        i = 0
        while i < len(lines):
            kind = kinds[i]
            if kind == "prose":
                j = i
                while j + 1 < len(lines) and kinds[j + 1] == "prose":
                    j += 1
                start, end = lines[i].start, lines[j].end
                for s, e in self.splitter(text[start:end]):
                    units.append(Unit(start + s, start + e, text[start + s : start + e], "sentence", "", start))
                lead = units[-1].text if units and units[-1].text.endswith(":") else ""
                i = j + 1
            elif kind == "bullet":
                j = i
                while j + 1 < len(lines) and kinds[j + 1] == "prose" and _goes_on(text, lines[j], lines[j + 1]):
                    j += 1
                mark = BULLET.match(lines[i].text) or _NOTE_MARK.match(lines[i].text)
                start = lines[i].start + (mark.end() if mark else 0)
                units.append(Unit(start, lines[j].end, text[start : lines[j].end], "bullet", lead))
                i = j + 1
            elif kind == "figure":
                units.append(self._highlight(text, lines, kinds, i))
                i += 2 if i + 1 < len(lines) and kinds[i + 1] in ("caption", "change") else 1
            elif kind == "boxed":
                units.append(Unit(lines[i].start, lines[i].end, lines[i].text, "highlight"))
                i += 1
            else:
                if kind in ("heading", "table"):
                    lead = ""  # a list's caption does not reach past a heading or a table
                i += 1
        return [u for u in units if u.text.strip()]

    def headings(self, text: str) -> list[tuple[int, str]]:
        """The heading lines of the text (start offset, line), as :meth:`units` tells them from
        prose, tables, captions, contents and furniture: where the report's sections begin."""
        lines, kinds = self._classified(text)
        return [(line.start, line.text) for line, kind in zip(lines, kinds, strict=True) if kind == "heading"]

    def contents(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of the contents page's lines: entries that name chapters and their
        pages ("5. Environmental Stewardship 11"), where a name is no entity of the report."""
        lines, kinds = self._classified(text)
        return [(line.start, line.end) for line, kind in zip(lines, kinds, strict=True) if kind == "contents"]

    def _classified(self, text: str) -> tuple[list[_Line], list[str]]:
        """The lines of the text and their kinds, read once for :meth:`units` and :meth:`headings`."""
        if self._last is None or self._last[0] is not text:
            lines = _lines(text)
            self._last = (text, lines, self._kinds(text, lines))
        return self._last[1], self._last[2]

    def _highlight(self, text: str, lines: list[_Line], kinds: list[str], i: int) -> Unit:
        if i + 1 < len(lines) and kinds[i + 1] == "change":  # caption, figure, then its change on a line
            start = lines[i - 1].start if i > 0 and kinds[i - 1] == "caption" else lines[i].start
            end = lines[i + 1].end
        elif i + 1 < len(lines) and kinds[i + 1] == "caption":
            start, end = lines[i].start, lines[i + 1].end
        elif i > 0 and kinds[i - 1] == "caption":
            start, end = lines[i - 1].start, lines[i].end
        else:
            start, end = lines[i].start, lines[i].end
        return Unit(start, end, text[start:end], "highlight")

    def _kinds(self, text: str, lines: list[_Line]) -> list[str]:
        """The kind of each line: blank | furniture | contents | table | bullet | figure | boxed |
        caption | change | heading | prose."""
        counts = Counter(line.text for line in lines if line.text and len(line.text) <= 100)
        kinds: list[str] = []
        in_contents = False
        for n, line in enumerate(lines):
            body = line.text
            if not body:
                kinds.append("blank")
                continue
            # No page is numbered 0: a "0" alone on its line is a highlight's figure ("0" over
            # "Work-related fatalities").
            page_number = PAGE_NUMBER.match(body) is not None and body != "0" and not _is_boxed_count(lines, n)
            if self._is_furniture(line) or counts[body] >= 3 or page_number or RULE.match(body):
                kinds.append("furniture")
                continue
            if _CONTENTS.match(body):
                in_contents = True
                kinds.append("contents")
                continue
            if in_contents and _CONTENTS_ENTRY.search(body):
                kinds.append("contents")
                continue
            in_contents = False
            if _is_spaced_heading(body):
                kinds.append("heading")
            elif is_table_row(body) or self._in_row(line):
                kinds.append("table")
            elif (BULLET.match(body) and not _NUMBERED_HEADING.match(body)) or _NOTE_MARK.match(body):
                kinds.append("bullet")
            elif self._is_figure(body):
                kinds.append("figure")
            elif self._is_boxed(body) or (self._is_key_figure(body) and not _in_page_list(lines, n)):
                kinds.append("boxed")
            elif _is_heading(body):
                kinds.append("heading")
            else:
                kinds.append("prose")
        return _sub_headings(_captions(lines, _boxes(lines, kinds)))

    def _is_furniture(self, line: _Line) -> bool:
        return any(s < line.end and line.start < e for s, e in self.furniture)

    def _in_row(self, line: _Line) -> bool:
        at = bisect_left(self.row_starts, line.end)  # rows do not overlap: only the last one before can reach it
        return at > 0 and self.rows[at - 1][1] > line.start

    def _is_figure(self, body: str) -> bool:
        """A line that is one quantity and nothing else: the figure of a highlight box."""
        found = self.recogniser.quantities(body)
        return len(found) == 1 and found[0].start == 0 and found[0].end == len(body) and len(body) <= 60

    def _is_boxed(self, body: str) -> bool:
        """A highlight printed on one line: a figure, then a few words of caption in lower case ("Over 1,400 tasks")."""
        if len(body) >= WRAPPED_LINE or re.search(r"[.!?:;,]$", body):
            return False
        found = self.recogniser.quantities(body)
        if len(found) != 1 or found[0].start != 0:
            return False
        caption = body[found[0].end :].split()
        return 0 < len(caption) <= BOXED_CAPTION_WORDS and caption[0][:1].islower()

    def _is_key_figure(self, body: str) -> bool:
        """A key-data line: a short label, a colon or a dot leader and one figure that ends the
        line ("Trees planted: 1,200", "Cash donated ........ HK$2.5 million"), as a box or a page
        of key figures lists them. It reads as a heading (short, no closing stop), but its figure
        is the report's. After a colon the figure may be followed by one word the unit lexicon
        does not read, what it counts or a unit of the report's own ("Employees: 42,386 persons",
        "Energy per tonne: 5.83 kgce"); after a leader by a few words ("64% of all paper"). (A
        contents list prints page numbers so: :meth:`_kinds` tells them apart.)"""
        leader = _LEADER.search(body)
        label, colon, rest = body.partition(": ")
        trailing = 0
        if leader is not None and (not colon or leader.start() < len(label)):
            label, colon, rest = body[: leader.start()], leader.group(), body[leader.end() :]
            trailing = BOXED_CAPTION_WORDS
        short = len(label.split()) <= MAX_HEADING_WORDS and not re.search(r"[.!?;]", label)
        if not colon or not label[:1].isupper() or not short:
            return False
        found = self.recogniser.quantities(rest)
        if len(found) != 1 or found[0].start != 0:
            return False
        after = rest[found[0].end :].strip()
        if trailing:
            return len(after.split()) <= trailing
        return not after or _COUNTED_WORD.fullmatch(after) is not None


def _in_page_list(lines: list[_Line], n: int) -> bool:
    """Whether dot-leader line ``n`` is an entry of a contents list without a "Contents" heading:
    every dot-leader line of its block (the lines around it, with the headings between them and
    the blank lines before a heading, up to a line of prose) leads to a bare page number, and the
    numbers do not go down. A page of key figures leads to figures with units, decimals or
    thousands, or to counts in no order; a blank line straight between two lists of entries parts
    them ("Share of recycled paper ... 64%", then "Our community ... 12")."""
    if _PAGE_LEADER.search(lines[n].text) is None:
        return False
    block: list[int] = []
    for step in (-1, 1):
        k = n
        while 0 <= k < len(lines) and (_LEADER.search(lines[k].text) or _is_gap(lines[k].text)):
            if _LEADER.search(lines[k].text):
                block.append(k)
            elif (
                not lines[k].text
                and _LEADER.search(_next_text(lines, k, step) or "")
                and _LEADER.search(_next_text(lines, k, -step) or "")
            ):
                break  # a blank line straight between two entries: two lists
            k += step
    numbers = []
    for k in sorted(set(block)):
        page = _PAGE_LEADER.search(lines[k].text)
        if page is None:
            return False
        numbers.append(int(re.sub(r"\D", "", page.group())))
    return numbers == sorted(numbers)


def _next_text(lines: list[_Line], k: int, step: int) -> str | None:
    """The first line with text after line ``k`` in direction ``step``, or None."""
    k += step
    while 0 <= k < len(lines) and not lines[k].text:
        k += step
    return lines[k].text if 0 <= k < len(lines) else None


def _is_gap(body: str) -> bool:
    """A blank line or a short heading ("People"), as a list of entries prints between them."""
    return not body or (len(body) < WRAPPED_LINE and re.search(r"[.!?:;,]$", body) is None)


def _is_boxed_count(lines: list[_Line], n: int) -> bool:
    """A bare number on its line that is a highlight's figure, not a page number: it follows a blank
    line (or opens the text) and a short caption in lower case follows it ("36" over "electric
    trucks on the road"), where a page number is followed by a heading or by a paragraph that goes on."""
    caption = lines[n + 1].text if n + 1 < len(lines) else ""
    after_blank = n == 0 or not lines[n - 1].text
    short = 0 < len(caption.split()) <= MAX_HEADING_WORDS and not re.search(r"[.!?:;,]$", caption)
    return bool(re.fullmatch(r"\d[\d,.]*", lines[n].text)) and after_blank and short and caption[:1].islower()


def _is_spaced_heading(body: str) -> bool:
    """A numbered heading whose number a run of spaces sets off ("3  OUR WORKPLACE"), not a table row:
    the title after the number holds no further cell gap and reads as a heading."""
    number = _SPACED_NUMBER.match(body)
    if number is None:
        return False
    title = body[number.end() :]
    return not is_table_row(title) and _is_heading(title)


def _is_heading(body: str) -> bool:
    words = body.split()
    if _BRACKETED.match(body) or _COMPANY_LINE.match(body):
        return True
    if _NUMBERED_HEADING.match(body) and not body.endswith("."):
        return True
    return len(words) <= MAX_HEADING_WORDS and not re.search(r"[.!?:;,]$", body) and body[:1].isupper()


def _boxes(lines: list[_Line], kinds: list[str]) -> list[str]:
    """A one-line highlight is a line of a paragraph instead when the paragraph runs through it.

    That is when the line before is prose (or a line filled to the margin) that ends no sentence,
    or the line after goes on in lower case.
    """
    out = list(kinds)
    for i, kind in enumerate(kinds):
        if kind != "boxed":
            continue
        previous = lines[i - 1].text if i > 0 else ""
        before = (
            i > 0
            and (kinds[i - 1] == "prose" or (kinds[i - 1] == "heading" and len(previous) >= WRAPPED_LINE))
            and not re.search(r"[.!?:]$", previous)
        )
        after = i + 1 < len(lines) and kinds[i + 1] == "prose" and lines[i + 1].text[:1].islower()
        if before or after:
            out[i] = "prose"
    return out


def _sub_headings(kinds: list[str]) -> list[str]:
    """A heading-like line between two table rows ("By site", "Hours per head") is a
    sub-heading row of the table, which groups its rows: it opens no section of the report."""
    return [
        "table" if kind == "heading" and 0 < i < len(kinds) - 1 and kinds[i - 1] == kinds[i + 1] == "table" else kind
        for i, kind in enumerate(kinds)
    ]


def _captions(lines: list[_Line], kinds: list[str]) -> list[str]:
    """The caption of a highlight figure: the short line after it, else the one before it.

    A heading-like line followed by a prose line is the first line of a wrapped paragraph, not a
    heading, when it is long (a line of a paragraph filled to the margin) or the next line goes
    on in lower case.
    """
    out = list(kinds)
    for i in range(len(kinds) - 1):
        # "41,260 tCO2e" over "▼ 3.1% vs 2022": the figure's change on the line under it, its
        # caption then the line above.
        if out[i] in ("figure", "boxed") and CHANGE_LINE.match(lines[i + 1].text):
            out[i], out[i + 1] = "figure", "change"
    for i in range(len(kinds) - 2, -1, -1):
        wraps = len(lines[i].text) >= WRAPPED_LINE or lines[i + 1].text[:1].islower()
        if out[i] == "heading" and out[i + 1] == "prose" and wraps:
            out[i] = "prose"
    for i, kind in enumerate(out):
        if kind != "figure":
            continue
        for j in (i - 1,) if i + 1 < len(out) and out[i + 1] == "change" else (i + 1, i - 1):
            if 0 <= j < len(out) and out[j] in ("heading", "prose") and len(lines[j].text.split()) <= MAX_HEADING_WORDS:
                if j == i - 1 and (i < 2 or out[i - 2] != "blank"):
                    continue
                out[j] = "caption"
                break
    return out
