"""Mint the IRIs of instance data: readable slugs under a base a publisher can change.

Vocabulary IRIs (ontology, concept schemes, units) never move; only instance IRIs live under
the base. Every IRI is built from ids the sheets or the text give, never from counters, so the
same input always yields the same IRIs.

Many reports share one graph. What is public (organisations, laws, standards, certifications,
awards, places, metrics, periods) has one IRI whichever report names it, so reports meet on it.
What belongs to one company (its units, initiatives, products, stakeholder groups, material
issues, policies, events, people) is namespaced by the company, under the company's own IRI,
so that two companies' "employees" stay apart while one company's initiative is the same node
in every year. What belongs to one report (claims, sections, expectations) lies under the
report's IRI, which names company and year.

An observation is one fact however often the report prints it (a highlight and the body, a
summary and a table): its IRI lies under the claim of its first printing in document order, so a
figure printed once keeps the IRI it had as part of its claim, and the same text and sheets
always give the same IRI. Its other claims point at it (csr:hasObservation) and it derives from
each of them (prov:wasDerivedFrom). A new printing earlier in the text than the first would move
the IRI; one anywhere later leaves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import URIRef

from kg.vocab.entity_types import type_table
from kg.vocab.namespaces import DEFAULT_BASE

if TYPE_CHECKING:
    from kg.ingest.sheet import MetricSpec

_SAFE = re.compile(r"[A-Za-z0-9._~-]+")


@lru_cache(maxsize=1 << 16)
def _seg(value: str) -> str:
    """A path segment: slugs (nearly all ids) pass as they are, anything else is percent-encoded."""
    return value if _SAFE.fullmatch(value) else quote(value, safe="-._~")


@dataclass(frozen=True)
class Minter:
    """IRIs under one base (ending in ``/`` or ``#``)."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            raise ValueError(f"base IRI must end with '/' or '#': {self.base!r}")

    # The report, its text and sections, entities and periods are named again by every claim.
    @lru_cache(maxsize=1 << 14)  # noqa: B019 - a Minter is a value (its base), its IRIs are immutable
    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(_seg(p) for p in parts))

    def report(self, report: str) -> URIRef:
        return self._iri("report", report)

    def text(self, report: str) -> URIRef:
        return self._iri("report", report, "text")

    def document(self, report: str) -> URIRef:
        """The file the report was published as (its PDF), when its text has a page map."""
        return self._iri("report", report, "document")

    def section(self, report: str, number: str) -> URIRef:
        return self._iri("report", report, "section", number)

    def claim(self, report: str, claim: str) -> URIRef:
        return self._iri("report", report, "claim", claim)

    def claim_part(self, report: str, claim: str, *part: str) -> URIRef:
        """A node that exists only as part of a claim: its quote, selectors, observations."""
        return self._iri("report", report, "claim", claim, *part)

    def observation(self, report: str, claim: str, metric: str, nth: int, *part: str) -> URIRef:
        """The observation of the ``nth`` printed figure of ``metric`` in ``claim`` (from 1), the
        claim of the fact's first printing in document order (see the module's docstring), or
        a part of it (a footnote)."""
        suffix = metric if nth == 1 else f"{metric}-{nth}"
        return self.claim_part(report, claim, "observation", suffix, *part)

    def entity(self, type_: str, ident: str, company: str) -> URIRef:
        """An entity: shared types directly under their segment, others under ``company``'s IRI.

        The company is an organisation, so what it owns lies under the organisation segment.
        """
        table = type_table()
        entity_type = table.entity_type(type_)
        if entity_type.shared:
            return self._iri(entity_type.segment, ident)
        return self._iri(table.entity_type("Organization").segment, company, entity_type.segment, ident)

    def identifier(self, scheme: str, *value: str) -> URIRef:
        """A company identifier (adms:Identifier) of ``scheme`` (lei, isin, or an exchange's MIC):
        public, one node whichever report gives it."""
        return self._iri("identifier", scheme, *value)

    def sector_scheme(self, slug: str) -> URIRef:
        """A sector classification the ontology does not know, named by a report."""
        return self._iri("sector-scheme", slug)

    def sector(self, scheme: str, code: str) -> URIRef:
        """The sector ``code`` of the classification whose slug is ``scheme``."""
        return self._iri("sector", scheme, code)

    def agent(self, ident: str) -> URIRef:
        """A curator or other agent named by the input rather than the report."""
        return self._iri("agent", ident)

    def activity(self, report: str, ident: str) -> URIRef:
        """A run of software over one report (``drafting``: the drafter that read its claims)."""
        return self._iri("report", report, "activity", ident)

    def metric(self, ident: str, report: str | None = None) -> URIRef:
        """A metric: shared by every report that defines it alike, or, for a metric the software
        drafted from one report's wording (``report`` given), that report's own."""
        if report is not None:
            return self._iri("report", report, "metric", ident)
        return self._iri("metric", ident)

    def report_metric(self, spec: MetricSpec | None, ident: str, report: str) -> URIRef:
        """The IRI of metric ``ident`` as report ``report`` defines it (``spec``; None for a metric
        another sheet defines).

        A drafted metric's definition is one report's reading of its tables (its parts, the total
        it is a share of), which another report of the same wording need not share, so drafted
        metrics are not shared: two drafted reports never clash on one. Reports meet on the
        catalogue metric a drafted metric maps to.
        """
        return self.metric(ident, report if spec is not None and spec.drafted else None)

    def expectation(self, report: str, group: str, slug: str) -> URIRef:
        return self._iri("report", report, "expectation", group, slug)

    def channel(self, slug: str) -> URIRef:
        return self._iri("channel", slug)

    def period(self, key: str) -> URIRef:
        return self._iri("period", *key.split("/"))

    def instant(self, day: str) -> URIRef:
        return self._iri("instant", day)
