"""Locate what the package ships: ontology, shapes, queries, bundled reports and package assets.

Every file or directory csr-kg reads from its own installation is found by :func:`packaged`,
so no module guesses paths or asks ``importlib.resources`` on its own. The data directories
(``ontology``, ``shapes``, ``queries``) are installed under ``kg/_data`` in a wheel and sit at the
repository root in a source checkout or an editable install; everything else lies inside the
package (``reports``, ``vocab/context.jsonld``, ``sparql/sparql.html``, ``outputs/site_assets`` ...).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
DATA_DIRS = frozenset({"ontology", "shapes", "queries"})


def packaged(name: str) -> Path:
    """The shipped file or directory ``name``: a data directory, or a path relative to the package.

    A missing one is a broken installation, not bad input, hence ``FileNotFoundError``.
    """
    if name in DATA_DIRS:
        candidates = (PACKAGE_DIR / "_data" / name, PACKAGE_DIR.parent / name)
    else:
        candidates = (PACKAGE_DIR / name,)
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"csr-kg's {name!r} is missing from the installation")


def bundled_reports() -> list[Path]:
    """The report folders bundled with the package, sorted by name."""
    return sorted(p for p in packaged("reports").iterdir() if (p / "report.yaml").is_file())
