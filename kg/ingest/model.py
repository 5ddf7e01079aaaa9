"""Plain objects for a loaded report: claims and what they state, checked before any RDF exists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from kg.ingest.sheet import EntitySpec, MetricSpec, ReportMeta, SDGLink
from kg.ingest.text import Anchor, ReportText

if TYPE_CHECKING:
    from kg.vocab.units import Units


@dataclass(frozen=True)
class Period:
    """A reporting period: a year, a day ("as of"), or a range of those, as ISO strings."""

    start: str
    end: str | None = None

    @property
    def key(self) -> str:
        return self.start if self.end is None else f"{self.start}/{self.end}"


@dataclass(frozen=True)
class Footnote:
    """A note the report prints for a figure (below its table), by the marker the figure carries."""

    marker: str
    start: int  # offsets of the note's text in the report text
    end: int
    rationale: str | None = None  # set when curators attached the note (it carries no marker): why
    # The note's name among its figure's notes: its marker, or for a note the curators attached
    # (whose marker may number a note of another table too) "line-N", N its line in the text.
    key: str = ""

    @property
    def name(self) -> str:
        return self.key or self.marker


@dataclass(frozen=True)
class Correction:
    """A curator's correction of one property of a printed observation, kept beside what was printed.

    ``prop`` is the corrected field (``metric``, ``catalogue_metric``, ``period``, ``unit`` or
    ``boundary``), ``value`` what it should read (a metric id, a catalogue notation, a period
    key, a unit key or a boundary), ``evidence`` the anchored quote of the report that shows it.
    """

    prop: str
    value: str
    rationale: str
    evidence: Anchor
    origin: str  # "file:line" of the sheet entry


@dataclass(frozen=True)
class MassBasis:
    """What a mass figure weighs, where the report says so (e.g. carbon dioxide equivalent).

    ``concept`` is the local name of a csr:MassBasis individual; ``note`` the marker of the
    footnote that says so (its ``Footnote.name``), or None when the figure's own printed unit or
    row says so ("tCO2e").
    """

    concept: str
    note: str | None = None


@dataclass(frozen=True)
class Observation:
    """A printed figure of a claim, read as a value of a metric.

    ``kind`` is ``value`` (a figure of the metric), ``change`` (a printed change of the metric
    from the ``baseline`` period to ``period``: in percent when relative, in the metric's unit
    when absolute) or ``target`` (a level the company commits to reach by ``period``, or with a
    ``baseline`` a change it commits to since then). An observation not ``disclosed`` is a cell
    printed "N/A", "-" ... for the period: it has no value, precision or unit, and is never zero.
    An observation of something given (a donation, a grant, an investment) names the giver as
    ``subject`` and the one receiving it as ``recipient``, so that a total per giver
    counts each gift for the one who gave it.
    """

    metric: str
    value: Decimal | None
    precision: Decimal | None  # half a unit of the last printed digit: the rounding the figure allows
    unit: str | None
    surface: str
    qualifier: str | None
    period: Period
    boundary: str | None
    subject: str
    start: int  # offsets of the printed figure in the report text
    end: int
    kind: str = "value"
    disclosed: bool = True
    baseline: Period | None = None
    notes: tuple[Footnote, ...] = ()
    corrections: tuple[Correction, ...] = ()
    mass_basis: MassBasis | None = None
    recipient: str | None = None  # for something given: the entity receiving it (``subject`` gives it)

    @property
    def fact(self) -> tuple[object, ...]:
        """What the figure says, without how or where it is printed: two printings with the same
        fact (of one report) are one observation. Values compare as numbers ("7.5" is "7.50");
        wording ("over" and "more than" are one qualifier), precision, offsets and notes are
        the printing's; a different qualifier, period or boundary is another fact."""
        return (
            self.kind,
            self.metric,
            self.subject,
            self.period,
            self.baseline,
            self.disclosed,
            self.value,
            self.unit,
            self.boundary,
            self.qualifier,
            self.recipient,
        )


@dataclass(frozen=True)
class Printing:
    """One printing of a fact: the ``index``-th observation of claim ``claim``."""

    claim: str
    index: int


@dataclass(frozen=True)
class Fact:
    """One observation of the graph: a figure the report states, however often it prints it.

    ``printings`` are in document order (by the printed figure's offset); the first one gives
    the observation its IRI, surface form and precision. ``observation`` is that printing with
    the footnotes and corrections of every printing.
    """

    observation: Observation
    printings: tuple[Printing, ...]


def facts(claims: Iterable[Claim]) -> list[Fact]:
    """The facts the claims' observations state, in document order of their first printing: a
    highlight and the body, or a summary and a table, that print one fact make one observation,
    so that no sum over observations counts it twice."""
    found: dict[tuple[object, ...], list[tuple[Observation, Printing]]] = {}
    for claim in claims:
        for index, obs in enumerate(claim.observations):
            found.setdefault(obs.fact, []).append((obs, Printing(claim.id, index)))
    result = []
    for printed in found.values():
        printed.sort(key=lambda p: (p[0].start, p[1].claim, p[1].index))
        notes = tuple({n.name: n for obs, _ in printed for n in obs.notes}.values())
        fixes = tuple(dict.fromkeys(fix for obs, _ in printed for fix in obs.corrections))
        basis = next((obs.mass_basis for obs, _ in printed if obs.mass_basis), None)
        first = replace(printed[0][0], notes=notes, corrections=fixes, mass_basis=basis)
        result.append(Fact(first, tuple(p for _, p in printed)))
    result.sort(key=lambda f: (f.observation.start, f.printings[0].claim, f.printings[0].index))
    return result


@dataclass(frozen=True)
class Claim:
    """One anchored statement of the report and everything it states."""

    id: str
    kind: str
    anchor: Anchor
    quote: str
    subject: str
    origin: str  # "file:line" of the sheet entry, or "table:<kind>" for table rows
    about: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (property local name, object entity id)
    observations: tuple[Observation, ...] = ()
    missing_metric: str | None = None
    kpis: tuple[str, ...] = ()
    sdgs: tuple[SDGLink, ...] = ()
    review: str | None = None  # drafted | reviewed | corrected: read by csr-kg's drafter; None: by a curator
    # The index in ``observations`` of the figure that totals the claim's figures at named
    # boundaries: a table row's total column ("Group total") over its site columns.
    boundary_total: int | None = None


@dataclass(frozen=True)
class Expectation:
    """A key expectation of a stakeholder group, from the stakeholder table."""

    group: str
    label: str
    issue: str | None


@dataclass(frozen=True)
class Channel:
    """A communication channel with a stakeholder group, from the stakeholder table."""

    group: str
    label: str


@dataclass(frozen=True)
class Uncovered:
    """A quantity mention the curators left outside every claim, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class TableSummary:
    """One table the loader read: where, what kind, how many rows and cells, how many cells not read."""

    kind: str  # figures | stakeholders | awards
    line: int
    rows: int
    cells: int
    unread: int


@dataclass(frozen=True)
class Superseded:
    """A drafted claim the loader left out because a curated claim anchors the same text: the
    curated reading wins, and ``winners`` (their ids) are what a reviewer compares it with."""

    claim: Claim
    winners: tuple[str, ...]


@dataclass
class Report:
    """A report folder, loaded and checked."""

    meta: ReportMeta
    text: ReportText
    entities: dict[str, EntitySpec] = field(default_factory=dict)
    metrics: dict[str, MetricSpec] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    expectations: list[Expectation] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    uncovered: list[Uncovered] = field(default_factory=list)
    unread_cells: list[Uncovered] = field(default_factory=list)  # table cells holding a digit, not read
    tables: list[TableSummary] = field(default_factory=list)
    # The caption title of the table each table-row claim quotes a row of ("Health and safety"):
    # a row that reads as no catalogue metric discloses a KPI of the aspect it names.
    table_captions: dict[str, str] = field(default_factory=dict)
    unread_blocks: list[tuple[int, int]] = field(default_factory=list)  # table-like lines no reader read
    origins: dict[str, str] = field(default_factory=dict)  # "entity:<id>" / "metric:<id>" -> "file:line"
    superseded: list[Superseded] = field(default_factory=list)  # drafted claims curated ones replace
    shadowed: list[str] = field(default_factory=list)  # "kind:id" drafted definitions curated ones replace
    # The units the report was read with (packaged, the user's and the folder's units.ttl), so
    # that mapping and coverage resolve and recognise exactly what the loader did.
    units: Units | None = None
    # The company id its company node is minted from, when an identifier the report shares with
    # reports that spell the company otherwise merges them (kg.ingest.companies); None: meta.company.
    company_node: str | None = None

    @property
    def company_id(self) -> str:
        """The id the company's node, and the nodes of what it owns, are minted from."""
        return self.company_node or self.meta.company

    @property
    def company_alias(self) -> bool:
        """The report spells its company otherwise than the node's own id: its name is another name of it."""
        return self.company_id != self.meta.company

    def node_id(self, ident: str) -> str:
        """The id an entity of the report is minted from: the company's node id for the company."""
        return self.company_id if ident == self.meta.company else ident
