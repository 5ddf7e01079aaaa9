"""The entity recogniser and alias resolution of kg.drafting.entities, on invented report sentences."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
import yaml

from kg.drafting.assembler import draft_sheet
from kg.drafting.entities import EntityMention, entity_mentions, resolve_aliases
from kg.ingest.text import ReportText
from kg.vocab.entity_types import sheet_types

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "draft-dev-entities"


def found(text: str, offset: int = 0) -> list[dict]:
    return [{k: v for k, v in asdict(m).items() if v is not None} for m in entity_mentions(text, offset)]


def test_definitions_short_names_and_the_committee_are_one_entity() -> None:
    text = (
        'Harbourview Properties Limited (the "Company") established the Environmental, Social and Governance '
        'Committee (the "ESG Committee") in 2020. The ESG Committee reports to the Board. '
        "The Committee meets twice a year."
    )
    mentions = entity_mentions(text, offset=100)
    assert found(text, 100) == [
        {"start": 100, "end": 130, "label": "Harbourview Properties Limited", "type": "Organization"},
        {
            "start": 137,
            "end": 144,
            "label": "Company",
            "type": "Organization",
            "alias_of": "Harbourview Properties Limited",
        },
        {"start": 163, "end": 209, "label": "Environmental, Social and Governance Committee", "type": "Committee"},
        {
            "start": 216,
            "end": 229,
            "label": "ESG Committee",
            "type": "Committee",
            "alias_of": "Environmental, Social and Governance Committee",
        },
        {
            "start": 245,
            "end": 258,
            "label": "ESG Committee",
            "type": "Committee",
            "alias_of": "Environmental, Social and Governance Committee",
        },
        {"start": 270, "end": 279, "label": "the Board", "type": "Board"},
        {"start": 281, "end": 294, "label": "The Committee", "type": "Committee"},
    ]
    assert resolve_aliases(mentions, "harbourview") == {
        "Harbourview Properties Limited": "harbourview",
        "Company": "harbourview",
        "Environmental, Social and Governance Committee": "environmental-social-and-governance-committee",
        "ESG Committee": "environmental-social-and-governance-committee",
        "the Board": "harbourview-board",
        "The Committee": "environmental-social-and-governance-committee",
    }


def test_laws_carry_cap_numbers_chinese_titles_and_jurisdictions() -> None:
    text = (
        "The Group strictly abides by the Employment Ordinance (Cap. 57) and the Labour Law of the People's Republic "
        "of China 《中華人民共和國勞動法》, and the Waste Disposal Ordinance (Chapter 354 of the Laws of Hong Kong)."
    )
    assert found(text)[1:] == [
        {
            "start": 33,
            "end": 53,
            "label": "Employment Ordinance",
            "type": "Law",
            "jurisdiction": "Hong Kong",
            "cap": "Cap. 57",
        },
        {
            "start": 72,
            "end": 116,
            "label": "Labour Law of the People's Republic of China",
            "type": "Law",
            "label_zh": "中華人民共和國勞動法",
            "jurisdiction": "PRC",
        },
        {
            "start": 139,
            "end": 163,
            "label": "Waste Disposal Ordinance",
            "type": "Law",
            "jurisdiction": "Hong Kong",
            "cap": "Cap. 354",
        },
    ]


def test_chinese_title_before_its_english_title() -> None:
    text = (
        "《中華人民共和國安全生產法》 (the Work Safety Law of the People's Republic of China) guides our safety work."
    )
    assert found(text) == [
        {
            "start": 20,
            "end": 69,
            "label": "Work Safety Law of the People's Republic of China",
            "type": "Law",
            "label_zh": "中華人民共和國安全生產法",
            "jurisdiction": "PRC",
        },
    ]


def test_awards_with_organisers_and_standard_codes() -> None:
    text = (
        'In 2021, the Group was awarded the "Caring Company" logo by The Hong Kong Council of Social Service. '
        "Our head office obtained ISO 14001 certification and is certified to ISO 50001:2018."
    )
    assert found(text) == [
        {"start": 9, "end": 18, "label": "the Group", "type": "Organization"},
        {
            "start": 36,
            "end": 50,
            "label": "Caring Company",
            "type": "Award",
            "organiser": "Hong Kong Council of Social Service",
        },
        {"start": 64, "end": 99, "label": "Hong Kong Council of Social Service", "type": "Organization"},
        {"start": 126, "end": 135, "label": "ISO 14001", "type": "Certification"},
        {"start": 170, "end": 184, "label": "ISO 50001:2018", "type": "Certification"},
    ]


def test_partners_programmes_places_and_people_with_roles() -> None:
    text = (
        "We partnered with Food Angel and St. James' Settlement to run the Green Neighbours Programme in Sham Shui Po "
        "and Tsuen Wan. Mr. Kenneth Lo, our Chief Executive Officer, met Chairman Zhou Wenbin in Shenzhen."
    )
    assert [(m.label, m.type, m.role) for m in entity_mentions(text)] == [
        ("Food Angel", "Organization", None),
        ("St. James' Settlement", "Organization", None),
        ("Green Neighbours Programme", "Initiative", None),
        ("Sham Shui Po", "Place", None),
        ("Tsuen Wan", "Place", None),
        ("Kenneth Lo", "Person", "Chief Executive Officer"),
        ("Zhou Wenbin", "Person", "Chairman"),
        ("Shenzhen", "Place", None),
    ]


def test_units_name_their_organisation_when_the_text_does() -> None:
    text = (
        "The Board of Directors of Pearl River Bank approves the strategy. "
        "The Audit Committee of the Board meets monthly."
    )
    assert [(m.label, m.type, m.unit_of) for m in entity_mentions(text)] == [
        ("Board of Directors of Pearl River Bank", "Board", "Pearl River Bank"),
        ("Audit Committee of the Board", "Committee", None),
        ("Audit Committee", "Committee", None),  # its short name, an alias of the whole
    ]


def test_an_owner_after_of_is_a_second_name_unless_the_rule_is_its_own() -> None:
    text = (
        "We joined the Charter on External Lighting of the Environment Bureau and follow the Whistleblowing "
        "Management Regulation of Acme Holdings Limited."
    )
    assert [(m.label, m.type) for m in entity_mentions(text)] == [
        ("Charter on External Lighting", "Standard"),
        ("Environment Bureau", "Organization"),
        ("Whistleblowing Management Regulation of Acme Holdings Limited", "Policy"),
    ]


def test_headings_and_generic_words_are_not_entities() -> None:
    assert entity_mentions("COMMUNITY\n\nProducts and Community\n\nOur Committee cares for the Community.") == []


def test_aliases_join_case_article_plural_spelling_acronym_and_chinese_variants() -> None:
    def m(label: str, type_: str, **fields: str) -> EntityMention:
        return EntityMention(0, len(label), label, type_, **fields)

    mentions = [
        m("Green Neighbours Programme", "Initiative"),
        m("the Green Neighbours Program", "Initiative"),
        m("Nomination Committee", "Committee"),
        m("Nomination Committees", "Committee"),
        m("Corporate Social Responsibility Committee", "Committee"),
        m("CSR Committee", "Committee"),
        m("Labour Law of the People's Republic of China", "Law", label_zh="中華人民共和國勞動法"),
        m("中華人民共和國勞動法", "Law", label_zh="中華人民共和國勞動法"),
        m("the Group", "Organization"),
        m("Acme Holdings Limited", "Organization"),
        m("the Foundation", "Organization"),
    ]
    assert resolve_aliases(mentions, "acme") == {
        "Green Neighbours Programme": "green-neighbours-programme",
        "the Green Neighbours Program": "green-neighbours-programme",
        "Nomination Committee": "nomination-committee",
        "Nomination Committees": "nomination-committee",
        "Corporate Social Responsibility Committee": "corporate-social-responsibility-committee",
        "CSR Committee": "corporate-social-responsibility-committee",
        "Labour Law of the People's Republic of China": "labour-law-prc",
        "中華人民共和國勞動法": "labour-law-prc",
        "the Group": "acme",
        "Acme Holdings Limited": "acme",
    }


@pytest.mark.parametrize("fixture", sorted(p.name for p in DEV.iterdir() if p.is_dir()))
def test_dev_fixture_mentions_are_verbatim_typed_and_resolved(fixture: str) -> None:
    text = (DEV / fixture / "report.txt").read_text(encoding="utf-8")
    company = yaml.safe_load((DEV / fixture / "report.yaml").read_text(encoding="utf-8"))["company"]
    mentions = entity_mentions(text)
    assert all(text[m.start : m.end] == m.label for m in mentions)
    assert {m.type for m in mentions} <= set(sheet_types())
    ids = resolve_aliases(mentions, company)
    assert company in ids.values()
    assert set(ids) <= {m.label for m in mentions}


def test_a_chinese_title_types_a_name_without_a_head_word() -> None:
    text = "We follow the *Acme Personal Data Quality Management* 《艾克米個人數據質量管理制度》 in every market."
    assert found(text) == [
        {
            "start": 15,
            "end": 52,
            "label": "Acme Personal Data Quality Management",
            "type": "Policy",
            "label_zh": "艾克米個人數據質量管理制度",
        },
    ]


def test_the_companys_name_with_a_place_is_a_subsidiary() -> None:
    text = (
        'Eastgate Logistics Holdings Limited (the "Company") runs warehouses. '
        "Eastgate Malaysia complies with the Occupational Safety and Health Act 1994 of Malaysia."
    )
    assert [(m.label, m.type, m.jurisdiction) for m in entity_mentions(text)] == [
        ("Eastgate Logistics Holdings Limited", "Organization", None),
        ("Company", "Organization", None),
        ("Eastgate Malaysia", "Subsidiary", None),
        ("Occupational Safety and Health Act 1994 of Malaysia", "Law", "Malaysia"),
        ("Occupational Safety and Health Act 1994", "Law", None),  # its short title, an alias
    ]


def typed(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.type) for m in entity_mentions(text)]


def test_a_code_the_company_is_certified_to_is_a_certification_and_a_cited_one_a_standard() -> None:
    text = (
        "Both warehouses are certified to ISO 45001 and ISO 14001:2015, the laboratory holds ISO/IEC 17025 "
        "accreditation, and we aim to obtain ISO 14064-1 verification. Emissions are reported in line with "
        "ISO 14064-1 and the GHG Protocol."
    )
    assert typed(text) == [
        ("ISO 45001", "Certification"),
        ("ISO 14001:2015", "Certification"),
        ("ISO/IEC 17025", "Certification"),
        ("ISO 14064-1", "Standard"),
        ("ISO 14064-1", "Standard"),
        ("GHG Protocol", "Standard"),
    ]


def test_lists_under_a_lead_line_name_stakeholder_groups_material_issues_and_awards() -> None:
    text = (
        "Our principal stakeholder groups are:\n• Tenants and visitors\n• Contractors: site inspections and briefings\n"
        "The materiality review ranked these topics as the most important:\n"
        "1) Indoor air quality\n2) Climate resilience\n"
        'MAJOR AWARDS\n- "Eco Pioneer" title, presented by the Kowloon Green Alliance\n'
        "- Quality Tourism Service Mark, The Tourism Services Council\n"
    )
    assert [(m.label, m.type, m.organiser) for m in entity_mentions(text)] == [
        ("Tenants and visitors", "StakeholderGroup", None),
        ("Contractors", "StakeholderGroup", None),
        ("Indoor air quality", "MaterialIssue", None),
        ("Climate resilience", "MaterialIssue", None),
        ('"Eco Pioneer" title', "Award", "Kowloon Green Alliance"),
        ("Eco Pioneer", "Award", None),  # the quoted title alone, an alias of the whole
        ("Kowloon Green Alliance", "Organization", None),
        ("Quality Tourism Service Mark", "Award", "Tourism Services Council"),
        ("Tourism Services Council", "Organization", None),
    ]


def test_numbers_periods_field_labels_addresses_currencies_and_modifiers_are_no_names() -> None:
    text = (
        "(Stock Code: 4321) We received 58 enquiries in FY2023 (FY2022: 61). Appendix 14 sets out the index. "
        "Our address is No. 12 Harbour Road. Figures are in United States dollars. We switched to LED lamps."
    )
    assert entity_mentions(text) == []


def test_an_award_verb_makes_an_award_of_any_head_with_its_place_year_and_organiser() -> None:
    text = (
        "The Bank was named Best Green Lender in Northern Europe 2023 by Nordic Banking Review, and the Group was "
        "awarded the Community Care Certificate by the Social Welfare Department."
    )
    assert [(m.label, m.type, m.organiser) for m in entity_mentions(text)] == [
        ("The Bank", "Organization", None),
        ("Best Green Lender in Northern Europe 2023", "Award", "Nordic Banking Review"),
        ("Nordic Banking Review", "Organization", None),
        ("the Group", "Organization", None),
        ("Community Care Certificate", "Award", "Social Welfare Department"),
        ("Social Welfare Department", "Organization", None),
    ]


def test_frameworks_without_a_head_word_by_the_words_before_them() -> None:
    text = (
        "We will report in line with the recommendations of the ISSB, and we keep capital under Solvency II. "
        "We follow the recommendations of the Task Force on Climate-related Financial Disclosures. We map our "
        "risks to TCFD recommendations and SASB standards."
    )
    assert typed(text) == [
        ("ISSB", "Standard"),
        ("Solvency II", "Standard"),
        ("Task Force on Climate-related Financial Disclosures", "Standard"),
        ("TCFD", "Standard"),
        ("SASB", "Standard"),
    ]


def test_own_councils_are_committees_and_outside_departments_organisations() -> None:
    text = (
        'Tern Logistics Limited (the "Company") runs the Tern Staff Volunteer Club. Our Ethics Council reviews cases '
        "each quarter. Our water is supplied by the Drainage Services Department. Each issue has an owner, a member "
        "of the Management Committee."
    )
    assert typed(text) == [
        ("Tern Logistics Limited", "Organization"),
        ("Company", "Organization"),
        ("Tern Staff Volunteer Club", "Team"),
        ("Ethics Council", "Committee"),
        ("Drainage Services Department", "Organization"),
        ("Management Committee", "Committee"),
    ]


def test_a_chinese_title_names_the_whole_law_before_it() -> None:
    text = (
        "We abide by the Law of the People's Republic of China on the Prevention of Pollution by Noise "
        "《中华人民共和国噪声污染防治法》."
    )
    assert found(text) == [
        {
            "start": 16,
            "end": 93,
            "label": "Law of the People's Republic of China on the Prevention of Pollution by Noise",
            "type": "Law",
            "label_zh": "中华人民共和国噪声污染防治法",
            "jurisdiction": "PRC",
        }
    ]


def test_documents_capital_tiers_and_headings_are_no_products_or_organisations() -> None:
    text = (
        "B. GOVERNANCE AND COMMUNITY\nOur Sustainability Review 2023 and the Common Equity Tier 1 ratio are no "
        "products, but the Aero 5 is."
    )
    assert typed(text) == [("Aero 5", "Product")]


def test_a_listing_rules_appendix_is_the_guide_and_the_exchange_its_own_name() -> None:
    text = (
        "This report follows the ESG Reporting Guide in Appendix C2 of the Rules Governing the Listing of Securities "
        "on The Stock Exchange of Hong Kong Limited. Appendix 27 to the Main Board Listing Rules applied until 2022."
    )
    mentions = entity_mentions(text)
    assert [(m.label, m.type, m.alias_of) for m in mentions] == [
        ("ESG Reporting Guide", "Standard", None),
        ("Appendix C2 of the Rules Governing the Listing of Securities", "Standard", "ESG Reporting Guide"),
        ("Stock Exchange of Hong Kong Limited", "Organization", None),
        ("Appendix 27 to the Main Board Listing Rules", "Standard", None),
    ]
    assert resolve_aliases(mentions, "acme")["Appendix C2 of the Rules Governing the Listing of Securities"] == (
        "esg-reporting-guide"
    )


def test_a_short_name_of_another_type_is_no_alias_of_the_name_before_it() -> None:
    text = 'The Stock Exchange of Hong Kong Limited (the "Listing Rules") set the rules. We follow the Listing Rules.'
    assert [(m.label, m.type, m.alias_of) for m in entity_mentions(text)] == [
        ("Stock Exchange of Hong Kong Limited", "Organization", None),
        ("Listing Rules", "Law", None),
        ("Listing Rules", "Law", None),
    ]


def test_regions_lakes_and_schools() -> None:
    text = (
        "We source paper in Mainland China and Southeast Asia, clean the shore of Tolo Lake and donated laptops to "
        "Shek Mun Secondary School."
    )
    assert typed(text) == [
        ("Mainland China", "Place"),
        ("Southeast Asia", "Place"),
        ("Tolo Lake", "Place"),
        ("Shek Mun Secondary School", "Organization"),
    ]


def test_a_quoted_title_before_a_head_word_is_of_the_heads_type() -> None:
    text = (
        'Our “Green Steps” programme and the "Tree Buddies" campaign ran all year; our Bluebird volunteer team helped.'
    )
    assert typed(text) == [
        ("“Green Steps” programme", "Initiative"),
        ("Green Steps", "Initiative"),  # the quoted title alone, an alias of the whole
        ('"Tree Buddies" campaign', "Initiative"),
        ("Tree Buddies", "Initiative"),
        ("Bluebird volunteer team", "Team"),
        ("Bluebird", "Team"),  # its proper name, an alias of the whole phrase
    ]


def test_an_organiser_after_by_wins_over_a_name_before_the_award() -> None:
    text = (
        "Green Harbour Association presented the Blue Sky Award to the Group in 2022. The Group won the Clean Air "
        "Award, presented by the Clean Air Network."
    )
    assert [(m.label, m.organiser) for m in entity_mentions(text) if m.type == "Award"] == [
        ("Blue Sky Award", "Green Harbour Association"),
        ("Clean Air Award", "Clean Air Network"),
    ]


def test_names_in_sentences_that_make_no_claim_are_defined_about_no_claim() -> None:
    text = (
        "This report has been prepared in accordance with the Environmental, Social and Governance Reporting Guide "
        "of The Stock Exchange of Hong Kong Limited.\n"
        "In 2022 we donated HK$1.2 million to the Community Chest of Hong Kong.\n"
    )
    drafted = draft_sheet(ReportText(Path("report.txt"), text, None), 2022, "acme")
    assert sorted(drafted.entities) == [
        "community-chest-of-hong-kong",
        "environmental-social-and-governance-reporting-guide",
        "stock-exchange-of-hong-kong-limited",
    ]
    assert [(c["quote"][:20], c.get("about")) for c in drafted.claims] == [
        ("In 2022 we donated H", ["community-chest-of-hong-kong"])
    ]


def test_the_contents_page_names_chapters_and_no_entities() -> None:
    text = (
        "CONTENTS\n1. Message from the Board 2\n2. Green Neighbours Programme 4\n3. Our Community 9\n\n"
        "In 2022 we donated HK$1.2 million to the Community Chest of Hong Kong.\n"
    )
    drafted = draft_sheet(ReportText(Path("report.txt"), text, None), 2022, "acme")
    assert sorted(drafted.entities) == ["community-chest-of-hong-kong"]


def test_the_exchange_after_a_listing_rules_title_and_mainland_china() -> None:
    text = (
        "The Guide is set out in Appendix 27 to *The Rules Governing the Listing of Securities on the Stock Exchange "
        "of Hong Kong Limited*. We run 630 stores in mainland China."
    )
    assert typed(text) == [
        ("Appendix 27 to *The Rules Governing the Listing of Securities", "Standard"),
        ("Stock Exchange of Hong Kong Limited", "Organization"),
        ("mainland China", "Place"),
    ]


def test_a_list_ends_where_its_marker_changes() -> None:
    text = "Material ESG issues identified this year:\n(1) Safe production\n(2) Rural revitalisation\n3. Compliance\n"
    assert typed(text) == [("Safe production", "MaterialIssue"), ("Rural revitalisation", "MaterialIssue")]


def test_issues_listed_under_the_tiers_of_a_materiality_assessment() -> None:
    text = (
        "The chart below shows the results.\n\nHighly material\n  1. Road safety, fatigue and driver health\n"
        "  2. Air quality (NOx, PM)\nRelevant\n  3. Community noise\n  4. Data privacy, including customer data\n\n"
        "Key facts\n  5. Our fleet grew\n"
    )
    # The list goes on under the next tier's heading ("Relevant") and ends at a blank line; an issue's
    # name holds its commas and parentheses, not a clause after a comma.
    assert typed(text) == [
        ("Road safety, fatigue and driver health", "MaterialIssue"),
        ("Air quality (NOx, PM)", "MaterialIssue"),
        ("Community noise", "MaterialIssue"),
        ("Data privacy", "MaterialIssue"),
    ]


def test_seas_gulfs_and_straits_are_places() -> None:
    text = "Typhoons in the East China Sea and Bay of Bengal slow ships in the Gulf of Aden and the Strait of Malacca."
    assert typed(text) == [
        ("East China Sea", "Place"),
        ("Bay of Bengal", "Place"),
        ("Gulf of Aden", "Place"),
        ("Strait of Malacca", "Place"),
    ]


def test_a_pointer_to_tables_and_a_qualified_figure_are_no_product() -> None:
    text = "See Tables 4 to 8. Circa 1,800 staff and some 40 drivers use the Fleet App 3."
    assert typed(text) == [("Fleet App 3", "Product")]


def test_an_opening_article_and_a_headcount_after_of_are_no_part_of_a_name() -> None:
    assert typed("A Road Safety Team of 7 engineers reviews every incident.") == [("Road Safety Team", "Team")]
    assert typed("We joined the Group of 20 in 2019.") == [("Group of 20", "Organization")]  # a name's number


def test_subsidiaries_leading_groups_audits_and_listing_requirements() -> None:
    text = (
        "The President leads the ESG Leading Group. Our subsidiary Delta Wind Power (Gansu) Co., Ltd. passed the "
        "OHSAS 18001 surveillance audit. This statement follows the Main Market Listing Requirements of Bursa "
        "Malaysia Securities Berhad and the Bursa Malaysia's Sustainability Reporting Guide."
    )
    assert typed(text) == [
        ("ESG Leading Group", "Team"),
        ("Delta Wind Power (Gansu) Co., Ltd.", "Subsidiary"),
        ("OHSAS 18001", "Certification"),
        ("Main Market Listing Requirements", "Standard"),
        ("Bursa Malaysia Securities Berhad", "Organization"),
        ("Sustainability Reporting Guide", "Standard"),
    ]


def test_channels_under_a_stakeholder_lead_and_a_givers_possessive_are_not_named() -> None:
    text = (
        "We engage stakeholders through the following channels:\n• Surveys\n• Meetings\n"
        "We communicate with stakeholders through the channels below:\n• Tenants: surveys and meetings\n"
        "The project received the Lantau Community Trust's funding."
    )
    assert typed(text) == [("Tenants", "StakeholderGroup"), ("Lantau Community Trust", "Organization")]


def test_a_list_after_a_paragraph_is_read_by_the_paragraph_s_last_sentence() -> None:
    # A wrapped paragraph is one line in the prose view: channels named in an earlier sentence
    # do not make the groups its last sentence introduces channels.
    text = (
        "We engage our stakeholders through meetings, site visits and surveys. Our key stakeholder groups are:\n"
        "• Employees\n• Local communities\n"
    )
    assert typed(text) == [("Employees", "StakeholderGroup"), ("Local communities", "StakeholderGroup")]


def test_a_sentence_enumerating_material_issues_or_stakeholders_names_each() -> None:
    text = (
        "We identified the following key issues: product safety, employment, health and safety, and customer "
        "privacy. Our key stakeholders include customers, employees and suppliers. Stakeholders are important to us."
    )
    assert typed(text) == [
        ("product safety", "MaterialIssue"),
        ("employment", "MaterialIssue"),
        ("health and safety", "MaterialIssue"),
        ("customer privacy", "MaterialIssue"),
        ("customers", "StakeholderGroup"),
        ("employees", "StakeholderGroup"),
        ("suppliers", "StakeholderGroup"),
    ]


def test_a_list_of_departments_and_of_the_entities_the_report_covers() -> None:
    text = (
        "Sustainability work is led by the following departments:\n"
        "• Estate Services Unit: energy, water and waste\n• People Office: training and welfare\n"
        "This report covers the head office and its three hospitals, as in our annual report:\n"
        "• Riverside Medical Centre (Shatin, Hong Kong)\n• Peak View Hospital (Central, Hong Kong)\n"
        "• Kowloon\n"
    )
    # A place is no entity of the group, whatever list it is in.
    assert [(m.label, m.type) for m in entity_mentions(text) if m.type in ("Department", "Subsidiary")] == [
        ("Estate Services Unit", "Department"),
        ("People Office", "Department"),
        ("Riverside Medical Centre", "Subsidiary"),
        ("Peak View Hospital", "Subsidiary"),
    ]


def test_numbered_captions_run_in_headings_continued_marks_and_programme_years() -> None:
    text = (
        "CASE STUDIES\nCase study 2: Blue Harbour Cleanup campaign\n"
        "Reporting standard. This report follows the GRI Standards.\n"
        "Certificate\tScope\tHolder\nGreen Office Label\tGreen office\tKowloon Bay Depot\n"
        "We launched Net Zero Harbour 2035 with our tenants.\n"
        "ENVIRONMENTAL DATA (CONTINUED)\nWe planted trees with the Green Earth Society.\n"
    )
    # The case study's number is no part of its name; "Reporting standard" and "Green office" are
    # common nouns a line opens with; a name ending in a year is a programme's, not a place's; a
    # heading's "(CONTINUED)" is no short name.
    assert [(m.label, m.type) for m in entity_mentions(text)] == [
        ("Blue Harbour Cleanup campaign", "Initiative"),
        ("GRI Standards", "Standard"),
        ("Green Office Label", "Award"),
        ("Kowloon Bay Depot", "Place"),
        ("Net Zero Harbour 2035", "Initiative"),
        ("ENVIRONMENTAL DATA", "Organization"),
        ("Green Earth Society", "Organization"),
    ]


def test_stakeholder_groups_each_with_its_channels_in_parentheses() -> None:
    text = (
        "We engage our stakeholders all year round: tenants (surveys, a service hotline), lenders "
        "(briefings), local councils and planners (hearings and letters) and staff (town halls)."
    )
    assert typed(text) == [
        ("tenants", "StakeholderGroup"),
        ("lenders", "StakeholderGroup"),
        ("local councils and planners", "StakeholderGroup"),
        ("staff", "StakeholderGroup"),
    ]
