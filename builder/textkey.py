"""Spelling-insensitive comparison keys for Persian names.

Scraped pages lose their ZWNJs («خدماترسانی»), mix Arabic and Persian letters
(ي/ی, ك/ک) and digit scripts, and sometimes carry diacritics.  Two mentions
of one name must compare equal, so entities are keyed by :func:`key`, never
by their surface text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "آ": "ا", "ؤ": "و", "ـ": None,
})
DIGITS_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_SEPARATORS = re.compile(r"[\s\u200c\u200d\u200e\u200f\u00a0،,؛;:.«»()\[\]\"'\-/]+")


@lru_cache(maxsize=1 << 16)  # called thousands of times per article on the same few hundred tokens
def fold(s: str) -> str:
    """Letters, digits and diacritics folded; spacing kept (for token-level comparisons)."""
    s = unicodedata.normalize("NFKC", s or "").translate(_LETTERS).translate(DIGITS_TO_LATIN)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", s).strip()


@lru_cache(maxsize=1 << 16)
def key(s: str) -> str:
    """The comparison key: :func:`fold` with every space and ZWNJ removed."""
    return fold(s).replace(" ", "")
