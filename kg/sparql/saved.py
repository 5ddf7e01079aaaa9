"""Saved SPARQL queries: read their headers, bind parameters as RDF terms, run them anywhere.

Parameters are never pasted into query text as the user typed them. Each value is parsed into
an RDF term (an IRI, or a literal with its datatype or language) and bound by an inline SPARQL
1.1 VALUES block, serialised from that term (which escapes it), at the start of the query's
outermost WHERE group, so that FILTERs see it. The same bound query runs on rdflib locally and
on any remote SPARQL endpoint, so both give the same rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from oxrdflib import OxigraphStore
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.readers import prepare_query
from kg.rdf.store import select
from kg.vocab.data import packaged

_HEADER = re.compile(r"^#\s*(title|question|param|parameters):\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<default>.+?)\s+:\s+(?P<doc>.*)$")
NO_DEFAULT = "(none)"
# The outermost WHERE group: the first one, as a SELECT's own WHERE precedes its subqueries'.
_WHERE = re.compile(r"^(?!\s*#).*?\bWHERE\s*\{", re.M | re.I)


@dataclass(frozen=True)
class Parameter:
    name: str
    default: Node | None
    doc: str


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file and what its header says about it."""

    name: str
    path: Path
    title: str
    question: str
    parameters: tuple[Parameter, ...]
    text: str

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with its parameters bound by a trailing VALUES clause.

        ``values`` maps parameter names to terms in Turtle syntax (``<iri>``, ``"text"@en``,
        ``9``) or plain text, which becomes a string literal.
        """
        values = dict(values or {})
        # The header is documentation; clients such as SPARQLWrapper guess the query form from
        # words anywhere in the text, header comments included, so only the query is sent.
        text = "\n".join(line for line in self.text.splitlines() if not _HEADER.match(line)).lstrip()
        known = {p.name for p in self.parameters}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(
                f"{self.name}: unknown parameter(s) {', '.join(unknown)} (known: {', '.join(sorted(known)) or 'none'})"
            )
        bound: list[tuple[str, Node]] = []
        for param in self.parameters:
            if param.name in values:
                bound.append((param.name, parse_term(values[param.name], param.name)))
            elif param.default is not None:
                bound.append((param.name, param.default))
        if not bound:
            return text
        names = " ".join(Variable(name).n3() for name, _ in bound)
        terms = " ".join(_sparql_term(term) for _, term in bound)
        where = _WHERE.search(text)
        if where is None:
            raise QueryError(f"{self.name}: no WHERE group to bind parameters in")
        block = f"\n  VALUES ({names}) {{ ({terms}) }}"
        return text[: where.end()] + block + text[where.end() :]


_ABSOLUTE_IRI = re.compile(r"[A-Za-z][\w+.-]*:[^\s<>\"{}|\\^`]*")
# Relative IRIs in a value resolve against this base, which no accepted term may contain.
_NO_BASE = "http://relative-iri.invalid/"
_PROBE_S, _PROBE_P = URIRef("urn:x-csr-kg:probe:s"), URIRef("urn:x-csr-kg:probe:p")


def _sparql_term(term: Node) -> str:
    """``term`` in SPARQL syntax that survives the codepoint-escape pass parsers run first.

    SPARQL engines replace ``\\uXXXX`` and ``\\UXXXXXXXX`` anywhere in the query text before
    parsing, so a value holding a backslash followed by ``u0022`` would come out as ``"``. The
    ``u`` or ``U`` after an escaped backslash is itself written as an 8-digit escape, which the
    pass turns back into the letter (8 digits, because rdflib's pass reads up to 8 after ``\\u``).
    """
    text = term.n3()
    if not isinstance(term, Literal) or "\\" not in text:
        return text
    # Escapes are consumed pairwise from the left, so an escaped backslash is always recognised.
    return re.sub(r"\\\\([uU])|\\.", lambda m: "\\\\" + f"\\U{ord(m.group(1)):08X}" if m.group(1) else m.group(0), text)


def parse_term(value: str, name: str = "value") -> Node:
    """An RDF term from Turtle syntax; anything that is not one becomes a plain string literal.

    A value that starts like a term (``<``, a quote, a number, ``true``/``false``) must be
    exactly one complete term: it is parsed as the object of a one-triple Turtle document, so
    trailing text (``"x" } ; DROP ALL #``) is an error instead of being dropped silently, and
    IRIs (datatypes included) must be absolute and free of spaces, brackets and quotes.
    """
    text = value.strip()
    if not (text.startswith(("<", '"', "'")) or re.fullmatch(r"[+-]?\d+(\.\d+)?", text) or text in ("true", "false")):
        return Literal(value)
    if "\n" in text or "\r" in text:
        raise QueryError(f"parameter {name}: {value!r} is not an RDF term (write a line break as \\\\n)")
    document = f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n{_PROBE_S.n3()} {_PROBE_P.n3()} {text} .\n"
    try:
        parsed = Graph().parse(data=document, format="turtle", publicID=_NO_BASE)
    except Exception:  # rdflib raises several kinds for malformed terms
        raise QueryError(f"parameter {name}: {value!r} is not an RDF term") from None
    if len(parsed) != 1 or (_PROBE_S, _PROBE_P, None) not in parsed:
        raise QueryError(f"parameter {name}: {value!r} is not one RDF term")
    term = parsed.value(_PROBE_S, _PROBE_P)
    iri = term if isinstance(term, URIRef) else (term.datatype if isinstance(term, Literal) else None)
    if iri is not None and (str(iri).startswith(_NO_BASE) or not _ABSOLUTE_IRI.fullmatch(str(iri))):
        raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
    if isinstance(term, URIRef) and text != term.n3():
        raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
    if isinstance(term, URIRef | Literal):
        return term
    raise QueryError(f"parameter {name}: {value!r} is not an IRI or a literal")


def read_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = match.groups()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{path}: malformed parameter line {line!r}")
            default = None if pm["default"] == NO_DEFAULT else parse_term(pm["default"], pm["name"])
            params.append(Parameter(pm["name"], default, pm["doc"]))
        else:
            header[key] = value
    for key in ("title", "question"):
        if key not in header:
            raise QueryError(f"{path}: the header has no '# {key}:' line")
    return SavedQuery(path.stem, path, header["title"], header["question"], tuple(params), text)


def saved_queries() -> list[SavedQuery]:
    """All saved queries shipped with csr-kg, by name."""
    return [read_query(p) for p in sorted(packaged("queries").glob("*.rq"))]


def find_query(name_or_path: str) -> SavedQuery:
    """A saved query by name, or any ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return read_query(path)
    for query in saved_queries():
        if query.name == name_or_path:
            return query
    names = ", ".join(q.name for q in saved_queries())
    raise QueryError(f"no saved query {name_or_path!r} (saved queries: {names})")


@dataclass(frozen=True)
class Rows:
    """A SELECT result: its variables and rows of RDF terms (None where unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]


def run_local(graph: Graph, query: SavedQuery, values: dict[str, str] | None = None) -> Rows:
    """Run on ``graph`` only: a query naming other graphs or endpoints is refused, not followed.

    A graph over an Oxigraph store (kg.rdf.store) has Oxigraph parse and answer the text itself; the
    refusal check has parsed it already, whatever the store.
    """
    text = query.bind(values)
    prepared = prepare_query(text)
    if prepared.algebra.name == "SelectQuery" and (answered := select(graph, text)) is not None:
        return Rows(*answered)
    result = graph.query(text if isinstance(graph.store, OxigraphStore) else prepared)
    variables = tuple(str(v) for v in result.vars or ())
    return Rows(variables, tuple(tuple(row) for row in result))
