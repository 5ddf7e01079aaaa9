"""Write query answers: SELECT and ASK results in the W3C SPARQL 1.1 results formats (JSON, CSV,
TSV) or as a table, CONSTRUCT and DESCRIBE graphs in an RDF format.

Local (Oxigraph or rdflib) and remote (SPARQLWrapper) results are first turned into the same
``Rows`` of RDF terms, so one writer serves all and their outputs can be compared byte for byte.
A term is Oxigraph's or rdflib's; :func:`term_parts` reads either, and rdflib is imported only for an
answer that holds rdflib terms or is a graph (``json`` and ``csv`` only by their formats: the
default table is what ``csrkg query`` prints, and each import costs its start-up).
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.sparql.rows import Rows

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

FORMATS = ("table", "csv", "tsv", "json")


def render_rows(rows: Rows, fmt: str) -> str:
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](rows)


def term_parts(term: Any) -> tuple[str, str, str | None, str | None]:
    """A term's kind (``uri``, ``bnode`` or ``literal``), value, language and datatype (None for
    plain strings, as rdflib has them), for Oxigraph and rdflib terms alike."""
    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None, None
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None, None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        return "literal", term.value, term.language, None if term.language or datatype == XSD_STRING else datatype
    from rdflib import BNode, URIRef

    if isinstance(term, URIRef):
        return "uri", str(term), None, None
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    return "literal", str(term), term.language, None if term.datatype is None else str(term.datatype)


def n3(term: Any) -> str:
    """A term in N-Triples syntax (the TSV results format's), for Oxigraph and rdflib terms alike.

    Oxigraph writes every term (rdflib's are converted): rdflib leaves a tab inside a literal
    as it is, which the TSV format reads as the end of a cell.
    """
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return str(term)
    kind, value, language, datatype = term_parts(term)
    if kind == "literal":
        return str(ox.Literal(value, language=language, datatype=None if datatype is None else ox.NamedNode(datatype)))
    return term.n3()


def render_answer(answer: Any, fmt: str | None) -> bytes:
    """Any query's answer: rows or a truth value in ``fmt`` (default ``table``), a graph in the RDF
    format ``fmt`` names (default Turtle).

    ASK answers print ``true`` or ``false``, or the W3C JSON results document with ``json``.
    """
    if not isinstance(answer, Rows | bool):  # an rdflib graph
        from kg.rdf.formats import rdf_format

        if fmt in FORMATS and fmt != "json":
            raise QueryError(f"--format {fmt} is for SELECT and ASK results; a graph is written in an RDF format")
        chosen = rdf_format("jsonld" if fmt == "json" else fmt or "turtle")
        if chosen.name == "turtle":
            from kg.rdf.turtle import turtle

            return turtle(answer)
        return answer.serialize(format=chosen.rdflib, encoding="utf-8")
    if fmt not in (None, *FORMATS):
        raise QueryError(
            f"--format {fmt} is an RDF format, for CONSTRUCT and DESCRIBE; use one of {', '.join(FORMATS)}"
        )
    if isinstance(answer, bool):
        if fmt == "json":
            import json

            return (json.dumps({"head": {}, "boolean": answer}, indent=2) + "\n").encode()
        return ("true\n" if answer else "false\n").encode()
    return render_rows(answer, fmt or "table").encode("utf-8")


def _json_term(term: Any) -> dict[str, str]:
    kind, value, language, datatype = term_parts(term)
    out = {"type": kind, "value": value}
    if language:
        out["xml:lang"] = language
    elif datatype:
        out["datatype"] = datatype
    return out


def _json(rows: Rows) -> str:
    import json

    bindings = [
        {var: _json_term(term) for var, term in zip(rows.variables, row, strict=True) if term is not None}
        for row in rows.rows
    ]
    doc = {"head": {"vars": list(rows.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _csv(rows: Rows) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows.variables)
    for row in rows.rows:
        writer.writerow(["" if t is None else _csv_value(t) for t in row])
    return out.getvalue()


def _csv_value(term: Any) -> str:
    kind, value, _, _ = term_parts(term)
    return f"_:{value}" if kind == "bnode" else value


def _tsv(rows: Rows) -> str:
    lines = ["\t".join(f"?{v}" for v in rows.variables)]
    for row in rows.rows:
        lines.append("\t".join("" if t is None else n3(t) for t in row))
    return "\n".join(lines) + "\n"


def _table(rows: Rows) -> str:
    cells = [[("" if t is None else " ".join(term_parts(t)[1].split())) for t in row] for row in rows.rows]
    widths = [min(60, max([len(v)] + [len(r[i]) for r in cells])) for i, v in enumerate(rows.variables)]

    def line(values: list[str]) -> str:
        return " | ".join(
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(values, widths, strict=True)
        )

    parts = [line(list(rows.variables)), "-+-".join("-" * w for w in widths)]
    parts.extend(line(r) for r in cells)
    parts.append(f"({len(cells)} rows)")
    return "\n".join(p.rstrip() for p in parts) + "\n"
