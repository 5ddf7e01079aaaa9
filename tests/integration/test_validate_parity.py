"""csr-kg's validation engine gives pySHACL's results: on every shape fixture, the bundled KG,
strict mode, shapes from another file, and nested sh:detail results counted once."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.rdf.build import build_graph
from kg.validate.reference import validate_with_pyshacl
from kg.validate.shacl import Validation, shapes_graph, validate_graph
from tests.support.paths import FIXTURES

PATCHES = sorted((FIXTURES / "shapes").glob("*.ru"))


@pytest.fixture(scope="module")
def mini() -> Graph:
    return build_graph([FIXTURES / "mini-report"])


def _results(validation: Validation) -> set[tuple]:
    """What a reader is told of each result: focus node, path, value, severity, message, source shape, details."""
    return {(f.focus, f.path, f.value, f.severity, f.message, f.shape, f.details) for f in validation.findings}


def _assert_same(data: Graph, shapes: Graph | None = None, allow_warnings: bool = True) -> Validation:
    engine = validate_graph(data, shapes, allow_warnings)
    reference = validate_with_pyshacl(data, shapes, allow_warnings)
    assert engine.conforms == reference.conforms
    assert engine.findings == reference.findings
    assert _results(engine) == _results(reference)
    results = [len(list(v.report.objects(None, SH.result))) for v in (engine, reference)]
    assert results[0] == results[1] == len(engine.findings)
    return engine


@pytest.mark.parametrize("patch", PATCHES, ids=[p.stem for p in PATCHES])
def test_every_shape_fixture_gives_pyshacls_results(mini: Graph, patch: Path) -> None:
    broken = Graph() + mini
    broken.update(patch.read_text(encoding="utf-8"))
    result = _assert_same(broken)
    assert result.findings, f"{patch.name} trips no shape"


@pytest.mark.parametrize("patch", ["TotalOfPartsShape", "ClaimShape"], ids=["warning", "violation"])
def test_strict_mode_gives_pyshacls_conformance(mini: Graph, patch: str) -> None:
    broken = Graph() + mini
    broken.update((FIXTURES / "shapes" / f"{patch}.ru").read_text(encoding="utf-8"))
    assert not _assert_same(broken, allow_warnings=False).conforms


def test_the_bundled_kg_gives_pyshacls_results(bundled_graph: Graph) -> None:
    result = _assert_same(bundled_graph)
    assert result.conforms
    assert (result.count("Violation"), result.count("Warning"), result.count("Info")) == (0, 11, 14)


def test_a_computed_sum_is_written_as_rdflib_writes_it(mini: Graph) -> None:
    """Oxigraph writes the sum 30.0 as "30"; the message keeps rdflib's (pySHACL's) "30.0"."""
    broken = Graph() + mini
    broken.update((FIXTURES / "shapes" / "TotalOfPartsShape.ru").read_text(encoding="utf-8"))
    (finding,) = validate_graph(broken).findings
    assert finding.message == (
        "The total 31.0 differs from the sum of its 2 stated parts, 30.0, by more than rounding allows (0.015)."
    )


OTHER_SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
ex:Outer a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:part ; sh:node ex:Inner ] .
ex:Inner a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
ex:Noted a sh:NodeShape ; sh:targetClass ex:Thing ; sh:severity sh:Warning ;
    sh:sparql [ sh:message "{$this} has a part noted {?note}" ;
                sh:select "SELECT $this ?note WHERE { $this ex:part/ex:note ?note }" ;
                sh:prefixes ex:Prefixes ] .
ex:Prefixes sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .
"""
THINGS = """\
@prefix ex: <http://example.org/> .
ex:a a ex:Thing ; ex:part ex:a1 , ex:a2 .
ex:b a ex:Thing ; ex:part ex:b1 .
ex:a1 ex:note "no name" . ex:a2 ex:name "a2" . ex:b1 ex:note "no name" .
"""


def test_shapes_from_another_file_give_pyshacls_results_with_details_counted_once() -> None:
    data = Graph().parse(data=THINGS, format="turtle")
    shapes = Graph().parse(data=OTHER_SHAPES, format="turtle")
    result = _assert_same(data, shapes)
    assert (result.count("Violation"), result.count("Warning")) == (2, 2)
    nested = [f for f in result.findings if f.details]
    assert len(nested) == 2 and all(f.details[0][0] == "http://example.org/Inner" for f in nested)
    assert len(list(result.report.subjects(RDF.type, SH.ValidationResult))) > len(result.findings)


def test_csr_kgs_shapes_added_to_others_still_give_pyshacls_results(mini: Graph) -> None:
    shapes = Graph() + shapes_graph() + Graph().parse(data=OTHER_SHAPES, format="turtle")
    _assert_same(mini + Graph().parse(data=THINGS, format="turtle"), shapes)
