"""Word lists that let the extractors recognise people, posts and quotes.

Persian has no capital letters, so a person's name is told from ordinary words
by lexical cues: a known given name (``data/given_names.txt``), a token shaped
like a surname (``data/surname_parts.txt``: «‑زاده», «‑پور», «‑ی» ...), a
post head before it («مدیرکل», «معاون») and a reporting verb after the clause
(«گفت», «تأکید کرد»).  The lists live in :mod:`builder.data` (sources in
``data/SOURCES.md``); this module loads them once and answers token questions.

Surname cues are graded, not absolute.  The suffix «‑ی» also makes ordinary
adjectives («اجتماعی», «کاری»), so a token that is a frequent ordinary word in
hazm's lexicon (``hazm/data/words.dat``: ``word<TAB>frequency<TAB>tags``, tags
such as N, AJ, ADV; the file has no proper-noun tag) is only a weak cue —
unless its stem is a given name («حسینی» from «حسین», «موسوی» from «موسی»),
which is how most Persian surnames are made.  ``data/non_surnames.txt`` lists
frequent look-alikes that words.dat misses or lists without a frequency.
"""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from builder.text.diskcache import compile_cached
from builder.text.gazetteer import DATA, RIGHT, phrases_regex
from builder.text.patterns import GAP
from builder.text.textkey import _LETTERS, fold, key

#: Minimum words.dat frequency for a token to count as a common ordinary word.
COMMON_FREQUENCY = 100_000
#: :func:`surname_score` at or above this is "surname-like".
SURNAME_THRESHOLD = 0.5

_STRENGTH = {"strong": 0.8, "weak": 0.5}
_PERSIAN_WORD = re.compile(r"[\u0600-\u06ff]+")


def _lines(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8") as f:
        return [s.strip() for s in f if s.strip() and not s.lstrip().startswith("#")]


def table(name: str) -> list[tuple[str, ...]]:
    """The rows of a tab-separated list in builder/data, each a tuple of its cells (comments and blank lines left out)."""
    return [tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name)]


def _longest_first(items) -> tuple[str, ...]:
    seen, out = set(), []
    for s in items:
        s = " ".join(s.split())
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return tuple(sorted(out, key=lambda s: (-len(key(s)), -len(s), s)))


#: Heads of official titles («مدیر کل», «معاون امور اجتماعی», «رئیس»), longest first.
ROLE_HEADS: tuple[str, ...] = _longest_first(_lines("role_heads.txt"))
#: Their first words, as keys («مدیرکل», «معاون»): a word that starts a post.
ROLE_FIRST_WORDS: frozenset[str] = frozenset(key(h.split()[0]) for h in ROLE_HEADS)
#: Reporting verbs («اظهار کرد», «تأکید کرد», «گفته است»), longest first.
REPORTING_VERBS: tuple[str, ...] = _longest_first(_lines("reporting_verbs.txt"))


@functools.cache
def reporting_verb_pattern() -> re.Pattern:
    """Whole-word regex for any reporting verb, in any spelling.

    Tolerates ZWNJ/space/nothing inside compounds («خاطرنشان کرد», «خاطر نشان
    کرد», «می‌گوید»/«میگوید»), hamza and Arabic letters («تأکید»/«تاکید»,
    «تاكيد»).  ``match.group()`` is the verb as written.
    """
    # «… کرد وگفت:», «وافزود»: a «و» glued before the verb is no part of it
    return compile_cached(r"(?:(?<![\w\u200c])|(?<=(?<![\w\u200c])و))(?:" + phrases_regex(REPORTING_VERBS, GAP) + ")" + RIGHT)


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------


@functools.cache
def given_names() -> frozenset[str]:
    """Comparison keys of all known given names."""
    return frozenset(key(s) for s in _lines("given_names.txt"))


@functools.cache
def _everyday_given_names() -> frozenset[str]:
    return frozenset(key(s) for s in _lines("everyday_given_names.txt"))


def is_everyday_given_name(token: str) -> bool:
    """A given name that is also an everyday word («امید», «بهار», «ایمان»): a name only in context."""
    return key(token) in _everyday_given_names()


@functools.lru_cache(maxsize=1 << 16)  # asked about every word by the person and organisation chunkers
def is_given_name(token: str) -> bool:
    """True if ``token`` (one name, possibly compound: «محمدرضا», «حبیب الله») is a known given name."""
    k = key(token)
    if not k:
        return False
    # compounds with «الله» (also spelled «اله»), «عبدال‌» and «الدین»: «کرامت‌الله», «نصراله», «عبدالرحیم», «فریدالدین»
    if (k.endswith("الله") and len(k) >= 6 and k[:-4] in _hazm_words()) or (k.startswith("عبدال") and len(k) >= 7) \
            or (k.endswith("اله") and len(k) >= 6 and k[:-3] in _hazm_words() and k not in _hazm_words()) \
            or (k.endswith("الدین") and len(k) >= 7 and k[:-5] in _hazm_words()) \
            or (k.endswith("اله") and k[:-3] + "الله" in given_names()):  # «یداله»: «یدالله» spelled with «اله»
        return True
    return k in given_names() or _two_given_names(k)


_NAME_ENDS = ("علی", "رضا", "حسین", "حسن", "محمد", "مهدی", "جواد", "اکبر", "اصغر")


def _two_given_names(k: str) -> bool:
    """«عباسعلی», «حسینعلی», «غلامرضا», «محمدجواد»: two given names written as one, the second of
    the few that end such compounds."""
    return any(k.endswith(end) and len(k) - len(end) >= 3 and k[:-len(end)] in given_names() for end in _NAME_ENDS)


@functools.cache
def _surname_parts() -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]:
    """(suffixes, prefixes) as (folded key, strength), longest first."""
    suffixes, prefixes = [], []
    for line in _lines("surname_parts.txt"):
        part, _, strength = line.partition("\t")
        weight = _STRENGTH.get(strength.strip() or "weak", 0.5)
        if part.startswith("-"):
            suffixes.append((key(part[1:]), weight))
        elif part.endswith("-"):
            prefixes.append((key(part[:-1]), weight))
    by_len = lambda t: -len(t[0])  # noqa: E731
    return tuple(sorted(suffixes, key=by_len)), tuple(sorted(prefixes, key=by_len))


@functools.cache
def _surname_words() -> frozenset[str]:
    strong = {k for k, weight in _surname_parts()[0] if weight >= _STRENGTH["strong"]}
    return frozenset(strong | {key(w) for w in _lines("surname_words.txt")})


def is_surname_suffix(token: str) -> bool:
    """A surname-making suffix written apart («زاده», «پور», «نژاد»), never a surname alone."""
    k = key(token)
    return any(k == suf for suf, weight in _surname_parts()[0] if weight >= _STRENGTH["strong"])


def is_surname_part(token: str) -> bool:
    """A word written apart that continues a compound surname («زاده», «نسب», «مقدم», «صدر»)."""
    return key(token) in _surname_words()


@functools.cache
def _non_surnames() -> frozenset[str]:
    return frozenset(key(s) for s in _lines("non_surnames.txt"))


@functools.cache
def _hazm_data() -> Path | None:
    """hazm's data folder, located without importing hazm (which takes a second)."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.origin:  # the lexicon still works, only without the words.dat cue
        return None
    return Path(spec.origin).parent / "data"


# A fast equivalent of textkey.key for the clean, already-normalised lines of words.dat.
_FAST_KEY = {**_LETTERS, 0x200C: None, 0x20: None, **{c: None for c in range(0x064B, 0x0660)}, 0x0670: None}


@functools.cache
def _hazm_words() -> dict[str, tuple[int, tuple[str, ...]]]:
    """key(word) -> (frequency, tags) for the words.dat lines with a non-zero frequency."""
    d = _hazm_data()
    out: dict[str, tuple[int, tuple[str, ...]]] = {}
    if d is None or not (d / "words.dat").exists():
        return out
    with open(d / "words.dat", encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.partition("\t")
            freq, _, tags = rest.partition("\t")
            if freq == "0" or not freq.isdigit():  # most lines: listed but never counted
                continue
            out.setdefault(word.translate(_FAST_KEY), (int(freq), tuple(tags.strip().split(","))))
    return out


@functools.cache
def _stopwords() -> frozenset[str]:
    d = _hazm_data()
    if d is None or not (d / "stopwords.dat").exists():
        return frozenset()
    with open(d / "stopwords.dat", encoding="utf-8") as f:
        return frozenset(key(s) for s in f if s.strip())


def is_stopword(token: str) -> bool:
    """One of hazm's stop words («ما», «این», «برای»)."""
    return key(token) in _stopwords()


def is_ordinary_word(token: str) -> bool:
    """``token`` is a counted word of hazm's lexicon, or one with a final «ی» («دولتی», «کوچکی») or «ه»,
    or with «به» glued before it («بطور»): ordinary Persian.  Proper names of small places are
    listed without a count («گتاب», «جغین»), or not at all."""
    t = token.replace("\u200c", "")
    return bool(word_frequency(t) or t[-1:] in ("ی", "ه") and word_frequency(t[:-1])
                or t.startswith("ب") and word_frequency(t[1:]))


def word_frequency(token: str) -> tuple[int, tuple[str, ...]] | None:
    """(frequency, tags) of ``token`` in hazm's words.dat, or None if not listed with a frequency."""
    return _hazm_words().get(key(token))


def is_common_word(token: str) -> bool:
    """A stopword, or an ordinary word with frequency >= :data:`COMMON_FREQUENCY` in words.dat."""
    k = key(token)
    if k in _stopwords():
        return True
    w = _hazm_words().get(k)
    return bool(w and w[0] >= COMMON_FREQUENCY and w[1] != ("0",))


def _stem_is_given_name(k: str) -> bool:
    """«حسینی» <- «حسین», «رضایی» <- «رضا», «موسوی» <- «موسی», «علوی» <- «علی»."""
    names = given_names()
    for suf in ("یی", "ی", "یان", "زاده", "پور", "نژاد", "نیا", "فر", "راد"):
        if k.endswith(suf) and k[: -len(suf)] in names:
            return True
    if k.endswith("وی") and len(k) > 3:
        stem = k[:-2]
        return stem + "ی" in names or stem + "ا" in names
    return False


@functools.lru_cache(maxsize=1 << 16)  # asked for every word pair of every sentence
def surname_score(token: str) -> float:
    """How much ``token`` looks like a surname, 0..1 (morphology, then words.dat as a damper)."""
    k = key(token)
    if len(k) < 3 or not _PERSIAN_WORD.fullmatch(fold(token).replace(" ", "")):
        return 0.0
    if k in _non_surnames() or k in _stopwords():
        return 0.0
    if k.endswith("ای") and not k.endswith("ایی") and k[:-1] in _hazm_words():
        return 0.0  # a noun with its ezafe («امضای», «آقای»), not «-ی» of a surname
    suffixes, prefixes = _surname_parts()
    score = 0.0
    for suf, weight in suffixes:
        # «‑ی» needs a real stem («وی», «کی» are not surnames); other suffixes need two letters.
        if k.endswith(suf) and len(k) - len(suf) >= (3 if len(suf) == 1 else 2):
            score = weight
            break
    for pre, weight in prefixes:
        if k.startswith(pre) and len(k) - len(pre) >= 3 and k != pre:
            score = max(score, weight if score else weight - 0.1)
            break
    if score == 0.0:
        return 0.0
    stem_name = _stem_is_given_name(k)
    if is_common_word(k) or k in given_names():
        # a frequent ordinary word or a given name: only a weak cue, unless made from a given name
        score = 0.6 if stem_name else min(score, 0.4)
    elif stem_name:
        score = min(1.0, score + 0.2)
    return round(score, 2)


def is_surname_like(token: str) -> bool:
    """True if ``token`` has surname morphology and is not (just) a frequent ordinary word."""
    return surname_score(token) >= SURNAME_THRESHOLD
