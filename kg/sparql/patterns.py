"""The triple patterns of a SPARQL query, read from its tokens, for resolving parameter names.

kg.sparql.resolve scores the resources a name may stand for by the triple patterns the
parameter's variable takes part in. Those were read from rdflib's parse of the query (0.2 s to
import its SPARQL parser and about as much again to parse a saved query), which made a name on
the command line (``--param sdg=9``) cost three times the query. The patterns of the SPARQL the
saved queries are written in (triples blocks with ``;`` and ``,``, OPTIONAL, UNION, MINUS,
subqueries, FILTER and BIND expressions with EXISTS groups, VALUES blocks) are read here from
the tokens kg.sparql.guard splits the text into. Anything else (blank node brackets,
collections, GRAPH, a token this reader does not expect) gives None, and the caller falls back
to rdflib's parse. Property paths are read but, as in rdflib's algebra, only a predicate that
is one IRI makes a pattern (tests/unit/test_query_patterns.py holds the two equal on every saved
query).

Terms are strings: ``?name`` for a variable, ``<iri>`` for an IRI (prefixed names expanded),
literals as written.
"""

from __future__ import annotations

from kg.sparql.guard import tokens

Pattern = tuple[str, str, str]
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PATH_MARKS = frozenset("/|*+?^!")


class _Unsupported(Exception):
    """A construct this reader does not read: the caller parses with rdflib instead."""


class _Reader:
    def __init__(self, text: str) -> None:
        self.tokens = tokens(text)
        self.at = 0
        self.prefixes: dict[str, str] = {}
        self.found: list[Pattern] = []
        self.quiet = 0  # inside a FILTER or BIND expression: rdflib's algebra keeps no patterns there

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise _Unsupported("the query ends early")
        self.at += 1
        return token

    def expect(self, wanted: str) -> None:
        if self.take() != wanted:
            raise _Unsupported(f"expected {wanted}")

    def read(self) -> list[Pattern]:
        while (word := (self.peek() or "").upper()) in ("PREFIX", "BASE"):
            self.take()
            if word == "PREFIX":
                name = self.take()
                self.prefixes[name[:-1]] = self.take()[1:-1]
            else:
                raise _Unsupported("BASE")
        while self.peek() is not None and self.peek() != "{":
            self.take()  # SELECT and its projection (expressions included), WHERE
        self.group()
        while self.peek() is not None:  # solution modifiers: no patterns
            token = self.take()
            if token == "{":
                raise _Unsupported("a group after the query's WHERE clause")
        return self.found

    def term(self, token: str) -> str:
        """A subject or object as a pattern term."""
        if token.startswith(("?", "$")):
            return "?" + token[1:]
        if token.startswith("<"):
            return token
        if token.startswith(('"', "'")) or token[0].isdigit() or token[0] in "+-" or token in ("true", "false"):
            return self._literal(token)
        if ":" in token:
            return self.iri(token)
        raise _Unsupported(f"the term {token!r}")

    def _literal(self, token: str) -> str:
        """A literal as rdflib writes it (N-Triples, numbers and booleans with their datatype)."""
        following = self.peek() or ""
        if following.startswith("@"):
            return token + self.take()
        if following == "^":
            self.take()
            self.expect("^")
            return f"{token}^^{self.iri(self.take())}"
        if token in ("true", "false"):
            return f'"{token}"^^<{_XSD}boolean>'
        if token.startswith(("'", '"')):
            if token.startswith(('"""', "'''")) or token.startswith("'"):
                raise _Unsupported("a string rdflib would write another way")
            return token
        kind = "double" if "e" in token.lower() else "decimal" if "." in token else "integer"
        return f'"{token}"^^<{_XSD}{kind}>'

    def iri(self, token: str) -> str:
        if token.startswith("<"):
            return token
        prefix, _, local = token.partition(":")
        if prefix not in self.prefixes:
            raise _Unsupported(f"the prefix {prefix!r}")
        return f"<{self.prefixes[prefix]}{local}>"

    def group(self) -> None:
        """A ``{ ... }`` group, the opening brace next."""
        self.expect("{")
        while (token := self.peek()) != "}":
            if token is None:
                raise _Unsupported("an open group")
            word = token.upper()
            if token == "{":
                self.group()
            elif token in (".", ";", ",") or word in ("OPTIONAL", "MINUS", "UNION"):
                self.take()
            elif word == "SELECT":
                self.subquery()
            elif word in ("FILTER", "BIND"):
                self.take()
                self.expression()
            elif word == "VALUES":
                self.values()
            elif token in ("[", "(") or word in ("GRAPH", "SERVICE"):
                raise _Unsupported(token)
            else:
                self.triples()
        self.take()

    def subquery(self) -> None:
        """A subquery: its projection, its WHERE group, then its solution modifiers up to the brace
        that closes the group it is the whole of (SPARQL writes a subquery as ``{ SELECT ... }``)."""
        while self.peek() not in ("{", None):
            self.take()
        self.group()
        depth = 0
        while (token := self.peek()) is not None and (depth or token != "}"):
            self.take()
            depth += {"{": 1, "}": -1}.get(token, 0)

    def expression(self) -> None:
        """A FILTER or BIND expression: a bracketed one, a function call, or [NOT] EXISTS { ... }."""
        word = (self.peek() or "").upper()
        if word == "NOT":
            self.take()
            word = (self.peek() or "").upper()
        if word == "EXISTS":
            self.take()
            self._quiet_group()
            return
        if self.peek() != "(":
            self.take()  # a function's name
        self.expect("(")
        depth = 1
        while depth:
            token = self.take()
            if token == "(":
                depth += 1
            elif token == ")":
                depth -= 1
            elif token == "{":
                self.at -= 1
                self._quiet_group()

    def _quiet_group(self) -> None:
        self.quiet += 1
        self.group()
        self.quiet -= 1

    def values(self) -> None:
        self.take()
        while self.peek() != "{":
            self.take()
        depth = 0
        while True:
            token = self.take()
            depth += {"{": 1, "}": -1}.get(token, 0)
            if depth == 0:
                return

    def triples(self) -> None:
        """``subject predicate object (, object)* (; predicate object ...)*``."""
        subject = self.term(self.take())
        while True:
            predicate = self.predicate()
            while True:
                obj = self.take()
                if obj in ("[", "("):
                    raise _Unsupported(obj)
                obj = self.term(obj)
                if predicate is not None and not self.quiet:
                    pattern = (subject, predicate, obj)
                    if pattern not in self.found:
                        self.found.append(pattern)
                if self.peek() != ",":
                    break
                self.take()
            if self.peek() != ";":
                return
            while self.peek() == ";":
                self.take()
            if self.peek() in (".", "}", None):
                return

    def predicate(self) -> str | None:
        """The predicate as one IRI, or None for a property path (which makes no pattern)."""
        first = self.take()
        if first in _PATH_MARKS or first == "(":
            self._rest_of_path(first)
            return None
        if first.startswith(("?", "$")):
            return None  # a variable predicate: no IRI to test
        single = RDF_TYPE if first == "a" else self.iri(first)
        if self.peek() in _PATH_MARKS:
            self._rest_of_path(self.take())
            return None
        return single

    def _rest_of_path(self, mark: str) -> None:
        """Skip what is left of a property path, ``mark`` read already."""
        depth = 1 if mark == "(" else 0
        expecting = mark in "/|^!(" or depth > 0
        while True:
            token = self.peek()
            if token is None:
                raise _Unsupported("a path")
            if depth == 0 and not expecting and token not in _PATH_MARKS and token != ")":
                return
            self.take()
            if token == "(":
                depth += 1
                expecting = True
            elif token == ")":
                depth -= 1
                expecting = False
            else:
                expecting = token in "/|^!"


def triple_patterns(text: str) -> list[Pattern] | None:
    """The triple patterns of the query ``text`` with an IRI predicate, each once, in the order
    written; None when the text has something this reader does not read."""
    try:
        return _Reader(text).read()
    except _Unsupported:
        return None


def unread(text: str) -> str | None:
    """Why triple_patterns gives None for ``text`` (for tests and benchmarks), or None."""
    try:
        _Reader(text).read()
    except _Unsupported as exc:
        return str(exc)
    return None
