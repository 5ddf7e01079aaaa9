"""The mini report's KG broken once per shape fixture (tests/fixtures/shapes/*.ru), validated once.

test_shapes (each fixture trips its shape) and test_validate_parity (csr-kg's engine gives
pySHACL's results) read the same broken graphs and the same engine results; pySHACL's reference
run on a fixture takes some 2.5 CPU-seconds and is asked for by two of the parity tests. Each is
made on first use and kept for the session (the session fixture ``shape_patches``); the graphs
and results are read, never changed.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.validate.shacl import Validation, validate_graph
from tests.support.paths import FIXTURES
from tests.support.pyshacl_reference import validate_with_pyshacl

PATCHES = sorted((FIXTURES / "shapes").glob("*.ru"))


class ShapePatches:
    """``mini`` and, by fixture, the graph it breaks and that graph's validations (warnings allowed)."""

    def __init__(self, mini: Graph) -> None:
        self.mini = mini
        self._broken: dict[Path, Graph] = {}
        self._engine: dict[Path, Validation] = {}
        self._reference: dict[Path, Validation] = {}

    def broken(self, patch: Path) -> Graph:
        """A copy of ``mini`` with the fixture's SPARQL Update applied."""
        if patch not in self._broken:
            graph = Graph() + self.mini
            graph.update(patch.read_text(encoding="utf-8"))
            self._broken[patch] = graph
        return self._broken[patch]

    def validation(self, patch: Path) -> Validation:
        """csr-kg's engine on the broken graph (kg.validate.shacl.validate_graph)."""
        if patch not in self._engine:
            self._engine[patch] = validate_graph(self.broken(patch))
        return self._engine[patch]

    def reference(self, patch: Path) -> Validation:
        """pySHACL alone on the broken graph (tests/support/pyshacl_reference.py)."""
        if patch not in self._reference:
            self._reference[patch] = validate_with_pyshacl(self.broken(patch))
        return self._reference[patch]
