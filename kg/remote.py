"""Reach triple stores: run saved queries on a SPARQL endpoint, publish a graph to a Graph Store.

SPARQLWrapper is the SPARQL Protocol client; publishing uses the SPARQL 1.1 Graph Store HTTP
Protocol (an HTTP PUT replaces the target graph, so publishing twice leaves one copy, and a store
that rejects the upload keeps the graph it had).
"""

from __future__ import annotations

import requests
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.queries import Rows, SavedQuery


class RemoteError(Exception):
    """A store or endpoint refused or could not be reached; the message says which and why."""


def _term(binding: dict[str, str]) -> Node:
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    return Literal(value, datatype=URIRef(binding["datatype"]) if "datatype" in binding else None)


def run_remote(endpoint: str, query: SavedQuery, values: dict[str, str] | None = None, timeout: int = 60) -> Rows:
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(timeout)
    client.setQuery(query.bind(values))
    try:
        doc = client.queryAndConvert()
    except (SPARQLWrapperException, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RemoteError(f"{endpoint}: query {query.name} failed: {first}") from None
    variables = tuple(doc["head"]["vars"])
    rows = tuple(tuple(_term(b[v]) if v in b else None for v in variables) for b in doc["results"]["bindings"])
    return Rows(variables, rows)


def publish(
    graph: Graph,
    store: str,
    graph_iri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: int = 300,
) -> None:
    """Replace the store's default graph (or ``graph_iri``) with ``graph``."""
    params = {"graph": graph_iri} if graph_iri else {"default": ""}
    body = graph.serialize(format="nt", encoding="utf-8")
    auth = (user, password or "") if user else None
    try:
        response = requests.put(
            store,
            params=params,
            data=body,
            auth=auth,
            timeout=timeout,
            headers={"Content-Type": "application/n-triples"},
        )
    except requests.RequestException as exc:
        raise RemoteError(f"{store}: upload failed: {exc}") from None
    if response.status_code not in (200, 201, 204):
        detail = " ".join(response.text.split())[:200]
        raise RemoteError(f"{store}: upload refused with HTTP {response.status_code}: {detail}")
