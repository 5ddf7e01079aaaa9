"""The parts of a workforce total printed under it with no headings: gender, age and region
groups (an age group written "Aged 30 to 50", regions named alone), each kind a breakdown of its
own; and a part named after a spaced dash ("Suppliers - Hong Kong") read as a region's."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from kg.vocab.catalogue import match_metric
from tests.support.folders import company_folder

TEXT = """\
KILNCO LTD ESG REPORT 2023

Indicator\tUnit\t2023\t2022
Total employees\tpersons\t200\t190
Male\tpersons\t120\t115
Female\tpersons\t80\t75
Under 30\tpersons\t50\t45
Aged 30 to 50\tpersons\t100\t98
Over 50\tpersons\t50\t47
Singapore\tpersons\t150\t140
Malaysia\tpersons\t50\t50
Employee turnover rate\t%\t12.0\t11.5
"""


def test_each_kind_of_group_under_a_total_is_a_breakdown_of_its_own(tmp_path: Path) -> None:
    report = load_report(company_folder(tmp_path, TEXT, year=2023))
    total = next(k for k, m in report.metrics.items() if m.label == "Total employees")
    parts = {m.label: m.breakdown for m in report.metrics.values() if m.component_of == total}
    assert parts == {
        "Total employees: Male": "By gender",
        "Total employees: Female": "By gender",
        "Total employees: Under 30": "By age group",
        "Total employees: Aged 30 to 50": "By age group",
        "Total employees: Over 50": "By age group",
        "Total employees: Singapore": "By region",
        "Total employees: Malaysia": "By region",
    }


def test_a_part_after_a_spaced_dash_names_a_region() -> None:
    found = match_metric("Suppliers - Vietnam", "NUM")
    assert found is not None and (found.notation, found.match) == ("suppliers-in-region", "exact")
    hyphenated = match_metric("Work-related fatalities", "NUM")
    assert hyphenated is not None and hyphenated.notation == "work-related-fatalities"
