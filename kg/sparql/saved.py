"""Saved SPARQL queries: read their headers, bind parameters as RDF terms, run them anywhere.

Parameters are never pasted into query text as the user typed them. Each value is parsed into
an RDF term (an IRI, or a literal with its datatype or language) and bound by an inline SPARQL
1.1 VALUES block, serialised from that term (which escapes it), at the start of the query's
outermost WHERE group, so that FILTERs see it. The same bound query runs on rdflib locally and
on any remote SPARQL endpoint, so both give the same rows.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal as OneOf

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from pyparsing import ParseException
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.store import TripleAddedEvent
from rdflib.term import Node

from kg.errors import CsrKgError, QueryError, one_line
from kg.rdf.native import NativeGraph
from kg.rdf.readers import prepare_query
from kg.rdf.terms import rdflib_term
from kg.sparql.guard import refuse_dereferencing
from kg.sparql.local import evaluate, exact_rows, syntax_error
from kg.sparql.queryfile import (
    NO_BASE,
    Parameter,
    SavedQuery,
    absolute_iri,
    find_query,
    looks_like_term,
    read_query,
    saved_queries,
    sparql_literal,
)
from kg.sparql.rows import Rows

__all__ = ["Parameter", "Rows", "SavedQuery", "find_query", "read_query", "saved_queries"]

_PROBE_S, _PROBE_P = URIRef("urn:x-csr-kg:probe:s"), URIRef("urn:x-csr-kg:probe:p")


def sparql_term(term: Node) -> str:
    """An rdflib term in SPARQL syntax, safe from the codepoint-escape pass (see queryfile.sparql_literal)."""
    return sparql_literal(term.n3()) if isinstance(term, Literal) else term.n3()


def as_term(value: object, name: str = "value") -> Node:
    """An IRI or literal for a parameter value given as an rdflib term, Turtle text or a Python value."""
    if isinstance(value, URIRef | Literal):
        return value
    if isinstance(value, str):
        return parse_term(value, name)
    if isinstance(value, Node):
        raise QueryError(f"parameter {name}: {value!r} is not an IRI or a literal")
    return Literal(value)


def parse_term(value: str, name: str = "value") -> Node:
    """An RDF term from Turtle syntax; anything that is not one becomes a plain string literal.

    A value that starts like a term (``<``, a quote, a number, ``true``/``false``) must be
    exactly one complete term: it is parsed as the object of a one-triple Turtle document, so
    trailing text (``"x" } ; DROP ALL #``) is an error instead of being dropped silently, and
    IRIs (datatypes included) must be absolute and free of spaces, brackets and quotes.
    """
    text = value.strip()
    if not looks_like_term(text):
        return Literal(value)
    if "\n" in text or "\r" in text:
        raise QueryError(f"parameter {name}: {value!r} is not an RDF term (write a line break as \\\\n)")
    document = f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n{_PROBE_S.n3()} {_PROBE_P.n3()} {text} .\n"
    try:
        parsed = Graph().parse(data=document, format="turtle", publicID=NO_BASE)
    except Exception:  # rdflib raises several kinds for malformed terms
        raise QueryError(f"parameter {name}: {value!r} is not an RDF term") from None
    if len(parsed) != 1 or (_PROBE_S, _PROBE_P, None) not in parsed:
        raise QueryError(f"parameter {name}: {value!r} is not one RDF term")
    term = parsed.value(_PROBE_S, _PROBE_P)
    iri = term if isinstance(term, URIRef) else (term.datatype if isinstance(term, Literal) else None)
    if iri is not None and not absolute_iri(str(iri)):
        raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
    if isinstance(term, URIRef) and text != term.n3():
        raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
    if isinstance(term, URIRef | Literal):
        return term
    raise QueryError(f"parameter {name}: {value!r} is not an IRI or a literal")


# What a query answers: rows (SELECT), a truth value (ASK) or a graph (CONSTRUCT, DESCRIBE).
Answer = Rows | bool | Graph
Engine = OneOf["oxigraph", "rdflib"]
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix : (?P<prefix>\S*)")


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def check_syntax(query: SavedQuery) -> None:
    """Parse the query as written, so that a mistake is reported at its line and column in the file.

    rdflib reports an undefined prefix without a position; it is found at its first use.
    """
    try:
        prepare_query(query.text)
    except ParseException as exc:
        raise QueryError(
            f"{query.path}: SPARQL syntax error at line {exc.lineno}, column {exc.col}: {_reason(exc)}"
        ) from None
    except CsrKgError:  # a refused query (SERVICE, FROM): its message says why
        raise
    except Exception as exc:  # rdflib raises a bare Exception for an undefined prefix
        prefix = _UNKNOWN_PREFIX.search(str(exc))
        if prefix is None:
            raise QueryError(f"{query.path}: not a SPARQL query: {one_line(str(exc))}") from None
        use = re.search(rf"(?<![\w<]){re.escape(prefix['prefix'])}:", _code_only(query.text))
        where = _position(query.text, use.start()) if use else "unknown position"
        raise QueryError(f"{query.path}: undefined prefix {prefix['prefix']!r}: at {where}") from None


def _reason(exc: ParseException) -> str:
    """pyparsing's reason without the position it appends (given as line and column instead)."""
    return one_line(str(exc).split("  (at char")[0])


def _code_only(text: str) -> str:
    """``text`` with comments, strings and IRIs blanked out (same length), to find a prefix's use."""
    pattern = r"#[^\n]*|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|<[^\s<>]*>"
    return re.sub(pattern, lambda m: " " * len(m.group()), text)


def run_query(
    graph: Graph, query: SavedQuery, values: dict[str, object] | None = None, engine: Engine = "oxigraph"
) -> Answer:
    """Run on ``graph`` only: a query naming other graphs or endpoints is refused, not followed.

    A SELECT query is answered by Oxigraph: a graph over an Oxigraph store (kg.rdf.store) by its
    store, an in-memory rdflib graph by a copy of it in an in-memory store (see _on_oxigraph).
    Oxigraph parses it too, after the token check of kg.sparql.guard has refused what it must:
    rdflib's parser takes 50-400 ms a saved query, more than Oxigraph takes to answer it, and is
    run only to word a syntax error at its line and column in the file. ``engine="rdflib"`` has
    rdflib's own SPARQL engine answer instead, the independent reference the tests compare
    Oxigraph's answers with. ASK, CONSTRUCT and DESCRIBE are answered by Oxigraph too, each
    query evaluated once: a graph over a store Oxigraph cannot read goes to rdflib.
    """
    text = query.bind(values)
    if engine == "oxigraph":
        refuse_dereferencing(text)
        answered = _on_oxigraph(graph, query, text)
        if answered is not None:
            return answered
    check_syntax(query)
    prepared = prepare_query(text)
    result = graph.query(text if isinstance(graph.store, OxigraphStore) else prepared)
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        answer = Graph()
        for prefix, namespace in graph.namespaces():
            answer.bind(prefix, namespace)
        for triple in result:
            answer.add(triple)
        return answer
    variables = tuple(str(v) for v in result.vars or ())
    return Rows(variables, tuple(tuple(_decimal_point(term) for term in row) for row in result))


def _on_oxigraph(graph: Graph, query: SavedQuery, text: str) -> Answer | None:
    """Oxigraph's answer to ``text`` on ``graph``: by the graph's own Oxigraph store
    (kg.rdf.store), or by an in-memory copy of an rdflib graph (see _copy_of); None when the
    graph is over a store Oxigraph cannot read."""
    native = getattr(graph.store, "native", None)
    copy = None if native is not None or type(graph) is not Graph else _copy_of(graph)
    if native is None and copy is None:
        return None
    try:
        result = native.query(text, use_default_graph_as_union=False) if copy is None else evaluate(copy, text)
    except SyntaxError as exc:
        raise syntax_error(query, exc) from None
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return _triples(graph, copy, result)
    if copy is None:
        variables = tuple(v.value for v in result.variables)
        return Rows(variables, tuple(tuple(None if t is None else rdflib_term(t) for t in row) for row in result))
    exact = exact_rows(copy, text, result)
    rows = tuple(tuple(None if t is None else _decimal_point(rdflib_term(t)) for t in row) for row in exact.rows)
    return Rows(exact.variables, rows)


def _triples(graph: Graph, copy: NativeGraph | None, triples: ox.QueryTriples) -> Graph:
    """A CONSTRUCT or DESCRIBE answer as an rdflib graph with ``graph``'s prefixes; a copy's
    literals as the graph writes them (NativeGraph.exact), a store's as oxrdflib reads them."""
    answer = Graph()
    for prefix, namespace in graph.namespaces():
        answer.bind(prefix, namespace)
    for triple in triples:
        terms = (triple.subject, triple.predicate, triple.object)
        answer.add(tuple(rdflib_term(copy.exact(t) if copy else t) for t in terms))  # type: ignore[arg-type]
    return answer


@dataclass
class _Copy:
    """The last Oxigraph copy made of a graph over one rdflib Memory store, and what it was made of.

    ``adds`` counts every triple added to the store (rdflib's Memory store announces each add,
    even of a triple it holds already, to its dispatcher; it announces no removal). A graph's
    triples have changed since the copy exactly when a triple was added to the store or the
    graph's size has changed, because a removal that is not followed by an add shrinks it.
    """

    adds: int = 0
    made_of: tuple[object, int, int] | None = None
    native: NativeGraph | None = None

    def added(self, _event: TripleAddedEvent) -> None:
        self.adds += 1


# One copy per live store: the store holds the counter (as its dispatcher's subscriber) and this
# table holds the store weakly, so a copy lives no longer than the graph it was made of.
_COPIES: weakref.WeakKeyDictionary[Memory, _Copy] = weakref.WeakKeyDictionary()


def _copy_of(graph: Graph) -> NativeGraph:
    """``graph`` in an in-memory Oxigraph store: the copy made for the last query when the graph
    has not changed since, else a new one. Graphs over other stores are copied every time (their
    stores need not announce their changes)."""
    store = graph.store
    if type(store) is not Memory:
        return _native_copy(graph)
    copy = _COPIES.get(store)
    if copy is None:
        copy = _COPIES[store] = _Copy()
        store.dispatcher.subscribe(TripleAddedEvent, copy.added)
    made_of = (graph.identifier, copy.adds, len(graph))
    if copy.native is None or copy.made_of != made_of:
        copy.native, copy.made_of = _native_copy(graph), made_of
    return copy.native


def _native_copy(graph: Graph) -> NativeGraph:
    native = NativeGraph(ox.Store())
    native.add(ox.parse(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    return native


def _decimal_point(term: Node | None) -> Node | None:
    """An integral xsd:decimal in the graph's canonical form ("0.0", "9165000.0").

    rdflib keeps the scale of the Python Decimal it computed with, so ``0 / 1000`` comes out "0"
    and a sum of "9165000.0" terms "9165000.0"; Oxigraph writes both without a fraction, and
    kg.sparql.local gives its computed decimals the same point, so both engines print one form.
    """
    if isinstance(term, Literal) and term.datatype == XSD.decimal and "." not in term:
        value = term.toPython()
        if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
            return Literal(f"{int(value)}.0", datatype=XSD.decimal)
    return term


def run_local(graph: Graph, query: SavedQuery, values: dict[str, object] | None = None) -> Rows:
    """The rows of a SELECT query run on ``graph`` (see run_query; other forms are refused)."""
    answer = run_query(graph, query, values)
    if not isinstance(answer, Rows):
        raise QueryError(f"{query.name}: not a SELECT query (its answer is not rows)")
    return answer
