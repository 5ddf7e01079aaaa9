"""Synthetic report folders for measuring csr-kg at scale (issue 6); never shipped as data.

Run: python -m kg.synthetic OUT_DIR N [--seed S] [--claims C]

Each folder is a complete report folder (``report.txt``, ``report.yaml``, ``claims/*.yaml``) that
the loader accepts as it is: every quote is verbatim in the text and every figure is a quantity
the recogniser finds inside its quote, so measurements exercise the real checks, not relaxed ones.

Why it looks the way it does:

* Determinism. Report ``i`` is a function of ``(seed, i)`` only: every random choice comes from a
  ``random.Random`` seeded with a string naming the seed, the report or company and what is drawn
  (string seeds are hashed with SHA-512, stable across Python versions and processes). No global
  random state, no clock. So the first 10 folders of ``N=100`` are byte-identical to ``N=10``.
* Many companies, several years each. Report ``i`` belongs to company ``c`` (slug like
  ``acme-holdings-12``), which publishes 2-4 consecutive yearly reports between 2016 and 2024;
  report ids are ``<company>-<year>``. A company's figures come from one value model per company
  (headcount growth, per-employee resource use, an efficiency trend, seeded noise per year), so
  they drift plausibly from one year's report to the next and last year's figure quoted in this
  year's report is the one last year's report printed.
* Shared things are shared identically. Metrics, laws, standards, places, stakeholder groups,
  external organisations, awards (with their organisers) and material issues come from pools at
  module level; every report that uses one defines it with the same id, label and properties.
  Company-specific entities (committees, departments, initiatives, policies) use the generic ids a
  curator would write (``sustainability-committee``), so different companies reuse them: that is
  what namespacing company entities in multi-report graphs must cope with.
* Internal arithmetic the SHACL findings check: parts print once per report and period and sum
  exactly to their printed totals (GHG scopes, energy, headcount by gender, suppliers by region,
  donations); per-employee and per-floor-area intensities are computed from the printed numerator
  and the printed denominator. A part, total, numerator or denominator is printed once per report
  and period: the findings shapes double-count a total printed twice, and compare approximate or
  last-year numerators too, so repeating one would raise warnings no curator would accept as real.
  Year-on-year comparisons are printed as percentage changes instead.
* Deliberate inconsistencies, deterministic and recorded in a comment at the top of
  ``report.yaml`` and in :attr:`SynthReport.defects`: one in twelve reports with a KPI table (about
  one report in eighteen) carries one of

  - ``sum``: the Scope 2 row of the KPI table has two digits transposed, so the total differs
    from the sum of its parts (warning ``TotalOfPartsShape``);
  - ``denominator``: the water intensity is computed with a stale headcount (warnings
    ``IntensityDenominatorShape`` and ``IntensityConsistencyShape``);
  - ``scope-label``: the Scope 2 row is labelled "Indirect GHG emissions (Scope 1)", the slip the
    bundled report makes (warnings ``ScopeLabelShape`` and ``BreakdownScopeShape``).

  Reports may also announce a figure they do not print (``MissingFigureShape``), as real reports
  do. All of these are warnings: ``csrkg validate`` finds no violation in any generated folder.

Size is set by ``claims`` (curated claims per report, default 75, never fewer than the 40-50 core claims);
tables add their rows as claims (KPI rows, stakeholder groups, awards). With the default a report
builds to roughly 4,000 triples.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_CLAIMS = 75
CURATED = "2026-01-15"  # a fixed curation date: output never depends on the clock
CURATOR = {"name": "csr-kg synthetic curators"}
FIRST_YEAR, LAST_YEAR = 2016, 2024

# ----------------------------------------------------------------------------------- shared pools


@dataclass(frozen=True)
class MetricDef:
    """A metric of the shared pool: the same definition wherever a report uses it.

    ``id`` is the slug of ``label`` so that KPI table rows (whose metric id the loader makes from
    the row label) and prose observations meet in one metric.
    """

    id: str
    label: str
    kpis: tuple[str, ...] = ()
    description: str | None = None
    share: bool = False
    component_of: str | None = None
    intensity_of: str | None = None
    denominator: str | None = None

    def sheet(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.id, "label": self.label}
        if self.description:
            entry["description"] = self.description
        if self.kpis:
            entry["kpis"] = list(self.kpis)
        if self.share:
            entry["share"] = True
        for key in ("component_of", "intensity_of", "denominator"):
            if getattr(self, key):
                entry[key] = getattr(self, key)
        return entry


def _m(ident: str, label: str, kpis: str = "", desc: str | None = None, **kw: Any) -> MetricDef:
    return MetricDef(ident, label, tuple(kpis.split()), desc, **kw)


_GHG = "total-ghg-emissions-scope-1-and-scope-2"
_ENERGY = "total-energy-consumption"
_EMP = "total-employees"
METRICS: dict[str, MetricDef] = {
    m.id: m
    for m in (
        _m(_GHG, "Total GHG emissions (Scope 1 and Scope 2)", "A1.2"),
        _m("direct-ghg-emissions-scope-1", "Direct GHG emissions (Scope 1)", "A1.2", component_of=_GHG),
        _m("indirect-ghg-emissions-scope-2", "Indirect GHG emissions (Scope 2)", "A1.2", component_of=_GHG),
        _m("indirect-ghg-emissions-scope-1", "Indirect GHG emissions (Scope 1)", "A1.2", component_of=_GHG),
        _m("ghg-emissions-per-employee", "GHG emissions per employee", "A1.2", intensity_of=_GHG, denominator=_EMP),
        _m(
            "ghg-emissions-per-floor-area",
            "GHG emissions per floor area",
            "A1.2",
            intensity_of=_GHG,
            denominator="total-floor-area",
        ),
        _m("hazardous-waste", "Hazardous waste", "A1.3"),
        _m(
            "hazardous-waste-per-employee",
            "Hazardous waste per employee",
            "A1.3",
            intensity_of="hazardous-waste",
            denominator=_EMP,
        ),
        _m("non-hazardous-waste", "Non-hazardous waste", "A1.4"),
        _m(
            "non-hazardous-waste-per-employee",
            "Non-hazardous waste per employee",
            "A1.4",
            intensity_of="non-hazardous-waste",
            denominator=_EMP,
        ),
        _m(_ENERGY, "Total energy consumption", "A2.1"),
        _m("direct-energy-consumption", "Direct energy consumption", "A2.1", component_of=_ENERGY),
        _m("indirect-energy-consumption", "Indirect energy consumption", "A2.1", component_of=_ENERGY),
        _m(
            "energy-consumption-per-employee",
            "Energy consumption per employee",
            "A2.1",
            intensity_of=_ENERGY,
            denominator=_EMP,
        ),
        _m(
            "energy-consumption-per-floor-area",
            "Energy consumption per floor area",
            "A2.1",
            intensity_of=_ENERGY,
            denominator="total-floor-area",
        ),
        _m("water-consumption", "Water consumption", "A2.2", "Municipal water consumed."),
        _m(
            "water-consumption-per-employee",
            "Water consumption per employee",
            "A2.2",
            intensity_of="water-consumption",
            denominator=_EMP,
        ),
        _m("packaging-materials", "Packaging materials", "A2.5"),
        _m(
            "packaging-materials-per-revenue",
            "Packaging materials per revenue",
            "A2.5",
            "Packaging per million RMB of revenue.",
            intensity_of="packaging-materials",
        ),
        _m("total-floor-area", "Total floor area", "", "Floor area of offices and sites in the boundary."),
        _m("renewable-electricity-share", "Share of renewable electricity", "A2.1", share=True),
        _m("energy-saved", "Energy saved by efficiency measures", "A2.3"),
        _m("water-recycled", "Water recycled", "A2.4"),
        _m("waste-recycled", "Waste recycled", "A1.6"),
        _m("ghg-intensity-reduction-target", "GHG intensity reduction target", "A1.5", share=True),
        _m("ghg-emissions-decrease", "Year-on-year decrease in total GHG emissions", "A1.5"),
        _m("ghg-emissions-increase", "Year-on-year increase in total GHG emissions", "A1.2"),
        _m("revenue", "Revenue", ""),
        _m(_EMP, "Total employees", "B1.1"),
        _m("male-employees", "Male employees", "B1.1", component_of=_EMP),
        _m("female-employees", "Female employees", "B1.1", component_of=_EMP),
        _m("female-employees-share", "Share of female employees", "B1.1", share=True),
        _m("new-hires", "New hires", "B1"),
        _m("employee-turnover-rate", "Employee turnover rate", "B1.2", share=True),
        _m("lost-days-due-to-work-injury", "Lost days due to work injury", "B2.2"),
        _m("safety-training-sessions", "Safety training sessions", "B2.3"),
        _m("safety-drill-participants", "Safety drill participants", "B2.3"),
        _m("total-training-hours", "Total training hours", "B3.2"),
        _m(
            "average-training-hours-per-employee",
            "Average training hours per employee",
            "B3.2",
            intensity_of="total-training-hours",
            denominator=_EMP,
        ),
        _m("employees-trained-share", "Percentage of employees trained", "B3.1", share=True),
        _m("training-sessions", "Training sessions", "B3"),
        _m("training-participants", "Training participants", "B3"),
        _m("suppliers-total", "Number of suppliers", "B5.1"),
        _m("suppliers-mainland-china", "Suppliers in mainland China", "B5.1", component_of="suppliers-total"),
        _m("suppliers-overseas", "Suppliers outside mainland China", "B5.1", component_of="suppliers-total"),
        _m("suppliers-audited", "Suppliers audited", "B5.2"),
        _m("supplier-corrective-actions", "Suppliers required to take corrective action", "B5.2"),
        _m("product-recall-share", "Products recalled for safety and health reasons", "B6.1", share=True),
        _m("complaints-received", "Product and service complaints received", "B6.2"),
        _m("customer-satisfaction-rate", "Customer satisfaction rate", "B6", share=True),
        _m("units-sold", "Units sold", "B6"),
        _m("anti-corruption-training-participants", "Anti-corruption training participants", "B7.2"),
        _m("corruption-cases", "Concluded legal cases regarding corrupt practices", "B7.1"),
        _m("donations-total", "Total donations", "B8.2"),
        _m("donations-cash", "Cash donations", "B8.2", component_of="donations-total"),
        _m("donations-in-kind", "In-kind donations", "B8.2", component_of="donations-total"),
        _m("volunteer-hours", "Volunteer hours", "B8.2"),
        _m("volunteers", "Volunteers", "B8.2"),
        _m("programme-beneficiaries", "Programme beneficiaries", "B8.2"),
        _m("programme-donations", "Programme donations", "B8.2"),
        _m("committee-meetings", "Committee meetings held", ""),
        _m("stakeholders-surveyed", "Stakeholders surveyed", ""),
        _m("event-participants", "Event participants", "B8"),
        _m("environmental-investment", "Environmental protection investment", "A3.1"),
    )
}


@dataclass(frozen=True)
class EntityDef:
    """An entity of a shared pool, defined identically in every report that uses it."""

    id: str
    type: str
    label: str
    label_zh: str | None = None
    aspects: tuple[str, ...] = ()
    organiser: str | None = None
    description: str | None = None

    def sheet(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.id, "type": self.type, "label": self.label}
        if self.label_zh:
            entry["label_zh"] = self.label_zh
        if self.description:
            entry["description"] = self.description
        if self.aspects:
            entry["aspects"] = list(self.aspects)
        if self.organiser:
            entry["organiser"] = self.organiser
        return entry


def _slug(text: str) -> str:
    """The loader's slug rule (kg.vocab.names.slugify) for the ASCII labels used here; kept local so the
    generator only writes files and never depends on the package it measures."""
    words = "".join(ch if ch.isalnum() else " " for ch in text.lower().replace("'s ", "s ")).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > 60:
            break
        slug = candidate
    return slug


# (label, Chinese title, aspect, jurisdiction)
_LAWS = [
    ("Environmental Protection Law of the People's Republic of China", "中華人民共和國環境保護法", "A1", "prc"),
    (
        "Law of the People's Republic of China on the Prevention and Control of Atmospheric Pollution",
        "中華人民共和國大氣污染防治法",
        "A1",
        "prc",
    ),
    ("Energy Conservation Law of the People's Republic of China", "中華人民共和國節約能源法", "A2", "prc"),
    ("Labor Law of the People's Republic of China", "中華人民共和國勞動法", "B1", "prc"),
    ("Labor Contract Law of the People's Republic of China", "中華人民共和國勞動合同法", "B1", "prc"),
    ("Production Safety Law of the People's Republic of China", "中華人民共和國安全生產法", "B2", "prc"),
    (
        "Law of the People's Republic of China on the Prevention and Control of Occupational Diseases",
        "中華人民共和國職業病防治法",
        "B2",
        "prc",
    ),
    ("Product Quality Law of the People's Republic of China", "中華人民共和國產品質量法", "B6", "prc"),
    ("Anti-Unfair Competition Law of the People's Republic of China", "中華人民共和國反不正當競爭法", "B7", "prc"),
    ("Cybersecurity Law of the People's Republic of China", "中華人民共和國網絡安全法", "B6", "prc"),
    ("Employment Ordinance", "僱傭條例", "B1", "hk"),
    ("Occupational Safety and Health Ordinance", "職業安全及健康條例", "B2", "hk"),
    ("Personal Data (Privacy) Ordinance", "個人資料（私隱）條例", "B6", "hk"),
    ("Prevention of Bribery Ordinance", "防止賄賂條例", "B7", "hk"),
    ("Waste Disposal Ordinance", "廢物處置條例", "A1", "hk"),
    ("Air Pollution Control Ordinance", "空氣污染管制條例", "A1", "hk"),
    ("Minimum Wage Ordinance", "最低工資條例", "B1", "hk"),
    ("Sex Discrimination Ordinance", "性別歧視條例", "B1", "hk"),
]
LAWS: dict[str, EntityDef] = {
    _slug(label): EntityDef(_slug(label), "Law", label, zh, (aspect,)) for label, zh, aspect, _ in _LAWS
}
LAWS_BY_ASPECT: dict[tuple[str, str], list[str]] = {}
for _label, _zh, _aspect, _where in _LAWS:
    LAWS_BY_ASPECT.setdefault((_where, _aspect[0]), []).append(_slug(_label))

STANDARDS: dict[str, EntityDef] = {
    s.id: s
    for s in (
        EntityDef("hkex-esg-reporting-guide", "Standard", "HKEX Environmental, Social and Governance Reporting Guide"),
        EntityDef("gri-standards", "Standard", "GRI Sustainability Reporting Standards"),
        EntityDef("ghg-protocol", "Standard", "Greenhouse Gas Protocol Corporate Standard"),
        EntityDef(
            "tcfd-recommendations",
            "Standard",
            "Recommendations of the Task Force on Climate-related Financial Disclosures",
        ),
        EntityDef("iso-14001", "Standard", "ISO 14001 Environmental Management Systems", aspects=("A3",)),
        EntityDef(
            "iso-45001", "Standard", "ISO 45001 Occupational Health and Safety Management Systems", aspects=("B2",)
        ),
        EntityDef("iso-9001", "Standard", "ISO 9001 Quality Management Systems", aspects=("B6",)),
        EntityDef("iso-50001", "Standard", "ISO 50001 Energy Management Systems", aspects=("A2",)),
        EntityDef("iso-27001", "Standard", "ISO 27001 Information Security Management Systems", aspects=("B6",)),
        EntityDef("rba-code-of-conduct", "Standard", "Responsible Business Alliance Code of Conduct", aspects=("B5",)),
    )
}
CERTIFIABLE = ["iso-14001", "iso-45001", "iso-9001", "iso-50001", "iso-27001"]

PARTNERS: dict[str, EntityDef] = {
    _slug(label): EntityDef(_slug(label), "Organization", label)
    for label in (
        "China Foundation for Poverty Alleviation",
        "China Youth Development Foundation",
        "Red Cross Society of China",
        "The Community Chest of Hong Kong",
        "World Wide Fund for Nature",
        "Habitat for Humanity",
        "Hong Kong Red Cross",
        "China Children and Teenagers' Fund",
        "Friends of the Earth",
        "Food Angel",
        "China Environmental Protection Foundation",
        "Save the Children",
    )
}

# Award -> organiser (shared: an award always comes from the same organiser).
_AWARDS = [
    ("Caring Company Logo", "The Hong Kong Council of Social Service"),
    ("Best ESG Report Award", "Hong Kong Institute of Certified Public Accountants"),
    ("Green Office Label", "World Green Organisation"),
    ("Excellence in Corporate Governance Award", "The Chamber of Hong Kong Listed Companies"),
    ("Outstanding Employer Award", "Employers' Federation of Hong Kong"),
    ("Low-Carbon Pioneer Enterprise", "China Environmental United Certification Center"),
    ("National Quality Benchmark", "China Association for Quality"),
    ("Most Socially Responsible Enterprise", "China News Weekly"),
    ("Hong Kong Awards for Environmental Excellence", "Environmental Campaign Committee"),
    ("Sustainable Business Award", "World Green Organisation"),
    ("Happy Company Label", "Hong Kong Productivity Council"),
    ("Best Investor Relations Award", "Hong Kong Investor Relations Association"),
]
AWARD_ORGANISERS: dict[str, EntityDef] = {_slug(org): EntityDef(_slug(org), "Organization", org) for _, org in _AWARDS}

PLACES = [
    "Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Hangzhou", "Chengdu", "Wuhan", "Nanjing", "Suzhou",
    "Tianjin", "Chongqing", "Hong Kong", "Macau", "Singapore", "Kuala Lumpur", "Bangkok", "Jakarta",
    "Qingdao", "Xiamen", "Changsha", "Zhengzhou", "Kunming", "Hefei", "Dongguan", "Foshan", "Ningbo",
    "Guizhou", "Yunnan", "Gansu", "Qinghai", "Guangxi", "Sichuan",
]  # fmt: skip
RURAL = ["Guizhou", "Yunnan", "Gansu", "Qinghai", "Guangxi", "Sichuan"]

# Material issues: the HKEX aspects (label, aspect); shared, defined with the same label and aspect.
ISSUES: dict[str, tuple[str, str]] = {
    "emissions": ("Emissions", "A1"),
    "use-of-resources": ("Use of resources", "A2"),
    "environment-and-natural-resources": ("The environment and natural resources", "A3"),
    "employment": ("Employment", "B1"),
    "health-and-safety": ("Health and safety", "B2"),
    "development-and-training": ("Development and training", "B3"),
    "labour-standards": ("Labour standards", "B4"),
    "supply-chain-management": ("Supply chain management", "B5"),
    "product-responsibility": ("Product responsibility", "B6"),
    "anti-corruption": ("Anti-corruption", "B7"),
    "community-investment": ("Community investment", "B8"),
}

# Stakeholder group -> (expectations, channels); each company picks some of each.
STAKEHOLDERS: dict[str, tuple[str, list[str], list[str]]] = {
    "government-and-regulators": (
        "Government and regulators",
        ["Compliance operations", "Anti-corruption", "Emissions", "Tax payment"],
        ["Policy consultation", "Site inspections", "Information disclosure", "Meetings with government agencies"],
    ),
    "shareholders-and-investors": (
        "Shareholders and investors",
        ["Business performance", "Risk management", "Information transparency"],
        ["Annual general meetings", "Annual and interim reports", "Results announcements", "Investor meetings"],
    ),
    "customers": (
        "Customers",
        ["Product responsibility", "Customer privacy", "Service quality"],
        ["Customer service hotline", "Official website", "Satisfaction surveys", "Social media"],
    ),
    "employees": (
        "Employees",
        ["Employment", "Health and safety", "Development and training", "Labour standards"],
        ["Staff meetings", "Employee surveys", "Internal communication platform", "Complaint mailboxes"],
    ),
    "suppliers-and-partners": (
        "Suppliers and partners",
        ["Supply chain management", "Fair procurement", "Anti-corruption"],
        ["Supplier conferences", "Supplier audits", "Tender processes", "Site visits"],
    ),
    "communities-and-ngos": (
        "Communities and NGOs",
        ["Community investment", "Use of resources", "The environment and natural resources"],
        ["Community activities", "Volunteer services", "Charity partnerships", "Public benefit events"],
    ),
    "media": (
        "Media",
        ["Information transparency", "Product responsibility", "Emissions"],
        ["Press conferences", "News releases", "Interviews"],
    ),
}
ISSUE_LABELS = {label: ident for ident, (label, _) in ISSUES.items()}

# Company-specific pools: generic ids a curator would write, the same label wherever used.
COMMITTEES = [
    ("sustainability-committee", "Committee", "Sustainability Committee", "the Group's ESG strategy and targets"),
    ("audit-committee", "Committee", "Audit Committee", "risk management and internal control"),
    ("risk-management-committee", "Committee", "Risk Management Committee", "enterprise and climate risks"),
    ("quality-committee", "Committee", "Quality Committee", "product quality and safety"),
    ("safety-committee", "Committee", "Work Safety Committee", "occupational health and safety"),
    ("esg-working-group", "Team", "ESG Working Group", "the collection of ESG data"),
]
DEPARTMENTS = [
    ("human-resources-department", "Human Resources Department"),
    ("administration-department", "Administration Department"),
    ("procurement-department", "Procurement Department"),
    ("legal-and-compliance-department", "Legal and Compliance Department"),
    ("internal-audit-department", "Internal Audit Department"),
    ("customer-service-department", "Customer Service Department"),
]
# (id, label, theme) -- theme picks chapter, SDG and wording.
INITIATIVES = [
    ("green-office-programme", "Green Office Programme", "energy"),
    ("low-carbon-logistics-initiative", "Low-Carbon Logistics Initiative", "emissions"),
    ("solar-rooftop-project", "Solar Rooftop Project", "energy"),
    ("water-stewardship-programme", "Water Stewardship Programme", "water"),
    ("zero-waste-campaign", "Zero Waste Campaign", "waste"),
    ("green-packaging-project", "Green Packaging Project", "waste"),
    ("rural-education-fund", "Rural Education Fund", "education"),
    ("scholarship-programme", "Scholarship Programme", "education"),
    ("healthy-communities-programme", "Healthy Communities Programme", "health"),
    ("elderly-care-programme", "Elderly Care Programme", "health"),
    ("food-bank-partnership", "Food Bank Partnership", "poverty"),
    ("rural-revitalisation-programme", "Rural Revitalisation Programme", "poverty"),
    ("tree-planting-campaign", "Tree Planting Campaign", "nature"),
    ("coastal-clean-up", "Coastal Clean-up", "nature"),
    ("women-in-leadership-programme", "Women in Leadership Programme", "gender"),
    ("young-talent-programme", "Young Talent Programme", "training"),
    ("digital-skills-academy", "Digital Skills Academy", "training"),
    ("supplier-capacity-building-programme", "Supplier Capacity Building Programme", "supply"),
]
POLICIES = [
    ("environmental-policy", "Environmental Policy", "A"),
    ("equal-opportunity-policy", "Equal Opportunity Policy", "B1"),
    ("occupational-health-and-safety-policy", "Occupational Health and Safety Policy", "B2"),
    ("anti-corruption-policy", "Anti-Corruption Policy", "B7"),
    ("whistle-blowing-policy", "Whistle-blowing Policy", "B7"),
    ("supplier-code-of-conduct", "Supplier Code of Conduct", "B5"),
    ("data-privacy-policy", "Data Privacy Policy", "B6"),
    ("community-investment-policy", "Community Investment Policy", "B8"),
]
EVENTS = [
    ("charity-run", "Charity Run"),
    ("earth-hour", "Earth Hour"),
    ("blood-donation-day", "Blood Donation Day"),
    ("family-day", "Family Day"),
    ("safety-month", "Safety Production Month"),
]

# SDG per theme, with the curators' rationale when the report does not state it.
SDG_OF: dict[str, tuple[int, str, str]] = {
    "emissions": (13, "Climate Action", "Cutting greenhouse gas emissions mitigates climate change (target 13.2)."),
    "energy": (7, "Affordable and Clean Energy", "Energy efficiency and renewables advance target 7.3 and 7.2."),
    "water": (6, "Clean Water and Sanitation", "Saving and recycling water raises water-use efficiency (target 6.4)."),
    "waste": (12, "Responsible Consumption and Production", "Less and recycled waste serves target 12.5."),
    "education": (4, "Quality Education", "Support for schools and students advances quality education (target 4.1)."),
    "health": (3, "Good Health and Well-being", "Health services for communities serve target 3.8."),
    "poverty": (1, "No Poverty", "Support for low-income communities reduces poverty (target 1.2)."),
    "nature": (15, "Life on Land", "Planting and protecting ecosystems serves target 15.2."),
    "gender": (5, "Gender Equality", "Developing women leaders advances target 5.5."),
    "training": (8, "Decent Work and Economic Growth", "Skills training supports productive employment (target 8.6)."),
    "supply": (
        12,
        "Responsible Consumption and Production",
        "Responsible sourcing serves sustainable practices (target 12.6).",
    ),
    "safety": (8, "Decent Work and Economic Growth", "Safe workplaces protect labour rights (target 8.8)."),
    "corruption": (16, "Peace, Justice and Strong Institutions", "Anti-corruption measures serve target 16.5."),
    "product": (9, "Industry, Innovation and Infrastructure", "Quality products and innovation serve target 9.5."),
}

# Company names: two words from these lists; the slug adds the company number.
_NAME_A = [
    "Acme", "Everbright", "Golden", "Harmony", "Jade", "Lotus", "Orient", "Pacific", "Pearl", "Phoenix",
    "Rising", "Silverline", "Summit", "Sunrise", "Unity", "Vanguard", "Zenith", "Crescent", "Dragon",
    "Evergreen", "Fortune", "Greenfield", "Horizon", "Kingsway", "Lumen", "Meridian", "Northstar",
    "Oakridge", "Prosper", "Radiant", "Sapphire", "Tianrun", "Victory", "Wellspring", "Bluewater",
    "Brightway", "Cedar", "Dynasty", "Eastgate", "Fairview",
]  # fmt: skip
# (word, sector, product nouns)
_NAME_B = [
    ("Holdings", "diversified", ["Smart Home Hub", "Air Purifier"]),
    ("Technology", "technology", ["Cloud Platform", "Smart Watch"]),
    ("Electronics", "manufacturing", ["Power Bank", "LED Display"]),
    ("Logistics", "logistics", ["Express Delivery Service", "Cold Chain Service"]),
    ("Foods", "food", ["Soy Sauce", "Instant Noodles"]),
    ("Properties", "property", ["Serviced Apartments", "Office Tower"]),
    ("Pharmaceutical", "health", ["Cold Remedy", "Vitamin Tablets"]),
    ("Energy", "energy", ["Solar Panel", "Gas Supply Service"]),
    ("Textiles", "manufacturing", ["Cotton Shirt", "Denim Fabric"]),
    ("Retail", "retail", ["Membership Programme", "Online Store"]),
    ("Semiconductor", "manufacturing", ["Power Chip", "Sensor Module"]),
    ("Telecom", "technology", ["Broadband Service", "Mobile Plan"]),
    ("Motors", "manufacturing", ["Electric Scooter", "Electric Van"]),
    ("Water", "utilities", ["Water Supply Service", "Water Purifier"]),
    ("Healthcare", "health", ["Clinic Network", "Health Check Service"]),
    ("Materials", "manufacturing", ["Recycled Plastic Pellet", "Coated Steel"]),
    ("Paper", "manufacturing", ["Tissue Paper", "Corrugated Box"]),
    ("Dairy", "food", ["Fresh Milk", "Yoghurt"]),
    ("Shipping", "logistics", ["Container Service", "Port Terminal"]),
    ("Software", "technology", ["Office Suite", "Security Software"]),
]
# Resource intensity of a sector relative to an office business.
_SECTOR_FACTOR = {
    "diversified": 2.0, "technology": 1.0, "manufacturing": 6.0, "logistics": 4.0, "food": 5.0, "property": 3.0,
    "health": 2.5, "energy": 9.0, "retail": 1.5, "utilities": 7.0,
}  # fmt: skip

CURRENCIES = [("RMB", 0.6), ("HK$", 0.25), ("US$", 0.15)]
FACILITIES = ["headquarters", "office", "production base", "warehouse", "plant", "data centre", "store"]
MEASURES = [
    "replacing lighting with LED lamps",
    "upgrading air-conditioning systems",
    "installing smart meters",
    "optimising production schedules",
    "consolidating servers",
    "switching off idle equipment",
]
MATERIALS = ["waste paper", "plastic bottles", "used batteries", "scrap metal", "food waste", "packaging cartons"]
TOPICS = [
    "information security",
    "leadership",
    "anti-corruption",
    "product knowledge",
    "customer service",
    "occupational safety",
    "data privacy",
    "environmental awareness",
]


def _rng(seed: int, *what: object) -> random.Random:
    """A generator for one named draw: string seeds are hashed (SHA-512), stable everywhere."""
    return random.Random("synth:" + ":".join(str(w) for w in (seed, *what)))


# ----------------------------------------------------------------------------------- companies


@dataclass(frozen=True)
class Company:
    """A company of the synthetic corpus: who it is and how its figures behave over the years."""

    index: int
    slug: str
    name: str
    short: str
    sector: str
    products: tuple[str, ...]
    currency: str
    jurisdiction: str
    first_year: int
    years: int
    employees0: int
    growth: float
    factor: float
    efficiency: float
    cities: tuple[str, ...]
    committees: tuple[int, ...]
    departments: tuple[int, ...]
    initiatives: tuple[tuple[int, int], ...]  # (initiative index, launch year)
    policies: tuple[int, ...]
    partners: tuple[str, ...]
    stakeholders: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    key_issues: tuple[str, ...]
    certifications: tuple[str, ...]
    stated_sdgs: bool
    kpi_table: float  # share of this company's reports that print a KPI table

    @property
    def subsidiaries(self) -> list[tuple[str, str]]:
        suffix = "Limited" if self.jurisdiction == "hk" else "Co., Ltd."
        return [(f"{self.slug}-{_slug(city)}", f"{self.short} ({city}) {suffix}") for city in self.cities[:2]]


def company_reports(seed: int, company: int) -> int:
    """How many yearly reports a company publishes (2-4): fixed per company, whatever N is."""
    return _rng(seed, "company-reports", company).choice((2, 3, 3, 3, 4))


def report_owner(seed: int, i: int) -> tuple[int, int]:
    """Company and 0-based year offset of report ``i``; independent of how many reports are made."""
    company, start = 0, 0
    while True:
        count = company_reports(seed, company)
        if i < start + count:
            return company, i - start
        company, start = company + 1, start + count


def make_company(seed: int, c: int) -> Company:
    r = _rng(seed, "company", c)
    a = _NAME_A[c % len(_NAME_A)]
    b_word, sector, products = _NAME_B[(c // len(_NAME_A) + c) % len(_NAME_B)]
    rounds = c // (len(_NAME_A) * len(_NAME_B))
    short = f"{a} {b_word}" + (
        "" if rounds == 0 else f" {('Global', 'International', 'Pacific', 'United')[rounds % 4]}"
    )
    years = company_reports(seed, c)
    currency = r.choices([cur for cur, _ in CURRENCIES], [w for _, w in CURRENCIES])[0]
    jurisdiction = "hk" if currency == "HK$" or r.random() < 0.2 else "prc"
    cities = tuple(r.sample(PLACES[:26], r.randint(3, 5)))
    initiatives = tuple(
        sorted((idx, r.randint(FIRST_YEAR - 2, LAST_YEAR - 1)) for idx in r.sample(range(len(INITIATIVES)), 10))
    )
    stakeholders = []
    for ident in sorted(r.sample(sorted(STAKEHOLDERS), r.randint(5, 7))):
        _, exp, ch = STAKEHOLDERS[ident]
        stakeholders.append(
            (ident, tuple(r.sample(exp, r.randint(2, len(exp)))), tuple(r.sample(ch, r.randint(2, len(ch)))))
        )
    return Company(
        index=c,
        slug=f"{_slug(f'{a} {b_word}')}-{c}",
        name=f"{short} {'Limited' if jurisdiction == 'hk' else 'Group Co., Ltd.'}",
        short=short,
        sector=sector,
        products=tuple(f"{a} {p}" for p in products),
        currency=currency,
        jurisdiction=jurisdiction,
        first_year=r.randint(FIRST_YEAR, LAST_YEAR - years + 1),
        years=years,
        employees0=int(math.exp(r.uniform(math.log(800), math.log(60000)))),
        growth=r.uniform(-0.03, 0.12),
        factor=_SECTOR_FACTOR[sector] * r.uniform(0.6, 1.6),
        efficiency=r.uniform(0.0, 0.06),
        cities=cities,
        committees=tuple(sorted(r.sample(range(len(COMMITTEES)), r.randint(2, 4)))),
        departments=tuple(sorted(r.sample(range(len(DEPARTMENTS)), 4))),
        initiatives=initiatives,
        policies=tuple(sorted(r.sample(range(len(POLICIES)), r.randint(4, 7)))),
        partners=tuple(sorted(r.sample(sorted(PARTNERS), 4))),
        stakeholders=tuple(stakeholders),
        key_issues=tuple(sorted(r.sample(sorted(ISSUES), 4))),
        certifications=tuple(sorted(r.sample(CERTIFIABLE, r.randint(1, 3)))),
        stated_sdgs=r.random() < 0.3,
        kpi_table=r.choice((0.0, 1.0, 1.0, 1.0, 0.7)),
    )


# ----------------------------------------------------------------------------------- figures


def _fmt(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}"


def _decimals(value: float) -> int:
    """Enough decimals for three significant digits of a small intensity, two for larger ones."""
    if value >= 1:
        return 2
    return max(2, 2 - math.floor(math.log10(value)))


def _money(currency: str, value: float) -> str:
    """A currency amount as reports print it, with a scale word: ``RMB12.3 million``."""
    if value >= 1e9:
        return f"{currency}{value / 1e9:,.2f} billion"
    if value >= 1e6:
        return f"{currency}{value / 1e6:,.1f} million"
    return f"{currency}{_fmt(value)}"


def _transposed(value: float) -> float:
    """A typo for the ``sum`` defect: the last two integer digits swapped (or off by ten)."""
    whole, frac = f"{value:.2f}".split(".")
    swap = len(whole) >= 2 and whole[-1] != whole[-2]
    whole = whole[:-2] + whole[-1] + whole[-2] if swap else str(int(whole) + 10)
    return float(f"{whole}.{frac}")


class Values:
    """A company's figures per year: one model, so consecutive reports agree and drift plausibly."""

    def __init__(self, seed: int, company: Company) -> None:
        self.seed = seed
        self.c = company

    def noise(self, key: str, year: int, spread: float = 0.06) -> float:
        return _rng(self.seed, "value", self.c.index, key, year).uniform(1 - spread, 1 + spread)

    def employees(self, year: int) -> int:
        t = year - self.c.first_year
        return max(120, round(self.c.employees0 * (1 + self.c.growth) ** t * self.noise("employees", year, 0.02)))

    def per_employee(self, key: str, base: float, year: int) -> float:
        """A resource total: headcount x sector factor x base use, falling with the efficiency trend."""
        t = year - self.c.first_year
        return self.employees(year) * base * self.c.factor * (1 - self.c.efficiency) ** t * self.noise(key, year)

    def floor_area(self, year: int) -> int:
        return round(self.employees(year) * 14 * self.c.factor**0.5 * self.noise("floor", year, 0.01), -2)

    def revenue(self, year: int) -> float:
        per_head = {"RMB": 1.6e6, "HK$": 1.8e6, "US$": 0.25e6}[self.c.currency]
        return self.employees(year) * per_head * self.noise("revenue", year, 0.15)

    def ratio(self, key: str, year: int, low: float, high: float) -> float:
        mid = _rng(self.seed, "ratio", self.c.index, key).uniform(low, high)
        return min(high, max(low, mid * self.noise(key, year, 0.05)))


# ----------------------------------------------------------------------------------- writing


@dataclass
class _Claim:
    id: str
    kind: str
    quote: str
    subject: str | None = None
    about: list[str] = field(default_factory=list)
    links: dict[str, list[str]] = field(default_factory=dict)
    observations: list[dict[str, Any]] = field(default_factory=list)
    missing_figure: str | None = None
    kpis: list[str] = field(default_factory=list)
    sdgs: list[dict[str, Any]] = field(default_factory=list)
    occurrence: int | None = None

    def references(self) -> set[str]:
        """Entity ids the claim points to, so that only places and events in use are defined."""
        refs = {*self.about, *(t for targets in self.links.values() for t in targets)}
        refs.update(o["subject"] for o in self.observations if "subject" in o)
        return refs | ({self.subject} if self.subject else set())

    def sheet(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.id, "kind": self.kind, "quote": self.quote}
        if self.occurrence:
            entry["occurrence"] = self.occurrence
        if self.subject:
            entry["subject"] = self.subject
        for key in ("about", "links", "observations", "missing_figure", "kpis", "sdgs"):
            if getattr(self, key):
                entry[key] = getattr(self, key)
        return entry


@dataclass(frozen=True)
class SynthReport:
    """What was written for one report: its folder, id, every claim id the build must yield
    (sheet claims and the table rows the loader turns into claims) and its deliberate defects."""

    path: Path
    id: str
    company: str
    year: int
    sheet_claims: tuple[str, ...]
    table_claims: tuple[str, ...]
    defects: tuple[str, ...]

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return self.sheet_claims + self.table_claims


class _Writer:
    """Builds one report: text paragraph by paragraph, each claim next to the words it quotes."""

    def __init__(self, seed: int, index: int, claims: int) -> None:
        self.seed = seed
        self.index = index
        self.target = claims
        c, offset = report_owner(seed, index)
        self.co = make_company(seed, c)
        self.year = self.co.first_year + offset
        self.r = _rng(seed, "report", index)
        self.v = Values(seed, self.co)
        self.id = f"{self.co.slug}-{self.year}"
        self.cur = self.co.currency
        self.blocks: list[tuple[str, Any]] = []  # ("line", text) | ("para", [(sentence, claim|None)])
        self.sheets: dict[str, list[_Claim]] = {}
        self.sheet = "10-overview"
        self.seq = 0
        self.entities: dict[str, dict[str, Any]] = {}
        self.metrics: set[str] = set()
        self.table_claims: list[str] = []
        self.defects: list[str] = []
        self.chapter = "0"
        self.has_table = self.r.random() < self.co.kpi_table
        self.stakeholder_rows: list[dict[str, Any]] = []
        self.extra: dict[str, list[tuple[str, _Claim]]] = {}

    # ---------------------------------------------------------------- text and claims

    def line(self, text: str = "") -> None:
        self.blocks.append(("line", text))

    def heading(self, number: str, title: str) -> None:
        if "." not in number:
            self.line(f"{self.co.short.upper()} ESG REPORT {self.year}")
            self.line()
            self.chapter = number
        self.line(f"{number}{'.' if '.' not in number else ''} {title}")
        self.line()

    def para(self, *items: str | tuple[str, _Claim | None]) -> None:
        sentences = [(item, None) if isinstance(item, str) else item for item in items]
        self.blocks.append(("para", sentences))

    def claim(self, tag: str, kind: str, quote: str, **kw: Any) -> tuple[str, _Claim]:
        self.seq += 1
        claim = _Claim(f"c{self.chapter}-{self.seq:03d}-{tag}", kind, quote, **kw)
        self.sheets.setdefault(self.sheet, []).append(claim)
        for obs in claim.observations:
            self.metrics.add(obs["metric"])
        if claim.missing_figure:
            self.metrics.add(claim.missing_figure)
        return quote, claim

    def obs(self, metric: str, figure: str, **kw: Any) -> dict[str, Any]:
        entry: dict[str, Any] = {"metric": metric, "figure": figure}
        entry.update({k: v for k, v in kw.items() if v is not None})
        return entry

    def sdg(self, theme: str, stated: bool = False) -> dict[str, Any]:
        goal, _, rationale = SDG_OF[theme]
        if stated:
            return {"goal": goal, "basis": "stated"}
        return {"goal": goal, "basis": "inferred", "rationale": rationale}

    def sdg_phrase(self, theme: str) -> str:
        goal, name, _ = SDG_OF[theme]
        return f", contributing to SDG {goal} ({name})"

    def use(self, *defs: EntityDef) -> list[str]:
        for d in defs:
            self.entities.setdefault(d.id, d.sheet())
        return [d.id for d in defs]

    def n_claims(self) -> int:
        return sum(len(v) for v in self.sheets.values())

    # ---------------------------------------------------------------- company entities

    def company_entities(self) -> None:
        co = self.co
        ents = [
            {"id": co.slug, "type": "Organization", "label": co.name, "alt_labels": [co.short]},
            {"id": "board-of-directors", "type": "Board", "label": "Board of Directors", "unit_of": co.slug},
        ]
        for k in co.committees:
            ident, type_, label, _ = COMMITTEES[k]
            ents.append({"id": ident, "type": type_, "label": label, "unit_of": co.slug})
        for k in co.departments:
            ident, label = DEPARTMENTS[k]
            ents.append({"id": ident, "type": "Department", "label": label, "unit_of": co.slug})
        for ident, label in co.subsidiaries:
            ents.append({"id": ident, "type": "Subsidiary", "label": label, "parent": co.slug})
        for product in co.products:
            ents.append({"id": _slug(product), "type": "Product", "label": product})
        for k in co.policies:
            ident, label, aspect = POLICIES[k]
            ents.append({"id": ident, "type": "Policy", "label": label, "aspects": [aspect]})
        for k, _ in self.initiatives():
            ident, label, _ = INITIATIVES[k]
            ents.append({"id": ident, "type": "Initiative", "label": label})
        for ident, label in EVENTS:
            ents.append({"id": ident, "type": "Event", "label": label})
        for ident, (label, aspect) in ISSUES.items():
            priority = "key" if ident in co.key_issues else "other"
            ents.append(
                {"id": ident, "type": "MaterialIssue", "label": label, "aspects": [aspect], "priority": priority}
            )
        for ident, (label, _, _) in STAKEHOLDERS.items():
            if any(s == ident for s, _, _ in co.stakeholders):
                ents.append({"id": ident, "type": "StakeholderGroup", "label": label})
        for city in PLACES:
            ents.append({"id": _slug(city), "type": "Place", "label": city})
        for e in ents:
            self.entities[e["id"]] = e

    def initiatives(self) -> list[tuple[int, int]]:
        """The company's initiatives launched by this year; before its first, the first one in
        this year (claims about initiatives need one, and it must be defined as an entity)."""
        return [(k, y) for k, y in self.co.initiatives if y <= self.year] or [(0, self.year)]

    # ---------------------------------------------------------------- chapters

    def front(self) -> None:
        co, y = self.co, self.year
        self.line(f"{co.name.upper()}")
        self.line(f"Environmental, Social and Governance Report {y}")
        self.line()
        guide = self.use(STANDARDS["hkex-esg-reporting-guide"])
        self.sheet = "10-overview"
        self.para(
            f"This report covers the period from 1 January {y} to 31 December {y}.",
            self.claim(
                "reporting-guide",
                "policy",
                f"This report has been prepared in accordance with the {STANDARDS['hkex-esg-reporting-guide'].label}.",
                links={"guidedBy": guide},
            ),
        )
        self.line()

    def overview(self) -> None:
        co, y, v = self.co, self.year, self.v
        self.heading("1", "Sustainability Governance")
        self.heading("1.1", "About the Group")
        subs = co.subsidiaries
        emp = v.employees(y)
        revenue = v.revenue(y)
        self.para(
            self.claim(
                "profile",
                "context",
                f"{co.name} is a {co.sector} company headquartered in {co.cities[0]}, with operations in "
                f"{', '.join(co.cities[1:-1])} and {co.cities[-1]}.",
                about=[_slug(c) for c in co.cities],
            ),
            self.claim(
                "subsidiaries",
                "context",
                f"Its principal operating subsidiaries include {subs[0][1]} and {subs[1][1]}.",
                about=[s for s, _ in subs],
            ),
            self.claim(
                "revenue",
                "quantitative",
                f"In {y}, the Group recorded revenue of {_money(self.cur, revenue)}.",
                observations=[self.obs("revenue", _money(self.cur, revenue))],
            ),
            self.claim(
                "headcount",
                "quantitative",
                f"As of 31 December {y}, the Group had {_fmt(emp)} employees.",
                observations=[self.obs(_EMP, _fmt(emp), period=f"{y}-12-31")],
                kpis=["B1.1"],
            ),
        )
        self.heading("1.2", "ESG Governance")
        items: list[tuple[str, _Claim | None]] = [
            self.claim(
                "board",
                "governance",
                f"The Board of Directors of {co.short} has overall responsibility for the Group's ESG strategy "
                "and reporting.",
                subject="board-of-directors",
            )
        ]
        for k in co.committees:
            ident, _, label, remit = COMMITTEES[k]
            meetings = self.r.randint(2, 12)
            items.append(
                self.claim(
                    f"{ident}-remit",
                    "governance",
                    f"The {label} reports to the Board and oversees {remit}.",
                    subject=ident,
                )
            )
            items.append(
                self.claim(
                    f"{ident}-meetings",
                    "quantitative",
                    f"The {label} met {meetings} times in {y}.",
                    subject=ident,
                    observations=[self.obs("committee-meetings", f"{meetings} times")],
                )
            )
        self.para(*items)
        self.heading("1.3", "Stakeholder Engagement")
        surveyed = self.r.randint(300, 9000)
        self.para(
            self.claim(
                "stakeholder-survey",
                "engagement",
                f"In {y}, the Group engaged {_fmt(surveyed)} stakeholders through surveys and interviews to "
                "understand their expectations.",
                about=[s for s, _, _ in co.stakeholders],
                observations=[self.obs("stakeholders-surveyed", _fmt(surveyed))],
            )
        )
        self.line("Key stakeholders\tKey expectations\tCommunication channels")
        rows = []
        for ident, expectations, channels in co.stakeholders:
            label = STAKEHOLDERS[ident][0]
            for n in range(max(len(expectations), len(channels))):
                first = label if n == 0 else ""
                exp = expectations[n] if n < len(expectations) else ""
                ch = channels[n] if n < len(channels) else ""
                self.line(f"{first}\t{exp}\t{ch}")
            rows.append({"group": label, "id": ident, "expectations": list(expectations), "channels": list(channels)})
            self.table_claims.append(f"stakeholders-{ident}")
        self.stakeholder_rows = rows
        self.line()
        self.heading("1.4", "Materiality Assessment")
        key = [ISSUES[i][0] for i in co.key_issues]
        other = [ISSUES[i][0] for i in sorted(ISSUES) if i not in co.key_issues]
        self.para(
            self.claim(
                "key-issues",
                "context",
                f"Based on the assessment, the Group identified {', '.join(key[:-1]).lower()} and {key[-1].lower()} "
                "as its key material issues.",
                about=list(co.key_issues),
            ),
            self.claim(
                "other-issues",
                "context",
                f"Other material issues include {', '.join(other[:-1]).lower()} and {other[-1].lower()}.",
                about=[i for i in sorted(ISSUES) if i not in co.key_issues],
            ),
        )

    def laws(self, aspect_family: str) -> list[str]:
        return LAWS_BY_ASPECT[(self.co.jurisdiction, aspect_family)]

    def compliance(self, tag: str, aspect: str, topic: str) -> tuple[str, _Claim]:
        laws = [LAWS[i] for i in self.laws(aspect[0]) if aspect in LAWS[i].aspects][:2] or [
            LAWS[self.laws(aspect[0])[0]]
        ]
        ids = self.use(*laws)
        names = " and the ".join(law.label for law in laws)
        return self.claim(
            tag,
            "compliance",
            f"The Group strictly complies with the {names}, and was not aware of any material non-compliance "
            f"relating to {topic} in {self.year}.",
            links={"compliesWith": ids},
            kpis=[aspect],
        )

    def environment(self) -> None:
        y, v = self.year, self.v
        self.sheet = "20-environment"
        self.heading("2", "Environmental Protection")
        self.heading("2.1", "Emissions")
        prev = y - 1
        ghg = v.per_employee("ghg", 4.0, y)
        ghg_prev = v.per_employee("ghg", 4.0, prev)
        items: list[tuple[str, _Claim | None] | str] = [self.compliance("emissions-compliance", "A1", "emissions")]
        if self.has_table:
            change = 100 * (ghg - ghg_prev) / ghg_prev
            direction = "decrease" if change < 0 else "increase"
            items.append(
                self.claim(
                    "ghg-trend",
                    "quantitative",
                    f"The Group's total GHG emissions (Scope 1 and Scope 2) showed a year-on-year {direction} of "
                    f"{_fmt(abs(change), 1)}% compared with {prev}.",
                    observations=[self.obs(f"ghg-emissions-{direction}", f"{_fmt(abs(change), 1)}%")],
                    sdgs=[self.sdg("emissions")],
                )
            )
        else:
            s1 = round(ghg * v.ratio("scope1", y, 0.05, 0.4), 1)
            s2 = round(ghg - s1, 1)
            total = round(s1 + s2, 1)
            items.append(
                self.claim(
                    "ghg",
                    "quantitative",
                    f"In {y}, the Group's total GHG emissions (Scope 1 and Scope 2) were {_fmt(total, 1)} tonnes of "
                    f"CO2e, of which direct emissions (Scope 1) were {_fmt(s1, 1)} tonnes and indirect emissions "
                    f"(Scope 2) were {_fmt(s2, 1)} tonnes.",
                    observations=[
                        self.obs(_GHG, f"{_fmt(total, 1)} tonnes of CO2e"),
                        self.obs("direct-ghg-emissions-scope-1", f"{_fmt(s1, 1)} tonnes"),
                        self.obs("indirect-ghg-emissions-scope-2", f"{_fmt(s2, 1)} tonnes"),
                    ],
                    sdgs=[self.sdg("emissions")],
                )
            )
            per = total / v.employees(y)
            items.append(
                self.claim(
                    "ghg-intensity",
                    "quantitative",
                    f"This corresponds to {_fmt(per, _decimals(per))} tons per employee.",
                    observations=[
                        self.obs("ghg-emissions-per-employee", f"{_fmt(per, _decimals(per))} tons per employee")
                    ],
                )
            )
        target = self.r.choice((10, 15, 20, 25, 30))
        base = max(y - self.r.randint(0, 3), FIRST_YEAR)
        items.append(
            self.claim(
                "ghg-target",
                "commitment",
                f"The Group aims to reduce its GHG emissions intensity by {target}% by {y + 5} against a {base} "
                "baseline.",
                observations=[self.obs("ghg-intensity-reduction-target", f"{target}%", period=str(y + 5))],
                kpis=["A1.5"],
                sdgs=[self.sdg("emissions")],
            )
        )
        self.para(*items)
        self.heading("2.2", "Use of Resources")
        items = [self.compliance("resources-compliance", "A2", "the use of energy and resources")]
        area = v.floor_area(y)
        items.append(
            self.claim(
                "floor-area",
                "quantitative",
                f"The Group's offices and sites within the reporting boundary covered a total floor area of "
                f"{_fmt(area)} square meters.",
                observations=[self.obs("total-floor-area", f"{_fmt(area)} square meters")],
            )
        )
        share = v.ratio("renewables", y, 2, 45)
        items.append(
            self.claim(
                "renewables",
                "quantitative",
                f"Renewable sources supplied {_fmt(share, 1)}% of the electricity the Group purchased in {y}.",
                observations=[self.obs("renewable-electricity-share", f"{_fmt(share, 1)}%")],
                sdgs=[self.sdg("energy")],
            )
        )
        if not self.has_table:
            energy = v.per_employee("energy", 6.0, y)
            direct = round(energy * v.ratio("direct-energy", y, 0.05, 0.35), 1)
            indirect = round(energy - direct, 1)
            items.append(
                self.claim(
                    "energy",
                    "quantitative",
                    f"Total energy consumption was {_fmt(direct + indirect, 1)} MWh, including {_fmt(direct, 1)} MWh "
                    f"of direct energy and {_fmt(indirect, 1)} MWh of purchased electricity.",
                    observations=[
                        self.obs(_ENERGY, f"{_fmt(direct + indirect, 1)} MWh"),
                        self.obs("direct-energy-consumption", f"{_fmt(direct, 1)} MWh"),
                        self.obs("indirect-energy-consumption", f"{_fmt(indirect, 1)} MWh"),
                    ],
                )
            )
            water = round(v.per_employee("water", 25.0, y))
            items.append(
                self.claim(
                    "water",
                    "quantitative",
                    f"The Group consumed {_fmt(water)} tonnes of water, all from municipal supply.",
                    observations=[self.obs("water-consumption", f"{_fmt(water)} tonnes")],
                    sdgs=[self.sdg("water")],
                )
            )
        if self.r.random() < 0.25:
            items.append(
                self.claim(
                    "environmental-investment",
                    "quantitative",
                    "Investment in environmental protection increased significantly during the year.",
                    missing_figure="environmental-investment",
                )
            )
        self.para(*items)
        self.heading("2.3", "Waste Management")
        hazardous = v.per_employee("hazardous", 0.00015, y)
        items = [
            self.claim(
                "waste-policy",
                "policy",
                "Hazardous waste is handed over to qualified contractors, and non-hazardous waste is sorted and "
                "recycled where possible.",
                kpis=["A1.6"],
            )
        ]
        if not self.has_table:
            hz = round(hazardous, 2)
            items.append(
                self.claim(
                    "hazardous-waste",
                    "quantitative",
                    f"The Group produced {_fmt(hz, 2)} tonnes of hazardous waste in {y}.",
                    observations=[self.obs("hazardous-waste", f"{_fmt(hz, 2)} tonnes")],
                )
            )
        self.para(*items)
        self.heading("2.4", "Environment and Natural Resources")
        certs = [STANDARDS[s] for s in self.co.certifications]
        self.use(*certs)
        self.para(
            self.claim(
                "certifications",
                "certification",
                f"The Group's management systems are certified to {' and '.join(s.label for s in certs)}.",
                links={"certifiedTo": [s.id for s in certs]},
                kpis=["A3.1"],
            ),
            self.claim(
                "environmental-policy",
                "policy",
                "The Group's Environmental Policy sets out how it reduces its impact on the environment and "
                "natural resources.",
                links={"adoptsPolicy": ["environmental-policy"]} if "environmental-policy" in self.entities else {},
                kpis=["A3"],
            ),
        )

    def employees(self) -> None:
        y, v = self.year, self.v
        self.sheet = "30-employees"
        self.heading("3", "Caring for Employees")
        self.heading("3.1", "Employment")
        emp = v.employees(y)
        female = round(emp * v.ratio("female", y, 0.25, 0.6))
        male = emp - female
        turnover = v.ratio("turnover", y, 4, 28)
        hires = round(emp * v.ratio("hires", y, 0.05, 0.3))
        self.para(
            self.compliance("employment-compliance", "B1", "employment"),
            self.claim(
                "gender",
                "quantitative",
                f"Of the Group's employees at the end of {y}, {_fmt(male)} were male and {_fmt(female)} were female.",
                observations=[
                    self.obs("male-employees", _fmt(male), period=f"{y}-12-31"),
                    self.obs("female-employees", _fmt(female), period=f"{y}-12-31"),
                ],
                sdgs=[self.sdg("gender")],
            ),
            self.claim(
                "female-share",
                "quantitative",
                f"Women made up {_fmt(100 * female / emp, 1)}% of the workforce.",
                observations=[
                    self.obs("female-employees-share", f"{_fmt(100 * female / emp, 1)}%", period=f"{y}-12-31")
                ],
            ),
            self.claim(
                "hires-turnover",
                "quantitative",
                f"The Group hired {_fmt(hires)} new employees in {y}, and the employee turnover rate was "
                f"{_fmt(turnover, 1)}%.",
                observations=[
                    self.obs("new-hires", _fmt(hires)),
                    self.obs("employee-turnover-rate", f"{_fmt(turnover, 1)}%"),
                ],
            ),
        )
        self.heading("3.2", "Health and Safety")
        lost = self.r.randint(0, max(3, emp // 60))
        self.para(
            self.compliance("safety-compliance", "B2", "occupational health and safety"),
            self.claim(
                "no-fatalities",
                "achievement",
                f"There were no work-related fatalities in {y}.",
                kpis=["B2.1"],
                sdgs=[self.sdg("safety")],
            ),
            self.claim(
                "lost-days",
                "quantitative",
                f"Work-related injuries resulted in {_fmt(lost)} days lost during the year.",
                observations=[self.obs("lost-days-due-to-work-injury", f"{_fmt(lost)} days")],
            )
            if lost != 1
            else "Work-related injuries resulted in one day lost during the year.",
        )
        self.heading("3.3", "Development and Training")
        hours = round(emp * v.ratio("training", y, 6, 45))
        avg = hours / emp
        trained = v.ratio("trained", y, 60, 99.5)
        self.para(
            self.claim(
                "training",
                "quantitative",
                f"In {y}, the Group provided {_fmt(hours)} hours of training, an average of {_fmt(avg, 1)} hours per "
                f"employee, and {_fmt(trained, 1)}% of employees received training.",
                observations=[
                    self.obs("total-training-hours", f"{_fmt(hours)} hours"),
                    self.obs("average-training-hours-per-employee", f"{_fmt(avg, 1)} hours per employee"),
                    self.obs("employees-trained-share", f"{_fmt(trained, 1)}%"),
                ],
                sdgs=[self.sdg("training")],
            )
        )
        self.heading("3.4", "Labour Standards")
        self.para(
            self.claim(
                "labour-standards",
                "compliance",
                "The Group prohibits child labour and forced labour, and verifies the identity and age of every "
                "new employee.",
                kpis=["B4.1"],
            )
        )

    def operations(self) -> None:
        co, y, v = self.co, self.year, self.v
        self.sheet = "40-operations"
        self.heading("4", "Operating Practices")
        self.heading("4.1", "Supply Chain Management")
        total = round(v.employees(y) * v.ratio("suppliers", y, 0.05, 0.5)) + 10
        mainland = round(total * v.ratio("suppliers-mainland", y, 0.55, 0.95))
        self.para(
            self.claim(
                "suppliers",
                "quantitative",
                f"At the end of {y}, the Group worked with {_fmt(total)} suppliers, of which {_fmt(mainland)} were in "
                f"mainland China and {_fmt(total - mainland)} were overseas.",
                observations=[
                    self.obs("suppliers-total", _fmt(total)),
                    self.obs("suppliers-mainland-china", _fmt(mainland)),
                    self.obs("suppliers-overseas", _fmt(total - mainland)),
                ],
                sdgs=[self.sdg("supply")],
            ),
            self.claim(
                "supplier-code",
                "policy",
                "All new suppliers must sign the Supplier Code of Conduct, which covers labour, environmental and "
                "business ethics requirements.",
                links={"adoptsPolicy": ["supplier-code-of-conduct"]}
                if "supplier-code-of-conduct" in self.entities
                else {},
                kpis=["B5.2"],
            ),
        )
        self.heading("4.2", "Product Responsibility")
        complaints = self.r.randint(5, 4000)
        satisfaction = v.ratio("satisfaction", y, 85, 99.5)
        self.para(
            self.compliance("product-compliance", "B6", "product responsibility"),
            self.claim(
                "complaints",
                "quantitative",
                f"The Group received {_fmt(complaints)} product and service complaints, and the customer satisfaction "
                f"rate reached {_fmt(satisfaction, 1)}%.",
                observations=[
                    self.obs("complaints-received", _fmt(complaints)),
                    self.obs("customer-satisfaction-rate", f"{_fmt(satisfaction, 1)}%"),
                ],
                kpis=["B6.2"],
            ),
            self.claim(
                "recalls",
                "quantitative",
                f"Products recalled for safety and health reasons amounted to {_fmt(v.ratio('recall', y, 0, 0.5), 2)}% "
                "of products sold.",
                observations=[self.obs("product-recall-share", f"{_fmt(v.ratio('recall', y, 0, 0.5), 2)}%")],
            ),
        )
        self.heading("4.3", "Anti-corruption")
        participants = round(v.employees(y) * v.ratio("anti-corruption", y, 0.1, 0.9))
        self.para(
            self.compliance("anti-corruption-compliance", "B7", "bribery, extortion, fraud and money laundering"),
            self.claim(
                "no-corruption-cases",
                "compliance",
                f"There were no concluded legal cases regarding corrupt practices brought against the Group in {y}.",
                kpis=["B7.1"],
                sdgs=[self.sdg("corruption")],
            ),
            self.claim(
                "anti-corruption-training",
                "quantitative",
                f"A total of {_fmt(participants)} employees attended anti-corruption training.",
                observations=[self.obs("anti-corruption-training-participants", _fmt(participants))],
            ),
        )
        self.heading("4.4", "Honours and Awards")
        self.para("The Group received the following awards during the year.")
        self.line("Winner\tAward\tOrganiser")
        winners = [co.name, co.name, *co.products]
        awards = self.r.sample(_AWARDS, self.r.randint(3, 5))
        last = None
        for n, (award, organiser) in enumerate(awards):
            winner = winners[n] if n < len(winners) else co.name
            self.use(AWARD_ORGANISERS[_slug(organiser)])
            label = f"{y} {award}"
            self.line(f"{'' if winner == last else winner}\t{label}\t{organiser}")
            last = winner
            self.table_claims.append(f"award-{_slug(label)}")
        self.line()
        self.para("These honours recognise the Group's progress in its sustainability practices.")

    def community(self) -> None:
        co, y, v = self.co, self.year, self.v
        self.sheet = "50-community"
        self.heading("5", "Community Investment")
        self.heading("5.1", "Donations and Volunteering")
        total = v.revenue(y) * v.ratio("donations", y, 0.0002, 0.002)
        scale = 1e6 if total >= 1e6 else 1e3
        if scale == 1e6:
            cash = round(total * v.ratio("cash", y, 0.5, 0.9) / 1e6, 1)
            kind = round(total / 1e6 - cash, 1)
            fig = lambda x: f"{self.cur}{x:,.1f} million"  # noqa: E731
            tot = round(cash + kind, 1)
        else:
            cash = round(total * v.ratio("cash", y, 0.5, 0.9))
            kind = round(total - cash)
            fig = lambda x: f"{self.cur}{x:,.0f}"  # noqa: E731
            tot = cash + kind
        partner = PARTNERS[co.partners[0]]
        self.use(partner)
        volunteers = round(v.employees(y) * v.ratio("volunteers", y, 0.02, 0.3)) + 5
        vhours = volunteers * self.r.randint(3, 12)
        self.para(
            self.claim(
                "donations",
                "quantitative",
                f"In {y}, the Group donated a total of {fig(tot)}, including {fig(cash)} in cash and {fig(kind)} in "
                "goods and materials.",
                observations=[
                    self.obs("donations-total", fig(tot)),
                    self.obs("donations-cash", fig(cash)),
                    self.obs("donations-in-kind", fig(kind)),
                ],
                sdgs=[self.sdg("poverty")],
            ),
            self.claim(
                "partner",
                "partnership",
                f"The Group continued its long-term partnership with the {partner.label.removeprefix('The ')}.",
                links={"hasPartner": [partner.id]},
            ),
            self.claim(
                "volunteering",
                "quantitative",
                f"During the year, {_fmt(volunteers)} employee volunteers contributed {_fmt(vhours)} hours of service.",
                observations=[
                    self.obs("volunteers", _fmt(volunteers)),
                    self.obs("volunteer-hours", f"{_fmt(vhours)} hours"),
                ],
            ),
            self.claim(
                "community-policy",
                "policy",
                "The Group's Community Investment Policy directs its resources to education, health, poverty "
                "relief and environmental protection.",
                links={"adoptsPolicy": ["community-investment-policy"]}
                if "community-investment-policy" in self.entities
                else {},
                kpis=["B8.1"],
            ),
        )
        self.heading("5.2", "Community Programmes")

    # ---------------------------------------------------------------- fillers

    def fillers(self) -> None:
        """Claims beyond the core, spread over the chapters, until the report has ``target`` claims."""
        kinds: list[tuple[str, Callable[[int], tuple[str, _Claim]]]] = [
            ("2.2", self.fill_energy_saving),
            ("2.3", self.fill_recycling),
            ("2.4", self.fill_initiative),
            ("3.2", self.fill_drill),
            ("3.3", self.fill_training),
            ("4.1", self.fill_audit),
            ("4.2", self.fill_product),
            ("5.2", self.fill_volunteering),
            ("5.2", self.fill_beneficiaries),
            ("5.2", self.fill_programme_donation),
            ("5.2", self.fill_event),
        ]
        n = 0
        while self.n_claims() < self.target:
            section, make = kinds[self.r.randrange(len(kinds))]
            self.sheet = {"2": "20-environment", "3": "30-employees", "4": "40-operations", "5": "50-community"}[
                section[0]
            ]
            self.chapter = section[0]
            self.extra.setdefault(section, []).append(make(n))
            n += 1

    def place(self) -> str:
        return self.r.choice(self.co.cities)

    def fill_energy_saving(self, n: int) -> tuple[str, _Claim]:
        place, facility = self.place(), self.r.choice(FACILITIES)
        saved = round(self.r.uniform(5, 900), 1)
        return self.claim(
            "energy-saving",
            "quantitative",
            f"By {self.r.choice(MEASURES)} at its {place} {facility}, the Group saved {_fmt(saved, 1)} MWh of "
            f"electricity in {self.year}.",
            about=[_slug(place)],
            observations=[self.obs("energy-saved", f"{_fmt(saved, 1)} MWh", boundary=f"{facility} in {place}")],
            sdgs=[self.sdg("energy")],
        )

    def fill_recycling(self, n: int) -> tuple[str, _Claim]:
        place, facility = self.place(), self.r.choice(FACILITIES)
        kg = self.r.randint(50, 90000)
        return self.claim(
            "recycling",
            "quantitative",
            f"The {place} {facility} collected {_fmt(kg)} kg of {self.r.choice(MATERIALS)} for recycling.",
            about=[_slug(place)],
            observations=[self.obs("waste-recycled", f"{_fmt(kg)} kg", boundary=f"{facility} in {place}")],
            sdgs=[self.sdg("waste")],
        )

    def fill_initiative(self, n: int) -> tuple[str, _Claim]:
        k, launched = self.r.choice(self.initiatives())
        ident, label, theme = INITIATIVES[k]
        place = self.place()
        unit = self.r.choice([COMMITTEES[i][0] for i in self.co.committees] + [self.co.slug])
        unit_label = "Group" if unit == self.co.slug else next(c[2] for c in COMMITTEES if c[0] == unit)
        stated = self.co.stated_sdgs and self.r.random() < 0.5
        verb = "launched" if launched == self.year else "continued"
        links = {"launched" if verb == "launched" else "oversees": [ident]}
        return self.claim(
            "initiative",
            "initiative",
            f"The {unit_label} {verb} the {label} in {place}{self.sdg_phrase(theme) if stated else ''}.",
            subject=unit,
            about=[_slug(place)],
            links=links,
            sdgs=[self.sdg(theme, stated)],
        )

    def fill_drill(self, n: int) -> tuple[str, _Claim]:
        place, facility = self.place(), self.r.choice(FACILITIES)
        people, drills = self.r.randint(20, 3000), self.r.randint(2, 40)
        return self.claim(
            "safety-drills",
            "quantitative",
            f"A total of {_fmt(people)} employees took part in {drills} fire and safety drills at the {place} "
            f"{facility}.",
            about=[_slug(place)],
            observations=[
                self.obs("safety-drill-participants", _fmt(people), boundary=f"{facility} in {place}"),
                self.obs("safety-training-sessions", f"{drills}", boundary=f"{facility} in {place}"),
            ],
            kpis=["B2.3"],
        )

    def fill_training(self, n: int) -> tuple[str, _Claim]:
        dept_id, dept = DEPARTMENTS[self.r.choice(self.co.departments)]
        sessions, people = self.r.randint(2, 80), self.r.randint(15, 5000)
        return self.claim(
            "training-sessions",
            "quantitative",
            f"The {dept} organised {sessions} training sessions on {self.r.choice(TOPICS)}, attended by "
            f"{_fmt(people)} participants.",
            subject=dept_id,
            observations=[
                self.obs("training-sessions", f"{sessions}"),
                self.obs("training-participants", _fmt(people)),
            ],
        )

    def fill_audit(self, n: int) -> tuple[str, _Claim]:
        place = self.place()
        audited = self.r.randint(3, 300)
        corrective = self.r.randint(0, audited // 3)
        return self.claim(
            "supplier-audits",
            "quantitative",
            f"The Group conducted on-site audits of {audited} suppliers in {place}, and {corrective} of them were "
            "required to take corrective actions.",
            about=[_slug(place)],
            observations=[
                self.obs("suppliers-audited", f"{audited}", boundary=f"suppliers in {place}"),
                self.obs("supplier-corrective-actions", f"{corrective}", boundary=f"suppliers in {place}"),
            ],
            kpis=["B5.2"],
        )

    def fill_product(self, n: int) -> tuple[str, _Claim]:
        product = self.r.choice(self.co.products)
        place = self.place()
        units = self.r.uniform(0.1, 9.0)
        fig = f"over {units:.1f} million"
        return self.claim(
            "product-sales",
            "quantitative",
            f"Customers in {place} bought {fig} units of the {product} during the year.",
            subject=_slug(product),
            about=[_slug(place)],
            observations=[self.obs("units-sold", fig, boundary=f"sales in {place}")],
            sdgs=[self.sdg("product")],
        )

    def _programme(self) -> tuple[str, str, str]:
        community = [
            k for k, _ in self.initiatives() if INITIATIVES[k][2] in ("education", "health", "poverty", "nature")
        ]
        return INITIATIVES[self.r.choice(community or [6])]

    def fill_volunteering(self, n: int) -> tuple[str, _Claim]:
        ident, label, theme = self._programme()
        self.entities.setdefault(ident, {"id": ident, "type": "Initiative", "label": label})
        place = self.r.choice(RURAL + list(self.co.cities))
        people, hours = self.r.randint(8, 600), self.r.randint(30, 9000)
        return self.claim(
            "programme-volunteering",
            "quantitative",
            f"Under the {label}, {people} volunteers from the Group served in {place}, contributing {_fmt(hours)} "
            "hours.",
            subject=ident,
            about=[_slug(place)],
            links={"location": [_slug(place)]},
            observations=[self.obs("volunteers", f"{people}"), self.obs("volunteer-hours", f"{_fmt(hours)} hours")],
            sdgs=[self.sdg(theme)],
        )

    def fill_beneficiaries(self, n: int) -> tuple[str, _Claim]:
        ident, label, theme = self._programme()
        self.entities.setdefault(ident, {"id": ident, "type": "Initiative", "label": label})
        place = self.r.choice(RURAL)
        people = self.r.randint(40, 250000)
        fig = f"about {_fmt(round(people, -2))}" if people > 5000 else _fmt(people)
        stated = self.co.stated_sdgs and self.r.random() < 0.5
        return self.claim(
            "beneficiaries",
            "quantitative",
            f"The {label} benefited {fig} people in {place} in {self.year}{self.sdg_phrase(theme) if stated else ''}.",
            subject=ident,
            about=[_slug(place)],
            links={"targets": [_slug(place)]},
            observations=[self.obs("programme-beneficiaries", fig)],
            sdgs=[self.sdg(theme, stated)],
        )

    def fill_programme_donation(self, n: int) -> tuple[str, _Claim]:
        ident, label, theme = self._programme()
        self.entities.setdefault(ident, {"id": ident, "type": "Initiative", "label": label})
        partner = PARTNERS[self.r.choice(self.co.partners)]
        self.use(partner)
        amount = self.r.uniform(20000, 3e6)
        fig = _money(self.cur, round(amount, -3))
        return self.claim(
            "programme-donation",
            "quantitative",
            f"Through the {label}, the Group provided {fig} to the {partner.label.removeprefix('The ')}.",
            subject=ident,
            links={"hasPartner": [partner.id]},
            observations=[self.obs("programme-donations", fig)],
            sdgs=[self.sdg(theme)],
        )

    def fill_event(self, n: int) -> tuple[str, _Claim]:
        ident, label = self.r.choice(EVENTS)
        place = self.place()
        people = self.r.randint(30, 8000)
        return self.claim(
            "event",
            "engagement",
            f"The Group held its {label} in {place}, attracting more than {_fmt(people)} participants.",
            subject=ident,
            about=[_slug(place)],
            links={"location": [_slug(place)]},
            observations=[self.obs("event-participants", f"more than {_fmt(people)}")],
        )

    # ---------------------------------------------------------------- KPI table

    def kpi_table(self) -> None:
        """The environmental KPI table (chapter 6): group headings 1-2 never continue the chapter
        numbering, so the loader does not take them for chapters."""
        co, y, v = self.co, self.year, self.v
        self.heading("6", "Key Performance Indicators")
        defect = None
        if self.r.random() < 1 / 12:
            defect = self.r.choice(("sum", "denominator", "scope-label"))
            self.defects.append(defect)
        self.para(
            "Unless otherwise specified, environmental key performance indicators cover the Group's offices and "
            f"operating sites in {', '.join(co.cities[:-1])} and {co.cities[-1]}."
        )
        emp, area = v.employees(y), v.floor_area(y)
        ghg = v.per_employee("ghg", 4.0, y)
        s1 = round(ghg * v.ratio("scope1", y, 0.05, 0.4), 2)
        s2 = round(ghg - s1, 2)
        total = round(s1 + s2, 2)
        s2_printed = _fmt(_transposed(s2) if defect == "sum" else s2, 2)
        s2_label = "Indirect GHG emissions (Scope 1)" if defect == "scope-label" else "Indirect GHG emissions (Scope 2)"
        hz = round(v.per_employee("hazardous", 0.00015, y), 2) or 0.01
        nhz = round(v.per_employee("non-hazardous", 0.12, y), 2)
        energy = v.per_employee("energy", 6.0, y)
        direct = round(energy * v.ratio("direct-energy", y, 0.05, 0.35), 2)
        indirect = round(energy - direct, 2)
        etotal = round(direct + indirect, 2)
        water = round(v.per_employee("water", 25.0, y), 2)
        water_emp = emp * 0.8 if defect == "denominator" else emp
        rows: list[tuple[str, str, float | str]] = [
            ("Total GHG emissions (Scope 1 and Scope 2)", "tons", total),
            ("Direct GHG emissions (Scope 1)", "tons", s1),
            (s2_label, "tons", s2_printed),
            ("GHG emissions per employee", "tons per employee", total / emp),
            ("GHG emissions per floor area", "tons per square meter", total / area),
            ("Hazardous waste", "tons", hz),
            ("Hazardous waste per employee", "tons per employee", hz / emp),
            ("Non-hazardous waste", "tons", nhz),
            ("Non-hazardous waste per employee", "tons per employee", nhz / emp),
        ]
        group2: list[tuple[str, str, float | str]] = [
            ("Total energy consumption", "MWh", etotal),
            ("Direct energy consumption", "MWh", direct),
            ("Indirect energy consumption", "MWh", indirect),
            ("Energy consumption per employee", "MWh per employee", etotal / emp),
            ("Energy consumption per floor area", "MWh per square meter", etotal / area),
            ("Water consumption", "tons", water),
            ("Water consumption per employee", "tons per employee", water / water_emp),
        ]
        if co.currency == "RMB" and co.sector in ("manufacturing", "food", "retail", "technology"):
            packaging = round(v.per_employee("packaging", 0.3, y), 2)
            group2.append(("Packaging materials", "tons", packaging))
            group2.append(("Packaging materials per revenue", "tons/million RMB", packaging / (v.revenue(y) / 1e6)))
        for title, group in (("Emissions", rows), ("Use of Resources", group2)):
            self.line(f"{1 if title == 'Emissions' else 2}. {title}")
            self.line()
            for label, unit, value in group:
                printed = (
                    value
                    if isinstance(value, str)
                    else _fmt(value, 2 if value >= 1 or unit == "tons" else _decimals(value))
                )
                self.line(f"{label} ({unit})\t{printed}")
                ident = _slug(label)
                self.metrics.add(ident)
                self.table_claims.append(f"kpi-{ident}")
            self.line()
        self.para(
            "Notes: GHG emissions are calculated with reference to the Greenhouse Gas Protocol Corporate Standard "
            "and the grid emission factors published by the competent authorities."
        )

    # ---------------------------------------------------------------- assembly

    def text(self) -> str:
        """Join the blocks, and give each claim whose quote occurs more than once its occurrence."""
        out: list[str] = []
        placed: list[tuple[int, _Claim]] = []
        at = 0
        for kind, payload in self.blocks:
            if kind == "line":
                chunk = payload + "\n"
            else:
                parts = []
                for sentence, claim in payload:
                    start = at + sum(len(p) + 1 for p in parts)
                    if claim is not None:
                        placed.append((start, claim))
                    parts.append(sentence)
                chunk = " ".join(parts) + "\n\n"
            out.append(chunk)
            at += len(chunk)
        text = "".join(out)
        for start, claim in placed:
            assert text[start : start + len(claim.quote)] == claim.quote
            starts, found = [], text.find(claim.quote)
            while found != -1:
                starts.append(found)
                found = text.find(claim.quote, found + 1)
            if len(starts) > 1:
                claim.occurrence = starts.index(start) + 1
        return text

    def build(self) -> tuple[str, dict[str, Any], dict[str, dict[str, Any]]]:
        self.company_entities()
        self.front()
        self.overview()
        self.environment()
        self.employees()
        self.operations()
        self.community()
        self.fillers()
        self.blocks = self._with_fillers(self.blocks)
        if self.has_table:
            self.sheet = "60-kpi"
            self.chapter = "6"
            self.kpi_table()
        text = self.text()
        return text, self.meta(), self.sheet_files()

    def _with_fillers(self, blocks: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
        """Insert each section's filler claims at the end of the section (before the next heading)."""
        out: list[tuple[str, Any]] = []
        current = None

        def flush() -> None:
            if current and self.extra.get(current):
                items = self.extra.pop(current)
                for k in range(0, len(items), 4):
                    out.append(("para", list(items[k : k + 4])))

        running_head = f"{self.co.short.upper()} ESG REPORT {self.year}"
        for kind, payload in blocks:
            if kind == "line" and (re.match(r"\d+(?:\.\d+|\.) [A-Z]", payload) or payload == running_head):
                flush()
                current = next((s for s in self.extra if payload.startswith(f"{s} ")), None)
            out.append((kind, payload))
        flush()
        return out

    def meta(self) -> dict[str, Any]:
        co, y = self.co, self.year
        return {
            "id": self.id,
            "company": co.slug,
            "title": f"{co.name} Environmental, Social and Governance Report {y}",
            "year": y,
            "language": "en",
            "standard": "hkex-esg-guide-2019",
            "source": f"Synthetic report {self.index} of kg.synthetic (seed {self.seed}); not a real company.",
            "issued": f"{y + 1}-04-{10 + self.r.randint(0, 18):02d}",
            "curated": CURATED,
            "curator": CURATOR,
        }

    def sheet_files(self) -> dict[str, dict[str, Any]]:
        files: dict[str, dict[str, Any]] = {}
        metrics = [METRICS[m].sheet() for m in sorted(self.metrics)]
        issues = {e: ISSUE_LABELS[e] for _, exps, _ in self.co.stakeholders for e in exps if e in ISSUE_LABELS}
        used = {ref for claims in self.sheets.values() for c in claims for ref in c.references()}
        entities = [e for k, e in sorted(self.entities.items()) if e["type"] not in ("Place", "Event") or k in used]
        files["00-core"] = {
            "entities": entities,
            "metrics": metrics,
            "stakeholder_table": self.stakeholder_rows,
            "expectation_issues": dict(sorted(issues.items())),
        }
        for name in sorted(self.sheets):
            files[name] = {"claims": [c.sheet() for c in self.sheets[name]]}
        return files


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def write_report(out_dir: Path, index: int, seed: int = 0, claims: int = DEFAULT_CLAIMS) -> SynthReport:
    """Write report ``index`` of the corpus for ``seed`` under ``out_dir`` (a folder named by its id)."""
    w = _Writer(seed, index, claims)
    text, meta, sheets = w.build()
    folder = out_dir / w.id
    (folder / "claims").mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text(text, encoding="utf-8")
    header = (
        f"# Synthetic report {index} (seed {seed}) written by kg.synthetic for measurement only.\n"
        f"# Deliberate inconsistencies: {', '.join(w.defects) or 'none'}.\n"
    )
    (folder / "report.yaml").write_text(header + _dump(meta), encoding="utf-8")
    for name, sheet in sheets.items():
        (folder / "claims" / f"{name}.yaml").write_text(_dump(sheet), encoding="utf-8")
    sheet_claims = tuple(c.id for name in sorted(w.sheets) for c in w.sheets[name])
    return SynthReport(folder, w.id, w.co.slug, w.year, sheet_claims, tuple(w.table_claims), tuple(w.defects))


def generate_reports(out_dir: Path, n: int, seed: int = 0, claims: int = DEFAULT_CLAIMS) -> list[SynthReport]:
    """Write reports ``0 .. n-1`` and describe each (claim ids, defects) for tests and measurements."""
    return [write_report(out_dir, i, seed, claims) for i in range(n)]


def generate(out_dir: Path, n: int, seed: int = 0, claims: int = DEFAULT_CLAIMS) -> list[Path]:
    """Write ``n`` synthetic report folders under ``out_dir`` and return their paths, in order."""
    return [r.path for r in generate_reports(out_dir, n, seed, claims)]


def _main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--claims", type=int, default=DEFAULT_CLAIMS, help="curated claims per report")
    args = parser.parse_args(list(argv) if argv is not None else None)
    start = time.perf_counter()
    reports = generate_reports(args.out_dir, args.n, args.seed, args.claims)
    elapsed = time.perf_counter() - start
    companies = len({r.company for r in reports})
    defects = sum(1 for r in reports if r.defects)
    print(
        f"wrote {len(reports)} reports of {companies} companies to {args.out_dir} in {elapsed:.2f} s "
        f"({defects} with deliberate inconsistencies)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    _main()
