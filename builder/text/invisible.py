"""Invisible format characters and leftover markup: taken out of a page before anything reads it.

Scraped pages scatter direction marks (LRM, RLM, ALM), bidi embeddings,
overrides and isolates, zero-width spaces, word joiners, soft hyphens and
stray BOMs inside words, before spaces and at line ends.  Each one broke the
pattern it fell into, and an article lost all its persons and quotes without
a word.  :func:`visible` gives the page without them and a map back to the
page, so that offsets still point into the page as read, which is never
changed (:class:`builder.text.document.Document` keeps both).
"""
from __future__ import annotations

import html
import re

__all__ = ["INVISIBLE", "visible", "without_invisible"]

# Format characters that show nothing and mean nothing to extraction: soft hyphen, Arabic letter
# mark, Mongolian vowel separator, zero-width space, LRM/RLM, bidi embeddings and overrides
# (U+202A-202E), word joiner and invisible operators (U+2060-2064), bidi isolates (U+2066-2069),
# deprecated format controls (U+206A-206F), BOM / zero-width no-break space.  ZWNJ (U+200C) and
# ZWJ (U+200D) are not here: in Persian they are part of the spelling («می‌شود»).
INVISIBLE = "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]+")


# markup a scraper left in a text page: «مشارکت&zwnj;های», «<p>به گزارش …», «شد.<br /> وی افزود»
_ENTITY = r"&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"
_TAG = r"</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,200})?/?>"
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|h[1-6]|tr|blockquote)\b", re.IGNORECASE)
_IMAGE = r"<image>[^<]{0,2000}</image>"  # an image the page showed, with its address and caption: no text of the page
_HIDDEN = re.compile(f"[{INVISIBLE}]+|{_IMAGE}|{_ENTITY}|{_TAG}")


def visible(raw: str) -> tuple[str, list[int] | None]:
    """What ``raw`` shows: without its invisible format characters (:data:`INVISIBLE`), and with
    markup a scraper left in a text page read as the browser would (an entity as its character, a
    paragraph or line-break tag as a line break, other tags as nothing); and for each character of
    the result its offset in ``raw``.  The map is None when nothing changed (the common case,
    which costs one regex search)."""
    if not _HIDDEN.search(raw):
        return raw, None
    parts: list[str] = []
    keep: list[int] = []
    pos = 0
    for m in _HIDDEN.finditer(raw):
        parts.append(raw[pos:m.start()])
        keep.extend(range(pos, m.start()))
        shown = _shown(m.group())
        parts.append(shown)
        keep.extend([m.start()] * len(shown))
        pos = m.end()
    parts.append(raw[pos:])
    keep.extend(range(pos, len(raw)))
    return "".join(parts), keep


def _shown(markup: str) -> str:
    if markup.startswith("&"):
        return without_invisible(html.unescape(markup))
    if markup.startswith("<"):
        return "\n" if _BLOCK_TAG.match(markup) else ""
    return ""  # invisible characters


def without_invisible(text: str) -> str:
    """``text`` without its invisible format characters (for metadata given beside the page)."""
    return _INVISIBLE.sub("", text)
