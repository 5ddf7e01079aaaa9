"""The few graph reads that resolving a parameter name makes (kg.sparql.resolve), on either engine.

Terms are N-Triples strings (``<iri>``, ``"9"``, ``?`` never): the resolver compares and builds
them without importing rdflib, so that ``csrkg query`` (Oxigraph) resolves a name without it,
while ``kg.api`` (an rdflib graph) reads its own graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from kg.rdf.native import NativeGraph

if TYPE_CHECKING:
    from rdflib import Graph


class Lookups(Protocol):
    """Reads of one graph's triples: ``None`` is any term."""

    def terms(self, s: str | None, p: str | None, o: str | None, position: int) -> Iterator[str]:
        """The terms at ``position`` (0 subject, 1 predicate, 2 object) of the matching triples."""
        ...

    def literal_values(self, node: str, predicate: str) -> Iterator[str]:
        """The lexical forms of the literal objects of ``node``'s ``predicate``."""
        ...


class NativeLookups:
    """Lookups on a graph held in Oxigraph (its default graph)."""

    def __init__(self, graph: NativeGraph) -> None:
        self._store = graph.store

    @staticmethod
    def _term(text: str | None) -> ox.NamedNode | ox.Literal | None:
        if text is None:
            return None
        if text.startswith("<"):
            return ox.NamedNode(text[1:-1])
        return next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {text} .", format=ox.RdfFormat.N_TRIPLES))).object

    def _quads(self, s: str | None, p: str | None, o: str | None) -> Iterator[ox.Quad]:
        return self._store.quads_for_pattern(self._term(s), self._term(p), self._term(o), ox.DefaultGraph())

    def terms(self, s: str | None, p: str | None, o: str | None, position: int) -> Iterator[str]:
        for quad in self._quads(s, p, o):
            yield str((quad.subject, quad.predicate, quad.object)[position])

    def literal_values(self, node: str, predicate: str) -> Iterator[str]:
        for quad in self._quads(node, predicate, None):
            if isinstance(quad.object, ox.Literal):
                yield quad.object.value


class GraphLookups:
    """Lookups on an rdflib graph."""

    def __init__(self, graph: Graph) -> None:
        from rdflib import Literal, URIRef
        from rdflib.util import from_n3

        self._graph, self._literal, self._iri, self._from_n3 = graph, Literal, URIRef, from_n3

    def _term(self, text: str | None) -> object:
        if text is None:
            return None
        return self._iri(text[1:-1]) if text.startswith("<") else self._from_n3(text)

    def terms(self, s: str | None, p: str | None, o: str | None, position: int) -> Iterator[str]:
        for triple in self._graph.triples((self._term(s), self._term(p), self._term(o))):
            yield triple[position].n3()

    def literal_values(self, node: str, predicate: str) -> Iterator[str]:
        for value in self._graph.objects(self._term(node), self._term(predicate)):
            if isinstance(value, self._literal):
                yield str(value)
