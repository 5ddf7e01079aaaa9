"""The corpus build writes N-Triples as text; every line is the one Oxigraph's writer gives."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.rdf.corpus import ntriples_lines

S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")


def _oxigraph(triples: list[tuple]) -> list[bytes]:
    def term(t: URIRef | Literal) -> ox.NamedNode | ox.Literal:
        if isinstance(t, URIRef):
            return ox.NamedNode(t)
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(t.datatype or XSD.string))

    data = ox.serialize([ox.Triple(term(s), term(p), term(o)) for s, p, o in triples], format=ox.RdfFormat.N_TRIPLES)
    return sorted(set(data.splitlines(keepends=True)))


def test_every_code_point_is_written_as_oxigraph_writes_it() -> None:
    code_points = [chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF]  # (here, not when collected)
    literals = [Literal("".join(code_points[i : i + 512])) for i in range(0, len(code_points), 512)]
    triples = [(S, P, o) for o in literals]
    assert ntriples_lines(triples) == _oxigraph(triples)


def test_tags_datatypes_iris_and_duplicates() -> None:
    triples = [
        (S, P, Literal("公司", lang="zh-Hant")),
        (S, P, Literal("7665000.0", datatype=XSD.decimal)),
        (S, P, Literal("12", datatype=XSD.nonNegativeInteger)),
        (S, P, Literal("plain", datatype=XSD.string)),
        (S, P, Literal('say "hi"\\')),
        (S, P, URIRef("https://example.org/é?q=1#x")),
        (URIRef("https://example.org/a"), P, Literal("plain")),
        (S, P, Literal("plain")),
    ]
    lines = ntriples_lines(triples)
    assert lines == _oxigraph(triples) and len(lines) == 7
    assert '<https://example.org/s> <https://example.org/p> "公司"@zh-hant .\n'.encode() in lines


def test_a_malformed_iri_is_refused_as_oxigraph_refuses_it() -> None:
    with pytest.raises(ValueError):
        ntriples_lines([(URIRef("not an iri"), P, Literal("x"))])
