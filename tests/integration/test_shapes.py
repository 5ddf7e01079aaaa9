"""The shapes: a conforming and a breaking fixture per shape, no vacuous shape, valid SHACL,
and the exact findings they report on the bundled Xiaomi 2019 KG."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.rdf.build import build_graph
from kg.validate.shacl import Validation, shapes_graph, validate_graph
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph
from tests.support.paths import COMPANIES, CORRECTIONS_REPORT, PAGED_REPORT, SITES_REPORT
from tests.support.shape_patches import PATCHES, ShapePatches

SHACL_TTL = Path(__import__("pyshacl").__file__).parent / "assets" / "shacl.ttl"
SHAPES_NS = "https://w3id.org/csr-kg/shapes#"
# The broken graphs and their validations are shared with test_validate_parity (session fixture
# shape_patches): its tests and these run on one worker.
pytestmark = pytest.mark.xdist_group("shape-patches")


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def named_shapes() -> list[URIRef]:
    return sorted(s for s in shapes_graph().subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))


@pytest.fixture
def mini(shape_patches: ShapePatches) -> Graph:
    return shape_patches.mini


def test_mini_report_conforms_without_findings(mini: Graph) -> None:
    result = validate_graph(mini)
    assert result.conforms
    assert result.findings == ()


def _expected(patch: Path) -> set[tuple[str, str]]:
    return {(m.group(1), m.group(2)) for m in re.finditer(r"^# expect: (\w+) (\w+)$", patch.read_text(), re.M)}


@pytest.mark.parametrize("patch", PATCHES, ids=[p.stem for p in PATCHES])
def test_breaking_fixture_trips_its_shape(shape_patches: ShapePatches, patch: Path) -> None:
    expected = _expected(patch)
    assert expected, f"{patch.name} declares no '# expect:' line"
    assert len(shape_patches.broken(patch) ^ shape_patches.mini) > 0, "the patch changed nothing"
    result = shape_patches.validation(patch)
    # A shape reached through sh:node reports as a detail of the result that reached it.
    found = {(_local(shape), f.severity) for f in result.findings for shape in (f.shape, *(d[0] for d in f.details))}
    assert found == expected, [f.message for f in result.findings]
    assert result.conforms == all(severity != "Violation" for _, severity in expected)


def test_every_shape_has_a_breaking_fixture() -> None:
    covered = {shape for patch in PATCHES for shape in [patch.stem.split("-")[0]]}
    assert {_local(str(s)) for s in named_shapes()} == covered


def _focus_nodes(shape: URIRef, data: Graph) -> set:
    shapes = shapes_graph()
    nodes: set = set()
    for cls in shapes.objects(shape, SH.targetClass):
        classes = {cls, *data.transitive_subjects(RDFS.subClassOf, cls)}
        nodes |= {s for c in classes for s in data.subjects(RDF.type, c)}
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        nodes |= set(data.subjects(prop, None))
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        nodes |= set(data.objects(None, prop))
    return nodes


def test_no_shape_is_vacuous(mini: Graph, bundled_graph: Graph) -> None:
    shapes = shapes_graph()
    paged = build_graph([PAGED_REPORT])  # page fragment selectors exist only where a text has pages
    changes = build_graph([CORRECTIONS_REPORT])  # printed changes exist only where a table has a change column
    graphs = [bundled_graph + ontology_graph(), mini + ontology_graph(), paged + ontology_graph()]
    graphs.append(changes + ontology_graph())
    graphs.append(build_graph(COMPANIES) + ontology_graph())  # identifiers exist only where report.yaml gives them
    graphs.append(build_graph([SITES_REPORT]) + ontology_graph())  # site totals exist only in tables of sites
    for shape in named_shapes():
        has_target = any((shape, p, None) in shapes for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf))
        if has_target:
            assert any(_focus_nodes(shape, g) for g in graphs), f"{shape} targets no node"
        else:
            assert (None, SH.node, shape) in shapes, f"{shape} has no target and no shape uses it"


def test_shapes_pass_meta_shacl() -> None:
    conforms, _, text = validate(Graph(), shacl_graph=shapes_graph(), meta_shacl=True)
    assert conforms, text


def test_shapes_use_only_shacl_terms() -> None:
    defined = {s for s in Graph().parse(SHACL_TTL).subjects() if str(s).startswith(str(SH))}
    used = {t for triple in shapes_graph() for t in triple if isinstance(t, URIRef) and str(t).startswith(str(SH))}
    assert used - defined == set()


def test_every_shape_is_named_and_explained() -> None:
    shapes = shapes_graph()
    for shape in named_shapes():
        assert str(shape).startswith(SHAPES_NS)
        assert shapes.value(shape, RDFS.label) and shapes.value(shape, RDFS.comment), shape
        for prop in shapes.objects(shape, SH.property):
            for term in (SH.name, SH.description, SH.message):
                assert shapes.value(prop, term) is not None, (shape, term)
        for constraint in shapes.objects(shape, SH.sparql):
            assert shapes.value(constraint, SH.message) is not None, shape


def test_removing_any_required_property_is_a_violation(mini: Graph) -> None:
    mini = mini + build_graph(COMPANIES)  # identifier and sector nodes exist only where report.yaml gives them
    shapes = shapes_graph()
    required = sorted(
        {
            shapes.value(p, SH.path)
            for p in shapes.subjects(SH.minCount, None)
            if isinstance(shapes.value(p, SH.path), URIRef)
        }
    )
    assert len(required) >= 12
    for path in required:
        broken = Graph() + mini
        broken.remove((None, path, None))
        if len(broken) == len(mini):
            continue  # the mini report never uses this property (e.g. SDG attribution of a stated link)
        assert not validate_graph(broken).conforms, f"removing {path} went unnoticed"


def test_removing_provenance_from_the_bundled_kg(bundled_graph: Graph) -> None:
    broken = Graph() + bundled_graph
    broken.remove((None, CSR.hasQuote, None))
    result = validate_graph(broken)
    claims = set(bundled_graph.subjects(RDF.type, CSR.Claim))
    flagged = {f.focus for f in result.findings if f.severity == "Violation"}
    assert not result.conforms
    assert flagged == {str(c) for c in claims}


def test_bundled_kg_conforms(bundled_validation: Validation) -> None:
    assert bundled_validation.conforms
    assert bundled_validation.count("Violation") == 0


def test_bundled_findings_are_exactly_the_reports_own(bundled_validation: Validation) -> None:
    metric = "https://w3id.org/csr-kg/id/metric/"
    claim = "https://w3id.org/csr-kg/id/report/xiaomi-2019/claim/"
    warnings = {(_local(f.shape), f.focus) for f in bundled_validation.findings if f.severity == "Warning"}
    assert warnings == {
        ("MissingFigureShape", claim + "s2-4-connected-devices"),
        ("MissingFigureShape", claim + "s2-4-ai-assistant-mau"),
        ("ScopeLabelShape", metric + "indirect-ghg-emissions-scope-1"),
        ("BreakdownScopeShape", metric + "direct-ghg-emissions-scope-1"),
        ("BreakdownScopeShape", metric + "indirect-ghg-emissions-scope-1"),
        ("IntensityConsistencyShape", metric + "hazardous-waste-per-employee"),
        ("IntensityConsistencyShape", metric + "non-hazardous-waste-per-employee"),
        # Printed twice with another qualifier ("180.6%" / "more than 180.6%", "4000mAh" / "up to
        # 4000mAh", "over 3,000" / "3,000").
        ("DisagreeingPrintingsShape", claim + "s2-2-mi-mix-alpha-ratio-headline/observation/screen-to-body-ratio"),
        ("DisagreeingPrintingsShape", claim + "s2-2-30w-wireless-charging/observation/battery-capacity"),
        ("DisagreeingPrintingsShape", claim + "s1-2-midc-developers/observation/developer-conference-attendees"),
    }
    assert bundled_validation.count("Warning") == 11  # the ones above that are warnings
    by_focus = {f.focus: f for f in bundled_validation.findings if _local(f.shape) == "ScopeLabelShape"}
    finding = by_focus[metric + "indirect-ghg-emissions-scope-1"]
    assert finding.evidence is not None
    assert finding.evidence.quote == "Indirect GHG emissions (Scope 1) (tons)\t22,498.84"
    # The per-employee intensities divide by the employees within the table's boundary, which the
    # report does not print: no stated denominator to disagree with, but they disagree among
    # themselves.
    assert not [f for f in bundled_validation.findings if _local(f.shape) == "IntensityDenominatorShape"]
    undisclosed = sorted(
        _local(f.focus).rsplit("/", 1)[-1]
        for f in bundled_validation.findings
        if _local(f.shape) == "UndisclosedKPIShape"
    )
    assert undisclosed == ["A1.5", "A3.1", "B1.2", "B2.1", "B2.2", "B3.2", "B4.2", "B5.1", "B6.1", "B6.4", "B7.1"]


def test_material_issues_without_figures(bundled_validation: Validation) -> None:
    issues = sorted(f.message for f in bundled_validation.findings if _local(f.shape) == "UnquantifiedIssueShape")
    assert issues == [
        'The material issue "Health and safety" (B2) has no quantitative claim.',
        'The material issue "Labor standards" (B4) has no quantitative claim.',
        'The material issue "The environment and natural resources" (A3) has no quantitative claim.',
    ]


def test_a_total_printed_twice_is_not_summed_twice(mini: Graph) -> None:
    """Regression: printings of one total were grouped together, doubling the sum of the parts."""
    twice = Graph() + mini
    twice.update(
        """
        PREFIX csr: <https://w3id.org/csr-kg/ontology#>
        INSERT { ?again ?p ?o . ?claim csr:hasObservation ?again }
        WHERE {
          BIND (<https://w3id.org/csr-kg/id/report/mini-2019/claim/kpi-total-ghg-emissions-scope-1-and-2> AS ?claim)
          ?claim csr:hasObservation ?total .
          ?total csr:metric <https://w3id.org/csr-kg/id/metric/total-ghg-emissions-scope-1-and-2> ; ?p ?o .
          BIND (IRI(CONCAT(STR(?total), "-again")) AS ?again)
        }"""
    )
    assert len(twice) > len(mini)
    assert validate_graph(twice).findings == ()
