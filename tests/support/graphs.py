"""Comparing whole graphs in tests: isomorphism at the cost of a set comparison where it can be.

rdflib's ``isomorphic`` hashes every triple of both graphs to canonicalise their blank nodes
(about a second for the bundled KG), even when there is none to canonicalise. An isomorphism
maps a triple without blank nodes to itself, so two graphs are isomorphic exactly when their
ground triples are the same set and their triples with blank nodes are isomorphic; csr-kg's
graphs have no blank nodes, and the second part is then empty.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph
from rdflib.compare import isomorphic


def _split(graph: Iterable[tuple]) -> tuple[set[tuple], Graph]:
    ground: set[tuple] = set()
    blank = Graph()
    for triple in graph:
        if any(isinstance(term, BNode) for term in triple):
            blank.add(triple)
        else:
            ground.add(triple)
    return ground, blank


def same_graph(first: Graph, second: Graph) -> bool:
    """Whether ``first`` and ``second`` are isomorphic (what rdflib.compare.isomorphic says)."""
    first_ground, first_blank = _split(first)
    second_ground, second_blank = _split(second)
    if first_ground != second_ground or len(first_blank) != len(second_blank):
        return False
    return not first_blank or isomorphic(first_blank, second_blank)
