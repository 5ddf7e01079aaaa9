"""Publishing the bundled KG to Virtuoso and querying it there, against the local engine.

Usage: python benchmarks/virtuoso.py [--repeats 3]

Starts a headless Virtuoso on loopback over a throwaway database (tests/support/servers.py
start_virtuoso; Debian package virtuoso-opensource), then prints: its start-up time; the wall
time of ``publish`` (digest authentication, staging graph, MOVE) of the bundled KG with the
ontology, each of ``--repeats`` times (the first into an empty store, the next ones replacing
it); the triples the target graph holds afterwards; and, per saved query, the time on Virtuoso's
``/sparql`` (with ``default-graph-uri``) against ``run_local`` on the same graph, and how many
queries give the same rows (compared as tests/support/servers.py ``normalised`` does).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.outputs.publish import publish  # noqa: E402
from kg.rdf.build import build_graph  # noqa: E402
from kg.sparql.remote import run_remote  # noqa: E402
from kg.sparql.saved import run_local, saved_queries  # noqa: E402
from kg.vocab.ontology import ontology_graph  # noqa: E402
from tests.support.servers import normalised, start_virtuoso, stop  # noqa: E402

GRAPH = "https://example.org/csr-kg/benchmark"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    graph = build_graph() + ontology_graph()
    with tempfile.TemporaryDirectory(prefix="virtuoso-bench-") as directory:
        started = time.perf_counter()
        server = start_virtuoso(Path(directory))
        print(f"virtuoso start (new database, password set): {time.perf_counter() - started:.1f} s")
        try:
            store = f"{server.base}/sparql-graph-crud-auth"
            for i in range(args.repeats):
                started = time.perf_counter()
                publish(graph, store, GRAPH, "dba", server.password, auth="digest", log=lambda m: None)
                print(f"publish {i + 1} ({len(graph)} triples): {time.perf_counter() - started:.2f} s")
            endpoint = f"{server.base}/sparql?default-graph-uri={quote(GRAPH, safe='')}"
            same, remote_total, local_total = 0, 0.0, 0.0
            print(f"{'query':32} {'rows':>5} {'virtuoso s':>10} {'local s':>8} same")
            for query in saved_queries():
                started = time.perf_counter()
                remote = run_remote(endpoint, query)
                remote_s = time.perf_counter() - started
                started = time.perf_counter()
                local = run_local(graph, query)
                local_s = time.perf_counter() - started
                equal = normalised(remote) == normalised(local)
                same += equal
                remote_total += remote_s
                local_total += local_s
                print(f"{query.name:32} {len(local.rows):>5} {remote_s:>10.3f} {local_s:>8.3f} {equal}")
            print(f"same rows: {same} of {len(saved_queries())} saved queries")
            print(f"all queries: virtuoso {remote_total:.2f} s, local {local_total:.2f} s")
        finally:
            stop(server.process)


if __name__ == "__main__":
    main()
