"""Build report folders into one Turtle file, deterministically and atomically.

Output goes to a dot-prefixed temporary file beside the target and is renamed over it once
complete and synced, so a reader, or a run killed at any moment, sees the old file or the new
one. The temporary name carries the writer's process id: a run killed by SIGKILL cannot remove
its temporary file, so the next write to the same target removes those whose process is gone
(never another live writer's). SIGTERM is turned into a normal exit by the command line, so a
terminated run removes its own.
"""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from kg.ingest.loader import load_reports
from kg.rdf.iris import Minter
from kg.rdf.mapping import report_graph
from kg.rdf.turtle import turtle
from kg.vocab.data import bundled_reports


def build_graph(folders: list[Path] | None = None, base: str | None = None) -> Graph:
    """Load the given report folders (default: the bundled ones) and map them to RDF."""
    reports = load_reports(folders or bundled_reports())
    return report_graph(reports, Minter(base) if base else Minter())


def serialise(graph: Graph) -> bytes:
    """Canonical Turtle: rdflib's longturtle sorts subjects and objects, so output is stable
    (written by kg.rdf.turtle, the same bytes in a fraction of the time)."""
    return turtle(graph)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove temporary files of earlier writes to ``path`` whose writing process has died.

    Returns what was removed. A file whose process id is alive is kept even if that id was
    reused by an unrelated process: a leftover dot-file is harmless, a removed live one is not.
    """
    removed = []
    for candidate in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = candidate.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


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
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
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
