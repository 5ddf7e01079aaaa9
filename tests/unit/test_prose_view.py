"""The prose view reads a hard-wrapped paragraph as one line and maps every offset back to the text.

A wrap cuts figures, names and sentences; the view joins the lines a wrap made and nothing else
(headings, bullets, table rows, furniture and page breaks stay apart), and a quote or figure the
drafter reads in it is written as the text prints it, line break and all, which the loader checks
verbatim. The texts here are wrapped at 80 characters as a wrapper does it: a line breaks where
the next word would not fit.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kg.drafting.assembler import draft_sheet
from kg.ingest.loader import load_report
from kg.ingest.prose import prose_view
from kg.ingest.quantities import Recogniser
from kg.ingest.text import ReportText
from kg.vocab.units import load_units
from tests.support.folders import report_folder

# A sum, a law's name and a chapter number cross line breaks.
PARAGRAPH = (
    "In 2023 the Group sold 21.6 million tonnes of cement and concrete products, and\n"
    "its total revenue from the sale of cement and concrete goods reached RMB 14.63\n"
    "billion. The Board and its Environmental, Social and Governance Committee, which\n"
    "met four times, duly reviewed the Group's compliance with the Employment\n"
    "Ordinance (Cap. 57) and with the Occupational Safety and Health Ordinance (Cap.\n"
    "509) of Hong Kong during the year.\n"
)
FILLER = (
    "The Group runs its plants under an environmental management system that covers\n"
    "every site, and each plant reports its energy, water and waste data to the head\n"
    "office every month, so that the figures in this report can be traced to a\n"
    "source.\n"
)
HEADER = "ACME CEMENT | ESG REPORT 2023"


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_a_wrapped_paragraph_is_one_line_of_the_view_and_maps_back() -> None:
    text = FILLER + "\n" + PARAGRAPH
    view = prose_view(text)
    assert view.text.split("\n") == [one_line(FILLER), "", one_line(PARAGRAPH), ""]
    assert all(view.to_view(view.to_original(i)) == i for i in range(len(view.text)))
    for printed in ("RMB 14.63\nbillion", "Employment\nOrdinance (Cap. 57)", "(Cap.\n509)"):
        at = view.text.index(one_line(printed))
        start, end = view.original_span(at, at + len(printed))
        assert (text[start:end], view.printed(at, at + len(printed))) == (printed, printed)
        assert view.view_span(start, end) == (at, at + len(printed))


def test_a_figure_a_line_break_cut_is_one_mention_at_its_printed_offsets() -> None:
    text = FILLER + PARAGRAPH
    view = prose_view(text)
    recogniser = Recogniser(load_units().lexicon)
    found = [view.original_mention(m) for m in recogniser.quantities(view.text)]
    assert [(m.surface, str(m.value), m.unit) for m in found] == [
        ("21.6 million tonnes", "21600000.0", "TONNE"),
        ("RMB 14.63\nbillion", "14630000000.00", "CNY"),
        ("57", "57", None),  # chapter numbers: the figure reader tells them from figures
        ("509", "509", None),
    ]
    assert all(text[m.start : m.end] == m.surface for m in found)
    # Read line by line, the sum loses its scale word.
    assert [m.surface for m in recogniser.quantities(text)] == ["21.6 million tonnes", "RMB 14.63", "57", "509"]


def test_a_soft_hyphen_joins_the_word_and_a_compound_keeps_its_hyphen() -> None:
    text = (
        "The plants sort their waste at source and send the non-hazardous part to recyc-\n"
        "lers in the province, while the environmental team checks the records of each\n"
        "contractor every quarter, and the gatekeepers at each plant weigh all the non-\n"
        "hazardous waste that leaves the site before it is sent to the recyclers.\n"
    )
    view = prose_view(text)
    assert view.text == (
        "The plants sort their waste at source and send the non-hazardous part to recyclers in the province, "
        "while the environmental team checks the records of each contractor every quarter, and the gatekeepers "
        "at each plant weigh all the non-hazardous waste that leaves the site before it is sent to the recyclers.\n"
    )
    at = view.text.index("recyclers")
    assert view.printed(at, at + len("recyclers")) == "recyc-\nlers"
    at = view.text.index("non-hazardous waste")
    assert view.printed(at, at + len("non-hazardous")) == "non-\nhazardous"
    assert all(view.to_view(view.to_original(i)) == i for i in range(len(view.text)))


def test_a_hyphen_after_a_prefix_is_the_compound_s_own() -> None:
    text = FILLER + (
        "The Group worked with the local government on a programme of road repairs and co-\n"
        "operation with the villages near the quarry, which the Board approved in the\n"
        "spring.\n"
    )
    assert "road repairs and co-operation with the villages near the quarry" in prose_view(text).text


def test_headings_bullets_and_table_rows_are_not_joined() -> None:
    text = FILLER + (
        "Energy Use\n"
        "The plants bought 1,742,360 MWh of electricity in 2023, and the waste heat power\n"
        "stations at the three integrated plants generated 486,120 MWh of their own.\n"
        "Our key stakeholder groups, with whom we met during the year, are listed here in\n"
        "the order of the survey:\n"
        "• Employees\n"
        "• Government and regulators, whom we met at each of the plants and at the\n"
        "  offices of the local bureaus during the year\n"
        "• Local communities\n"
        "Indicator\tUnit\t2023\t2022\n"
        "Purchased electricity\tMWh\t1,742,360\t1,815,900\n"
    )
    assert prose_view(text).text.split("\n") == [
        one_line(FILLER),
        "Energy Use",
        "The plants bought 1,742,360 MWh of electricity in 2023, and the waste heat power stations at the three "
        "integrated plants generated 486,120 MWh of their own.",
        "Our key stakeholder groups, with whom we met during the year, are listed here in the order of the survey:",
        "• Employees",
        "• Government and regulators, whom we met at each of the plants and at the offices of the local bureaus "
        "during the year",
        "• Local communities",
        "Indicator\tUnit\t2023\t2022",
        "Purchased electricity\tMWh\t1,742,360\t1,815,900",
        "",
    ]


def test_a_line_nearly_full_that_ends_a_clause_with_a_semicolon_goes_on_in_lower_case() -> None:
    # The list's item would not have fitted whole on the line: the writer broke after "safety;".
    text = FILLER + (
        "The survey rated five topics most important: road and bus safety;\n"
        "fare pricing and access; driver health; and data privacy.\n"
        "Buses are washed with recycled water at each of the depots we run:\n"
        "water is reused up to four times.\n"
    )
    assert prose_view(text).text.split("\n") == [
        one_line(FILLER),
        "The survey rated five topics most important: road and bus safety; fare pricing and access; "
        "driver health; and data privacy.",
        "Buses are washed with recycled water at each of the depots we run:",  # a colon ends it
        "water is reused up to four times.",
        "",
    ]


def test_page_breaks_and_furniture_end_a_paragraph() -> None:
    # The page's last line is filled to the margin and the sentence goes on after the page
    # break: the page number, the form feed and the running header (printed on every page) stay
    # apart, so no quote runs over them.
    last = "Each month the plant managers check the figures, and then the head office and the"
    text = f"{HEADER}\n{FILLER}{last}\n– 4 –\n\f{HEADER}\nauditors sign them off.\n\f{HEADER}\n{FILLER}"
    assert f"{last}\n– 4 –\n\f{HEADER}\nauditors sign them off." in prose_view(text).text


def test_furniture_from_the_page_map_ends_a_paragraph() -> None:
    footer = "Acme Cement Holdings Limited, Environmental, Social and Governance Report 2023"
    text = FILLER + footer + "\n" + FILLER
    at = text.index(footer)
    assert prose_view(text, [(at, at + len(footer))]).text.split("\n") == [
        one_line(FILLER),
        footer,
        one_line(FILLER),
        "",
    ]


def test_a_text_whose_lines_are_whole_paragraphs_is_read_as_printed() -> None:
    text = f"{one_line(FILLER)}\n{one_line(PARAGRAPH)}\nShort heading\n{one_line(FILLER).upper()}\n"
    assert prose_view(text).text == text


META = """\
id: acme-2023
company: acme
title: Acme Cement ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""


def test_drafted_quotes_hold_the_printed_line_break_and_the_loader_accepts_them(tmp_path: Path) -> None:
    text = FILLER + PARAGRAPH
    sheet = draft_sheet(ReportText(Path("report.txt"), text), 2023, "acme", "hkex-esg-guide-2020")
    quotes = [c["quote"] for c in sheet.claims]
    claim = next(c for c in sheet.claims if "observations" in c)
    assert claim["quote"] == PARAGRAPH[: PARAGRAPH.index(" The Board")]
    assert [o["figure"] for o in claim["observations"]] == ["21.6 million tonnes", "RMB 14.63\nbillion"]
    assert {"Environmental, Social and Governance Committee", "Employment Ordinance"} <= {
        e["label"] for e in sheet.entities.values()
    }
    folder = report_folder(tmp_path / "acme", text, META, sheet.sheet())
    (folder / "claims" / "01.yaml").write_text(
        yaml.safe_dump({"entities": [{"id": "acme", "type": "Organization", "label": "Acme Cement"}]}), encoding="utf-8"
    )
    loaded = load_report(folder)
    assert sorted(c.quote for c in loaded.claims.values()) == sorted(quotes)
    observed = [(str(o.value), o.unit) for c in loaded.claims.values() for o in c.observations]
    assert observed == [("21600000.0", "TONNE"), ("14630000000.00", "CNY")]


def test_a_rule_under_a_table_joins_no_paragraph() -> None:
    """A rule of dashes filled to the margin is no line of prose: the note under it starts a line
    of its own in the view."""
    rule = "-" * 79
    text = FILLER + "\n" + rule + "\n[2] Data cover the plants the Group controls.\n"
    view = prose_view(text)
    assert view.text.split("\n")[2:4] == [rule, "[2] Data cover the plants the Group controls."]
