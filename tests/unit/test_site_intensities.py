"""The intensity checks meet a site's figures with that site's: each site column divides its own."""

from __future__ import annotations

from pathlib import Path

from kg.rdf.build import build_graph
from kg.validate.shacl import validate_graph
from tests.support.folders import company_folder

TEXT = """KILNCO LTD ESG REPORT 2022

Table 2  Kilns, 2022

Indicator\tUnit\tEast Works\tWest Works\tGroup total
Clinker output\t'000 tonnes\t10\t20\t30
Energy consumed\ttce\t500\t1,000\t1,500
Energy consumed per tonne of clinker\tkgce/tonne of clinker\t50.0\t60.0\t50.0
"""


def test_only_the_site_whose_intensity_disagrees_with_its_own_figures_is_reported(tmp_path: Path) -> None:
    graph = build_graph([company_folder(tmp_path, TEXT)])
    found = [f.message for f in validate_graph(graph).findings if f.shape.endswith("IntensityDenominatorShape")]
    # West Works: 1,000 tce over 20 thousand tonnes is 50 kgce/tonne, not the 60.0 printed; East
    # Works and the total agree, and no site's intensity is met with another site's figures.
    assert found == [
        "Dividing the numerator by this intensity implies a denominator between 16.644 and 16.689, "
        "but the report states 20.0."
    ]
