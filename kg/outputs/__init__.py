"""What csr-kg writes for people and publishers: exports, ontology docs, the static site, network analysis."""
