"""Write a static linked-data site for the knowledge graph: one HTML page per resource.

Instance IRIs under the base should dereference to something a person can read and a program can
load. The site mirrors IRI paths under the base (``.../id/org/xiaomi`` is ``org/xiaomi.html``,
with ``org/xiaomi.ttl`` and ``org/xiaomi.jsonld`` beside it), so a static web server can answer
an IRI by content negotiation, and the same files open from the file system. Nodes that exist
only as parts of a resource (a claim's quote, selectors, observations and SDG alignments; a
report's text, sections and stakeholder expectations) have no page of their own: they are shown
on their owner's page under an anchor and described in its Turtle, so every link lands somewhere.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from html import escape
from importlib.resources import files
from pathlib import Path
from posixpath import dirname, relpath
from urllib.parse import quote, unquote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.ingest.model import Claim, Report
from kg.rdf.iris import Minter
from kg.vocab.namespaces import CSR, DEFAULT_BASE, OA, ORG, TIME, UNSDG
from kg.vocab.ontology import ontology_graph

# Index headings in display order, with the classes whose instances get a page. SDGs are the UN's
# IRIs, outside the base, so their pages come from the ontology's scheme rather than a class.
GROUPS: tuple[tuple[str, tuple[URIRef, ...]], ...] = (
    ("Report", (CSR.Report,)),
    ("Claims", (CSR.Claim,)),
    ("Organisations", (ORG.Organization, CSR.Subsidiary)),
    ("Organisational units", (CSR.Board, CSR.Committee, CSR.Department, CSR.Team)),
    ("Initiatives", (CSR.Initiative,)),
    ("Stakeholder groups", (CSR.StakeholderGroup,)),
    ("Material issues", (CSR.MaterialIssue, CSR.KeyMaterialIssue, CSR.OtherMaterialIssue)),
    ("Metrics", (CSR.Metric,)),
    ("Sustainable Development Goals", ()),
    ("Products", (CSR.Product,)),
    ("Awards", (CSR.Award,)),
    ("Events", (CSR.Event,)),
    ("Laws and regulations", (CSR.Law,)),
    ("Policies", (CSR.Policy,)),
    ("Standards", (CSR.Standard,)),
    ("Certifications", (CSR.Certification,)),
    ("Places", (DCTERMS.Location,)),
    ("People", (PROV.Person,)),
)
SDG_GROUP = "Sustainable Development Goals"
CSS_NAME = "site.css"
LINK_TEXT_MAX = 110  # link texts longer than this are cut, so long quotes do not swamp lists
OPEN_LIMIT = 25  # incoming-link groups up to this size start unfolded
_LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel)
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*")
_CURIE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


# A resource description: (subject, {predicate: objects}) with subjects and predicates sorted.
Description = list[tuple[URIRef | BNode, dict[URIRef, list[URIRef | BNode | Literal]]]]


@dataclass(frozen=True)
class Page:
    """A resource with a page: its IRI, its site path without extension, and its index group."""

    node: URIRef
    path: str  # POSIX, relative to the site root, e.g. "report/xiaomi-2019/claim/s2-2-rd-investment"
    group: str


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

    def __init__(self, reports: list[Report], graph: Graph, base: str = DEFAULT_BASE) -> None:
        self.base = base
        self.data = graph
        self.kb = Graph(bind_namespaces="core")
        for prefix, namespace in graph.namespace_manager.namespaces():
            self.kb.bind(prefix, namespace)
        for triple in graph:
            self.kb.add(triple)
        for triple in ontology_graph():
            self.kb.add(triple)
        minter = Minter(base)
        self.claims: dict[URIRef, tuple[Claim, Report]] = {
            minter.claim(r.meta.id, c.id): (c, r) for r in reports for c in r.claims.values()
        }
        self.paragraphs = {r.meta.id: _Paragraphs(r.text.text) for r in reports}
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
        if node in self.claims:
            return self.claims[node][0].quote  # type: ignore[index]
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

    # ------------------------------------------------------------------ HTML fragments

    def term_html(self, term: URIRef | BNode | Literal, here: str) -> str:
        """A value as HTML: a link to its page or anchor, an external link, or escaped text."""
        if isinstance(term, Literal):
            return literal_html(term, self.curie)
        text = escape(shorten(self.label(term)))
        if isinstance(term, BNode):
            return f"<span>{text}</span>"
        home = self.home(term)
        if home is not None:
            page, frag = home
            if page.path + ".html" == here and frag:
                return f'<a href="#{quote(frag, safe="/-._~%")}">{text}</a>'
            link = href(page.path + ".html", here) + (f"#{quote(frag, safe='/-._~%')}" if frag else "")
            return f'<a href="{escape(link)}">{text}</a>'
        if str(term).startswith(self.base) or not str(term).startswith(("http://", "https://")):
            return f'<span title="{escape(str(term))}">{text}</span>'
        return f'<a class="ext" href="{escape(str(term))}">{text}</a>'

    def property_html(self, predicate: URIRef) -> str:
        name = self._best(predicate, RDFS.label) or self.label(predicate)
        return f'{escape(name)}<code title="{escape(str(predicate))}">{escape(self.curie(predicate))}</code>'

    def props_table(self, node: URIRef, here: str) -> str:
        """All outgoing triples of ``node``, one row per property, type first then by name."""
        by_predicate: dict[URIRef, list[URIRef | BNode | Literal]] = defaultdict(list)
        for p, o in self.kb.predicate_objects(node):
            by_predicate[p].append(o)  # type: ignore[index, arg-type]

        def order(p: URIRef) -> tuple[int, tuple[tuple[int, int | str], ...]]:
            return (0 if p == RDF.type else 1 if p in _LABEL_PREDICATES else 2, natural_key(self.curie(p)))

        rows = []
        for p in sorted(by_predicate, key=order):
            values = sorted(by_predicate[p], key=lambda o: (natural_key(self.value_key(o)), str(o)))
            cells = "".join(f"<li>{self.term_html(o, here)}</li>" for o in values)
            rows.append(f"<tr><th>{self.property_html(p)}</th><td><ul>{cells}</ul></td></tr>")
        return f'<table class="props">{"".join(rows)}</table>'

    def value_key(self, term: URIRef | BNode | Literal) -> str:
        return str(term) if isinstance(term, Literal) else self.label(term)

    def quote_html(self, node: URIRef) -> str:
        """The claim's quote marked in its paragraph of the report text, with where it is."""
        claim, report = self.claims[node]
        text, start, end = report.text.text, claim.anchor.start, claim.anchor.end
        lo, hi = self.paragraphs[report.meta.id].bounds(start, end)
        context = f"{escape(text[lo:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:hi])}"
        section = claim.anchor.section
        caption = (
            f"{escape(report.meta.title)}, section {escape(section.number)} {escape(section.title)}, "
            f"characters {start}–{end} of the report text{escape(claim_page(claim, report))}"
        )
        return f'<figure class="quote"><p class="context">{context}</p><figcaption>{caption}</figcaption></figure>'

    def parts_html(self, node: URIRef, here: str) -> str:
        sections = []
        for part in self.parts.get(node, []):
            frag = self.owners[part][1]
            types = ", ".join(sorted(self.label(t) for t in self.kb.objects(part, RDF.type)))  # type: ignore[arg-type]
            sections.append(
                f'<section class="part" id="{escape(frag)}"><h3>{escape(shorten(self.label(part)))} '
                f"<small>{escape(types)}</small></h3>{self.props_table(part, here)}</section>"
            )
        return f"<h2>Parts</h2>{''.join(sections)}" if sections else ""

    def incoming_html(self, node: URIRef, here: str) -> str:
        """Who points here, grouped by property; big groups start folded (details, no script)."""
        groups: dict[URIRef, list[URIRef]] = defaultdict(list)
        for p, s in self.incoming.get(node, []):
            groups[p].append(s)
        blocks = []
        for p in sorted(groups, key=lambda q: natural_key(self.curie(q))):
            sources = sorted(groups[p], key=lambda s: (natural_key(self.label(s)), str(s)))
            items = "".join(f"<li>{self.term_html(s, here)}</li>" for s in sources)
            state = " open" if len(sources) <= OPEN_LIMIT else ""
            name = escape(self._best(p, RDFS.label) or self.label(p))
            blocks.append(
                f"<details{state}><summary>{name} <span class=count>({len(sources)})</span></summary>"
                f"<ul>{items}</ul></details>"
            )
        return f"<h2>Referenced by</h2>{''.join(blocks)}" if blocks else ""

    # ------------------------------------------------------------------ pages

    def heading(self, page: Page) -> str:
        if page.node in self.claims:
            return f"Claim {self.claims[page.node][0].id}"
        return self.label(page.node)

    def page_html(self, page: Page) -> str:
        here = page.path + ".html"
        types = ", ".join(sorted(self.label(t) for t in self.kb.objects(page.node, RDF.type)))  # type: ignore[arg-type]
        iri = escape(str(page.node))
        iri_html = iri if str(page.node).startswith(self.base) else f'<a class="ext" href="{iri}">{iri}</a>'
        body = [
            f"<h1>{escape(self.heading(page))}</h1>",
            f'<p class="types">{escape(types or page.group)}</p>',
            f'<p class="iri">IRI: <code>{iri_html}</code></p>',
            f'<p class="formats">Data: <a href="{href(page.path + ".ttl", here)}" type="text/turtle">Turtle</a>'
            f'<a href="{href(page.path + ".jsonld", here)}" type="application/ld+json">JSON-LD</a></p>',
        ]
        if page.node in self.claims:
            body.append(self.quote_html(page.node))
        body += [
            "<h2>Properties</h2>",
            self.props_table(page.node, here),
            self.parts_html(page.node, here),
            self.incoming_html(page.node, here),
        ]
        alternates = (
            f'<link rel="alternate" type="text/turtle" href="{href(page.path + ".ttl", here)}">'
            f'<link rel="alternate" type="application/ld+json" href="{href(page.path + ".jsonld", here)}">'
        )
        return document(self.heading(page), here, "".join(body), page.group, alternates)

    def index_html(self) -> str:
        """Every page, grouped by type in GROUPS order; claims in report order, others by name."""
        sections = []
        for group, _classes in GROUPS:
            members = [p for p in self.pages.values() if p.group == group]
            if not members:
                continue
            members.sort(key=self.index_key)
            items = "".join(self.index_item(p) for p in members)
            slug = re.sub(r"[^a-z0-9]+", "-", group.lower()).strip("-")
            sections.append(
                f'<h2 id="{slug}">{escape(group)} <span class="count">({len(members)})</span></h2>'
                f'<ul class="index{" claims" if group == "Claims" else ""}">{items}</ul>'
            )
        toc = " · ".join(
            f'<a href="#{re.sub(r"[^a-z0-9]+", "-", g.lower()).strip("-")}">{escape(g)}</a>'
            for g, _ in GROUPS
            if any(p.group == g for p in self.pages.values())
        )
        intro = (
            '<p class="note">Every resource of the csr-kg knowledge graph, with its properties, the pages that '
            "refer to it, and its description in Turtle and JSON-LD.</p>"
        )
        return document("csr-kg", "index.html", f"<h1>csr-kg</h1>{intro}<p>{toc}</p>{''.join(sections)}", None, "")

    def index_key(self, page: Page) -> tuple[object, ...]:
        if page.node in self.claims:
            claim, report = self.claims[page.node]
            return (report.meta.id, claim.anchor.start, claim.id)
        return (natural_key(self.label(page.node)), str(page.node))

    def index_item(self, page: Page) -> str:
        link = f'<a href="{href(page.path + ".html", "index.html")}">{escape(shorten(self.label(page.node)))}</a>'
        if page.node in self.claims:
            claim = self.claims[page.node][0]
            note = f"{claim.anchor.section.number} · {claim.kind} · {claim.id}"
            return f'<li>{link} <span class="note">{escape(note)}</span></li>'
        return f"<li>{link}</li>"

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


def claim_page(claim: Claim, report: Report) -> str:
    """Where the claim's quote starts in the report's PDF (", page 3 of report.pdf"), or "" when the
    report's text has no pages: the page a reader opens the PDF at (#page=3)."""
    pages = report.text.pages
    if claim.anchor.page is None or pages is None:
        return ""
    return f", page {claim.anchor.page}" + (f" of {pages.source}" if pages.source else "")


def compact(iri: URIRef | str, prefixes: tuple[tuple[str, str], ...]) -> str | None:
    """prefix:local for an IRI when a prefix covers it and the local part is a plain name."""
    return _compact(str(iri), prefixes)


@cache
def _compact(text: str, prefixes: tuple[tuple[str, str], ...]) -> str | None:
    for prefix, namespace in prefixes:
        if text.startswith(namespace) and _CURIE_LOCAL.match(text[len(namespace) :]):
            return f"{prefix}:{text[len(namespace) :]}"
    return None


def literal_html(term: Literal, curie: Callable[[URIRef], str]) -> str:
    """Escaped literal text, with its language tag or (non-string) datatype shown small."""
    text = escape(str(term))
    if term.language:
        return f'{text}<span class="lang">@{escape(term.language)}</span>'
    if term.datatype and term.datatype != XSD.string:
        return f'{text}<span class="dtype">{escape(curie(term.datatype))}</span>'
    return text


def document(title: str, here: str, body: str, group: str | None, head_extra: str) -> str:
    """A complete HTML page: relative stylesheet and home links, so it works from file://."""
    crumb = f" › {escape(group)}" if group else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(shorten(title, 80))} · csr-kg</title>\n"
        f'<link rel="stylesheet" href="{href(CSS_NAME, here)}">\n{head_extra}\n</head>\n<body>\n'
        f'<header class="site"><a href="{href("index.html", here)}">csr-kg</a>{crumb}</header>\n'
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
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


def write_site(reports: list[Report], graph: Graph, out: Path, base: str = DEFAULT_BASE) -> int:
    """Write the site into ``out`` and return the number of resource pages (index.html not counted).

    Each resource gets ``PATH.html``, ``PATH.ttl`` and ``PATH.jsonld``; ``index.html`` and
    ``site.css`` sit at the root. Files already in ``out`` that the site does not produce are
    left alone. Output is byte-identical for the same input.
    """
    site = Site(reports, graph, base)
    out.mkdir(parents=True, exist_ok=True)
    for page in sorted(site.pages.values(), key=lambda p: p.path):
        _write(out, page.path + ".html", site.page_html(page))
        data = site.description(page)
        _write(out, page.path + ".ttl", turtle_text(data, site.prefixes))
        _write(out, page.path + ".jsonld", jsonld_text(data, site.prefixes))
    _write(out, "index.html", site.index_html())
    css = files("kg.outputs").joinpath("site_assets", CSS_NAME).read_text(encoding="utf-8")
    _write(out, CSS_NAME, css)
    return len(site.pages)
