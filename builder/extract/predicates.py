"""The predicate of a figure's clause, as the figure's subject or object takes it.

«… شناسایی و جمع‌آوری شدند» makes «شناسایی و جمع‌آوری شده»; a copula keeps its complement («… از
اتباع هستند»); places, amounts and sums of money inside the predicate are left out, since they are
the figure's own attributes.  :func:`predicate` reads it, :func:`own_words` the words of a clause
without them; the word classes it walks are those of :mod:`builder.extract.counted`.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..text.document import Document
from ..text.lexicon import word_frequency
from ..text.numbers import find_numbers
from .counted import _AREA, _AUXILIARY, _COPULA, _DEMONSTRATIVE, _FILLERS, _GLUED_LIGHT, _K, _LETTERS, _PARTICIPLE, _PASSIVE, _PERFECT, _PREPOSITIONS, _PREVERB, _PUNCT, _area_stem, _linker, _next, _tokens, is_finite, relative_clause
from .tokens import is_function_word, is_light_verb, is_past_stem


_MAX_PREDICATE = 16


class Predicate(NamedTuple):
    """The rest of a figure's clause: complement words, the verb's non-verbal part as a participle."""
    complement: str  # «به خانواده‌هایشان», «در مرکز نگهداری»
    verbal: str  # «شناسایی و جمع‌آوری شده», «تحت پوشش»
    copula: bool  # the verb is «است/هستند/بود»: the complement says what they are
    object: str  # the figure is the verb's object: the words of its noun phrase before «را» («این نهاد»), or ""
    verb: str  # the verb as written («تشکیل می‌دهند» gives «می‌دهند»)
    end: int


# light-verb parts that say nothing of what is counted; «خبر داد» only reports it
# the first word of a compound non-verbal part: «صاحب شغل», «مورد حمایت», «تحت پوشش»
_COMPOUND_HEADS = frozenset(_K(w) for w in ("صاحب", "مورد", "تحت", "زیر", "دارای", "فاقد"))
_PERFORMED = re.compile(_K("رساند") + "|" + _K("می‌رساند") + "|" + _K("رسید"))  # after «به انجام»
_FUTURE = frozenset(_K(w) for w in ("خواهد", "خواهند", "خواهیم", "خواهم", "خواهی", "خواهید"))  # the future's auxiliary
_NON_VERBAL = frozenset(_K(w) for w in ("قرار", "انجام", "صورت", "خبر", "وجود"))  # «… وجود دارد»: they are there


def _verb_ahead(doc: Document, pos: int, limit: int) -> bool:
    """A finite verb follows within a clause's length, before any punctuation or «که»."""
    for i, m in enumerate(_tokens(doc, pos, limit)):
        if m.group() in _PUNCT or _K(m.group()) == _K("که") or i > _MAX_PREDICATE:
            return False
        if is_finite(m.group()):
            return True
    return False


def predicate(doc: Document, pos: int, limit: int, open_end: bool = False) -> Predicate | None:
    """The clause's verb after a figure and the words before it, or None when none is found.

    The clause ends at «که», at punctuation (a comma only after a verb-less stretch of a
    list: «برای توانمندسازی، آموزش و … هزینه شده») or at ``limit``, where the next figure
    starts; a verb further than ``_MAX_PREDICATE`` words away belongs to another clause.  A
    passive verb (شد، شدند، می‌شوند، گردید) turns its non-verbal part into a participle
    («شناسایی … شده»).  With ``open_end`` (``limit`` is the end of a sentence that a scraped
    page cut off) the words read are the predicate even without a verb.
    """
    words: list[re.Match] = []
    object_words: list[str] = []
    obj = False
    commas = 0
    for m in _tokens(doc, pos, limit):
        w, k = m.group(), _K(m.group())
        if w in "«»\"()":
            continue  # a name in guillemets inside the clause («کارت حمایت تحصیلی»), «کمیته امداد امام خمینی (ره)»
        if w in "،," and commas == 0 and (words or _verb_ahead(doc, m.end(), limit)):
            commas += 1  # «… هزینه شده»; «۱۳۹۲ نوزاد، از مادران … به دنیا آمده‌اند»: the subject set off by a comma
            continue
        if w in _PUNCT or k == _K("که"):
            return None
        if k == _K("را"):
            obj = True
            object_words, words = [m.group() for m in words], []  # «۴۵ درصد مددجویان این نهاد را …»
            continue
        if k in _PREVERB:
            continue
        verb = is_finite(w) and not (_PARTICIPLE.search(k) and k not in _PASSIVE | _COPULA) and not k.endswith(_K("شده")) \
            or k in _PASSIVE
        nxt = _next(doc, m.end(), limit)
        clause_end = nxt is None or nxt.group() in _PUNCT or _K(nxt.group()) in (_K("که"), _K("و"))
        if not verb and clause_end and not is_function_word(w) and len(k) > 2 \
                and (is_past_stem(k) or (k.startswith(("ب", "می")) and is_finite(w[1:] if k.startswith("ب") else w))):
            verb = True  # «… به ۲۴۰۰ نفر رسید.», «… برسد»: a bare past stem or subjunctive ending the clause
        # «شناسایی‌شده» ending the clause, or a perfect that dropped its auxiliary before a comma («به ثبت رسیده، تصریح کرد»)
        participle = len(k) > 4 and (
            k.endswith(_K("شده")) and (nxt is None or nxt.group() in _PUNCT or _K(nxt.group()) in _AUXILIARY | {_K("که"), _K("و")})
            or _PARTICIPLE.search(k) is not None and (words or "\u200c" in w) and nxt is not None
            and (nxt.group() in "،,؛;" or _K(nxt.group()) == _K("و") and _PARTICIPLE.search(k).group().endswith(_K("ه"))))  # «… افزایش یافته و …»
        if verb and k not in _COPULA | _PASSIVE and nxt is not None and _K(nxt.group()) in _PASSIVE:
            words.append(m)  # «سپرده شدند»: the participle is the verb's non-verbal part
            continue
        if verb or participle:
            return _assemble(doc, words, m, obj, participle and not verb)._replace(object=" ".join(object_words))
        words.append(m)
        if len(words) > _MAX_PREDICATE:
            return None
    if open_end and words:
        said = _without_places(doc, words)  # «افتتاح ۲۰۴ واحد … در گلستان»: where it is, is the place
        return Predicate(" ".join(m.group() for m in said if _K(m.group()) not in _FILLERS), "", False,
                         " ".join(object_words), "", words[-1].end())
    return None


def after_relative(doc: Document, pos: int, sent_end: int) -> Predicate | None:
    """The main clause's predicate when a relative clause set off by a comma comes between it and the
    figure («۴۵ هزار خانوار که معادل ۸۰ هزار نفر هستند، تحت حمایت کمیته امداد هستند»), or None.

    The relative clause must end in a finite verb before its comma; the predicate read after the comma
    stops at the next figure, whose clause it is not."""
    that = _next(doc, pos, sent_end)
    comma = re.compile(r"[،,]").search(doc.text, pos, sent_end)
    if that is None or _K(that.group()) != _K("که") or comma is None or not relative_clause(doc, that.end(), comma.start()) \
            or any(_K(m.group()) == _K("که") for m in _tokens(doc, that.end(), comma.start())):
        return None
    figure = next((n for n in find_numbers(doc.text[comma.end():sent_end]) if n.kind != "ordinal"), None)
    return predicate(doc, comma.end(), comma.end() + figure.start if figure is not None else sent_end)


def own_words(doc: Document, start: int, end: int) -> str:
    """An item's own words before the joiner that leads to the next item of its list («به صورت
    نقدی، …»), without fillers, places and amounts."""
    tokens = list(_tokens(doc, start, end))
    cut = max((i for i, m in enumerate(tokens) if m.group() in "،," or _K(m.group()) == _K("و")), default=-1)
    words = [m for m in tokens[:cut] if m.group() not in _PUNCT and _K(m.group()) not in _FILLERS] if cut >= 0 else []
    return " ".join(m.group() for m in _without_amounts(_without_places(doc, words)))


_LIGHT_VERBS = frozenset(_K(w) for w in (
    "کردند", "کردیم", "کرده", "می‌کنند", "می‌کند", "کنند", "دارند", "دارد", "داشتند", "داشت", "داشته",
    "داریم", "داشتیم", "داشته‌ایم", "دادیم", "داده‌ایم", "گرفتیم", "کرده‌ایم",
    "گرفت", "گرفتند", "گرفته", "می‌گیرند", "نمودند", "نمود", "دادند", "داد", "داده", "می‌دهند", "می‌دهد",
    "یافت", "یافتند", "یافته", "رسید", "رسیدند", "رسیده", "می‌رسد",
))


_TAKE = re.compile(r"(?:گرفت|گیر)")  # «قرار گرفتند / می‌گیرند»
_REACH = re.compile(r"(?:ب|می|نمی)?رس(?:ید|د|یده|یدند|ند)$")  # «… به ۷۸ کودک می‌رسید»: says how many, not what


def verbal_is_compound(verbal: list[str]) -> bool:
    """The words before the verb already say what happened (they end in a participle)."""
    return bool(verbal) and _PARTICIPLE.search(_K(verbal[-1])) is not None


_WHERE = frozenset(_K(w) for w in ("در", "از"))
_EVERYWHERE = frozenset(_K(w) for w in ("سطح", "سراسر", "کل"))


def _without_places(doc: Document, words: list[re.Match]) -> list[re.Match]:
    """The words without what only says where («در شهرستان میبد», «در سطح استان», «در این استان»):
    the figure's place is an attribute of its own.  Words that say which ones stay: «در مدارس
    قزوین» keeps «در مدارس»; a place inside a name («کمیته امداد سمنان») is the name's; a complement
    after the place («… در استان ایلام زیر پوشش کمیته امداد») is a phrase of its own."""
    names = [(x.start, x.end) for x in doc.mentions if x.kind in ("organization", "program")]
    places = [(x.start, x.end) for x in doc.mentions if x.kind == "place"
              and not any(s <= x.start and x.end <= e for s, e in names)]
    out: list[re.Match] = []
    segment: list[re.Match] = []

    def in_place(m: re.Match) -> bool:
        return any(s < m.end() and m.start() < e for s, e in places)

    def flush():
        where = bool(segment) and _K(segment[0].group()) in _WHERE and (
            any(in_place(m) for m in segment)
            or (len(segment) >= 2 and _K(segment[1].group()) in _EVERYWHERE | _AREA)
            or (len(segment) > 2 and _K(segment[1].group()) in _DEMONSTRATIVE and _K(segment[2].group()) in _AREA))
        if not where:
            out.extend(segment)
        else:
            which = [m for m in segment[1:] if not in_place(m)
                     and _area_stem(m.group()) not in _EVERYWHERE | _AREA | _DEMONSTRATIVE]
            while which and is_function_word(which[0].group()):
                which.pop(0)
            while which and is_function_word(which[-1].group()):
                which.pop()
            if which and which[0].start() < min((m.start() for m in segment if in_place(m)), default=len(doc.text)):
                out.extend([segment[0], *which])  # «در مدارس قزوین»: the schools say which ones
        segment.clear()

    for m in words:
        if _K(m.group()) in _PREPOSITIONS or _linker(doc, m.start(), len(doc.text)) is not None:
            flush()
        segment.append(m)
    flush()
    return out


_AMOUNT_HEADS = frozenset(_K(w) for w in ("مبلغ", "ارزش", "اعتبار", "هزینه", "رقم"))


def _without_amounts(words: list[re.Match]) -> list[re.Match]:
    """The words without an amount said inside the clause («به مبلغ ۲۵ میلیون ریال», «ماهانه ۱۴۰۰ هزار
    ریال»): a figure of its own."""
    words = _without_money(words)
    out: list[re.Match] = []
    skipping = False
    for i, m in enumerate(words):
        k = _K(m.group())
        if k in (_K("به"), _K("با")) and i + 1 < len(words) and _K(words[i + 1].group()) in _AMOUNT_HEADS:
            skipping = True
        elif skipping and (k in _PREPOSITIONS or _LETTERS.search(m.group()) and not find_numbers(m.group())
                           and k not in _AMOUNT_HEADS and k not in _MONEY_WORDS and k != _K("و")):
            skipping = False
        if not skipping:
            out.append(m)
        elif k in _MONEY_WORDS:
            skipping = False
    return out


_MONEY_WORDS = frozenset(_K(w) for w in ("ریال", "تومان"))


def _without_money(words: list[re.Match]) -> list[re.Match]:
    """The words without a sum of money written in them: its number words and its unit."""
    out: list[re.Match] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and (find_numbers(words[j].group()) or _K(words[j].group()) == _K("و") and j > i):
            j += 1
        if j > i and j < len(words) and _K(words[j].group()) in _MONEY_WORDS:
            i = j + 1  # «یک‌میلیون و چهارصد هزار ریال»
            continue
        out.append(words[i])
        i += 1
    return out


def _assemble(doc: Document, words: list[re.Match], verb: re.Match, obj: bool, glued: bool) -> Predicate:
    k = _K(verb.group())
    nxt_end = verb.end()
    nxt = _next(doc, verb.end(), len(doc.text))
    if nxt is not None and _K(nxt.group()) in _AUXILIARY | _PASSIVE:
        nxt_end = nxt.end()  # «شده است», «کرده اند»: one verb
    # «مورد ساماندهی قرار گرفتند» is «ساماندهی شدند»; «تحت پوشش قرار گرفتند» is «تحت پوشش»
    placed = bool(words) and _K(words[-1].group()) == _K("قرار") and _TAKE.search(k) is not None
    if placed:
        words = words[:-1]
    # the verb's non-verbal part: the last word before it, and one joined to it by «و» («شناسایی و جمع‌آوری»)
    kept = [m for m in words if _K(m.group()) not in _FILLERS and _K(m.group()) not in _FUTURE]  # «افتتاح خواهد شد»
    verbal: list[str] = []
    head = next((i for i in range(len(kept) - 1, max(-1, len(kept) - 5), -1) if _K(kept[i].group()) in _COMPOUND_HEADS), None)
    if placed and head is not None:  # «مورد غربالگری شنوایی قرار گرفتند»: all of it is the action
        verbal, kept = [m.group() for m in kept[head:]], kept[:head]
    elif kept and not is_function_word(kept[-1].group()) and not (glued and "\u200c" in verb.group()):  # «گزارش‌شده» holds its own
        verbal.insert(0, kept.pop().group())
        if kept and not is_function_word(kept[-1].group()) and _K(verbal[0]).startswith(_K("ها")):  # «خانواده هایشان» written apart
            verbal.insert(0, kept.pop().group())
        if len(kept) >= 2 and _K(kept[-1].group()) == _K("و") and not is_function_word(kept[-2].group()):
            verbal[:0] = [kept.pop(-2).group(), kept.pop().group()]
        if kept and _K(kept[-1].group()) in _COMPOUND_HEADS:  # «صاحب شغل شدند», «مورد حمایت هستند»
            verbal.insert(0, kept.pop().group())
    kept = [m.group() for m in _without_amounts(_without_places(doc, kept))]
    if [_K(w) for w in kept[-1:] + verbal] == [_K("به"), _K("انجام")] and _PERFORMED.match(k):
        # «… ۲۶۴ مورد پذیرش را به انجام رسانده است»: it was done, which says nothing of what
        return Predicate(" ".join(kept[:-1]), "", False, "", doc.text[verb.start():nxt_end], nxt_end)
    verbal = [w for w in verbal if _K(w) not in _NON_VERBAL]
    if len(verbal) == 1 and _REACH.match(_K(verbal[0])) and _K(verb.group()) in _AUXILIARY:
        verbal = []  # «… به ۴۶۰ نفر رسیده است»: a perfect that says how many, not what
    passive = k in _PASSIVE
    if placed and verbal and _K(verbal[0]) == _K("مورد"):
        verbal, passive = verbal[1:], True
    copula = k in _COPULA
    if not passive and not copula and not placed and _PERFECT.search(k):  # «از تحصیل بازمانده‌اند»: the verb says it
        if verbal:
            kept.extend(verbal)
        verbal = [re.sub(r"[\u200c\s]*(?:اند|است|ایم|اید|بود|بودند)$", "", verb.group())]
    compound = _GLUED_LIGHT.match(k) if word_frequency(verb.group()) is None else None
    if compound and (copula or not word_frequency(compound.group(1))):
        compound = None  # «می‌باشد» is not «میبا» + «شد»
    if glued:
        if verbal or not _REACH.match(k):  # «… به ۵۱۵ نفر رسیده است»: says how many, not what
            verbal.append(verb.group())
    elif compound:
        verbal = [compound.group(1)]  # «ذکرکرد»: the non-verbal part of a compound whose space the page lost
    elif passive and verbal:
        verbal.append("شده")
    elif not passive and not copula and not _PERFECT.search(k) and not is_light_verb(verb.group()) \
            and k not in _LIGHT_VERBS and not _REACH.match(k) and not verbal_is_compound(verbal):
        verbal.append(verb.group())  # «به مدرسه بازگشتند»: the verb itself says what happened
    complement = " ".join(kept)
    return Predicate(complement, " ".join(verbal), copula, "", doc.text[verb.start():nxt_end], nxt_end)
