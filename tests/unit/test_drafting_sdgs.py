"""SDG links and KPI codes of kg.drafting.sdgs: printed ones stated, others inferred with their rule."""

from __future__ import annotations

from kg.drafting.sdgs import KPIDraft, SDGLinkDraft, kpi_codes, sdg_links

STATED = "the sentence names the goal"


def test_printed_goals_are_stated_and_suppress_inference() -> None:
    assert sdg_links("In support of SDG 7 and SDG 13, we installed solar panels.") == [
        SDGLinkDraft(7, "stated", STATED),
        SDGLinkDraft(13, "stated", STATED),
    ]
    assert sdg_links("Our programmes contribute to SDGs 3, 4 and 8.") == [
        SDGLinkDraft(3, "stated", STATED),
        SDGLinkDraft(4, "stated", STATED),
        SDGLinkDraft(8, "stated", STATED),
    ]
    assert sdg_links("This aligns with Sustainable Development Goal 12 (responsible consumption).") == [
        SDGLinkDraft(12, "stated", STATED)
    ]


def test_goal_numbers_without_sdg_words_are_not_goals() -> None:
    assert sdg_links("Goal 3 of our plan is to open 7 stores.") == []


def test_inferred_links_carry_their_rule() -> None:
    assert sdg_links("We reduced greenhouse gas emissions by 5%.") == [
        SDGLinkDraft(
            13,
            "inferred",
            "csr-kg keyword rule: “greenhouse gas” names greenhouse gas emissions and climate action (SDG 13)",
        )
    ]
    assert sdg_links("The Group opened a new office in Kowloon.") == []


def test_an_award_title_is_no_action() -> None:
    assert sdg_links("We won the Recycling Excellence Award.", ["Award"]) == []
    assert sdg_links("We won the Recycling Excellence Award.", ["Award", "Initiative"])[0].goal == 12


def test_printed_kpi_codes_are_stated_in_the_reports_guide() -> None:
    assert kpi_codes("Total GHG emissions (KPI A1.2) were 1,200 tonnes.", None, "hkex-esg-guide-2019") == [
        KPIDraft("A1.2", "stated", "the sentence prints A1.2")
    ]
    assert kpi_codes("See GRI 305-1.", None, "gri-standards-2021") == [
        KPIDraft("305-1", "stated", "the sentence prints 305-1")
    ]
    assert kpi_codes("Version 2.1 of the app, KPI A9.9.", None, None) == []


def test_kpis_of_a_figure_come_from_the_crosswalk() -> None:
    comment = "A1.2 asks for greenhouse gas emissions in total and as an intensity; this figure is one part of it."
    assert kpi_codes("Scope 1 emissions were 300 tonnes.", "ghg-scope-1", "hkex-esg-guide-2019") == [
        KPIDraft(
            "A1.2",
            "inferred",
            f"csr-kg crosswalk https://w3id.org/csr-kg/crosswalk/hkex-esg-guide-2019/ghg-scope-1/A1.2: {comment}",
        )
    ]
    assert kpi_codes("Scope 1 emissions were 300 tonnes.", "no-such-metric", "hkex-esg-guide-2019") == []


def test_a_law_title_is_no_action() -> None:
    sentence = "We abide by the Occupational Safety and Health Ordinance."
    assert sdg_links(sentence, ["Law"]) == []
    assert [s.goal for s in sdg_links(sentence)] == [8]
