"""A site table's total column sums the row's sites: the check of total against sites."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from kg.rdf.build import build_graph
from kg.validate.shacl import validate_graph
from tests.support.folders import company_folder

TEXT = """KILNCO LTD ESG REPORT 2022

Table 2  Kilns, 2022

Indicator\tUnit\tEast Works\tWest Works\tNorth Works\tGroup total
Clinker output\ttonnes\t1,000\t2,000\tN/A\t3,000
Kiln gas burned\tm³\t400\t500\t100\t1,200
Gas reuse rate\t%\t40.0\t50.0\t60.0\t48.0
"""


def test_the_total_column_of_amounts_is_the_rows_boundary_total(tmp_path: Path) -> None:
    report = load_report(company_folder(tmp_path, TEXT))
    totals = {
        claim.quote.split("\t")[0]: claim.observations[claim.boundary_total].surface
        for claim in report.claims.values()
        if claim.boundary_total is not None
    }
    assert totals == {"Clinker output": "3,000", "Kiln gas burned": "1,200"}  # a rate does not add up


def test_only_a_total_that_is_not_the_sum_of_its_sites_is_reported(tmp_path: Path) -> None:
    graph = build_graph([company_folder(tmp_path, TEXT)])
    found = [f.message for f in validate_graph(graph).findings if f.shape.endswith("#BoundaryTotalShape")]
    # 400 + 500 + 100 is 1,000, not 1,200; 1,000 + 2,000 (North Works N/A) is 3,000.
    assert found == ["The total 1200.0 differs from the sum of its 3 sites, 1000.0, by more than rounding allows (2)."]
