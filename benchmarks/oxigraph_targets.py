"""Issue 15's Oxigraph targets, each printed as a ratio against its alternative, in one run.

Usage: python benchmarks/oxigraph_targets.py [--seconds 8] [--repeats 5] [--clients 4]

* query: wall time of ``csrkg query NAME --data kg.ttl`` (the bundled KG) against a plain
  pyoxigraph script in its own process (import, load the same Turtle and the ontology, run the
  same bound query), median of ``--repeats`` interleaved runs; target ratio <= 3 and < 0.4 s.
  Also csrkg's first run, before kg.rdf.literal_cache holds the file's literal forms.
* imports: the modules ``csrkg query`` must not load (``python -X importtime``).
* ontology: adding the ontology to a graph in Oxigraph (parsed from the shipped Turtle) against
  rdflib's merge (kg.vocab.ontology.with_ontology).
* serve: ``csrkg serve kg.ttl`` against ``oxigraph serve-read-only`` on a store of the same triples,
  ``--clients`` threads sending the saved queries in turn for ``--seconds``; queries/s and p50
  latency (target: within 2x), and startup until the first answer (target < 0.5 s).

The machine is shared: figures move from run to run, ratios much less, as both sides of each
ratio run interleaved under the same load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.sparql.queryfile import saved_queries  # noqa: E402

QUERY_NAMES = ("kpi-disclosure", "claims-mentioning", "missing-figures")
FORBIDDEN = ("rdflib", "pydantic", "networkx", "requests", "pyshacl", "matplotlib")
PLAIN = """import glob, sys, pyoxigraph as ox
store = ox.Store()
store.load(path=sys.argv[1], format=ox.RdfFormat.TURTLE)
for path in sorted(glob.glob(sys.argv[3] + "/*.ttl")):
    store.load(path=path, format=ox.RdfFormat.TURTLE)
for row in store.query(open(sys.argv[2], encoding="utf-8").read()):
    print(row)
"""
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _wall(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env or ENV)
    return time.perf_counter() - started


def query_targets(kg: Path, work: Path, repeats: int) -> list[tuple[str, float, float, float]]:
    """Per query: median wall of csrkg (literal cache warm), of the plain script, and csrkg's
    first run on an empty literal cache (kg.rdf.literal_cache)."""
    plain = work / "plain.py"
    plain.write_text(PLAIN, encoding="utf-8")
    by_name = {q.name: q for q in saved_queries()}
    results = []
    for name in QUERY_NAMES:
        rq = work / f"{name}.rq"
        rq.write_text(by_name[name].bind_native({}), encoding="utf-8")
        cold = _wall(
            [sys.executable, "-m", "kg", "query", name, "--data", str(kg)],
            {**ENV, "CSRKG_CACHE_DIR": str(work / f"cold-{name}")},
        )
        ours, theirs = [], []
        for _ in range(repeats):
            ours.append(_wall([sys.executable, "-m", "kg", "query", name, "--data", str(kg)]))
            theirs.append(_wall([sys.executable, str(plain), str(kg), str(rq), str(ROOT / "ontology")]))
        results.append((name, statistics.median(ours), statistics.median(theirs), cold))
    return results


def imported_forbidden(kg: Path) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kg", "query", "kpi-disclosure", "--data", str(kg)],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    loaded = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in run.stderr.splitlines() if "|" in line}
    return sorted(set(FORBIDDEN) & loaded)


def ontology_target(kg: Path) -> tuple[float, float]:
    from kg.rdf.native import load_file
    from kg.rdf.readers import read_rdf
    from kg.vocab.ontology import ontology_graph, with_ontology

    graph = load_file(kg, ontology=False)
    started = time.perf_counter()
    graph.add_ontology()
    native = time.perf_counter() - started
    data = read_rdf(kg)
    ontology_graph.cache_clear()
    started = time.perf_counter()
    with_ontology(data)
    return native, time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _post(url: str, text: str) -> int:
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": text}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _start(command: list[str], url: str) -> tuple[subprocess.Popen, float]:
    """Start a server; return it and the seconds until it answered its first query."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    deadline = started + 60
    while True:
        try:
            if _post(url, "ASK {}") == 200:
                return process, time.perf_counter() - started
        except OSError:
            if time.perf_counter() > deadline or process.poll() is not None:
                process.kill()
                raise
        time.sleep(0.005)


def load(url: str, clients: int, seconds: float) -> tuple[float, float, int]:
    """Queries per second, p50 latency and non-200 answers of ``clients`` threads for ``seconds``."""
    texts = [q.bind_native({}) for q in saved_queries()]
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(index: int) -> None:
        step = index
        while time.perf_counter() < stop:
            started = time.perf_counter()
            status = _post(url, texts[step % len(texts)])
            with lock:
                latencies.append(time.perf_counter() - started)
                failures[0] += status != 200
            step += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return len(latencies) / wall, statistics.median(latencies), failures[0]


def serve_targets(kg: Path, work: Path, clients: int, seconds: float) -> dict[str, tuple[float, float, float]]:
    store = work / "store"
    files = [str(kg), *sorted(str(p) for p in (ROOT / "ontology").glob("*.ttl"))]
    subprocess.run(["oxigraph", "load", "--location", str(store), "--file", *files], check=True, capture_output=True)
    figures = {}
    for label in ("csrkg serve", "oxigraph serve-read-only"):
        port = _free_port()
        if label == "csrkg serve":
            command = [sys.executable, "-m", "kg", "serve", str(kg), "--port", str(port), "--timeout", "30"]
            url = f"http://127.0.0.1:{port}/sparql"
        else:
            command = ["oxigraph", "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"]
            url = f"http://127.0.0.1:{port}/query"
        process, startup = _start(command, url)
        try:
            qps, p50, failures = load(url, clients, seconds)
        finally:
            process.terminate()
            process.wait(timeout=30)
        if failures:
            print(f"  {label}: {failures} answers were not 200")
        figures[label] = (qps, p50, startup)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="csrkg-oxbench-"))
    try:
        kg = work / "kg.ttl"
        subprocess.run(
            [sys.executable, "-m", "kg", "build", "--out", str(kg)], check=True, capture_output=True, env=ENV
        )
        print(f"load average (1, 5, 15 min) at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("target                                   ours       alternative  ratio  goal")
        for name, ours, theirs, cold in query_targets(kg, work, args.repeats):
            print(f"query {name:<30} {ours:7.3f} s  {theirs:7.3f} s    {ours / theirs:5.2f}  <= 3x, < 0.4 s")
            print(f"  first run, empty literal cache       {cold:7.3f} s  {theirs:7.3f} s    {cold / theirs:5.2f}")
        forbidden = imported_forbidden(kg)
        print(f"query imports of {', '.join(FORBIDDEN)}: {', '.join(forbidden) or 'none'}")
        native, merged = ontology_target(kg)
        print(f"ontology added (Oxigraph vs rdflib merge) {native:7.3f} s  {merged:7.3f} s    {native / merged:5.2f}")
        figures = serve_targets(kg, work, args.clients, args.seconds)
        ours, theirs = figures["csrkg serve"], figures["oxigraph serve-read-only"]
        print(
            f"serve queries/s ({args.clients} clients)            {ours[0]:7.1f}    {theirs[0]:7.1f}      "
            f"{theirs[0] / ours[0]:5.2f}  <= 2x"
        )
        print(
            f"serve p50 latency                        {ours[1] * 1000:7.1f} ms {theirs[1] * 1000:7.1f} ms   "
            f"{ours[1] / theirs[1]:5.2f}  <= 2x"
        )
        print(
            f"serve startup to first answer            {ours[2]:7.3f} s  {theirs[2]:7.3f} s    "
            f"{ours[2] / theirs[2]:5.2f}  < 0.5 s"
        )
        print(f"load average (1, 5, 15 min) at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
