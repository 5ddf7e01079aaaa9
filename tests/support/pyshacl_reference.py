"""pySHACL's reference run (kg.validate.reference) with each SPARQL constraint's text checked once.

Before every evaluation of a SPARQL constraint on a focus node, pySHACL checks the query's text
for clauses SHACL forbids (MINUS, VALUES, SERVICE, re-bound variables) with regular expressions
that backtrack heavily on long queries: some 180 checks of the same 16 texts on the mini report's
KG, half of a reference run's 1.3 CPU seconds. The check is a pure function of the text, whether a
value node is bound and the extra variables, and its answer is to pass or to raise; this runs it
once for each passing combination and again every time for one that raised, so pySHACL's results
and errors are its own. The parity tests run the reference some 40 times.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib import Graph

from kg.validate import reference
from kg.validate.shacl import Validation

_PASSED: set[tuple[str, bool, frozenset[str]]] = set()


@contextmanager
def each_text_checked_once() -> Iterator[None]:
    check = SPARQLQueryHelper.check_invalid_sparql

    def once(self: SPARQLQueryHelper, sparql_text: str, valuenode: Any = None, extravars: Any = None) -> bool:
        key = (sparql_text, valuenode is None, frozenset(extravars or ()))
        if key not in _PASSED:
            check(self, sparql_text, valuenode=valuenode, extravars=extravars)
            _PASSED.add(key)
        return True

    SPARQLQueryHelper.check_invalid_sparql = once  # type: ignore[method-assign]
    try:
        yield
    finally:
        SPARQLQueryHelper.check_invalid_sparql = check  # type: ignore[method-assign]


def validate_with_pyshacl(data: Graph, shapes: Graph | None = None, allow_warnings: bool = True) -> Validation:
    """kg.validate.reference.validate_with_pyshacl, each constraint text's check run once."""
    with each_text_checked_once():
        return reference.validate_with_pyshacl(data, shapes, allow_warnings)
