"""Which printings are one fact (kg.ingest.model.facts): identity by data, order by the text."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from kg.ingest.model import Claim, Footnote, Observation, Period, Printing, facts
from kg.ingest.text import Anchor, Section

SECTION = Section("1", "Overview", 0, 1000)


def _obs(start: int, **changes: object) -> Observation:
    base = Observation(
        metric="trees-planted",
        value=Decimal("1200"),
        precision=Decimal("0.5"),
        unit="NUM",
        surface="1,200",
        qualifier=None,
        period=Period("2021"),
        boundary=None,
        subject="acme",
        start=start,
        end=start + 5,
    )
    return replace(base, **changes)


def _claim(ident: str, *observations: Observation) -> Claim:
    start = min(o.start for o in observations)
    anchor = Anchor(start, start + 40, SECTION, "", "")
    return Claim(ident, "quantitative", anchor, "", "acme", "sheet.yaml:1", observations=observations)


def test_printings_with_one_fact_are_one_fact_named_by_the_first_in_the_text() -> None:
    # The body (offset 500) is read before the highlight (offset 20): the text orders, not the sheet.
    body = _claim("body", _obs(500, surface="more than 1,200", qualifier="over"))
    highlight = _claim("highlight", _obs(20, surface="over 1,200", qualifier="over"))
    (fact,) = facts([body, highlight])
    assert fact.printings == (Printing("highlight", 0), Printing("body", 0))
    assert fact.observation.surface == "over 1,200"


def test_values_compare_as_numbers_and_the_first_printing_keeps_its_precision() -> None:
    table = _claim("table", _obs(900, value=Decimal("7.50"), precision=Decimal("0.005"), surface="7.50"))
    text = _claim("text", _obs(100, value=Decimal("7.5"), precision=Decimal("0.05"), surface="7.5"))
    (fact,) = facts([table, text])
    assert (fact.observation.surface, fact.observation.precision) == ("7.5", Decimal("0.05"))
    assert [p.claim for p in fact.printings] == ["text", "table"]


def test_a_fact_keeps_the_notes_of_every_printing() -> None:
    first = _claim("a", _obs(10, notes=(Footnote("1", 700, 720),)))
    second = _claim("b", _obs(300, notes=(Footnote("1", 700, 720), Footnote("2", 730, 760))))
    (fact,) = facts([second, first])
    assert fact.observation.notes == (Footnote("1", 700, 720), Footnote("2", 730, 760))


def test_any_difference_in_what_is_stated_makes_another_fact() -> None:
    printed = [
        _obs(0),
        _obs(10, qualifier="approximately"),
        _obs(20, period=Period("2021-12-31")),
        _obs(30, boundary="offices"),
        _obs(40, subject="acme-india"),
        _obs(50, unit="HA"),
        _obs(60, metric="mangroves-planted"),
        _obs(70, kind="change", baseline=Period("2020")),
        _obs(80, value=None, precision=None, unit=None, disclosed=False),
    ]
    found = facts([_claim("c", *printed)])
    assert [f.printings for f in found] == [(Printing("c", i),) for i in range(len(printed))]


def test_one_claim_printing_a_fact_twice_gives_one_fact() -> None:
    (fact,) = facts([_claim("twice", _obs(5), _obs(25))])
    assert fact.printings == (Printing("twice", 0), Printing("twice", 1))
