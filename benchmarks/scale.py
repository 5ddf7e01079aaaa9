"""Measure csr-kg on corpora of N synthetic reports, next to Oxigraph's own limits (issue 6).

Run: python benchmarks/scale.py [--sizes 1,10,100,1000] [--jobs 2] [--work DIR] [--repeat 3]

For each N it prints build time, triples per second and peak memory; validation time and peak
memory (validating the folders after the build, and building with each report validated as it is
mapped, ``build-validate``); the median latency of each saved query through rdflib's API (oxrdflib over an Oxigraph
store) and, side by side, the limits: Oxigraph's bulk load of the same N-Triples and the same
query text run on pyoxigraph directly. rdflib's own in-memory store is measured where it fits
(N up to --rdflib-max) to show why it is not the store for corpora. Last come the ratios of
N=1000 to N=100, which are 10 where cost grows linearly.

Every step runs in a child process, and peak memory is the largest sum of the resident memory
of that process and its workers, sampled every 20 ms, so no step is charged for another's.
Reports come from kg/synthetic.py, generated once for the largest N; a smaller N takes the
first N folders (the generator makes N=10 a prefix of N=100).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
# Parameters for queries whose defaults name the bundled report; these name synthetic data
# (report 0 is always acme-holdings-0-2019), so that every query does real work.
ID = "https://w3id.org/csr-kg/id/"
PARAMS = {
    "claim-provenance": {"claim": f"<{ID}report/acme-holdings-0-2019/claim/c2-018-floor-area>"},
    "metric-across-reports": {"metric": "<https://w3id.org/csr-kg/esg-metric/ghg-scope-1-and-2>"},
}
# Queries over every report that a reader asks of one report: also timed with ``report`` bound,
# which narrows their subqueries (kg.sparql.queryfile), as "NAME (one report)".
ONE_REPORT = {"report": f"<{ID}report/acme-holdings-0-2019>"}
NARROWED = ("claims-mentioning", "kpi-disclosure", "initiatives-by-sdg")


# --------------------------------------------------------------------------- steps (children)


def _folders(work: Path, n: int) -> list[Path]:
    return sorted((work / "reports").iterdir())[:n]


def _timed(step: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = step()
    return time.perf_counter() - start, value


def _cpu() -> float:
    """CPU seconds of this process (all its threads) and of its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def step_build(work: Path, n: int, jobs: int) -> dict:
    from kg.rdf.corpus import build_corpus

    cpu = _cpu()
    seconds, stats = _timed(lambda: build_corpus(_folders(work, n), work / f"{n}.nt", jobs=jobs))
    # The worker processes have ended with the build, so their CPU time is counted.
    return {"seconds": seconds, "cpu_seconds": _cpu() - cpu, "triples": stats.triples}


def step_store(work: Path, n: int, jobs: int) -> dict:
    from kg.rdf.store import load_store

    seconds, size = _timed(lambda: load_store(work / f"{n}.oxigraph", work / f"{n}.nt"))
    return {"seconds": seconds, "triples": size}


def step_oxigraph_load(work: Path, n: int, jobs: int) -> dict:
    """Oxigraph's raw bulk load of the same N-Triples: into memory, and into an on-disk store."""
    import pyoxigraph as ox

    source = str(work / f"{n}.nt")
    store = ox.Store()
    cpu = _cpu()
    memory, _ = _timed(lambda: store.bulk_load(path=source, format=ox.RdfFormat.N_TRIPLES))
    memory_cpu = _cpu() - cpu
    dump, _ = _timed(lambda: store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
    with tempfile.TemporaryDirectory(dir=work) as scratch:
        disk, _ = _timed(lambda: ox.Store(scratch).bulk_load(path=source, format=ox.RdfFormat.N_TRIPLES))
    return {"seconds": memory, "cpu_seconds": memory_cpu, "disk_seconds": disk, "serialise_seconds": dump}


def _validated(results: list, seconds: float, cpu: float) -> dict:
    counts = {"Violation": 0, "Warning": 0, "Info": 0}
    for result in results:
        for finding in result.findings:
            counts[finding.severity] += 1
    return {"seconds": seconds, "cpu_seconds": cpu, "conforming": sum(r.conforms for r in results), **counts}


def step_validate(work: Path, n: int, jobs: int) -> dict:
    from kg.rdf.corpus import validate_corpus

    cpu = _cpu()
    seconds, results = _timed(lambda: list(validate_corpus(_folders(work, n), jobs=jobs)))
    return _validated(results, seconds, _cpu() - cpu)


def step_build_validate(work: Path, n: int, jobs: int) -> dict:
    """The build with each report validated as it is mapped (one load and map for both)."""
    from kg.rdf.corpus import Checks, build_corpus

    results: list = []
    cpu = _cpu()
    seconds, _ = _timed(
        lambda: build_corpus(
            _folders(work, n), work / f"{n}.v.nt", jobs=jobs, checks=Checks(), validated=results.append
        )
    )
    return _validated(results, seconds, _cpu() - cpu)


def _latencies(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        seconds, rows = _timed(run)
        times.append(seconds)
    return statistics.median(times), rows


def step_queries(work: Path, n: int, jobs: int, repeat: int, where: str) -> dict:
    """Each saved query through rdflib's API over Oxigraph, and the same text on pyoxigraph."""
    from kg.rdf.store import open_graph
    from kg.sparql.saved import run_local, saved_queries

    source = work / (f"{n}.oxigraph" if where == "disk" else f"{n}.nt")
    load, graph = _timed(lambda: open_graph(source))
    native = graph.store._inner  # the pyoxigraph.Store that oxrdflib wraps
    out = {"load_seconds": load, "queries": {}}
    runs = [(q.name, q, PARAMS.get(q.name, {})) for q in saved_queries()]
    runs += [(f"{q.name} (one report)", q, ONE_REPORT) for q in saved_queries() if q.name in NARROWED]
    for name, query, params in runs:
        text = query.bind(params)
        via_rdflib, rows = _latencies(lambda q=query, p=params: len(run_local(graph, q, p).rows), repeat)
        direct, direct_rows = _latencies(lambda t=text: len(list(native.query(t))), repeat)
        out["queries"][name] = {"rdflib": via_rdflib, "pyoxigraph": direct, "rows": rows, "rows2": direct_rows}
    return out


def step_rdflib(work: Path, n: int, jobs: int, repeat: int) -> dict:
    """rdflib's in-memory store on the same corpus: build, parse, serialise, and each saved query."""
    from rdflib import Graph

    from kg.rdf.build import build_graph
    from kg.sparql.saved import run_local, saved_queries
    from kg.vocab.ontology import with_ontology

    build, _ = _timed(lambda: build_graph(_folders(work, n)))
    parse, graph = _timed(lambda: with_ontology(Graph().parse(work / f"{n}.nt", format="nt")))
    serialise, _ = _timed(lambda: graph.serialize(format="nt", encoding="utf-8"))
    queries = {
        q.name: _latencies(lambda q=q: len(run_local(graph, q, PARAMS.get(q.name, {})).rows), repeat)[0]
        for q in saved_queries()
    }
    return {"seconds": parse, "build_seconds": build, "serialise_seconds": serialise, "queries": queries}


STEPS = {
    "build": step_build,
    "store": step_store,
    "oxigraph-load": step_oxigraph_load,
    "validate": step_validate,
    "build-validate": step_build_validate,
    "queries-memory": lambda w, n, j, r: step_queries(w, n, j, r, "memory"),
    "queries-disk": lambda w, n, j, r: step_queries(w, n, j, r, "disk"),
    "rdflib": step_rdflib,
}


# --------------------------------------------------------------------------- parent


def measure(step: str, work: Path, n: int, jobs: int, repeat: int) -> dict:
    """Run one step in a child process; add its peak memory (child and workers) in MiB."""
    cmd = [sys.executable, __file__, "--step", step, "--work", str(work), "--n", str(n)]
    cmd += ["--jobs", str(jobs), "--repeat", str(repeat)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    process, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    out = child.stdout.read() if child.stdout else ""
    if child.returncode != 0:
        raise SystemExit(f"step {step} at N={n} failed with status {child.returncode}")
    result = json.loads(out)
    result["peak_mib"] = peak / 2**20
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000")
    parser.add_argument("--jobs", type=int, default=psutil.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query (median is printed)")
    parser.add_argument("--rdflib-max", type=int, default=10, help="largest N measured on rdflib's store")
    parser.add_argument("--work", type=Path, default=None, help="working directory (default: a temporary one)")
    parser.add_argument(
        "--steps",
        default=None,
        help="measure only these steps (comma-separated), keeping the others' figures from --work/results.json",
    )
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        step = STEPS[args.step]
        extra = (args.repeat,) if args.step.startswith(("queries", "rdflib")) else ()
        print(json.dumps(step(args.work, args.n, args.jobs, *extra)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="csrkg-scale-"))
    only = set(args.steps.split(",")) if args.steps else None
    run(work, sizes, args.jobs, args.repeat, args.rdflib_max, only)


def run(work: Path, sizes: list[int], jobs: int, repeat: int, rdflib_max: int, only: set[str] | None) -> None:
    from kg.synthetic import generate

    reports = work / "reports"
    if not reports.is_dir() or len(list(reports.iterdir())) < max(sizes):
        seconds, _ = _timed(lambda: generate(reports, max(sizes)))
        print(f"generated {max(sizes)} synthetic reports in {seconds:.1f} s ({work})", flush=True)
    print(f"{psutil.cpu_count()} cores, {jobs} worker processes, medians of {repeat} query runs", flush=True)
    saved = work / "results.json"
    results: dict[int, dict[str, dict]] = {}
    if only is not None and saved.exists():
        results = {int(n): steps for n, steps in json.loads(saved.read_text()).items()}
    for n in sizes:
        steps = ["build", "store", "oxigraph-load", "validate", "build-validate", "queries-memory", "queries-disk"]
        steps += ["rdflib"] if n <= rdflib_max else []
        results.setdefault(n, {})
        for step in steps:
            if only is not None and step not in only:
                continue
            results[n][step] = measure(step, work, n, jobs, repeat)
            found = results[n][step]
            cpu = f" ({found['cpu_seconds']:.2f} CPU s)" if "cpu_seconds" in found else ""
            print(f"  N={n} {step}: {found.get('seconds', found.get('load_seconds')):.2f} s{cpu}", flush=True)
    # Saved before the table is printed, so that a partial run (--steps) keeps what it measured.
    saved.write_text(json.dumps(results, indent=2, sort_keys=True))
    report(results)
    print(f"\nfigures in {saved}")


def report(results: dict[int, dict[str, dict]]) -> None:
    sizes = sorted(results)
    print(
        "\nBuild next to Oxigraph's raw load into memory, wall and CPU seconds (the CPU ratio holds on a busy machine):"
    )
    for n in sizes:
        b, ox = results[n].get("build"), results[n].get("oxigraph-load")
        if b and ox and "cpu_seconds" in b and "cpu_seconds" in ox:
            print(
                f"  N={n}: build {b['seconds']:.2f} s ({b['cpu_seconds']:.2f} CPU s), Oxigraph {ox['seconds']:.2f} s "
                f"({ox['cpu_seconds']:.2f} CPU s), build / Oxigraph {b['seconds'] / ox['seconds']:.2f} "
                f"({b['cpu_seconds'] / ox['cpu_seconds']:.2f} in CPU seconds)"
            )
    print(
        "\nValidation next to the build, CPU seconds (validate: the folders after the build; "
        "build-validate: both in one pass):"
    )
    for n in sizes:
        b, v, bv = (results[n].get(step) for step in ("build", "validate", "build-validate"))
        if b and "cpu_seconds" in b:
            parts = [f"build {b['cpu_seconds']:.2f} (peak {b['peak_mib']:.0f} MiB)"]
            if v and "cpu_seconds" in v:
                parts.append(
                    f"validate {v['cpu_seconds']:.2f} (peak {v['peak_mib']:.0f} MiB), "
                    f"validate / build {v['cpu_seconds'] / b['cpu_seconds']:.2f}"
                )
            if bv:
                extra = bv["cpu_seconds"] - b["cpu_seconds"]
                parts.append(
                    f"build-validate {bv['cpu_seconds']:.2f} (peak {bv['peak_mib']:.0f} MiB), "
                    f"its validation {extra:.2f}, / build {extra / b['cpu_seconds']:.2f}"
                )
            print(f"  N={n}: " + "; ".join(parts))
    if any(step not in results[n] for n in sizes for step in ("build", "store", "oxigraph-load", "validate")):
        return  # the full table needs every step (a --steps run measured only some)
    print(
        "\n| N | triples | build s | triples/s | build peak MiB | store load s | Oxigraph load s (memory / disk) "
        "| build / Oxigraph | validate s | validate / build | validate peak MiB | violations / warnings |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        r = results[n]
        b, ox, v = r["build"], r["oxigraph-load"], r["validate"]
        print(
            f"| {n} | {b['triples']:,} | {b['seconds']:.2f} | {b['triples'] / b['seconds']:,.0f} | {b['peak_mib']:.0f} "
            f"| {r['store']['seconds']:.2f} | {ox['seconds']:.2f} / {ox['disk_seconds']:.2f} "
            f"| {b['seconds'] / ox['seconds']:.1f} | {v['seconds']:.1f} | {v['seconds'] / b['seconds']:.2f} "
            f"| {v['peak_mib']:.0f} "
            f"| {v['Violation']} / {v['Warning']} |"
        )
    for where in ("memory", "disk"):
        step = f"queries-{where}"
        if any(step not in results[n] for n in sizes):
            continue  # not measured in this run (--steps)
        print(
            f"\nSaved queries, Oxigraph store in {where}: median s through rdflib (oxrdflib) / on pyoxigraph "
            f"directly, rows"
        )
        print("| query | " + " | ".join(f"N={n}" for n in sizes) + " |")
        print("|---|" + "---|" * len(sizes))
        names = sorted(results[sizes[0]][step]["queries"])
        for name in names:
            cells = []
            for n in sizes:
                q = results[n][step]["queries"][name]
                cells.append(f"{q['rdflib']:.3f} / {q['pyoxigraph']:.3f} ({q['rows']})")
            print(f"| {name} | " + " | ".join(cells) + " |")
        print(
            "| load, s / peak MiB | "
            + " | ".join(f"{results[n][step]['load_seconds']:.2f} / {results[n][step]['peak_mib']:.0f}" for n in sizes)
            + " |"
        )
    small = [n for n in sizes if "rdflib" in results[n] and "queries-memory" in results[n]]
    if small:
        print("\nrdflib's in-memory store: build, parse and serialise s, peak MiB, slowest query s (name)")
        for n in small:
            r, ox = results[n]["rdflib"], results[n]["oxigraph-load"]
            slowest = max(r["queries"], key=r["queries"].get)
            print(
                f"  N={n}: build {r['build_seconds']:.2f} (streamed: {results[n]['build']['seconds']:.2f}), "
                f"parse {r['seconds']:.2f} (Oxigraph: {ox['seconds']:.2f}), "
                f"serialise {r['serialise_seconds']:.2f} (Oxigraph: {ox['serialise_seconds']:.2f}), "
                f"peak {r['peak_mib']:.0f}, "
                f"slowest query {r['queries'][slowest]:.2f} ({slowest}); "
                f"Oxigraph in memory: {max(q['rdflib'] for q in results[n]['queries-memory']['queries'].values()):.3f}"
            )
    if (
        100 in results
        and 1000 in results
        and all(step in results[n] for n in (100, 1000) for step in ("build", "validate", "queries-memory"))
    ):
        a, b = results[100], results[1000]
        print("\nN=1000 / N=100 (10 is linear):")
        print(
            f"  build time {b['build']['seconds'] / a['build']['seconds']:.1f}, "
            f"build memory {b['build']['peak_mib'] / a['build']['peak_mib']:.1f}, "
            f"validate time {b['validate']['seconds'] / a['validate']['seconds']:.1f}, "
            f"validate memory {b['validate']['peak_mib'] / a['validate']['peak_mib']:.1f}"
        )
        ratios = {
            name: b["queries-memory"]["queries"][name]["rdflib"] / max(q["rdflib"], 1e-4)
            for name, q in a["queries-memory"]["queries"].items()
        }
        print("  query time: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(ratios.items())))


if __name__ == "__main__":
    main()
