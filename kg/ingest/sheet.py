"""Read a report folder's metadata and curated claim sheets (YAML) into validated models.

The sheets are written by people, so every error names the file and line of the entry that is
wrong. PyYAML gives each mapping its line; pydantic checks the shape of each entry.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kg.errors import InputError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids become segments of every IRI minted under them; a megabyte-long id would make each export
# hundreds of megabytes. Curated ids are a few words long.
SLUG_MAX = 100
LINE_KEY = "__line__"
# Nesting no claim sheet needs (they are four levels deep); deeper input would exhaust PyYAML's
# recursive composer with a RecursionError instead of a message.
MAX_DEPTH = 50
# An absolute IRI: a scheme, then no character that N-Triples and Turtle cannot carry in <...>.
IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|\\^`]+$')
IRI_MAX = 2000
# Characters XML 1.0 cannot hold (C0 controls other than tab, LF and CR; lone surrogates;
# U+FFFE and U+FFFF): a graph holding one cannot be written as RDF/XML, so input holding one is
# refused where it is read, with its file and line.
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def forbidden_char(text: str) -> str | None:
    """A description of the first character of ``text`` no RDF/XML file can hold, or None."""
    found = FORBIDDEN_CHARS.search(text)
    return f"character U+{ord(found.group()):04X}" if found else None


def _drop_line(value: Any) -> Any:
    """Plain mappings (not entries) carry no line of their own."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != LINE_KEY}
    return value


def _check_slug(value: str) -> str:
    if not SLUG.match(value) or len(value) > SLUG_MAX:
        shown = value if len(value) <= SLUG_MAX else f"{value[:40]}...({len(value)} characters)"
        raise ValueError(f"{shown!r} is not a slug (lower-case letters, digits and hyphens, at most {SLUG_MAX})")
    return value


def _check_iri(value: str | None) -> str | None:
    if value is not None and (len(value) > IRI_MAX or not IRI.match(value)):
        raise ValueError(f'{value[:60]!r} is not an absolute IRI (scheme:..., no spaces or <>"{{}}|\\^`)')
    return value


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    line: int = Field(default=0, alias=LINE_KEY)


EntryT = TypeVar("EntryT", bound=_Entry)


class Curator(_Entry):
    name: str
    iri: str | None = None
    _iri = field_validator("iri")(_check_iri)


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
    _slug = field_validator("id", "company")(_check_slug)

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
    breakdown: str | None = None  # for a component: the breakdown it is listed under ("By gender")
    partial: bool = False  # for a component: one part of its total ("of which"), not a full breakdown
    drafted: bool = False  # minted by csr-kg's table reader from a row label, not by a curator
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

# The YAML core schema: what a claim sheet is made of. Other tags (!!binary, !!timestamp, !!set,
# !!omap, !!python/..., custom !tags) make values the models do not expect, some of them
# crash PyYAML's constructors on bad content, so they are refused with their line.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))


def _compose_node(loader: _LineLoader, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
    """PyYAML's composer recurses once per level: stop at MAX_DEPTH, with the line, not a RecursionError."""
    depth = getattr(loader, "_depth", 0)
    if depth >= MAX_DEPTH:
        mark = loader.peek_event().start_mark
        raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep", mark)
    loader._depth = depth + 1  # type: ignore[attr-defined]
    try:
        return yaml.composer.Composer.compose_node(loader, parent, index)
    finally:
        loader._depth = depth  # type: ignore[attr-defined]


_LineLoader.compose_node = _compose_node  # type: ignore[assignment,method-assign]


def _construct_object(loader: _LineLoader, node: yaml.Node, deep: bool = False) -> Any:
    """Construct one value, refusing other tags and turning a constructor's crash into a marked error."""
    if node.tag not in _PLAIN_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise yaml.constructor.ConstructorError(
            None, None, f"tag {tag!r} is not allowed (plain strings, numbers, lists and mappings only)", node.start_mark
        )
    try:
        value = yaml.constructor.BaseConstructor.construct_object(loader, node, deep)
    except yaml.YAMLError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        # e.g. an integer of more than 4300 digits (Python refuses to convert it)
        shown = str(node.value)[:40] if isinstance(node, yaml.ScalarNode) else node.id
        raise yaml.constructor.ConstructorError(
            None, None, f"cannot read {shown!r} as {node.tag.rsplit(':', 1)[-1]}: {exc}", node.start_mark
        ) from None
    if isinstance(value, str) and (bad := forbidden_char(value)):
        raise yaml.constructor.ConstructorError(None, None, f"{bad} is not allowed in text", node.start_mark)
    return value


_LineLoader.construct_object = _construct_object  # type: ignore[assignment,method-assign]


def _no_duplicate_keys(loader: _LineLoader, node: yaml.MappingNode) -> None:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        try:
            duplicate = key in seen
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)


def read_text_file(path: Path, what: str = "file") -> str:
    """The UTF-8 text of ``path``; any reason it cannot be read is an :class:`InputError`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: {what} not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: {what} is a directory, not a file") from None
    except (OSError, ValueError) as exc:  # permissions, a NUL in the name ...
        raise InputError(f"{path}: cannot read {what}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _load_yaml(path: Path) -> Any:
    text = read_text_file(path)
    loader: _LineLoader | None = None
    try:
        _check_depth(text)
        loader = _LineLoader(text)  # checks that every character is printable
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
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(f"{path}:{line}: malformed YAML: character U+{exc.character:04X} is not allowed") from None
    finally:
        if loader is not None:
            loader.dispose()


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before anything recurses over it.

    libyaml's composer recurses in C once per level and crashes the interpreter on a document
    nested some ten thousand levels deep, and constructing one far less deep ends in a
    RecursionError. Its event stream is flat, so counting depth on it first is safe, and it costs
    less than the time libyaml saves over the pure-Python parser.
    """
    if not yaml.__with_libyaml__:
        return  # the pure-Python composer counts depth itself (_compose_node)
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _walk(node: yaml.Node | None) -> list[yaml.MappingNode]:
    """Every mapping node once: an alias shares its anchor's node, so a node reached again is skipped
    (otherwise an alias bomb, "billion laughs", would be walked exponentially often)."""
    if node is None:
        return []
    found: list[yaml.MappingNode] = []
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
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
