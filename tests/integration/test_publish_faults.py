"""Publishing under real faults: dropped uploads, stalls past the timeout, 5xx answers, a store
without SPARQL Update, and a real Oxigraph SIGKILLed mid-publish then restarted on its data.

Whatever happens, the target graph holds its previous triples or all of the new ones, never a
part; faults are retried only where that is safe, and failures end in a one-line error.
"""

from __future__ import annotations

import base64
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli.app import main
from kg.errors import InputError, RemoteError
from kg.outputs.publish import publish, staging_graph, update_endpoint_for
from kg.sparql.retrying import RetryPolicy
from kg.vocab.ontology import with_ontology
from tests.support.faults import DROP, NO_ANSWER_AFTER_APPLYING, STALL, FakeStore, Fault, FaultProxy, sigkill
from tests.support.servers import start_oxigraph, stop

FAST = RetryPolicy(attempts=3, backoff=0.01, timeout=1.0)
PATIENT = RetryPolicy(attempts=3, backoff=0.05, timeout=120.0)  # a real store loading megabytes
EX = "http://example.org/"


def _graph(n: int, word: str) -> Graph:
    graph = Graph()
    for i in range(n):
        graph.add((URIRef(f"{EX}{word}/{i}"), URIRef(f"{EX}p"), Literal(f"{word} {i}")))
    return graph


OLD, NEW = _graph(50, "old"), _graph(80, "new")
OLD_NT, NEW_NT = (g.serialize(format="nt", encoding="utf-8") for g in (OLD, NEW))


@pytest.fixture
def store() -> Iterator[FakeStore]:
    fake = FakeStore(graphs={"": OLD_NT})
    yield fake
    fake.close()


def _messages() -> tuple[list[str], object]:
    messages: list[str] = []
    return messages, messages.append


def test_update_url_is_found_beside_the_store() -> None:
    assert update_endpoint_for("http://127.0.0.1:7878/store") == "http://127.0.0.1:7878/update"
    assert update_endpoint_for("http://h/ds/data") == "http://h/ds/update"
    assert update_endpoint_for("http://h/rdf-graph-store") is None
    assert update_endpoint_for("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql-auth"
    assert update_endpoint_for("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"


def test_clean_publish_stages_then_moves(store: FakeStore) -> None:
    assert publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None) == "moved"
    assert store.graphs == {"": NEW_NT}
    assert [(m, p) for m, p, _ in store.log] == [("PUT", "/store"), ("POST", "/update")]


def test_a_dropped_upload_is_retried(store: FakeStore) -> None:
    store.faults = [Fault("PUT", "/store", DROP)]
    messages, log = _messages()
    assert publish(NEW, f"{store.base}/store", policy=FAST, log=log) == "moved"
    assert store.injected == 1
    assert store.graphs == {"": NEW_NT}
    assert [a for m, _, a in store.log if m == "PUT"] == ["drop", "ok"]
    assert len(messages) == 1 and "retrying" in messages[0]


def test_an_upload_dropped_every_time_leaves_the_previous_graph(store: FakeStore) -> None:
    store.faults = [Fault("PUT", "/store", DROP) for _ in range(FAST.attempts)]
    with pytest.raises(RemoteError) as info:
        publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None)
    assert store.injected == FAST.attempts
    assert "upload to the staging graph failed" in str(info.value) and "\n" not in str(info.value)
    # The fake's PUT empties the graph it fails on: only the staging graph suffered.
    assert store.graphs[""] == OLD_NT
    assert staging_graph(f"{store.base}/store", None) not in store.graphs  # removed after the failure


def test_a_stall_past_the_timeout_is_retried(store: FakeStore) -> None:
    store.faults = [Fault("PUT", "/store", STALL, seconds=3 * FAST.timeout)]
    assert publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None) == "moved"
    assert store.injected == 1
    assert store.graphs == {"": NEW_NT}


def test_a_store_that_stalls_every_time_fails_with_the_graph_intact(store: FakeStore) -> None:
    store.faults = [Fault("PUT", "/store", STALL, seconds=2 * FAST.timeout) for _ in range(FAST.attempts)]
    with pytest.raises(RemoteError, match="timed out"):
        publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None)
    assert store.injected == FAST.attempts
    assert store.graphs[""] == OLD_NT


@pytest.mark.parametrize("statuses", [[500], [503], [500, 503]])
def test_server_errors_are_retried_then_succeed(store: FakeStore, statuses: list[int]) -> None:
    store.faults = [Fault("PUT", "/store", status) for status in statuses]
    assert publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None) == "moved"
    assert store.injected == len(statuses)
    assert [a for m, _, a in store.log if m == "PUT"] == [*map(str, statuses), "ok"]
    assert store.graphs == {"": NEW_NT}


@pytest.mark.parametrize("status", [400, 401, 403, 413])
def test_client_errors_are_not_retried(store: FakeStore, status: int) -> None:
    store.faults = [Fault("PUT", "/store", status)]
    with pytest.raises(RemoteError, match=f"refused with HTTP {status}: injected HTTP {status}$"):
        publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None)
    assert [m for m, _, _ in store.log] == ["PUT", "DELETE"]  # one try, then the staging graph is removed
    assert store.graphs == {"": OLD_NT}


def test_a_move_whose_answer_is_lost_is_not_repeated(store: FakeStore) -> None:
    store.faults = [Fault("POST", "/update", NO_ANSWER_AFTER_APPLYING)]
    assert publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None) == "moved"
    assert store.injected == 1
    # The move happened once; the staging graph's absence told the client so.
    assert [(m, a) for m, _, a in store.log] == [("PUT", "ok"), ("POST", NO_ANSWER_AFTER_APPLYING), ("HEAD", "ok")]
    assert store.graphs == {"": NEW_NT}


def test_a_move_dropped_before_applying_is_repeated(store: FakeStore) -> None:
    store.faults = [Fault("POST", "/update", DROP), Fault("POST", "/update", 503)]
    assert publish(NEW, f"{store.base}/store", policy=FAST, log=lambda m: None) == "moved"
    assert store.injected == 2
    assert [m for m, _, _ in store.log] == ["PUT", "POST", "HEAD", "POST", "HEAD", "POST"]
    assert store.graphs == {"": NEW_NT}


def test_a_named_graph_is_replaced_and_the_default_graph_kept(store: FakeStore) -> None:
    store.graphs["urn:g"] = OLD_NT
    publish(NEW, f"{store.base}/store", graph_iri="urn:g", policy=FAST, log=lambda m: None)
    assert store.graphs == {"": OLD_NT, "urn:g": NEW_NT}


def test_without_update_service_the_fallback_is_a_direct_put_said_aloud(store: FakeStore) -> None:
    store.update_service = False
    messages, log = _messages()
    assert publish(NEW, f"{store.base}/store", policy=FAST, log=log) == "put"
    assert store.graphs == {"": NEW_NT}  # staging graph removed
    assert len(messages) == 1 and "no update service" in messages[0] and "may not do atomically" in messages[0]
    messages.clear()
    store.graphs[""] = OLD_NT
    assert publish(NEW, f"{store.base}/rdf-graph-store", policy=FAST, log=log) == "put"
    assert "give one with --update" in messages[0]


def test_cli_reports_a_dead_store_in_one_line(store: FakeStore, tmp_path: Path) -> None:
    data = tmp_path / "new.nt"
    data.write_bytes(NEW_NT)
    store.faults = [Fault("PUT", "/store", 503) for _ in range(2)]
    result = CliRunner().invoke(main, ["publish", str(data), "--store-url", f"{store.base}/store", "--attempts", "2"])
    assert result.exit_code == 3  # a store that failed, not a violation
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
    assert "upload to the staging graph refused with HTTP 503" in result.output
    assert store.graphs[""] == OLD_NT and store.injected == 2


# A real Oxigraph, SIGKILLed during publish and restarted on the same data directory.

oxigraph_missing = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="oxigraph is not installed")


def _dump(base: str) -> list[str]:
    response = requests.get(f"{base}/store", params={"default": ""}, headers={"Accept": "application/n-triples"})
    response.raise_for_status()
    return sorted(line for line in response.text.splitlines() if line.strip())


def _lines(graph: Graph) -> list[str]:
    return sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())


@oxigraph_missing
@pytest.mark.parametrize(
    ("moment", "marker", "after", "forward_first"),
    [
        ("a quarter into the upload", b"PUT /store?graph=", 1 << 18, False),
        ("when the move is sent", b"POST /update", 0, False),
        ("just after the move reached the store", b"POST /update", 0, True),
    ],
)
def test_oxigraph_killed_during_publish_keeps_a_whole_graph(
    tmp_path: Path, bundled_graph: Graph, moment: str, marker: bytes, after: int, forward_first: bool
) -> None:
    location = tmp_path / "db"
    process, base = start_oxigraph(location)
    proxy = None
    try:
        publish(OLD, f"{base}/store", log=lambda m: None)
        before = _dump(base)
        assert before == _lines(OLD)
        # Ten thousand of the bundled KG's triples, about 2 MB of N-Triples: the upload takes a
        # while, and a kill a quarter of a megabyte in lands well inside it.
        new = Graph()
        for triple in sorted(bundled_graph)[:10_000]:
            new.add(triple)
        assert len(new.serialize(format="nt", encoding="utf-8")) > 6 * (1 << 18)
        port = int(base.rsplit(":", 1)[1])
        proxy = FaultProxy(("127.0.0.1", port), marker, after, sigkill(process), forward_first)
        with pytest.raises(RemoteError) as info:
            publish(new, f"http://127.0.0.1:{proxy.port}/store", policy=PATIENT, log=lambda m: None)
        assert proxy.injected == 1, f"{moment}: {info.value}"
        assert "\n" not in str(info.value)
        process, base = start_oxigraph(location)
        after_restart = _dump(base)
        if forward_first:  # the store may have committed the move before dying: all or nothing
            assert after_restart in (before, _lines(new)), moment
        else:
            assert after_restart == before, moment
        # The next publish succeeds and leaves no staging graph behind.
        publish(new, f"{base}/store", log=lambda m: None)
        assert len(_dump(base)) == len(new)
        staging = staging_graph(f"{base}/store", None)
        assert requests.head(f"{base}/store", params={"graph": staging}).status_code == 404
    finally:
        if proxy is not None:
            proxy.close()
        stop(process)


@oxigraph_missing
def test_oxigraph_behind_a_connection_dropped_mid_upload(tmp_path: Path) -> None:
    process, base = start_oxigraph(tmp_path / "db")
    proxy = None
    try:
        publish(OLD, f"{base}/store", log=lambda m: None)
        port = int(base.rsplit(":", 1)[1])
        proxy = FaultProxy(("127.0.0.1", port), b"PUT /store?graph=", len(NEW_NT) // 2)
        assert publish(NEW, f"http://127.0.0.1:{proxy.port}/store", policy=PATIENT, log=lambda m: None) == "moved"
        assert proxy.injected == 1
        assert _dump(base) == _lines(NEW)
    finally:
        if proxy is not None:
            proxy.close()
        stop(process)


def test_subprocess_cli_publish_fails_with_exit_3_and_one_line(tmp_path: Path) -> None:
    from tests.support.servers import cli, cli_env, free_port

    data = tmp_path / "new.nt"
    data.write_bytes(NEW_NT)
    port = free_port()  # nothing listens there
    result = subprocess.run(
        cli("publish", str(data), "--store-url", f"http://127.0.0.1:{port}/store", "--attempts", "1"),
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=120,
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert "upload to the staging graph failed" in result.stderr


def test_cli_graph_must_be_an_absolute_iri(store: FakeStore, tmp_path: Path) -> None:
    data = tmp_path / "new.nt"
    data.write_bytes(NEW_NT)
    for bad in ("kg", "/graphs/kg", "urn:a> <urn:b"):
        result = CliRunner().invoke(main, ["publish", str(data), "--store-url", f"{store.base}/store", "--graph", bad])
        assert result.exit_code == 2
        assert result.stderr == (
            f"Error: --graph {bad!r} is not an absolute IRI (one with a scheme, e.g. https://example.org/kg)\n"
        )
    with pytest.raises(InputError, match="not an absolute IRI"):
        publish(NEW, f"{store.base}/store", graph_iri="kg", policy=FAST, log=lambda m: None)
    assert store.log == []  # refused before anything was sent


def test_cli_user_needs_a_password_without_a_terminal(store: FakeStore, tmp_path: Path) -> None:
    data = tmp_path / "new.nt"
    data.write_bytes(NEW_NT)
    url = f"{store.base}/store"
    runner = CliRunner()
    alone = runner.invoke(main, ["publish", str(data), "--store-url", url, "--user", "u"])
    assert alone.exit_code == 2
    assert alone.stderr == "Error: --user needs --password or CSRKG_STORE_PASSWORD (or a terminal to be asked for it)\n"
    orphan = runner.invoke(main, ["publish", str(data), "--store-url", url, "--password", "p"])
    assert orphan.exit_code == 2 and orphan.stderr == "Error: --password (or CSRKG_STORE_PASSWORD) needs --user\n"
    assert store.log == []
    both = runner.invoke(main, ["publish", str(data), "--store-url", url, "--user", "u", "--password", "p"])
    assert both.exit_code == 0, both.output
    assert set(store.authorizations) == {"Basic " + base64.b64encode(b"u:p").decode()}


def test_cli_retries_are_quiet_when_stderr_is_not_a_terminal(store: FakeStore, tmp_path: Path) -> None:
    data = tmp_path / "new.nt"
    data.write_bytes(NEW_NT)
    store.faults = [Fault("PUT", "/store", DROP)]
    result = CliRunner().invoke(main, ["publish", str(data), "--store-url", f"{store.base}/store"])
    assert result.exit_code == 0, result.output
    assert store.injected == 1 and _holds_new(store)
    assert result.stderr == f"published {len(with_ontology(NEW))} triples to {store.base}/store (staged and moved)\n"


def _holds_new(store: FakeStore) -> bool:
    """The default graph is NEW with the ontology the command adds."""
    return isomorphic(Graph().parse(data=store.graphs[""], format="nt"), with_ontology(NEW))


def _read_until(fd: int, needle: bytes, seen: bytearray, seconds: float = 60) -> None:
    """Read a pty until ``needle`` appears, its other end closes, or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    while needle not in seen and (left := deadline - time.monotonic()) > 0:
        if not select.select([fd], [], [], left)[0]:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: every holder of the terminal's other end has closed it
            break
        if not chunk:
            break
        seen += chunk


def test_cli_on_a_terminal_asks_for_the_password_and_shows_retries(store: FakeStore, tmp_path: Path) -> None:
    """A person at a terminal (stdin and stderr a pty, no controlling terminal besides) is asked for
    the password, hidden, and sees each retry on stderr."""
    from tests.support.servers import cli, cli_env

    data = tmp_path / "new.nt"
    data.write_bytes(NEW_NT)
    store.faults = [Fault("PUT", "/store", DROP)]
    leader, follower = os.openpty()
    command = cli("publish", str(data), "--store-url", f"{store.base}/store", "--user", "u")
    process = subprocess.Popen(
        command, stdin=follower, stderr=follower, stdout=subprocess.DEVNULL, env=cli_env(), start_new_session=True
    )
    os.close(follower)
    seen = bytearray()
    try:
        _read_until(leader, b"Password for u:", seen)
        assert b"Password for u:" in seen, bytes(seen)
        os.write(leader, b"secret\n")
        _read_until(leader, b"(staged and moved)", seen)
        assert process.wait(timeout=60) == 0, bytes(seen)
    finally:
        process.kill()
        process.wait()
        os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "secret" not in text  # not echoed
    assert "csrkg publish: upload to the staging graph: connection dropped" in text and "retrying in 0.5 s" in text
    assert _holds_new(store)
    assert set(store.authorizations) == {"Basic " + base64.b64encode(b"u:secret").decode()}
