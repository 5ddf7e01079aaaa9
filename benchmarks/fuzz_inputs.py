"""Fuzz the claim-sheet reader, the report-folder loader and ``csrkg draft``'s PDF, HTML and text readers.

Run: python benchmarks/fuzz_inputs.py [--cases N] [--source-cases M] [--seed S] [--timeout SECONDS]
Prints the cases tried, the InputError messages grouped by class, and the tracebacks and hangs
(both must be 0; the exit status is 1 when either is not). The cases are those of
``tests/integration/test_fuzz_inputs.py`` (tests/support/fuzz_cases.py), drawn in larger number:
every YAML tag and odd literal in both YAML files, then N seeded malformed report folders
cycling through every generator, then M seeded draft sources (truncated, byte-flipped, spliced
and random PDFs, hostile PDFs, deeply nested and random HTML, random text), each drafted into a
folder and loaded.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.fuzz_cases import (  # after the path above
    Outcome,
    cases,
    run_case,
    run_source_case,
    source_cases,
    tagged_cases,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="seeded cases after the tag cases")
    parser.add_argument("--source-cases", type=int, default=200, help="seeded csrkg draft sources")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generated cases")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds a case may take before it is a hang")
    args = parser.parse_args()
    outcomes: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    findings: list[str] = []
    slowest = (0.0, "")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        runs: list[tuple[str, str, Callable[[], Outcome]]] = [
            (case.kind, case.name, partial(run_case, case, Path(tmp), limit=args.timeout))
            for case in [*tagged_cases(), *cases(args.cases, args.seed)]
        ]
        runs += [
            (case.kind, case.name, partial(run_source_case, case, Path(tmp), limit=max(args.timeout, 60.0)))
            for case in source_cases(args.source_cases, args.seed)
        ]
        for kind, name, run in runs:
            outcome = run()
            outcomes[outcome.status] += 1
            kinds[(kind, outcome.status)] += 1
            slowest = max(slowest, (outcome.seconds, name))
            if outcome.status in ("error", "folder"):
                classes[outcome.message_class] += 1
            elif outcome.status in ("traceback", "hang"):
                findings.append(f"{outcome.status}: {kind}: {name[:80]}: {outcome.message[:200]}")
    tried = sum(outcomes.values())
    elapsed = time.perf_counter() - start
    print(f"cases tried: {tried} in {elapsed:.0f} s (slowest {slowest[0]:.1f} s: {slowest[1][:60]})")
    print(
        f"input errors: {outcomes['error']}, graphs built and exported (or drafted folders loaded): "
        f"{outcomes['graph']}, drafted folders the loader refused: {outcomes['folder']}"
    )
    print("cases by generator (error / graph / drafted but refused):")
    for kind in sorted({k for k, _ in kinds}):
        print(f"  {kind:18} {kinds[(kind, 'error')]:5} / {kinds[(kind, 'graph')]:5} / {kinds[(kind, 'folder')]}")
    print(f"errors by message class ({len(classes)} classes):")
    for message_class, count in classes.most_common():
        print(f"  {count:5}  {message_class}")
    print(f"tracebacks (must be 0): {outcomes['traceback']}")
    print(f"hangs (must be 0): {outcomes['hang']}")
    for finding in findings:
        print(f"  {finding}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
