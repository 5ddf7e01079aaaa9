"""``csrkg build SOURCE``: a report file drafted in a temporary folder and built in one step.

The graph must be the one ``csrkg draft SOURCE`` then ``csrkg build`` of the drafted folder
gives, byte for byte, and the temporary folder must be gone afterwards.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.app import main
from kg.cli.build import SOURCE_SUFFIXES
from kg.ingest.draft import HTML_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES
from tests.support.paths import FIXTURES, MINI_REPORT, REVIEW_REPORT
from tests.support.pdfs import SAMPLE, write_pdf

TEXT = FIXTURES / "draft" / "sample.txt"


def _draft_then_build(source: Path, tmp_path: Path, *given: str) -> bytes:
    runner = CliRunner()
    folder = tmp_path / "drafted"
    assert runner.invoke(main, ["draft", str(source), "--out", str(folder), *given]).exit_code == 0
    out = tmp_path / "two-steps.ttl"
    result = runner.invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.parametrize("given", [(), ("--company", "Sample Co", "--year", "2021")], ids=["guessed", "given"])
def test_build_of_a_text_file_is_draft_then_build(
    tmp_path: Path, given: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"  # the temporary folders of this build only
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "one-step.ttl"
    result = CliRunner().invoke(main, ["build", str(TEXT), "--out", str(out), *given])
    assert result.exit_code == 0, result.output
    assert (
        result.stderr.splitlines()[0] == f"{TEXT}: drafted 9 claims with 0 figures"
    )  # ("Reporting period: ..." is about the report)
    assert list(scratch.iterdir()) == []
    assert out.read_bytes() == _draft_then_build(TEXT, tmp_path, *given)


def test_build_of_a_pdf_is_draft_then_build(tmp_path: Path) -> None:
    pdf = write_pdf(SAMPLE, tmp_path / "sample.pdf")
    out = tmp_path / "one-step.ttl"
    given = ("--company", "Sample Co", "--year", "2021")
    result = CliRunner().invoke(main, ["build", str(pdf), "--out", str(out), "-q", *given])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    data = out.read_bytes()
    assert data == _draft_then_build(pdf, tmp_path, *given)
    assert b"<https://w3id.org/csr-kg/id/report/sample-co-2021>" in data


def test_a_source_and_a_folder_build_together(tmp_path: Path) -> None:
    out = tmp_path / "both.ttl"
    result = CliRunner().invoke(main, ["build", str(TEXT), str(REVIEW_REPORT), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert b"/id/report/greenfield-2021>" in data and b"/id/report/sample-co-holdings-limited-2021>" in data


def test_a_missing_source_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "gone.pdf"), "--out", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path / 'gone.pdf'}: cannot read the file: No such file or directory\n"
    assert not (tmp_path / "x.ttl").exists()


def test_company_and_year_are_for_a_source_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(MINI_REPORT), "--year", "2021", "--out", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2
    assert "--company and --year are for a SOURCE file to draft, not for report folders" in result.output


def test_the_build_knows_every_suffix_the_drafter_reads() -> None:
    assert sorted(SOURCE_SUFFIXES) == sorted((*PDF_SUFFIXES, *HTML_SUFFIXES, *TEXT_SUFFIXES))
