"""Namespaces used across csr-kg, declared once."""

from __future__ import annotations

from functools import cache

from rdflib import Namespace as _RdflibNamespace
from rdflib import URIRef
from rdflib.namespace import DefinedNamespace


class Namespace(_RdflibNamespace):
    """An rdflib Namespace that makes each term once.

    rdflib builds (and validates) a new URIRef on every attribute access; the mapper asks for the
    same few dozen terms for every triple of a corpus, so each is kept after its first use, an
    attribute's as an attribute, so that the next access does not reach ``__getattr__`` at all.
    """

    @cache  # noqa: B019 - namespaces are module constants, their terms a bounded vocabulary
    def term(self, name: str) -> URIRef:
        return super().term(name)

    def __getattr__(self, name: str) -> URIRef:
        found = super().__getattr__(name)  # AttributeError for Python's special names
        self.__dict__[name] = found
        return found


class Terms:
    """One of rdflib's closed namespaces (RDF, RDFS, XSD, ...), each term kept after its first use.

    rdflib checks the name and builds a new URIRef on every access (a tenth of mapping a
    report), and a new URIRef is a new object, which a dictionary keyed by terms compares
    character by character in Python. The first access of each name is rdflib's own, so a
    name the namespace does not define still raises AttributeError.
    """

    def __init__(self, namespace: type[DefinedNamespace]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        found = getattr(self._namespace, name)
        self.__dict__[name] = found
        return found


CSR = Namespace("https://w3id.org/csr-kg/ontology#")
CSRUNIT = Namespace("https://w3id.org/csr-kg/unit/")
SDG = Namespace("https://w3id.org/csr-kg/sdg/")
UNSDG = Namespace("http://metadata.un.org/sdg/")
HKEX = Namespace("https://w3id.org/csr-kg/hkex-esg/")
METRIC = Namespace("https://w3id.org/csr-kg/esg-metric/")  # the metric catalogue, ontology/metrics.ttl
KIND = Namespace("https://w3id.org/csr-kg/claim-kind/")
APPROX = Namespace("https://w3id.org/csr-kg/approximation/")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
CUR = Namespace("http://qudt.org/vocab/currency/")
OA = Namespace("http://www.w3.org/ns/oa#")
SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")  # Wikidata items (owl:sameAs of a company)

DEFAULT_BASE = "https://w3id.org/csr-kg/id/"

PREFIXES = {
    "csr": CSR,
    "csrunit": CSRUNIT,
    "sdg": SDG,
    "unsdg": UNSDG,
    "hkex": HKEX,
    "kind": KIND,
    "approx": APPROX,
    "qudt": QUDT,
    "unit": UNIT,
    "cur": CUR,
    "oa": OA,
    "org": ORG,
    "adms": ADMS,
    "wd": WIKIDATA,
    "time": TIME,
    "sssom": SSSOM,
    "semapv": SEMAPV,
}
