"""Spelling-insensitive comparison keys for Persian names.

Scraped pages lose their ZWNJs («خدماترسانی»), mix Arabic and Persian letters
(ي/ی, ك/ک) and digit scripts, and sometimes carry diacritics.  Two mentions
of one name must compare equal, so entities are keyed by :func:`key`, never
by their surface text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "آ": "ا", "ؤ": "و", "ـ": None, "ە": "ه", "ھ": "ه",  # Kurdish ae and heh doachashmee, seen inside Persian words
})
DIGITS_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_LETTERS_AND_DIGITS = {**_LETTERS, **DIGITS_TO_LATIN}  # one pass instead of two over long lines
_SEPARATORS = re.compile(r"[\s\u200c\u200d\u200e\u200f\u00a0،,؛;:.«»()\[\]\"'\-/]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


_ARABIC_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def persian_letters(s: str) -> str:
    """``s`` with the Arabic yeh and kaf that Windows-1256 pages print written as Persian ی and ک;
    nothing else changed (for text shown to a user, unlike :func:`key`)."""
    return s.translate(_ARABIC_VARIANTS)


@cache
def _bmp_marks() -> re.Pattern:
    """The combining characters (diacritics) of the Basic Multilingual Plane as one character
    class, which re tests in constant time; a test per character was a quarter of the cost
    of keying a whole line (a class with the rarer astral marks too would be scanned linearly)."""
    marks = "".join(re.escape(chr(c)) for c in range(0x10000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{marks}]")


def _drop_marks(s: str) -> str:
    s = _bmp_marks().sub("", s)
    if _ASTRAL.search(s):  # characters beyond the BMP: rare, tested one by one
        s = "".join(c for c in s if not unicodedata.combining(c))
    return s


@lru_cache(maxsize=1 << 16)  # called thousands of times per article on the same few hundred tokens
def fold(s: str) -> str:
    """Letters, digits and diacritics folded; spacing kept (for token-level comparisons)."""
    s = unicodedata.normalize("NFKC", s or "").translate(_LETTERS_AND_DIGITS)
    s = _drop_marks(s)
    return _SEPARATORS.sub(" ", s).strip()


@lru_cache(maxsize=1 << 16)
def key(s: str) -> str:
    """The comparison key: :func:`fold` with every space and ZWNJ removed."""
    return fold(s).replace(" ", "")
