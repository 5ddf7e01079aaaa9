"""Print how long validating the bundled KG takes next to building it, and their ratio.

Run: python benchmarks/validate_vs_build.py [--repeat N]
Both are measured in one process, after a warm-up build, so that loading the ontology and units
(cached per process) is not charged to either.
"""

from __future__ import annotations

import argparse
import statistics
import time

from kg.rdf.build import build_graph, serialise
from kg.validate.shacl import validate_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step (median is printed)")
    args = parser.parse_args()
    build_graph()  # warm-up: parse ontology, units and shapes once
    builds, validations = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        graph = build_graph()
        serialise(graph)
        builds.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = validate_graph(graph)
        validations.append(time.perf_counter() - start)
    build, validate = statistics.median(builds), statistics.median(validations)
    print(f"triples: {len(graph)}; findings: {len(result.findings)}; conforms: {result.conforms}")
    print(f"build (load + map + serialise): {build:.2f} s (median of {args.repeat})")
    print(f"validate (SHACL, with ontology):  {validate:.2f} s (median of {args.repeat})")
    print(f"validate / build ratio: {validate / build:.1f}")


if __name__ == "__main__":
    main()
