"""W3C CSV on the Web metadata beside a table's CSV, so linked-data tools turn it back into RDF.

The metadata (``<name>.csv-metadata.json``, the file name CSVW processors look for) describes
every column: its title, datatype and, where the cell is a property of the row's observation
in the graph, that property (``propertyUrl``) and, for IRIs, ``valueUrl``; each row is about
the IRI in its ``aboutUrl`` column (the observation, for a fact table). The licence is the KG's
(kg.outputs.export.LICENCE); the source is the reports the rows come from. Nothing in it depends
on the time or the machine, so a rebuild writes the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.outputs.export import LICENCE
from kg.outputs.tables import Column
from kg.rdf.build import write_atomically

CSVW_CONTEXT = "http://www.w3.org/ns/csvw"


def metadata_path(csv_path: Path) -> Path:
    """``facts.csv`` -> ``facts.csv-metadata.json`` (CSVW's "{+url}-metadata.json" location)."""
    return csv_path.with_name(csv_path.name + "-metadata.json")


def column_description(column: Column, about: str | None = None) -> dict[str, Any]:
    """A column's CSVW description. An IRI cell is a string whose valueUrl makes it an IRI: the
    csvw library resolves anyURI cells against the table's own URL, which breaks absolute IRIs.
    The about column is the rows' subject (aboutUrl), so it is not stated again of itself."""
    described: dict[str, Any] = {
        "name": column.name,
        "titles": column.title,
        "dc:description": column.description,
        "datatype": "string" if column.iri else column.datatype,
    }
    if column.property is not None:
        described["propertyUrl"] = column.property
    if column.iri:
        described["valueUrl"] = "{+" + column.name + "}"
    if column.language is not None:
        described["lang"] = column.language
    if column.name == about:
        described["suppressOutput"] = True
    return described


def metadata(
    csv_name: str,
    columns: Sequence[Column],
    title: str,
    description: str,
    sources: Sequence[str],
    about: str | None,
    null: Sequence[str] = ("",),
) -> dict[str, Any]:
    """The CSVW table description of ``csv_name`` (relative, so the pair can move together)."""
    schema: dict[str, Any] = {"columns": [column_description(c, about) for c in columns]}
    if about is not None:
        schema["aboutUrl"] = "{+" + about + "}"
        schema["primaryKey"] = about
    if list(null) != [""]:
        schema["null"] = list(null)
    return {
        "@context": [CSVW_CONTEXT, {"@language": "en"}],
        "url": csv_name,
        "dc:title": title,
        "dc:description": description,
        "dc:license": {"@id": str(LICENCE)},
        "dc:creator": "csr-kg",
        "dc:source": [{"@id": s} for s in sources],
        "dialect": {"header": True, "lineTerminators": ["\r\n"]},
        "tableSchema": schema,
    }


def metadata_bytes(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_metadata(csv_path: Path, document: dict[str, Any]) -> Path:
    target = metadata_path(csv_path)
    write_atomically(target, metadata_bytes(document))
    return target
