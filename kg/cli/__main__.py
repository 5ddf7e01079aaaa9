"""``python -m kg.cli`` runs the command line."""

from kg.cli.app import run

run()
