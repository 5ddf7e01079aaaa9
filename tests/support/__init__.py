"""Helpers the tests share: servers, fault proxies, fuzz cases, hypothesis strategies, paths."""
