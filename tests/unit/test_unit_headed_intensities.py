"""A transposed table's column headed by a ratio unit alone ("tCO2e/HK$ million") is an intensity
in that unit, and a greenhouse gas intensity naming no scope divides the Scope 1 and 2 row rather
than a wider total with Scope 3."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.ingest.loader import load_report
from tests.support.folders import report_folder

TEXT = """\
Table 3  Carbon footprint
Year       Scope 1 (tCO2e)  Scope 2 (tCO2e)  Scope 1 and 2 (tCO2e)  Scope 3 (tCO2e)  Total (tCO2e)  tCO2e/HK$ million
FY2023/24            100.0            300.0                  400.0             50.0          450.0               2.00
FY2022/23            110.0            310.0                  420.0             60.0          480.0               2.10
"""
META = """\
id: alderbay-2024
company: alderbay
title: Alderbay Ltd ESG Report 2023/24
year: 2024
fiscal_year_end: 03-31
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: alderbay, type: Organization, label: Alderbay Ltd}\n"


def _intensity(tmp_path: Path) -> tuple[str, str | None, list[tuple[Decimal | None, str | None]]]:
    report = load_report(report_folder(tmp_path / "alderbay", TEXT, META, SHEET))
    (spec,) = [m for m in report.metrics.values() if m.label.endswith("Intensity")]
    figures = sorted((o.value, o.unit) for c in report.claims.values() for o in c.observations if o.metric == spec.id)
    numerator = report.metrics[spec.intensity_of].label if spec.intensity_of else None
    return spec.label, numerator, figures


def test_a_column_headed_by_a_ratio_unit_alone_is_an_intensity_in_it(tmp_path: Path) -> None:
    label, _, figures = _intensity(tmp_path)
    assert (label, figures) == (
        "Carbon footprint: Intensity",
        [(Decimal("2.00"), "TONNE-PER-MegaHKD"), (Decimal("2.10"), "TONNE-PER-MegaHKD")],
    )


def test_an_intensity_naming_no_scope_divides_scope_1_and_2_not_the_total(tmp_path: Path) -> None:
    assert _intensity(tmp_path)[1] == "Scope 1 and 2"
