"""Read a report's text, find its numbered sections, and anchor quotes in it.

Offsets are Unicode code points into the text exactly as stored (Python ``str`` indices), the
unit the W3C Web Annotation ``TextPositionSelector`` specifies; a UTF-8 byte order mark is no
part of the text (it would shift every offset by one). A text converted from a PDF knows its
pages (kg.ingest.pages): a form feed is a page break (a line break for the section headings),
furniture lines (running headers, footers, page numbers) are no heading and no quote, and each
quote knows the page it starts on.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.errors import InputError
from kg.ingest.near_miss import near_miss
from kg.ingest.pages import PAGE_MAP, PageMap, form_feed_pages, read_page_map, without_furniture
from kg.ingest.prose import ProseView, prose_view
from kg.ingest.textfile import FORBIDDEN_CHARS, forbidden_char, read_text_file

# "2. Gift Warmth to Technology" or "2.1 Quality Management": a short line, no final period. A
# form feed ends a line as a line break does.
_HEADING = re.compile(
    r"(?:^|(?<=\f))(?P<num>\d{1,2})(?:\.(?P<sub>\d{1,2}))?\.? (?P<title>[A-Z][^\n\f]{1,90})(?=[\n\f]|\Z)", re.M
)
BOM = "\ufeff"
CONTEXT = 32  # code points of prefix and suffix around a quote


@dataclass(frozen=True)
class Section:
    """A numbered section: its number as printed ("2.1"), title and code-point span."""

    number: str
    title: str
    start: int
    end: int

    @property
    def chapter(self) -> str:
        return self.number.split(".")[0]


@dataclass(frozen=True)
class Anchor:
    """Where a quote lies: offsets, the section it starts in, and context for the selectors."""

    start: int
    end: int
    section: Section
    prefix: str
    suffix: str
    page: int | None = None  # the PDF page the quote starts on, when the text has pages


@dataclass(frozen=True)
class ReportText:
    """The text of one report, with its sections found once."""

    path: Path
    text: str
    pages: PageMap | None = None

    @classmethod
    def read(cls, path: Path) -> ReportText:
        """Read the text and its pages: ``pages.json`` beside it, else its form feeds, else none."""
        text = read_text_file(path, "report text").removeprefix(BOM)
        if not text.strip():
            raise InputError(f"{path}: report text is empty")
        # Form feeds are page breaks here, though no quote holds one (XML 1.0 cannot carry them).
        found = FORBIDDEN_CHARS.search(text.replace("\f", "\n"))
        if found:
            line = text.count("\n", 0, found.start()) + 1
            raise InputError(
                f"{path}:{line}: {forbidden_char(found.group())} cannot be carried by RDF/XML (XML 1.0); "
                "remove it from the text"
            )
        page_map = path.parent / PAGE_MAP
        pages = read_page_map(page_map, text) if page_map.exists() else form_feed_pages(text)
        return cls(path=path, text=text, pages=pages)

    @cached_property
    def table_text(self) -> str:
        """The text the table readers read: page furniture blanked out, offsets unchanged."""
        return without_furniture(self.text, self.pages)

    @cached_property
    def prose(self) -> ProseView:
        """The text with each wrapped paragraph read as one line (kg.ingest.prose), offsets mapped back."""
        return prose_view(self.text, [(f.start, f.end) for f in self.pages.furniture] if self.pages else ())

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """Numbered chapters and sections, in order.

        A heading counts only where its number continues the sequence (chapter n+1, or section
        n.m+1 of the current chapter), which keeps numbered notes and table groups ("1.
        Emissions") from being taken for chapters.
        """
        found: list[tuple[str, str, int]] = []
        chapter, sub = 0, 0
        for m in _HEADING.finditer(self.text):
            title = m.group("title").strip()
            if title.endswith(".") or (self.pages and self.pages.furniture_in(m.start(), m.end())):
                continue
            num, part = int(m.group("num")), m.group("sub")
            if part is None and num == chapter + 1:
                chapter, sub = num, 0
                found.append((str(num), title, m.start()))
            elif part is not None and num == chapter and int(part) == sub + 1:
                sub = int(part)
                found.append((f"{num}.{part}", title, m.start()))
        if not found:
            return (Section("0", "Front matter", 0, len(self.text)),)
        bounds = [start for _, _, start in found[1:]] + [len(self.text)]
        sections = [Section(n, t, s, e) for (n, t, s), e in zip(found, bounds, strict=True)]
        if found[0][2] > 0:
            sections.insert(0, Section("0", "Front matter", 0, found[0][2]))
        return tuple(sections)

    def section_at(self, offset: int) -> Section:
        """The innermost numbered section containing ``offset``."""
        for section in reversed(self.sections):
            if section.start <= offset < section.end:
                return section
        return self.sections[-1]

    def section(self, number: str) -> Section:
        for section in self.sections:
            if section.number == number:
                return section
        known = ", ".join(s.number for s in self.sections)
        raise KeyError(f"no section {number!r} (sections: {known})")

    def anchor(self, quote: str, section: str | None = None, occurrence: int | None = None) -> Anchor:
        """Find ``quote`` verbatim; ``LookupError`` says why when it cannot be anchored once.

        Without a section the quote must occur once in the whole text (or ``occurrence`` picks
        one); with a section the search is limited to it (a chapter includes its sections).
        """
        lo, hi = 0, len(self.text)
        if section is not None:
            first = self.section(section)
            lo = first.start
            hi = max(s.end for s in self.sections if s.number == section or s.number.startswith(section + "."))
        if not quote.strip():
            raise LookupError("empty quote")
        starts: list[int] = []
        at = self.text.find(quote, lo, hi)
        while at != -1:
            starts.append(at)
            at = self.text.find(quote, at + 1, hi)
        if not starts:
            where = f" in section {section}" if section else ""
            elsewhere = self.text.find(quote) if section else -1
            if elsewhere != -1:
                found = self.section_at(elsewhere)
                line = self.text.count("\n", 0, elsewhere) + 1
                why = f"it is in section {found.number} (line {line}), not in section {section}"
            else:
                why = near_miss(self.text, quote, lo, hi)
            raise LookupError(f"quote not found verbatim{where}: {quote[:60]!r}{'; ' + why if why else ''}")
        if len(starts) > 1 and occurrence is None:
            raise LookupError(f"quote occurs {len(starts)} times; give 'section' or 'occurrence': {quote[:60]!r}")
        if (occurrence or 1) > len(starts):
            raise LookupError(f"quote occurs {len(starts)} times, not {occurrence}: {quote[:60]!r}")
        start = starts[(occurrence or 1) - 1]
        if refused := self.refusal(start, start + len(quote)):
            raise LookupError(f"{refused}: {quote[:60]!r}")
        return self.span(start, start + len(quote))

    def refusal(self, start: int, end: int) -> str | None:
        """Why the text between two offsets cannot be a quote, or None.

        A form feed is a page break, not text a quote can carry (nor RDF/XML), and running
        headers, footers and page numbers are the printer's, not the report's statements.
        """
        if "\f" in self.text[start:end]:
            return "quote runs over a form feed (a page break)"
        furniture = self.pages.furniture_in(start, end) if self.pages else None
        if furniture is not None:
            return (
                f"quote overlaps the {furniture.kind} at {furniture.start}-{furniture.end} "
                f"({self.text[furniture.start : furniture.end][:40]!r}), which is page furniture, not a claim"
            )
        return None

    def span(self, start: int, end: int) -> Anchor:
        """The anchor of the text between two offsets (for quotes found by a table reader).

        Prefix and suffix are the context of up to 32 code points, cut at a page break: the
        text-quote selector then selects the quote within its page of the PDF as well (it refines
        the page's fragment selector), and no context holds a form feed.
        """
        lo, hi, page = max(0, start - CONTEXT), min(len(self.text), end + CONTEXT), None
        if self.pages:
            page = self.pages.page_at(start)
            lo = max(lo, self.pages.pages[page - 1].start)
            hi = min(hi, self.pages.pages[self.pages.page_at(end - 1) - 1].end)
        return Anchor(
            start=start,
            end=end,
            section=self.section_at(start),
            prefix=self.text[lo:start].rpartition("\f")[2],
            suffix=self.text[end:hi].partition("\f")[0],
            page=page,
        )
