"""An award table of two columns, the award then its organiser, names no winner: the awards are
the reporting company's (invented table)."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from kg.ingest.tables import award_rows
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


def test_awards_of_a_table_naming_no_winner_are_the_companys(tmp_path: Path) -> None:
    text = (
        "BROOKFIELD LTD ESG REPORT 2023\n\n"
        "Awards\n"
        "Award\tOrganiser\n"
        "Green Office Label – Gold\tClean Air Council\n"
        "\n"
        "We thank our staff.\n"
    )
    report = load_report(report_folder(tmp_path / "brookfield", text, META, SHEET))
    found = [(c.kind, c.subject, c.links) for c in report.claims.values() if c.kind == "recognition"]
    assert found == [("recognition", "brookfield", (("receivedAward", "green-office-label-gold"),))]


def test_an_award_table_ends_at_the_next_tables_header() -> None:
    # "Partner<TAB>Programme" under the awards is another table's header: its rows are no awards.
    text = (
        "Award\tOrganiser\n"
        "Green Office Label – Gold\tClean Air Council\n"
        "Partner\tProgramme\n"
        "River Watch Society\tCanal clean-up days\n"
    )
    assert [(r.award.text, r.organiser.text) for r in award_rows(text)] == [
        ("Green Office Label – Gold", "Clean Air Council")
    ]
