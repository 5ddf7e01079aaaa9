"""Running SPARQL: saved queries, local and remote execution, results formats and the read-only endpoint."""
