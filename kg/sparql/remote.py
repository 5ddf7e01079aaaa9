"""Run saved queries on a remote SPARQL endpoint (the SPARQL 1.1 Protocol, results as JSON).

A query reads only, so it is sent again after a failed connection or a gateway's 502 or 504
(see :mod:`kg.sparql.retrying`); a 4xx (a malformed or refused query) is final, and so are 500
and 503, which are usually about the query itself (an evaluation error, a time limit hit),
where repeating it would only repeat the cost. Publishing a graph to a store is
:mod:`kg.outputs.publish`.
"""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import RemoteError
from kg.extras import require
from kg.sparql.retrying import RetryPolicy, describe, retrying_session
from kg.sparql.saved import Rows, SavedQuery

# Gateway errors are about the path to the endpoint, not the query.
QUERY_RETRY_STATUS = frozenset({502, 504})
RESULTS_JSON = "application/sparql-results+json"


def json_term(binding: dict[str, str]) -> Node:
    """The RDF term of one binding in the SPARQL 1.1 JSON results format."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    return Literal(value, datatype=URIRef(binding["datatype"]) if "datatype" in binding else None)


def run_remote(
    endpoint: str,
    query: SavedQuery,
    values: dict[str, str] | None = None,
    timeout: int = 60,
    policy: RetryPolicy | None = None,
) -> Rows:
    """Run a saved query on a remote endpoint by the SPARQL 1.1 Protocol (POST, URL-encoded)."""
    policy = policy or RetryPolicy(attempts=3, backoff=0.5, timeout=timeout)
    requests = require("requests", "remote", "querying a remote endpoint")
    session = retrying_session(policy, {"POST"}, QUERY_RETRY_STATUS)
    try:
        response = session.post(
            endpoint, data={"query": query.bind(values)}, headers={"Accept": RESULTS_JSON}, timeout=policy.timeout
        )
    except requests.RequestException as exc:
        raise RemoteError(f"{endpoint}: query {query.name} failed: {describe(exc, policy.timeout)}") from None
    finally:
        session.close()
    if response.status_code != 200:
        detail = " ".join(response.text.split())[:200]
        raise RemoteError(f"{endpoint}: query {query.name} failed: HTTP {response.status_code}: {detail}")
    try:
        doc = response.json()
        variables = tuple(doc["head"]["vars"])
        bindings = doc["results"]["bindings"]
        rows = tuple(tuple(json_term(b[v]) if v in b else None for v in variables) for b in bindings)
    except (ValueError, KeyError, TypeError) as exc:
        raise RemoteError(f"{endpoint}: query {query.name}: the answer is not SPARQL JSON results ({exc})") from None
    return Rows(variables, rows)
