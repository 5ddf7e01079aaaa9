"""How long the fact table and the company-year panel take on a synthetic corpus, and how big they are.

Usage: python benchmarks/fact_tables.py [--reports 20] [--seed 0]

Builds ``--reports`` synthetic reports (kg.synthetic) to N-Triples, loads them into Oxigraph as
``csrkg table`` does, and prints the seconds of each step (best of three for the queries) with the
rows, columns and CSV bytes of the fact table and the wide and long panels. The machine is shared:
figures move from run to run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.outputs.panel import panel  # noqa: E402
from kg.outputs.tables import csv_bytes, facts  # noqa: E402
from kg.rdf.build import build_graph  # noqa: E402
from kg.rdf.native import load_file  # noqa: E402
from kg.synthetic import generate  # noqa: E402


def _best(step: object, repeats: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = step()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = generate(Path(tmp) / "corpus", args.reports, args.seed)
        start = time.perf_counter()
        corpus = Path(tmp) / "corpus.nt"
        build_graph(folders).serialize(corpus, format="nt", encoding="utf-8")
        print(f"build {args.reports} reports: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        graph = load_file(corpus)
        print(f"load into Oxigraph: {time.perf_counter() - start:.2f} s ({len(graph)} triples)")
        seconds, table = _best(lambda: facts(graph))
        print(
            f"fact table: {seconds:.3f} s, {len(table.rows)} rows x {len(table.columns)} columns, "
            f"{len(csv_bytes(table))} CSV bytes"
        )
        seconds, made = _best(lambda: panel(graph))
        print(
            f"panel: {seconds:.3f} s, wide {len(made.wide.rows)} x {len(made.wide.columns)}, "
            f"long {len(made.long.rows)} rows"
        )


if __name__ == "__main__":
    main()
