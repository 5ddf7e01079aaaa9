"""``csrkg publish``: replace a triple store's graph with the KG."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import load_graph
from kg.sparql.remote import RetryPolicy
from kg.sparql.remote import publish as publish_graph
from kg.vocab.ontology import with_ontology


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--store", required=True, help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://localhost:7878/store")
@click.option("--graph", "graph_iri", default=None, help="Named graph IRI to replace (default: the default graph).")
@click.option(
    "--update",
    default=None,
    help="SPARQL Update URL of the store (default: beside --store, e.g. http://localhost:7878/update).",
)
@click.option("--user", default=None, help="User name for HTTP basic authentication.")
@click.option("--password", default=None, help="Password for HTTP basic authentication.")
@click.option("--timeout", default=300.0, show_default=True, type=click.FloatRange(min=0.1), help="Per request, s.")
@click.option(
    "--attempts",
    default=4,
    show_default=True,
    type=click.IntRange(min=1),
    help="Tries per request after dropped connections, timeouts and 5xx answers.",
)
def publish(
    file: Path | None,
    store: str,
    graph_iri: str | None,
    update: str | None,
    user: str | None,
    password: str | None,
    timeout: float,
    attempts: int,
) -> None:
    """Replace a store's graph with FILE (default: the bundled KG), ontology included.

    The graph is uploaded into a staging graph and moved over the target by one SPARQL Update,
    so a failure half-way leaves the previous graph in place.
    """
    graph = with_ontology(load_graph(file))
    policy = RetryPolicy(attempts=attempts, timeout=timeout)
    how = publish_graph(graph, store, graph_iri, user, password, update=update, policy=policy)
    click.echo(
        f"published {len(graph)} triples to {store} ({'staged and moved' if how == 'moved' else 'PUT'})", err=True
    )
