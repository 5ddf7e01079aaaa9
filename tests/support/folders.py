"""Report folders written by tests: the text, report.yaml and one claim sheet, as a curator lays them out."""

from __future__ import annotations

from pathlib import Path


def report_folder(folder: Path, text: str, meta: str, sheet: str) -> Path:
    """``folder`` with ``report.txt``, ``report.yaml`` and ``claims/00.yaml`` written (UTF-8)."""
    (folder / "claims").mkdir(parents=True)
    (folder / "report.txt").write_text(text, encoding="utf-8")
    (folder / "report.yaml").write_text(meta, encoding="utf-8")
    (folder / "claims" / "00.yaml").write_text(sheet, encoding="utf-8")
    return folder
