"""Validate a csr-kg graph against the shapes, and read the SHACL report into findings.

The data graph is validated together with the ontology and its concept schemes, so that shapes
can follow the class hierarchy and check that codes (SDGs, guide KPIs, units) come from their
schemes. Each result is tied back to a claim where there is one, so that a reader sees the
report's own words next to each finding.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from pyshacl.rdfutil.clone import clone_blank_node
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SH, SKOS

from kg.rdf.readers import read_rdf
from kg.validate import core, whole_graph
from kg.validate.data import StoreView, ValidationData
from kg.vocab.namespaces import CSR, OA
from kg.vocab.ontology import turtle_dir

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Evidence:
    """The claim a finding is about: its id, section and quote."""

    claim: str
    section: str
    quote: str


@dataclass(frozen=True)
class Finding:
    """One SHACL result, in terms a reader of the report can act on."""

    severity: str
    shape: str
    shape_label: str
    focus: str
    path: str | None
    value: str | None
    message: str
    evidence: Evidence | None
    # The results nested under this one's sh:detail (an sh:node shape's own failures), as
    # (shape, message): part of this finding, not counted as findings of their own.
    details: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Validation:
    """The outcome: conformance, the W3C validation report graph, and the findings."""

    conforms: bool
    report: Graph
    findings: tuple[Finding, ...]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


@cache
def shapes_graph() -> Graph:
    """All csr-kg shapes (once per process)."""
    return turtle_dir("shapes")


@cache
def shapes_from(files: tuple[Path, ...], replace: bool = False) -> Graph:
    """The shapes to validate with: csr-kg's plus those in ``files``, or only those with ``replace``.

    The files are read as hostile input (kg.rdf.readers); each process reads them once.
    """
    combined = Graph() if replace else Graph() + shapes_graph()
    for file in files:
        combined += read_rdf(file)
    return combined


@dataclass(frozen=True)
class _Plan:
    """A shapes graph split between the engines: csr-kg's SPARQL constraints and the rest."""

    whole_graph: tuple[whole_graph.Constraint, ...]
    core: Graph


@cache
def _plan(shapes: Graph) -> _Plan:
    """How ``shapes`` is validated (once per shapes graph): the SPARQL constraints of csr-kg's own
    shapes (kg.validate.whole_graph, whose parity with pySHACL the tests hold), and everything
    else, shapes from other files included (kg.validate.core)."""
    own = shapes_graph()
    found = tuple(c for c in whole_graph.constraints(shapes) if (c.shape, SH.sparql, c.node) in own)
    core = Graph()
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    taken = {(c.shape, SH.sparql, c.node) for c in found}
    # The constraints taken, no longer attached to any shape, are left out too: core's engines
    # then see no SPARQL in csr-kg's shapes (kg.validate.core gives turbo fewer triples then).
    kept = {o for s, p, o in shapes.triples((None, SH.sparql, None)) if (s, p, o) not in taken}
    detached = {c.node for c in found} - kept
    for triple in shapes:
        if triple not in taken and triple[0] not in detached:
            core.add(triple)
    return _Plan(found, core)


def _empty_report(shapes: Graph) -> Graph:
    """A report with no result yet, bound to the shapes' prefixes as pySHACL binds its reports."""
    report = Graph(bind_namespaces="core")
    for prefix, namespace in shapes.namespace_manager.namespaces():
        report.namespace_manager.bind(prefix, namespace)
    report.add((BNode(), RDF.type, SH.ValidationReport))
    return report


def _add_results(report: Graph, results: list[list[tuple]], shapes: Graph, held: ValidationData) -> None:
    """Add results to the report, copying the blank nodes they point at (the SPARQL constraint
    node, a blank focus node) with what their graph says of them, as pySHACL does."""
    node = report.value(predicate=RDF.type, object=SH.ValidationReport)
    cloned: dict[BNode, BNode] = {}
    for triples in results:
        report.add((node, SH.result, triples[0][0]))
        for s, p, o in triples:
            if isinstance(o, BNode) and p in (SH.sourceConstraint, SH.focusNode, SH.value):
                if o not in cloned:
                    source = shapes if p == SH.sourceConstraint else held.data
                    cloned[o] = clone_blank_node(source, o, report, keepid=True)
                o = cloned[o]
            report.add((s, p, o))


def validate_graph(data: Graph, shapes: Graph | None = None, allow_warnings: bool = True) -> Validation:
    """Validate ``data`` (with the ontology mixed in) against ``shapes`` (default: all csr-kg shapes).

    Violations make the graph not conform; warnings too unless ``allow_warnings`` (pySHACL's
    option of that name; csr-kg's shapes use warnings for what a curator should look at, so it
    is on by default); infos never do.

    The results are pySHACL's, made faster: csr-kg's SPARQL constraints run once over the whole
    graph on Oxigraph (kg.validate.whole_graph), the other constraints are checked by
    pyshacl-turbo and worded by pySHACL where they find anything (kg.validate.core).

    Each result is counted once: pySHACL also types the results nested under a result's
    ``sh:detail`` (the parts of an ``sh:node`` or ``sh:or`` failure) as ``sh:ValidationResult``,
    but only the report's own ``sh:result`` values are findings.
    """
    return validate_data(ValidationData(data), shapes, allow_warnings)


def validate_ntriples(
    data: bytes, shapes: Graph | None = None, allow_warnings: bool = True, checked: bool = False
) -> Validation:
    """validate_graph for a graph given as N-Triples (a corpus's report as the build maps it):
    the same results, without making an rdflib graph of the data unless a result needs one.

    ``checked``: the lines were written and checked in this process (kg.rdf.corpus.ntriples_lines),
    so Oxigraph loads them without checking them again (kg.validate.data.ValidationData)."""
    return validate_data(ValidationData(data, checked), shapes, allow_warnings)


def validate_data(held: ValidationData, shapes: Graph | None = None, allow_warnings: bool = True) -> Validation:
    """Validate the data ``held`` (validate_graph's options and results)."""
    shapes = shapes if shapes is not None else shapes_graph()
    plan = _plan(shapes)
    report = core.validate(plan.core, held, allow_warnings) or _empty_report(shapes)
    _add_results(report, whole_graph.validate(shapes, plan.whole_graph, held), shapes, held)
    passing = {SH.Info, SH.Warning} if allow_warnings else {SH.Info}
    conforms = all(report.value(r, SH.resultSeverity) in passing for r in report.objects(None, SH.result))
    node = report.value(predicate=RDF.type, object=SH.ValidationReport)
    report.set((node, SH.conforms, Literal(conforms)))
    return Validation(conforms, report, findings(report, held.view, shapes))


def findings(report: Graph, data: Graph | StoreView, shapes: Graph) -> tuple[Finding, ...]:
    """The report's results (its own sh:result values, not their details) as findings, in a stable order."""
    return tuple(
        sorted(
            (_finding(report, result, data, shapes) for result in report.objects(None, SH.result)),
            key=lambda f: (list(SEVERITIES.values()).index(f.severity), f.shape, f.focus, f.message),
        )
    )


def _source_shape(report: Graph, shapes: Graph, shape: URIRef) -> URIRef:
    """The named node shape behind a result (property shapes are blank nodes inside one)."""
    if isinstance(shape, URIRef):
        return shape
    parent = shapes.value(predicate=SH.property, object=shape)
    return parent if isinstance(parent, URIRef) else shape


def _finding(report: Graph, result: URIRef, data: Graph | StoreView, shapes: Graph) -> Finding:
    shape = _source_shape(report, shapes, report.value(result, SH.sourceShape))
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    return Finding(
        severity=SEVERITIES[report.value(result, SH.resultSeverity)],
        shape=str(shape),
        shape_label=str(shapes.value(shape, RDFS.label) or shape),
        focus=str(focus),
        path=str(path) if isinstance(path, URIRef) else None,
        value=str(value) if isinstance(value, URIRef | Literal) else None,
        message=messages[0] if messages else "",
        evidence=_evidence(data, focus),
        details=tuple(sorted(set(_details(report, shapes, result)))),
    )


def _details(report: Graph, shapes: Graph, result: URIRef) -> list[tuple[str, str]]:
    """The shapes and messages of the results under ``result``'s sh:detail, at any depth."""
    found = []
    for detail in report.objects(result, SH.detail):
        shape = _source_shape(report, shapes, report.value(detail, SH.sourceShape))
        messages = sorted(str(m) for m in report.objects(detail, SH.resultMessage))
        found.append((str(shape), messages[0] if messages else ""))
        found.extend(_details(report, shapes, detail))
    return found


def _claim_of(data: Graph | StoreView, node: URIRef) -> URIRef | None:
    """The claim behind a node: itself, the claim it derives from, or one that states it."""
    types = set(data.objects(node, RDF.type))
    if CSR.Claim in types:
        return node
    derived = sorted(c for c in data.objects(node, PROV.wasDerivedFrom) if (c, RDF.type, CSR.Claim) in data)
    if derived:
        return derived[0]
    if CSR.Metric in types:
        stating = sorted(
            {c for obs in data.subjects(CSR.metric, node) for c in data.subjects(CSR.hasObservation, obs)}
            | set(data.subjects(CSR.announcesMetric, node))
        )
        return stating[0] if stating else None
    return None


def _evidence(data: Graph | StoreView, focus: object) -> Evidence | None:
    if not isinstance(focus, URIRef):
        return None
    claim = _claim_of(data, focus)
    if claim is None:
        return None
    target = data.value(claim, CSR.hasQuote)
    quote = next(
        (str(data.value(s, OA.exact)) for s in data.objects(target, OA.hasSelector) if (s, OA.exact, None) in data),
        "",
    )
    section = data.value(data.value(claim, CSR.inSection), SKOS.notation)
    return Evidence(
        claim=str(data.value(claim, URIRef("http://purl.org/dc/terms/identifier")) or claim),
        section=str(section or ""),
        quote=quote,
    )
