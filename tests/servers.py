"""Helpers to run real servers on loopback for tests, and to compare rows across engines."""

from __future__ import annotations

import socket
import time
import urllib.request
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.queries import Rows

NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _normal(term: Node | None) -> tuple:
    """Compare terms by value where engines may print them differently (numbers, language tags)."""
    if term is None:
        return ("unbound",)
    if isinstance(term, URIRef):
        return ("iri", str(term))
    assert isinstance(term, Literal)
    if term.datatype in NUMERIC:
        return ("number", Decimal(str(term.toPython())))
    if term.language:
        return ("lang", str(term), term.language.lower())
    return ("literal", str(term), str(term.datatype or XSD.string))


def normalised(rows: Rows) -> tuple[tuple[str, ...], list[tuple]]:
    """Variables and the multiset of rows (sorted), so ties in ORDER BY cannot differ."""
    return rows.variables, sorted(tuple(_normal(t) for t in row) for row in rows.rows)
