"""Rows a table prints without a unit: a label naming things counted before what was done to
them ("Complaints received") is a count, and an abbreviated rate whose note defines it ("LTIR*"
over "* ... per 200,000 hours worked.") is in the rate the note names."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.loader import load_report
from kg.ingest.table_cells import counted
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
    ("label", "counts"),
    [
        ("Complaints received", True),
        ("Samples tested", True),
        ("Product recalls", True),
        ("Suppliers audited", True),
        ("Water recycled", False),
        ("Received", False),
    ],
)
def test_a_plural_noun_before_a_participle_counts(label: str, counts: bool) -> None:
    assert counted(label) is counts


def _found(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    folder = report_folder(tmp_path / "brookfield", text, META, SHEET)
    return sorted(
        (obs.surface, obs.unit, obs.period.key)
        for claim in load_report(folder).claims.values()
        for obs in claim.observations
    )


def test_rows_of_things_counted_without_a_unit_are_counts(tmp_path: Path) -> None:
    text = (
        "BROOKFIELD LTD ESG REPORT 2023\n\n"
        "Customer service\t2023\t2022\n"
        "Complaints received\t1,204\t1,318\n"
        "Samples tested\t9,610\t9,022\n"
    )
    assert _found(tmp_path, text) == [
        ("1,204", "NUM", "2023"),
        ("1,318", "NUM", "2022"),
        ("9,022", "NUM", "2022"),
        ("9,610", "NUM", "2023"),
    ]


def test_an_abbreviated_rate_takes_the_unit_its_note_defines(tmp_path: Path) -> None:
    text = (
        "BROOKFIELD LTD ESG REPORT 2023\n\n"
        "Safety\t2023\t2022\n"
        "TRIR*\t0.84\t0.91\n"
        "* Total recordable injury rate: recordable injuries per 200,000 hours worked. Contractors excluded.\n"
    )
    assert _found(tmp_path, text) == [("0.84", "NUM-PER-200000HR", "2023"), ("0.91", "NUM-PER-200000HR", "2022")]
