"""Integration tests: whole builds, the command line, servers, installs, browsers."""
