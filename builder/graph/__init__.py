"""Graph: a finished Document as quads (IRIs, the vocabulary, concepts, the name index, stories)."""
