"""Where the project's files are, for tests at any depth of ``tests/``."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MINI_REPORT = FIXTURES / "mini-report"
PAGED_REPORT = FIXTURES / "paged-report"
UNITS_REPORT = FIXTURES / "units-report"
CORRECTIONS_REPORT = FIXTURES / "corrections-report"
SITES_REPORT = FIXTURES / "sites-report"  # a table whose columns are sites, with a total column
# Four reports of three companies with identifiers and sectors; acme-2019 and acme-holdings-2020
# spell one company two ways
COMPANIES = sorted((FIXTURES / "companies").iterdir())

PRINTINGS_REPORT = FIXTURES / "printings-report"
CONVERTED_REPORT = FIXTURES / "converted-report"
REVIEW_REPORT = FIXTURES / "review-report"  # a drafted folder with one entry of each kind csrkg review lists
