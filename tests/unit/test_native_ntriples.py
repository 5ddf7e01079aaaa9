"""NativeGraph.add_ntriples loads N-Triples as NativeGraph.add does: the same triples in the store,
the same literal forms recorded (originals and ambiguous forms), blank node labels kept.

The build's validation (kg.rdf.corpus.Checks) loads each report's lines this way, so its results
are those of the parsed path (tests/integration/test_corpus.py, test_validate_parity.py)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.compare import isomorphic

from kg.rdf.corpus import map_report
from kg.rdf.native import NativeGraph, _lines_with
from kg.validate.shacl import validate_ntriples

XSD = "http://www.w3.org/2001/XMLSchema#"
LINES = (
    f'<http://example.org/a> <http://example.org/offset> "12"^^<{XSD}nonNegativeInteger> .\n'
    f'<http://example.org/a> <http://example.org/count> "12"^^<{XSD}integer> .\n'
    f'<http://example.org/a> <http://example.org/value> "7665000.0"^^<{XSD}decimal> .\n'
    f'<http://example.org/a> <http://example.org/flag> "1"^^<{XSD}boolean> .\n'
    '<http://example.org/a> <http://example.org/quote> "says \\"^^<http://www.w3.org/2001/XMLSchema#int>\\"" .\n'
    '<http://example.org/a> <http://example.org/label> "Scope 1"@en .\n'
    "<http://example.org/b> <http://example.org/of> <http://example.org/a> .\n"
).encode()


def _both(data: bytes) -> tuple[NativeGraph, NativeGraph]:
    parsed, loaded = NativeGraph(ox.Store()), NativeGraph(ox.Store())
    parsed.add(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    loaded.add_ntriples(data)
    return parsed, loaded


def _same(parsed: NativeGraph, loaded: NativeGraph) -> None:
    assert set(loaded.store) == set(parsed.store)
    assert loaded.originals == parsed.originals
    assert loaded.ambiguous == parsed.ambiguous


def test_typed_literals_keep_their_forms():
    parsed, loaded = _both(LINES)
    _same(parsed, loaded)
    value = ox.Literal("7665000", datatype=ox.NamedNode(XSD + "decimal"))
    assert loaded.originals[value] == ox.Literal("7665000.0", datatype=ox.NamedNode(XSD + "decimal"))
    assert loaded.ambiguous == 1  # "12" stands for the integer and the nonNegativeInteger


def test_blank_nodes_keep_their_labels():
    data = LINES + b'_:b1 <http://example.org/of> "2.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
    parsed, loaded = _both(data)
    _same(parsed, loaded)
    assert ox.BlankNode("b1") in {quad.subject for quad in loaded.store}


@pytest.mark.parametrize("folder", [Path(__file__).parents[2] / "kg" / "reports" / "xiaomi-2019"])
def test_a_mapped_report(folder):
    mapped = map_report(folder)
    data = b"".join(sorted(mapped.owned + mapped.shared))
    _same(*_both(data))
    checked, parsed = validate_ntriples(data, checked=True), validate_ntriples(data)
    assert checked.conforms == parsed.conforms
    assert checked.findings == parsed.findings
    assert isomorphic(checked.report, parsed.report)  # the report's blank nodes are fresh in each run


def test_no_final_newline():
    _same(*_both(LINES.rstrip(b"\n")))


def test_lines_with_a_marker():
    data = b'a "x"^^<t> .\nb "y" .\nc "z"^^<t> "w"^^<t> .'
    assert list(_lines_with(data, b'"^^<')) == [b'a "x"^^<t> .', b'c "z"^^<t> "w"^^<t> .']
