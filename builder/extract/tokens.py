"""Word tokens with their positions, and the word classes the extractors test.

hazm's ``word_tokenize`` gives the words of each sentence (joining compound
verbs as «گفته_است»); this module places them back in ``Document.text`` so
each token knows its offsets, and classifies words with hazm's own lexicons
(stop words, the verb lemmatiser) rather than with lists of seed strings.
"""
from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..text.document import Document, Sentence
from ..text.hazm_models import models
from ..text.numbers import parse_number
from ..text.patterns import LETTER
from ..text.textkey import key


class Token(NamedTuple):
    text: str
    start: int  # offsets in Document.text
    end: int

    @property
    def key(self) -> str:
        return key(self.text)


def sentence_tokens(doc: Document, sent: Sentence) -> list[Token]:
    """hazm's tokens of ``sent`` with their offsets in ``doc.text``."""
    out = []
    text, limit = doc.text, sent.end
    cursor = sent.start
    for word in sent.tokens:
        if "_" not in word:  # one word, the common case: kept short, it runs for every word of the corpus
            start = text.find(word, cursor, limit)
            if start < 0:
                continue
            cursor = start + len(word)
            out.extend(_unhyphened(word, start))
            continue
        parts = word.split("_")
        start = text.find(parts[0], cursor, limit)
        if start < 0:
            continue
        end = start + len(parts[0])
        for part in parts[1:]:
            nxt = text.find(part, end, limit)
            if nxt < 0 or text[end:nxt].strip(" \u200c"):
                break
            end = nxt + len(part)
        out.append(Token(text[start:end], start, end))
        cursor = end
    return out


# a dash glued to a word's end, or between two Persian words: «گورجی-» in «به گزارش جواد احمدی گورجی- خبرنگار …»,
# a dateline run into its lead «ایلام-مدیرکل …»
_GLUED_DASH = re.compile(r"^(.*[^\W\d_])([-–—]+)$|^([\u0600-\u06FF\u200c]*[\u0621-\u064A\u067E-\u06D3])([-–—])([\u0621-\u064A\u067E-\u06D3][\u0600-\u06FF\u200c]*)$")


def _unhyphened(word: str, start: int) -> list[Token]:
    """``word`` as one token, or split at a glued dash (a name before a dateline's or a credit's dash is
    no name with a dash in it; a dateline's place and the lead's first word are two words)."""
    m = _GLUED_DASH.match(word)
    if m is None:
        return [Token(word, start, start + len(word))]
    if m.group(1):
        cut = start + len(m.group(1))
        return [Token(m.group(1), start, cut), Token(m.group(2), cut, start + len(word))]
    left, right = start + len(m.group(3)), start + len(m.group(3)) + len(m.group(4))
    return [Token(m.group(3), start, left), Token(m.group(4), left, right), Token(m.group(5), right, start + len(word))]


@cache
def _hazm_data():
    from hazm.utils import stopwords_list, verbs_list

    past_stems = frozenset(v.split("#")[0] for v in verbs_list() if v.split("#")[0])
    return models().lemmatizer, frozenset(key(w) for w in stopwords_list()), past_stems


_COPULAS = frozenset(key(w) for w in (
    "است", "هست", "نیست", "بود", "بوده", "باشد", "باشند", "هستند", "بودند", "داشت", "دارد",
    "دارند", "داشتند", "شد", "شده", "شود", "شوند", "کرد", "کند", "کنند", "کردند", "کرده",
    "میشود", "میشوند", "میکند", "میکنند", "نمیشود", "گردید", "گردد",
))
_ADJECTIVAL = frozenset(("بسته", "خسته", "وابسته", "پیوسته", "گذشته", "آینده", "دسته", "نامه"))
_WORD = re.compile(rf"[{LETTER}\u200cA-Za-z]")


def is_word(t: str) -> bool:
    """A token with letters (not punctuation, not a bare number)."""
    return bool(_WORD.search(t))


def is_stop(t: str) -> bool:
    """hazm's stop words: broad (it lists «مورد», «ویژه», «اجرا»), right for ending noun phrases."""
    return key(t) in _hazm_data()[1]


# The closed classes (prepositions, conjunctions, pronouns, determiners, adverbs of time and degree)
# that can never be part of a name; narrower than hazm's stop words, which include content nouns.
_FUNCTION_WORDS = frozenset(key(w) for w in (
    "از", "در", "به", "با", "برای", "بر", "تا", "که", "را", "و", "یا", "اما", "ولی", "اگر", "نیز", "هم",
    "این", "آن", "همین", "همان", "هر", "همه", "چند", "برخی", "سایر", "دیگر", "چه", "چون", "زیرا", "وی", "او",
    "ایشان", "آنها", "آنان", "ما", "من", "شما", "خود", "خودش", "نه", "بی", "بدون", "تحت", "طی", "طبق", "درباره",
    "توسط", "میان", "بین", "پس", "پیش", "بعد", "قبل", "روی", "زیر", "کنار", "نزد", "سوی", "جز", "مگر", "البته",
    "حتی", "فقط", "تنها", "همچنین", "سپس", "لذا", "بنابراین", "یعنی", "مثل", "مانند", "ضمن", "علیه", "نسبت",
    "هنوز", "همواره", "اکنون", "حالا", "امروز", "دیروز", "فردا", "امسال", "اینکه", "آنکه", "آنچه", "چنین",
    "چنان", "بسیار", "خیلی", "کمی", "بیش", "بیشتر", "کمتر", "حدود", "نزدیک", "باید", "نباید", "شاید", "ممکن",
    "هیچ", "یکی", "اینجا", "آنجا", "کجا", "چرا", "چگونه", "براساس", "بنابر", "علاوه", "جهت", "درون", "بیرون",
    "همچون", "نظیر", "حال", "ابتدا", "پایان", "اواخر", "اوایل", "سال", "ماه", "روز", "هفته",
    "هم‌اکنون", "اینک", "اخیرا", "اخیراً", "قبلا", "قبلاً", "بعدا", "بعداً", "فعلا", "فعلاً", "تاکنون", "دیشب", "امشب",
))


@cache
def is_number_word(t: str) -> bool:
    """«دو», «سی‌وهفت», «هزار»: a number, not a name word."""
    return parse_number(t) is not None


def is_function_word(t: str) -> bool:
    return key(t) in _FUNCTION_WORDS


_LIGHT = frozenset(key(w) for w in ("شد", "شده", "شود", "شدند", "کرد", "کرده", "کند", "کردند", "کنند", "گردید", "میشود", "میشوند", "میکند", "نمود", "دارد", "داد", "داده", "دهد",
                                          "دادند", "یافت", "یابد", "یافتند", "می‌یابد", "گرفت", "گرفتند", "می‌کنند", "می‌دهد", "می‌دهند", "افتاد",
                                          "شوند", "گردد", "گردند", "دهند",
                                          # the first persons and the formal «نمودن»: «طرحی نو اجرا کنیم», «اجرا نماید»
                                          "کنیم", "کنم", "کنید", "شویم", "شوم", "می‌کنیم", "بکنیم", "بکند", "بکنند",
                                          "نماید", "نمایند", "نماییم", "می‌نماید", "می‌نمایند"))


def is_light_verb(t: str) -> bool:
    """The verbal part of a compound verb («برگزار شد», «تشکیل شده»), negated too («تعطیل نشده»)."""
    k = key(t)
    return k in _LIGHT or k.startswith("ن") and k[1:] in _LIGHT


@cache
def is_past_stem(t: str) -> bool:
    """A bare past stem, which is also the third person past: «رسید», «آمد», «ساخت»."""
    return t in _hazm_data()[2]


_AUXILIARIES = frozenset(("اند", "است", "ایم", "اید", "ام"))
_GLUED_PERFECT = re.compile(r"(?:ن|نمی)?(.{2,}?)ه(?:اند|ایم|اید|است)")


def is_verb(t: str) -> bool:
    """A finite verb or verb group (hazm's lemmatiser knows its stems), glued compounds included."""
    if "_" in t or key(t) in _COPULAS:
        return True
    if "\u200c" in t and is_light_verb(t.rsplit("\u200c", 1)[-1]):
        return True
    if "\u200c" in t and t.rsplit("\u200c", 1)[-1] in _AUXILIARIES and is_verb(t.rsplit("\u200c", 1)[0]):
        return True  # «ثبت‌نام‌شده‌اند»: a compound's participle and its auxiliary, all joined by ZWNJs
    if t.endswith("ه") and len(t) > 3 and t[:-1] in _hazm_data()[2] and t not in _ADJECTIVAL:
        return True  # a past participle: «ساخته», «گرفته», «شده»
    if (glued := _GLUED_PERFECT.fullmatch(t)) and glued.group(1) in _hazm_data()[2]:
        return True  # a perfect that lost its ZWNJ on a scraped page: «ندیدهاند», «کردهاند»
    lemma = _hazm_data()[0].lemmatize(t)
    return "#" in lemma and not t.endswith(("ی", "ها", "های"))
