"""Read YAML written by people safely: plain values only, bounded nesting, each mapping's line kept.

Claim sheets and report metadata are YAML. Only the core schema is read (strings, numbers,
booleans, null, lists, mappings): other tags are refused with their line, nesting deeper than
:data:`MAX_DEPTH` is refused before anything recurses over it, duplicate keys are errors, and
every mapping records its line under :data:`LINE_KEY` so that a schema error can name the line of
the entry that is wrong.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.ingest.textfile import forbidden_char, read_text_file

LINE_KEY = "__line__"
# Nesting no claim sheet needs (they are four levels deep); deeper input would exhaust PyYAML's
# recursive composer with a RecursionError instead of a message.
MAX_DEPTH = 50


class _LineLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader that records each mapping's line number under ``__line__``.

    Timestamps stay strings: periods like ``2019-12-31`` are checked by the loader, and an
    impossible date must be an error with a line, not a crash inside the YAML parser.
    """


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# The YAML core schema: what a claim sheet is made of. Other tags (!!binary, !!timestamp, !!set,
# !!omap, !!python/..., custom !tags) make values the models do not expect, some of them
# crash PyYAML's constructors on bad content, so they are refused with their line.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))


def _compose_node(loader: _LineLoader, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
    """PyYAML's composer recurses once per level: stop at MAX_DEPTH, with the line, not a RecursionError."""
    depth = getattr(loader, "_depth", 0)
    if depth >= MAX_DEPTH:
        mark = loader.peek_event().start_mark
        raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep", mark)
    loader._depth = depth + 1  # type: ignore[attr-defined]
    try:
        return yaml.composer.Composer.compose_node(loader, parent, index)
    finally:
        loader._depth = depth  # type: ignore[attr-defined]


_LineLoader.compose_node = _compose_node  # type: ignore[assignment,method-assign]


def _construct_object(loader: _LineLoader, node: yaml.Node, deep: bool = False) -> Any:
    """Construct one value, refusing other tags and turning a constructor's crash into a marked error."""
    if node.tag not in _PLAIN_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise yaml.constructor.ConstructorError(
            None, None, f"tag {tag!r} is not allowed (plain strings, numbers, lists and mappings only)", node.start_mark
        )
    try:
        value = yaml.constructor.BaseConstructor.construct_object(loader, node, deep)
    except yaml.YAMLError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        # e.g. an integer of more than 4300 digits (Python refuses to convert it)
        shown = str(node.value)[:40] if isinstance(node, yaml.ScalarNode) else node.id
        raise yaml.constructor.ConstructorError(
            None, None, f"cannot read {shown!r} as {node.tag.rsplit(':', 1)[-1]}: {exc}", node.start_mark
        ) from None
    if isinstance(value, str) and (bad := forbidden_char(value)):
        raise yaml.constructor.ConstructorError(None, None, f"{bad} is not allowed in text", node.start_mark)
    return value


_LineLoader.construct_object = _construct_object  # type: ignore[assignment,method-assign]


_STR = "tag:yaml.org,2002:str"
_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))


class _Unusual(Exception):
    """A document :func:`_plain_document` leaves to PyYAML's composer and constructor."""


class _Tags(yaml.resolver.BaseResolver):
    """The loader's implicit tags (no timestamps), for plain scalars read without a composer."""

    yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers


_TAGS = _Tags()


@lru_cache(maxsize=1 << 12)
def _plain_tag(value: str) -> str:
    """The tag of an untagged plain scalar: it depends on the text alone (sheets repeat their keys
    and most values), and the resolver tries a regular expression or more for each."""
    return _TAGS.resolve(yaml.ScalarNode, value, (True, False))


def _scalar(loader: _LineLoader, event: yaml.ScalarEvent) -> Any:
    """The value of a scalar, as PyYAML's composer and constructor make it, or _Unusual."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = _plain_tag(event.value) if event.implicit[0] else _STR
    if tag not in _SCALARS:
        raise _Unusual("another tag")
    if tag != _STR:
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return loader.yaml_constructors[tag](loader, node)
    if forbidden_char(event.value):
        raise _Unusual("a forbidden character")
    return event.value


def _plain_document(loader: _LineLoader) -> Any:
    """The value of a single document of plain values, built straight from the parser's events
    in one pass: what the checked reading (``_check_depth``, the composer, ``_no_duplicate_keys``,
    ``construct_document``) makes of it, in a fraction of the time (reading YAML was a fifth of a
    report's build). Anything that reading would treat otherwise or refuse (an alias, another
    tag, a merge key, a key that is no plain value, a key twice, a forbidden character, nesting
    deeper than MAX_DEPTH, a constructor's or the parser's error, a second document) raises
    instead, and that reading then runs and says what, with its line. The events are flat, so
    nothing here recurses however deep the input."""
    get = loader.get_event
    get()  # the stream's start
    event = get()
    if type(event) is yaml.StreamEndEvent:
        return None
    get_key = object()  # a mapping's frame waiting for its next key
    # Frames of open collections: [list] or [dict, pending key or get_key, line].
    stack: list[list[Any]] = []
    root: Any = None
    while True:
        event = get()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            value = _scalar(loader, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise _Unusual("nested too deep")
            if event.tag not in (None, "!"):
                raise _Unusual("another tag")
            if stack and len(stack[-1]) == 3 and stack[-1][1] is get_key:
                raise _Unusual("a key that is no plain value")
            mapping = kind is yaml.MappingStartEvent
            stack.append([{}, get_key, event.start_mark.line + 1] if mapping else [[]])
            continue
        elif kind is yaml.MappingEndEvent:
            frame = stack.pop()
            value = frame[0]
            value[LINE_KEY] = frame[2]
        elif kind is yaml.SequenceEndEvent:
            value = stack.pop()[0]
        elif kind is yaml.DocumentEndEvent:
            if type(get()) is not yaml.StreamEndEvent:
                raise _Unusual("more than one document")
            return root
        else:  # an alias
            raise _Unusual("an alias")
        if not stack:
            root = value
            continue
        frame = stack[-1]
        if len(frame) == 1:
            frame[0].append(value)
        elif frame[1] is get_key:
            if value in frame[0]:
                raise _Unusual("a key twice")
            frame[1] = value
        else:
            frame[0][frame[1]] = value
            frame[1] = get_key


def _no_duplicate_keys(loader: _LineLoader, node: yaml.MappingNode) -> None:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        try:
            duplicate = key in seen
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)


def load_yaml(path: Path) -> Any:
    """The document of the YAML file ``path``; anything wrong with it is an InputError with its line."""
    text = read_text_file(path)
    loader = _LineLoader(text)
    try:
        return _plain_document(loader)
    except Exception:  # anything unusual: the checked reading below says what, with its line
        pass
    finally:
        loader.dispose()
    return _checked_document(path, text)


def _checked_document(path: Path, text: str) -> Any:
    """The document as PyYAML's checked composer and constructor read it, or its InputError."""
    loader: _LineLoader | None = None
    try:
        _check_depth(text)
        loader = _LineLoader(text)  # checks that every character is printable
        root = loader.get_single_node()
        if root is None:
            return None
        for node in _walk(root):
            _no_duplicate_keys(loader, node)
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{path}{line}: malformed YAML: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(f"{path}:{line}: malformed YAML: character U+{exc.character:04X} is not allowed") from None
    finally:
        if loader is not None:
            loader.dispose()


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before anything recurses over it.

    libyaml's composer recurses in C once per level and crashes the interpreter on a document
    nested some ten thousand levels deep, and constructing one far less deep ends in a
    RecursionError. Its event stream is flat, so counting depth on it first is safe, and it costs
    less than the time libyaml saves over the pure-Python parser.
    """
    if not yaml.__with_libyaml__:
        return  # the pure-Python composer counts depth itself (_compose_node)
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _walk(node: yaml.Node | None) -> list[yaml.MappingNode]:
    """Every mapping node once: an alias shares its anchor's node, so a node reached again is skipped
    (otherwise an alias bomb, "billion laughs", would be walked exponentially often)."""
    if node is None:
        return []
    found: list[yaml.MappingNode] = []
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            found.append(current)
            for k, v in current.value:
                stack.extend((k, v))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return found
