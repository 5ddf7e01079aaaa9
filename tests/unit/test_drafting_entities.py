"""The entity recogniser and alias resolution of kg.drafting.entities, on invented report sentences."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
import yaml

from kg.drafting.entities import EntityMention, entity_mentions, resolve_aliases
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
    ]
