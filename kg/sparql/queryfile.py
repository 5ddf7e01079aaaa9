"""Saved SPARQL query files: their headers, their parameters, and binding values into their text.

This module needs neither rdflib nor a SPARQL parser, so that ``csrkg query`` on Oxigraph reads
a query and binds its parameters without importing them. Values are bound as RDF terms in SPARQL
syntax by an inline VALUES block at the start of the query's outermost WHERE group (so that
FILTERs see it), never pasted in as typed: kg.sparql.saved binds rdflib terms, kg.sparql.local
Oxigraph terms, both through :meth:`SavedQuery.bind_terms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import QueryError
from kg.vocab.data import packaged

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rdflib.term import Node

_HEADER = re.compile(r"^#\s*(title|question|param|parameters):\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<default>.+?)\s+:\s+(?P<doc>.*)$")
NO_DEFAULT = "(none)"
# The outermost WHERE group: the first one, as a SELECT's own WHERE precedes its subqueries'.
_WHERE = re.compile(r"^(?!\s*#).*?\bWHERE\s*\{", re.M | re.I)
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][\w+.-]*:[^\s<>\"{}|\\^`]*")
# Relative IRIs in a value resolve against this base, which no accepted term may contain.
NO_BASE = "http://relative-iri.invalid/"
_PROBE_S, _PROBE_P = "urn:x-csr-kg:probe:s", "urn:x-csr-kg:probe:p"
_TERM_START = re.compile(r"[+-]?\d+(\.\d+)?")


# What may hold a brace or "SELECT" that is not the query's: IRIs, strings and comments.
_OPAQUE = re.compile(
    r"<[^<>\"{}|^`\\\s]*>|\"\"\"(?:[^\\]|\\.)*?\"\"\"|'\'\'(?:[^\\]|\\.)*?'\'\'"
    r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*"
)
_SUBSELECT = re.compile(r"\bSELECT\b(?P<projection>[^{}]*?)\bWHERE\s*\{", re.I)
_EXPRESSION = re.compile(r"\([^()]*\)")


def _narrowed(text: str, outer: int, names: list[str]) -> list[tuple[int, set[str]]]:
    """The subqueries of ``text`` (its outermost group opening at ``outer``) in which a bound
    parameter can be bound again, each as (where its group opens, the names to bind there).

    SPARQL evaluates a subquery on its own, before the group around it sees the value: a
    subquery counting every report's figures counts them all even when one report is asked
    for. A subquery that projects the variable (``SELECT ?report ... WHERE``, or ``*``) joins
    the group around it on that variable, so its solutions for any other value are dropped by
    that join: binding the value inside it as well gives the same answers, sooner. This holds
    only where every subquery around it projects the variable too (else the name inside is
    another variable); a variable computed into the projection (``... AS ?report``) is not
    bound inside.
    """
    masked = _OPAQUE.sub(lambda m: " " * len(m.group()), text)
    groups: list[tuple[int, int, set[str]]] = []
    for match in _SUBSELECT.finditer(masked):
        start = match.end()
        if start <= outer:
            continue
        depth, end = 1, start
        while depth and end < len(masked):
            depth += {"{": 1, "}": -1}.get(masked[end], 0)
            end += 1
        projection = match["projection"]
        while _EXPRESSION.search(projection):
            projection = _EXPRESSION.sub(" ", projection)
        every = projection.split()[-1:] == ["*"]
        projected = {n for n in names if every or re.search(rf"[?$]{n}\b", projection)}
        groups.append((start, end, projected))
    found = []
    for start, end, projected in groups:
        within = set(projected)
        for other_start, other_end, other in groups:
            if other_start < start and end <= other_end:
                within &= other
        if within:
            found.append((start, within))
    return found


def looks_like_term(text: str) -> bool:
    """Whether a value is written as an RDF term (an IRI, a quoted literal, a number, a boolean)."""
    return text.startswith(("<", '"', "'")) or bool(_TERM_START.fullmatch(text)) or text in ("true", "false")


def absolute_iri(iri: str) -> bool:
    return not iri.startswith(NO_BASE) and bool(_ABSOLUTE_IRI.fullmatch(iri))


def native_term(value: str, name: str = "value") -> ox.NamedNode | ox.Literal:
    """An RDF term from Turtle syntax, parsed by Oxigraph; anything that is not one is a plain string.

    The rules are those of kg.sparql.saved.parse_term: a value that starts like a term must be
    exactly one complete term (trailing text is an error, not dropped), IRIs (datatypes included)
    absolute and free of spaces, brackets and quotes.
    """
    text = value.strip()
    if not looks_like_term(text):
        return ox.Literal(value)
    if "\n" in text or "\r" in text:
        raise QueryError(f"parameter {name}: {value!r} is not an RDF term (write a line break as \\\\n)")
    document = f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<{_PROBE_S}> <{_PROBE_P}> {text} .\n"
    try:
        triples = list(ox.parse(document, format=ox.RdfFormat.TURTLE, base_iri=NO_BASE))
    except SyntaxError:
        raise QueryError(f"parameter {name}: {value!r} is not an RDF term") from None
    if len(triples) != 1 or triples[0].subject != ox.NamedNode(_PROBE_S):
        raise QueryError(f"parameter {name}: {value!r} is not one RDF term")
    term = triples[0].object
    iri = term.value if isinstance(term, ox.NamedNode) else None
    if isinstance(term, ox.Literal):
        iri = term.datatype.value
    if iri is not None and not absolute_iri(iri):
        raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
    if isinstance(term, ox.NamedNode) and text != str(term):
        raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term
    raise QueryError(f"parameter {name}: {value!r} is not an IRI or a literal")


def sparql_literal(text: str) -> str:
    """A term in N-Triples syntax made safe from the codepoint-escape pass SPARQL parsers run first.

    SPARQL engines replace ``\\uXXXX`` and ``\\UXXXXXXXX`` anywhere in the query text before
    parsing, so a value holding a backslash followed by ``u0022`` would come out as ``"``. The
    ``u`` or ``U`` after an escaped backslash is itself written as an 8-digit escape, which the
    pass turns back into the letter (8 digits, because rdflib's pass reads up to 8 after ``\\u``).
    """
    if "\\" not in text:
        return text
    # Escapes are consumed pairwise from the left, so an escaped backslash is always recognised.
    return re.sub(r"\\\\([uU])|\\.", lambda m: "\\\\" + f"\\U{ord(m.group(1)):08X}" if m.group(1) else m.group(0), text)


def native_sparql(term: ox.NamedNode | ox.Literal) -> str:
    """An Oxigraph term in SPARQL syntax."""
    return sparql_literal(str(term)) if isinstance(term, ox.Literal) else str(term)


@dataclass(frozen=True)
class Parameter:
    """A parameter of a saved query; ``default_text`` is the default as the header writes it."""

    name: str
    default_text: str | None
    doc: str

    @cached_property
    def default(self) -> Node | None:
        """The default as an rdflib term (rdflib is imported only when this is asked for)."""
        from kg.sparql.saved import parse_term

        return None if self.default_text is None else parse_term(self.default_text, self.name)

    @property
    def takes_iri(self) -> bool:
        """Whether the parameter takes a resource: its default is an IRI, or its documentation says IRI."""
        return (self.default_text or "").strip().startswith("<") or "IRI" in self.doc


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file and what its header says about it."""

    name: str
    path: Path
    title: str
    question: str
    parameters: tuple[Parameter, ...]
    text: str

    @property
    def body(self) -> str:
        """The query without its header.

        The header is documentation; clients such as SPARQLWrapper guess the query form from
        words anywhere in the text, header comments included, so only the query is sent.
        """
        return "\n".join(line for line in self.text.splitlines() if not _HEADER.match(line)).lstrip()

    def check_names(self, values: Mapping[str, object]) -> None:
        known = {p.name for p in self.parameters}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(
                f"{self.name}: unknown parameter(s) {', '.join(unknown)} (known: {', '.join(sorted(known)) or 'none'})"
            )

    def bind_terms(self, bound: list[tuple[str, str]]) -> str:
        """The query text with ``bound`` (parameter name, term in SPARQL syntax) in a VALUES block,
        and each value bound again in the subqueries that project its variable (see _narrowed)."""
        text = self.body
        if not bound:
            return text
        names = " ".join(f"?{name}" for name, _ in bound)
        terms = " ".join(term for _, term in bound)
        where = _WHERE.search(text)
        if where is None:
            raise QueryError(f"{self.name}: no WHERE group to bind parameters in")
        inserts = [(where.end(), f"\n  VALUES ({names}) {{ ({terms}) }}")]
        for start, within in _narrowed(text, where.end(), [name for name, _ in bound]):
            block = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bound if name in within)
            inserts.append((start, f" {block}"))
        for at, block in sorted(inserts, reverse=True):
            text = text[:at] + block + text[at:]
        return text

    def bind(self, values: Mapping[str, object] | None = None) -> str:
        """The query text with its parameters bound by a VALUES clause.

        ``values`` maps parameter names to rdflib terms (``URIRef``, ``Literal``), to terms in
        Turtle syntax (``<iri>``, ``"text"@en``, ``9``) or plain text, which becomes a string
        literal, or to Python numbers, dates and booleans, which become typed literals.
        """
        from kg.sparql.saved import as_term, sparql_term

        values = dict(values or {})
        self.check_names(values)
        bound: list[tuple[str, str]] = []
        for param in self.parameters:
            if param.name in values:
                bound.append((param.name, sparql_term(as_term(values[param.name], param.name))))
            elif param.default is not None:
                bound.append((param.name, sparql_term(param.default)))
        return self.bind_terms(bound)

    def bind_native(self, values: Mapping[str, ox.NamedNode | ox.Literal | str]) -> str:
        """The query text with Oxigraph terms, or values in Turtle syntax, bound (see :meth:`bind`)."""
        self.check_names(values)
        bound: list[tuple[str, str]] = []
        for param in self.parameters:
            value = values.get(param.name, param.default_text)
            if value is None:
                continue
            term = native_term(value, param.name) if isinstance(value, str) else value
            bound.append((param.name, native_sparql(term)))
        return self.bind_terms(bound)


def read_query(path: Path, saved: bool = True) -> SavedQuery:
    """The query in ``path`` and its header.

    A saved query (one shipped with csr-kg, listed by ``query --list``) must say what it is
    (``# title:`` and ``# question:``); a user's own file need not: its title is its name.
    A parameter's default must be one RDF term (checked here, by Oxigraph's Turtle parser).
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
            default = None if pm["default"] == NO_DEFAULT else pm["default"]
            if default is not None:
                native_term(default, pm["name"])
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
    # A saved query's name is its file's stem: read that one file, not all of them.
    saved = packaged("queries") / f"{name_or_path}.rq"
    if path.name == name_or_path and saved.is_file():
        return read_query(saved)
    names = ", ".join(q.name for q in saved_queries())
    raise QueryError(f"no saved query {name_or_path!r} (saved queries: {names})")
