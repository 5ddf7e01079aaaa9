"""What narrows a table row (its label's "in <where> per <denominator>") and what says a mass is
CO2 equivalent, recognised by shape and general words, whichever report prints them."""

from __future__ import annotations

import pytest

from kg.ingest.mass_basis import says_co2e
from kg.ingest.row_notes import label_boundary


@pytest.mark.parametrize(
    ("label", "boundary"),
    [
        ("Total GHG emissions in offices per floor area", "offices"),
        ("Energy use in retail stores per m2", "retail stores"),
        ("Water withdrawal in Hong Kong operations per employee", "Hong Kong operations"),
        ("Electricity IN data centres PER rack", "data centres"),
        # No narrowing: not an intensity, or the "in" belongs to the denominator.
        ("Employees in Hong Kong", None),
        ("Hazardous waste per employee", None),
        ("Packaging per revenue in million RMB", None),
        ("Increase in revenue", None),
    ],
)
def test_label_boundary(label: str, boundary: str | None) -> None:
    assert label_boundary(label) == boundary


@pytest.mark.parametrize(
    ("text", "co2e"),
    [
        ("1,250.5 tCO2e", True),
        ("Scope 1 emissions (tonnes CO₂e)", True),
        ("12 kt CO2-eq", True),
        ("Emissions are reported as CO2 equivalent.", True),
        ("GHG emissions data is presented in carbon dioxide equivalent", True),
        ("values in carbon dioxide-equivalents", True),
        ("CO2 emissions (tonnes)", False),
        ("The CO2 captured was 40 tonnes.", False),
        ("Waste (tonnes)", False),
    ],
)
def test_says_co2e(text: str, co2e: bool) -> None:
    assert says_co2e(text) is co2e
