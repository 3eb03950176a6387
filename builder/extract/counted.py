"""What a figure counts, as the article says it.

A figure's noun is often not enough to use it: «۴۲ نفر» (42 of whom?), «۳۵ درصد» (of what,
being what?), «۱۲۰۰ تماس» (about what?).  This module reads, around one figure, the words
that say what is counted, in the genre's patterns:

* the **counted noun phrase** after the number (:func:`noun_phrase`), read through a
  partitive «از» after a classifier or «درصد» («۳۰ نفر از دانش‌آموزان بازمانده»);
* its **modifiers** (:func:`modifiers`): participles («شناسایی‌شده», «مراجعه‌کننده»),
  complements that say which ones («تحت پوشش …», «در ارتباط با …», «درباره …», «مربوط به …»,
  «بازمانده از …»), and a short relative clause («که از اتباع هستند»);
* the **predicate** of its clause (:func:`predicate`) when the figure is its subject or
  object: «… شناسایی و جمع‌آوری شدند» makes «شناسایی و جمع‌آوری شده»; a copula keeps its
  complement («… از اتباع هستند»);
* **back-references** (:func:`refers_back`): «از این تعداد», «آنان», «این افراد» and a
  classifier or the same noun after them count the previous figure's group;
* the **topic** of a clause whose predicate the figure is («آمار بازماندگان از تحصیل … ۱۵
  هزار نفر برآورد شده است», :func:`topic`).

:mod:`builder.extract.statistics` puts these together into a subject, a population,
a measure and, for shares, a part and a whole.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document
from ..numbers import find_numbers
from ..patterns import GAP
from ..textkey import key
from .tokens import is_function_word, is_light_verb, is_past_stem, is_stop, is_verb

TOKEN = re.compile(r"[^\s\u200c،,.:؛;!؟?()«»\"]+(?:\u200c[^\s\u200c،,.:؛;!؟?()«»\"]+)*|[،,.:؛;!؟?()«»\"]")
_PUNCT = frozenset("،,.:؛;!؟?()«»\"")
_SUBJECT_WORDS = 6
_K = key

# classifiers: they say how a count is counted, not what («۴۲ نفر», «۸۰۰ مورد», «۵ فقره»)
CLASSIFIERS = frozenset(_K(w) for w in ("نفر", "تن", "مورد", "فقره", "عدد", "نوبت", "مورد"))
# a partitive «از» after a measure word: «۶۵۰ هزار نفر از افراد دارای معلولیت», «۳۰ درصد از کودکان»
_PARTITIVE_HEADS = frozenset(_K(w) for w in ("نفر", "مورد", "فقره", "تن"))
_PREPOSITIONS = frozenset(_K(w) for w in ("از", "در", "به", "با", "برای", "توسط", "طی", "تا", "بر", "را", "که"))
_DEMONSTRATIVE = frozenset(_K(w) for w in ("این", "آن", "همین"))
# an age after the counted noun belongs to it: «کودک ۳ تا ۶ ساله», «نوجوان ۱۵ ساله»
_AGE_MODIFIER = re.compile(
    rf"(?:[0-9۰-۹]+(?:{GAP}(?:تا|-){GAP}[0-9۰-۹]+)?{GAP}ساله"
    rf"|(?:زیر|بالای|کمتر{GAP}از|بیش{GAP}از){GAP}[0-9۰-۹]+{GAP}سال)(?![\w\u200c])")
# time words end a counted noun phrase: «۹۶ کودک سال گذشته …» counts children, not years
TIME_WORDS = _TIME_WORDS = frozenset(_K(w) for w in (
    "سال", "سالهای", "ماه", "روز", "هفته", "امسال", "پارسال", "امروز", "دیروز", "اخیر", "جاری", "گذشته",
    "طی", "تاکنون", "هم‌اکنون", "اکنون",
))
_LETTERS = re.compile(r"[\u0620-\u06D3A-Za-z]")
_PERSIAN = re.compile(r"[\u0620-\u06D3]")


class Words(NamedTuple):
    """Words read from the text: as written (joined by spaces) and where the reading ended."""
    text: str
    end: int


def _tokens(doc: Document, pos: int, limit: int):
    return TOKEN.finditer(doc.text, pos, limit)


def _next(doc: Document, pos: int, limit: int) -> re.Match | None:
    return TOKEN.search(doc.text, pos, limit)


def _ezafe(word: str) -> bool:
    """A plural or «ی» form that takes a following noun: «تماس‌های امسال», not «کودک | سال گذشته»."""
    return _K(word).endswith((_K("های"), _K("هایی")))


def is_finite(w: str) -> bool:
    """A verb form: hazm's, a copula or passive, a glued perfect («بازمانده‌اند»), or a plural past
    of a prefixed verb hazm's lemmatiser misses («بازگشتند»)."""
    k = _K(w)
    if is_verb(w) or k in _COPULA or k in _PASSIVE or _PERFECT.search(k):
        return True
    return k.endswith(("ند", "ید")) and len(k) > 5 and is_past_stem(k[:-2])


def _names_start(doc: Document, pos: int) -> bool:
    """A place, person or organisation is named at ``pos``: the next item of a list, not a noun's."""
    return any(m.start == pos and m.kind in ("place", "person", "organization") for m in doc.mentions)


def _is_word(w: str) -> bool:
    return bool(_LETTERS.search(w)) and not re.search(r"[0-9۰-۹&]", w)


# «… ۱۷۷ پسر و افزون بر این …», «و علاوه بر این»: the sentence goes on, no noun is joined
_CONNECTORS = frozenset(_K(w) for w in ("افزون", "علاوه", "همچنین", "ضمنا", "ضمناً", "سپس", "نیز"))


def _a_number(word: str) -> bool:
    """The word is a number, not a word that begins with one («سه‌قلو», «دوقلو», «چهارراه»)."""
    return any(n.start == 0 and n.end == len(word) for n in find_numbers(word))


def noun_phrase(doc: Document, start: int, limit: int, percent: bool = False) -> Words:
    """The noun phrase after a number: words until a function word, verb, punctuation or number.

    A superlative («بیشترین») ends it: it qualifies the noun after it.  After a
    measure word (and right after «درصد») a partitive «از» is read through, and after
    «درصد» a demonstrative too («۶۴ درصد این کودکان»): what is counted follows them.
    """
    words: list[tuple[str, int]] = []
    head_next = True  # the next word heads a noun phrase: only a function word refuses it
    pos = start
    while (m := _next(doc, pos, limit)) is not None:
        pos, w = m.end(), m.group()
        if words and (age := _AGE_MODIFIER.match(doc.text, m.start(), limit)):  # «کودک ۳ تا ۶ ساله», «دختر زیر ۱۵ سال»
            words.append((age.group(), age.end()))
            pos = age.end()
            continue
        if not _is_word(w) or _a_number(w) or (words and _K(w) in _TIME_WORDS and not _ezafe(words[-1][0])):
            break
        comparative = words and _K(words[-1][0]).endswith(_K("تر")) and len(_K(words[-1][0])) > 3  # «بالاتر از …»
        if _K(w) == _K("از") and words and (_K(words[-1][0]) in _FROM_HEADS or comparative) and head_next is False:
            nxt = _next(doc, pos, limit)
            if nxt and _is_word(nxt.group()) and not is_function_word(nxt.group()) and not find_numbers(nxt.group()):
                words.append((w, m.end()))  # «بازمانده از تحصیل»: the word takes «از»
                continue
        measure = percent and not words or len(words) == 1 and _K(words[0][0]) in _PARTITIVE_HEADS
        if measure and head_next is not None and (_K(w) == _K("از") or percent and not words and _K(w) in _DEMONSTRATIVE):
            nxt = _next(doc, pos, limit)
            if nxt and _PERSIAN.search(nxt.group()) and not is_function_word(nxt.group()) \
                    and _K(nxt.group()) not in _STAT_NOUNS:
                head_next = None  # read through once
                continue
        if _K(w) == _K("دار") and words:  # «مجوز دار», «معلولیت دار»: the suffix written apart
            words.append((w, m.end()))
            continue
        if _K(w) == _K("غیر") and words:  # «کودک غیر ایرانی»: a negated adjective
            nxt = _next(doc, m.end(), limit)
            if nxt and _is_word(nxt.group()) and not is_function_word(nxt.group()):
                words.append((w, m.end()))
                continue
        if _K(w) == _K("و"):
            nxt = _next(doc, m.end(), limit)
            if nxt and words and not is_stop(nxt.group()) and not is_verb(nxt.group()) and not find_numbers(nxt.group()) \
                    and not _names_start(doc, nxt.start()) and _K(nxt.group()) not in _CONNECTORS \
                    and not (len(words) == 1 and _K(words[0][0]) in CLASSIFIERS):  # «۲۱ هزار نفر و کمپ‌ها …»
                words.append((w, m.end()))
                continue
            break
        glued = len(_K(w)) > 4 and _K(w).endswith(_K("شده")) and not _finite_after(doc, m.end(), limit)
        if not glued and (is_finite(w) or (words and _K(w) in (_K("شده"), _K("شد"))) or _K(w) in _PREVERB):
            if len(words) >= 2 and not _PARTICIPLE.search(_K(words[-1][0])) and _K(w) not in _COPULA:
                words.pop()  # «کودک کار شناسایی | شدند»: the verb's non-verbal part, not the counted noun's
            break
        # hazm's stop words include counted nouns («مورد», «نفر»): a head noun is only refused if it is a function word
        if (is_function_word(w) if head_next is not False else is_stop(w) or _K(w) in _PREPOSITIONS) \
                or (words and _K(w).endswith(_K("ترین"))):
            break
        words.append((w, m.end()))
        head_next = False
        if len(words) >= _SUBJECT_WORDS:
            break
    while words and _K(words[-1][0]) == _K("و"):
        words.pop()
    if not words:
        return Words("", start)
    return Words(" ".join(w for w, _ in words), words[-1][1])


# -- modifiers after the counted noun ------------------------------------------------------

# complements that say which ones: each is followed by a noun phrase (or stands alone)
_LINKERS = tuple(sorted((tuple(_K(w) for w in phrase.split()) for phrase in (
    "تحت پوشش", "زیر پوشش", "زیرپوشش", "تحت حمایت", "تحت نظارت", "زیر نظر", "زیر نظارت", "تحت آموزش",
    "تحت سرپرستی", "در ارتباط با", "مربوط به", "مرتبط با", "درباره", "در خصوص", "در زمینه", "در حوزه",
    "شامل", "ویژه", "دارای", "فاقد", "منجر به", "نیازمند", "متقاضی", "مراجعه کننده به", "مراجعه‌کننده به",
    "بهره مند از", "بهره‌مند از", "بهرهمند از", "برخوردار از", "استفاده کننده از", "استفاده‌کننده از",
    "بازمانده از", "بازماندگان از", "ناشی از", "پیش از موعد", "خارج از", "واجد شرایط", "در نوبت",
    "در معرض", "مشغول به", "مشغول", "متعلق به", "در انتظار", "با سابقه", "زیر", "بالای", "از طریق",
    "در مراکز", "در مرکز", "در خانه‌های", "در خانه", "در کمپ‌های", "در کمپ", "در گرمخانه", "در مدارس",
    "در مدرسه", "در سامانه", "با خط", "با سامانه", "با اورژانس", "به اورژانس", "با مرکز", "به مراکز",
    "برای",
)), key=len, reverse=True))
# words that take «از» («بازمانده از تحصیل», «برخوردار از خدمات»): «از» after them is their complement
_FROM_HEADS = frozenset(_K(w) for w in (
    "بازمانده", "بازماندگان", "برخوردار", "بهره‌مند", "بهرهمند", "استفاده‌کننده", "ناشی", "پیش", "خارج", "محروم",
    "دور", "جدا", "رها", "آزاد", "برآمده", "حمایت", "جامانده", "جا‌مانده",
))
# an age group after the counted noun: «در سنین ۶ تا ۱۱ سال», «در گروه سنی زیر ۱۵ سال», «با سن بالای ۶۰ سال»
_AGE_GROUP = re.compile(
    rf"(?:در|با)[\s\u200c]+(?:سنین|سن|گروه{GAP}سنی|رده{GAP}سنی)[\s\u200c]+"
    rf"(?:(?:زیر|بالای|کمتر{GAP}از|بیش{GAP}از|بین)[\s\u200c]+)?[0-9۰-۹]+"
    rf"(?:{GAP}(?:تا|و|-){GAP}[0-9۰-۹]+)?{GAP}(?:سالگی|ساله|سال)(?![\w\u200c])")
# «۸۴۰ تماس به ازای هر ۱۰۰ هزار نفر»: a per-capita figure says its base
_PER_HEAD = re.compile(rf"به{GAP}ازای{GAP}هر{GAP}(?:[0-9۰-۹]+{GAP}(?:هزار|میلیون)?{GAP})?[^\s\u200c،,.:؛;]+")
# participles and adjectives that end a word: «شناسایی‌شده», «مراجعه‌کننده», «آسیب‌دیده», «بهبودیافته»
_PARTICIPLE = re.compile(r"(?:شده|کننده|کنندگان|دیده|دیدگان|یافته|یافتگان|گرفته|رسیده)$")
_PASSIVE = frozenset(_K(w) for w in (
    "شد", "شدند", "شده", "شده‌اند", "شده‌است", "شود", "شوند", "می‌شود", "می‌شوند", "می‌شد", "می‌شدند",
    "گردید", "گردیدند", "گردیده", "گردد", "می‌گردد", "شده‌بود", "شده‌بودند", "شدن",
))
_COPULA = frozenset(_K(w) for w in (
    "است", "هستند", "هست", "بود", "بودند", "بوده", "باشد", "باشند", "می‌باشد", "می‌باشند", "اند", "نیست",
    "نیستند", "بوده‌اند", "بوده‌است",
))
_AUXILIARY = frozenset(_K(w) for w in ("است", "اند", "بود", "بودند", "باشد", "باشند"))
_PREVERB = frozenset(_K(w) for w in ("می", "نمی"))
# words of a clause that say nothing about what is counted
FILLERS = _FILLERS = frozenset(_K(w) for w in (
    "را", "نیز", "هم", "تاکنون", "هم‌اکنون", "اکنون", "حاضر", "فقط", "تنها", "حدود", "حدودا", "تقریبا",
    "همچنین", "همچنان", "خود", "خودش", "ما", "عمدتا", "عمدتاً", "غالبا", "بیشتر",
    # how often, said of the verb: «۲۵۲۰ خانوار نیز ماهیانه از کمک‌هزینه … بهره‌مند می‌شوند»
    "ماهانه", "ماهیانه", "سالانه", "سالیانه",
))
_MAX_PREDICATE = 16
_MAX_RELATIVE = 16
# a perfect written glued («بازمانده‌اند», «کرده‌است»): hazm's lemmatiser does not know it
_PERFECT = re.compile(r"..ه(?:اند|است|ایم|اید|بود|بودند)$")


def _linker(doc: Document, pos: int, limit: int) -> tuple[str, int] | None:
    """A complement word group starting at ``pos`` («تحت پوشش», «در ارتباط با»): (as written, end)."""
    toks = []
    p = pos
    for _ in range(3):
        m = _next(doc, p, limit)
        if m is None or m.group() in _PUNCT:
            break
        toks.append(m)
        p = m.end()
    keys = tuple(_K(t.group()) for t in toks)
    for phrase in _LINKERS:
        if keys[:len(phrase)] == phrase:
            last = toks[len(phrase) - 1]
            return doc.text[toks[0].start():last.end()], last.end()
    return None


def modifiers(doc: Document, pos: int, limit: int, head_words: int = 1, last: str = "", people: bool = False) -> Words:
    """Participles, complements and a short relative clause after a counted noun phrase.

    «… شناسایی‌شده», «… تحت پوشش کمیته امداد», «… در ارتباط با کودک‌آزاری», «… که از
    اتباع هستند», only after a short head: a long one already says which ones).  «از» is read
    after a word that takes it (``last``: «بازمانده از تحصیل») and after people (``people``:
    «۷۵۰ کودک از مدارس پویاشهر», «۴۱۷۹ دانش‌آموز از اتباع خارجی»).  Stops at anything else
    (a place phrase, a verb, punctuation).
    """
    parts: list[str] = []
    end = pos
    while True:
        m = _next(doc, end, limit)
        if m is None or m.group() in _PUNCT:
            break
        w = m.group()
        if _K(w) == _K("از") and (people or _K(last) in _FROM_HEADS) and not parts:
            phrase = noun_phrase(doc, m.end(), limit)
            if phrase.text and not _names_start(doc, _next(doc, m.end(), limit).start()):
                parts.append(f"از {phrase.text}")
                end = phrase.end
                continue
            break
        if _K(w) == _K("که"):
            rel = _relative(doc, m.end(), limit) if 1 <= head_words <= 3 and not parts else None
            if rel is None:
                if (skip := counted_clause_end(doc, m.end(), limit)) is not None:
                    end = skip  # «۴۰۰ مددجو که ۲۰۰ نفر از آنها معلول هستند، از خدمات …»: a clause of its own figure
                break
            parts.append(f"که {rel.text}")
            end = rel.end
            comma = _next(doc, end, limit)
            if comma is not None and comma.group() in "،,":
                end = comma.end()  # «… که … شده بودند، ساماندهی شدند»: the main clause goes on
                break
            continue
        age = _AGE_GROUP.match(doc.text, m.start(), limit)
        if age:  # «۴۵ درصد از این کودکان در سنین ۶ تا ۱۱ سال»: which ones, by age
            parts.append(age.group())
            end = age.end()
            continue
        per = _PER_HEAD.match(doc.text, m.start(), limit)
        if per:
            parts.append(per.group())
            end = per.end()
            continue
        link = _linker(doc, m.start(), limit)
        if link is not None:
            phrase = _before_verb(doc, _determined_phrase(doc, link[1], limit), limit)
            after = _next(doc, link[1], limit)  # None: the next figure starts at ``limit``
            if not phrase.text and (after is None and limit < len(doc.text) or after is not None and find_numbers(after.group())):
                break  # «۲۲۲ کودک شامل ۳۲ دختر …»: the parts are counts of their own
            shown = _before_place(doc, link[1], phrase)  # «در مدارس زنجان»: the town is the figure's place
            parts.append(f"{link[0]} {shown}".strip())
            end = phrase.end if phrase.text else link[1]
            continue
        if _is_word(w) and _PARTICIPLE.search(_K(w)) and len(_K(w)) > 4 and not _finite_after(doc, m.end(), limit):
            parts.append(w)
            end = m.end()
            continue
        break
    return Words(" ".join(parts), end)


_DETERMINERS = frozenset(_K(w) for w in ("سایر", "دیگر", "همه", "تمام", "تمامی", "برخی", "بعضی", "کلیه"))


def _determined_phrase(doc: Document, start: int, limit: int) -> Words:
    """A noun phrase, with a determiner before it («مربوط به سایر خشونت‌ها», «در کلیه مدارس»)."""
    phrase = noun_phrase(doc, start, limit)
    first = _next(doc, start, limit)
    if phrase.text or first is None or _K(first.group()) not in _DETERMINERS:
        return phrase
    rest = noun_phrase(doc, first.end(), limit)
    return Words(f"{first.group()} {rest.text}", rest.end) if rest.text else phrase


def _before_place(doc: Document, start: int, phrase: Words) -> str:
    """A complement's words up to a place it names that is no part of a name («مدارس | زنجان»)."""
    names = [(x.start, x.end) for x in doc.mentions if x.kind in ("organization", "program")]
    cut = min((x.start for x in doc.mentions if x.kind == "place" and start < x.start < phrase.end
               and not any(s <= x.start and x.end <= e for s, e in names)), default=None)
    if cut is None:
        return phrase.text
    return " ".join(m.group() for m in _tokens(doc, start, cut) if _area_stem(m.group()) not in _AREA)


def counted_clause_end(doc: Document, pos: int, limit: int) -> int | None:
    """Where a relative clause that counts something of its own ends, when a comma closes it and the
    main clause goes on («که ۲۰۰ نفر از آنها … هستند، …»): just after that comma, else None."""
    tokens = list(_tokens(doc, pos, limit))
    first = next(iter(tokens), None)
    if first is None or not find_numbers(first.group()):
        return None
    for i, m in enumerate(tokens[:_MAX_RELATIVE + 4]):
        if m.group() in "،,":
            return m.end() if i + 1 < len(tokens) and any(is_finite(t.group()) for t in tokens[i + 1:]) else None
        if m.group() in _PUNCT and m.group() not in "«»\"":
            return None
    return None


def _before_verb(doc: Document, phrase: Words, limit: int) -> Words:
    """A complement's noun phrase without a last word that is the next verb's own («در گرمخانه پذیرش |
    شده‌اند»: «پذیرش» belongs to the verb)."""
    nxt = _next(doc, phrase.end, limit)
    if not phrase.text or nxt is None or not is_finite(nxt.group()) or _K(nxt.group()) in _COPULA:
        return phrase  # «مربوط به سایر خشونت‌ها | می‌باشد»: a copula has no non-verbal part
    parts = phrase.text.rsplit(" ", 1)
    if len(parts) == 1:
        return Words("", doc.text.rfind(parts[0], 0, phrase.end))
    return Words(parts[0], doc.text.rfind(parts[1], 0, phrase.end))


def _finite_after(doc: Document, pos: int, limit: int) -> bool:
    """An auxiliary follows («شناسایی‌شده است»): the participle is the clause's verb, not a modifier."""
    m = _next(doc, pos, limit)
    return m is not None and _K(m.group()) in _AUXILIARY


def _relative(doc: Document, pos: int, limit: int) -> Words | None:
    """A short relative clause after «که», up to and with its verb («از اتباع هستند»), else None."""
    words = []
    for m in _tokens(doc, pos, limit):
        w = m.group()
        if w in "«»\"":
            continue  # a name in guillemets inside the clause («خانه امن»)
        if w in _PUNCT or find_numbers(w) or len(words) >= _MAX_RELATIVE:
            return None
        words.append(w)
        if _K(w) in _COPULA or _K(w) in _PASSIVE or (is_verb(w) and _K(w) not in _PREVERB and len(words) > 1):
            nxt = _next(doc, m.end(), limit)
            if nxt is not None and _K(nxt.group()) in _AUXILIARY | _PASSIVE:
                words.append(nxt.group())
                return Words(" ".join(words), nxt.end())
            return Words(" ".join(words), m.end())
    return None


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
_NON_VERBAL = frozenset(_K(w) for w in ("قرار", "انجام", "صورت", "خبر"))


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
        if w in "«»\"":
            continue  # a name in guillemets inside the clause («کارت حمایت تحصیلی»)
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


def own_words(doc: Document, start: int, end: int) -> str:
    """An item's own words before the joiner that leads to the next item of its list («به صورت
    نقدی، …»), without fillers, places and amounts."""
    tokens = list(_tokens(doc, start, end))
    cut = max((i for i, m in enumerate(tokens) if m.group() in "،," or _K(m.group()) == _K("و")), default=-1)
    words = [m for m in tokens[:cut] if m.group() not in _PUNCT and _K(m.group()) not in _FILLERS] if cut >= 0 else []
    return " ".join(m.group() for m in _without_amounts(_without_places(doc, words)))


_LIGHT_VERBS = frozenset(_K(w) for w in (
    "کردند", "کردیم", "کرده", "می‌کنند", "می‌کند", "کنند", "دارند", "دارد", "داشتند", "داشت", "داشته",
    "گرفت", "گرفتند", "گرفته", "می‌گیرند", "نمودند", "نمود", "دادند", "داد", "داده", "می‌دهند", "می‌دهد",
    "یافت", "یافتند", "یافته", "رسید", "رسیدند", "رسیده", "می‌رسد",
))


_REACH = re.compile(r"(?:ب|می|نمی)?رس(?:ید|د|یده|یدند|ند)$")  # «… به ۷۸ کودک می‌رسید»: says how many, not what


def verbal_is_compound(verbal: list[str]) -> bool:
    """The words before the verb already say what happened (they end in a participle)."""
    return bool(verbal) and _PARTICIPLE.search(_K(verbal[-1])) is not None


_WHERE = frozenset(_K(w) for w in ("در", "از"))
_EVERYWHERE = frozenset(_K(w) for w in ("سطح", "سراسر", "کل"))
_AREA = frozenset(_K(w) for w in ("استان", "کشور", "شهر", "شهرستان", "منطقه", "مناطق", "کلانشهر", "کلان‌شهر"))


def _area_stem(word: str) -> str:
    """«شهرستان‌های» → «شهرستان»: an area noun in the plural is still one."""
    k = _K(word)
    for suffix in (_K("های"), _K("ها")):
        if k.endswith(suffix) and k[:-len(suffix)] in _AREA:
            return k[:-len(suffix)]
    return k


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
    # the verb's non-verbal part: the last word before it, and one joined to it by «و» («شناسایی و جمع‌آوری»)
    kept = [m for m in words if _K(m.group()) not in _FILLERS]
    verbal: list[str] = []
    if kept and not is_function_word(kept[-1].group()) and not (glued and "\u200c" in verb.group()):  # «گزارش‌شده» holds its own
        verbal.insert(0, kept.pop().group())
        if kept and not is_function_word(kept[-1].group()) and _K(verbal[0]).startswith(_K("ها")):  # «خانواده هایشان» written apart
            verbal.insert(0, kept.pop().group())
        if len(kept) >= 2 and _K(kept[-1].group()) == _K("و") and not is_function_word(kept[-2].group()):
            verbal[:0] = [kept.pop(-2).group(), kept.pop().group()]
        if kept and _K(kept[-1].group()) in _COMPOUND_HEADS:  # «صاحب شغل شدند», «مورد حمایت هستند»
            verbal.insert(0, kept.pop().group())
    kept = [m.group() for m in _without_amounts(_without_places(doc, kept))]
    verbal = [w for w in verbal if _K(w) not in _NON_VERBAL]
    if len(verbal) == 1 and _REACH.match(_K(verbal[0])) and _K(verb.group()) in _AUXILIARY:
        verbal = []  # «… به ۴۶۰ نفر رسیده است»: a perfect that says how many, not what
    passive = k in _PASSIVE
    copula = k in _COPULA
    if not passive and not copula and _PERFECT.search(k):  # «از تحصیل بازمانده‌اند»: the verb says it
        if verbal:
            kept.extend(verbal)
        verbal = [re.sub(r"[\u200c\s]*(?:اند|است|ایم|اید|بود|بودند)$", "", verb.group())]
    if glued:
        if verbal or not _REACH.match(k):  # «… به ۵۱۵ نفر رسیده است»: says how many, not what
            verbal.append(verb.group())
    elif passive and verbal:
        verbal.append("شده")
    elif not passive and not copula and not _PERFECT.search(k) and not is_light_verb(verb.group()) \
            and k not in _LIGHT_VERBS and not _REACH.match(k) and not verbal_is_compound(verbal):
        verbal.append(verb.group())  # «به مدرسه بازگشتند»: the verb itself says what happened
    complement = " ".join(kept)
    return Predicate(complement, " ".join(verbal), copula, "", doc.text[verb.start():nxt_end], nxt_end)


# -- back-references and topics --------------------------------------------------------------

_STAT_NOUNS = frozenset(_K(w) for w in ("تعداد", "شمار", "آمار", "میزان", "رقم", "عدد", "مجموع", "جمع", "میان", "بین"))
_GROUP_NOUNS = frozenset(_K(w) for w in (
    "افراد", "تعداد", "عده", "دسته", "گروه", "موارد", "میان", "جمع", "مجموع", "شمار", "رقم", "آمار", "عدد", "میزان"))
_PRONOUNS = frozenset(_K(w) for w in ("آنها", "آنان", "آن", "اینها", "ایشان", "آن‌ها", "این‌ها"))
# «از این تعداد», «از این میان», «از آنان», «از این تعداد کودک کار،» before a figure
_BACK_BEFORE = re.compile(
    rf"(?:از|در)[\s\u200c]+(?:(?:این|آن|همین){GAP}(?:تعداد|میان|افراد|عده|جمع|مجموع|رقم|موارد)|آنان|آنها|آن{GAP}ها|این{GAP}ها)"
    rf"(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+){{0,3}}{GAP}[،,]?{GAP}$")


def refers_back_before(doc: Document, clause_start: int, start: int) -> bool:
    """The words before a figure send it back to the previous figure («از این تعداد ۱۷ مورد»)."""
    return _BACK_BEFORE.search(doc.text[max(clause_start, start - 60):start]) is not None


def refers_back(words: str) -> bool:
    """A noun phrase that only points back: «این تعداد», «آنان», «این افراد», «این دسته از افراد»."""
    ks = [_K(w) for w in words.split()]
    if not ks:
        return False
    if ks[0] in _PRONOUNS and len(ks) == 1:
        return True
    if ks[0] in _DEMONSTRATIVE:
        return len(ks) == 1 or ks[1] in _GROUP_NOUNS
    return ks[0] in _GROUP_NOUNS and len(ks) == 1


def pronoun_after(doc: Document, pos: int, limit: int) -> tuple[int, str] | None:
    """«۷۲۲ نفر آنان», «۳۷ هزار خانوار آن», «۸۰ نفر از این تعداد», «۳۲ نفر از این کودکان»:
    (where the pointer ends, the noun it names or ""), else None."""
    m = _next(doc, pos, limit)
    if m is None:
        return None
    p = m
    if _K(m.group()) == _K("از"):
        p = _next(doc, m.end(), limit)
        if p is None:
            return None
    if _K(p.group()) in _PRONOUNS:
        return p.end(), ""
    if _K(p.group()) in _DEMONSTRATIVE:
        q = _next(doc, p.end(), limit)
        if q is not None and _K(q.group()) in _GROUP_NOUNS:
            return q.end(), ""
        if q is not None and _is_word(q.group()) and not is_function_word(q.group()) and not is_verb(q.group()):
            return q.end(), q.group()
    return None


# where a clause starts: punctuation, «که», «اینکه», or «و» after a finite verb («… است و …»)
_CLAUSE_START = re.compile(
    rf".*(?:[:،,؛;]|(?<![\w\u200c])(?:که|این{GAP}که|(?:است|بود|بوده|شد|شده|دارد|دارند|هستند)[\s\u200c]+و)(?![\w\u200c]))",
    re.S)


def clause_start(doc: Document, sent_start: int, start: int) -> int:
    lead = _CLAUSE_START.match(doc.text, sent_start, start)
    begin = lead.end() if lead else sent_start
    return begin + len(doc.text[begin:start]) - len(doc.text[begin:start].lstrip())


def topic(doc: Document, sent_start: int, start: int) -> tuple[str, int] | None:
    """The subject of the clause a figure is the predicate of, and where it starts.

    «آمار بازماندگان از تحصیل در سطح استان … حدود ۱۵ هزار نفر برآورد شده است»: the noun
    phrase at the clause start with its modifiers; a leading «تعداد/شمار/آمار» stays
    (the caller decides what it counts).
    """
    begin = clause_start(doc, sent_start, start)
    pointer = re.match(r"(?:این|آن|همین)[\s\u200c]+([^\s\u200c،,.:؛;]+)", doc.text[begin:start])
    if pointer and _K(pointer.group(1)) in _GROUP_NOUNS:
        return pointer.group(), begin
    phrase = noun_phrase(doc, begin, start)
    if not phrase.text:
        return _noun_before(doc, begin, start)
    more = modifiers(doc, phrase.end, start)
    text = f"{phrase.text} {more.text}".strip()
    return text, begin


def _noun_before(doc: Document, begin: int, start: int) -> tuple[str, int] | None:
    """The nouns right before a figure (and its «به»), when its clause opens with something else:
    «اما با بررسی‌های انجام‌شده آمار واقعی به کمتر از ۱۴ هزار نفر رسید» → «آمار واقعی»."""
    tokens = [m for m in _tokens(doc, begin, start) if m.group() not in _PUNCT]
    if tokens and _K(tokens[-1].group()) in (_K("به"), _K("تا")):
        tokens.pop()
    places = [(x.start, x.end) for x in doc.mentions if x.kind == "place"]
    run: list[re.Match] = []
    for m in reversed(tokens):
        w = m.group()
        if is_function_word(w) or is_finite(w) or _PARTICIPLE.search(_K(w)) or not _is_word(w) or len(run) >= 4 \
                or any(s <= m.start() < e for s, e in places):  # «در شهر زابل ۲ هزار نفر»: where, not what
            break
        run.insert(0, m)
    return (" ".join(m.group() for m in run), run[0].start()) if run else None


def strip_stat_noun(words: str) -> str:
    """«تعداد کودکان کار» → «کودکان کار»; «آمار واقعی» → «واقعی»."""
    parts = words.split()
    while parts and _K(parts[0]) in _STAT_NOUNS:
        parts.pop(0)
    return " ".join(parts)
