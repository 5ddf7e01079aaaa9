"""Pause Python's cyclic garbage collector for one unit of batch work: one report's build.

A report's build allocates a hundred thousand or so containers (YAML nodes, sheet models,
claims, triples) that all live until the report is mapped. The collector runs every 700 net
allocations and walks the young ones again each time, and now and then every object of the
process (the ontology, the caches): a sixth to a quarter of a report's build in CPU time
(30 synthetic reports mapped in one process: 148 ms a report against 112 ms with the collector
off; with the pause its runs take about 1 ms a report). Nearly
all of a report's objects are freed by reference counting when its work ends; the few reference
cycles among them are collected by the collector's next runs after the pause, so memory still
holds no more than one report's garbage.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(work: Callable[P, R]) -> Callable[P, R]:
    """``work``, run with automatic garbage collection off (as it was again afterwards)."""

    @wraps(work)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return work(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused
