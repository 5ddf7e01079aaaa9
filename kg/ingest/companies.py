"""One node per company across reports, however each report spells the company.

A report names its company by an id (``company: sample-co``), and the company's node and the
nodes of what it owns are minted from that id (kg.rdf.iris). Two reports that spell one company
differently (``sample-co``, ``sample-company``) would give it two nodes; when an identifier they
give says they are one company (the same LEI, the same exchange and stock code, or the same
Wikidata item, directly or through a third report), their company is one node, minted from the
smallest of their ids, so that a corpus gives the same IRIs whatever order its folders come in
and a company every report spells alike keeps the IRI it always had. The other spellings'
names become alternative labels of the node (kg.rdf.mapping).

ISINs do not merge: they name securities, and a company issues many. One company has one LEI
and one Wikidata item, so two of either on one company is refused with both places.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kg.errors import InputError
from kg.ingest.sheet import ReportMeta
from kg.vocab.identifiers import identifier_vocabulary


def identity_keys(meta: ReportMeta) -> list[str]:
    """What identifies the report's company across reports: ``lei:…``, ``listing:MIC:code``, ``wikidata:Q…``."""
    ids = meta.identifiers
    if ids is None:
        return []
    keys = []
    if ids.lei:
        keys.append(f"lei:{ids.lei}")
    if ids.exchange and ids.stock_code:
        exchange = identifier_vocabulary().exchange(ids.exchange)
        assert exchange is not None  # the sheet checked it
        keys.append(f"listing:{exchange.mic}:{ids.stock_code}")
    if ids.wikidata:
        keys.append(f"wikidata:{ids.wikidata}")
    return keys


class _Groups:
    """Union-find over company ids, each group named by its smallest id."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, ident: str) -> str:
        root = self.parent.setdefault(ident, ident)
        while root != self.parent[root]:
            root = self.parent[root]
        while self.parent[ident] != root:
            self.parent[ident], ident = root, self.parent[ident]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _refuse_two(metas: Sequence[tuple[Path, ReportMeta]], groups: _Groups) -> None:
    """One company, one LEI and one Wikidata item."""
    seen: dict[tuple[str, str], tuple[str, Path, int]] = {}
    for folder, meta in metas:
        ids = meta.identifiers
        if ids is None:
            continue
        for field, value in (("lei", ids.lei), ("wikidata", ids.wikidata)):
            if value is None:
                continue
            key = (groups.find(meta.company), field)
            other = seen.setdefault(key, (value, folder, ids.line))
            if other[0] != value:
                raise InputError(
                    f"{folder / 'report.yaml'}:{ids.line}: {field} {value} of company {meta.company!r} differs from "
                    f"{other[0]} at {other[1] / 'report.yaml'}:{other[2]}, a report of the same company"
                )


def company_nodes(metas: Sequence[tuple[Path, ReportMeta]]) -> dict[Path, str]:
    """The id each report's company node is minted from, for the reports where it is not their own."""
    groups = _Groups()
    holders: dict[str, str] = {}
    for _, meta in metas:
        groups.find(meta.company)
        for key in identity_keys(meta):
            groups.join(holders.setdefault(key, meta.company), meta.company)
    _refuse_two(metas, groups)
    return {folder: groups.find(meta.company) for folder, meta in metas if groups.find(meta.company) != meta.company}
