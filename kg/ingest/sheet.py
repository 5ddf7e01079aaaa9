"""The schema of a report folder's metadata and curated claim sheets, and their reading.

The sheets are written by people, so every error names the file and line of the entry that is
wrong: :mod:`kg.ingest.yaml_safe` reads the YAML and gives each mapping its line, the pydantic
models here check the shape and values of each entry (ids, IRIs, entity types, dates and periods),
and :mod:`kg.ingest.sheet_errors` says what is wrong in the sheet's terms.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kg.errors import InputError
from kg.ingest import identifiers
from kg.ingest.sheet_errors import explain, shown, suggest
from kg.ingest.yaml_safe import LINE_KEY, load_yaml
from kg.vocab.catalogue import catalogue
from kg.vocab.entity_types import sheet_types
from kg.vocab.identifiers import exchange_names, identifier_vocabulary

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids become segments of every IRI minted under them; a megabyte-long id would make each export
# hundreds of megabytes. Curated ids are a few words long.
SLUG_MAX = 100
# An absolute IRI: a scheme, then no character that N-Triples and Turtle cannot carry in <...>.
IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|\\^`]+$')
IRI_MAX = 2000
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERIOD_PART = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
DRAFTED_SHEET = "drafted.yaml"  # the sheet of claims/ that csrkg draft writes; every other is a curator's


def _drop_line(value: Any) -> Any:
    """Plain mappings (not entries) carry no line of their own."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != LINE_KEY}
    return value


def _check_slug(value: str) -> str:
    if not SLUG.match(value) or len(value) > SLUG_MAX:
        short = value if len(value) <= SLUG_MAX else f"{value[:40]}...({len(value)} characters)"
        raise ValueError(f"{short!r} is not a slug (lower-case letters, digits and hyphens, at most {SLUG_MAX})")
    return value


def _check_iri(value: str | None) -> str | None:
    if value is not None and (len(value) > IRI_MAX or not IRI.match(value)):
        raise ValueError(f'{value[:60]!r} is not an absolute IRI (scheme:..., no spaces or <>"{{}}|\\^`)')
    return value


def _check_type(value: str) -> str:
    known = sheet_types()
    if value not in known:
        raise ValueError(f"{shown(value)} is not an entity type (known: {', '.join(known)}){suggest(value, known)}")
    return value


def _check_catalogue(value: str | None) -> str | None:
    if value is not None and value not in catalogue():
        raise ValueError(
            f"{shown(value)} is not a metric of the catalogue (ontology/metrics.ttl){suggest(value, catalogue())}"
        )
    return value


def _is_date(value: str) -> bool:
    """YYYY-MM-DD and a real day; ``date.fromisoformat`` alone also takes "20190101" and "2019-W01-1",
    which are no xsd:date."""
    try:
        return bool(DATE.match(value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


def _check_date(value: str | None) -> str | None:
    if value is not None and not _is_date(value):
        raise ValueError(f"{shown(value)} is not a date (YYYY-MM-DD)")
    return value


def _check_period(value: str | None) -> str | None:
    """YYYY, YYYY-MM-DD, or START/END of those with START before END (None: the report year)."""
    if value is None:
        return value
    parts = value.split("/")
    if len(parts) > 2 or not all(PERIOD_PART.match(p) for p in parts):
        raise ValueError(f"{shown(value)} is not YYYY, YYYY-MM-DD or START/END")
    if not all(len(p) == 4 or _is_date(p) for p in parts):
        raise ValueError(f"{shown(value)} is not a real date")
    if len(parts) == 2 and parts[0] >= parts[1]:
        raise ValueError(f"{shown(value)} ends before it starts")
    return value


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    line: int = Field(default=0, alias=LINE_KEY)


EntryT = TypeVar("EntryT", bound=_Entry)


class Curator(_Entry):
    name: str
    iri: str | None = None
    _iri = field_validator("iri")(_check_iri)


def _quoted(value: Any) -> Any:
    """A code must be written as text: YAML reads ``0700`` as the number 448 and ``01.10`` as 1.1,
    so a number cannot be told back into the code it was written as."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"must be text in quotes, read as the number {value} (YAML reads an unquoted 0700 as 448)")
    return value


class CompanyIdentifiers(_Entry):
    """``identifiers`` of report.yaml: what identifies the reporting company, each when known.

    ``exchange`` (a short name or ISO 10383 MIC of ontology/identifiers.ttl) and ``stock_code``
    go together; ``lei`` and ``isin`` are checked against their check digits; ``wikidata`` is
    the company's Wikidata item (Q...). An LEI, a listing or a Wikidata item that two reports
    share makes their company one node (kg.ingest.companies).
    """

    exchange: str | None = None
    stock_code: str | None = None
    lei: str | None = None
    isin: str | None = None
    wikidata: str | None = None
    _text = field_validator("stock_code", mode="before")(_quoted)
    _lei = field_validator("lei")(lambda v: v and identifiers.check_lei(v))
    _isin = field_validator("isin")(lambda v: v and identifiers.check_isin(v))
    _wikidata = field_validator("wikidata")(lambda v: v and identifiers.check_wikidata(v))
    _code = field_validator("stock_code")(lambda v: v and identifiers.check_stock_code(v))

    @field_validator("exchange")
    @classmethod
    def _known_exchange(cls, value: str | None) -> str | None:
        if value is not None and identifier_vocabulary().exchange(value) is None:
            known = exchange_names()
            raise ValueError(
                f"{shown(value)} is not a known exchange (known: {', '.join(known)}, or their ISO 10383 MICs; "
                f"ontology/identifiers.ttl){suggest(value.upper(), known)}"
            )
        return value

    @model_validator(mode="after")
    def _listing(self) -> CompanyIdentifiers:
        if (self.exchange is None) != (self.stock_code is None):
            raise ValueError("gives an exchange and a stock_code together, or neither")
        return self


class SectorSpec(_Entry):
    """``sector`` of report.yaml: the company's sector, a code and label of a named classification.

    ``scheme`` is a known classification's notation (GICS, HSICS, ICB, NACE, NAICS; ontology/
    identifiers.ttl) or the name of any other.
    """

    scheme: str = Field(min_length=1, max_length=200)
    code: str
    label: str = Field(min_length=1, max_length=500)
    _text = field_validator("code", mode="before")(_quoted)
    _code = field_validator("code")(identifiers.check_sector_code)


class ReportMeta(_Entry):
    """``report.yaml``: what the report is, who published it, how it was curated."""

    id: str
    company: str
    title: str
    year: int = Field(ge=1000, le=9999)  # an xsd:gYear and the default period, YYYY
    language: str = "en"
    standard: str | None = None  # notation of a reporting-guide scheme, e.g. HKEX ESG guide
    source: str | None = None
    issued: str | None = None  # when the company published the report (YYYY-MM-DD)
    curated: str | None = None  # when the claim sheets were last curated (YYYY-MM-DD)
    text: str = "report.txt"
    curator: Curator
    fiscal_year_end: str | None = None  # MM-DD: the day the fiscal years of FY2021, 2019/20 columns end
    identifiers: CompanyIdentifiers | None = None  # the company's exchange listing, LEI, ISIN, Wikidata item
    sector: SectorSpec | None = None  # the company's sector under a named classification
    _slug = field_validator("id", "company")(_check_slug)
    _dates = field_validator("issued", "curated")(_check_date)

    @field_validator("fiscal_year_end")
    @classmethod
    def _month_day(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                month, day = (int(p) for p in value.split("-"))
                if not re.fullmatch(r"\d\d-\d\d", value) or not date(2001, month, day):
                    raise ValueError
            except ValueError:
                raise ValueError(f"{value!r} is not a month and day (MM-DD)") from None
        return value


class EntitySpec(_Entry):
    """A thing claims are about: an organisation, unit, initiative, law, award, place ..."""

    id: str
    type: str  # a csr:sheetType of the ontology (kg.vocab.entity_types)
    label: str
    label_zh: str | None = None
    alt_labels: tuple[str, ...] = ()
    description: str | None = None
    unit_of: str | None = None  # committees, departments, teams, boards: the organisation
    parent: str | None = None  # subsidiaries: the parent organisation
    aspects: tuple[str, ...] = ()  # HKEX aspect or KPI codes the entity belongs to
    priority: Literal["key", "other"] | None = None  # material issues: the report's ranking
    organiser: str | None = None  # awards: who gives them
    _slug = field_validator("id")(_check_slug)
    _type = field_validator("type")(_check_type)


class MetricSpec(_Entry):
    """What is measured: the concept several observations (and reports) share.

    ``catalogue`` names the standard metric of the catalogue this one is (``match``: exactly,
    closely, or as its narrower or broader concept), so that figures compare across reports; its
    definition is the catalogue's, and ``description`` is only for what the report's own metric
    adds. A metric with no ``catalogue`` is matched by its label where the reading is unambiguous
    (kg.vocab.catalogue.match_metric).
    """

    id: str
    label: str
    description: str | None = None
    catalogue: str | None = None  # notation of a catalogue metric, e.g. ghg-scope-1
    match: Literal["exact", "close", "broad", "narrow"] = (
        "exact"  # how the catalogue metric relates: skos:exactMatch, closeMatch ...
    )
    kpis: tuple[str, ...] = ()  # HKEX KPI codes the metric discloses
    share: bool = False  # a percentage of a whole, which must lie in 0-100
    component_of: str | None = None  # a total metric this one is a part of
    intensity_of: str | None = None  # for an intensity: its numerator metric
    denominator: str | None = None  # for an intensity: the metric it divides by
    breakdown: str | None = None  # for a component: the breakdown it is listed under ("By gender")
    partial: bool = False  # for a component: one part of its total ("of which"), not a full breakdown
    drafted: bool = False  # minted by csr-kg's table reader from a row label, not by a curator
    _slug = field_validator("id")(_check_slug)
    _catalogue = field_validator("catalogue")(_check_catalogue)


class ObservationSpec(_Entry):
    """A figure printed in the claim's quote, as a value of a metric."""

    metric: str
    figure: str  # the figure exactly as printed, including qualifier, currency, scale, unit
    unit: str | None = None  # only where the printed figure carries none (e.g. a table header)
    period: str | None = None  # YYYY, YYYY-MM-DD, or START/END of those; default: report year
    boundary: str | None = None
    subject: str | None = None  # the entity measured; default: the claim's subject
    # For something given (a donation, grant, investment): who receives it; ``subject`` is the giver.
    recipient: str | None = None
    # value: a level of the metric; change: a printed change of it since ``baseline``; target: a
    # level (or, with ``direction``, a change since ``baseline``) the company commits to by ``period``
    kind: Literal["value", "change", "target"] = "value"
    baseline: str | None = None  # changes and targets: the period they are measured from
    direction: Literal["increase", "decrease"] | None = None  # a decrease is read as a negative change
    _year = field_validator("period", "baseline", mode="before")(lambda v: str(v) if isinstance(v, int) else v)
    _period = field_validator("period", "baseline")(_check_period)


class SDGLink(_Entry):
    """An alignment of the claim's subject with a UN Sustainable Development Goal."""

    goal: int = Field(ge=1, le=17)
    basis: Literal["stated", "inferred"]
    rationale: str | None = None


class ClaimSpec(_Entry):
    """One statement of the report, anchored by its verbatim quote."""

    id: str
    kind: str
    quote: str
    section: str | None = None  # restricts anchoring to one numbered section
    occurrence: int | None = Field(default=None, ge=1)  # which match, when the quote occurs repeatedly
    subject: str | None = None  # default: the reporting company
    about: tuple[str, ...] = ()
    links: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    observations: tuple[ObservationSpec, ...] = ()
    missing_figure: str | None = None  # metric id of an announced figure the text omits
    kpis: tuple[str, ...] = ()
    sdgs: tuple[SDGLink, ...] = ()
    # Who read the claim: None, a curator; drafted, csr-kg's drafter (kind, metrics, mappings are
    # the software's reading); reviewed or corrected, a drafted claim a person checked or mended.
    review: Literal["drafted", "reviewed", "corrected"] | None = None
    _slug = field_validator("id")(_check_slug)
    _links = field_validator("links", mode="before")(_drop_line)


class StakeholderRowSpec(_Entry):
    """How to split one row of the stakeholder table into its items (the cells run together)."""

    group: str  # the row's first cell, verbatim
    id: str
    expectations: tuple[str, ...]
    channels: tuple[str, ...]
    _slug = field_validator("id")(_check_slug)


class UncoveredSpec(_Entry):
    """A quantity mention deliberately left without a claim, with the reason."""

    context: str  # verbatim text around the mention, long enough to be unique
    reason: str


class CorrectionSpec(_Entry):
    """A curator's correction of one printed observation, kept beside it, never in its place.

    The observation is the one of claim ``claim`` printed as ``figure``; exactly one of
    ``metric`` (a metric id of the report), ``catalogue_metric`` (a notation of the metric
    catalogue), ``period``, ``unit`` (a printed unit, "tonnes") or ``boundary`` says what it should
    read; ``evidence`` is a verbatim quote of the report text that shows it, anchored like a
    claim's quote (``section`` and ``occurrence`` as for claims).
    """

    claim: str
    figure: str  # the observation's figure as printed (its surface form)
    metric: str | None = None
    catalogue_metric: str | None = None
    period: str | None = None
    unit: str | None = None
    boundary: str | None = None
    rationale: str
    evidence: str
    section: str | None = None
    occurrence: int | None = Field(default=None, ge=1)
    _slug = field_validator("claim")(_check_slug)
    _year = field_validator("period", mode="before")(lambda v: str(v) if isinstance(v, int) else v)
    _period = field_validator("period")(_check_period)

    @property
    def corrected(self) -> tuple[str, str]:
        """The one corrected field and its value; ValueError when not exactly one is given."""
        given = [(name, value) for name in CORRECTABLE if (value := getattr(self, name)) is not None]
        if len(given) != 1:
            raise ValueError(f"a correction gives exactly one of {', '.join(CORRECTABLE)} (given: {len(given)})")
        return given[0]


CORRECTABLE = ("metric", "catalogue_metric", "period", "unit", "boundary")


class TableNoteSpec(_Entry):
    """A note printed below a figure table, attached by the curators to the rows it qualifies.

    For notes that carry no marker on any row or column: ``note`` is verbatim words of one note
    below a figure table, ``rows`` the metric ids of the rows it qualifies (of any table of the
    report), and ``boundary`` (optional, verbatim words of that note) the boundary those rows
    cover instead of the table's.
    """

    note: str
    rows: tuple[str, ...] = Field(min_length=1)
    boundary: str | None = None
    rationale: str


class Sheet(_Entry):
    """One claim-sheet file: any mix of entities, metrics, claims and coverage notes."""

    entities: tuple[EntitySpec, ...] = ()
    metrics: tuple[MetricSpec, ...] = ()
    claims: tuple[ClaimSpec, ...] = ()
    stakeholder_table: tuple[StakeholderRowSpec, ...] = ()
    expectation_issues: dict[str, str] = Field(default_factory=dict)
    uncovered: tuple[UncoveredSpec, ...] = ()
    corrections: tuple[CorrectionSpec, ...] = ()
    table_notes: tuple[TableNoteSpec, ...] = ()
    _issues = field_validator("expectation_issues", mode="before")(_drop_line)


def _validated(model: type[EntryT], data: Any, path: Path) -> EntryT:
    if not isinstance(data, dict):
        raise InputError(f"{path}:1: expected a mapping at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        line, message = explain(model, data, exc.errors())
        raise InputError(f"{path}:{line}: {message}") from None


def read_meta(folder: Path) -> ReportMeta:
    """Read and check ``report.yaml`` of a report folder."""
    path = folder / "report.yaml"
    return _validated(ReportMeta, load_yaml(path), path)


def read_sheets(folder: Path) -> list[tuple[Path, Sheet]]:
    """Read every claim sheet under ``claims/`` of a report folder, in file-name order."""
    sheets_dir = folder / "claims"
    paths = sorted(sheets_dir.glob("*.yaml")) if sheets_dir.is_dir() else []
    if not paths:
        raise InputError(f"{sheets_dir}: no claim sheets (*.yaml) found")
    return [(path, check_sheet(load_yaml(path), path)) for path in paths]


def check_sheet(data: Any, path: Path) -> Sheet:
    """The claim sheet ``data`` (read by :func:`kg.ingest.yaml_safe.load_yaml` from ``path``), checked."""
    return _validated(Sheet, data or {}, path)
