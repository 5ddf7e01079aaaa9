"""The notebook API: load a KG and run saved queries by name, as dicts or a DataFrame."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from kg import api


def test_run_returns_plain_values(bundled_kg: Graph) -> None:
    graph = bundled_kg
    rows = api.run("metric-across-reports", graph, metric="ghg-scope-1")
    assert rows == [
        {
            "report": "xiaomi-2019",
            "year": rows[0]["year"],
            "period": "2019",
            "reportMetric": "Direct GHG emissions (Scope 1)",
            "match": "exact",
            "value": Decimal("283.42"),
            "unit": "tonne",
            "printedValue": Decimal("283.42"),
            "printedUnit": "tonne",
            "surface": "283.42",
            "boundary": "main offices and self-operated Mi Homes in mainland China",
        }
    ]
    mentions = api.run("claims-mentioning", graph, word="Dengue")
    assert mentions and all("dengue" in r["quote"].lower() for r in mentions)


def test_dataframe(bundled_kg: Graph) -> None:
    graph = bundled_kg
    frame = api.dataframe("kpi-disclosure", graph, report="<https://w3id.org/csr-kg/id/report/xiaomi-2019>")
    assert list(frame.columns) == ["reportId", "kpi", "name", "status", "disclosure", "figures", "claims"]
    assert len(frame) == 32
    assert frame.set_index("kpi").loc["A1.2", "disclosure"] == "with figures"


@pytest.mark.xdist_group("bundled-exports")
def test_load_reads_a_file(tmp_path: Path, bundled_kg: Graph, bundled_export: Callable[[str], bytes]) -> None:
    path = tmp_path / "kg.ttl"
    path.write_bytes(bundled_export("turtle"))  # the bundled KG as csrkg build writes it
    assert len(api.load(path)) == len(bundled_kg)
