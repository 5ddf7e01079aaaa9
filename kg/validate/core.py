"""The shapes' constraints but csr-kg's SPARQL ones: checked by pyshacl-turbo, worded by pySHACL.

pySHACL evaluates each constraint node by node in Python (about 5 s on the bundled graph with
the ontology, more than a build). pyshacl-turbo, a Rust engine over Oxigraph with pySHACL's
API, decides the same conformance several times faster, but words some results its own way (an
``sh:xone`` failure is "XoneConstraintComponent violated at <...>" where pySHACL prints the
shapes in the list). So turbo decides whether there is any result; a graph it finds results in
(a broken graph, where speed matters less) is validated again by pySHACL, whose report is the
one given, so every result reads as pySHACL writes it. A shapes graph turbo cannot run goes to
pySHACL directly.

turbo's time grows with the triples it parses, so it is given only those whose predicate the
shapes name (a third fewer on the bundled KG): SHACL Core reaches data through its paths,
targets and property pairs (sh:equals and the like), each a predicate the shapes graph names,
and through rdf:type and rdfs:subClassOf for classes, so the other triples cannot change a
result. Shapes that can read any triple (sh:closed, SPARQL-based constraints and targets, rules)
are given all of them.
"""

from __future__ import annotations

from functools import cache

import pyshacl_turbo
from pyshacl import validate as pyshacl_validate
from pyshacl_turbo.rdf import Input
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.validate.data import ValidationData

# What lets a shape read triples whose predicate it does not name.
_ANY_TRIPLE = (SH.closed, SH.sparql, SH.select, SH.ask, SH.target, SH.rule, SH.validator)


@cache
def _compiled(shapes: Graph) -> pyshacl_turbo.CompiledShapes | None:
    """turbo's compilation of ``shapes`` (once per shapes graph), or None if turbo cannot run them."""
    try:
        return pyshacl_turbo.compile_shapes(shapes)
    except (RuntimeError, NotImplementedError, pyshacl_turbo.ValidationFailure):
        return None


@cache
def _predicates(shapes: Graph) -> frozenset[str] | None:
    """The predicates (written ``<iri>``) the data can be read through by ``shapes``, or None if any."""
    if any((None, predicate, None) in shapes for predicate in _ANY_TRIPLE):
        return None
    named = {term for triple in shapes for term in triple if isinstance(term, URIRef)} | {RDF.type, RDFS.subClassOf}
    return frozenset(f"<{iri}>" for iri in named)


def _has_results(shapes: Graph, data: ValidationData, allow_warnings: bool) -> bool:
    compiled = _compiled(shapes)
    if compiled is None:
        return True
    try:
        # N-Triples, not the Oxigraph store: the store holds offsets as xsd:integer, not as the
        # graph's xsd:nonNegativeInteger, which sh:datatype checks.
        source = Input(data.ntriples(_predicates(shapes)), "nt", None, {}, {})
        _, report, _ = compiled.validate(source, allow_infos=True, allow_warnings=allow_warnings)
    except (RuntimeError, NotImplementedError, pyshacl_turbo.ValidationFailure):
        return True
    return (None, SH.result, None) in report


def validate(shapes: Graph, data: ValidationData, allow_warnings: bool) -> Graph | None:
    """pySHACL's report on ``data`` for ``shapes``, or None when the shapes give no result."""
    if not _has_results(shapes, data, allow_warnings):
        return None
    _, report, _ = pyshacl_validate(
        data.combined, shacl_graph=shapes, inference="none", allow_warnings=allow_warnings, allow_infos=True
    )
    return report
