"""An embedded Oxigraph store for corpora too big for an in-memory rdflib graph.

One report fits in rdflib's memory store, which stays the default. A corpus of hundreds of
reports goes into an on-disk Oxigraph store: it bulk-loads N-Triples in native code, keeps its
indexes on disk, and evaluates SPARQL itself. Users keep rdflib's API: ``open_graph`` returns an
``rdflib.Graph`` over the store (through oxrdflib), whose ``query`` is answered by Oxigraph.

The store holds the corpus and the ontology in its default graph, as ``kg.ontology.with_ontology``
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

from kg.ontology import ontology_graph
from kg.vocab import PREFIXES


class StoreError(Exception):
    """A store directory is missing, locked or not an Oxigraph store."""


def load_store(directory: Path, ntriples: Path) -> int:
    """Create the store ``directory`` from an N-Triples file plus the ontology; return its size.

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
        store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
        store.bulk_load(ontology_graph().serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
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


def open_graph(directory: Path) -> Graph:
    """A read-only rdflib graph over the store in ``directory``."""
    if not (directory / "CURRENT").is_file():
        raise StoreError(f"{directory}: not an Oxigraph store (build one with csrkg build --store)")
    try:
        store = ox.Store.read_only(str(directory))
    except OSError as exc:
        raise StoreError(f"{directory}: cannot open the store: {exc}") from None
    graph = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph
