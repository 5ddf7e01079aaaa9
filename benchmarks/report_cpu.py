"""CPU seconds to build one report, for this checkout and for others, interleaved (issue 15).

Run: python benchmarks/report_cpu.py [--reports 20] [--compare DIR ...] [--bundled] [--validate]

Each source tree (this checkout, and each ``--compare`` checkout, e.g. one of main made with
``git worktree add``) gets one long-lived child process that imports csr-kg from that tree and
maps reports in turn, as a corpus build's worker does, so caches warm across reports as they do
there. The children are handed the same synthetic reports (kg/synthetic.py) alternately, one
report at a time, so that a change in the machine's load falls on all of them alike. Each
report is timed in CPU seconds of its child (``time.process_time``), not wall time, which moves
with the load of a shared machine. A first report warms each child (imports, ontology) and is
not counted. Prints the median and the quartiles per tree and, with ``--compare``, the ratio of
medians. With ``--validate`` each report is also validated as the build validates it
(``map_report(folder, checks=Checks())``), so the figure is a report's share of
``csrkg build --validate``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def serve(validate: bool) -> None:
    """Child: map (and with ``validate`` validate) each report folder read from stdin; print its CPU seconds."""
    import kg
    from kg.rdf.corpus import Checks, map_report

    checks = Checks() if validate else None
    print(json.dumps(kg.__file__), flush=True)  # which csr-kg this child runs
    for line in sys.stdin:
        start = time.process_time()
        map_report(Path(line.strip()), checks=checks)
        print(json.dumps(time.process_time() - start), flush=True)


def _child(tree: Path, validate: bool) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, __file__, "--serve", *(["--validate"] if validate else [])]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)


def _ask(child: subprocess.Popen[str], folder: Path) -> float:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(f"{folder}\n")
    child.stdin.flush()
    answer = child.stdout.readline()
    if not answer:
        raise SystemExit(f"the child for {folder} died (status {child.wait()})")
    return float(json.loads(answer))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20, help="synthetic reports timed (after one to warm up)")
    parser.add_argument("--compare", type=Path, action="append", default=[], help="another checkout to time too")
    parser.add_argument("--bundled", action="store_true", help="time the bundled report instead, --reports times")
    parser.add_argument("--validate", action="store_true", help="validate each report too, as build --validate")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.validate)
        return
    trees = [ROOT, *(path.resolve() for path in args.compare)]
    with tempfile.TemporaryDirectory(prefix="csrkg-cpu-") as work:
        if args.bundled:
            bundled = ROOT / "kg" / "reports" / "xiaomi-2019"
            folders = [bundled] * (args.reports + 1)
        else:
            sys.path.insert(0, str(ROOT))
            from kg.synthetic import generate

            folders = generate(Path(work) / "reports", args.reports + 1)
        children = [_child(tree, args.validate) for tree in trees]
        for tree, child in zip(trees, children, strict=True):
            assert child.stdout is not None
            imported = Path(json.loads(child.stdout.readline()))
            if not imported.is_relative_to(tree):
                raise SystemExit(f"the child for {tree} imports csr-kg from {imported}")
        try:
            times: list[list[float]] = [[] for _ in trees]
            for n, folder in enumerate(folders):
                # Alternate which tree goes first, so that neither always follows the other.
                order = list(range(len(trees))) if n % 2 == 0 else list(reversed(range(len(trees))))
                for i in order:
                    seconds = _ask(children[i], folder)
                    if n > 0:
                        times[i].append(seconds)
        finally:
            for child in children:
                if child.stdin is not None:
                    child.stdin.close()
                child.wait()
    what = "runs of the bundled report" if args.bundled else "synthetic reports"
    done = "mapped and validated" if args.validate else "mapped"
    print(f"CPU seconds per report {done}, {args.reports} {what} (a first one not counted):")
    medians = []
    for tree, found in zip(trees, times, strict=True):
        quartiles = statistics.quantiles(found, n=4)
        medians.append(statistics.median(found))
        print(f"  {tree}: median {medians[-1]:.4f}, quartiles {quartiles[0]:.4f} / {quartiles[2]:.4f}")
    for tree, median in zip(trees[1:], medians[1:], strict=True):
        print(f"  {trees[0].name} / {tree.name}: {medians[0] / median:.2f}")


if __name__ == "__main__":
    main()
