"""Unit cells of figure tables that name no unit of the lexicon (kg.ingest.table_cells.resolve_unit).

The cells are invented; none is taken from a fixture report.
"""

from __future__ import annotations

import pytest

from kg.ingest.table_cells import CellUnit, UnknownUnit, resolve_unit
from kg.vocab.units import load_units

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
