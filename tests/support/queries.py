"""What the tests of saved queries share."""

# Saved queries about drafted claims, which the bundled (curated) report has none of: on it they
# answer with no rows. tests/integration/test_review.py runs them on a drafted fixture.
DRAFTED_ONLY = frozenset({"review-queue"})
