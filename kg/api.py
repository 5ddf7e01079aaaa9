"""A Python API for notebooks: load a KG and run saved queries by name with parameters.

>>> from kg import api
>>> graph = api.load()                       # the bundled KG with the ontology
>>> rows = api.run("missing-figures", graph)  # list of dicts of Python values
>>> frame = api.dataframe("kpi-disclosure", graph, report="xiaomi-2019")

Parameter values are rdflib terms (``URIRef``, ``Literal``), Turtle terms as text
(``"<https://...>"``, ``'"water"@en'``), or, for parameters that take a resource, a name the
graph knows (``report="xiaomi-2019"``, ``sdg="9"``), resolved as ``csrkg query --param`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.rdf.build import build_graph
from kg.rdf.readers import read_rdf
from kg.rdf.store import open_graph
from kg.sparql.remote import run_remote
from kg.sparql.resolve import resolve_parameters
from kg.sparql.saved import Rows, find_query, run_local
from kg.vocab.ontology import with_ontology


def load(path: str | Path | None = None) -> Graph:
    """The KG in ``path`` (any RDF file rdflib reads, or an Oxigraph store directory made by
    ``csrkg build --store``), or the bundled one, with the ontology.

    The ontology and its schemes come along because saved queries read their labels and codes.
    A store is opened read-only, not copied into memory; Oxigraph answers its queries. A file
    is read without following anything it references (see kg.rdf.readers).
    """
    if path is not None and Path(path).is_dir():
        return open_graph(Path(path))
    return with_ontology(build_graph() if path is None else read_rdf(path))


def rows(name: str, graph: Graph | None = None, endpoint: str | None = None, **params: object) -> Rows:
    """Run a saved query (by name or ``.rq`` path) on a graph or a remote endpoint.

    Names are resolved to IRIs in the local graph; an endpoint is sent IRIs and literals only.
    """
    query = find_query(name)
    if endpoint is not None:
        return run_remote(endpoint, query, params)
    graph = graph if graph is not None else load()
    return run_local(graph, query, resolve_parameters(graph, query, params))


def run(name: str, graph: Graph | None = None, endpoint: str | None = None, **params: object) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values (numbers, strings, IRIs as strings)."""
    result = rows(name, graph, endpoint, **params)
    return [
        {var: (None if term is None else term.toPython()) for var, term in zip(result.variables, row, strict=True)}
        for row in result.rows
    ]


def dataframe(name: str, graph: Graph | None = None, endpoint: str | None = None, **params: object) -> Any:
    """The rows as a pandas DataFrame (needs pandas, which csr-kg does not install)."""
    import pandas as pd

    result = rows(name, graph, endpoint, **params)
    records = [[None if t is None else t.toPython() for t in row] for row in result.rows]
    return pd.DataFrame.from_records(records, columns=list(result.variables))
