"""``csrkg review``: what in a drafted report folder most needs a person, most pressing first.

The drafter's claims are each checked by the loader (quote verbatim, figure in the quote), but
its readings are guesses. A reviewer with an hour should see first where the guesses are
weakest, each pointing at the entry to edit (file:line of the drafted sheet):

1. ``low-confidence mapping``: a figure whose metric the catalogue matcher reads as a catalogue
   metric only closely or broadly, or below the confidence threshold;
2. ``no catalogue metric``: a figure whose metric fits no catalogue metric (it compares with
   nothing across reports);
3. ``possible duplicate``: the same value and unit in two drafted claims (one fact printed twice,
   or two facts the drafter read alike);
4. ``conflict with curated``: a drafted claim left out for a curated claim of the same text
   whose reading (kind, figures) differs: the curator or the drafter is wrong;
5. ``validation``: a SHACL violation or warning on the report's graph (:mod:`kg.validate.shacl`).

The first three, asked of a built graph, are the saved query ``review-queue``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path

from kg.ingest.loader import is_drafted_sheet, load_report
from kg.ingest.model import Claim, Observation, Report
from kg.ingest.sheet import read_sheets
from kg.rdf.iris import Minter
from kg.rdf.mapping import printed_units, report_graph
from kg.validate.shacl import validate_graph
from kg.vocab.catalogue import CatalogueMatch, match_metric

CATEGORIES = (
    "low-confidence mapping",
    "no catalogue metric",
    "possible duplicate",
    "conflict with curated",
    "validation",
)
DEFAULT_THRESHOLD = 0.8  # below it, a catalogue reading is shown (an exact match is 0.9, close 0.7)
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1}


@dataclass(frozen=True)
class Item:
    """One thing to review: its category, the drafted entry (file and line), the claim, what is wrong."""

    category: str
    file: str
    line: int
    claim: str
    message: str
    order: float = 0.0  # within a category: lower is more pressing

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def text(self) -> str:
        return f"{self.where}: {self.category}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        found = asdict(self)
        del found["order"]
        return found


def _split(origin: str) -> tuple[str, int]:
    """``file:line`` of a sheet entry as its parts."""
    file, _, line = origin.rpartition(":")
    return (file, int(line)) if line.isdigit() else (origin, 0)


def _figure(o: Observation) -> str:
    return f"figure {o.surface!r}"


def _reading(claim: Claim) -> tuple[str, frozenset[tuple[Decimal | None, str | None, str]]]:
    """What a claim says, for comparing two readings of one text: kind and (value, unit, period) of its figures."""
    return claim.kind, frozenset((o.value, o.unit, str(o.period)) for o in claim.observations)


def _describe(claim: Claim) -> str:
    figures = ", ".join(f"{o.surface} as {o.metric}" for o in claim.observations)
    return f"{claim.kind}" + (f" with {figures}" if figures else "")


class _Queue:
    def __init__(self, folder: Path, report: Report, threshold: float) -> None:
        self.folder = folder
        self.report = report
        self.threshold = threshold
        self.items: list[Item] = []
        # The line of each observation of a drafted claim, by (claim id, index).
        self.lines: dict[tuple[str, int], tuple[str, int]] = {}
        for path, sheet in read_sheets(folder):
            if is_drafted_sheet(path):
                for spec in sheet.claims:
                    for n, obs in enumerate(spec.observations):
                        self.lines[(spec.id, n)] = (str(path), obs.line)

    def add(self, category: str, where: tuple[str, int], claim: str, message: str, order: float = 0.0) -> None:
        self.items.append(Item(category, where[0], where[1], claim, message, order))

    def where(self, claim: Claim) -> tuple[str, int]:
        """The file and line of a claim: its sheet entry, or for a table row the line of report.txt."""
        if claim.origin.startswith("table:"):
            return str(self.report.text.path), self.report.text.text.count("\n", 0, claim.anchor.start) + 1
        return _split(claim.origin)

    def drafted(self) -> list[Claim]:
        return [c for c in self.report.claims.values() if c.review == "drafted"]

    def mappings(self) -> None:
        units = printed_units(self.report.claims.values())
        matches: dict[str, CatalogueMatch | None] = {}
        for claim in self.drafted():
            for n, obs in enumerate(claim.observations):
                metric = self.report.metrics[obs.metric]
                if metric.catalogue is not None:
                    continue  # a curator's mapping
                if metric.id not in matches:
                    matches[metric.id] = match_metric(metric.label, units.get(metric.id))
                match = matches[metric.id]
                where = self.lines.get((claim.id, n), _split(claim.origin))
                if match is None:
                    self.add(
                        "no catalogue metric",
                        where,
                        claim.id,
                        f"{_figure(obs)}: metric {metric.label!r} fits no catalogue metric",
                    )
                elif match.match != "exact" or match.confidence < self.threshold:
                    self.add(
                        "low-confidence mapping",
                        where,
                        claim.id,
                        f"{_figure(obs)}: metric {metric.label!r} read as {match.notation} "
                        f"({match.match} match, confidence {match.confidence}): {match.rationale}",
                        match.confidence,
                    )

    def duplicates(self) -> None:
        first: dict[tuple[Decimal, str], tuple[Claim, int]] = {}
        for claim in sorted(self.drafted(), key=lambda c: c.anchor.start):
            for n, obs in enumerate(claim.observations):
                if obs.value is None or obs.unit is None:
                    continue
                key = (obs.value, obs.unit)
                if key not in first:
                    first[key] = (claim, n)
                    continue
                other, m = first[key]
                if other.id == claim.id:
                    continue
                there = self.lines.get((other.id, m), _split(other.origin))
                self.add(
                    "possible duplicate",
                    self.lines.get((claim.id, n), _split(claim.origin)),
                    claim.id,
                    f"{_figure(obs)} ({obs.value} {obs.unit}) is also read in claim {other.id} ({there[0]}:{there[1]})",
                )

    def conflicts(self) -> None:
        claims = self.report.claims
        for left in self.report.superseded:
            winners = [claims[w] for w in left.winners]
            kind, figures = _reading(left.claim)
            kinds = {w.kind for w in winners}
            curated = frozenset().union(*(_reading(w)[1] for w in winners))
            if kind in kinds and figures <= curated:
                continue
            read = "; ".join(f"{w.id}: {_describe(w)}" for w in winners)
            self.add(
                "conflict with curated",
                _split(left.claim.origin),
                left.claim.id,
                f"drafted as {_describe(left.claim)}, left out for curated {read}",
            )

    def validation(self) -> None:
        graph = report_graph([self.report], Minter())
        meta = (str(self.folder / "report.yaml"), self.report.meta.line)
        for finding in validate_graph(graph).findings:
            if finding.severity not in _SEVERITY_ORDER:
                continue  # an info (a KPI no claim discloses ...) is for the report's reader, not its reviewer
            claim = finding.evidence.claim if finding.evidence else ""
            where = self.where(self.report.claims[claim]) if claim in self.report.claims else meta
            self.add(
                "validation",
                where,
                claim,
                f"{finding.severity}: {finding.shape_label}: {finding.message}",
                _SEVERITY_ORDER[finding.severity],
            )


def review_queue(folder: Path, threshold: float = DEFAULT_THRESHOLD) -> list[Item]:
    """The things to review in the report folder ``folder``, most pressing first (see the module's docstring)."""
    queue = _Queue(folder, load_report(folder), threshold)
    queue.mappings()
    queue.duplicates()
    queue.conflicts()
    queue.validation()
    return sorted(
        queue.items, key=lambda i: (CATEGORIES.index(i.category), i.order, i.file, i.line, i.claim, i.message)
    )
