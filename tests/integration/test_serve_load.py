"""`csrkg serve` under load: concurrent clients on loopback all get the local answers, a runaway
query is stopped at the time limit (503) while they are served, and the row limit holds.

The load is benchmarks/serve_load.py's; this test asserts correctness and zero errors, never
timings (the machine may be busy).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Graph

from benchmarks.serve_load import run_load
from tests.support.servers import start_csrkg_serve, stop

REQUESTS = 64
MAX_ROWS = 5000


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    # The time limit leaves saved queries room on a busy machine; the runaway query would need hours.
    process, url = start_csrkg_serve("--timeout", "15", "--max-rows", str(MAX_ROWS), "--workers", "3")
    try:
        yield url
    finally:
        stop(process)


def test_concurrent_clients_get_correct_answers_while_a_runaway_is_stopped(served: str, bundled_kg: Graph) -> None:
    graph = bundled_kg
    assert len(graph) > MAX_ROWS  # so that the whole-graph query must be cut
    tally, _, runaway = run_load(served, graph, clients=12, max_requests=REQUESTS, max_rows=MAX_ROWS)
    assert tally.errors == []
    assert tally.outcomes["error"] == tally.outcomes["wrong"] == 0
    assert tally.outcomes["correct"] + tally.outcomes["truncated"] == REQUESTS
    # Whole-graph queries came back cut at exactly MAX_ROWS rows, with the header (else "wrong").
    assert tally.outcomes["truncated"] > 0
    assert runaway and set(runaway) == {503}  # each runaway query stopped at the time limit
