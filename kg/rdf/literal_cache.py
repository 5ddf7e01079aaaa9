"""A per-user cache of the literals a document holds in forms Oxigraph would not give back.

Finding them (kg.rdf.native) means iterating over every parsed triple in Python, which takes
longer than Oxigraph's own load of the document. The forms depend on the documents' bytes only,
so they are kept on first use under a key made of a hash of those bytes; the next load of the
same documents (the bundled ontology's files, one entry for all of them, on every run; a KG file
queried again) is Oxigraph's native load plus reading this small file. Every form is a typed
literal (plain strings and language-tagged ones never change), so an entry is JSON of lexical
forms and datatype IRIs, which the C JSON reader takes in a few milliseconds where parsing the
same as N-Triples took ten times that. Entries are written atomically; a missing, unreadable or
corrupt entry is recomputed, and a cache that cannot be written is skipped.
The directory is ``$CSRKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/csr-kg``, else ``~/.cache/csr-kg``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

VERSION = f"2-{ox.__version__}"  # Oxigraph's canonical forms may change with its version
Groups = dict[ox.Literal, set[ox.Literal]]


def cache_dir() -> Path:
    if os.environ.get("CSRKG_CACHE_DIR"):
        return Path(os.environ["CSRKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "csr-kg"


def key(documents: list[tuple[bytes, ox.RdfFormat]]) -> str:
    """The entry's name for documents loaded together (the ontology's files are one entry)."""
    digest = hashlib.blake2b(VERSION.encode(), digest_size=20)
    for data, fmt in documents:
        digest.update(f"\0{len(data)}\0{fmt.media_type}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def entry(name: str) -> Path:
    """The file holding the entry ``name``."""
    return cache_dir() / f"{name}.json"


def read(name: str) -> Groups | None:
    """The groups (canonical form -> the document's forms of it) stored under ``name``, if any."""
    try:
        stored = json.loads(entry(name).read_bytes())
        datatypes = [ox.NamedNode(iri) for iri in stored["datatypes"]]
        return {
            ox.Literal(value, datatype=datatypes[kind]): {ox.Literal(v, datatype=datatypes[k]) for v, k in forms}
            for value, kind, forms in stored["groups"]
        }
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None


def write(name: str, groups: Groups) -> None:
    """Store ``groups`` under ``name`` (atomically; nothing happens if the cache cannot be written)."""
    datatypes: dict[str, int] = {}

    def coded(literal: ox.Literal) -> list[object]:
        return [literal.value, datatypes.setdefault(literal.datatype.value, len(datatypes))]

    rows = [[*coded(canonical), [coded(form) for form in forms]] for canonical, forms in groups.items()]
    document = json.dumps({"datatypes": list(datatypes), "groups": rows}, ensure_ascii=False).encode("utf-8")
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(document)
            os.replace(temporary, entry(name))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
