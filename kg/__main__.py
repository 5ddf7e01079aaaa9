"""``python -m kg`` runs the command line."""

from kg.cli.app import run

run()
