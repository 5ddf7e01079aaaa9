"""The KPIs csr-kg infers for a drafted figure (kg.vocab.crosswalks): crosswalk, intensity and target rules."""

from __future__ import annotations

import pytest

from kg.vocab.catalogue import match_metric
from kg.vocab.crosswalks import figure_kpis, intensity_kpis, metric_kpis, numerator, target_kpis

HKEX = "hkex-esg-guide-2020"
GRI = "gri-standards-2021"


def codes(label: str, unit: str | None, standard: str, role: str = "value") -> list[str]:
    return [k.code for k in figure_kpis(match_metric(label, unit), label, unit, standard, role)]


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        ("Fugitive Scope 1 emissions", "TONNE", HKEX, ["A1.2"]),
        ("Scope 1 emissions", "TONNE", GRI, ["305-1"]),
        ("Diesel used by the fleet", "LITRE", HKEX, ["A2.1"]),
        ("New hires", "NUM", GRI, ["401-1"]),
        ("Employee volunteers", "NUM", HKEX, ["B8.2"]),  # the people who gave time, beside the hours
        ("Revenue", "CNY", HKEX, []),  # a catalogue metric no KPI asks for
        ("Number of trees planted", "NUM", HKEX, []),  # no catalogue metric: no guess
    ],
)
def test_a_figure_of_a_catalogue_metric_discloses_its_crosswalk_kpis(
    label: str, unit: str, standard: str, expected: list[str]
) -> None:
    assert codes(label, unit, standard) == expected


def test_the_crosswalk_rationale_names_the_mapping() -> None:
    (kpi,) = metric_kpis("water-withdrawal", GRI)
    assert kpi.code == "303-3"
    assert kpi.rationale.startswith(
        "csr-kg crosswalk https://w3id.org/csr-kg/crosswalk/gri-standards-2021/water-withdrawal/303-3"
    )


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        # Per unit of revenue: no catalogue intensity, so the quantity's KPI family decides.
        ("Carbon emissions intensity", "TONNE-PER-MegaCNY", HKEX, ["A1.2"]),
        ("Carbon emissions intensity", "TONNE-PER-MegaCNY", GRI, ["305-4"]),
        ("Energy intensity", "GigaJ-PER-MegaHKD", HKEX, ["A2.1"]),
        ("Water use intensity", "M3-PER-MegaUSD", HKEX, ["A2.2"]),
        ("Hazardous waste intensity", "TONNE-PER-MegaCNY", HKEX, ["A1.3"]),
        # No catalogue intensity of packaging at all: the total's KPI asks for it per unit.
        ("Packaging material per tonne of product", "KiloGM", HKEX, ["A2.5"]),
        ("Headcount", "NUM", HKEX, ["B1.1"]),  # no intensity: the crosswalk alone
    ],
)
def test_an_intensity_discloses_the_kpi_of_its_quantity(
    label: str, unit: str, standard: str, expected: list[str]
) -> None:
    assert codes(label, unit, standard) == expected


def test_the_numerator_of_an_intensity_is_read_in_the_numerators_unit() -> None:
    found = numerator("GHG emissions intensity", "TONNE-PER-MegaCNY")
    assert found is not None and found.notation == "ghg-total"
    assert numerator("Scope 1 emissions", "TONNE") is None  # no intensity
    (kpi,) = intensity_kpis("GHG emissions intensity", "TONNE-PER-MegaCNY", HKEX)
    assert kpi.rationale.startswith("csr-kg intensity rule: 'GHG emissions intensity' is an intensity of ghg-total")


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        ("Greenhouse gas emissions", None, HKEX, ["A1.5"]),
        ("carbon emissions intensity", None, HKEX, ["A1.5"]),
        ("hazardous waste", None, HKEX, ["A1.6"]),
        ("energy consumption", None, HKEX, ["A2.3"]),
        ("water intensity", None, HKEX, ["A2.4"]),
        ("Scope 1 and 2 emissions", None, GRI, ["305-5"]),  # the guide asks for it in parts: 305-1, 305-2
        ("energy consumption", None, GRI, ["302-4"]),
        ("Scope 1 emissions", None, "hkex-esg-guide-2019", []),  # the 2019 guide has no KPI on targets
        ("number of volunteers", None, HKEX, []),
    ],
)
def test_a_target_discloses_the_guides_kpi_on_targets_for_its_subject(
    label: str, unit: str | None, standard: str, expected: list[str]
) -> None:
    assert codes(label, unit, standard, "target") == expected


def test_the_target_rule_says_which_kpi_it_read() -> None:
    (kpi,) = target_kpis(metric_kpis("water-consumption", HKEX), HKEX)
    assert kpi.code == "A2.4"
    assert kpi.rationale == (
        "csr-kg target rule: a target of a figure disclosed under A2.2 (water consumption, total and intensity) "
        "is disclosed under A2.4, the guide's KPI on water targets"
    )


def test_a_change_discloses_the_kpis_of_its_metric() -> None:
    assert codes("Natural gas consumption", None, HKEX, "change") == ["A2.1"]


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        # the scope's number and words disagree: no catalogue metric, but HKEX asks for every scope under A1.2
        ("Indirect emissions (Scope 1)", "TONNE", HKEX, ["A1.2"]),
        ("Scope 3 - energy indirect GHG emissions", "TONNE", HKEX, ["A1.2"]),
        # the scope's number and the other words disagree (purchased electricity is Scope 2)
        ("Scope 1 emissions from purchased electricity", "TONNE", HKEX, ["A1.2"]),
        # GRI asks for each scope under its own disclosure, so the figure discloses none of them
        ("Indirect emissions (Scope 1)", "TONNE", GRI, []),
    ],
)
def test_a_label_whose_scopes_disagree_discloses_the_kpi_all_its_scopes_share(
    label: str, unit: str, standard: str, expected: list[str]
) -> None:
    assert match_metric(label, unit) is None
    assert codes(label, unit, standard) == expected


def test_the_scope_rule_says_which_readings_disagree() -> None:
    (kpi,) = figure_kpis(None, "Direct emissions (Scope 2)", "TONNE", HKEX)
    assert kpi.rationale == (
        "csr-kg scope rule: the scope words of 'Direct emissions (Scope 2)' disagree "
        "(ghg-scope-1 or ghg-scope-2), and each of those discloses A1.2"
    )


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        ("Petrol", "L", HKEX, ["A2.1"]),  # a fuel in litres: energy consumption by type
        ("Natural gas", "M3", GRI, ["302-1"]),
        ("Employees under 30", "PERCENT", HKEX, ["B1.1"]),  # a share of the workforce by age group
        ("Petrol", "TONNE-PER-EMPLOYEE", HKEX, []),  # a ratio unit is an intensity's, read by the intensity rule
        ("Litter picked", "KiloGM", HKEX, []),  # no reading in any unit: no guess
    ],
)
def test_a_figure_in_a_unit_of_another_kind_discloses_its_metrics_kpis(
    label: str, unit: str, standard: str, expected: list[str]
) -> None:
    assert codes(label, unit, standard) == expected


def test_the_unit_rule_names_the_unit() -> None:
    (kpi,) = figure_kpis(None, "Diesel", "L", HKEX)
    assert kpi.rationale.startswith(
        "csr-kg unit rule: 'Diesel' reads as energy-diesel but is printed in L, a unit of another kind; "
        "A2.1 asks for the metric in any unit (csr-kg crosswalk https://w3id.org/csr-kg/crosswalk/"
    )
    assert kpi.rule == "unit"


@pytest.mark.parametrize(
    ("label", "unit", "role", "rule"),
    [
        ("Scope 1 emissions", "TONNE", "value", "crosswalk"),
        ("GHG emissions intensity", "TONNE-PER-CNY", "value", "intensity"),
        ("Diesel", "L", "value", "unit"),
        ("Volatile organic compounds", "TONNE", "value", "pollutant"),
        ("Scope 1 emissions", "TONNE", "target", "target"),
    ],
)
def test_each_kpi_names_the_rule_that_inferred_it(label: str, unit: str, role: str, rule: str) -> None:
    found = figure_kpis(match_metric(label, unit), label, unit, HKEX, role)
    assert found and {k.rule for k in found} == {rule}


@pytest.mark.parametrize(
    ("standard", "expected"), [("hkex-esg-guide-2019", ["A2.3"]), (HKEX, ["A2.3"]), (GRI, ["302-4"])]
)
def test_energy_saved_discloses_the_guides_efficiency_kpi(standard: str, expected: list[str]) -> None:
    assert codes("Electricity saving", "KiloW-HR", standard) == expected


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        # pollutants the catalogue holds no metric for
        ("Volatile organic compounds emitted", "TONNE", HKEX, ["A1.1"]),
        ("Carbon monoxide", "KiloGM", "hkex-esg-guide-2019", ["A1.1"]),
        ("Carbon monoxide", "KiloGM", GRI, ["305-7"]),  # an air emission: GRI's air emissions
        ("Ammonia nitrogen in effluent", "TONNE", HKEX, ["A1.1"]),
        ("Ammonia nitrogen in effluent", "TONNE", GRI, []),  # 305-7 asks for air emissions only
        ("COD concentration", "MilliGM-PER-L", HKEX, []),  # a concentration, not an emission
        ("VOCs", "PERCENT", HKEX, []),  # a share: no mass emitted
        ("VOCs reduced", "TONNE", HKEX, []),
        ("Dust and COD", "TONNE", HKEX, []),  # two media: no one reading
        # a total of both classes of waste is disclosed under both waste KPIs
        ("Total waste", "TONNE", HKEX, ["A1.3", "A1.4"]),
        ("Total waste", "TONNE", "hkex-esg-guide-2019", ["A1.3", "A1.4"]),
        ("Water reused", "M3", HKEX, ["A2.4"]),
        ("Water reused", "M3", "hkex-esg-guide-2019", ["A2.4"]),
        ("Share of power from renewable sources", "PERCENT", HKEX, ["A2.1"]),
        ("Women make up of our employees", "PERCENT", HKEX, ["B1.1"]),
        ("Managers attended anti-corruption training", "NUM", HKEX, ["B7.3"]),
    ],
)
def test_pollutants_waste_totals_reused_water_and_shares(
    label: str, unit: str, standard: str, expected: list[str]
) -> None:
    assert codes(label, unit, standard) == expected


def test_the_pollutant_rule_says_why() -> None:
    (kpi,) = figure_kpis(None, "Smoke emitted", "TONNE", HKEX)
    assert kpi.code == "A1.1"
    assert kpi.rationale.startswith(
        "csr-kg pollutant rule: 'Smoke emitted' is an emission of Smoke, which the catalogue holds no metric for; "
        "A1.1 asks for every type of emission, as for nox-emissions"
    )


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        # GRI asks for Scope 1 and Scope 2 apart: a sum of both gives both disclosures
        ("Scope 1 and 2 emissions", "TONNE", GRI, ["305-1", "305-2"]),
        ("Lost days", "DAY", GRI, ["403-9"]),
        ("Volunteer hours", "HR", GRI, ["413-1"]),
        ("Waste recycled", "TONNE", GRI, ["306-4"]),
        ("Waste recycled", "TONNE", HKEX, ["A1.6"]),
        ("Waste recycled", "PERCENT", "hkex-esg-guide-2019", ["A1.6"]),  # a recycling rate, by the unit rule
        # patent counts are what reports give under HKEX's intellectual property KPI
        ("Patents granted", "NUM", HKEX, ["B6.3"]),
        ("Patent applications", "NUM", "hkex-esg-guide-2019", ["B6.3"]),
        # a rate of new hires and a count of leavers are figures the employment KPIs ask for
        ("New hire rate", "PERCENT", GRI, ["401-1"]),
        ("New hire rate", "PERCENT", HKEX, []),  # HKEX asks for no hires
        ("Employees who left", "NUM", GRI, ["401-1"]),
        ("Employees who left", "NUM", HKEX, ["B1.2"]),
    ],
)
def test_scope_sums_lost_days_volunteering_recycling_and_patents(
    label: str, unit: str, standard: str, expected: list[str]
) -> None:
    assert codes(label, unit, standard) == expected
