"""A per-user cache of the literals a document holds in forms Oxigraph would not give back.

Finding them (kg.rdf.native) means iterating over every parsed triple in Python, which takes
longer than Oxigraph's own load of the document. The forms depend on the document's bytes only,
so they are kept on first use under a key made of a hash of those bytes; the next load of the
same document (the bundled ontology on every run, a KG file queried again) is Oxigraph's native
load plus reading this small file. Entries are N-Triples, written atomically; a missing,
unreadable or corrupt entry is recomputed, and a cache that cannot be written is skipped.
The directory is ``$CSRKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/csr-kg``, else ``~/.cache/csr-kg``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

VERSION = f"1-{ox.__version__}"  # Oxigraph's canonical forms may change with its version
_CANONICAL = ox.NamedNode("urn:x-csr-kg:canonical")
_ORIGINAL = ox.NamedNode("urn:x-csr-kg:original")
Groups = dict[ox.Literal, set[ox.Literal]]


def cache_dir() -> Path:
    if os.environ.get("CSRKG_CACHE_DIR"):
        return Path(os.environ["CSRKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "csr-kg"


def key(data: bytes, fmt: ox.RdfFormat) -> str:
    digest = hashlib.blake2b(data, digest_size=20)
    digest.update(f"\0{fmt.media_type}\0{VERSION}".encode())
    return digest.hexdigest()


def read(name: str) -> Groups | None:
    """The groups (canonical form -> the document's forms of it) stored under ``name``, if any."""
    path = cache_dir() / f"{name}.nt"
    try:
        data = path.read_bytes()
        triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    except (OSError, SyntaxError):
        return None
    canonical: dict[ox.BlankNode, ox.Literal] = {}
    forms: dict[ox.BlankNode, set[ox.Literal]] = {}
    for triple in triples:
        if triple.predicate == _CANONICAL:
            canonical[triple.subject] = triple.object
        elif triple.predicate == _ORIGINAL:
            forms.setdefault(triple.subject, set()).add(triple.object)
    if set(canonical) != set(forms):
        return None
    return {canonical[node]: forms[node] for node in canonical}


def write(name: str, groups: Groups) -> None:
    """Store ``groups`` under ``name`` (atomically; nothing happens if the cache cannot be written)."""
    triples = []
    for index, (canonical, forms) in enumerate(groups.items()):
        node = ox.BlankNode(f"g{index}")
        triples.append(ox.Triple(node, _CANONICAL, canonical))
        triples.extend(ox.Triple(node, _ORIGINAL, form) for form in forms)
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
            os.replace(temporary, directory / f"{name}.nt")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
