"""Claims to triples: IRIs, the mapping, deterministic writers, hostile-input readers, corpora and stores."""
