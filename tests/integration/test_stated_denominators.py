"""An intensity per a quantity of product ("MWh/GWh of cells produced") whose table prints no row
of the product divides by the figure the prose states of it, and the intensity check
(IntensityDenominatorShape) tests it within printed precision, also for a denominator of a few
units: 857,690.8 MWh at 34,500.8 MWh per GWh implies 24.86 GWh, which is no disagreement with a
stated 24.86 GWh, while 410,433.0 tCO2e at 15,329.8 tCO2e per GWh implies 26.77."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from kg.rdf.build import build_graph
from kg.validate.shacl import validate_graph
from tests.support.folders import report_folder

TEXT = """\
ORCHID CELLS LTD ESG REPORT 2024

Key figures
Cells produced ........ 24.86 GWh
Employees ........ 1,250

Table 2 Emissions and energy
Indicator\tUnit\t2024
Total GHG emissions\ttCO2e\t410,433.0
GHG intensity\ttCO2e/GWh of cells produced\t15,329.8
Total energy consumption\tMWh\t857,690.8
Energy intensity\tMWh/GWh of cells produced\t34,500.8
"""
SHEET = """entities:
  - {id: orchid, type: Organization, label: Orchid Cells Ltd}
metrics:
  - {id: cells-produced, label: Cells produced}
claims:
  - id: cells-produced-2024
    kind: quantitative
    quote: Cells produced ........ 24.86 GWh
    observations:
      - {metric: cells-produced, figure: 24.86 GWh}
"""
META = """\
id: orchid-2024
company: orchid
title: Orchid Cells Ltd ESG Report 2024
year: 2024
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""


def test_an_intensity_per_product_divides_the_output_the_prose_states(tmp_path: Path) -> None:
    folder = report_folder(tmp_path / "orchid", TEXT, META, SHEET)
    metrics = load_report(folder).metrics
    assert (metrics["energy-intensity"].intensity_of, metrics["energy-intensity"].denominator) == (
        "total-energy-consumption",
        "cells-produced",
    )
    assert metrics["ghg-intensity"].denominator == "cells-produced"
    assert not any(m.startswith("denominator-of-intensities") for m in metrics)
    found = validate_graph(build_graph([folder])).findings
    assert [f.message for f in found if f.shape.endswith("IntensityDenominatorShape")] == [
        "Dividing the numerator by this intensity implies a denominator between 26.773 and 26.774, "
        "but the report states 24.86."
    ]
