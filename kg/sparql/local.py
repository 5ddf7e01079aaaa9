"""Run saved queries on a graph held in Oxigraph (kg.rdf.native), without rdflib.

The query is refused by kg.sparql.guard if it names another graph or endpoint, bound with
Oxigraph terms, and parsed and answered by Oxigraph. Answers carry the graph's exact terms
(NativeGraph.exact): a variable the query binds from the graph gets the literal as the graph
has it, while one it computes (``(COUNT(?c) AS ?n)``, ``BIND(... AS ?x)``) keeps the value
Oxigraph computed, which rdflib computes the same (tests/integration/test_native_query.py
compares every saved query, term for term). rdflib is imported only to report a syntax error
at its line and column in the query file, and to write a CONSTRUCT or DESCRIBE graph.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, one_line
from kg.rdf.native import NativeGraph
from kg.sparql.guard import refuse_dereferencing
from kg.sparql.queryfile import SavedQuery
from kg.sparql.rows import Rows

_COMPUTED = re.compile(r"\bAS\s+[?$](\w+)", re.I)


def computed_variables(text: str) -> frozenset[str]:
    """The variables ``text`` assigns from an expression (``(... AS ?v)``, ``BIND(... AS ?v)``)."""
    return frozenset(_COMPUTED.findall(text))


def evaluate(graph: NativeGraph, text: str) -> Any:
    """Oxigraph's answer to the (already checked) query ``text`` on ``graph``'s default graph."""
    return graph.store.query(text, use_default_graph_as_union=False)


def exact_rows(graph: NativeGraph, text: str, solutions: ox.QuerySolutions, limit: int | None = None) -> Rows:
    """The solutions as rows of the graph's exact terms (computed variables as computed),
    at most ``limit`` of them (the caller asks for one more to see a cut)."""
    variables = tuple(v.value for v in solutions.variables)
    computed = computed_variables(text)
    exact = graph.exact
    keep = [name in computed for name in variables]
    rows = []
    for solution in solutions:
        if limit is not None and len(rows) >= limit:
            break
        rows.append(tuple(_computed(term) if kept else exact(term) for term, kept in zip(solution, keep, strict=True)))
    return Rows(variables, tuple(rows))


_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def _computed(term: Any) -> Any:
    """A computed term; an integral xsd:decimal in the canonical form ("9165000.0", as the graph
    and rdflib write it), where Oxigraph writes it without a fraction ("9165000")."""
    if isinstance(term, ox.Literal) and term.datatype.value == _DECIMAL and "." not in term.value:
        return ox.Literal(f"{term.value}.0", datatype=term.datatype)
    return term


def syntax_error(query: SavedQuery, exc: SyntaxError) -> QueryError:
    """The error for a query Oxigraph cannot parse: rdflib's wording at its line and column in the
    file where rdflib finds the fault too (raised from kg.sparql.saved.check_syntax), else Oxigraph's."""
    from kg.sparql.saved import check_syntax

    check_syntax(query)
    return QueryError(f"{query.path}: not a SPARQL query Oxigraph answers: {one_line(str(exc))}")


def run_native(graph: NativeGraph, query: SavedQuery, values: dict[str, Any] | None = None) -> Rows | bool | Any:
    """Rows (SELECT), a truth value (ASK) or an rdflib graph (CONSTRUCT, DESCRIBE) from Oxigraph.

    ``values`` are Oxigraph terms or text in Turtle syntax (see SavedQuery.bind_native).
    """
    refuse_dereferencing(query.text)
    text = query.bind_native(values or {})
    try:
        result = evaluate(graph, text)
    except SyntaxError as exc:
        raise syntax_error(query, exc) from None
    except OSError as exc:
        raise QueryError(f"{query.name}: evaluation failed: {one_line(str(exc))}") from None
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        return exact_rows(graph, text, result)
    return _graph(graph, result)


def _graph(graph: NativeGraph, triples: ox.QueryTriples) -> Any:
    """A CONSTRUCT or DESCRIBE answer as an rdflib graph (rdflib writes Turtle as csr-kg always has)."""
    from rdflib import Graph

    from kg.rdf.terms import rdflib_term
    from kg.vocab.namespaces import PREFIXES

    answer = Graph()
    for prefix, namespace in PREFIXES.items():
        answer.bind(prefix, namespace)
    for triple in triples:
        answer.add(tuple(rdflib_term(graph.exact(t)) for t in (triple.subject, triple.predicate, triple.object)))
    return answer
