"""Entities of bilingual layouts (Chinese before the English): a space-aligned stakeholder table
under a rule of dashes, one name running into the next column, and a numbered list of material
issues that a sentence points to ("the five below"). Also a retailer's sites (a distribution
centre, a central kitchen), which are places; a business continuity plan, a policy; what is no
part of a name (how often an award was won, the officers of a body); and a unit named with the
company's word first, which keeps it; a Chinese title in a heading that goes on in English; an
advisory firm, an organisation; a dashboard, a product."""

from __future__ import annotations

from kg.drafting.entities import entity_mentions

TABLE = """\
持份者 Stakeholder group        主要期望 Expectations             渠道 Channels
------------------------------------------------------------------------
租戶 Tenants                   Clean halls, fair rents          Tenant app
地方團體 Local residents' groups Quiet works, jobs                Meetings
"""

LIST = """\
We rated nine issues, and the three below were rated material issues for the Group.

   1. 水資源 Water use
   2. 僱員安全 Worker safety
   3. 社區 Community ties
"""


def _named(text: str, type_: str) -> list[str]:
    return [m.label for m in entity_mentions(text) if m.type == type_]


def test_a_bilingual_stakeholder_table_names_its_groups_in_english() -> None:
    assert _named(TABLE, "StakeholderGroup") == ["Tenants", "Local residents' groups"]


def test_a_list_a_sentence_points_to_names_its_issues_in_english() -> None:
    assert _named(LIST, "MaterialIssue") == ["Water use", "Worker safety", "Community ties"]


def test_a_distribution_centre_or_central_kitchen_is_a_place() -> None:
    text = "Goods reach the shops from the Tai Po Distribution Centre, and meals from the Yuen Long Central Kitchen."
    assert _named(text, "Place") == ["Tai Po Distribution Centre", "Yuen Long Central Kitchen"]


def test_how_often_an_award_was_won_is_no_part_of_its_name() -> None:
    text = "The shop chain received the Green Grocer Logo for the 5th consecutive year."
    assert _named(text, "Award") == ["Green Grocer Logo"]


def test_a_business_continuity_plan_is_a_policy() -> None:
    assert _named("Our Business Continuity Plan kept the depots open.", "Policy") == ["Business Continuity Plan"]


def test_a_unit_named_with_the_companys_word_first_keeps_it() -> None:
    text = "Work is led by a task force of 8 staff. The Group Quality, Safety and Health Department audits sites."
    assert _named(text, "Department") == ["Group Quality, Safety and Health Department"]


def test_the_officers_of_a_body_are_no_part_of_its_name() -> None:
    text = "Training was given to all staff. Officers of the Harbour Licensing Authority led 3 of the sessions."
    assert _named(text, "Organization") == ["Harbour Licensing Authority"]


def test_a_chinese_title_in_a_heading_that_goes_on_in_english_is_named_in_english() -> None:
    heading = "9  聯交所《環境報告守則》索引 Exchange Environmental Reporting Code index"
    assert [m.label for m in entity_mentions(heading) if m.label_zh] == []
    assert [m.label for m in entity_mentions("我們遵守《安全生產法》。")] == ["安全生產法"]


def test_an_advisory_firm_is_an_organisation() -> None:
    text = "An independent consultant, Lakeside Carbon Advisory, ran the survey."
    assert _named(text, "Organization") == ["Lakeside Carbon Advisory"]


def test_a_dashboard_is_a_product() -> None:
    assert _named("Data are keyed into the Depot Energy Dashboard each month.", "Product") == ["Depot Energy Dashboard"]
