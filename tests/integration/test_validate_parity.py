"""csr-kg's validation engine gives pySHACL's results: on every shape fixture, the bundled KG,
strict mode, shapes from another file, and nested sh:detail results counted once.

"The same results" means the same text with the same numbers: a value a constraint computes (a
sum, a ratio) is written by each SPARQL engine in its own lexical form (rdflib's sum of 10.0 and
20.0 is "30.0", Oxigraph's "30"), so numbers in messages and values are compared by value and
everything around them character for character.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.validate.shacl import Finding, Validation, shapes_graph, validate_graph
from tests.support.paths import FIXTURES
from tests.support.pyshacl_reference import validate_with_pyshacl
from tests.support.shape_patches import PATCHES, ShapePatches

NUMBER = re.compile(r"(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)")
# The broken graphs and their validations are shared with test_shapes (session fixture
# shape_patches): its tests and these run on one worker.
pytestmark = pytest.mark.xdist_group("shape-patches")


@pytest.fixture
def mini(shape_patches: ShapePatches) -> Graph:
    return shape_patches.mini


def _apart(text: str | None) -> tuple | None:
    """A text as its words and its numbers: the words to compare as they are, the numbers by value."""
    if text is None:
        return None
    pieces = NUMBER.split(text)
    return tuple(pieces[0::2]), tuple(Decimal(n) for n in pieces[1::2])


def _told(finding: Finding) -> tuple:
    """What a reader is told of a result: severity, source shape, focus node, path, value,
    message, details and evidence."""
    details = tuple((shape, _apart(message)) for shape, message in finding.details)
    return (
        finding.severity,
        finding.shape,
        finding.focus,
        finding.path,
        _apart(finding.value),
        _apart(finding.message),
        details,
        finding.evidence,
    )


def _assert_same(data: Graph, shapes: Graph | None = None, allow_warnings: bool = True) -> Validation:
    engine = validate_graph(data, shapes, allow_warnings)
    return _assert_agree(engine, validate_with_pyshacl(data, shapes, allow_warnings))


def _assert_agree(engine: Validation, reference: Validation) -> Validation:
    assert engine.conforms == reference.conforms
    assert Counter(map(_told, engine.findings)) == Counter(map(_told, reference.findings))
    results = [len(list(v.report.objects(None, SH.result))) for v in (engine, reference)]
    assert results[0] == results[1] == len(engine.findings)
    return engine


@pytest.mark.parametrize("patch", PATCHES, ids=[p.stem for p in PATCHES])
def test_every_shape_fixture_gives_pyshacls_results(shape_patches: ShapePatches, patch: Path) -> None:
    result = _assert_agree(shape_patches.validation(patch), shape_patches.reference(patch))
    assert result.findings, f"{patch.name} trips no shape"


@pytest.mark.parametrize("patch", ["TotalOfPartsShape", "ClaimShape"], ids=["warning", "violation"])
def test_strict_mode_gives_pyshacls_conformance(shape_patches: ShapePatches, patch: str) -> None:
    broken = shape_patches.broken(FIXTURES / "shapes" / f"{patch}.ru")
    assert not _assert_same(broken, allow_warnings=False).conforms


def test_the_bundled_kg_gives_pyshacls_results(bundled_graph: Graph, bundled_validation: Validation) -> None:
    result = _assert_agree(bundled_validation, validate_with_pyshacl(bundled_graph))
    assert result.conforms
    assert (result.count("Violation"), result.count("Warning"), result.count("Info")) == (0, 11, 14)


def test_a_printed_figure_keeps_its_form_and_a_computed_sum_its_value(shape_patches: ShapePatches) -> None:
    """The total printed 31.0 keeps its form (Oxigraph stores it as 31); the sum of the parts,
    computed by the query, is the number 30, which pySHACL (on rdflib) writes 30.0 and Oxigraph 30
    (or the form the graph gives the same number elsewhere)."""
    patch = FIXTURES / "shapes" / "TotalOfPartsShape.ru"
    (finding,) = shape_patches.validation(patch).findings
    sentence = re.fullmatch(
        r"The total 31\.0 differs from the sum of its 2 stated parts, (30(?:\.0)?), by more than rounding "
        r"allows \(0\.015\)\.",
        finding.message,
    )
    assert sentence is not None, finding.message
    (reference,) = shape_patches.reference(patch).findings
    assert "its 2 stated parts, 30.0, by" in reference.message


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


CLOSED_SHAPE = """\
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Closed a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true ; sh:ignoredProperties ( rdf:type ) ;
    sh:property [ sh:path ex:part ; sh:minCount 1 ] .
"""


def test_a_closed_shape_sees_the_predicates_no_shape_names() -> None:
    """pyshacl-turbo is given only the triples whose predicate the shapes name, unless a shape
    is closed: ex:colour, named by no shape, is what the closed shape reports."""
    data = Graph().parse(data=THINGS + 'ex:b ex:colour "red" .\n', format="turtle")
    result = _assert_same(data, Graph().parse(data=CLOSED_SHAPE, format="turtle"))
    assert [(f.focus, f.path) for f in result.findings] == [("http://example.org/b", "http://example.org/colour")]
