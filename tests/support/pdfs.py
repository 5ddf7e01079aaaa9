"""Reports laid out as PDFs with reportlab, and the text each should give back.

Tests cannot download reports, so they print their own: a :class:`Spec` is a report's pages as
blocks (headings, paragraphs, tables, two-column stretches); :func:`write_pdf` lays it out on
A4 pages with a running header (from page 2), a footer and page numbers, and
:func:`fixture_text` is the same report as the plain-text fixture csr-kg reads (a paragraph a
line, table cells apart by tabs, pages apart by form feeds).

In a paragraph's text, ``\\n`` forces a printed line break at that point, and ``\\u00ad\\n`` breaks
the word there with a printed hyphen ("sustain\\u00ad\\nability" prints "sustain-" / "ability");
``-\\n`` breaks after a real hyphen ("year-on-\\nyear"). Other lines wrap where they fill the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN = 60.0
GUTTER = 24.0
BODY, BODY_SIZE, BODY_LEADING = "Helvetica", 10.0, 13.0
HEAD, HEAD_SIZE, HEAD_LEADING = "Helvetica-Bold", 12.0, 16.0
SPACE = 9.0  # after a paragraph, a heading or a table


@dataclass(frozen=True)
class Heading:
    text: str
    size: float = HEAD_SIZE


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Columns:
    left: tuple[Heading | Para, ...]
    right: tuple[Heading | Para, ...]


Block = Heading | Para | Table | Columns


@dataclass(frozen=True)
class Spec:
    """A report: its pages of blocks, and the furniture printed on them."""

    pages: tuple[tuple[Block, ...], ...]
    header: str | None = "Sample Co Sustainability Report 2021"
    footer: str | None = "sample.example/esg"
    page_numbers: bool = True
    extra: dict[str, str] = field(default_factory=dict)


def para_text(text: str) -> str:
    """A paragraph's text as the report text holds it: breaks undone."""
    return text.replace("\u00ad\n", "").replace("-\n", "-").replace("\n", " ")


def _block_text(block: Block) -> list[tuple[str, bool]]:
    if isinstance(block, Heading | Para):
        return [(para_text(block.text), False)]
    if isinstance(block, Table):
        return [("\t".join(row), True) for row in block.rows]
    return [item for sub in (*block.left, *block.right) for item in _block_text(sub)]


def page_text(blocks: Sequence[Block]) -> str:
    items = [item for block in blocks for item in _block_text(block)]
    parts: list[str] = []
    for index, (text, is_row) in enumerate(items):
        if index:
            parts.append("\n" if is_row and items[index - 1][1] else "\n\n")
        parts.append(text)
    return "".join(parts)


def fixture_text(spec: Spec) -> str:
    """The report as a text fixture: pages apart by form feeds, no furniture."""
    return "\n\f".join(page_text(blocks) for blocks in spec.pages) + "\n"


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for segment in text.split("\n"):
        current = ""
        for word in segment.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and stringWidth(candidate.replace("\u00ad", "-"), font, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return [line.replace("\u00ad", "-") for line in lines]


class _Layout:
    def __init__(self, canvas: object) -> None:
        self.canvas = canvas

    def text(self, x: float, y: float, text: str, font: str, size: float, right: bool = False) -> None:
        self.canvas.setFont(font, size)  # type: ignore[attr-defined]
        if right:
            self.canvas.drawRightString(x, y, text)  # type: ignore[attr-defined]
        else:
            self.canvas.drawString(x, y, text)  # type: ignore[attr-defined]

    def flow(self, blocks: Sequence[Heading | Para], x: float, width: float, top: float) -> float:
        y = top
        for block in blocks:
            font, size, leading = (
                (HEAD, block.size, block.size + 4) if isinstance(block, Heading) else (BODY, BODY_SIZE, BODY_LEADING)
            )
            for line in _wrap(block.text, width, font, size):
                y -= leading
                self.text(x, y, line, font, size)
            y -= SPACE
        return y

    def table(self, table: Table, top: float) -> float:
        y = top
        for row in table.rows:
            y -= BODY_LEADING + 1
            self.text(MARGIN, y, row[0], BODY, BODY_SIZE)
            for index, cell in enumerate(row[1:], start=1):
                x = PAGE_W - MARGIN - (len(row) - 1 - index) * 90
                self.text(x, y, cell, BODY, BODY_SIZE, right=True)
        return y - SPACE


def write_pdf(spec: Spec, path: Path, **canvas_options: object) -> Path:
    """Print ``spec`` into ``path`` (keyword options go to reportlab's Canvas, e.g. ``encrypt``)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, **canvas_options)
    layout = _Layout(canvas)
    width = PAGE_W - 2 * MARGIN
    for number, blocks in enumerate(spec.pages, start=1):
        if spec.header and number > 1:
            layout.text(MARGIN, PAGE_H - 40, spec.header, BODY, 8)
        y = PAGE_H - 70
        for block in blocks:
            if isinstance(block, Table):
                y = layout.table(block, y)
            elif isinstance(block, Columns):
                column = (width - GUTTER) / 2
                left = layout.flow(block.left, MARGIN, column, y)
                right = layout.flow(block.right, MARGIN + column + GUTTER, column, y)
                y = min(left, right)
            else:
                y = layout.flow([block], MARGIN, width, y)
        if spec.footer:
            layout.text(MARGIN, 30, spec.footer, BODY, 8)
        if spec.page_numbers:
            canvas.setFont(BODY, 9)
            canvas.drawCentredString(PAGE_W / 2, 30, str(number))
        canvas.showPage()
    canvas.save()
    return path


# --------------------------------------------------------------------------- the sample report

TITLE_PAGE: tuple[Block, ...] = (
    Heading("Sample Co Holdings Limited", 20),
    Heading("Sustainability Report 2021", 16),
    Para("Reporting period: 1 January 2021 to 31 December 2021."),
)

PROSE_PAGE: tuple[Block, ...] = (
    Heading("1. About this Report"),
    Para(
        "This report sets out the environmental, social and governance performance of Sample Co in 2021. "
        "It covers our head office and our two factories, and it was prepared under the reporting guide "
        "of the exchange where our shares are listed. Our approach to sustain\u00ad\nability is overseen by the board."
    ),
    Para(
        "Revenue grew year-on-\nyear for the third time, and the board reviewed the targets set in 2020 "
        "for energy, water and waste."
    ),
    Heading("2. Governance"),
    Para("The Sustainability Committee met four times in 2021 and reported to the board after each meeting."),
)

COLUMNS_PAGE: tuple[Block, ...] = (
    Heading("3. Community"),
    Columns(
        left=(
            Para(
                "Our volunteers gave their time to schools near the two factories, where they taught "
                "science classes and repaired playgrounds over the summer months."
            ),
            Para(
                "Employees chose the projects by vote, and each project had a named lead who reported "
                "progress every quarter to the community team."
            ),
        ),
        right=(
            Para(
                "The company matched the money employees raised for local charities, and it opened its "
                "canteen to neighbours on public holidays throughout the year."
            ),
            Para(
                "Next year the programme will add a mentoring scheme for apprentices and a fund for "
                "small repairs at community centres."
            ),
        ),
    ),
    Para("The community team publishes a short account of each project on the intranet."),
)

TABLE_PAGE: tuple[Block, ...] = (
    Heading("Table of Environmental Key Performance Indicators"),
    Para("Unless otherwise specified, environmental key performance indicators cover the Group's two factories."),
    Heading("1. Emissions"),
    Table(
        (
            ("Indicator", "2021"),
            ("Direct GHG emissions (Scope 1) (tons)", "1,283.42"),
            ("Hazardous waste per employee (tons per employee)", "0.000066"),
        )
    ),
    Table((("Electricity", "MWh", "4,120"), ("Water", "m3", "18,300"))),
    Para("Figures for 2021 were checked by an independent assurance provider."),
)

SAMPLE = Spec(pages=(TITLE_PAGE, PROSE_PAGE, COLUMNS_PAGE, TABLE_PAGE))


def long_spec(pages: int) -> Spec:
    """A ``pages``-page report for the benchmark: the sample's pages over and over."""
    body = (PROSE_PAGE, COLUMNS_PAGE, TABLE_PAGE)
    return Spec(pages=(TITLE_PAGE, *(body[i % 3] for i in range(pages - 1))))
