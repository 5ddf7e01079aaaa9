"""A stakeholder table that lists one group twice (its rows for one business, then another's,
each with "Employees") builds: each row is a claim of its own about the one group, numbered as a
table's KPI rows are, where the second row's claim id used to clash with the first's and stop the
build (a 100-page report of repeated pages, benchmarks/draft_accuracy.py, showed it)."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
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
