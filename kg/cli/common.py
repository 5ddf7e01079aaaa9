"""What the commands share: reading the graph a command works on, and checking where output goes."""

from __future__ import annotations

from pathlib import Path

import click
from rdflib import Graph

from kg.errors import InputError
from kg.rdf.build import build_graph
from kg.rdf.readers import read_rdf

DEFAULT_OUT = Path("csr-kg.ttl")


def load_graph(file: Path | None) -> Graph:
    """The graph in ``file``, or the bundled KG built in memory when no file is given.

    Errors are :class:`InputError` (exit status 2) naming the file and the parser's reason.
    """
    return build_graph() if file is None else read_rdf(file)


def output_file(path: Path) -> Path:
    """``path`` if a file can be written there: its directory must exist (a mistyped directory
    is the user's mistake to hear about, not a tree for csr-kg to create)."""
    parent = path.parent
    if not parent.is_dir():
        raise InputError(f"{path}: directory {parent} does not exist")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    return path


def check_base(ctx: object, param: object, value: str | None) -> str | None:
    """A click callback: a base IRI must end with ``/`` or ``#`` (instance IRIs are appended to it)."""
    if value is not None and not value.endswith(("/", "#")):
        raise click.BadParameter(f"{value!r} must end with '/' or '#'")
    return value


def check_scheduler(ctx: object, param: object, value: str | None) -> str | None:
    """A click callback: a Dask scheduler address names its transport and host."""
    from kg.workers import SCHEDULER_SCHEMES

    host = (value or "").partition("://")[2]
    if value is not None and (not value.startswith(SCHEDULER_SCHEMES) or not host):
        raise click.BadParameter(f"{value!r} is not a Dask scheduler address (e.g. tcp://10.0.0.5:8786)")
    return value
