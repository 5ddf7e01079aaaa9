"""A report that says once the day its headcounts are of (kg.drafting.headcount_days): prose
counts and shares of its people are of that day; flows over the year are not (invented text)."""

from __future__ import annotations

from kg.drafting.headcount_days import as_at, headcount_day


def test_the_stated_day_of_headcounts() -> None:
    assert headcount_day("Amounts are in euros. Headcounts are as at\n30 June. Data cover all sites.") == (6, 30)
    assert headcount_day("Employee figures are as of 31 March.") == (3, 31)
    assert headcount_day("Headcounts are as at 31 December 2023.") is None  # a day of one year: the figures' own
    assert headcount_day("Energy data are as at 31 December.") is None


def test_people_counts_are_of_that_day_and_flows_of_the_year() -> None:
    day = (6, 30)
    assert as_at(day, None, 2023, "NUM", "Production workers", "production workers 2,410.") == "2023-06-30"
    assert as_at(day, "2022", 2023, "PERCENT", "Of the workforce", "Of the workforce, 41% are women.") == "2022-06-30"
    assert as_at(day, None, 2023, "NUM", "New hires", "We hired 310 new employees.") is None
    assert as_at(day, None, 2023, "NUM", "Staff trained", "We trained 1,200 staff.") is None
    assert as_at(day, None, 2023, "TONNE", "Staff canteen waste", "Staff canteens sent 12 tonnes.") is None
    assert as_at(day, "2023-01-01/2023-06-30", 2023, "NUM", "Staff", "staff 80.") is None  # a period of its own
