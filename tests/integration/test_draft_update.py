"""``csrkg draft --update DIR``: a re-draft keeps what a person reviewed or corrected, and writes nothing else."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from kg.cli.app import main
from kg.ingest.loader import load_report
from tests.support.paths import FIXTURES

SOURCE = FIXTURES / "draft" / "sample.txt"
OTHERS = ("report.txt", "report.yaml", "claims/00-draft.yaml", "claims/10-curated.yaml")
CURATED = """\
claims:
  - id: volunteers
    kind: initiative
    quote: Our volunteers gave their time to schools near the two factories
"""


def _drafted(tmp_path: Path) -> Path:
    folder = tmp_path / "report"
    result = CliRunner().invoke(main, ["draft", str(SOURCE), "--out", str(folder)])
    assert result.exit_code == 0, result.output
    (folder / "claims" / "10-curated.yaml").write_text(CURATED, encoding="utf-8")
    return folder


def _edit(folder: Path) -> dict:
    """A person's edits: one claim corrected (and its entity described), one reviewed, one
    deleted, and an old drafted claim the drafter no longer makes."""
    path = folder / "claims" / "drafted.yaml"
    sheet = yaml.safe_load(path.read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in sheet["claims"]}
    claims["draft-565"].update(kind="governance", review="corrected")
    claims["draft-369"]["review"] = "reviewed"
    entity = next(e for e in sheet["entities"] if e["id"] in claims["draft-565"]["about"])
    entity["description"] = "The board committee for sustainability, as a person described it."
    sheet["claims"] = [c for c in sheet["claims"] if c["id"] != "draft-1229"]
    sheet["claims"].append({"id": "draft-1640", "kind": "policy", "quote": "were checked by an", "review": "drafted"})
    path.write_text(yaml.safe_dump(sheet, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    return sheet


def test_update_keeps_reviewed_and_corrected_claims(tmp_path: Path) -> None:
    folder = _drafted(tmp_path)
    edited = _edit(folder)
    before = {name: (folder / name).read_bytes() for name in OTHERS}
    result = CliRunner().invoke(main, ["draft", "--update", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"wrote {folder / 'claims' / 'drafted.yaml'} "
        "(2 reviewed claims kept, 7 drafted claims: 1 new, 1 old ones gone)\n"
    )
    assert {name: (folder / name).read_bytes() for name in OTHERS} == before
    sheet = yaml.safe_load((folder / "claims" / "drafted.yaml").read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in sheet["claims"]}
    old = {c["id"]: c for c in edited["claims"]}
    assert claims["draft-565"] == old["draft-565"] and claims["draft-369"] == old["draft-369"]
    assert sheet["entities"] == edited["entities"]  # the corrected claim's entity, as the person left it
    assert "draft-1229" in claims and "draft-1640" not in claims
    quotes = [c["quote"] for c in sheet["claims"]]
    assert len(quotes) == len(set(quotes)) == 9
    assert [int(i.removeprefix("draft-")) for i in claims] == sorted(int(i.removeprefix("draft-")) for i in claims)
    report = load_report(folder)
    assert report.claims["draft-565"].kind == "governance" and report.claims["draft-565"].review == "corrected"
    # The curated sheet's claim still wins over the drafted one of its text.
    assert [(s.claim.id, s.winners) for s in report.superseded] == [("draft-678", ("volunteers",))]


def test_update_twice_writes_the_same_sheet(tmp_path: Path) -> None:
    folder = _drafted(tmp_path)
    _edit(folder)
    runner = CliRunner()
    assert runner.invoke(main, ["draft", "--update", str(folder)]).exit_code == 0
    first = (folder / "claims" / "drafted.yaml").read_bytes()
    assert runner.invoke(main, ["draft", "--update", str(folder)]).exit_code == 0
    assert (folder / "claims" / "drafted.yaml").read_bytes() == first


def test_update_of_an_unedited_draft_is_the_draft(tmp_path: Path) -> None:
    folder = _drafted(tmp_path)
    drafted = (folder / "claims" / "drafted.yaml").read_bytes()
    result = CliRunner().invoke(main, ["draft", "--update", str(folder)])
    assert result.exit_code == 0, result.output
    assert "(0 reviewed claims kept, 9 drafted claims: 0 new, 0 old ones gone)" in result.output
    assert (folder / "claims" / "drafted.yaml").read_bytes() == drafted


def test_update_refuses_a_reviewed_claim_that_does_not_anchor(tmp_path: Path) -> None:
    folder = _drafted(tmp_path)
    path = folder / "claims" / "drafted.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  quote: Our approach to sustainability is overseen by the board.\n  review: drafted\n",
        "  quote: Our approach is overseen by nobody.\n  review: reviewed\n",
    )
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["draft", "--update", str(folder)])
    assert result.exit_code == 2
    line = text.splitlines().index("- id: draft-369") + 1  # the line the claim's entry starts on
    assert result.output.startswith(f"Error: {path}:{line}: claim draft-369: ")
    assert len(result.output.splitlines()) == 1
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in path.parent.iterdir()) == ["00-draft.yaml", "10-curated.yaml", "drafted.yaml"]


def test_update_takes_no_source(tmp_path: Path) -> None:
    folder = _drafted(tmp_path)
    result = CliRunner().invoke(main, ["draft", str(SOURCE), "--update", str(folder)])
    assert result.exit_code == 2
    assert "--update DIR drafts the folder's own report.txt: give no SOURCE or --out" in result.output
    assert CliRunner().invoke(main, ["draft"]).exit_code == 2
    result = CliRunner().invoke(main, ["draft", "--update", str(folder), "--year", "2022"])
    assert result.exit_code == 2
    assert "--update DIR reads the metadata from DIR/report.yaml" in result.output
