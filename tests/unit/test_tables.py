"""Readers for the tables a report text holds."""

from __future__ import annotations

from kg.ingest import tables

STAKEHOLDERS = (
    "ACME REPORT\n\nIntro.\n\nACME REPORT\n\n"
    "Key stakeholders\tKey Expectations\tMajor Communication Channels\n"
    "Governments\tCompliance\tPolicy consultation\n"
    "\tAnti-corruption\tEvent reporting\n"
    "\t\tSite inspection\n"
    "\n"
    "ACME REPORT\n\n"
    "Key stakeholders\tKey Expectations\tMajor Communication Channels\n"
    "Employees\tEmployment Health and safety\tStaff meetings Complaint boxes\n"
    "\n"
    "1.6 Next section\n"
)

AWARDS = (
    "Winner\tAwards\tOrganizer\n"
    "Acme\tBest Service Award\tService Council\n"
    "\tGreen Award\tEco Body\n"
    "Acme Phone\tDesign Prize\tDesign Body\n"
    "\n*Selected awards.\n"
)


def test_stakeholder_rows_continue_across_lines_and_pages() -> None:
    rows = tables.stakeholder_rows(STAKEHOLDERS)
    assert [(r.group.text, [c.text for c in r.expectations], [c.text for c in r.channels]) for r in rows] == [
        (
            "Governments",
            ["Compliance", "Anti-corruption"],
            ["Policy consultation", "Event reporting", "Site inspection"],
        ),
        ("Employees", ["Employment Health and safety"], ["Staff meetings Complaint boxes"]),
    ]
    first = rows[0]
    assert STAKEHOLDERS[first.start : first.end].startswith("Governments\tCompliance")
    assert STAKEHOLDERS[first.end - len("Site inspection") : first.end] == "Site inspection"


def test_award_rows_carry_the_winner_down() -> None:
    rows = tables.award_rows(AWARDS)
    assert [(r.winner, r.award.text, r.organiser.text) for r in rows] == [
        ("Acme", "Best Service Award", "Service Council"),
        ("Acme", "Green Award", "Eco Body"),
        ("Acme Phone", "Design Prize", "Design Body"),
    ]
    assert all(AWARDS[r.award.start : r.award.end] == r.award.text for r in rows)


def test_kpi_rows_with_group_and_boundary() -> None:
    text = (
        "Unless otherwise specified, environmental key performance indicators cover the "
        "Group's offices in Sampleland.\n\n1. Emissions\n\n"
        "Direct GHG emissions (Scope 1) (tons)\t283.42\n"
        "Packaging per revenue in million RMB (tons/million RMB).\t0.36\n"
    )
    rows = tables.kpi_rows(text)
    assert [(r.label, r.unit, r.figure.text, r.group, r.boundary) for r in rows] == [
        ("Direct GHG emissions (Scope 1)", "tons", "283.42", "Emissions", "offices in Sampleland"),
        ("Packaging per revenue in million RMB", "tons/million RMB", "0.36", "Emissions", "offices in Sampleland"),
    ]
