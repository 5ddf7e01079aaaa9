"""The unit vocabulary: unit IRIs by key, the surface forms reports print for them, and ratio units.

Units are data: ``ontology/units.ttl`` ships with the package, and a researcher adds units
without editing it, in Turtle files of the same shape: ``*.ttl`` in the user units directory
(``$CSRKG_UNITS``, a directory or one file; else ``$XDG_CONFIG_HOME/csr-kg/units`` or
``~/.config/csr-kg/units``) and ``units.ttl`` in a report folder, merged on top of the packaged
units in that order. A file may add units and surface forms but not redefine a unit or give a
surface form to a second unit: either is an error naming both files.

Intensity units are not listed: they are composed from a numerator and a denominator unit
(:func:`kg.ingest.quantities.ratio_key`) and minted as ``csr:RatioUnit`` in the csr-kg unit
namespace, so ``TONNE-PER-MegaCNY`` is always the same IRI.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache, wraps
from pathlib import Path
from typing import TypeVar

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import InputError
from kg.ingest.quantities import SCALE_PREFIXES, SCALES, UnitLexicon, close_matches
from kg.vocab.data import packaged
from kg.vocab.names import local_name
from kg.vocab.namespaces import CSR, CSRUNIT, CUR, QUDT

Result = TypeVar("Result")

QUANTITY_KINDS = "http://qudt.org/vocab/quantitykind/"
_CURRENCY = URIRef(QUANTITY_KINDS + "Currency")

# What a surface form may be: printable, not empty, no surrounding space, not opening with a digit.
_FORM = re.compile(r"[^\s0-9０-９\x00-\x1f\x7f-\x9f\u2028\u2029](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029]*\S)?")
_LONGEST_FORM = 60

# "tonne per million Chinese yuan renminbi", not "per 1,000,000".
_SCALE_WORDS = {multiple: word for word, multiple in SCALES.items()}


@dataclass(frozen=True)
class Unit:
    """One defined unit: its IRI, label, quantity kind, multiplier to the SI unit, and its file."""

    iri: URIRef
    label: str
    quantity_kind: URIRef
    multiplier: Decimal | None
    origin: Path


@dataclass(frozen=True)
class Units:
    """Unit IRIs by key (the IRI's local name, e.g. ``TONNE``) and the recogniser's lexicon."""

    iris: dict[str, URIRef]
    lexicon: UnitLexicon
    units: dict[str, Unit] = field(default_factory=dict)

    def iri(self, key: str) -> URIRef:
        """The IRI of unit ``key``, a ratio key (``TONNE-PER-M2``) included.

        ``KeyError`` names close keys when it is unknown, or the key when ``key`` is a surface form.
        """
        if key in self.iris:
            return self.iris[key]
        if self.ratio(key) is not None:
            return CSRUNIT[key]
        if len(key) > _LONGEST_FORM:
            raise KeyError(f"unknown unit {key[:40]!r}... ({len(key)} characters)")
        raise KeyError(f"unknown unit {key!r}{self._hint(key)}")

    def ratio(self, key: str) -> tuple[str, str, Decimal] | None:
        """The numerator key, denominator key and denominator scale of a ratio key, else None."""
        for m in re.finditer("-PER-", key):
            numerator, rest = key[: m.start()], key[m.end() :]
            if numerator in self.iris:
                denominator = self._denominator(rest)
                if denominator is not None:
                    return numerator, *denominator
        return None

    def _denominator(self, text: str) -> tuple[str, Decimal] | None:
        if text in self.iris:
            return text, Decimal(1)
        for scale, prefix in SCALE_PREFIXES.items():
            if text.startswith(prefix) and text[len(prefix) :] in self.iris:
                return text[len(prefix) :], scale
        digits = re.match(r"([1-9][0-9]*)(.+)", text)
        if digits and digits[2] in self.iris:
            return digits[2], Decimal(digits[1])
        return None

    def label(self, key: str) -> str:
        """The label of unit ``key``: its rdfs:label, or for a ratio key its parts' labels
        ("tonne per million Chinese yuan renminbi")."""
        parts = self.ratio(key) if key not in self.units else None
        if parts is None:
            return self.units[key].label if key in self.units else key
        numerator, denominator, scale = parts
        per = "" if scale == 1 else f"{_SCALE_WORDS.get(scale) or f'{scale:,}'} "
        return f"{self.label(numerator)} per {per}{self.label(denominator)}"

    def multiplier(self, key: str) -> Decimal | None:
        """The factor to the SI unit of unit ``key``, a ratio key's from its parts; None if unknown."""
        parts = self.ratio(key) if key not in self.units else None
        if parts is None:
            return self.units[key].multiplier if key in self.units else None
        numerator, denominator, scale = parts
        top, bottom = self.multiplier(numerator), self.multiplier(denominator)
        return None if top is None or bottom is None else top / (bottom * scale)

    def _hint(self, key: str) -> str:
        found = self.lexicon.lookup(key)
        if found is not None and found.scale == 1:
            return f" ({key!r} is a surface form of unit {found.key}: use the key {found.key})"
        close = close_matches(key, list(self.iris))
        return f" (close matches: {', '.join(close)})" if close else " (no close match)"


def packaged_units_file() -> Path:
    """The units file that ships with the package."""
    return packaged("ontology") / "units.ttl"


def user_units_files() -> list[Path]:
    """The researcher's own units files: ``$CSRKG_UNITS`` (a directory or a file), else the user
    config directory's ``csr-kg/units/*.ttl``, sorted so that the merge order is stable."""
    env = os.environ.get("CSRKG_UNITS")
    if env:
        root = Path(env).expanduser()
        if not root.exists():
            raise InputError(f"CSRKG_UNITS={env}: no such file or directory")
    else:
        config = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
        root = Path(config) / "csr-kg" / "units"
        if not root.is_dir():
            return []
    return [root] if root.is_file() else sorted(root.glob("*.ttl"))


def load_units(folder: Path | None = None) -> Units:
    """The packaged units, with the user's units and ``folder``'s ``units.ttl`` merged on top."""
    files = user_units_files()
    if folder is not None and (folder / "units.ttl").is_file():
        files.append(folder / "units.ttl")
    packaged = _packaged()
    if not files:
        return packaged
    merger = _Merger(packaged)
    for path in files:
        merger.read(path)
    return merger.result()


@cache
def _packaged() -> Units:
    """The packaged units, read once per process."""
    merger = _Merger()
    merger.read(packaged_units_file())
    return merger.result()


def cached_while_packaged(function: Callable[[str, str | None], Result]) -> Callable[[str, str | None], Result]:
    """``function``, which reads labels with :func:`load_units`, with its answers kept while the
    units are the packaged ones alone (no researcher's units files): its answer then depends on
    its arguments alone, and a corpus asks about the same labels in report after report. With
    units files it runs on every call, since those files may change between calls."""
    cached = lru_cache(maxsize=1 << 14)(function)

    @wraps(function)
    def call(label: str, unit_key: str | None = None) -> Result:
        if load_units() is _packaged():
            return cached(label, unit_key)
        return function(label, unit_key)

    return call


class _Merger:
    """Reads units files in order into one vocabulary, refusing redefinitions and shared forms."""

    def __init__(self, base: Units | None = None) -> None:
        self.units: dict[str, Unit] = dict(base.units) if base else {}
        self.tables: dict[str, dict[str, str]] = {"prefixes": {}, "suffixes": {}, "denominators": {}}
        self.form_origins: dict[tuple[str, str], Path] = {}
        if base is not None:
            lexicon = base.lexicon
            self.tables["prefixes"].update(lexicon.prefixes)
            self.tables["suffixes"].update(lexicon.suffixes)
            self.tables["denominators"].update(lexicon.denominators)
            for name, table in self.tables.items():
                self.form_origins.update({(name, form): self.units[key].origin for form, key in table.items()})

    def read(self, path: Path) -> None:
        try:
            source = path.read_text(encoding="utf-8")
            graph = Graph().parse(data=source, format="turtle", publicID=path.resolve().as_uri())
        except (SyntaxError, ValueError, UnicodeDecodeError, OSError, RecursionError) as exc:
            raise InputError(f"{path}: not a readable Turtle units file: {exc}") from None
        subjects = {*graph.subjects(RDF.type, QUDT.Unit), *graph.subjects(RDF.type, CSR.CountUnit)}
        for iri in sorted(s for s in subjects if isinstance(s, URIRef)):
            self._add(path, source, graph, iri)

    def _add(self, path: Path, source: str, graph: Graph, iri: URIRef) -> None:
        key = local_name(iri)
        where = f"{path}:{_line_of(source, iri)}"
        if key in self.units:
            first = self.units[key]
            line = _line_of(first.origin.read_text(encoding="utf-8"), first.iri)
            raise InputError(f"{where}: unit {key} is already defined in {first.origin}:{line}")
        label = graph.value(iri, RDFS.label)
        kind = graph.value(iri, QUDT.hasQuantityKind)
        if label is None:
            raise InputError(f"{where}: unit {key} has no rdfs:label")
        if not isinstance(kind, URIRef):
            raise InputError(f"{where}: unit {key} has no qudt:hasQuantityKind")
        multiplier = graph.value(iri, QUDT.conversionMultiplier)
        factor = _number(multiplier) if multiplier is not None else None
        if multiplier is not None and (factor is None or not factor.is_finite() or factor <= 0):
            raise InputError(
                f"{where}: unit {key}: qudt:conversionMultiplier {str(multiplier)[:40]!r} is no positive number"
            )
        self.units[key] = Unit(iri, str(label), kind, factor, path)
        currency = kind == _CURRENCY or str(iri).startswith(str(CUR))
        for form in sorted(str(f) for f in graph.objects(iri, SKOS.altLabel)):
            if currency:
                self._form("prefixes", form, key, where)
            if not currency or (form.isalpha() and form.isupper()):
                # A currency code is also printed after the figure ("7.5 billion RMB").
                self._form("suffixes", form, key, where)
        for form in sorted(str(f) for f in graph.objects(iri, CSR.denominatorForm)):
            self._form("denominators", form, key, where)

    def _form(self, table: str, form: str, key: str, where: str) -> None:
        if not _FORM.fullmatch(form) or len(form) > _LONGEST_FORM:
            # An empty form would give every bare number this unit; a leading digit would be read
            # as part of the figure; a line break is no printed unit.
            raise InputError(
                f"{where}: surface form {form[:40]!r} of unit {key} is not a printed unit "
                f"(1-{_LONGEST_FORM} characters, not starting with a digit or space, no line breaks)"
            )
        known = self.tables[table].get(form)
        if known is not None and known != key:
            other = self.form_origins[(table, form)]
            raise InputError(
                f"{where}: surface form {form!r} of unit {key} is already a form of unit {known} in {other}"
            )
        self.tables[table][form] = key
        self.form_origins[(table, form)] = self.units[key].origin

    def result(self) -> Units:
        lexicon = UnitLexicon(**self.tables)
        return Units(iris={k: u.iri for k, u in sorted(self.units.items())}, lexicon=lexicon, units=self.units)


def _number(value: object) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _line_of(source: str, iri: URIRef) -> int:
    """The line of ``source`` where ``iri`` is defined: first written at a line start as ``<iri>``
    or a prefixed name (Turtle's subject position), else anywhere outside a comment; 1 if nowhere."""
    term = rf"(?:<{re.escape(str(iri))}>|(?:[A-Za-z][\w-]*)?:{re.escape(local_name(iri))})(?![\w-])"
    m = re.search(rf"^[ \t]*{term}", source, re.M) or re.search(rf"^[^#\n]*?(?<![\w<#/-]){term}", source, re.M)
    return source.count("\n", 0, m.start()) + 1 if m else 1
