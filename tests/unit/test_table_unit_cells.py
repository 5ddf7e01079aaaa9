"""Unit cells of figure tables that name no unit of the lexicon (kg.ingest.table_cells.resolve_unit).

The cells are invented; none is taken from a fixture report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.loader import load_report
from kg.ingest.table_cells import CellUnit, UnknownUnit, resolve_unit
from kg.vocab.units import load_units
from tests.support.folders import company_folder

LEXICON = load_units().lexicon


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("contractors", "NUM"),  # a unit cell naming what the row counts
        ("Complaints", "NUM"),
        ("points", "NUM"),  # a satisfaction score
        ("score", "NUM"),
        ("days", "DAY"),  # a unit of the lexicon stays one
        ("tonnes", "TONNE"),
    ],
)
def test_a_unit_cell_naming_counted_things_or_a_score_is_a_number(cell: str, key: str) -> None:
    assert resolve_unit(cell, LEXICON) == CellUnit(key)


def test_a_unit_cell_naming_nothing_counted_stays_unknown() -> None:
    with pytest.raises(UnknownUnit):
        resolve_unit("widgets", LEXICON)


_DASHED = """KILNCO LTD ESG REPORT 2022

Indicator\tUnit\t2022\t2021
Injury rate per million hours worked\t-\t0.42\t0.51
Safety drills\t-\t12\t10
"""


def test_a_dash_in_the_unit_column_is_no_unit_and_a_label_per_something_a_rate(tmp_path: Path) -> None:
    report = load_report(company_folder(tmp_path, _DASHED))
    found = sorted((o.surface, o.unit) for c in report.claims.values() for o in c.observations)
    # "Safety drills" says no rate: a dash in the unit column makes its cells numbers in no unit.
    assert found == [("0.42", "NUM-PER-MegaHR"), ("0.51", "NUM-PER-MegaHR"), ("10", "NUM"), ("12", "NUM")]
