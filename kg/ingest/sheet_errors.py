"""Say what is wrong with a claim sheet in the sheet's own terms, not pydantic's.

Pydantic reports ``claims.3.qoute: Extra inputs are not permitted``; a curator needs
``claims[3]: unknown field 'qoute'; did you mean 'quote'?``. The error's location is walked
through the sheet's models, so the message can name the entry, the field, what the field
accepts, and the nearest known name for a misspelt field or value.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterable
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from kg.ingest.yaml_safe import LINE_KEY

# What a field of each kind must be, by pydantic error type.
_MUST_BE = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}
_BOUNDS = {
    "less_than_equal": "at most",
    "greater_than_equal": "at least",
    "less_than": "less than",
    "greater_than": "more than",
}


def shown(value: Any) -> str:
    """A value quoted for a message, cut short: a megabyte-long bad value must not become the message."""
    try:
        text = repr(value)
    except ValueError:  # an integer of more digits than Python converts to text
        return "a number too long to show"
    return text if len(text) <= 80 else f"{text[:60]}... ({len(text)} characters)"


def suggest(value: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the nearest of ``choices``, or nothing when none is close."""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _what(value: Any) -> str:
    """What a YAML value is, as a curator sees it."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    """``X`` for ``X | None``."""
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation


def _field_names(model: type[BaseModel]) -> list[str]:
    return [name for name, info in model.model_fields.items() if info.alias != LINE_KEY]


class _Place:
    """Where an error is: the entry holding the field, the field as written, its model and type."""

    def __init__(self, model: type[BaseModel], loc: tuple[int | str, ...]) -> None:
        self.owner: type[BaseModel] | None = model
        self.annotation: Any = None
        self.container = ""  # e.g. "claims[3]"
        self.field = ""  # e.g. "sdgs[0]" or "quote"
        current: Any = model
        path = ""
        for part in loc:
            current = _unwrap(current)
            if isinstance(part, str) and isinstance(current, type) and issubclass(current, BaseModel):
                self.owner, self.container, self.field = current, path, part
                path = f"{path}.{part}" if path else part
                current = current.model_fields[part].annotation if part in current.model_fields else None
            else:
                step = f"[{part}]" if isinstance(part, int) else f".{part}"
                self.field, path = self.field + step, path + step
                origin, args = get_origin(current), get_args(current)
                current = args[0] if origin is tuple and args else args[1] if origin is dict and args else None
            self.annotation = current


def _choices(annotation: Any) -> list[str]:
    annotation = _unwrap(annotation)
    return [str(a) for a in get_args(annotation)] if get_origin(annotation) is Literal else []


def _message(model: type[BaseModel], err: ErrorDetails) -> str:
    place = _Place(model, err["loc"])
    kind, value, field = err["type"], err.get("input"), place.field
    if kind == "extra_forbidden":
        known = _field_names(place.owner) if place.owner else []
        hint = suggest(field, known) or f" (fields: {', '.join(known)})"
        problem = f"unknown field {field!r}{hint}"
    elif kind == "missing":
        problem = f"missing field {field!r}"
    elif kind in _MUST_BE:
        problem = f"{field!r} must be {_MUST_BE[kind]}, not {_what(value)}"
    elif kind in _BOUNDS:
        bound = next(iter((err.get("ctx") or {}).values()), "?")
        problem = f"{field!r} must be {_BOUNDS[kind]} {bound}, not {shown(value)}"
    elif kind == "literal_error":
        choices = _choices(place.annotation)
        listed = " or ".join(repr(c) for c in choices)
        problem = f"{field!r} must be {listed}, not {shown(value)}{suggest(str(value), choices)}"
    elif kind == "value_error":
        problem = f"{field} {(err.get('ctx') or {}).get('error', err['msg'])}"
    else:
        problem = f"{field!r}: {err['msg']}"
    return f"{place.container}: {problem}" if place.container else problem


def _first(errors: list[ErrorDetails]) -> ErrorDetails:
    """The error that explains most: an unknown field before the missing one it is a misspelling of."""
    first = errors[0]
    if first["type"] == "missing":
        parent = first["loc"][:-1]
        return next((e for e in errors if e["type"] == "extra_forbidden" and e["loc"][:-1] == parent), first)
    return first


def line_of(data: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the innermost mapping on the error's path."""
    line = data.get(LINE_KEY, 0) if isinstance(data, dict) else 0
    current = data
    for part in loc:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(current, dict):
            line = current.get(LINE_KEY, line)
    return line


def explain(model: type[BaseModel], data: Any, errors: list[ErrorDetails]) -> tuple[int, str]:
    """The line and the message of the most telling of a sheet's validation ``errors``."""
    err = _first(errors)
    return line_of(data, err["loc"]), _message(model, err)
