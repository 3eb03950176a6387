"""Restore the zero-width non-joiners that scraping lost («خدماترسانی» -> «خدمات‌رسانی»).

hazm's normaliser fixes «میشود» but not compounds and plural suffixes, and a
word glued to its neighbour is a different token for every later step (and
for anyone comparing titles).  A word is rewritten only when it is *not* in
hazm's lexicon (``data/words.dat``) and

* the lexicon has it with a ZWNJ («خدمات‌رسانی», «شبانه‌روزی»), or
* it is a lexicon word plus a plural/comparative suffix («آسیبهای» ->
  «آسیب‌های», «مشارکتهای» -> «مشارکت‌های»), or
* it splits into two frequent lexicon words («آسیبدیدگان» -> «آسیب‌دیدگان»).

In every case the left part must end in a joining letter: after «ا», «د», «ر»,
«و» … a ZWNJ changes nothing visible and the glued form is normal spelling.
Unknown words (most surnames) are left alone.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .diskcache import cached_value
from .patterns import LETTER

_NON_JOINING = set("اآأإدذرزژوؤۀة")
_SUFFIXES = ("هایی", "هایم", "هایش", "هایت", "هایمان", "هایشان", "های", "ها", "ترین", "تری", "تر")
_MIN_FREQ = 200_000  # both halves common words: «لوت» (139k) must not split «پایلوت»
_WORD = re.compile(rf"[{LETTER}]{{5,}}")


@cache
def _lexicon() -> tuple[dict[str, int], dict[str, str]]:
    """(word -> frequency, glued compound -> compound with ZWNJ) from hazm's words.dat."""
    data = resources.files("hazm").joinpath("data/words.dat").read_bytes()
    return cached_value("zwnj-lexicon", data, lambda: _read_lexicon(data.decode("utf-8")))


def _read_lexicon(text: str) -> tuple[dict[str, int], dict[str, str]]:
    freq: dict[str, int] = {}
    compounds: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word = parts[0]
        try:
            freq[word] = int(parts[1])
        except ValueError:
            freq[word] = 0
        if "\u200c" in word:
            compounds.setdefault(word.replace("\u200c", ""), word)
    return freq, compounds


def restore_word(word: str) -> str:
    freq, compounds = _lexicon()
    if word in freq:
        return word
    if word in compounds:
        return compounds[word]
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2 and stem[-1] not in _NON_JOINING and stem in freq:
            return stem + "\u200c" + suffix
    if word.endswith("ی") and word[:-1] in freq:
        return word  # «ریالی», «استانی»: a derived adjective, written glued
    best, best_score = word, 0
    for i in range(2, len(word) - 2):
        left, right = word[:i], word[i:]
        if left[-1] in _NON_JOINING:
            continue
        score = min(freq.get(left, 0), freq.get(right, 0))
        if score >= _MIN_FREQ and score > best_score:
            best, best_score = left + "\u200c" + right, score
    return best


def restore(text: str) -> str:
    """``text`` with ZWNJs restored in glued words (lengths change: re-align offsets after)."""
    return _WORD.sub(lambda m: restore_word(m.group()), text)
