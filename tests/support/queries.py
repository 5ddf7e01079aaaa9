"""What the tests of saved queries share."""

# Saved queries about drafted claims, which the bundled (curated) report has none of: on it they
# answer with no rows. tests/integration/test_review.py runs them on a drafted fixture.
DRAFTED_ONLY = frozenset({"review-queue"})

# Saved queries the bundled KG answers with no rows for want of what they look for:
# announced-figures, because its two announced-but-unprinted figures map to no catalogue metric.
# tests/integration/test_fact_tables.py runs it on a drafted fixture that has one.
EMPTY_ON_BUNDLED = DRAFTED_ONLY | {"announced-figures"}
