"""Print how long validating takes next to building, and their ratio: the bundled KG, and a corpus.

Run: python benchmarks/validate_vs_build.py [--repeat N] [--reports N] [--jobs J] [--reference]

Bundled KG: both steps in one process, after a warm-up, so that loading the ontology, units and
shapes (cached per process) is charged to neither; wall-clock and CPU seconds (the machine is
shared: CPU time is the steadier figure). ``--reference`` also times pySHACL alone
(kg.validate.reference, how csr-kg validated before) and checks that it finds the same results.

Corpus: ``--reports`` synthetic report folders (kg.synthetic), built to N-Triples and then
validated report by report, ``--jobs`` worker processes each (target: validation no slower
than the build); and built again with each report validated as it is mapped (``Checks``), where
the validation's cost is what the build with checks takes beyond the build.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.rdf.build import build_graph, serialise
from kg.rdf.corpus import Checks, build_corpus, map_report, validate_corpus, validate_report
from kg.synthetic import generate
from kg.validate.reference import validate_with_pyshacl
from kg.validate.shacl import validate_graph


def _timed(step: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = step()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def _median(runs: list[tuple[float, float, object]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def bundled(repeat: int, reference: bool) -> None:
    build_graph()  # warm-up: parse ontology, units and shapes once
    graph = build_graph()
    validate_graph(graph)
    builds = [_timed(lambda: serialise(build_graph())) for _ in range(repeat)]
    validations = [_timed(lambda: validate_graph(graph)) for _ in range(repeat)]
    result = validations[-1][2]
    (bw, bc), (vw, vc) = _median(builds), _median(validations)
    print(f"bundled KG: {len(graph)} triples; findings: {len(result.findings)}; conforms: {result.conforms}")
    print(f"  build (load + map + serialise): {bw:.2f} s wall, {bc:.2f} s CPU (median of {repeat})")
    print(f"  validate:                       {vw:.2f} s wall, {vc:.2f} s CPU")
    print(f"  validate / build ratio: {vw / bw:.2f} wall, {vc / bc:.2f} CPU (target <= 0.5)")
    if reference:
        rw, rc, ref = _timed(lambda: validate_with_pyshacl(graph))
        same = ref.conforms == result.conforms and ref.findings == result.findings
        print(f"  pySHACL alone (reference):      {rw:.2f} s wall, {rc:.2f} s CPU; ratio to build {rc / bc:.2f} CPU")
        print(f"  same results as pySHACL: {same}; speed-up {rc / vc:.1f}x CPU")


def corpus(reports: int, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folders = generate(Path(scratch) / "reports", reports)
        bw, _, stats = _timed(lambda: build_corpus(folders, Path(scratch) / "corpus.nt", jobs=jobs))
        vw, _, results = _timed(lambda: list(validate_corpus(folders, jobs=jobs)))
        checked = Path(scratch) / "checked.nt"
        cw, _, _ = _timed(lambda: build_corpus(folders, checked, jobs=jobs, checks=Checks(), validated=lambda _: None))
        sample = folders[: min(10, len(folders))]
        validate_report(sample[0])  # warm-up: shapes, ontology and catalogue, cached per process
        _, mapping, _ = _timed(lambda: [map_report(folder) for folder in sample])
        _, validating, _ = _timed(lambda: [validate_report(folder) for folder in sample])
        _, mapped_checked, _ = _timed(lambda: [map_report(folder, checks=Checks()) for folder in sample])
    findings = sum(len(r.findings) for r in results)
    conforming = sum(r.conforms for r in results)
    print(f"corpus: {reports} synthetic reports, {stats.triples} triples, {jobs} job(s)")
    print(f"  build:    {bw:.2f} s wall")
    print(f"  validate: {vw:.2f} s wall; {findings} findings, {conforming} of {reports} conform")
    print(f"  validate / build ratio: {vw / bw:.2f} (target <= 1)")
    print(f"  build validating each report: {cw:.2f} s wall; its validation / build {(cw - bw) / bw:.2f}")
    print(
        f"  a report, in one process (CPU, {len(sample)} reports): load and map to N-Triples (the build's work, "
        f"which validating a folder repeats) {mapping / len(sample):.3f} s, validate {validating / len(sample):.3f} s, "
        f"map and validate in one {mapped_checked / len(sample):.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step on the bundled KG (median)")
    parser.add_argument("--reports", type=int, default=100, help="synthetic reports in the corpus (0: none)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for the corpus")
    parser.add_argument("--reference", action="store_true", help="also time pySHACL alone on the bundled KG")
    args = parser.parse_args()
    bundled(args.repeat, args.reference)
    if args.reports:
        corpus(args.reports, args.jobs)


if __name__ == "__main__":
    main()
