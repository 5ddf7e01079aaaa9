"""Reading an RDF file's bytes, with the one-line errors every command that reads a graph gives.

Kept apart from :mod:`kg.rdf.readers` (which imports rdflib) so that the Oxigraph path
(:mod:`kg.rdf.native`) reads files the same way without loading rdflib.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError


def read_graph_bytes(path: Path) -> bytes:
    """The bytes of the local RDF file ``path``; a missing file, a directory or an unreadable
    file is an :class:`InputError` naming it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not an RDF file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror}") from None
