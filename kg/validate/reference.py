"""pySHACL alone on the whole shapes graph: the reference the faster engines are held to.

``csrkg validate`` answers with kg.validate.shacl, which splits the work between Oxigraph,
pyshacl-turbo and pySHACL; the parity tests and benchmarks/validate_vs_build.py compare it with
this plain run, which is how csr-kg validated before.
"""

from __future__ import annotations

from pyshacl import validate
from rdflib import Graph

from kg.validate.data import ValidationData
from kg.validate.shacl import Validation, findings, shapes_graph


def validate_with_pyshacl(data: Graph, shapes: Graph | None = None, allow_warnings: bool = True) -> Validation:
    """``data`` with the ontology validated by pySHACL against ``shapes`` (default: csr-kg's)."""
    shapes = shapes if shapes is not None else shapes_graph()
    conforms, report, _ = validate(
        ValidationData(data).combined,
        shacl_graph=shapes,
        inference="none",
        allow_warnings=allow_warnings,
        allow_infos=True,
    )
    return Validation(bool(conforms), report, findings(report, data, shapes))
