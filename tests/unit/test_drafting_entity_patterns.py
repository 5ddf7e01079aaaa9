"""General naming patterns of kg.drafting.entities: enumerated stakeholders and issues, public bodies,
places by their kind or their region, outside codes, dated laws and disasters, award grades.

Every sentence here is invented for the test; none is taken from a fixture report.
"""

from __future__ import annotations

import pytest

from kg.drafting.entities import entity_mentions


def typed(text: str) -> list[tuple[str, str]]:
    return [(m.type, m.label) for m in entity_mentions(text)]


CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # stakeholders counted, then their groups; the sentence goes on after the list
    (
        "In 2024 we surveyed 530 stakeholders, including regulators, tenants, staff and local residents, "
        "to rank 20 issues.",
        [
            ("StakeholderGroup", "regulators"),
            ("StakeholderGroup", "tenants"),
            ("StakeholderGroup", "staff"),
            ("StakeholderGroup", "local residents"),
        ],
    ),
    (
        "We consulted stakeholders such as lenders and contractors through workshops.",
        [("StakeholderGroup", "lenders"), ("StakeholderGroup", "contractors")],
    ),
    # an engagement verb before groups: the list runs while its items end in a stakeholder noun
    (
        "We interviewed 40 clients, contractors and community partners, and 900 employees answered a poll.",
        [
            ("StakeholderGroup", "clients"),
            ("StakeholderGroup", "contractors"),
            ("StakeholderGroup", "community partners"),
        ],
    ),
    ("We interviewed 12 managers and 30 drivers about fatigue.", []),
    # issues whose verb follows their lead
    (
        "The topics rated most material were road safety, data security, fuel efficiency, and staff wellbeing.",
        [
            ("MaterialIssue", "road safety"),
            ("MaterialIssue", "data security"),
            ("MaterialIssue", "fuel efficiency"),
            ("MaterialIssue", "staff wellbeing"),
        ],
    ),
    # issues rated material, listed after a colon and apart with semicolons (their names hold "and")
    (
        "Of the 18 topics reviewed, 5 were rated highly material: road safety; fare pricing and access; "
        "driver health and wellbeing; and air quality.",
        [
            ("MaterialIssue", "road safety"),
            ("MaterialIssue", "fare pricing and access"),
            ("MaterialIssue", "driver health and wellbeing"),
            ("MaterialIssue", "air quality"),
        ],
    ),
    # the channels of each stakeholder group, then "for" or "with" the group, apart with semicolons
    (
        "We reach our stakeholders through the channels each prefers: open days and a hotline for "
        "tenants and residents; site audits with suppliers; and town-hall briefings for staff.",
        [
            ("StakeholderGroup", "tenants and residents"),
            ("StakeholderGroup", "suppliers"),
            ("StakeholderGroup", "staff"),
        ],
    ),
    # items that end in no stakeholder noun name no group
    ("We reach stakeholders through channels: a hotline for complaints; a portal for bookings.", []),
    # a department named for a public service is a government's, unless the text says it is the company's
    (
        "Our depots hold permits from the Marine Conservation Department and buy water from the "
        "Water Supplies Department.",
        [("Organization", "Marine Conservation Department"), ("Organization", "Water Supplies Department")],
    ),
    ("Our Fire Services Department inspects every depot.", [("Department", "Fire Services Department")]),
    (
        "The Safety and Environmental Protection Department audits each mine.",
        [("Department", "Safety and Environmental Protection Department")],
    ),
    # a plant or hotel named by a proper name is a place; one in a known place is that place
    (
        "Our Hillcrest plant and the Riverside Lake plant recycle water.",
        [("Place", "Hillcrest plant"), ("Place", "Riverside Lake plant")],
    ),
    ("The Bayview Grand Hotel opened in May.", [("Place", "Bayview Grand Hotel")]),
    ("Output rose at the Shenzhen plant, and No plant closed.", [("Place", "Shenzhen")]),
    # a town the state or country after it places
    (
        "Our plant in Batu Kawan, Penang, Malaysia makes sensors.",
        [("Place", "Batu Kawan"), ("Place", "Penang"), ("Place", "Malaysia")],
    ),
    # names the gazetteer does not know, listed three or more and closed by the region they are in,
    # after a place's cue; a list of people after a verb is none
    (
        "Our depots serve nine towns: Alderby, Brackwell and Coldmoor in Texas.",
        [("Place", "Alderby"), ("Place", "Brackwell"), ("Place", "Coldmoor"), ("Place", "Texas")],
    ),
    ("We thank Alice, Bruno and Chen in Ohio for their help.", [("Place", "Ohio")]),
    # "Co., Ltd." ends a name: the capital after it starts the next sentence's name
    (
        "Plants are held through Acme Pipeline Gas Co., Ltd. Acme Distributed Energy (Wuhan) Co., Ltd. runs them.",
        [
            ("Organization", "Acme Pipeline Gas Co., Ltd."),
            ("Organization", "Acme Distributed Energy (Wuhan) Co., Ltd."),
        ],
    ),
    # a steering group is a team
    ("The Climate Steering Group meets monthly.", [("Team", "Climate Steering Group")]),
    # a figure and its preposition start no name: the acronym's programme follows
    ("We gave US$50,000 for STEM scholarships.", [("Initiative", "STEM scholarships")]),
    # weather disasters named by their date
    (
        "The drought of July and August 2021 lowered the river; the black rainstorm of 7 September 2022 "
        "flooded a depot.",
        [("Event", "drought of July and August 2021"), ("Event", "black rainstorm of 7 September 2022")],
    ),
    ("Heavy rain in 2022 flooded a depot.", []),
    # integrity policies named in lower case
    (
        "Our anti-bribery policy and whistle-blowing policy apply to agents.",
        [("Policy", "anti-bribery policy"), ("Policy", "whistle-blowing policy")],
    ),
    # guidelines the company calls its own are its policy; another body's are a standard
    (
        "Contractors must follow our Safe Site Guidelines. Dredging meets the Harbour Authority Dredging Guidelines.",
        [("Policy", "Safe Site Guidelines"), ("Standard", "Harbour Authority Dredging Guidelines")],
    ),
    # a quoted name a verb says was launched is a programme
    ("In 2024 we launched “Project Clear Water” to test wells.", [("Initiative", "Project Clear Water")]),
    ("In 2024 we launched the “Phone + Home” strategy.", []),
    # a hotel one works with is the company running it
    ("We cooperated with Lotus Hotel on smart rooms.", [("Organization", "Lotus Hotel")]),
    # an international body's office in a place; a place in bare parentheses is part of a company's name
    ("We support WWF-Singapore.", [("Organization", "WWF-Singapore")]),
    (
        "We bank with the Harbour Bank (Hong Kong) and the Federation of Traders.",
        [("Organization", "Harbour Bank (Hong Kong)"), ("Organization", "Federation of Traders")],
    ),
    # a class of a standard before "of" the standard
    (
        "Effluent meets Class 2B of the Discharge Standard for Urban Sewage Works.",
        [("Standard", "Discharge Standard for Urban Sewage Works")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_entity_patterns(text: str, expected: list[tuple[str, str]]) -> None:
    assert typed(text) == expected


def test_groups_a_sentence_enumerates_count_only_without_a_list_of_them() -> None:
    text = (
        "We engaged 900 residents, tenants and employees through surveys.\n"
        "Key stakeholder groups include:\n"
        "• Residents' committees\n"
        "• Retail tenants\n"
    )
    assert typed(text) == [
        ("StakeholderGroup", "Residents' committees"),
        ("StakeholderGroup", "Retail tenants"),
    ]


def test_a_place_then_the_companys_name_with_a_legal_form_is_a_subsidiary() -> None:
    text = (
        'Acme Water Holdings Limited ("Acme" or the "Company") runs 12 plants. Our operating companies are '
        "Xiamen Acme Sewage Treatment Co., Ltd. and Fuzhou Acme Water Services Co., Ltd."
    )
    found = typed(text)
    assert ("Subsidiary", "Xiamen Acme Sewage Treatment Co., Ltd.") in found
    assert ("Subsidiary", "Fuzhou Acme Water Services Co., Ltd.") in found


def test_an_outside_companys_manual_and_an_outside_bodys_code_are_standards() -> None:
    text = (
        "This report follows Rules 101A and 101B of the Listing Manual of the Harbour Securities Exchange "
        'Limited ("HSE"). '
        'We are a member of the Fair Electronics Alliance ("FEA") and follow the FEA Code of Conduct. '
        "Our Code of Conduct binds all staff."
    )
    assert typed(text) == [
        ("Standard", "Listing Manual"),
        ("Organization", "Harbour Securities Exchange Limited"),
        ("Organization", "HSE"),
        ("Organization", "Fair Electronics Alliance"),
        ("Organization", "FEA"),
        ("Standard", "FEA Code of Conduct"),
        ("Policy", "Code of Conduct"),
    ]
    # a report may not define its own name: a code "of" a company stays a policy, only a manual is another's
    assert typed("Our Code of Conduct for Employees of Acme Corporation applies to all staff.") == [
        ("Policy", "Code of Conduct for Employees of Acme Corporation")
    ]


def test_a_dated_act_of_a_country_is_also_named_without_the_country() -> None:
    mentions = entity_mentions(
        "We comply with the Data Privacy Act 2015 of Malaysia and the Employment Act of Singapore."
    )
    assert [(m.type, m.label, m.alias_of) for m in mentions] == [
        ("Law", "Data Privacy Act 2015 of Malaysia", None),
        ("Law", "Data Privacy Act 2015", "Data Privacy Act 2015 of Malaysia"),
        ("Law", "Employment Act of Singapore", None),
    ]


def test_an_awards_grade_names_no_award_and_a_quoted_awards_organiser_follows_its_quote() -> None:
    text = (
        "The hotel received the Silver Award (Retail and Leisure) in the Green Shop Awards 2023, organised by "
        "the Clean City Council.\n"
        "Awards and recognition\n"
        "• Bronze, Asia Clean Factory Awards 2023, organised by the Asia Factory Council\n"
        '• "Green Pioneer Award", Harbour Sustainable Finance Forum\n'
    )
    found = [(m.type, m.label, m.organiser) for m in entity_mentions(text)]
    assert found == [
        ("Award", "Green Shop Awards 2023", "Clean City Council"),
        ("Organization", "Clean City Council", None),
        ("Award", "Asia Clean Factory Awards 2023", "Asia Factory Council"),
        ("Organization", "Asia Factory Council", None),
        ("Award", "Green Pioneer Award", "Harbour Sustainable Finance Forum"),
        ("Organization", "Harbour Sustainable Finance Forum", None),
    ]
