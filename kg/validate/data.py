"""The graph being validated with the ontology mixed in, in the forms each engine reads.

N-Triples written once by rdflib is parsed natively by pyshacl-turbo (kg.validate.core) and by
Oxigraph, whose store the whole-graph SPARQL constraints query (kg.validate.whole_graph).
Oxigraph stores numbers in a canonical form ("31.0" is kept as "31"), so terms read back from
the store go through the graph's own forms (kg.rdf.native.NativeGraph.originals) before they reach a
report. pySHACL, the reference, needs an rdflib graph of the same triples; it is made only when
a result has to be worded or computed by rdflib.
"""

from __future__ import annotations

from functools import cache, cached_property

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kg.rdf.native import NativeGraph
from kg.rdf.store import rdflib_term
from kg.vocab.ontology import ontology_graph

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@cache
def _ontology_ntriples() -> str:
    """The ontology and its schemes as N-Triples (once per process)."""
    return ontology_graph().serialize(format="nt")


@cache
def _ontology() -> tuple[tuple[ox.Quad, ...], dict[ox.Literal, ox.Literal]]:
    """The ontology's triples for Oxigraph and its literals' own forms (once per process: a
    corpus is validated report by report)."""
    native = NativeGraph(ox.Store())
    quads = tuple(ox.parse(_ontology_ntriples().encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
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


class ValidationData:
    """The data graph (rdflib, as given) and the same triples with the ontology in an Oxigraph store."""

    def __init__(self, data: Graph) -> None:
        self.data = data
        # N-Triples, as rdflib writes the graph's terms: Oxigraph and turbo both parse it natively.
        own = data.serialize(format="nt")
        self.ntriples = own + _ontology_ntriples()
        self.native = NativeGraph(ox.Store())
        self.native.add(ox.parse(own.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
        quads, originals = _ontology()
        self.store.extend(quads)
        self.originals = {**originals, **self.native.originals}

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
