"""A pool of query processes over one Oxigraph graph, each query stoppable at its time limit.

A Python thread cannot be stopped mid-query, and neither can Oxigraph's evaluation, so each
query runs in a worker process: forked once from the server, it shares the server's in-memory
store copy-on-write (the server never queries it, so no lock of the store is held at a fork),
and answers query after query over a pipe. A query past its time limit gets its worker killed,
and a fresh worker is forked in its place; the server keeps serving with the others. There are
exactly ``size`` workers, so at most ``size`` queries run at once; other requests wait for a free
one. A query that lasts costs one fork only when it is stopped, not one per query.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

Task = Callable[[Any], Any]  # runs in a worker: a request in, an answer out (both picklable)


class Stopped(Exception):
    """The query passed its time limit and its worker was killed."""


class Died(Exception):
    """The worker died without answering (killed from outside, out of memory)."""


class Busy(Exception):
    """Every worker stayed in use for the whole wait."""


def _serve(task: Task, conn: Connection) -> None:
    """A worker's loop: answer each request until the pipe closes."""
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        conn.send(task(request))


class _Worker:
    def __init__(self, context: Any, task: Task) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(task, child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


class WorkerPool:
    """``size`` worker processes forked from this one, each running ``task`` on requests."""

    def __init__(self, task: Task, size: int) -> None:
        self._context = multiprocessing.get_context("fork")
        self._task = task
        self.size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._context, self._task)
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        self._add()

    def run(self, request: Any, timeout: float, wait: float) -> Any:
        """``task(request)`` in a free worker: raises Busy after ``wait`` s without one, Stopped
        after ``timeout`` s of evaluation, Died if the worker dies."""
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise Busy from None
        try:
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                self._retire(worker)
                raise Stopped
            answer = worker.conn.recv()
        except (EOFError, OSError):
            self._retire(worker)
            raise Died from None
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        """Stop every worker (the server is closing)."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
