"""CPU milliseconds per report of each validation engine, for reports validated alone or k at a time (issue 15).

Run: python benchmarks/validate_parts.py [--reports 20] [--batches 1,5,10,20]

Synthetic reports (kg/synthetic.py) are mapped as the build maps them; then for each batch size k
their N-Triples are merged k at a time and each merged graph goes through the three engines of a
corpus report's validation: the Oxigraph store with the ontology (kg.validate.data.ValidationData),
pyshacl-turbo on the core constraints (kg.validate.core) and each SPARQL constraint on the store
(kg.validate.whole_graph). Printed: CPU milliseconds per report (``time.process_time``, so a
shared machine's load moves it less than wall time), by engine and by constraint. k = 1 is what
``csrkg build --validate`` does; a larger k is what validating reports in batches would cost, before
splitting the results back by report (not done: this measures whether it would pay).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from pyshacl_turbo.rdf import Input

from kg.rdf.corpus import Checks, map_report
from kg.synthetic import generate
from kg.validate import core, shacl
from kg.validate.data import ValidationData

T = TypeVar("T")


def _timed(spent: dict[str, float], name: str, step: Callable[[], T]) -> T:
    """``step()``, its CPU seconds added to ``spent[name]``."""
    start = time.process_time()
    value = step()
    spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--batches", default="1,5,10,20")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="csrkg-parts-") as work:
        folders = generate(Path(work) / "reports", args.reports + 1)
        data = [b"".join(sorted(m.owned + m.shared)) for m in (map_report(f) for f in folders)]
    Checks().validate("warm-up", data[0])  # imports, shapes, the ontology
    shapes = shacl.shapes_graph()
    plan = shacl._plan(shapes)
    compiled = core._compiled(plan.core)
    ontology = core._readable_ontology(plan.core)
    counted = data[1:]
    for k in (int(size) for size in args.batches.split(",")):
        spent: dict[str, float] = {}
        for at in range(0, len(counted), k):
            merged = b"".join(sorted(set(b"".join(counted[at : at + k]).splitlines(keepends=True))))
            held = _timed(spent, "store", lambda merged=merged: ValidationData(merged, checked=True))
            source = Input(held.own_ntriples + ontology, "nt", None, {}, {})
            turbo = partial(compiled.validate, source, allow_infos=True, allow_warnings=True)
            _timed(spent, "turbo", turbo)
            for constraint in plan.whole_graph:
                name = "sparql " + constraint.shape.split("#")[-1]
                _timed(spent, name, lambda text=constraint.text, held=held: list(held.store.query(text)))
        per = {name: seconds / len(counted) * 1000 for name, seconds in spent.items()}
        sparql = sum(ms for name, ms in per.items() if name.startswith("sparql "))
        total = sum(per.values())
        engines = f"store {per['store']:.1f}, turbo {per['turbo']:.1f}, SPARQL {sparql:.1f}"
        print(f"k={k}: {total:.1f} ms a report ({engines})")
        for name, ms in sorted(per.items(), key=lambda item: -item[1]):
            if name.startswith("sparql ") and ms >= 1.0:
                print(f"    {name[7:]}: {ms:.1f}")


if __name__ == "__main__":
    main()
