"""Resolve the natural values people type for query parameters (``sdg=9``, ``org=xiaomi``) to IRIs.

A parameter whose documentation asks for an IRI takes either the IRI itself (``<...>``) or a
name: the IRI's last path segment (the slug csr-kg mints, kg.rdf.iris), its ``skos:notation``
(an SDG's number, a KPI's code) or its ``dcterms:identifier`` (a report's id). The query itself
says what kind of resource it expects: every triple pattern of the query that the parameter's
variable takes part in (``?c csr:inReport ?report``, ``?x csr:goal ?sdg``) is a test a candidate
passes or fails in the graph, and among the resources carrying the name those passing the most
tests win. Nothing is pasted into SPARQL: candidates are found with graph lookups of bound terms.

The patterns are read from the query's tokens (kg.sparql.patterns; rdflib's parse where that
reader stops), and the graph through kg.sparql.lookups, so that ``csrkg query`` resolves a
name on Oxigraph without importing rdflib.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from kg.errors import QueryError
from kg.sparql.lookups import Lookups
from kg.sparql.patterns import Pattern, triple_patterns
from kg.sparql.queryfile import Parameter, SavedQuery

_NAME_PROPERTIES = ("<http://www.w3.org/2004/02/skos/core#notation>", "<http://purl.org/dc/terms/identifier>")


def _patterns(query: SavedQuery) -> list[Pattern]:
    """The query's triple patterns with an IRI predicate, as N-Triples terms (``?v`` a variable)."""
    found = triple_patterns(query.text)
    if found is not None:
        return found
    from rdflib import URIRef

    from kg.rdf.readers import algebra_patterns, prepare_query

    found = []
    for s, p, o in algebra_patterns(prepare_query(query.text).algebra):
        pattern = (s.n3(), p.n3(), o.n3())
        if isinstance(p, URIRef) and pattern not in found:
            found.append(pattern)
    return found


def _tests(query: SavedQuery, variable: str) -> list[Pattern]:
    """The patterns in which ``variable`` is subject or object."""
    return [(s, p, o) for s, p, o in _patterns(query) if variable in (s, o)]


def _bound(term: str, variable: str, node: str | None) -> str | None:
    """A pattern's term for a lookup: the candidate for the variable, any term for another variable
    or a blank node (which a query pattern reads as a variable)."""
    if term == variable:
        return node
    return None if term.startswith(("?", "_:")) else term


def _passes(graph: Lookups, node: str, variable: str, pattern: Pattern) -> bool:
    s, p, o = (_bound(t, variable, node) for t in pattern)
    return next(graph.terms(s, p, o, 0), None) is not None


def _candidates(graph: Lookups, variable: str, tests: list[Pattern]) -> set[str]:
    """The IRIs that take part in at least one of ``tests`` where the variable stands."""
    found: set[str] = set()
    for s, p, o in tests:
        if s == variable:
            found.update(n for n in graph.terms(None, p, _bound(o, variable, None), 0) if n.startswith("<"))
        if o == variable:
            found.update(n for n in graph.terms(_bound(s, variable, None), p, None, 2) if n.startswith("<"))
    return found


def _names(graph: Lookups, node: str) -> set[str]:
    text = node[1:-1].rstrip("/#")
    names = {text[max(text.rfind("/"), text.rfind("#")) + 1 :]}
    names.update(v for prop in _NAME_PROPERTIES for v in graph.literal_values(node, prop))
    return {n.casefold() for n in names if n}


def resolve(graph: Lookups, query: SavedQuery, param: Parameter, value: str) -> str:
    """The IRI (without its brackets) in ``graph`` that ``value`` names, of the kind ``query``
    expects for ``param``."""
    variable = f"?{param.name}"
    tests = _tests(query, variable)
    candidates = (
        _candidates(graph, variable, tests)
        if tests
        else {n for n in graph.terms(None, None, None, 0) if n.startswith("<")}
    )
    wanted = value.strip().casefold()
    scored = {node: sum(_passes(graph, node, variable, t) for t in tests) for node in candidates}
    matches = [node for node in candidates if wanted in _names(graph, node)]
    if matches:
        best = max(scored[node] for node in matches)
        chosen = sorted(node for node in matches if scored[node] == best)
        if len(chosen) == 1:
            return chosen[0][1:-1]
        raise QueryError(
            f"parameter {param.name}: {value!r} names several resources: {', '.join(chosen[:5])}; give the IRI"
        )
    # Every candidate's names: each takes part in a pattern of the parameter (the best-scoring ones
    # alone would leave out a catalogue metric that no report metric maps to yet).
    known = sorted({name for node in candidates for name in _names(graph, node)})
    close = difflib.get_close_matches(wanted, known, n=5, cutoff=0.5)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise QueryError(f"parameter {param.name}: nothing in the graph is named {value!r}{hint}")


def resolved_names(graph: Lookups, query: SavedQuery, values: Mapping[str, object]) -> dict[str, str]:
    """The IRI each name given for an IRI parameter names (``values`` whose value is plain text,
    not an IRI ``<...>``; terms and values of parameters that take no resource are left out)."""
    params = {p.name: p for p in query.parameters}
    return {
        name: resolve(graph, query, params[name], value)
        for name, value in values.items()
        if type(value) is str and name in params and params[name].takes_iri and not value.strip().startswith("<")
    }
