"""Units of retail and Hong Kong tables: intensities per store, shop or outlet (a count of sites,
read as csr:UNIT), and a currency with its scale cut to a letter or two ("HK$m", "RMBbn")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.ingest.table_cells import CellUnit, UnknownUnit, resolve_unit
from kg.vocab.units import load_units

LEXICON = load_units().lexicon


@pytest.mark.parametrize(
    ("surface", "unit"),
    [
        ("tCO2e/store", CellUnit("TONNE-PER-UNIT")),
        ("kg per shop", CellUnit("KiloGM-PER-UNIT")),
        ("MWh/outlet", CellUnit("MegaW-HR-PER-UNIT")),
        ("tCO2e/HK$m", CellUnit("TONNE-PER-MegaHKD")),
        ("MWh/RMBm", CellUnit("MegaW-HR-PER-MegaCNY")),
        ("HK$m", CellUnit("HKD", Decimal(10) ** 6)),
        ("US$bn", CellUnit("USD", Decimal(10) ** 9)),
    ],
)
def test_retail_units_are_read(surface: str, unit: CellUnit) -> None:
    assert resolve_unit(surface, LEXICON) == unit


def test_a_short_scale_is_read_after_a_currency_only() -> None:
    with pytest.raises(UnknownUnit):
        resolve_unit("tCO2e/m", LEXICON)  # a metre's "m", no million
