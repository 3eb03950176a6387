"""Persons: full names found from given-name lists, surname morphology and context.

A name is a given name (from the lexicon; compounds like «محمدرضا», «سید
محمد» allowed) followed by one to three surname words.  The first surname
word must be a content word; further words join only when they look like
surname parts («چگنی», «صدر», «‌پور», «‌زاده») rather than ordinary words
that happen to follow a name («خسرو امیدوار پیش از ظهر»).  Without a known
given name, two rare words still make a name when the context says person:
next to a role phrase («X Y، مدیرکل ...»), before a reporting verb at the
start of a clause, or after «به گفته».

Common words that are also given names («امید», «صادق») need the context too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..components import component
from ..text.document import Document, Mention, Person
from ..text.gazetteer import FoldedText, words_pattern
from ..text.lexicon import (ROLE_FIRST_WORDS, SURNAME_THRESHOLD, is_common_word, is_everyday_given_name, is_given_name, is_surname_like,
                            is_surname_part, is_surname_suffix, surname_score, table, word_frequency)
from ..text.patterns import GAP, LETTER
from ..text.textkey import key
from . import places
from .coref import NAME as COREFERENCE
from .name_ends import GOES_ON, NEXT_TWO, NEXT_WORD, clause_goes_on, is_time, may_end_a_name
from .phrases import is_name_word, match_head
from .tokens import is_function_word, is_stop, is_verb
from .speech import PREAMBLE, TITLES
from .surnames import LAST_WORD
from .units import Unit

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "persons"
#: what persons changes of the places' output, and why (see builder.components)
EDITS = {
    "places": "a place read inside a person's name («شهریار» of «شهریار مهردادی») was the given name: the "
              "place's evidence there goes, and the place if nothing else names it; only the whole name shows it",
    "mentions": "those place mentions go with it",
}

_TITLES = frozenset(key(w) for w in TITLES)
_GIVEN_TITLES = frozenset(key(w) for w in ("امیر",))  # a title that is a common given name too
_PREFIXES = frozenset(key(w) for w in ("سید", "سیده", "میر"))
_AFTER_GIVEN = frozenset(key(w) for w in ("سادات",))  # «الهام سادات میرباقری»
_UNMISTAKABLE_SURNAME = 0.8  # «‑زاده», «‑نیا», «‑پور», a given name's «‑ی»: a surname after any given name
_DASHES = ("-", "–", "—")  # a dateline's or a byline's separator
_REPORTING_LEAD = re.compile(r"^\s*(?:به\s*گفته(?:\u200c?ی)?|به\s*اعتقاد|به\s*عقیده|از\s*نظر)\s*$")


#: a preposition the page glued to the noun of an adverbial after a name: «فرشاد درتشریح عملکرد …», «… درحاشیه …»
_GLUED_ADVERBIAL = re.compile("(?:در|با|به|بر)(?:" + "|".join(key(w) for w in (
    "تشریح", "حاشیه", "گفتگو", "گفت‌وگو", "خصوص", "ادامه", "پایان", "جمع", "دیدار", "آیین", "مراسم", "نشست",
    "جلسه", "بازدید", "مورد", "رابطه", "این", "همین", "مناسبت", "سفر", "بیان", "اشاره")) + ")")


def _people_plural(text: str) -> bool:
    """A plural of a noun of people that figures count («زنان», «کودکان», «معلولان»): «هدایت زنان سرپرست
    خانوار» is guiding women, not a person."""
    if is_given_name(text):  # «مهران»
        return False
    return any(text.endswith(ending) and key(text[:-len(ending)]) in _PEOPLE for ending in ("\u200cها", "ها", "ان"))


_PEOPLE = frozenset(key(word) for unit, word in table("units.tsv") if unit == "persons" and key(word) != key("نفر"))


def _is_surname_word(u: Unit, first: bool, strong_given: bool) -> bool:
    if u.kind != "word" or match_head([u], 0) or is_time(u.key) or _GLUED_ADVERBIAL.fullmatch(u.key) \
            or _people_plural(u.text):
        return False
    if not first and is_surname_part(u.text):
        return True
    if not is_name_word(u):
        return False
    if first:
        return strong_given or is_surname_like(u.text)
    # «قاسم سلیمانی | گره‌گشایی»: a compound word the lexicon knows ends the name after its surname
    return is_surname_like(u.text) and not ("\u200c" in u.text and word_frequency(u.text))


def _name_at(units: list[Unit], i: int, verbs: frozenset[int] = frozenset()) -> tuple[int, int, int] | None:
    """(first name unit, end unit, given-name units) of a name starting at ``i``, or None.

    ``verbs`` are where reporting verbs start: a word between a surname and one is the surname's
    («محمدرضا قلندر شریف افزود»), unless it is a function, time or post word."""
    j = i
    while j < len(units) and units[j].key in _TITLES:
        j += 1
    start = j
    if j < len(units) and units[j].key in _PREFIXES:
        j += 1
    if j < len(units) and _glued_name(units[j]):  # «سعیدفریور»: a name whose space the page lost
        return start, j + 1, 1
    given, starts = 0, []
    while j < len(units) and given < 2:
        width = _given_name_width(units, j)
        if not width:
            break
        starts.append(j)
        j += width
        given += 1
    if given == 0 and start > i and units[start - 1].key in _GIVEN_TITLES and j == start:
        start, given = start - 1, 1  # «امیر نصیربیگی»: a title that is also a given name, and no other
    if given == 0:
        return None
    if given == 2 and j < len(units) and is_surname_suffix(units[j].text):  # «امید حسین زاده»: «حسین‌زاده»
        return start, j + 1, 1
    if j < len(units) and units[j].key in _AFTER_GIVEN:
        j += 1
        given += 1
    strong = not is_surname_like(units[j - 1].text) or j - start > 1
    k = j
    while k < len(units) and k - j < 3 and _is_surname_word(units[k], k == j, strong) \
            and not (k + 1 < len(units) and units[k + 1].key in _PASSIVE):  # «… آموزش‌دهی | می‌شوند»: a verb's
        k += 1
        if units[k - 1].text.endswith(_DASHES):
            break  # «سارا بابایی- جلال شیخ‌پور»: a dash glued to a surname ends the name
    if k == j and _participle_before_post(units, j):
        k = j + 1  # «حبیب‌اله آسوده، معاون …»: a surname that reads as a participle, right before a post
    k = _through_to_apposition(units, j, k)
    if k > j and not units[k - 1].text.endswith(_DASHES):
        k = _through_to_role(units, k)
    if j < k < len(units) - 1 and k - j < 3 and units[k].kind == "word" and is_given_name(units[k].text) \
            and (units[k + 1].kind != "word" or is_stop(units[k + 1].text) or is_verb(units[k + 1].text)
                 or is_time(units[k + 1].key) or match_head(units, k + 1, ("role",))):
        k += 1  # «حبیب الله مسعودی فرید در / روز یکشنبه …»: a given name that ends a surname, no name after it
    elif j < k < len(units) - 1 and k - j < 2 and units[k + 1].start in verbs and _is_surname_end(units, k):
        k += 1
    if k == j:
        # «علی محمدی»: the second "given name" may be the surname, and a given name right after it its
        # last word («زهرا بهروز آذر با …»)
        if given == 2:
            if j < len(units) - 1 and units[j].kind == "word" and is_given_name(units[j].text) \
                    and (units[j + 1].kind != "word" or is_stop(units[j + 1].text) or units[j + 1].start in verbs):
                return start, j + 1, 1
            return start, j, 1
        return None
    return start, k, given


# passive auxiliaries: the word before one is the non-verbal part of a compound verb, never a surname
_PASSIVE = frozenset(key(w) for w in ("شد", "شده", "شود", "شدند", "شوند", "می‌شود", "می‌شوند", "گردید", "گردد",
                                      "گردند", "می‌گردد"))
_FREQUENT_PARTICIPLE = 5_000_000  # «ساخته» 4M, «گرفته» 101M: above this, the verb's own participle


def _participle_before_post(units: list[Unit], j: int) -> bool:
    """Unit ``j``, after a given name, is an adjective that looks like a participle («آسوده», «ستوده», «خجسته»:
    the lexicon reads a verb) and a post follows it, after a comma or not: a surname, since a post names its
    holder right before it.  Not a frequent participle («گرفته», «نوشته») nor a noun («گفته»)."""
    if j + 1 >= len(units) or units[j].kind != "word" or not units[j].text.endswith("ه") \
            or is_function_word(units[j].text) or is_given_name(units[j].text) or match_head(units, j):
        return False
    frequency = word_frequency(units[j].text)
    if frequency is None or "AJ" not in frequency[1] or frequency[0] > _FREQUENT_PARTICIPLE:
        return False
    post = j + 1 + (units[j + 1].text in ("،", ","))
    return post < len(units) and match_head(units, post, ("role",)) is not None


def _dateline(doc: Document, units: list[Unit], a: int, b: int) -> bool:
    """Words that open a paragraph and a dash after them («پیام خانواده- رئیس …») are a site's or a
    city's dateline, not a person; so is a reporter's name and a dash before the speaker's name
    («باشگاه خبرنگاران جوان؛ سارا بابایی- جلال شیخ‌پور افزود»)."""
    opens = units[a].start == 0 or doc.text[units[a].start - 1] == "\n"
    glued = units[b - 1].text.endswith(_DASHES)
    dash = glued or b < len(units) and units[b].text in _DASHES
    after = b if glued else b + 1
    return dash and (opens or after < len(units) and units[after].kind == "word" and is_given_name(units[after].text))


def _is_surname_end(units: list[Unit], k: int) -> bool:
    """The word at ``k``, right before a reporting verb, can end a surname: a plain word, not a
    function, time or post word («نیز», «امروز», «مدیرکل»)."""
    u = units[k]
    return u.kind == "word" and not is_stop(u.text) and not is_time(u.key) and not match_head(units, k) \
        and not is_verb(u.text) and len(u.key) > 2


def _unlisted_given_name(doc: Document, sentence: int, units: list[Unit], a: int, b: int) -> int:
    """«قنبر موسی نژاد»: a given name and a surname suffix make a surname («موسی‌نژاد»), so a word
    before it that opens the clause and is no common word is the given name we do not list."""
    if a >= 2 and units[a - 2].text in _QUOTE_MARKS and b < len(units) and units[b].text in _QUOTE_MARKS \
            and units[a - 1].kind == "word" and is_name_word(units[a - 1]):
        return a - 1  # «"کرم رضا پیردایه"»: between quotation marks every word is the name's
    if b - a != 2 or a == 0 or not is_surname_suffix(units[a + 1].text):
        return a
    w = units[a - 1]
    if w.kind != "word" or is_common_word(w.text) or not is_name_word(w) or match_head(units, a - 1):
        return a
    sent = doc.sentences[sentence]
    return a - 1 if PREAMBLE.match(doc.text[sent.start:w.start]) else a


def _glued_name(u: Unit) -> bool:
    """A word the lexicon does not know that is a given name and a surname-like rest glued together."""
    if u.kind != "word" or "\u200c" in u.text or word_frequency(u.text) or is_given_name(u.text) or len(u.key) < 7:
        return False  # a ZWNJ inside makes a compound («محمدیان‌فر»), not two words glued
    if any(is_function_word(u.key[:n]) and word_frequency(u.key[n:]) for n in range(2, len(u.key) - 1)):
        return False  # «همانطور», «آنگونه»: a function word and a noun glued, not «هما» and a surname
    for n in range(3, len(u.key) - 2):
        given, rest = u.key[:n], u.key[n:]
        if rest.startswith(("ی", "ا")):  # «محمدیان…», «علیان…»: the given name's own suffix, not a new word
            continue
        if is_given_name(given) and not is_everyday_given_name(given) and len(rest) >= 4 \
                and (surname_score(rest) >= SURNAME_THRESHOLD or word_frequency(rest) is None):
            return True  # the caller still asks for context: a post beside it or a reporting verb after
    return False


_QUOTE_MARKS = frozenset('"»«“”\'')
_ALLAH = frozenset(key(w) for w in ("الله", "اله"))


def _given_name_width(units: list[Unit], j: int) -> int:
    """How many units the given name at ``j`` takes: 1, 2 for a compound written apart
    («عزیز اله», «روح الله»), 1 for one glued to its prefix («سیدجواد»); 0 when none starts there."""
    u = units[j]
    if u.kind == "place":  # «شهریار مهردادی»: a given name that is also a town, before a surname
        nxt = units[j + 1] if j + 1 < len(units) else None
        return 1 if is_given_name(u.text) and nxt is not None and nxt.kind == "word" and is_surname_like(nxt.text) else 0
    if u.kind != "word":
        return 0
    if j + 1 < len(units) and units[j + 1].key in _ALLAH and is_given_name(u.text + "الله"):
        return 2
    if j + 1 < len(units) and units[j + 1].key == key("الدین") and is_given_name(u.text + "الدین"):
        return 2  # «نجم الدین», «شمس الدین»
    if u.key.endswith(key("لله")) and not u.key.endswith(key("الله")) and is_given_name(u.key[:-3] + "الله"):
        return 1  # «اسدلله»: «اسدالله» with its alef dropped
    if is_given_name(u.text):
        return 1
    for prefix in _PREFIXES:  # «سیدجواد», «سیدمهدی»: the prefix glued on
        if u.key.startswith(prefix) and len(u.key) > len(prefix) + 2 and is_given_name(u.key[len(prefix):]):
            return 1
    rest = u.key[len("سید"):] if u.key.startswith("سید") and not u.key.startswith("سیده") else ""
    nxt = units[j + 1] if j + 1 < len(units) else None
    if len(rest) >= 3 and not word_frequency(u.text) and nxt is not None and nxt.kind == "word" \
            and is_surname_like(nxt.text) and not (is_common_word(rest) and is_common_word(nxt.text)):
        return 1  # «سیدصولت مرتضوی», «سیدصباح قریشی»: «سید» glued to a given name we do not list
    return 0


def _opens_reported_clause(doc: Document, sentence: int, units: list[Unit], a: int, b: int) -> bool:
    """The span is the subject opening a sentence that has a reporting verb after it."""
    sent = doc.sentences[sentence]
    if not PREAMBLE.match(doc.text[sent.start:units[a].start]):
        return False
    return any(v.start() >= units[b - 1].end for v in doc.reporting_verbs.get(sentence, []))


def _through_to_apposition(units: list[Unit], j: int, k: int) -> int:
    """«سردار غلامحسین کریمی دهقان، فرمانده ...», «سید حسن موسوی چلک (معاون …)»: when a comma or
    a bracket and a role follow within two more words, those words are the rest of the surname,
    however common they are."""
    for m in range(k, min(j + 3, len(units))):
        if units[m].text in ("،", ",", "(") and m + 1 < len(units) and match_head(units, m + 1, ("role",)):
            if all(u.kind == "word" and (is_name_word(u) or is_given_name(u.text)) or is_surname_part(u.text)
                   for u in units[k:m]):
                return m
            break
        if units[m].kind != "word":
            break
    return k


def _through_to_role(units: list[Unit], k: int) -> int:
    """«وجیهه محمدی فلاح مدیرکل بهزیستی …»: a post follows a name without a comma, so one or two
    words between them that are neither function words nor verbs are the rest of the surname."""
    for m in range(k, min(k + 3, len(units))):
        if match_head(units, m, ("role",)):
            # «نگار شیخ پور مصطفی جعفری سرپرست …»: a given name and a word before the post are the speaker's
            # own name after a byline's, not more of this surname
            return k if m == k + 2 and is_given_name(units[k].text) and not is_surname_like(units[k].text) else m
        u = units[m]
        if u.kind != "word" or is_stop(u.text) or not (is_name_word(u) or is_given_name(u.text)) or m == k + 2 \
                or u.key in _BYLINE or u.text.endswith(_DASHES):
            break  # «اراک- مهدی غلامی خبرنگار اقتصادسرآمد- سرپرست …»: a reporter's byline, then the speaker's post
    return k


_BYLINE = frozenset(key(w) for w in ("خبرنگار", "عکاس", "گزارشگر"))


def _byline(units: list[Unit], b: int) -> bool:
    """The name ending at ``b`` is a reporter's, in a dateline: «خبرنگار» and the site's name and a dash
    follow it («اراک- مهدی غلامی خبرنگار اقتصادسرآمد- سرپرست … گفت»); the post after it is the speaker's."""
    if b >= len(units) or units[b].key not in _BYLINE:
        return False
    for u in units[b + 1:b + 5]:
        if u.text.endswith(_DASHES):  # «اقتصادسرآمد-», or the dash itself after «پیام ساوه»
            return True
        if u.kind not in ("word", "org", "place", "agency"):
            return False
    return False


def _context_says_person(units: list[Unit], a: int, b: int) -> bool:
    """A role phrase, a title («سرهنگ», «دکتر», «خانم») or «به گفته» right next to the span."""
    before = units[a - 1] if a > 0 else None
    while b < len(units) and units[b].text in _QUOTE_MARKS:  # «"محمد نفریه"، معاون …»
        b += 1
    after = units[b] if b < len(units) else None
    if before is not None and before.key in _TITLES:
        return True
    if after is not None and after.text in ("،", ",", "(") and b + 1 < len(units) and match_head(units, b + 1, ("role",)):
        return True
    if after is not None and match_head(units, b, ("role",)):
        return True
    if before is not None and before.text in ("،", ","):
        k = a - 2
        while k >= 0 and (units[k].kind in ("word", "org", "place") or units[k].text in ("«", "»")):
            if match_head(units, k, ("role",)):
                return True
            k -= 1
    if a >= 2 and _REPORTING_LEAD.match(units[a - 2].text + " " + units[a - 1].text):
        return True
    return False


def _rare_pair_at(units: list[Unit], i: int) -> tuple[int, int] | None:
    """Two surname-like words where context says a person is named («رحیمی نژاد، مدیرکل ...»)."""
    if i + 1 >= len(units):
        return None
    a, b = units[i], units[i + 1]
    if a.kind == "word" and b.kind == "word" and is_name_word(a) and is_name_word(b):
        if match_head(units, i) or match_head(units, i + 1) or not is_surname_like(b.text) or _plural(a) or _plural(b) \
                or a.key in _TITLES:  # «آیت‌الله صدیقی، امام جمعه …»: a title and a surname, no given name
            return None
        if is_surname_like(a.text) or not is_common_word(a.text):  # «شیلان احمدی مهر»: a given name we do not list
            end = _through_to_apposition(units, i + 1, i + 2)
            if _context_says_person(units, i, end):
                return i, end
    return None


def _apposed_pair_at(doc: Document, sentence: int, units: list[Unit], i: int) -> tuple[int, int] | None:
    """«کرم یاری، مدیرکل بهزیستی لرستان اظهار داشت»: two words opening a reported sentence with a post
    after a comma are a name, however ordinary the words (the genre's «name, post, verb» lead)."""
    if i + 3 >= len(units) or units[i + 2].text not in ("،", ",") or not match_head(units, i + 3, ("role",)):
        return None
    pair = units[i:i + 2]
    if not all(u.kind == "word" and is_name_word(u) and not is_stop(u.text) and not _plural(u) for u in pair) \
            or match_head(units, i) or match_head(units, i + 1):
        return None
    if not _opens_reported_clause(doc, sentence, units, i, i + 2) or i > 0 and units[i - 1].key in _OUTLET_WORDS:
        return None  # «به گزارش پایگاه خبری | تحلیلی اخبارشرق، مدیرکل …»: the rest of a credit's outlet
    # «دکتر دلبری، رییس انجمن … گفت»: a title and a surname: the person is named by the surname
    return (i + 1, i + 2) if pair[0].key in _TITLES else (i, i + 2)


def _quoted_pair_at(units: list[Unit], i: int) -> tuple[int, int] | None:
    """«"مونیکا نیلسون"، نماینده یونیسف …»: two or three words a page sets in quotation marks right
    before a post are a name, though we list neither (a foreign name, a rare given name)."""
    if i == 0 or units[i - 1].text not in _QUOTE_MARKS:
        return None
    for n in (2, 3):
        close = i + n
        if close >= len(units) or units[close].text not in _QUOTE_MARKS:
            continue
        words = units[i:close]
        if not all(u.kind == "word" and is_name_word(u) and not is_common_word(u.text) and not _plural(u) for u in words) \
                or any(match_head(units, j) for j in range(i, close)):
            return None
        after = close + 1 + (close + 1 < len(units) and units[close + 1].text in ("،", ","))
        return (i, close) if after < len(units) and match_head(units, after, ("role",)) else None
    return None


def _plural(u: Unit) -> bool:
    """A plural noun, never a name: «دستگاه‌های», «نمایندگان» (of «نماینده»), «اطلاعات» (of «اطلاع»),
    «مددجویان» glued to a common stem."""
    t = u.text
    if re.search(r"\u200c(?:ها|های|هایی)$", t):
        return True
    k = u.key
    if k.endswith("گان") and is_common_word(k[:-3] + "ه"):
        return True
    if k.endswith("ات") and len(k) > 4 and is_common_word(k[:-2]):  # «اطلاعات» of «اطلاع», «خدمات» of «خدمت»
        return True
    if k.endswith("ان") and len(k) > 6 and not k.endswith("یان") and is_common_word(k[:-2]) and not is_given_name(t):
        return True  # «نیازمندان», «مددجویان»: a common stem and «‑ان»; a name's «‑یان» has a name's stem
    return any(k.endswith(suf) and len(k) > len(suf) + 2 and is_common_word(k[:-len(suf)]) for suf in ("های", "ها"))


def _is_known_surname(doc: Document, units: list[Unit], a: int, b: int) -> bool:
    """The span repeats the surname of a person already found (a later, shorter mention)."""
    k = "".join(u.key for u in units[a:b])
    return any(key(surname(p.name)) == k for p in doc.persons.values())


def add_person(doc: Document, name: str, start: int, end: int, sentence: int, mention_start: int | None = None) -> str:
    """Register a person; the mention may begin earlier than the name, at a title («دکتر», «خانم»).
    A place read inside the name («شهریار» of «شهریار مهردادی») was the given name: it goes."""
    places.forget(doc, [m for m in doc.mentions if m.kind == "place" and start <= m.start and m.end <= end])
    k = key(name)
    person = doc.persons.get(k)
    if person is None:
        person = doc.persons[k] = Person(name)
    person.evidence.append(doc.evidence(start, end, NAME))
    first = start if mention_start is None else mention_start
    doc.mentions.append(Mention("person", first, end, doc.text[first:end], k, sentence))
    return k


@component(NAME, requires=("text", "sentences", "units", "reporting_verbs", "mentions"),
           assigns=("persons", "mentions"), edits=EDITS, evidence=True)
def extract(doc: Document) -> None:
    verbs = frozenset(m.start() for found in doc.reporting_verbs.values() for m in found)
    for si, units in enumerate(doc.units):
        i = 0
        while i < len(units):
            found = _name_at(units, i, verbs)
            span = None
            if found is not None:
                a, b, given = found
                strong_context = _context_says_person(units, a, b) or _opens_reported_clause(doc, si, units, i, b)
                # a given name that is also an everyday word («آیین», «امید») needs context or a
                # surname that could be nothing else; «علی», «مریم» are frequent only as names
                plain = not any(is_everyday_given_name(u.text) for u in units[a:a + given])
                scores = [surname_score(u.text) for u in units[a + given:b]]
                surname_ok = (plain and (max(scores, default=0) >= SURNAME_THRESHOLD or b - a >= 3)
                              or max(scores, default=0) >= _UNMISTAKABLE_SURNAME)
                if strong_context or surname_ok:
                    span = (a, b)
            if span is None:
                span = _rare_pair_at(units, i) or _apposed_pair_at(doc, si, units, i) or _quoted_pair_at(units, i)
            if span is not None and (_is_known_surname(doc, units, *span) or _dateline(doc, units, *span)
                                     or _byline(units, span[1])):
                span = None  # «موسی نژاد گفت» after «قنبر موسی نژاد»: a later mention, by surname
            if span is None:
                i += 1
                continue
            a, b = span
            a = _unlisted_given_name(doc, si, units, a, b)
            start, end = units[a].start, units[b - 1].end
            add_person(doc, doc.text[start:end], start, end, si, units[min(i, a)].start)
            i = b
    _longer_surnames(doc, verbs)
    _surnames_said_alone(doc, verbs)
    _surname_mentions(doc)
    doc.mentions.sort(key=lambda m: m.start)




def _longer_surnames(doc: Document, verbs: frozenset[int]) -> None:
    """«سید حسن موسوی چلک روز یکشنبه …», later «موسوی چلک اضافه کرد:»: a word that follows the full
    name and follows the surname again where the surname alone opens a sentence is the surname's
    last word, however common it is (the page names the person the same way twice); not a
    reporting verb's first word (``verbs``: where they start).  So is a word said once right before
    what goes on the clause («وجیهه محمدی فلاح با بیان اینکه …»: :func:`.name_ends.clause_goes_on`), a
    given name too («فرزاد هوشیار پارسا ظهر امروز …»).  A function word and the word after it are the
    surname's only when the page repeats all of it so («سید مهدی خدمت بین دانا گفت», «خدمت بین دانا
    افزود»): «بین» alone is a preposition."""
    for k, person in list(doc.persons.items()):
        last = surname(person.name)
        mentions = [m for m in doc.mentions if m.kind == "person" and m.ref == k]
        if last == person.name or not mentions:
            continue
        after = NEXT_WORD.match(doc.text, mentions[0].end)
        bridged = after is not None and is_function_word(after.group(1))
        if bridged:
            after = NEXT_TWO.match(doc.text, mentions[0].end)
        if after is None or is_function_word(after.group(1 + bridged)) or is_verb(after.group(1 + bridged)) \
                or after.start(1 + bridged) in verbs:
            continue  # «ملامهدی اظهار کرد», twice: the verb's, not the name's
        word = after.group(1 + bridged)
        if not may_end_a_name(doc, word, after.start(1 + bridged)):
            continue
        said = " ".join(after.groups())
        again = re.compile(r"[\s\u200c]+".join(map(re.escape, (last, *after.groups()))) + r"(?![\w\u200c])")
        opens = [m for m in again.finditer(doc.text) if m.start() >= mentions[0].end
                 and (si := doc.sentence_at(m.start())) >= 0 and PREAMBLE.match(doc.text[doc.sentences[si].start:m.start()])]
        if bridged:  # «کریمیان با اشاره به …» opens sentences too: only a reporting verb right after says a name
            opens = [m for m in opens if clause_goes_on(doc, m.end(), verbs) and not GOES_ON.match(doc.text, m.end())]
        if not (opens and not is_given_name(word) or not bridged and clause_goes_on(doc, after.end(), verbs)):
            continue
        name = f"{person.name} {said}"
        new = key(name)
        doc.persons[new] = doc.persons.pop(k)
        doc.persons[new].name = name
        for m in mentions:
            m.ref = new
        first = mentions[0]
        first.end, first.text = after.end(), doc.text[first.start:after.end()]
        doc.persons[new].evidence[0] = doc.evidence(first.start, first.end, NAME)


_OUTLET_WORDS = frozenset(key(w) for w in ("پایگاه", "خبری", "تحلیلی", "خبرگزاری", "سایت", "روزنامه", "شبکه"))


def _surnames_said_alone(doc: Document, verbs: frozenset[int]) -> None:
    """«حبیب‌الله آسوده ضمن تبریک … بیان کرد», later «آسوده اظهار کرد:»: a word after a given name that opens a
    sentence alone before a reporting verb (``verbs``: where they start) is that person's surname, however much
    it reads as a word («آسوده», relaxed); the page names the person so twice."""
    named = [m for m in doc.mentions if m.kind == "person"]
    known = {key(surname(p.name)) for p in doc.persons.values()}
    for v in sorted(verbs):
        si = doc.sentence_at(v)
        if si < 0 or not (w := LAST_WORD.search(doc.text, doc.sentences[si].start, v)) \
                or not PREAMBLE.match(doc.text[doc.sentences[si].start:w.start()]) \
                or is_function_word(w.group(1)) or is_given_name(w.group(1)) or key(w.group(1)) in known \
                or any(m.start <= w.start() < m.end for m in named):
            continue
        again = re.compile(rf"(?<![\w\u200c])([{LETTER}][{LETTER}\u200c]*)[\s\u200c]+{re.escape(w.group(1))}(?![\w\u200c])")
        first = next((m for m in again.finditer(doc.text, 0, doc.sentences[si].start)
                      if (is_given_name(m.group(1)) or _opens_as_name(doc, m))
                      and not any(p.start < m.end() and m.start() < p.end for p in named)), None)
        if first is not None:
            add_person(doc, first.group(), first.start(), first.end(), doc.sentence_at(first.start()))
            named = [m for m in doc.mentions if m.kind == "person"]
            known.add(key(w.group(1)))


def _opens_as_name(doc: Document, m: re.Match) -> bool:
    """«فرمان عزیزنیا افزود: …», later «عزیزنیا اظهار کرد»: a word we do not list as a given name,
    opening its sentence right before the surname, is the person's given name (no post, title,
    function word or verb)."""
    si = doc.sentence_at(m.start())
    word = m.group(1)
    return si >= 0 and bool(PREAMBLE.match(doc.text[doc.sentences[si].start:m.start()])) and not is_function_word(word) \
        and not is_verb(word) and key(word) not in ROLE_FIRST_WORDS and key(word) not in _TITLES


def surname(name: str) -> str:
    """The words of a full name after its titles, prefixes and given names."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and (key(words[i]) in _TITLES or key(words[i]) in _PREFIXES or key(words[i]) in _AFTER_GIVEN
                                  or is_given_name(words[i]) or i > 0 and key(words[i]) in _ALLAH):
        i += 1
    if i == 0 and len(words) > 1:  # a given name we do not list: Persian names put it first
        i = 1
        while i < len(words) - 1 and is_given_name(words[i]):  # «کرم رضا پیردایه»: and a second one we do
            i += 1
    if i > 1 and is_surname_suffix(words[i]) and is_given_name(words[i - 1]):  # «قنبر موسی نژاد»: «موسی نژاد»
        i -= 1
    return " ".join(words[i:])


@lru_cache(maxsize=1024)  # compiling takes about a millisecond, and officials recur across articles
def _surname_pattern(last: str) -> re.Pattern:
    """Tolerant of letter variants and of a space, ZWNJ or nothing anywhere inside («قلی زاده» = «قلی‌زاده»)."""
    return words_pattern([last], sep=rf"{GAP}")


def _surname_mentions(doc: Document) -> None:
    """Later mentions by surname alone («کریمیان گفت») are the same person; when two people share
    the surname («رضا عبادی», «مریم عبادی»), the one named last before the mention."""
    taken = [(m.start, m.end) for m in doc.mentions if m.kind in ("person", "organization", "place")]
    named: dict[str, list[int]] = {}  # person -> starts of its full-name mentions
    for m in doc.mentions:
        if m.kind == "person":
            named.setdefault(m.ref, []).append(m.start)
    sharing: dict[str, list[str]] = {}  # surname key -> persons, in order found
    for k, person in doc.persons.items():
        last = surname(person.name)
        if last != person.name:
            sharing.setdefault(key(last), []).append(k)
    folded = None
    for people in sharing.values():
        last = surname(doc.persons[people[0]].name)
        folded = folded or FoldedText(doc.text)
        if all(any(s <= p < e for s, e in taken) for p in folded.starts(last)):
            continue  # the surname is only read inside mentions, often the full name itself
        for m in _surname_pattern(last).finditer(doc.text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            before = [(max(s for s in named.get(k, ()) if s < m.start()), k) for k in people
                      if any(s < m.start() for s in named.get(k, ()))]
            k = max(before)[1] if before else people[0]
            doc.mentions.append(Mention("person", m.start(), m.end(), m.group(), k, doc.sentence_at(m.start())))
            doc.persons[k].evidence.append(doc.evidence(m.start(), m.end(), COREFERENCE, 0.8))
            taken.append((m.start(), m.end()))
