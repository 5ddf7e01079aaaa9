"""Printed values in the canonical unit of their catalogue metric (kg.vocab.conversion)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.vocab.catalogue import catalogue
from kg.vocab.conversion import Converted, to_canonical
from kg.vocab.units import load_units

UNIT = "http://qudt.org/vocab/unit/"
CSRUNIT = "https://w3id.org/csr-kg/unit/"


@pytest.mark.parametrize(
    ("value", "precision", "unit", "metric", "expected", "canonical", "exact"),
    [
        ("412500", "0.5", "KiloGM", "ghg-scope-1", "412.5", UNIT + "TONNE", True),
        ("2.5", "0.05", "KiloTONNE", "ghg-total", "2500", UNIT + "TONNE", True),
        ("96840", "0.5", "GigaJ", "energy-total", "26900", UNIT + "MegaW-HR", True),
        ("5832000", "0.5", "KiloW-HR", "energy-electricity-purchased", "5832", UNIT + "MegaW-HR", True),
        ("1.2", "0.05", "GigaW-HR", "energy-total", "1200", UNIT + "MegaW-HR", True),
        ("48.2", "0.05", "MegaL", "water-withdrawal", "48200", UNIT + "M3", True),
        ("18170", "0.5", "NUM", "employees-total", "18170", UNIT + "NUM", True),
        # Ratio units: both parts convert.
        ("38.6", "0.05", "KiloGM-PER-M2", "ghg-intensity-per-floor-area", "0.0386", CSRUNIT + "TONNE-PER-M2", True),
        ("2113", "0.5", "KiloW-HR-PER-EMPLOYEE", "energy-intensity-per-employee", "2.113",
         CSRUNIT + "MegaW-HR-PER-EMPLOYEE", True),
        # kWh per square foot to MWh per square metre: 1 ft² = 0.09290304 m².
        ("9.290304", "0.0000005", "KiloW-HR-PER-FT2", "energy-intensity-per-floor-area", "0.1",
         CSRUNIT + "MegaW-HR-PER-M2", True),
        # An average per employee printed "per employee" is in its numerator's unit.
        ("15.4", "0.05", "HR-PER-EMPLOYEE", "training-hours-average", "15.4", UNIT + "HR", True),
        # 12,345 GJ = 3,429.1666... MWh: rounded three digits below the precision (0.5 GJ = 0.139 MWh).
        ("12345", "0.5", "GigaJ", "energy-total", "3429.1667", UNIT + "MegaW-HR", False),
        ("1", "0.5", "TCE", "energy-total", "8.141", UNIT + "MegaW-HR", True),
    ],
)  # fmt: skip
def test_converts_exactly(
    value: str, precision: str, unit: str, metric: str, expected: str, canonical: str, exact: bool
) -> None:
    converted = to_canonical(load_units(), Decimal(value), Decimal(precision), unit, catalogue()[metric])
    assert converted is not None
    assert (converted.value, str(converted.unit), converted.exact) == (Decimal(expected), canonical, exact)


@pytest.mark.parametrize(
    ("unit", "metric"),
    [
        ("TONNE", "water-consumption"),  # mass to volume needs a density
        ("CNY", "rd-spending"),  # currencies have no multipliers: exchange rates are no unit conversion
        ("TONNE-PER-MegaCNY", "ghg-intensity-per-employee"),  # another denominator
        ("TONNE-PER-EMPLOYEE", "ghg-total"),  # an intensity is no total
        ("MO", "lost-days-work-injury"),  # a month has no fixed length
    ],
)
def test_does_not_convert_across_kinds_or_without_multipliers(unit: str, metric: str) -> None:
    assert to_canonical(load_units(), Decimal(1), Decimal("0.5"), unit, catalogue()[metric]) is None


def test_a_converted_value_names_its_unit_key() -> None:
    converted = to_canonical(load_units(), Decimal("3.5"), Decimal("0.05"), "KiloGM-PER-EMPLOYEE",
                             catalogue()["hazardous-waste-intensity-per-employee"])  # fmt: skip
    assert converted == Converted(Decimal("0.0035"), converted.unit, "TONNE-PER-EMPLOYEE", True)
