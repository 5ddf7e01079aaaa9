"""How well ``csrkg draft`` reads reports it was not tuned on, and how fast.

Run: python benchmarks/draft_accuracy.py [--misses N] [--only NAME ...] [--pages 100] [--no-speed] [--acceptance-misses]

For each held-out report (tests/fixtures/heldout/<name>/, gold lists documented in
tests/support/heldout.py) and for the bundled report (kg/reports/xiaomi-2019, whose curated
sheets are the reference: its report.txt is drafted with the sheets set aside), the script
drafts as a user would, through the command line (``python -m kg draft SRC --out TMP ...``, then
``python -m kg build TMP --out TMP/kg.ttl`` and ``python -m kg validate TMP/kg.ttl -f json``),
reads the drafted graph with rdflib, and prints:

- observations: recall and precision of figures whose value, unit and period are right (a
  drafted figure counts where its claim's quote covers the printed figure); apart from that, the
  figure's kind (level, change, target), its catalogue metric (the report metric's
  skos:exactMatch/closeMatch/broadMatch/narrowMatch into https://w3id.org/csr-kg/esg-metric/) and
  its KPIs (csr:hasKPIMapping/csr:kpi of the claim, csr:disclosesKPI of the metric), over the
  figures the reference gives one for; cells printed "N/A" marked not disclosed; trap digits
  (dates, codes, page numbers ...) drafted as figures; announced figures drafted as missing;
- entities: recall and precision by type (rdf:type class and rdfs:label/skos:altLabel);
- claim kinds: accuracy on the sampled sentences (a statement about the report itself is right
  when no claim covers it), and a confusion table of drafted kind by reference kind;
- validation: which planted inconsistencies (total vs parts, intensity, scope label) a finding
  of the matching shape points at;
- seconds to draft, build and validate; then the first N misses of each category.

The speed figure drafts and builds a 100-page report made of the held-out reports' pages, as
form-fed text and as a PDF printed with reportlab (tests/support/pdfs.py). Matching is by
meaning, not by the graph's node names, so the script keeps working as drafting grows: values
compare as decimals (the sign of a change or a target is not compared: the gold lists print
"reduce ... by 5% by 2025" as 5, the graph as -5 with a direction), periods as (first day, last day) whether
the graph has an instant (time:inXSDDate) or an interval (time:hasBeginning/hasEnd or its
rdfs:label), units by the IRI's local name.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.vocab.entity_types import type_table  # after the path above
from kg.vocab.namespaces import CSR, OA, QUDT, TIME
from tests.support.heldout import Gold, heldout_reports

ROOT = Path(__file__).resolve().parent.parent

CATALOGUE = "https://w3id.org/csr-kg/esg-metric/"
BUNDLED = ROOT / "kg" / "reports" / "xiaomi-2019"
CHECK_SHAPES = {
    "TotalOfPartsShape": "total-of-parts",
    "BoundaryTotalShape": "total-of-parts",
    "IntensityDenominatorShape": "intensity",
    "IntensityConsistencyShape": "intensity",
    "ScopeLabelShape": "scope-label",
    "BreakdownScopeShape": "scope-label",
    "ScopeDisagreementShape": "scope-label",
}
MATCHES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)
NO_CLAIM = "none"  # the confusion table's name for a statement about the report itself


# --------------------------------------------------------------------------- the reference


@dataclass(frozen=True)
class Figure:
    """A figure of the reference or of the draft, located in the drafted text."""

    start: int
    end: int
    value: Decimal | None
    unit: str | None
    period: tuple[str, str] | None
    kind: str
    metric: frozenset[str] = frozenset()
    kpis: frozenset[str] = frozenset()
    shown: str = ""


@dataclass(frozen=True)
class Entity:
    type: str
    names: frozenset[str]
    shown: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    kind: str | None
    shown: str


@dataclass
class Reference:
    """What a report states, located in the drafted text, and the spans of traps and plants."""

    name: str
    figures: list[Figure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    traps: list[Figure] = field(default_factory=list)
    missing: list[Sentence] = field(default_factory=list)
    planted: list[Sentence] = field(default_factory=list)  # kind: the check
    unlocated: list[str] = field(default_factory=list)


def local(iri: object) -> str:
    return re.split(r"[/#]", str(iri))[-1]


def number(text: object) -> Decimal | None:
    try:
        return Decimal(str(text)).normalize()
    except (InvalidOperation, ValueError):
        return None


def _bounds(point: str) -> tuple[str, str]:
    return (f"{point}-01-01", f"{point}-12-31") if len(point) == 4 else (point, point)


def period_bounds(key: str) -> tuple[str, str]:
    """``2021``, ``2021-03-31`` or ``START/END`` as (first day, last day)."""
    first, _, last = key.partition("/")
    return _bounds(first)[0], _bounds(last or first)[1]


def trap_value(printed: str | None) -> Decimal | None:
    """The number a trap prints ("2nd" is 2, "US$5 million" is 5000000), as a draft would read it."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", printed or "")
    if digits is None:
        return None
    value = Decimal(digits.group().replace(",", ""))
    scale = re.search(r"\b(thousand|million|billion)\b", printed or "", re.I)
    factor = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale.group(1).lower()] if scale else 1
    return (value * factor).normalize()


def _period_key(bounds: tuple[str, str] | None) -> str:
    """(first day, last day) as a period key: a year when it is one, else START/END or the day."""
    if bounds is None:
        return "no period"
    first, last = bounds
    if first[5:] == "01-01" and last[5:] == "12-31" and first[:4] == last[:4]:
        return first[:4]
    return first if first == last else f"{first}/{last}"


def norm_name(name: str) -> str:
    name = re.sub(r"[\"“”‘’'《》「」]", "", name.casefold())
    name = re.sub(r"^the\s+", "", " ".join(name.split()))
    return name.strip(" .,")


def figure_in(context: str, figure: str) -> int:
    """Where ``figure`` stands in ``context``: its first printing that is no part of a longer
    number (the "0" of a row "0.09  0  0.21" is the second cell, not the start of the first);
    the first printing of all when every one is."""
    for m in re.finditer(re.escape(figure), context):
        glued_before = m.start() > 0 and (context[m.start() - 1].isdigit() or context[m.start() - 1] in ".,")
        after = context[m.end() : m.end() + 2]
        glued_after = after[:1].isdigit() or (after[:1] in ".," and after[1:2].isdigit())
        if not (glued_before and figure[:1].isdigit()) and not (glued_after and figure[-1:].isdigit()):
            return m.start()
    return context.find(figure)


def gold_reference(gold: Gold, text: str) -> Reference:
    ref = Reference(gold.name)

    def span(context: str, part: str | None = None) -> tuple[int, int] | None:
        at = text.find(context)  # page breaks became blank lines: a context holds none
        if at < 0:
            ref.unlocated.append(context[:60])
            return None
        if part is None:
            return at, at + len(context)
        inner = figure_in(context, part)
        return at + inner, at + inner + len(part)

    for f in gold.figures:
        where = span(f.context, f.figure)
        if where:
            shown = f"{f.figure} {f.unit or ''} {f.period} in {f.context[:50]!r}"
            ref.figures.append(
                Figure(
                    *where,
                    value=f.value.normalize() if f.value is not None else None,
                    unit=f.unit,
                    period=period_bounds(f.period),
                    kind=f.kind,
                    metric=frozenset({f.metric} if f.metric else ()),
                    kpis=frozenset(f.kpis),
                    shown=shown,
                )
            )
    for t in gold.traps:
        where = span(t.context, t.what)
        if where:
            ref.traps.append(
                Figure(
                    *where, value=trap_value(t.what), unit=None, period=None, kind="trap", shown=f"{t.what} ({t.why})"
                )
            )
    ref.entities = [Entity(e.type, frozenset(norm_name(n) for n in e.names), e.label) for e in gold.entities]
    for c in gold.claims:
        if where := span(c.context):
            ref.sentences.append(Sentence(*where, c.kind, c.context[:70]))
    for m in gold.missing:
        if where := span(m.context):
            ref.missing.append(Sentence(*where, None, m.context[:70]))
    for i in gold.inconsistencies:
        if where := span(i.context):
            ref.planted.append(Sentence(*where, i.what, f"{i.what}: {i.why}"))
    return ref


def curated_reference(graph: Graph) -> Reference:
    """The bundled report's curated graph as a reference: its figures, entities and claim kinds.

    Its text is the text the draft reads (report.txt is already clean), so its offsets hold."""
    ref = Reference(BUNDLED.name)
    read = GraphReader(graph)
    for f in read.figures():
        ref.figures.append(f)
    ref.entities = read.entities()
    for c in read.claims():
        ref.sentences.append(c)
        if c.kind == "missing":
            ref.missing.append(c)
    ref.sentences = [s for s in ref.sentences if s.kind != "missing"]
    return ref


# --------------------------------------------------------------------------- reading a graph


class GraphReader:
    """A built graph's figures, entities and claims, in the reference's terms.

    Read with rdflib's triple index rather than SPARQL: rdflib's SPARQL engine takes minutes on
    the optional patterns a figure needs over a whole report's graph, its index milliseconds.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.catalogue: dict[object, set[str]] = defaultdict(set)
        for prop in MATCHES:
            for metric, target in graph.subject_objects(prop):
                if str(target).startswith(CATALOGUE):
                    self.catalogue[metric].add(local(target))
        self.kpis: dict[object, set[str]] = defaultdict(set)
        for metric, kpi in graph.subject_objects(CSR.disclosesKPI):
            self.kpis[metric].add(local(kpi))
        for claim, mapping in graph.subject_objects(CSR.hasKPIMapping):
            for kpi in graph.objects(mapping, CSR.kpi):
                self.kpis[claim].add(local(kpi))

    def one(self, subject: object, prop: URIRef) -> object | None:
        return next(iter(sorted(self.graph.objects(subject, prop))), None)  # type: ignore[arg-type]

    def period(self, node: object) -> tuple[str, str] | None:
        """A period node as (first day, last day): an instant, an interval, or its label."""
        if node is None:
            return None
        day = self.one(node, TIME.inXSDDate)
        if day is not None:
            return str(day), str(day)
        first, last = self.one(node, TIME.hasBeginning), self.one(node, TIME.hasEnd)
        if first is not None and last is not None:
            a, b = self.one(first, TIME.inXSDDate), self.one(last, TIME.inXSDDate)
            if a is not None and b is not None:
                return str(a), str(b)
        label = self.one(node, RDFS.label)
        if label is not None and re.fullmatch(r"[\d-]+(?:/[\d-]+)?", str(label)):
            return period_bounds(str(label))
        return None

    def quote(self, claim: object) -> tuple[int, int, str] | None:
        """The claim's quote: code-point offsets and exact text."""
        for target in self.graph.objects(claim, CSR.hasQuote):
            start = end = exact = None
            for selector in self.graph.objects(target, OA.hasSelector):
                if (selector, RDF.type, OA.TextPositionSelector) in self.graph:
                    start, end = self.one(selector, OA.start), self.one(selector, OA.end)
                elif (selector, RDF.type, OA.TextQuoteSelector) in self.graph:
                    exact = self.one(selector, OA.exact)
            if start is not None and end is not None:
                return int(start), int(end), str(exact or "")
        return None

    def figures(self) -> list[Figure]:
        """Whatever is derived from a claim and has a value or a value status: observations,
        changes, targets, whatever class drafting gives them."""
        nodes = {*self.graph.subjects(QUDT.numericValue, None), *self.graph.subjects(CSR.valueStatus, None)}
        found = []
        for node in sorted(nodes):
            # One fact printed twice is one observation with a claim for each printing: each
            # printing is drafted.
            claims = sorted(
                c for c in self.graph.objects(node, PROV.wasDerivedFrom) if (c, RDF.type, CSR.Claim) in self.graph
            )
            for claim in claims:
                quote = self.quote(claim)
                if quote is None:
                    continue
                start, end, exact = quote
                surface = str(self.one(node, CSR.surfaceForm) or "")
                printed = [m.start() for m in re.finditer(rf"(?<![\d.,]){re.escape(surface)}(?![\d]|[.,]\d)", exact)]
                if surface and len(printed) == 1:  # else the figure is somewhere in its quote
                    start += printed[0]
                    end = start + len(surface)
                types = {local(t) for t in self.graph.objects(node, RDF.type)}
                if "MetricChange" in types:
                    kind = "change"
                elif any("Target" in t for t in types) or local(self.one(claim, CSR.claimKind)) == "commitment":
                    kind = "target"
                else:
                    kind = "level"
                metric = self.one(node, CSR.metric) or self.one(node, CSR.changeOf)
                catalogue = set(self.catalogue.get(metric, ()))
                if metric is not None and str(metric).startswith(CATALOGUE):
                    catalogue.add(local(metric))
                value, unit = self.one(node, QUDT.numericValue), self.one(node, QUDT.unit)
                period = self.period(self.one(node, TIME.hasTime))
                shown = " ".join(exact.split())[:50]
                found.append(
                    Figure(
                        start,
                        end,
                        value=number(value) if value is not None else None,
                        unit=local(unit) if unit is not None else None,
                        period=period,
                        kind=kind,
                        metric=frozenset(catalogue),
                        kpis=frozenset(self.kpis.get(metric, set()) | self.kpis.get(claim, set())),
                        shown=f"{surface} {local(unit) if unit else ''} {_period_key(period)} in {shown!r}",
                    )
                )
        return found

    def entities(self) -> list[Entity]:
        """Instances of the entity classes of ontology/csr.ttl, by sheet type, with their names."""
        found = []
        for entity_type in type_table().entity_types.values():
            for node in sorted(set(self.graph.subjects(RDF.type, entity_type.cls))):
                names = [*self.graph.objects(node, RDFS.label), *self.graph.objects(node, SKOS.altLabel)]
                english = sorted(str(n) for n in names if isinstance(n, Literal) and n.language == "en")
                found.append(
                    Entity(entity_type.name, frozenset(norm_name(str(n)) for n in names), (english or [local(node)])[0])
                )
        return found

    def claims(self) -> list[Sentence]:
        """Claims with their quotes and kinds; a claim announcing a missing figure has kind "missing"."""
        found = []
        for claim in sorted(set(self.graph.subjects(RDF.type, CSR.Claim))):
            quote = self.quote(claim)
            if quote is None:
                continue
            missing = any(v.toPython() is True for v in self.graph.objects(claim, CSR.valueMissing))
            kind = self.one(claim, CSR.claimKind)
            shown = " ".join(quote[2].split())[:70]
            found.append(Sentence(quote[0], quote[1], "missing" if missing else (local(kind) if kind else None), shown))
        return found


# --------------------------------------------------------------------------- scoring


def overlaps(a: Figure | Sentence, b: Figure | Sentence) -> bool:
    return a.start < b.end and b.start < a.end


def same_value(ref: Figure, got: Figure) -> bool:
    if ref.value is None or got.value is None:
        return False
    signless = {"change", "target"} & {ref.kind, got.kind}  # "reduce by 5%": the words carry the direction
    return abs(ref.value) == abs(got.value) if signless else ref.value == got.value


@dataclass
class Score:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += ok
        self.total += 1

    def __str__(self) -> str:
        if not self.total:
            return "-"
        return f"{100 * self.hits / self.total:5.1f}% ({self.hits}/{self.total})"


@dataclass
class Result:
    name: str
    scores: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    kinds: Counter[tuple[str, str]] = field(default_factory=Counter)  # (reference kind, drafted kind) per sentence

    def score(self, key: str, ok: bool, miss: str | None = None) -> None:
        self.scores[key].add(ok)
        if not ok and miss is not None:
            self.misses[key].append(miss)


def score_figures(ref: Reference, got: list[Figure], result: Result) -> None:
    valued = [g for g in got if g.value is not None]
    used: set[int] = set()
    right_total = 0
    for r in ref.figures:
        if r.value is None:
            hit = any(g.value is None and overlaps(r, g) and g.period == r.period for g in got)
            result.score("not-disclosed cells marked", hit, r.shown)
            continue
        candidates = [i for i, g in enumerate(valued) if i not in used and overlaps(r, g) and same_value(r, g)]
        candidates.sort(key=lambda i: (valued[i].unit != r.unit, valued[i].period != r.period))
        g = valued[candidates[0]] if candidates else None
        right = g is not None and g.unit == r.unit and g.period == r.period
        if g is not None:
            used.add(candidates[0])
        why = "not drafted" if g is None else f"drafted as {g.shown.strip()}"
        result.score("observation recall (value, unit, period)", right, f"{r.shown} -- {why}")
        right_total += right
        if g is not None:
            result.score("kind right (of figures found)", g.kind == r.kind, f"{r.shown}: {g.kind}, not {r.kind}")
        if r.metric:
            result.score(
                "catalogue metric right",
                g is not None and bool(g.metric & r.metric),
                f"{r.shown}: {sorted(g.metric) if g else '-'}",
            )
        if r.kpis:
            result.score(
                "KPI mapping right",
                g is not None and g.kpis == r.kpis,
                f"{r.shown}: {sorted(g.kpis) if g else '-'}, not {sorted(r.kpis)}",
            )
    for i, g in enumerate(valued):
        result.score("observation precision", i in used and _right_for(g, ref), f"{g.shown.strip()}")
    for t in ref.traps:
        drafted = any(overlaps(t, g) and g.value == t.value for g in valued if not _is_reference(g, ref))
        result.score("traps left alone", not drafted, t.shown)


def _is_reference(g: Figure, ref: Reference) -> bool:
    return any(overlaps(r, g) and same_value(r, g) for r in ref.figures)


def _right_for(g: Figure, ref: Reference) -> bool:
    return any(overlaps(r, g) and same_value(r, g) and g.unit == r.unit and g.period == r.period for r in ref.figures)


def score_entities(ref: Reference, got: list[Entity], result: Result) -> None:
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for g in got:
        by_type[g.type].append(g)
    for r in ref.entities:
        hit = any(g.names & r.names for g in by_type[r.type])
        result.score(f"entity recall: {r.type}", hit, r.shown)
        result.score("entity recall", hit, f"{r.type} {r.shown}")
    ref_names: dict[str, set[str]] = defaultdict(set)
    for r in ref.entities:
        ref_names[r.type] |= r.names
    for g in got:
        ok = bool(g.names & ref_names[g.type])
        result.score("entity precision", ok, f"{g.type} {g.shown}")
        result.score(f"entity precision: {g.type}", ok, g.shown)


def score_claims(ref: Reference, got: list[Sentence], result: Result) -> None:
    claims = [c for c in got if c.kind != "missing"]
    for s in ref.sentences:
        covering = [c for c in claims if overlaps(s, c)]
        if s.kind is None:
            company = [c for c in covering if c.kind is not None]
            result.kinds[(NO_CLAIM, str(company[0].kind) if company else NO_CLAIM)] += 1
            result.score("claim kind right", not company, f"{s.shown!r}: drafted as a claim, it is about the report")
            continue
        best = max(covering, key=lambda c: min(c.end, s.end) - max(c.start, s.start), default=None)
        result.kinds[(s.kind, str(best.kind) if best else "-")] += 1
        result.score("sentences drafted as claims", best is not None, s.shown)
        result.score(
            "claim kind right",
            best is not None and best.kind == s.kind,
            f"{s.shown!r}: {best.kind if best else '-'}, not {s.kind}",
        )
    for m in ref.missing:
        result.score(
            "announced figures drafted as missing", any(c.kind == "missing" and overlaps(m, c) for c in got), m.shown
        )


def confusion(result: Result) -> str:
    """Which kind was drafted for which reference kind: one row per reference kind, most sentences first.

    ``none`` is a statement about the report itself (no claim), ``-`` a sentence no drafted claim covers.
    """
    wanted = Counter(want for want, _ in result.kinds.elements())
    columns = Counter(got for _, got in result.kinds.elements())
    drafted = sorted(columns, key=lambda k: (-columns[k], k))
    width = max([len(k) for k in (*wanted, *drafted)] + [4])
    out = [f"claim kinds, reference (rows) by drafted (columns), {result.name}:"]
    out.append(" " * width + " | " + " ".join(k[:5].rjust(5) for k in drafted) + " | right")
    for want, total in sorted(wanted.items(), key=lambda item: (-item[1], item[0])):
        cells = " ".join(str(result.kinds[(want, got)] or ".").rjust(5) for got in drafted)
        out.append(f"{want.ljust(width)} | {cells} | {result.kinds[(want, want)]}/{total}")
    return "\n".join(out)


def score_validation(ref: Reference, findings: list[dict], text: str, result: Result) -> None:
    """Score the planted faults the consistency checks found and, the other way round, the
    checks' findings that are planted faults: a gold report is consistent but for its planted
    faults, so any other finding of those checks is a false alarm a curator has to clear."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    alarms: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for finding in findings:
        check = CHECK_SHAPES.get(local(finding.get("shape", "")))
        quote = (finding.get("evidence") or {}).get("quote")
        if check and quote:
            found = [m.span() for m in re.finditer(re.escape(quote), text)]
            spans[check] += found
            alarms[(check, quote)] = found
    for p in ref.planted:
        hit = any(a < p.end and p.start < b for a, b in spans[p.kind or ""])
        result.score("planted inconsistencies found", hit, p.shown)
    for (check, quote), found in sorted(alarms.items()):
        planted = any(p.kind == check and a < p.end and p.start < b for p in ref.planted for a, b in found)
        result.score("consistency findings on a planted fault", planted, f"{check}: {quote[:120]!r}")


# --------------------------------------------------------------------------- running the CLI


def run(args: list[str], result: Result, step: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, env=_env())
    result.seconds[step] = time.perf_counter() - start
    if done.returncode not in ok:
        result.notes.append(f"{step} failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
    return done


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(ROOT)}


def draft_and_build(
    ref_source: Path, company: str, year: int, standard: str, out: Path, result: Result
) -> Graph | None:
    folder = out / "draft"
    drafted = run(
        [
            "draft",
            str(ref_source),
            "--out",
            str(folder),
            "--company",
            company,
            "--year",
            str(year),
            "--standard",
            standard,
        ],
        result,
        "draft",
    )
    if drafted.returncode:
        return None
    built = run(["build", str(folder), "--out", str(folder / "kg.ttl"), "-q"], result, "build")
    if built.returncode:
        return None
    return Graph().parse(folder / "kg.ttl")


def evaluate(
    ref_for: Callable[[str], Reference], source: Path, company: str, year: int, standard: str, name: str
) -> Result:
    """Draft, build and validate ``source`` through the command line, and score the graph against
    the reference ``ref_for`` makes from the drafted text."""
    result = Result(name)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        graph = draft_and_build(source, company, year, standard, out, result)
        if graph is None:
            return result
        text = (out / "draft" / "report.txt").read_text(encoding="utf-8")
        ref = ref_for(text)
        result.notes += [f"context not found in the drafted text: {c!r}" for c in ref.unlocated]
        validated = run(["validate", str(out / "draft" / "kg.ttl"), "-f", "json"], result, "validate", ok=(0, 1))
        findings = json.loads(validated.stdout).get("results", []) if validated.stdout.strip() else []
        result.notes.append(
            "findings: "
            + ", ".join(f"{k} {v}" for k, v in sorted(Counter(local(f["shape"]) for f in findings).items()))
        )
        read = GraphReader(graph)
        score_figures(ref, read.figures(), result)
        score_entities(ref, read.entities(), result)
        score_claims(ref, read.claims(), result)
        score_validation(ref, findings, text, result)
    print(f"{name}: scored", file=sys.stderr, flush=True)
    return result


def curated() -> Graph:
    """The bundled report built from its curated sheets."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "curated.ttl"
        subprocess.run(
            [sys.executable, "-m", "kg", "build", str(BUNDLED), "--out", str(out), "-q"],
            check=True,
            cwd=ROOT,
            env=_env(),
            capture_output=True,
        )
        return Graph().parse(out)


# --------------------------------------------------------------------------- speed


def long_text(golds: list[Gold], pages: int) -> str:
    """A ``pages``-page form-fed text made of the held-out reports' pages, 30 lines a page."""
    lines = [line for gold in golds for line in gold.text.replace("\f", "\n").splitlines() if line.strip()]
    per_page = 30
    chunks = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    return "\f".join("\n".join(chunks[i % len(chunks)]) for i in range(pages)) + "\n"


def long_pdf(text: str, path: Path) -> Path:
    from tests.support.pdfs import Para, Spec, Table, write_pdf

    pages = []
    for page in text.split("\f"):
        blocks: list = []
        rows: list[tuple[str, ...]] = []
        for line in page.splitlines():
            if "\t" in line:
                rows.append(tuple(line.split("\t")))
                continue
            if rows:
                blocks.append(Table(tuple(rows)))
                rows = []
            blocks.append(Para(line))
        if rows:
            blocks.append(Table(tuple(rows)))
        pages.append(tuple(blocks))
    return write_pdf(Spec(pages=tuple(pages), header="Held-out sample report 2022"), path)


def speed(golds: list[Gold], pages: int) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        text_path = out / "long.txt"
        text_path.write_text(long_text(golds, pages), encoding="utf-8")
        pdf_path = long_pdf(text_path.read_text(encoding="utf-8"), out / "long.pdf")
        for source in (text_path, pdf_path):
            result = Result(source.name)
            target = out / source.suffix.strip(".")
            graph = draft_and_build(source, "Held-out Sample Limited", 2022, "hkex-esg-guide-2020", target, result)
            triples = len(graph) if graph is not None else 0
            lines.append(
                f"{pages}-page {source.suffix[1:]}: draft {result.seconds.get('draft', 0):.2f} s, build "
                f"{result.seconds.get('build', 0):.2f} s, end to end {sum(result.seconds.values()):.2f} s "
                f"({triples} triples){'; ' + '; '.join(result.notes) if result.notes else ''}"
            )
    return lines


# --------------------------------------------------------------------------- output


ORDER = (
    "observation recall (value, unit, period)",
    "observation precision",
    "kind right (of figures found)",
    "catalogue metric right",
    "KPI mapping right",
    "not-disclosed cells marked",
    "traps left alone",
    "announced figures drafted as missing",
    "entity recall",
    "entity precision",
    "sentences drafted as claims",
    "claim kind right",
    "planted inconsistencies found",
    "consistency findings on a planted fault",
)


def table(results: list[Result]) -> str:
    names = [r.name for r in results]
    widths = [max(len(n), 18) for n in names]
    out = ["| measure | " + " | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)) + " |"]
    out.append("|---|" + "|".join("-" * (w + 2) for w in widths) + "|")
    keys = list(ORDER) + sorted({k for r in results for k in r.scores if k.startswith("entity ") and ":" in k})
    for key in keys:
        cells = [str(r.scores[key]) if key in r.scores else "-" for r in results]
        out.append(f"| {key} | " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |")
    for step in ("draft", "build", "validate"):
        cells = [f"{r.seconds[step]:.2f} s" if step in r.seconds else "-" for r in results]
        out.append(f"| {step} time | " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=5, help="misses shown per category and report")
    parser.add_argument("--only", nargs="*", default=None, help="report names (held-out folders, xiaomi-2019)")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument(
        "--acceptance-misses",
        action="store_true",
        help="also list the misses on acceptance fixtures (read them only to record figures: a rule "
        "changed after reading them makes the fixture a development one)",
    )
    args = parser.parse_args()
    golds = heldout_reports()
    results = []
    for gold in golds:
        if args.only is None or gold.name in args.only:
            results.append(
                evaluate(
                    lambda text, g=gold: gold_reference(g, text),
                    gold.folder / "report.txt",
                    gold.company,
                    gold.year,
                    gold.standard,
                    f"{gold.name} ({'acceptance' if gold.acceptance else 'development'})",
                )
            )
    if args.only is None or "xiaomi-2019" in args.only:
        reference = curated()
        meta = yaml.safe_load((BUNDLED / "report.yaml").read_text(encoding="utf-8"))
        publisher = next(reference.objects(None, DCTERMS.publisher))
        company = str(reference.value(publisher, RDFS.label))
        results.append(
            evaluate(
                lambda text: curated_reference(reference),
                BUNDLED / "report.txt",
                company,
                int(meta["year"]),
                meta["standard"],
                f"{meta['id']} (curated)",
            )
        )
    print(table(results))
    for r in results:
        print(f"\n## {r.name}")
        for note in r.notes:
            print(f"note: {note}")
        if r.name.endswith("(acceptance)") and not args.acceptance_misses:
            print("misses not listed on an acceptance fixture (--acceptance-misses lists them)")
            continue
        if r.kinds:
            print(confusion(r))
        for key in [*ORDER, *sorted(k for k in r.misses if k not in ORDER)]:
            misses = r.misses.get(key)
            if misses and ":" not in key:
                shown = "; ".join(misses[: args.misses])
                print(f"misses, {key} ({len(misses)}): {shown}")
    if not args.no_speed:
        print()
        for line in speed(golds, args.pages):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
