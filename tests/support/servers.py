"""Helpers to run real servers on loopback for tests, and to compare rows across engines."""

from __future__ import annotations

import itertools
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from string import Template

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.sparql.saved import Rows
from tests.support.paths import ROOT

NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


_PORTS = itertools.count()


def free_port() -> int:
    """A free loopback port for a server a test starts as a separate process.

    The port is free when checked but only taken when the server binds it, so two pytest-xdist
    workers asking the kernel for any free port could be given the same one in between; each
    worker (gw0, gw1, ...) takes ports from a block of its own, outside Linux's ephemeral range.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    base = 20000 + 500 * (int(worker) if worker.isdigit() else 0)
    for _ in range(500):
        port = base + next(_PORTS) % 500
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise OSError(f"no free port in 127.0.0.1:{base}-{base + 499}")


def wait_for(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _normal(term: Node | None) -> tuple:
    """Compare terms by value where engines may print them differently (numbers, language tags)."""
    if term is None:
        return ("unbound",)
    if isinstance(term, URIRef):
        return ("iri", str(term))
    assert isinstance(term, Literal)
    if term.datatype in NUMERIC:
        return ("number", Decimal(str(term.toPython())))
    if term.language:
        return ("lang", str(term), term.language.lower())
    return ("literal", str(term), str(term.datatype or XSD.string))


def normalised(rows: Rows) -> tuple[tuple[str, ...], list[tuple]]:
    """Variables and the multiset of rows (sorted), so ties in ORDER BY cannot differ."""
    return rows.variables, sorted(tuple(_normal(t) for t in row) for row in rows.rows)


WORKTREE = ROOT


def cli_env() -> dict[str, str]:
    """The environment for ``python -m kg.cli.app`` subprocesses: this checkout's ``kg`` first.

    The installed ``csrkg`` script may belong to another checkout; tests run this one's code.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(WORKTREE), env.get("PYTHONPATH", "")) if p)
    return env


def cli(*args: str) -> list[str]:
    """The command line running ``csrkg ARGS`` from this checkout."""
    return [sys.executable, "-m", "kg", *args]


def start_oxigraph(location: Path, port: int | None = None, read_only: bool = False) -> tuple[subprocess.Popen, str]:
    """An Oxigraph server on loopback over the store ``location``; returns it and its base URL."""
    port = port or free_port()
    command = "serve-read-only" if read_only else "serve"
    process = subprocess.Popen(
        ["oxigraph", command, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/query?query=ASK%7B%7D")
    except BaseException:
        process.kill()
        process.wait()
        raise
    return process, base


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_csrkg_serve(*args: str, log: Path | None = None, seconds: float = 300) -> tuple[subprocess.Popen, str]:
    """``csrkg serve ARGS --port 0`` from this checkout; returns it and its /sparql URL.

    Its stderr goes to ``log`` (default: a temporary file), never to a pipe nobody reads: a
    server whose stderr pipe filled up would block on its next traceback.
    """
    if log is None:
        log = Path(tempfile.mkstemp(prefix="csrkg-serve-", suffix=".log")[1])
    with log.open("wb") as sink:
        process = subprocess.Popen(
            cli("serve", *args, "--port", "0"), stderr=sink, stdout=subprocess.DEVNULL, env=cli_env(), cwd=WORKTREE
        )
    deadline = time.monotonic() + seconds
    while (match := re.search(r"at (http://127\.0\.0\.1:\d+/sparql)", log.read_text(errors="replace"))) is None:
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"csrkg serve did not start: {log.read_text(errors='replace')[-500:]}")
        time.sleep(0.1)
    return process, match.group(1)


VIRTUOSO_INI = Path(__file__).with_name("virtuoso.ini")


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: its process, HTTP base URL, and the dba password generated for it."""

    process: subprocess.Popen
    base: str
    password: str


def start_virtuoso(directory: Path, seconds: float = 300) -> Virtuoso:
    """A headless Virtuoso on loopback over a new database in ``directory``, dba's password changed.

    A new database opens with the well-known dba/dba; it is replaced at once (by isql on the SQL
    port, the statement on stdin, not on a command line) with a random password, so that the
    HTTP endpoints never accept the default one after this returns. Its output goes to a file in
    ``directory``, never to a pipe nobody reads. The first start creates the database (about ten
    seconds on two cores).
    """
    sql_port, http_port = free_port(), free_port()
    config = directory / "virtuoso.ini"
    config.write_text(
        Template(VIRTUOSO_INI.read_text()).substitute(dir=directory, sql_port=sql_port, http_port=http_port)
    )
    with (directory / "virtuoso-t.out").open("wb") as sink:
        process = subprocess.Popen(
            ["virtuoso-t", "+foreground", "+configfile", str(config)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=directory,
        )
    base = f"http://127.0.0.1:{http_port}"
    password = secrets.token_hex(16)
    try:
        wait_for(f"{base}/sparql?query=ASK%7B%7D", seconds)
        subprocess.run(
            ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba"],
            input=f"USER_SET_PASSWORD('dba', '{password}');\n",
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
    except BaseException:
        stop(process)
        raise
    return Virtuoso(process, base, password)
