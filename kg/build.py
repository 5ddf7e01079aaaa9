"""Build report folders into one Turtle file, deterministically and atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from kg.iris import Minter
from kg.loader import load_reports
from kg.rdf import report_graph
from kg.resources import bundled_reports


def build_graph(folders: list[Path] | None = None, base: str | None = None) -> Graph:
    """Load the given report folders (default: the bundled ones) and map them to RDF."""
    reports = load_reports(folders or bundled_reports())
    return report_graph(reports, Minter(base) if base else Minter())


def serialise(graph: Graph) -> bytes:
    """Canonical Turtle: rdflib's longturtle sorts subjects and objects, so output is stable."""
    return graph.serialize(format="longturtle", encoding="utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    with atomic_output(path) as handle:
        handle.write(data)


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A file to stream into that replaces ``path`` only when the block ends without an error.

    It is a hidden temporary file beside ``path`` (the same file system, so the final rename is
    atomic), removed if anything fails on the way.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the output is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
