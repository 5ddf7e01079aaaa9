"""Reading report metric labels as catalogue metrics (kg.vocab.catalogue.match_metric).

The labels are invented, in the wordings of several kinds of report (a utility, a retailer, a
manufacturer, a bank), so the rules are tested on general ESG wording, not on one report's.
"""

from __future__ import annotations

import pytest

from kg.vocab.catalogue import CatalogueMatch, catalogue, match_metric

EXACT = [
    # greenhouse gases, by scope words and numbers
    ("Scope 1 emissions", "TONNE", "ghg-scope-1"),
    ("Direct greenhouse gas emissions", "TONNE", "ghg-scope-1"),
    ("GHG emissions - direct (Scope 1) (tCO2e)", None, "ghg-scope-1"),
    ("Energy indirect GHG emissions (Scope 2)", "KiloGM", "ghg-scope-2"),
    ("Indirect emissions of greenhouse gases", "TONNE", "ghg-scope-2"),
    ("GHG emissions from purchased electricity", "TONNE", "ghg-scope-2"),
    ("Scope 2 GHG emissions (location-based)", "TONNE", "ghg-scope-2-location-based"),
    ("Scope 2 emissions, market-based", "TONNE", "ghg-scope-2-market-based"),
    ("Other indirect GHG emissions (Scope 3)", "TONNE", "ghg-scope-3"),
    ("Scope 3 emissions from business travel", "TONNE", "ghg-scope-3-business-travel"),
    ("Scope 1 & 2 GHG emissions", "TONNE", "ghg-scope-1-and-2"),
    ("Total carbon emissions (Scopes 1+2)", "TONNE", "ghg-scope-1-and-2"),
    ("Total GHG emissions", "TONNE", "ghg-total"),
    ("Scope 1 methane emissions", "TONNE", "ghg-scope-1-ch4"),
    ("GHG intensity", "TONNE-PER-EMPLOYEE", "ghg-intensity-per-employee"),
    ("Greenhouse gas emissions per square metre", "KiloGM-PER-M2", "ghg-intensity-per-floor-area"),
    # air
    ("NOx emissions", "KiloGM", "nox-emissions"),
    ("Sulphur oxides", "KiloGM", "sox-emissions"),
    ("Particulate matter", "KiloGM", "particulate-emissions"),
    ("Respirable suspended particulates", "KiloGM", "particulate-emissions"),
    ("Emissions from purchased electricity", "TONNE", "ghg-scope-2"),
    # waste
    ("Total hazardous waste generated", "TONNE", "hazardous-waste"),
    ("Non hazardous waste", "KiloGM", "non-hazardous-waste"),
    ("Hazardous waste recycled", "TONNE", "hazardous-waste-recycled"),
    ("Non-hazardous waste sent to landfill", "TONNE", "non-hazardous-waste-landfilled"),
    ("Total waste", "TONNE", "waste-total"),
    ("Non-hazardous waste intensity", "KiloGM-PER-EMPLOYEE", "non-hazardous-waste-intensity-per-employee"),
    # energy
    ("Total energy consumption", "GigaJ", "energy-total"),
    ("Energy consumed", "KiloW-HR", "energy-total"),
    ("Purchased electricity", "KiloW-HR", "energy-electricity-purchased"),
    ("Electricity consumption", "MegaW-HR", "energy-electricity-purchased"),
    ("Natural gas", "GigaJ", "energy-natural-gas"),
    ("Diesel", "GigaJ", "energy-diesel"),
    ("Gasoline consumption", "GigaJ", "energy-petrol"),
    ("Town gas", "KiloW-HR", "energy-towngas"),
    ("Renewable energy", "MegaW-HR", "energy-renewable"),
    ("Energy intensity", "GigaJ-PER-M2", "energy-intensity-per-floor-area"),
    ("Energy use per employee", "KiloW-HR-PER-EMPLOYEE", "energy-intensity-per-employee"),
    # water, packaging
    ("Water consumption", "M3", "water-consumption"),
    ("Total water withdrawal", "MegaL", "water-withdrawal"),
    ("Water discharged", "M3", "water-discharge"),
    ("Water consumption intensity", "M3-PER-EMPLOYEE", "water-intensity-per-employee"),
    ("Packaging materials for finished products", "TONNE", "packaging-material-total"),
    ("Plastic packaging", "TONNE", "packaging-plastic"),
    ("Packaging material per unit produced", "KiloGM", "packaging-per-unit-produced"),
    # workforce
    ("Headcount", "NUM", "employees-total"),
    ("Total workforce", "PERSON", "employees-total"),
    ("Number of female employees", "NUM", "employees-female"),
    ("Male staff", "NUM", "employees-male"),
    ("Employees aged 30-50", "NUM", "employees-30-to-50"),
    ("Employees under 30", "NUM", "employees-under-30"),
    ("Employees over 50", "NUM", "employees-over-50"),
    ("Part-time employees", "NUM", "employees-part-time"),
    ("Employee turnover rate", "PERCENT", "turnover-rate"),
    ("Turnover rate - women", "PERCENT", "turnover-rate-female"),
    ("New hires", "NUM", "new-employee-hires"),
    ("Work-related fatalities", "NUM", "work-related-fatalities"),
    ("Lost days due to work injury", "DAY", "lost-days-work-injury"),
    ("Average training hours per employee", "HR", "training-hours-average"),
    ("Training hours per employee", "HR-PER-EMPLOYEE", "training-hours-average"),
    ("Percentage of employees trained", "PERCENT", "employees-trained-share"),
    ("Average training hours - senior management", "HR", "training-hours-average-senior-management"),
    # business, community
    ("Number of suppliers", "NUM", "suppliers-total"),
    ("Suppliers audited", "NUM", "suppliers-audited"),
    ("Complaints received", "NUM", "product-service-complaints"),
    ("Customer privacy complaints", "NUM", "customer-privacy-complaints"),
    ("Concluded legal cases regarding corrupt practices", "NUM", "corruption-cases-concluded"),
    ("Anti-corruption training hours", "HR", "anti-corruption-training-hours"),
    ("Charitable donations", "HKD", "donations"),
    ("Community investment", "USD", "community-investment"),
    ("Volunteer hours", "HR", "volunteer-hours"),
    ("Staff volunteers", "NUM", "volunteers"),
    ("Number of volunteers", "NUM", "volunteers"),
    ("R&D expenditure", "CNY", "rd-spending"),
    ("Research and development spending as a percentage of revenue", "PERCENT", "rd-spending-share-of-revenue"),
    ("Patents granted", "NUM", "patents-granted"),
    ("Patent applications filed", "NUM", "patent-applications"),
    ("Revenue", "EUR", "revenue"),
]


@pytest.mark.parametrize(("label", "unit", "notation"), EXACT)
def test_exact_readings(label: str, unit: str | None, notation: str) -> None:
    found = match_metric(label, unit)
    assert found is not None, label
    assert (found.notation, found.match, found.confidence) == (notation, "exact", 0.9)
    assert notation in catalogue()


def test_rationale_says_what_was_read() -> None:
    assert match_metric("Scope 1 emissions", "TONNE") == CatalogueMatch(
        notation="ghg-scope-1",
        match="exact",
        confidence=0.9,
        rationale="The label 'Scope 1 emissions' printed in TONNE reads as Scope 1 (direct) greenhouse gas "
        "emissions: catalogue metric ghg-scope-1.",
    )


@pytest.mark.parametrize(
    ("label", "unit", "notation", "kind"),
    [
        ("Total integrated energy consumption", "GigaJ", "energy-total", "close"),
        ("Municipal water consumption", "M3", "water-consumption", "close"),
        ("Accumulated patent applications", "NUM", "patent-applications", "close"),
        ("Scope 1 emissions at the Ningbo plant", "TONNE", "ghg-scope-1", "broad"),
        ("Energy intensity in stores per square foot", "KiloW-HR-PER-FT2", "energy-intensity-per-floor-area", "broad"),
        ("GHG intensity in head office", "TONNE-PER-EMPLOYEE", "ghg-intensity-per-employee", "broad"),
        ("Suppliers in Southeast Asia", "NUM", "suppliers-in-region", "broad"),
        ("Employees in Europe", "NUM", "employees-in-region", "broad"),
    ],
)
def test_close_and_broad_readings(label: str, unit: str, notation: str, kind: str) -> None:
    found = match_metric(label, unit)
    assert found is not None, label
    assert (found.notation, found.match) == (notation, kind)
    assert found.confidence < 0.9


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("Indirect GHG emissions (Scope 1)", "TONNE"),  # the words say Scope 2, the number Scope 1
        ("Direct emissions (Scope 2)", "TONNE"),
        ("GHG emissions reduced", "TONNE"),  # a saving, not emissions
        ("Packaging materials per revenue in million HKD", "TONNE-PER-MegaHKD"),  # no such intensity
        ("Share of suppliers that signed the code", "PERCENT"),  # a share, not a count of suppliers
        ("Books donated", "NUM"),  # a count of things, not money
        ("Number of countries employees come from", "NUM"),
        ("Employee clubs", "NUM"),
        ("People killed by a flood", "NUM"),
        ("Emissions target for 2030", "TONNE"),
        ("Battery capacity", "MilliA-HR"),
        ("Total training hours", "HR"),  # a total, and the catalogue holds the average
        ("GHG emissions", "TONNE-PER-MegaCNY"),  # an intensity per revenue
        ("Scope 1: diesel burnt", "MegaW-HR"),  # energy of a fuel, not emissions
        ("Scope 1: NOx from boilers", "TONNE"),  # a pollutant
    ],
)
def test_no_reading(label: str, unit: str) -> None:
    assert match_metric(label, unit) is None


def test_unit_decides_what_an_intensity_is_per() -> None:
    per_employee = match_metric("Carbon intensity of operations", "TONNE-PER-EMPLOYEE")
    per_area = match_metric("Carbon intensity of operations", "KiloGM-PER-M2")
    assert per_employee is None and per_area is None  # "carbon intensity" alone names no emissions
    assert match_metric("GHG emissions intensity", "KiloGM-PER-M2").notation == "ghg-intensity-per-floor-area"
    assert match_metric("GHG emissions intensity", "TONNE-PER-PERSON").notation == "ghg-intensity-per-employee"


def test_water_printed_in_tonnes_still_matches() -> None:
    found = match_metric("Water consumption", "TONNE")
    assert found is not None and found.notation == "water-consumption"
    assert match_metric("Water consumption", "KiloW-HR") is None


@pytest.mark.parametrize(
    ("label", "unit", "notation", "kind"),
    [
        ("GHG emissions (Scopes 1, 2 and 3)", "TONNE", "ghg-total", "exact"),
        ("Scope 1, 2 & 3 GHG emissions", None, "ghg-total", "exact"),
        ("Direct GHG emissions (Scope 1)", "TONNE", "ghg-scope-1", "exact"),
        ("Non-hazardous waste (paper, food and general refuse)", "TONNE", "non-hazardous-waste", "close"),
        # the scopes an intensity names are read: the catalogue's intensities are of the scopes stated
        ("Carbon emissions intensity (Scope 1 and 2)", "TONNE-PER-EMPLOYEE", "ghg-intensity-per-employee", "exact"),
        ("Working days lost due to injury", "NUM", "lost-days-work-injury", "exact"),
        # a GHG table's row naming its scope, then its source: a part of the scope's emissions
        ("Scope 1: truck fuel combustion", "TONNE", "ghg-scope-1", "broad"),
        ("Scope 2: electricity bought for the depots", "TONNE", "ghg-scope-2", "broad"),
        ("Lost time injuries (LTI)", "NUM", "work-related-injuries", "close"),
    ],
)
def test_scope_lists_glosses_and_bare_day_counts(label: str, unit: str | None, notation: str, kind: str) -> None:
    found = match_metric(label, unit)
    assert found is not None and (found.notation, found.match) == (notation, kind)


def test_a_gloss_does_not_hide_a_contradiction() -> None:
    assert match_metric("Indirect GHG emissions (Scope 1)", "TONNE") is None


@pytest.mark.parametrize(
    ("label", "unit", "notation", "kind"),
    [
        ("Amount donated to the Lions Club", "HKD", "donations", "broad"),
        ("Donations", "USD", "donations", "exact"),
        ("Invested in local communities", "CNY", "community-investment", "exact"),
        ("Amount volunteered", "HR", "volunteer-hours", "exact"),
        ("Training received per employee", "HR-PER-EMPLOYEE", "training-hours-average", "close"),
        ("Staff receiving performance appraisals", "PERCENT", "employees-performance-reviewed-share", "exact"),
        ("Confirmed complaints over breaches of customer privacy", "NUM", "customer-privacy-complaints", "close"),
    ],
)
def test_giving_training_reviews_and_privacy_wordings(label: str, unit: str, notation: str, kind: str) -> None:
    found = match_metric(label, unit)
    assert found is not None and (found.notation, found.match) == (notation, kind)


def test_electricity_a_company_generates_is_not_purchased_electricity() -> None:
    """Generated on site from a named renewable source, it is renewable energy (the catalogue's
    definition counts on-site generation); with no source named, it is no metric the catalogue holds."""
    assert match_metric("Electricity generated by rooftop panels", "KiloW-HR") is None
    assert match_metric("Which generated of electricity", "KiloW-HR") is None
    found = match_metric("Solar electricity generated", "KiloW-HR")
    assert found is not None and (found.notation, found.match) == ("energy-renewable", "exact")
    found = match_metric("Electricity generated by wind turbines", "MegaW-HR")
    assert found is not None and (found.notation, found.match) == ("energy-renewable", "close")
    found = match_metric("Electricity purchased from the grid", "KiloW-HR")
    assert found is not None and found.notation == "energy-electricity-purchased"


@pytest.mark.parametrize(
    ("label", "unit", "notation", "kind"),
    [
        # a table row of regions, its caption before the colon
        ("Attrition rate: Macau", "PERCENT", "turnover-rate-in-region", "exact"),
        ("Headcount: Greater Bay Area", "NUM", "employees-in-region", "exact"),
        ("Suppliers: North America", "NUM", "suppliers-in-region", "exact"),
        ("Employees worked in Guangxi", "NUM", "employees-in-region", "broad"),
        # films and wraps are plastic packaging; liquefied natural gas is natural gas
        ("Packaging: shrink wrap", "KiloGM", "packaging-plastic", "exact"),
        ("LNG consumption", "GigaJ", "energy-natural-gas", "exact"),
        # who suffered, who received, who gave
        ("Staff who sustained work-related injuries", "NUM", "work-related-injuries", "exact"),
        ("Employees who completed safety training", "PERCENT", "employees-trained-share", "exact"),
        ("Volunteers contributed hours", "HR", "volunteer-hours", "exact"),
        ("Average training time", "HR", "training-hours-average", "exact"),
        ("Persons employed", "NUM", "employees-total", "exact"),
        ("Corruption lawsuits brought against the Company", "NUM", "corruption-cases-concluded", "exact"),
    ],
)
def test_region_rows_films_and_who_did_what(label: str, unit: str, notation: str, kind: str) -> None:
    found = match_metric(label, unit)
    assert found is not None and (found.notation, found.match) == (notation, kind)


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        ("Attrition rate: Senior Management", "PERCENT", ("turnover-rate", "close")),  # a staff group, not a place
        ("Headcount: Others", "NUM", None),
        ("Employees who completed safety training", "NUM", None),  # a count; the catalogue holds the share
    ],
)
def test_capitalised_groups_and_counts_of_the_trained_are_no_region_or_share(
    label: str, unit: str, expected: tuple[str, str] | None
) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        ("Energy saved by retrofits", "MegaW-HR", ("energy-saved", "close")),
        ("Annual electricity savings", "KiloW-HR", ("energy-saved", "exact")),
        ("Amount saved", "GigaJ", ("energy-saved", "exact")),  # the unit says it is energy
        ("Amount saved", "HKD", None),  # money saved is no energy
        ("Water saved", "M3", None),
        ("Electricity saved per employee", "KiloW-HR-PER-EMPLOYEE", None),
    ],
)
def test_energy_saved_is_the_one_saving_the_catalogue_holds(
    label: str, unit: str, expected: tuple[str, str] | None
) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        # headings of a table composed into one label: the last of a dimension is the row's
        ("Attrition rate: 31 to 50: Above 50", "PERCENT", ("turnover-rate-over-50", "exact")),
        ("Headcount by gender: Female", "NUM", ("employees-female", "exact")),
        ("Women employees aged under 30", "NUM", None),  # two dimensions are no one part of the catalogue's
        # audits of a subset of suppliers are of suppliers audited
        ("Audits of principal vendors", "NUM", ("suppliers-audited", "exact")),
        ("Principal vendors", "NUM", None),
        ("Staff who took part in at least one training course", "PERCENT", ("employees-trained-share", "close")),
    ],
)
def test_composed_headings_audited_subsets_and_courses(label: str, unit: str, expected: tuple[str, str] | None) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        # the kind of a waste says its class where the label does not
        ("Office refuse", "TONNE", None),  # no "waste": not read as waste at all
        ("General waste from the canteens", "TONNE", ("non-hazardous-waste", "close")),
        ("Household waste", "TONNE", ("non-hazardous-waste", "exact")),
        ("Scrap metal waste recycled", "TONNE", ("non-hazardous-waste-recycled", "close")),
        ("Clinical waste", "KiloGM", ("hazardous-waste", "exact")),
        ("Waste batteries", "KiloGM", ("hazardous-waste", "exact")),
        ("Glass and chemical waste", "TONNE", ("waste-total", "close")),  # both classes: no class
        ("Waste generated", "TONNE", ("waste-total", "exact")),
    ],
)
def test_waste_is_classed_by_its_kind(label: str, unit: str, expected: tuple[str, str] | None) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        # the day a headcount is taken is no word of the metric
        ("Staff as at 30 June", "NUM", ("employees-total", "exact")),
        ("Male employees as of 31 December 2022", "NUM", ("employees-male", "exact")),
        ("Headcount at the end of the reporting period", "NUM", ("employees-total", "exact")),
        # a group's share of the workforce, worded as a sentence prints it, is no count
        ("Women make up of the workforce", "PERCENT", None),
        ("Women make up of the workforce", None, ("employees-female", "exact")),
        ("Part-time staff represent of our employees", None, ("employees-part-time", "exact")),
        ("Full-time staff account for of our staff", "NUM", None),
        # who took anti-corruption training, and how
        ("Board members attended anti-corruption training", None, ("anti-corruption-training-share", "exact")),
        ("Staff completed anti-corruption training", "PERCENT", ("anti-corruption-training-share", "exact")),
    ],
)
def test_headcount_dates_shares_and_who_was_trained(
    label: str, unit: str | None, expected: tuple[str, str] | None
) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        ("Reused water", "M3", ("water-recycled", "exact")),
        ("Water recycled in the plants", "M3", ("water-recycled", "broad")),
        ("Water recycling rate", "PERCENT", None),  # a rate of it: the catalogue holds none
        ("Recycled water per employee", "M3-PER-EMPLOYEE", None),
        ("Packaging: timber crates", "TONNE", ("packaging-material-total", "close")),
        ("Packaging materials: aluminium cans and glass bottles", "TONNE", ("packaging-material-total", "close")),
        ("Packaging materials: cartons", "TONNE", ("packaging-paper", "exact")),
        ("Electricity from renewable sources", "MegaW-HR", ("energy-renewable", "exact")),
        ("Wind power purchased", "MegaW-HR", ("energy-renewable", "exact")),
        ("Non-renewable electricity", "MegaW-HR", ("energy-electricity-purchased", "close")),
    ],
)
def test_recycled_water_packaging_kinds_and_renewable_electricity(
    label: str, unit: str, expected: tuple[str, str] | None
) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        # a scope number alone is of greenhouse gases, as a table's rows under a GHG heading print it
        ("Scope 1", "TONNE", ("ghg-scope-1", "exact")),
        ("Scope 2 (market-based)", "TONNE", ("ghg-scope-2-market-based", "exact")),
        ("Total Scopes 1 & 2 (location-based)", "TONNE", ("ghg-scope-1-and-2", "close")),
        ("Scope 3 (categories 3 and 6)", "TONNE", ("ghg-scope-3", "close")),
        ("Scope 1", "KiloW-HR", None),  # not a mass: no emissions
        ("Scope 1 water", "M3", ("water-consumption", "close")),  # a scope said of water is no greenhouse gas
        # a caption's number says where the table is, not what it counts
        ("Table 4 Headcount (as at 31 March): Western Cape", "NUM", ("employees-in-region", "exact")),
        ("Figure 2.1: Total energy consumption", "MegaW-HR", ("energy-total", "exact")),
        # rows under a waste class heading name kinds of that class
        ("Hazardous waste: Used oils and filter cakes", "TONNE", ("hazardous-waste", "close")),
        ("Non-hazardous waste: Wooden crates and offcuts", "TONNE", ("non-hazardous-waste", "close")),
        ("Hazardous waste: Incinerated at licensed plants", "TONNE", None),  # where it went is no kind
        # waste recycled of no class is the catalogue's total recycled
        ("Waste recycled", "TONNE", ("waste-recycled", "exact")),
        ("Waste sent to landfill", "TONNE", None),
    ],
)
def test_scope_rows_caption_numbers_and_waste_rows(label: str, unit: str, expected: tuple[str, str] | None) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        # which suppliers a list counts, and what they supply, leave them suppliers
        ("Approved suppliers", "NUM", ("suppliers-total", "exact")),
        ("Timber suppliers", "NUM", ("suppliers-total", "close")),
        ("Audited suppliers of fabrics and dyes", "NUM", ("suppliers-audited", "close")),
        ("Strategic suppliers", "NUM", None),  # a subset of the suppliers, not all of them
        # a table split by place names the place in its rows
        ("Number of vendors by country: Viet Nam", "NUM", ("suppliers-in-region", "exact")),
        ("Headcount by location: Total", "NUM", ("employees-total", "exact")),
        ("Turnover rate by region: Northern Territory", "PERCENT", ("turnover-rate-in-region", "exact")),
        # patents held have been granted
        ("Valid patents", "NUM", ("patents-granted", "exact")),
        ("Utility model patents held", "NUM", ("patents-granted", "exact")),
        # injuries that cost working time, and their days
        ("Recordable work-related injuries", "NUM", ("work-related-injuries", "exact")),
        ("Lost-time injuries", "NUM", ("work-related-injuries", "exact")),
        ("Working days lost-time injuries cost", "DAY", ("lost-days-work-injury", "exact")),
        # water named by where it was drawn from is withdrawn, unless the label says consumed
        ("Groundwater", "M3", ("water-withdrawal", "exact")),
        ("Harvested rainwater", "M3", ("water-withdrawal", "exact")),
        ("Mains water supply", "MegaL", ("water-withdrawal", "exact")),
        ("Municipal water consumption", "M3", ("water-consumption", "close")),
        # a saving of energy in the present tense
        ("Retrofits will save", "MegaW-HR", ("energy-saved", "close")),
        # complaints of a trade's customers, by the name the trade gives them
        ("Passenger complaints received", "NUM", ("product-service-complaints", "exact")),
        ("Substantiated patient complaints", "NUM", ("product-service-complaints", "exact")),
        # new hires and leavers read as the counts their KPIs ask for; printed as rates they are no value of them
        ("New hire rate", None, ("new-employee-hires", "exact")),
        ("New hire rate", "PERCENT", None),
        ("Staff who resigned", None, ("turnover-rate", "exact")),
    ],
)
def test_suppliers_patents_injuries_water_sources_and_savings(
    label: str, unit: str, expected: tuple[str, str] | None
) -> None:
    found = match_metric(label, unit)
    assert (found and (found.notation, found.match)) == expected
