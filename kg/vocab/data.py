"""Locate the data the package ships: ontology, shapes, queries and bundled reports.

In a wheel the data directories are installed under ``kg/_data``; in a source checkout or an
editable install they sit at the repository root. Code asks here instead of guessing paths.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPORTS_DIR = PACKAGE_DIR / "reports"


def data_dir(name: str) -> Path:
    """The shipped data directory ``name`` (``ontology``, ``shapes`` or ``queries``)."""
    for candidate in (PACKAGE_DIR / "_data" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"csr-kg data directory {name!r} is missing from the installation")


def bundled_reports() -> list[Path]:
    """The report folders bundled with the package, sorted by name."""
    return sorted(p for p in REPORTS_DIR.iterdir() if (p / "report.yaml").is_file())
