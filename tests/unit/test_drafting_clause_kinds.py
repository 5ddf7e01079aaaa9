"""Claim kinds read from a sentence's first clause, counts of acts, membership, and the entities a sentence names.

Sentences are of our own wording, shaped like HKEX/GRI report prose (kg.drafting.kinds).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.drafting.assembler import draft_sheet
from kg.drafting.kinds import claim_kind
from kg.ingest.text import ReportText

# (sentence, units of the figures read, types of the entities named, kind)
CASES: list[tuple[str, list[str | None] | None, tuple[str, ...], str | None]] = [
    # figures only after the first clause: the first clause says the kind
    ("We prohibit forced labour, and 98% of our suppliers signed the pledge.", ["PERCENT"], (), "policy"),
    ("Waste water is treated on site, and 3,200 m³ was reused in 2022.", ["M3"], (), "policy"),
    ("Energy use fell at every depot, and we saved 5% of the total.", ["PERCENT"], (), "quantitative"),
    (
        "In 2022 we donated RMB1.5 million to the Red Cross, and RMB300,000 to a school.",
        ["CNY", "CNY"],
        (),
        "quantitative",
    ),
    # counts of what was done
    ("We installed 24 charging points at our depots.", [None], (), "achievement"),
    ("We replaced 900 lamps with LED tubes, saving 40,000 kWh a year.", [None, "KiloW-HR"], (), "achievement"),
    ("• upgrading 12 ageing chillers at the headquarters", [None], (), "achievement"),
    ("During the year we installed 300 smart meters, saving 9,000 kWh.", [None, "KiloW-HR"], (), "achievement"),
    ("In 2022 we received 212 complaints about delivery times.", [None], (), "quantitative"),
    # counts of the people engaged, of a named programme's participants
    ("In 2022 we surveyed 830 customers and stakeholders.", [None], (), "engagement"),
    ("Some 400 stakeholders responded to our online questionnaire.", [None], (), "engagement"),
    ("Over 300 staff joined Acme Move, our fitness programme.", [None], ("Initiative",), "initiative"),
    ("Over 300 staff joined Acme Move.", [None], (), "quantitative"),
    ("With the Youth Council we ran 12 workshops for 600 pupils.", [None, None], (), "partnership"),
    # membership as the main clause, before the certificate of a later clause
    (
        "We joined the Responsible Steel Alliance in 2021, and our mill was certified to its standard in 2023.",
        None,
        (),
        "partnership",
    ),
    ("The Group became a signatory to the Green Freight Charter.", None, (), "partnership"),
    # ... and before a second predicate without a comma; not when the first clause counts something
    ("We joined the Clean Seas Initiative in FY23 and slow down to 10 knots near reefs.", ["KN"], (), "partnership"),
    ("We joined 3 industry groups and cut fuel use by 5%.", [None, "PERCENT"], (), "quantitative"),
    (
        "Acme Asset Management (Asia) Limited became a signatory to the Net Zero Pledge, and it holds ISO 14001"
        " certification.",
        None,
        (),
        "partnership",
    ),
    ("Employees joined the fire drill, and each site is certified to ISO 45001.", None, (), "certification"),
    # certificates that are no certification of the company's
    ("Through our Welding Academy, 150 workers obtained skill certificates.", [None], (), "initiative"),
    ("All printing paper we purchase is certified by the Forest Stewardship Council.", None, (), "policy"),
    # who is responsible
    ("The Risk Committee, chaired by independent director Dr. Lam, met four times.", None, (), "governance"),
    ("A Green Task Force with members from five departments coordinates our work.", None, (), "governance"),
    ("In 2022 the Board reviewed the climate risks of each business.", None, (), "governance"),
    # the absence of penalties
    ("In 2022 the Group was not subject to any environmental penalty.", None, (), "compliance"),
    ("During the year, none of our mills was subject to any fine.", None, (), "compliance"),
    # recognition: by its giver, or by the award the sentence names
    ("Top Employer 2022, presented by the Hong Kong Employers Guild", None, (), "recognition"),
    ("• Green Factory – Ministry of Industry", None, ("Award", "Organization"), "recognition"),
    ("• Green Factory – Ministry of Industry", None, (), "policy"),
    ("Customers pay their bills in SwiftPay, our mobile platform.", None, ("Product",), "initiative"),
    # background: where water comes from
    ("Our mills draw water from the city network.", None, (), "context"),
    ("No mill is located in a water-stressed area as defined by the national water authority.", None, (), "context"),
    # statements about the report itself
    (
        "This Environmental, Social and Governance report of Acme Limited covers the year to 31 March 2023.",
        None,
        (),
        None,
    ),
    ("The Board approved this report on 1 June 2023.", None, (), None),
    ("Emissions are calculated with reference to the GHG Protocol.", None, (), None),
]


@pytest.mark.parametrize(("sentence", "units", "named", "kind"), CASES)
def test_claim_kind(sentence: str, units: list[str | None] | None, named: tuple[str, ...], kind: str | None) -> None:
    assert claim_kind(sentence, units, named) == kind


def test_a_compliance_lead_before_a_list_and_an_award_line_are_claims_of_their_kinds() -> None:
    text = (
        "The Group strictly complies with the following laws and regulations:\n"
        "• the Employment Ordinance (Cap. 57)\n\n"
        "Awards in 2022\n"
        "• Green Factory – Ministry of Industry and Information Technology\n"
    )
    drafted = draft_sheet(ReportText(Path("report.txt"), text), 2022, "acme")
    assert [(c["kind"], c["quote"]) for c in drafted.claims] == [
        ("compliance", "The Group strictly complies with the following laws and regulations:"),
        ("recognition", "Green Factory – Ministry of Industry and Information Technology"),
    ]
