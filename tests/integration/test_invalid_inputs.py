"""Bad input: one-line errors naming file and line, non-zero exit, no traceback, no half output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.app import main
from kg.errors import InputError
from kg.ingest.loader import load_report
from tests.support.mini import MINI_META, MINI_SHEET, MINI_TEXT


def _error(folder: Path) -> str:
    with pytest.raises(InputError) as info:
        load_report(folder)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_mini_report_loads(make_report: Callable[..., Path]) -> None:
    report = load_report(make_report())
    assert sorted(report.claims) == sorted(
        ["rd", "committee", "devices", "kpi-direct-ghg-emissions-scope-1", "kpi-hazardous-waste-per-employee"]
    )


def test_quote_not_in_text(make_report: Callable[..., Path]) -> None:
    sheet = MINI_SHEET.replace("set up a Quality Committee.", "set up a Quality Board.")
    message = _error(make_report(sheet=sheet))
    assert "sheet.yaml:15: claim committee: quote not found verbatim" in message


def test_figure_not_in_quote(make_report: Callable[..., Path]) -> None:
    sheet = MINI_SHEET.replace("figure: approximately RMB7.5 billion", "figure: RMB8 billion")
    message = _error(make_report(sheet=sheet))
    assert "sheet.yaml:12: claim rd: figure 'RMB8 billion' is not a quantity printed in the quote" in message
    assert "'approximately RMB7.5 billion'" in message


def test_figure_without_its_qualifier_is_refused(make_report: Callable[..., Path]) -> None:
    sheet = MINI_SHEET.replace("figure: approximately RMB7.5 billion", "figure: RMB7.5 billion")
    assert "is not a quantity printed in the quote" in _error(make_report(sheet=sheet))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("kind: governance", "kind: gossip", "sheet.yaml:15: claim committee: unknown kind 'gossip'"),
        ("goal: 9", "goal: 18", "sheet.yaml:14: claims.0.sdgs.0.goal: Input should be less than or equal to 17"),
        (
            "{goal: 9, basis: inferred, rationale: R&D builds innovation capacity.}",
            "{goal: 9, basis: inferred}",
            "sheet.yaml:14: claim rd: an inferred SDG link needs a rationale",
        ),
        (
            "- {metric: rd-investment, figure: approximately RMB7.5 billion}",
            "- {metric: rd-investment, figure: approximately RMB7.5 billion, unit: FURLONG}",
            "sheet.yaml:12: claim rd: unit 'FURLONG' contradicts the printed unit",
        ),
        ("id: committee", "id: rd", "sheet.yaml:15: duplicate claim id 'rd' (first defined at "),
        ("about: [quality-committee]", "about: [ghost-committee]", "claim committee: unknown entity 'ghost-committee'"),
        (
            "links: {launched: [quality-committee]}",
            "links: {befriended: [quality-committee]}",
            "sheet.yaml:15: claim committee: unknown link 'befriended'",
        ),
        (
            "missing_figure: connected-devices",
            "missing_figure: ghost-metric",
            "claim devices: unknown metric 'ghost-metric'",
        ),
        ("id: rd\n", "id: R&D\n", "sheet.yaml:8: claims.0.id: Value error, 'R&D' is not a slug"),
        (
            "    quote: The number",
            "    kind: policy\n    quote: The number",
            "sheet.yaml:22: malformed YAML: duplicate key 'kind'",
        ),
        ("claims:\n", "claims:\n  - [\n", "sheet.yaml:9: malformed YAML"),
        (
            "    missing_figure: connected-devices\n",
            "",
            "sheet.yaml:20: claim devices: a quantitative claim needs observations or missing_figure",
        ),
    ],
)
def test_malformed_sheet(make_report: Callable[..., Path], old: str, new: str, expected: str) -> None:
    assert old in MINI_SHEET
    assert expected in _error(make_report(sheet=MINI_SHEET.replace(old, new, 1)))


def test_unknown_unit_in_a_table(make_report: Callable[..., Path]) -> None:
    text = MINI_TEXT + "Water use (furlongs)\t5.00\n"
    assert "KPI table row 'Water use': unknown unit 'furlongs'" in _error(make_report(text=text))


def test_period_must_be_a_date(make_report: Callable[..., Path]) -> None:
    sheet = MINI_SHEET.replace(
        "figure: approximately RMB7.5 billion}", "figure: approximately RMB7.5 billion, period: 2019-02-30}"
    )
    assert "period '2019-02-30' is not a real date" in _error(make_report(sheet=sheet))


def test_text_problems(make_report: Callable[..., Path]) -> None:
    assert "not UTF-8 text" in _error(make_report(text=b"\xff\xfe bad bytes"))
    folder = make_report(name="gone")
    (folder / "report.txt").unlink()
    assert _error(folder).endswith("report.txt: report text not found")


def test_meta_problems(make_report: Callable[..., Path]) -> None:
    meta = MINI_META.replace("standard: hkex-esg-guide-2019", "standard: gri-2099")
    assert "unknown standard 'gri-2099'" in _error(make_report(meta=meta))
    meta = MINI_META.replace("year: 2019\n", "")
    assert "report.yaml:1: year: Field required" in _error(make_report(meta=meta, name="noyear"))


def test_cli_fails_cleanly_and_keeps_the_old_output(make_report: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "kg.ttl"
    out.write_text("previous build\n", encoding="utf-8")
    bad = make_report(sheet=MINI_SHEET.replace("Quality Committee.", "Quality Board."))
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "previous build\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kg.ttl")] == []


def test_cli_builds_the_mini_report(make_report: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "kg.ttl"
    result = CliRunner().invoke(main, ["build", str(make_report()), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("PREFIX ")
    assert MINI_TEXT  # the fixture text is what was built
