"""Turn a report folder (text, metadata, claim sheets) into checked claims.

This is where traceability is enforced. A build fails, naming the sheet file and line, when a
quote is not verbatim in the text, when a figure is not a quantity printed inside its quote,
when an id is duplicated or a reference, kind, unit, code or SDG is unknown. Tables the text
holds (figure tables, the stakeholder table, the awards table) become claims here as well, with
the table row as their quote; a figure-table cell that cannot be an observation (unknown unit,
unknown period ...) is kept with its reason for ``coverage``, never dropped.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from pathlib import Path, PurePosixPath, PureWindowsPath

from kg.drafting.places import region_names
from kg.ingest import figure_tables, row_units, table_links, tables, target_columns
from kg.ingest.companies import company_nodes
from kg.ingest.corrections import apply_corrections
from kg.ingest.definitions import Definitions, report_definitions
from kg.ingest.equivalent_ratios import equivalent_ratio
from kg.ingest.label_intensity import per_label_unit
from kg.ingest.mass_basis import mark_co2e
from kg.ingest.model import (
    Channel,
    Claim,
    Expectation,
    Footnote,
    Observation,
    Period,
    Report,
    Superseded,
    TableSummary,
    Uncovered,
)
from kg.ingest.panel_cells import highlight_panels
from kg.ingest.quantities import QUALIFIERS, Mention, Recogniser
from kg.ingest.row_notes import attach_table_notes, label_boundary
from kg.ingest.sheet import (
    DRAFTED_SHEET,
    ClaimSpec,
    EntitySpec,
    InputError,
    MetricSpec,
    Sheet,
    StakeholderRowSpec,
    read_meta,
    read_sheets,
)
from kg.ingest.sheet_errors import suggest
from kg.ingest.table_cells import (
    RATIO_MARK,
    CellUnit,
    UnknownUnit,
    as_at_day,
    as_printed,
    caption_time_unit,
    column_period,
    counted,
    counted_unit_cell,
    dimensionless,
    figure_value,
    is_flow,
    resolve_unit,
)
from kg.ingest.text import ReportText
from kg.rdf.iris import Minter
from kg.vocab.catalogue import broader_metrics, match_metric
from kg.vocab.names import slugify
from kg.vocab.ontology import DEFAULT_STANDARD, vocabulary
from kg.vocab.units import load_units

_INTENSITY = re.compile(r"\bintensit(?:y|ies)\b", re.I)
# What a rate is per, as its label names it: "per million tonnes of raw coal".
_PER = re.compile(r"\bper\s+\S.*$", re.I)
# Where a note's sentence ends: its rate is read a sentence at a time.
_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
# A row label naming a figure that does not add up across sites: a rate, an average, a ratio.
_NOT_ADDITIVE = re.compile(r"\b(?:rates?|average|mean|median|ratios?|intensit(?:y|ies)|per|share|proportion)\b", re.I)
_AVERAGE = re.compile(r"^(?:average|mean|median)\b", re.I)
# A measure column that only says it counts ("Number", "No.", "Count"): what it counts the caption names.
_BARE_COUNT = re.compile(r"^(?:number|no\.?|count|headcount)$", re.I)
# The years a caption's title ends with ("Suppliers by region, FY2023", "Energy use, 2019 to
# 2023", "Staff in 2023"): when the figures are of, not what they measure.
_CAPTION_YEAR = r"(?:FY\s?\d\d|(?:FY\s?)?(?:19|20)\d\d)(?:/\d\d(?:\d\d)?)?"
_CAPTION_YEARS = re.compile(
    rf",?\s+(?:(?:in|for|of)\s+)?{_CAPTION_YEAR}(?:\s*(?:to|-|–)\s*{_CAPTION_YEAR})?$",
    re.I,
)


def _q(value: str) -> str:
    """A value quoted for a message, cut short: a megabyte-long bad value must not become the message."""
    return repr(value) if len(value) <= 80 else f"{value[:60]!r}... ({len(value)} characters)"


def load_report(folder: Path) -> Report:
    """Load and check one report folder."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a report folder")
    meta = read_meta(folder)
    text = ReportText.read(text_path(folder, meta.text, meta.line))
    report = Report(meta=meta, text=text)
    if meta.sector is not None:
        report.origins["sector"] = f"{folder / 'report.yaml'}:{meta.sector.line}"
    vocab = vocabulary()
    if meta.standard is not None and meta.standard not in vocab.guides:
        known = ", ".join(sorted(vocab.guides))
        raise InputError(f"{folder / 'report.yaml'}:{meta.line}: unknown standard {_q(meta.standard)} (known: {known})")
    sheets = read_sheets(folder)
    loader = _Loader(report, folder)
    # Curated definitions first, so that a drafted one of the same id gives way to them.
    for path, sheet in sorted(sheets, key=lambda item: is_drafted_sheet(item[0])):
        loader.add_definitions(path, sheet)
    loader.add_tables(sheets)
    drafted: list[tuple[Path, ClaimSpec]] = []
    for path, sheet in sheets:
        for spec in sheet.claims:
            if is_drafted_sheet(path) and spec.review == "drafted":
                drafted.append((path, spec))
            else:
                loader.add_claim(path, spec)
        for note in sheet.uncovered:
            loader.add_uncovered(path, note.line, note.context, note.reason)
    loader.add_drafted_claims(drafted)
    loader.link_stated_denominators()
    attach_table_notes(report, loader.figure_tables, [(p, spec) for p, s in sheets for spec in s.table_notes])
    mark_co2e(report)
    apply_corrections(report, [(p, spec) for p, s in sheets for spec in s.corrections])
    loader.check_references()
    return report


def is_drafted_sheet(path: Path) -> bool:
    """Whether ``path`` is the sheet ``csrkg draft`` writes (every other sheet is a curator's)."""
    return path.name == DRAFTED_SHEET


def _overlapping(spans: list[tuple[int, int, str]], start: int, end: int) -> tuple[str, ...]:
    """The ids of the claims among ``spans`` (start, end, id) whose text overlaps ``start``-``end``."""
    return tuple(ident for s, e, ident in spans if s < end and start < e)


def text_path(folder: Path, name: str, line: int) -> Path:
    """``folder / name`` for a relative path that stays inside the report folder.

    ``text`` in report.yaml names a file of the folder; an absolute path or one with ``..``
    would let a report folder pull any readable file of the machine into the published graph.
    """
    rel = PurePosixPath(name.replace("\\", "/"))
    if not name or rel.is_absolute() or ".." in rel.parts or PureWindowsPath(name).drive:
        raise InputError(
            f"{folder / 'report.yaml'}:{line}: text {_q(name)} is not a file name inside the report folder"
        )
    return folder / rel


# A caption's breakdowns and what it says in parentheses after its measure: "Staff by gender and
# grade (as at 30 June)" measures "Staff".
_CAPTION_TAIL = re.compile(r"\s+by\s+\S.*$|\s*\([^()]*\)\s*$", re.I)


def caption_measure(caption: str | None) -> str | None:
    """The measure a caption names before its breakdowns and parentheses ("Staff" of "Staff by
    gender and grade (as at 30 June)"), or None when it prints none of them: rows of such a
    table ("Female", "Under 30") are groups of that measure, which the whole caption, with the
    breakdowns it lists, names no metric of."""
    if caption is None:
        return None
    measure = caption
    while (cut := _CAPTION_TAIL.sub("", measure)) != measure:
        measure = cut
    return measure if measure and measure != caption else None


def header_title(table: figure_tables.FigureTable) -> str | None:
    """The header's first cell when it is words, not a year ("Employee turnover rate" of
    "Employee turnover rate<TAB>2023<TAB>2024<TAB>Unit"): what a table whose header names its
    measure there, and no caption above, measures; its rows ("Overall", "Under 30") name only a
    part of it."""
    if table.header is None:
        return None
    first = re.split(r"\t| {2,}", table.header.text.strip())[0].strip()
    return first if re.search(r"[A-Za-z]{3}", first) and not re.search(r"(?:19|20)\d\d", first) else None


class _Loader:
    def __init__(self, report: Report, folder: Path) -> None:
        self.report = report
        self.folder = folder
        # The metrics csrkg draft named from sentences (claims/drafted.yaml): no table row's own.
        self.prose_metrics: set[str] = set()
        self.units = load_units(folder)
        report.units = self.units
        self.recogniser = Recogniser(self.units.lexicon)
        # The text's quantities, and their order by start, to find those inside a span without
        # scanning them all (once per claim, that scan was quadratic in the size of the report).
        # They are read in the prose view, where a figure a line break cut ("RMB 14.63\nbillion") is one.
        prose = report.text.prose
        quantities = [prose.original_mention(m) for m in self.recogniser.mentions(prose.text) if m.kind == "quantity"]
        self._by_start = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
        self._starts = [quantities[i].start for i in self._by_start]
        self._quantities = quantities
        self.vocab = vocabulary()
        self.codes = self.vocab.codes(report.meta.standard)
        self.origins = report.origins  # "kind:id" -> where it was defined
        self.labels: dict[str, str] = {}
        self.figure_tables: list[figure_tables.FigureTable] = []
        # Metrics without figures that intensities per the same thing divide by (see
        # _denominator), with the unit they are in: the report may state one in its prose.
        self.shared_denominators: dict[str, str] = {}
        # The unit each metric the table reader drafted was first printed in (see _row_metric).
        self.row_units: dict[str, str | None] = {}

    def quantities_within(self, start: int, end: int) -> list[Mention]:
        """The quantity mentions that lie inside ``start``-``end``, in the text's order."""
        found = self._by_start[bisect_left(self._starts, start) : bisect_right(self._starts, end)]
        return [self._quantities[i] for i in sorted(found) if self._quantities[i].end <= end]

    # ------------------------------------------------------------ definitions

    def _define(self, kind: str, ident: str, where: str) -> None:
        key = f"{kind}:{ident}"
        if key in self.origins:
            raise InputError(f"{where}: duplicate {kind} id {_q(ident)} (first defined at {self.origins[key]})")
        self.origins[key] = where

    def add_definitions(self, path: Path, sheet: Sheet) -> None:
        """The entities and metrics of a sheet; in the drafted sheet, one a curated sheet already
        defines is left out (the curated definition wins) and counted in ``report.shadowed``."""
        drafted = is_drafted_sheet(path)
        for entity in sheet.entities:
            if drafted and self._curated(f"entity:{entity.id}"):
                self.report.shadowed.append(f"entity:{entity.id}")
                continue
            self._add_entity(entity, f"{path}:{entity.line}")
        for metric in sheet.metrics:
            if drafted and self._curated(f"metric:{metric.id}"):
                self.report.shadowed.append(f"metric:{metric.id}")
                continue
            self._define("metric", metric.id, f"{path}:{metric.line}")
            self._check_codes(metric.kpis, f"{path}:{metric.line}")
            self.report.metrics[metric.id] = metric
            if drafted:
                self.prose_metrics.add(metric.id)

    def _add_entity(self, entity: EntitySpec, where: str) -> None:
        self._define("entity", entity.id, where)
        self._check_codes(entity.aspects, where)
        self.report.entities[entity.id] = entity
        for label in (entity.label, *entity.alt_labels):
            self.labels.setdefault(label, entity.id)

    def _curated(self, key: str) -> bool:
        """Whether ``key`` ("kind:id") is defined already, by a sheet other than the drafted one."""
        where = self.origins.get(key)
        return where is not None and not is_drafted_sheet(Path(where.rpartition(":")[0]))

    def _check_codes(self, codes: tuple[str, ...], where: str) -> None:
        for code in codes:
            if code not in self.codes:
                guide = self.report.meta.standard or DEFAULT_STANDARD
                raise InputError(f"{where}: unknown reporting-guide code {_q(code)} (not in {guide})")

    def _entity_for(self, label: str, type_: str, where: str) -> str:
        """The entity a table cell names: a defined one by label, or a new one from the label."""
        if label in self.labels:
            return self.labels[label]
        ident = slugify(label)
        if ident not in self.report.entities:
            self._add_entity(EntitySpec(id=ident, type=type_, label=label), where)
        return ident

    # ------------------------------------------------------------ claims

    def add_claim(self, path: Path, spec: ClaimSpec) -> None:
        claim = self._claim(path, spec)
        self.report.claims[claim.id] = claim

    def add_drafted_claims(self, specs: list[tuple[Path, ClaimSpec]]) -> None:
        """The drafter's claims, checked as any claim; one whose quote overlaps the quote of a
        claim of a curated sheet (or one a person reviewed) is left out, in ``report.superseded``."""
        curated = sorted(
            (c.anchor.start, c.anchor.end, c.id)
            for c in self.report.claims.values()
            if not c.origin.startswith("table:")
        )
        for path, spec in specs:
            claim = self._claim(path, spec)
            winners = _overlapping(curated, claim.anchor.start, claim.anchor.end)
            if winners:
                self.report.superseded.append(Superseded(claim, winners))
            else:
                self.report.claims[claim.id] = claim

    def _claim(self, path: Path, spec: ClaimSpec) -> Claim:
        where = f"{path}:{spec.line}"
        self._define("claim", spec.id, where)
        if spec.kind not in self.vocab.kinds:
            known = ", ".join(sorted(self.vocab.kinds))
            hint = suggest(spec.kind, self.vocab.kinds)
            raise InputError(f"{where}: claim {spec.id}: unknown kind {_q(spec.kind)} (known: {known}){hint}")
        try:
            anchor = self.report.text.anchor(spec.quote, spec.section, spec.occurrence)
        except (LookupError, KeyError) as exc:
            raise InputError(f"{where}: claim {spec.id}: {exc.args[0]}") from None
        subject = spec.subject or self.report.meta.company
        in_quote = self.quantities_within(anchor.start, anchor.end)
        observations = []
        used: set[int] = set()
        for obs in spec.observations:
            owhere = f"{path}:{obs.line}"
            mention = self._figure(in_quote, used, obs.figure, f"{owhere}: claim {spec.id}")
            unit = mention.unit or obs.unit or "NUM"
            if mention.unit and obs.unit and obs.unit != mention.unit:
                raise InputError(
                    f"{owhere}: claim {spec.id}: unit {_q(obs.unit)} contradicts the "
                    f"printed unit of {_q(obs.figure)} ({mention.unit})"
                )
            self._unit(unit, f"{owhere}: claim {spec.id}: figure {_q(obs.figure)}")
            if obs.kind == "value" and (obs.baseline or obs.direction):
                raise InputError(f"{owhere}: claim {spec.id}: baseline and direction are for a change or a target")
            observations.append(
                Observation(
                    metric=obs.metric,
                    value=-mention.value if obs.direction == "decrease" else mention.value,
                    precision=mention.precision,
                    unit=unit,
                    surface=mention.surface,
                    qualifier=mention.qualifier,
                    period=self._period(obs.period),
                    boundary=obs.boundary,
                    subject=obs.subject or subject,
                    start=mention.start,
                    end=mention.end,
                    recipient=obs.recipient,
                    kind=obs.kind,
                    baseline=self._period(obs.baseline) if obs.baseline else None,
                )
            )
            if obs.recipient is not None and obs.recipient == (obs.subject or subject):
                raise InputError(
                    f"{owhere}: claim {spec.id}: figure {_q(obs.figure)}: recipient {_q(obs.recipient)} "
                    "is also the giver (the observation's subject); name the giver as subject"
                )
        if spec.kind == "quantitative" and not observations and spec.missing_figure is None:
            raise InputError(f"{where}: claim {spec.id}: a quantitative claim needs observations or missing_figure")
        self._check_codes(spec.kpis, where)
        for sdg in spec.sdgs:
            if sdg.basis == "inferred" and not (sdg.rationale or "").strip():
                raise InputError(f"{path}:{sdg.line}: claim {spec.id}: an inferred SDG link needs a rationale")
        links = []
        for prop, targets in sorted(spec.links.items()):
            if prop not in self.vocab.links:
                known = ", ".join(sorted(self.vocab.links))
                hint = suggest(prop, self.vocab.links)
                raise InputError(f"{where}: claim {spec.id}: unknown link {_q(prop)} (known: {known}){hint}")
            links.extend((prop, target) for target in targets)
        return Claim(
            id=spec.id,
            kind=spec.kind,
            anchor=anchor,
            quote=spec.quote,
            subject=subject,
            origin=where,
            about=spec.about,
            links=tuple(links),
            observations=tuple(observations),
            missing_metric=spec.missing_figure,
            kpis=spec.kpis,
            sdgs=spec.sdgs,
            review=spec.review,
        )

    def _figure(self, mentions: list[Mention], used: set[int], figure: str, where: str) -> Mention:
        for mention in mentions:
            if mention.start in used:
                continue
            for reading in (mention, mention.per_head):
                if reading is not None and reading.surface == figure:
                    used.add(mention.start)
                    return reading
        printed = ", ".join(_q(m.surface) for m in mentions) or "none"
        raise InputError(f"{where}: figure {_q(figure)} is not a quantity printed in the quote (printed: {printed})")

    def _unit(self, key: str, where: str) -> None:
        try:
            self.units.iri(key)
        except KeyError as exc:
            raise InputError(f"{where}: {exc.args[0]}") from None

    def _period(self, value: str | None) -> Period:
        """The period of an observation (checked by the sheet schema); by default the report year."""
        if value is None:
            return Period(str(self.report.meta.year))
        start, _, end = value.partition("/")
        return Period(start, end or None)

    def add_uncovered(self, path: Path, line: int, context: str, reason: str) -> None:
        where = f"{path}:{line}"
        at = self.report.text.text.find(context)
        if at == -1:
            raise InputError(f"{where}: uncovered context not found verbatim: {context[:60]!r}")
        end = at + len(context)
        inside = self.quantities_within(at, end)
        if not inside:
            raise InputError(f"{where}: uncovered context holds no quantity: {context[:60]!r}")
        self.report.uncovered.extend(Uncovered(m.start, m.end, reason) for m in inside)

    # ------------------------------------------------------------ tables

    def add_tables(self, sheets: list[tuple[Path, Sheet]]) -> None:
        text = self.report.text
        source = str(text.path)
        self._kpi_claims(source)
        row_specs: dict[str, tuple[str, StakeholderRowSpec]] = {}
        issue_map: dict[str, str] = {}
        for path, sheet in sheets:
            for row in sheet.stakeholder_table:
                row_specs[row.group] = (f"{path}:{row.line}", row)
            issue_map.update(sheet.expectation_issues)
        self._stakeholder_claims(source, row_specs, issue_map)
        self._award_claims(source)
        self._unread_blocks()

    def _unread_blocks(self) -> None:
        """Runs of three or more table-like lines that no table reader read: a warning, not silence."""
        text = self.report.text.table_text
        read: set[int] = set()
        for claim in self.report.claims.values():
            if claim.origin.startswith("table:"):
                first = text.count("\n", 0, claim.anchor.start) + 1
                # The line above a table's first row is its header.
                read.update(range(first - 1, text.count("\n", 0, claim.anchor.end) + 2))
        for first, last in figure_tables.table_like_blocks(text):
            run: list[int] = []
            for n in [*range(first, last + 1), None]:
                if n is not None and n not in read:
                    run.append(n)
                    continue
                if len(run) >= 3:
                    self.report.unread_blocks.append((run[0], run[-1]))
                run = []

    def _table_claim(
        self,
        ident: str,
        kind: str,
        span: tuple[int, int],
        subject: str,
        origin: str,
        *,
        about: tuple[str, ...] = (),
        links: tuple[tuple[str, str], ...] = (),
        observations: tuple[Observation, ...] = (),
        kpis: tuple[str, ...] = (),
        boundary_total: int | None = None,
    ) -> None:
        """A claim whose quote is a table row the table readers found at ``span``; ``boundary_total``
        the index of its observation that totals its figures at named boundaries (a site table's
        total column)."""
        self._define("claim", ident, origin)
        start, end = span
        if refused := self.report.text.refusal(start, end):
            raise InputError(f"{self.report.text.path}: {origin}: claim {ident}: {refused}")
        self.report.claims[ident] = Claim(
            id=ident,
            kind=kind,
            anchor=self.report.text.span(start, end),
            quote=self.report.text.text[start:end],
            subject=subject,
            origin=origin,
            about=about,
            links=links,
            observations=observations,
            kpis=kpis,
            boundary_total=boundary_total,
        )

    def _summary(self, kind: str, rows: list[tuple[int, int]]) -> None:
        """Count a table read by rows of (start offset, cells)."""
        if rows:
            line = self.report.text.text.count("\n", 0, rows[0][0])  # the header line, above the first row
            self.report.tables.append(TableSummary(kind, line, len(rows), sum(n for _, n in rows), 0))

    def _kpi_claims(self, source: str) -> None:
        """Claims of the figure tables: one per row, quoting the row, one observation per cell."""
        text = self.report.text.table_text
        panels = highlight_panels(text, self._is_unit, self.report.meta.year)
        self.figure_tables = sorted([*figure_tables.figure_tables(text), *panels], key=lambda t: t.start)
        read: list[tuple[figure_tables.FigureTable, list[str], list[str | None]]] = []
        for table in self.figure_tables:
            table.rows = _mixed_parts(_place_parts([self._unit_headed(self._sectioned(row)) for row in table.rows]))
            unread = list(table.unread)
            measured = any(c.kind == "measure" for c in table.columns)
            metrics: list[str] = []
            row_units: list[str | None] = []
            for row in table.rows:
                where = f"{source}: KPI table row {_q(row.label)}"
                name, unit, error = self._row_unit(row)
                printed = unit.key if unit else None
                if measured:  # a metric per column, named in the header (see _measure_metric)
                    first = next(c for c in table.columns if c.kind == "measure")  # not a unit column before it
                    metrics.append(self._measure_metric(table, row, first, where, unit, error))
                else:
                    printed = self._printed_unit(table, row, unit, error)
                    metrics.append(self._row_metric(table, row, name, printed, metrics, where))
                # The unit its figures are read in, the header's too ("Energy (MWh)" over "Total
                # energy consumption"): what intensities divide and totals sum is met in it.
                row_units.append(printed)
            if not measured:
                self._totals(table, metrics, row_units)
                read.append((table, metrics, row_units))
            for row, metric in zip(table.rows, metrics, strict=True):
                name, unit, error = self._row_unit(row)
                where = f"{source}: KPI table row {_q(row.label)}"
                observations = []
                total_at: int | None = None  # the total column's figure, among the observations
                for cell in row.cells:
                    of = self._measure_metric(table, row, cell.column, where, unit, error) if measured else metric
                    try:
                        observations.append(self._cell_observation(table, row, cell, of, unit, error))
                    except ValueError as exc:
                        figure = cell.figure
                        unread.append(figure_tables.Unread(figure.start, figure.end, figure.text, str(exc)))
                        continue
                    if cell.column.total and cell.disclosed and self._additive(row, observations[-1]):
                        total_at = len(observations) - 1
                if not observations:
                    continue
                # A row of a table of measures holds several metrics ("Share trained", "Average
                # hours"), each disclosing its own KPIs: a claim per metric, quoting the row.
                if measured:
                    named = dict.fromkeys(o.metric for o in observations)
                    groups = [tuple(o for o in observations if o.metric == m) for m in named]
                else:
                    groups = [tuple(observations)]
                for group in groups:
                    of = group[0].metric if measured else metric
                    ident = f"kpi-{of}"
                    n = 1
                    while f"claim:{ident}" in self.origins:
                        n += 1
                        ident = f"kpi-{of}-{n}"
                    kpis = tuple(dict.fromkeys(k for o in group for k in self.report.metrics[o.metric].kpis))
                    if row.code in self.codes:  # the KPI the row's code column prints: the report's own mapping
                        kpis = (row.code,)
                    self._table_claim(
                        ident,
                        "quantitative",
                        (row.start, row.end),
                        self.report.meta.company,
                        f"table:kpi:{table.group or ''}",
                        observations=group,
                        kpis=kpis,
                        boundary_total=None if measured else total_at,
                    )
                    if table.caption:
                        self.report.table_captions[ident] = table.caption
            self.report.unread_cells.extend(Uncovered(u.start, u.end, u.reason) for u in unread)
            if table.header is not None:
                # A scale in the header ("HK$'000") reads as a quantity; it is the columns' unit.
                head = table.header
                self.report.uncovered.extend(
                    Uncovered(m.start, m.end, "unit of the table's columns")
                    for m in self.quantities_within(head.start, head.end)
                )
            self.report.tables.append(
                TableSummary("figures", text.count("\n", 0, table.start) + 1, len(table.rows), table.cells, len(unread))
            )
        self._intensities(read)

    def _additive(self, row: figure_tables.FigureRow, obs: Observation) -> bool:
        """Whether a row's figures add up across sites: an amount, not a share, a ratio (an
        intensity, "gce/kWh") or a rate or an average its label names ("Reuse rate")."""
        return bool(
            obs.unit
            and obs.unit != "PERCENT"
            and self.units.ratio(obs.unit) is None
            and not _NOT_ADDITIVE.search(row.label)
        )

    def _totals(self, table: figure_tables.FigureTable, metrics: list[str], units: list[str | None]) -> None:
        """Total rows and the rows they add up (kg.ingest.table_links) become total and parts,
        when the table reader drafted all their metrics, all print the total's unit, none is
        already a part of another total, and the catalogue (kg.vocab.catalogue) does not say
        one part is a part of another ("Diesel" above "Direct energy" over "Total energy", both
        read exactly): the table states that the parts add up to the total, and a check of total
        against parts (shapes/findings.ttl) can test it. Rows in another unit printed above the
        parts (the fuels in litres above the energy they give) are no parts.

        Parts printed above their total are named after it, as parts printed under it are
        ("Total hazardous waste: Waste oil"), when their own label reads as no catalogue metric,
        or not exactly and another than the named one reads as. Parts whose labels alone name a group (a gender,
        an age group) printed beside parts of another kind ("Region A", "Region B", "Male",
        "Female" above "Total employees") are a breakdown of their own, summed apart."""
        specs = self.report.metrics
        for i, parts in table_links.summed_parts(table).items():
            same = [j for j in parts if units[j] == units[i]]
            if 2 <= len(same) < len(parts) and tuple(same) == parts[len(parts) - len(same) :]:
                parts = tuple(same)  # "Diesel (litres)" ... above "Energy from diesel (GJ)" ... "Total (GJ)"
            names = [metrics[j] for j in parts]
            if (
                not specs[metrics[i]].drafted
                or any(not specs[m].drafted or specs[m].component_of not in (None, metrics[i]) for m in names)
                or any(units[j] != units[i] for j in parts)
                or len(set(names)) != len(names)
                or metrics[i] in names
            ):
                continue
            # Only exact readings speak for the catalogue: a close one ("Glass jars" read as total
            # packaging for want of a narrower metric) says nothing about which part holds which.
            notations = [
                m.notation
                for j in parts
                if (m := match_metric(specs[metrics[j]].label, units[j])) and m.match == "exact"
            ]
            wider = [broader_metrics(n) for n in notations]
            if any(n in w for n in notations for w in wider):
                continue
            # What each part is a group of: the breakdown its list was printed under, else its
            # label's ("Female" a gender), else the "By ..." heading above it ("Hong Kong" under
            # "By region").
            kinds = [
                row.breakdown
                or figure_tables.breakdown_kind(row.label)
                or (row.section if figure_tables.breakdown_heading(row.section) else None)
                for row in (table.rows[j] for j in parts)
            ]
            mixed = len(set(kinds)) > 1
            # The scopes a "Total (Scope 1 and 2)" adds up are named by their own labels: named
            # after the total, each would name several scopes.
            rename = len(table_links.scopes(table.rows[i].label)) < 2
            for j, m, kind in zip(parts, names, kinds, strict=True):
                update: dict[str, str | None] = {"component_of": metrics[i]}
                if mixed and kind is not None and specs[m].breakdown is None:
                    update["breakdown"] = kind
                own = match_metric(specs[m].label, units[j])
                named = f"{specs[metrics[i]].label}: {figure_tables.split_label(table.rows[j].label)[0]}"
                reading = match_metric(named, units[j])
                if (
                    rename
                    and reading is not None
                    and (own is None or (own.match != "exact" and own.notation != reading.notation))
                ):
                    update["label"] = named
                specs[m] = specs[m].model_copy(update=update)

    def _intensities(self, read: list[tuple[figure_tables.FigureTable, list[str], list[str | None]]]) -> None:
        """Intensity rows (a ratio unit) get the metric they divide (kg.ingest.table_links) as
        ``intensity_of`` and the metric they divide by as ``denominator``: a headcount or revenue
        row of the report's tables printed in the ratio's denominator unit, else a metric without
        figures that all intensities per the same thing share ("tonne of product"), so that the
        intensity checks (shapes/findings.ttl) compare what each implies."""
        specs = self.report.metrics
        for table, metrics, units in read:
            totals = table_links.summed_parts(table)
            for i, row in enumerate(table.rows):
                ratio = self.units.ratio(units[i]) if units[i] else None
                spec = specs[metrics[i]]
                if ratio is None or not spec.drafted or spec.intensity_of or spec.component_of:
                    continue
                candidates = [
                    j
                    for j, unit in enumerate(units)
                    if j != i and unit and self.units.ratio(unit) is None and self._convertible(unit, ratio[0])
                ]
                picked = table_links.numerator_rows(table, i, candidates, totals)
                same = [j for j in candidates if units[j] == ratio[0]]
                if not picked and same != candidates:
                    # "Total energy consumption" printed in MWh and again in GJ: one quantity in two
                    # units, so the row in the ratio's own numerator unit is the one it divides.
                    picked = table_links.numerator_rows(table, i, same, totals)
                numerator = self._numerator(table, i, [metrics[j] for j in picked])
                if numerator is None:
                    continue
                denominator = self._denominator(read, row, ratio[1])
                specs[metrics[i]] = spec.model_copy(update={"intensity_of": numerator, "denominator": denominator})

    def link_stated_denominators(self) -> None:
        """Intensities whose tables print no row of what they divide by divide by the figure the
        prose states of it: the revenue for intensities per revenue ("RMB18,642.7 million /
        Revenue" on a highlights page), and for one per a quantity of something ("tCO2e/GWh of
        cells produced") the metric that names that something ("Cells produced ..... 24.86 GWh"),
        when exactly one metric of the report does so and has figures in the intensities'
        denominator unit: the intensity checks (shapes/findings.ttl) then test each intensity
        against it."""
        specs = self.report.metrics
        stated: dict[str, set[str]] = {}
        for claim in self.report.claims.values():
            for obs in claim.observations:
                if obs.kind == "value" and obs.value is not None and obs.unit:
                    stated.setdefault(obs.unit, set()).add(obs.metric)
        for ident, unit in self.shared_denominators.items():
            if ident not in specs:
                continue
            candidates = stated.get(unit, set())
            found = {m for m in candidates if table_links.revenue(specs[m].label)}
            if not found:
                words = specs[ident].label.removeprefix(_SHARED_DENOMINATOR)
                found = {m for m in candidates if _names_what_it_is_per(words, specs[m].label)}
            if len(found) != 1:
                continue
            (stated_metric,) = found
            for key, spec in list(specs.items()):
                if spec.denominator == ident:
                    specs[key] = spec.model_copy(update={"denominator": stated_metric})
            del specs[ident]  # the report does print a figure of it

    def _numerator(self, table: figure_tables.FigureTable, i: int, parts: list[str]) -> str | None:
        """The metric an intensity divides: the one row's, or for rows of single scopes with no
        printed total ("Scope 1", "Scope 2" under "GHG emissions intensity (Scope 1 and 2)") a
        metric without figures that they are parts of."""
        specs = self.report.metrics
        if len(parts) == 1:
            return parts[0] if parts[0] != table.rows[i].label else None
        wholes = {specs[m].component_of for m in parts}
        if len(parts) < 2 or len(wholes) != 1 or any(not specs[m].drafted for m in parts):
            return None
        label = table_links.numerator_label(table.rows[i].label)
        ident = slugify(label)
        if ident not in specs:
            # Under a printed total of more scopes ("Scope 1, 2 and 3") the sum is a part of it.
            self._define("metric", ident, f"{self.report.text.path}: KPI table row {_q(table.rows[i].label)}")
            specs[ident] = MetricSpec(
                id=ident,
                label=label,
                drafted=True,
                component_of=wholes.pop(),
                description="The sum of its scopes that an intensity divides; the report prints no figure of it.",
            )
        elif specs[ident].drafted is False or any(specs[m].component_of not in (None, ident) for m in parts):
            return None
        for m in parts:
            specs[m] = specs[m].model_copy(update={"component_of": ident})
        return ident

    def _denominator(
        self,
        read: list[tuple[figure_tables.FigureTable, list[str], list[str | None]]],
        row: figure_tables.FigureRow,
        unit: str,
    ) -> str:
        """What an intensity divides by: a headcount row of the tables for a per-employee
        intensity, a revenue row in the same currency for one per revenue, a row counting what it
        is per (its label those words), else a shared metric without figures named for what the
        intensity is per."""
        words = table_links.denominator_words(row.label, row.unit or figure_tables.split_label(row.label)[1])
        named: list[str] = []
        for table, metrics, units in read:
            for j, other in enumerate(table.rows):
                if other.parent is not None or not other.cells:
                    continue
                if table_links.headcount(other.label) and "employee" in words and units[j] in (None, "NUM"):
                    return metrics[j]
                if table_links.revenue(other.label) and units[j] == unit:
                    return metrics[j]
                said = table_links.denominator_words(f"per {other.label}", None).split()
                if units[j] == unit and _names_what_it_is_per(words, other.label):
                    named.append(metrics[j])  # "Yarn produced", "Yarn": not "Yarn waste sold to recyclers"
                elif said == words.split() and units[j] in ("NUM", unit):
                    named.append(metrics[j])  # "Patient-days" (a count) of "per patient-day"
        if len(set(named)) == 1:
            return named[0]
        label = f"{_SHARED_DENOMINATOR}{words}"
        ident = slugify(label, 100)
        self.shared_denominators[ident] = unit
        if ident not in self.report.metrics:
            self._define("metric", ident, f"{self.report.text.path}: KPI table row {_q(row.label)}")
            self.report.metrics[ident] = MetricSpec(
                id=ident,
                label=label,
                drafted=True,
                description="What the report's intensities per the same thing divide by; "
                "the report prints no figure of it.",
            )
        return ident

    def _convertible(self, unit: str, other: str) -> bool:
        """Whether figures in ``unit`` convert to ``other``: the same unit, or two of one kind with multipliers."""
        if unit == other:
            return True
        a, b = self.units.units.get(unit), self.units.units.get(other)
        return bool(
            a and b and a.multiplier is not None and b.multiplier is not None and a.quantity_kind == b.quantity_kind
        )

    def _row_unit(self, row: figure_tables.FigureRow) -> tuple[str, CellUnit | None, str | None]:
        """The row's metric label and the unit the row prints (unit column, or the label, read by
        :func:`kg.ingest.row_units.label_units`), or why that unit cannot be read. Parentheses
        that name no unit stay part of the label ("(Scope 1)") when the header prints the unit. A
        dash in the unit column says the figures are numbers in no unit."""
        if row.unit and not row_units.no_unit(row.unit):
            try:
                return row.label, self._label_intensity(row.label, row.unit, self._resolve(row.unit)), None
            except UnknownUnit as exc:
                if counted_unit_cell(row.unit):
                    return row.label, CellUnit("NUM"), None  # "nights", "events": the things counted
                return row.label, None, str(exc)
        error = None
        for name, surface in row_units.label_units(row.label):
            try:
                return name, self._resolve(surface), None
            except UnknownUnit as exc:
                error = error or str(exc)
        if row.unit:  # the dash: a number in no unit, a rate when the label says what it is per
            return row.label, self._rate_unit(row.label) or CellUnit("NUM"), None
        return row.label, None, error

    def _is_unit(self, surface: str) -> bool:
        """Whether ``surface`` reads as a unit (a highlight caption's opening words, "tonnes")."""
        return self._unit_or_none(surface) is not None

    def _label_intensity(self, label: str, printed: str, unit: CellUnit) -> CellUnit:
        """The unit cell's unit, or the intensity it makes with what the label says the figure is
        per ("Energy intensity per guest night" over "kWh": kWh per guest night; see
        :mod:`kg.ingest.label_intensity`)."""
        if unit.scale != 1 or (surface := per_label_unit(label, printed, unit.key, self.units)) is None:
            return unit
        ratio = self._unit_or_none(surface)
        return ratio if ratio is not None and ratio.scale == 1 and self.units.ratio(ratio.key) is not None else unit

    def _rate_unit(self, label: str) -> CellUnit | None:
        """A count per what a label names after "per" ("Fatality rate per million hours worked"
        is NUM-PER-MegaHR), or None: the label of a row whose unit column prints a dash."""
        m = _PER.search(label)
        unit = self._unit_or_none(m.group()) if m is not None else None
        return unit if unit is not None and unit.key.startswith("NUM-PER-") and unit.scale == 1 else None

    def _unit_headed(self, row: figure_tables.FigureRow) -> figure_tables.FigureRow:
        """A row labelled by a ratio unit alone ("tCO2e/HK$ million": a column of a transposed
        table headed by its unit only) is an intensity in that unit, read as a row labelled
        "Intensity (tCO2e/HK$ million)" is; any other row as it is."""
        if row.unit or figure_tables.split_label(row.label)[1] is not None:
            return row
        try:
            unit = self._resolve(row.label)
        except UnknownUnit:
            return row
        if self.units.ratio(unit.key) is None:
            return row
        return dataclasses.replace(row, label=f"Intensity ({row.label})")

    def _printed_unit(
        self,
        table: figure_tables.FigureTable,
        row: figure_tables.FigureRow,
        unit: CellUnit | None,
        error: str | None,
    ) -> str | None:
        """The unit key the row's figures are read in: its own, else the one its first figure
        takes from its total, heading, header or caption (see :meth:`_cell_unit`), so that a row
        of a table whose header prints the unit ("Water (megalitres)" over "Groundwater") is
        named in it."""
        if unit is not None:
            return unit.key
        for cell in row.cells:
            if cell.disclosed and not figure_tables.prints_percent(cell.figure.text):
                try:
                    return self._cell_unit(table, row, cell, None, error).key
                except UnknownUnit:
                    return None
        return None

    def _measure_metric(
        self,
        table: figure_tables.FigureTable,
        row: figure_tables.FigureRow,
        column: figure_tables.Column,
        where: str,
        row_unit: CellUnit | None = None,
        row_error: str | None = None,
    ) -> str:
        """The metric of a cell under a header that names the measure ("Employees trained (%)"
        over the row "Male"): the measure without its unit, of the row's group. When that names
        no catalogue metric, the caption may say what is measured: a bare count ("Number" under
        "Table 6 Employees by category") counts what the caption names ("Employees by category:
        Male"), another measure is the caption's ("Training: Average hours: Male", or "Average
        hours of training: Male" under "Table 5 Training")."""
        assert column.header is not None  # measure columns are read from a header
        measure, unit = figure_tables.split_label(column.header.text)
        if unit is not None:
            try:
                self._resolve(unit)
            except UnknownUnit:
                measure = column.header.text
        label = f"{measure}: {row.label}"
        cell = next((c for c in row.cells if c.column == column and c.disclosed), None)
        try:
            key = self._cell_unit(table, row, cell, row_unit, row_error).key if cell is not None else None
        except UnknownUnit:
            key = None
        if match_metric(label, key) is None:
            titled = [
                f"{title}: {row.label}" if _BARE_COUNT.match(measure) else f"{title}: {label}"
                for title in (table.caption, table.stub)
                if title and key is not None
            ]
            of_caption = []
            if caption := table.caption:
                of = caption if caption[:2].isupper() else caption[:1].lower() + caption[1:]
                of_caption.append(f"{measure} of {of}: {row.label}")
            # A bare count counts what the caption names; another measure is first read as the
            # caption's ("Average hours of training"), then under it.
            tried = titled + of_caption if _BARE_COUNT.match(measure) else of_caption + titled
            label = next((t for t in tried if match_metric(t, key) is not None), label)
        ident = slugify(label, 100)
        if ident not in self.report.metrics:
            self._define("metric", ident, where)
            self.report.metrics[ident] = MetricSpec(id=ident, label=label, drafted=True)
        return ident

    def _sectioned(self, row: figure_tables.FigureRow) -> figure_tables.FigureRow:
        """A row under a heading that prints a unit ("Average training hours by gender (hours)"):
        the unit is the rows'. Parentheses that name no unit ("Greenhouse gas emissions (Scope 1
        and 2)") give none. The heading names the rows' section as printed, unless it prints their
        unit only ("In tonnes" over the waste rows): it names no measure then."""
        if row.section is None or row.section_unit is None:
            return row
        try:
            self._resolve(row.section_unit)
        except UnknownUnit:
            return dataclasses.replace(row, section_unit=None)
        if figure_tables.unit_heading(row.section):
            return dataclasses.replace(row, section=None)
        return row

    def _resolve(self, surface: str) -> CellUnit:
        """A printed unit, as the unit it is exactly where the units define one ("'000 kWh" is MWh);
        an intensity in kg or g of coal equivalent as one in tonnes of it (kg.ingest.equivalent_ratios)."""
        try:
            return as_printed(resolve_unit(surface, self.units.lexicon), self.units)
        except UnknownUnit:
            if (key := equivalent_ratio(surface, self.units, self._plain_unit)) is not None:
                return CellUnit(key)
            raise

    def _plain_unit(self, surface: str) -> str | None:
        """The key of a unit printed without a scale ("tonne", "kWh"), or None."""
        unit = self._unit_or_none(surface)
        return unit.key if unit is not None and unit.scale == 1 else None

    def _unit_or_none(self, surface: str) -> CellUnit | None:
        """:meth:`_resolve`, or None where ``surface`` names no unit: for the readers that try a
        surface and go on to another reading when it is none."""
        try:
            return self._resolve(surface)
        except UnknownUnit:
            return None

    @staticmethod
    def _told_apart_by_unit(name: str, unit: str | None, first: str | None, row: figure_tables.FigureRow) -> bool:
        """Whether a row label printed again in another unit names, in its unit column's unit, a
        catalogue metric other than the one the label names in the first row's unit: "Energy
        intensity" in kWh/m² and in MWh/employee are two intensities the catalogue knows apart."""
        if row.unit is None or (own := match_metric(f"{name} ({row.unit})", unit)) is None:
            return False
        other = match_metric(name, first)
        return other is None or other.notation != own.notation

    def _row_metric(
        self,
        table: figure_tables.FigureTable,
        row: figure_tables.FigureRow,
        name: str,
        unit: str | None,
        metrics: list[str],
        where: str,
    ) -> str:
        """The metric of a row: a curated one by the slug of its label, else one drafted from the
        label; a breakdown row's drafted metric is named after its total and is a part of it (a
        metric the drafter named from a sentence by the row's bare label, "Male" of "88% of male
        and 91% of female staff", is not the row's), and
        a row whose label names no catalogue metric alone ("Plastic") is named in the table's
        caption ("Packaging materials: Plastic") when that names one, and a row under a heading
        inside the table in that heading (see :func:`_under_section`)."""
        total = metrics[row.parent] if row.parent is not None else None
        summed = True
        if row.parent is not None and _in_percent(table.rows[row.parent], table) != _in_percent(row, table):
            total = None  # a rate printed under a count ("Turnover rate" below "By gender") is no part of it
        elif row.parent is not None and (
            _in_percent(row, table)
            or table_links.not_summed(table.rows[row.parent].label)
            # "Average training hours per employee (hours)" over "All employees", "Male": averages
            or (table.stub is not None and table_links.not_summed(table.stub))
            or (table.caption is not None and _AVERAGE.match(table.caption) is not None)
        ):
            summed = False  # rates or averages by gender narrow the overall one but do not add up to it
        if row.section and table_links.bare(name) and not figure_tables.breakdown_heading(row.section):
            # "Total (Scope 1 and 2)" under "Greenhouse gas emissions"; a "Total" under "By age
            # group" totals the table's measure (every breakdown of it), not the age groups.
            name = f"{row.section}: {name}"
        elif (
            total is None
            and (_INTENSITY.search(name) or table_links.total_only(name))
            and table_links.bare(name)
            and (title := table.caption or table.stub)
        ):
            # "Intensity (tCO2e/tonne)" in a table of greenhouse gas emissions: its measure is the
            # table's. So is a bare "Total" ("Table 4 Non-hazardous waste": its total): named
            # alone, the totals of every table would be one metric, each table's parts its parts.
            measure = caption_measure(title) if title == table.caption else None
            named = measure is not None and match_metric(f"{measure}: {name}", unit) is not None
            name = f"{measure}: {name}" if named and not match_metric(f"{title}: {name}", unit) else f"{title}: {name}"
        ident, label = slugify(name), name
        first = self.row_units.get(ident)
        other_unit = first is not None and unit is not None and first != unit  # the label printed in another unit
        if other_unit and self._told_apart_by_unit(name, unit, first, row):
            # "Energy intensity" in kWh/m², then in MWh/employee: two intensities, each named with its unit
            name = f"{name} ({row.unit})"
            ident, label, other_unit = slugify(name, 100), name, False
        elif other_unit and (qualifier := row.section or table.caption):
            # "Natural gas" in MWh in the energy table, then in m³ under "Fuel quantities": two
            # quantities, not one metric printed in two units
            name = f"{qualifier}: {name}"
            ident, label, other_unit = slugify(name, 100), name, False
        if total is not None and (ident not in self.report.metrics or ident in self.prose_metrics or other_unit):
            # A part is named after its total unless an earlier row is the same metric; a row of
            # another unit is not ("Senior management" hours of training under the average, after
            # the "Senior management" headcount).
            label = f"{self.report.metrics[total].label}: {name}"
            ident = slugify(f"{total} {name}", 100)
        elif (
            total is None
            and row.section
            and (ident not in self.report.metrics or ident in self.prose_metrics)
            and _under_section(row.section, name, unit)
        ):
            ident, label = slugify(f"{row.section}: {name}", 100), f"{row.section}: {name}"
        elif (
            total is None
            and figure_tables.breakdown_heading(row.section)
            and (ident not in self.report.metrics or ident in self.prose_metrics)
            and not match_metric(name, unit)
            and (title := table.caption or table.stub or header_title(table))
        ):
            # "Senior management" under "By employee category" in a table of the workforce: a
            # group of the table's measure, which its label alone does not name.
            ident, label = slugify(f"{title}: {name}", 100), f"{title}: {name}"
        elif (
            total is None
            and (ident not in self.report.metrics or ident in self.prose_metrics)
            and not match_metric(name, unit)
        ):
            # The caption, its measure, then what the header's first cell says the rows measure
            # ("Water" over "Groundwater", "Number of suppliers" over "Vietnam"), when the label
            # alone names none.
            for title in (
                _undated(table.caption),
                caption_measure(table.caption),
                table.stub,
                header_title(table),
                *(self._measures_before(table, metrics, unit) if figure_tables.names_a_group(name) else ()),
            ):
                titled = f"{title}: {name}"
                if title and match_metric(titled, unit) is not None:
                    ident, label = slugify(titled, 100), titled
                    break
        if ident not in self.report.metrics:
            self._define("metric", ident, where)
            self.row_units[ident] = unit
            self.report.metrics[ident] = MetricSpec(
                id=ident,
                label=label,
                drafted=True,
                component_of=total if summed else None,
                breakdown=row.breakdown if total and summed else None,
                partial=row.partial,
            )
        # A row taking a metric the sheets define ("GHG intensity" of a key-figures line) claims
        # its unit too: a second row of that label in another unit is another quantity (above).
        self.row_units.setdefault(ident, unit)
        return ident

    def _measures_before(self, table: figure_tables.FigureTable, metrics: list[str], unit: str | None) -> list[str]:
        """The measures of the rows above the row read now (``metrics`` holds theirs) printed in
        its unit, nearest first, each alone and under the caption: a row naming only a group
        ("Male (hours)" after "Average hours", "Female trained (%)" after "Employees trained
        (%)", as a table of periods by measures prints them) is a group of one of them."""
        if unit is None:
            return []
        found: list[str] = []
        for j in range(len(metrics) - 1, -1, -1):
            if self.row_units.get(metrics[j]) != unit:
                continue
            measure = figure_tables.split_label(table.rows[j].label)[0]
            found.append(measure)
            if table.caption:
                found.append(f"{table.caption}: {measure}")
        return found

    def _cell_observation(
        self,
        table: figure_tables.FigureTable,
        row: figure_tables.FigureRow,
        cell: figure_tables.FigureCell,
        metric: str,
        row_unit: CellUnit | None,
        row_error: str | None,
    ) -> Observation:
        """One cell as an observation; ``ValueError`` says why a cell cannot be one."""
        meta = self.report.meta
        day = self._as_at(table, row)
        column, baseline, kind = cell.column, None, "value"
        if column.kind == "measure" and column.instant and column.header is not None and is_flow(column.header.text):
            # "Turnover" beside "Number" under "Employees as at 31 March 2024": the year to that day.
            column = dataclasses.replace(column, instant=False, fiscal=True)
        if column.kind == "change":
            years = sorted({c.year: c for c in table.columns if c.kind == "year"}.items())
            if len(years) < 2:
                raise ValueError("change column without two year columns to compare")
            column, kind = years[-1][1], "change"
            baseline = column_period(years[-2][1], meta.year, meta.fiscal_year_end, day)
        elif column.kind == "year" and (since := self._targets(table)) is not None:
            kind, year = target_columns.cell_kind(column, cell.figure.text, meta.year, since[0])
            baseline = Period(str(year)) if year is not None else None
        if column.kind == "target":
            # "Target 2030": the level committed to for the year the header names, not of a day
            # the table's figures are of ("as at 31 December") nor of a fiscal year it leaves unsaid.
            kind, period = "target", Period(str(column.year))
        else:
            period = column_period(column, meta.year, meta.fiscal_year_end, day)
        notes = tuple(
            Footnote(key, note.text.start, note.text.end)
            for key in dict.fromkeys((*row.markers, *cell.column.markers, *cell.markers))
            if (note := table.notes.get(key)) is not None
        )
        base = {
            "metric": metric,
            "surface": cell.figure.text,
            "qualifier": QUALIFIERS.get(cell.qualifier) if cell.qualifier else None,
            "period": period,
            # A site column's figures cover its site ("North Mine"); else the row's or the table's boundary.
            "boundary": column.boundary or label_boundary(figure_tables.split_label(row.label)[0]) or table.boundary,
            "subject": meta.company,
            "start": cell.figure.start,
            "end": cell.figure.end,
            "baseline": baseline,
            "notes": notes,
        }
        if not cell.disclosed:
            return Observation(value=None, precision=None, unit=None, kind=kind, disclosed=False, **base)
        unit = self._cell_unit(table, row, cell, row_unit, row_error)
        value, precision = figure_value(cell, unit.scale)
        return Observation(value=value, precision=precision, unit=unit.key, kind=kind, **base)

    def _targets(self, table: figure_tables.FigureTable) -> tuple[int | None] | None:
        """For a table of targets (kg.ingest.target_columns), the baseline year it prints (or
        None in the tuple); None for any other table."""
        header = table.header.text if table.header is not None else None
        title = target_columns.title_above(self.report.text.table_text, table.start)
        if not target_columns.lists_targets(header, table.caption, title):
            return None
        return (target_columns.baseline_year(table.caption, title, header),)

    @staticmethod
    def _as_at(table: figure_tables.FigureTable, row: figure_tables.FigureRow) -> tuple[int, int] | None:
        """The day of the year the row's figures are of, when its label, its total's, the heading
        inside the table it is printed under ("Employees as at 30 June" over the headcounts), the
        table's caption (in its parentheses or its title: "Table 6 Staff as at 30 June") or
        its header says so ("Employees as at 31 March"); else None (the columns' periods). A row
        counting a flow over the period ("New hires in the year", "Turnover rate") takes no day
        but its own."""
        parent = table.rows[row.parent].label if row.parent is not None else None
        header = table.header.text if table.header is not None else None
        if (day := as_at_day(row.label)) is not None or is_flow(row.label):
            return day
        for text in (parent, row.section, table.caption_day, table.caption, header):
            if (day := as_at_day(text)) is not None:
                return day
        return None

    def _cell_unit(
        self,
        table: figure_tables.FigureTable,
        row: figure_tables.FigureRow,
        cell: figure_tables.FigureCell,
        row_unit: CellUnit | None,
        row_error: str | None,
    ) -> CellUnit:
        """The unit of a figure: its own ``%``, the row's unit, its heading's, its column's, the
        table's, the caption's ("Table 9 Turnover rate (%)"); a time when the label's measure is
        one ("Lost days"); a time or a count when a column of measures says so ("Average hours
        per employee", even over the row "All employees"); a count when the label says so
        ("Number of ..."); a time or a count when the caption ("Average training hours", "Number
        of suppliers by region") says so; a rate when the row's note defines it as one; else
        ``UnknownUnit``."""
        if figure_tables.prints_percent(cell.figure.text) or (cell.column.kind == "change" and cell.column.unit == "%"):
            return CellUnit("PERCENT")
        if cell.column.kind == "measure" and cell.column.unit and row_unit is not None:
            # "Turnover" over "%" beside a unit column of "persons": the column's measure is in its own unit.
            return self._per_label(cell.column.unit, row)
        if row_unit is not None:
            return row_unit
        paren = figure_tables.split_label(row.label)[1]
        if row_error is not None and paren is not None and RATIO_MARK.search(paren):
            raise UnknownUnit(row_error)  # an intensity the label names is not in the header's unit
        parent = table.rows[row.parent] if row.parent is not None else None
        if parent is not None and (parent_unit := self._row_unit(parent)[1]) is not None:
            return parent_unit  # a part is in its total's unit: "Scope 1 (tCO2e)" over "Diesel"
        for surface in (row.section_unit, cell.column.unit, table.unit):
            if surface:
                return self._per_label(surface, row)
        caption_unit = self._caption_unit(table)
        # Parentheses of the label that name no unit ("LPG (forklifts)") qualify it when the
        # caption prints the unit of every row, as when the header prints it.
        if row_error is not None and caption_unit is None and (parent is None or not counted(parent.label)):
            raise UnknownUnit(row_error)
        if caption_unit is not None and table.caption_unit is not None:
            return self._per_label(table.caption_unit, row)
        if (time := caption_time_unit(row.label)) is not None:
            return self._resolve(time)  # "Lost days", "Volunteer hours": a time, as "186 lost days" in prose
        if cell.column.kind == "measure" and cell.column.header is not None:
            # The column's measure before the row's label: "Average hours per employee" over "All employees".
            measure = cell.column.header.text  # "Average hours per employee", "Number of trainees"
            if (time := caption_time_unit(measure)) is not None:
                return self._resolve(time)
            if counted(measure):
                return CellUnit("NUM")
        if counted(row.label) or (row.parent is not None and counted(table.rows[row.parent].label)):
            return CellUnit("NUM")
        if dimensionless(row.label):
            return CellUnit("NUM")  # "Site A: annualised PUE", "Gender pay ratio": a number in no unit
        if (time := caption_time_unit(table.caption)) is not None:
            return self._resolve(time)  # "Table 3 Average training hours per employee" over "Male", "Female"
        if table.caption is not None and counted(table.caption):
            return CellUnit("NUM")  # "Table 12 Number of suppliers by region" over rows of regions
        if table.stub is not None and counted(table.stub):
            return CellUnit("NUM")  # "Number of suppliers  FY2024  FY2023" over rows of countries
        if (rate := self._noted_rate(table, row)) is not None:
            return rate
        raise UnknownUnit("no unit printed for the row or its column")

    def _noted_rate(self, table: figure_tables.FigureTable, row: figure_tables.FigureRow) -> CellUnit | None:
        """The count per a time that the note a row's marker points to defines the row as (the
        row "LTIR*" over "* Lost-time injury rate: lost-time injuries per 200,000 hours
        worked." is NUM-PER-200000HR), or None: an abbreviated rate names its unit in its note."""
        for key in row.markers:
            if (note := table.notes.get(key)) is None:
                continue
            for sentence in _SENTENCE_END.split(note.text.text):  # "... hours worked. Contractors excluded."
                if (rate := self._rate_unit(sentence.strip().rstrip(".;"))) is not None:
                    return rate
        return None

    def _per_label(self, surface: str, row: figure_tables.FigureRow) -> CellUnit:
        """The unit a heading, column, header or caption prints for the rows ("tCO2e"), per what
        an intensity row's label says its figures are per ("GHG intensity ... per MWh of IT
        energy" is in tCO2e/MWh, not in tCO2e). A denominator that makes no unit of the lexicon
        leaves the figure unread (UnknownUnit) rather than read in the numerator's unit."""
        unit = self._resolve(surface)
        what = row_units.denominator(row.label)
        if what is None or not _INTENSITY.search(row.label) or RATIO_MARK.search(surface):
            return unit
        return self._resolve(f"{surface} per {what}")

    def _caption_unit(self, table: figure_tables.FigureTable) -> CellUnit | None:
        """The unit the caption prints in parentheses ("Table 2 Emissions (tCO2e)"), or None
        ("(continued)": parentheses that name no unit)."""
        if table.caption_unit is None:
            return None
        try:
            return self._resolve(table.caption_unit)
        except UnknownUnit:
            return None

    def _stakeholder_claims(
        self, source: str, specs: dict[str, tuple[str, StakeholderRowSpec]], issue_map: dict[str, str]
    ) -> None:
        rows = [r for row in tables.stakeholder_rows(self.report.text.text) if (r := self._before_furniture(row))]
        self._summary("stakeholders", [(r.start, 1 + len(r.expectations) + len(r.channels)) for r in rows])
        for row in rows:
            where, spec = specs.get(row.group.text, (f"{source}: stakeholder row", None))
            expectations = self._items(row.expectations, spec.expectations if spec else None, where, "expectations")
            channels = self._items(row.channels, spec.channels if spec else None, where, "channels")
            ident = spec.id if spec else slugify(row.group.text)
            if ident not in self.report.entities:
                self._add_entity(EntitySpec(id=ident, type="StakeholderGroup", label=row.group.text), where)
            for label in expectations:
                self.report.expectations.append(Expectation(ident, label, issue_map.get(label)))
            self.report.channels.extend(Channel(ident, label) for label in channels)
            # A group a second stakeholder table lists again ("Employees" in the table of each
            # business) is another claim of the same group: numbered as a table's KPI rows are.
            claim_id, n = f"stakeholders-{ident}", 1
            while f"claim:{claim_id}" in self.origins:
                n += 1
                claim_id = f"stakeholders-{ident}-{n}"
            self._table_claim(
                claim_id,
                "engagement",
                (row.group.start, row.end),
                ident,
                f"table:stakeholders:{where}",
                about=tuple(sorted({issue_map[e] for e in expectations if e in issue_map})),
            )
        for spec_where, spec in specs.values():
            if spec.id not in self.report.entities:
                raise InputError(
                    f"{spec_where}: stakeholder row {_q(spec.group)} is not a row of the report's stakeholder table"
                )

    def _before_furniture(self, row: tables.StakeholderRow) -> tables.StakeholderRow | None:
        """A stakeholder row that runs on into a page's header or footer (its last cells' lines
        under the page break), ended where the furniture starts: the table reader knows no
        pages, and the furniture is no part of the row's quote. A row whose group cell takes in
        furniture is no row the reader can tell (None)."""
        pages = self.report.text.pages
        if pages is None:
            return row
        if pages.furniture_in(row.group.start, row.group.end) is not None:
            return None
        furniture = pages.furniture_in(row.group.end, row.end)
        if furniture is None:
            return row
        stop = furniture.start
        expectations = tuple(c for c in row.expectations if c.end <= stop)
        channels = tuple(c for c in row.channels if c.end <= stop)
        end = max([row.group.end, *(c.end for c in (*expectations, *channels))])
        return dataclasses.replace(row, expectations=expectations, channels=channels, end=end)

    @staticmethod
    def _items(
        cells: tuple[tables.Cell, ...], items: tuple[str, ...] | None, where: str, column: str
    ) -> tuple[str, ...]:
        if items is None:
            return tuple(c.text for c in cells)
        printed = " ".join(c.text for c in cells)
        if " ".join(items) != printed:
            raise InputError(f"{where}: {column} do not join up to the printed cells {_q(printed)}")
        return items

    def _award_claims(self, source: str) -> None:
        rows = tables.award_rows(self.report.text.text)
        self._summary("awards", [(r.start, 3) for r in rows])
        for row in rows:
            where = f"{source}: awards table row {_q(row.award.text)}"
            winner = self._entity_for(row.winner, "Organization", where) if row.winner else self.report.meta.company
            organiser = self._entity_for(row.organiser.text, "Organization", where)
            award = slugify(row.award.text)
            if award not in self.report.entities:
                self._add_entity(EntitySpec(id=award, type="Award", label=row.award.text, organiser=organiser), where)
            start = row.start if self.report.text.text[row.start] != "\t" else row.award.start
            self._table_claim(
                f"award-{award}",
                "recognition",
                (start, row.end),
                winner,
                f"table:awards:{where}",
                about=(award, organiser),
                links=(("receivedAward", award),),
            )

    # ------------------------------------------------------------ references

    def check_references(self) -> None:
        entities, metrics = self.report.entities, self.report.metrics

        def need(ident: str | None, table: dict, what: str, where: str) -> None:
            if ident is not None and ident not in table:
                raise InputError(f"{where}: unknown {what} {_q(ident)}")

        # First: every claim defaults to the company, and only this message names report.yaml.
        meta = self.report.meta
        need(meta.company, entities, "company entity", f"{self.folder / 'report.yaml'}:{meta.line}")

        for entity in entities.values():
            where = self.origins[f"entity:{entity.id}"]
            for ref in (entity.unit_of, entity.parent, entity.organiser):
                need(ref, entities, "entity", where)
        for metric in metrics.values():
            where = self.origins[f"metric:{metric.id}"]
            for ref in (metric.component_of, metric.intensity_of, metric.denominator):
                need(ref, metrics, "metric", where)
        for claim in self.report.claims.values():
            where = f"{claim.origin}: claim {claim.id}"
            need(claim.subject, entities, "entity", where)
            for ref in claim.about:
                need(ref, entities, "entity", where)
            for _, target in claim.links:
                need(target, entities, "entity", where)
            need(claim.missing_metric, metrics, "metric", where)
            for obs in claim.observations:
                need(obs.metric, metrics, "metric", where)
                need(obs.subject, entities, "entity", where)
                need(obs.recipient, entities, "entity", where)
        for expectation in self.report.expectations:
            need(expectation.issue, entities, "entity", "expectation_issues")


def _place_parts(rows: list[figure_tables.FigureRow]) -> list[figure_tables.FigureRow]:
    """Rows labelled by a region alone ("Hong Kong", "Mainland China": the gazetteer's countries,
    provinces and regions) printed right after the parts of a total, in its unit, are parts of it
    too, by region: a workforce table lists its total, then its gender, age and region groups with
    no heading over the regions. Parts read so far (a gender, an age group) show where the breakdown
    runs; a region after a row that is no part opens no breakdown."""
    found = list(rows)
    for k in range(1, len(found)):
        row, above = found[k], found[k - 1]
        if row.parent is not None or above.parent is None or row.label not in region_names():
            continue
        if row.unit != found[above.parent].unit or not row.cells:
            continue
        found[k] = dataclasses.replace(row, parent=above.parent, breakdown=_BY_REGION)
    return found


_BY_REGION = "By region"


def _mixed_parts(rows: list[figure_tables.FigureRow]) -> list[figure_tables.FigureRow]:
    """The parts of one total printed under it with no heading, whose labels alone name groups of
    several kinds ("Male", "Female", "Under 30", "30-50", "Over 50" under "Total employees"): each
    kind a breakdown of its own, summed apart (as :meth:`_Loader._totals` does for parts printed
    above their total), so that each adds up to the total on its own."""
    kinds = [row.breakdown or figure_tables.breakdown_kind(row.label) for row in rows]
    found = list(rows)
    for parent in {row.parent for row in rows if row.parent is not None}:
        parts = [k for k, row in enumerate(rows) if row.parent == parent]
        if len({kinds[k] for k in parts}) < 2:
            continue
        for k in parts:
            if rows[k].breakdown is None and kinds[k] is not None:
                found[k] = dataclasses.replace(rows[k], breakdown=kinds[k])
    return found


def _undated(caption: str | None) -> str | None:
    """A caption's title without the years it ends with (see ``_CAPTION_YEARS``), to name the
    rows' metric by; a title of years alone is kept."""
    if caption is None:
        return None
    return _CAPTION_YEARS.sub("", caption).strip() or caption


def _in_percent(row: figure_tables.FigureRow, table: figure_tables.FigureTable) -> bool:
    """A row of percentages: its unit cell or label says so, its figures print the sign, or,
    printing no unit of its own, the heading inside the table it is under ("Employee turnover
    rate (%)" over "Overall", "Male"), its table's caption or header does ("Table 9 Turnover rate (%)").

    Only the row's own figures count: a change column prints every row's change in per cent
    ("+3.8%" beside a headcount), which says nothing about the unit of the row."""
    signed = any(figure_tables.prints_percent(c.figure.text) for c in row.cells if c.column.kind != "change")
    own = row.unit or figure_tables.split_label(row.label)[1]
    if own is not None:
        return own.strip() == "%" or signed
    shared = (row.section_unit or table.unit or table.caption_unit or "").strip()
    return shared == "%" or signed


def load_reports(folders: list[Path]) -> list[Report]:
    """Load several report folders; report ids must differ and shared ids agree (see kg.ingest.definitions)."""
    reports = [load_report(folder) for folder in folders]
    nodes = company_nodes([(folder, report.meta) for folder, report in zip(folders, reports, strict=True)])
    for folder, report in zip(folders, reports, strict=True):
        report.company_node = nodes.get(folder)
    ids = ReportIds()
    definitions = Definitions()
    minter = Minter()
    for folder, report in zip(folders, reports, strict=True):
        ids.add(report.meta.id, folder)
        definitions.add(report_definitions(report, minter))
    return reports


class ReportIds:
    """Report ids seen so far: two folders with one id would merge two reports' claims."""

    def __init__(self) -> None:
        self.seen: dict[str, Path] = {}

    def add(self, report_id: str, folder: Path) -> None:
        if report_id in self.seen:
            other = self.seen[report_id]
            raise InputError(f"{folder / 'report.yaml'}: report id {_q(report_id)} is also used by {other}")
        self.seen[report_id] = folder


_SHARED_DENOMINATOR = "Denominator of intensities per "


def _names_what_it_is_per(words: str, label: str) -> bool:
    """Whether a metric's label names what an intensity is per, by the words after its unit's
    "of" ("tonne of yarn": "Yarn produced", "Yarn"; not "Yarn waste sold to recyclers")."""
    of_what = re.fullmatch(r"\S+\s+of\s+(.+)", words)
    if of_what is None:
        return False
    thing = of_what.group(1).split()
    said = table_links.denominator_words(f"per {label}", None).split()
    return said[: len(thing)] == thing and len(said) <= len(thing) + 1


def _under_section(section: str, name: str, unit: str | None) -> bool:
    """Whether a row is named in the heading it is printed under ("Hazardous waste" over "Spent
    acids", "Packaging materials" over "Glass jars"): when the heading and the row together name a
    catalogue metric and the row alone names none, or another one but not exactly. The heading
    says what the rows under it are, so it wins over a loose reading of the row alone ("Scrap
    packaging" under "Non-hazardous waste" is waste, not packaging), and over an exact reading of
    the row alone when the heading names the metric the row is a part of ("Male employees" under
    "Average training hours by gender": the men's training hours, not their headcount)."""
    composed = None if name.startswith(f"{section}:") else match_metric(f"{section}: {name}", unit)
    if composed is None:
        return False
    alone = match_metric(name, unit)
    if alone is None:
        return True
    if alone.notation == composed.notation:
        return False
    heading = match_metric(section, unit)
    return alone.match != "exact" or (heading is not None and heading.notation in broader_metrics(composed.notation))
