"""``csrkg serve``: the read-only SPARQL endpoint.

Startup is on the path to the first answer, so the graph is loaded in a thread while this one
imports the endpoint (http.server, multiprocessing: about as long as Oxigraph takes to load the
bundled KG, and Oxigraph's parser runs without the GIL). The thread has ended before any worker
is forked, so the workers are forked from a process with one thread, holding the loaded store.
"""

from __future__ import annotations

import threading
from pathlib import Path

import click

from kg.errors import InputError
from kg.rdf.native import NativeGraph, from_ntriples, load_file


def _graph(file: Path | None) -> NativeGraph:
    """FILE loaded into Oxigraph with the ontology, or the bundled KG built by rdflib and handed over."""
    if file is not None:
        return load_file(file)
    from kg.rdf.build import build_graph

    return from_ntriples(build_graph().serialize(format="nt", encoding="utf-8"))


class _Loading(threading.Thread):
    """:func:`_graph` in a thread of its own; :meth:`graph` waits for it and raises what it raised."""

    def __init__(self, file: Path | None) -> None:
        super().__init__(name="csrkg-load", daemon=True)
        self.file = file
        self.loaded: NativeGraph | None = None
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            self.loaded = _graph(self.file)
        except BaseException as exc:  # handed to the main thread, which reports it as the CLI does
            self.failure = exc

    def graph(self) -> NativeGraph:
        self.join()
        if self.failure is not None:
            raise self.failure
        assert self.loaded is not None
        return self.loaded


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1), help="Query time limit, s.")
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(min=1), help="Result-size limit.")
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(min=1),
    help="Queries evaluated at once, each in its own process (default: one per CPU); others wait.",
)
def serve(file: Path | None, host: str, port: int, timeout: float, max_rows: int, workers: int | None) -> None:
    """Serve FILE (default: the bundled KG) as a read-only SPARQL endpoint at /sparql."""
    loading = _Loading(file)
    loading.start()
    from kg.sparql.endpoint import make_server

    graph = loading.graph()
    try:
        server = make_server(graph, host, port, timeout, max_rows, workers)
    except OSError as exc:  # the port is taken, the host unknown or not this machine's
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"serving {len(graph)} triples at http://{bound_host}:{bound_port}/sparql", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
