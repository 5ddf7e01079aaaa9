"""csr-kg's SPARQL-based constraints, each run once over the whole graph instead of once a focus node.

pySHACL runs an ``sh:sparql`` constraint once per focus node with ``$this`` pre-bound (1,509 runs
on the bundled graph, most of the validation time); rdflib re-evaluates a constraint's subquery
in each run. Here each constraint's ``sh:select``, read from the shapes graph, runs once on
Oxigraph with ``$this`` free, and the solutions whose ``$this`` is a focus node of the shape are
that node's solutions. This is the pre-bound evaluation because every csr-kg constraint binds
``$this`` in its own required triple patterns (tests/integration/test_validate_parity.py holds
the results equal to pySHACL's on every shape fixture); shapes from other files are left to the
engine of kg.validate.core, which evaluates them as pySHACL does.

Results are made as pySHACL makes them (pyshacl.constraints.sparql: focus node, ``sh:value`` the
focus node unless ``?value`` is bound, ``?path``, messages with ``{?var}`` and ``{$var}``
substituted and no language tag, one result per distinct solution). Terms the graph holds keep
the graph's own lexical forms (kg.validate.data.ValidationData.term); values the query computes
(``BIND``, aggregates) are written as Oxigraph writes them, in the XSD 1.1 canonical form
(rdflib's ``SUM`` of 10.0 and 20.0 is "30.0", Oxigraph's "30": the same number). pySHACL's
results are the same up to that form (tests/integration/test_validate_parity.py compares computed
numbers by value); asking rdflib again for the focus nodes with such values, with ``$this``
pre-bound, to get its forms took 80% of validating the bundled graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.rdf.terms import oxigraph_term
from kg.validate.data import Term, ValidationData

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_TYPE, _SUBCLASS = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.subClassOf))


@dataclass(frozen=True)
class Constraint:
    """One ``sh:sparql`` constraint of a node shape, with what is needed to run it on the whole graph."""

    shape: URIRef
    node: Node  # the sh:SPARQLConstraint
    severity: URIRef
    text: str  # the select, with the PREFIX lines of its sh:prefixes, as pySHACL runs it
    messages: tuple[Literal, ...]  # the constraint's, then the shape's


def _prefixes(shapes: Graph, constraint: Node) -> str:
    declared = {}
    for source in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(source, SH.declare):
            declared[str(shapes.value(declaration, SH.prefix))] = str(shapes.value(declaration, SH.namespace))
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in declared.items())


def constraints(shapes: Graph) -> tuple[Constraint, ...]:
    """The SPARQL constraints of the targeted, active named node shapes in ``shapes``."""
    found = []
    for shape, node in sorted(shapes.subject_objects(SH.sparql)):
        if not isinstance(shape, URIRef) or (shape, SH.path, None) in shapes or (shape, SH.target, None) in shapes:
            continue
        if True in {d.toPython() for d in shapes.objects(shape, SH.deactivated)}:
            continue
        if True in {d.toPython() for d in shapes.objects(node, SH.deactivated)}:
            continue
        select = shapes.value(node, SH.select)
        if select is None or not any((shape, target, None) in shapes for target in _TARGETS):
            continue
        text = f"{_prefixes(shapes, node)}\n{select}"
        found.append(
            Constraint(
                shape=shape,
                node=node,
                severity=shapes.value(shape, SH.severity) or SH.Violation,
                text=text,
                messages=tuple(shapes.objects(node, SH.message)) + tuple(shapes.objects(shape, SH.message)),
            )
        )
    return tuple(found)


def _classes(store: ox.Store, cls: ox.NamedNode) -> set[ox.NamedNode | ox.BlankNode]:
    """``cls`` and its subclasses in the data graph (rdfs:subClassOf*, as SHACL's class targets)."""
    found, todo = {cls}, [cls]
    while todo:
        for quad in store.quads_for_pattern(None, _SUBCLASS, todo.pop()):
            if quad.subject not in found:
                found.add(quad.subject)
                todo.append(quad.subject)
    return found


def focus_nodes(shapes: Graph, shape: URIRef, data: ValidationData) -> set[Term]:
    """The focus nodes of ``shape``'s targets in the data (class, node, subjects-of and objects-of
    targets), as the store's terms: rows are matched against them before any is converted to rdflib."""
    store, nodes = data.store, set()
    for cls in shapes.objects(shape, SH.targetClass):
        for each in _classes(store, ox.NamedNode(str(cls))):
            nodes.update(q.subject for q in store.quads_for_pattern(None, _TYPE, each))
    targets = [oxigraph_term(node) for node in shapes.objects(shape, SH.targetNode)]
    if targets:
        stored = {original: canonical for canonical, original in data.originals.items()}
        nodes.update(stored.get(written, written) for written in targets)
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        nodes.update(q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(prop)), None))
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        nodes.update(q.object for q in store.quads_for_pattern(None, ox.NamedNode(str(prop)), None))
    return nodes


Solution = dict[str, Node]


def _whole_graph(
    constraint: Constraint, data: ValidationData, focus_of: Callable[[], set[Term]]
) -> dict[Node, list[Solution]]:
    """The solutions of the constraint on the whole graph, by the focus node they bind to ``$this``
    (``focus_of`` gives the shape's focus nodes; asked only once a solution is found, as most
    constraints have none on a sound report)."""
    by_focus: dict[Node, list[Solution]] = {}
    result = data.store.query(constraint.text)
    names = [v.value for v in result.variables]
    if "this" not in names:
        return by_focus
    at = names.index("this")
    for row in result:
        if row[at] in focus_of():
            solution = {name: data.term(term) for name, term in zip(names, row, strict=True) if term is not None}
            by_focus.setdefault(solution["this"], []).append(solution)
    return by_focus


def _message(message: Literal, bindings: dict[str, Node]) -> Literal:
    text = str(message.value)
    for name, value in bindings.items():
        text = re.sub(f"{{[?$]{name}}}", lambda _, v=str(value): v, text)
    return Literal(text)


def _results(constraint: Constraint, focus: Node, solutions: list[Solution]) -> Iterator[list[tuple]]:
    """pySHACL's results for one focus node's solutions (one per distinct solution)."""
    seen: list[tuple] = []
    for solution in solutions:
        bound = dict(solution)
        if bound.pop("failure", None) is not None:
            # ?failure: one result for the focus node, its message filled from the other variables
            if True in seen:
                continue
            seen.append(True)
            path = value = this = None
            substitutions = dict(bound)
        else:
            path, value, this = bound.pop("path", None), bound.pop("value", None), bound.pop("this", None)
            if path is None and value is None and this is None:
                continue
            key = (this, path, value, bound)
            if key in seen:
                continue
            seen.append(key)
            substitutions = dict(bound)
            named = (("this", this), ("path", path), ("value", value))
            substitutions.update({k: v for k, v in named if v is not None})
        node = BNode()
        triples = [
            (node, RDF.type, SH.ValidationResult),
            (node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent),
            (node, SH.sourceShape, constraint.shape),
            (node, SH.resultSeverity, constraint.severity),
            (node, SH.focusNode, this or focus),
            (node, SH.value, value if value is not None else focus),
            (node, SH.sourceConstraint, constraint.node),
        ]
        if path is not None:
            triples.append((node, SH.resultPath, path))
        triples.extend((node, SH.resultMessage, _message(m, substitutions)) for m in dict.fromkeys(constraint.messages))
        yield triples


def validate(shapes: Graph, found: tuple[Constraint, ...], data: ValidationData) -> list[list[tuple]]:
    """Run the constraints ``found`` (of ``shapes``) on ``data``: each result's triples."""
    results: list[list[tuple]] = []
    known: dict[URIRef, set[Term]] = {}

    def focus_of(shape: URIRef) -> set[Term]:
        # Found once per shape, when a constraint of it first has a solution.
        if shape not in known:
            known[shape] = focus_nodes(shapes, shape, data)
        return known[shape]

    for constraint in found:
        for focus, solutions in _whole_graph(constraint, data, partial(focus_of, constraint.shape)).items():
            results.extend(_results(constraint, focus, solutions))
    return results
