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
body repeat figures) is one observation with several pieces of evidence.
"""
from __future__ import annotations

import re

from ..concepts import concept_for
from ..dates import find_dates
from ..document import Document, Statistic
from ..numbers import find_numbers
from ..textkey import key
from .tokens import is_function_word, is_stop, is_verb

_ABOUT = re.compile(r"(?:حدود|حدودا|حدوداً|در\s*حدود|نزدیک\s*به|قریب\s*به|تقریبا|تقریباً|حوالی)[\s\u200c]*$")
_MORE = re.compile(r"(?:بیش\s*از|بیشتر\s*از|بالغ\s*بر|بالای|بالاتر\s*از|افزون\s*بر|فزون\s*بر|متجاوز\s*از|فراتر\s*از)[\s\u200c]*$")
_LESS = re.compile(r"(?:کمتر\s*از|کم[\s\u200c]*تر\s*از|زیر|کمتر\s*از|حداکثر)[\s\u200c]*$")
_NOT_STAT_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:منطقه|مناطق|ناحیه|خیابان|کوچه|پلاک|بزرگراه|خط|شماره|سامانه|تلفن|تماس\s*با|کد|رتبه|مقام|ردیف|ماده|بند|تبصره|اصل|سال|سالهای|سال[\s\u200c]*های|دهه|قرن|ساعت|کیلومتر\s*مربع)[\s\u200c]*$"
)
_AGE_AFTER = re.compile(r"^[\s\u200c]*(?:سال(?:ه|گی)?|ساله|ماهه)(?![\w\u200c])")
_COUNTABLE = frozenset(key(w) for w in (
    "کودک", "نوجوان", "نفر", "زن", "مرد", "دختر", "پسر", "خانوار", "خانواده", "مددجو", "معلول", "سالمند",
    "مرکز", "مهد", "مهدکودک", "خانه", "موسسه", "مؤسسه", "انجمن", "سازمان", "پرونده", "مورد", "تماس", "گروه",
    "استان", "شهرستان", "شهر", "روستا", "مدرسه", "کلاس", "جلسه", "نشست", "تیم", "واحد", "طرح", "برنامه",
    "پایگاه", "اتاق", "تخت", "دستگاه", "نقطه", "منطقه", "محله", "فقره", "بسته", "نوبت", "دانش‌آموز", "دانش آموز",
))
_UNITS = {
    "persons": ("کودک", "نوجوان", "نفر", "زن", "مرد", "دختر", "پسر", "مددجو", "معلول", "سالمند", "دانش آموز", "دانش‌آموز", "کارتن خواب"),
    "households": ("خانوار", "خانواده"),
    "cases": ("پرونده", "مورد", "فقره"),
    "calls": ("تماس",),
    "centres": ("مرکز", "مهد", "خانه", "موسسه", "مؤسسه", "پایگاه", "مدرسه"),
    "rials": ("ریال",),
    "tomans": ("تومان",),
}
_UNIT_OF = {key(w): unit for unit, words in _UNITS.items() for w in words}
_WORD_NUMBER = re.compile(r"^[\u0620-\u064A\u066E-\u06D3\u200c\s]+$")  # letters only: «دو», not «۴»
_SUBJECT_WORDS = 6
_TOKEN = re.compile(r"[^\s\u200c،,.:؛;!؟?()«»\"]+(?:\u200c[^\s\u200c،,.:؛;!؟?()«»\"]+)*|[،,.:؛;!؟?()«»\"]")


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


def _subject(doc: Document, start: int, limit: int) -> tuple[str, int]:
    """The noun phrase after a number: words until a function word, verb, punctuation or number."""
    words: list[tuple[str, int]] = []
    for m in _TOKEN.finditer(doc.text, start, limit):
        w = m.group()
        if not re.search(r"[\u0620-\u06D3A-Za-z]", w) or re.search(r"[0-9۰-۹]", w):
            break
        if key(w) == key("و"):
            nxt = _TOKEN.search(doc.text, m.end(), limit)
            if nxt and words and not is_stop(nxt.group()) and not is_verb(nxt.group()) and not find_numbers(nxt.group()):
                words.append((w, m.end()))
                continue
            break
        # hazm's stop words include counted nouns («مورد», «نفر»): the head noun is only refused if it is a function word
        if (is_stop(w) if words else is_function_word(w)) or is_verb(w) or (words and key(w) in (key("شده"), key("شد"))):
            break
        words.append((w, m.end()))
        if len(words) >= _SUBJECT_WORDS:
            break
    while words and key(words[-1][0]) == key("و"):
        words.pop()
    if not words:
        return "", start
    return " ".join(w for w, _ in words), words[-1][1]


def _clause(doc: Document, start: int, limit: int) -> str:
    """The words after a figure up to the clause's verb («۹۲ نقطه ... که محل فعالیت کودکان کار است»)."""
    for m in _TOKEN.finditer(doc.text, start, limit):
        if is_verb(m.group()):
            return doc.text[start:m.start()]
    return doc.text[start:limit]


def _inside(doc: Document, start: int, end: int, kinds: tuple[str, ...]) -> bool:
    return any(m.kind in kinds and m.start <= start and end <= m.end for m in doc.mentions)


_WITH = re.compile(r"[\s\u200c]+با[\s\u200c]+(?:حدود|بیش\s*از|نزدیک\s*به|قریب\s*به)?[\s\u200c]*$")
_LIST_JOIN = re.compile(r"(?:^|[\s\u200c])(?:و|با)[\s\u200c]")
_THIS_CITY = re.compile(r"(?:این|همین)[\s\u200c]*(?:شهرستان|شهر)(?![\w\u200c])")


_BARE_QUALIFIER = re.compile(r"^[\s\u200c]*(?:(?:حدود|حدودا|بیش\s*از|نزدیک\s*به|قریب\s*به|بالغ\s*بر|کمتر\s*از|هم[\s\u200c]*اکنون|اکنون)[\s\u200c]*)?$")


def _place(doc: Document, sentence: int, start: int, end: int, stop: int) -> str | None:
    """The place a figure is about.

    1. a place it is given for («چابهار با حدود شش هزار کودک»), or the place it
       directly follows («در شهرستان قوچان حدود ۳۲۰ خانوار»);
    2. the one place named after it in its clause («۲۹۰ نفر در نیشابور», «کودک کار
       تهران»), not across «و»/«با» after its counted noun (the next item of a list),
       and not a list of places (then the figure is the province's);
    3. «این شهر(ستان)» around it: the last city named before;
    4. else the city of a city story (:func:`_main_place`), else the article's province:
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
    if len({m.ref for m in after}) == 1:
        return after[0].ref
    if _THIS_CITY.search(doc.text[sent.start:limit]):
        cities = [m for m in doc.mentions if m.kind == "place" and m.end <= start and doc.places[m.ref].kind != "province"]
        if cities:
            return cities[-1].ref
    return doc.scratch.get("main_place") or doc.article.province


_CITY_OFFICIALS = frozenset(key(w) for w in ("دادستان", "شهردار", "فرماندار", "بخشدار"))


def _main_place(doc: Document) -> str | None:
    """The city a story is about when its main speaker is a city official (a mayor, a
    county governor, a prosecutor, the head of a municipal body); else None, and
    figures without a place of their own belong to the article's province."""
    post = next((p for p in doc.posts if p.holder), None)
    if post is None:
        return None
    org = doc.organizations.get(post.organization) if post.organization else None
    seen = set()
    while org is not None and org.place is None and org.parent and org.parent not in seen:  # «سازمان رفاه … شهرداری ساری»
        seen.add(org.parent)
        org = doc.organizations.get(org.parent)
    where = (org.place if org else None) or post.place
    if where not in doc.places or doc.places[where].kind == "province":
        return None
    city_body = org is not None and org.kind == "government" and org.place == where
    if city_body or key(post.title.split()[0]) in _CITY_OFFICIALS:
        return where
    return None


def _paragraph(doc: Document, pos: int) -> int:
    return doc.text.count("\n", 0, pos)


def _speaker(doc: Document, sentence: int) -> str | None:
    """The person quoted in this sentence, else earlier in the same paragraph."""
    para = _paragraph(doc, doc.sentences[sentence].start)
    best = None
    for q in doc.quotes:
        qs = q.evidence[0].sentence if q.evidence else -1
        if q.speaker and 0 <= qs <= sentence and _paragraph(doc, doc.sentences[qs].start) == para:
            best = q.speaker
    return best


def _is_statistic(doc: Document, n, sent_start: int, dates) -> bool:
    start, end = n.start + sent_start, n.end + sent_start
    if n.kind == "ordinal":
        return False
    if any(d.start <= n.start < d.end or n.start <= d.start < n.end for d in dates):
        return False
    if _inside(doc, start, end, ("organization", "program", "person")):
        return False
    before = doc.text[max(0, start - 16):start]
    if _NOT_STAT_BEFORE.search(before) or _AGE_AFTER.match(doc.text[end:end + 8]):
        return False
    if n.kind == "cardinal" and (1300 <= n.value <= 1500 or 1950 <= n.value <= 2100) and re.fullmatch(r"[0-9۰-۹]{4}", n.text.strip()):
        return False
    words = _WORD_NUMBER.match(n.text) is not None
    if words and n.value == 1:
        return False
    if words and n.value < 10:
        nxt = re.match(r"[\s\u200c]*([^\s،,.]+)", doc.text[end:end + 30])
        return bool(nxt) and key(nxt.group(1)) in _COUNTABLE
    return True


_ELLIPSIS = re.compile(r"^[\s\u200c]*(?:،|,|و(?![\w\u200c]))")


def _figures(doc: Document, sent, dates) -> list[tuple]:
    """(number, start, end, subject, stop) of the sentence's statistics.

    In a list the counted noun is written once, after the last figure
    («بیرجند با ۹۵۰، نهبندان با ۶۲۰ و طبس با ۴۳۰ کودک»): a figure followed by
    «،» or «و» takes the subject of the next one.
    """
    found = []
    for n in find_numbers(doc.text[sent.start:sent.end]):
        if _is_statistic(doc, n, sent.start, dates):
            start, end = n.start + sent.start, n.end + sent.start
            subject, stop = _subject(doc, end, sent.end)
            found.append([n, start, end, subject, stop])
    for i in range(len(found) - 2, -1, -1):
        if not found[i][3] and found[i + 1][3] and _ELLIPSIS.match(doc.text[found[i][2]:found[i][2] + 3]):
            found[i][3] = found[i + 1][3]
    return [tuple(f) for f in found]


def extract(doc: Document) -> None:
    ref = doc.article.published.date() if doc.article.published else None
    seen: dict[tuple, Statistic] = {}
    doc.scratch["main_place"] = _main_place(doc)
    for sent in doc.sentences:
        text = doc.text[sent.start:sent.end]
        dates = find_dates(text, ref)
        for n, start, end, subject, stop in _figures(doc, sent, dates):
            if n.kind == "percent":
                subject = ("درصد " + subject).strip()
                unit = "percent"
            elif not subject:
                continue
            else:
                unit = _UNIT_OF.get(key(subject.split()[0]), "count")
            stop = max(stop, end)
            approx, q_start = _qualifier(doc, start)
            value = float(n.value)
            head = key(subject.split()[1] if subject.startswith("درصد ") and len(subject.split()) > 1 else subject.split()[0])
            dedupe = (value, n.kind, head)
            evidence = doc.evidence(q_start, stop, "statistics")
            if dedupe in seen:  # the headline and the lead repeat a figure: one observation
                first = seen[dedupe]
                first.evidence.append(evidence)
                first.person = first.person or _speaker(doc, sent.index)
                continue
            period = next((d for d in dates if d.start_date), None)
            stat = Statistic(
                value=value,
                approx=approx,
                unit=unit,
                subject=subject,
                place=_place(doc, sent.index, start, end, stop),
                period=period.iso if period else None,
                period_text=period.text if period else None,
                person=_speaker(doc, sent.index),
                concept=concept_for(subject) or concept_for(_clause(doc, end, sent.end)),
                text=doc.text[q_start:stop],
                evidence=[evidence],
            )
            seen[dedupe] = stat
            doc.statistics.append(stat)
