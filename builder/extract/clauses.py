"""Where a figure's clause starts and what the clause is about, when the figure is its predicate.

«آمار بازماندگان از تحصیل در سطح استان … حدود ۱۵ هزار نفر برآورد شده است»: the figure says how
many, the clause's opening words say of what (:func:`topic`).  The opening words may be set off
by a comma (:func:`subject_before_comma`: a relative clause «که … هستند،», a year «در سال ۹۷،»),
and «تعداد/شمار/آمار» before them is read through (:func:`strip_stat_noun`).  The phrases are
read with :mod:`builder.extract.counted`'s word classes.  A figure inside «در N شهرستان» counts
the areas where what the clause opens with is (:func:`what_the_areas_have`).  The words right before a
figure (:func:`words_before`) and a measure named there as a noun (:func:`nominal_before`) are read here too.
"""
from __future__ import annotations

import re

from ..graph.concepts import measure_for
from ..text.document import Document
from ..text.patterns import GAP
from ..text.textkey import key
from .counted import (_COPULA, _GROUP_NOUNS, _K, _PARTICIPLE, _PUNCT, _STAT_NOUNS, Words, _a_number, _finite_after,
                      _is_word, _next, _tokens, is_finite, modifiers, noun_phrase, relative_clause)
from .tokens import is_function_word, is_verb


# where a clause starts: punctuation, «که», «اینکه», or «و» after a finite verb («… است و …»)
_CLAUSE_START = re.compile(
    rf".*(?:[:،,؛;]|(?<![\w\u200c])(?:که|این{GAP}که|(?:است|بود|بوده|شد|شده|دارد|دارند|هستند)[\s\u200c]+و)(?![\w\u200c]))",
    re.S)


def clause_start(doc: Document, sent_start: int, start: int) -> int:
    lead = _CLAUSE_START.match(doc.text, sent_start, start)
    begin = max(lead.end() if lead else sent_start, _said_before(doc, sent_start, start))
    return begin + len(doc.text[begin:start]) - len(doc.text[begin:start].lstrip())


def _said_before(doc: Document, sent_start: int, start: int) -> int:
    """Where the last reporting verb before ``start`` ends, when what it reports follows with no colon
    («او گفته میزان باسوادی … از ۶ درصد … به ۶۰ درصد رسیده است»): the reported clause starts there.
    Not «به گفته …», which names the speaker and opens no clause; ``sent_start`` when there is none."""
    found = (doc.reporting_verbs or {}).get(doc.sentence_at(sent_start), [])
    ends = [m.end() for m in found if sent_start <= m.start() and m.end() <= start and not _BY_WORD.match(m.group())]
    return max(ends, default=sent_start)


_BY_WORD = re.compile(rf"به{GAP}گفته")
# a time phrase that opens a clause before its subject: «در شش ماهه اول امسال», «طی سال گذشته», «در سال ۱۴۰۲»
_LEADING_TIME = re.compile(
    rf"(?:(?:در|طی|از{GAP}ابتدای){GAP}(?:[^\s\u200c،,.:؛;]+{GAP}){{0,4}}?"
    rf"(?:امسال|پارسال|جاری|گذشته|اخیر|قبل|پیش|[0-9۰-۹]{{2,4}})"
    rf"|در{GAP}حال{GAP}حاضر|هم{GAP}اکنون)(?![\w\u200c]){GAP}")  # «درحال حاضر تعداد …»: «در» glued to «حال»
# a discourse connector opening a clause before its subject: «همچنین», «ضمناً», «از سوی دیگر»
_LEADING_CONNECTOR = re.compile(rf"(?:همچنین|ضمنا|ضمناً|سپس|علاوه{GAP}بر{GAP}این|از{GAP}سوی{GAP}دیگر|از{GAP}طرف{GAP}دیگر)"
                                rf"(?![\w\u200c])[،,]?{GAP}")
# the source a clause opens with before its subject: «براساس داده‌های منتشر شده», «طبق آمار رسمی»
_LEADING_SOURCE = re.compile(rf"(?:بر{GAP}اساس|طبق|بنابر|به{GAP}استناد){GAP}(?:[^\s\u200c،,.:؛;0-9۰-۹]+{GAP}){{1,3}}?"
                             rf"(?:منتشر{GAP}شده|منتشرشده|موجود|رسمی|اعلام{GAP}شده|اعلام‌شده|جدید|اخیر)(?![\w\u200c]){GAP}")
# a circumstance opening a clause with no comma after it: the subject is the nouns right before the figure
LEADING_CIRCUMSTANCE = re.compile(rf"(?:با|پس{GAP}از|بعد{GAP}از|به{GAP}دنبال|در{GAP}پی)(?![\w\u200c]){GAP}")
# a clause that opens with what its figure is compared with and goes straight on to the figure
_LEADING_COMPARISON = re.compile(rf"نسبت{GAP}به{GAP}(?:[^\s\u200c،,.:؛;]+{GAP}){{0,5}}?"
                                 rf"(?:قبل|گذشته|پیش|مشابه|[0-9۰-۹]{{2,4}}){GAP}(?:یعنی{GAP}[^،,.:؛;]{{0,20}}?)?{GAP}")
_WHOLE = frozenset(_K(w) for w in ("کل", "کلیه", "مجموع", "تمام", "تمامی"))


def topic(doc: Document, sent_start: int, start: int) -> tuple[str, int] | None:
    """The subject of the clause a figure is the predicate of, and where it starts.

    «آمار بازماندگان از تحصیل در سطح استان … حدود ۱۵ هزار نفر برآورد شده است»: the noun
    phrase at the clause start with its modifiers; a leading «تعداد/شمار/آمار» stays
    (the caller decides what it counts).
    """
    begin = clause_start(doc, sent_start, start)
    if not doc.text[begin:start].strip() and (opened := subject_before_comma(doc, sent_start, begin)) is not None:
        begin, start = opened  # «زنان سرپرست تحت پوشش که … نیازمند هستند، ۱ میلیون نفر هستند»
    if (joined := _LEADING_CONNECTOR.match(doc.text, begin, start) or _LEADING_SOURCE.match(doc.text, begin, start)) is not None:
        begin = joined.end()  # «همچنین میزان ترک تحصیل دختران …», «براساس داده‌های منتشر شده نرخ …»: the subject follows
    if _LEADING_COMPARISON.fullmatch(doc.text, begin, start):
        return None  # «… که نسبت به سال گذشته ۰/۱۷ درصد افزایش داشته»: compared with when, no subject of its own
    if (when := _LEADING_TIME.match(doc.text, begin, start)) is not None and noun_phrase(doc, when.end(), start).text:
        begin = when.end()  # «در شش ماهه اول امسال تعداد کودکان کار پذیرفته‌شده … ۵۵ درصد افزایش داشته»
    if LEADING_CIRCUMSTANCE.match(doc.text, begin, start):
        return _noun_before(doc, begin, start)  # «با ارتقای مرکز یارانه سالمندان به ۶۷۰ هزار تومان رسید»
    pointer = re.match(r"(?:این|آن|همین)[\s\u200c]+([^\s\u200c،,.:؛;]+)", doc.text[begin:start])
    if pointer and _K(pointer.group(1)) in _GROUP_NOUNS:
        return pointer.group(), begin
    phrase = noun_phrase(doc, begin, start)
    if not phrase.text:
        return _noun_before(doc, begin, start)
    if not strip_stat_noun(phrase.text):
        phrase = through_whole(doc, phrase, start)
    if (done := _participle_after(doc, phrase.end, start)) is not None:
        # «تعداد تماس‌های برقرار شده با اورژانس اجتماعی … ۲۹ هزار مورد بوده»: «شده» written apart,
        # a participle here: the clause goes on to its figure
        phrase = Words(f"{phrase.text} {doc.text[phrase.end:done].strip()}", done)
    more = modifiers(doc, phrase.end, start)
    text = f"{phrase.text} {more.text}".strip()
    return text, begin


def _before_relative(doc: Document, sent_start: int, begin: int) -> tuple[int, int] | None:
    """(start, end) of the words before «که» when the clause ending at a comma right before ``begin`` is a
    relative clause that ends in a finite verb: the figure after the comma is what those words are; else None."""
    comma = doc.text.rfind("،", sent_start, begin)
    if comma < 0 or doc.text[comma + 1:begin].strip():
        return None
    that = None
    for m in _tokens(doc, sent_start, comma):
        if _K(m.group()) == _K("که"):
            that = m
    if that is None or not relative_clause(doc, that.end(), comma):
        return None
    opening = clause_start(doc, sent_start, that.start())
    return (opening, that.start()) if doc.text[opening:that.start()].strip() else None


def through_whole(doc: Document, phrase: Words, limit: int) -> Words:
    """``phrase`` with what its total is of, when «کل/مجموع …» follows it («تعداد کل پرونده‌های ثبت‌شده»,
    «ارزش کل زباله‌های خشک»): a noun of measure alone says nothing of what is counted."""
    det = _next(doc, phrase.end, limit)
    if det is None or _K(det.group()) not in _WHOLE:
        return phrase
    rest = noun_phrase(doc, det.end(), limit)
    return Words(f"{phrase.text} {det.group()} {rest.text}", rest.end) if rest.text else phrase


def subject_before_comma(doc: Document, sent_start: int, begin: int) -> tuple[int, int] | None:
    """(start, end) of a figure's clause subject set off by the comma right before ``begin``: the words before
    «که» of a relative clause (:func:`_before_relative`), or a stretch without a verb that does not open
    with a number («ارزش کل زباله‌های خشک در سال ۹۷، ۲۶۴۰ میلیارد تومان بوده است», «مبلغ یارانه برای
    دهک‌های ۱ تا ۳، …»; not «۱۲ نفر دختر، ۳۰ نفر پسر»: a list); else None."""
    if (opened := _before_relative(doc, sent_start, begin)) is not None:
        return opened
    comma = doc.text.rfind("،", sent_start, begin)
    if comma < 0 or doc.text[comma + 1:begin].strip():
        return None
    opening = clause_start(doc, sent_start, comma)
    words = list(_tokens(doc, opening, comma))
    if not words or _a_number(words[0].group()) or any(
            m.group() in _PUNCT or is_finite(m.group()) or _K(m.group()) in _COPULA | {_K("که")} for m in words):
        return None
    return opening, comma


def _participle_after(doc: Document, pos: int, limit: int) -> int | None:
    """Where «X شده» right after ``pos`` ends, when X is a content word and no verb follows it; else None."""
    first = _next(doc, pos, limit)
    second = _next(doc, first.end(), limit) if first is not None else None
    if second is None or _K(second.group()) != _K("شده") or not _is_word(first.group()) \
            or is_function_word(first.group()) or is_verb(first.group()) or _finite_after(doc, second.end(), limit):
        return None
    return second.end()


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


def words_before(doc: Document, sent_start: int, pos: int, most: int = 3) -> str:
    """Up to ``most`` content words right before ``pos`` in its sentence («تسهیلات قرض‌الحسنه»)."""
    found = []
    for w in reversed(re.findall(r"[^\s\u200c،,.:؛;«»()]+(?:\u200c[^\s\u200c،,.:؛;«»()]+)*", doc.text[max(sent_start, pos - 60):pos])):
        if is_function_word(w) or is_verb(w) or re.search(r"[0-9۰-۹]", w) or len(found) >= most:
            break
        found.insert(0, w)
    return " ".join(found)


def nominal_before(doc: Document, sent_start: int, q_start: int) -> str:
    """A measure named just before the figure (its qualifier starting at ``q_start``) as a noun: «شناسایی
    ۱۴۰۵ کودک», «ثبت ۸۴ هزار تماس»."""
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


# the areas a figure counts when it says where something is or is done: «در ۴ شهرستان», «در ۵ شهر استان»
_AREAS = frozenset(_K(w) for w in ("استان", "شهرستان", "شهر", "روستا", "بخش", "منطقه", "نقطه", "کشور"))
_IN_BEFORE = re.compile(rf"(?<![\w\u200c])در{GAP}$")
_MAX_WHAT = 6  # words: a longer opening is a sentence of its own, not what the areas have


def what_the_areas_have(doc: Document, sent_start: int, q_start: int, first: str) -> str:
    """«خانه‌های امن زنان در ۴ شهرستان استان راه‌اندازی شده است»: the figure counts the areas where what
    the clause opens with is or is done, so those words say which areas («… که خانه‌های امن زنان در آن
    راه‌اندازی شده»); "" when the figure is no such count or the opening is not a short noun phrase."""
    inside = _IN_BEFORE.search(doc.text, max(sent_start, q_start - 8), q_start)
    if _K(first) not in _AREAS or inside is None:
        return ""
    begin = clause_start(doc, sent_start, inside.start())
    words = doc.text[begin:inside.start()].split()
    if not words or len(words) > _MAX_WHAT or is_function_word(words[0]) \
            or any(_a_number(w) or is_verb(w) or w in _PUNCT for w in words):
        return ""
    return " ".join(words)
