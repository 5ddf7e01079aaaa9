"""One definition per IRI across reports.

Reports meet on shared IRIs: a metric, a law or an organisation named by several reports, or
one company's initiative named in several of its years. Merging two different definitions
under one IRI would give a node two labels or two units and make comparisons across reports
wrong without a sign, so a second definition must equal the first, or the build stops and
names both places.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import InputError
from kg.ingest.model import Report
from kg.rdf.iris import Minter
from kg.vocab.identifiers import identifier_vocabulary
from kg.vocab.names import slugify


@dataclass(frozen=True)
class Definition:
    """What a report says a shared IRI is, and where it says so."""

    iri: str
    fingerprint: str
    origin: str


def report_definitions(report: Report, minter: Minter) -> list[Definition]:
    """The entity and metric definitions of ``report``, keyed by the IRI each one gets."""
    company = report.company_id
    # A company node's name is that of its own id; a report that spells the company otherwise
    # gives it other names (kg.ingest.companies), not another definition.
    entities = [e for e in report.entities.values() if not (report.company_alias and e.id == report.meta.company)]
    specs = [
        *((minter.entity(spec.type, report.node_id(spec.id), company), f"entity:{spec.id}", spec) for spec in entities),
        *(
            (minter.report_metric(spec, spec.id, report.meta.id), f"metric:{spec.id}", spec)
            for spec in report.metrics.values()
        ),
    ]
    definitions = [
        Definition(
            str(iri),
            repr(sorted(spec.model_dump(exclude={"line"}).items())),
            report.origins.get(key, f"report {report.meta.id}"),
        )
        for iri, key, spec in specs
    ]
    sector = report.meta.sector
    if sector is not None:
        scheme = identifier_vocabulary().scheme(sector.scheme)
        slug = str(scheme).rsplit("/", 1)[-1] if scheme is not None else slugify(sector.scheme)
        definitions.append(
            Definition(
                str(minter.sector(slug, sector.code)),
                repr((sector.label, report.meta.language)),
                report.origins.get("sector", f"report {report.meta.id}"),
            )
        )
    return definitions


@dataclass
class Definitions:
    """The first definition of every IRI seen so far; memory grows with shared things only."""

    seen: dict[str, Definition] = field(default_factory=dict)

    def add(self, definitions: list[Definition]) -> None:
        for new in definitions:
            old = self.seen.setdefault(new.iri, new)
            if old.fingerprint != new.fingerprint:
                raise InputError(
                    f"{new.origin}: {new.iri} is defined differently at {old.origin}; "
                    "a shared id must have the same definition in every report (or take another id)"
                )
