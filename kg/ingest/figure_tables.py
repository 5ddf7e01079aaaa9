"""Read the figure tables of a report text as they are printed: label, unit, one cell per column.

A report converted to text keeps a table's cells apart with tabs (or, from a layout-keeping
conversion, with runs of two or more spaces: such tables' columns are found by character
position, :mod:`kg.ingest.column_layout`, so a blank cell stays in its column and a header may
print a word on a line of its own, "%" over "change"). Tables are recognised by shape and
header words, never by one report's wording:

* a header row whose cells (after the first) are column words: years (``2021``, ``FY2021``,
  ``2019/20``, ``FY2019/20``), the day a year ends or figures are of (``Year ended 31 March
  2024``, often on two lines, ``As at 30 June 2024``), a change (``Change``, ``YoY %``, ``%
  change``), a unit column (``Unit``), a target column (``Target 2030``: the levels committed to
  for that year, filled in some rows only), optionally a unit of their own (``2021 (HK$'000)``); a
  measure printed over each group of repeated year columns (``Employees trained (%)`` over
  ``FY2023/24  FY2022/23``); a headerless row of one figure (``Label (unit)<TAB>figure``) holds
  for the report's year;
* figure rows: a label (with its unit in parentheses, after its last comma, or not), then cells: a figure (a word
  may bound it, "about 5,600", as in prose), a not-disclosed mark (``N/A``, ``n/a``, ``-`` or
  a dash, ``Nil``, ``not available``) or nothing;
  footnote markers (``*``, ``¹``, ``(1)``, ``[1]``, ``Note 1``) are kept apart from the figure;
* breakdown rows, the parts of the total row above them: indented rows, rows whose label starts
  with a dash or bullet or "of which", and the rows under a "By gender" (any "By ...") line;
* lines that continue a row: a label line without cells followed by a row whose label starts in
  lower case (one label spanning two lines, under a heading too; its unit may be cut so as
  well, ``MWh/`` over ``HK$ mn``), or a line of figure cells only (the rest of the row
  above, when that row has fewer cells than the header has columns);
* heading lines inside a table ("Waste", "Greenhouse gas emissions*" over their rows): the rows
  under one are no parts of the row above it, and a footnote marker on it is theirs;
* page breaks inside a table: a form feed, running heads and page numbers, a running footer
  with its page number ("2020 ESG Report   06"), and the header row printed again, are skipped
  and the table goes on;
* bilingual tables, Chinese before the English in headers and labels ("單位 Unit", "能源 Energy"):
  read by the English half (:mod:`kg.ingest.bilingual`), each row still starting where it is
  printed; a first column of reporting-guide codes under a "KPI" header (:mod:`kg.ingest.code_columns`),
  read off each row as the KPI it discloses, the table going on over notes between its rows; a
  "Remarks" column, whose numbers are no figures; a rule of dashes under the header;
* a caption line right above the header ("Table 8 Employees (persons, as at 31 December)"):
  its title, and what its parentheses print, a unit for every row and the day the figures
  are of;
* footnotes below the table (``* Data covers ...``, ``Note 1: ...``, ``(1) ...``, and the numbered
  lines under a "Notes:" line), attached to the cells and rows whose marker names them.

What this module cannot read it does not drop: every cell that holds a digit and is not read as
a figure is returned as :class:`Unread` with the reason, for ``coverage`` to list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from kg.ingest.bar_cells import Span, bar_rows
from kg.ingest.bilingual import english_part, english_start
from kg.ingest.code_columns import code_tables
from kg.ingest.column_layout import AlignedLine, aligned_lines
from kg.ingest.quantities import MONTHS
from kg.ingest.site_columns import site_columns
from kg.ingest.stacked_cells import stacked_lines
from kg.ingest.tables import Cell
from kg.ingest.transposed_cells import TransposedBlock, is_rule, transposed_block, units_line
from kg.ingest.wrapped_labels import continues_label

_SPLIT = re.compile(r"\t| {2,}")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKER = r"\*{1,3}|†|‡|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\(\d{1,2}\)|\[\d{1,2}\]|\s+Note\s*\d{1,2}"
# A word bounding the figure ("about 5,600", "more than 1,000" in a cell), as prose prints it.
# Not "over" or "under": "over 50" and "under 30" in a label's place are age groups.
_CELL_QUALIFIER = r"about|approximately|approx\.|around|more\s+than|nearly|almost|up\s+to|less\s+than|at\s+least"
# A figure's sign: a hyphen, the minus sign, or an en dash (U+2013) glued to the number, which
# typeset reports print for minus ("\u20131.5%"); an en dash alone is a not-disclosed mark.
_FIGURE = re.compile(
    rf"^(?P<figure>(?:(?P<qual>{_CELL_QUALIFIER})\s+)?(?P<sign>[-−–+])?(?P<paren>\()?(?P<num>{_NUMBER})\)?(?P<pct>\s?(?:%|pp|p\.p\.))?"
    # A decrease printed in parentheses with its per cent sign inside them: "(8.7%)", "(1.2 pp)".
    rf"|\((?P<inner>{_NUMBER})\s?(?:%|pp|p\.p\.)\))(?P<marker>(?:{_MARKER})*)$"
)
_NOT_DISCLOSED = re.compile(
    rf"^(?P<figure>n/?a|n\.a\.?|-|–|—|nil|not available|not applicable)(?P<marker>(?:{_MARKER})*)$", re.I
)
_YEAR = re.compile(
    rf"^(?P<fy>FY\s?)?(?P<year>(?:19|20)\d\d)(?:/(?P<next>\d\d(?:\d\d)?))?(?P<marker>(?:{_MARKER})*)"
    r"(?:\s*\((?P<unit>[^()]+)\))?$",
    re.I,
)
# A header naming the day its column ends ("Year ended 31 March 2024", a two-line header's
# "Year ended" over "31 March 2024") or is of ("As at 31 March 2024").
_DATED = re.compile(
    rf"^(?:(?P<ended>(?:for\s+the\s+)?(?:(?:financial|fiscal)\s+)?(?:year|twelve\s+months|12\s+months)\s+ended)"
    rf"|(?P<as_at>as\s+(?:at|of|on)))\s+(?P<day>\d{{1,2}})\s+(?P<month>{MONTHS})\s+(?P<year>(?:19|20)\d\d)"
    rf"(?P<marker>(?:{_MARKER})*)$",
    re.I,
)
_MONTH = {name.lower(): n for n, name in enumerate(MONTHS.split("|"), start=1)}
_CHANGE = re.compile(
    r"^(?:%\s*)?(?:change|yoy|y-o-y|year[- ]on[- ]year|variance)\b.*$|^.*\bchange\s*(?:\(%\)|%)?$", re.I
)
_UNIT_HEADER = re.compile(r"^units?$", re.I)
# A column of progress against targets in a year: "Status 2023", "Progress in 2023", "2023 status".
_PROGRESS = re.compile(
    r"^(?:status|progress|performance|achieved)(?:\s+(?:in|as\s+(?:at|of)))?\s+(?P<year>(?:19|20)\d\d)$"
    r"|^(?P<after>(?:19|20)\d\d)\s+(?:status|progress|performance)$",
    re.I,
)
# A unit as a cell prints it when it runs into its column, judged without the lexicon: one word
# with a mark no label word holds ("MWh/HK$m", "m³", "tCO2e"), or a short one ("kg", "GJ").
_UNIT_LIKE = re.compile(r"^(?:\S*[^\sA-Za-z]\S*|[A-Za-z]{1,5})$")
_RULE_LINE = re.compile(r"^(?:-{3,}|={3,}|_{3,}|─{3,}|━{3,})$")
# A column of short notes beside the figures ("Remarks": "Location-based", "GWP 1,430", "2020:
# nil"): text, whose numbers (a conversion factor, a year) are none of the row's figures.
_REMARKS_HEADER = re.compile(r"^(?:remarks?|comments?|notes?)$", re.I)
# A column of the levels the company commits to reach by a year, printed beside the years
# ("Target 2030", "2030 target", "Target (2030)", "Target for 2030"): a target, not a level.
_TARGET_HEADER = re.compile(
    rf"^(?:targets?\s+(?:for\s+|by\s+)?\(?(?P<year>(?:19|20)\d\d)\)?|(?P<before>(?:19|20)\d\d)\s+targets?)"
    rf"(?P<marker>(?:{_MARKER})*)$",
    re.I,
)
# A lettered marker glued to a label's closing parenthesis, "Scope 1 emissions (tCO2e)(a)", is a
# note's marker, not the label's unit; a letter in parentheses elsewhere ("Employee(s)") is text.
# The power of an area or volume unit ("m³", "km²", "Water, m³") is no marker.
_LABEL_MARKER = re.compile(
    rf"(?<=\S)(?![²³](?<=\bm[²³])|[²³](?<=\b[kcd]m[²³]))(?P<marker>(?:{_MARKER})+|(?<=\))\([a-z]\))(?=\s*(?:\(|$))"
)
_LABEL_UNIT = re.compile(r"^(?P<label>.+?)\s*\((?P<unit>[^()]+)\)\.?$")
_PART_PREFIX = re.compile(r"^(?:[-–—•·]\s+|of which:?\s+)", re.I)
_OF_WHICH = re.compile(r"^of which\b", re.I)
_BY_HEADING = re.compile(r"^(?:breakdown\s+)?by\s+\w.*$", re.I)
# A breakdown's heading printed into each of its rows' labels: "By gender: male", "By region:
# Hong Kong" (the group's words may stand on the label's second line).
_BY_LABEL = re.compile(r"^(?P<by>(?:breakdown\s+)?by\s+\w[\w\s-]{0,40}?)\s*:\s*(?P<rest>.*)$", re.I)
# A row label that prints its breakdown heading, or "of which", before a colon and its first
# part ("By gender: male", "of which: gangue"), the other parts under that part's first letter.
_GLUED = re.compile(r"^(?P<head>(?:breakdown\s+)?by\s+\w[^:]{0,40}|of\s+which)\s*:\s*(?P<part>\S.*)$", re.I)
_CAPTION = re.compile(r"^(?:Table|Figure|Chart|Exhibit)\s+\d+(?:\.\d+)*\b")
# A label that is only a gender, age group, employment type or employee category (the groups
# HKEX B1.1, B3.1 and B3.2 ask figures by), its unit in parentheses or not: a part of the total above it.
_BREAKDOWN_LABEL = re.compile(
    r"^(?:male|female|men|women|(?:aged\s+)?(?:under|below|over|above)\s+\d{2}|(?:aged\s+)?\d{2}\s*(?:[-–]|to)\s*\d{2}"
    r"|(?:aged\s+)?\d{2}\s*(?:\+|(?:and|or)\s+(?:above|over|older|below|under|younger))"
    r"|full[- ]time|part[- ]time|(?:senior|middle|junior)\s+(?:management|managers)"
    r"|(?:general|frontline|front-line)\s+(?:staff|employees|workers))(?:\s*\([^()]*\))?$",
    re.I,
)
# A row that says it sums the rows around it: "Total employees", "Overall", "All staff".
_TOTAL_LABEL = re.compile(r"^(?:(?:sub-?)?total|overall|all)\b", re.I)
_GROUP_HEADING = re.compile(r"^\d+\.\s+(?P<title>[A-Z][^\n.]{1,80})$", re.M)
_BOUNDARY = re.compile(r"Unless otherwise specified,[^.\n]*?\bcover(?:s)?\s+(?:the\s+\w+'s\s+)?(?P<boundary>[^.\n]+)\.")
# The marks a footnote opens with; a note's line may also open with "(a)" or "1.".
_NOTE_MARKS = r"\*{1,3}|†|‡|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\(\d{1,2}\)|\[\d{1,2}\]|Note\s*\d{1,2}:?"
_NOTE = re.compile(rf"^(?P<marker>{_NOTE_MARKS}|\([a-z]\)|\d{{1,2}}\.)\s*(?P<text>\S.*)$")
# A footnote's marker alone ("*" of "*   Scope 1 includes ..."): a note printed with a run of
# spaces after its marker splits into two cells, which are no table row.
_NOTE_MARKER = re.compile(rf"^(?:{_NOTE_MARKS})$")
_NOTES_HEADING = re.compile(r"^notes?:?$", re.I)
# A list's bullet alone, a run of spaces keeping it from its item ("•   8 audits were completed").
_BULLET_MARK = re.compile(r"^[•·▪◦‣●■–-]$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}$", re.I)
# The last header cell of an index (contents, a reporting guide's content index): "Page", "Page
# number", "Page reference"; its rows' figures are page numbers ("5", "5-7", "5, 12").
_PAGE_COLUMN = re.compile(r"^(?:pages?|page\s+(?:no\.?|numbers?|references?))$", re.I)
_PAGES = re.compile(r"^\d{1,3}(?:\s*[-–,]\s*\d{1,3})*$")
_DIGIT = re.compile(r"\d")
_STUB = re.compile(r"[A-Za-z]{2}")
_COUNT_STUB = re.compile(r"^(?:total\s+)?(?:number|no\.)\s+of\s+\w", re.I)


def marker_key(marker: str) -> str:
    """A footnote marker without its printing: ``¹``, ``(1)``, ``[1]``, ``Note 1``, ``1.`` are all ``1``."""
    text = marker.strip().translate(SUPERSCRIPTS)
    if (letter := re.fullmatch(r"\(([a-z])\)", text)) is not None:
        return letter.group(1)  # "(a)"
    digits = re.sub(r"\D", "", text)
    return digits or text.rstrip(":")


def _markers(text: str) -> tuple[str, ...]:
    return tuple(marker_key(m.group()) for m in re.finditer(_MARKER, text) if m.group().strip())


@dataclass(frozen=True)
class Column:
    """One column of a table: a year, a change, a unit column, or (headerless) the one figure."""

    # year | change | unit | figure | measure (a header naming what the column measures) | site | remarks
    # | target (the levels committed to for its year)
    kind: str
    header: Cell | None
    period: str | None = None  # as printed: "2021", "FY2021", "2019/20"
    year: int | None = None  # the calendar year the period ends in
    fiscal: bool = False  # a fiscal-year label (FY..., YYYY/YY), which needs the fiscal year end
    unit: str | None = None  # a unit printed in the header, e.g. "HK$'000"
    markers: tuple[str, ...] = ()
    ends: tuple[int, int] | None = None  # (month, day) a dated header names: "Year ended 31 March 2024"
    instant: bool = False  # the header names the day the figures are of: "As at 31 March 2024"
    # A site column (kg.ingest.site_columns): the site (mine, plant, region) its figures cover, as
    # printed; None for the column that totals the sites ("Group total").
    boundary: str | None = None
    total: bool = False  # the column that totals the site columns
    # A year column that reports progress against targets ("Status 2023", "Progress in 2023"):
    # a signed figure in it is a change since the targets' baseline.
    progress: bool = False


@dataclass(frozen=True)
class FigureCell:
    """One cell read as a figure or as not disclosed, with the footnote markers printed beside it."""

    column: Column
    figure: Cell  # the figure as printed, without markers (or the not-disclosed mark)
    disclosed: bool
    markers: tuple[str, ...] = ()
    qualifier: str | None = None  # the word bounding it as printed ("about"), lower case, one space apart


@dataclass(frozen=True)
class FigureRow:
    """One row: label as printed (its unit in parentheses, if any), unit column, cells, total row."""

    label: str
    unit: str | None  # the row's cell in a unit column
    cells: tuple[FigureCell, ...]
    start: int
    end: int
    markers: tuple[str, ...] = ()
    parent: int | None = None  # index in the table's rows of the total this row is a part of
    breakdown: str | None = None  # the "By ..." line the part is listed under
    partial: bool = False  # an "of which" part: one part of the total, not a breakdown of all of it
    section: str | None = None  # the heading line inside the table the row is printed under ("Waste")
    # The unit the heading prints in parentheses ("Average training hours by gender (hours)"),
    # for the rows under it that print none.
    section_unit: str | None = None
    code: str | None = None  # the reporting-guide code the row prints in a code column ("A1.2")


@dataclass(frozen=True)
class Unread:
    """A cell holding a digit that is not read as a figure, and why."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Footnote:
    """A note printed below a table, keyed by its marker."""

    marker: str
    text: Cell


@dataclass
class FigureTable:
    """One figure table: its columns, rows, footnotes, and the cells it could not read."""

    start: int
    end: int
    columns: tuple[Column, ...]
    group: str | None
    boundary: str | None
    unit: str | None  # a unit printed in the header's first cell, for every column
    header: Cell | None  # the header row, when the table has one
    rows: list[FigureRow] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    notes: dict[str, Footnote] = field(default_factory=dict)
    caption: str | None = None  # the title of a "Table 5 Packaging materials" line right above the header
    # What the caption prints in parentheses after its title ("Table 9 Turnover rate (%)",
    # "Table 8 Employees (persons, as at 31 December)"): a unit for every row, and the day
    # the figures are of.
    caption_unit: str | None = None
    caption_day: str | None = None
    # What the header's first cell says the rows measure, without its unit ("Water" of "Water
    # (megalitres)  FY2023  FY2022", "Number of suppliers"), when it prints one.
    stub: str | None = None

    @property
    def cells(self) -> int:
        """Cells with a figure or a not-disclosed mark, and cells holding a digit not read."""
        return sum(len(r.cells) for r in self.rows) + len(self.unread)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    indent: int  # leading spaces, or 4 per leading tab before a label
    cells: tuple[Cell, ...]
    aligned: bool = False  # cut by the columns of its space-aligned block (kg.ingest.column_layout)

    @property
    def first(self) -> str:
        return self.cells[0].text if self.cells else ""


def _split_line(text: str, start: int, end: int) -> _Line:
    raw = text[start:end]
    body = raw.lstrip(" \f")
    at = start + len(raw) - len(body)
    indent = len(raw) - len(body) - raw.count("\f")
    if "\t" not in body and ("  " not in body.rstrip() or _CAPTION.match(body)):  # one cell: most lines
        return _Line(start, end, indent, (Cell(body.rstrip(), at, at + len(body.rstrip())),))
    leading_tabs = len(body) - len(body.lstrip("\t"))
    cells: list[Cell] = []
    pos = 0
    for m in [*_SPLIT.finditer(body), None]:
        stop = m.start() if m else len(body)
        part = body[pos:stop]
        lead = len(part) - len(part.lstrip())
        cells.append(Cell(part.strip(), at + pos + lead, at + pos + lead + len(part.strip())))
        if m:
            pos = m.end()
    if leading_tabs and len(cells) > leading_tabs and cells[leading_tabs].text and not _is_cell(cells[leading_tabs]):
        # "<TAB>(dash) Male<TAB>..." : the label sits one column in, which prints as indentation.
        cells = cells[leading_tabs:]
        indent += 4 * leading_tabs
    while len(cells) > 1 and not cells[-1].text:
        cells.pop()
    return _Line(start, end, indent, tuple(cells))


def _aligned(line: _Line, aligned: AlignedLine) -> _Line:
    """A line as its space-aligned block's columns cut it: a blank cell stays in its column."""
    cells = list(aligned.cells)
    while len(cells) > 1 and not cells[-1].text:
        cells.pop()
    return _Line(line.start, line.end, line.indent, tuple(cells), aligned=True)


def _barred(line: _Line, cells: list[Span]) -> _Line:
    """A line cut at its bars (kg.ingest.bar_cells): a blank cell stays in its column."""
    kept = [Cell(*cell) for cell in cells]
    while len(kept) > 1 and not kept[-1].text:
        kept.pop()
    return _Line(line.start, line.end, 0, tuple(kept))


def prints_percent(text: str) -> bool:
    """Whether a figure cell prints its per cent sign: "12.5%", or a decrease "(8.7%)"."""
    return text.rstrip(")").endswith("%")


def _is_value(text: str) -> bool:
    """A cell text that is a figure or a not-disclosed mark, not a column word (a year)."""
    span = Cell(text, 0, len(text))
    return _is_cell(span) and _header_column(span) is None


def _is_year(text: str) -> bool:
    """A cell text that is a year column word ("2023", "FY2023", "2022/23")."""
    column = _header_column(Cell(text, 0, len(text)))
    return column is not None and column.kind == "year"


def _is_column_word(text: str) -> bool:
    """A cell text that is a figure, a not-disclosed mark or a column word (a year, "Change", "Unit")."""
    span = Cell(text, 0, len(text))
    return _is_cell(span) or _header_column(span) is not None


def _is_group_label(text: str) -> bool:
    """A cell text that names a group of people (a gender, an age group): a breakdown, no site."""
    return _BREAKDOWN_LABEL.match(text) is not None


# A row label that is a ratio unit ("m³/tonne of product", "kg/unit"): rows labelled by their
# units under a heading that names the measure ("Water intensity"), not the rest of that heading.
_UNIT_LABEL = re.compile(r"^(?!and/or\b)[^\s/]{1,8}/\S")


def _goes_on(label: str) -> bool:
    """Whether a row label is the second line of the label above it: it starts in lower case
    and is no unit of its own."""
    return label[:1].islower() and _UNIT_LABEL.match(label) is None


def _is_caption_line(text: str) -> bool:
    return _CAPTION.match(text) is not None


def _two_line_header(upper: _Line, lower: _Line) -> _Line:
    """A header printed on two lines ("%" over "change", "(MWh)" under "2021"), column by
    column: a cell printed on both lines has both lines' words joined by a space, and spans
    from the first to the last."""
    cells: list[Cell] = []
    for k in range(max(len(upper.cells), len(lower.cells))):
        parts = [line.cells[k] for line in (upper, lower) if k < len(line.cells) and line.cells[k].text]
        if len(parts) == 2:
            cells.append(Cell(f"{parts[0].text} {parts[1].text}", parts[0].start, parts[1].end))
        else:
            cells.append(parts[0] if parts else lower.cells[k] if k < len(lower.cells) else upper.cells[k])
    return _Line(upper.start, lower.end, lower.indent, tuple(cells), aligned=True)


def _unit_column(cols: tuple[Column, ...]) -> int | None:
    """The index of the table's unit column, if it has one."""
    return next((k for k, c in enumerate(cols) if c.kind == "unit"), None)


def _is_cell(span: Cell) -> bool:
    return bool(_FIGURE.match(span.text) or _NOT_DISCLOSED.match(span.text))


def _header_column(span: Cell) -> Column | None:
    text = english_part(span.text)  # "單位 Unit": the column word is the English one
    if m := _YEAR.match(text):
        year = int(m.group("year"))
        nxt = m.group("next")
        if nxt:
            end_year = int(nxt) if len(nxt) == 4 else (year // 100) * 100 + int(nxt)
            if end_year != year + 1:
                return None
            year = end_year
        return Column(
            "year",
            span,
            period=text[: m.end("next") if nxt else m.end("year")],
            year=year,
            fiscal=bool(m.group("fy") or nxt),
            unit=m.group("unit"),
            markers=_markers(m.group("marker") or ""),
        )
    if m := _DATED.match(text):
        return Column(
            "year",
            span,
            period=text[: m.end("year")],
            year=int(m.group("year")),
            fiscal=bool(m.group("ended")),
            markers=_markers(m.group("marker") or ""),
            ends=(_MONTH[m.group("month").lower()], int(m.group("day"))),
            instant=bool(m.group("as_at")),
        )
    if m := _PROGRESS.match(text):
        year = int(m.group("year") or m.group("after"))
        return Column("year", span, period=str(year), year=year, progress=True)
    if _CHANGE.match(text):
        return Column("change", span, unit="%" if "%" in text else None)
    if m := _TARGET_HEADER.match(text):
        year = m.group("year") or m.group("before")
        return Column("target", span, period=year, year=int(year), markers=_markers(m.group("marker") or ""))
    if _UNIT_HEADER.match(text):
        return Column("unit", span)
    if _REMARKS_HEADER.match(text):
        return Column("remarks", span)
    return None


def _unglued(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Header cells with two column words that one space joins ("2030 Status 2023": the
    conversion kept too narrow a gap between them) cut in two; the others as they are."""
    out: list[Cell] = []
    for cell in cells:
        cut = None
        if _header_column(cell) is None:
            for k in (k for k, ch in enumerate(cell.text) if ch == " "):
                left = Cell(cell.text[:k], cell.start, cell.start + k)
                right = Cell(cell.text[k + 1 :], cell.start + k + 1, cell.end)
                if _header_column(left) is not None and _header_column(right) is not None:
                    cut = (left, right)
                    break
        out.extend(cut or (cell,))
    return tuple(out)


# A day printed with the month cut short ("31 Mar 2024"), as the rows of a transposed table print it.
_SHORT_DAY = re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2})[a-z]*\.?\s+(?P<year>(?:19|20)\d\d)$")


def _period_column(span: Cell) -> Column | None:
    """The column a period printed as a row's first cell stands for: a year column word, or a
    day ("31 Mar 2024", "31 March 2024"), which is the day the row's figures are of."""
    column = _header_column(span)
    if column is not None:
        return column if column.kind == "year" else None
    m = _SHORT_DAY.match(span.text)
    month = next((n for name, n in _MONTH.items() if m and name.startswith(m.group("month").lower())), None)
    if m is None or month is None:
        return None
    return Column(
        "year", span, period=span.text, year=int(m.group("year")), ends=(month, int(m.group("day"))), instant=True
    )


def _header(line: _Line) -> tuple[Column, ...] | None:
    """The columns of a header row: every cell after the first a column word, one year at least."""
    if not line.cells or _is_cell(line.cells[0]):
        return None
    # A header over the figure columns only (its label column left blank) starts with a column.
    first = _header_column(line.cells[0])
    cells = _unglued(line.cells if first is not None and first.kind == "year" else line.cells[1:])
    columns = [_header_column(c) for c in cells]
    if line.aligned:  # a blank over an aligned column before the years: the unit column, unnamed
        years = [k for k, c in enumerate(columns) if c is not None and c.kind == "year"]
        columns = [
            Column("unit", None) if c is None and not cells[k].text and years and k < years[0] else c
            for k, c in enumerate(columns)
        ]
    if any(c is None for c in columns) or not any(c.kind == "year" for c in columns if c):
        return None
    return tuple(c for c in columns if c is not None)


# A year in a caption ("Table 4 Training in FY2022/23"): the period of a table whose columns are measures.
_CAPTION_YEAR = re.compile(r"(?<![\w/])(?:FY\s?)?(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?(?![\w/])", re.I)
# The day a caption says its figures are of, or the year they end on ("Employees as at 31 March 2024").
_CAPTION_DAY = re.compile(
    rf"\b(?:(?:for\s+the\s+)?(?:(?:financial|fiscal)\s+)?year\s+ended|as\s+(?:at|of|on))\s+\d{{1,2}}\s+(?:{MONTHS})\s+(?:19|20)\d\d\b",
    re.I,
)


# A measure's header cell closing on the year its column is of ("Average hours 2022", "Employees
# trained (%) FY2022/23"), beside measures of the report's year printed without one.
_MEASURE_YEAR = re.compile(r"^(?P<measure>.*\S)\s+(?P<year>(?:FY\s?)?(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?)$", re.I)


def _measure_column(cell: Cell, year: Column | None) -> Column | None:
    """The column a header cell naming a measure stands for: of the year the cell ends on
    (its measure the words before it), else of ``year`` (the caption's; None: the report's);
    None when a digit stands in its measure outside its parentheses."""
    m = _MEASURE_YEAR.match(cell.text)
    own = _header_column(Cell(m.group("year"), 0, len(m.group("year")))) if m else None
    if m is not None and own is not None and own.kind == "year":
        cell, year = Cell(m.group("measure"), cell.start, cell.start + m.end("measure")), own
    if _DIGIT.search(split_label(cell.text)[0]):
        return None
    return Column(
        "measure",
        cell,
        period=year.period if year else None,
        year=year.year if year else None,
        fiscal=bool(year and year.fiscal),
        unit=split_label(cell.text)[1],
        ends=year.ends if year else None,
        instant=bool(year and year.instant),
    )


def _measure_header(
    line: _Line, caption: str | None, units: tuple[str | None, ...] | None = None
) -> tuple[Column, ...] | None:
    """The columns of a header that names a measure over each figure column ("Category /
    Employees trained (%) / Average hours per employee"), its unit in parentheses or in its
    words, or on a units line under it (``units``, one per cell after the first): two measures
    at least, no digit outside their parentheses but a year closing a measure ("Average hours
    2022"), which is that column's period (one column at least prints none). Its label column
    may be blank over the labels, and, over a units line, one column may be a unit column
    ("Category / Unit / Number / Turnover" over a line printing "%" under "Turnover"). The
    period of every other column is the one year the caption above names ("Table 4 Training in
    FY2022/23"), or the day it names ("Table 6 Employees as at 31 March 2024"), else the
    report's (no year)."""
    cells = line.cells
    if len(cells) < 3 or any(not c.text or _is_cell(c) for c in cells[1:]) or _is_cell(cells[0]):
        return None
    kinds = [_header_column(c) for c in cells]
    if any(k is not None and k.kind != "unit" for k in kinds) or [k for k in kinds[1:] if k is not None][1:]:
        return None
    if units is None and any(kinds):
        return None  # "Indicator  Unit  Site A  Site B" without a units line is a table of sites
    if sum(k is None for k in kinds[1:]) < 2 or kinds[0] is not None:
        return None
    if _DIGIT.search(split_label(cells[0].text)[0]):
        return None
    dated = [_header_column(Cell(m.group(), 0, len(m.group()))) for m in _CAPTION_DAY.finditer(caption or "")]
    years = dated or [_header_column(Cell(m.group(), 0, len(m.group()))) for m in _CAPTION_YEAR.finditer(caption or "")]
    if len(years) > 1 or None in years:
        return None
    year = years[0] if years else None
    below = units or (None,) * (len(cells) - 1)
    columns: list[Column] = []
    for c, kind, unit in zip(cells[1:], kinds[1:], below, strict=True):
        if kind is not None:
            columns.append(Column("unit", c))
            continue
        column = _measure_column(c, year)
        if column is None:
            return None  # a digit in a measure
        columns.append(replace(column, unit=column.unit or unit))
    if all(col.header is not cells[k] for k, col in enumerate(columns, start=1) if col.kind == "measure"):
        return None  # every measure naming its year: a table of years
    return tuple(columns)


def _header_unit(line: _Line) -> str | None:
    """A unit printed in the first header cell: ``Indicator (HK$'000)``; not the day it may
    print beside it (``Employees (headcount as at 30 June)``), which is the figures' day."""
    return split_caption(line.first)[1]


def split_label(label: str) -> tuple[str, str | None]:
    """A row label and the unit in its last parentheses: ``Waste (tonnes)`` is ``Waste``, ``tonnes``."""
    m = _LABEL_UNIT.match(label)
    return (m.group("label").strip(), m.group("unit").strip()) if m else (label, None)


_DAY = re.compile(r"^as\s+(?:at|of|on)\s+\S", re.I)


# A heading inside a table that prints only the unit of the rows under it: "In tonnes", "In
# HK$ million", "Figures in megalitres". Only a candidate: the loader keeps it when it names a unit.
_UNIT_HEADING = re.compile(r"^(?:(?:all\s+)?(?:figures|amounts|data)\s+)?in\s+(?P<unit>[^\d\s].{0,39}?)\.?$", re.I)


def heading_unit(heading: str) -> str | None:
    """The unit a heading inside a table prints for its rows: in its last parentheses
    ("Hazardous waste intensity (t/tonne)"), or alone after "In" ("In tonnes"); else None."""
    if (paren := split_label(heading)[1]) is not None:
        return paren
    m = _UNIT_HEADING.match(heading.strip())
    return m.group("unit") if m else None


def unit_heading(heading: str | None) -> bool:
    """Whether a heading inside a table prints the rows' unit and nothing else ("In tonnes"): it
    names no measure of the rows under it."""
    return heading is not None and _UNIT_HEADING.match(heading.strip()) is not None


def split_caption(title: str) -> tuple[str | None, str | None, str | None]:
    """A caption's title as printed, and what its last parentheses print: a unit, an "as at"
    day, or both, apart with a comma or not ("Employees (persons, as at 31 December)",
    "Employees (headcount as at 30 June)").

    The unit is only a candidate ("(continued)" is none): it is resolved where the cells are
    read, and ignored there when it names no unit.
    """
    name, paren = split_label(title)
    if paren is None or not name:
        return title or None, None, None
    parts = [p.strip() for p in re.split(r"[,;]|\s+(?=as\s+(?:at|of|on)\s)", paren, flags=re.I) if p.strip()]
    days = [p for p in parts if _DAY.match(p)]
    units = [p for p in parts if not _DAY.match(p)]
    if len(days) > 1 or len(units) > 1:
        return title, None, None
    return title, units[0] if units else None, days[0] if days else None


def _running_heads(text: str) -> set[str]:
    counts = Counter(line.strip(" \f") for line in text.splitlines())
    return {line for line, n in counts.items() if n >= 3 and line and line == line.upper() and not line.isdigit()}


def _spans(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = _spans(text)
        self.lines = [_split_line(text, s, e) for s, e in self.spans]
        aligned = aligned_lines(text, self.spans, _is_value)
        for i, line in aligned.items():
            self.lines[i] = _aligned(self.lines[i], line)
        # Tables printed with a bar between cells ("| Indicator | Unit | 2024 |"): cut at the bars.
        bars, self.rules = bar_rows(text, self.spans)
        # A rule of dashes under a header or between rows ("-------"): no cell, no heading.
        self.rules.update(k for k, (s, e) in enumerate(self.spans) if _RULE_LINE.match(text[s:e].strip(" \t\f")))
        for i, cells in bars.items():
            self.lines[i] = _barred(self.lines[i], cells)
        # Two-line headers, by their first line: two header lines of one aligned block, the first
        # printing a column word (not a label alone), that read as a header together.
        self.two_line: dict[int, _Line] = {}
        for i, line in aligned.items():
            lower = aligned.get(i + 1)
            if lower is None or line.figures or lower.figures or not any(c.text for c in line.cells[1:]):
                continue
            merged = _two_line_header(self.lines[i], self.lines[i + 1])
            if _header(merged) is not None:
                self.two_line[i] = merged
        # Tables printed one cell a line (kg.ingest.stacked_cells): each header and row is read
        # as one line at its first line; the lines it took after that are skipped.
        self.absorbed: set[int] = set()
        for i, stacked in stacked_lines(text, self.spans, _is_value, _is_year, _is_caption_line).items():
            self.lines[i] = _Line(self.spans[i][0], self.spans[stacked.last][1], self.lines[i].indent, stacked.cells)
            self.absorbed.update(range(i + 1, stacked.last + 1))
        self.row_lead: dict[int, int] = {}  # where a line's row starts as printed, before what is not read
        self.codes: dict[int, str] = {}  # the code a row's first column prints (kg.ingest.code_columns)
        self.code_header: dict[int, int] = {}  # a code row's line -> its table's header line
        self._code_tables()
        self._english_labels()
        self.cells = [line.cells for line in self.lines]  # the lines' cells, as transposed_block reads them
        # Headers of measures with a units line or a rule under them: the line their rows start at.
        self.under_header: dict[int, int] = {}
        self.heads = _running_heads(text)
        self.first_cells = Counter(line.first for line in self.lines if len(line.cells) == 2)
        groups = [(m.end(), m.group("title").strip()) for m in _GROUP_HEADING.finditer(text)]
        boundaries = [(m.end(), m.group("boundary").strip()) for m in _BOUNDARY.finditer(text)]
        self.group_ends, self.groups = [g[0] for g in groups], [g[1] for g in groups]
        self.boundary_ends, self.boundaries = [b[0] for b in boundaries], [b[1] for b in boundaries]

    def _code_tables(self) -> None:
        """Tables whose first column prints each row's reporting-guide code
        (:mod:`kg.ingest.code_columns`): read without that column, each row keeping its code."""
        for table in code_tables(
            [line.cells for line in self.lines],
            lambda i, cells: _header(replace(self.lines[i], cells=cells)) is not None,
            _is_value,
        ):
            self.lines[table.header] = replace(self.lines[table.header], cells=self.lines[table.header].cells[1:])
            for i in (*table.codes, *table.blank):
                line = self.lines[i]
                self.row_lead[i] = line.cells[0].start
                self.lines[i] = replace(line, cells=line.cells[1:])
                self.code_header[i] = table.header
            self.codes.update((i, cell.text) for i, cell in table.codes.items())

    def _english_labels(self) -> None:
        """Bilingual labels printed Chinese first ("能源消耗 Energy consumption") read by their
        English half (:mod:`kg.ingest.bilingual`); the row still starts where its line does."""
        for i, line in enumerate(self.lines):
            if not line.cells or not (k := english_start(line.first)):
                continue
            first = line.cells[0]
            self.row_lead.setdefault(i, first.start)
            self.lines[i] = replace(line, cells=(Cell(first.text[k:], first.start + k, first.end), *line.cells[1:]))

    def raw(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e].strip(" \t\f")

    def is_row(self, i: int) -> bool:
        line = self.lines[i]
        return (
            len(line.cells) >= 2
            and bool(line.first)
            and not _is_cell(line.cells[0])
            and any(_is_cell(c) or _DIGIT.search(c.text) for c in line.cells[1:])
        )

    def is_cells_only(self, i: int) -> bool:
        line = self.lines[i]
        cells = [c for c in line.cells if c.text]
        return bool(cells) and all(_is_cell(c) for c in cells) and not line.first

    def is_label_only(self, i: int) -> bool:
        line = self.lines[i]
        raw = self.raw(i)
        return len(line.cells) == 1 and 0 < len(raw) <= 120 and not raw.endswith((".", ":")) and raw not in self.heads

    def furniture(self, i: int) -> bool:
        raw = self.raw(i)
        s, e = self.spans[i]
        return (
            not raw or "\f" in self.text[s:e] or raw in self.heads or bool(_PAGE_NUMBER.match(raw)) or self.page_foot(i)
        )

    def page_foot(self, i: int) -> bool:
        """A line of two cells right above a page break whose first cell other pages print too
        ("2020 ESG Report   06"): the page's footer, its page number no figure."""
        if i + 1 >= len(self.spans) or len(self.lines[i].cells) != 2:
            return False
        s, e = self.spans[i + 1]
        first, number = self.lines[i].cells
        return (
            self.text[s:e].startswith("\f")
            and _PAGE_NUMBER.match(number.text) is not None
            and self.first_cells[first.text] >= 2
        )

    def page_index(self, i: int) -> int:
        """The line after an index whose header (line ``i``) ends in a "Page" column, or ``i``.

        Its rows hold page numbers, which are no figures, whatever their labels name.
        """
        line = self.lines[i]
        if len(line.cells) < 2 or not _PAGE_COLUMN.match(line.cells[-1].text):
            return i
        j = i + 1
        while j < len(self.lines):
            if self.page_row(j):
                j += 1
                continue
            # Headings between its rows ("A. Environmental", "Mandatory disclosure requirements")
            # are the index's when page rows follow them.
            k = j
            while k < len(self.lines) and self.is_label_only(k) and not _DIGIT.search(self.raw(k)):
                k += 1
            if k == j or not (k < len(self.lines) and self.page_row(k)):
                break
            j = k
        return j

    def page_row(self, j: int) -> bool:
        """A row of an index: its last cell a page number or numbers."""
        return len(self.lines[j].cells) >= 2 and _PAGES.match(self.lines[j].cells[-1].text) is not None

    def measures(self, i: int) -> tuple[Column, ...] | None:
        """The columns of a header of measures (:func:`_measure_header`) at line ``i``, when the
        first row is a row of as many cells, all figures (but a unit column's). That row is the
        line below, or the line below a units line ("Unit  %  hours") and a rule of dashes
        under the header, which are the header's (``self.under_header``)."""
        header = self.lines[i]
        j = i + 1
        units = units_line(self.cells[j], len(header.cells), _is_value, _is_year) if j < len(self.lines) else None
        if units is not None:
            j += 1
        if j < len(self.lines) and (is_rule(self.cells[j]) or j in self.rules):
            j += 1
        if j >= len(self.lines) or not self.is_row(j):
            return None
        row = self.lines[j]
        if len(row.cells) != len(header.cells):
            return None
        columns = _measure_header(header, self.caption_above(i), units)
        unit_col = _unit_column(columns) if columns is not None else None
        if columns is None or not all(_is_cell(c) for k, c in enumerate(row.cells[1:]) if k != unit_col):
            return None
        if j > i + 1:
            self.under_header[i] = j
        return columns

    def sites(self, i: int) -> tuple[Column, ...] | None:
        """The columns of a header of sites (:mod:`kg.ingest.site_columns`) at line ``i``, when
        the line below is a row of as many cells with a figure among them."""
        if i + 1 >= len(self.lines) or not self.is_row(i + 1):
            return None
        line, row = self.lines[i], self.lines[i + 1]
        if len(row.cells) != len(line.cells):
            return None
        caption = self.caption_above(i)
        years = [_header_column(Cell(m.group(), 0, len(m.group()))) for m in _CAPTION_YEAR.finditer(caption or "")]
        if len(years) > 1 or None in years:
            return None  # a caption naming several years: the columns' period is not one
        roles = site_columns([c.text for c in line.cells], _is_column_word, _is_group_label)
        if roles is None:
            return None
        year = years[0] if years else None
        columns: list[Column] = []
        for cell, role in zip(line.cells[1:], roles, strict=True):
            if role == "unit":
                columns.append(Column("unit", cell))
                continue
            total = role == "total"
            columns.append(
                Column(
                    "site",
                    cell,
                    period=year.period if year else None,
                    year=year.year if year else None,
                    fiscal=bool(year and year.fiscal),
                    boundary=None if total else cell.text,
                    total=total,
                )
            )
        return tuple(columns)

    def tables(self) -> list[FigureTable]:
        found: list[FigureTable] = []
        i = 0
        while i < len(self.lines):
            if i in self.absorbed:
                i += 1
                continue
            columns = _header(self.header_line(i))
            if (after := self.page_index(i)) > i:
                i = after
            elif columns is not None:
                i = self.read(i, self.spanned(i, columns), found)
            elif found and (after := self.read_tail(i, found[-1])) > i:
                i = after
            elif (block := self.transposed(i)) is not None:
                i = self.read_transposed(i, block, found)
            elif (measures := self.measures(i)) is not None:
                i = self.read(i, measures, found)
            elif (sites := self.sites(i)) is not None:
                i = self.read(i, sites, found)
            elif self.is_headerless_row(i):
                i = self.read(i, None, found)
            else:
                i += 1
        return found

    def read_tail(self, i: int, table: FigureTable) -> int:
        """Rows printed under the table's footnotes, headed by a "By ..." line and no header of
        their own ("By site (tCO2e)" over "Site A  1,200  1,150"), each with a figure for every
        column of the table: a breakdown of the table's last total row ("Total emissions"),
        or of no row when it has none. Returns the line after them, or ``i`` when line ``i``
        heads no such rows."""
        if table.header is None or not self.is_label_only(i) or not _BY_HEADING.match(heading := self.raw(i)):
            return i
        between = self.text[table.end : self.spans[i][0]]
        if between.count("\n") > 8 or any(
            _CAPTION.match(line.strip()) or _SPLIT.search(line.strip()) for line in between.split("\n")[1:]
        ):
            return i  # only the table's notes (prose, a marker and its text) may stand between
        width = len(table.columns) + 1
        j = i + 1
        while j < len(self.lines) and self.is_row(j) and len(self.lines[j].cells) == width:
            if not all(_is_cell(c) for c in self.lines[j].cells[1:]):
                break
            j += 1
        if j - i < 2:
            return i
        totals = [k for k, r in enumerate(table.rows) if r.parent is None and _TOTAL_LABEL.match(r.label)]
        parent = totals[-1] if totals else None
        breakdown, section = (heading, None) if parent is not None else (None, (heading, ()))
        for k in range(i + 1, j):
            self.row(table, self.lines[k], table.columns, None, parent, breakdown, section)
            table.end = self.lines[k].end
        return j

    def transposed(self, i: int) -> TransposedBlock | None:
        """The transposed table (periods as rows, :mod:`kg.ingest.transposed_cells`) whose header is line ``i``."""
        if not self.lines[i].cells or self.furniture(i) or _CAPTION.match(self.raw(i)):
            return None
        return transposed_block(
            self.cells[: i + 40],
            i,
            _is_value,
            lambda t: _period_column(Cell(t, 0, len(t))) is not None,
            lambda t: bool(_CHANGE.match(t)),
        )

    def read_transposed(self, first: int, block: TransposedBlock, found: list[FigureTable]) -> int:
        """Read a transposed table as the ordinary table it is turned round: a column per period
        row (and per change row), a row per measure of the header."""
        header = self.lines[first]
        columns = tuple(
            _period_column(cell) or Column("change", cell, unit="%" if "%" in cell.text else None)
            for cell, _ in block.rows
        )
        group, boundary = self._context(self.spans[first][0])
        head = Cell(self.text[header.start : header.end], header.start, header.end)
        table = FigureTable(self.spans[first][0], header.end, columns, group, boundary, None, head)
        if (title := self.caption_above(first)) is not None:
            caption = _CAPTION.match(title)
            assert caption is not None  # caption_above returns caption lines only
            table.caption, table.caption_unit, table.caption_day = split_caption(title[caption.end() :].strip(" .:–-"))
        for k, measure in enumerate(block.measures):
            markers = tuple(marker_key(m.group("marker")) for m in _LABEL_MARKER.finditer(measure.text))
            cells: list[FigureCell] = []
            for column, (_, row) in zip(columns, block.rows, strict=True):
                self._cell(table, cells, column, row[k])
            end = block.rows[-1][1][k].end
            label = _LABEL_MARKER.sub("", measure.text).strip()
            unit = block.units[k] if block.units else None  # the units line's cell under the measure
            table.rows.append(FigureRow(label, unit, tuple(cells), measure.start, end, markers))
        table.end = block.rows[-1][1][-1].end  # the last row's last cell, not the rule under it
        self.notes(table, block.last + 1)
        found.append(table)
        return block.last + 1

    def spanned(self, i: int, columns: tuple[Column, ...]) -> tuple[Column, ...]:
        """The columns of the header at line ``i`` under headers that span them: a measure printed
        on one or two lines over each group of year columns ("Employees trained (%)" over
        "FY2023/24  FY2022/23", "Average training hours per employee" over the next two), when the
        header prints its years more than once. Each year column becomes a column of the measure
        above it, of its year; else the columns as they are."""
        years = [c for c in columns if c.kind == "year" and c.header is not None]
        if len(years) != len(columns) or len({c.period for c in years}) == len(years):
            return columns
        label_end = self.lines[i].cells[0].end - self.spans[i][0] if self.lines[i].first else 0
        above: list[list[tuple[int, Cell]]] = []  # the lines above: (position on the line, cell)
        for j in range(i - 1, max(i - 3, -1), -1):
            s = self.spans[j][0]
            cells = [(c.start - s, c) for c in self.lines[j].cells if c.text]
            if not cells or _CAPTION.match(self.raw(j)) or any(at < label_end for at, _ in cells):
                break
            above.insert(0, cells)
        if not above or len(above[0]) < 2:
            return columns
        groups = [[cell] for _, cell in above[0]]
        for at, cell in (c for line in above[1:] for c in line):  # a second line's words join the group nearest them
            groups[_nearest(above[0], at, len(cell.text))].append(cell)
        measures = [Cell(" ".join(c.text for c in g), g[0].start, g[-1].end) for g in groups]
        s = self.spans[i][0]
        placed = [_nearest(above[0], c.header.start - s, len(c.header.text)) for c in years if c.header is not None]
        if len(set(placed)) != len(groups):
            return columns
        return tuple(
            replace(c, kind="measure", header=measures[k], unit=split_label(measures[k].text)[1])
            for c, k in zip(years, placed, strict=True)
        )

    def is_headerless_row(self, i: int) -> bool:
        """Whether line ``i`` is a row of one figure without a header (``Label (unit)   figure``):
        not page furniture (a running head printing the report's year), not a caption whose
        title a double space cuts off its number ("Table 11  Suppliers (as at 31 March)"), not a
        footnote whose marker a run of spaces cuts off its text ("*   LNG for 12 trucks"), nor a
        bullet so cut off from its item ("•   8 audits were completed")."""
        return (
            self.is_row(i)
            and not _NOTE_MARKER.match(self.lines[i].first)
            and not _BULLET_MARK.match(self.lines[i].first)
            and len(self.lines[i].cells) == 2
            and not self.page_foot(i)
            and not self.furniture(i)
            and not _CAPTION.match(self.raw(i))
        )

    def caption_above(self, i: int) -> str | None:
        """The caption line ("Table 5 Workforce (as at 31 December)") of the table whose header
        starts at line ``i``: the line right above it, or the one above a blank line between
        them (a conversion often prints a blank line under a table's title)."""
        for j in (i - 1, i - 2):
            if j < 0:
                return None
            if _CAPTION.match(raw := self.raw(j)):
                return raw
            if raw:
                return None
        return None

    def header_line(self, i: int) -> _Line:
        """The header starting at line ``i``: that line, or the two lines of a two-line header."""
        return self.two_line.get(i, self.lines[i])

    def _context(self, at: int) -> tuple[str | None, str | None]:
        """The group heading ("1. Emissions") and stated boundary last printed before offset ``at``."""
        g = bisect_right(self.group_ends, at)
        b = bisect_right(self.boundary_ends, at)
        return (self.groups[g - 1] if g else None, self.boundaries[b - 1] if b else None)

    def read(self, first: int, columns: tuple[Column, ...] | None, found: list[FigureTable]) -> int:
        """Read the table starting at line ``first`` (its header, or its first headerless row)."""
        header = self.header_line(first) if columns is not None else None
        table_unit = _header_unit(header) if header else None
        cols = columns or (Column("figure", None),)
        group, boundary = self._context(self.spans[first][0])
        head = Cell(self.text[header.start : header.end], header.start, header.end) if header else None
        end = header.end if header else self.spans[first][1]
        table = FigureTable(self.spans[first][0], end, cols, group, boundary, table_unit, head)
        if header is not None and _STUB.search(header.first):
            # A measure when it prints its unit ("Water (megalitres)") or says it counts ("Number
            # of suppliers"); a first cell of neither ("Region", "Indicator") names the labels' kind.
            name, paren = split_label(header.first)
            if paren is not None and table_unit is not None:
                table.stub = name
            elif _COUNT_STUB.match(header.first):
                table.stub = header.first
        # A caption over headerless rows ("Table 4 Suppliers by region (2023)" over "Region A  31")
        # is theirs as a header's is: it says what they count.
        if (title := self.caption_above(first)) is not None:
            caption = _CAPTION.match(title)
            assert caption is not None  # caption_above returns caption lines only
            table.caption, table.caption_unit, table.caption_day = split_caption(title[caption.end() :].strip(" .:–-"))
        i = (first + (2 if first in self.two_line else 1)) if header else first
        i = self.under_header.get(first, i)
        pending: _Line | None = None  # the first line of a row label printed on two lines
        heading: str | None = None
        section: tuple[str, tuple[str, ...]] | None = None  # the heading line above the rows, its markers
        total: tuple[int, int] | None = None  # the last row that is no part: index, indentation
        indented = False  # whether the parts under the "By ..." heading are indented under their total
        row_line = -1  # the line the last row's figures (or its label's second line) stand on
        labelled_by = False  # whether the last row printed its breakdown's heading in its label
        of_which: int | None = None  # where the parts of an "of which: ..." list start on their lines
        # A "By ..." heading whose parts are listed above their total (see _listed_above), and its
        # indentation: the rows indented under it are parts of no row above.
        listed: tuple[str, int] | None = None
        while i < len(self.lines):
            if i in self.absorbed:
                i += 1
                continue
            if header is not None and first not in self.two_line:
                self.lines[i] = self.cut_at_header(i, header, first, cols)
            line = self.lines[i]
            if i in self.rules or (
                header is not None and [c.text for c in line.cells] == [c.text for c in header.cells]
            ):
                i += 1  # a rule under a barred header ("|---|"), or the header printed again after a page break
                continue
            if _header(line) is not None:
                break  # "New hires and turnover / FY2022 / FY2023": the next table's header
            if self.unit_wrapped(i, cols):
                pending = line  # "Energy intensity  MWh/" over "per HK$ million of revenue  HK$ mn  76.4"
                i += 1
                continue
            if self.is_row(i) and (header is not None or len(line.cells) == 2) and not self.page_foot(i):
                if listed is not None and line.indent > listed[1] and pending is None:
                    self.row(table, line, cols, None, None, listed[0], section)
                    table.end = line.end
                    row_line = i
                    i += 1
                    continue
                listed = None
                row_index = len(table.rows)
                row_start = self.row_lead.get(i, line.cells[0].start)  # before its code and Chinese label
                # A wrapped row is indented as its first line is (its second may be indented as a wrap).
                placed = replace(line, indent=pending.indent) if pending is not None else line
                glued = self.glued(placed) if pending is None and total is not None else None
                if glued is not None and not self.lined_up(i + 1, glued[0].indent):
                    glued = None  # no part printed under its first: read below as a heading on each row
                if glued is not None:
                    placed, head = glued
                    labelled_by = False
                    if _OF_WHICH.match(head):
                        of_which = placed.indent
                    else:
                        heading, indented, of_which = head, False, None
                elif total is not None and pending is None and (by := _BY_LABEL.match(line.first)) is not None:
                    # "By gender: male" under "Total employees": the part "male" under the heading "By gender".
                    heading, indented, labelled_by = by.group("by"), False, True
                    label = Cell(by.group("rest"), line.cells[0].start + by.start("rest"), line.cells[0].end)
                    line = replace(line, cells=(label, *line.cells[1:]))
                    placed = line
                elif labelled_by:  # a row without the prefix ends the breakdown its prefix named
                    heading, labelled_by = None, False
                part_of, dimension = self._part(placed, heading, total, table, indented)
                partial = part_of is not None and of_which is not None and placed.indent == of_which
                self.row(table, line, cols, pending, part_of, dimension, section, placed.cells[0], partial)
                table.rows[-1] = replace(
                    table.rows[-1], start=min(row_start, table.rows[-1].start), code=self.codes.get(i)
                )
                if part_of is None:
                    total = (row_index, line.indent)
                    heading, of_which = None, None
                elif dimension is not None and total is not None:
                    indented |= placed.indent > total[1]
                pending = None
                table.end = line.end
                row_line = i
                i += 1
                continue
            if self.is_cells_only(i) and table.rows and self._continues(table, line):
                self.continuation(table, line)
                table.end = line.end
                row_line = i
                i += 1
                continue
            if header is not None and table.rows and row_line == i - 1 and self.label_below(i):
                self.label_continued(table, line)
                table.end = line.end
                row_line = i
                i += 1
                continue
            if self.is_label_only(i) and i + 1 < len(self.lines) and header is not None:
                raw = self.raw(i)
                nxt = self.lines[self.wrapped_row(i + 1)]
                if self._listed_above(raw, line, nxt, total, listed):
                    listed, heading, total = (raw, line.indent), None, None
                    i += 1
                    continue
                if _BY_HEADING.match(raw) and total is not None and not (section and breakdown_heading(section[0])):
                    # "By age group" under "Total employees": the breakdown of that total. Under
                    # rows that a "By gender" heading opened with no total above them, it opens
                    # the next breakdown instead (the total they share is printed at the end).
                    heading, indented = raw, False
                    i += 1
                    continue
                if self.is_row(i + 1) and _goes_on(nxt.first):
                    heading = None  # a new row label ends the breakdown above it
                    pending = line
                    i += 1
                    continue
                if (
                    self.is_row(self.wrapped_row(i + 1))
                    and len(nxt.cells) >= min(3, len(header.cells))
                    and not _CAPTION.match(raw)
                ):
                    # "Waste" over its rows: a heading inside the table; the rows below are no
                    # parts of the row above it.
                    markers = tuple(marker_key(m.group("marker")) for m in _LABEL_MARKER.finditer(raw))
                    section = (_LABEL_MARKER.sub("", raw).strip(), markers)
                    heading, total = None, None
                    i += 1
                    continue
            if (after := self.after_notes(i, first)) is not None:
                self.notes(table, i)  # "Note 1: ..." between the rows of a code table: its rows' note
                i = after
                continue
            resume = self._after_page_break(i, header)
            if resume is None:
                break
            i = resume
        self.notes(table, i)
        if table.rows or table.unread:
            found.append(table)
        return max(i, first + 1)

    @staticmethod
    def _listed_above(
        raw: str, line: _Line, below: _Line, total: tuple[int, int] | None, listed: tuple[str, int] | None
    ) -> bool:
        """Whether the "By ..." heading ``raw`` lists parts whose total is printed below them: it
        stands less indented than the last row that is no part (or as indented as the heading
        of such a list above it), with its parts indented under it. Such a row ("Female"
        indented under "By gender") is itself a part, and cannot be the total of the next
        breakdown ("By age" over "Under 30", "30 to 50", then "Total employees" under the
        lists): the parts are summed into the total below them
        (kg.ingest.table_links.summed_parts), each list apart."""
        after = (total is not None and total[1] > line.indent) or (listed is not None and listed[1] == line.indent)
        return _BY_HEADING.match(raw) is not None and after and below.indent > line.indent

    def cut_at_header(self, i: int, header: _Line, at: int, cols: tuple[Column, ...]) -> _Line:
        """Line ``i`` of a table whose header is line ``at``, with a label printed one space short of
        the unit column ("Energy intensity per HK$ million revenue MWh/HK$m") cut where the unit
        column's header cell starts, when a word starts there. Split at runs of
        spaces, such a line has a cell fewer than the header, and its figures fall under the wrong
        columns; cut by its block's columns, the cell it runs into is left blank, and takes the
        part cut off. Other lines, and lines of one cell (prose under the table), are kept as they are."""
        line = self.lines[i]
        s, head = self.spans[i][0], self.spans[at][0]
        raw = self.text[s : self.spans[i][1]]
        if "\t" in raw or "\t" in self.text[head : self.spans[at][1]]:
            return line  # cells apart with tabs: their positions are no columns
        if len(line.cells) < 2 or (not line.aligned and len(line.cells) >= len(header.cells)):
            return line  # prose (one cell) or a row of all its cells
        cells: list[Cell] = []
        pending = 0  # parts cut off a cell of an aligned line, for the blank cells after it
        for cell in line.cells:
            if not cell.text:
                if pending:
                    pending -= 1  # the blank cell the part cut off before it stands in
                else:
                    cells.append(cell)
                continue
            if pending:
                return line  # the next column is printed: the cell is no part of it
            cuts = [
                c.start - head
                for c, col in zip(header.cells[1:], cols, strict=False)
                if col.kind == "unit"
                and col.header is c
                and cell.start - s < c.start - head < cell.end - s
                and raw[c.start - head - 1] == " "
                and raw[c.start - head] != " "
            ]
            for p in [cell.start - s, *cuts]:
                stop = min(q for q in (*cuts, cell.end - s) if q > p)
                part = raw[p:stop].rstrip()
                cells.append(Cell(part, s + p, s + p + len(part)))
            if line.aligned and any(not _UNIT_LIKE.match(c.text) for c in cells[len(cells) - len(cuts) :]):
                return line  # a word of a long label that happens to start at the column
            pending = len(cuts) if line.aligned else 0
        if pending or len(cells) > len(header.cells):
            return line
        return replace(line, cells=tuple(cells))

    def after_notes(self, i: int, header: int) -> int | None:
        """The line a code table (:mod:`kg.ingest.code_columns`) whose header is line ``header``
        goes on at when its rows stop at line ``i`` for notes or a heading printed on lines of their
        own: its next code row, within a dozen lines; None when the table has ended there."""
        j = i
        while j < len(self.lines) and j - i < 12 and j not in self.code_header:
            if len([c for c in self.lines[j].cells if c.text]) > 1:
                return None
            j += 1
        return j if self.code_header.get(j) == header and j > i else None

    def _wraps_below(self, i: int) -> bool:
        """Whether line ``i`` is a label line under a row that its words or the row's say is the
        rest of that row's label (:func:`kg.ingest.wrapped_labels.continues_label`)."""
        if i < 1 or i >= len(self.lines) or not self.is_row(i - 1) or not self.is_label_only(i):
            return False
        raw = self.raw(i)
        if _NOTE.match(raw) or _CAPTION.match(raw) or _NOTES_HEADING.match(raw):
            return False
        return continues_label(self.lines[i - 1].first, raw)

    def label_below(self, i: int) -> bool:
        """Whether line ``i``, a label alone right under a row, is the second line of that row's
        label (``Diesel (standby  MWh  4,212`` over ``generators)``), not a heading over the rows
        below it: by its own signs, or, when it shows none ("PUE" under "Site A: annualised"),
        because the label lines alternating with rows next to it show them (a table that wraps one
        label so wraps its others so). A "By ..." line in capitals is a breakdown's heading."""
        if self._wraps_below(i):
            return True
        raw = self.raw(i)
        s, e = self.spans[i]
        # A word repeated in capitals down the table ("PUE" under each site) is no running head here.
        alone = len(self.lines[i].cells) == 1 and 0 < len(raw) <= 120 and not raw.endswith((".", ":"))
        if not alone or "\f" in self.text[s:e] or _PAGE_NUMBER.match(raw) or _BY_HEADING.match(raw) or _NOTE.match(raw):
            return False
        return self.is_row(i - 1) and (self._wraps_below(i - 2) or self._wraps_below(i + 2))

    def label_continued(self, table: FigureTable, line: _Line) -> None:
        """A label's second line printed under its row: joined to the row's label, its note
        markers the row's, the row's span running to its end."""
        last = table.rows[-1]
        raw = self.text[line.cells[0].start : line.cells[0].end]
        markers = tuple(marker_key(m.group("marker")) for m in _LABEL_MARKER.finditer(raw))
        label = f"{last.label} {_LABEL_MARKER.sub('', raw).strip()}".strip()
        table.rows[-1] = replace(
            last, label=label, markers=tuple(dict.fromkeys((*last.markers, *markers))), end=_rstrip_end(self.text, line)
        )

    @staticmethod
    def glued(line: _Line) -> tuple[_Line, str] | None:
        """A row whose label prints a breakdown heading or "of which" before a colon and its
        first part ("By gender: male", "of which: gangue"), with the other parts printed under
        that part's first letter on the lines below ("female"): the line as if its label were
        the part, indented where the part starts (so the parts below line up with it as its
        siblings), and the heading; None for any other row."""
        m = _GLUED.match(line.first)
        if m is None:
            return None
        label = line.cells[0]
        at = label.start + m.start("part")
        part = Cell(m.group("part"), at, label.end)
        indent = line.indent + m.start("part")
        return replace(line, indent=indent, cells=(part, *line.cells[1:])), m.group("head")

    def lined_up(self, i: int, indent: int) -> bool:
        """Whether line ``i`` is a row whose label starts at column ``indent``: a part printed
        under the first part of a glued heading ("female" under "By gender: male")."""
        return i < len(self.lines) and self.is_row(i) and self.lines[i].indent == indent

    def wrapped_row(self, i: int) -> int:
        """The row line a row label starting at line ``i`` ends on: ``i + 1`` when line ``i`` is the
        first line of a wrapped label (a label alone, then a row whose label goes on in lower
        case), else ``i``."""
        if (
            self.is_label_only(i)
            and i + 1 < len(self.lines)
            and self.is_row(i + 1)
            and _goes_on(self.lines[i + 1].first)
        ):
            return i + 1
        return i

    def unit_wrapped(self, i: int, cols: tuple[Column, ...]) -> bool:
        """Whether line ``i`` is the first line of a row whose label and unit are both printed on
        two lines ("Energy intensity" over "per HK$ million of revenue", "MWh/" over "HK$ mn"): a
        label and, in the unit column only, the unit's first part, above a row whose label goes on
        in lower case."""
        unit_col = _unit_column(cols)
        line = self.lines[i]
        if unit_col is None or not line.aligned or not line.first or i + 1 >= len(self.lines):
            return False
        filled = [k for k, c in enumerate(line.cells[1:]) if c.text]
        return (
            filled == [unit_col]
            and not _is_cell(line.cells[unit_col + 1])
            and self.is_row(i + 1)
            and self.lines[i + 1].first[:1].islower()
        )

    @staticmethod
    def unit_above(above: _Line | None, cols: tuple[Column, ...]) -> str | None:
        """The first part of a unit printed on two lines, from the row's first line."""
        unit_col = _unit_column(cols)
        if above is None or unit_col is None or unit_col + 1 >= len(above.cells):
            return None
        return above.cells[unit_col + 1].text or None

    def _after_page_break(self, i: int, header: _Line | None) -> int | None:
        """The line the table resumes at after page furniture, or None when the table has ended."""
        j, saw_break = i, False
        while j < len(self.lines) and j - i < 6 and (self.furniture(j) or (header and self.is_label_only(j))):
            if _CAPTION.match(self.raw(j)):
                return None  # "Table 3.2 ...": the next table's caption, though its header reads the same
            s, e = self.spans[j]
            saw_break |= "\f" in self.text[s:e] or self.raw(j) in self.heads or bool(_PAGE_NUMBER.match(self.raw(j)))
            j += 1
        if j >= len(self.lines) or j == i:
            return None
        if header is not None and [c.text for c in self.lines[j].cells] == [c.text for c in header.cells]:
            return j
        if saw_break and self.is_row(j) and len(self.lines[j].cells) == (len(header.cells) if header else 2):
            return j
        return None

    @staticmethod
    def _part(
        line: _Line, heading: str | None, total: tuple[int, int] | None, table: FigureTable, indented: bool = False
    ) -> tuple[int | None, str | None]:
        """The total row (index) a row is a part of, and the breakdown it is listed under.

        ``total`` is the index and indentation of the last row that is no part. A group label
        ("Middle management") is no part of a row that is itself a group ("Senior management"
        first under a heading): they are siblings. Under a "By ..." heading whose parts are
        indented (``indented``), a row printed back at the total's indentation ends the breakdown.
        Nor is a group label a part of a row printed right under another row that is no part
        ("Region A", "Region B", then "Male", "Female", then "Total employees"): those rows are
        a list of siblings, not a total and its parts.
        """
        if total is None:
            return None, None
        index, indent = total
        label = line.first
        siblings = (
            index > 0 and table.rows[index - 1].parent is None and not _TOTAL_LABEL.match(table.rows[index].label)
        )
        group = (
            _BREAKDOWN_LABEL.match(label) is not None
            and not _BREAKDOWN_LABEL.match(table.rows[index].label)
            and not siblings
        )
        if _PART_PREFIX.match(label) or line.indent > indent or group:
            return index, heading
        if heading is not None and not label.lower().startswith("total") and not (indented and line.indent <= indent):
            return index, heading
        return None, None

    def row(
        self,
        table: FigureTable,
        line: _Line,
        cols: tuple[Column, ...],
        above: _Line | None,
        parent: int | None,
        breakdown: str | None,
        section: tuple[str, tuple[str, ...]] | None = None,
        part: Cell | None = None,
        listed: bool = False,
    ) -> None:
        """Add the row of ``line``; ``part`` is its label without a heading printed before it
        ("male" of "By gender: male"), ``listed`` whether it is listed under an "of which" part."""
        label_cell = line.cells[0]
        label_text = part.text if part is not None else label_cell.text
        partial = parent is not None and (listed or bool(_OF_WHICH.match(label_cell.text)))
        if above is not None:  # a label printed on two lines
            label_text = above.first + " " + label_text
        label_text = _PART_PREFIX.sub("", label_text) if parent is not None else label_text
        markers = tuple(marker_key(m.group("marker")) for m in _LABEL_MARKER.finditer(label_text))
        if section is not None:  # a note marked on the heading ("Greenhouse gas emissions*") is of its rows
            markers = tuple(dict.fromkeys((*markers, *section[1])))
        label_text = _LABEL_MARKER.sub("", label_text)
        unit = None
        cells: list[FigureCell] = []
        values = line.cells[1:]
        unit_col = _unit_column(cols)
        if unit_col is not None and unit_col < len(values) and values[unit_col].text:
            unit = values[unit_col].text
            if cols[unit_col].header is None and _is_cell(values[unit_col]):  # a figure under a blank header
                unit = None
                table.unread.append(
                    Unread(
                        values[unit_col].start,
                        values[unit_col].end,
                        values[unit_col].text,
                        "figure under a column without header",
                    )
                )
        elif unit_col is None and len(values) == len(cols) + 1 and values[0].text and not _FIGURE.match(values[0].text):
            # One cell more than the header has columns, and it is no figure: a unit column the
            # header leaves unnamed ("Indicator / 2021" over "Electricity / MWh / 4,120").
            unit, values = values[0].text, values[1:]
        for k, cell in enumerate(values):
            if not cell.text or (unit_col is not None and k == unit_col):
                continue
            if k >= len(cols):
                if _DIGIT.search(cell.text):
                    table.unread.append(Unread(cell.start, cell.end, cell.text, "cell beyond the table's columns"))
                continue
            if cols[k].kind == "remarks":
                if _DIGIT.search(cell.text):
                    table.unread.append(Unread(cell.start, cell.end, cell.text, "text of a remarks column"))
                continue
            self._cell(table, cells, cols[k], cell)
        if unit and (top := self.unit_above(above, cols)):  # "MWh/" over "HK$ mn"
            unit = top + unit if top.endswith("/") else f"{top} {unit}"
        start = above.cells[0].start if above is not None else label_cell.start
        table.rows.append(
            FigureRow(
                label_text.strip(),
                unit,
                tuple(cells),
                start,
                _rstrip_end(self.text, line),
                markers,
                parent,
                breakdown,
                partial,
                section[0] if section else None,
                heading_unit(section[0]) if section else None,
            )
        )

    @staticmethod
    def _cell(table: FigureTable, cells: list[FigureCell], column: Column, cell: Cell) -> None:
        m = _FIGURE.match(cell.text) or _NOT_DISCLOSED.match(cell.text)
        if m is None:
            if _DIGIT.search(cell.text):
                table.unread.append(Unread(cell.start, cell.end, cell.text, "cell text is not a figure"))
            return
        figure = Cell(m.group("figure"), cell.start, cell.start + len(m.group("figure")))
        disclosed = bool(_FIGURE.match(cell.text))
        qualifier = m.groupdict().get("qual")
        word = " ".join(qualifier.lower().split()).replace("approx.", "approximately") if qualifier else None
        cells.append(FigureCell(column, figure, disclosed, _markers(m.group("marker") or ""), word))

    @staticmethod
    def _placed(table: FigureTable, line: _Line) -> list[tuple[Column, Cell]] | None:
        """The free columns of the row above that a line of figure cells fills, cell by cell: by
        position in an aligned line, else in order; None when they do not fit."""
        taken = {c.column for c in table.rows[-1].cells}
        free = [c for c in table.columns if c not in taken and c.kind not in ("unit", "remarks")]
        filled = [(k, c) for k, c in enumerate(line.cells[1:] if line.aligned else line.cells) if c.text]
        if line.aligned:
            placed = [(table.columns[k], c) for k, c in filled if k < len(table.columns)]
            return placed if len(placed) == len(filled) and all(col in free for col, _ in placed) else None
        return list(zip(free, [c for _, c in filled], strict=False)) if len(filled) <= len(free) else None

    def _continues(self, table: FigureTable, line: _Line) -> bool:
        return bool(self._placed(table, line))

    def continuation(self, table: FigureTable, line: _Line) -> None:
        """Figure cells on their own line: the rest of the row above, in its free columns."""
        last = table.rows[-1]
        cells = list(last.cells)
        for column, cell in self._placed(table, line) or ():
            self._cell(table, cells, column, cell)
        table.rows[-1] = replace(last, cells=tuple(cells), end=_rstrip_end(self.text, line))

    def notes(self, table: FigureTable, i: int) -> None:
        """Footnotes printed below the table: marked lines, and numbered lines under "Notes:"."""
        under_heading = False
        j = i
        while j < len(self.lines) and j - i < 40:
            raw = self.raw(j)
            if not raw or raw in self.heads:
                j += 1
                continue
            if _NOTES_HEADING.match(raw):
                under_heading = True
                j += 1
                continue
            m = _NOTE.match(raw)
            if m is None or (m.group("marker").endswith(".") and not under_heading):
                break
            s, e = self.spans[j]
            lead = len(self.text[s:e]) - len(self.text[s:e].lstrip(" \t\f"))
            key = marker_key(m.group("marker"))
            table.notes.setdefault(key, Footnote(key, Cell(raw, s + lead, s + lead + len(raw))))
            j += 1


def breakdown_heading(text: str | None) -> bool:
    """Whether a heading line inside a table opens a breakdown ("By gender", "Breakdown by region")."""
    return text is not None and _BY_HEADING.match(text) is not None


def names_a_group(label: str) -> bool:
    """Whether a row label opens with a group of people a breakdown lists ("Female trained",
    "Women (hours)", "Aged 30-50", "Part-time staff"), not a measure of its own."""
    return _BREAKDOWN_LABEL.match(label) is not None or any(p.match(label) for p, _ in _BREAKDOWN_KINDS)


def breakdown_kind(label: str) -> str | None:
    """The breakdown a row label alone names a group of ("Female" a gender, "Aged 30-50" an age
    group), as a "By ..." heading would print it; None for any other label."""
    if _BREAKDOWN_LABEL.match(label) is None:
        return None
    for pattern, kind in _BREAKDOWN_KINDS:
        if pattern.match(label):
            return kind
    return "By employee category"


_BREAKDOWN_KINDS = (
    (re.compile(r"^(?:male|female|men|women)\b", re.I), "By gender"),
    (re.compile(r"^(?:aged\s+)?(?:under|below|over|above|\d{2})\b", re.I), "By age group"),
    (re.compile(r"^(?:full|part)[- ]time\b", re.I), "By employment type"),
)


def _nearest(cells: list[tuple[int, Cell]], at: int, width: int) -> int:
    """The index of the cell (by position on its line) nearest a stretch of ``width`` characters
    at position ``at`` of another line: the one it overlaps, else the one closest to it."""

    def gap(k: int) -> int:
        left = cells[k][0]
        right = left + len(cells[k][1].text)
        return max(left - (at + width), at - right, 0)

    return min(range(len(cells)), key=gap)


def _rstrip_end(text: str, line: _Line) -> int:
    return line.start + len(text[line.start : line.end].rstrip())


def figure_tables(text: str) -> list[FigureTable]:
    """Every figure table of ``text``, in order."""
    return _Reader(text).tables()


def table_like_blocks(text: str, min_lines: int = 3) -> list[tuple[int, int]]:
    """(first line, last line), 1-based, of runs of ``min_lines`` or more lines that look like a
    table: cells apart with tabs, or two or more cells apart with spaces of which one is numeric."""
    blocks: list[tuple[int, int]] = []
    run: list[int] = []
    for n, (s, e) in enumerate(_spans(text), start=1):
        line = text[s:e].strip(" \f")
        cells = [c for c in _SPLIT.split(line) if c.strip()]
        tabular = "\t" in line.strip("\t") or (len(cells) >= 2 and any(_DIGIT.search(c) for c in cells[1:]))
        if tabular:
            run.append(n)
            continue
        if len(run) >= min_lines:
            blocks.append((run[0], run[-1]))
        run = []
    if len(run) >= min_lines:
        blocks.append((run[0], run[-1]))
    return blocks
