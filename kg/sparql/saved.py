"""Saved SPARQL queries: read their headers, bind parameters as RDF terms, run them anywhere.

Parameters are never pasted into query text as the user typed them. Each value is parsed into
an RDF term (an IRI, or a literal with its datatype or language) and bound by an inline SPARQL
1.1 VALUES block, serialised from that term (which escapes it), at the start of the query's
outermost WHERE group, so that FILTERs see it. The same bound query runs on rdflib locally and
on any remote SPARQL endpoint, so both give the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from oxrdflib import OxigraphStore
from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.term import Node

from kg.errors import CsrKgError, QueryError, one_line
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

    def bind(self, values: Mapping[str, object] | None = None) -> str:
        """The query text with its parameters bound by a trailing VALUES clause.

        ``values`` maps parameter names to rdflib terms (``URIRef``, ``Literal``), to terms in
        Turtle syntax (``<iri>``, ``"text"@en``, ``9``) or plain text, which becomes a string
        literal, or to Python numbers, dates and booleans, which become typed literals.
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
                bound.append((param.name, as_term(values[param.name], param.name)))
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


def read_query(path: Path, saved: bool = True) -> SavedQuery:
    """The query in ``path`` and its header.

    A saved query (one shipped with csr-kg, listed by ``query --list``) must say what it is
    (``# title:`` and ``# question:``); a user's own file need not: its title is its name.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot be read as UTF-8 text: {exc}") from None
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
    if saved:
        for key in ("title", "question"):
            if key not in header:
                raise QueryError(f"{path}: the header has no '# {key}:' line")
    title = header.get("title", path.stem)
    return SavedQuery(path.stem, path, title, header.get("question", ""), tuple(params), text)


def saved_queries() -> list[SavedQuery]:
    """All saved queries shipped with csr-kg, by name."""
    return [read_query(p) for p in sorted(packaged("queries").glob("*.rq"))]


def find_query(name_or_path: str) -> SavedQuery:
    """A saved query by name, or any ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq":
        return read_query(path, saved=False)
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


# What a query answers: rows (SELECT), a truth value (ASK) or a graph (CONSTRUCT, DESCRIBE).
Answer = Rows | bool | Graph
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


def run_query(graph: Graph, query: SavedQuery, values: dict[str, object] | None = None) -> Answer:
    """Run on ``graph`` only: a query naming other graphs or endpoints is refused, not followed.

    A graph over an Oxigraph store (kg.rdf.store) has Oxigraph parse and answer the text itself; the
    refusal check has parsed it already, whatever the store.
    """
    check_syntax(query)
    text = query.bind(values)
    prepared = prepare_query(text)
    if prepared.algebra.name == "SelectQuery" and (answered := select(graph, text)) is not None:
        return Rows(*answered)
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
    return Rows(variables, tuple(tuple(row) for row in result))


def run_local(graph: Graph, query: SavedQuery, values: dict[str, object] | None = None) -> Rows:
    """The rows of a SELECT query run on ``graph`` (see run_query; other forms are refused)."""
    answer = run_query(graph, query, values)
    if not isinstance(answer, Rows):
        raise QueryError(f"{query.name}: not a SELECT query (its answer is not rows)")
    return answer
