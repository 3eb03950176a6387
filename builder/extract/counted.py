"""What a figure counts, as the article says it.

A figure's noun is often not enough to use it: «۴۲ نفر» (42 of whom?), «۳۵ درصد» (of what,
being what?), «۱۲۰۰ تماس» (about what?).  This module reads, around one figure, the words
that say what is counted, in the genre's patterns:

* the **counted noun phrase** after the number (:func:`noun_phrase`), read through a
  partitive «از» after a classifier or «درصد» («۳۰ نفر از دانش‌آموزان بازمانده»);
* its **modifiers** (:func:`modifiers`): participles («شناسایی‌شده», «مراجعه‌کننده»),
  complements that say which ones («تحت پوشش …», «در ارتباط با …», «درباره …», «مربوط به …»,
  «بازمانده از …»), and a short relative clause («که از اتباع هستند»);
* the **predicate** of its clause (:func:`builder.extract.predicates.predicate`) when the figure is its subject or
  object: «… شناسایی و جمع‌آوری شدند» makes «شناسایی و جمع‌آوری شده»; a copula keeps its
  complement («… از اتباع هستند»);
* **back-references** (:func:`refers_back`): «از این تعداد», «آنان», «این افراد» and a
  classifier or the same noun after them count the previous figure's group;
* the **topic** of a clause whose predicate the figure is («آمار بازماندگان از تحصیل … ۱۵
  هزار نفر برآورد شده است», :func:`builder.extract.clauses.topic`).

:mod:`builder.extract.statistics` puts these together into a subject, a population,
a measure and, for shares, a part and a whole.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..text.document import Document
from ..text.lexicon import word_frequency
from ..text.numbers import find_numbers
from ..text.patterns import GAP
from ..text.textkey import key
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
# a household's size after a share: «۴۹ درصد یک نفره، ۳۲ درصد دو نفره … پنج نفر و بیشتر»; «نفر» written
# for «نفره» too («۱۲ درصد سه نفر»): a kind of household, not a count of people
SIZE_LABEL = re.compile(
    rf"(?:[0-9۰-۹]+|یک|تک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده){GAP}نفر(?:ه)?(?:{GAP}و{GAP}(?:بیشتر|بالاتر))?(?![\w\u200c])")
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


# verbs the lexicon reads as nouns («داد»: justice, «نمود»: appearance), never counted after a number
_NOUN_LIKE_VERBS = frozenset(_K(w) for w in ("داد", "نمود"))


_GLUED_LIGHT = re.compile(r"^(.{2,}?)(?:کرد|کردند|نمود|نمودند|شد|شدند|داد|دادند)$")


def is_finite(w: str) -> bool:
    """A verb form: hazm's, a copula or passive, a glued perfect («بازمانده‌اند»), or a plural past
    of a prefixed verb hazm's lemmatiser misses («بازگشتند»)."""
    k = _K(w)
    if is_verb(w) or k in _COPULA or k in _PASSIVE or _PERFECT.search(k) or k in _NOUN_LIKE_VERBS:
        return True
    if (glued := _GLUED_LIGHT.match(k)) and word_frequency(w) is None and word_frequency(glued.group(1)):
        return True  # «ذکرکرد», «اعلامکرد»: a compound verb whose space the page lost
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


_AFTER_VERB = frozenset(_K(w) for w in ("و", "که"))  # words that follow a verb, not a noun
#: «رسید», «می‌رسد», «رسیده»: the verb of a figure reached («… به ۲۴۰۰ نفر رسید»), as a key
REACHED = re.compile(r"(?:ب|می|نمی)?رس(?:ید|د|یده|یدند|ند)")


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
        if percent and not words and (size := SIZE_LABEL.match(doc.text, m.start(), limit)):
            words.append((size.group(), size.end()))  # «۴۹ درصد یک نفره»: which households
            pos = size.end()
            break
        if not _is_word(w) or _a_number(w) or (words and _K(w) in _TIME_WORDS and not _ezafe(words[-1][0])):
            break
        if len(w) > 4 and w.endswith("را") and word_frequency(w) is None and word_frequency(w[:-2]):
            words.append((w[:-2], m.end() - 2))  # «۴۲۵ نفررا پذیرش کردند»: «را» glued to the counted noun
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
        if words and appositive_end(doc, m.start(), limit) is not None:
            break  # «۱۲ هزار نفر معادل ۵ درصد جمعیت …»: the same group told again as a share
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
        if not words and REACHED.fullmatch(_K(w)):
            nxt = _next(doc, m.end(), limit)
            if nxt is None or not _is_word(nxt.group()) or _K(nxt.group()) in _COPULA or _K(nxt.group()) in _AFTER_VERB:
                break  # «… از ۳۱ درصد به ۳۸ درصد رسید.», «… رسید که …»: the verb of a change, not «رسید» (a receipt)
        glued = (participle := len(_K(w)) > 4 and _K(w).endswith(_K("شده"))) and not _finite_after(doc, m.end(), limit)
        if percent and not words and (_PERFECT_GLUED.search(_K(w)) or _compound_verb_after(doc, m.end(), limit)):
            break  # «… ۶.۴ درصد اعلام شده است»: the predicate; the share's noun is the clause's subject
        if not glued and (is_finite(w) or (words and _K(w) in (_K("شده"), _K("شد"))) or _K(w) in _PREVERB):
            if len(words) >= 2 and not _PARTICIPLE.search(_K(words[-1][0])) and _K(w) not in _COPULA and not participle:
                words.pop()  # «کودک کار شناسایی | شدند»: the verb's non-verbal part (not «ثبت‌شده»'s own)
            break
        # hazm's stop words include counted nouns («مورد», «نفر»): a head noun is only refused if it is a function word
        if (is_function_word(w) and not _ratio_noun(doc, m, limit) if head_next is not False
                else is_stop(w) or _K(w) in _PREPOSITIONS) or (words and _K(w).endswith(_K("ترین"))):
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
# those that say which ones by themselves, with no noun after them: «تعداد کودکان تحت پوشش ۲۵۰۰ نفر است»
_STANDALONE = frozenset(_K(w) for w in (
    "تحت پوشش", "زیر پوشش", "زیرپوشش", "تحت حمایت", "تحت نظارت", "تحت آموزش", "تحت سرپرستی", "نیازمند",
    "متقاضی", "واجد شرایط", "در نوبت", "در انتظار",
))
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
_PERFECT_GLUED = re.compile(r".{3,}شده$")  # «اعلام‌شده»: a passive compound verb's participle («کاهش‌یافته» is a change)
# «به ثبت رسیده», «به تصویب رسیده»: a participle of a verb made with «به … رسیدن», three words
_REACHED = re.compile(rf"به{GAP}[\w\u200c]+{GAP}رسیده(?![\w\u200c])")
_PARTICIPLE = re.compile(r"(?:شده|کننده|کنندگان|دیده|دیدگان|یافته|یافتگان|گرفته|رسیده)$")
_PASSIVE = frozenset(_K(w) for w in (
    "شد", "شدند", "شده", "شده‌اند", "شده‌است", "شود", "شوند", "می‌شود", "می‌شوند", "می‌شد", "می‌شدند",
    "گردید", "گردیدند", "گردیده", "گردد", "می‌گردد", "شده‌بود", "شده‌بودند", "شدن",
))
_COPULA = frozenset(_K(w) for w in (
    "است", "هستند", "هست", "بود", "بودند", "بوده", "باشد", "باشند", "می‌باشد", "می‌باشند", "اند", "نیست",
    "نیستند", "بوده‌اند", "بوده‌است", "هستیم", "بودیم", "بوده‌ایم",
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
        if (skip := appositive_end(doc, m.start(), limit)) is not None:
            end = skip  # «… نفر معادل ۵ درصد جمعیت استان | زیر پوشش …»: what follows is said of the count too
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
            if not phrase.text and _K(link[0]) not in _STANDALONE \
                    and (after is None and limit < len(doc.text) or after is not None and find_numbers(after.group())):
                break  # «۲۲۲ کودک شامل ۳۲ دختر …»: the parts are counts of their own
            shown = _before_place(doc, link[1], phrase)  # «در مدارس زنجان»: the town is the figure's place
            parts.append(f"{link[0]} {shown}".strip())
            end = phrase.end if phrase.text else link[1]
            continue
        reached = _REACHED.match(doc.text, m.start(), limit)
        if reached and not _finite_after(doc, reached.end(), limit):  # «۳۷ هزار مورد طلاق به ثبت رسیده»: registered
            parts.append(reached.group())
            end = reached.end()
            continue
        if _is_word(w) and _PARTICIPLE.search(_K(w)) and len(_K(w)) > 4 and not _finite_after(doc, m.end(), limit):
            parts.append(w)
            end = m.end()
            continue
        break
    return Words(" ".join(parts), end)


# «معادل / برابر با / یعنی» and a figure: the same group or sum told again in other terms
APPOSITIVE = frozenset(_K(w) for w in ("معادل", "برابر", "یعنی"))


def relative_clause(doc: Document, start: int, comma: int) -> bool:
    """The words from ``start`` (right after «که») to ``comma`` are a relative clause set off by that comma:
    some words, no punctuation but commas between them («از پدر، مادر یا همسر»: a list inside), a
    finite verb or a copula last («… که معادل ۸۰ هزار نفر هستند،»)."""
    words = list(_tokens(doc, start, comma))
    return bool(words) and (is_finite(words[-1].group()) or _K(words[-1].group()) in _COPULA) \
        and not any(m.group() in _PUNCT and m.group() not in "،," for m in words)


# «۸۸ هزار خانوار شامل بیش از ۱۶۰ هزار نفر», «… خانواده در قالب ۱۵۵ هزار نفر», «… خانوار با جمعیتی
# بالغ بر ۳۱۴۰ نفر»: households told again by their members, the same group
_MEMBERS_LINK = rf"(?:شامل|در{GAP}قالب|با{GAP}جمعیتی?|متشکل{GAP}از)"
_MEMBERS = re.compile(
    rf"{GAP}{_MEMBERS_LINK}(?:{GAP}(?:بالغ{GAP}بر|بیش{GAP}از|حدود|نزدیک{GAP}به))?{GAP}(?=[0-9۰-۹\u0620-\u06D3])")
_HOUSEHOLDS = rf"(?<![\w\u200c])(?:خانوار|خانواده)(?:{GAP}ها(?:ی)?)?{GAP}"
_HOUSEHOLDS_BEFORE = re.compile(rf"{_HOUSEHOLDS}$")
_MEMBERS_BEFORE = re.compile(rf"{_HOUSEHOLDS}{_MEMBERS_LINK}{GAP}$")
_MEMBER_NOUN = re.compile(rf"{GAP}(?:نفر|تن|عضو)(?![\w\u200c])")


def members_link(doc: Document, pos: int) -> int | None:
    """Where the members' number starts when households just counted are told again by their members
    from ``pos`` on (:data:`_MEMBERS`, right after «خانوار/خانواده»; the number must count «نفر»), else None."""
    m = _MEMBERS.match(doc.text, pos)
    if m is None or not _HOUSEHOLDS_BEFORE.search(doc.text[max(0, pos - 16):pos]):
        return None
    number = next((n for n in find_numbers(doc.text[m.end():m.end() + 40]) if n.start == 0), None)
    if number is None or not _MEMBER_NOUN.match(doc.text, m.end() + number.end):
        return None
    return m.end()


def told_as_members(doc: Document, q_start: int) -> bool:
    """The figure starting at ``q_start`` counts the members of the households just counted (:func:`members_link`)."""
    return bool(_MEMBERS_BEFORE.search(doc.text[max(0, q_start - 40):q_start]))


def appositive_end(doc: Document, pos: int, limit: int) -> int | None:
    """Where an appositive figure that starts at ``pos`` ends («معادل ۵ درصد جمعیت استان», «برابر با
    ۲ میلیارد تومان», households' members :func:`members_link`), else None.  ``limit`` may cut the
    figure's number (the next figure starts there): the appositive is then that figure, and ends at ``limit``."""
    m = _next(doc, pos, len(doc.text))
    if m is None:
        return None
    if _K(m.group()) in APPOSITIVE:
        nxt = _next(doc, m.end(), len(doc.text))
        if nxt is not None and _K(nxt.group()) == _K("با"):
            nxt = _next(doc, nxt.end(), len(doc.text))
    elif (members := members_link(doc, m.start())) is not None:
        nxt = _next(doc, members, len(doc.text))
    else:
        return None
    if nxt is None:
        return None
    number = next((n for n in find_numbers(doc.text[nxt.start():nxt.start() + 40]) if n.start == 0), None)
    if number is None:
        return None
    end = nxt.start() + number.end
    if end > limit:
        return limit
    return max(end, noun_phrase(doc, end, limit, percent=number.kind == "percent").end)


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


def _ratio_noun(doc: Document, m: re.Match, limit: int) -> bool:
    """«نسبت» before a noun is the noun «ratio» («نسبت دانش‌آموزان … از ۱۱ به ۱۴ درصد رسید»), not «compared to»
    («نسبت به سال قبل»)."""
    if _K(m.group()) != _K("نسبت"):
        return False
    nxt = _next(doc, m.end(), limit)
    return nxt is not None and _is_word(nxt.group()) and not is_function_word(nxt.group())


def _compound_verb_after(doc: Document, pos: int, limit: int) -> bool:
    """The word after ``pos`` makes a compound verb of the word before it, passive («اعلام | شده») or
    active («اعلام | کردند»)."""
    nxt = _next(doc, pos, limit)
    return nxt is not None and (_K(nxt.group()) in _PASSIVE or is_light_verb(nxt.group()))


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
_AREA = frozenset(_K(w) for w in ("استان", "کشور", "شهر", "شهرستان", "منطقه", "مناطق", "کلانشهر", "کلان‌شهر"))


def _area_stem(word: str) -> str:
    """«شهرستان‌های» → «شهرستان»: an area noun in the plural is still one."""
    k = _K(word)
    for suffix in (_K("های"), _K("ها")):
        if k.endswith(suffix) and k[:-len(suffix)] in _AREA:
            return k[:-len(suffix)]
    return k


# -- back-references and topics --------------------------------------------------------------

_STAT_NOUNS = frozenset(_K(w) for w in ("تعداد", "شمار", "آمار", "میزان", "رقم", "عدد", "مجموع", "جمع", "میان", "بین"))
_GROUP_NOUNS = frozenset(_K(w) for w in (
    "افراد", "تعداد", "عده", "دسته", "گروه", "موارد", "میان", "جمع", "مجموع", "شمار", "رقم", "آمار", "عدد", "میزان"))
_PRONOUNS = frozenset(_K(w) for w in ("آنها", "آنان", "آن", "اینها", "ایشان", "آن‌ها", "این‌ها"))
# «از این تعداد», «از این میان», «از این آمار», «از آنان», «از این تعداد کودک کار،» before a figure
_BACK_BEFORE = re.compile(
    rf"(?:از|در)[\s\u200c]+(?:(?:این|آن|همین){GAP}(?:تعداد|میان|افراد|عده|جمع|مجموع|رقم|موارد|آمار|شمار|میزان)|آنان|آنها|آن{GAP}ها|این{GAP}ها)"
    rf"(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+){{0,3}}"
    # and the items of its list before this one: «از این آمار ۴۱۰ نفر مرد و ۹۸ نفر زن»
    rf"(?:[\s\u200c]+[0-9۰-۹][0-9۰-۹٬,]*(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+){{1,4}}[\s\u200c]+و){{0,3}}"
    rf"{GAP}[،,]?{GAP}$")


def refers_back_before(doc: Document, clause_start: int, start: int) -> bool:
    """The words before a figure send it back to the previous figure («از این تعداد ۱۷ مورد»)."""
    return _BACK_BEFORE.search(doc.text[max(clause_start, start - 80):start]) is not None


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
