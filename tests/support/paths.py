"""Where the project's files are, for tests at any depth of ``tests/``."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MINI_REPORT = FIXTURES / "mini-report"
PAGED_REPORT = FIXTURES / "paged-report"
UNITS_REPORT = FIXTURES / "units-report"
CORRECTIONS_REPORT = FIXTURES / "corrections-report"

PRINTINGS_REPORT = FIXTURES / "printings-report"
CONVERTED_REPORT = FIXTURES / "converted-report"
REVIEW_REPORT = FIXTURES / "review-report"  # a drafted folder with one entry of each kind csrkg review lists
