"""Intensities in kg or g of coal (or oil) equivalent read as tonnes of it per a larger unit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.ingest.equivalent_ratios import equivalent_ratio
from kg.ingest.loader import load_report
from kg.ingest.table_cells import UnknownUnit, as_printed, resolve_unit
from kg.vocab.units import load_units
from tests.support.folders import report_folder


def _plain(surface: str) -> str | None:
    units = load_units()
    try:
        unit = as_printed(resolve_unit(surface, units.lexicon), units)
    except UnknownUnit:
        return None
    return unit.key if unit.scale == 1 else None


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("kgce/tonne of clinker", "TCE-PER-KiloTONNE"),  # a kilogram per tonne: a tonne per kilotonne
        ("gce/kWh", "TCE-PER-GigaW-HR"),  # a gram per kWh: a tonne per million kWh
        ("g ce per kWh", "TCE-PER-GigaW-HR"),
        ("kgce/employee", None),  # no thousand employees unit: left unread
        ("tce/tonne", None),  # a tonne already: the lexicon reads it, not this
        ("mg/L", "GM-PER-M3"),  # a milligram per litre: a gram per cubic metre
        ("mg per kg", "GM-PER-TONNE"),
        ("mg/employee", None),
    ],
)
def test_equivalent_intensities(surface: str, key: str | None) -> None:
    assert equivalent_ratio(surface, load_units(), _plain) == key


TEXT = """CLINKERCO ESG REPORT 2022

Indicator\tUnit\t2022\t2021
Energy per tonne of clinker\tkgce/tonne of clinker\t102.5\t104.0
"""
META = """\
id: clinkerco-2022
company: clinkerco
title: Clinkerco ESG Report 2022
year: 2022
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: clinkerco, type: Organization, label: Clinkerco Ltd}\n"


def test_a_table_row_in_kgce_per_tonne_keeps_its_printed_value(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "clinkerco", TEXT, META, SHEET))
    found = sorted(
        (obs.surface, obs.value, obs.unit, obs.period.key)
        for claim in report.claims.values()
        for obs in claim.observations
    )
    assert found == [
        ("102.5", Decimal("102.5"), "TCE-PER-KiloTONNE", "2022"),
        ("104.0", Decimal("104.0"), "TCE-PER-KiloTONNE", "2021"),
    ]
