"""Statistics: every figure in the body that counts something, as an observation.

For each number (:func:`builder.numbers.find_numbers`) in a sentence:

* **not a statistic** when it is an ordinal, part of a date or a year, an age
  («زیر ۱۸ سال», «۱۸-۱۳ سال»), a hotline or phone number («خط ۱۲۳»), a rank,
  inside a name («موسسه خیریه ۱۴ معصوم»), or a lone «یک» («یک وعده»); a
  small number written in words («دو», «سه») counts only before a countable noun
  («دو مهد کودک», not «سه برنامه‌ریزی»);
* **subject**: the noun phrase after the number («کودک خیابانی», «پرونده»,
  «کودک و نوجوان بی سرپرست و بدسرپرست»), or «درصد ...» for a percentage;
* **qualifier** from the words before it (حدود/نزدیک به → about, بیش از/بالغ بر →
  more_than, کمتر از/زیر → less_than);
* **place**: a place named in the sentence (nearest), else the article's province;
* **period**: a date phrase in the sentence, resolved against publication;
* **person**: the speaker quoted in that paragraph.

The same value with the same head noun twice in one article (title, lead and
body repeat figures) is one observation with several pieces of evidence, and so
is a headline figure the body restates with the same unit in other words.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..concepts import concept_for, measure_for
from ..dates import find_dates
from ..components import component
from ..document import Document, Statistic
from ..lexicon import is_given_name, is_surname_like, table
from ..numbers import PERCENT_WORD, align_fold, find_numbers
from ..patterns import GAP, LETTER
from ..textkey import key
from . import counted
from .counted import TOKEN, noun_phrase
from .setting import city_of, paragraph_of, speaker_post
from .tokens import is_function_word, is_verb

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "statistics"

_ABOUT = re.compile(rf"(?:حدود|حدودا|حدوداً|در\s*حدود|نزدیک\s*به|قریب\s*به|تقریبا|تقریباً|حوالی){GAP}$")
_MORE = re.compile(rf"(?:بیش\s*از|بیشتر\s*از|بالغ\s*بر|بالای|بالاتر\s*از|افزون\s*بر|فزون\s*بر|متجاوز\s*از|فراتر\s*از){GAP}$")
_LESS = re.compile(rf"(?:کمتر\s*از|کم{GAP}تر\s*از|زیر|کمتر\s*از|حداکثر){GAP}$")
# a label before its number: «منطقه ۱۲», «ناحیه‌ی ۲», «سال ۹۸», and «درسال ۹۷» written without its space
_NOT_STAT_BEFORE = re.compile(
    rf"(?<![\w\u200c])(?:در)?(?:منطقه|مناطق|ناحیه|خیابان|کوچه|پلاک|بزرگراه|خط|شماره|سامانه|تلفن|تماس\s*با|کد|رتبه|مقام|ردیف|ماده|بند|تبصره|اصل|سال|سالهای|سال{GAP}های|دهه|قرن|ساعت|کیلومتر\s*مربع)"
    rf"(?:\u200cی|\u0654)?{GAP}$"
)
# «از ابتدای سال ۲۲ هزار و ۸۹۸ واقعه …»: a year is never written with a scale word
_YEAR_LABEL = re.compile(rf"(?<![\w\u200c])(?:در)?(?:سال|سالهای|سال{GAP}های){GAP}$")
# «در گفت‌وگو با رویداد ۲۴»: a medium's name ends in a number
_MEDIUM_BEFORE = re.compile(
    rf"(?:گفت{GAP}و{GAP}گو|گفتگو|مصاحبه)[\s\u200c]+با[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+{GAP}$")
# «خانواده‌های دارای حداقل ۲ عضو معلول»: what each of a plural has, a criterion and not a count
_CRITERION_BEFORE = re.compile(
    rf"(?:ها|های|ان)[\s\u200c]+دارای[\s\u200c]+(?:(?:حداقل|حداکثر|دست{GAP}کم)[\s\u200c]+)?$"
    rf"|(?<![\w\u200c])دارای[\s\u200c]+(?:حداقل|حداکثر|دست{GAP}کم)[\s\u200c]+$")
# «۱۲ ساله», «۶ سالگی», «۲۴ ساعته», «۱۰ روزه»: an age or a duration used as an adjective
_AGE_AFTER = re.compile(rf"^{GAP}(?:سال(?:ه|گی)?|ساله|ماهه|روزه|ساعته)(?![\w\u200c])")
# «۲۴ ساعت», «۴۰ دقیقه», «۹۰ روز»: a duration, not a figure
_DURATION_AFTER = re.compile(rf"^{GAP}(?:ساعت|دقیقه|ثانیه|روز|هفته|ماه)(?![\w\u200c])")
# «با ۱۲۳ تماس بگیرند», «به ۱۳۷ اطلاع دهند»: a number dialled, not counted
_DIALLED = re.compile(rf"^[^،,.؛;:]{{0,40}}?(?:تماس|اطلاع|خبر){GAP}(?:ب?گیر|گرفت|حاصل|ده|داد)")
_HOTLINES = frozenset({110, 115, 123, 125, 137, 1480, 1570, 1525, 1526})
# «ساعت از ۱۱ شب گذشته», «۲ بامداد»: a clock time
_CLOCK_AFTER = re.compile(rf"^{GAP}(?:شب|بامداد|صبح|عصر|ظهر)(?![\w\u200c])")
# «چند هزار میلیارد تومان», «ده‌ها هزار نفر»: a vague amount, not a figure
_VAGUE_BEFORE = re.compile(rf"(?<![\w\u200c])(?:چند|چندین|ده{GAP}ها|صدها|هزاران){GAP}$")
# the next number of a list of labels: «مناطق ۱۶ و ۱۹», «مواد ۳، ۵ و ۷»
_LABEL_LIST_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:منطقه|مناطق|ناحیه|نواحی|خیابان|کوچه|پلاک|ماده|مواد|بند|بندهای|تبصره|اصل|اصول|شماره)"
    rf"(?:\u200cی|\u0654)?{GAP}[0-9۰-۹]+(?:{GAP}(?:،|,|و|تا){GAP}[0-9۰-۹]+)*{GAP}(?:،|,|و|تا){GAP}$"
)
_COUNTABLE = frozenset(key(w) for w in (
    "کودک", "نوجوان", "نفر", "زن", "مرد", "دختر", "پسر", "خانوار", "خانواده", "مددجو", "معلول", "سالمند",
    "مرکز", "مهد", "مهدکودک", "خانه", "موسسه", "مؤسسه", "انجمن", "سازمان", "پرونده", "مورد", "تماس", "گروه",
    "استان", "شهرستان", "شهر", "روستا", "مدرسه", "کلاس", "جلسه", "نشست", "تیم", "واحد", "طرح", "برنامه",
    "پایگاه", "اتاق", "تخت", "دستگاه", "نقطه", "منطقه", "محله", "فقره", "بسته", "نوبت", "دانش‌آموز", "دانش آموز",
))
# facilities are countable whatever their name: «دو گرمخانه», «سه آسایشگاه», «دو کارگاه»
_FACILITY_SUFFIXES = tuple(key(w) for w in ("خانه", "گاه", "سرا", "سرای"))
# counted noun -> the unit of its figures («کودک»: persons), from builder/data/units.tsv
_UNIT_OF = {key(word): unit for unit, word in table("units.tsv")}
_SCALE_WORDS = frozenset(("هزار", "میلیون", "میلیارد", "تریلیون"))
_WORD_NUMBER = re.compile(rf"^[{LETTER}\u200c\s]+$")  # letters only: «دو», not «۴»


_QUALIFIERS = (("about", _ABOUT), ("more_than", _MORE), ("less_than", _LESS))


def _qualifier(doc: Document, start: int) -> tuple[str, int]:
    """The qualifier before a number and where it starts (the number itself when exact)."""
    window = max(0, start - 16)
    before = doc.text[window:start]
    for name, pattern in _QUALIFIERS:
        m = pattern.search(before)
        if m:
            return name, window + m.start()
    return "exact", start


# «یارانه ماهانه هر سالمند ۸۵ میلیون ریال است»: a bare measure before a copula is the predicate
_COPULA_AFTER = re.compile(rf"{GAP}(?:است|بود|بوده|می{GAP}باشد|هست|رسید|رسیده|می{GAP}رسد)(?![\w\u200c])")
_BARE_MEASURES = frozenset(key(w) for w in ("درصد", "ریال", "تومان", "دقیقه", "ساعت", "روز", "برابر"))
# «میزان بازگشت … پنج درصد و در سال گذشته حدود ۱۰ درصد بود»: the first of two figures of one predicate
_LIST_THEN_COPULA = re.compile(
    rf"{GAP}و(?![\w\u200c])[^،,؛;:.]{{0,60}}?[0-9۰-۹\u0620-\u06D3]{GAP}(?:درصد|ریال|تومان)"
    rf"{GAP}(?:است|بود|بوده|می{GAP}باشد|هست|رسید|رسیده|می{GAP}رسد)(?![\w\u200c])")


def _topic(doc: Document, sent_start: int, start: int, subject: str, stop: int) -> tuple[str, int] | None:
    """The clause's subject when the figure is its predicate and names only a measure.

    «سهم زنان از تماس‌گیرندگان ۶۱ درصد بوده است» counts «سهم زنان», not «درصد», and «نرخ
    گزارش کودک‌آزاری به ۳/۲ در هزار رسید» is a rate of «نرخ گزارش کودک‌آزاری»:
    (noun phrase at the clause start, where it starts), or None.
    """
    bare = _RATE_AFTER.fullmatch(" " + subject) or all(key(w) in _BARE_MEASURES for w in subject.split())
    if not bare or not (_COPULA_AFTER.match(doc.text, stop) or _LIST_THEN_COPULA.match(doc.text, stop)):
        return None
    begin = counted.clause_start(doc, sent_start, start)
    topic, _ = noun_phrase(doc, begin, start)
    return (topic, begin) if topic else None


def _clause(doc: Document, start: int, limit: int) -> str:
    """The words after a figure up to the clause's verb («۹۲ نقطه ... که محل فعالیت کودکان کار است»)."""
    for m in TOKEN.finditer(doc.text, start, limit):
        if is_verb(m.group()):
            return doc.text[start:m.start()]
    return doc.text[start:limit]


def _inside(doc: Document, start: int, end: int, kinds: tuple[str, ...]) -> bool:
    return any(m.kind in kinds and m.start <= start and end <= m.end for m in doc.mentions)


_NEAR_QUALIFIER = r"(?:حدود|حدودا|تقریبا|بیش\s*از|بیشتر\s*از|نزدیک\s*به|قریب\s*به|بالغ\s*بر|کمتر\s*از)"
_WITH = re.compile(rf"[\s\u200c]+با[\s\u200c]+{_NEAR_QUALIFIER}?{GAP}$")
_LIST_JOIN = re.compile(r"(?:^|[\s\u200c])(?:و|با)[\s\u200c]")
# «در شهرستان‌های شهرکرد، فارسان و لردگان»: the first of a list, not the figure's one place
_PLURAL_PLACE_BEFORE = re.compile(rf"(?:شهرستان|شهر|استان|روستا|بخش){GAP}ها(?:ی)?{GAP}$")
_THIS_CITY = re.compile(rf"(?:این|همین){GAP}(?:شهرستان|شهر)(?![\w\u200c])")


# between a place and its figure: «در شهرستان آبیک نیز کمتر از ۳۰۰ کودک»
_BARE_QUALIFIER = re.compile(rf"^{GAP}(?:(?:نیز|هم)[\s\u200c]+)?(?:(?:{_NEAR_QUALIFIER}|هم{GAP}اکنون|اکنون){GAP})?$")


def _place(doc: Document, sentence: int, start: int, end: int, stop: int) -> str | None:
    """The place a figure is about.

    1. a place it is given for («چابهار با حدود شش هزار کودک»), or the place it
       directly follows («در شهرستان قوچان حدود ۳۲۰ خانوار»);
    2. the one place named after it in its clause («۲۹۰ نفر در نیشابور», «کودک کار
       تهران»), not across «و»/«با» after its counted noun (the next item of a list),
       and not a list of places («در شهرستان‌های شهرکرد، فارسان و …»: the figure is
       the province's);
    3. «این شهر(ستان)» around it: the last city named before;
    4. the jurisdiction of whoever gives it (:func:`builder.extract.setting.speaker_post`): the county of a
       county office's head, a governor's or prosecutor's city, a DG's province;
    5. else the city of a city story (:attr:`Document.setting`), else the article's province:
       a place elsewhere in the sentence is usually where a meeting was held.
    """
    sent = doc.sentences[sentence]
    places = [m for m in doc.mentions if m.kind == "place" and m.sentence == sentence]
    for m in places:
        if m.end <= start and (_WITH.fullmatch(doc.text[m.end:start]) or _BARE_QUALIFIER.match(doc.text[m.end:start])):
            return m.ref
    clause_end = re.search(r"[،,؛;:]|[0-9۰-۹]", doc.text[end:sent.end])
    limit = end + clause_end.start() if clause_end else sent.end
    after = [m for m in places if end <= m.start < limit and not _LIST_JOIN.search(doc.text[stop:m.start])]
    if len({m.ref for m in after}) == 1 and not _PLURAL_PLACE_BEFORE.search(doc.text[stop:after[0].start]):
        return after[0].ref
    if _THIS_CITY.search(doc.text[sent.start:limit]):
        cities = [m for m in doc.mentions if m.kind == "place" and m.end <= start and doc.places[m.ref].kind != "province"]
        if cities:
            return cities[-1].ref
    post = speaker_post(doc, sentence, start)
    if post is not None:
        city = city_of(doc, post)
        if city:
            return city
        if post.place in doc.places and doc.places[post.place].kind == "province":
            return post.place
    return doc.setting


def _speaker(doc: Document, sentence: int) -> str | None:
    """The person quoted in this sentence, else earlier in the same paragraph."""
    para = paragraph_of(doc, doc.sentences[sentence].start)
    best = None
    for q in doc.quotes:
        qs = q.evidence[0].sentence if q.evidence else -1
        if q.speaker and 0 <= qs <= sentence and paragraph_of(doc, doc.sentences[qs].start) == para:
            best = q.speaker
    return best


_PLACE_NOUNS = frozenset(key(w) for w in ("استان", "شهرستان", "شهر", "روستا", "کشور", "بخش"))


def _named_after(doc: Document, end: int) -> bool:
    """What follows the number is a name, not a counted noun: a person («رویداد ۲۴ فاطمه نظری»,
    a news id before the reporter), or places listed after their count («دو استان البرز و تهران»)."""
    m = re.match(rf"{GAP}", doc.text[end:end + 4])
    at = end + m.end()
    if any(x.start == at and x.kind == "person" for x in doc.mentions):
        return True
    name = re.match(r"(?:سید[ه]?[\s\u200c]+)?([^\s\u200c،,.:]+)[\s\u200c]+([^\s\u200c،,.:]+)", doc.text[at:at + 40])
    if name and is_given_name(name.group(1)) and key(name.group(1)) not in _COUNTABLE and key(name.group(1)) not in _UNIT_OF \
            and is_surname_like(name.group(2)):
        return True  # a person the extractors did not name: «رویداد ۲۴ فاطمه نظری:», not «۳۵ افسر زن»
    word = re.match(r"([^\s\u200c،,.]+)[\s\u200c]+", doc.text[at:at + 20])
    if word and key(word.group(1)) in _PLACE_NOUNS:
        after = at + word.end()
        return any(x.start in (at, after) and x.kind == "place" and key(x.text) not in _PLACE_NOUNS for x in doc.mentions)
    return False


def _is_verb_or_function(word: str) -> bool:
    return is_verb(word) or is_function_word(word)


def _is_statistic(doc: Document, n, sent_start: int, dates) -> bool:
    start, end = n.start + sent_start, n.end + sent_start
    if n.kind == "ordinal":
        return False
    if any(d.start <= n.start < d.end or n.start <= d.start < n.end for d in dates):
        return False
    if _inside(doc, start, end, ("organization", "program", "person")):
        return False
    if _named_after(doc, end):
        return False
    before = doc.text[max(0, start - 16):start]
    if _NOT_STAT_BEFORE.search(before) and not (n.unit_word in _SCALE_WORDS and _YEAR_LABEL.search(before)):
        return False
    if _MEDIUM_BEFORE.search(doc.text[max(0, start - 40):start]) \
            or _CRITERION_BEFORE.search(doc.text[max(0, start - 30):start]):
        return False
    if _VAGUE_BEFORE.search(before) \
            or _LABEL_LIST_BEFORE.search(doc.text[max(0, start - 40):start]):
        return False
    if _AGE_AFTER.match(doc.text[end:end + 8]) or _CLOCK_AFTER.match(doc.text[end:end + 8]) \
            or _DURATION_AFTER.match(doc.text[end:end + 8]):
        return False
    if re.search(rf"(?<![\w\u200c])(?:با|به){GAP}$", before) and _DIALLED.match(doc.text[end:end + 60]):
        return False
    if n.kind == "cardinal" and n.value in _HOTLINES and re.fullmatch(r"[0-9۰-۹]+", n.text.strip()):
        nxt = re.match(rf"{GAP}([^\s\u200c،,.]+)", doc.text[end:end + 30])
        if not nxt or key(nxt.group(1)) not in _COUNTABLE:
            return False
    if n.kind == "cardinal" and (1300 <= n.value <= 1500 or 1950 <= n.value <= 2100) and re.fullmatch(r"[0-9۰-۹]{4}", n.text.strip()):
        nxt = re.match(rf"{GAP}([^\s\u200c،,.]+)", doc.text[end:end + 30])
        # a year, unless a counted noun follows («۱۴۰۲ تماس») or a qualifier says it is a quantity («حدود ۱۳۹۲ نوزاد»)
        return bool(nxt) and (key(nxt.group(1)) in _COUNTABLE or key(nxt.group(1)) in _UNIT_OF
                              or _qualifier(doc, start)[0] != "exact" and not _is_verb_or_function(nxt.group(1)))
    words = _WORD_NUMBER.match(n.text) is not None
    if words and n.value == 1:
        return False
    if words and n.value < 10 and n.kind != "percent":
        nxt = re.match(rf"{GAP}([^\s،,.]+)", doc.text[end:end + 30])
        return bool(nxt) and (key(nxt.group(1)) in _COUNTABLE or key(nxt.group(1)).endswith(_FACILITY_SUFFIXES))
    return True


_ELLIPSIS = re.compile(rf"^{GAP}(?:،|,|و(?![\w\u200c]))")
# a rate's denominator: «۳/۲ در هزار کودک», «۱۸ در ۱۰۰ هزار نفر», «به ازای هر ۱۰۰ هزار نفر»
_PER = rf"(?:در|هر){GAP}"
_RATE_AFTER = re.compile(rf"{GAP}در{GAP}(?:(?:ده|صد|یکصد|[0-9۰-۹]+){GAP})?(?:هزار|میلیون)(?![\w\u200c])")
_DENOMINATOR_BEFORE = re.compile(rf"(?<![\w\u200c]){_PER}$")
_DENOMINATORS = {10, 100, 1000, 10_000, 100_000, 1_000_000}


def _percent(n) -> bool:
    """A percentage, or a range of percentages («بین ۲۰ تا ۳۰ درصد»)."""
    return n.kind == "percent" or (n.kind == "range" and n.unit_word == PERCENT_WORD)


class _Figure(NamedTuple):
    """A number of a sentence that counts something, and what its list says of it."""
    n: object  # the NumberMatch
    start: int
    end: int
    subject: str  # the noun phrase after it
    stop: int  # where that noun phrase ends
    label: str = ""  # the item a list pairs it with: «دو نفره», «در سال ۹۸»
    topic: str = ""  # what a change «X از A به B» is of


def _figures(doc: Document, sent, dates) -> list[_Figure]:
    """The sentence's statistics, with what their lists say of each.

    In a list the counted noun is written once, after the last figure
    («بیرجند با ۹۵۰، نهبندان با ۶۲۰ و طبس با ۴۳۰ کودک»): a figure followed by
    «،» or «و» takes the subject of the next one, and so does a unit written after
    each figure («۳۰۵۳۲ نفر، ۲۸۴۱۲ نفر و ۷۵۲۹ نفر از دختران …»), each item keeping its
    label («برای خانوارهای یک نفره ۳۵۰ هزار تومان، دو نفره ۵۰۰ هزار تومان …») or the
    one «به ترتیب» pairs it with; both sides of a change («مستمری … از ۵ میلیون به ۸
    میلیون تومان») are amounts of what the clause names before them.
    """
    found = []
    for n in find_numbers(doc.text[sent.start:sent.end]):
        start, end = n.start + sent.start, n.end + sent.start
        if n.value in _DENOMINATORS and _DENOMINATOR_BEFORE.search(doc.text[max(0, start - 8):start]):
            continue  # «در هزار», «هر ۱۰۰ هزار نفر»: the base of a rate
        if _is_statistic(doc, n, sent.start, dates):
            if rate := _RATE_AFTER.match(doc.text, end, sent.end):  # «۳/۲ در هزار کودک»: a rate per thousand
                base, stop = noun_phrase(doc, rate.end(), sent.end)
                if not base or key(base.split()[0]) not in _UNIT_OF:  # of a population («کودک», «نفر») or bare
                    base, stop = "", rate.end()
                found.append([n, start, end, f"{rate.group().strip()} {base}".strip(), stop])
                continue
            subject, stop = noun_phrase(doc, end, sent.end, _percent(n))
            if subject and not _PERSIAN.search(subject):
                continue  # «۱۰ df»: a file name or an address, not a counted noun
            found.append([n, start, end, subject, stop])
    for i in range(len(found) - 2, -1, -1):
        if not found[i][3] and found[i + 1][3] and (_ELLIPSIS.match(doc.text[found[i][2]:found[i][2] + 3])
                                                    or _CHANGE_FROM_TO(doc, found[i][1], found[i][2])):
            found[i][3] = found[i + 1][3]
        elif found[i][3] and len(found[i + 1][3].split()) > 1 and found[i][3] == found[i + 1][3].split()[0] \
                and key(found[i][3]) in _BARE_LIST_UNITS and _list_gap(doc, found[i][4], found[i + 1][1]) is not None:
            # «۳۰۵۳۲ نفر، ۲۸۴۱۲ نفر و ۷۵۲۹ نفر از دختران …», «۳۵۰ هزار تومان، دو نفره ۵۰۰ هزار تومان مستمری …»
            found[i][3] = found[i + 1][3]
    labels = [""] * len(found)
    for i in range(1, len(found)):
        before, here = found[i - 1][3], found[i][3]
        if here and len(here.split()) == 1 and key(here) in counted.CLASSIFIERS and len(before.split()) > 1 \
                and key(before.split()[0]) == key(here) and (label := _list_gap(doc, found[i - 1][4], found[i][1])) is not None:
            # «مادران ۵ تا ۹ سال ۱۸ مورد ازدواج و زنان ۱۰ تا ۱۴ سال ۲۴۰۵ مورد»: the noun is written once, first
            found[i][3], labels[i] = before, label
    figures = [_Figure(*f, label=label) for f, label in zip(found, labels)]
    figures = _changes(doc, sent, figures)
    return _labels(doc, sent, figures)


def _changes(doc: Document, sent, figures: list[_Figure]) -> list[_Figure]:
    """«مستمری سالمندان از ۵ میلیون و ۲۰۰ هزار به ۸ میلیون تومان … می‌رسد»: both amounts count the
    unit of the second and are of what the clause names before «از» (the figures' topic)."""
    out = list(figures)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        q = _qualifier(doc, a.start)[1]
        frm = re.search(rf"(?<![\w\u200c])از{GAP}$", doc.text[max(sent.start, q - 6):q])
        between = re.fullmatch(rf"{GAP}(?:([^\s\u200c]+)[\s\u200c]+)?به{GAP}", doc.text[a.end:_qualifier(doc, b.start)[1]])
        if frm is None or between is None or not b.subject:
            continue
        unit = b.subject.split()[0]
        if key(unit) not in _UNIT_OF and key(unit) not in counted.CLASSIFIERS \
                or between.group(1) and key(between.group(1)) != key(unit):  # «از ۷ میلیون تومان به ۱۰ میلیون تومان»
            continue
        from_at = max(sent.start, q - 6) + frm.start()
        boundary = counted.clause_start(doc, sent.start, from_at)
        if i > 0:
            boundary = max(boundary, out[i - 1].stop)
        topic = _noun_phrase_from(doc, boundary, from_at)
        if not topic:
            continue
        unit_end = doc.text.find(unit, b.end) + len(unit)
        out[i] = a._replace(subject=unit, topic=topic)
        out[i + 1] = b._replace(subject=unit, stop=unit_end, topic=topic)
    return out


def _noun_phrase_from(doc: Document, begin: int, end: int) -> str:
    """The noun phrase (with its modifiers) that opens ``begin:end``, after a joiner or a name that
    opens it («و مستمری سالمندان معلول», «حسینی گفت: مستمری …»), else ""."""
    for tok in TOKEN.finditer(doc.text, begin, end):
        if tok.group() in "،,:" or key(tok.group()) == key("و") or key(tok.group()) in counted.FILLERS \
                or any(m.kind == "person" and m.start <= tok.start() < m.end for m in doc.mentions):
            continue
        phrase = noun_phrase(doc, tok.start(), end)
        if not phrase.text:
            return ""
        more = counted.modifiers(doc, phrase.end, end)
        return _join(phrase.text, more.text)
    return ""


_IN_TURN = re.compile(rf"به{GAP}ترتیب[\s\u200c]+")


def _labels(doc: Document, sent, figures: list[_Figure]) -> list[_Figure]:
    """The item each figure of a list is given for: the words between it and the figure before
    («، دو نفره ۵۰۰ هزار تومان»; the first item's after its preposition: «برای خانوارهای یک نفره
    ۳۵۰ هزار تومان»), when the list writes one unit after each figure; or, after «به ترتیب», the
    items listed in the same order («… به ترتیب در سال ۹۷، ۹۸ و ۹۹ …»)."""
    out = list(figures)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].subject and out[j].subject and _list_gap(doc, out[j].stop, out[j + 1].start) is not None:
            j += 1
        if j > i and not any(f.label for f in out[i:j + 1]):
            run = out[i:j + 1]
            labels = _in_turn(doc, sent, run) or _item_labels(doc, sent, run)
            if labels:
                out[i:j + 1] = [f._replace(label=label) for f, label in zip(run, labels)]
        i = j + 1
    return out


def _in_turn(doc: Document, sent, run: list[_Figure]) -> list[str] | None:
    """«… ۲۱ نفر و ۸ نفر از پسران … به ترتیب در سال ۹۷، ۹۸، ۹۹ و ۱۴۰۰ ازدواج کردند»: the items in order."""
    after = doc.text[run[-1].stop:sent.end]
    m = _IN_TURN.search(after)
    if m is None or re.search(r"[0-9۰-۹]", after[:m.start()]) and not re.search(r"سال", after[m.end():m.end() + 12]):
        return None
    rest = re.match(r"[^.؛;:!؟?]*", after[m.end():]).group()
    parts = [p.strip() for p in re.split(r"[،,]|[\s\u200c]و[\s\u200c]", rest) if p.strip()]
    if len(parts) < len(run):
        return None
    parts = parts[:len(run)]
    last_words = parts[-1].split()
    if len(last_words) > 1:  # «… و ۱۴۰۰ ازدواج کردند»: the verb after the last item
        parts[-1] = last_words[0]
    head = parts[0].split()[:-1]  # «در سال ۹۷، ۹۸»: the first item's words before its own
    return [parts[0]] + [_join(*head, p) if head and len(p.split()) == 1 else p for p in parts[1:]]


def _item_labels(doc: Document, sent, run: list[_Figure]) -> list[str] | None:
    """«برای خانوارهای یک نفره ۳۵۰ هزار تومان، دو نفره ۵۰۰ هزار تومان …»: each item's words; a later item
    names the first one's head noun once («دو نفره» is «خانوارهای دو نفره»)."""
    units = {key(f.subject.split()[0]) for f in run}
    if len(units) != 1 or units - _BARE_LIST_UNITS:
        return None
    labels = [_list_gap(doc, a.stop, b.start) or "" for a, b in zip(run, run[1:])]
    q = _qualifier(doc, run[0].start)[1]
    lead = re.search(rf"(?<![\w\u200c])(?:برای|در|به)[\s\u200c]+([^.،,؛;:«»()0-9۰-۹]{{2,40}}?){GAP}$",
                     doc.text[max(sent.start, q - 50):q])
    first = lead.group(1) if lead and not any(is_verb(w) for w in lead.group(1).split()) else ""
    if not any(labels) or any(f.topic for f in run) or any(_names_place(doc, sent, lab) for lab in labels) \
            or any(lab and is_function_word(lab.split()[-1]) for lab in labels):  # «سبزوار با ۲۱۰ نفر»
        return None
    head = first.split()[0] if first and len(first.split()) > 1 else ""
    return [first] + [_join(head, lab) if head and lab else lab for lab in labels]


def _names_place(doc: Document, sent, text: str) -> bool:
    k = key(text)
    return bool(k) and any(m.kind == "place" and sent.start <= m.start < sent.end and key(m.text) in k for m in doc.mentions)


# units written after each figure of a list and the counted noun once, after the last
_BARE_LIST_UNITS = frozenset(key(w) for w in ("نفر", "تن", "مورد", "فقره", "پرونده", "خانوار", "تومان", "ریال"))


def _CHANGE_FROM_TO(doc: Document, start: int, end: int) -> bool:
    """«از ۵ میلیون و ۲۰۰ هزار به ۸ میلیون تومان»: the first of a change takes the unit of the second."""
    return bool(re.search(rf"(?<![\w\u200c])از{GAP}$", doc.text[max(0, start - 6):start])) \
        and re.match(rf"{GAP}به[\s\u200c]", doc.text[end:end + 5]) is not None


# between two figures of one list: a joiner and a short label of the next item («، دو نفره», «و زنان ۱۰ تا ۱۴ سال»)
_LIST_GAP = re.compile(rf"{GAP}(?:،|,|و){GAP}(?P<label>[^.،,؛;:!؟?«»()]{{0,40}}?){GAP}")


def _list_gap(doc: Document, stop: int, next_start: int) -> str | None:
    """The next item's label when the text between two figures only goes on with a list, else None."""
    m = _LIST_GAP.fullmatch(doc.text, stop, _qualifier(doc, next_start)[1])
    if m is None:
        return None
    label = m.group("label")
    words = label.split()
    if len(words) > 5 or any(is_verb(w) or counted.is_finite(w) for w in words):
        return None
    return label


class _Reading(NamedTuple):
    """What one figure counts (see :mod:`builder.extract.counted`)."""
    subject: str  # as the article says it: the facts' unit_or_subject
    population: str  # the counted noun phrase; for a share, its part
    core: str  # population and what happened to it: what a later «از این تعداد» repeats
    whole: str | None  # a share's whole
    measure: str | None  # ontology/measures.ttl concept
    back: bool  # read from the previous figure's group


_PERSIAN = re.compile(r"[\u0620-\u06D3]")
_CHANGE = frozenset(key(w) for w in ("کاهش", "افزایش", "رشد", "کاهشی", "افزایشی"))
_MONEY = frozenset(key(w) for w in ("ریال", "تومان"))
_SHARE_VERB = re.compile(r"تشکیل")  # «… ۵۰ درصد مددجویان را تشکیل می‌دهند»: the clause's subject is the part
_AVERAGE = re.compile(rf"(?:به{GAP}طور{GAP})?(?:متوسط|میانگین){GAP}(?:[^\s\u200c]+{GAP})?$")


def _join(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


# a figure inside a prepositional phrase («در ۱۰ شهرستان», «با ۱۶۵ نفر») is not the clause's subject
_PREPOSITION_BEFORE = re.compile(rf"(?<![\w\u200c])(?:در|با|طی|تا|از|میان|بین|توسط){GAP}$")
# «با ظرفیت ۱۵ نفر», «به ارزش ۱۲۰ میلیارد تومان», «با هزینه ۳۵ میلیارد ریال»: the noun says what is measured
_MEASURE_NOUN_BEFORE = re.compile(
    rf"(?<![\w\u200c])(?:با|به|بر|در)[\s\u200c]+((?:[^\s\u200c،,.:؛;0-9۰-۹«»()]+)(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹«»()]+)?){GAP}$")
_VACUOUS_AMOUNT_NOUNS = frozenset(key(w) for w in ("مبلغ", "رقم"))
_AMOUNT_NOUNS = frozenset(key(w) for w in (
    "ظرفیت", "هزینه", "اعتبار", "ارزش", "کارمزد", "مبلغ", "بودجه", "سرمایه", "مساحت", "مستمری", "یارانه",
    "کمک", "کمک‌هزینه", "وام", "تسهیلات", "سهم", "نرخ", "میانگین", "سقف", "حقوق", "دستمزد", "مزد",
))
# «تسهیلات قرض‌الحسنه ۵۰۰ میلیون ریالی»: an amount used as an adjective of the noun before it
_ADJECTIVAL_UNITS = frozenset(key(w) for w in ("ریالی", "تومانی", "نفری", "درصدی", "هزارنفری"))
_RECENT = 3  # sentences: how far back a bare «نفر» may take its group from


def _read(doc: Document, sent, n, start: int, end: int, head: str, stop: int, limit: int,
          prev: _Reading | None, sibling: _Reading | None, prev_sentence: int = -99,
          gapped: counted.Predicate | None = None) -> _Reading:
    """Subject, population, measure and (for a share) whole of the figure ``n`` at ``start:end``.

    ``head`` is the noun phrase after the number (ending at ``stop``), ``limit`` where the
    next figure of the sentence starts, ``prev`` the last group counted before it in the
    article (for «از این تعداد», «آنان») and ``sibling`` the previous share in its sentence
    (for «۲۹ درصد …، ۲۴ درصد در خصوص …»); ``gapped`` the verb a list shares with its last
    item, for an earlier item that has none of its own.
    """
    share = _percent(n) or n.kind == "fraction"
    words = head.split()
    first = key(words[0]) if words else ""
    classifier = first in counted.CLASSIFIERS and len(words) == 1
    q_start = _qualifier(doc, start)[1]
    before_text = doc.text[max(sent.start, q_start - 40):q_start]
    noun_before = _amount_noun_before(before_text)
    with_preposition = (m := _MEASURE_NOUN_BEFORE.search(before_text)) is not None \
        and key(m.group(1).split()[0]) in _AMOUNT_NOUNS
    if noun_before and _UNIT_OF.get(_singular(first)) in ("persons", "households") and not classifier \
            and key(noun_before.split()[0]) not in _CAPACITY and not with_preposition:
        noun_before = ""  # «با ارائه تسهیلات ۴۱۰ زن …»: the loan does not measure the women
    # «مبلغ ۲۳۰ میلیارد تومان برای … اختصاص داده است»: «مبلغ» alone says only that it is an amount
    vacuous = key(noun_before) in _VACUOUS_AMOUNT_NOUNS and not with_preposition
    if noun_before and not vacuous and (owner := _paid_for(doc, sent.start, q_start, noun_before)):
        noun_before = _join(noun_before, owner)  # «کمک‌هزینه امداد کودکان به مبلغ ۲۵ میلیون ریال»
    if first in _ADJECTIVAL_UNITS:
        return _Reading(_join(words[0].removesuffix("ی"), _words_before(doc, sent.start, q_start)), head, head,
                        None, measure_for(_words_before(doc, sent.start, q_start)), False)
    in_phrase = bool(noun_before) and not vacuous or bool(_PREPOSITION_BEFORE.search(before_text))
    back = counted.refers_back_before(doc, sent.start, start)
    pointer = counted.pronoun_after(doc, stop, limit) if (classifier or share or not words) else None
    if pointer is not None and pointer[1] and not _names_a_population(pointer[1]):
        pointer = None  # «۱۱۵۰ نفر از این یارانه استفاده کرده‌اند»: an object, not the group
    pos = stop
    if pointer is not None:
        pos, noun = pointer
        back = True
        if noun and not share:
            head = noun if classifier else head
    mods = counted.modifiers(doc, pos, limit, len(words), last=words[-1] if words and pos == stop else "",
                             people=_UNIT_OF.get(first) == "persons" and len(words) == 1)
    pred = None if in_phrase else counted.predicate(doc, mods.end, limit, open_end=limit >= sent.end)
    if pred is None and gapped is not None and not in_phrase:
        # «۸۹۰ میلیون تومان به صورت نقدی، … و ۳۰۰ میلیون تومان خدمات درمانی به نیازمندان کمک شده است»
        pred = gapped._replace(complement=_join(counted.own_words(doc, mods.end, limit), gapped.complement))
    said = _join(pred.complement, pred.verbal) if pred else ""
    before = _nominal_before(doc, sent.start, start)
    measure = measure_for(_join(mods.text, said)) or measure_for(" ".join(words[1:])) \
        or measure_for(noun_before) or (measure_for(before) if before else None)
    if first in _CALL_NOUNS:
        measure = MEASURES + "calls"  # «۴۳۰ تماس … ثبت شد»: calls, whatever was done with them
    if share:
        return _read_share(doc, sent, n, start, _join(noun_before, head), mods, pred, said, measure, back, prev, sibling)
    if not back and prev is not None and _SHARE_OF_BEFORE.search(before_text) and prev.population \
            and (first in counted.CLASSIFIERS or _singular(first) == _singular(prev.population.split()[0])):
        back = True  # «… ۵۵۵ کودک کار شناسایی شده که سهم خرم‌آباد ۲۷۱ کودک …»: a part of the group just counted
        mods, said = counted.Words("", mods.end), ""
    if back and prev is not None and (first in counted.CLASSIFIERS or (prev.population and first == key(prev.population.split()[0]))):
        rest = " ".join(words[1:])
        kept = words[0] if first in counted.CLASSIFIERS else ""  # «۱۳۵ نفر از آنان»: the classifier stays
        subject = _join(kept, prev.core, rest, mods.text, said)
        return _Reading(subject, prev.population, _join(prev.core, rest), None, measure or prev.measure, True)
    if classifier and not pointer and not in_phrase:
        found = counted.topic(doc, sent.start, q_start)
        if found is not None:
            about = found[0]
            rest = counted.strip_stat_noun(about)
            led = rest != about or counted.refers_back(about)
            if led or (pred is not None and (pred.copula or _REACHED.match(key(pred.verb)))):
                if counted.refers_back(rest or about) and prev is not None:
                    return _Reading(_join(prev.core, mods.text, said), prev.population, prev.core, None,
                                    measure or prev.measure, True)
                if rest and rest != about and prev is not None and not _names_a_population(rest):
                    rest = _join(prev.population, about)  # «آمار واقعی ۱۴ هزار نفر»: the previous group's
                if rest:
                    return _Reading(_join(rest, mods.text, said), rest, _join(rest, pred.verbal if pred else ""),
                                    None, measure, False)
    if classifier and not pointer and not back and not noun_before and first in _PERSON_CLASSIFIERS \
            and (group := _group_before(doc, sent.start, q_start)):
        # «در کمپ‌های ماده ۱۶ معتادان متجاهر … به ۱۶۵۰ نفر خدمات‌رسانی شده»: the people are those just named
        return _Reading(_join(group, mods.text, said), group, _join(group, pred.verbal if pred else ""), None,
                        measure, False)
    people = prev is not None and _UNIT_OF.get(key(prev.population.split()[0])) in ("persons", "households")
    if classifier and not mods.text and not noun_before and first in _PERSON_CLASSIFIERS and people \
            and (not said and sent.index - prev_sentence <= _RECENT or said and sent.index == prev_sentence):
        # «مشهد با ۱۳۸۰ نفر و سبزوار با ۲۱۰ نفر»; «۴ هزار کودک کار جمع‌آوری کردیم؛ امروز ۵۰ نفر هم پیدا نمی‌کنیم»
        return _Reading(_join(prev.population, said), prev.population, prev.population, None, measure, True)
    stated = pred is not None and pred.verbal and key(pred.verbal.split()[0]) in _DECLARING \
        or len(words) > 1 and key(words[1]) in _DECLARING  # «۸۵۰ هزار تومان اعلام و خاطر نشان کرد»
    if (classifier or first in _MONEY or len(words) <= 1) and stated \
            and (declared := _declared_topic(doc, sent.start, q_start)):
        head = words[0] if len(words) > 1 and key(words[1]) in _DECLARING else head
        # «ارزش هر بسته معیشتی را ۸۵۰ هزار تومان اعلام کرد»: the figure is the value of what was declared
        return _Reading(_join(head, noun_before, declared, mods.text), declared, _join(head, declared), None,
                        measure_for(declared) or measure, False)
    population = " ".join(words[1:]) if first in counted.CLASSIFIERS and len(words) > 1 else head
    verbal = pred.verbal if pred else ""
    if pred is not None and pred.complement and _SHARE_VERB.search(verbal) and "را" in doc.text[stop:pred.end].split():
        # «… دو هزار و پانصد نفر را معلولین تشکیل می‌دهند»: they are the verb's subject
        population = pred.complement
        return _Reading(_join(head, pred.complement), population, _join(head, population), None, measure, False)
    if before and not verbal and key(before) not in key(noun_before):
        verbal = before
    subject = _join(head, noun_before, mods.text, pred.complement if pred else "", verbal)
    return _Reading(subject, population, _join(population, mods.text, verbal), None, measure, False)


# verbs that state a figure: «… را ۸۵۰ هزار تومان اعلام کرد», «… حدود ۱۵ هزار نفر برآورد کرد»
_DECLARING = frozenset(key(w) for w in ("اعلام", "عنوان", "برآورد", "ذکر", "تخمین", "اعلان"))


def _declared_topic(doc: Document, sent_start: int, q_start: int) -> str:
    """What a declared figure is the value of: the words before «را» in its clause («ارزش هر بسته
    معیشتی را …»), else the words that open the clause after whoever declares it («اسدی‌راد ارزش
    این بسته‌ها در مجموع … اعلام کرد»), at most nine and no figure among them; else ""."""
    begin = counted.clause_start(doc, sent_start, q_start)
    tokens = list(TOKEN.finditer(doc.text, begin, q_start))
    ra = next((t for t in reversed(tokens) if key(t.group()) == key("را")), None)
    end = ra.start() if ra is not None else q_start
    names = [m.end for m in doc.mentions if m.kind in ("person", "role", "organization") and begin <= m.start and m.end <= end]
    start = max(names + [begin])
    words = [t.group() for t in TOKEN.finditer(doc.text, start, end) if key(t.group()) not in counted.FILLERS]
    while words and is_function_word(words[0]):
        words.pop(0)
    return " ".join(words) if 1 <= len(words) <= 9 and not any(re.search(r"[0-9۰-۹]", w) for w in words) else ""


def _group_before(doc: Document, sent_start: int, pos: int) -> str:
    """The target group named last before ``pos`` in its sentence, as written («معتادان متجاهر»,
    «کودکان کار»): the group a bare «نفر» counts when nothing else says whose it is; else ""."""
    tokens = list(TOKEN.finditer(doc.text, sent_start, pos))
    places = [m for m in doc.mentions if m.kind in ("place", "person") and sent_start <= m.start < pos]
    for tok in reversed(tokens):
        if is_function_word(tok.group()) or any(m.start <= tok.start() < m.end for m in places):
            continue
        phrase = noun_phrase(doc, tok.start(), pos).text
        cut = next((m.start for m in places if tok.start() < m.start), None)
        if cut is not None:
            phrase = noun_phrase(doc, tok.start(), cut).text
        if phrase and concept_for(" ".join(phrase.split()[:2])) and _UNIT_OF.get(_singular(phrase.split()[0])) == "persons":
            return phrase
    return ""


def _singular(word: str) -> str:
    """«کودکان» → «کودک», «معتادان» → «معتاد» (as keys): a plural person noun's singular."""
    k = key(word)
    for suffix in (key("ان"), key("ها"), key("های")):
        if k.endswith(suffix) and k[:-len(suffix)] in _UNIT_OF:
            return k[:-len(suffix)]
    return k


def _amount_noun_before(before: str) -> str:
    """The noun an amount measures when it stands right before it: «با ظرفیت ۶۰ نفر», «به ارزش ۱۲۰ میلیارد
    تومان», «اعتباری بالغ بر ۱۲ میلیارد ریال» (qualifier already cut off), «ظرفیت پذیرش ۳۰ نفر» (with
    the word that says of what), else ""."""
    m = _MEASURE_NOUN_BEFORE.search(before)
    if m and key(m.group(1).split()[0]) in _AMOUNT_NOUNS:
        return m.group(1)
    m = re.search(rf"(?:^|[\s\u200c])([^\s\u200c،,.:؛;0-9۰-۹«»()]+?)(?:[\u200c]?ای|ی)?{GAP}$", before)
    if m and key(m.group(1)) in _AMOUNT_NOUNS:
        return m.group(1)
    m = re.search(rf"(?:^|[\s\u200c])([^\s\u200c،,.:؛;0-9۰-۹«»()]+)[\s\u200c]+([^\s\u200c،,.:؛;0-9۰-۹«»()]+){GAP}$", before)
    if m and key(m.group(1)) in _AMOUNT_NOUNS and not is_function_word(m.group(2)) and not is_verb(m.group(2)) \
            and key(m.group(2)) not in _AMOUNT_NOUNS:
        return f"{m.group(1)} {m.group(2)}"
    return ""


_CAPACITY = frozenset(key(w) for w in ("ظرفیت", "سقف"))
_ADVERBIAL_NOUNS = frozenset(key(w) for w in ("صورت", "طور", "عنوان", "منظور", "دلیل"))


def _paid_for(doc: Document, sent_start: int, q_start: int, noun_before: str) -> str:
    """What an amount named by its noun belongs to: the words before «به مبلغ / با اعتبار / ظرفیت …»
    («کمک‌هزینه امداد کودکان به مبلغ …», «مرکز نگهداری ظرفیت پذیرش ۳۰ نفر»), not a place or a verb."""
    at = doc.text.rfind(noun_before.split()[0], max(sent_start, q_start - 60), q_start)
    if at < 0:
        return ""
    prep = re.search(rf"(?<![\w\u200c])(?:با|به|بر|در){GAP}$", doc.text[max(sent_start, at - 6):at])
    if prep:
        at = max(sent_start, at - 6) + prep.start()
    places = [m for m in doc.mentions if m.kind in ("place", "person", "organization") and sent_start <= m.start < at]
    words = _words_before(doc, sent_start, at, most=4).split()
    while words and key(words[0]) in counted.TIME_WORDS:
        words.pop(0)
    if words and key(words[0]) in _ADVERBIAL_NOUNS:
        return ""  # «به صورت میانگین ۶۰ نفر»: how, not what
    while words and any(m.start <= doc.text.rfind(words[-1], sent_start, at) < m.end for m in places):
        words.pop()  # «در سقز با اعتبار …»: where, not what
    return " ".join(words)


_REACHED = re.compile(r"(?:ب|می|نمی)?رس(?:ید|د|یده|یدند|ند)$")  # «… به ۲۴۰۰ نفر رسید»: a predicate
_CALL_NOUNS = frozenset(key(w) for w in ("تماس", "تماس‌ها", "تماس‌های"))
MEASURES = "https://w3id.org/fakg/concept/measure/"
_PERSON_CLASSIFIERS = frozenset(key(w) for w in ("نفر", "تن"))
_CASE_CLASSIFIERS = frozenset(key(w) for w in ("مورد", "فقره"))


def _words_before(doc: Document, sent_start: int, pos: int, most: int = 3) -> str:
    """Up to ``most`` content words right before ``pos`` in its sentence («تسهیلات قرض‌الحسنه»)."""
    found = []
    for w in reversed(re.findall(r"[^\s\u200c،,.:؛;«»()]+(?:\u200c[^\s\u200c،,.:؛;«»()]+)*", doc.text[max(sent_start, pos - 60):pos])):
        if is_function_word(w) or is_verb(w) or re.search(r"[0-9۰-۹]", w) or len(found) >= most:
            break
        found.insert(0, w)
    return " ".join(found)


def _read_share(doc, sent, n, start, head, mods, pred, said, measure, back, prev, sibling) -> _Reading:
    """A percentage or fraction: its whole (what it is a share of) and its part (which of them).

    A change («۱۰ درصد کاهش یافت») is a share of what the clause is about: «شمار کودکان خیابانی …
    ۱۰ درصد کاهش یافت» is «درصد کاهش شمار کودکان خیابانی».
    """
    whole = head
    if not head and pred is not None and (pred.copula or _REACHED.match(key(pred.verb))):
        # «نرخ ترک تحصیل دختران … ۱۲/۵ درصد بیشتر از میانگین است», «… به ۳۸/۵ درصد رسیده است»: the clause's subject
        about = counted.topic(doc, sent.start, _qualifier(doc, start)[1])
        whole = about[0] if about is not None else whole
    before = _words_before(doc, sent.start, _qualifier(doc, start)[1], most=1)
    if n.text.endswith("درصدی") and key(before) in _CHANGE:
        whole = _join(before, head)  # «افزایش ۳۰ درصدی مستمری مددجویان»: a change of what follows
    elif head and key(head.split()[0]) in _CHANGE:
        about = counted.topic(doc, sent.start, _qualifier(doc, start)[1])
        if about is not None:
            whole = _join(head, about[0])
    if back and prev is not None and (not whole or counted.refers_back(whole)):
        whole = prev.core
        measure = measure or prev.measure
    elif not whole and sibling is not None and sibling.whole \
            and _LIST_BEFORE.search(doc.text[max(sent.start, start - 40):_qualifier(doc, start)[1]]):
        whole = sibling.whole
    if counted.refers_back(whole):
        whole = prev.core if prev is not None else whole
    part = _join(mods.text, said)
    if pred is not None and pred.object:
        whole = _join(whole, pred.object)  # «۴۵ درصد مددجویان این نهاد را …»
    if pred is not None and (pred.object or "را" in doc.text[start:pred.end].split()) and _SHARE_VERB.search(pred.verbal):
        part = pred.complement or (prev.population if prev is not None and prev.core else "")
        subject = _join("درصد" if _percent(n) else "", whole, f"که {part} هستند" if part else "")
    elif pred and pred.copula and said:
        subject = _join("درصد" if _percent(n) else "", whole, "که", mods.text, said, pred.verb)
    else:
        subject = _join("درصد" if _percent(n) else "", whole, part)
    return _Reading(subject, part or whole, whole, whole or None, measure, back)


# «این رقم», «این میزان», «این نسبت»: the figure restates the previous one's subject
_SAME_FIGURE = re.compile(r"(?<![\w\u200c])(?:این|همین)[\s\u200c]+(?:رقم|میزان|نسبت|آمار|عدد|سهم)(?![\w\u200c])")
# the next item of a list: «…، ۳۴ درصد», «… و فقط ۲ درصد»
_LIST_BEFORE = re.compile(rf"(?:،|,|و){GAP}(?:(?:فقط|تنها|نیز|هم)[\s\u200c]+)?$")


def _nominal_before(doc: Document, sent_start: int, start: int) -> str:
    """A measure named just before the figure as a noun: «شناسایی ۱۴۰۵ کودک», «ثبت ۸۴ هزار تماس»."""
    q_start = _qualifier(doc, start)[1]
    words = re.findall(r"[^\s\u200c،,.:؛;!؟?()«»\"]+(?:\u200c[^\s\u200c،,.:؛;!؟?()«»\"]+)*",
                       doc.text[max(sent_start, q_start - 24):q_start])
    if not words:
        return ""
    last = words[-1]
    if key(last) == key("از") and len(words) > 1:
        # «حمایت از ۶۵۸ یتیم»: a measure that takes «از»; not «… از ۴۰ کودک»
        return words[-2] if key(words[-2]) in _MEASURES_TAKING_FROM else ""
    return last if measure_for(last) and key(measure_for(last) or "") and key(last) in _MEASURE_NOUNS else ""


_MEASURES_TAKING_FROM = frozenset(key(w) for w in ("حمایت", "نگهداری", "مراقبت", "پشتیبانی", "سرپرستی", "بازدید"))
_MEASURE_NOUNS = frozenset(key(w) for w in (
    "شناسایی", "جمع‌آوری", "جمع", "ساماندهی", "پذیرش", "ثبت", "ثبت‌نام", "افتتاح", "احداث", "تحویل",
    "ارجاع", "معرفی", "حمایت", "پوشش", "اسکان", "نگهداری", "آزادی", "بازگشت", "استخدام", "تحصیل", "اشتغال", "ساخت",
))


def _names_a_population(words: str) -> bool:
    """The words name who is counted (a target group or a countable noun), not only a kind of figure."""
    return bool(concept_for(words)) or any(_singular(w) in _UNIT_OF or _singular(w) in _COUNTABLE for w in words.split())


@component(NAME, requires=("text", "sentences", "article", "mentions", "places", "posts", "quotes", "setting"),
           assigns=("statistics",))
def extract(doc: Document) -> None:
    ref = doc.article.published.date() if doc.article.published else None
    seen: dict[tuple, Statistic] = {}
    prev: _Reading | None = None  # the last group counted: what «از این تعداد» refers to
    prev_sentence = -99
    last_share = ""  # the last percentage's subject: what «این رقم … ۲۲ درصد بود» restates
    for sent in doc.sentences:
        text = doc.text[sent.start:sent.end]
        dates = find_dates(text, ref)
        figures = _figures(doc, sent, dates)
        sibling: _Reading | None = None
        last: tuple | None = None  # the sentence's previous count: (reading, value, stop)
        whole: tuple | None = None  # the count a partition lists the parts of: (reading, value)
        for i, fig in enumerate(figures):
            n, start, end, subject, stop = fig[:5]
            if _percent(n):
                unit = "percent"
            elif not subject:
                continue
            elif _RATE_AFTER.match(" " + subject):
                unit = "rate"
            else:
                unit = _UNIT_OF.get(key(subject.split()[0]), "count")
            stop = max(stop, end)
            approx, q_start = _qualifier(doc, start)
            limit = _clause_limit(doc, sent, figures, i)
            if unit == "rate":
                reading = _Reading(subject, subject, subject, None, None, False)
            elif fig.topic:  # «مستمری سالمندان از ۵ میلیون به ۸ میلیون تومان می‌رسد»
                reading = _Reading(_join(subject, fig.topic), fig.topic, fig.topic, None, measure_for(fig.topic), False)
            else:
                reading = _read(doc, sent, n, start, end, subject, stop, limit, prev, sibling, prev_sentence,
                                _shared_predicate(doc, sent, figures, i))
            if unit not in ("percent", "rate", "rials", "tomans"):
                whole = _partition(doc, whole, last, q_start, subject, float(n.value), prev)
                counted_here = (reading, float(n.value), stop)
                if whole is not None and not reading.back:  # «که ۲۰۰ نفر از آنها …» says whose it is
                    reading = _as_part(subject, reading, whole[0])
                last = counted_here
            full = reading.subject
            if not fig.topic and (topic := _topic(doc, sent.start, q_start, ("درصد " + subject).strip() if _percent(n) else subject, stop)):
                full, q_start = _join("درصد" if _percent(n) else "", subject, topic[0]), topic[1]
            if _percent(n) and not subject and last_share \
                    and _SAME_FIGURE.search(doc.text[counted.clause_start(doc, sent.start, q_start):q_start]):
                full = last_share  # «… ۲۸ درصد آن مربوط به کودک‌آزاری بوده؛ این رقم در سال ۱۴۰۱ ۲۲ درصد بود»
            full = _join(full, fig.label)
            if _percent(n):
                sibling, last_share = reading, full
                full = full if full.startswith("درصد") else _join("درصد", full)
            elif unit not in ("rials", "tomans", "rate") and reading.population and whole is None \
                    and key(reading.population.split()[0]) not in counted.CLASSIFIERS:
                prev, prev_sentence = reading, sent.index
            value = _counted_value(n, unit)
            head = _head_of(full)
            dedupe = (value, n.kind, head)
            evidence = doc.evidence(q_start, stop, NAME)
            another = any(key(w) in _ANOTHER for w in full.split())  # «۵۵ هزار زن سرپرست خانوار دیگر»: not the same
            if not another and (dedupe in seen or (same := _repeated(doc, value, unit, reading)) is not None):
                first = seen[dedupe] if dedupe in seen else same
                first.evidence.append(evidence)
                first.person = first.person or _speaker(doc, sent.index)
                if len(full.split()) > len(first.subject.split()) and key(first.subject.split()[0]) in counted.CLASSIFIERS:
                    first.subject, first.population = full, reading.population
                elif _only_in_headline(doc, first) and sent.end > _headline_end(doc):
                    # «افتتاح ۲۰۴ واحد مسکونی …» in the headline, «۲۰۴ واحد مسکونی … به بهره‌برداری رسید» in the
                    # body: the body tells it in a sentence, and its qualifier is the careful one
                    first.approx = approx if approx != "exact" else first.approx
                    if reading.population and len(full.split()) > len(first.subject.split()):
                        first.subject, first.population, first.whole = full, reading.population, reading.whole
                        first.measure = reading.measure or first.measure
                        first.concept = concept_for(reading.population) or concept_for(full) or first.concept
                continue
            period = next((d for d in dates if d.start_date), None)
            stat = Statistic(
                value=value,
                approx=approx,
                unit=unit,
                subject=full,
                population=reading.population,
                measure=reading.measure,
                whole=reading.whole,
                high=n.high,
                average=bool(_AVERAGE.search(doc.text[max(sent.start, q_start - 30):q_start])),
                place=_place(doc, sent.index, start, end, stop),
                period=period.iso if period else None,
                period_text=period.text if period else None,
                person=_speaker(doc, sent.index),
                concept=concept_for(reading.population) or concept_for(full) or concept_for(_clause(doc, end, sent.end)),
                text=doc.text[q_start:stop],
                evidence=[evidence],
            )
            seen.setdefault(dedupe, stat)
            doc.statistics.append(stat)
    _merge_title_figures(doc)


# «۶۵٫۹۵۱ واقعه ولادت»: the decimal sign written for a thousands separator
_THOUSANDS_AS_DECIMAL = re.compile(rf"[0-9۰-۹]{{1,3}}{GAP}٫{GAP}[0-9۰-۹]{{3}}")


def _counted_value(n, unit: str) -> float:
    """The figure's value; a count of people, cases or things is whole, so «۶۵٫۹۵۱» before one
    (three digits after the sign, no scale word) is 65951, while «۲٫۵ درصد» and «۱٫۲ میلیون» stay."""
    if n.kind == "cardinal" and unit not in ("percent", "rate", "rials", "tomans") and n.unit_word is None \
            and _THOUSANDS_AS_DECIMAL.fullmatch(n.text.strip()):
        return float(re.sub(r"[^0-9]", "", align_fold(n.text)))
    return float(n.value)


# «۲۲۲ کودک … شامل ۳۲ دختر و ۱۹۰ پسر», «۶۰۰ نفر که ۵۰۰ مرد …»: what opens a count's parts
_PARTS_OPEN = re.compile(rf"(?:^|[\s\u200c])(?:شامل|که|از[\s\u200c]+جمله|یعنی|به[\s\u200c]+تفکیک){GAP}$")
_PARTS_GO_ON = re.compile(rf"{GAP}(?:،|,|و){GAP}")


# «این تعداد (کودک) شامل …»: the parts of the group just counted
_THIS_MANY_INCLUDE = re.compile(
    rf"(?:این|همین)[\s\u200c]+(?:تعداد|شمار|عده|افراد)(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+)?[\s\u200c]+شامل{GAP}$")


def _partition(doc: Document, whole: tuple | None, last: tuple | None, q_start: int, subject: str,
               value: float, prev: _Reading | None = None) -> tuple | None:
    """The count whose parts a figure lists, or None.

    «۲۲۲ کودک غیر ایرانی مجوز دار شامل ۳۲ دختر و ۱۹۰ پسر، ۲۵۷ کودک …»: a count right after
    another one and «شامل / که / از جمله» opens its parts; the next counts joined by «و» or a comma
    go on with them while they are smaller and count another noun («۲۵۷ کودک» is the next whole).
    """
    if last is None and prev is not None and _THIS_MANY_INCLUDE.search(doc.text[max(0, q_start - 40):q_start]):
        return prev, float("inf")  # «این تعداد کودک شامل ۱۲ دختر و ۱۵ پسر هستند»
    if last is None or value >= last[1] and whole is None:
        return None
    gap = doc.text[last[2]:q_start]
    head = key(subject.split()[0]) if subject else ""
    if whole is not None and _PARTS_GO_ON.fullmatch(gap) and value < whole[1] \
            and head != key(whole[0].population.split()[0]):
        return whole
    if value < last[1] and len(gap) <= 40 and _PARTS_OPEN.search(gap) and not re.search(r"[.؛;:]|[0-9۰-۹]", gap) \
            and not any(is_verb(w) for w in gap.split()) and last[0].population \
            and head != key(last[0].population.split()[0]):
        return last[0], last[1]
    return None


def _as_part(subject: str, reading: _Reading, whole: _Reading) -> _Reading:
    """A part of a listed count: its own noun, «از», and what the whole counts («دختر از کودک کار …»)."""
    own = subject if key(subject.split()[0]) not in counted.CLASSIFIERS else " ".join(subject.split()[1:])
    return _Reading(_join(own, "از", whole.core), whole.population, _join(whole.core, own), None,
                    whole.measure or reading.measure, True)


def _shared_predicate(doc: Document, sent, figures: list[_Figure], i: int) -> counted.Predicate | None:
    """The verb a list of figures shares, for figure ``i`` when a later item of its list has it:
    the items are joined by «،» or «و» with nothing between them but their own words (no verb,
    no figure), and the last one's clause ends in a verb («۴۱۰ زن و ۸۸۷ مرد را در طرح‌های اشتغال
    صاحب شغل کردیم»); else None."""
    j = i
    while j + 1 < len(figures) and _goes_on(doc, figures[j], figures[j + 1]):
        j += 1
    if j == i:
        return None
    last = figures[j]
    mods = counted.modifiers(doc, max(last.stop, last.end), sent.end)
    pred = counted.predicate(doc, mods.end, sent.end)
    if pred is None or not pred.verbal:
        return None  # «۸۷ پرونده همسرآزاری، … و ۱۲ پرونده مربوط به … می‌باشد»: each says what it is
    at = doc.text.rfind(pred.verbal.split()[-1], mods.end, pred.end)
    if pred.copula and any(m.start <= at < m.end for m in doc.mentions if m.kind in ("place", "organization", "person")):
        return None  # «… و ۱۴۰ خانواده در نهاوند هستند»: the last item's place, not a shared predicate
    return pred._replace(complement="")  # what follows the last item is its own («… در روستاها سکونت دارند»)


# the end of a list item: a joiner, then at most a short label of the next item
_ITEM_END = re.compile(rf"(?:،|,|(?<![\w\u200c])و){GAP}(?:[^\s\u200c]+{GAP}){{0,3}}$")


def _kind(fig: _Figure) -> str:
    """Shares, amounts of money and counts make lists of their own kind."""
    if _percent(fig.n):
        return "percent"
    return "money" if fig.subject and key(fig.subject.split()[0]) in _MONEY else "count"


def _goes_on(doc: Document, a: _Figure, b: _Figure) -> bool:
    """Figure ``b`` is the next item of ``a``'s list: between them only ``a``'s own words, a joiner
    and a label, and ``b`` is no figure inside a phrase («شناسایی و در ۲ مرکز …»)."""
    q = _qualifier(doc, b.start)[1]
    gap = doc.text[max(a.stop, a.end):q]
    words = gap.split()
    return _kind(a) == _kind(b) and len(gap) <= 80 and not re.search(r"[.؛;:!؟?]", gap) and _ITEM_END.search(gap) is not None \
        and not _PREPOSITION_BEFORE.search(doc.text[max(0, q - 12):q]) \
        and not any(counted.is_finite(w) or key(w) == key("که") for w in words)


def _clause_limit(doc: Document, sent, figures: list, i: int) -> int:
    """Where figure ``i``'s words end: at the next figure of its sentence that is not inside a
    prepositional phrase («… پنج هزار نفر توسط ۱۵ گشت … پذیرش شده‌اند»), else the sentence end."""
    here = figures[i]
    nested = counted.counted_clause_end(doc, doc.text.find("که", here.stop, sent.end) + 2, sent.end) \
        if re.match(rf"{GAP}که[\s\u200c]", doc.text[here.stop:here.stop + 6]) else None
    for f in figures[i + 1:]:
        q = _qualifier(doc, f[1])[1]
        if nested is not None and q < nested:
            continue  # «۴۰۰ مددجو که ۲۰۰ نفر از آنها …، …»: a relative clause's own figure
        if _kind(here) == "count" and _kind(f) == "money" and _UNIT_OF.get(_singular(here.subject.split()[0])) in ("persons", "households") \
                and not re.search(r"[؛;:]", doc.text[here.stop:q]) \
                and not re.search(rf"(?:[،,]|(?<![\w\u200c])و){GAP}$", doc.text[here.stop:q]):
            continue  # «۱۱ هزار حامی … ماهانه ۱۴۰۰ هزار ریال به حساب یتیمان واریز می‌کنند»: what they pay, in their clause
        if not _PREPOSITION_BEFORE.search(doc.text[max(sent.start, q - 12):q]) \
                and not _AMOUNT_PHRASE_BEFORE.search(doc.text[max(sent.start, q - 20):q]):
            return q
    return sent.end


# «… از کمک‌هزینه به مبلغ ۲۵ میلیون ریال بهره‌مند می‌شوند»: an amount inside another figure's clause
_AMOUNT_PHRASE_BEFORE = re.compile(rf"(?<![\w\u200c])(?:به|با)[\s\u200c]+(?:مبلغ|ارزش|اعتبار|هزینه|رقم){GAP}$")


def _repeated(doc: Document, value: float, unit: str, reading: _Reading) -> Statistic | None:
    """An earlier observation of the same figure told in other words: same value, both counts of
    people, with a classifier on one side («تحصیل ۴۱۱۲ دانش‌آموز» in the headline, «۴۱۱۲ نفر» in
    the body) or a value too particular to recur by chance («۳۷ هزار و ۸۳۹ زن سرپرست خانوار», later
    «۳۷ هزار و ۸۳۹ خانوار آن»), or cases counted by a classifier («۱۸ ازدواج» in the headline, «۱۸ مورد
    ازدواج» in the body)."""
    people = {"persons", "households"}
    for st in doc.statistics:
        if st.value != value or st.unit == "percent" or unit == "percent":
            continue
        bare = key(st.subject.split()[0]) in counted.CLASSIFIERS or key(reading.subject.split()[0]) in counted.CLASSIFIERS
        unround = value >= 100 and value % 10 != 0  # «۴۱۱۲» twice in one article is one figure
        kinds = {st.unit, unit} - {"count"}
        if (bare or unround) and (kinds <= people or kinds == {"cases"}):
            return st
    return None


# «سهم خرم‌آباد ۲۷۱ کودک»: the part of the group just counted that falls to a place or kind
_SHARE_OF_BEFORE = re.compile(rf"(?<![\w\u200c])سهم[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+)?{GAP}$")
_ANOTHER = frozenset(key(w) for w in ("دیگر", "دیگری"))
_QUANTIFIERS = frozenset(key(w) for w in ("درصد", "کل", "همه", "مجموع", "تمام", "کلیه"))


def _head_of(subject: str) -> str:
    """The noun a figure counts, for telling repeats apart: «درصد از کل زنان …» and «درصد زنان …» are of «زن»."""
    words = [w for w in subject.split() if key(w) not in _QUANTIFIERS and key(w) != key("از")]
    return _singular(words[0]) if words else key(subject.split()[0]) if subject else ""


def _headline_end(doc: Document) -> int:
    """Where the headline ends in the text (its first line, when it is the article's title), else 0."""
    title = doc.article.title
    first = doc.text.split("\n", 1)[0]
    return len(first) if title and key(first) == key(title) else 0


def _only_in_headline(doc: Document, stat: Statistic) -> bool:
    end = _headline_end(doc)
    return bool(end) and all(0 <= e.sentence and doc.sentences[e.sentence].end <= end for e in stat.evidence[:-1])


def _merge_title_figures(doc: Document) -> None:
    """A headline figure restated in the body in other words («۱۷ درصد مداخلات …» in the
    title, «۱۷ درصد کودک‌آزاری» in the body) is the body's observation: same value, same unit;
    when the body says only its unit («با افزایش ۳۰ درصدی برای …»), the headline says what it is of."""
    title = doc.article.title
    first = doc.text.split("\n", 1)[0]
    if not title or key(first) != key(title):
        return
    in_title = [s for s in doc.statistics if all(e.sentence >= 0 and doc.sentences[e.sentence].end <= len(first) for e in s.evidence)]
    for stat in in_title:
        body = next((s for s in doc.statistics if s not in in_title and s.value == stat.value and s.unit == stat.unit), None)
        if body is not None:
            body.evidence = stat.evidence + body.evidence
            if len(body.subject.split()) == 1 and len(stat.subject.split()) > 1:
                body.subject, body.population, body.whole = stat.subject, stat.population, stat.whole
                body.concept = body.concept or stat.concept
            doc.statistics.remove(stat)
