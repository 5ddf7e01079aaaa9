"""kg.rdf.turtle writes the bytes rdflib's longturtle and trig write, prefixes generated in the same order."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, XMLNS, XSD
from rdflib.plugins.serializers.trig import TrigSerializer as RdflibTrigSerializer

from kg.rdf.turtle import TrigSerializer, turtle
from tests.support.strategies import bounded

EX = Namespace("http://example.org/")


def _same_as_rdflib(make: Callable[[], Graph]) -> bytes:
    """Both writers on fresh copies (writing binds generated prefixes in the graph)."""
    ours = turtle(make())
    assert ours == make().serialize(format="longturtle", encoding="utf-8")
    return ours


def _awkward() -> Graph:
    graph = Graph()
    graph.bind("ex", EX)
    graph.bind("thing", "http://example.org/thing")  # a bound namespace ending inside a local name
    graph.bind("_hidden", "http://example.org/hidden/")  # a prefix Turtle cannot write as it is
    subject = EX["claim/1-a"]
    graph.add((subject, RDF.type, EX.Claim))
    graph.add((subject, EX.about, URIRef("http://example.org/thingOne")))
    graph.add((subject, EX.about, URIRef("http://example.org/hidden/x")))
    graph.add((subject, URIRef("http://unbound.example/p/q"), Literal("a generated prefix for a predicate")))
    graph.add((subject, URIRef("http://unbound.example/other#r"), URIRef("http://unbound.example/other#s")))
    graph.add((subject, EX.odd, URIRef("http://example.org/a(b)")))
    graph.add((subject, EX.odd, URIRef("http://example.org/50%off")))
    graph.add((subject, EX.odd, URIRef("http://example.org/ends.")))
    graph.add((subject, EX.odd, URIRef("http://example.org/2024report")))
    graph.add((subject, EX.odd, URIRef("http://example.org/")))
    graph.add((subject, EX.odd, URIRef("urn:isbn:9780000000001")))
    graph.add((subject, EX.odd, URIRef(XMLNS + "lang")))
    graph.add((subject, EX.value, Literal("7665000.0", datatype=XSD.decimal)))
    graph.add((subject, EX.value, Literal("x", datatype=URIRef("http://unbound.example/dt/kind"))))
    graph.add((subject, EX.label, Literal("Zhǐ 小米", lang="zh")))
    node = BNode()
    graph.add((subject, EX.quote, node))
    graph.add((node, EX.exact, Literal('a "quoted"\nline')))
    items = BNode()
    Collection(graph, items, [EX.first, Literal(2), BNode()])
    graph.add((subject, EX.items, items))
    return graph


def test_awkward_iris_prefixes_and_nodes_are_written_as_rdflib_writes_them() -> None:
    written = _same_as_rdflib(_awkward).decode("utf-8")
    # ns1 and ns2 are generated in the order the store yields the triples, the same for both writers
    assert {"PREFIX ns1:", "PREFIX ns2:", "PREFIX thing: <http://example.org/thing>", "thing:One"} <= {
        line[:11] if line.startswith("PREFIX ns") else line.strip(" ,;") for line in written.splitlines()
    }


def _trig(writer: type[RdflibTrigSerializer], graphs: Callable[[], Dataset]) -> bytes:
    out = BytesIO()
    writer(graphs()).serialize(out, encoding="utf-8")
    return out.getvalue()


def test_trig_is_written_as_rdflib_writes_it() -> None:
    """The awkward graph in a named graph, beside a default graph that reuses its prefixes and
    generates more, each dataset made afresh for each writer."""

    awkward = _awkward()  # one set of blank nodes for both writers

    def graphs() -> Dataset:
        ds = Dataset()
        for prefix, namespace in awkward.namespaces():
            ds.bind(prefix, namespace)
        named = ds.graph(EX["report/1/graph"])
        for triple in awkward:
            named.add(triple)
        ds.add((EX.company, URIRef("http://shared.example/p#name"), Literal("shared")))
        ds.add((EX.company, EX.about, URIRef("http://example.org/thingTwo")))
        return ds

    ours = _trig(TrigSerializer, graphs)
    assert ours == _trig(RdflibTrigSerializer, graphs)
    assert b"\n{\n    ex:company ex:about ex:thingTwo ;" in ours  # the default graph first
    assert b"\n<http://example.org/report/1/graph> {\n" in ours


def test_the_bundled_kg_is_written_as_rdflib_writes_it(bundled_graph: Graph) -> None:
    def copy() -> Graph:
        graph = Graph()
        for prefix, namespace in bundled_graph.namespaces():
            graph.bind(prefix, namespace)
        for triple in bundled_graph:
            graph.add(triple)
        return graph

    _same_as_rdflib(copy)


_SEGMENT = st.text(alphabet="aZ09-._%()~:#/é", min_size=0, max_size=6)


@bounded(150)
@given(st.lists(st.tuples(_SEGMENT, _SEGMENT, _SEGMENT), min_size=1, max_size=8))
def test_generated_iris_are_written_as_rdflib_writes_them(paths: list[tuple[str, str, str]]) -> None:
    def make() -> Graph:
        graph = Graph()
        graph.bind("ex", EX)
        graph.bind("exa", "http://example.org/a")
        for s, p, o in paths:
            graph.add((EX["s/" + s], URIRef(f"http://p.example/{p}"), EX[o]))
        return graph

    _same_as_rdflib(make)
