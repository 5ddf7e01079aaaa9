"""Resolve the natural values people type for query parameters (``sdg=9``, ``org=xiaomi``) to IRIs.

A parameter whose documentation asks for an IRI takes either the IRI itself (``<...>``) or a
name: the IRI's last path segment (the slug csr-kg mints, kg.rdf.iris), its ``skos:notation``
(an SDG's number, a KPI's code) or its ``dcterms:identifier`` (a report's id). The query itself
says what kind of resource it expects: every triple pattern of the query that the parameter's
variable takes part in (``?c csr:inReport ?report``, ``?x csr:goal ?sdg``) is a test a candidate
passes or fails in the graph, and among the resources carrying the name those passing the most
tests win. Nothing is pasted into SPARQL: candidates are found with graph lookups of bound terms.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.namespace import DCTERMS, SKOS
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.readers import prepare_query
from kg.sparql.saved import Parameter, SavedQuery

_NAME_PROPERTIES = (SKOS.notation, DCTERMS.identifier)
Pattern = tuple[Node, Node, Node]


def wants_iri(param: Parameter) -> bool:
    """Whether the parameter takes a resource: its default is an IRI, or its documentation says IRI."""
    return isinstance(param.default, URIRef) or "IRI" in param.doc


def _patterns(node: object) -> Iterator[Pattern]:
    """Every triple pattern of a query's algebra (subqueries and optional parts included)."""
    if isinstance(node, CompValue):
        if node.name == "BGP":
            yield from node.get("triples", ())
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _patterns(item)


def _tests(query: SavedQuery, variable: Variable) -> list[Pattern]:
    """The patterns in which ``variable`` is subject or object and the predicate is an IRI."""
    found = []
    for s, p, o in _patterns(prepare_query(query.text).algebra):
        if isinstance(p, URIRef) and variable in (s, o) and (s, p, o) not in found:
            found.append((s, p, o))
    return found


def _passes(graph: Graph, node: URIRef, variable: Variable, pattern: Pattern) -> bool:
    s, p, o = (None if isinstance(t, Variable) and t != variable else t for t in pattern)
    s = node if s == variable else s
    o = node if o == variable else o
    return (s, p, o) in graph


def _candidates(graph: Graph, variable: Variable, tests: list[Pattern]) -> set[URIRef]:
    """The IRIs that take part in at least one of ``tests`` where the variable stands."""
    found: set[URIRef] = set()
    for s, p, o in tests:
        if s == variable:
            found.update(n for n in graph.subjects(p, None if isinstance(o, Variable) else o) if isinstance(n, URIRef))
        if o == variable:
            found.update(n for n in graph.objects(None if isinstance(s, Variable) else s, p) if isinstance(n, URIRef))
    return found


def _names(graph: Graph, node: URIRef) -> set[str]:
    text = str(node).rstrip("/#")
    names = {text[max(text.rfind("/"), text.rfind("#")) + 1 :]}
    names.update(str(v) for prop in _NAME_PROPERTIES for v in graph.objects(node, prop) if isinstance(v, Literal))
    return {n.casefold() for n in names if n}


def resolve(graph: Graph, query: SavedQuery, param: Parameter, value: str) -> URIRef:
    """The IRI in ``graph`` that ``value`` names, of the kind ``query`` expects for ``param``."""
    variable = Variable(param.name)
    tests = _tests(query, variable)
    candidates = (
        _candidates(graph, variable, tests) if tests else {n for n in graph.subjects() if isinstance(n, URIRef)}
    )
    wanted = value.strip().casefold()
    scored = {node: sum(_passes(graph, node, variable, t) for t in tests) for node in candidates}
    matches = [node for node in candidates if wanted in _names(graph, node)]
    if matches:
        best = max(scored[node] for node in matches)
        chosen = sorted(node for node in matches if scored[node] == best)
        if len(chosen) == 1:
            return chosen[0]
        raise QueryError(
            f"parameter {param.name}: {value!r} names several resources: {', '.join(f'<{n}>' for n in chosen[:5])}; "
            "give the IRI"
        )
    # Every candidate's names: each takes part in a pattern of the parameter (the best-scoring ones
    # alone would leave out a catalogue metric that no report metric maps to yet).
    known = sorted({name for node in candidates for name in _names(graph, node)})
    close = difflib.get_close_matches(wanted, known, n=5, cutoff=0.5)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise QueryError(f"parameter {param.name}: nothing in the graph is named {value!r}{hint}")


def resolve_parameters(graph: Graph, query: SavedQuery, values: Mapping[str, object]) -> dict[str, object]:
    """``values`` with every name given for an IRI parameter replaced by the IRI it names.

    IRIs (``<...>``), quoted literals and rdflib terms pass unchanged, as do values of
    parameters that do not take resources (a word to search for).
    """
    params = {p.name: p for p in query.parameters}
    resolved: dict[str, object] = {}
    for name, value in values.items():
        param = params.get(name)
        if (
            isinstance(value, str)
            and not isinstance(value, Node)
            and param is not None
            and wants_iri(param)
            and not value.strip().startswith("<")
        ):
            resolved[name] = resolve(graph, query, param, value)
        else:
            resolved[name] = value
    return resolved
