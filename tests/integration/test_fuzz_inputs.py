"""Fuzzing the claim-sheet reader and the report-folder loader with malformed report folders.

Every case (tests/fuzz_cases.py: truncation, encodings, wrong types, huge values, 10,000-level
nesting, alias bombs, YAML tags, stray characters, missing files ...) must end in a one-line
InputError naming the file (and the line, where the problem has one) or in a graph that every
export format carries; never another exception, never a hang, never a half-written output file.
``benchmarks/fuzz_inputs.py`` runs a larger campaign of the same cases.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli.app import main
from kg.errors import InputError
from kg.ingest.loader import load_reports
from kg.rdf.build import build_graph
from tests.support.fuzz_cases import Case, cases, run_case, run_source_case, source_cases, tagged_cases
from tests.support.graphs import same_graph
from tests.support.paths import ROOT

GENERATED = 250  # seeded cases, cycling through every generator
SEED = 7
SOURCE_CASES = 32  # draft sources: each PDF is read by a child process, about a second each
# Problems with a whole file have no line; every other message names one (1 or more).
FILE_LEVEL = re.compile(
    r": (?:not UTF-8 text|(?:report text|file) not found|(?:report text|file) is a directory|cannot read"
    r"|no claim sheets|report text is empty)"
)


def _check_message(message: str, folder: Path) -> None:
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(str(folder)), message  # it names the file
    assert "Traceback" not in message
    if FILE_LEVEL.search(message) or ": KPI table row " in message or ": awards table row " in message:
        return
    if message.startswith(f"{folder}/pages.json"):  # JSON has entries, not lines: the message names the entry
        assert re.match(rf"{re.escape(str(folder))}/pages\.json(?::\d+)?: \S", message), message
        return
    line = re.match(rf"{re.escape(str(folder))}/(?:report\.yaml|report\.txt|claims/[^:]+):(\d+): \S", message)
    assert line is not None and int(line.group(1)) >= 1, message


@pytest.mark.parametrize(
    ("batch", "least"),
    [
        # (cases, (fewest errors, fewest graphs)): most cases are broken, and a few harmless ones
        # (a "1_000_000" literal, a stray character in the text ...) must still build.
        pytest.param(list(tagged_cases()), (100, 3), id="every-tag-and-literal"),
        pytest.param(list(cases(GENERATED, SEED)), (180, 20), id="generated"),
    ],
)
def test_every_case_ends_in_an_input_error_or_a_graph(
    batch: list[Case], least: tuple[int, int], tmp_path: Path
) -> None:
    outcomes: Counter[str] = Counter()
    written: set[tuple] = set()
    for case in batch:
        outcome = run_case(case, tmp_path, limit=20, written=written)
        outcomes[outcome.status] += 1
        assert outcome.status in ("error", "graph"), f"{case.kind}: {case.name}: {outcome.status}: {outcome.message}"
        if outcome.status == "error":
            _check_message(outcome.message, tmp_path / "report")
    assert sum(outcomes.values()) == len(batch) >= 100  # cases tried
    assert (outcomes["error"] >= least[0], outcomes["graph"] >= least[1]) == (True, True), outcomes


def test_draft_sources_end_in_an_input_error_or_a_folder(tmp_path: Path) -> None:
    """Mutated, truncated and random PDFs, hostile PDFs, deep and random HTML, random text:
    ``csrkg draft`` ends each in a one-line InputError naming the file (and leaves nothing
    behind), or writes a folder the loader reads."""
    outcomes: Counter[str] = Counter()
    for case in source_cases(SOURCE_CASES, SEED):
        outcome = run_source_case(case, tmp_path, limit=40)
        outcomes[outcome.status] += 1
        assert outcome.status in ("error", "graph"), f"{case.kind}: {case.name}: {outcome.status}: {outcome.message}"
        if outcome.status == "error":
            assert "\n" not in outcome.message and outcome.message.startswith(str(tmp_path / case.filename))
    assert sum(outcomes.values()) == SOURCE_CASES
    assert (outcomes["error"] >= 16, outcomes["graph"] >= 2) == (True, True), outcomes


@pytest.mark.parametrize(
    ("case_files", "expected"),
    [
        (
            {
                "claims/sheet.yaml": b"a0: &a0 [lol]\n"
                + b"".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n".encode() for i in range(1, 13))
            },
            r"sheet\.yaml:1: unknown field 'a0' \(fields: entities, ",
        ),
        (
            {"claims/sheet.yaml": b"claims: " + b"[" * 10_000 + b"]" * 10_000},
            # csr-kg's own limit, or libyaml's (PyYAML 6.0.4 and later stop such input first)
            r"sheet\.yaml:1: malformed YAML: (nested more than 50|exceeded maximum nesting depth)",
        ),
        (
            {"claims/sheet.yaml": b"claims: !!python/object/apply:os.system ['true']\n"},
            r"sheet\.yaml:1: malformed YAML: tag '!!python/object/apply:os.system' is not allowed",
        ),
        (
            {"report.yaml": b"id: x\nyear: !!timestamp 2019-02-30\n"},
            r"report\.yaml:2: malformed YAML: tag '!!timestamp'",
        ),
        (
            {"report.yaml": b"id: x\nyear: " + b"9" * 5000 + b"\n"},
            r"report\.yaml:2: malformed YAML: cannot read '9+' as int",
        ),
        ({"report.yaml": b"id: x\n? [a]\n: b\n"}, r"report\.yaml:2: malformed YAML: a key must be a plain value"),
        (
            {"report.yaml": b"id: x\ntitle: a\x07b\n"},
            r"report\.yaml:2: malformed YAML: character U\+0007 is not allowed",
        ),
        (
            {"report.yaml": b'id: x\ntitle: "a\\fb"\n'},
            r"report\.yaml:2: malformed YAML: character U\+000C is not allowed in text",
        ),
        (
            {"report.yaml": "id: x\ntitle: é\n".encode("utf-16")},
            r"report\.yaml: not UTF-8 text \(invalid start byte at byte 0\)",
        ),
        (
            {"report.txt": b"1. Intro\n\nPage\x0bbreak\n"},
            r"report\.txt:3: character U\+000B cannot be carried by RDF/XML",
        ),
        ({"pages.json": b"[" * 100_000 + b"]" * 100_000}, r"pages\.json: malformed JSON: nested too deeply"),
        (
            {"pages.json": b'{"source": "r.pdf", "pages": [], "source": 1}'},
            r'pages\.json: malformed JSON: duplicate key "source"',
        ),
        ({"report.txt": None}, r"report\.txt: report text is a directory, not a file"),
        ({"claims/zz.yaml": None}, r"claims/zz\.yaml: file is a directory, not a file"),
    ],
    ids=[
        "billion-laughs",
        "nesting-10000",
        "python-tag",
        "bad-timestamp",
        "int-5000-digits",
        "list-key",
        "bell-char",
        "form-feed-escape",
        "utf-16",
        "vertical-tab-in-text",  # a form feed is a page break (tests/unit/test_pages.py)
        "pages-json-nesting",
        "pages-json-duplicate-key",
        "text-is-a-directory",
        "sheet-is-a-directory",
    ],
)
def test_named_hostile_inputs(case_files: dict[str, bytes | None], expected: str, tmp_path: Path) -> None:
    outcome = run_case(Case("named", "named", case_files), tmp_path, limit=20)
    assert outcome.status == "error", outcome
    assert re.search(expected, outcome.message), outcome.message
    _check_message(outcome.message, tmp_path / "report")
    assert outcome.seconds < 10


@pytest.mark.parametrize("text", ["../../../etc/hostname", "claims/../../x.txt", "/etc/hostname", "C:/report.txt", ""])
def test_report_text_must_lie_inside_the_report_folder(text: str, tmp_path: Path) -> None:
    """Otherwise a report folder could pull any readable file of the machine into the graph."""
    meta = (ROOT / "tests/fixtures/mini-report/report.yaml").read_text(encoding="utf-8") + f'text: "{text}"\n'
    folder = Case("text outside", "structure", {"report.yaml": meta.encode()}).write(tmp_path / "report")
    with pytest.raises(InputError) as info:
        load_reports([folder])
    assert str(info.value) == f"{folder / 'report.yaml'}:3: text {text!r} is not a file name inside the report folder"


def test_cli_build_fails_cleanly_and_leaves_the_output_alone(tmp_path: Path) -> None:
    """Through ``csrkg build`` (in process): exit 2, one line on stderr, the old --out intact."""
    runner = CliRunner()
    tried = built = 0
    for index, case in enumerate(cases(60, seed=11)):
        folder = case.write(tmp_path / f"r{index}")
        out = tmp_path / f"out{index}" / "kg.ttl"
        out.parent.mkdir()
        out.write_bytes(b"previous build\n")
        try:
            expected: Graph | str = build_graph([folder])
        except InputError as exc:
            expected = str(exc)
        result = runner.invoke(main, ["build", str(folder), "--out", str(out)])
        tried += 1
        assert result.exception is None or isinstance(result.exception, SystemExit), (case.name, result.exception)
        if isinstance(expected, str):
            assert result.exit_code == 2, (case.name, result.output)
            assert result.stderr == f"Error: {expected}\n"
            assert out.read_bytes() == b"previous build\n"
        else:
            built += 1
            assert result.exit_code == 0, (case.name, result.stderr)
            assert same_graph(Graph().parse(out, format="turtle"), expected)
        assert sorted(p.name for p in out.parent.iterdir()) == ["kg.ttl"]  # no temporary file left behind
    assert (tried, built > 0) == (60, True)


SUBPROCESS_CASES = {
    "alias-bomb": {"claims/sheet.yaml": b"a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nclaims: *b\n"},
    "nesting": {"claims/sheet.yaml": b"claims: " + b"{a: " * 10_000 + b"b" + b"}" * 10_000},
    "invalid-utf8": {"claims/sheet.yaml": b"claims:\n  - id: \xff\n"},
    "python-tag": {"report.yaml": b"id: !!python/name:os.system\n"},
    "text-outside": {"report.yaml": b"id: x\ntext: /etc/hostname\n"},
}


@pytest.mark.parametrize("name", sorted(SUBPROCESS_CASES))
def test_the_real_command_fails_with_one_line(name: str, tmp_path: Path) -> None:
    """``python -m kg.cli.app build`` in a subprocess: exit 2, one stderr line, no output file, no traceback."""
    folder = Case(name, "cli", SUBPROCESS_CASES[name]).write(tmp_path / "report")
    out = tmp_path / "kg.ttl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(folder), "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {folder}/"), proc.stderr
    assert not out.exists() and not list(tmp_path.glob(".kg.ttl*"))
