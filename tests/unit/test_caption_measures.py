"""A caption listing its breakdowns ("Staff by gender and grade (as at 30 June)") names the
measure of its rows before them: rows that name no metric alone ("Female", "Total") are groups
of that measure (invented tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.loader import caption_measure, load_report
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
    ("caption", "measure"),
    [
        ("Staff by gender and grade (as at 30 June)", "Staff"),
        ("Leaver rate (%)", "Leaver rate"),
        ("Energy use (MWh) by site", "Energy use"),
        ("Training", None),
        (None, None),
    ],
)
def test_the_measure_of_a_caption_is_before_its_breakdowns(caption: str | None, measure: str | None) -> None:
    assert caption_measure(caption) == measure


def test_rows_of_a_caption_listing_breakdowns_are_groups_of_its_measure(tmp_path: Path) -> None:
    text = (
        "BROOKFIELD LTD ESG REPORT 2023\n\n"
        "Table 3  Workforce by gender and contract (as at 31 December)\n"
        "As at          Total    Female    Male\n"
        "31 Dec 2023      820       430     390\n"
        "31 Dec 2022      790       405     385\n"
    )
    report = load_report(report_folder(tmp_path / "brookfield", text, META, SHEET))
    found = sorted(
        (report.metrics[obs.metric].label, obs.surface)
        for claim in report.claims.values()
        for obs in claim.observations
        if obs.surface in ("820", "430")
    )
    assert found == [("Workforce: Female", "430"), ("Workforce: Total", "820")]


def test_a_measure_naming_only_a_group_is_a_group_of_a_measure_before_it_in_its_unit(tmp_path: Path) -> None:
    text = (
        "BROOKFIELD LTD ESG REPORT 2023\n\n"
        "Table 5  Training\n"
        "Year      Employees trained (%)   Women trained (%)   Average hours   Women (hours)\n"
        "2023                       91.0                93.5            18.2            19.0\n"
        "2022                       88.4                90.1            16.9            17.4\n"
    )
    report = load_report(report_folder(tmp_path / "brookfield", text, META, SHEET))
    found = sorted(
        (report.metrics[obs.metric].label, obs.surface)
        for claim in report.claims.values()
        for obs in claim.observations
        if obs.period.key == "2023"
    )
    assert found == [
        ("Employees trained", "91.0"),
        ("Employees trained: Women trained", "93.5"),
        ("Training: Average hours", "18.2"),
        ("Training: Average hours: Women", "19.0"),
    ]
