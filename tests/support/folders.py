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


def company_folder(root: Path, text: str, company: str = "kilnco", label: str = "Kilnco Ltd", year: int = 2022) -> Path:
    """``root/company`` as the report folder of one invented company: ``text``, a report.yaml of
    ``year`` under the HKEX guide's 2020 version, and a sheet that defines the company alone (the
    layout the table tests share, so that each module does not write it again)."""
    meta = (
        f"id: {company}-{year}\ncompany: {company}\ntitle: {label.split()[0]} ESG Report {year}\n"
        f"year: {year}\nstandard: hkex-esg-guide-2020\ncurator: {{name: Test curator}}\n"
    )
    sheet = f"entities:\n  - {{id: {company}, type: Organization, label: {label}}}\n"
    return report_folder(root / company, text, meta, sheet)
