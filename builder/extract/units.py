"""Sentences as sequences of units: words, numbers, punctuation, and gazetteer names.

A place or a known organisation spans several words («سیستان و بلوچستان»,
«وزارت تعاون، کار و رفاه اجتماعی») and may contain commas or «و», which
would otherwise end a phrase.  The chunkers (organisations, roles, persons,
programs) therefore walk *units*: hazm tokens, with every gazetteer match
fused into one unit that carries its entry.

News-agency names are also fused, but only where the context says agency
(«خبرگزاری فارس», «به گزارش مهر»), because «فارس» is also a province and
«مهر» a month.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..components import component
from ..text.document import Document
from ..text.gazetteer import find_agencies, find_organizations, place
from ..text.lexicon import (ROLE_HEADS, is_common_word, is_everyday_given_name, is_given_name, is_surname_like,
                            table, word_frequency)
from ..text.patterns import GAP
from ..text.textkey import key
from .tokens import Token, is_word, sentence_tokens

_AGENCY_CONTEXT = re.compile(rf"(?:خبرگزاری|به\s*گزارش|پایگاه\s*خبری|سایت|خبرنگار|روزنامه|نقل{GAP}از){GAP}$")


@dataclass(frozen=True)
class Unit:
    kind: str  # word | number | punct | place | org | agency
    start: int
    end: int
    text: str
    entry: object = None  # PlaceEntry / OrgEntry / AgencyEntry for gazetteer units
    # the comparison key, stored once: the chunkers read it some four thousand times per article
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", key(self.text))


def _gazetteer_spans(text: str, places: list) -> list[tuple[int, int, str, object]]:
    spans = []
    for s, e, entry in find_agencies(text):
        before = text[max(0, s - 20):s]
        after = text[e:e + 2]
        if _AGENCY_CONTEXT.search(before) or after.lstrip().startswith("/") or text.startswith("خبرگزاری", s):
            spans.append((s, e, "agency", entry))
    spans += [(s, e, "org", entry) for s, e, entry in find_organizations(text)]
    spans += [(s, e, "place", entry) for s, e, entry in places]
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept, last_end = [], -1
    for span in spans:  # earlier and longer first; agencies beat places at the same start
        if span[0] >= last_end:
            kept.append(span)
            last_end = span[1]
    return kept


@component("units", requires=("text", "sentences", "place_names"), assigns=("units",))
def segment(doc: Document) -> None:
    """Units of every sentence (:attr:`Document.units`), made once for every chunker."""
    doc.units = _sentence_units(doc)


def _sentence_units(doc: Document) -> list[list[Unit]]:
    spans = _gazetteer_spans(doc.text, doc.place_names)
    out = []
    si = 0
    for sent in doc.sentences:
        units: list[Unit] = []
        toks = sentence_tokens(doc, sent)
        while si < len(spans) and spans[si][1] <= sent.start:
            si += 1
        sj = si
        ti = 0
        while ti < len(toks):
            tok = toks[ti]
            while sj < len(spans) and spans[sj][1] <= tok.start:
                sj += 1
            if sj < len(spans) and spans[sj][0] <= tok.start < spans[sj][1] and spans[sj][1] <= sent.end:
                s, e, kind, entry = spans[sj]
                if s == tok.start:
                    while ti < len(toks) and toks[ti].start < e:
                        ti += 1
                    end = max(e, toks[ti - 1].end)
                    units.append(Unit(kind, s, end, doc.text[s:end], entry))
                    sj += 1
                    continue
            units.extend(_plain(tok, units[-1].text if units else ""))
            ti += 1
        out.append(units)
    return out


def _plain(tok: Token, before: str) -> list[Unit]:
    """A token as one unit, or two where a page glued two words (:func:`_glued`); right after a given name
    (``before``) a word is a surname, never a word and a given name glued («رضا مهرافروز», not «مهر|افروز»)."""
    kind = _plain_kind(tok.text)
    cut = _glued(tok.text) if kind == "word" else None
    if cut is not None and is_given_name(before) and is_given_name(tok.text[cut[0]:]):
        cut = None
    if cut is None:
        return [Unit(kind, tok.start, tok.end, tok.text)]
    n, right_kind, entry = cut
    where = place(tok.text[:n])  # «…خراسانجنوبی|مدیرکل»: a headline's last word glued to the lead's first
    return [Unit("place" if where else "word", tok.start, tok.start + n, tok.text[:n], where),
            Unit(right_kind, tok.start + n, tok.end, tok.text[n:], entry)]


_PREPOSITIONS = ("در", "از", "به", "با")
_GLUED_DAYS = frozenset(key(w) for w in ("امروز", "دیروز", "امشب"))


@lru_cache(maxsize=1 << 14)
def _glued(text: str) -> tuple[int, str, object] | None:
    """Where a word the lexicon does not know splits into two that a scraped page glued together:
    a preposition or a post before a place («درزاهدان», «استاندارتهران»), a post before a body's
    head («دبیرکارگروه»), a surname or a place before a post («مهاجرانیسخنگوی», «خراسانجنوبیمدیرکل»),
    a word before a given name
    («حضورعلی»); (length of the first, kind of the second, its gazetteer entry), else None."""
    if len(text) < 5 or "\u200c" in text or word_frequency(text) or is_given_name(text) or place(text):
        return None
    for n in range(2, len(text) - 1):
        left, right = text[:n], text[n:]
        if len(right) >= 3 and (where := place(right)) is not None and (left in _PREPOSITIONS or _post_word(left)):
            return n, "place", where
        if key(right) in _GLUED_DAYS:  # «حمزه لوامروز»: a surname and «امروز» glued
            return n, "word", None
        if len(right) < 3 or len(left) < 3:
            continue
        if _post_word(left) and key(right) in _body_heads():
            return n, "word", None
        if _post_word(right) and (is_surname_like(left) or place(left) is not None):
            return n, "word", None
        if is_given_name(right) and not is_everyday_given_name(right) and is_common_word(left) \
                and not text.endswith(("ترین", "تری")):  # «بالاترین» is no «بال» and «اترین»
            return n, "word", None
    return None


@lru_cache(maxsize=1)
def _post_words() -> frozenset[str]:
    """The one-word posts («استاندار», «دبیر», «سخنگوی»), as keys."""
    return frozenset(key(h) for h in ROLE_HEADS if len(h.split()) == 1 and "\u200c" not in h)


def _post_word(word: str) -> bool:
    return key(word) in _post_words() or key(word).removesuffix("ی") in _post_words()


@lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    """The one-word heads of bodies' names («کارگروه», «سازمان»), as keys."""
    return frozenset(key(h) for h, in table("named_heads.txt") if len(h.split()) == 1)


@lru_cache(maxsize=1 << 16)  # the same words recur in every article
def _plain_kind(text: str) -> str:
    if is_word(text):
        return "word"
    if re.search(r"[0-9۰-۹]", text):
        return "number"
    return "punct"
