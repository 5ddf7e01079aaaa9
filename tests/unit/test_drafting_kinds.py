"""Claim kinds read from sentences by kg.drafting.kinds, one per kind, and the sentences that are no claim."""

from __future__ import annotations

import pytest

from kg.drafting.kinds import claim_kind
from kg.vocab.ontology import vocabulary

CASES = [
    ("This report covers the property management businesses of the Group in Hong Kong.", None),
    ("We will discuss each of these issues in the following sections.", None),
    ("Details of our ISO 14001 scope are set out in the Environmental section.", None),
    ("It was prepared in accordance with the ESG Reporting Guide in Appendix 27 of the Listing Rules.", None),
    ("Other categories, e.g. Scope 3 business travel, are not yet measured.", "quantitative"),
    ("We aim to reduce greenhouse gas emissions by 10% by 2025 against 2020.", "commitment"),
    ("The Group will continue to strive for excellence.", "commitment"),
    ("The Group strictly abides by the Employment Ordinance (Cap. 57).", "compliance"),
    ("Our head office is certified to ISO 14001:2015.", "certification"),
    ("In 2021, the Group was awarded the Caring Company logo.", "recognition"),
    ("Total electricity consumption was 12,345 kWh in 2021.", "quantitative"),
    ("We partnered with Food Angel to distribute meals.", "partnership"),
    ("The Sustainability Committee is responsible for overseeing ESG risks.", "governance"),
    ("Established the Sustainability Committee under the Board", "governance"),
    ("We conduct an annual survey of tenants to collect their feedback.", "engagement"),
    ("Our Anti-corruption Policy prohibits all forms of bribery.", "policy"),
    ("We launched the Green Tenants Scheme to encourage recycling.", "initiative"),
    ("The Suzhou plant successfully achieved zero waste to landfill.", "achievement"),
    ("According to the World Health Organization, air pollution causes millions of deaths globally.", "context"),
]


@pytest.mark.parametrize(("sentence", "kind"), CASES)
def test_claim_kind(sentence: str, kind: str | None) -> None:
    assert claim_kind(sentence) == kind


def test_every_kind_is_a_notation_of_the_scheme() -> None:
    assert {kind for _, kind in CASES} - {None} <= set(vocabulary().kinds)


def test_codes_and_years_are_not_figures() -> None:
    assert claim_kind("Our offices follow ISO 14001 and report under SDG 7 since 2019.") == "policy"
