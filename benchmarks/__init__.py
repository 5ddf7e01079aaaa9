"""Benchmarks: scripts that print figures (run as python benchmarks/NAME.py); tests import their load drivers."""
