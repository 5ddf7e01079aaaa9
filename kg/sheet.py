"""Read a report folder's metadata and curated claim sheets (YAML) into validated models.

The sheets are written by people, so every error names the file and line of the entry that is
wrong. PyYAML gives each mapping its line; pydantic checks the shape of each entry.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINE_KEY = "__line__"


class InputError(Exception):
    """Bad input: the message names the file, the line or entry, and what is wrong."""


def _drop_line(value: Any) -> Any:
    """Plain mappings (not entries) carry no line of their own."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != LINE_KEY}
    return value


def _check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} is not a slug (lower-case letters, digits and hyphens)")
    return value


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    line: int = Field(default=0, alias=LINE_KEY)


EntryT = TypeVar("EntryT", bound=_Entry)


class Curator(_Entry):
    name: str
    iri: str | None = None


class ReportMeta(_Entry):
    """``report.yaml``: what the report is, who published it, how it was curated."""

    id: str
    company: str
    title: str
    year: int
    language: str = "en"
    standard: str | None = None  # notation of a reporting-guide scheme, e.g. HKEX ESG guide
    source: str | None = None
    issued: str | None = None  # when the company published the report (YYYY-MM-DD)
    curated: str | None = None  # when the claim sheets were last curated (YYYY-MM-DD)
    text: str = "report.txt"
    curator: Curator
    _slug = field_validator("id", "company")(_check_slug)


EntityType = Literal[
    "Organization",
    "Subsidiary",
    "Board",
    "Committee",
    "Department",
    "Team",
    "Initiative",
    "Product",
    "StakeholderGroup",
    "MaterialIssue",
    "Law",
    "Policy",
    "Standard",
    "Certification",
    "Award",
    "Event",
    "Place",
    "Person",
]


class EntitySpec(_Entry):
    """A thing claims are about: an organisation, unit, initiative, law, award, place ..."""

    id: str
    type: EntityType
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


class MetricSpec(_Entry):
    """What is measured: the concept several observations (and reports) share."""

    id: str
    label: str
    description: str | None = None
    kpis: tuple[str, ...] = ()  # HKEX KPI codes the metric discloses
    share: bool = False  # a percentage of a whole, which must lie in 0-100
    component_of: str | None = None  # a total metric this one is a part of
    intensity_of: str | None = None  # for an intensity: its numerator metric
    denominator: str | None = None  # for an intensity: the metric it divides by
    _slug = field_validator("id")(_check_slug)


class ObservationSpec(_Entry):
    """A figure printed in the claim's quote, as a value of a metric."""

    metric: str
    figure: str  # the figure exactly as printed, including qualifier, currency, scale, unit
    unit: str | None = None  # only where the printed figure carries none (e.g. a table header)
    period: str | None = None  # YYYY, YYYY-MM-DD, or START/END of those; default: report year
    boundary: str | None = None
    subject: str | None = None  # the entity measured; default: the claim's subject
    _period = field_validator("period", mode="before")(lambda v: str(v) if isinstance(v, int) else v)


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


class Sheet(_Entry):
    """One claim-sheet file: any mix of entities, metrics, claims and coverage notes."""

    entities: tuple[EntitySpec, ...] = ()
    metrics: tuple[MetricSpec, ...] = ()
    claims: tuple[ClaimSpec, ...] = ()
    stakeholder_table: tuple[StakeholderRowSpec, ...] = ()
    expectation_issues: dict[str, str] = Field(default_factory=dict)
    uncovered: tuple[UncoveredSpec, ...] = ()
    _issues = field_validator("expectation_issues", mode="before")(_drop_line)


class _LineLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader that records each mapping's line number under ``__line__``.

    Timestamps stay strings: periods like ``2019-12-31`` are checked by the loader, and an
    impossible date must be an error with a line, not a crash inside the YAML parser.
    """


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _no_duplicate_keys(loader: _LineLoader, node: yaml.MappingNode) -> None:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)


def _load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    loader = _LineLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        for node in _walk(root):
            _no_duplicate_keys(loader, node)
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{path}{line}: malformed YAML: {exc.problem or exc.context}") from None
    finally:
        loader.dispose()


def _walk(node: yaml.Node | None) -> list[yaml.MappingNode]:
    if node is None:
        return []
    found: list[yaml.MappingNode] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            found.append(current)
            for k, v in current.value:
                stack.extend((k, v))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return found


def _line_of(data: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the innermost mapping on the error's path."""
    line = data.get(LINE_KEY, 0) if isinstance(data, dict) else 0
    current = data
    for part in loc:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(current, dict):
            line = current.get(LINE_KEY, line)
    return line


def _validated(model: type[EntryT], data: Any, path: Path) -> EntryT:
    if not isinstance(data, dict):
        raise InputError(f"{path}:1: expected a mapping at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        line = _line_of(data, err["loc"])
        raise InputError(f"{path}:{line}: {where}: {err['msg']}") from None


def read_meta(folder: Path) -> ReportMeta:
    """Read and check ``report.yaml`` of a report folder."""
    path = folder / "report.yaml"
    return _validated(ReportMeta, _load_yaml(path), path)


def read_sheets(folder: Path) -> list[tuple[Path, Sheet]]:
    """Read every claim sheet under ``claims/`` of a report folder, in file-name order."""
    sheets_dir = folder / "claims"
    paths = sorted(sheets_dir.glob("*.yaml")) if sheets_dir.is_dir() else []
    if not paths:
        raise InputError(f"{sheets_dir}: no claim sheets (*.yaml) found")
    return [(path, _validated(Sheet, _load_yaml(path) or {}, path)) for path in paths]
