"""hazm normalisation of the article body, with a map back to the original page.

Extraction rules are written against hazm-normalised Persian (Persian letters
and digits, «می‌شود» with its ZWNJ), but provenance must point at the page as
it was scraped.  hazm's :class:`Normalizer` changes lengths (spaces and ZWNJs
added or removed, diacritics and kashida dropped), so after normalising we
align the result to the original with a linear, edit-tolerant walk and keep,
for every normalised character, the offset of the raw character it came from.

The page reaches the normaliser without its invisible format characters
(:mod:`builder.text.invisible`); the pipeline composes the two offset maps.

Lost ZWNJs are restored (:mod:`builder.text.zwnj`) before aligning.
hazm's spacing correction also splits numbers («۱۲.۵» -> «۱۲ ٫ ۵», «1,200» ->
«۱ , ۲۰۰»); :func:`normalize_paragraph` glues them back so figures survive.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .hazm_models import models
from .zwnj import restore

_SPLIT_NUMBER = re.compile(r"(?<=[0-9۰-۹]) ?([٫٬,.]) ?(?=[0-9۰-۹])")
_SPACES = " \u200c\u200d\u00a0\t"
_DROPPABLE = _SPACES + "\u0640\u200e\u200f\ufeff"  # kashida, direction marks, BOM
_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "٫": ".", "٬": ",",
    **{d: str(i % 10) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")},
    **dict.fromkeys(_SPACES, " "),
})


def _fold(s: str) -> str:
    """Letter variants, digit scripts and space/ZWNJ folded, one char for one (offsets kept)."""
    return s.translate(_FOLD)


def _is_mark(c: str) -> bool:
    return "\u064b" <= c <= "\u065f" or c == "\u0670"


def _common_run(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of ``a[i:]`` and ``b[j:]``, found by comparing slices
    (galloping, then halving) instead of character by character: most of a paragraph
    comes through the normaliser unchanged."""
    n = min(len(a) - i, len(b) - j)
    lo, step = 0, 16
    while True:  # a[i:i+lo] == b[j:j+lo]; look for a mismatch in the next step
        hi = min(lo + step, n)
        if a[i + lo:i + hi] != b[j + lo:j + hi]:
            break
        if hi == n:
            return n
        lo, step = hi, step * 2
    while hi - lo > 1:  # the first mismatch is in [lo, hi)
        mid = (lo + hi) // 2
        if a[i + lo:i + mid] == b[j + lo:j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def align(raw: str, norm: str) -> list[int]:
    """For each index of ``norm``, the index of ``raw`` it derives from.

    A greedy walk: equal characters (after folding letter variants, digit
    scripts and space/ZWNJ) advance both strings; spaces inserted by the
    normaliser point at the current raw position; characters the normaliser
    dropped (spaces, ZWNJ, kashida, diacritics) are skipped; anything else is
    resynchronised by looking a few characters ahead on either side.  Both
    strings are folded once up front: folding per character was most of the cost.
    """
    fraw, fnorm = _fold(raw), _fold(norm)
    out = [0] * len(norm)
    i = j = 0
    n_raw, n_norm = len(raw), len(norm)
    last = max(n_raw - 1, 0)
    while j < n_norm:
        b = fnorm[j]
        if i < n_raw and fraw[i] == b:
            run = _common_run(fraw, i, fnorm, j)
            out[j:j + run] = range(i, i + run)
            i += run
            j += run
        elif b == " ":
            out[j] = min(i, last)
            j += 1
        elif i < n_raw and (raw[i] in _DROPPABLE or _is_mark(raw[i])):
            i += 1
        else:
            skip = next((k for k in range(1, 6) if i + k < n_raw and fraw[i + k] == b), None)
            if skip is not None:
                i += skip
                continue
            out[j] = min(i, last)
            j += 1
            # a substitution consumes a raw char unless the norm side runs ahead
            if not any(j + k < n_norm and i < n_raw and fnorm[j + k] == fraw[i] for k in range(0, 4)):
                i += 1
    return out


# a web address: hazm would space its punctuation apart («https: / / golestanp. ir ? p= …»)
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[!-~]+")


@lru_cache(maxsize=64)  # the metadata normalises the headline again, after the body
def normalize_paragraph(text: str, body: bool = False) -> str:
    """hazm-normalise one paragraph, restore lost ZWNJs, keep numbers and web addresses intact; in the ``body``
    a one-word hashtag is that word (a headline keeps the page's «#»), and a dateline glued to its lead by «_» or
    a word glued to a «_» after a space is set apart from it, as is a «گفت» glued to the word before its colon; a
    pair of «ˈ» is a pair of guillemets."""
    if body:
        text = _OPENING_UNDERSCORE.sub("_ ", _GLUED_DATELINE.sub(r"\1_ ", _HASHTAG.sub(r" \1", text)))
        text = _MODIFIER_QUOTES.sub(r"«\1»", _GLUED_SAID.sub(" گفت", text))
    if not _WEB_ADDRESS.search(text):
        return _hazm(text)
    parts, last = [], 0
    for m in _WEB_ADDRESS.finditer(text):
        parts += [_around_address(text[last:m.start()]), m.group()]
        last = m.end()
    return "".join(parts + [_around_address(text[last:])])


# a channel's hashtag of one word is that word («… ۳۴.۹ هزار #طلاق مربوط به …»); one of several words joined
# by «_» («#وحید_قبادی_دانا») stays whole: where its words end, no rule of a name's words can tell
_HASHTAG = re.compile(r"#([\u0620-\u06D3\u200c]+)(?![\u0620-\u06D3\u200c_])")


# «ˈمریم احمدوندˈ روز دوشنبه … گفت»: a pair of modifier letters (U+02C8) that some agencies print as quotation
# marks around a name; read as the guillemets they stand for, one character for one
_MODIFIER_QUOTES = re.compile(r"\u02c8([^\u02c8\n]{1,60})\u02c8")


# a paragraph opening with a place and «_» glued to the lead («بیجار_رییس بهزیستی … گفت»): a dateline, its words apart
_GLUED_DATELINE = re.compile(r"^(\s*[\u0620-\u06D3\u200c]{2,15})_(?=[\u0620-\u06D3])")
# «به گزارش پایگاه خبری اقتصادخزر _سیدمهدی …»: a «_» after a space, glued to the word after it, sets that word apart
_OPENING_UNDERSCORE = re.compile(r"(?<=\s)_(?=[\u0620-\u06D3])")


# «رضا احمدیگفت:», «مدیرکل بهزیستی قمگفت:»: «گفت» glued to the word before it, right before its colon, is
# the reporting verb, set apart so the speaker's name and the verb are read; not «میگفت», «نمیگفت», «شگفت»
_GLUED_SAID = re.compile(r"(?<=[\u0620-\u06D3]{3})(?<!می)گفت(?=\s*[:：])")


def _hazm(text: str) -> str:
    return _SPLIT_NUMBER.sub(r"\1", restore(models().normalizer.normalize(text)))


def _around_address(text: str) -> str:
    """hazm's normal form of the words before or after a web address, with the spaces that part them from it."""
    core = text.strip()
    if not core:
        return text
    norm = _hazm(core)
    return text[:len(text) - len(text.lstrip())] + norm + text[len(text.rstrip()):]


def normalize_ranges(raw: str, ranges: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Normalise each raw range as a paragraph; join with newlines.

    Returns the text and its offset map into ``raw`` (newline separators map
    to the end of the paragraph before them).
    """
    parts: list[str] = []
    offsets: list[int] = []
    for start, end in ranges:
        chunk = raw[start:end].replace("\r", " ").replace("\n", " ")  # a paragraph the page wrapped by hand
        norm = normalize_paragraph(chunk, body=True).strip()
        if not norm:
            continue
        if parts:
            parts.append("\n")
            offsets.append(offsets[-1])
        parts.append(norm)
        offsets.extend(start + k for k in align(chunk, norm))
    return "".join(parts), offsets
