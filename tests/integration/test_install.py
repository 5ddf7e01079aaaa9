"""A wheel installed in a fresh virtual environment builds the KG from another directory."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("csr_kg-*.whl")
    return found


def _see_the_test_environments_packages(python: Path) -> None:
    """Let the new environment import the dependencies the tests' own environment has, so the check
    needs no network; the wheel itself goes in with --no-deps.

    ``system_site_packages`` would not do: it points at the base interpreter's site-packages, which
    in a virtual environment are not where the dependencies are. A ``.pth`` line naming this
    environment's site directories appends them after the new environment's own, so the wheel's
    ``kg`` is found first (and an editable install's path hook in them is not run).
    """
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(purelib) / "csrkg-test-deps.pth").write_text("".join(f"{path}\n" for path in ours), encoding="utf-8")


def test_wheel_builds_the_kg_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # No pip of its own (ensurepip takes some 9 CPU-seconds): this environment's pip installs the
    # wheel into it, run by its interpreter (pip --python).
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    _see_the_test_environments_packages(python)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    csrkg = env_dir / "bin" / "csrkg"
    # Without the checkout a developer puts on PYTHONPATH, which would be imported before the wheel.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run([str(csrkg), "build", "--out", "kg.ttl"], cwd=work, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert (work / "kg.ttl").stat().st_size > 100_000
    # The build ran from the installed copy, and wrote nothing inside it.
    site = subprocess.run(
        [str(python), "-c", "import kg, pathlib; print(pathlib.Path(kg.__file__).parent)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.strip()
    assert site.startswith(str(env_dir))
    assert (Path(site) / "_data" / "ontology" / "csr.ttl").is_file()
    assert not list(Path(site).rglob("*.ttl.tmp"))
