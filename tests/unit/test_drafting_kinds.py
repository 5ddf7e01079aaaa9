"""Claim kinds read from sentences by kg.drafting.kinds, one per kind, and the sentences that are no claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.drafting.assembler import draft_sheet
from kg.drafting.kinds import claim_kind
from kg.ingest.text import ReportText
from kg.vocab.ontology import vocabulary

CASES = [
    ("This report covers the property management businesses of the Group in Hong Kong.", None),
    ("Reporting period: 1 April 2022 to 31 March 2023.", None),
    ("Reporting boundary: the head office and both warehouses.", None),
    ("We will discuss each of these issues in the following sections.", None),
    ("Details of our ISO 14001 scope are set out in the Environmental section.", None),
    ("It was prepared in accordance with the ESG Reporting Guide in Appendix 27 of the Listing Rules.", None),
    ("It covers our head office and our two factories, and it was prepared under the guide of the exchange.", None),
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
    assert {kind for _, kind in CASES + RULES} - {None} <= set(vocabulary().kinds)


# Each rule, in sentences of our own wording.
RULES = [
    ("Comments on this report are welcome at csr@example.org.", None),
    ("Questions about our disclosures can be sent to the Investor Relations team.", None),
    ("This is our third sustainability report.", None),
    ("Unless otherwise specified, the data cover our Hong Kong operations only.", None),
    ("All amounts are expressed in Hong Kong dollars.", None),
    ("Biodiversity is not material to our operations.", None),
    ("The Group has complied with the provisions of the ESG Reporting Guide throughout the year.", None),
    ("We plan to phase out single-use plastics in all canteens.", "commitment"),
    ("The Company undertakes to review its climate risks every year.", "commitment"),
    ("Our vision is to be the most trusted landlord in the city.", "commitment"),
    ("Staff join the union of their own free will and may leave at any time.", "policy"),
    ("Our factories follow the Water Pollution Prevention and Control Law of the Republic of Korea.", "compliance"),
    ("Boiler exhaust meets the Emission Standard of Air Pollutants for Boilers.", "compliance"),
    ("No fine or sanction for non-compliance with environmental laws was imposed on the Company.", "compliance"),
    ("We did not find any case of forced labour in our supply chain.", "compliance"),
    ("No complaint regarding breaches of data privacy was received during the year.", "compliance"),
    ("Our capital adequacy ratio stayed above the regulatory minimum.", "compliance"),
    ("Our hotel was awarded a Gold Certificate by the Green Council.", "recognition"),
    ("Both plants hold certificates under ISO 45001.", "certification"),
    ("The foundation was named Charity of the Year by the City Post.", "recognition"),
    ("We set up the Green Star Award for our most innovative suppliers.", "initiative"),
    ("The Board retains overall responsibility for climate-related risks.", "governance"),
    ("Our Procurement Department reviews every new supplier.", "governance"),
    ("Each material topic is overseen by a member of the Management Committee.", "governance"),
    ("The Risk Committee has been established to watch over emerging risks.", "governance"),
    ("Most of our Scope 2 emissions arise from purchased electricity.", "context"),
    ("Natural gas is the main source of our direct energy.", "context"),
    ("Our offices are supplied by the municipal water network.", "context"),
    ("There were no work-related fatalities at our sites.", "achievement"),
    ("Our plant became the first in the province to recycle all of its process water.", "achievement"),
    ("We invited tenant representatives to share their views on estate services.", "engagement"),
    ("Our managers took part in consultations held by the Environment Bureau.", "engagement"),
    ("Together with a local food bank, we delivered meal boxes to elderly residents.", "partnership"),
    ("Discrimination on the basis of gender or age is prohibited.", "policy"),
    ("Employees are entitled to paid parental leave.", "policy"),
    ("We revised our supplier onboarding rules after the audit.", "policy"),
    ("Waste oil is collected by a licensed collector.", "policy"),
    ("Installed motion sensors in all staircases.", "initiative"),
    ("Our mobile clinic offers free eye checks to older residents.", "initiative"),
    ("Contact: Corporate Affairs Office, 8 Harbour Road, Central.", None),
    ("Waste reduction at source", None),
    ("We were ranked first among regional utilities for disclosure quality.", "recognition"),
    ("Since 2015 the Group has been committed to hiring locally.", "policy"),
    ("Our Chief Operating Officer leads the Climate Working Group.", "governance"),
    ("Staff are paid according to their skills and conduct.", "policy"),
    ("The data in this report have been checked by our internal auditors.", None),
    ("Because of the nature of our business, water use is insignificant.", None),
    ("Our customers are mostly located in Southeast Asia.", "context"),
    ("Our green home loans have a lower rate for energy-efficient flats.", "initiative"),
    ("Couriers see a temporary number so that the customer's phone number is not disclosed.", "policy"),
]


@pytest.mark.parametrize(("sentence", "kind"), RULES)
def test_claim_kind_rules(sentence: str, kind: str | None) -> None:
    assert claim_kind(sentence) == kind


# With the units of the figures a reader took (None: a bare count).
WITH_FIGURES = [
    ("Our Silver Readers programme trained 320 volunteers in 2022.", [None], "initiative"),
    ("Our Silver Readers programme raised HK$50,000 in 2022.", ["HKD"], "quantitative"),
    ("We engaged 600 tenants through an online survey.", [None], "engagement"),
    ("We employed 1,520 people at the end of the year.", [None], "quantitative"),
    ("We will open 4 new clinics in 2024.", [None], "commitment"),
    ("Our call centre won 2 service awards.", [None], "recognition"),
    ("The Board awarded 1,000,000 share options to senior staff.", [None], "quantitative"),
    ("According to statistics from the Census Department, 21% of residents are over 65.", ["PERCENT"], "context"),
    ("Employees are entitled to 14 days of paid leave.", [], "policy"),
    ("Our survey found that 4 topics were ranked highest by tenants.", [None], "quantitative"),
    ("In 2022 we partnered with 6 schools to teach coding.", [None], "partnership"),
    ("Since 2019, the Bright Steps Scholarship has supported 210 students.", [None], "initiative"),
    ("In 2023 we completed 12 retrofits of chillers, saving 840 MWh a year.", [None, "MegaW-HR"], "achievement"),
    ("We held 40% of the market in 2023.", ["PERCENT"], "quantitative"),
]


def test_who_is_responsible_is_the_main_clause_before_approving_the_report() -> None:
    sentence = (
        "The Board has overall responsibility for the Group's ESG strategy, and confirms that it has reviewed "
        "and approved this report."
    )
    assert claim_kind(sentence, []) == "governance"
    assert claim_kind("The Board has reviewed and approved this report.", []) is None


@pytest.mark.parametrize(("sentence", "units", "kind"), WITH_FIGURES)
def test_claim_kind_with_the_figures_read(sentence: str, units: list[str | None], kind: str) -> None:
    assert claim_kind(sentence, units) == kind


def test_codes_and_years_are_not_figures() -> None:
    assert claim_kind("Our offices follow ISO 14001 and report under SDG 7 since 2019.") == "policy"


def test_drafted_claims_take_their_kind_from_the_words_and_the_figures_read() -> None:
    text = (
        "Our Reading Buddies programme ran 12 workshops in 2022.\n\n"
        "We will open 3 clinics in 2024.\n\n"
        "Total water use was 1,200 m³ in 2022.\n\n"
        "Readers may send comments to esg@example.org.\n"
    )
    drafted = draft_sheet(ReportText(Path("report.txt"), text), 2022, "acme")
    assert [(c["kind"], c["quote"], [o["figure"] for o in c.get("observations", ())]) for c in drafted.claims] == [
        ("initiative", "Our Reading Buddies programme ran 12 workshops in 2022.", ["12"]),
        ("commitment", "We will open 3 clinics in 2024.", ["3"]),
        ("quantitative", "Total water use was 1,200 m³ in 2022.", ["1,200 m³"]),
    ]


def test_renewable_electricity_certificates_are_bought_not_held_and_a_named_certification_renewed_is() -> None:
    assert claim_kind("In Penang we buy renewable energy certificates from the grid operator.", []) == "policy"
    assert claim_kind("Emissions fell by 4.0% as more certificates were retired.", ["PERCENT"]) == "quantitative"
    assert claim_kind("The depot holds the Green Mark Gold rating, renewed in May.", [], ["Certification"]) == (
        "certification"
    )


def test_a_certificate_in_the_first_clause_wins_over_compliance_in_a_later_one() -> None:
    first = "Our data centre is certified to ISO/IEC 27001:2022, and we comply with the Personal Data Ordinance."
    assert claim_kind(first, []) == "certification"
    assert claim_kind("We comply with the Employment Ordinance, and our plants are certified to ISO 45001.", []) == (
        "compliance"
    )
