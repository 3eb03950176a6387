"""Use: what is asked of a built store (queries and their parameters, facts, export, links to Wikidata,
validation)."""
