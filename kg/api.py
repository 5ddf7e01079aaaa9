"""A Python API for notebooks: load a KG and run saved queries by name with parameters.

>>> from kg import api
>>> graph = api.load()                       # the bundled KG with the ontology
>>> rows = api.run("missing-figures", graph)  # list of dicts of Python values
>>> frame = api.dataframe("kpi-disclosure", graph, report="xiaomi-2019")
>>> table = api.facts(graph)                  # one row per observation (pandas, csr-kg[tables])
>>> wide = api.panel(graph)                   # one row per report, one column per catalogue metric

Parameter values are rdflib terms (``URIRef``, ``Literal``), Turtle terms as text
(``"<https://...>"``, ``'"water"@en'``), or, for parameters that take a resource, a name the
graph knows (``report="xiaomi-2019"``, ``sdg="9"``), resolved as ``csrkg query --param`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from kg.rdf.build import build_graph
from kg.rdf.readers import read_rdf
from kg.rdf.store import open_graph
from kg.sparql.lookups import GraphLookups
from kg.sparql.remote import run_remote
from kg.sparql.resolve import resolved_names
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
    names = resolved_names(GraphLookups(graph), query, params)
    return run_local(graph, query, {**params, **{name: URIRef(iri) for name, iri in names.items()}})


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


def facts(graph: Graph | None = None, reports: Sequence[str] = ()) -> Any:
    """One row per observation, as ``csrkg table`` writes it, as a pandas DataFrame (csr-kg[tables]).

    Columns and dtypes are those the README documents (kg.outputs.tables.FACT_COLUMNS,
    kg.outputs.frames.PANDAS_DTYPES); ``reports`` keeps the rows of those report identifiers.
    """
    from kg.outputs.frames import frame
    from kg.outputs.tables import as_native
    from kg.outputs.tables import facts as fact_table

    return frame(fact_table(as_native(graph if graph is not None else load()), reports))


def panel(graph: Graph | None = None, reports: Sequence[str] = (), long: bool = False) -> Any:
    """The company-year panel of ``csrkg panel`` as a DataFrame: one row per report, one column per
    catalogue metric in its canonical unit (``not-disclosed`` cells make a column text), or with
    ``long`` one row per report and metric, with its status and the claims behind it."""
    from kg.outputs.frames import frame
    from kg.outputs.panel import NOT_DISCLOSED
    from kg.outputs.panel import panel as make_panel
    from kg.outputs.tables import as_native

    made = make_panel(as_native(graph if graph is not None else load()), reports)
    return frame(made.long) if long else frame(made.wide, (NOT_DISCLOSED,))
