"""`csrkg export`: every format round-trips, TriG has a graph per report, VoID counts right,
`--base` moves IRIs in every format; and the ontology documentation names every term."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from kg.cli.app import main
from kg.outputs.export import FORMATS, VOID, context, parse, rebase, serialise
from kg.rdf.build import build_graph
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph
from tests.support.graphs import same_graph
from tests.support.paths import MINI_REPORT

BASE = "https://data.example.org/csr/"


@pytest.mark.xdist_group("bundled-exports")
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_round_trips(bundled_graph: Graph, bundled_export: Callable[[str], bytes], fmt: str) -> None:
    data = bundled_export(fmt)
    assert same_graph(parse(data, fmt), bundled_graph)
    assert serialise(bundled_graph, fmt) == data  # byte-identical when written again


@pytest.mark.xdist_group("bundled-exports")
def test_trig_has_one_named_graph_per_report(bundled_graph: Graph, bundled_export: Callable[[str], bytes]) -> None:
    ds = Dataset()
    ds.parse(data=bundled_export("trig"), format="trig")
    report = URIRef("https://w3id.org/csr-kg/id/report/xiaomi-2019")
    named = ds.graph(URIRef(f"{report}/graph"))
    claims = set(bundled_graph.subjects(RDF.type, CSR.Claim))
    assert set(named.subjects(RDF.type, CSR.Claim)) == claims
    assert (report, RDF.type, CSR.Report) in named
    shared = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    assert (URIRef("https://w3id.org/csr-kg/id/org/xiaomi"), RDF.type, None) in shared
    assert len(named) + len(shared) == len(bundled_graph)


@pytest.mark.xdist_group("bundled-exports")
def test_jsonld_uses_the_shipped_context(bundled_export: Callable[[str], bytes]) -> None:
    doc = json.loads(bundled_export("jsonld"))
    assert doc["@context"] == context()["@context"]
    claim = next(n for n in doc["@graph"] if n.get("@type") == "csr:Claim")
    assert claim["csr:claimKind"]["@id"].startswith("kind:")


def test_export_cli_writes_the_file_and_its_description(tmp_path: Path, bundled_graph: Graph) -> None:
    out = tmp_path / "kg.nt"
    result = CliRunner().invoke(
        main, ["export", "--format", "ntriples", "--out", str(out), "--endpoint", "http://localhost:7878/query"]
    )
    assert result.exit_code == 0, result.output
    assert same_graph(Graph().parse(out, format="nt"), bundled_graph)
    void = Graph().parse(tmp_path / "kg.void.ttl")
    (dataset,) = void.subjects(RDF.type, VOID.Dataset)
    assert void.value(dataset, VOID.triples).toPython() == len(bundled_graph)
    assert void.value(dataset, DCTERMS.created) == Literal(
        "2026-11-25", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )
    assert void.value(dataset, DCTERMS.license) is not None
    assert set(void.objects(dataset, DCTERMS.source)) == {URIRef("https://w3id.org/csr-kg/id/report/xiaomi-2019")}
    classes = {
        void.value(p, VOID["class"]): void.value(p, VOID.entities).toPython()
        for p in void.objects(dataset, VOID.classPartition)
    }
    assert classes[CSR.Claim] == len(set(bundled_graph.subjects(RDF.type, CSR.Claim)))
    props = {
        void.value(p, VOID.property): void.value(p, VOID.triples).toPython()
        for p in void.objects(dataset, VOID.propertyPartition)
    }
    assert sum(props.values()) == len(bundled_graph)
    assert URIRef("http://www.w3.org/ns/prov#") in set(void.objects(dataset, VOID.vocabulary))
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef("http://localhost:7878/query")
    assert len(list(void.objects(dataset, VOID.exampleResource))) == 3
    again = tmp_path / "again"
    again.mkdir()
    CliRunner().invoke(
        main,
        ["export", "--format", "ntriples", "--out", str(again / "kg.nt"), "--endpoint", "http://localhost:7878/query"],
    )
    assert (again / "kg.void.ttl").read_bytes() == (tmp_path / "kg.void.ttl").read_bytes()


@pytest.fixture(scope="module")
def mini_graph() -> Graph:
    """The mini report's KG: moving IRIs is the same on 600 triples as on the bundled 19,000,
    whose writing in every format test_every_format_round_trips checks."""
    return build_graph([MINI_REPORT])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_base_moves_instance_iris_in_every_format(mini_graph: Graph, fmt: str) -> None:
    moved = rebase(mini_graph, BASE)
    back = parse(serialise(moved, fmt), fmt)
    assert same_graph(back, moved)
    iris = {str(t) for triple in back for t in triple if isinstance(t, URIRef)}
    assert not any(i.startswith("https://w3id.org/csr-kg/id/") for i in iris)
    assert f"{BASE}report/mini-2019" in iris
    assert "https://w3id.org/csr-kg/ontology#Claim" in iris  # vocabulary IRIs do not move


@pytest.mark.xdist_group("ontology-docs")  # one worker writes the page (session fixture ontology_docs)
def test_docs_name_every_term(ontology_docs: tuple[Result, Path]) -> None:
    result, out = ontology_docs
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    g = ontology_graph()
    terms = {
        s
        for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, k)
        if str(s).startswith(str(CSR))
    }
    assert len(terms) > 60
    for term in terms:
        label = str(g.value(term, RDFS.label))
        assert label in html, label
        assert str(term) in html, term
