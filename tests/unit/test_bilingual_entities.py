"""Entities of bilingual layouts (Chinese before the English): a space-aligned stakeholder table
under a rule of dashes, one name running into the next column, and a numbered list of material
issues that a sentence points to ("the five below")."""

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
