"""Which of a report's printed quantities lie inside a claim's quote.

A quantity mention is covered when some claim's quote contains it; the rest are listed with the
reason the curators gave (``uncovered`` in a sheet) or as having none. Digit runs that are not
quantities (years, dates, ordinals, identifiers, enumerators) are counted apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.ingest.model import Report
from kg.ingest.quantities import Mention, Recogniser
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
    found = list(Recogniser((report.units or load_units()).lexicon).mentions(text))
    rows = []
    for m in found:
        if m.kind != "quantity":
            continue
        claims = tuple(cid for start, end, cid in spans if start <= m.start and m.end <= end)
        rows.append(
            MentionCoverage(
                m, text.count("\n", 0, m.start) + 1, claims, None if claims else reasons.get((m.start, m.end))
            )
        )
    others = Counter(m.kind for m in found if m.kind != "quantity")
    return Coverage(report.meta.id, tuple(rows), dict(sorted(others.items())))
