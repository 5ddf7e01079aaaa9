"""Load on `csrkg serve`: concurrent clients on loopback, checked against local answers.

Usage: python benchmarks/serve_load.py [--clients 16] [--seconds 10] [--timeout 5] [--url URL]

Without --url it starts `csrkg serve` (this checkout) on a free port. Each client thread sends
saved queries, each compared with the rows rdflib gives locally, plus, now and then, a query
that must hit the row limit; one more client sends a runaway query that must hit the time limit
(503) while the others are served. Prints queries per second, latency percentiles and counts of
wrong answers and errors. tests/test_serve_load.py runs the same code and asserts correctness
and zero errors (never timings).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Graph

from kg.sparql.remote import json_term
from kg.sparql.saved import Rows, find_query, run_local

QUERIES = ("kpi-disclosure", "missing-figures", "claims-mentioning", "claims-by-kind", "awards-by-organiser")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ALL_TRIPLES = "SELECT * WHERE { ?s ?p ?o }"


@dataclass
class Tally:
    """What the clients saw; appended to from several threads (list.append and Counter updates
    under the lock)."""

    latencies: list[float] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, outcome: str, latency: float, error: str | None = None) -> None:
        with self.lock:
            self.outcomes[outcome] += 1
            if outcome in ("correct", "truncated"):
                self.latencies.append(latency)
            if error:
                self.errors.append(error)


def _post(url: str, query: str, timeout: float) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _rows(body: bytes) -> Rows:
    doc = json.loads(body)
    variables = tuple(doc["head"]["vars"])
    return Rows(
        variables,
        tuple(tuple(json_term(b[v]) if v in b else None for v in variables) for b in doc["results"]["bindings"]),
    )


def _key(rows: Rows) -> tuple:
    return rows.variables, sorted(tuple("" if t is None else t.n3() for t in row) for row in rows.rows)


def expected_answers(graph: Graph) -> dict[str, tuple[str, tuple]]:
    """Each saved query's bound text and the rows rdflib gives for it locally."""
    answers = {}
    for name in QUERIES:
        query = find_query(name)
        answers[name] = (query.bind(), _key(run_local(graph, query)))
    return answers


def run_load(
    url: str,
    graph: Graph,
    clients: int = 16,
    seconds: float = 5.0,
    max_requests: int | None = None,
    max_rows: int = 10000,
    runaway: bool = True,
) -> tuple[Tally, float, Counter]:
    """Run the load for ``seconds`` (or until ``max_requests`` in all); return the tally, the wall
    time, and the statuses of the runaway queries."""
    answers = expected_answers(graph)
    tally = Tally()
    runaway_statuses: Counter = Counter()
    stop = threading.Event()
    issued = iter(range(max_requests)) if max_requests else None
    issued_lock = threading.Lock()

    def next_request() -> bool:
        if stop.is_set():
            return False
        if issued is None:
            return True
        with issued_lock:
            return next(issued, None) is not None

    def client(index: int) -> None:
        step = index
        while next_request():
            step += 1
            started = time.perf_counter()
            if step % 7 == 0:  # a result larger than the row limit
                status, headers, body = _post(url, ALL_TRIPLES, 60)
                latency = time.perf_counter() - started
                count = len(json.loads(body)["results"]["bindings"]) if status == 200 else -1
                if status == 200 and count == min(len(graph), max_rows):
                    cut = len(graph) > max_rows
                    if cut == ("X-Result-Truncated" in headers):
                        tally.record("truncated" if cut else "correct", latency)
                        continue
                tally.record("wrong", latency, f"row limit: HTTP {status}, {count} rows, headers {headers}")
                continue
            name = QUERIES[step % len(QUERIES)]
            text, expected = answers[name]
            try:
                status, _, body = _post(url, text, 60)
            except OSError as exc:
                tally.record("error", time.perf_counter() - started, f"{name}: {exc}")
                continue
            latency = time.perf_counter() - started
            if status != 200:
                tally.record("error", latency, f"{name}: HTTP {status}: {body[:200]!r}")
            elif _key(_rows(body)) != expected:
                tally.record("wrong", latency, f"{name}: rows differ from the local answer")
            else:
                tally.record("correct", latency)

    def runaway_client() -> None:
        while not stop.is_set():
            status, _, _ = _post(url, RUNAWAY, 120)
            with tally.lock:
                runaway_statuses[status] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    if runaway:
        threads.append(threading.Thread(target=runaway_client))
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    if max_requests is None:
        time.sleep(seconds)
        stop.set()
    else:
        for thread in threads[:clients]:
            thread.join()
        stop.set()
    for thread in threads:
        thread.join()
    return tally, time.perf_counter() - started, runaway_statuses


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--timeout", type=float, default=5.0, help="server time limit when started here")
    parser.add_argument("--max-rows", type=int, default=10000, help="server row limit when started here")
    parser.add_argument("--url", default=None, help="an already running csrkg serve /sparql URL")
    args = parser.parse_args()

    from kg.rdf.build import build_graph
    from kg.vocab.ontology import with_ontology

    graph = with_ontology(build_graph())
    process = None
    url = args.url
    if url is None:
        from tests.servers import start_csrkg_serve, stop

        process, url = start_csrkg_serve("--timeout", str(args.timeout), "--max-rows", str(args.max_rows))
    try:
        tally, wall, runaway = run_load(url, graph, args.clients, args.seconds, max_rows=args.max_rows)
    finally:
        if process is not None:
            stop(process)
    served = tally.outcomes["correct"] + tally.outcomes["truncated"]
    print(f"{args.clients} clients for {wall:.1f} s against {url}")
    print(f"requests answered correctly: {served} ({tally.outcomes['truncated']} cut at the row limit)")
    print(f"queries per second: {served / wall:.1f}")
    lat = tally.latencies
    print(
        "latency ms: "
        + ", ".join(f"p{q} {percentile(lat, q) * 1000:.0f}" for q in (50, 90, 99))
        + f", max {max(lat, default=float('nan')) * 1000:.0f}, mean {statistics.fmean(lat) * 1000 if lat else 0:.0f}"
    )
    print(f"wrong answers: {tally.outcomes['wrong']}; errors: {tally.outcomes['error']}")
    print(f"runaway queries: {dict(runaway)} (503 = stopped at the time limit)")
    for error in tally.errors[:5]:
        print(f"  {error}")
    return 0 if not tally.errors else 1


if __name__ == "__main__":
    sys.exit(main())
