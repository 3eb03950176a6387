"""Where the figures of a sentence are, and which of them are statistics.

A number in a news sentence is often no statistic: a year, an age, a hotline, a clock time, an
ordinal, a law's article.  This module finds the numbers of a sentence (:func:`builder.text.numbers.find_numbers`),
keeps those that count or measure something (:func:`_is_statistic`), reads their qualifier («حدود»,
«بیش از»), their changes («از ۳۰ به ۴۵ درصد») and the labels of a list of figures («به ترتیب …»),
for :mod:`builder.extract.statistics`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from ..text.document import Document
from ..text.lexicon import is_given_name, is_surname_like, table
from ..text.numbers import PERCENT_WORD
from ..text.patterns import GAP, LETTER
from ..text.textkey import key
from . import clauses, counted
from .counted import TOKEN, noun_phrase
from .tokens import is_function_word, is_verb


# «قریب چهار میلیون»; «از مرز ۴۰۰ هزار نفر گذشت»: past the mark
_ABOUT = re.compile(rf"(?:حدود|حدودا|حدوداً|در\s*حدود|نزدیک(?:\s*به)?|قریب(?:\s*به)?|تقریبا|تقریباً|حوالی|(?:به{GAP})?طور{GAP}تقریبی){GAP}$")
_MORE = re.compile(rf"(?:از{GAP}مرز|بیش\s*از|بیشتر\s*از|بالغ\s*بر|بالای|بالاتر\s*از|افزون\s*بر|فزون\s*بر|متجاوز\s*از|فراتر\s*از|حداقل|دست{GAP}کم){GAP}$")
_LESS = re.compile(rf"(?:کمتر\s*از|کم{GAP}تر\s*از|زیر|کمتر\s*از|حداکثر){GAP}$")
# a label before its number: «منطقه ۱۲», «ناحیه‌ی ۲», «سال ۹۸», and «درسال ۹۷» written without its space
_NOT_STAT_BEFORE = re.compile(
    rf"(?<![\w\u200c])(?:در)?(?:منطقه|مناطق|ناحیه|خیابان|کوچه|پلاک|بزرگراه|خط|شماره|سامانه|تلفن|تماس\s*با|(?:کد|شناسه){GAP}(?:خبر|مطلب)|شناسه|کد|رتبه|مقام|ردیف|ماده|بند|تبصره|اصل|سال|سالهای|سال{GAP}های|دهه|قرن|ساعت|کیلومتر\s*مربع|دهک|دهک{GAP}های)"
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
_AGE_AFTER = re.compile(rf"^{GAP}(?:سال(?:ه|ۀ|گی)?|ساله|ماهه|ماهگی|روزه|ساعته|نفره)(?![\w\u200c])")  # «گروه‌های ۱۵ نفره»: a size
# «چهار نوع مرکز», «سه گونه خدمت»: a count of kinds, not of things; «۳ دهک پایین»: deciles, a kind too;
# «قانونی با ۳۴ ماده، ۲۲ تبصره و ۱۰ فصل»: the parts of a text, not things counted in the world
_KINDS_AFTER = re.compile(rf"^{GAP}(?:نوع|گونه|دهک|ماده|تبصره|فصل)(?![\w\u200c])")
# «۵۶ خ سعدی», «۱۲ کوچه …»: an address
_ADDRESS_AFTER = re.compile(rf"^{GAP}(?:خ|خیابان|کوچه|بلوار|میدان)(?![\w\u200c])")
# «کلانشهر ۳/۵ میلیون نفری مشهد»: a place's population, said of the place
_PLACE_POPULATION = re.compile(rf"(?<![\w\u200c])(?:کلان{GAP}شهر|شهر|استان|شهرستان|کشور|روستای){GAP}$")
_PER_PERSON = re.compile(rf"^{GAP}نفری(?![\w\u200c])")
# «۲۴ ساعت», «۴۰ دقیقه», «۹۰ روز»: a duration, not a figure
_DURATION_AFTER = re.compile(rf"^{GAP}(?:ساعت|دقیقه|ثانیه|روز|هفته|ماه|کیلومتری)(?![\w\u200c])")  # «۱۸ کیلومتری …»: where
# «با ۱۲۳ تماس بگیرند», «به ۱۳۷ اطلاع دهند»: a number dialled, not counted
_DIALLED = re.compile(rf"^[^،,.؛;:]{{0,40}}?(?:تماس|اطلاع|خبر){GAP}(?:ب?گیر|گرفت|حاصل|ده|داد)")
_HOTLINES = frozenset({110, 115, 123, 125, 137, 1480, 1570, 1525, 1526})
# «۰۳ May ۲۰۲۴», «Friday 03 May»: a day of a month written in Latin letters
_LATIN_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
                r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_LATIN_MONTH_AFTER = re.compile(rf"^\s*{_LATIN_MONTH}(?![A-Za-z])", re.I)
_LATIN_MONTH_BEFORE = re.compile(rf"(?<![A-Za-z]){_LATIN_MONTH}\s*$", re.I)
# a card, account or phone number: a long run of digits with no separator («۶۰۳۷۹۹۷۵۹۱۲۳۴۵۶۷۸», «۰۹۱۲۳۴۵۶۷۸۹»)
_IDENTIFIER = re.compile(r"[0-9۰-۹]{11,}|[0۰][0-9۰-۹]{7,}")
# «…/آمار-طلاق-در-استان-۲۴-درصد-کاهش-یافت», «۳۰-ژوئن-۲۰۱۵»: a number inside a web address's words joined by
# hyphens, which a scraped page prints as a line of its own
_SLUG_BEFORE = re.compile(r"[\u0620-\u06D3A-Za-z]-[ \u200c]*$")
_SLUG_AFTER = re.compile(r"^[ \u200c]*-[\u0620-\u06D3A-Za-z\u200c]+-")
# «https://golestanp.ir?p=236331»: a number inside a web address; «15/12/83»: the year of a slashed date
_IN_ADDRESS_BEFORE = re.compile(r"(?:https?://|www\.)[^\s]*$")
_SLASHED_DATE_BEFORE = re.compile(r"(?<![0-9۰-۹/])[0-9۰-۹]{1,2}[ \u200c]*/[ \u200c]*[0-9۰-۹]{1,2}[ \u200c]*/[ \u200c]*$")
# «۰ نظر / ۶ بازدید», «۱۲۷ بازدید»: a page's counter of comments or views
_COUNTER_AFTER = re.compile(r"^[ \u200c]*(?:بازدید|نظر|دیدگاه)[ \u200c]*(?:/|\n|$)")
# «ساعت از ۱۱ شب گذشته», «۲ بامداد»: a clock time
_CLOCK_AFTER = re.compile(rf"^{GAP}(?:شب|بامداد|صبح|عصر|ظهر)(?![\w\u200c])")
# «چند هزار میلیارد تومان», «ده‌ها هزار نفر»: a vague amount, not a figure
_VAGUE_BEFORE = re.compile(rf"(?<![\w\u200c])(?:چند|چندین|ده{GAP}ها|صدها|هزاران){GAP}$")
# the next number of a list of labels: «مناطق ۱۶ و ۱۹», «مواد ۳، ۵ و ۷»
_LABEL_LIST_BEFORE = re.compile(
    rf"(?<![\w\u200c])(?:منطقه|مناطق|ناحیه|نواحی|خیابان|کوچه|پلاک|ماده|مواد|بند|بندهای|تبصره|اصل|اصول|شماره|دهک|دهک{GAP}های)"
    rf"(?:\u200cی|\u0654)?{GAP}[0-9۰-۹]+(?:{GAP}(?:،|,|و|تا){GAP}[0-9۰-۹]+)*{GAP}(?:،|,|و|تا){GAP}$"
)
_COUNTABLE = frozenset(key(w) for w in (
    "کودک", "نوجوان", "نفر", "زن", "مرد", "دختر", "پسر", "خانوار", "خانواده", "مددجو", "معلول", "سالمند",
    "مرکز", "مهد", "مهدکودک", "خانه", "موسسه", "مؤسسه", "انجمن", "سازمان", "پرونده", "مورد", "تماس", "گروه",
    "استان", "شهرستان", "شهر", "روستا", "مدرسه", "کلاس", "جلسه", "نشست", "تیم", "واحد", "طرح", "برنامه",
    "پایگاه", "اتاق", "تخت", "دستگاه", "نقطه", "منطقه", "محله", "فقره", "بسته", "نوبت", "دانش‌آموز", "دانش آموز",
))
# the vehicles, lines and staff a service runs with, counted in words too: «با سه خودرو», «دو خط تلفن ۱۲۳»,
# «دو اورژانس سیار», «پنج مددکار» (not after a hotline's number: «۱۲۳ اورژانس اجتماعی» is the line)
_SERVICE_UNITS = frozenset(key(w) for w in (
    "خودرو", "ون", "آمبولانس", "خط", "اورژانس", "کمپ", "شعبه", "مددکار", "کارشناس", "مشاور", "روانشناس"))
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


def _inside(doc: Document, start: int, end: int, kinds: tuple[str, ...]) -> bool:
    return any(m.kind in kinds and m.start <= start and end <= m.end for m in doc.mentions)


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
        # not the area the counted ones lie in, named with its own noun: «۵ شهر استان گلستان»
        return any(x.start in (at, after) and x.kind == "place" and key(x.text) not in _PLACE_NOUNS
                   and (x.start == at or key(x.text.split()[0]) not in _PLACE_NOUNS) for x in doc.mentions)
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
    if _IDENTIFIER.fullmatch(n.text.strip()) or _LATIN_MONTH_AFTER.match(doc.text[end:end + 12]) \
            or _LATIN_MONTH_BEFORE.search(doc.text[max(0, start - 12):start]):
        return False  # an identifier, or the day of a date in Latin letters
    if _COUNTER_AFTER.match(doc.text[end:end + 12]) or _IN_ADDRESS_BEFORE.search(doc.text[max(0, start - 80):start]) \
            or _SLASHED_DATE_BEFORE.search(doc.text[max(0, start - 12):start]):
        return False
    if _SLUG_AFTER.match(doc.text[end:end + 40]) or _SLUG_BEFORE.search(doc.text[max(0, start - 4):start]) \
            and doc.text[end:end + 3].lstrip(" \u200c").startswith("-"):
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
            or _LABEL_LIST_BEFORE.search(doc.text[max(0, start - 40):start]) and n.unit_word not in _SCALE_WORDS:
        return False
    after = doc.text[end:end + 12]
    if _AGE_AFTER.match(after) or _CLOCK_AFTER.match(after) or _DURATION_AFTER.match(after) or _KINDS_AFTER.match(after):
        return False
    if re.search(rf"(?<![\w\u200c])(?:با|به){GAP}$", before) and _DIALLED.match(doc.text[end:end + 60]):
        return False
    if n.kind == "cardinal" and n.value in _HOTLINES and re.fullmatch(r"[0-9۰-۹]+", n.text.strip()):
        nxt = _word_after(doc, end)
        if not nxt or key(nxt) not in _COUNTABLE or _DIALLED.match(doc.text[end:end + 60]):
            return False  # «با شماره‌های ۱۲۳ و ۱۳۷ تماس بگیرند»: dialled, however it is introduced
    if _ADDRESS_AFTER.match(doc.text[end:end + 12]) \
            or _PLACE_POPULATION.search(doc.text[max(0, start - 16):start]) and _PER_PERSON.match(doc.text[end:end + 8]):
        return False
    if n.kind == "range" and _years(n.value) and _years(n.high or 0) and abs((n.high or 0) - n.value) <= 2 \
            and re.fullmatch(rf"[0-9۰-۹]{{4}}{GAP}[-–/]{GAP}[0-9۰-۹]{{4}}", n.text.strip()):
        return key(_word_after(doc, end)) in _COUNTABLE  # «سال تحصیلی ۱۴۰۲-۱۴۰۱»: a school year
    if n.kind == "cardinal" and _years(n.value) and re.fullmatch(r"[0-9۰-۹]{4}", n.text.strip()):
        nxt = _word_after(doc, end)
        # a year, unless a counted noun follows («۱۴۰۲ تماس») or a qualifier says it is a quantity («حدود ۱۳۹۲ نوزاد»)
        return bool(nxt) and (key(nxt) in _COUNTABLE or key(nxt) in _UNIT_OF
                              or _qualifier(doc, start)[0] != "exact" and not _is_verb_or_function(nxt))
    size = counted.SIZE_LABEL.match(doc.text, start) if n.kind == "cardinal" else None
    if size and (re.search(rf"درصد{GAP}$", before) or re.search(r"(?:بیشتر|بالاتر)$", size.group())):
        return False  # «۱۲ درصد سه نفر», «پنج نفر و بیشتر»: the size of the households, not a count
    words = _WORD_NUMBER.match(n.text) is not None
    if words and n.value == 1:  # «یک»: an article, unless a list of counts goes on with it
        return _one_more_item(doc, start, end)
    if words and n.value < 10 and n.kind != "percent":
        nxt = re.match(rf"{GAP}([^\s،,.]+)", doc.text[end:end + 30])
        return bool(nxt) and (key(nxt.group(1)) in _COUNTABLE or key(nxt.group(1)) in _SERVICE_UNITS
                              or key(nxt.group(1)).endswith(_FACILITY_SUFFIXES))
    return True


# «۱۲ مورد همسرآزاری و یک مورد …»: the classifier of the item before, then «و», right before «یک»
_ITEM_BEFORE_ONE = re.compile(rf"[0-9۰-۹]{GAP}([^\s\u200c،,.:؛;0-9۰-۹]+)(?:{GAP}[^\s\u200c،,.:؛;0-9۰-۹]+){{0,3}}{GAP}و{GAP}$")


def _one_more_item(doc: Document, start: int, end: int) -> bool:
    """«یک» counts when it is the next item of a list of counts and takes the same classifier."""
    item = _ITEM_BEFORE_ONE.search(doc.text, max(0, start - 60), start)
    nxt = _word_after(doc, end)
    return bool(item and nxt) and key(item.group(1)) == key(nxt) and key(nxt) in counted.CLASSIFIERS \
        and not any(counted.is_finite(w) for w in item.group().split())  # items of one clause, not two clauses


_NEXT_WORD = re.compile(rf"{GAP}([^\s\u200c،,.]+)")


def _word_after(doc: Document, end: int) -> str:
    """The word right after a number ending at ``end`` (within 30 characters), or ""."""
    m = _NEXT_WORD.match(doc.text[end:end + 30])
    return m.group(1) if m else ""


_DECIMAL_COMMA = re.compile(r"[،,][0-9۰-۹]")  # «۵،۶ درصد» as the page writes it: a decimal, not a list
# «۲۴۶ نفر از این کودکان …»: a classifier that says whose it is, not an item sharing the list's noun
_FROM_AFTER = re.compile(rf"{GAP}از(?![\w\u200c])")


def _years(value: float) -> bool:
    """A value a page may write for a year, solar or Gregorian."""
    return 1300 <= value <= 1500 or 1950 <= value <= 2100


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
    for n in doc.numbers[sent.index]:
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
        if not found[i][3] and found[i][0].kind == "cardinal" and _percent(found[i + 1][0]) \
                and _ELLIPSIS.match(doc.text[found[i][2]:found[i][2] + 3]) \
                and not _DECIMAL_COMMA.match(doc.raw, doc.raw_span(found[i][2], found[i][2] + 1)[0]):
            # «۱۵/۲، ۱۲/۱ و ۱۲/۶ درصد»: a list's percent sign is written once, after its last item
            found[i][0] = replace(found[i][0], kind="percent", unit_word=PERCENT_WORD)
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
                and key(before.split()[0]) == key(here) and not _FROM_AFTER.match(doc.text, found[i][4]) \
                and (label := _list_gap(doc, found[i - 1][4], found[i][1])) is not None:
            # «مادران ۵ تا ۹ سال ۱۸ مورد ازدواج و زنان ۱۰ تا ۱۴ سال ۲۴۰۵ مورد»: the noun is written once, first
            found[i][3], labels[i] = before, "" if _names_place(doc, sent, label) else label  # «…، اصفهان ۲۳۱۰ مورد»: where
    figures = [_Figure(*f, label=label) for f, label in zip(found, labels)]
    figures = _reached(doc, sent, _changes(doc, sent, figures))
    return _labels(doc, sent, figures)


def _changes(doc: Document, sent, figures: list[_Figure]) -> list[_Figure]:
    """«مستمری سالمندان از ۵ میلیون و ۲۰۰ هزار به ۸ میلیون تومان … می‌رسد»: both amounts count the
    unit of the second and are of what the clause names before «از» (the figures' topic)."""
    out = list(figures)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        q = _qualifier(doc, a.start)[1]
        frm = re.search(rf"(?<![\w\u200c])از{GAP}$", doc.text[max(sent.start, q - 6):q])
        # «از ۹۲۳ نفر (در) دولت قبل به ۳۹۳۲ نفر»: the first amount's unit, and when it was, before «به»
        gap = doc.text[a.end:_qualifier(doc, b.start)[1]]
        between = re.fullmatch(rf"{GAP}(?:([^\s\u200c]+)(?:[\s\u200c]+[^\s\u200c0-9۰-۹،,.:؛;]+){{0,4}}?[\s\u200c]+)?به{GAP}", gap)
        # «نسبت … از ۱۱/۴ درصد در سال تحصیلی ۱۳۹۶-۱۳۹۵ به ۱۴ درصد …»: a share changed between two periods
        shares = _percent(a.n) and _percent(b.n) and _PERIOD_BETWEEN.fullmatch(gap) is not None
        if frm is None or not shares and (between is None or not b.subject):
            continue
        unit = b.subject.split()[0] if b.subject else ""
        counted_by_classifier = bool(a.subject) and key(a.subject.split()[0]) in counted.CLASSIFIERS  # «از ۷۲۱ هزار نفر به … حامی»
        if not shares and (key(unit) not in _UNIT_OF and key(unit) not in counted.CLASSIFIERS and not counted_by_classifier
                           or between.group(1) and key(between.group(1)) != key(unit)
                           and key(between.group(1)) not in counted.CLASSIFIERS):  # «از ۷ میلیون تومان به ۱۰ میلیون تومان»
            continue
        from_at = max(sent.start, q - 6) + frm.start()
        boundary = clauses.clause_start(doc, sent.start, from_at)
        if i > 0 and out[i - 1].stop > boundary:  # «… به ۳۹۰۰ نفر رسید و کمک به درمان معلولان از …»: the next item
            joiners = list(re.finditer(r"(?<![\w\u200c])و(?![\w\u200c])|[،,]", doc.text[out[i - 1].stop:from_at]))
            boundary = out[i - 1].stop + (joiners[-1].end() if joiners else 0)
        topic = _noun_phrase_from(doc, boundary, from_at)
        while topic and key(topic.split()[0]) in _CHANGE_NOUNS:  # «افزایش ارایه خدمات … از ۹۲۳ نفر»: what grew
            topic = topic.split(" ", 1)[1] if " " in topic else ""
        if not topic:
            continue
        if shares:
            out[i], out[i + 1] = a._replace(subject="", topic=topic), b._replace(subject="", topic=topic)
            continue
        unit_end = doc.text.find(unit, b.end) + len(unit)
        out[i] = a._replace(subject=unit, topic=topic)
        out[i + 1] = b._replace(subject=unit, stop=unit_end, topic=topic)
    return out


# «… به ۹۰۰ هزار تومان افزایش یافت / پیدا کرد / می‌یابد»: the value a change reached
_TO_BEFORE = re.compile(rf"(?<![\w\u200c])به{GAP}$")
_CHANGED_AFTER = re.compile(rf"{GAP}(?:افزایش|کاهش|رشد|ارتقا|ارتقاء){GAP}(?:یاف|پیدا|می{GAP}یاب|خواهد{GAP}یافت)")


def _reached(doc: Document, sent, figures: list[_Figure]) -> list[_Figure]:
    """«مستمری مددجویان امسال به ۹۰۰ هزار تومان افزایش یافت»: the value a change reached is an amount of
    what the clause names before it (its topic), and the change noun after it is no word of what it counts."""
    out = list(figures)
    for i, f in enumerate(out):
        q = _qualifier(doc, f.start)[1]
        unit = "" if _percent(f.n) or not f.subject else f.subject.split()[0]
        unit_end = f.end if not unit else doc.text.find(unit, f.end) + len(unit)
        to = _TO_BEFORE.search(doc.text, max(sent.start, q - 6), q)
        if f.topic or to is None or not _CHANGED_AFTER.match(doc.text, unit_end) or unit and key(unit) not in _UNIT_OF \
                and key(unit) not in counted.CLASSIFIERS:
            continue
        boundary = clauses.clause_start(doc, sent.start, to.start())
        if i > 0 and out[i - 1].stop > boundary:
            continue  # another figure's clause: «… از ۶۰۰ نفر به …» is :func:`_changes`'s
        topic = _noun_phrase_from(doc, boundary, to.start())
        if topic and key(topic.split()[0]) not in _CHANGE_NOUNS:
            out[i] = f._replace(subject=unit, stop=unit_end, topic=topic)
    return out


_PERIOD_BETWEEN = re.compile(rf"{GAP}(?:در{GAP}(?:پایان{GAP})?(?:سال|سال‌های|دهه|دوره)[^،,.:؛;]{{0,30}}?{GAP})?به{GAP}")


_CHANGE_NOUNS = frozenset(key(w) for w in ("افزایش", "کاهش", "رشد"))
_COMPLEMENT_PREPOSITIONS = frozenset(key(w) for w in ("به", "برای", "در", "با"))


def _noun_phrase_from(doc: Document, begin: int, end: int) -> str:
    """The noun phrase (with its modifiers) that opens ``begin:end``, after a joiner or a name that
    opens it («و مستمری سالمندان معلول», «حسینی گفت: مستمری …»), else ""."""
    for tok in TOKEN.finditer(doc.text, begin, end):
        if tok.group() in "،,:«\"“" or key(tok.group()) == key("و") or key(tok.group()) in counted.FILLERS \
                or any(m.kind == "person" and m.start <= tok.start() < m.end for m in doc.mentions):
            continue
        phrase = noun_phrase(doc, tok.start(), end)
        if not phrase.text:
            return ""
        more = counted.modifiers(doc, phrase.end, end)
        rest = doc.text[max(phrase.end, more.end):end].split()
        if rest and len(rest) <= 5 and (key(rest[0]) in _COMPLEMENT_PREPOSITIONS or not is_function_word(rest[0])) \
                and not re.search(r"[0-9۰-۹،,:؛;.]", " ".join(rest)):
            more_words = " ".join(rest)  # «کمک به درمان معلولان از …»: the rest of what the change is of
        else:
            more_words = ""
        pointer = " ".join(rest[:2])
        if not clauses.strip_stat_noun(phrase.text) and counted.refers_back(pointer):
            return pointer  # «شمار این افراد از ۱۶۰ نفر … به ۳۳۵ نفر …»: the group counted before
        return clauses.strip_stat_noun(_join(phrase.text, more.text, more_words)) or _join(phrase.text, more.text)
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
    return [first] + [_join(head, lab) if head and lab and key(lab.split()[0]) != key(head) else lab for lab in labels]


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
# («و برای خانواده پنج نفره، ۵۹۹ هزار تومان»: a comma may set the label off); an item's own preposition is no label
_LIST_GAP = re.compile(rf"{GAP}(?:،|,|و){GAP}(?:(?:برای|در){GAP})?(?P<label>[^.،,؛;:!؟?«»()]{{0,40}}?){GAP}(?:(?<=\S)[،,]{GAP})?")


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


_PERSIAN = re.compile(r"[\u0620-\u06D3]")


def _join(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())
