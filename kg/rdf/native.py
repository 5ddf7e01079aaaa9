"""A graph held in pyoxigraph for a command to query, with the graph's exact terms kept at hand.

``csrkg query`` and ``csrkg serve`` load the file they are given straight into an Oxigraph store
(Turtle, N-Triples, N-Quads and TriG are parsed by Oxigraph itself; other formats go through the
safe rdflib readers of kg.rdf.readers first) and add the ontology, parsed by Oxigraph from the
shipped Turtle (about 20 ms; the forms of its literals are one kg.rdf.literal_cache entry).
rdflib is not imported on this path at all: it costs more to import than Oxigraph takes to load
and answer.

Oxigraph stores numbers, booleans and dates in a canonical binary form, so it answers
``"7665000"^^xsd:decimal`` for the graph's ``"7665000.0"`` and ``xsd:integer`` for its
``xsd:nonNegativeInteger`` offsets. While loading, every literal whose stored form differs is
recorded with the form the graph has (:attr:`NativeGraph.originals`), and answers give the
graph's term back, so that they equal rdflib's term for term. A canonical form that stands for
two different terms of the graph (``"12"^^xsd:integer`` and ``"12"^^xsd:nonNegativeInteger``
both present) is ambiguous and left as Oxigraph gives it; such forms are counted in
:attr:`NativeGraph.ambiguous`. Language tags are lower-cased by Oxigraph's parser, which RDF
allows (tags compare case-insensitively, rdflib's included).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, StoreError
from kg.rdf import literal_cache
from kg.rdf.files import read_graph_bytes
from kg.vocab.data import packaged

XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = XSD + "string"
_NATIVE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}
# The ontology is there when both a link property and an SDG label are (as kg.vocab.ontology.with_ontology tests).
_STATED_RELATION = ox.NamedNode("https://w3id.org/csr-kg/ontology#statedRelation")
_SUB_PROPERTY_OF = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")
_SDG_1 = ox.NamedNode("http://metadata.un.org/sdg/1")
_PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
_PROBE = "urn:x-csr-kg:canonical:"
_TYPED = f'"^^<{XSD}'.encode()
Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class NativeGraph:
    """An Oxigraph store holding one graph (in its default graph), and the graph's own literals
    for the canonical forms Oxigraph answers instead."""

    store: ox.Store
    _seen: dict[ox.Literal, set[ox.Literal]] = field(default_factory=dict, repr=False)
    _exact: tuple[dict[ox.Literal, ox.Literal], int] | None = field(default=None, repr=False)

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add triples (any graph name is dropped: the graph is one graph) and record their exact literals."""
        batch = list(quads)
        if any(not isinstance(q.graph_name, ox.DefaultGraph) for q in batch):
            batch = [ox.Quad(*q.triple) for q in batch]
        self.store.extend(batch)
        self._merge(_groups(batch))

    def add_ntriples(self, data: bytes) -> None:
        """Add N-Triples written and checked in this process (kg.rdf.corpus.ntriples_lines),
        loaded by Oxigraph itself when they have no blank node (its loader would rename them),
        with only the lines of typed literals parsed here for their forms; else as :meth:`add`.
        Loaded leniently (no second check of IRIs and language tags): the same triples, loaded
        in about half the time."""
        if b"_:" in data:
            self.add(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
            return
        self.store.load(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
        # A typed literal is written ``"..."^^<datatype>``; other lines may be parsed too (the
        # marker inside a string), and _groups leaves their literals out as it does in add.
        typed = b"\n".join(_lines_with(data, _TYPED))
        self._merge(_groups(list(ox.parse(typed, format=ox.RdfFormat.N_TRIPLES, lenient=True))))

    def add_document(self, data: bytes, fmt: ox.RdfFormat) -> None:
        """Add a Turtle or N-Triples document (see :meth:`add_documents`)."""
        self.add_documents([(data, fmt)])

    def add_documents(self, documents: list[tuple[bytes, ox.RdfFormat]]) -> None:
        """Add Turtle or N-Triples documents: loaded by Oxigraph itself when their literal forms
        are in kg.rdf.literal_cache (one entry for them all), else parsed here and their forms cached."""
        name = literal_cache.key(documents)
        groups = literal_cache.read(name)
        if groups is None:
            groups = {}
            for data, fmt in documents:
                batch = list(ox.parse(data, format=fmt, rename_blank_nodes=True))
                self.store.extend(batch)
                for canonical, forms in _groups(batch).items():
                    groups.setdefault(canonical, set()).update(forms)
            literal_cache.write(name, groups)
        else:
            for data, fmt in documents:
                self.store.load(data, format=fmt)  # blank nodes get fresh identifiers per load
        self._merge(groups)

    def _merge(self, groups: dict[ox.Literal, set[ox.Literal]]) -> None:
        """Add documents' literal forms (originals and ambiguity are worked out when first asked for)."""
        seen = self._seen
        for canonical, forms in groups.items():
            known = seen.get(canonical)
            if known is None:
                seen[canonical] = set(forms)
            else:
                known.update(forms)
        self._exact = None

    def _originals(self) -> tuple[dict[ox.Literal, ox.Literal], int]:
        """The originals and the count of ambiguous forms, computed once after the last addition."""
        if self._exact is None:
            originals = {}
            ambiguous = 0
            for canonical, forms in self._seen.items():
                if len(forms) > 1:
                    ambiguous += 1
                elif (original := next(iter(forms))) != canonical:
                    originals[canonical] = original
            self._exact = (originals, ambiguous)
        return self._exact

    @property
    def originals(self) -> dict[ox.Literal, ox.Literal]:
        """Canonical form -> the one literal of the graph stored in that form, where the two differ."""
        return self._originals()[0]

    @property
    def ambiguous(self) -> int:
        """How many canonical forms stand for more than one literal of the graph (left as Oxigraph gives them)."""
        return self._originals()[1]

    def exact(self, term: Term | None) -> Term | None:
        """``term`` as the graph has it (the identity for all but canonicalised literals)."""
        if isinstance(term, ox.Literal):
            return self._originals()[0].get(term, term)
        return term

    def has_ontology(self) -> bool:
        return next(self.store.quads_for_pattern(None, _SUB_PROPERTY_OF, _STATED_RELATION), None) is not None and (
            next(self.store.quads_for_pattern(_SDG_1, _PREF_LABEL, None), None) is not None
        )

    def add_ontology(self) -> None:
        """Add the ontology and its concept schemes unless the graph carries them already."""
        if self.has_ontology():
            return
        paths = sorted(packaged("ontology").glob("*.ttl"))
        self.add_documents([(path.read_bytes(), ox.RdfFormat.TURTLE) for path in paths])

    def __len__(self) -> int:
        return len(self.store)


def _groups(quads: list[ox.Quad]) -> dict[ox.Literal, set[ox.Literal]]:
    """The canonical form Oxigraph stores for each typed literal of ``quads`` (but plain strings),
    with the literals of that form as the document writes them."""
    literal = ox.Literal
    objects = {o for o in (q.object for q in quads) if type(o) is literal}
    ordered = [o for o in objects if o.datatype.value.startswith(XSD) and o.datatype.value != _XSD_STRING]
    probe = ox.Store()
    predicate = ox.NamedNode(_PROBE + "p")
    probe.extend(ox.Quad(ox.NamedNode(f"{_PROBE}{i}"), predicate, lit) for i, lit in enumerate(ordered))
    groups: dict[ox.Literal, set[ox.Literal]] = {}
    for quad in probe:
        groups.setdefault(quad.object, set()).add(ordered[int(quad.subject.value[len(_PROBE) :])])
    return groups


def _lines_with(data: bytes, marker: bytes) -> Iterator[bytes]:
    """The lines of ``data`` that hold ``marker``, each once."""
    at = data.find(marker)
    while at != -1:
        start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
        end = len(data) if end == -1 else end
        yield data[start:end]
        at = data.find(marker, end)


def _parsed(path: Path, data: bytes) -> Iterator[ox.Quad]:
    fmt = _NATIVE_FORMATS.get(path.suffix.lower())
    if fmt is not None:
        return ox.parse(data, format=fmt, rename_blank_nodes=True)
    # RDF/XML, JSON-LD and the rest: the hardened rdflib readers, then N-Triples into Oxigraph.
    from kg.rdf.readers import read_rdf

    nt = read_rdf(path).serialize(format="nt", encoding="utf-8")
    return ox.parse(nt, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True)


def load_file(path: Path, ontology: bool = True) -> NativeGraph:
    """The graph in the local file ``path``, with the ontology unless ``ontology`` is false.

    Errors are :class:`InputError` naming the file and, for a syntax error, its line and column,
    as kg.rdf.readers.read_rdf reports them; a file with no triples is an error too.
    """
    data = read_graph_bytes(path)
    graph = NativeGraph(ox.Store())
    fmt = _NATIVE_FORMATS.get(path.suffix.lower())
    try:
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
            graph.add_document(data, fmt)
        else:
            graph.add(_parsed(path, data))
    except SyntaxError as exc:
        from kg.rdf.readers import read_rdf

        read_rdf(path)  # rdflib's reason, as every command reports a file that does not parse
        raise InputError(f"{path}: not a parsable RDF file: {' '.join(str(exc).split())}") from None
    if len(graph) == 0:
        what = "empty" if not data.strip() else "no RDF triples in it"
        raise InputError(f"{path}: not an RDF graph ({what})")
    if ontology:
        graph.add_ontology()
    return graph


def from_ntriples(data: bytes, ontology: bool = True) -> NativeGraph:
    """A graph from N-Triples made in this process (the bundled KG built by rdflib), with the ontology."""
    graph = NativeGraph(ox.Store())
    graph.add_document(data, ox.RdfFormat.N_TRIPLES)
    if ontology:
        graph.add_ontology()
    return graph


def open_native(path: Path) -> ox.Store:
    """The Oxigraph store directory ``path``, opened read-only."""
    if not (path / "CURRENT").is_file():
        raise StoreError(f"{path}: not an Oxigraph store (build one with csrkg build --store)")
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
