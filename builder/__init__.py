"""fakg: Persian news pages about social welfare into an RDF knowledge graph."""

__version__ = "0.5.0"
