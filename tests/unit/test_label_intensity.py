"""A row label naming what a figure is per ("... per guest night") over a unit cell naming the
numerator only ("kWh"): the figure is an intensity; and a header row "as at" a day dates its
year columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.label_intensity import label_denominator, per_label_unit
from kg.ingest.loader import load_report
from kg.vocab.units import load_units
from tests.support.folders import report_folder

META = """\
id: fernhill-2023
company: fernhill
title: Fernhill Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: fernhill, type: Organization, label: Fernhill Ltd}\n"


@pytest.mark.parametrize(
    ("label", "per"),
    [
        ("Energy intensity per guest night", "guest night"),
        ("Water use per employee²", "employee"),
        ("Electricity per room night (hotels)", None),  # the parenthesis ends the label: not read
        ("Total energy", None),
    ],
)
def test_the_denominator_a_label_ends_by_naming(label: str, per: str | None) -> None:
    assert label_denominator(label) == per


@pytest.mark.parametrize(
    ("label", "unit", "key", "surface"),
    [
        ("Energy intensity per guest night", "kWh", "KiloW-HR", "kWh per guest night"),
        ("Energy intensity per m²", "kWh/m²", "KiloW-HR-PER-M2", None),  # a ratio already
        ("Training hours per employee", "hours", "HR", None),  # an average time stays in hours
        ("Complaints per property", "cases", "NUM", None),
        ("Electricity used", "kWh", "KiloW-HR", None),
    ],
)
def test_a_unit_cell_makes_an_intensity_with_a_per_label(label: str, unit: str, key: str, surface: str | None) -> None:
    assert per_label_unit(label, unit, key, load_units()) == surface


def test_a_table_reads_per_labels_as_intensities_and_dates_headcount_at_the_header_day(tmp_path: Path) -> None:
    text = (
        "FERNHILL LTD ESG REPORT 2023\n\n"
        "Resource use\t2022\t2023\tUnit\n"
        "Electricity per room night\t31.5\t29.8\tkWh\n"
        "Waste per room night\t2.4\t2.2\tkg per room night\n"
        "Electricity used\t8,100\t7,900\tMWh\n\n"
        "Staff as at 31 December\t2022\t2023\tUnit\n"
        "Full-time\t410\t432\tpersons\n"
    )
    folder = report_folder(tmp_path / "fernhill", text, META, SHEET)
    found = sorted(
        (obs.surface, obs.unit, obs.period.key)
        for claim in load_report(folder).claims.values()
        for obs in claim.observations
    )
    assert found == [
        ("2.2", "KiloGM-PER-UNIT", "2023"),
        ("2.4", "KiloGM-PER-UNIT", "2022"),
        ("29.8", "KiloW-HR-PER-UNIT", "2023"),
        ("31.5", "KiloW-HR-PER-UNIT", "2022"),
        ("410", "NUM", "2022-12-31"),
        ("432", "NUM", "2023-12-31"),
        ("7,900", "MegaW-HR", "2023"),
        ("8,100", "MegaW-HR", "2022"),
    ]
