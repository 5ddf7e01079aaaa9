"""Refuse what a local query or the endpoint must never run, from the query's tokens alone.

Oxigraph parses and answers queries in native code; rdflib's parser (hundreds of milliseconds to
import, milliseconds a query) is not needed to refuse ``SERVICE`` (a query to another host),
``FROM`` / ``FROM NAMED`` (another graph) and updates. The text is split into SPARQL tokens,
skipping comments, strings and IRIs, so a keyword inside a literal or an IRI (``"from"``,
``<http://x/SERVICE>``) is data, while a keyword anywhere else is refused wherever it stands,
nested in subqueries, OPTIONAL or SILENT included. Prefixed names (``ex:from``) and variables
(``?service``) are one token each and never keywords. The check errs on the side of refusing:
it never needs the query to parse.
"""

from __future__ import annotations

import re

from kg.errors import QueryRefusedError

# Strings (long ones first), IRIs, comments, variables, language tags, prefixed names, words and
# numbers; anything else is one character.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*"
    r"|[?$]\w+"
    r"|@[A-Za-z]+(?:-[A-Za-z0-9]+)*"
    r"|[A-Za-z_][\w.-]*:[\w.:%-]*|:[\w.:%-]*"
    r"|[A-Za-z_]\w*"
    r"|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
    r"|\S",
    re.S,
)
_REFUSED = {"SERVICE": "SERVICE", "FROM": "FROM / FROM NAMED"}
_UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
_PROLOGUE = frozenset({"PREFIX", "BASE"})


def tokens(text: str) -> list[str]:
    """The query's SPARQL tokens in order, comments left out (kg.sparql.patterns reads them); a
    prefixed name never ends with a dot, which ends its triple ("?r a csr:Report.")."""
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.startswith("#"):
            continue
        if ":" in token and token[0] not in "\"'<?$@" and token.endswith("."):
            found.extend((token.rstrip("."), *"." * (len(token) - len(token.rstrip(".")))))
        else:
            found.append(token)
    return found


def _words(text: str) -> list[str]:
    """The query's bare words (keywords and function names), upper-cased, in order."""
    words = []
    for token in tokens(text):
        if token[0].isalpha() or token[0] == "_":
            words.append(token.upper() if ":" not in token else ":")  # a prefixed name: data, but it ends a prologue
        else:
            words.append(token[0])
    return words


def is_update(text: str) -> bool:
    """Whether ``text`` reads as a SPARQL Update: its first keyword after PREFIX and BASE declarations."""
    words = _words(text)
    position = 0
    while position < len(words) and words[position] in _PROLOGUE:
        position += 3 if words[position] == "PREFIX" else 2  # PREFIX name: <iri> / BASE <iri>
    return position < len(words) and words[position] in _UPDATES


def refuse_dereferencing(text: str) -> None:
    """Raise :class:`QueryRefusedError` if ``text`` uses SERVICE, FROM or FROM NAMED anywhere."""
    for word in _words(text):
        if word in _REFUSED:
            raise QueryRefusedError(f"{_REFUSED[word]} is not allowed: queries run on the local graph only")
