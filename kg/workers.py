"""Where per-report work runs: in this process, in local worker processes, or on a Dask cluster.

Reports are independent of each other, so drafting, building and validating a corpus are each
a map over its files. Results are handed back in the order of the inputs, whatever order they
finish in, so the output is the same byte for byte wherever the work ran: one process, one
process per core (the default), or the workers of a Dask distributed scheduler named with
``--scheduler tcp://host:port`` for a corpus larger than one machine.

On a cluster every worker must run the same csr-kg version (checked before any work is sent:
two versions may read a report differently) and see the inputs at the same absolute paths (a
shared file system); only results travel back to this process, which writes every output.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from kg import software_version
from kg.errors import RemoteError
from kg.extras import require

Item = TypeVar("Item")
Result = TypeVar("Result")
SCHEDULER_SCHEMES = ("tcp://", "tls://", "ws://", "wss://")  # the transports a Dask scheduler listens on
# Results waiting in this process per worker slot: enough to keep every worker busy, few
# enough that memory stays flat however many inputs there are.
PENDING_PER_SLOT = 2


def in_order(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None = None,
    scheduler: str | None = None,
) -> Iterator[Result]:
    """``work`` applied to each item, results in the order of ``items``.

    With ``scheduler``, on that Dask cluster; otherwise in ``jobs`` local processes (default
    one per core), or in this process for one job or one item. An exception raised by ``work``
    is raised here, as it was raised (an InputError stays an InputError).
    """
    if scheduler is not None:
        yield from _on_cluster(work, items, scheduler)
        return
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(items) <= 1:
        yield from map(work, items)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
        yield from _bounded(pool.submit, work, items, jobs)


def _bounded(
    submit: Callable[..., Any], work: Callable[[Item], Result], items: Sequence[Item], slots: int
) -> Iterator[Result]:
    """Submit ``work`` on each item, at most ``PENDING_PER_SLOT * slots`` ahead of the one yielded."""
    pending: deque[Future[Result]] = deque()
    for item in items:
        pending.append(submit(work, item))
        if len(pending) >= PENDING_PER_SLOT * slots:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _on_cluster(work: Callable[[Item], Result], items: Sequence[Item], address: str) -> Iterator[Result]:
    distributed = require("distributed", "distributed", "--scheduler")
    try:
        # How long to keep retrying is Dask's own setting (distributed.comm.timeouts.connect,
        # DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT in the environment), as for any Dask client.
        client = distributed.Client(address, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise RemoteError(f"--scheduler {address}: cannot reach the Dask scheduler ({exc})") from None
    try:
        _same_version(client, address)
        slots = max(1, sum(client.nthreads().values()))
        # pure=False: two equal inputs are still two pieces of work (Dask would merge them by key).
        try:
            yield from _bounded(partial(client.submit, pure=False), work, items, slots)
        except distributed.KilledWorker as exc:
            raise RemoteError(f"--scheduler {address}: a worker died on the same input twice ({exc})") from None
    finally:
        client.close()


def _same_version(client: Any, address: str) -> None:
    """Refuse a cluster without workers, or whose workers run another csr-kg than this one."""
    found = client.run(software_version)
    if not found:
        raise RemoteError(f"--scheduler {address}: the scheduler has no workers")
    mine = software_version()
    others = sorted({version for version in found.values() if version != mine})
    if others:
        raise RemoteError(
            f"--scheduler {address}: workers run csr-kg {', '.join(others)}, this is {mine}; "
            "install the same version everywhere"
        )


def absolute(paths: Sequence[Path], scheduler: str | None) -> list[Path]:
    """Paths as workers elsewhere can open them: absolute on a cluster, as given otherwise."""
    return [path.resolve() for path in paths] if scheduler is not None else list(paths)
