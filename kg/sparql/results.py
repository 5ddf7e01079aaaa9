"""Write query answers: SELECT and ASK results in the W3C SPARQL 1.1 results formats (JSON, CSV,
TSV) or as a table, CONSTRUCT and DESCRIBE graphs in an RDF format.

Local (rdflib) and remote (SPARQLWrapper) results are first turned into the same ``Rows`` of
RDF terms, so one writer serves both and their outputs can be compared byte for byte.
"""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.formats import rdf_format
from kg.sparql.saved import Answer, Rows

FORMATS = ("table", "csv", "tsv", "json")


def render_rows(rows: Rows, fmt: str) -> str:
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](rows)


def render_answer(answer: Answer, fmt: str | None) -> bytes:
    """Any query's answer: rows or a truth value in ``fmt`` (default ``table``), a graph in the RDF
    format ``fmt`` names (default Turtle).

    ASK answers print ``true`` or ``false``, or the W3C JSON results document with ``json``.
    """
    if isinstance(answer, Graph):
        if fmt in FORMATS and fmt != "json":
            raise QueryError(f"--format {fmt} is for SELECT and ASK results; a graph is written in an RDF format")
        chosen = rdf_format("jsonld" if fmt == "json" else fmt or "turtle")
        return answer.serialize(format="longturtle" if chosen.name == "turtle" else chosen.rdflib, encoding="utf-8")
    if fmt not in (None, *FORMATS):
        raise QueryError(
            f"--format {fmt} is an RDF format, for CONSTRUCT and DESCRIBE; use one of {', '.join(FORMATS)}"
        )
    if isinstance(answer, bool):
        if fmt == "json":
            return (json.dumps({"head": {}, "boolean": answer}, indent=2) + "\n").encode()
        return ("true\n" if answer else "false\n").encode()
    return render_rows(answer, fmt or "table").encode("utf-8")


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _json(rows: Rows) -> str:
    bindings = [
        {var: _json_term(term) for var, term in zip(rows.variables, row, strict=True) if term is not None}
        for row in rows.rows
    ]
    doc = {"head": {"vars": list(rows.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _csv(rows: Rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows.variables)
    for row in rows.rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return out.getvalue()


def _tsv(rows: Rows) -> str:
    lines = ["\t".join(f"?{v}" for v in rows.variables)]
    for row in rows.rows:
        lines.append("\t".join("" if t is None else t.n3() for t in row))
    return "\n".join(lines) + "\n"


def _table(rows: Rows) -> str:
    cells = [[("" if t is None else " ".join(str(t).split())) for t in row] for row in rows.rows]
    widths = [min(60, max([len(v)] + [len(r[i]) for r in cells])) for i, v in enumerate(rows.variables)]

    def line(values: list[str]) -> str:
        return " | ".join(
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(values, widths, strict=True)
        )

    parts = [line(list(rows.variables)), "-+-".join("-" * w for w in widths)]
    parts.extend(line(r) for r in cells)
    parts.append(f"({len(cells)} rows)")
    return "\n".join(p.rstrip() for p in parts) + "\n"
