"""Storage: the Oxigraph store on disk (opening, locks, the index of articles, the bulk loader) and the
SPARQL endpoint that serves it."""
