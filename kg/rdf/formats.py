"""The RDF serialisations csr-kg reads and writes, in one table: name, aliases, extension, rdflib name.

``build`` and ``export`` both look formats up here, so ``--format`` accepts the names users of
rdflib, Jena and Oxigraph type (``ttl``, ``nt``, ``json-ld``, ``xml``, ``nq`` ...) and a format is
guessed from an output file's extension the same way in every command.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError


@dataclass(frozen=True)
class RdfFormat:
    """One serialisation: csr-kg's name for it, other names users type, and what rdflib calls it."""

    name: str
    aliases: tuple[str, ...]
    extensions: tuple[str, ...]
    rdflib: str
    media_type: str

    @property
    def extension(self) -> str:
        """The extension written by default (the first one)."""
        return self.extensions[0]


FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("turtle", ("ttl",), (".ttl",), "turtle", "text/turtle"),
        RdfFormat("ntriples", ("nt", "n-triples", "nt11"), (".nt",), "nt", "application/n-triples"),
        RdfFormat("jsonld", ("json-ld",), (".jsonld", ".json"), "json-ld", "application/ld+json"),
        RdfFormat("trig", (), (".trig",), "trig", "application/trig"),
        RdfFormat(
            "rdfxml",
            ("xml", "rdf/xml", "rdf-xml", "pretty-xml"),
            (".rdf", ".owl", ".xml"),
            "pretty-xml",
            "application/rdf+xml",
        ),
        RdfFormat("nquads", ("nq", "n-quads"), (".nq",), "nquads", "application/n-quads"),
    )
}
_BY_NAME = {alias: f for f in FORMATS.values() for alias in (f.name, *f.aliases)}
_BY_EXTENSION = {ext: f for f in FORMATS.values() for ext in f.extensions}


def format_names() -> list[str]:
    """Every name ``--format`` accepts, for help texts and click's choice list."""
    return sorted(_BY_NAME)


def rdf_format(name: str) -> RdfFormat:
    """The format called ``name`` (csr-kg's name, an alias or rdflib's name, any case)."""
    found = _BY_NAME.get(name.lower())
    if found is None:
        raise InputError(f"unknown RDF format {name!r} (formats: {', '.join(sorted(FORMATS))})")
    return found


def extension_format(path: Path) -> str | None:
    """rdflib's name for the format ``path``'s extension names, if it names one of the table's."""
    found = _BY_EXTENSION.get(path.suffix.lower())
    return found.rdflib if found is not None else None


def format_of(path: Path, accepted: tuple[str, ...] | None = None) -> RdfFormat:
    """The format ``path``'s extension names (Turtle, the default, without one); an unknown (or
    not ``accepted``) extension is an error naming the formats."""
    found = _BY_EXTENSION.get(path.suffix.lower()) if path.suffix else FORMATS["turtle"]
    names = accepted or tuple(FORMATS)
    if found is None or found.name not in names:
        known = ", ".join(f"{FORMATS[n].name} ({' '.join(FORMATS[n].extensions)})" for n in names)
        raise InputError(f"{path}: no RDF format has the extension {path.suffix!r}; formats: {known}")
    return found
