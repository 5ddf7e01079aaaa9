"""Unit tests: one module of kg at a time, no subprocess, no server."""
