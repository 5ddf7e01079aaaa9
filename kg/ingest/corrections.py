"""Curator corrections of printed observations: checked, anchored, and kept beside the print.

A report sometimes prints a figure under the wrong label, period, unit or boundary, and says so
elsewhere (a note, a definition). The graph must keep what was printed (the claim and its
observation are the company's), so a correction never edits an observation: it is attached to
it as a :class:`~kg.ingest.model.Correction` with the curators' rationale and a verbatim quote of
the report as evidence, anchored and checked like a claim's quote.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.ingest.model import Claim, Correction, Observation, Report
from kg.ingest.sheet import CorrectionSpec
from kg.ingest.sheet_errors import suggest
from kg.ingest.table_cells import UnknownUnit, resolve_unit
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph


@cache
def catalogue_notations() -> dict[str, URIRef]:
    """The metric catalogue's metrics by skos:notation (ontology/metrics.ttl)."""
    graph = ontology_graph()
    return {
        str(notation): concept
        for concept in graph.subjects(SKOS.inScheme, CSR.MetricCatalogue)
        if isinstance(concept, URIRef)
        for notation in graph.objects(concept, SKOS.notation)
    }


def apply_corrections(report: Report, specs: list[tuple[Path, CorrectionSpec]]) -> None:
    """Attach each correction to the observation it corrects; InputError names the sheet line
    of a correction that names no observation, an unknown value, or evidence not in the text."""
    for path, spec in specs:
        where = f"{path}:{spec.line}"
        try:
            prop, raw = spec.corrected
        except ValueError as exc:
            raise InputError(f"{where}: correction of claim {spec.claim}: {exc}") from None
        claim = report.claims.get(spec.claim)
        if claim is None:
            raise InputError(
                f"{where}: correction names unknown claim {spec.claim!r}{suggest(spec.claim, report.claims)}"
            )
        index = _observation(claim, spec.figure, where)
        value = _value(report, prop, raw, f"{where}: correction of claim {spec.claim}")
        try:
            evidence = report.text.anchor(spec.evidence, spec.section, spec.occurrence)
        except (LookupError, KeyError) as exc:
            raise InputError(f"{where}: correction of claim {spec.claim}: evidence {exc.args[0]}") from None
        observation = claim.observations[index]
        if _corrects(prop) in {_corrects(c.prop) for c in observation.corrections}:
            raise InputError(
                f"{where}: figure {spec.figure!r} of claim {spec.claim} already has a {_corrects(prop)} correction"
            )
        fix = Correction(prop, value, spec.rationale.strip(), evidence, where)
        if not fix.rationale:
            raise InputError(f"{where}: correction of claim {spec.claim}: a correction needs a rationale")
        report.claims[claim.id] = _replaced(
            claim, index, dataclasses.replace(observation, corrections=(*observation.corrections, fix))
        )


def _corrects(prop: str) -> str:
    """The property of the observation a corrected field corrects: both metric fields its metric."""
    return "metric" if prop == "catalogue_metric" else prop


def _observation(claim: Claim, figure: str, where: str) -> int:
    found = [i for i, o in enumerate(claim.observations) if o.surface == figure]
    if len(found) != 1:
        printed = ", ".join(repr(o.surface) for o in claim.observations) or "none"
        what = "no observation" if not found else f"{len(found)} observations"
        raise InputError(f"{where}: claim {claim.id} has {what} printed as {figure!r} (printed: {printed})")
    return found[0]


def _value(report: Report, prop: str, raw: str, where: str) -> str:
    """The corrected value as the graph records it: a known metric id or notation, a unit key."""
    if prop == "metric" and raw not in report.metrics:
        raise InputError(f"{where}: unknown metric {raw!r}{suggest(raw, report.metrics)}")
    if prop == "catalogue_metric" and raw not in catalogue_notations():
        raise InputError(f"{where}: {raw!r} is no metric of the catalogue{suggest(raw, catalogue_notations())}")
    if prop == "unit":
        assert report.units is not None
        try:
            unit = resolve_unit(raw, report.units.lexicon)
        except UnknownUnit as exc:
            raise InputError(f"{where}: {exc}") from None
        if unit.scale != 1:
            raise InputError(f"{where}: unit {raw!r} carries a scale; correct the unit, not the value")
        return unit.key
    if prop == "boundary" and not raw.strip():
        raise InputError(f"{where}: an empty boundary")
    return raw


def _replaced(claim: Claim, index: int, observation: Observation) -> Claim:
    observations = list(claim.observations)
    observations[index] = observation
    return dataclasses.replace(claim, observations=tuple(observations))
