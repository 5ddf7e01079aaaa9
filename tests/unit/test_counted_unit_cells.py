"""A unit column's cell naming what a row counts in one plural noun ("nights", "events"): the
row's figures are counts, where the lexicon knows no such unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.loader import load_report
from kg.ingest.table_cells import counted_unit_cell
from tests.support.folders import report_folder

META = """\
id: brookfield-2023
company: brookfield
title: Brookfield Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: brookfield, type: Organization, label: Brookfield Ltd}\n"


@pytest.mark.parametrize(
    ("cell", "counts"),
    [("nights", True), ("events", True), ("visits", True), ("kWh", False), ("tCO2e", False), ("ha", False)],
)
def test_a_plural_noun_in_a_unit_cell_names_things_counted(cell: str, counts: bool) -> None:
    assert counted_unit_cell(cell) is counts


def test_rows_whose_unit_cell_is_a_plural_noun_are_counts(tmp_path: Path) -> None:
    text = (
        "BROOKFIELD LTD ESG REPORT 2023\n\n"
        "Operations\t2022\t2023\tUnit\n"
        "Nights stayed in our lodges\t40,210\t44,950\tnights\n"
        "Community events held\t58\t64\tevents\n"
    )
    folder = report_folder(tmp_path / "brookfield", text, META, SHEET)
    found = sorted(
        (obs.surface, obs.unit, obs.period.key)
        for claim in load_report(folder).claims.values()
        for obs in claim.observations
    )
    assert found == [
        ("40,210", "NUM", "2022"),
        ("44,950", "NUM", "2023"),
        ("58", "NUM", "2022"),
        ("64", "NUM", "2023"),
    ]
