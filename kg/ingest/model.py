"""Plain objects for a loaded report: claims and what they state, checked before any RDF exists."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Observation:
    """A printed figure of a claim, read as a value of a metric.

    ``kind`` is ``value`` (a figure of the metric), ``change`` (a printed change of the metric
    from the ``baseline`` period to ``period``: in percent when relative, in the metric's unit
    when absolute) or ``target`` (a level the company commits to reach by ``period``, or with a
    ``baseline`` a change it commits to since then). An observation not ``disclosed`` is a cell
    printed "N/A", "-" ... for the period: it has no value, precision or unit, and is never zero.
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
    unread_blocks: list[tuple[int, int]] = field(default_factory=list)  # table-like lines no reader read
    origins: dict[str, str] = field(default_factory=dict)  # "entity:<id>" / "metric:<id>" -> "file:line"
    superseded: list[Superseded] = field(default_factory=list)  # drafted claims curated ones replace
    shadowed: list[str] = field(default_factory=list)  # "kind:id" drafted definitions curated ones replace
    # The units the report was read with (packaged, the user's and the folder's units.ttl), so
    # that mapping and coverage resolve and recognise exactly what the loader did.
    units: Units | None = None
