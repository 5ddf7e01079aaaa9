"""The ``csrkg`` command line."""
