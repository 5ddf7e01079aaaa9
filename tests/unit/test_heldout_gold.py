"""The held-out reports' gold lists agree with their text and with csr-kg's vocabularies.

A gold list is the reference the drafting benchmark scores against, so a wrong entry (a context
that is not in the text, a figure outside its context, a value that is not the printed figure,
a unit or KPI no vocabulary has) would score a right draft as wrong.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from rdflib.namespace import SKOS

from kg.ingest.quantities import QUALIFIERS, SCALE_ABBREVIATIONS, SCALES
from kg.vocab.entity_types import sheet_types
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph, vocabulary
from kg.vocab.units import load_units
from tests.support.heldout import CHECKS, FIGURE_KINDS, Gold, heldout_reports

REPORTS = heldout_reports()
IDS = [gold.name for gold in REPORTS]
_DAY = r"\d{4}-\d{2}-\d{2}"
_POINT = rf"(?:\d{{4}}|{_DAY})"
PERIOD = re.compile(rf"{_POINT}(?:/{_POINT})?")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
NOT_DISCLOSED = {"N/A", "n/a", "n.a.", "-", "–", "—", "Nil", "not available"}


def catalogue() -> set[str]:
    graph = ontology_graph()
    return {str(n) for c in graph.subjects(SKOS.inScheme, CSR.MetricCatalogue) for n in graph.objects(c, SKOS.notation)}


def printed_values(figure: str, context: str) -> set[Decimal]:
    """The values a printed figure may state: its one number times its scale word or the scale
    abbreviation glued to it ("US$1.2bn", "3.4m tonnes"), or, in a table row whose unit cell
    prints a scale ("RMB million"), times that scale."""
    numbers = _NUMBER.findall(figure)
    assert len(numbers) == 1, f"{figure!r} holds {len(numbers)} numbers"
    value = Decimal(numbers[0].replace(",", ""))
    scale = next((m for word, m in SCALES.items() if re.search(rf"\b{word}\b", figure, re.I)), None)
    if scale is None:
        scale = next((m for abbr, m in SCALE_ABBREVIATIONS.items() if re.search(rf"\d{abbr}\b", figure)), None)
    if scale is not None:
        return {value * scale}
    row_scales = {m for word, m in SCALES.items() if "\t" in context and re.search(rf"\b{word}\b", context, re.I)}
    return {value, *(value * m for m in row_scales)}


def contexts(gold: Gold) -> list[str]:
    return [
        *(f.context for f in gold.figures),
        *(c.context for c in gold.claims),
        *(n.context for n in (*gold.missing, *gold.traps, *gold.inconsistencies)),
    ]


def test_there_are_three_reports_of_150_to_1200_lines() -> None:
    assert len(REPORTS) >= 3
    for gold in REPORTS:
        assert 150 <= gold.text.count("\n") <= 1200, gold.name


def test_one_report_has_page_breaks() -> None:
    assert any("\f" in gold.text for gold in REPORTS)


@pytest.mark.parametrize("gold", REPORTS, ids=IDS)
def test_every_context_occurs_once_and_on_one_page(gold: Gold) -> None:
    text = gold.text
    wrong = [(c, text.count(c)) for c in set(contexts(gold)) if text.count(c) != 1 or "\f" in c]
    assert wrong == []


@pytest.mark.parametrize("gold", REPORTS, ids=IDS)
def test_figures_are_printed_in_their_context_with_their_value(gold: Gold) -> None:
    for f in gold.figures:
        assert f.figure in f.context, f
        if f.value is None:
            assert f.figure in NOT_DISCLOSED, f
        else:
            assert abs(f.value) in printed_values(f.figure, f.context), f
        if f.qualifier is not None:
            assert f.qualifier in QUALIFIERS.values() and f.figure.lower().startswith(
                tuple(q for q, n in QUALIFIERS.items() if n == f.qualifier)
            ), f


@pytest.mark.parametrize("gold", REPORTS, ids=IDS)
def test_figures_use_the_vocabularies(gold: Gold) -> None:
    units, metrics, codes = load_units(), catalogue(), vocabulary().codes(gold.standard)
    for f in gold.figures:
        assert f.value is None or f.unit in units.iris or units.ratio(f.unit) is not None, f
        assert f.metric is None or f.metric in metrics, f
        assert set(f.kpis) <= set(codes), f
        assert f.kind in FIGURE_KINDS, f
        assert PERIOD.fullmatch(f.period) and (f.baseline is None or PERIOD.fullmatch(f.baseline)), f
        assert (f.kind == "level") == (f.baseline is None) or f.kind == "target", f


@pytest.mark.parametrize("gold", REPORTS, ids=IDS)
def test_traps_are_printed_digits_that_no_figure_claims(gold: Gold) -> None:
    for trap in gold.traps:
        assert trap.what and trap.what in trap.context and re.search(r"\d", trap.what), trap
    figure_spans = {(f.context, f.figure) for f in gold.figures}
    assert not any((t.context, t.what) in figure_spans for t in gold.traps)


@pytest.mark.parametrize("gold", REPORTS, ids=IDS)
def test_entities_are_printed_and_typed(gold: Gold) -> None:
    types, text = set(sheet_types()), gold.text
    labels = {e.label for e in gold.entities}
    assert len(labels) == len(gold.entities)
    for e in gold.entities:
        assert e.type in types, e
        assert any(name in text for name in e.names), e
        assert e.organiser is None or e.organiser in labels, e


@pytest.mark.parametrize("gold", REPORTS, ids=IDS)
def test_claims_sample_at_least_30_sentences_with_known_kinds(gold: Gold) -> None:
    kinds = set(vocabulary().kinds)
    assert len(gold.claims) >= 30
    assert all(c.kind is None or c.kind in kinds for c in gold.claims)


@pytest.mark.parametrize("gold", REPORTS, ids=IDS)
def test_inconsistencies_name_known_checks(gold: Gold) -> None:
    assert gold.inconsistencies
    assert all(i.what in CHECKS for i in gold.inconsistencies)


def test_the_reports_plant_every_kind_of_inconsistency_and_a_missing_figure() -> None:
    planted = {i.what for gold in REPORTS for i in gold.inconsistencies}
    assert planted == set(CHECKS)
    assert all(gold.missing for gold in REPORTS)
