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
# «۱۲ ساله», «۶ سالگی», «۲۴ ساعته», «۱۰ روزه»: an age or a duration used as an adjective
_AGE_AFTER = re.compile(r"^[\s\u200c]*(?:سال(?:ه|گی)?|ساله|ماهه|روزه|ساعته)(?![\w\u200c])")
# «ساعت از ۱۱ شب گذشته», «۲ بامداد»: a clock time
_CLOCK_AFTER = re.compile(r"^[\s\u200c]*(?:شب|بامداد|صبح|عصر|ظهر)(?![\w\u200c])")
# «چند هزار میلیارد تومان», «ده‌ها هزار نفر»: a vague amount, not a figure
_VAGUE_BEFORE = re.compile(r"(?<![\w\u200c])(?:چند|چندین|ده[\s\u200c]*ها|صدها|هزاران)[\s\u200c]*$")
# the next number of a list of labels: «مناطق ۱۶ و ۱۹», «مواد ۳، ۵ و ۷»
_LABEL_LIST_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:منطقه|مناطق|ناحیه|نواحی|خیابان|کوچه|پلاک|ماده|مواد|بند|بندهای|تبصره|اصل|اصول|شماره)"
    r"[\s\u200c]*[0-9۰-۹]+(?:[\s\u200c]*(?:،|,|و|تا)[\s\u200c]*[0-9۰-۹]+)*[\s\u200c]*(?:،|,|و|تا)[\s\u200c]*$"
)
_COUNTABLE = frozenset(key(w) for w in (
    "کودک", "نوجوان", "نفر", "زن", "مرد", "دختر", "پسر", "خانوار", "خانواده", "مددجو", "معلول", "سالمند",
    "مرکز", "مهد", "مهدکودک", "خانه", "موسسه", "مؤسسه", "انجمن", "سازمان", "پرونده", "مورد", "تماس", "گروه",
    "استان", "شهرستان", "شهر", "روستا", "مدرسه", "کلاس", "جلسه", "نشست", "تیم", "واحد", "طرح", "برنامه",
    "پایگاه", "اتاق", "تخت", "دستگاه", "نقطه", "منطقه", "محله", "فقره", "بسته", "نوبت", "دانش‌آموز", "دانش آموز",
))
# facilities are countable whatever their name: «دو گرمخانه», «سه آسایشگاه», «دو کارگاه»
_FACILITY_SUFFIXES = tuple(key(w) for w in ("خانه", "گاه"))
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


# an age after the counted noun belongs to it: «کودک ۳ تا ۶ ساله», «نوجوان ۱۵ ساله»
_AGE_MODIFIER = re.compile(r"[0-9۰-۹]+(?:[\s\u200c]*(?:تا|-)[\s\u200c]*[0-9۰-۹]+)?[\s\u200c]*ساله(?![\w\u200c])")
# a partitive «از» after a measure word: «۶۵۰ هزار نفر از افراد دارای معلولیت», «۳۰ درصد از کودکان»
_PARTITIVE_HEADS = frozenset(key(w) for w in ("نفر", "مورد", "فقره", "تن"))
_DEMONSTRATIVE = frozenset(key(w) for w in ("این", "آن"))


def _subject(doc: Document, start: int, limit: int, percent: bool = False) -> tuple[str, int]:
    """The noun phrase after a number: words until a function word, verb, punctuation or number.

    A superlative («بیشترین») ends it: it qualifies the noun after it.  After a
    measure word (and right after «درصد») a partitive «از» is read through, and after
    «درصد» a demonstrative too («۶۴ درصد این کودکان»): what is counted follows them.
    """
    words: list[tuple[str, int]] = []
    head_next = True  # the next word heads a noun phrase: only a function word refuses it
    pos = start
    while (m := _TOKEN.search(doc.text, pos, limit)) is not None:
        pos, w = m.end(), m.group()
        if words and (age := _AGE_MODIFIER.match(doc.text, m.start(), limit)):
            words.append((age.group(), age.end()))
            pos = age.end()
            continue
        if not re.search(r"[\u0620-\u06D3A-Za-z]", w) or re.search(r"[0-9۰-۹]", w):
            break
        measure = percent and not words or len(words) == 1 and key(words[0][0]) in _PARTITIVE_HEADS
        if measure and head_next is not None and (key(w) == key("از") or percent and not words and key(w) in _DEMONSTRATIVE):
            nxt = _TOKEN.search(doc.text, pos, limit)
            if nxt and re.search(r"[\u0620-\u06D3]", nxt.group()) and not is_function_word(nxt.group()):
                head_next = None  # read through once
                continue
        if key(w) == key("و"):
            nxt = _TOKEN.search(doc.text, m.end(), limit)
            if nxt and words and not is_stop(nxt.group()) and not is_verb(nxt.group()) and not find_numbers(nxt.group()):
                words.append((w, m.end()))
                continue
            break
        # hazm's stop words include counted nouns («مورد», «نفر»): a head noun is only refused if it is a function word
        if (is_function_word(w) if head_next is not False else is_stop(w)) or is_verb(w) \
                or (words and key(w) in (key("شده"), key("شد"))) or (words and key(w).endswith(key("ترین"))):
            break
        words.append((w, m.end()))
        head_next = False
        if len(words) >= _SUBJECT_WORDS:
            break
    while words and key(words[-1][0]) == key("و"):
        words.pop()
    if not words:
        return "", start
    return " ".join(w for w, _ in words), words[-1][1]


# «یارانه ماهانه هر سالمند ۸۵ میلیون ریال است»: a bare measure before a copula is the predicate
_COPULA_AFTER = re.compile(r"[\s\u200c]*(?:است|بود|بوده|می[\s\u200c]*باشد|هست|رسید|رسیده|می[\s\u200c]*رسد)(?![\w\u200c])")
_BARE_MEASURES = frozenset(key(w) for w in ("درصد", "ریال", "تومان", "دقیقه", "ساعت", "روز", "برابر"))
# where a clause starts: punctuation, «که», «اینکه», or «و» after a finite verb («… است و …»)
_CLAUSE_START = re.compile(
    r".*(?:[:،,؛;]|(?<![\w\u200c])(?:که|این[\s\u200c]*که|(?:است|بود|بوده|شد|شده|دارد|دارند|هستند)[\s\u200c]+و)(?![\w\u200c]))",
    re.S)


def _topic(doc: Document, sent_start: int, start: int, subject: str, stop: int) -> tuple[str, int] | None:
    """The clause's subject when the figure is its predicate and names only a measure.

    «سهم زنان از تماس‌گیرندگان ۶۱ درصد بوده است» counts «سهم زنان», not «درصد», and «نرخ
    گزارش کودک‌آزاری به ۳/۲ در هزار رسید» is a rate of «نرخ گزارش کودک‌آزاری»:
    (noun phrase at the clause start, where it starts), or None.
    """
    bare = _RATE_AFTER.fullmatch(" " + subject) or all(key(w) in _BARE_MEASURES for w in subject.split())
    if not bare or not _COPULA_AFTER.match(doc.text, stop):
        return None
    lead = _CLAUSE_START.match(doc.text, sent_start, start)
    begin = lead.end() if lead else sent_start
    begin += len(doc.text[begin:start]) - len(doc.text[begin:start].lstrip())
    topic, _ = _subject(doc, begin, start)
    return (topic, begin) if topic else None


def _clause(doc: Document, start: int, limit: int) -> str:
    """The words after a figure up to the clause's verb («۹۲ نقطه ... که محل فعالیت کودکان کار است»)."""
    for m in _TOKEN.finditer(doc.text, start, limit):
        if is_verb(m.group()):
            return doc.text[start:m.start()]
    return doc.text[start:limit]


def _inside(doc: Document, start: int, end: int, kinds: tuple[str, ...]) -> bool:
    return any(m.kind in kinds and m.start <= start and end <= m.end for m in doc.mentions)


_NEAR_QUALIFIER = r"(?:حدود|حدودا|تقریبا|بیش\s*از|بیشتر\s*از|نزدیک\s*به|قریب\s*به|بالغ\s*بر|کمتر\s*از)"
_WITH = re.compile(rf"[\s\u200c]+با[\s\u200c]+{_NEAR_QUALIFIER}?[\s\u200c]*$")
_LIST_JOIN = re.compile(r"(?:^|[\s\u200c])(?:و|با)[\s\u200c]")
# «در شهرستان‌های شهرکرد، فارسان و لردگان»: the first of a list, not the figure's one place
_PLURAL_PLACE_BEFORE = re.compile(r"(?:شهرستان|شهر|استان|روستا|بخش)[\s\u200c]*ها(?:ی)?[\s\u200c]*$")
_THIS_CITY = re.compile(r"(?:این|همین)[\s\u200c]*(?:شهرستان|شهر)(?![\w\u200c])")


# between a place and its figure: «در شهرستان آبیک نیز کمتر از ۳۰۰ کودک»
_BARE_QUALIFIER = re.compile(rf"^[\s\u200c]*(?:(?:نیز|هم)[\s\u200c]+)?(?:(?:{_NEAR_QUALIFIER}|هم[\s\u200c]*اکنون|اکنون)[\s\u200c]*)?$")


def _place(doc: Document, sentence: int, start: int, end: int, stop: int) -> str | None:
    """The place a figure is about.

    1. a place it is given for («چابهار با حدود شش هزار کودک»), or the place it
       directly follows («در شهرستان قوچان حدود ۳۲۰ خانوار»);
    2. the one place named after it in its clause («۲۹۰ نفر در نیشابور», «کودک کار
       تهران»), not across «و»/«با» after its counted noun (the next item of a list),
       and not a list of places («در شهرستان‌های شهرکرد، فارسان و …»: the figure is
       the province's);
    3. «این شهر(ستان)» around it: the last city named before;
    4. the jurisdiction of whoever gives it (:func:`_speaker_post`): the county of a
       county office's head, a governor's or prosecutor's city, a DG's province;
    5. else the city of a city story (:func:`_main_place`), else the article's province:
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
    post = _speaker_post(doc, sentence, start)
    if post is not None:
        city = _city_of(doc, post)
        if city:
            return city
        if post.place in doc.places and doc.places[post.place].kind == "province":
            return post.place
    return doc.scratch.get("main_place") or doc.article.province


_CITY_OFFICIALS = frozenset(key(w) for w in ("دادستان", "شهردار", "فرماندار", "بخشدار"))


def _speaker_post(doc: Document, sentence: int, start: int):
    """The post of whoever gives a figure: the speaker quoted in its paragraph, else the
    official named by role at the start of its sentence («مدیرکل … از … خبر داده بود»)."""
    para = _paragraph(doc, doc.sentences[sentence].start)
    quoted = None
    for q in doc.quotes:
        qs = q.evidence[0].sentence if q.evidence else -1
        if 0 <= qs <= sentence and _paragraph(doc, doc.sentences[qs].start) == para:
            quoted = q
    if quoted is not None:
        if quoted.speaker:  # of a person's posts, the one named in this paragraph
            held = [i for i, p in enumerate(doc.posts) if p.holder == quoted.speaker]
            named = [m.ref for m in doc.mentions if m.kind == "role" and m.ref in held
                     and m.sentence <= sentence and _paragraph(doc, m.start) == para]
            return doc.posts[named[-1]] if named else doc.posts[held[0]] if held else None
        return next((p for p in doc.posts if p.title == quoted.post), None)
    role = next((m for m in doc.mentions if m.kind == "role" and m.sentence == sentence and m.end <= start), None)
    return doc.posts[role.ref] if role is not None and isinstance(role.ref, int) and role.ref < len(doc.posts) else None


def _main_place(doc: Document) -> str | None:
    """The city a story is about when its main speaker is a city official (a mayor, a
    county governor, a prosecutor, the head of a municipal body or of a county office);
    else None, and figures without a place of their own belong to the article's province."""
    speaker = next((q for q in doc.quotes if q.speaker or q.post), None)
    post = _speaker_post(doc, speaker.evidence[0].sentence, len(doc.text)) if speaker and speaker.evidence else None
    post = post or next((p for p in doc.posts if p.holder), None)
    return _city_of(doc, post) if post is not None else None


def _city_of(doc: Document, post) -> str | None:
    """The city or county a post serves, when it is a city-level post; else None."""
    org = doc.organizations.get(post.organization) if post.organization else None
    seen = set()
    while org is not None and org.place is None and org.parent and org.parent not in seen:  # «سازمان رفاه … شهرداری ساری»
        seen.add(org.parent)
        org = doc.organizations.get(org.parent)
    where = (org.place if org else None) or post.place
    if where not in doc.places or doc.places[where].kind == "province":
        return None
    # a university of medical sciences is named after the capital but serves the province
    city_body = org is not None and org.kind == "government" and org.place == where and not org.name.startswith("دانشگاه")
    county_office = key("شهرستان") in {key(w) for w in post.title.split()}
    if city_body or county_office or key(post.title.split()[0]) in _CITY_OFFICIALS:
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
    if _NOT_STAT_BEFORE.search(before) or _VAGUE_BEFORE.search(before) \
            or _LABEL_LIST_BEFORE.search(doc.text[max(0, start - 40):start]):
        return False
    if _AGE_AFTER.match(doc.text[end:end + 8]) or _CLOCK_AFTER.match(doc.text[end:end + 8]):
        return False
    if n.kind == "cardinal" and (1300 <= n.value <= 1500 or 1950 <= n.value <= 2100) and re.fullmatch(r"[0-9۰-۹]{4}", n.text.strip()):
        nxt = re.match(r"[\s\u200c]*([^\s\u200c،,.]+)", doc.text[end:end + 30])
        return bool(nxt) and key(nxt.group(1)) in _COUNTABLE  # a year, unless a counted noun follows: «۱۴۰۲ تماس»
    words = _WORD_NUMBER.match(n.text) is not None
    if words and n.value == 1:
        return False
    if words and n.value < 10:
        nxt = re.match(r"[\s\u200c]*([^\s،,.]+)", doc.text[end:end + 30])
        return bool(nxt) and (key(nxt.group(1)) in _COUNTABLE or key(nxt.group(1)).endswith(_FACILITY_SUFFIXES))
    return True


_ELLIPSIS = re.compile(r"^[\s\u200c]*(?:،|,|و(?![\w\u200c]))")
# a rate's denominator: «۳/۲ در هزار کودک», «۱۸ در ۱۰۰ هزار نفر», «به ازای هر ۱۰۰ هزار نفر»
_PER = r"(?:در|هر)[\s\u200c]*"
_RATE_AFTER = re.compile(r"[\s\u200c]*در[\s\u200c]*(?:(?:ده|صد|یکصد|[0-9۰-۹]+)[\s\u200c]*)?(?:هزار|میلیون)(?![\w\u200c])")
_DENOMINATOR_BEFORE = re.compile(rf"(?<![\w\u200c]){_PER}$")
_DENOMINATORS = {10, 100, 1000, 10_000, 100_000, 1_000_000}


def _figures(doc: Document, sent, dates) -> list[tuple]:
    """(number, start, end, subject, stop) of the sentence's statistics.

    In a list the counted noun is written once, after the last figure
    («بیرجند با ۹۵۰، نهبندان با ۶۲۰ و طبس با ۴۳۰ کودک»): a figure followed by
    «،» or «و» takes the subject of the next one.
    """
    found = []
    for n in find_numbers(doc.text[sent.start:sent.end]):
        start, end = n.start + sent.start, n.end + sent.start
        if n.value in _DENOMINATORS and _DENOMINATOR_BEFORE.search(doc.text[max(0, start - 8):start]):
            continue  # «در هزار», «هر ۱۰۰ هزار نفر»: the base of a rate
        if _is_statistic(doc, n, sent.start, dates):
            if rate := _RATE_AFTER.match(doc.text, end, sent.end):  # «۳/۲ در هزار کودک»: a rate per thousand
                base, stop = _subject(doc, rate.end(), sent.end)
                if not base or key(base.split()[0]) not in _UNIT_OF:  # of a population («کودک», «نفر») or bare
                    base, stop = "", rate.end()
                found.append([n, start, end, f"{rate.group().strip()} {base}".strip(), stop])
                continue
            subject, stop = _subject(doc, end, sent.end, n.kind == "percent")
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
            elif _RATE_AFTER.match(" " + subject):
                unit = "rate"
            else:
                unit = _UNIT_OF.get(key(subject.split()[0]), "count")
            stop = max(stop, end)
            approx, q_start = _qualifier(doc, start)
            if topic := _topic(doc, sent.start, q_start, subject, stop):
                subject, q_start = f"{subject} {topic[0]}", topic[1]
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
    _merge_title_figures(doc)


def _merge_title_figures(doc: Document) -> None:
    """A headline figure restated in the body in other words («۱۷ درصد مداخلات …» in the
    title, «۱۷ درصد کودک‌آزاری» in the body) is the body's observation: same value, same unit."""
    title = doc.article.title
    first = doc.text.split("\n", 1)[0]
    if not title or key(first) != key(title):
        return
    in_title = [s for s in doc.statistics if all(e.sentence >= 0 and doc.sentences[e.sentence].end <= len(first) for e in s.evidence)]
    for stat in in_title:
        body = next((s for s in doc.statistics if s not in in_title and s.value == stat.value and s.unit == stat.unit), None)
        if body is not None:
            body.evidence = stat.evidence + body.evidence
            doc.statistics.remove(stat)
