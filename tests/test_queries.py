"""Saved queries answer on the bundled KG."""

from __future__ import annotations

from rdflib import Graph

from kg.ontology import ontology_graph
from kg.resources import data_dir


def test_sdg_alignments_query(bundled_graph: Graph) -> None:
    path = data_dir("queries") / "sdg-alignments.rq"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# title:")
    rows = list((bundled_graph + ontology_graph()).query(text))
    assert len(rows) == 44
    assert {str(r.basis) for r in rows} == {"inferred"}
    goals = [int(r.goal) for r in rows]
    assert goals == sorted(goals) and set(goals) <= set(range(1, 18))
