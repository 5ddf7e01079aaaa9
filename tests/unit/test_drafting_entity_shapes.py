"""More name shapes of kg.drafting.entities: subsidiaries, schemes, tables, programmes, in-house bodies.

Every sentence here is invented for the test; none is taken from a fixture report.
"""

from __future__ import annotations

from pathlib import Path

from kg.drafting.assembler import draft_sheet
from kg.drafting.entities import entity_mentions, resolve_aliases
from kg.ingest.text import ReportText


def typed(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.type) for m in entity_mentions(text)]


def test_companies_under_the_reporting_companys_name_are_subsidiaries() -> None:
    text = (
        'Norvale Shipping Holdings Limited ("Norvale" or the "Company") reports on its subsidiaries. '
        "The subsidiaries in scope are Norvale Tankers (Singapore) Pte. Ltd., Norvale Marine Services Limited "
        "and Norvale Ports Sdn. Bhd. We buy fuel from Harbourside Energy Limited."
    )
    assert typed(text) == [
        ("Norvale Shipping Holdings Limited", "Organization"),
        ("Norvale", "Organization"),
        ("Company", "Organization"),
        ("Norvale Tankers (Singapore) Pte. Ltd.", "Subsidiary"),
        ("Norvale Marine Services Limited", "Subsidiary"),
        ("Norvale Ports Sdn. Bhd.", "Subsidiary"),
        ("Harbourside Energy Limited", "Organization"),
    ]


def test_a_grade_letters_full_stop_and_and_the_end_a_name() -> None:
    text = (
        "Our depot is rated at Grade B. Norvale Marine Services Limited runs it. Factors come from Lakeside Power "
        "Grid and the Water Supplies Authority of Penang."
    )
    assert typed(text) == [
        ("Norvale Marine Services Limited", "Organization"),
        ("Lakeside Power Grid", "Organization"),
        ("Water Supplies Authority of Penang", "Organization"),
    ]


def test_certification_statuses_schemes_and_their_certifiers() -> None:
    text = (
        "Our cold store is accredited as a Trusted Trader Operator by the Customs Department of Penang. "
        "The kitchens have implemented HACCP and hold FSSC 22000. The mill holds ISCC Plus certification, "
        "and the depot meets the Cargo Handling Security Requirements (CHSR) at Level 2."
    )
    mentions = entity_mentions(text)
    assert [(m.label, m.type, m.organiser, m.alias_of) for m in mentions] == [
        ("Trusted Trader Operator", "Certification", "Customs Department of Penang", None),
        ("Customs Department of Penang", "Organization", None, None),
        ("HACCP", "Certification", None, None),
        ("FSSC 22000", "Certification", None, None),
        ("ISCC Plus certification", "Certification", None, None),
        ("ISCC Plus", "Certification", None, "ISCC Plus certification"),
        ("Cargo Handling Security Requirements", "Certification", None, None),
        ("CHSR", "Certification", None, "Cargo Handling Security Requirements"),
    ]
    ids = resolve_aliases(mentions, "norvale")
    assert ids["ISCC Plus"] == ids["ISCC Plus certification"] == "iscc-plus-certification"


def test_storms_the_pandemic_and_emission_standards() -> None:
    text = (
        "During Super Typhoon Hato our depots closed for a day. COVID-19 kept offices shut in March. "
        "We bought 20 Euro VI trucks; a donation of Euro 6 million is no standard."
    )
    assert typed(text) == [("Super Typhoon Hato", "Event"), ("COVID-19", "Event"), ("Euro VI", "Standard")]


def test_a_stakeholder_table_names_a_group_in_each_rows_first_cell() -> None:
    text = (
        "Key stakeholders\tHow we engage\n"
        "Tenants\tSurveys, meetings\n"
        "Banks and investors\tResults briefings\n"
        "\n"
        "Material topic\tWhy it matters\n"
        "Flood resilience\tOur sites are low-lying\n"
        "Year\t2023\n"
    )
    assert typed(text) == [
        ("Tenants", "StakeholderGroup"),
        ("Banks and investors", "StakeholderGroup"),
        ("Flood resilience", "MaterialIssue"),
    ]


def test_space_aligned_stakeholder_and_awards_tables_name_a_group_or_an_award_in_each_row() -> None:
    """Columns aligned with runs of spaces are cells as tabs are; an awards table's organiser
    column names who gave each award; a year or a bracketed number is part of a name; a line
    indented past the first column continues the row above; a row of one word a cell under the
    awards is another table's header."""
    text = (
        "Stakeholder groups          How we engage\n"
        "Tenants                     Surveys, meetings with the\n"
        "                            tenant committees\n"
        "Bus drivers' union          Quarterly meetings\n"
        "Year                        2023\n"
        "\n"
        "Award                                    Organiser\n"
        "Clean Harbour Prize 2022                 Marine Trust of Penang\n"
        "  - Silver Prize (Logistics)\n"
        "Safe Depot Charter (5 Years Plus)        Occupational Wellness Board\n"
        "Partner                                  Programme\n"
        "Harbour Relief Society                   Winter blankets\n"
    )
    found = [(m.type, m.label, m.organiser) for m in entity_mentions(text)]
    assert found == [
        ("StakeholderGroup", "Tenants", None),
        ("StakeholderGroup", "Bus drivers' union", None),
        ("Award", "Clean Harbour Prize 2022", "Marine Trust of Penang"),
        ("Organization", "Marine Trust of Penang", None),
        ("Award", "Silver Prize", None),  # named by the name rules, not as a row of the table
        ("Award", "Safe Depot Charter (5 Years Plus)", "Occupational Wellness Board"),
        ("Organization", "Occupational Wellness Board", None),
    ]


def test_a_list_under_a_certifications_heading_names_certifications() -> None:
    """A standard's code listed under "Certifications held ..." is a certification held, named by
    the code; another item by its words before "certification" or its colon."""
    text = (
        "Certifications held as at 31 March 2024\n"
        "• ISO 22000:2018 food safety management: all 12 kitchens\n"
        "• ISO/IEC 27001:2022 information security: head office\n"
        "• Green Kitchen Label V3.1 certification from the Catering Council: 3 kitchens (1 Gold, 2 Silver)\n"
        "• Safe Hands Scheme: 4 depots\n"
    )
    assert typed(text) == [
        ("ISO 22000:2018", "Certification"),
        ("ISO/IEC 27001:2022", "Certification"),
        ("Green Kitchen Label V3.1", "Certification"),
        ("Safe Hands Scheme", "Certification"),
    ]


def test_a_line_listing_names_under_a_partners_heading_names_organisations() -> None:
    """Items apart with commas under "... partners"; without a comma before the last "and", that
    "and" parts the last two items and a name's own "and" stays in it; a sentence is no such list."""
    text = (
        "Community and NGO partners\n"
        "The Harbour Trust, Caritas Lantau, St. Mary's Shelter and the Lantau Food and Youth Council.\n"
        "\n"
        "Our partners\n"
        "We work with many partners, including schools.\n"
        "\n"
        "Key partners\n"
        "Lantau Trust, Harbour Relief Society, and Island Care.\n"
    )
    assert typed(text) == [
        ("The Harbour Trust", "Organization"),
        ("Caritas Lantau", "Organization"),
        ("St. Mary's Shelter", "Organization"),
        ("the Lantau Food and Youth Council", "Organization"),
        ("Lantau Trust", "Organization"),
        ("Harbour Relief Society", "Organization"),
        ("Island Care", "Organization"),
    ]


def test_material_issues_listed_after_a_lead_that_names_them_last() -> None:
    text = "Of the 15 topics we reviewed, the committee rated 2 as most material:\n(1) Water stewardship\n(2) Land use"
    assert typed(text) == [("Water stewardship", "MaterialIssue"), ("Land use", "MaterialIssue")]


def test_programmes_with_small_words_and_described_names() -> None:
    text = (
        "Our Journey to Net Zero programme began in 2022. Staff joined our Safe Hands 101 first-aid course. "
        "Donations to Harbour Relief Fund project were made."
    )
    mentions = entity_mentions(text)
    assert [(m.label, m.type, m.alias_of) for m in mentions] == [
        ("Journey to Net Zero programme", "Initiative", None),
        ("Safe Hands 101 first-aid course", "Initiative", None),
        ("Safe Hands 101", "Initiative", "Safe Hands 101 first-aid course"),
        ("Harbour Relief Fund project", "Initiative", None),
    ]


def test_in_house_academies_funds_and_functional_centres() -> None:
    text = (
        'Tidewater Foods Limited (the "Company", "Tidewater") trains cooks at our Tidewater Culinary Academy. '
        "The Tidewater Staff Relief Fund helped 40 families. The Product Testing Centre checks every batch, and "
        "we sponsor the Hong Kong Baking Academy and the Penang Nutrition Centre."
    )
    assert typed(text) == [
        ("Tidewater Foods Limited", "Organization"),
        ("Company", "Organization"),
        ("Tidewater Culinary Academy", "Initiative"),
        ("Tidewater Staff Relief Fund", "Initiative"),
        ("Product Testing Centre", "Department"),
        ("Hong Kong Baking Academy", "Organization"),
        ("Penang Nutrition Centre", "Organization"),
    ]


def test_addresses_holidays_incorporation_and_role_phrases_name_nothing_else() -> None:
    text = (
        "(Incorporated in the British Virgin Islands with limited liability)\n"
        "Write to 12/F, Seaview Tower, 8 Harbour Road. Our plant ran through the Spring Festival holiday. "
        "Ms. Ada Wong, the Chairman of the Company, signed it."
    )
    assert typed(text) == [("Ada Wong", "Person"), ("the Company", "Organization")]


def test_places_after_a_place_provinces_and_compass_regions() -> None:
    text = (
        "Our farms are in Sabah and Kuala Lipis, our mills in Perak, and our buyers in Northern China, "
        "Hanoi and Tai Wai."
    )
    assert typed(text) == [
        ("Sabah", "Place"),
        ("Kuala Lipis", "Place"),
        ("Perak", "Place"),
        ("Northern China", "Place"),
        ("Hanoi", "Place"),
        ("Tai Wai", "Place"),
    ]


def test_laws_codes_of_countries_and_a_state_ordinance() -> None:
    text = (
        "We comply with the Labour Code of Cambodia, the Forest Ordinance of Sabah and the Waste Disposal "
        "(Clinical Waste) (General) Regulation (Cap. 354O)."
    )
    assert [(m.label, m.type, m.jurisdiction, m.cap) for m in entity_mentions(text)] == [
        ("Labour Code of Cambodia", "Law", "Cambodia", None),
        ("Forest Ordinance of Sabah", "Law", "Sabah", None),
        ("Waste Disposal (Clinical Waste) (General) Regulation", "Law", "Hong Kong", "Cap. 354O"),
    ]


def test_honorifics_of_malaysia_and_a_name_that_ends_its_line() -> None:
    text = "The committee is chaired by Tan Sri Rahman bin Yusof.\nMr. Lau Kin-wah\nChief Executive Officer\n"
    assert [(m.label, m.type, m.role) for m in entity_mentions(text)] == [
        ("Rahman bin Yusof", "Person", None),
        ("Lau Kin-wah", "Person", "Chief Executive Officer"),
    ]


def test_accented_names_after_honorifics_and_an_honorific_cut_from_its_name() -> None:
    text = "The team is headed by Ms. Ágnes Szőke in Budapest and Mr. Tan Wei in Wuhan."
    assert [(m.label, m.type, m.titled) for m in entity_mentions(text)] == [
        ("Ágnes Szőke", "Person", "Ms. Ágnes Szőke"),
        ("Budapest", "Place", None),
        ("Tan Wei", "Person", "Mr. Tan Wei"),
        ("Wuhan", "Place", None),
    ]


def test_a_persons_label_is_the_name_and_the_titled_name_an_alias() -> None:
    text = "In 2023 Dr. Ko Sin-yee, our Chief Executive Officer, met 12 suppliers in Shenzhen.\n"
    drafted = draft_sheet(ReportText(Path("report.txt"), text, None), 2023, "acme")
    assert [(e["label"], e["type"], e.get("alt_labels")) for e in drafted.entities.values()] == [
        ("Ko Sin-yee", "Person", ["Dr. Ko Sin-yee"]),
        ("Shenzhen", "Place", None),
    ]


def test_acts_numbered_in_roman_numerals_and_the_eus_acts_by_their_number() -> None:
    text = (
        "In Poland the depot complies with Act XIV of 2001 on the Protection of Soil and the Polish Act IX of 2015 "
        "on Road Haulage, Directive 2008/98/EC and Regulation (EU) 2019/1021 on persistent organic pollutants "
        '(the "POPs Regulation"). We also follow Regulation (EC) No 1272/2008 (CLP) and the Data Act of the EU.'
    )
    assert [(m.label, m.type, m.jurisdiction, m.alias_of) for m in entity_mentions(text)] == [
        ("Poland", "Place", None, None),
        ("Act XIV of 2001 on the Protection of Soil", "Law", None, None),
        ("Act IX of 2015 on Road Haulage", "Law", None, None),
        ("Directive 2008/98/EC", "Law", "EU", None),
        ("Regulation (EU) 2019/1021", "Law", "EU", None),
        ("POPs Regulation", "Law", None, "Regulation (EU) 2019/1021"),
        ("Regulation (EC) No 1272/2008", "Law", "EU", None),
        ("CLP", "Law", None, "Regulation (EC) No 1272/2008"),
        ("Data Act of the EU", "Law", "EU", None),
        ("Data Act", "Law", None, "Data Act of the EU"),
    ]


def test_lines_of_a_groups_concerns_and_channels_name_the_groups() -> None:
    text = (
        "We listen to stakeholders all year.\n"
        "Tenants (shops and offices): rents, safety; channels: tenant meetings, surveys.\n"
        "Staff and contractors: pay, training; engagement channels: intranet, town halls.\n"
        "Lenders: returns; channels: briefings.\n"
    )
    assert typed(text) == [
        ("Tenants", "StakeholderGroup"),
        ("Staff and contractors", "StakeholderGroup"),
        ("Lenders", "StakeholderGroup"),
    ]


def test_one_line_with_channels_names_no_group() -> None:
    assert typed("Complaints: 12 in 2023; channels: hotline, email.\n") == []


def test_sites_named_by_a_code_before_their_place_and_a_mountain() -> None:
    text = (
        "We run two depots: KL2 (Shah Alam) and PG1 (Bayan Lepas, Penang). PG1 is solar-powered. "
        "Staff planted 300 trees on Mount Kinabalu."
    )
    assert typed(text) == [
        ("KL2", "Place"),
        ("Shah Alam", "Place"),
        ("PG1", "Place"),
        ("Bayan Lepas", "Place"),
        ("Penang", "Place"),
        ("PG1", "Place"),
        ("Mount Kinabalu", "Place"),
    ]


def test_certificates_told_after_their_codes_and_codes_of_safety_tests() -> None:
    text = (
        "Each mill runs ISO 14001:2015 and ISO 9001:2015 systems; all mills were certified to both standards. "
        "Both ports are certified to ISO 45001:2018, PK1 and PK2 also to ISO 50001:2018. "
        "Our chargers are tested to UL 2202 and disks are wiped to NIST 800-88.\n\n"
        "Standards and certifications\n"
        "• ISO 22000 at both kitchens\n"
        "• ISO 14067 product footprints, verified by an auditor\n"
    )
    assert [(m.label, m.type) for m in entity_mentions(text) if m.type in ("Certification", "Standard")] == [
        ("ISO 14001:2015", "Certification"),
        ("ISO 9001:2015", "Certification"),
        ("ISO 45001:2018", "Certification"),
        ("ISO 50001:2018", "Certification"),
        ("UL 2202", "Standard"),
        ("NIST 800-88", "Standard"),
        ("ISO 22000", "Certification"),
        ("ISO 14067", "Standard"),
    ]


def test_the_following_awards_and_titles_joined_by_a_dash() -> None:
    text = (
        "In 2023 we were proud to receive the following awards:\n"
        "• Penang Green Awards 2023 – Low Carbon Logistics Prize (Silver Grade), organised by the Penang Green Forum\n"
        "• Safe Fleet Award, presented by the Road Safety Council\n"
    )
    assert [(m.label, m.type, m.organiser) for m in entity_mentions(text)] == [
        (
            "Penang Green Awards 2023 – Low Carbon Logistics Prize (Silver Grade)",
            "Award",
            "Penang Green Forum",
        ),
        ("Penang Green Forum", "Organization", None),
        ("Safe Fleet Award", "Award", "Road Safety Council"),
        ("Road Safety Council", "Organization", None),
    ]


def test_european_legal_forms_a_team_of_a_department_a_new_area_and_a_transition_plan() -> None:
    text = (
        'Norvale Shipping Holdings Limited (the "Company") owns Norvale Hungary Kft. and Norvale Deutschland GmbH. '
        "We sell scrap to Ostwerk Recycling AG. The Fleet Safety Team of the Marine Operations Department meets "
        "monthly. Our yard is in Nansha New Area. The Board approved our Climate Transition Plan."
    )
    assert [(m.label, m.type, m.alias_of) for m in entity_mentions(text) if m.type != "Board"] == [
        ("Norvale Shipping Holdings Limited", "Organization", None),
        ("Company", "Organization", "Norvale Shipping Holdings Limited"),
        ("Norvale Hungary Kft", "Subsidiary", None),
        ("Norvale Deutschland GmbH", "Subsidiary", None),
        ("Ostwerk Recycling AG", "Organization", None),
        ("Fleet Safety Team of the Marine Operations Department", "Team", None),
        ("Fleet Safety Team", "Team", "Fleet Safety Team of the Marine Operations Department"),
        ("Nansha New Area", "Place", None),
        ("Climate Transition Plan", "Policy", None),
    ]


def test_the_bodies_a_lead_sentence_introduces_apart_by_semicolons() -> None:
    text = (
        "We are members of the following associations and work with these partners:\n"
        "Clean Cobalt Initiative; Asia Battery Association; Green Finance Council.\n"
    )
    assert typed(text) == [
        ("Clean Cobalt Initiative", "Organization"),
        ("Asia Battery Association", "Organization"),
        ("Green Finance Council", "Organization"),
    ]


def test_a_governments_body_with_its_place_before_it_a_polytechnic_and_a_provident_fund() -> None:
    text = (
        "Factors come from the Malaysia Ministry of Natural Resources and the Sabah Department of Environment. "
        "Staff join the Employees Provident Fund "
        "and train at Penang Polytechnic in Penang."
    )
    assert [(m.label, m.type, m.alias_of) for m in entity_mentions(text)] == [
        ("Malaysia Ministry of Natural Resources", "Organization", None),
        ("Ministry of Natural Resources", "Organization", "Malaysia Ministry of Natural Resources"),
        ("Sabah Department of Environment", "Organization", None),
        ("Employees Provident Fund", "Initiative", None),
        ("Penang Polytechnic", "Organization", None),
        ("Penang", "Place", None),
    ]


def test_a_team_named_by_its_place_a_ratings_scheme_and_a_title_said_so() -> None:
    text = (
        "Our Penang team grew fastest. The depot holds the Green Mark Gold rating, renewed in May.\n"
        "• Green Factory, a provincial title from the Penang Industry Council, held since 2021\n"
    )
    assert [(m.label, m.type, m.alias_of) for m in entity_mentions(text)] == [
        ("Green Mark Gold rating", "Certification", None),
        ("Green Mark Gold", "Certification", "Green Mark Gold rating"),
        ("Green Factory", "Award", None),
        ("Penang Industry Council", "Organization", None),
    ]


def test_a_quoted_class_or_set_of_targets_is_an_initiative_and_goes_by_its_quoted_name() -> None:
    text = 'In 2022 the Board adopted our "Net Zero Ports 2040" targets. Retirees joined our "Tech Buddies" class.'
    assert [(m.label, m.type, m.alias_of) for m in entity_mentions(text) if m.type != "Board"] == [
        ('"Net Zero Ports 2040" targets', "Initiative", None),
        ("Net Zero Ports 2040", "Initiative", '"Net Zero Ports 2040" targets'),
        ('"Tech Buddies" class', "Initiative", None),
        ("Tech Buddies", "Initiative", '"Tech Buddies" class'),
    ]


def test_award_grades_rankings_and_an_offices_possessive() -> None:
    text = (
        "Awards\n"
        "• Silver award, Clean Fleet Awards 2024, organised by the Asia Transport Forum\n"
        "In 2024 we were ranked 12th among the Top 50 Green Employers by the Penang Business Council, and "
        "won the Chief Minister's Green Award."
    )
    mentions = entity_mentions(text)
    assert [(m.label, m.type, m.organiser) for m in mentions] == [
        ("Clean Fleet Awards 2024", "Award", "Asia Transport Forum"),
        ("Asia Transport Forum", "Organization", None),
        ("Top 50 Green Employers", "Award", "Penang Business Council"),
        ("Penang Business Council", "Organization", None),
        ("Chief Minister's Green Award", "Award", None),
    ]


def test_outside_boards_reporting_codes_and_numbered_standards() -> None:
    text = (
        "The Board adopted the Corporate Governance Code. We will report under IFRS S1 General Requirements "
        "issued by the International Sustainability Standards Board, and our brochures follow the Penang "
        "Tourism Board."
    )
    assert typed(text) == [
        ("The Board", "Board"),
        ("Corporate Governance Code", "Standard"),
        ("IFRS S1 General Requirements", "Standard"),
        ("International Sustainability Standards Board", "Organization"),
        ("Penang Tourism Board", "Organization"),
    ]


def test_a_board_committee_the_guides_appendix_and_kpi_rows() -> None:
    text = (
        'The report follows the ESG Reporting Guide (the "Guide") set out in Appendix 27 to the Main Board '
        "Listing Rules. The Audit Committee of the Board met twice.\nB2 Health and Safety\tPage 9\n"
    )
    mentions = entity_mentions(text)
    assert [(m.label, m.type, m.alias_of) for m in mentions] == [
        ("ESG Reporting Guide", "Standard", None),
        ("Guide", "Standard", "ESG Reporting Guide"),
        ("Appendix 27 to the Main Board Listing Rules", "Standard", "ESG Reporting Guide"),
        ("Audit Committee of the Board", "Committee", None),
        ("Audit Committee", "Committee", "Audit Committee of the Board"),
    ]


def test_products_and_units_named_in_apposition() -> None:
    text = (
        "Growers are paid through FarmPay Link, our mobile payment platform. Our flagship product, Brightleaf, "
        "won praise. Our volunteer team, the Harbour Helpers, served 300 hours."
    )
    assert typed(text) == [
        ("FarmPay Link", "Product"),
        ("Brightleaf", "Product"),
        ("Harbour Helpers", "Team"),
    ]


def test_a_province_and_its_bare_name_are_one_place() -> None:
    text = "Our plant is in Hubei Province. Sales in Hubei grew, and so did those in Johor State and Johor."
    mentions = entity_mentions(text)
    assert resolve_aliases(mentions, "acme") == {
        "Hubei Province": "hubei-province",
        "Hubei": "hubei-province",
        "Johor State": "johor-state",
        "Johor": "johor-state",
    }


def test_words_of_time_before_a_head_word_name_nothing() -> None:
    assert typed("Next year the programme will reach two more towns. Each week the team meets.") == []


def test_a_state_heads_a_place_but_a_currency_names_none() -> None:
    assert typed("Prices are in United States dollars. We buy tea in Shan State and sell it in the United States.") == [
        ("Shan State", "Place"),
        ("United States", "Place"),
    ]


def test_a_sentences_first_verb_and_figure_is_no_product() -> None:
    assert typed("Donated 800 tablets to schools. Our Solis Pad 3 ships in May.") == [("Solis Pad 3", "Product")]


def test_a_disclosure_task_force_an_index_listing_and_an_aspect_code() -> None:
    text = (
        "Aspect B2: Health and Safety. We report against the Taskforce on Nature-related Financial Disclosures. "
        "We are a constituent of the Sunrise Sustainability Leaders Index. Our Task Force on Heat Stress met twice."
    )
    assert typed(text) == [
        ("Taskforce on Nature-related Financial Disclosures", "Standard"),
        ("Sunrise Sustainability Leaders Index", "Award"),
        ("Task Force on Heat Stress", "Team"),
    ]


def test_a_storm_warning_is_no_storm() -> None:
    text = "Depots close when Typhoon Signal No. 8 is hoisted. We sent food after cyclone Dana."
    assert typed(text) == [("cyclone Dana", "Event")]
