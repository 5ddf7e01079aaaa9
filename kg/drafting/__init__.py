"""Draft claim sheets from a report's text: recognisers of entities, claim kinds, SDGs and KPIs."""
