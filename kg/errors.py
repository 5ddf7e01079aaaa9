"""The errors csr-kg raises on purpose, under one root, each with the exit status the CLI gives it.

Exit statuses scripts can trust, as pySHACL's users know them: 0 success, 1 the graph has
violations (or a measured threshold is missed), 2 bad input or usage, 3 a store or endpoint
failed. Anything else escaping a command is a bug.
"""

from __future__ import annotations

import re

_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with line breaks written as escapes, so that a message stays on one line."""
    return _LINE_BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class CsrKgError(Exception):
    """Root of csr-kg's errors. The message is one line (line breaks escaped): the CLI prints it
    as its one-line error."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


class InputError(CsrKgError, ValueError):
    """Bad input: the message names the file, the line or entry, and what is wrong."""


class UntrustedInputError(InputError):
    """Input refused because reading it would expand entities or reach outside it."""


class QueryRefusedError(UntrustedInputError):
    """A query that would make the engine fetch or read something other than its graph."""


class QueryError(CsrKgError):
    """A query, or a parameter value, is unusable; the message says which and why."""


class StoreError(CsrKgError):
    """A store directory is missing, locked or not an Oxigraph store."""


class RemoteError(CsrKgError):
    """A store or endpoint refused or could not be reached; the message says which and why."""

    exit_code = 3


class MissingExtraError(CsrKgError):
    """A command needs a library of an optional extra that is not installed; the message names
    the pip command that installs it."""
