"""Which of a report's printed quantities lie inside a claim's quote.

A quantity mention is covered when some claim's quote contains it; the rest are listed with the
reason the curators gave (``uncovered`` in a sheet) or as having none. Digit runs that are not
quantities (years, dates, ordinals, identifiers, enumerators) are counted apart, and so are digits
in a page's furniture (page numbers, running headers and footers), which no claim may quote.

A table cell that the table reader could not read as an observation (an unknown unit, a fiscal
year without a fiscal year end, text holding a digit that is no figure ...) is listed as not
covered with that reason, even where its row's quote covers it, and even where the number alone
would not count as a quantity (a cell "2019" is a figure in a table, not a year); so is an
"N/A" cell whose period is unknown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from kg.ingest.model import Report
from kg.ingest.quantities import Mention, Recogniser
from kg.ingest.sheet import DRAFTED_SHEET
from kg.vocab.units import load_units


@dataclass(frozen=True)
class MentionCoverage:
    """One quantity mention and the claims that cover it, or why none does."""

    mention: Mention
    line: int
    claims: tuple[str, ...]
    reason: str | None


@dataclass(frozen=True)
class Coverage:
    """Coverage of one report's quantity mentions."""

    report: str
    mentions: tuple[MentionCoverage, ...]
    other_kinds: dict[str, int]

    @property
    def covered(self) -> int:
        return sum(1 for m in self.mentions if m.claims)

    @property
    def ratio(self) -> float:
        return self.covered / len(self.mentions) if self.mentions else 1.0


def coverage(report: Report) -> Coverage:
    text = report.text.text
    spans = sorted((c.anchor.start, c.anchor.end, c.id) for c in report.claims.values())
    reasons = {(u.start, u.end): u.reason for u in report.uncovered}
    pages = report.text.pages
    prose = report.text.prose
    read = prose.original_mentions(Recogniser((report.units or load_units()).lexicon).mentions(prose.text))
    found = [replace(m, kind="page furniture") if pages and pages.furniture_in(m.start, m.end) else m for m in read]
    unread = {(u.start, u.end): u.reason for u in report.unread_cells}
    rows = []
    in_cells: set[tuple[int, int]] = set()
    for m in found:
        cell = next(((s, e) for s, e in unread if s <= m.start and m.end <= e), None)
        if cell is not None:
            in_cells.add(cell)
            rows.append(MentionCoverage(_as_quantity(m), text.count("\n", 0, m.start) + 1, (), unread[cell]))
            continue
        if m.kind != "quantity":
            continue
        claims = tuple(cid for start, end, cid in spans if start <= m.start and m.end <= end)
        rows.append(
            MentionCoverage(
                m, text.count("\n", 0, m.start) + 1, claims, None if claims else reasons.get((m.start, m.end))
            )
        )
    for (start, end), reason in unread.items():
        if (start, end) not in in_cells:  # a cell with a digit the recogniser reads as no number at all
            mention = Mention(start, end, text[start:end], "quantity", Decimal(0), Decimal(0))
            rows.append(MentionCoverage(mention, text.count("\n", 0, start) + 1, (), reason))
    rows.sort(key=lambda r: r.mention.start)
    others = Counter(m.kind for m in found if m.kind != "quantity" and not _inside(m, in_cells))
    return Coverage(report.meta.id, tuple(rows), dict(sorted(others.items())))


def _inside(m: Mention, cells: set[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in cells)


def _as_quantity(m: Mention) -> Mention:
    """A digit run inside a table cell counts as a quantity mention, whatever its shape."""
    return m if m.kind == "quantity" else replace(m, kind="quantity")


def table_lines(report: Report) -> list[str]:
    """What the build says about a report's tables: one line per table read, and a warning per
    table-like block no reader read (so a table the readers miss is never silent), and how many
    drafted claims and definitions gave way to curated ones."""
    name = report.text.path.name
    lines = [
        f"{report.meta.id}: {name}:{t.line}: {t.kind} table: {t.rows} rows, {t.cells} cells, {t.unread} not read"
        for t in sorted(report.tables, key=lambda t: t.line)
    ]
    lines.extend(
        f"{report.meta.id}: warning: {name}:{first}-{last}: table-like block not read as a table"
        for first, last in report.unread_blocks
    )
    if report.superseded or report.shadowed:
        observations = sum(len(s.claim.observations) for s in report.superseded)
        lines.append(
            f"{report.meta.id}: {DRAFTED_SHEET}: {len(report.superseded)} drafted claims ({observations} observations) "
            f"left out for curated claims of the same text, {len(report.shadowed)} drafted definitions for curated ones"
        )
    return lines
