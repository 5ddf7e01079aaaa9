"""A SELECT query's answer, from any engine: rdflib, Oxigraph or a remote endpoint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rows:
    """A SELECT result: its variables and rows of RDF terms (None where unbound).

    Terms are rdflib's (local rdflib graphs, remote endpoints) or Oxigraph's (kg.sparql.local);
    kg.sparql.results writes either kind the same way.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
