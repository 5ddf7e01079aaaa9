"""Intensities named by their scopes ("Scope 1 and 2 intensity per m²") are the catalogue's GHG
intensities; chilled water bought from a district cooling plant is energy, not water; "team
members" are employees."""

from __future__ import annotations

import pytest

from kg.vocab.catalogue import match_metric


@pytest.mark.parametrize(
    ("label", "unit", "notation"),
    [
        ("Scope 1 and 2 intensity per m²", "KiloGM-PER-M2", "ghg-intensity-per-floor-area"),
        ("Scope 1 and 2 emissions intensity", "TONNE-PER-EMPLOYEE", "ghg-intensity-per-employee"),
        ("Scope 2 intensity per guest night", "KiloGM-PER-UNIT", None),  # a denominator the catalogue lacks
        ("Purchased chilled water", "MegaW-HR", "energy-heat-purchased"),
        ("Purchased chilled water (district cooling)", "TONNE", None),  # its emissions: no energy, no water
        ("Water consumption", "M3", "water-consumption"),
        ("Total team members", "NUM", "employees-total"),
        ("Female team members", "NUM", "employees-female"),
    ],
)
def test_scope_intensities_and_chilled_water(label: str, unit: str, notation: str | None) -> None:
    found = match_metric(label, unit)
    assert (found.notation if found else None) == notation
