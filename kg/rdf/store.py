"""An embedded Oxigraph store for corpora too big for an in-memory rdflib graph.

One report fits in rdflib's memory store, which stays the default. A corpus of hundreds of
reports goes into an on-disk Oxigraph store: it bulk-loads N-Triples in native code, keeps its
indexes on disk, and evaluates SPARQL itself. Users keep rdflib's API: ``open_graph`` returns an
``rdflib.Graph`` over the store (through oxrdflib), whose ``query`` is answered by Oxigraph.

The store holds the corpus and the ontology in its default graph, as ``kg.vocab.ontology.with_ontology``
does for a file, so saved queries read labels and codes from it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import StoreError
from kg.rdf.native import open_native
from kg.vocab.namespaces import PREFIXES
from kg.vocab.ontology import ontology_graph


class NativeOxigraphStore(OxigraphStore):
    """oxrdflib's store, keeping the pyoxigraph store at hand: saved queries are answered by it
    directly (kg.sparql.saved.run_query), oxrdflib converting every term of every row afresh."""

    def __init__(self, native: ox.Store) -> None:
        super().__init__(store=native)
        self.native = native


def _load_corpus(store: ox.Store, corpus: Path) -> None:
    """Load an N-Triples or N-Quads corpus and the ontology into ``store``'s default graph.

    N-Quads are merged into the default graph, as the Turtle build has them.
    """
    if corpus.suffix == ".nq":
        quads = ox.parse(path=str(corpus), format=ox.RdfFormat.N_QUADS)
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    else:
        store.bulk_load(path=str(corpus), format=ox.RdfFormat.N_TRIPLES)
    store.bulk_load(ontology_graph().serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)


def load_store(directory: Path, corpus: Path) -> int:
    """Create the store ``directory`` from an N-Triples or N-Quads corpus plus the ontology;
    return its size.

    The store is built beside ``directory`` and moved into place when complete, so a failed
    load leaves a previous store as it was.
    """
    directory = directory.resolve()
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}.", suffix=".tmp"))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes 0700; the store is an ordinary directory
    try:
        store = ox.Store(str(staging))
        _load_corpus(store, corpus)
        store.optimize()
        size = len(store)
        del store  # closes the database before it moves
        _replace_dir(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return size


def _replace_dir(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``; an existing ``target`` is moved aside first, then deleted."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
        target.rename(old / target.name)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def open_graph(path: Path) -> Graph:
    """An rdflib graph answered by Oxigraph, with the ontology: over the store directory
    ``path`` (read-only, on disk), or over an N-Triples or N-Quads file loaded into memory.

    The on-disk store opens at once and needs little memory; the in-memory one loads first
    (about 0.4 KB a triple) and then answers queries several times faster.
    """
    if path.is_dir():
        store = open_native(path)
    elif path.suffix in (".nt", ".nq"):
        store = ox.Store()
        try:
            _load_corpus(store, path)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{path}: cannot load: {exc}") from None
    else:
        raise StoreError(f"{path}: give an Oxigraph store directory or an .nt or .nq file")
    graph = Graph(store=NativeOxigraphStore(store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph
