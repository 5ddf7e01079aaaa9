"""Read RDF files and SPARQL queries that may be hostile, without reading or fetching anything else.

rdflib is built to dereference: a query's ``FROM <url>`` loads that URL into the dataset, a
``SERVICE`` clause queries another host, a JSON-LD ``@context`` given as a URL or file name is
fetched, and RDF/XML goes through expat, which expands entities declared in a DTD (a "billion
laughs" document of a few hundred bytes expands to gigabytes and hangs the parser). Every command
that takes an RDF file or a query from a user goes through here instead:

* a file is read by us, as bytes, from the local path given; rdflib gets the bytes, never a
  location it could open or fetch itself;
* RDF/XML and TriX are parsed by an expat reader that refuses DTD entity declarations and
  external entities, the way ``defusedxml`` does (RDF/XML needs neither);
* JSON-LD whose ``@context`` (or ``@import``) names a document instead of embedding it is
  refused before rdflib sees it;
* a query using ``SERVICE``, ``FROM`` or ``FROM NAMED`` is refused, and rdflib's
  ``SPARQL_LOAD_GRAPHS`` switch, which makes FROM fetch its graph, is turned off on import.

Each refusal is an :class:`UntrustedInputError` whose message is one line. A file that is not
RDF at all (an empty file, JSON that is not JSON-LD, text) is an :class:`InputError` naming the
file and the parser's reason, so that no command mistakes it for an empty graph.
"""

from __future__ import annotations

import json
import threading
import xml.sax
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax import SAXException, SAXParseException, handler
from xml.sax.expatreader import ExpatParser

import rdflib.plugins.sparql
from pyparsing import ParseException
from rdflib import Dataset, Graph
from rdflib.parser import InputSource, Parser, create_input_source
from rdflib.plugin import register
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.parsers.rdfxml import ErrorHandler as RDFXMLErrorHandler
from rdflib.plugins.parsers.rdfxml import RDFXMLHandler
from rdflib.plugins.parsers.trix import TriXHandler
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import InputError, QueryRefusedError, UntrustedInputError
from kg.rdf.files import read_graph_bytes
from kg.rdf.formats import extension_format

# FROM <iri> would otherwise parse whatever the IRI names (a file:// path, a URL) into the
# dataset; with this off rdflib only looks the graph up in the dataset it was given.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

# rdflib's SPARQL grammar is one shared pyparsing object, and pyparsing is not thread-safe:
# concurrent parses (the endpoint's request threads) corrupt each other ("Param.postParse2()
# missing 1 required positional argument"). Parsing is short; it is done one at a time.
_PARSE_LOCK = threading.Lock()

SAFE_XML = "csrkg-safe-xml"
SAFE_TRIX = "csrkg-safe-trix"


class _DefusedExpatParser(ExpatParser):
    """An expat SAX reader that refuses entity declarations and external entities.

    Entity declarations are refused outright rather than limited: internal ones nest into
    exponential expansions (expat's own amplification limit depends on the expat the Python
    was built with), and external ones read files or URLs.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setFeature(handler.feature_external_ges, False)
        self.setFeature(handler.feature_external_pes, False)

    def reset(self) -> None:
        super().reset()
        parser = self._parser
        parser.EntityDeclHandler = self._refuse_entity
        parser.UnparsedEntityDeclHandler = self._refuse_unparsed
        parser.ExternalEntityRefHandler = self._refuse_external

    @staticmethod
    def _refuse_entity(name: str, *_: Any) -> None:
        raise UntrustedInputError(f"XML entity declaration <!ENTITY {name} ...> refused (entity expansion is off)")

    @staticmethod
    def _refuse_unparsed(name: str, *_: Any) -> None:
        raise UntrustedInputError(f"XML unparsed entity {name!r} refused")

    @staticmethod
    def _refuse_external(context: str, base: str | None, system_id: str | None, public_id: str | None) -> int:
        raise UntrustedInputError(f"XML external entity {system_id or public_id!r} refused (nothing is fetched)")


def _sax_parser(content_handler: handler.ContentHandler, source: InputSource) -> xml.sax.xmlreader.XMLReader:
    parser = _DefusedExpatParser()
    parser.setFeature(handler.feature_namespaces, 1)
    content_handler.setDocumentLocator(source)  # type: ignore[arg-type]  # as rdflib's own reader does
    parser.setContentHandler(content_handler)
    parser.setErrorHandler(RDFXMLErrorHandler())
    return parser


class SafeRDFXMLParser(Parser):
    """rdflib's RDF/XML handler behind the defused expat reader."""

    def parse(self, source: InputSource, sink: Graph, **args: Any) -> None:
        _sax_parser(RDFXMLHandler(sink), source).parse(source)


class SafeTriXParser(Parser):
    """rdflib's TriX handler behind the defused expat reader."""

    def parse(self, source: InputSource, sink: Graph, **args: Any) -> None:
        if not sink.store.context_aware:
            raise UntrustedInputError("TriX needs a context-aware store to parse into")
        _sax_parser(TriXHandler(sink.store), source).parse(source)  # type: ignore[arg-type]


register(SAFE_XML, Parser, __name__, "SafeRDFXMLParser")
register(SAFE_TRIX, Parser, __name__, "SafeTriXParser")
_XML_FORMATS = {"xml": SAFE_XML, "application/rdf+xml": SAFE_XML, "pretty-xml": SAFE_XML, "trix": SAFE_TRIX}


def _remote_contexts(node: object, found: list[str]) -> None:
    """Collect the ``@context``/``@import`` values that name a document rather than embed one."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                items = value if isinstance(value, list) else [value]
                found.extend(item for item in items if isinstance(item, str))
            _remote_contexts(value, found)
    elif isinstance(node, list):
        for item in node:
            _remote_contexts(item, found)


def check_jsonld(data: bytes) -> None:
    """Refuse JSON-LD that references a context by IRI or path: rdflib would fetch it."""
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise InputError(f"not JSON: {exc}") from None
    found: list[str] = []
    _remote_contexts(doc, found)
    if found:
        raise UntrustedInputError(
            f"JSON-LD context {found[0]!r} is a reference to another document; only embedded contexts are read"
        )


def parse_rdf(data: bytes, fmt: str, graph: Graph | None = None) -> Graph:
    """Parse ``data`` (already read) in rdflib format ``fmt`` without dereferencing anything."""
    graph = graph if graph is not None else Graph()
    fmt = _XML_FORMATS.get(fmt, fmt)
    if fmt in (SAFE_TRIX, "trig", "nquads"):
        # Formats with named graphs: every graph's triples are merged into one graph.
        dataset = Dataset()
        dataset.parse(create_input_source(data=data, format=fmt), format=fmt)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    if fmt in ("json-ld", "application/ld+json"):
        check_jsonld(data)
    # create_input_source with data= wraps the bytes; no location is ever handed to rdflib.
    source = create_input_source(data=data, format=fmt)
    graph.parse(source, format=fmt)
    return graph


def parse_failure(exc: Exception) -> str:
    """The parser's own reason for refusing a document, on one line, with its line where known.

    rdflib's Turtle parser puts the position first and the reason on the next line ("at line 31
    of <>:" / "Bad syntax (EOF found after object) at ^ in: ..."); the reason is what a reader
    needs, the line tells where.
    """
    if isinstance(exc, BadSyntax):
        return f"Bad syntax ({exc._why}) at line {exc.lines + 1}"
    if isinstance(exc, SAXParseException):
        return f"{exc.getMessage()} at line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
    if isinstance(exc, IndexError):  # rdflib's Turtle parser reading past the end of the text
        return "unexpected end of input"
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def read_rdf(path: Path | str, fmt: str | None = None) -> Graph:
    """The graph in the local file ``path`` (format from ``fmt`` or its extension, default Turtle).

    The bytes are read here, so a "path" such as ``http://host/x`` is a missing file, not a
    download. A file that does not parse, or parses to no triples at all, is an
    :class:`InputError`: every command reading a graph wants one, and an empty file or a JSON
    file without JSON-LD in it is a mistake, not a graph.
    """
    path = Path(path)
    data = read_graph_bytes(path)
    fmt = fmt or extension_format(path) or guess_format(str(path)) or "turtle"
    try:
        graph = parse_rdf(data, fmt)
    except UntrustedInputError as exc:
        raise UntrustedInputError(f"{path}: refused: {exc}") from None
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    except (SyntaxError, ValueError, TypeError, KeyError, IndexError, AttributeError, SAXException) as exc:
        # rdflib's parsers raise these for malformed documents of their formats.
        raise InputError(f"{path}: not a parsable RDF file ({fmt}): {parse_failure(exc)}") from None
    if len(graph) == 0:
        what = "empty" if not data.strip() else f"no RDF triples in it as {fmt}"
        raise InputError(f"{path}: not an RDF graph ({what})")
    return graph


def algebra_patterns(node: object) -> Iterator[tuple[Node, Node, Node]]:
    """Every triple pattern of a parsed query's algebra (subqueries and optional parts included)."""
    if isinstance(node, CompValue):
        if node.name == "BGP":
            yield from node.get("triples", ())
        for value in node.values():
            yield from algebra_patterns(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from algebra_patterns(item)


def _dereferencing(node: object) -> str | None:
    """The first feature of a parsed query that would reach beyond the graph, if any."""
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return "SERVICE"
        if node.name == "DatasetClause":
            return "FROM / FROM NAMED"
        return next((found for v in node.values() if (found := _dereferencing(v))), None)
    if isinstance(node, list | tuple):
        return next((found for v in node if (found := _dereferencing(v))), None)
    return None


def is_update(text: str) -> bool:
    """Whether ``text`` parses as a SPARQL Update (so that refusing it can say so)."""
    try:
        with _PARSE_LOCK:
            parseUpdate(text)
    except ParseException:
        return False
    return True


@lru_cache(maxsize=256)
def prepare_query(text: str) -> Query:
    """Parse a SPARQL query, refusing SERVICE, FROM and FROM NAMED.

    Parsing takes rdflib milliseconds a query, more than many queries take to answer; the same
    text (a saved query with the same parameters) is parsed once.

    Raises ``pyparsing.ParseException`` for text that is not a query (updates included) and
    :class:`QueryRefusedError` for a query that names other graphs or endpoints.
    """
    with _PARSE_LOCK:
        query = prepareQuery(text)
    found = _dereferencing(query.algebra)
    if found:
        raise QueryRefusedError(f"{found} is not allowed: queries run on the local graph only")
    return query
