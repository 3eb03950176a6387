"""Programs: plans, complexes, centres, houses, hotlines and occasions, with where they run.

A program is a head («طرح», «مجتمع», «مرکز», «خانه», «خط», «سامانه»,
«برنامه», «پویش»; occasions «روز جهانی», «روز ملی», «هفته») and a name of
content words; «از» may sit inside a name («مرکز آموزش و حمایت از کودک و
خانواده», «طرح کودکان بازمانده از تحصیل»).  Not programs: plural heads
(«مراکز», «طرح‌ها»), a head with adjectives only («مرکز غیردولتی», «خانه غیر
دولتی»), «مرکز استان» (a place), research centres (organisations), and
anaphora («این مرکز»).  Any mention of «اورژانس اجتماعی» is the national social
emergency hotline 123.  The places named in the program's sentence (outside
organisation names) are where it runs: «... خوزستان، تهران، کرمان ...
استان‌های پایلوت در طرح ...».
"""
from __future__ import annotations

import re

from ..document import Document, Mention, Program
from ..textkey import key
from .phrases import PLACE_WORDS, PROGRAM_HEADS, compound_verb_noun, is_name_word, match_head, takes_preposition
from .units import Unit, sentence_units

_HEAD_KEYS = {key(h): (h, kind) for h, kind in PROGRAM_HEADS.items()}
_PLURAL_HEADS = frozenset(key(w) for w in ("مراکز", "طرح‌ها", "طرحهای", "خانه‌ها", "خانه‌های", "مجتمع‌ها", "برنامه‌ها", "برنامه‌های"))
_ADJECTIVES_ONLY = frozenset(key(w) for w in (
    "دولتی", "غیردولتی", "غیر", "خصوصی", "فعال", "جدید", "مختلف", "تخصصی", "مربوط", "مربوطه", "مذکور",
    "یادشده", "یاد", "شده", "اصلی", "ملی", "استانی", "شهری", "روستایی",
))
_RESEARCH = frozenset(key(w) for w in ("مطالعات", "پژوهش", "پژوهشهای", "تحقیقات", "آمار", "اطلاعات", "رشد"))
_SCOPE = frozenset(key(w) for w in ("سطح", "سراسر", "محل"))
_DEMONSTRATIVES = frozenset(key(w) for w in ("این", "آن", "همین", "همان", "هر", "کدام"))
_SOCIAL_EMERGENCY = re.compile(r"اورژانس[\s\u200c]*(?:های[\s\u200c]*)?اجتماعی")
HOTLINE_NAME = "اورژانس اجتماعی ۱۲۳"


def _head_at(units: list[Unit], i: int) -> tuple[int, str, str] | None:
    joined = ""
    best = None
    for n in (1, 2):
        if i + n > len(units) or units[i + n - 1].kind != "word":
            break
        joined += units[i + n - 1].key
        if joined in _HEAD_KEYS:
            best = (n, *_HEAD_KEYS[joined])
    return best


def program_at(units: list[Unit], i: int) -> tuple[int, str, str] | None:
    """(end unit, head, kind) of a program name starting at ``i``, or None."""
    head = _head_at(units, i)
    if head is None or (i > 0 and units[i - 1].key in _DEMONSTRATIVES):
        return None
    n, text, kind = head
    j = k = i + n
    content = 0
    while k < len(units) and k - j < 9:
        u = units[k]
        if u.kind == "number" and kind in ("hotline", "centre") and k == j:
            k += 1
            continue
        if (u.key == key("و") and k > j) or takes_preposition(units, k):
            if k + 1 < len(units) and is_name_word(units[k + 1]) and not match_head(units, k + 1) \
                    and units[k + 1].key not in _PLURAL_HEADS:
                k += 1
                continue
            break
        if u.key in _SCOPE or compound_verb_noun(units, k):
            break
        if u.kind == "place" and content:
            break
        if not is_name_word(u) or (match_head(units, k) and k > j):
            break
        if u.key not in _ADJECTIVES_ONLY:
            content += 1
        k += 1
    if content == 0 or units[j].key in PLACE_WORDS or units[j].key in _RESEARCH:
        return None
    if kind == "program" and content < 2:
        return None
    return k, text, kind


def _places_in(doc: Document, sentence: int) -> list[str]:
    inside_orgs = [(m.start, m.end) for m in doc.mentions if m.kind == "organization" and m.sentence == sentence]
    out = []
    for m in doc.mentions:
        if m.kind == "place" and m.sentence == sentence and not any(s <= m.start < e for s, e in inside_orgs):
            if m.ref not in out:
                out.append(m.ref)
    return out


def _add(doc: Document, name: str, kind: str, start: int, end: int, sentence: int) -> None:
    k = key(name)
    prog = doc.programs.get(k)
    if prog is None:
        prog = doc.programs[k] = Program(name, kind)
    prog.evidence.append(doc.evidence(start, end, "programs"))
    for p in _places_in(doc, sentence):
        if p not in prog.places:
            prog.places.append(p)
    doc.mentions.append(Mention("program", start, end, doc.text[start:end], k, sentence))


def _merge_contained(doc: Document) -> None:
    """«طرح ساماندهی» inside «طرح سه مرحله‌ای ساماندهی کودکان کار و خیابان» is that program."""
    for k in sorted(doc.programs, key=len):
        short = doc.programs[k].name.split()
        for other_key, other in doc.programs.items():
            if other_key == k or len(other.name.split()) <= len(short):
                continue
            words = iter(key(w) for w in other.name.split())
            if all(key(w) in words for w in short):
                gone = doc.programs.pop(k)
                other.evidence += gone.evidence
                other.places += [p for p in gone.places if p not in other.places]
                for m in doc.mentions:
                    if m.kind == "program" and m.ref == k:
                        m.ref = other_key
                break


def extract(doc: Document) -> None:
    for si, units in enumerate(sentence_units(doc)):
        i = 0
        while i < len(units):
            found = program_at(units, i) if units[i].kind == "word" else None
            if found is None:
                i += 1
                continue
            end, head, kind = found
            start, stop = units[i].start, units[end - 1].end
            name = doc.text[start:stop]
            if _SOCIAL_EMERGENCY.search(name):
                name, kind = HOTLINE_NAME, "hotline"
            _add(doc, name, kind, start, stop, si)
            i = end
    for m in _SOCIAL_EMERGENCY.finditer(doc.text):
        if not any(p.start <= m.start() < p.end for p in doc.mentions if p.kind == "program"):
            _add(doc, HOTLINE_NAME, "hotline", m.start(), m.end(), doc.sentence_at(m.start()))
    _merge_contained(doc)
    doc.mentions.sort(key=lambda m: m.start)
