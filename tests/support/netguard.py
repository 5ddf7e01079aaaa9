"""A Python audit hook that counts outbound connections and file opens outside allowed places.

Audit hooks cannot be removed once added, so one hook is installed for the whole test session
(on first import) and only counts while a guard is switched on by the ``guard`` fixture. What
counts:

* ``socket.connect`` / ``socket.getaddrinfo`` to anything but loopback (a DNS lookup of a remote
  name is already an attempt to go out);
* ``urllib.Request`` for any URL that is not on loopback (``file:`` URLs included);
* ``open`` of a path outside the project, the temporary directories, Python's installation and
  ``/dev``;
* ``subprocess.Popen`` and ``os.system``: nothing parsed or queried should start a program.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.paths import ROOT

PROJECT = ROOT
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass
class Guard:
    """The offences seen while switched on, by kind."""

    allowed_roots: tuple[str, ...] = ()
    on: bool = False
    connections: list[str] = field(default_factory=list)
    opens: list[str] = field(default_factory=list)
    processes: list[str] = field(default_factory=list)

    def count(self) -> int:
        return len(self.connections) + len(self.opens) + len(self.processes)


_GUARD = Guard()
_LOCAL = threading.local()


def _roots(extra: tuple[Path, ...]) -> tuple[str, ...]:
    paths = {
        PROJECT,
        Path(tempfile.gettempdir()),
        Path(sys.prefix),
        Path(sys.base_prefix),
        Path(sys.exec_prefix),
        Path("/dev"),
        *(Path(p) for p in sysconfig.get_paths().values()),
        *(Path(p) for p in sys.path if p and Path(p).is_dir()),
        *extra,
    }
    return tuple(sorted({str(p.resolve()) for p in paths}))


def _outside(path: str) -> bool:
    absolute = os.path.realpath(os.path.join(os.getcwd(), path))
    return not any(absolute == root or absolute.startswith(root + os.sep) for root in _GUARD.allowed_roots)


def _hook(event: str, args: tuple) -> None:
    if not _GUARD.on or getattr(_LOCAL, "busy", False):
        return
    _LOCAL.busy = True  # the hook's own os.path calls must not recurse into it
    try:
        if event == "socket.connect":
            address = args[1]
            if isinstance(address, tuple) and address[0] not in LOOPBACK:
                _GUARD.connections.append(f"connect {address}")
        elif event == "socket.getaddrinfo":
            if args[0] not in LOOPBACK and args[0] is not None:
                _GUARD.connections.append(f"resolve {args[0]!r}")
        elif event == "urllib.Request":
            url = urlsplit(args[0])
            if url.scheme == "file" or url.hostname not in LOOPBACK:
                _GUARD.connections.append(f"urllib {args[0]}")
        elif event == "open":
            path = args[0]
            if isinstance(path, bytes):
                path = os.fsdecode(path)
            if isinstance(path, str) and _outside(path):
                _GUARD.opens.append(path)
        elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"):
            _GUARD.processes.append(f"{event} {args[0]!r}")
    finally:
        _LOCAL.busy = False


sys.addaudithook(_hook)


class switched_on:
    """Count offences within a ``with`` block; yields the guard."""

    def __init__(self, *extra_roots: Path) -> None:
        self.extra = extra_roots

    def __enter__(self) -> Guard:
        _GUARD.allowed_roots = _roots(self.extra)
        _GUARD.connections.clear()
        _GUARD.opens.clear()
        _GUARD.processes.clear()
        _GUARD.on = True
        return _GUARD

    def __exit__(self, *exc: object) -> None:
        _GUARD.on = False
