"""Build many report folders into one graph, one report at a time.

A corpus of a thousand reports is millions of triples, more than an in-memory rdflib graph
holds comfortably. So each report is loaded, checked and mapped on its own, in worker
processes (one per core), turned into sorted N-Triples lines and forgotten. The parent keeps
only what reports share: the first definition of each shared IRI (to refuse a second,
different one) and the lines about shared nodes it has written already (to write them once).
Memory grows with one report and the shared vocabulary, not with the corpus.

Output is deterministic: folders are taken in sorted order, lines are sorted within a report,
and a shared line is written with the first report that states it.

A build can validate each report as it maps it (``Checks``): the worker hands the report's
N-Triples lines to the validation at once, so a report is loaded, checked and mapped once for
both, where building and then validating the folders (validate_corpus) does that work twice.
"""

from __future__ import annotations

import tempfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg.collector import collector_paused
from kg.ingest.companies import company_nodes
from kg.ingest.coverage import table_lines
from kg.ingest.definitions import Definition, Definitions, report_definitions
from kg.ingest.loader import ReportIds, load_report
from kg.ingest.sheet import read_meta
from kg.rdf.build import atomic_output
from kg.rdf.iris import Minter
from kg.rdf.mapping import Triple, report_triples
from kg.rdf.store import load_store
from kg.validate.shacl import Finding, Validation, shapes_from, validate_ntriples
from kg.vocab.namespaces import DEFAULT_BASE
from kg.workers import absolute, in_order

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
STREAM_SUFFIXES = (".nt", ".nq")


@dataclass(frozen=True)
class ReportValidation:
    """The validation of one report of a corpus: its findings, and the SHACL report as N-Triples."""

    report_id: str
    conforms: bool
    findings: tuple[Finding, ...]
    shacl_report: bytes

    def validation(self) -> Validation:
        return Validation(self.conforms, Graph().parse(data=self.shacl_report, format="nt"), self.findings)


@dataclass(frozen=True)
class Checks:
    """How each report is validated: csr-kg's shapes plus those in the files ``shapes`` (or only
    those, with ``replace``); ``allow_warnings`` is pySHACL's option."""

    shapes: tuple[Path, ...] = ()
    replace: bool = False
    allow_warnings: bool = True

    def validate(self, report_id: str, data: bytes) -> ReportValidation:
        """The validation of the report ``report_id``, mapped to the N-Triples ``data`` (lines
        written by ntriples_lines, whose every IRI and language tag Oxigraph has checked)."""
        shapes = shapes_from(self.shapes, self.replace) if self.shapes else None
        result = validate_ntriples(data, shapes, self.allow_warnings, checked=True)
        report = result.report.serialize(format="nt", encoding="utf-8")
        return ReportValidation(report_id, result.conforms, result.findings, report)


@dataclass(frozen=True)
class MappedReport:
    """One report as N-Triples: the lines about its own nodes and about shared ones, apart."""

    folder: Path
    report_id: str
    graph_iri: str  # the named graph of the report's own nodes in N-Quads and TriG
    definitions: list[Definition]
    owned: list[bytes]
    shared: list[bytes]
    table_lines: list[str]  # what the build says about the report's tables (kg.ingest.coverage.table_lines)
    validation: ReportValidation | None = None  # when the build validates (map_report's ``checks``)


@lru_cache(maxsize=1 << 16)
def _iri(iri: str) -> str:
    """``<iri>``, checked by Oxigraph (a malformed IRI raises ValueError, as Oxigraph's writer
    would); vocabulary and shared IRIs recur in every report, so each is checked once."""
    ox.NamedNode(iri)
    return f"<{iri}>"


@lru_cache(maxsize=1 << 10)
def _language(tag: str) -> str:
    """``@tag`` as Oxigraph writes it (checked, lower case)."""
    return f"@{ox.Literal('', language=tag).language}"


# Oxigraph's N-Triples escapes: the named ones, \uXXXX for other controls and U+FFFE and
# U+FFFF, the rest as UTF-8 (tests/unit/test_ntriples_lines.py holds it to every code point).
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)} | {
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}


def _literal_text(term: Literal) -> str:
    quoted = f'"{str.translate(term, _ESCAPES)}"'
    if term.language:
        return quoted + _language(term.language)
    if term.datatype is None or str(term.datatype) == XSD_STRING:
        return quoted
    return f"{quoted}^^{_iri(term.datatype)}"


# The text of literals met already, by identity: kg.rdf.mapping makes each repeated literal (labels,
# rationales, figures, flags) once, so most literals of a report are objects seen before. The
# literal is held with its text, so its id cannot be reused while the entry lasts.
_LITERALS: dict[int, tuple[Literal, str]] = {}
_LITERALS_KEPT = 1 << 15


def _object(term: URIRef | Literal) -> str:
    if isinstance(term, URIRef):
        return _iri(term)
    known = _LITERALS.get(id(term))
    if known is not None and known[0] is term:
        return known[1]
    text = _literal_text(term)
    if len(_LITERALS) >= _LITERALS_KEPT:
        _LITERALS.clear()
    _LITERALS[id(term)] = (term, text)
    return text


def ntriples_lines(triples: Iterable[Triple]) -> list[bytes]:
    """Sorted, distinct canonical N-Triples lines, written as Oxigraph writes them.

    Written as text here rather than through Oxigraph terms: converting every term to
    Oxigraph's and back was a quarter of a report's build. UTF-8 keeps code-point order, so
    sorting the text sorts the bytes. Duplicates are dropped keeping the mapper's order, which
    is mostly runs of one subject's lines, so the sort takes a third of the time it takes on
    a set's order.
    """
    iri, term = _iri, _object
    lines = dict.fromkeys([f"{iri(s)} {iri(p)} {term(o)} .\n" for s, p, o in triples])
    return [line.encode("utf-8") for line in sorted(lines)]


def _starting_with(lines: list[bytes], prefix: bytes) -> tuple[int, int]:
    """Where the sorted ``lines`` that start with ``prefix`` lie (they are contiguous)."""
    start = bisect_left(lines, prefix)
    return start, bisect_right(lines, prefix, lo=start, key=lambda line: line[: len(prefix)])


@collector_paused
def map_report(
    folder: Path,
    base: str = DEFAULT_BASE,
    company_nodes: Mapping[Path, str] | None = None,
    checks: Checks | None = None,
) -> MappedReport:
    """Load, check and map one report folder (the unit of work of a worker process), and validate
    its lines with ``checks`` if given.

    ``company_nodes`` are the company node ids of the corpus's reports whose company another
    report spells otherwise (kg.ingest.companies.company_nodes).
    """
    report = load_report(folder)
    report.company_node = (company_nodes or {}).get(folder)
    minter = Minter(base)
    report_iri = str(minter.report(report.meta.id))
    own_prefix = f"<{report_iri}/".encode()
    own_node = f"<{report_iri}> ".encode()
    lines = ntriples_lines(report_triples(report, minter))
    # The report's own lines: those under its IRI (``<iri/``) and about its node (``<iri> ``), two
    # runs of the sorted lines, in this order ("/" sorts before ">").
    (a, b), (c, d) = _starting_with(lines, own_prefix), _starting_with(lines, own_node)
    owned, shared = lines[a:b] + lines[c:d], lines[:a] + lines[b:c] + lines[d:]
    return MappedReport(
        folder,
        report.meta.id,
        f"{report_iri}/graph",
        report_definitions(report, minter),
        owned,
        shared,
        table_lines(report),
        None if checks is None else checks.validate(report.meta.id, b"".join(lines)),
    )


@dataclass
class CorpusStats:
    """What a corpus build wrote."""

    reports: int = 0
    triples: int = 0  # distinct triples written
    table_lines: list[str] = field(default_factory=list)  # one per table read, one per block not read


def sorted_folders(folders: Iterable[Path]) -> list[Path]:
    """Folders in one order whatever order they were given in, each once."""
    return sorted({Path(f) for f in folders}, key=lambda p: str(p.resolve()))


def write_corpus(
    folders: Iterable[Path],
    out: BinaryIO,
    quads: bool = False,
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    done: Callable[[], None] | None = None,
    scheduler: str | None = None,
    checks: Checks | None = None,
    validated: Callable[[ReportValidation], None] | None = None,
) -> CorpusStats:
    """Stream the corpus to ``out`` as N-Triples, or as N-Quads with a named graph per report.

    ``done`` is called after each report is written (the command line shows progress with it).
    Reports are mapped in ``jobs`` local processes, or on the Dask cluster at ``scheduler``
    (kg.workers); the output is the same either way. With ``checks``, each report is validated
    as it is mapped, and ``validated`` is given its validation, in the order of the folders.

    In N-Quads each report's own nodes (report, text, sections, claims and their parts) lie
    in ``<report IRI>/graph``, as in the TriG export; shared nodes lie in the default graph.
    """
    ordered = absolute(sorted_folders(folders), scheduler)
    ids, definitions, stats = ReportIds(), Definitions(), CorpusStats()
    written_shared: set[bytes] = set()
    # Which reports' companies are one: report.yaml alone says so, read before any report is mapped.
    nodes = company_nodes([(folder, read_meta(folder)) for folder in ordered if folder.is_dir()])
    if checks is not None:
        checks = Checks(tuple(absolute(checks.shapes, scheduler)), checks.replace, checks.allow_warnings)
    work = partial(map_report, base=base, company_nodes=nodes, checks=checks)
    for mapped in in_order(work, ordered, jobs, scheduler):
        ids.add(mapped.report_id, mapped.folder)
        definitions.add(mapped.definitions)
        if quads:
            graph = f" <{mapped.graph_iri}> .\n".encode()
            out.writelines(line[:-3] + graph for line in mapped.owned)
        else:
            out.writelines(mapped.owned)
        new_shared = [line for line in mapped.shared if line not in written_shared]
        written_shared.update(new_shared)
        out.writelines(new_shared)
        stats.reports += 1
        stats.triples += len(mapped.owned) + len(new_shared)
        stats.table_lines.extend(mapped.table_lines)
        if validated is not None and mapped.validation is not None:
            validated(mapped.validation)
        if done is not None:
            done()
    return stats


def build_corpus(
    folders: Iterable[Path],
    out: Path | None,
    store: Path | None = None,
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    done: Callable[[], None] | None = None,
    scheduler: str | None = None,
    checks: Checks | None = None,
    validated: Callable[[ReportValidation], None] | None = None,
) -> CorpusStats:
    """Write the corpus to ``out`` (``.nt`` or ``.nq``) and/or into an Oxigraph store directory,
    validating each report with ``checks`` if given (as write_corpus does).

    Both are written atomically: a bad report leaves earlier output as it was. The store holds
    every triple in its default graph, like the Turtle build; only N-Quads names graphs.
    """
    stream = partial(
        write_corpus, base=base, jobs=jobs, done=done, scheduler=scheduler, checks=checks, validated=validated
    )
    if out is not None and out.suffix not in STREAM_SUFFIXES:
        raise ValueError(f"{out}: a corpus is written as N-Triples (.nt) or N-Quads (.nq)")
    if out is not None:
        with atomic_output(out) as handle:
            stats = stream(folders, handle, quads=out.suffix == ".nq")
        if store is not None:
            load_store(store, out)
        return stats
    if store is None:
        raise ValueError("a corpus build needs an output file or a store")
    with tempfile.TemporaryDirectory(dir=store.resolve().parent, prefix=f".{store.name}.") as scratch:
        corpus = Path(scratch) / "corpus.nt"
        with corpus.open("wb") as handle:
            stats = stream(folders, handle)
        load_store(store, corpus)
    return stats


def validate_report(
    folder: Path,
    base: str = DEFAULT_BASE,
    shapes: tuple[Path, ...] = (),
    replace: bool = False,
    allow_warnings: bool = True,
) -> ReportValidation:
    """Validate one report folder on its own, with the ontology (the unit of work of a worker).

    ``shapes`` are files of shapes added to csr-kg's (or used instead of them, with ``replace``);
    ``allow_warnings`` is pySHACL's option.

    The shapes look within one report (its claims, figures and the metrics it defines), so a
    corpus is validated report by report and memory never holds more than one.
    """
    report = load_report(folder)
    # Mapped to N-Triples as the build maps it: validation reads N-Triples, and an rdflib graph
    # of the report (a third of the time this took) is made only if a result needs rdflib.
    data = b"".join(ntriples_lines(report_triples(report, Minter(base))))
    return Checks(shapes, replace, allow_warnings).validate(report.meta.id, data)


def validate_corpus(
    folders: Iterable[Path],
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    shapes: tuple[Path, ...] = (),
    replace: bool = False,
    allow_warnings: bool = True,
    scheduler: str | None = None,
) -> Iterator[ReportValidation]:
    """Validate each report folder, in sorted order, ``jobs`` at a time or on the Dask cluster at
    ``scheduler`` (options as in validate_report)."""
    shapes = tuple(absolute(shapes, scheduler))
    work = partial(validate_report, base=base, shapes=shapes, replace=replace, allow_warnings=allow_warnings)
    yield from in_order(work, absolute(sorted_folders(folders), scheduler), jobs, scheduler)
