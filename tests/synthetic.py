"""The synthetic report generator, imported from benchmarks/ (it is not part of the package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _load() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "synth.py"
    spec = importlib.util.spec_from_file_location("synth", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


synth = _load()
