"""The vocabulary csr-kg speaks: namespaces, the ontology and its schemes, units, names, packaged data."""
