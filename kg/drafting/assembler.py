"""Assemble the drafted claims of a report text into ``claims/drafted.yaml``, a claim sheet.

The sheet is in the format curators write (:mod:`kg.ingest.sheet`), so the loader checks every
drafted claim as it checks theirs: the quote verbatim at its offsets, each figure a quantity
printed inside it. Nothing is written that those checks would refuse: a unit whose quote
overlaps page furniture or a table (table rows become claims at build time, so a figure is never
counted twice) is left out, and a quote printed more than once names its occurrence.

Every claim carries ``review: drafted``: it is still the company's statement, but its reading
(kind, metrics, mappings) is csr-kg's, and the graph records that with PROV.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import yaml

from kg.drafting.figures import Figure, FigureReader, Reading
from kg.drafting.sentences import Segmenter, Unit
from kg.ingest import figure_tables, tables
from kg.ingest.quantities import Mention, Recogniser
from kg.ingest.text import ReportText
from kg.vocab.names import slugify
from kg.vocab.units import Units, load_units

SHEET = "claims/drafted.yaml"
HEADER = (
    "# Drafted by csrkg draft: claims read from the text by rules (review: drafted). Each quote is\n"
    "# verbatim and each figure printed in it; kinds, metrics and periods are the software's reading.\n"
    "# Check them, then set review: reviewed (or corrected, after mending the entry).\n"
)
METRIC_ID_MAX = 80


@dataclass
class Drafted:
    """The drafted claims and metrics of one report, and counts for the summary line."""

    claims: list[dict[str, Any]] = field(default_factory=list)
    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: int = 0  # quotable units read
    skipped: int = 0  # units left out: in a table, over furniture

    @property
    def observations(self) -> int:
        return sum(len(c.get("observations", ())) for c in self.claims)

    def sheet(self) -> str:
        """The YAML of ``claims/drafted.yaml``."""
        body: dict[str, Any] = {}
        if self.metrics:
            body["metrics"] = [self.metrics[key] for key in sorted(self.metrics)]
        body["claims"] = self.claims
        return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=10**6)


class Assembler:
    """Drafts the claims of one report text (see the module's docstring)."""

    def __init__(self, text: ReportText, year: int, units: Units | None = None) -> None:
        self.text = text
        self.units = units or load_units()
        lexicon = self.units.lexicon
        self.recogniser = Recogniser(lexicon)
        self.mentions = list(self.recogniser.mentions(text.text))
        self.starts = [m.start for m in self.mentions]
        furniture = [(f.start, f.end) for f in text.pages.furniture] if text.pages else []
        self.segmenter = Segmenter(self.recogniser, furniture)
        self.reader = FigureReader(year, tuple(lexicon.prefixes))
        self.tables = _table_spans(text)
        self.table_starts = [s for s, _ in self.tables]

    def draft(self) -> Drafted:
        drafted = Drafted()
        for unit in self.segmenter.units(self.text.text):
            drafted.units += 1
            if self._refused(unit):
                drafted.skipped += 1
                continue
            reading = self.reader.read(unit, self._inside(unit))
            claim = self._claim(reading, drafted)
            if claim is not None:
                drafted.claims.append(claim)
        return drafted

    def _inside(self, unit: Unit) -> list[Mention]:
        found = []
        for mention in self.mentions[bisect_left(self.starts, unit.start) :]:
            if mention.start >= unit.end:
                break
            if mention.end <= unit.end:
                found.append(mention)
        return found

    def _refused(self, unit: Unit) -> bool:
        if self.text.refusal(unit.start, unit.end):
            return True
        # Table rows do not overlap: only the last row starting before the unit ends can reach into it.
        at = bisect_left(self.table_starts, unit.end)
        return at > 0 and self.tables[at - 1][1] > unit.start

    def _claim(self, reading: Reading, drafted: Drafted) -> dict[str, Any] | None:
        unit = reading.unit
        if not reading.figures and reading.missing is None:
            return None
        claim: dict[str, Any] = {"id": f"draft-{unit.start}", "kind": _kind(reading), "quote": unit.text}
        occurrence = self._occurrence(unit)
        if occurrence is not None:
            claim["occurrence"] = occurrence
        if reading.figures:
            claim["observations"] = [self._observation(f, drafted) for f in reading.figures]
        else:
            assert reading.missing is not None
            claim["missing_figure"] = self._metric(reading.missing, drafted)
        claim["review"] = "drafted"
        return claim

    def _occurrence(self, unit: Unit) -> int | None:
        """Which printing of the quote this is, when the text prints it more than once."""
        text, quote = self.text.text, unit.text
        starts, at = [], text.find(quote)
        while at != -1:
            starts.append(at)
            at = text.find(quote, at + 1)
        return starts.index(unit.start) + 1 if len(starts) > 1 else None

    def _observation(self, figure: Figure, drafted: Drafted) -> dict[str, Any]:
        entry: dict[str, Any] = {"metric": self._metric(figure.metric, drafted), "figure": figure.mention.surface}
        if figure.period is not None:
            entry["period"] = figure.period
        if figure.role != "value":
            entry["kind"] = figure.role
        if figure.baseline is not None and figure.role != "value":
            entry["baseline"] = figure.baseline
        if figure.direction is not None and figure.role != "value":
            entry["direction"] = figure.direction
        return entry

    def _metric(self, name: str, drafted: Drafted) -> str:
        """The id of the drafted metric named ``name`` (one metric per name in the report)."""
        ident = slugify(name, METRIC_ID_MAX) or "figure"
        if ident not in drafted.metrics:
            drafted.metrics[ident] = {"id": ident, "label": name[:1].upper() + name[1:], "drafted": True}
        return ident


def _kind(reading: Reading) -> str:
    """A claim of targets only is a commitment; any other claim with figures is quantitative."""
    if reading.figures and all(f.role == "target" for f in reading.figures):
        return "commitment"
    return "quantitative"


def _table_spans(text: ReportText) -> list[tuple[int, int]]:
    """The spans of the table rows the loader turns into claims at build time, in order."""
    spans = [(row.start, row.end) for table in figure_tables.figure_tables(text.table_text) for row in table.rows]
    spans += [(row.start, row.end) for row in tables.stakeholder_rows(text.text)]
    spans += [(row.start, row.end) for row in tables.award_rows(text.text)]
    return sorted(spans)


def draft_sheet(text: ReportText, year: int, units: Units | None = None) -> Drafted:
    """The drafted claims of ``text``, a report of ``year``."""
    return Assembler(text, year, units).draft()
