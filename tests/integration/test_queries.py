"""Every saved query answers on the bundled KG, and each answer is checked exactly, mostly
against the same facts computed independently from the loaded claims (plain Python)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli.app import main
from kg.errors import QueryError
from kg.ingest.loader import load_report
from kg.ingest.model import Observation, Report, facts
from kg.rdf.build import build_graph
from kg.sparql.saved import find_query, run_local, saved_queries
from kg.vocab.ontology import ontology_graph
from tests.support.paths import PAGED_REPORT
from tests.support.queries import EMPTY_ON_BUNDLED

QUERIES = saved_queries()


@pytest.fixture(scope="module")
def graph(bundled_kg: Graph) -> Graph:
    return bundled_kg


@pytest.fixture(scope="module")
def report(bundled: list[Report]) -> Report:
    return bundled[0]


def rows(graph: Graph, name: str, **params: str) -> list[tuple]:
    result = run_local(graph, find_query(name), params)
    return [tuple(None if t is None else t.toPython() for t in row) for row in result.rows]


def observations(report: Report) -> list[Observation]:
    """One observation per fact, however often the report prints it (kg.ingest.model.facts)."""
    return [f.observation for f in facts(report.claims.values()) if f.observation.kind == "value"]


def test_at_least_fifteen_documented_queries() -> None:
    assert len(QUERIES) >= 15
    for q in QUERIES:
        assert q.path.read_text(encoding="utf-8").startswith("# title:")
        assert q.title and q.question.endswith("?")


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_query_answers_with_rows(graph: Graph, query) -> None:
    rows = run_local(graph, query).rows
    assert not rows if query.name in EMPTY_ON_BUNDLED else rows


def test_claims_by_kind(graph: Graph, report: Report) -> None:
    kinds = Counter(c.kind for c in report.claims.values())
    figures = Counter(c.kind for c in report.claims.values() if c.observations)
    expected = {("xiaomi-2019", k, n, figures[k]) for k, n in kinds.items()}
    assert set(rows(graph, "claims-by-kind")) == expected


def test_missing_figures(graph: Graph) -> None:
    assert rows(graph, "missing-figures") == [
        (
            "xiaomi-2019",
            "2.4",
            "Monthly active users of the AI assistant",
            "The Monthly Active User (MAU) of our AI assistant in December 2019 reached",
        ),
        (
            "xiaomi-2019",
            "2.4",
            "Number of connected IoT devices (excluding smartphones and laptops)",
            "The number of connected devices (excluding smartphones and laptops) reached",
        ),
    ]


def test_approximate_figures(graph: Graph, report: Report) -> None:
    counts = Counter(o.qualifier or "exact" for o in observations(report))
    got = {row[1]: row[3] for row in rows(graph, "approximate-figures")}
    labels = {"exact": "exact", "over": "over", "approximately": "approximately", "up-to": "up to", "nearly": "nearly"}
    assert got == {labels[k]: n for k, n in counts.items()}


def test_vagueness_by_section(graph: Graph, report: Report) -> None:
    claims = Counter(c.anchor.section.number for c in report.claims.values())
    quantified = Counter(c.anchor.section.number for c in report.claims.values() if c.observations)
    got = {row[1]: (row[3], row[4], row[5]) for row in rows(graph, "vagueness-by-section")}
    assert got == {
        s: (n, quantified[s], Decimal(round(1000 * (n - quantified[s]) / n)) / 1000) for s, n in claims.items()
    }


def test_vagueness_by_aspect(graph: Graph, report: Report) -> None:
    got = {row[0]: (row[2], row[3]) for row in rows(graph, "vagueness-by-aspect")}
    for aspect, (claims, quantified) in got.items():
        matching = [c for c in report.claims.values() if any(k.split(".")[0] == aspect for k in c.kpis)]
        assert (claims, quantified) == (len(matching), sum(1 for c in matching if c.observations)), aspect
    assert set(got) == {k.split(".")[0] for c in report.claims.values() for k in c.kpis}


def test_commitments_vs_achievements(graph: Graph, report: Report) -> None:
    commitments, achievements = Counter(), Counter()
    for c in report.claims.values():
        chapter = c.anchor.section.number.split(".")[0]
        commitments[chapter] += c.kind == "commitment"
        achievements[chapter] += c.kind in ("achievement", "initiative", "quantitative")
    got = {row[1]: (row[2], row[3]) for row in rows(graph, "commitments-vs-achievements")}
    assert got == {ch: (commitments[ch], achievements[ch]) for ch in commitments}


def test_claim_provenance(graph: Graph, report: Report) -> None:
    claim = report.claims["s2-2-rd-investment"]
    ((_iri, rid, section, kind, start, end, quote, page),) = rows(graph, "claim-provenance")
    assert (rid, section, kind, start, end, quote, page) == (
        "xiaomi-2019",
        "2.2",
        "quantitative",
        claim.anchor.start,
        claim.anchor.end,
        claim.quote,
        None,  # the bundled text has no page map
    )
    assert report.text.text[start:end] == quote


def test_claim_provenance_names_the_page_of_a_paged_report() -> None:
    paged = build_graph([PAGED_REPORT]) + ontology_graph()
    report = load_report(PAGED_REPORT)
    claim = "https://w3id.org/csr-kg/id/report/northwind-2021/claim/"
    got = {name: rows(paged, "claim-provenance", claim=f"<{claim}{name}>") for name in report.claims}
    expected = {
        "committee": ("1", "governance", 130, 188, 1),
        "recycling": ("2", "quantitative", 251, 305, 2),
        "kpi-direct-ghg-emissions-scope-1": ("2", "quantitative", 428, 471, 2),
        "donations": ("3", "quantitative", 532, 602, 3),
    }
    assert got == {
        name: [(claim + name, "northwind-2021", section, kind, start, end, report.text.text[start:end], page)]
        for name, (section, kind, start, end, page) in expected.items()
    }


def test_claims_mentioning_a_word(graph: Graph, report: Report) -> None:
    expected = sorted((c.anchor.start, c.quote) for c in report.claims.values() if "recycl" in c.quote.lower())
    got = [(row[3], row[4]) for row in rows(graph, "claims-mentioning", word="Recycl")]
    assert got == expected and len(got) >= 5


def test_a_parameter_is_bound_as_a_literal_never_as_query_text(graph: Graph) -> None:
    hostile = 'x")) } } DELETE WHERE { ?s ?p ?o } #'
    before = len(graph)
    assert rows(graph, "claims-mentioning", word=hostile) == []
    assert len(graph) == before
    with pytest.raises(QueryError, match="unknown parameter"):
        rows(graph, "claims-mentioning", colour="red")
    with pytest.raises(QueryError, match="not an absolute IRI"):
        rows(graph, "claim-provenance", claim="<not an iri>")


def test_metric_across_reports(graph: Graph) -> None:
    # The default: the catalogue's Scope 1 and 2 total, reached from the report's own metric.
    assert rows(graph, "metric-across-reports") == [
        (
            "xiaomi-2019",
            rows(graph, "metric-across-reports")[0][1],
            "2019",
            "Total GHG emissions (Scope 1 and 2)",
            "exact",
            Decimal("22782.26"),
            "tonne",
            Decimal("22782.26"),
            "tonne",
            "22,782.26",
            "main offices and self-operated Mi Homes in mainland China",
        ),
    ]


def test_company_over_years_lines_up_catalogue_metrics(graph: Graph) -> None:
    lined_up = {(r[1], r[4], r[6]) for r in rows(graph, "company-over-years")}
    assert ("ghg-scope-1", Decimal("283.42"), "283.42") in lined_up
    assert ("energy-total", Decimal("34282.58"), "34,282.58") in lined_up
    assert ("water-consumption", None, "144,803.29") in lined_up  # printed in tonnes: no conversion


def test_intensity_ranking(graph: Graph) -> None:
    assert [(r[1], r[3], r[5], r[8]) for r in rows(graph, "intensity-ranking")] == [
        (1, Decimal("0.042"), "0.042", "broad"),
        (1, Decimal("0.11"), "0.11", "broad"),
    ]


def test_environmental_kpis(graph: Graph, report: Report) -> None:
    expected = sorted(
        (k, o.value) for o in observations(report) for k in report.metrics[o.metric].kpis if k.startswith("A")
    )
    got = sorted((row[1], row[3]) for row in rows(graph, "environmental-kpis"))
    assert got == expected
    intensities = {row[2]: row[7] for row in rows(graph, "environmental-kpis") if row[7]}
    assert intensities["Hazardous waste per employee"] == "Hazardous waste"


def test_kpi_disclosure(graph: Graph, report: Report) -> None:
    with_figures = {k for c in report.claims.values() for o in c.observations for k in report.metrics[o.metric].kpis}
    in_words = {k for c in report.claims.values() for k in c.kpis}
    got = {row[1]: row[4] for row in rows(graph, "kpi-disclosure")}
    assert len(got) == 32
    for kpi, disclosure in got.items():
        expected = "with figures" if kpi in with_figures else "in words only" if kpi in in_words else "not disclosed"
        assert disclosure == expected, kpi
    assert Counter(got.values()) == {"with figures": 12, "in words only": 9, "not disclosed": 11}


def test_awards_by_organiser(graph: Graph, report: Report) -> None:
    e = report.entities
    expected = set()
    for c in report.claims.values():
        for prop, award in c.links:
            if prop == "receivedAward":
                organiser = e[e[award].organiser].label if e[award].organiser else "(not named)"
                expected.add((organiser, e[award].label, e[c.subject].label))
    got = rows(graph, "awards-by-organiser")
    assert set(got) == expected and len(got) == len(expected)


def test_donations(graph: Graph, report: Report) -> None:
    e = report.entities
    expected = Counter(
        (e[o.subject].label, e[o.recipient].label if o.recipient else None, o.value)
        for o in observations(report)
        if "B8.2" in report.metrics[o.metric].kpis
    )
    assert Counter((row[0], row[1], row[3]) for row in rows(graph, "donations")) == expected
    cny = rows(graph, "donations", unit="<http://qudt.org/vocab/currency/CNY>")
    assert cny and {row[4] for row in cny} == {"Chinese yuan renminbi"}
    # The giver is credited, never the recipient (the sheets once credited these gifts to it).
    assert {(row[0], row[1], row[3]) for row in cny} >= {
        ("Xiaomi Corporation", "Teach for China", Decimal("80000")),
        ("Xiaomi Corporation", "Xiaomi Education Fund", Decimal("100000")),
    }
    inr = rows(graph, "donations", unit="<http://qudt.org/vocab/currency/INR>")
    assert ("Xiaomi India", "Cauvery Calling", Decimal("7665000")) in {(r[0], r[1], r[3]) for r in inr}


def test_donations_by_donor_are_the_reports_totals(graph: Graph) -> None:
    """Per-donor money totals, computed by hand from report.txt (section 6.2 and the highlights)."""
    xiaomi_gifts = (
        Decimal("100000")  # l.1189 "Donated RMB100,000 to support students living in poverty in Keyouqianqi"
        + Decimal("100000")  # l.1190 "Donated RMB100,000 to set up the "Xiaomi" education fund"
        + Decimal("80000")  # l.1191 "Contributed a total of RMB80,000 ... — "Teach for China""
    )
    india_gifts = (
        Decimal("7665000")  # l.1177 "Xiaomi India donated INR7.665 million ... — Cauvery Calling"
        + Decimal("1500000")  # l.1210 "Xiaomi India donated INR1,500,000 ... for the Assam Flood"
    )
    assert rows(graph, "donations-by-donor") == [
        # l.1183 "In 2019, Xiaomi donated approximately RMB22 million" (l.139 prints it again, "in
        # total"): the stated total, not the sum of the gifts listed beside it, nor twice itself.
        (
            "xiaomi-2019",
            "Xiaomi Corporation",
            "Chinese yuan renminbi",
            "2019",
            Decimal("22000000"),
            "stated total",
            "approximately",
            xiaomi_gifts,
            3,
        ),
        # The report states no total for Xiaomi India: its two gifts, summed.
        ("xiaomi-2019", "Xiaomi India", "Indian rupee", "2019", india_gifts, "sum of gifts", None, india_gifts, 2),
    ]


def test_laws_by_aspect(graph: Graph, report: Report) -> None:
    laws = {
        t
        for c in report.claims.values()
        for p, t in c.links
        if p == "compliesWith" and report.entities[t].type == "Law"
    }
    got = rows(graph, "laws-by-aspect")
    assert {row[0] for row in got} == {report.entities[report.meta.company].label}
    assert {row[2] for row in got} == {report.entities[law].label for law in laws}
    assert {row[3] for row in got if row[2].startswith("Advertising Law")} == {"中華人民共和國廣告法"}
    elsewhere = rows(graph, "laws-by-aspect", org="<https://w3id.org/csr-kg/id/org/another-company>")
    assert elsewhere == []


def test_stakeholder_issues(graph: Graph, report: Report) -> None:
    expected = {(e.group, e.label) for e in report.expectations if e.issue}
    got = rows(graph, "stakeholder-issues")
    assert len(got) == len(expected) == 18
    employees = {row[1]: row[3] for row in got if row[0] == "Employees"}
    assert employees == {
        "Employment": "B1",
        "Health and safety": "B2",
        "Development and training": "B3",
        "Labor standards": "B4",
    }


def test_initiatives_by_sdg(graph: Graph, report: Report) -> None:
    links = sorted(s.goal for c in report.claims.values() for s in c.sdgs)
    got = rows(graph, "initiatives-by-sdg")
    assert sorted(row[0] for row in got) == links
    nine = rows(graph, "initiatives-by-sdg", sdg="<http://metadata.un.org/sdg/9>")
    assert [row[0] for row in nine] == [9] * links.count(9) and nine


def test_committee_oversight(graph: Graph, report: Report) -> None:
    e = report.entities
    units = {
        x.label for x in e.values() if x.type in ("Committee", "Department", "Team", "Board") and x.unit_of == "xiaomi"
    }
    got = rows(graph, "committee-oversight", org="<https://w3id.org/csr-kg/id/org/xiaomi>")
    assert {row[1] for row in got} == units
    stated = {
        (e[c.subject].label, {"runBy": "runs"}.get(p, p), e[t].label if p != "runBy" else e[c.subject].label)
        for c in report.claims.values()
        for p, t in c.links
        if p in ("oversees", "launched", "runBy")
    }
    relations = {(row[1], row[3], row[4]) for row in got if row[3] is not None}
    runs = {
        (e[t].label, "runs", e[c.subject].label)
        for c in report.claims.values()
        for p, t in c.links
        if p == "runBy" and e[t].label in units
    }
    assert relations == {r for r in stated if r[0] in units and r[1] != "runs"} | runs
    assert (
        "Corporate Social Responsibility Team of the Public Relations Department",
        "runs",
        "Smartphone teaching projects for people with visual impairment",
    ) in relations


def test_cli_lists_and_runs_queries() -> None:
    runner = CliRunner()
    listing = runner.invoke(main, ["query", "--list"])
    assert listing.exit_code == 0 and len(listing.output.splitlines()) == len(QUERIES)
    result = runner.invoke(main, ["query", "missing-figures", "--format", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "reportId,section,metric,quote"
    bad = runner.invoke(main, ["query", "no-such-query"])
    assert bad.exit_code == 2 and "no saved query 'no-such-query'" in bad.output


def test_cli_runs_a_query_file_on_a_data_file(tmp_path: Path, bundled_graph: Graph) -> None:
    data = tmp_path / "kg.ttl"
    bundled_graph.serialize(data, format="turtle")
    query = tmp_path / "kinds.rq"
    query.write_text(
        "# title: Claims of one kind\n# question: How many claims are of a given kind?\n"
        '# param: kind = "policy" : a claim-kind notation\n'
        "PREFIX csr: <https://w3id.org/csr-kg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT (COUNT(?c) AS ?n) WHERE { ?c csr:claimKind/skos:notation ?kind . }\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    default = runner.invoke(main, ["query", str(query), "--data", str(data), "--format", "tsv"])
    assert default.exit_code == 0, default.output
    assert default.output.splitlines()[1] == '"102"^^<http://www.w3.org/2001/XMLSchema#integer>'
    bound = runner.invoke(
        main, ["query", str(query), "--data", str(data), "--param", "kind=commitment", "--format", "csv"]
    )
    assert bound.output.splitlines() == ["n", "34"]
    both = runner.invoke(main, ["query", str(query), "--data", str(data), "--endpoint", "http://127.0.0.1:9/q"])
    assert both.exit_code == 2 and "exclude each other" in both.output


REPORT_IRI = "<https://w3id.org/csr-kg/id/report/xiaomi-2019>"


@pytest.mark.parametrize("name", ["claims-mentioning", "kpi-disclosure", "initiatives-by-sdg"])
def test_a_report_parameter_keeps_that_reports_rows_and_no_other(graph: Graph, name: str) -> None:
    everything = rows(graph, name)
    assert everything
    assert rows(graph, name, report=REPORT_IRI) == everything
    assert rows(graph, name, report="<https://w3id.org/csr-kg/id/report/no-such-report>") == []
