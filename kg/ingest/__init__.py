"""Reading a report folder: its text, metadata and claim sheets, checked into plain claims before any RDF exists."""
