"""Invisible format characters: taken out of a page before anything reads it.

Scraped pages scatter direction marks (LRM, RLM, ALM), bidi embeddings,
overrides and isolates, zero-width spaces, word joiners, soft hyphens and
stray BOMs inside words, before spaces and at line ends.  Each one broke the
pattern it fell into, and an article lost all its persons and quotes without
a word.  :func:`visible` gives the page without them and a map back to the
page, so that offsets still point into the page as read, which is never
changed (:class:`builder.document.Document` keeps both).
"""
from __future__ import annotations

import re

__all__ = ["INVISIBLE", "visible", "without_invisible"]

# Format characters that show nothing and mean nothing to extraction: soft hyphen, Arabic letter
# mark, Mongolian vowel separator, zero-width space, LRM/RLM, bidi embeddings and overrides
# (U+202A-202E), word joiner and invisible operators (U+2060-2064), bidi isolates (U+2066-2069),
# deprecated format controls (U+206A-206F), BOM / zero-width no-break space.  ZWNJ (U+200C) and
# ZWJ (U+200D) are not here: in Persian they are part of the spelling («می‌شود»).
INVISIBLE = "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]+")


def visible(raw: str) -> tuple[str, list[int] | None]:
    """``raw`` without its invisible format characters (:data:`INVISIBLE`), and for each
    character of the result its offset in ``raw``; the map is None when nothing was removed
    (the common case, which costs one regex search)."""
    if not _INVISIBLE.search(raw):
        return raw, None
    keep: list[int] = []
    pos = 0
    for m in _INVISIBLE.finditer(raw):
        keep.extend(range(pos, m.start()))
        pos = m.end()
    keep.extend(range(pos, len(raw)))
    return _INVISIBLE.sub("", raw), keep


def without_invisible(text: str) -> str:
    """``text`` without its invisible format characters (for metadata given beside the page)."""
    return _INVISIBLE.sub("", text)
