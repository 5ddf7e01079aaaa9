"""Codes under a certification heading, a certification verb left out, part numbers, graded schemes, observatories.

Every sentence here is invented for the test; none is taken from a fixture report.
"""

from __future__ import annotations

from kg.drafting.certification_blocks import certification_blocks
from kg.drafting.entities import _CODE, entity_mentions


def typed(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.type) for m in entity_mentions(text)]


def test_codes_in_a_table_under_a_certification_header_cell_are_certifications() -> None:
    text = (
        "| Certification | Scope |\n"
        "| ISO 22000:2018 | Food safety |\n"
        "| ISO 50001:2018 | Energy management |\n"
        "Our boilers follow GB/T 17954-2007.\n"
    )
    assert typed(text) == [
        ("ISO 22000:2018", "Certification"),
        ("ISO 50001:2018", "Certification"),
        ("GB/T 17954-2007", "Standard"),
    ]


def test_codes_in_rows_under_an_accreditation_heading_are_certifications() -> None:
    text = (
        "Accreditation and certification\n"
        "Northgate Bakery\tISO 22000:2018; ISO 9001:2015\n"
        "Eastport Kitchen\tISO 9001:2015\n"
        "Partners in 2024\n"
    )
    assert certification_blocks(text, _CODE) == [(32, 109)]  # the two rows, not the next heading
    assert [(label, type_) for label, type_ in typed(text) if label.startswith("ISO")] == [
        ("ISO 22000:2018", "Certification"),
        ("ISO 9001:2015", "Certification"),
        ("ISO 9001:2015", "Certification"),
    ]


def test_a_heading_of_certifications_and_standards_says_nothing_of_its_codes() -> None:
    text = "Certifications and standards\nISO 14064-1:2018 guides our carbon inventory.\n"
    assert certification_blocks(text, _CODE) == []
    assert typed(text) == [("ISO 14064-1:2018", "Standard")]


def test_a_certification_verb_left_out_before_a_second_systems_code_still_governs_it() -> None:
    text = "Our kitchens are certified to ISO 22000:2018, and our energy management system to ISO 50001:2018."
    assert typed(text) == [("ISO 22000:2018", "Certification"), ("ISO 50001:2018", "Certification")]


def test_a_scheme_met_at_a_grade_is_a_standard_named_without_the_grade() -> None:
    assert typed("Our booking system passed Level 2 of the Data Safety Grading Scheme in 2024.") == [
        ("Data Safety Grading Scheme", "Standard")
    ]
    assert typed("It is rated at Tier 1 of the\nCyber Resilience Scheme.") == [("Cyber Resilience Scheme", "Standard")]
    assert typed("We joined Phase 2 of the Clean Kitchen Scheme.") == [
        ("Phase 2 of the Clean Kitchen Scheme", "Initiative")
    ]


def test_an_observatory_is_an_organisation() -> None:
    assert typed("Drivers follow the warnings of the Eastport Observatory.") == [
        ("Eastport Observatory", "Organization")
    ]


def test_a_code_keeps_its_part_number_before_its_year() -> None:
    assert typed("Our boilers follow GB/T 28711.2-2019 and ISO 50001.") == [
        ("GB/T 28711.2-2019", "Standard"),
        ("ISO 50001", "Standard"),
    ]
