"""Tables of targets (kg.ingest.target_columns): columns of years after the report's are
targets, a "Status 2023" column is progress, a signed figure is a change since the printed
baseline; header cells that one space joins ("2030 Status 2023") are cut in two."""

from __future__ import annotations

from pathlib import Path

from kg.ingest import target_columns
from kg.ingest.figure_tables import figure_tables
from kg.ingest.loader import load_report
from tests.support.folders import report_folder

TEXT = """\
Harbourline 2030 goals (baseline year 2018)

Goal                                                     2026        2030 Status 2023
Energy use per room night                                 -20%        -35%      -12.5%
Solar share of electricity                                 10%         30%        6.1%
"""
META = """\
id: harbourline-2023
company: harbourline
title: Harbourline Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: harbourline, type: Organization, label: Harbourline Ltd}\n"


def test_glued_header_cells_and_a_progress_column() -> None:
    (table,) = figure_tables(TEXT)
    assert [(c.kind, c.year, c.progress) for c in table.columns] == [
        ("year", 2026, False),
        ("year", 2030, False),
        ("year", 2023, True),
    ]


def test_what_tells_a_table_of_targets_and_its_baseline() -> None:
    assert target_columns.lists_targets(None, "Table 9 Our 2030 targets")
    assert not target_columns.lists_targets("Energy (GJ)  2022  2023", None)
    assert target_columns.baseline_year("2030 goals (baseline year 2018)") == 2018
    assert target_columns.baseline_year("Targets against a 2019 baseline") == 2019
    assert target_columns.baseline_year("Targets for 2030") is None


def test_targets_changes_and_levels_of_a_table_of_targets(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "harbourline", TEXT, META, SHEET))
    read = sorted(
        (o.surface, o.kind, o.period.start, o.baseline.start if o.baseline else None, o.unit)
        for c in report.claims.values()
        for o in c.observations
    )
    assert read == [
        ("-12.5%", "change", "2023", "2018", "PERCENT"),
        ("-20%", "target", "2026", "2018", "PERCENT"),
        ("-35%", "target", "2030", "2018", "PERCENT"),
        ("10%", "target", "2026", None, "PERCENT"),
        ("30%", "target", "2030", None, "PERCENT"),
        ("6.1%", "value", "2023", None, "PERCENT"),
    ]
