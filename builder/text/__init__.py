"""Text: the Document every component fills, and what reads Persian text (normalisation, words, numbers,
dates, names, the gazetteer and lexicons).  Imports nothing of fakg's later stages."""
