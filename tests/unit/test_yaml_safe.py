"""kg.ingest.yaml_safe: a document of plain values is read the same by the direct path and by
PyYAML's checked constructor, and anything else still gets the checked reading's answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.errors import InputError
from kg.ingest import yaml_safe
from kg.ingest.yaml_safe import LINE_KEY, load_yaml

PLAIN = """\
report: sample-2021
year: 2021
share: 12.5
audited: yes
note: ~
claims:
  - id: water
    figures: [1_000, 0x10, '7', 2021-12-31]
    quote: "Water use fell: 12% \\u00e9"
  - {id: waste, kpis: [A1.3]}
"""


def _checked(text: str) -> Any:
    """The document as the checked path reads it: every key checked, then PyYAML's constructor."""
    loader = yaml_safe._LineLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        for node in yaml_safe._walk(root):
            yaml_safe._no_duplicate_keys(loader, node)
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sheet.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_document_reads_as_the_checked_path_reads_it(tmp_path: Path) -> None:
    data = load_yaml(_write(tmp_path, PLAIN))
    assert data == _checked(PLAIN)
    assert repr(data) == repr(_checked(PLAIN))  # the same types too (1 is not True, '7' is not 7)
    assert data["claims"][0]["figures"] == [1000, 16, "7", "2021-12-31"]
    assert data["claims"][0]["quote"] == "Water use fell: 12% é"
    assert (data[LINE_KEY], data["claims"][0][LINE_KEY], data["claims"][1][LINE_KEY]) == (1, 7, 10)
    assert data["audited"] is True and data["note"] is None


def test_alias_of_a_mapping_is_one_object_as_pyyaml_makes_it(tmp_path: Path) -> None:
    data = load_yaml(_write(tmp_path, "first: &entity {id: acme, type: Organization}\nagain: *entity\n"))
    assert data["first"] == {"id": "acme", "type": "Organization", LINE_KEY: 1}
    assert data["again"] is data["first"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", "sheet.yaml:3: malformed YAML: duplicate key 'a'"),
        ("1: one\ntrue: also one\n", "sheet.yaml:2: malformed YAML: duplicate key True"),
        ('a: "bell \\x07"\n', "sheet.yaml:1: malformed YAML: character U+0007 is not allowed in text"),
        ("base: &b {x: 1}\nmore:\n  <<: *b\n", "sheet.yaml:3: malformed YAML: tag '!!merge' is not allowed"),
        ("a: !!binary aGk=\n", "sheet.yaml:1: malformed YAML: tag '!!binary' is not allowed"),
        ("? [1, 2]\n: pair\n", "sheet.yaml:1: malformed YAML: a key must be a plain value, not a list or mapping"),
        ("a: 1\n---\nb: 2\n", "sheet.yaml:2: malformed YAML: but found another document"),
    ],
)
def test_anything_unusual_gets_the_checked_readings_error(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(_write(tmp_path, text))
    assert expected in str(caught.value)
    with pytest.raises(yaml.YAMLError):
        _checked(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: " + "[" * 51 + "]" * 51 + "\n", "sheet.yaml:1: malformed YAML: nested more than 50 levels deep"),
        ("a: [1, 2\n", "sheet.yaml:2: malformed YAML: did not find expected ',' or ']'"),
    ],
)
def test_errors_the_checked_reading_finds_first(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(_write(tmp_path, text))
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "---\n",
        "just text\n",
        "- &n 12\n- *n\n- !!str 7\n- ~\n",
        "~: null key\n1: one\n1.5: [x, {y: [z]}]\n",
        "a:\n  b:\n    - c: 1\n      d: [2, {e: 3}]\n" + "  " * 0 + "f: " + "[" * 49 + "]" * 49 + "\n",
    ],
)
def test_more_plain_documents_read_as_the_checked_path_reads_them(tmp_path: Path, text: str) -> None:
    data = load_yaml(_write(tmp_path, text))
    assert repr(data) == repr(_checked(text))
