"""csr-kg: ESG report claims as an RDF knowledge graph, every claim traceable to its words."""

from functools import cache


@cache
def software_version() -> str:
    """csr-kg's version as installed: it names the software agent of drafted readings.

    Looked up on first use, not at import, so that commands which never name the software do not
    pay for reading the installed package's metadata.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("csr-kg")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0+unknown"
