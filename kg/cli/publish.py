"""``csrkg publish``: replace a triple store's graph with the KG."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import load_graph
from kg.errors import InputError
from kg.extras import require
from kg.outputs.publish import check_target
from kg.outputs.publish import publish as publish_graph
from kg.sparql.retrying import RetryPolicy
from kg.vocab.ontology import with_ontology

# The password from the environment, so that scripts need not put it on a command line (which
# other users of the machine can read in the process list).
PASSWORD_ENV = "CSRKG_STORE_PASSWORD"


def _credentials(user: str | None, password: str | None) -> tuple[str | None, str | None]:
    """``--user`` needs a password: given, or asked for (hidden) when a terminal is attached."""
    if password is not None and user is None:
        raise InputError(f"--password (or {PASSWORD_ENV}) needs --user")
    if user is not None and password is None:
        if not sys.stdin.isatty():
            raise InputError(f"--user needs --password or {PASSWORD_ENV} (or a terminal to be asked for it)")
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    return user, password


def _progress(message: str) -> None:
    """Retries are told on stderr when a person watches it, and not in logs and pipes."""
    if sys.stderr.isatty():
        click.echo(f"csrkg publish: {message}", err=True)


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--store-url",
    "store",
    required=True,
    metavar="URL",
    help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://localhost:7878/store",
)
@click.option(
    "--graph",
    "graph_iri",
    default=None,
    metavar="IRI",
    help="Absolute IRI of the named graph to replace (default: the default graph).",
)
@click.option(
    "--update",
    default=None,
    metavar="URL",
    help="SPARQL Update URL of the store (default: beside --store-url, e.g. http://localhost:7878/update).",
)
@click.option("--user", default=None, help="User name for HTTP authentication.")
@click.option(
    "--password",
    default=None,
    envvar=PASSWORD_ENV,
    show_envvar=True,
    help="Password for HTTP authentication (asked for when omitted on a terminal; prefer the variable to the option).",
)
@click.option(
    "--auth",
    default="basic",
    show_default=True,
    type=click.Choice(["basic", "digest"]),
    help="HTTP authentication scheme: digest for Virtuoso's /sparql-graph-crud-auth.",
)
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
    auth: str,
    timeout: float,
    attempts: int,
) -> None:
    """Replace a store's graph with FILE (default: the bundled KG), ontology included.

    The graph is uploaded into a staging graph and moved over the target by one SPARQL Update,
    so a failure half-way leaves the previous graph in place. On Virtuoso, give --graph (it has no
    default graph) and --auth digest with /sparql-graph-crud-auth. Exit status 3 when the store
    refuses or cannot be reached; retries are shown on stderr when it is a terminal.
    """
    require("requests", "remote", "publishing to a store")  # before the graph is loaded
    check_target(store, graph_iri)
    user, password = _credentials(user, password)
    graph = with_ontology(load_graph(file))
    policy = RetryPolicy(attempts=attempts, timeout=timeout)
    how = publish_graph(
        graph, store, graph_iri, user, password, update=update, policy=policy, progress=_progress, auth=auth
    )
    click.echo(
        f"published {len(graph)} triples to {store} ({'staged and moved' if how == 'moved' else 'PUT'})", err=True
    )
