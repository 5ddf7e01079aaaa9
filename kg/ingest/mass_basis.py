"""Which mass figures are CO2 equivalent, from what the report prints, not from what they measure.

A tonne of CO2e is a tonne (units convert as masses), but it weighs every gas by its global
warming potential, which a tonne of CO2 or of waste does not. A mass figure is CO2 equivalent
when its own print says so ("22,782 tCO2e", a row "GHG emissions (tonnes CO2e)") or when a note
attached to it does ("emissions are presented in carbon dioxide equivalent"); the observation
then records the basis and, for a note, which note is the evidence.
"""

from __future__ import annotations

import dataclasses
import re

from kg.ingest.model import MassBasis, Observation, Report
from kg.ingest.row_notes import TABLE_ORIGIN
from kg.vocab.units import Units

_CO2E = re.compile(r"CO[2₂]\s?-?\s?e(?:q\.?)?\b|CO[2₂][- ]equivalents?\b|carbon dioxide[- ]equivalents?\b", re.I)
_MASS = "http://qudt.org/vocab/quantitykind/Mass"
CO2_EQUIVALENT = "CO2Equivalent"  # the csr:MassBasis individual


def says_co2e(text: str) -> bool:
    """Whether ``text`` says carbon dioxide equivalent ("tCO2e", "CO₂-eq", "CO2 equivalent")."""
    return _CO2E.search(text) is not None


def _weighs_mass(units: Units, key: str | None) -> bool:
    if key is None:
        return False
    parts = units.ratio(key) if key not in units.units else None
    numerator = parts[0] if parts else key
    unit = units.units.get(numerator)
    return unit is not None and str(unit.quantity_kind) == _MASS


def mark_co2e(report: Report) -> None:
    """Record the CO2-equivalent basis of every mass figure whose print or notes state it."""
    assert report.units is not None
    text = report.text.text
    for ident, claim in list(report.claims.items()):
        own = claim.quote if claim.origin.startswith(TABLE_ORIGIN) else None
        observations = []
        for obs in claim.observations:
            basis = _basis(report.units, text, obs, own) if obs.mass_basis is None else obs.mass_basis
            observations.append(obs if basis is obs.mass_basis else dataclasses.replace(obs, mass_basis=basis))
        # A claim none of whose figures changed stays as it is (copying every claim was a cost).
        changed = any(new is not old for new, old in zip(observations, claim.observations, strict=True))
        if changed or type(claim.observations) is not tuple:
            report.claims[ident] = dataclasses.replace(claim, observations=tuple(observations))


def _basis(units: Units, text: str, obs: Observation, row: str | None) -> MassBasis | None:
    if not obs.disclosed or not _weighs_mass(units, obs.unit):
        return None
    if says_co2e(obs.surface) or (row is not None and says_co2e(row)):
        return MassBasis(CO2_EQUIVALENT)
    for note in obs.notes:
        if says_co2e(text[note.start : note.end]):
            return MassBasis(CO2_EQUIVALENT, note.name)
    return None
