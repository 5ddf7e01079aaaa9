"""How long each picture of csrkg plot and the site's pictures take on a synthetic corpus, and their sizes.

Usage: python benchmarks/plots.py [--reports 8] [--seed 0]

Builds ``--reports`` synthetic reports (kg.synthetic) to N-Triples, loads them into Oxigraph as
``csrkg plot`` does, and prints the CPU seconds of reading each picture's data and of drawing it
as PNG and as SVG, with the bytes written, then the CPU seconds and count of the site's pictures
(kg.outputs.site_pictures). CPU time, not wall time: the machine is shared, and wall time there
measures the neighbours. Validation (the findings picture) is the slow part and is timed apart.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.outputs import plots  # noqa: E402
from kg.outputs.site_pictures import site_pictures  # noqa: E402
from kg.rdf.build import build_graph  # noqa: E402
from kg.rdf.native import load_file  # noqa: E402
from kg.rdf.readers import read_rdf  # noqa: E402
from kg.synthetic import generate  # noqa: E402
from kg.vocab.ontology import with_ontology  # noqa: E402


def _cpu(step: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = step()
    return time.process_time() - start, result


def _row(name: str, read: Callable[[], Any], draw: Callable[[Any, str], bytes]) -> None:
    seconds, value = _cpu(read)
    line = f"{name:20} data {seconds:6.2f} s"
    for fmt in plots.FORMATS:
        took, picture = _cpu(lambda fmt=fmt: draw(value, fmt))
        line += f"   {fmt} {took:5.2f} s {len(picture):>8,} bytes"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = generate(Path(tmp) / "corpus", args.reports, seed=args.seed)
        data = Path(tmp) / "corpus.nt"
        data.write_bytes(build_graph(folders).serialize(format="nt", encoding="utf-8"))
        graph = load_file(data)
        print(f"{args.reports} synthetic reports, {len(graph)} triples (with the ontology)")
        _row("metric ghg-scope-1", lambda: plots.metric_series(graph, "ghg-scope-1"), plots.draw_metric)
        _row("disclosure", lambda: plots.disclosure(graph), plots.draw_disclosure)
        _row("sdgs", lambda: plots.sdg_coverage(graph), plots.draw_sdgs)
        _row("findings", lambda: plots.finding_counts(with_ontology(read_rdf(data))), plots.draw_findings)
        seconds, pictures = _cpu(lambda: site_pictures(graph))
        count = sum(len(p) for p in pictures.values())
        print(f"site pictures: {count} SVGs for {len(pictures)} pages in {seconds:.1f} s CPU")


if __name__ == "__main__":
    main()
