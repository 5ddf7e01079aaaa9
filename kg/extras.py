"""Optional extras: libraries only some commands need, imported when those commands run.

The core install builds, validates, queries and serves the KG; pictures (matplotlib), ontology
documentation (pyLODE) and the HTTP client for remote stores and endpoints (requests) are
extras, so that a user who needs none of them installs none of them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from kg.errors import MissingExtraError


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import ``module``, or say in one line which extra ``what`` needs and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(f"{what} needs {module.split('.')[0]}: pip install 'csr-kg[{extra}]'") from None
