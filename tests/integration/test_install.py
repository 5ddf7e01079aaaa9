"""A wheel installed in a fresh virtual environment builds the KG from another directory."""

from __future__ import annotations

import subprocess
import sys
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


def test_wheel_builds_the_kg_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # System site packages provide the dependencies already installed for the tests, so the
    # check needs no network; the wheel itself goes in with --no-deps.
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, capture_output=True
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    csrkg = env_dir / "bin" / "csrkg"
    result = subprocess.run([str(csrkg), "build", "--out", "kg.ttl"], cwd=work, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (work / "kg.ttl").stat().st_size > 100_000
    # The build ran from the installed copy, and wrote nothing inside it.
    site = subprocess.run(
        [str(python), "-c", "import kg, pathlib; print(pathlib.Path(kg.__file__).parent)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert site.startswith(str(env_dir))
    assert (Path(site) / "_data" / "ontology" / "csr.ttl").is_file()
    assert not list(Path(site).rglob("*.ttl.tmp"))
