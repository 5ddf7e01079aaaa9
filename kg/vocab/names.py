"""What things are called: slugs made from labels, an IRI's local name, a node's label.

Every module that names a node for people (network nodes, site pages, VoID partitions, unit keys)
asks here, so a label is chosen the same way everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS


def slugify(label: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary within ``limit``.

    The same label always gives the same slug, so IRIs minted from labels are stable.
    """
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'s ", "s "))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or "x"


def local_name(iri: URIRef | str) -> str:
    """The part of an IRI after its last ``/`` or ``#`` (a trailing ``/`` or ``#`` ignored)."""
    return str(iri).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def iri_slug(iri: URIRef | str, prefixes: Mapping[str, str]) -> str:
    """``prefix-local`` for an IRI in one of ``prefixes`` (prefix -> namespace), else its last segments.

    A readable, file-name-safe token for an IRI, e.g. to name a VoID partition after a class.
    """
    text = str(iri)
    for prefix, namespace in sorted(prefixes.items()):
        if text.startswith(namespace):
            return f"{prefix}-{text[len(namespace) :]}"
    return text.rstrip("/#").rsplit("/", 1)[-1].replace("#", "-")


def label(graph: Graph, node: URIRef) -> str:
    """The English ``rdfs:label`` (then an untagged one, then ``skos:prefLabel``, then the local name).

    Several labels of one language are sorted, so the choice does not depend on parse order.
    """
    labels = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    for wanted in ("en", None):
        found = sorted(str(o) for o in labels if o.language == wanted)
        if found:
            return found[0]
    preferred = sorted(str(o) for o in graph.objects(node, SKOS.prefLabel))
    if preferred:
        return preferred[0]
    return local_name(node)
