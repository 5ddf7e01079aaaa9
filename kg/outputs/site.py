"""Write a static linked-data site for the knowledge graph: one HTML page per resource.

Instance IRIs under the base should dereference to something a person can read and a program can
load. The site mirrors IRI paths under the base (``.../id/org/xiaomi`` is ``org/xiaomi.html``,
with ``org/xiaomi.ttl`` and ``org/xiaomi.jsonld`` beside it), so a static web server can answer
an IRI by content negotiation, and the same files open from the file system. Nodes that exist
only as parts of a resource (a claim's quote, selectors, observations and SDG alignments; a
report's text, sections and stakeholder expectations) have no page of their own: they are shown
on their owner's page under an anchor and described in its Turtle, so every link lands somewhere.

Pages are rendered from the Jinja2 templates in ``templates/`` (autoescaped; the stylesheet is
``templates/assets/site.css``) from small view objects built here. Everything a page shows comes
from the graph and the ontology, except the paragraph around a claim's quote: the graph records
the quote, its offsets, its section and 32 characters either side, not the report's text, which
is passed in by report id (see :func:`report_texts`).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from html import escape
from pathlib import Path
from posixpath import dirname, relpath
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.errors import InputError
from kg.ingest.model import Report
from kg.ingest.text import ReportText
from kg.vocab.data import packaged
from kg.vocab.entity_types import type_table
from kg.vocab.namespaces import CSR, DEFAULT_BASE, OA, TIME, UNSDG
from kg.vocab.ontology import ontology_graph

# Index headings in display order, with the classes whose instances get a page (the ontology's
# csr:siteSection annotations). SDGs are the UN's IRIs, outside the base, so their pages come from
# the ontology's scheme rather than a class.
GROUPS: tuple[tuple[str, tuple[URIRef, ...]], ...] = type_table().site_sections
SDG_GROUP = type_table().section_of(CSR.SDGScheme)
CSS_NAME = "site.css"
LINK_TEXT_MAX = 110  # link texts longer than this are cut, so long quotes do not swamp lists
OPEN_LIMIT = 25  # incoming-link groups up to this size start unfolded
_LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel)
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*")
_CURIE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


if TYPE_CHECKING:
    from kg.outputs.site_pictures import Picture

# The pictures of each page, by the IRI of its resource (kg.outputs.site_pictures).
Pictures = dict[str, list["Picture"]]

# A resource description: (subject, {predicate: objects}) with subjects and predicates sorted.
Description = list[tuple[URIRef | BNode, dict[URIRef, list[URIRef | BNode | Literal]]]]


@dataclass(frozen=True)
class Page:
    """A resource with a page: its IRI, its site path without extension, and its index group."""

    node: URIRef
    path: str  # POSIX, relative to the site root, e.g. "report/xiaomi-2019/claim/s2-2-rd-investment"
    group: str


@dataclass(frozen=True)
class ClaimQuote:
    """What the graph says of a claim's quote: where it is, and the words around it."""

    claim_id: str
    kind: str
    report_id: str
    report_title: str
    section_number: str
    section_title: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    page: str  # where the quote starts in the report's PDF (", page 3 of report.pdf"), or ""


@dataclass(frozen=True)
class Term:
    """A value as a template shows it: literal text (with a language or datatype note), a link
    (``href``, ``external`` for one leaving the site), or text titled with the IRI it names."""

    text: str
    literal: bool = False
    note: str | None = None
    note_class: str | None = None
    href: str | None = None
    external: bool = False
    title: str | None = None


@dataclass(frozen=True)
class PropertyRow:
    name: str
    iri: str
    curie: str
    values: list[Term]


@dataclass(frozen=True)
class QuoteView:
    before: str
    exact: str
    after: str
    report_title: str
    section_number: str
    section_title: str
    start: int
    end: int
    page: str  # ", page N of file.pdf" where the report has pages, else ""
    clipped: bool  # the report text was not at hand: the paragraph is cut to the recorded prefix and suffix


@dataclass(frozen=True)
class PartView:
    anchor: str
    label: str
    types: str
    properties: list[PropertyRow]


@dataclass(frozen=True)
class IncomingGroup:
    name: str
    sources: list[Term]
    open: bool


@dataclass(frozen=True)
class PictureView:
    src: str
    alt: str
    caption: str


@dataclass(frozen=True)
class PageView:
    heading: str
    types: str
    iri: str
    external: bool
    ttl: str
    jsonld: str
    quote: QuoteView | None
    properties: list[PropertyRow]
    parts: list[PartView]
    incoming: list[IncomingGroup]
    pictures: list[PictureView]


@dataclass(frozen=True)
class IndexItem:
    href: str
    text: str
    note: str | None = None


@dataclass(frozen=True)
class IndexSection:
    name: str
    slug: str
    claims: bool
    items: list[IndexItem]


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort "2.10" after "2.9" and "sdg/10" after "sdg/9": people read numbers, not characters."""
    return tuple((0, int(t)) if t.isdigit() else (1, t.lower()) for t in re.findall(r"\d+|\D+", text))


class _Paragraphs:
    """Blank-line runs of one text, found once, so each claim's paragraph is a bisection."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        spans = [m.span() for m in _BLANK_LINES.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        before = bisect.bisect_right(self.ends, start)
        after = bisect.bisect_left(self.starts, end)
        lo = self.ends[before - 1] if before else 0
        hi = self.starts[after] if after < len(self.starts) else self.size
        return lo, hi


def _value(graph: Graph, node: object, predicate: URIRef) -> str:
    value = graph.value(node, predicate)  # type: ignore[arg-type]
    if value is None:
        raise InputError(f"{node}: the graph gives no {predicate} for it, which the site needs")
    return str(value)


def claim_quotes(graph: Graph) -> dict[URIRef, ClaimQuote]:
    """Every claim's quote as the graph records it (oa:TextQuoteSelector and oa:TextPositionSelector),
    with the claim's kind, report and section: all a claim page needs besides the report text."""
    quotes = {}
    for claim in graph.subjects(RDF.type, CSR.Claim):
        target = graph.value(claim, CSR.hasQuote)
        if not isinstance(claim, URIRef) or target is None:
            continue
        selectors = sorted(graph.objects(target, OA.hasSelector), key=str)
        exact = next((s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph), None)
        position = next((s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph), None)
        report, section = graph.value(claim, CSR.inReport), graph.value(claim, CSR.inSection)
        if exact is None or position is None or report is None or section is None:
            raise InputError(f"{claim}: the graph lacks the claim's quote, position, report or section")
        quotes[claim] = ClaimQuote(
            claim_id=_value(graph, claim, DCTERMS.identifier),
            kind=_value(graph, graph.value(claim, CSR.claimKind), SKOS.notation),
            report_id=_value(graph, report, DCTERMS.identifier),
            report_title=_value(graph, report, DCTERMS.title),
            section_number=_value(graph, section, SKOS.notation),
            section_title=_value(graph, section, DCTERMS.title),
            start=int(_value(graph, position, OA.start)),
            end=int(_value(graph, position, OA.end)),
            exact=_value(graph, exact, OA.exact),
            prefix=_value(graph, exact, OA.prefix),
            suffix=_value(graph, exact, OA.suffix),
            page=claim_page(graph, claim),
        )
    return quotes


def claim_page(graph: Graph, claim: URIRef) -> str:
    """Where the claim's quote starts in the report's PDF (", page 3 of report.pdf"), or "" when the
    report's text has no pages: the page a reader opens the PDF at (#page=3)."""
    target = graph.value(claim, CSR.hasPageQuote)
    fragment = graph.value(target, OA.hasSelector) if target is not None else None
    value = str(graph.value(fragment, RDF.value) or "") if fragment is not None else ""
    if not value.startswith("page="):
        return ""
    source = graph.value(graph.value(target, OA.hasSource), DCTERMS.identifier)
    return f", page {value.removeprefix('page=')}" + (f" of {source}" if source is not None else "")


def report_ids(graph: Graph) -> list[str]:
    """The ids of the reports in ``graph`` (csr:Report's dcterms:identifier), sorted."""
    return sorted(_value(graph, report, DCTERMS.identifier) for report in graph.subjects(RDF.type, CSR.Report))


def report_texts(graph: Graph, folders: Iterable[Path]) -> dict[str, str]:
    """The text of each report in ``graph`` found among ``folders``, by report id.

    A folder's ``report.txt`` belongs to a report when its SHA-256 is the one the graph records
    for that report's csr:ReportText: the text is then exactly the one the offsets count into,
    whatever the folder is called. Folders whose text no report of the graph has are skipped.
    """
    wanted = {
        str(digest): _value(graph, report, DCTERMS.identifier)
        for report, text in graph.subject_objects(CSR.text)
        if (digest := graph.value(text, CSR.sha256)) is not None
    }
    found: dict[str, str] = {}
    for folder in folders:
        path = folder / "report.txt"
        if path.is_file():
            text = ReportText.read(path)
            if (report := wanted.get(text.sha256)) is not None:
                found.setdefault(report, text.text)
    return found


def site_path(node: URIRef, base: str = DEFAULT_BASE) -> str | None:
    """Where a resource's page lives (without extension), or None for IRIs the site does not mirror.

    Segments are percent-decoded, as a web server decodes a request path before it looks for a
    file; a segment that would escape the site ("..", or an encoded "/") is refused.
    """
    iri = str(node)
    if iri.startswith(base):
        rest = iri[len(base) :]
    elif iri.startswith(str(UNSDG)):
        rest = "sdg/" + iri[len(str(UNSDG)) :]
    else:
        return None
    segments = [unquote(s) for s in rest.split("/")]
    if any(s in ("", ".", "..") or "/" in s or "\\" in s for s in segments):
        raise ValueError(f"cannot mirror IRI {iri} as a file path inside the site")
    return "/".join(segments)


def href(target: str, here: str) -> str:
    """A relative, percent-encoded link from site file ``here`` to site file ``target``."""
    return quote(relpath(target, dirname(here) or "."), safe="/-._~#")


def shorten(text: str, limit: int = LINK_TEXT_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Site:
    """The graph, the ontology and the reports, indexed once for rendering every page."""

    def __init__(
        self, graph: Graph, texts: Mapping[str, str], base: str = DEFAULT_BASE, pictures: Pictures | None = None
    ) -> None:
        self.base = base
        self.pictures = pictures or {}
        self.data = graph
        self.kb = Graph(bind_namespaces="core")
        for prefix, namespace in graph.namespace_manager.namespaces():
            self.kb.bind(prefix, namespace)
        for triple in graph:
            self.kb.add(triple)
        for triple in ontology_graph():
            self.kb.add(triple)
        self.quotes = claim_quotes(self.kb)
        self.texts = dict(texts)
        self.paragraphs = {report: _Paragraphs(text) for report, text in self.texts.items()}
        self.pages = self._find_pages()
        self.by_path = {p.path: p for p in self.pages.values()}
        self.owners = self._find_owners()
        self.parts: dict[URIRef, list[URIRef]] = defaultdict(list)
        for part, (page, _frag) in sorted(self.owners.items(), key=lambda item: natural_key(str(item[0]))):
            self.parts[page.node].append(part)
        self.incoming = self._find_incoming()
        self._labels: dict[URIRef | BNode, str] = {}

    # ------------------------------------------------------------------ indexing

    def _find_pages(self) -> dict[URIRef, Page]:
        """Instances of the page classes in the data, and every goal of the SDG scheme."""
        pages: dict[URIRef, Page] = {}
        for group, classes in GROUPS:
            for cls in classes:
                for node in self.data.subjects(RDF.type, cls):
                    if isinstance(node, URIRef) and node not in pages and (path := site_path(node, self.base)):
                        pages[node] = Page(node, path, group)
        for goal in self.kb.subjects(SKOS.inScheme, CSR.SDGScheme):
            if isinstance(goal, URIRef) and (path := site_path(goal, self.base)):
                pages[goal] = Page(goal, path, SDG_GROUP)
        return pages

    def _find_owners(self) -> dict[URIRef, tuple[Page, str]]:
        """Nodes without a page, each owned by the nearest page whose IRI path contains it."""
        owners: dict[URIRef, tuple[Page, str]] = {}
        for node in set(self.data.subjects()):
            if not isinstance(node, URIRef) or node in self.pages or not (path := site_path(node, self.base)):
                continue
            segments = path.split("/")
            for cut in range(len(segments) - 1, 0, -1):
                page = self.by_path.get("/".join(segments[:cut]))
                if page is not None:
                    owners[node] = (page, str(node)[len(str(page.node)) + 1 :])
                    break
        return owners

    def home(self, node: URIRef | BNode | Literal) -> tuple[Page, str | None] | None:
        """The page a node is shown on, and its anchor there when it is a part."""
        if node in self.pages:
            return self.pages[node], None  # type: ignore[index]
        return self.owners.get(node)  # type: ignore[arg-type]

    def _find_incoming(self) -> dict[URIRef, list[tuple[URIRef, URIRef]]]:
        """(predicate, subject) pairs pointing at each page from elsewhere: who refers to it."""
        incoming: dict[URIRef, set[tuple[URIRef, URIRef]]] = defaultdict(set)
        for s, p, o in self.data:
            if p == RDF.type or not isinstance(o, URIRef) or not isinstance(s, URIRef):
                continue
            target = self.home(o)
            if target is None or target[1] is not None:
                continue
            source = self.home(s)
            if source is not None and source[0].node == target[0].node:
                continue
            incoming[target[0].node].add((p, s))  # type: ignore[arg-type]
        return {node: sorted(pairs) for node, pairs in incoming.items()}

    # ------------------------------------------------------------------ labels

    def _best(self, node: URIRef | BNode, predicate: URIRef) -> str | None:
        """The English value if there is one, else an untagged one, else the first by language."""
        values = [v for v in self.kb.objects(node, predicate) if isinstance(v, Literal)]
        if not values:
            return None
        values.sort(key=lambda v: (v.language not in ("en", None), v.language is not None, v.language or "", str(v)))
        return str(values[0])

    def label(self, node: URIRef | BNode) -> str:
        """What a person calls a node: its label, title, quote or figure, else its IRI's last segment."""
        if node not in self._labels:
            self._labels[node] = self._compute_label(node)
        return self._labels[node]

    def _compute_label(self, node: URIRef | BNode) -> str:
        for predicate in _LABEL_PREDICATES:
            if found := self._best(node, predicate):
                return found
        if title := self._best(node, DCTERMS.title):
            notation = self._best(node, SKOS.notation)
            return f"{notation} {title}" if notation else title
        if node in self.quotes:
            return self.quotes[node].exact  # type: ignore[index]
        goal = self.kb.value(node, CSR.goal)
        if isinstance(goal, URIRef):
            return f"Alignment with {self.label(goal)}"
        selectors = sorted(self.kb.objects(node, OA.hasSelector), key=str)
        if exact := next((e for e in (self._best(s, OA.exact) for s in selectors) if e), None):  # type: ignore[arg-type]
            return f"Quote: {exact}"
        start, end = self.kb.value(node, OA.start), self.kb.value(node, OA.end)
        if start is not None and end is not None:
            return f"Characters {start}–{end}"
        for predicate in (CSR.surfaceForm, OA.exact, TIME.inXSDDate, SKOS.notation, DCTERMS.identifier):
            if found := self._best(node, predicate):
                return found
        return unquote(re.split(r"[/#]", str(node).rstrip("/#"))[-1]) or str(node)

    def curie(self, iri: URIRef) -> str:
        """prefix:local where a bound prefix fits, for showing property and class IRIs compactly."""
        return compact(iri, self.prefixes) or str(iri)

    @cached_property
    def prefixes(self) -> tuple[tuple[str, str], ...]:
        """Bound prefixes, longest namespace first so the most specific one wins."""
        pairs = [(p, str(ns)) for p, ns in self.kb.namespace_manager.namespaces() if p]
        return tuple(sorted(pairs, key=lambda pair: (-len(pair[1]), pair[0])))

    # ------------------------------------------------------------------ what the templates show

    def term(self, term: URIRef | BNode | Literal, here: str) -> Term:
        """A value as shown on page ``here``: a link to its page or anchor, an external link, or text."""
        if isinstance(term, Literal):
            if term.language:
                return Term(str(term), literal=True, note=f"@{term.language}", note_class="lang")
            if term.datatype and term.datatype != XSD.string:
                return Term(str(term), literal=True, note=self.curie(term.datatype), note_class="dtype")
            return Term(str(term), literal=True)
        text = shorten(self.label(term))
        if isinstance(term, BNode):
            return Term(text)
        home = self.home(term)
        if home is not None:
            page, frag = home
            anchor = f"#{quote(frag, safe='/-._~%')}" if frag else ""
            if page.path + ".html" == here and frag:
                return Term(text, href=anchor)
            return Term(text, href=href(page.path + ".html", here) + anchor)
        if str(term).startswith(self.base) or not str(term).startswith(("http://", "https://")):
            return Term(text, title=str(term))
        return Term(text, href=str(term), external=True)

    def properties(self, node: URIRef, here: str) -> list[PropertyRow]:
        """All outgoing triples of ``node``, one row per property, type first then by name."""
        by_predicate: dict[URIRef, list[URIRef | BNode | Literal]] = defaultdict(list)
        for p, o in self.kb.predicate_objects(node):
            by_predicate[p].append(o)  # type: ignore[index, arg-type]

        def order(p: URIRef) -> tuple[int, tuple[tuple[int, int | str], ...]]:
            return (0 if p == RDF.type else 1 if p in _LABEL_PREDICATES else 2, natural_key(self.curie(p)))

        rows = []
        for p in sorted(by_predicate, key=order):
            values = sorted(by_predicate[p], key=lambda o: (natural_key(self.value_key(o)), str(o)))
            name = self._best(p, RDFS.label) or self.label(p)
            rows.append(PropertyRow(name, str(p), self.curie(p), [self.term(o, here) for o in values]))
        return rows

    def value_key(self, term: URIRef | BNode | Literal) -> str:
        return str(term) if isinstance(term, Literal) else self.label(term)

    def quote_view(self, node: URIRef) -> QuoteView:
        """The claim's quote in its paragraph of the report text, with where it is.

        Without the report text, the paragraph is looked for within the prefix, quote and suffix
        the graph records, and the view says that it was clipped.
        """
        q = self.quotes[node]
        text = self.texts.get(q.report_id)
        if text is not None:
            lo, hi = self.paragraphs[q.report_id].bounds(q.start, q.end)
            before, after = text[lo : q.start], text[q.end : hi]
        else:
            window = q.prefix + q.exact + q.suffix
            lo, hi = _Paragraphs(window).bounds(len(q.prefix), len(q.prefix) + len(q.exact))
            before, after = window[lo : len(q.prefix)], window[len(q.prefix) + len(q.exact) : hi]
        return QuoteView(
            before,
            q.exact,
            after,
            q.report_title,
            q.section_number,
            q.section_title,
            q.start,
            q.end,
            q.page,
            text is None,
        )

    def parts_view(self, node: URIRef, here: str) -> list[PartView]:
        parts = []
        for part in self.parts.get(node, []):
            types = ", ".join(sorted(self.label(t) for t in self.kb.objects(part, RDF.type)))  # type: ignore[arg-type]
            parts.append(PartView(self.owners[part][1], shorten(self.label(part)), types, self.properties(part, here)))
        return parts

    def incoming_view(self, node: URIRef, here: str) -> list[IncomingGroup]:
        """Who points here, grouped by property; big groups start folded (details, no script)."""
        groups: dict[URIRef, list[URIRef]] = defaultdict(list)
        for p, s in self.incoming.get(node, []):
            groups[p].append(s)
        views = []
        for p in sorted(groups, key=lambda q: natural_key(self.curie(q))):
            sources = sorted(groups[p], key=lambda s: (natural_key(self.label(s)), str(s)))
            name = self._best(p, RDFS.label) or self.label(p)
            views.append(IncomingGroup(name, [self.term(s, here) for s in sources], len(sources) <= OPEN_LIMIT))
        return views

    # ------------------------------------------------------------------ pages

    def heading(self, page: Page) -> str:
        if page.node in self.quotes:
            return f"Claim {self.quotes[page.node].claim_id}"
        return self.label(page.node)

    def page_html(self, page: Page) -> str:
        here = page.path + ".html"
        types = ", ".join(sorted(self.label(t) for t in self.kb.objects(page.node, RDF.type)))  # type: ignore[arg-type]
        view = PageView(
            heading=self.heading(page),
            types=types or page.group,
            iri=str(page.node),
            external=not str(page.node).startswith(self.base),
            ttl=href(page.path + ".ttl", here),
            jsonld=href(page.path + ".jsonld", here),
            quote=self.quote_view(page.node) if page.node in self.quotes else None,
            properties=self.properties(page.node, here),
            parts=self.parts_view(page.node, here),
            incoming=self.incoming_view(page.node, here),
            pictures=[
                PictureView(href(picture_path(page, p), here), p.alt, p.caption)
                for p in self.pictures.get(str(page.node), [])
            ],
        )
        return render("page.html.j2", here, self.heading(page), page.group, page=view)

    def index_html(self) -> str:
        """Every page, grouped by type in GROUPS order; claims in report order, others by name."""
        sections = []
        for group, _classes in GROUPS:
            members = sorted((p for p in self.pages.values() if p.group == group), key=self.index_key)
            if members:
                slug = re.sub(r"[^a-z0-9]+", "-", group.lower()).strip("-")
                sections.append(IndexSection(group, slug, group == "Claims", [self.index_item(p) for p in members]))
        return render("index.html.j2", "index.html", "csr-kg", None, sections=sections)

    def index_key(self, page: Page) -> tuple[object, ...]:
        if page.node in self.quotes:
            q = self.quotes[page.node]
            return (q.report_id, q.start, q.claim_id)
        return (natural_key(self.label(page.node)), str(page.node))

    def index_item(self, page: Page) -> IndexItem:
        link = href(page.path + ".html", "index.html")
        text = shorten(self.label(page.node))
        if page.node in self.quotes:
            q = self.quotes[page.node]
            return IndexItem(link, text, f"{q.section_number} · {q.kind} · {q.claim_id}")
        return IndexItem(link, text)

    # ------------------------------------------------------------------ data files

    def description(self, page: Page) -> Description:
        """The page's outgoing triples and its parts', plus labels of everything they point to."""
        described = [page.node, *self.parts.get(page.node, [])]
        triples = {(s, p, o) for s in described for p, o in self.kb.predicate_objects(s)}
        targets = {o for _s, _p, o in triples if not isinstance(o, Literal)} - set(described)
        for o in targets:
            for predicate in _LABEL_PREDICATES:
                triples.update((o, predicate, value) for value in self.kb.objects(o, predicate))
        return group_triples(triples)


def compact(iri: URIRef | str, prefixes: tuple[tuple[str, str], ...]) -> str | None:
    """prefix:local for an IRI when a prefix covers it and the local part is a plain name."""
    return _compact(str(iri), prefixes)


@cache
def _compact(text: str, prefixes: tuple[tuple[str, str], ...]) -> str | None:
    for prefix, namespace in prefixes:
        if text.startswith(namespace) and _CURIE_LOCAL.match(text[len(namespace) :]):
            return f"{prefix}:{text[len(namespace) :]}"
    return None


@cache
def environment() -> Environment:
    """The site's Jinja2 environment, made once: the templates are package files under templates/."""
    return Environment(
        loader=PackageLoader("kg.outputs", "templates"),
        autoescape=True,
        finalize=_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def _escape(value: object) -> object:
    """Escape every value with the standard library's ``html.escape`` (``'`` as ``&#x27;``), so
    that pages are byte-identical to those written before the templates; markup from macros
    passes through. Jinja2's autoescape stays on as a second guard for anything finalize misses."""
    if hasattr(value, "__html__"):
        return value
    return Markup(escape(str(value)))


def render(template: str, here: str, title: str, group: str | None, **context: object) -> str:
    """A complete HTML page: relative stylesheet and home links, so it works from file://."""
    return (
        environment()
        .get_template(template)
        .render(
            title=shorten(title, 80), css=href(CSS_NAME, here), home=href("index.html", here), group=group, **context
        )
    )


def jsonld_text(description: Description, prefixes: tuple[tuple[str, str], ...]) -> str:
    """JSON-LD with a prefix context, nodes, properties and values sorted: stable across runs.

    rdflib's own serialiser follows the graph's (hash-seeded) iteration order, so output would
    change from one run to the next; this writes the same document every time.
    """
    used: dict[str, str] = {}

    def key(iri: URIRef) -> str:
        short = compact(iri, prefixes)
        if short is None:
            return str(iri)
        prefix = short.split(":", 1)[0]
        used[prefix] = dict(prefixes)[prefix]
        return short

    def value(term: object) -> dict[str, str]:
        if isinstance(term, Literal):
            out = {"@value": str(term)}
            if term.language:
                out["@language"] = term.language
            elif term.datatype and term.datatype != XSD.string:
                out["@type"] = key(term.datatype)
            return out
        return {"@id": node_id(term)}

    nodes = []
    for s, by_predicate in description:
        node: dict[str, object] = {"@id": node_id(s)}
        types = sorted(key(t) for t in by_predicate.get(RDF.type, []) if isinstance(t, URIRef))
        if types:
            node["@type"] = types
        for p, objects in by_predicate.items():
            if p != RDF.type:
                values = [value(o) for o in objects]
                node[key(p)] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        nodes.append(node)
    document_ = {"@context": dict(sorted(used.items())), "@graph": nodes}
    return json.dumps(document_, indent=2, ensure_ascii=False) + "\n"


def turtle_text(description: Description, prefixes: tuple[tuple[str, str], ...]) -> str:
    """Turtle with subjects, predicates and objects sorted: stable across runs, and much faster
    than rdflib's pretty serialisers for a thousand small graphs. Literals keep their lexical form.
    """
    used: dict[str, str] = {}
    namespaces = dict(prefixes)

    def term(t: object) -> str:
        if isinstance(t, Literal):
            plain = Literal(str(t), lang=t.language).n3()
            return plain if t.language or not t.datatype or t.datatype == XSD.string else f"{plain}^^{term(t.datatype)}"
        if isinstance(t, BNode):
            return f"_:{t}"
        short = compact(t, prefixes)  # type: ignore[arg-type]
        if short is None:
            return URIRef(str(t)).n3()
        used[short.split(":", 1)[0]] = namespaces[short.split(":", 1)[0]]
        return short

    blocks = []
    for s, by_predicate in description:
        lines = []
        for p in sorted(by_predicate, key=lambda q: (q != RDF.type, str(q))):
            objects = sorted(term(o) for o in by_predicate[p])
            verb = "a" if p == RDF.type else term(p)
            lines.append(f"    {verb} " + " ,\n        ".join(objects))
        blocks.append(f"{term(s)}\n" + " ;\n".join(lines) + " .\n")
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(used.items()))
    return header + "\n" + "\n".join(blocks)


def group_triples(triples: Iterable[tuple[object, object, object]]) -> Description:
    """Triples by subject, then predicate, both sorted by IRI: the order both writers emit."""
    grouped: dict[object, dict[object, list[object]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        grouped[s][p].append(o)
    return [
        (s, {p: grouped[s][p] for p in sorted(grouped[s], key=str)})  # type: ignore[misc]
        for s in sorted(grouped, key=str)
    ]


def node_id(term: object) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _write(out: Path, relative: str, text: str) -> None:
    """Write a site file, refusing any path that would land outside the output directory."""
    path = (out / relative).resolve()
    if not path.is_relative_to(out.resolve()):
        raise ValueError(f"refusing to write {relative} outside {out}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def picture_path(page: Page, picture: Picture) -> str:
    """A picture's file beside its page: ``report/x.html`` shows ``report/x.disclosure.svg``."""
    return f"{page.path}.{picture.suffix}.svg"


# Wraps the pages to write, e.g. to show a progress bar as they are consumed.
Progress = Callable[[list[Page]], Iterable[Page]]


def write_site(
    reports: Iterable[Report],
    graph: Graph,
    out: Path,
    base: str = DEFAULT_BASE,
    progress: Progress | None = None,
    pictures: bool = False,
) -> int:
    """Write the site of ``graph``, made from ``reports``, into ``out``; see :func:`write_graph_site`."""
    return write_graph_site(graph, out, {r.meta.id: r.text.text for r in reports}, base, progress, pictures)


def write_graph_site(
    graph: Graph,
    out: Path,
    texts: Mapping[str, str],
    base: str = DEFAULT_BASE,
    progress: Progress | None = None,
    pictures: bool = False,
) -> int:
    """Write the site into ``out`` and return the number of resource pages (index.html not counted).

    ``texts`` maps report ids to report texts, for showing each quote in its paragraph; a report
    without one has its quotes shown within the prefix and suffix the graph records. Each
    resource gets ``PATH.html``, ``PATH.ttl`` and ``PATH.jsonld``; ``index.html`` and
    ``site.css`` sit at the root. Files already in ``out`` that the site does not produce are
    left alone. Output is byte-identical for the same input.

    With ``pictures`` (which needs matplotlib, the ``plots`` extra), report, metric and SDG pages
    show SVG pictures (kg.outputs.site_pictures) written beside them as ``PATH.<what>.svg``.
    """
    drawn: Pictures = {}
    if pictures:
        from kg.outputs.site_pictures import site_pictures
        from kg.outputs.tables import as_native

        drawn = site_pictures(as_native(graph))
    site = Site(graph, texts, base, drawn)
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(site.pages.values(), key=lambda p: p.path)
    for page in progress(pages) if progress else pages:
        _write(out, page.path + ".html", site.page_html(page))
        data = site.description(page)
        _write(out, page.path + ".ttl", turtle_text(data, site.prefixes))
        _write(out, page.path + ".jsonld", jsonld_text(data, site.prefixes))
        for picture in drawn.get(str(page.node), []):
            _write(out, picture_path(page, picture), picture.svg)
    _write(out, "index.html", site.index_html())
    css = packaged("outputs/templates/assets").joinpath(CSS_NAME).read_text(encoding="utf-8")
    _write(out, CSS_NAME, css)
    return len(site.pages)
