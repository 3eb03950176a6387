"""Where a person's name ends: the words after it that are time, or where its clause goes on.

A surname may run on past what the lexicon knows («سید حسن موسوی چلک»): :mod:`builder.extract.persons`
takes a word after a name as the surname's last one when what follows it is how a subject's clause goes
on (the time it was said, «با بیان …», where it was said, a reporting verb), and never a time word, a post
or a glued preposition.  These are the tests it asks.
"""
from __future__ import annotations

import re

from ..text.document import Document
from ..text.lexicon import ROLE_FIRST_WORDS
from ..text.patterns import GAP, LETTER
from ..text.textkey import key

#: the next word, ZWNJs inside it included: hazm's affix spacing writes «دهمرده» as «دهم‌رده»
NEXT_WORD = re.compile(rf"[\s\u200c]+([{LETTER}][{LETTER}\u200c]*[{LETTER}])")
NEXT_TWO = re.compile(rf"[\s\u200c]+([{LETTER}]+)[\s\u200c]+([{LETTER}][{LETTER}\u200c]*[{LETTER}])")

#: times of day and days: «گلی صبح امروز گفت» is «گلی», this morning; «هوشیار شنبه ۲۴ تیر …» is «هوشیار», on Saturday
TIME_WORDS = frozenset(key(w) for w in (
    "صبح", "عصر", "ظهر", "شب", "شامگاه", "بامداد", "امروز", "دیروز", "امشب", "روز", "شنبه", "یکشنبه", "دوشنبه",
    "سه‌شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه",
))

_DAY = key("روز")


def is_time(k: str) -> bool:
    """A time word, or a weekday glued to «روز» («روزشنبه»: the page lost the space)."""
    return k in TIME_WORDS or k.startswith(_DAY) and k[len(_DAY):] in TIME_WORDS


_GLUED_AFTER = re.compile(r"(?:بعد|پیش|قبل|پس)از")  # «بعداز ظهر»: a preposition glued to the time after it


# what goes on a clause right after its subject: the time («فرزاد هوشیار پارسا ظهر امروز …»), «با بیان/اشاره»,
# or where it was said («… در گفت‌وگو با …», «… در حاشیه …», «… در نشست …»)
GOES_ON = re.compile(rf"[\s\u200c]+(?:(?:ظهر|صبح|عصر|شب|بامداد|شامگاه|امروز|دیروز|روز)(?![\w\u200c])|"
                     rf"با{GAP}(?:بیان|اشاره|تاکید|تأکید)|ضمن{GAP}|"
                     rf"در{GAP}(?:گفت{GAP}(?:و{GAP})?گو|حاشیه|نشست|جمع|مراسم|آیین)(?![\w\u200c]))")


def clause_goes_on(doc: Document, pos: int, verbs: frozenset[int]) -> bool:
    """The subject's clause goes on at ``pos``: a reporting verb, the time it was said, «با بیان …»;
    so the word before it ends the name («وجیهه محمدی فلاح با بیان اینکه …»)."""
    if GOES_ON.match(doc.text, pos):
        return True
    nxt = re.match(r"[\s\u200c]+", doc.text[pos:pos + 3])
    return nxt is not None and pos + nxt.end() in verbs


def may_end_a_name(doc: Document, word: str, pos: int) -> bool:
    """``word`` (at ``pos``) may be a surname's last word: not a time word, a post («مدیرکل») or a glued
    preposition («بعداز»), nor inside a body or another person's name."""
    k = key(word)
    return not is_time(k) and k not in ROLE_FIRST_WORDS and not _GLUED_AFTER.fullmatch(k) \
        and not any(m.start <= pos < m.end for m in doc.mentions if m.kind in ("organization", "person"))
