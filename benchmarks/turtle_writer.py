"""kg.rdf.turtle against rdflib's longturtle on a drafted 100-page report: seconds, ratio, same bytes.

Usage: python benchmarks/turtle_writer.py [--pages 100] [--folder DRAFTED_FOLDER]

The report is the one ``draft_accuracy.py``'s speed figure drafts (the held-out reports' pages
repeated, 30 lines a page, drafted by ``csrkg draft``), unless ``--folder`` names one drafted
already. The folder is built once (kg.rdf.build.build_graph); each writer then writes a fresh
copy of the graph (writing binds generated prefixes in it), and the two outputs are compared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.draft_accuracy import long_text  # noqa: E402  (after the path above)
from kg.rdf.build import build_graph  # noqa: E402
from kg.rdf.turtle import turtle  # noqa: E402
from tests.support.heldout import heldout_reports  # noqa: E402


def drafted(pages: int, out: Path) -> Path:
    """A drafted folder of a ``pages``-page text, as draft_accuracy.py's speed figure makes it."""
    text = out / "long.txt"
    text.write_text(long_text(heldout_reports(), pages), encoding="utf-8")
    folder = out / "draft"
    command = [sys.executable, "-m", "kg", "draft", str(text), "--out", str(folder), "--company"]
    command += ["Held-out Sample Limited", "--year", "2022", "--standard", "hkex-esg-guide-2020"]
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--folder", type=Path, help="a drafted report folder to build instead of drafting one")
    args = parser.parse_args()
    print(f"load average (1, 5, 15 min) at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or drafted(args.pages, Path(tmp))
        timings = {}
        outputs = {}
        for name, write in (
            ("kg.rdf.turtle", turtle),
            ("rdflib longturtle", lambda g: g.serialize(format="longturtle", encoding="utf-8")),
        ):
            graph = build_graph([folder])
            started, cpu = time.perf_counter(), time.process_time()
            outputs[name] = write(graph)
            timings[name] = (time.perf_counter() - started, time.process_time() - cpu)
    ours, theirs = timings["kg.rdf.turtle"], timings["rdflib longturtle"]
    print(f"{len(graph)} triples, {len(outputs['kg.rdf.turtle']):,} bytes of Turtle")
    for name, (wall, cpu) in timings.items():
        print(f"{name:<18} {wall:7.2f} s wall {cpu:7.2f} s CPU")
    same = outputs["kg.rdf.turtle"] == outputs["rdflib longturtle"]
    print(f"ratio (CPU) {ours[1] / theirs[1]:.3f}; byte-identical: {same}")
    print(f"load average (1, 5, 15 min) at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
