"""The graph being validated with the ontology mixed in, in the forms each engine reads.

N-Triples written once by rdflib is parsed natively by pyshacl-turbo (kg.validate.core) and by
Oxigraph, whose store the whole-graph SPARQL constraints query (kg.validate.whole_graph).
Oxigraph stores numbers in a canonical form ("31.0" is kept as "31"), so terms read back from
the store go through the graph's own forms (kg.rdf.native.NativeGraph.originals) before they reach a
report. pySHACL, the reference, needs an rdflib graph of the same triples; it is made only when
a result has to be worded or computed by rdflib.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, cached_property

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kg.rdf.native import NativeGraph
from kg.rdf.terms import oxigraph_term, rdflib_term
from kg.vocab.ontology import ontology_graph

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@cache
def ontology_ntriples() -> str:
    """The ontology and its schemes as N-Triples (once per process)."""
    return ontology_graph().serialize(format="nt")


@cache
def _ontology() -> tuple[tuple[ox.Quad, ...], dict[ox.Literal, ox.Literal]]:
    """The ontology's triples for Oxigraph and its literals' own forms (once per process: a
    corpus is validated report by report)."""
    native = NativeGraph(ox.Store())
    quads = tuple(ox.parse(ontology_ntriples().encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    native.add(quads)
    return quads, native.originals


class _PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL text once per process.

    pySHACL runs a SPARQL constraint once per focus node and hands rdflib the query text every
    time; parsing dominates (about 15 ms a query against well under 1 ms to evaluate it), so
    caching the prepared query makes it several times faster with the same results. The texts
    come from the shapes, so the cache is small and is kept across graphs.
    """

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@cache
def prepared(text: str) -> Query:
    """rdflib's parse of a query text (parsing costs more than running a csr-kg constraint)."""
    return prepareQuery(text)


class _SameLabels(dict):
    """A blank node context for rdflib's N-Triples parser that keeps each label as it is written."""

    def get(self, key: str, default: object = None) -> str:
        return key


class ValidationData:
    """The data graph and the same triples with the ontology in an Oxigraph store.

    Given as an rdflib graph, or as N-Triples (a report of a corpus, mapped as the build maps it:
    no rdflib graph is made unless a result needs rdflib to word it or copy a blank node).
    """

    def __init__(self, data: Graph | bytes, checked: bool = False) -> None:
        """``checked``: ``data`` are N-Triples lines written and checked in this process
        (kg.rdf.corpus.ntriples_lines), loaded without Oxigraph checking them again."""
        if isinstance(data, Graph):
            self.__dict__["data"] = data
            # N-Triples, as rdflib writes the graph's terms: Oxigraph and turbo both parse it natively.
            own = data.serialize(format="nt", encoding="utf-8")
        else:
            own = data
        self._own = own
        self.own_ntriples = own.decode("utf-8")  # without the ontology: kg.validate.core adds what its shapes read
        self.native = NativeGraph(ox.Store())
        if checked and not isinstance(data, Graph):
            self.native.add_ntriples(own)
        else:
            self.native.add(ox.parse(own, format=ox.RdfFormat.N_TRIPLES))
        quads, originals = _ontology()
        self.store.extend(quads)
        self.originals = {**originals, **self.native.originals}

    @cached_property
    def data(self) -> Graph:
        """The data graph in rdflib (parsed from the N-Triples the first time it is asked for),
        its blank nodes named as in the store, so that results found there point into it."""
        return Graph().parse(data=self._own, format="nt", bnode_context=_SameLabels())

    @cached_property
    def view(self) -> Graph | StoreView:
        """The data graph to read a finding's evidence from: rdflib's when it is at hand, else the store."""
        return self.__dict__.get("data") or StoreView(self)

    @property
    def store(self) -> ox.Store:
        return self.native.store

    def term(self, term: Term) -> Node:
        """A term read from the store, as the data graph (or the ontology) writes it."""
        return rdflib_term(self.originals.get(term, term) if isinstance(term, ox.Literal) else term)

    @cached_property
    def combined(self) -> Graph:
        """The data graph with the ontology mixed in, as rdflib (and so pySHACL) reads it."""
        combined = _PreparedQueryGraph()
        for triple in self.data:
            combined.add(triple)
        for triple in ontology_graph():
            combined.add(triple)
        return combined


class StoreView:
    """The few reads of an rdflib graph that finding a result's evidence makes
    (kg.validate.shacl._evidence), answered by the store: reading a report's evidence this way
    costs no rdflib graph of the report."""

    def __init__(self, held: ValidationData) -> None:
        self._held = held

    def _quads(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[ox.Quad]:
        pattern = [None if t is None else oxigraph_term(t) for t in (s, p, o)]
        return self._held.store.quads_for_pattern(*pattern, ox.DefaultGraph())

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return (self._held.term(q.object) for q in self._quads(subject, predicate, None))

    def subjects(self, predicate: Node, object: Node) -> Iterator[Node]:
        return (self._held.term(q.subject) for q in self._quads(None, predicate, object))

    def value(self, subject: Node | None, predicate: Node) -> Node | None:
        if subject is None:
            return None
        return next(self.objects(subject, predicate), None)

    def __contains__(self, triple: tuple[Node, Node, Node | None]) -> bool:
        return next(iter(self._quads(*triple)), None) is not None
