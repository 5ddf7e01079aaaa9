"""Network analysis of a csr-kg graph: who is central, which SDGs are served, what is left unlinked.

The KG is claim-centred: entities meet only through claims, alignments and observations. To ask
network questions (which unit brokers between initiatives and issues? which goals does a committee
reach?) the graph is projected onto its *actors and topics*: organisation units, initiatives,
stakeholder groups, material issues, SDGs, metrics and reports. Claims, quotes and observations
become edges, not nodes, so that centrality measures relations between things the report talks
about rather than the bookkeeping of how it says them.

The projection is an undirected simple graph (``nx.Graph``). Direction in the KG is an artefact of
wording: "Xiaomi launched X" and "X is run by Xiaomi India" state the same dependency in opposite
directions, so directed betweenness would rank nodes by the report's grammar. Parallel relations
between one pair (e.g. ``launched`` and ``hasPartner``) are collapsed into one edge whose
``relation`` lists them all, sorted: a pair linked twice is no more connected than a pair linked
once for degree, and GraphML readers handle simple graphs everywhere. Self-loops are dropped.

Everything written is deterministic for the same input: nodes and edges are added in sorted order,
betweenness is exact (not sampled), floats are rounded, JSON keys sorted, the drawing uses a fixed
column layout, and the SVG has a fixed hash salt, text kept as text and no date.

Call :func:`analyse`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef

from kg.extras import require
from kg.vocab.entity_types import type_table
from kg.vocab.names import label, local_name
from kg.vocab.namespaces import CSR, ORG, UNSDG
from kg.vocab.ontology import with_ontology

#: Classes projected to nodes (the ontology's csr:networkNodeKind), first match wins: the most
#: specific class first (a subsidiary is also an organisation).
NODE_CLASSES: tuple[tuple[URIRef, str], ...] = type_table().node_kinds
SDG_TYPE = "sdg"
GOALS = tuple(range(1, 18))
#: Relations by which a committee takes charge of an initiative, as (predicate, committee is subject).
COMMITTEE_LINKS: tuple[tuple[URIRef, bool], ...] = ((CSR.launched, True), (CSR.oversees, True), (CSR.runBy, False))
#: Node types drawn in the picture, left to right: who expects, what about, what is done, which goal.
PICTURE_COLUMNS: tuple[str, ...] = ("stakeholder_group", "material_issue", "initiative", SDG_TYPE)
PICTURE_COLOURS = {
    "stakeholder_group": "#e6842a",
    "material_issue": "#8e6bbf",
    "initiative": "#2f8f5b",
    SDG_TYPE: "#1f6fb4",
}
PICTURE_TITLES = {
    "stakeholder_group": "Stakeholder groups",
    "material_issue": "Material issues",
    "initiative": "Initiatives",
    SDG_TYPE: "SDGs",
}
#: Edge legend, colour and line style by relation; relations not listed are drawn as "other".
EDGE_STYLES = {
    "expects": ("group expects action on issue", "#e6a15c", "-"),
    "addressesIssue": ("initiative addresses issue", "#8e6bbf", "-"),
    "targets": ("initiative targets group", "#2f8f5b", "--"),
    "sdg": ("SDG alignment (curators' inference)", "#1f6fb4", "-"),
    "other": ("other stated relation", "#9a9a9a", ":"),
}
DIGITS = 6
TOP = 5
LABEL_CHARS = 30
OUTER_LABEL_CHARS = 44  # the outer columns have the margin to themselves


@dataclass(frozen=True)
class NodeScore:
    """One node's centrality; ``degree_centrality`` and ``betweenness`` are networkx-normalised."""

    iri: str
    label: str
    degree: int
    degree_centrality: float
    betweenness: float


@dataclass(frozen=True)
class GoalCoverage:
    """How much of the report speaks to one SDG: claims aligned with it and their figures."""

    goal: int
    iri: str
    label: str
    claims: int
    figures: int
    entities: list[str]


@dataclass(frozen=True)
class Expectation:
    """A stakeholder expectation whose material issue no initiative addresses."""

    iri: str
    label: str
    groups: list[str]
    issue: str


@dataclass(frozen=True)
class CommitteePaths:
    """The SDGs a committee reaches through the initiatives it launched, oversees or runs."""

    iri: str
    committee: str
    paths: list[list[str]]


@dataclass
class NetworkReport:
    """What :func:`analyse` found and wrote; ``metrics()`` is exactly what ``metrics.json`` holds."""

    network: nx.Graph
    centrality: dict[str, dict[str, list[NodeScore]]]
    sdg_coverage: list[GoalCoverage]
    unlinked_initiatives: list[dict[str, str]]
    unanswered_expectations: list[Expectation]
    committee_paths: list[CommitteePaths]
    files: dict[str, Path] = field(default_factory=dict)

    def metrics(self) -> dict[str, Any]:
        counts: defaultdict[str, int] = defaultdict(int)
        for _, kind in self.network.nodes(data="type"):
            counts[kind] += 1
        return {
            "nodes": self.network.number_of_nodes(),
            "edges": self.network.number_of_edges(),
            "nodes_by_type": dict(sorted(counts.items())),
            "centrality": {
                kind: {k: [asdict(s) for s in v] for k, v in tops.items()} for kind, tops in self.centrality.items()
            },
            "sdg_coverage": [asdict(c) for c in self.sdg_coverage],
            "unlinked_initiatives": self.unlinked_initiatives,
            "unlinked_initiatives_count": len(self.unlinked_initiatives),
            "unanswered_expectations": [asdict(e) for e in self.unanswered_expectations],
            "unanswered_expectations_count": len(self.unanswered_expectations),
            "committee_paths": [asdict(p) for p in self.committee_paths],
        }


# ---------------------------------------------------------------- entry point


def analyse(graph: Graph, out: Path, top: int = TOP) -> NetworkReport:
    """Project ``graph``, measure it and write ``network.graphml``, ``metrics.json`` and the picture to ``out``.

    ``graph`` is a csr-kg graph with or without the ontology; the ontology is mixed in (on a copy)
    when it is missing, because stated relations are found through ``rdfs:subPropertyOf`` and SDG
    names live in the SDG scheme.
    """
    require("matplotlib", "plots", "csrkg graph (the network picture)")  # before anything is written
    out = Path(out)
    data = with_ontology(graph)
    network = project(data)
    add_centrality(network)
    report = NetworkReport(
        network=network,
        centrality=centrality_by_type(network, top),
        sdg_coverage=sdg_coverage(data),
        unlinked_initiatives=unlinked_initiatives(network),
        unanswered_expectations=unanswered_expectations(data),
        committee_paths=committee_paths(data),
    )
    out.mkdir(parents=True, exist_ok=True)
    report.files["graphml"] = write_graphml(network, out / "network.graphml")
    report.files["metrics"] = write_metrics(report.metrics(), out / "metrics.json")
    report.files.update(draw_sdg_network(network, out))
    return report


# ---------------------------------------------------------------- projection


def node_types(graph: Graph) -> dict[URIRef, str]:
    """Every projected entity with its node type; SDGs are whatever an alignment's ``csr:goal`` names."""
    types: dict[URIRef, str] = {}
    for cls, kind in NODE_CLASSES:
        for node in graph.subjects(RDF.type, cls):
            if isinstance(node, URIRef):
                types.setdefault(node, kind)
    for goal in graph.objects(None, CSR.goal):
        if isinstance(goal, URIRef):
            types.setdefault(goal, SDG_TYPE)
    return types


def stated_relations(graph: Graph) -> list[URIRef]:
    """Sub-properties of ``csr:statedRelation`` at any depth, so new link properties need no code."""
    found = set(graph.transitive_subjects(RDFS.subPropertyOf, CSR.statedRelation)) - {CSR.statedRelation}
    return sorted(p for p in found if isinstance(p, URIRef))


def observations(graph: Graph) -> Iterator[tuple[URIRef, URIRef, URIRef]]:
    """(claim, observation, metric) for every observation a claim carries."""
    for claim, obs in graph.subject_objects(CSR.hasObservation):
        for metric in graph.objects(obs, CSR.metric):
            yield claim, obs, metric


def relation_edges(graph: Graph) -> Iterator[tuple[URIRef, URIRef, str]]:
    """Every candidate edge (both ends may or may not be nodes; :func:`project` keeps those that are)."""
    for prop in [*stated_relations(graph), ORG.unitOf]:
        for s, o in graph.subject_objects(prop):
            yield s, o, local_name(prop)
    for alignment in graph.subjects(RDF.type, CSR.SDGAlignment):
        for entity in graph.objects(alignment, CSR.alignedEntity):
            for goal in graph.objects(alignment, CSR.goal):
                yield entity, goal, "sdg"
    for group, expectation in graph.subject_objects(CSR.hasExpectation):
        for issue in graph.objects(expectation, CSR.concernsIssue):
            yield group, issue, "expects"
    for claim, obs, metric in observations(graph):
        for report in graph.objects(claim, CSR.inReport):
            yield metric, report, "reported in"
        for entity in graph.objects(obs, CSR.observedEntity):
            yield entity, metric, "measured by"
            for recipient in graph.objects(obs, CSR.recipient):
                yield entity, recipient, "gave to"


def project(graph: Graph) -> nx.Graph:
    """The typed, undirected actor-and-topic network of ``graph`` (see the module docstring)."""
    types = node_types(graph)
    network = nx.Graph()
    for node in sorted(types):
        network.add_node(str(node), type=types[node], label=label(graph, node))
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, o, relation in relation_edges(graph):
        if s in types and o in types and s != o:
            relations[tuple(sorted((str(s), str(o))))].add(relation)
    for (u, v), names in sorted(relations.items()):
        network.add_edge(u, v, relation="; ".join(sorted(names)))
    return network


# ---------------------------------------------------------------- centrality


def add_centrality(network: nx.Graph) -> None:
    """Store degree, degree centrality and exact betweenness on each node (rounded, for stable output)."""
    degree_c = nx.degree_centrality(network) if len(network) > 1 else dict.fromkeys(network, 0.0)
    between = nx.betweenness_centrality(network, normalized=True)
    for node, attrs in network.nodes(data=True):
        attrs["degree"] = network.degree(node)
        attrs["degree_centrality"] = round(degree_c[node], DIGITS)
        attrs["betweenness"] = round(between[node], DIGITS)


def score(network: nx.Graph, node: str) -> NodeScore:
    attrs = network.nodes[node]
    return NodeScore(node, attrs["label"], attrs["degree"], attrs["degree_centrality"], attrs["betweenness"])


def top_nodes(scores: Iterable[NodeScore], key: str, top: int) -> list[NodeScore]:
    """The ``top`` highest by ``key``, ties by label then IRI; nodes scoring 0 are not "central"."""
    ranked = sorted(scores, key=lambda s: (-getattr(s, key), s.label, s.iri))
    return [s for s in ranked if getattr(s, key) > 0][:top]


def centrality_by_type(network: nx.Graph, top: int) -> dict[str, dict[str, list[NodeScore]]]:
    """Top nodes by degree and by betweenness within each node type, since hubs of one type dwarf another."""
    by_type: dict[str, list[NodeScore]] = defaultdict(list)
    for node, kind in network.nodes(data="type"):
        by_type[kind].append(score(network, node))
    return {
        kind: {"degree": top_nodes(scores, "degree", top), "betweenness": top_nodes(scores, "betweenness", top)}
        for kind, scores in sorted(by_type.items())
    }


# ---------------------------------------------------------------- questions asked of the KG itself


def sdg_coverage(graph: Graph) -> list[GoalCoverage]:
    """Per goal 1-17: claims with an alignment to it, the figures (observations) of those claims."""
    claims: dict[URIRef, set[URIRef]] = defaultdict(set)
    entities: dict[URIRef, set[str]] = defaultdict(set)
    for claim, alignment in graph.subject_objects(CSR.hasSDGAlignment):
        for goal in graph.objects(alignment, CSR.goal):
            claims[goal].add(claim)
            entities[goal].update(label(graph, e) for e in graph.objects(alignment, CSR.alignedEntity))
    rows = []
    for number in GOALS:
        goal = UNSDG[str(number)]
        figures = {obs for claim in claims[goal] for obs in graph.objects(claim, CSR.hasObservation)}
        rows.append(
            GoalCoverage(number, str(goal), label(graph, goal), len(claims[goal]), len(figures), sorted(entities[goal]))
        )
    return rows


def unlinked_initiatives(network: nx.Graph) -> list[dict[str, str]]:
    """Initiatives with no relation to any unit, group, issue, SDG or metric: claims that lead nowhere."""
    found = [
        {"iri": node, "label": attrs["label"]}
        for node, attrs in network.nodes(data=True)
        if attrs["type"] == "initiative" and network.degree(node) == 0
    ]
    return sorted(found, key=lambda row: (row["label"], row["iri"]))


def unanswered_expectations(graph: Graph) -> list[Expectation]:
    """Expectations naming a material issue that no initiative addresses: the gaps stakeholders see."""
    addressed = {
        issue
        for initiative in graph.subjects(RDF.type, CSR.Initiative)
        for issue in graph.objects(initiative, CSR.addressesIssue)
    }
    found = []
    for expectation in set(graph.subjects(RDF.type, CSR.StakeholderExpectation)):
        issues = sorted(graph.objects(expectation, CSR.concernsIssue))
        if not issues or any(issue in addressed for issue in issues):
            continue
        groups = sorted(label(graph, g) for g in graph.subjects(CSR.hasExpectation, expectation))
        issue = "; ".join(label(graph, i) for i in issues)
        found.append(Expectation(str(expectation), label(graph, expectation), groups, issue))
    return sorted(found, key=lambda e: (e.groups, e.label, e.iri))


def committee_initiatives(graph: Graph, committee: URIRef) -> set[URIRef]:
    """Initiatives a committee launched or oversees, or that are run by it."""
    initiatives = set(graph.subjects(RDF.type, CSR.Initiative))
    found: set[URIRef] = set()
    for prop, committee_is_subject in COMMITTEE_LINKS:
        linked = graph.objects(committee, prop) if committee_is_subject else graph.subjects(prop, committee)
        found.update(n for n in linked if n in initiatives)
    return found


def goals_of(graph: Graph, entity: URIRef) -> set[URIRef]:
    return {
        goal for alignment in graph.subjects(CSR.alignedEntity, entity) for goal in graph.objects(alignment, CSR.goal)
    }


def committee_paths(graph: Graph) -> list[CommitteePaths]:
    """Committee -> initiative -> SDG label paths: which goals each committee's work serves (may be none)."""
    result = []
    for committee in set(graph.subjects(RDF.type, CSR.Committee)):
        name = label(graph, committee)
        paths = sorted(
            [name, label(graph, initiative), label(graph, goal)]
            for initiative in committee_initiatives(graph, committee)
            for goal in goals_of(graph, initiative)
        )
        result.append(CommitteePaths(str(committee), name, paths))
    return sorted(result, key=lambda c: (c.committee, c.iri))


# ---------------------------------------------------------------- writing


def write_graphml(network: nx.Graph, path: Path) -> Path:
    nx.write_graphml(network, path)
    return path


def metrics_json(metrics: dict[str, Any]) -> str:
    """Sorted keys, fixed indentation and a final newline, so equal figures give equal bytes."""
    return json.dumps(metrics, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write_metrics(metrics: dict[str, Any], path: Path) -> Path:
    path.write_text(metrics_json(metrics), encoding="utf-8")
    return path


# ---------------------------------------------------------------- picture


def truncate(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def picture_subgraph(network: nx.Graph) -> nx.Graph:
    """SDGs, initiatives, stakeholder groups and the material issues that join them, without isolated nodes.

    Material issues are kept because stakeholders reach initiatives mostly through the issues they
    expect action on; isolated nodes are left out (the unlinked ones are listed in ``metrics.json``).
    """
    wanted = [n for n, kind in network.nodes(data="type") if kind in PICTURE_COLUMNS]
    sub = network.subgraph(wanted)
    return sub.subgraph([n for n in sub if sub.degree(n) > 0]).copy()


def column_order(sub: nx.Graph) -> dict[str, list[str]]:
    """Nodes per column, ordered to shorten edges: SDGs by number, the rest by the mean row of neighbours.

    A few barycentre sweeps (right to left, then left to right) is the classic layered-drawing
    heuristic; ties break by label so the order is deterministic.
    """
    columns = {kind: [n for n in sorted(sub) if sub.nodes[n]["type"] == kind] for kind in PICTURE_COLUMNS}
    columns[SDG_TYPE].sort(key=lambda n: (int(local_name(n)) if n.startswith(str(UNSDG)) else 99, n))
    for kind in PICTURE_COLUMNS[:-1]:
        columns[kind].sort(key=lambda n: (sub.nodes[n]["label"], n))
    sweep = list(reversed(PICTURE_COLUMNS[:-1])) + list(PICTURE_COLUMNS[1:-1])
    for _ in range(2):
        for kind in sweep:
            rows = {n: i / max(len(col) - 1, 1) for col in columns.values() for i, n in enumerate(col)}
            columns[kind].sort(key=lambda n: (barycentre(sub, n, rows, kind), sub.nodes[n]["label"], n))
    return columns


def barycentre(sub: nx.Graph, node: str, rows: dict[str, float], kind: str) -> float:
    """Mean relative row (0 top, 1 bottom) of ``node``'s neighbours in other columns; none sorts last."""
    others = [rows[m] for m in sub[node] if sub.nodes[m]["type"] != kind]
    return sum(others) / len(others) if others else 1.5


def column_layout(columns: dict[str, list[str]]) -> dict[str, tuple[float, float]]:
    """x by column, y spread evenly over the column from top to bottom."""
    positions = {}
    for x, kind in enumerate(PICTURE_COLUMNS):
        nodes = columns[kind]
        for i, node in enumerate(nodes):
            positions[node] = (float(x), 1.0 - (i + 0.5) / len(nodes))
    return positions


def draw_sdg_network(network: nx.Graph, out: Path) -> dict[str, Path]:
    """Draw the SDG-initiative-stakeholder subnetwork as columns and save it as PNG and SVG.

    Columns (stakeholder group | material issue | initiative | SDG) keep every label horizontal and
    apart, which rings cannot do with 30-character labels. Matplotlib (the ``plots`` extra) is
    imported here, through the object API with no pyplot, so importing ``kg.outputs.network``
    neither needs it nor changes the backend.
    """
    matplotlib = require("matplotlib", "plots", "csrkg graph (the network picture)")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    sub = picture_subgraph(network)
    left_out = sum(1 for _, kind in network.nodes(data="type") if kind in PICTURE_COLUMNS) - len(sub)
    columns = column_order(sub)
    positions = column_layout(columns)
    tallest = max((len(c) for c in columns.values()), default=1)
    with matplotlib.rc_context({"svg.hashsalt": "csr-kg", "svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(20, max(8.0, 0.42 * tallest + 2)), dpi=120)
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0.01, 0.06, 0.98, 0.85))
        draw_edges(axes, sub, positions)
        draw_nodes(axes, sub, positions)
        axes.set_xlim(-0.75, len(PICTURE_COLUMNS) - 1 + 0.75)
        axes.set_ylim(-0.02, 1.04)
        axes.axis("off")
        for x, kind in enumerate(PICTURE_COLUMNS):
            axes.text(
                x,
                1.025,
                f"{PICTURE_TITLES[kind]} ({len(columns[kind])})",
                ha="center",
                fontsize=12,
                fontweight="bold",
                color=PICTURE_COLOURS[kind],
            )
        figure.suptitle(
            "SDGs, initiatives and stakeholders: who expects what, what is done, which goal it serves",
            fontsize=15,
            y=0.985,
        )
        figure.text(
            0.5,
            0.945,
            f"{left_out} nodes of these types with no link among them are not drawn "
            "(see metrics.json); SDGs aligned only with organisations or products are not shown.",
            ha="center",
            fontsize=10,
            color="#555555",
        )
        handles = [
            Line2D([], [], marker="o", linestyle="", color=PICTURE_COLOURS[k], markersize=9, label=PICTURE_TITLES[k])
            for k in PICTURE_COLUMNS
        ]
        used = {relation.split("; ")[0] for _, _, relation in sub.edges(data="relation")}
        handles += [
            Line2D([], [], color=colour, linestyle=style, linewidth=1.5, label=label)
            for key, (label, colour, style) in EDGE_STYLES.items()
            if key in used or (key == "other" and used - EDGE_STYLES.keys())
        ]
        figure.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=11)
        files = {}
        for fmt in ("png", "svg"):
            path = out / f"sdg-network.{fmt}"
            metadata = {"Date": None} if fmt == "svg" else {"Software": None}
            figure.savefig(path, format=fmt, metadata=metadata)
            files[fmt] = path
    return files


def edge_style(relation: str) -> tuple[str, str]:
    """Colour and line style of an edge, by the first relation it carries (see ``EDGE_STYLES``)."""
    first = relation.split("; ")[0]
    return EDGE_STYLES.get(first, EDGE_STYLES["other"])[1:]


def draw_edges(axes: Any, sub: nx.Graph, positions: dict[str, tuple[float, float]]) -> None:
    """Straight lines between neighbouring columns; edges that skip a column bend, so they cannot
    seem to pass through a node of the column in between."""
    from matplotlib.patches import FancyArrowPatch

    for u, v, relation in sorted(sub.edges(data="relation")):
        (x1, y1), (x2, y2) = sorted((positions[u], positions[v]))
        colour, style = edge_style(relation)
        bend = 0.1 if abs(x2 - x1) > 1 else 0.0
        axes.add_patch(
            FancyArrowPatch(
                (x1, y1),
                (x2, y2),
                arrowstyle="-",
                connectionstyle=f"arc3,rad={bend}",
                color=colour,
                linestyle=style,
                linewidth=0.9,
                alpha=0.75,
                zorder=1,
            )
        )


def draw_nodes(axes: Any, sub: nx.Graph, positions: dict[str, tuple[float, float]]) -> None:
    """Dots coloured by type; labels outward on the outer columns, to the right on the inner ones."""
    last = len(PICTURE_COLUMNS) - 1
    for node in sorted(sub):
        kind = sub.nodes[node]["type"]
        x, y = positions[node]
        axes.scatter([x], [y], s=60, color=PICTURE_COLOURS[kind], zorder=3, edgecolors="white", linewidths=0.6)
        column = PICTURE_COLUMNS.index(kind)
        left = column == 0
        offset = -0.04 if left else 0.04
        box = (
            None if column in (0, last) else {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85}
        )
        limit = OUTER_LABEL_CHARS if column in (0, last) else LABEL_CHARS
        axes.text(
            x + offset,
            y,
            truncate(sub.nodes[node]["label"], limit),
            ha="right" if left else "left",
            va="center",
            fontsize=9,
            zorder=4,
            bbox=box,
        )
