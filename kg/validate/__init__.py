"""Validating a graph against the SHACL shapes and reporting what they find."""
