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
        ("goal: 9", "goal: 18", "sheet.yaml:14: claims[0].sdgs[0]: 'goal' must be at most 17, not 18"),
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
        (
            "- {metric: rd-investment, figure: approximately RMB7.5 billion}",
            "- {metric: rd-investment, figure: approximately RMB7.5 billion, recipient: ghost-fund}",
            "claim rd: unknown entity 'ghost-fund'",
        ),
        (
            "- {metric: rd-investment, figure: approximately RMB7.5 billion}",
            "- {metric: rd-investment, figure: approximately RMB7.5 billion, recipient: sample-co}",
            "sheet.yaml:12: claim rd: figure 'approximately RMB7.5 billion': recipient 'sample-co' is also the giver",
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
        ("id: rd\n", "id: R&D\n", "sheet.yaml:8: claims[0]: id 'R&D' is not a slug (lower-case letters, digits"),
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


@pytest.mark.parametrize("value", ["13-01", "02-29", "3-31", "march"])
def test_fiscal_year_end_must_be_a_month_and_day(make_report: Callable[..., Path], value: str) -> None:
    message = _error(make_report(meta=MINI_META + f"fiscal_year_end: '{value}'\n"))
    assert message.endswith(f"report.yaml:1: fiscal_year_end '{value}' is not a month and day (MM-DD)")


@pytest.mark.parametrize(
    ("period", "problem"),
    [
        ("2019-02-30", "period '2019-02-30' is not a real date"),
        ("2019/2018", "period '2019/2018' ends before it starts"),
        ("FY2019", "period 'FY2019' is not YYYY, YYYY-MM-DD or START/END"),
        ("20190101", "period '20190101' is not YYYY, YYYY-MM-DD or START/END"),
    ],
)
def test_period_is_checked_by_the_schema(make_report: Callable[..., Path], period: str, problem: str) -> None:
    sheet = MINI_SHEET.replace(
        "figure: approximately RMB7.5 billion}", f"figure: approximately RMB7.5 billion, period: {period}}}"
    )
    folder = make_report(sheet=sheet)
    assert _error(folder) == f"{folder}/claims/sheet.yaml:12: claims[0].observations[0]: {problem}"


def test_report_dates_are_checked_by_the_schema(make_report: Callable[..., Path]) -> None:
    folder = make_report(meta=MINI_META + "issued: 2020-02-30\n")
    assert _error(folder) == f"{folder}/report.yaml:1: issued '2020-02-30' is not a date (YYYY-MM-DD)"


def test_text_problems(make_report: Callable[..., Path]) -> None:
    assert "not UTF-8 text" in _error(make_report(text=b"\xff\xfe bad bytes"))
    folder = make_report(name="gone")
    (folder / "report.txt").unlink()
    assert _error(folder).endswith("report.txt: report text not found")


def test_meta_problems(make_report: Callable[..., Path]) -> None:
    meta = MINI_META.replace("standard: hkex-esg-guide-2019", "standard: gri-2099")
    assert "unknown standard 'gri-2099'" in _error(make_report(meta=meta))
    meta = MINI_META.replace("year: 2019\n", "")
    assert _error(make_report(meta=meta, name="noyear")).endswith("report.yaml:1: missing field 'year'")


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


# ---------------------------------------------------------------- messages in the sheet's own terms

TREES = "Sample Co planted 300 trees.\n"
TREES_CLAIM = """  - id: trees
    kind: quantitative
    quote: Sample Co planted 300 trees.
    observations:
      - {metric: rd-investment, figure: "300", unit: TONE}
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '    quote: "In 2019',
            '    qoute: "In 2019',
            "sheet.yaml:8: claims[0]: unknown field 'qoute'; did you mean 'quote'?",
        ),
        (
            "label: Sample Co}",
            "lable: Sample Co}",
            "sheet.yaml:2: entities[0]: unknown field 'lable'; did you mean 'label'?",
        ),
        ("label: Sample Co}", "}", "sheet.yaml:2: entities[0]: missing field 'label'"),
        ("entities:\n", "entites:\n", "sheet.yaml:1: unknown field 'entites'; did you mean 'entities'?"),
        (
            "entities:\n",
            "colour: blue\nentities:\n",
            "sheet.yaml:1: unknown field 'colour' (fields: entities, metrics, claims, stakeholder_table, "
            "expectation_issues, uncovered, corrections, table_notes)",
        ),
        (
            "    sdgs:\n      - {goal: 9, basis: inferred, rationale: R&D builds innovation capacity.}\n",
            "    sdgs: 9\n",
            "sheet.yaml:8: claims[0]: 'sdgs' must be a list, not a number",
        ),
        (
            "about: [quality-committee]",
            "about: quality-committee",
            "sheet.yaml:15: claims[1]: 'about' must be a list, not text",
        ),
        ("about: [quality-committee]", "about: [7]", "sheet.yaml:15: claims[1]: 'about[0]' must be text, not a number"),
        ("goal: 9,", "goal: nine,", "sheet.yaml:14: claims[0].sdgs[0]: 'goal' must be a whole number, not text"),
        (
            "basis: inferred",
            "basis: infered",
            "sheet.yaml:14: claims[0].sdgs[0]: 'basis' must be 'stated' or 'inferred', not 'infered'; "
            "did you mean 'inferred'?",
        ),
        (
            "links: {launched: [quality-committee]}",
            "links: {launched: quality-committee}",
            "sheet.yaml:19: claims[1]: 'links.launched' must be a list, not text",
        ),
        (
            "label: R&D investment}",
            "label: R&D investment, catalogue: rd-spendings}",
            "sheet.yaml:5: metrics[0]: catalogue 'rd-spendings' is not a metric of the catalogue "
            "(ontology/metrics.ttl); did you mean 'rd-spending'?",
        ),
        (
            "label: R&D investment}",
            "label: R&D investment, catalogue: rd-spending, match: broader}",
            "sheet.yaml:5: metrics[0]: 'match' must be 'exact' or 'close' or 'broad' or 'narrow', not 'broader'; "
            "did you mean 'broad'?",
        ),
    ],
)
def test_schema_errors_in_the_sheets_terms(make_report: Callable[..., Path], old: str, new: str, expected: str) -> None:
    assert old in MINI_SHEET
    folder = make_report(sheet=MINI_SHEET.replace(old, new, 1))
    assert _error(folder) == f"{folder}/claims/{expected}"


def test_misspelt_entity_type(make_report: Callable[..., Path]) -> None:
    folder = make_report(sheet=MINI_SHEET.replace("type: Committee", "type: Comittee"))
    message = _error(folder)
    assert message.startswith(
        f"{folder}/claims/sheet.yaml:3: entities[1]: type 'Comittee' is not an entity type (known: "
    )
    assert message.endswith(", Team); did you mean 'Committee'?")


def test_misspelt_kind_and_link(make_report: Callable[..., Path]) -> None:
    message = _error(make_report(sheet=MINI_SHEET.replace("kind: governance", "kind: governence")))
    assert message.endswith(
        "sheet.yaml:15: claim committee: unknown kind 'governence' (known: " + message.split("(known: ")[1]
    )
    assert message.endswith("); did you mean 'governance'?")
    message = _error(make_report(sheet=MINI_SHEET.replace("{launched:", "{lanched:"), name="link"))
    assert "sheet.yaml:15: claim committee: unknown link 'lanched' (known: " in message
    assert message.endswith("); did you mean 'launched'?")


def test_misspelt_unit(make_report: Callable[..., Path]) -> None:
    text = MINI_TEXT.replace("Quality Committee.\n", "Quality Committee.\n" + TREES)
    message = _error(make_report(text=text, sheet=MINI_SHEET + TREES_CLAIM))
    assert message.endswith(
        "sheet.yaml:28: claim trees: figure '300': unknown unit 'TONE' (close matches: TONNE, TOE, KiloTONNE)"
    )


@pytest.mark.parametrize(
    ("printed", "quoted", "why"),
    [
        (
            "Sample Co\u2019s board set up a Quality Committee.",
            '"Sample Co\'s board set up a Quality Committee."',
            "the text has curly \u2019 where the quote has straight ' (line 8): curly and straight quotes differ",
        ),
        (
            "Sample Co set up a Quality\nCommittee.",
            "Sample Co set up a Quality Committee.",
            "the text has a line break where the quote has a space (line 8)",
        ),
        (
            "Sample Co set up a  Quality Committee.",
            "Sample Co set up a Quality Committee.",
            "the text has 2 spaces where the quote has a space (line 8)",
        ),
        (
            "Sample Co set up a Quality Committee.",
            "Sample Co set up a Quality Board.",
            "the text matches its first 27 characters (line 8), then has 'Committee.' where the quote has 'Board.'",
        ),
        (
            "Sample Co set up a Quality Committee.",
            "Sample Company set up a Quality Committee.",
            "the text matches its last 28 characters (line 8), after 'Sample Co' where the quote has 'Sample Company'",
        ),
        (
            "Sample Co set up a Quality Committee.",
            "Sampel Co sett up a Qualty Committe in 2019.",
            "the nearest passage (line 8) is 'Sample Co set up a Quality Committee.\\nThe nu'",
        ),
    ],
    ids=["curly-quote", "line-break", "two-spaces", "changed-end", "changed-start", "nearest"],
)
def test_a_quote_that_does_not_match_says_why(
    make_report: Callable[..., Path], printed: str, quoted: str, why: str
) -> None:
    text = MINI_TEXT.replace("Sample Co set up a Quality Committee.", printed)
    sheet = MINI_SHEET.replace("quote: Sample Co set up a Quality Committee.", f"quote: {quoted}")
    folder = make_report(text=text, sheet=sheet)
    shown = repr(quoted.strip('"'))
    assert _error(folder) == f"{folder}/claims/sheet.yaml:15: claim committee: quote not found verbatim: {shown}; {why}"
