"""Entity cues of reports' prose and tables (kg.drafting.entities, kg.drafting.places), in our own wording."""

from __future__ import annotations

import pytest

from kg.drafting.entities import entity_mentions

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a table row's label naming a place: a country or region alone, a city beside another place
    ("Malaysia\t120\t98", [("Place", "Malaysia")]),
    ("Southern China\t40\t38", [("Place", "Southern China")]),
    ("Osaka\t5\t6\nNagoya\t3\t4", [("Place", "Osaka"), ("Place", "Nagoya")]),
    ("Male\t12\t13\nFemale\t14\t15", []),
    # English names of provinces ISO 3166-2 romanises, and the EU
    ("Our plant in Inner Mongolia runs on wind power.", [("Place", "Inner Mongolia")]),
    ("Half of our exports go to the EU.", [("Place", "EU")]),
    # a unit named for several functions, an acronym's unit with a lower-case head
    (
        'The Quality, Safety and Environment ("QSE") Department audits every site.',
        [("Department", 'Quality, Safety and Environment ("QSE") Department')],
    ),
    ("Our IT department runs phishing drills.", [("Department", "IT department")]),
    # a government's departments are outside organisations
    (
        "We report to the Sichuan Department of Ecology and Environment.",
        [("Organization", "Sichuan Department of Ecology and Environment")],
    ),
    (
        "We use the guidance published by the Drainage Services Department and the Water Supplies Department.",
        [("Organization", "Drainage Services Department"), ("Organization", "Water Supplies Department")],
    ),
    # issues found material, enumerated in the sentence
    (
        "Five topics were rated as most material, namely data privacy, customer service and anti-corruption.",
        [
            ("MaterialIssue", "data privacy"),
            ("MaterialIssue", "customer service"),
            ("MaterialIssue", "anti-corruption"),
        ],
    ),
    # a contents entry names a chapter
    ("05 Caring for People ........ 21", []),
    # a programme or a product the text names by apposition, a product before its kind, a programme run with others
    ("Acme Bloom, our mentoring programme, paired 40 graduates with managers.", [("Initiative", "Acme Bloom")]),
    ("Acme SafeRide, our motor insurance policy, covers electric cars.", [("Product", "Acme SafeRide")]),
    ("As at 31 March, our Green Drive motor insurance covered 1,200 cars.", [("Product", "Green Drive")]),
    (
        "Through Read Together, run with the City Library, we lent 900 books.",
        [("Initiative", "Read Together"), ("Organization", "City Library")],
    ),
    # a certification verb shared by two codes
    (
        "The plant has been certified to ISO 9001:2015 since 2018 and to ISO 45001:2018 since 2022.",
        [("Certification", "ISO 9001:2015"), ("Certification", "ISO 45001:2018")],
    ),
    # a signature
    ("Thank you.\nWong Siu Ming\nChief Executive Officer\n", [("Person", "Wong Siu Ming")]),
    # a currency sign, a leading adverb, a gerund before a count: no names
    ("We manage assets with HK$3.1 billion of value.", []),
    ("Only Harbour Tower is metered separately.", [("Place", "Harbour Tower")]),
    ("Replacing 1,200 lamps saved energy.", []),
    # an "Initiative" with members is an organisation; a compact joined, or an initiative launched, is not
    (
        'We joined the Better Timber Initiative ("BTI") in 2021.',
        [("Organization", "Better Timber Initiative"), ("Organization", "BTI")],
    ),
    ("In 2021 we joined the UN Global Compact.", [("Initiative", "UN Global Compact")]),
    ("We launched the Green Office Initiative in 2021.", [("Initiative", "Green Office Initiative")]),
    # a guideline's title with its small words
    (
        "We follow the Guidelines to Account for and Report on Emissions of Buildings in Macao.",
        [("Standard", "Guidelines to Account for and Report on Emissions of Buildings in Macao")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_entity_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.type, m.label) for m in entity_mentions(text)] == expected


def test_award_list_grade_and_dash_organiser() -> None:
    text = (
        "Awards and recognition\n"
        "• Certificate of Merit, Green Office Awards, organised by the Green Council\n"
        "• Best ESG Report – Asia Reporting Forum\n"
    )
    found = [(m.type, m.label, m.organiser) for m in entity_mentions(text)]
    assert found == [
        ("Award", "Green Office Awards", "Green Council"),
        ("Organization", "Green Council", None),
        ("Award", "Best ESG Report", "Asia Reporting Forum"),
        ("Organization", "Asia Reporting Forum", None),
    ]


def test_an_academy_under_the_company_name_is_its_programme() -> None:
    text = (
        'Acme Foods Limited ("Acme", the "Company") makes noodles. Through the Acme Baking Academy, 80 staff trained.'
    )
    found = {m.label: m.type for m in entity_mentions(text)}
    assert found["Acme Baking Academy"] == "Initiative"


def test_an_academy_the_text_calls_a_centre_stays_an_organisation() -> None:
    text = (
        'Acme Foods Limited ("Acme", the "Company") makes noodles. Acme Academy, our training centre, opened in 2021.'
    )
    found = {m.label: m.type for m in entity_mentions(text)}
    assert found["Acme Academy"] == "Organization"
