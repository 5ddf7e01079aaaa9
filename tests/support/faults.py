"""Fault injection on loopback: a fake Graph Store that misbehaves on cue, and a TCP proxy that
drops connections or SIGKILLs the real store behind it at a chosen byte of the traffic.

Both count the faults they inject, so a test can assert that each fault really happened.
"""

from __future__ import annotations

import contextlib
import re
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DROP, STALL, NO_ANSWER_AFTER_APPLYING = "drop", "stall", "no-answer-after-applying"


def _reset(sock: socket.socket) -> None:
    """Close with a TCP RST, as a crashed peer or a broken network does, not a polite FIN."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


@dataclass
class Fault:
    """What to do to the next request matching ``method`` and ``path``: ``drop`` (read part of
    the body, then reset the connection), ``stall`` (answer nothing for ``seconds``), an HTTP
    status to answer with, or ``no-answer-after-applying`` (do the work, then reset)."""

    method: str
    path: str
    action: str | int
    seconds: float = 0.0


@dataclass
class FakeStore:
    """A Graph Store Protocol and SPARQL Update server with scripted faults.

    Its PUT is deliberately not atomic, like a store that clears the graph before streaming the
    new triples in: a PUT that fails half-way leaves the graph empty. ``MOVE GRAPH <a> TO ...``
    is atomic. Graphs are kept as the bytes uploaded (key ``""`` is the default graph).
    """

    faults: list[Fault] = field(default_factory=list)
    update_service: bool = True
    graphs: dict[str, bytes] = field(default_factory=dict)
    log: list[tuple[str, str, str]] = field(default_factory=list)
    authorizations: list[str | None] = field(default_factory=list)  # each request's Authorization header
    injected: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        host, port = self.server.server_address[:2]
        self.base = f"http://{host}:{port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _fault_for(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.method == method and fault.path == path:
                    self.faults.remove(fault)
                    self.injected += 1
                    return fault
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        store = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def _answer(self, status: int, body: bytes = b"") -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def _target(self) -> str | None:
                query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
                if "graph" in query:
                    return query["graph"][0]
                return "" if "default" in query else None

            def _handle(self) -> None:
                url = urlsplit(self.path)
                fault = store._fault_for(self.command, url.path)
                length = int(self.headers.get("Content-Length") or 0)
                store.log.append((self.command, url.path, str(fault.action) if fault else "ok"))
                store.authorizations.append(self.headers.get("Authorization"))
                if fault is not None and fault.action == DROP:
                    self.rfile.read(length // 2)
                    if self.command == "PUT" and (target := self._target()) is not None:
                        store.graphs[target] = b""  # cleared, never refilled: a non-atomic PUT
                    self.close_connection = True
                    _reset(self.connection)
                    return
                if fault is not None and fault.action == STALL:
                    self.rfile.read(length)
                    time.sleep(fault.seconds)
                    self.close_connection = True
                    _reset(self.connection)
                    return
                body = self.rfile.read(length)
                if fault is not None and isinstance(fault.action, int):
                    self._answer(fault.action, f"injected HTTP {fault.action}".encode())
                    return
                status, answer = self._serve(url.path, body)
                if fault is not None and fault.action == NO_ANSWER_AFTER_APPLYING:
                    self.close_connection = True
                    _reset(self.connection)
                    return
                self._answer(status, answer)

            def _serve(self, path: str, body: bytes) -> tuple[int, bytes]:
                if path == "/update":
                    if not store.update_service:
                        return 404, b"no such service"
                    return store._update(body.decode("utf-8"))
                if path not in ("/store", "/rdf-graph-store"):
                    return 404, b"not found"
                target = self._target()
                if target is None:
                    return 400, b"graph or default required"
                with store._lock:
                    if self.command == "PUT":
                        if b"<relative>" in body:  # stands for any triple the store rejects
                            return 400, b"bad IRI"
                        created = target not in store.graphs
                        store.graphs[target] = body
                        return (201 if created else 204), b""
                    if self.command in ("GET", "HEAD"):
                        if target not in store.graphs:
                            return 404, b"no such graph"
                        return 200, store.graphs[target]
                    if self.command == "DELETE":
                        return (204, b"") if store.graphs.pop(target, None) is not None else (404, b"no such graph")
                return 405, b"method not allowed"

            do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _handle

        return Handler

    def _update(self, text: str) -> tuple[int, bytes]:
        match = re.fullmatch(r"MOVE GRAPH <([^>]+)> TO (?:DEFAULT|GRAPH <([^>]+)>)", text.strip())
        if match is None:
            return 400, b"unsupported update"
        source, destination = match.group(1), match.group(2) or ""
        with self._lock:
            if source not in self.graphs:
                return 500, b"The graph does not exist"
            self.graphs[destination] = self.graphs.pop(source)
        return 204, b""


class FaultProxy:
    """A TCP proxy to ``upstream`` that fires one fault when the client has sent ``after`` bytes
    beyond the first occurrence of ``marker``: ``action`` runs (e.g. SIGKILL the store), then both
    connections are reset without forwarding the rest. With ``forward_first`` the bytes reaching
    the trigger are passed on before the action runs."""

    def __init__(
        self,
        upstream: tuple[str, int],
        marker: bytes,
        after: int,
        action: Callable[[], None] = lambda: None,
        forward_first: bool = False,
    ) -> None:
        self.upstream = upstream
        self.marker = marker
        self.after = after
        self.action = action
        self.forward_first = forward_first
        self.fired = threading.Event()
        self.injected = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closing = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closing = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                _reset(client)
                continue
            server.settimeout(None)
            threading.Thread(target=self._pump_up, args=(client, server), daemon=True).start()
            threading.Thread(target=self._pump_down, args=(server, client), daemon=True).start()

    def _pump_down(self, server: socket.socket, client: socket.socket) -> None:
        try:
            while data := server.recv(65536):
                client.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (client, server):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def _pump_up(self, client: socket.socket, server: socket.socket) -> None:
        seen = b""
        counted = -1  # bytes past the marker, once it has been seen
        try:
            while data := client.recv(65536):
                if not self.fired.is_set():
                    if counted < 0:
                        seen = (seen + data)[-(len(self.marker) + len(data)) :]
                        index = seen.find(self.marker)
                        if index >= 0:
                            counted = len(seen) - index
                    else:
                        counted += len(data)
                    if counted >= 0 and counted >= self.after:
                        self.fired.set()
                        self.injected += 1
                        if self.forward_first:
                            server.sendall(data)
                            time.sleep(0.05)
                        self.action()
                        _reset(client)
                        _reset(server)
                        return
                server.sendall(data)
        except OSError:
            pass


def sigkill(process: subprocess.Popen) -> Callable[[], None]:
    """An action that SIGKILLs ``process`` and reaps it."""

    def action() -> None:
        process.kill()
        process.wait()

    return action
