"""What the commands share: reading the graph a command works on, and bad input as exit status 2."""

from __future__ import annotations

from pathlib import Path
from xml.sax import SAXException

import click
from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import InputError, UntrustedInputError
from kg.rdf.build import build_graph
from kg.rdf.readers import read_rdf

DEFAULT_OUT = Path("csr-kg.ttl")


class InputFailure(click.ClickException):
    """Bad input: a one-line message on stderr and exit status 2 (1 is kept for violations)."""

    exit_code = 2


def load_graph(file: Path | None) -> Graph:
    """The graph in ``file``, or the bundled KG built in memory when no file is given."""
    try:
        if file is None:
            return build_graph()
        return read_rdf(file)
    except UntrustedInputError as exc:
        raise InputFailure(f"{file}: refused: {exc}") from None
    except InputError as exc:
        raise InputFailure(str(exc)) from None
    except FileNotFoundError:
        raise InputFailure(f"{file}: file not found") from None
    except (SyntaxError, ValueError, BadSyntax, SAXException) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputFailure(f"{file}: not a parsable RDF file: {first}") from None
