"""Stakeholder tables that the drafting benchmark's 100-page report of repeated pages stopped on
(benchmarks/draft_accuracy.py): a table that lists one group twice (its rows for one business,
then another's, each with "Employees") builds, each row a claim of its own about the one group,
numbered as a table's KPI rows are (the second row's claim id clashed with the first's); and a
header with no row under it is no table (reading it raised IndexError)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest.loader import load_report
from kg.ingest.tables import stakeholder_rows
from tests.support.folders import report_folder

TEXT = (
    "ALDER LTD ESG REPORT 2024\n\n"
    "Key stakeholders\tKey Expectations\tMajor Communication Channels\n"
    "Employees\tFair pay\tStaff meetings\n"
    "Guests\tSafe stays\tSurveys\n"
    "Employees\tTraining\tIntranet\n"
    "Tenants\tFair leases\tTenant meetings\n"
)
META = """\
id: alder-2024
company: alder
title: Alder Ltd ESG Report 2024
year: 2024
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""


def test_a_group_a_stakeholder_table_lists_twice_is_one_entity_with_two_claims(tmp_path: Path) -> None:
    sheet = "entities:\n  - {id: alder, type: Organization, label: Alder Ltd}\n"
    report = load_report(report_folder(tmp_path / "alder", TEXT, META, sheet))
    claims = {ident: claim for ident, claim in report.claims.items() if ident.startswith("stakeholders-")}
    assert sorted(claims) == [
        "stakeholders-employees",
        "stakeholders-employees-2",
        "stakeholders-guests",
        "stakeholders-tenants",
    ]
    assert report.entities["employees"].type == "StakeholderGroup"
    assert claims["stakeholders-employees-2"].quote.startswith("Employees\tTraining")


def test_a_stakeholder_header_with_no_row_under_it_is_no_table() -> None:
    """A header printed at the foot of a page, its rows not read (as a PDF's last lines can be):
    no rows, where reading it used to raise IndexError and stop the draft."""
    text = "ALDER LTD ESG REPORT 2024\n\nKey stakeholders\tKey Expectations\tMajor Communication Channels\n"
    assert stakeholder_rows(text) == []


def test_a_stakeholder_row_running_into_a_page_footer_ends_where_the_footer_starts(tmp_path: Path) -> None:
    # The page map says the line under the last row is the page's footer, which the table reader,
    # knowing no pages, reads as the row's second line: the row's quote ends before it.
    text = TEXT.replace(
        "Tenants\tFair leases\tTenant meetings\n", "Tenants\tFair leases\tTenant meetings\n\tAlder Ltd\n"
    )
    folder = report_folder(
        tmp_path / "alder", text, META, "entities:\n  - {id: alder, type: Organization, label: Alder Ltd}\n"
    )
    start = text.index("\tAlder Ltd\n") + 1
    pages = {
        "source": "report.pdf",
        "pages": [{"page": 1, "start": 0, "end": len(text)}],
        "furniture": [{"start": start, "end": start + len("Alder Ltd"), "kind": "footer"}],
    }
    (folder / "pages.json").write_text(json.dumps(pages), encoding="utf-8")
    report = load_report(folder)
    assert report.claims["stakeholders-tenants"].quote == "Tenants\tFair leases\tTenant meetings"
