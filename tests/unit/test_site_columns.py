"""Tables whose columns are sites: one year's figures per mine, plant or region, and a total."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.ingest import figure_tables
from kg.ingest.loader import load_report
from kg.ingest.site_columns import site_columns
from tests.support.folders import company_folder

SPACED = """\
Table 7  Output of the works, 2022

Item                  Unit         East Works   West Works   Group total
Bricks fired          tonnes           12,400        8,100        20,500
Kiln gas burned       m³                  N/A      310,200       310,200
"""


def test_a_header_of_sites_after_a_unit_column_gives_site_columns_of_the_captions_year() -> None:
    (table,) = figure_tables.figure_tables(SPACED)
    assert [(c.kind, c.period, c.boundary, c.total) for c in table.columns] == [
        ("unit", None, None, False),
        ("site", "2022", "East Works", False),
        ("site", "2022", "West Works", False),
        ("site", "2022", None, True),
    ]
    assert [(r.label, r.unit, [c.figure.text for c in r.cells]) for r in table.rows] == [
        ("Bricks fired", "tonnes", ["12,400", "8,100", "20,500"]),
        ("Kiln gas burned", "m³", ["N/A", "310,200", "310,200"]),
    ]
    assert not table.unread


@pytest.mark.parametrize(
    ("cells", "roles"),
    [
        (["Indicator", "Unit", "Plant A", "Plant B", "Total"], ["unit", "site", "site", "total"]),
        (["", "Units", "Northern region", "Southern region"], ["unit", "site", "site"]),
        (["Indicator", "Unit", "Male", "Female", "Total"], None),  # a breakdown by gender
        (["Indicator", "Unit", "Plant A", "Total"], None),  # one site: no set of sites
        (["Indicator", "Plant A", "Plant B", "Total"], None),  # no unit column: measures, maybe
        (["Indicator", "Unit", "Phase 2", "Phase 3"], None),  # a digit: no site's name
        (["Indicator", "Unit", "Plant A", "2023"], None),  # a year column
    ],
)
def test_which_headers_are_headers_of_sites(cells: list[str], roles: list[str] | None) -> None:
    assert site_columns(cells, figure_tables._is_column_word, figure_tables._is_group_label) == roles


def test_site_cells_are_of_the_year_with_the_site_as_their_boundary(tmp_path: Path) -> None:
    text = "KILNCO LTD ESG REPORT 2022\n\n" + SPACED.replace(", 2022", "")  # no year: the report's
    report = load_report(company_folder(tmp_path, text))
    found = sorted(
        (obs.surface, obs.value, obs.unit, obs.period.key, obs.boundary or "", obs.disclosed)
        for claim in report.claims.values()
        for obs in claim.observations
    )
    assert found == [
        ("12,400", Decimal(12400), "TONNE", "2022", "East Works", True),
        ("20,500", Decimal(20500), "TONNE", "2022", "", True),
        ("310,200", Decimal(310200), "M3", "2022", "", True),
        ("310,200", Decimal(310200), "M3", "2022", "West Works", True),
        ("8,100", Decimal(8100), "TONNE", "2022", "West Works", True),
        ("N/A", None, None, "2022", "East Works", False),
    ]
