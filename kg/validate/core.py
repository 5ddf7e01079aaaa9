"""The shapes' constraints but csr-kg's SPARQL ones: checked by pyshacl-turbo, worded by pySHACL.

pySHACL evaluates each constraint node by node in Python (about 5 s on the bundled graph with
the ontology, more than a build). pyshacl-turbo, a Rust engine over Oxigraph with pySHACL's
API, decides the same conformance several times faster, but words some results its own way (an
``sh:xone`` failure is "XoneConstraintComponent violated at <...>" where pySHACL prints the
shapes in the list). So turbo decides whether there is any result; a graph it finds results in
(a broken graph, where speed matters less) is validated again by pySHACL, whose report is the
one given, so every result reads as pySHACL writes it. A shapes graph turbo cannot run goes to
pySHACL directly.

turbo is given only the ontology triples its shapes can read. A SHACL Core constraint reads the
predicates its shape names (paths, targets, sh:equals and the like) and, for sh:class and class
targets, rdf:type and rdfs:subClassOf; a triple with any other predicate changes no result. So
where every SHACL term of the shapes graph is one of SHACL Core's that read only named
predicates (no sh:closed, which reads every property, no SPARQL constraint or target, no custom
component), the ontology's other triples are left out: 60% of them (its mappings, definitions and
hierarchy of concepts), which turbo parsed and indexed again with each report of a corpus (0.14 s
a synthetic report's validation by turbo, now 0.08 s). The data's own triples are all given:
leaving some out costs as much as it saves.
"""

from __future__ import annotations

from functools import cache

import pyshacl_turbo
from pyshacl import validate as pyshacl_validate
from pyshacl_turbo.rdf import Input
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.validate.data import ValidationData, ontology_ntriples

# SHACL terms whose constraints and targets read only the predicates the shapes graph names, or
# rdf:type and rdfs:subClassOf; and the terms that declare or describe without reading data (a
# SPARQL constraint's text and prefixes are read only through sh:sparql, sh:target or a
# component's validator, which are not here).
_NAMED_READS = frozenset(
    SH[name]
    for group in (
        ("NodeShape", "PropertyShape", "Shape", "PropertyGroup", "Violation", "Warning", "Info"),
        ("IRI", "BlankNode", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral"),
        ("targetClass", "targetNode", "targetObjectsOf", "targetSubjectsOf"),
        ("path", "inversePath", "alternativePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"),
        ("class", "datatype", "nodeKind", "minCount", "maxCount", "minLength", "maxLength", "pattern", "flags"),
        ("minExclusive", "minInclusive", "maxExclusive", "maxInclusive", "languageIn", "uniqueLang", "hasValue", "in"),
        ("equals", "disjoint", "lessThan", "lessThanOrEquals", "not", "and", "or", "xone", "node", "property"),
        ("qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint"),
        ("severity", "message", "name", "description", "deactivated", "order", "group", "defaultValue"),
        ("SPARQLConstraint", "PrefixDeclaration", "select", "ask", "prefixes", "declare", "prefix", "namespace"),
    )
    for name in group
)


@cache
def _compiled(shapes: Graph) -> pyshacl_turbo.CompiledShapes | None:
    """turbo's compilation of ``shapes`` (once per shapes graph), or None if turbo cannot run them."""
    try:
        return pyshacl_turbo.compile_shapes(shapes)
    except (RuntimeError, NotImplementedError, pyshacl_turbo.ValidationFailure):
        return None


@cache
def _read(shapes: Graph) -> frozenset[str] | None:
    """The predicates ``shapes`` can read, as N-Triples writes them (every IRI the shapes name, and
    rdf:type and rdfs:subClassOf), or None when a shape can read any predicate."""
    named = {term for triple in shapes for term in triple if isinstance(term, URIRef)}
    if any(term.startswith(SH) and term not in _NAMED_READS for term in named):
        return None
    return frozenset(f"<{term}>" for term in named | {RDF.type, RDFS.subClassOf})


@cache
def _readable_ontology(shapes: Graph) -> str:
    """The lines of the ontology's N-Triples whose predicate ``shapes`` can read (once per shapes
    graph; all of them when a shape can read any). A line not written as ``<s> <p> ...`` or
    ``_:b <p> ...`` is kept: more triples than are read never change a result."""
    ontology, read = ontology_ntriples(), _read(shapes)
    if read is None:
        return ontology
    kept = []
    for line in ontology.split("\n"):
        parts = line.split(" ", 2)
        if len(parts) < 3 or not parts[1].startswith("<") or parts[1] in read:
            kept.append(line)
    return "\n".join(kept)


def _has_results(shapes: Graph, data: ValidationData, allow_warnings: bool) -> bool:
    compiled = _compiled(shapes)
    if compiled is None:
        return True
    try:
        # N-Triples, not the Oxigraph store: the store holds offsets as xsd:integer, not as the
        # graph's xsd:nonNegativeInteger, which sh:datatype checks.
        source = Input(data.own_ntriples + _readable_ontology(shapes), "nt", None, {}, {})
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
