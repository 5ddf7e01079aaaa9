"""Optional extras: the core commands import none of them, and a command whose extra is missing
says in one line which pip command installs it (exit 2), before it writes or sends anything."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.app import main
from kg.errors import MissingExtraError
from kg.extras import require
from tests.support.paths import MINI_REPORT, ROOT
from tests.support.servers import cli_env

EXTRA_MODULES = ("requests", "urllib3", "matplotlib", "pylode", "SPARQLWrapper", "distributed")


def test_require_names_the_extra_and_its_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pylode", None)  # as if not installed
    with pytest.raises(MissingExtraError) as info:
        require("pylode", "docs", "csrkg docs")
    assert str(info.value) == "csrkg docs needs pylode: pip install 'csr-kg[docs]'"
    assert info.value.exit_code == 2
    assert require("json", "none", "nothing").__name__ == "json"


def test_core_commands_import_no_extra(tmp_path: Path) -> None:
    """build, query and site (of the mini report) run without loading any extra's module."""
    script = textwrap.dedent(
        f"""
        import sys
        from click.testing import CliRunner
        from kg.cli.app import main
        data, site = sys.argv[1] + "/kg.ttl", sys.argv[1] + "/site"
        commands = (
            ["build", sys.argv[2], "--out", data],
            ["query", "missing-figures", "--data", data],
            ["site", data, sys.argv[2], "-o", site],
        )
        for args in commands:
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 0, (args, result.output)
        print(sorted(m for m in {EXTRA_MODULES!r} if m in sys.modules))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), str(MINI_REPORT)],
        capture_output=True,
        text=True,
        env=cli_env(),
        check=True,
    )
    assert done.stdout.strip() == "[]", done.stderr


@pytest.mark.parametrize(
    ("module", "args", "message"),
    [
        (
            "matplotlib",
            ["graph", "--out", "{out}"],
            "csrkg graph (the network picture) needs matplotlib: pip install 'csr-kg[plots]'",
        ),
        ("pylode", ["docs", "--out", "{out}"], "csrkg docs needs pylode: pip install 'csr-kg[docs]'"),
        (
            "requests",
            ["publish", "--store-url", "http://127.0.0.1:9/store"],
            "publishing to a store needs requests: pip install 'csr-kg[remote]'",
        ),
        (
            "requests",
            ["query", "missing-figures", "--endpoint", "http://127.0.0.1:9/query"],
            "querying a remote endpoint needs requests: pip install 'csr-kg[remote]'",
        ),
        (
            "distributed",
            ["build", str(MINI_REPORT), "--out", "{out}.nt", "--scheduler", "tcp://127.0.0.1:9"],
            "--scheduler needs distributed: pip install 'csr-kg[distributed]'",
        ),
    ],
    ids=["graph", "docs", "publish", "query-endpoint", "scheduler"],
)
def test_a_missing_extra_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: str, args: list[str], message: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [a.format(out=out) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {message}\n"
    assert not out.exists()


def test_the_test_extra_pulls_in_every_other() -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11 on")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert extras["all"] == ["csr-kg[remote,plots,docs,pdf,tables,distributed]"]
    assert "csr-kg[all]" in extras["test"]
    assert set(extras) == {"remote", "plots", "docs", "pdf", "tables", "distributed", "all", "test"}
