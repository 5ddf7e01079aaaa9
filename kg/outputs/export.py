"""Export a csr-kg graph in the standard RDF serialisations, with a VoID + DCAT description.

* Every format is written from the same graph and parses back to an isomorphic one.
* TriG and N-Quads put each report in a named graph of its own, ``<report IRI>/graph``: the report node,
  its text, sections and claims with their quotes, observations and alignments, i.e. every
  subject whose IRI is the report's or lies under it. Entities, metrics and periods that
  several reports share stay in the default graph.
* JSON-LD is compacted with the context shipped in the package (``kg/vocab/context.jsonld``).
* ``--base`` moves instance IRIs to a publisher's domain, the same way in every format.
* The description's dates come from the input (the reports' curation dates), never the clock.
"""

from __future__ import annotations

import json
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from kg.rdf.formats import FORMATS
from kg.rdf.turtle import TrigSerializer, turtle
from kg.vocab.data import packaged
from kg.vocab.names import iri_slug
from kg.vocab.namespaces import CSR, DEFAULT_BASE, PREFIXES

VOID = Namespace("http://rdfs.org/ns/void#")
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def context() -> dict:
    """The JSON-LD context shipped with csr-kg."""
    return json.loads(packaged("vocab/context.jsonld").read_text(encoding="utf-8"))


def rebase(graph: Graph, base: str, old: str = DEFAULT_BASE) -> Graph:
    """A copy of ``graph`` whose IRIs under ``old`` are moved under ``base``."""
    if not base.endswith(("/", "#")):
        raise ValueError(f"base IRI must end with '/' or '#': {base!r}")

    def move(term):
        if isinstance(term, URIRef) and str(term).startswith(old):
            return URIRef(base + str(term)[len(old) :])
        return term

    moved = Graph()
    for prefix, namespace in graph.namespaces():
        moved.bind(prefix, namespace)
    for s, p, o in graph:
        moved.add((move(s), move(p), move(o)))
    return moved


def report_graph_iri(report: URIRef) -> URIRef:
    return URIRef(f"{report}/graph")


def dataset(graph: Graph) -> Dataset:
    """The graph split into one named graph per report, shared nodes in the default graph."""
    reports = sorted(graph.subjects(RDF.type, CSR.Report))
    ds = Dataset()
    for prefix, namespace in graph.namespaces():
        ds.bind(prefix, namespace)
    named = {r: ds.graph(report_graph_iri(r)) for r in reports}
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    for s, p, o in graph:
        owner = next((r for r in reports if s == r or str(s).startswith(f"{r}/")), None)
        (named[owner] if owner is not None else default).add((s, p, o))
    return ds


def serialise(graph: Graph, fmt: str) -> bytes:
    """``graph`` in ``fmt``, byte-identical for the same triples whatever PYTHONHASHSEED is.

    rdflib's JSON-LD, RDF/XML and TriG writers follow the order of sets and of the in-memory
    store, which changes with the hash seed; their input or output is put in a fixed order here.
    """
    if fmt == "trig":
        return _trig(dataset(graph))
    if fmt == "jsonld":
        data = graph.serialize(format="json-ld", context=context()["@context"], encoding="utf-8")
        return (json.dumps(_sorted_jsonld(json.loads(data)), indent=2, sort_keys=True, ensure_ascii=False)).encode()
    if fmt == "turtle":
        return turtle(graph)
    if fmt == "ntriples":
        return _sorted_lines(graph.serialize(format="nt", encoding="utf-8"))
    if fmt == "nquads":
        return _sorted_lines(dataset(graph).serialize(format="nquads", encoding="utf-8"))
    return _sorted_xmlns(_sorted_copy(graph).serialize(format=FORMATS[fmt].rdflib, encoding="utf-8"))


def _sorted_lines(data: bytes) -> bytes:
    """Line-based RDF (N-Triples, N-Quads) with its lines sorted.

    Split at "\\n" only: str.splitlines() also splits at U+2028, U+0085, \\x1c ... which
    N-Triples writes unescaped inside literals, cutting a triple in two.
    """
    lines = sorted(data.decode("utf-8").split("\n"))
    return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")


class _SortedGraph(Graph):
    """A graph that answers every triple pattern in sorted order.

    rdflib's in-memory store answers in an order that changes with PYTHONHASHSEED, and its
    RDF/XML writer nests each resource under the first subject it reaches that refers to it.
    Every Graph helper (subjects, predicate_objects, ``in`` ...) goes through ``triples``, which
    the writer calls some 20 times per triple, mostly with patterns it asked before: each term's
    N3 form, the sort key, is computed once (kept by term and language tag as written: rdflib
    counts "a"@EN and "a"@en as one term), and once :meth:`freeze` is called (the copy made, no
    triple added or removed after) each pattern's sorted answer is kept.
    """

    def __init__(self) -> None:
        super().__init__()
        self._n3: dict[tuple[Any, str | None], str] = {}
        self._answers: dict[tuple, list] | None = None

    def freeze(self) -> None:
        """Keep the sorted answer to each pattern from now on (the graph no longer changes)."""
        self._answers = {}

    def _n3_of(self, term: Any) -> str:
        seen = (term, getattr(term, "language", None))
        form = self._n3.get(seen)
        if form is None:
            form = self._n3[seen] = term.n3()
        return form

    def _key(self, triple: tuple) -> tuple[str, ...]:
        return tuple(self._n3_of(term) for term in triple)

    def triples(self, triple: Any) -> Any:  # type: ignore[override]
        if self._answers is None:
            return iter(sorted(super().triples(triple), key=self._key))
        answer = self._answers.get(triple)
        if answer is None:
            answer = self._answers[triple] = sorted(super().triples(triple), key=self._key)
        return iter(answer)


def _sorted_copy(graph: Graph) -> _SortedGraph:
    copy = _SortedGraph()
    for prefix, namespace in sorted(graph.namespaces()):
        copy.bind(prefix, namespace, override=True, replace=True)
    copy += graph
    copy.freeze()
    return copy


def _sorted_xmlns(data: bytes) -> bytes:
    """RDF/XML with the root element's namespace declarations in prefix order (rdflib writes them
    in the iteration order of a set of predicates, which changes with PYTHONHASHSEED)."""
    head, sep, rest = data.partition(b"\n>\n")
    lines = head.split(b"\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(b"<rdf:RDF"))
    return b"\n".join([*lines[: first + 1], *sorted(lines[first + 1 :])]) + sep + rest


def _sorted_jsonld(node: Any) -> Any:
    """JSON-LD with every array in a fixed order (its nodes and values are sets in RDF), except
    ``@list`` arrays, whose order is meaningful."""
    if isinstance(node, dict):
        return {k: (v if k == "@list" else _sorted_jsonld(v)) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted_jsonld(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def _trig(ds: Dataset) -> bytes:
    """TriG with the default graph first, then the named graphs by IRI (rdflib's own order
    comes from a set of graphs)."""
    writer = TrigSerializer(ds)
    writer.contexts.sort(key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)))
    out = BytesIO()
    writer.serialize(out, encoding="utf-8")
    return out.getvalue()


def parse(data: bytes, fmt: str) -> Graph:
    """Parse an export back into one graph (TriG's named graphs merged)."""
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=data, format=fmt)
        merged = Graph()
        for quad in ds.quads():
            merged.add(quad[:3])
        return merged
    return Graph().parse(data=data, format=FORMATS[fmt].rdflib.replace("pretty-xml", "xml"))


def describe(graph: Graph, dataset_iri: URIRef, distribution: str, fmt: str, endpoint: str | None = None) -> Graph:
    """A VoID + DCAT description of ``graph`` as exported to the file ``distribution``."""
    d = Graph()
    d.bind("void", VOID)
    d.bind("dcat", DCAT)
    d.bind("dcterms", DCTERMS)
    d.add((dataset_iri, RDF.type, VOID.Dataset))
    d.add((dataset_iri, RDF.type, DCAT.Dataset))
    d.add((dataset_iri, DCTERMS.title, Literal("csr-kg: corporate social responsibility claims", lang="en")))
    d.add(
        (
            dataset_iri,
            DCTERMS.description,
            Literal(
                "Claims of ESG reports as a knowledge graph; each claim is traceable to its verbatim quote, and the "
                "quotes remain the words of the reports' publishers.",
                lang="en",
            ),
        )
    )
    d.add((dataset_iri, DCTERMS.license, LICENCE))
    reports = sorted(graph.subjects(RDF.type, CSR.Report))
    for report in reports:
        d.add((dataset_iri, DCTERMS.source, report))
        title = graph.value(report, DCTERMS.title)
        if title is not None:
            d.add((report, DCTERMS.title, title))
    curated = sorted(str(v) for r in reports for v in graph.objects(r, CSR.curationDate))
    if curated:
        d.add((dataset_iri, DCTERMS.created, Literal(curated[-1], datatype=XSD.date)))
    d.add((dataset_iri, VOID.triples, Literal(len(graph))))
    subjects = {s for s in graph.subjects() if not isinstance(s, BNode)}
    d.add((dataset_iri, VOID.entities, Literal(len(subjects))))
    classes = Counter(o for o in graph.objects(None, RDF.type))
    for cls, count in sorted(classes.items()):
        part = URIRef(f"{dataset_iri}/class/{iri_slug(cls, PREFIXES)}")
        d.add((dataset_iri, VOID.classPartition, part))
        d.add((part, VOID["class"], cls))
        d.add((part, VOID.entities, Literal(count)))
    properties = Counter(graph.predicates())
    for prop, count in sorted(properties.items()):
        part = URIRef(f"{dataset_iri}/property/{iri_slug(prop, PREFIXES)}")
        d.add((dataset_iri, VOID.propertyPartition, part))
        d.add((part, VOID.property, prop))
        d.add((part, VOID.triples, Literal(count)))
    used = {str(t) for t in (*classes, *properties)}
    for namespace in sorted({str(ns) for ns in PREFIXES.values()} | _common(used)):
        if any(term.startswith(namespace) for term in used):
            d.add((dataset_iri, VOID.vocabulary, URIRef(namespace)))
    for claim in sorted(graph.subjects(RDF.type, CSR.Claim))[:3]:
        d.add((dataset_iri, VOID.exampleResource, claim))
    if endpoint:
        d.add((dataset_iri, VOID.sparqlEndpoint, URIRef(endpoint)))
    dist = URIRef(f"{dataset_iri}/distribution/{fmt}")
    d.add((dataset_iri, DCAT.distribution, dist))
    d.add((dist, RDF.type, DCAT.Distribution))
    d.add((dist, DCAT.downloadURL, URIRef(distribution)))
    d.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{FORMATS[fmt].media_type}")))
    d.add((dist, VOID.dataDump, URIRef(distribution)))
    return d


def _common(used: set[str]) -> set[str]:
    """Namespaces of reused W3C and Dublin Core vocabularies that the terms belong to."""
    known = (
        "http://www.w3.org/ns/prov#",
        "http://purl.org/dc/terms/",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/2000/01/rdf-schema#",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    )
    return {ns for ns in known if any(t.startswith(ns) for t in used)}


def export(graph: Graph, fmt: str, out: Path, base: str | None = None, endpoint: str | None = None) -> Path:
    """Write ``graph`` in ``fmt`` to ``out`` and its description to ``<out stem>.void.ttl``."""
    from kg.rdf.build import write_atomically

    if base:
        graph = rebase(graph, base)
    write_atomically(out, serialise(graph, fmt))
    dataset_iri = URIRef((base or DEFAULT_BASE) + "dataset")
    description = describe(graph, dataset_iri, out.name, fmt, endpoint)
    void_path = out.with_name(out.name.split(".")[0] + ".void.ttl")
    write_atomically(void_path, turtle(description))
    return void_path
