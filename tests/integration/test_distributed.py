"""Per-report work on a Dask cluster (``--scheduler``) gives the local run's output, byte for byte.

The cluster is a ``distributed.LocalCluster`` of two worker processes listening on 127.0.0.1
only; it stands for machines that share a file system with this one.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kg import synthetic as synth
from kg.cli.app import main
from kg.errors import RemoteError
from kg.workers import in_order
from tests.support.paths import FIXTURES

distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")
dask = pytest.importorskip("dask", reason="the distributed extra is not installed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return synth.generate(tmp_path_factory.mktemp("corpus"), 4, seed=11, claims=30)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr if result.exit_code else result.stdout


def test_a_corpus_built_on_the_cluster_is_the_local_build(scheduler: str, folders: list[Path], tmp_path: Path) -> None:
    local, remote = tmp_path / "local.nq", tmp_path / "remote.nq"
    assert _run("build", *map(str, folders), "--out", str(local), "--jobs", "1", "-q")[0] == 0
    assert _run("build", *map(str, folders), "--out", str(remote), "--scheduler", scheduler, "-q")[0] == 0
    assert remote.read_bytes() == local.read_bytes()
    assert len(local.read_bytes().splitlines()) > 1000


def test_validating_on_the_cluster_gives_the_local_findings(scheduler: str, folders: list[Path]) -> None:
    local = _run("validate", *map(str, folders), "-f", "json", "--jobs", "1")
    remote = _run("validate", *map(str, folders), "-f", "json", "--scheduler", scheduler)
    assert remote == local
    ids = [yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))["id"] for folder in folders]
    assert sorted(json.loads(local[1])["reports"]) == sorted(ids)


def test_sources_are_drafted_on_the_cluster(scheduler: str, tmp_path: Path) -> None:
    sources = []
    for name in ("harbourline-2022", "meridian-2022"):
        source = tmp_path / f"{name}.txt"
        shutil.copy(FIXTURES / "heldout" / name / "report.txt", source)
        sources.append(str(source))
    local, again, remote = tmp_path / "local.nt", tmp_path / "again.nt", tmp_path / "remote.nt"
    assert _run("build", *sources, "--out", str(local), "--jobs", "1", "-q")[0] == 0
    assert _run("build", *sources, "--out", str(again), "-q")[0] == 0  # drafted in scratch folders of new names
    assert _run("build", *sources, "--out", str(remote), "--scheduler", scheduler, "-q")[0] == 0
    assert again.read_bytes() == local.read_bytes()
    assert remote.read_bytes() == local.read_bytes()


def test_a_bad_report_fails_on_the_cluster_as_it_fails_here(
    scheduler: str, folders: list[Path], tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(folders[0], broken)
    (broken / "report.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    out = tmp_path / "corpus.nt"
    local = _run("build", str(broken), str(folders[1]), "--out", str(out), "--jobs", "1")
    remote = _run("build", str(broken), str(folders[1]), "--out", str(out), "--scheduler", scheduler)
    assert remote == local
    assert local[0] == 2 and "report.yaml" in local[1]
    assert not out.exists()


def test_results_come_back_in_the_order_of_the_inputs(scheduler: str) -> None:
    assert list(in_order(abs, [-3, 1, -2, 0, 5, -4, 2, -1], scheduler=scheduler)) == [3, 1, 2, 0, 5, 4, 2, 1]


def test_an_unreachable_scheduler_is_a_one_line_remote_failure(folders: list[Path], tmp_path: Path) -> None:
    # Dask's own connect timeout decides how long the client keeps retrying (30 s by default).
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, err = _run("build", str(folders[0]), "--out", str(tmp_path / "x.nt"), "--scheduler", "tcp://127.0.0.1:9")
    assert code == RemoteError.exit_code
    assert "cannot reach the Dask scheduler" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.nt").exists()


@pytest.mark.parametrize("address", ["127.0.0.1:8786", "http://127.0.0.1:8786", "tcp://"])
def test_a_scheduler_that_is_no_address_is_a_usage_error(folders: list[Path], tmp_path: Path, address: str) -> None:
    code, err = _run("build", str(folders[0]), "--out", str(tmp_path / "x.nt"), "--scheduler", address)
    assert code == 2 and "not a Dask scheduler address" in err


def test_the_cluster_builds_corpora_not_one_turtle_file(scheduler: str, folders: list[Path], tmp_path: Path) -> None:
    code, err = _run("build", str(folders[0]), "--out", str(tmp_path / "x.ttl"), "--scheduler", scheduler)
    assert code == 2 and "--out FILE.nt/.nq or --store DIR" in err


class _Cluster:
    """A stand-in client whose workers report the given csr-kg versions."""

    def __init__(self, versions: list[str]) -> None:
        self.versions = versions

    def run(self, fn: object) -> dict[str, str]:
        return {f"tcp://127.0.0.1:{4000 + i}": v for i, v in enumerate(self.versions)}


def test_workers_of_another_version_or_none_at_all_are_refused() -> None:
    from kg import software_version
    from kg.workers import _same_version

    _same_version(_Cluster([software_version(), software_version()]), "tcp://x:1")
    with pytest.raises(RemoteError, match=r"workers run csr-kg 0\.0\.1, this is"):
        _same_version(_Cluster([software_version(), "0.0.1"]), "tcp://x:1")
    with pytest.raises(RemoteError, match="no workers"):
        _same_version(_Cluster([]), "tcp://x:1")
