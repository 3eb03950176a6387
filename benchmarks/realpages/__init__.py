"""The real-page development set: real Persian news pages, their gold facts, and the scorer.

See README.md beside this file: where each page is (``manifest.jsonl``), how the
page texts are fetched into the git-ignored ``cache/``, and how to score them.
"""
