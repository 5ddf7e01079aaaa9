"""The network analysis on the bundled KG, checked against figures computed here straight from RDF."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.outputs.network import NetworkReport, analyse
from kg.vocab.namespaces import CSR, ORG, UNSDG
from kg.vocab.ontology import with_ontology

PREFIXES = """
PREFIX csr: <https://w3id.org/csr-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
NODE_TYPES = {
    "committee": CSR.Committee,
    "board": CSR.Board,
    "department": CSR.Department,
    "team": CSR.Team,
    "initiative": CSR.Initiative,
    "stakeholder_group": CSR.StakeholderGroup,
    "material_issue": CSR.MaterialIssue,
    "metric": CSR.Metric,
    "report": CSR.Report,
}


@pytest.fixture(scope="module")
def merged(bundled_graph: Graph) -> Graph:
    """The bundled KG with the ontology, for queries that need rdfs:subPropertyOf and SDG labels."""
    return with_ontology(bundled_graph)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("network")


@pytest.fixture(scope="module")
def report(bundled_graph: Graph, out: Path) -> NetworkReport:
    return analyse(bundled_graph, out)


def select(graph: Graph, query: str) -> list[tuple]:
    return [tuple(row) for row in graph.query(PREFIXES + query)]


def select_iris(graph: Graph, query: str) -> set[str]:
    """The IRIs of the first variable of ``query`` answered by Oxigraph on a copy of ``graph``:
    rdflib's engine takes about half a minute on a property path inside a UNION of the bundled KG."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return {solution[0].value for solution in store.query(PREFIXES + query)}


# ---------------------------------------------------------------- the projection


def test_node_types_count_the_instances_of_their_class(report: NetworkReport, bundled_graph: Graph) -> None:
    by_type = report.metrics()["nodes_by_type"]
    for kind, cls in NODE_TYPES.items():
        assert by_type[kind] == len(set(bundled_graph.subjects(RDF.type, cls))), kind
    subsidiaries = set(bundled_graph.subjects(RDF.type, CSR.Subsidiary))
    organisations = set(bundled_graph.subjects(RDF.type, ORG.Organization)) - subsidiaries
    assert (by_type["subsidiary"], by_type["organisation"]) == (len(subsidiaries), len(organisations))
    assert by_type["sdg"] == len(set(bundled_graph.objects(None, CSR.goal))) == 13
    assert report.network.number_of_nodes() == sum(by_type.values()) == 345
    assert report.network.number_of_edges() == 436


def test_nodes_carry_english_labels(report: NetworkReport) -> None:
    nodes = report.network.nodes
    assert nodes[str(UNSDG["4"])] == {**nodes[str(UNSDG["4"])], "type": "sdg", "label": "SDG 4 Quality education"}
    assert nodes["https://w3id.org/csr-kg/id/org/xiaomi/unit/quality-committee"]["label"] == "Quality Committee"
    assert all(label for _, label in report.network.nodes(data="label"))


def test_every_stated_relation_between_nodes_is_an_edge(report: NetworkReport, merged: Graph) -> None:
    rows = select(
        merged,
        "SELECT ?s ?p ?o WHERE { ?p rdfs:subPropertyOf+ csr:statedRelation . ?s ?p ?o . FILTER(?s != ?o) }",
    )
    checked = 0
    for s, p, o in rows:
        if str(s) in report.network and str(o) in report.network:
            relation = str(p).rsplit("#", 1)[-1]
            assert relation in report.network.edges[str(s), str(o)]["relation"].split("; ")
            checked += 1
    assert checked == 78


def test_sdg_degree_is_its_number_of_aligned_nodes(report: NetworkReport, bundled_graph: Graph) -> None:
    rows = select(
        bundled_graph, "SELECT DISTINCT ?goal ?entity WHERE { ?a csr:alignedEntity ?entity ; csr:goal ?goal }"
    )
    aligned: dict[str, set[str]] = {}
    for goal, entity in rows:
        if str(entity) in report.network:  # products are not projected
            aligned.setdefault(str(goal), set()).add(str(entity))
    for goal, entities in aligned.items():
        assert set(report.network[goal]) == entities
        assert all("sdg" in report.network.edges[goal, e]["relation"] for e in entities)


def test_a_gift_links_its_giver_and_its_recipient(report: NetworkReport, bundled_graph: Graph) -> None:
    rows = select(
        bundled_graph,
        "SELECT DISTINCT ?giver ?recipient WHERE { ?o csr:observedEntity ?giver ; csr:recipient ?recipient }",
    )
    gifts = {frozenset((str(g), str(r))) for g, r in rows if str(g) in report.network and str(r) in report.network}
    edges = {frozenset((u, v)) for u, v, rel in report.network.edges(data="relation") if "gave to" in rel}
    assert edges == gifts and len(edges) == 9  # the Assam Flood, an event, is no node
    xiaomi, teach = (
        "https://w3id.org/csr-kg/id/org/xiaomi",
        "https://w3id.org/csr-kg/id/org/xiaomi/initiative/teach-for-china",
    )
    assert report.network.edges[xiaomi, teach]["relation"] == "gave to"


def test_metrics_link_to_the_report_that_has_their_figures(report: NetworkReport, bundled_graph: Graph) -> None:
    rows = select(
        bundled_graph,
        "SELECT DISTINCT ?metric ?report WHERE { ?c csr:inReport ?report ; csr:hasObservation/csr:metric ?metric }",
    )
    reported = {frozenset((str(m), str(r))) for m, r in rows}
    edges = {frozenset((u, v)) for u, v, rel in report.network.edges(data="relation") if "reported in" in rel}
    assert edges == reported
    assert len(edges) == 156


def test_graphml_reads_back_with_the_same_nodes_edges_and_types(report: NetworkReport, out: Path) -> None:
    back = nx.read_graphml(out / "network.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == (345, 436)
    assert dict(back.nodes(data="type")) == dict(report.network.nodes(data="type"))
    assert dict(back.nodes(data="label")) == dict(report.network.nodes(data="label"))


# ---------------------------------------------------------------- figures


def test_centrality_per_type(report: NetworkReport) -> None:
    central = report.centrality
    assert [s.label for s in central["sdg"]["degree"]][:1] == ["SDG 4 Quality education"]
    assert central["sdg"]["degree"][0].degree == 4
    assert [s.label for s in central["sdg"]["betweenness"]][:1] == ["SDG 4 Quality education"]
    assert [s.label for s in central["organisation"]["degree"]][:1] == ["Xiaomi Corporation"]
    assert central["organisation"]["degree"][0].degree == 204
    issues = [s.label for s in central["material_issue"]["betweenness"]][:2]
    assert issues == ["The environment and natural resources", "Anti-corruption"]
    # Committees hang off the company only: one edge each, never on a shortest path between others.
    assert [s.degree for s in central["committee"]["degree"]] == [1] * 5
    assert central["committee"]["betweenness"] == []
    for scores in central.values():
        for ranking in scores.values():
            assert len(ranking) <= 5


def test_sdg_coverage_matches_a_direct_query(report: NetworkReport, bundled_graph: Graph) -> None:
    rows = select(
        bundled_graph,
        """SELECT ?goal (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?obs) AS ?figures) WHERE {
             ?claim csr:hasSDGAlignment/csr:goal ?goal . OPTIONAL { ?claim csr:hasObservation ?obs }
           } GROUP BY ?goal""",
    )
    expected = {str(goal): (int(claims), int(figures)) for goal, claims, figures in rows}
    assert [c.goal for c in report.sdg_coverage] == list(range(1, 18))
    for coverage in report.sdg_coverage:
        assert (coverage.claims, coverage.figures) == expected.get(coverage.iri, (0, 0)), coverage.goal
    assert {c.goal: c.claims for c in report.sdg_coverage if c.claims} == {
        1: 1, 3: 1, 4: 4, 5: 1, 6: 2, 7: 2, 8: 5, 9: 5, 10: 6, 11: 4, 12: 8, 15: 1, 16: 4,
    }  # fmt: skip
    # A figure printed by two claims aligned to one goal is one figure (R&D investment for SDG 9, plastic
    # bags saved for SDG 12).
    assert sum(c.figures for c in report.sdg_coverage) == 28


def test_unlinked_initiatives_have_no_link_to_any_node(report: NetworkReport, merged: Graph) -> None:
    assert [row["label"] for row in report.unlinked_initiatives] == [
        "Recommendations on Further Deepening the Implementation of Information Accessibility"
    ]
    node_classes = " ".join(f"<{cls}>" for cls in [*NODE_TYPES.values(), ORG.Organization, CSR.Subsidiary])
    query = f"""SELECT DISTINCT ?i WHERE {{ ?i a csr:Initiative .
        {{ ?p rdfs:subPropertyOf+ csr:statedRelation . {{ ?i ?p ?x }} UNION {{ ?x ?p ?i }}
           ?x a ?cls . VALUES ?cls {{ {node_classes} }} }}
        UNION {{ ?a csr:alignedEntity ?i }} UNION {{ ?o csr:observedEntity ?i }} UNION {{ ?o csr:recipient ?i }} }}"""
    linked = select_iris(merged, query)
    initiatives = {str(i) for i in merged.subjects(RDF.type, CSR.Initiative)}
    # The one unlinked initiative was launched by a person, who is no node of the projection.
    assert {row["iri"] for row in report.unlinked_initiatives} == initiatives - linked


def test_unanswered_expectations_match_a_direct_query(report: NetworkReport, bundled_graph: Graph) -> None:
    rows = select(
        bundled_graph,
        """SELECT DISTINCT ?e WHERE { ?e a csr:StakeholderExpectation ; csr:concernsIssue ?issue .
             FILTER NOT EXISTS { ?i a csr:Initiative ; csr:addressesIssue ?issue } }""",
    )
    assert {e.iri for e in report.unanswered_expectations} == {str(e) for (e,) in rows}
    assert len(report.unanswered_expectations) == 16
    assert ("Employees", "Health and safety") in {(e.groups[0], e.issue) for e in report.unanswered_expectations}


def test_bundled_committees_reach_no_sdg_through_initiatives(report: NetworkReport, bundled_graph: Graph) -> None:
    assert [(c.committee, c.paths) for c in report.committee_paths] == [
        ("AIoT Strategy Committee", []),
        ("Procurement Committee", []),
        ("Quality Committee", []),
        ("Security and Privacy Committee", []),
        ("Technology Committee", []),
    ]
    assert not select(
        bundled_graph,
        """SELECT ?c WHERE { ?c a csr:Committee . ?i a csr:Initiative .
             { ?c csr:launched|csr:oversees ?i } UNION { ?i csr:runBy ?c } }""",
    )


def test_committee_paths_follow_launched_oversees_and_run_by(tmp_path: Path) -> None:
    """A graph without the ontology: SDG labels come from the ontology the function mixes in."""
    ex = "https://example.org/"
    committee, org = URIRef(ex + "committee"), URIRef(ex + "org")
    graph = Graph()
    graph.add((org, RDF.type, ORG.Organization))
    graph.add((committee, RDF.type, CSR.Committee))
    graph.add((committee, RDFS.label, Literal("Green Committee", lang="en")))
    graph.add((committee, ORG.unitOf, org))
    for name, goal, link in (("planting", 15, "launched"), ("recycling", 12, "oversees"), ("school", 4, "runBy")):
        initiative, alignment = URIRef(ex + name), URIRef(ex + name + "/sdg")
        graph.add((initiative, RDF.type, CSR.Initiative))
        graph.add((initiative, RDFS.label, Literal(name.title(), lang="en")))
        if link == "runBy":
            graph.add((initiative, CSR.runBy, committee))
        else:
            graph.add((committee, CSR[link], initiative))
        graph.add((alignment, RDF.type, CSR.SDGAlignment))
        graph.add((alignment, CSR.alignedEntity, initiative))
        graph.add((alignment, CSR.goal, UNSDG[str(goal)]))
    size = len(graph)
    result = analyse(graph, tmp_path)
    assert len(graph) == size  # the ontology was mixed into a copy
    assert result.committee_paths[0].paths == [
        ["Green Committee", "Planting", "SDG 15 Life on land"],
        ["Green Committee", "Recycling", "SDG 12 Responsible consumption and production"],
        ["Green Committee", "School", "SDG 4 Quality education"],
    ]
    assert result.network.edges[str(committee), ex + "school"]["relation"] == "runBy"
    assert result.unlinked_initiatives == []


# ---------------------------------------------------------------- files


def test_metrics_json_is_what_the_report_says_and_byte_identical_twice(
    report: NetworkReport, bundled_graph: Graph, out: Path, tmp_path: Path
) -> None:
    first = (out / "metrics.json").read_bytes()
    assert json.loads(first) == json.loads(json.dumps(report.metrics()))
    assert json.loads(first)["unanswered_expectations_count"] == 16
    analyse(bundled_graph, tmp_path)
    for name in ("metrics.json", "network.graphml", "sdg-network.svg", "sdg-network.png"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_analysis_leaves_the_input_graph_alone(report: NetworkReport, bundled_graph: Graph) -> None:
    assert (None, RDFS.subPropertyOf, CSR.statedRelation) not in bundled_graph


def test_pictures_are_written_and_readable(report: NetworkReport, out: Path) -> None:
    import matplotlib.image

    png = out / "sdg-network.png"
    assert png.stat().st_size > 100_000
    height, width = matplotlib.image.imread(png).shape[:2]
    assert (width, height) == (2400, 960)
    svg = (out / "sdg-network.svg").read_text(encoding="utf-8")
    assert "SDG 4 Quality education" in svg  # text kept as text (svg.fonttype none)
    assert "Weilan Library program" in svg
    assert "<dc:date>" not in svg
    assert report.files == {
        "graphml": out / "network.graphml",
        "metrics": out / "metrics.json",
        "png": png,
        "svg": out / "sdg-network.svg",
    }


def test_graph_command_writes_its_files(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli.app import main

    result = CliRunner().invoke(main, ["graph", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "345 nodes, 436 edges; 1 initiatives linked to nothing"
    assert "most between sdg: SDG 4 Quality education (0.0178)" in result.output
    assert {p.name for p in tmp_path.iterdir()} == {
        "network.graphml",
        "metrics.json",
        "sdg-network.png",
        "sdg-network.svg",
    }
