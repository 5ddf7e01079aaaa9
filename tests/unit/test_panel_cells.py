"""Highlight panels printed side by side: a line of figures apart by runs of spaces, their
captions on the lines under, cut under the figures' columns."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from kg.ingest.panel_cells import highlight_panels
from tests.support.folders import report_folder

PANELS = (
    "OUR YEAR IN FIGURES\n"
    "\n"
    "  12.5%                           2,140\n"
    "  of electricity from             tonnes of food waste\n"
    "  solar panels                    composted on site\n"
    "\n"
    "  836                             0\n"
    "  staff as at 30 June 2023        lost-time injuries\n"
    "\n"
    "  8.2%                            96\n"
    "  lower water use per guest       guest rooms refitted\n"
    "  than in 2019                    with LED lighting\n"
    "\n"
    "  2022                            2023\n"
    "  Our first year                  Our second year\n"
)


def _is_unit(surface: str) -> bool:
    return surface == "tonnes"


def test_each_figure_of_a_panel_row_is_a_row_labelled_by_its_caption() -> None:
    rows = [(r.cells[0].figure.text, r.label, r.unit) for t in highlight_panels(PANELS, _is_unit, 2023) for r in t.rows]
    assert rows == [
        ("12.5%", "of electricity from solar panels", None),
        ("2,140", "tonnes of food waste composted on site", "tonnes"),
        ("836", "staff as at 30 June 2023", "number"),
        ("0", "lost-time injuries", "number"),
        ("8.2%", "lower water use per guest than in 2019", None),
        ("96", "guest rooms refitted with LED lighting", "number"),
    ]  # a line of years over labels is no panel


def test_a_panel_row_quotes_from_its_figure_to_its_captions_end() -> None:
    first, second = (t.rows[0] for t in highlight_panels(PANELS, _is_unit, 2023)[:2])
    assert PANELS[first.start : first.end].startswith("12.5%")
    assert PANELS[first.start : first.end].endswith("solar panels")
    assert PANELS[second.start : second.end].endswith("composted on site")


def test_lines_that_do_not_line_up_under_the_figures_are_no_panel() -> None:
    text = "\n  40%        25%\n  of staff trained in first aid and the rest\n          elsewhere\n"
    assert highlight_panels(text, _is_unit, 2023) == []


META = """\
id: oakmere-2023
company: oakmere
title: Oakmere Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: oakmere, type: Organization, label: Oakmere Ltd}\n"


def test_panel_figures_are_drafted_with_their_units_days_and_changes(tmp_path: Path) -> None:
    folder = report_folder(tmp_path / "oakmere", "OAKMERE LTD ESG REPORT 2023\n\n" + PANELS, META, SHEET)
    found = sorted(
        (obs.surface, obs.unit, obs.period.key, obs.kind, obs.baseline.key if obs.baseline else None)
        for claim in load_report(folder).claims.values()
        for obs in claim.observations
    )
    assert found == [
        ("0", "NUM", "2023", "value", None),
        ("12.5%", "PERCENT", "2023", "value", None),
        ("2,140", "TONNE", "2023", "value", None),
        ("8.2%", "PERCENT", "2023", "change", "2019"),  # a change on the year its caption names
        ("836", "NUM", "2023-06-30", "value", None),
        ("96", "NUM", "2023", "value", None),
    ]
