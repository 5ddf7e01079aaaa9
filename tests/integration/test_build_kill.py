"""`csrkg build` killed by SIGKILL or SIGTERM at several moments: never a partial output file, the
previous output intact, and no temporary file left that a later run does not clean up.

The build runs as a subprocess of this checkout's code; a small wrapper pauses it at the chosen
moment (writing a marker file first), so the signal lands exactly there. It builds the tiny report
of tests/support/mini.py: the moments are the same for any report, and a small one reaches them in
a fraction of the bundled report's build.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.rdf.build import remove_stale_temporaries, write_atomically
from tests.support.mini import MINI_META, MINI_SHEET, MINI_TEXT
from tests.support.servers import WORKTREE, cli_env

# Each moment is a function the build calls, patched to announce itself and wait to be killed.
MOMENTS = {
    "loading reports": ("kg.cli.build", "load_reports"),
    "serialising": ("kg.cli.build", "serialise"),
    "half the temporary file written": ("kg.rdf.build", "_write_half"),
    "temporary file synced, not yet renamed": ("os", "replace"),
}

WRAPPER = textwrap.dedent(
    """
    import importlib, os, sys, time
    from pathlib import Path
    marker, module, name = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    sys.argv = ["csrkg", *sys.argv[4:]]

    def pause():
        marker.write_text(str(os.getpid()))
        time.sleep(120)

    if name == "_write_half":
        real_fdopen = os.fdopen
        class Half:
            def __init__(self, handle): self.handle = handle
            def __enter__(self): return self
            def __exit__(self, *exc): return self.handle.__exit__(*exc)
            def write(self, data):
                self.handle.write(data[: len(data) // 2]); self.handle.flush(); pause()
            def __getattr__(self, attr): return getattr(self.handle, attr)
        import kg.rdf.build
        kg.rdf.build.os.fdopen = lambda *a, **k: Half(real_fdopen(*a, **k))
    else:
        target = importlib.import_module(module)
        real = getattr(target, name)
        def patched(*args, **kwargs):
            if name == "replace" and not str(args[0]).endswith(".tmp"):
                return real(*args, **kwargs)
            pause()
            return real(*args, **kwargs)
        setattr(target, name, patched)
    from kg.cli.app import main
    main()
    """
)


def _start(report: Path, out: Path, marker: Path, moment: str) -> subprocess.Popen:
    module, name = MOMENTS[moment]
    return subprocess.Popen(
        [sys.executable, "-c", WRAPPER, str(marker), module, name, "build", str(report), "--out", str(out)],
        env=cli_env(),
        cwd=WORKTREE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for(marker: Path, process: subprocess.Popen, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while not marker.exists():
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the build never reached the moment"
        time.sleep(0.05)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny conforming report folder every build here builds."""
    folder = tmp_path_factory.mktemp("mini") / "sample"
    (folder / "claims").mkdir(parents=True)
    (folder / "report.txt").write_text(MINI_TEXT, encoding="utf-8")
    (folder / "report.yaml").write_text(MINI_META, encoding="utf-8")
    (folder / "claims" / "sheet.yaml").write_text(MINI_SHEET, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory, report: Path) -> bytes:
    """A real build's output, which killed builds must leave untouched."""
    out = tmp_path_factory.mktemp("first") / "kg.ttl"
    command = [sys.executable, "-m", "kg", "build", str(report), "--out", str(out)]
    subprocess.run(command, env=cli_env(), cwd=WORKTREE, check=True)
    return out.read_bytes()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_killed_build_leaves_the_previous_output(
    tmp_path: Path, report: Path, previous: bytes, moment: str, sig: int
) -> None:
    out = tmp_path / "kg.ttl"
    out.write_bytes(previous)
    marker = tmp_path / "reached"
    process = _start(report, out, marker, moment)
    _wait_for(marker, process)
    process.send_signal(sig)
    returncode = process.wait(timeout=60)
    assert returncode == (-signal.SIGKILL if sig == signal.SIGKILL else 128 + signal.SIGTERM)
    assert out.read_bytes() == previous
    temporaries = _leftovers(tmp_path)
    writing = moment.startswith(("half", "temporary"))
    if sig == signal.SIGTERM or not writing:
        assert temporaries == []  # SIGTERM unwinds and removes it; before writing there is none
    else:
        pid = int(marker.read_text())
        assert len(temporaries) == 1 and temporaries[0].startswith(f".kg.ttl.{pid}.")
        # The next write to the same output removes the dead writer's temporary file.
        write_atomically(out, b"next\n")
        assert _leftovers(tmp_path) == []
        assert out.read_bytes() == b"next\n"


def test_a_killed_build_without_previous_output_leaves_no_output(tmp_path: Path, report: Path) -> None:
    out = tmp_path / "kg.ttl"
    marker = tmp_path / "reached"
    process = _start(report, out, marker, "half the temporary file written")
    _wait_for(marker, process)
    process.kill()
    process.wait(timeout=60)
    assert not out.exists()
    assert [p.suffix for p in tmp_path.iterdir() if p.name != "reached"] == [".tmp"]


def test_stale_temporaries_of_live_writers_and_other_files_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "kg.ttl"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        files: dict[str, Callable[[Path], bool]] = {
            f".kg.ttl.{dead.pid}.abc.tmp": lambda p: not p.exists(),  # its writer is gone
            f".kg.ttl.{alive.pid}.abc.tmp": Path.exists,  # a live writer's
            ".kg.ttl.legacy.tmp": Path.exists,  # no process id: cannot tell, kept
            f".other.ttl.{dead.pid}.abc.tmp": Path.exists,  # another output's
            "kg.ttl.bak": Path.exists,
        }
        for name in files:
            (tmp_path / name).write_text("x")
        removed = remove_stale_temporaries(out)
        assert [p.name for p in removed] == [f".kg.ttl.{dead.pid}.abc.tmp"]
        assert all(check(tmp_path / name) for name, check in files.items())
    finally:
        alive.kill()
        alive.wait()
