"""Claim kinds of phrasings Hong Kong reports use: a practice stated as what the company does not
do, a record of no complaints, a materiality assessment, following a body's recommendations,
complying with an instrument whose name holds parentheses, and an exclusion from the boundary;
with counts only, a survey answered by stakeholders and a trial's reach."""

from __future__ import annotations

import pytest

from kg.drafting.kinds import claim_kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("We do not hire child or forced labour.", "policy"),
        ("No substantiated complaint about data privacy was received.", "achievement"),
        ("The materiality assessment had three stages: listing, ranking and review.", "engagement"),
        ("We follow the recommendations of the Task Force on Nature-related Disclosures.", "compliance"),
        ("We comply with the Personal Data (Privacy) Ordinance.", "compliance"),
        ("Leased kiosks in Macau are excluded.", None),
        ("Plastic straws are excluded from our cafés from 2024.", "policy"),
    ],
)
def test_kind_of_phrasing(sentence: str, kind: str | None) -> None:
    assert claim_kind(sentence) == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Last year a consultant ran a survey answered by 812 stakeholders and held 9 interviews.", "engagement"),
        ("From May to July we piloted reusable bags in 14 shops in Mong Kok.", "initiative"),
    ],
)
def test_kind_of_a_sentence_with_counts(sentence: str, kind: str) -> None:
    assert claim_kind(sentence, [None, None]) == kind
