"""A change column prints a decrease in parentheses with its per cent sign inside them ("(8.7%)",
as accounts print negatives): it is a change of -8.7 per cent, read as "-8.7%" is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.ingest import figure_tables
from kg.ingest.loader import load_report
from tests.support.folders import report_folder

TEXT = """\
RIVERGATE LTD ESG REPORT 2024

Table 3  Air emissions
                                      2024         2023       Change
Nitrogen oxides (kg)                 1,840        2,015       (8.7%)
Sulphur oxides (kg)                    412          380         8.4%
Dust (kg)                               96          101       -5.0%
"""

META = """\
id: rivergate-2024
company: rivergate
title: Rivergate Ltd ESG Report 2024
year: 2024
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""


@pytest.mark.parametrize(
    ("text", "percent"), [("(8.7%)", True), ("8.4%", True), ("(1,840)", False), ("1,840", False), ("4.4 pp", False)]
)
def test_a_cell_prints_its_per_cent_sign_inside_or_outside_parentheses(text: str, percent: bool) -> None:
    assert figure_tables.prints_percent(text) is percent


def test_a_decrease_in_parentheses_is_a_negative_change_in_per_cent(tmp_path: Path) -> None:
    folder = report_folder(
        tmp_path / "rivergate", TEXT, META, "entities:\n  - {id: rivergate, type: Organization, label: Rivergate Ltd}\n"
    )
    changes = sorted(
        (obs.surface, obs.value, obs.unit, obs.period.key, obs.baseline.key if obs.baseline else None)
        for claim in load_report(folder).claims.values()
        for obs in claim.observations
        if obs.kind == "change"
    )
    assert changes == [
        ("(8.7%)", Decimal("-8.7"), "PERCENT", "2024", "2023"),
        ("-5.0%", Decimal("-5.0"), "PERCENT", "2024", "2023"),
        ("8.4%", Decimal("8.4"), "PERCENT", "2024", "2023"),
    ]
