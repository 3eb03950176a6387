"""Statistics: every figure in the body that counts something, as an observation.

For each number (:func:`builder.text.numbers.find_numbers`) in a sentence:

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

from ..components import component
from ..graph.concepts import concept_for, measure_for
from ..text.document import Document, Statistic
from ..text.numbers import align_fold
from ..text.patterns import GAP
from ..text.textkey import key
from . import clauses, counted, predicates, subjects
from .counted import TOKEN, noun_phrase
from .figures import _Figure, _RATE_AFTER, _UNIT_OF, _figures, _join, _percent, _qualifier
from .readings import (_APPOSITIVE_BEFORE, _LIST_BEFORE, _MONEY, item_before_with, placed_item, _PREPOSITION_BEFORE, ranked_item, _Reading,
                       _read, _same_noun, _singular)
from .setting import city_of, paragraph_of, speaker_post
from .tokens import is_function_word, is_verb

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "statistics"


# «یارانه ماهانه هر سالمند ۸۵ میلیون ریال است»: a bare measure before a copula is the predicate
_COPULA_AFTER = re.compile(rf"{GAP}(?:است|بود|بوده|می{GAP}باشد|هست|رسید|رسیده|می{GAP}رسد)(?![\w\u200c])")
_BARE_MEASURES = frozenset(key(w) for w in ("درصد", "ریال", "تومان", "دقیقه", "ساعت", "روز", "برابر"))
# «میزان بازگشت … پنج درصد و در سال گذشته حدود ۱۰ درصد بود»: the first of two figures of one predicate
_LIST_THEN_COPULA = re.compile(
    rf"{GAP}و(?![\w\u200c])[^،,؛;:.]{{0,60}}?[0-9۰-۹\u0620-\u06D3]{GAP}(?:درصد|ریال|تومان)"
    rf"{GAP}(?:است|بود|بوده|می{GAP}باشد|هست|رسید|رسیده|می{GAP}رسد)(?![\w\u200c])")


_POINTER = re.compile(r"[\s\u200c]+(?:این|آن|همین)(?=[\s\u200c])")


def _topic(doc: Document, sent_start: int, start: int, subject: str, stop: int) -> tuple[str, int] | None:
    """The clause's subject when the figure is its predicate and names only a measure.

    «سهم زنان از تماس‌گیرندگان ۶۱ درصد بوده است» counts «سهم زنان», not «درصد», and «نرخ
    گزارش کودک‌آزاری به ۳/۲ در هزار رسید» is a rate of «نرخ گزارش کودک‌آزاری»:
    (noun phrase at the clause start, where it starts), or None.
    """
    bare = _RATE_AFTER.fullmatch(" " + subject) or all(key(w) in _BARE_MEASURES for w in subject.split())
    if not bare or not (_COPULA_AFTER.match(doc.text, stop) or _LIST_THEN_COPULA.match(doc.text, stop)):
        return None
    begin = clauses.clause_start(doc, sent_start, start)
    if not doc.text[begin:start].strip() and (opened := clauses.subject_before_comma(doc, sent_start, begin)):
        begin, start = opened  # «ارزش کل زباله‌های خشک در سال ۹۷، ۲۶۴۰ میلیارد تومان بوده است»
    topic, end = clauses.through_whole(doc, noun_phrase(doc, begin, start), start)
    pointer = _POINTER.match(doc.text, end, start)
    if topic and pointer and (what := noun_phrase(doc, pointer.end(), start).text):
        topic = f"{topic} {what}"  # «ارزش این کمک‌ها … بالغ بر ۷ هزار میلیارد ریال است»: the value of those
    return (topic, begin) if topic else None


def _clause(doc: Document, start: int, limit: int) -> str:
    """The words after a figure up to the clause's verb («۹۲ نقطه ... که محل فعالیت کودکان کار است»)."""
    for m in TOKEN.finditer(doc.text, start, limit):
        if is_verb(m.group()):
            return doc.text[start:m.start()]
    return doc.text[start:limit]


_NEAR_QUALIFIER = r"(?:حدود|حدودا|تقریبا|بیش\s*از|بیشتر\s*از|نزدیک\s*به|قریب\s*به|بالغ\s*بر|کمتر\s*از)"
# «چابهار با حدود شش هزار کودک», «در شهرستان زهک با اعتباری بالغ بر ۶۱ میلیارد ریال»: the place's figure or cost
_WITH = re.compile(rf"[\s\u200c]+با[\s\u200c]+(?:(?:اعتبار|هزینه|مبلغ|سرمایه{GAP}گذاری|ظرفیت)(?:{GAP}ی)?[\s\u200c]+)?"
                   rf"{_NEAR_QUALIFIER}?{GAP}$")
_LIST_JOIN = re.compile(r"(?:^|[\s\u200c])(?:و|با)[\s\u200c]")
# «در شهرستان‌های شهرکرد، فارسان و لردگان»: the first of a list, not the figure's one place
_PLURAL_PLACE_BEFORE = re.compile(rf"(?:شهرستان|شهر|استان|روستا|بخش){GAP}ها(?:ی)?{GAP}$")
_THIS_CITY = re.compile(rf"(?:این|همین){GAP}(?:شهرستان|شهر)(?![\w\u200c])")


# between a place and its figure: «در شهرستان آبیک نیز کمتر از ۳۰۰ کودک»
_BARE_QUALIFIER = re.compile(rf"^{GAP}(?:(?:نیز|هم)[\s\u200c]+)?(?:(?:{_NEAR_QUALIFIER}|هم{GAP}اکنون|اکنون){GAP})?$")


def _place(doc: Document, sentence: int, start: int, end: int, stop: int, group: str | None = None) -> str | None:
    """The place a figure is about (``group``: the place of the group it is a part of).

    1. a place it is given for («چابهار با حدود شش هزار کودک»), or the place it
       directly follows («در شهرستان قوچان حدود ۳۲۰ خانوار»);
    2. the one place named after it in its clause («۲۹۰ نفر در نیشابور», «کودک کار
       تهران»), not across «و»/«با» after its counted noun (the next item of a list),
       and not a list of places («در شهرستان‌های شهرکرد، فارسان و …»: the figure is
       the province's);
    3. «این شهر(ستان)» around it: the last city named before;
       a part of a group counted before («از این تعداد ۱۲ نفر دختر»): the group's place;
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
    if group is not None:
        return group
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
_AVERAGE = re.compile(rf"(?:به{GAP}طور{GAP})?(?:متوسط|میانگین){GAP}(?:[^\s\u200c]+{GAP})?$")


# «این رقم», «این میزان», «این نسبت»: the figure restates the previous one's subject
_SAME_FIGURE = re.compile(r"(?<![\w\u200c])(?:این|همین)[\s\u200c]+(?:رقم|میزان|نسبت|آمار|عدد|سهم)(?![\w\u200c])")


@component(NAME, requires=("text", "sentences", "numbers", "dates", "article", "mentions", "places", "posts", "quotes",
                           "setting"),
           assigns=("statistics",), evidence=True)
def extract(doc: Document) -> None:
    seen: dict[tuple, Statistic] = {}
    prev: _Reading | None = None  # the last group counted: what «از این تعداد» refers to
    prev_sentence = -99
    prev_place: str | None = None  # where the group ``prev`` was counted
    last_share = ""  # the last percentage's subject: what «این رقم … ۲۲ درصد بود» restates
    for sent in doc.sentences:
        dates = doc.dates[sent.index]
        figures = _figures(doc, sent, dates)
        sibling: _Reading | None = None
        context = ""  # what the sentence's last bare figure was about: its list's next items share it
        last: tuple | None = None  # the sentence's previous count: (reading, value, stop, start)
        said_before = ""  # the previous figure's subject in the sentence
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
            reading = _reading(doc, sent, figures, i, unit, stop, limit, prev, sibling, prev_sentence)
            if unit not in ("percent", "rate", "rials", "tomans"):
                whole = _partition(doc, whole, last, q_start, subject, float(n.value), prev)
                counted_here = (reading, float(n.value), stop, q_start)
                if whole is not None and not reading.back:  # «که ۲۰۰ نفر از آنها …» says whose it is
                    reading = _as_part(subject, reading, whole[0])
                last = counted_here
            full = reading.subject
            if not fig.topic and (topic := _topic(doc, sent.start, q_start, ("درصد " + subject).strip() if _percent(n) else subject, stop)):
                full, q_start = _join("درصد" if _percent(n) else "", subject, topic[0]), topic[1]
            if _percent(n) and not subject and last_share \
                    and _SAME_FIGURE.search(doc.text[clauses.clause_start(doc, sent.start, q_start):q_start]):
                full = last_share  # «… ۲۸ درصد آن مربوط به کودک‌آزاری بوده؛ این رقم در سال ۱۴۰۱ ۲۲ درصد بود»
            full = ranked_item(doc, sent, q_start, _join(full, fig.label))
            full, context = _placed(doc, sent.start, q_start, full, context if _percent(n) else "")
            full = said_before = subjects.filled(doc, sent, q_start, stop, full, said_before)
            if context and _percent(n) and reading.whole == reading.population:
                reading = reading._replace(whole=context)  # «خانوارهای … ۴۷ درصد یک نفره»: a share of the households
            if _percent(n):
                sibling, last_share = reading, full
                full = full if full.startswith("درصد") else _join("درصد", full)
            elif unit not in ("rials", "tomans", "rate") and reading.population and whole is None \
                    and key(reading.population.split()[0]) not in counted.CLASSIFIERS and not reading.back \
                    and not _subset_of(doc, end, reading, prev):
                # a part of the group («از این آمار ۴۱۰ نفر مرد و ۹۸ نفر زن», «۵۵ نفر از کودکان ایرانی») leaves
                # the group the one its siblings and later «از این تعداد» refer to
                prev, prev_sentence, prev_place = reading, sent.index, None
            value = _counted_value(n, unit)
            head = _head_of(full)
            dedupe = (value, n.kind, head)
            evidence = doc.evidence(q_start, stop, NAME)
            another = any(key(w) in _ANOTHER for w in full.split())  # «۵۵ هزار زن سرپرست خانوار دیگر»: not the same
            if dedupe in seen and seen[dedupe].evidence[0].sentence == sent.index and _told_apart(seen[dedupe].subject, full) \
                    and not _POINTED.search(doc.text, max(sent.start, q_start - 8), q_start):
                dedupe = (value, n.kind, key(full))  # «۲ خانه نیمه‌راهی … و ۲ خانه حمایتی سالمندان»: two figures
            if not another and (dedupe in seen or (same := _repeated(doc, value, unit, reading)) is not None):
                _restated(doc, seen[dedupe] if dedupe in seen else same, sent, evidence, full, reading, approx)
                continue
            period, period_text = _period(dates, q_start - sent.start)
            stat = Statistic(
                value=value, approx=approx, unit=unit, subject=full, population=reading.population,
                measure=reading.measure, whole=reading.whole, high=n.high,
                average=bool(_AVERAGE.search(doc.text[max(sent.start, q_start - 30):q_start])),
                place=_place(doc, sent.index, start, end, stop, prev_place if reading.back else None),
                period=period, period_text=period_text,
                person=_speaker(doc, sent.index),
                concept=concept_for(reading.population) or concept_for(full) or concept_for(_clause(doc, end, sent.end)),
                text=doc.text[q_start:stop], evidence=[evidence])
            seen.setdefault(dedupe, stat)
            doc.statistics.append(stat)
            if prev is reading:
                prev_place = stat.place
    _read_together(doc)


def _read_together(doc: Document) -> None:
    """What the page's figures say of each other once all are read: a count out of a total, and a
    headline's figure told again in the body."""
    _parts_of_totals(doc)
    _merge_title_figures(doc)


_OF_TOTAL = re.compile(rf"(?<![\w\u200c])از{GAP}(?:مجموع|کل){GAP}$")
_TOTAL_WORDS = frozenset(key(w) for w in ("از", "مجموع", "کل"))


def _parts_of_totals(doc: Document) -> None:
    """«۳۲۰۰ نفر از مجموع ۹ هزار سالمند ساکن … زن هستند»: a bare count right before the total it
    is part of counts what the total counts (the words read for it stop at the total's figure; evidence
    offsets are the page's)."""
    for part, total in zip(doc.statistics, doc.statistics[1:]):
        a, b = part.evidence[0], total.evidence[0]
        if a.sentence == b.sentence and b.start - a.start < 60 and _OF_TOTAL.search(doc.page, a.start, b.start) \
                and _bare(" ".join(w for w in part.subject.split() if key(w) not in _TOTAL_WORDS)):
            part.subject, part.population = total.subject, total.population
            part.concept = part.concept or total.concept


# «۶۵٫۹۵۱ واقعه ولادت»: the decimal sign written for a thousands separator


_AMONG = re.compile(rf"(?:از|در){GAP}(?:بین|میان){GAP}")
# «در طرح پیشگیری تنبلی چشم ۹۸ درصد …»: the nouns right before a figure say what it is about after «در/برای»
# («رصد دقیق ۹۲ نقطه»: without one they name what was done to what is counted)
_FOR_BEFORE = re.compile(rf"(?<![\w\u200c])(?:در|برای){GAP}$")
_WORD = re.compile(r"[\u0620-\u06D3\u200c]+")


def _bare(subject: str) -> bool:
    """The subject is a unit or a classifier alone («درصد», «تومان», «نفر»), or a share of one kind of
    what is not said («۶۱ درصد زن», «۴۷ درصد یک نفره»); a noun of its own («۹۲ نقطه») says what it counts."""
    words = [w for w in counted.SIZE_LABEL.sub("", subject).split() if key(w) != key("درصد")]
    if len(subject.split()) > len(words):  # a share
        return len(words) <= 1
    return not words or len(words) == 1 and (key(words[0]) in counted.CLASSIFIERS or key(words[0]) in _MONEY)


def _reading(doc: Document, sent, figures: list[_Figure], i: int, unit: str, stop: int, limit: int,
             prev: _Reading | None, sibling: _Reading | None, prev_sentence: int) -> _Reading:
    """What the ``i``-th figure of the sentence counts: a rate its base, both sides of a change what the
    clause names before them, any other figure as :func:`builder.extract.readings._read` reads it."""
    fig = figures[i]
    n, start, end, subject = fig[:4]
    if unit == "rate":
        return _Reading(subject, subject, subject, None, None, False)
    if fig.topic and counted.refers_back(fig.topic) and prev is not None:  # «شمار این افراد از … به …»
        return _Reading(_join(subject, prev.core), prev.population, prev.core, None, prev.measure, True)
    if fig.topic:  # «مستمری سالمندان از ۵ میلیون به ۸ میلیون تومان می‌رسد»
        return _Reading(_join(subject, fig.topic), fig.topic, fig.topic, None, measure_for(fig.topic), False)
    return _read(doc, sent, n, start, end, subject, stop, limit, prev, sibling, prev_sentence,
                 _shared_predicate(doc, sent, figures, i))


def _placed(doc: Document, sent_start: int, q_start: int, full: str, shared: str) -> tuple[str, str]:
    """A bare subject with what its clause is about (:func:`_context_of_bare`), or, for the next item of
    a list of shares, what the item before was about («… ۴۷ درصد یک نفره، ۲۹ درصد دو نفره»); and that."""
    if not _bare(full):
        return full, ""
    context = _context_of_bare(doc, sent_start, q_start)
    if not context and shared and _LIST_BEFORE.search(doc.text[max(sent_start, q_start - 40):q_start]):
        context = shared
    return (full if any(key(w) in key(full) for w in context.split()) else _join(full, context)), context


def _context_of_bare(doc: Document, sent_start: int, q_start: int) -> str:
    """What the clause of a figure with a bare subject is about, or "".

    «خانوارهای تحت پوشش کمیته امداد ۴۹ درصد یک نفره …», «در طرح پیشگیری تنبلی چشم ۹۸ درصد …»,
    «ارزش ریالی هر سری را ۴۰ میلیون تومان …»: the noun phrase the clause opens with (or, when it
    opens with something else, at least two nouns right before the figure). Not a pointer («این
    تعداد»: the previous figure's group is read elsewhere), a time word or filler, nor a person,
    post, body or place that opens the clause: who gives the figure, or where.
    """
    if item := item_before_with(doc, sent_start, q_start):  # «گروه سنی ۳۰ تا ۳۹ سال با ۲۲٫۲ درصد»
        return item
    among = _AMONG.match(doc.text, clauses.clause_start(doc, sent_start, q_start), q_start)
    if among:  # «از میان سرپرستان خانوارهای تحت پوشش ۶۳ درصد زن هستند»: the group it is a share of
        words = doc.text[among.end():q_start].split()
        return " ".join(words) if 1 <= len(words) <= 6 and not any(is_verb(w) or not _WORD.fullmatch(w) for w in words) else ""
    found = clauses.topic(doc, sent_start, q_start)
    if found is None or not found[0] or found[1] >= q_start:
        return ""
    words, begin = found[0].split(), found[1]
    opening = clauses.clause_start(doc, sent_start, q_start)
    if begin != opening and not clauses.LEADING_CIRCUMSTANCE.match(doc.text, opening, q_start) \
            and (len(words) < 2 or not _FOR_BEFORE.search(doc.text, max(sent_start, begin - 8), begin)):
        return ""
    if counted.refers_back(found[0]) or any(key(w) in counted.TIME_WORDS or key(w) in counted.FILLERS for w in words):
        return ""
    at = doc.text.find(words[0], begin, q_start)
    if any(m.kind in ("place", "person", "organization", "role") and m.start < at + len(words[0]) and at < m.end
           for m in doc.mentions):
        return ""
    return found[0]


def _restated(doc: Document, first: Statistic, sent, evidence, full: str, reading: _Reading, approx: str) -> None:
    """The figure ``first`` said again: one more piece of evidence, the fuller of the two wordings, and a qualifier
    when only the second has one («۷۰ درصد کودکان …», later «بیش از ۷۰ درصد کودکان …»: the careful wording)."""
    first.evidence.append(evidence)
    first.person = first.person or _speaker(doc, sent.index)
    first.approx = approx if first.approx == "exact" else first.approx
    if len(full.split()) > len(first.subject.split()) and key(first.subject.split()[0]) in counted.CLASSIFIERS:
        first.subject, first.population = full, reading.population
    elif _only_in_headline(doc, first) and sent.end > _headline_end(doc):
        # «افتتاح ۲۰۴ واحد مسکونی …» in the headline, «۲۰۴ واحد مسکونی … به بهره‌برداری رسید» in the
        # body: the body tells it in a sentence
        if reading.population and len(full.split()) > len(first.subject.split()):
            first.subject, first.population, first.whole = full, reading.population, reading.whole
            first.measure = reading.measure or first.measure
            first.concept = concept_for(reading.population) or concept_for(full) or first.concept


def _period(dates, at: int) -> tuple[str | None, str | None]:
    """The period of the figure at ``at`` in its sentence (ISO text, words): the nearest date phrase before
    it («در بهار ۱۴۰۱ … ۱۲۰۰ طلاق و در تابستان ۱۴۰۱ … ۹۵۰ طلاق»), else the sentence's first."""
    dated = [d for d in dates if d.start_date]
    period = next((d for d in reversed(dated) if d.end <= at), dated[0] if dated else None)
    return (period.iso, period.text) if period else (None, None)


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
# «از (مجموع) ۳۲۸ کودک …، ۲۸۵ نفر …»: a count opened with «از» and closed by a comma, its parts after it
_FROM_WHOLE = re.compile(rf"(?<![\w\u200c])از{GAP}(?:(?:مجموع|کل|میان|بین){GAP})?$")
_CLASSIFIER_FROM = re.compile(rf"{GAP}(?:نفر|مورد|تن){GAP}از(?![\w\u200c])")
_OWN_GROUP = re.compile(r"[^،,.؛;:]{0,25}?(?<![\w\u200c])از(?![\w\u200c])")
_COMMA_AFTER_WHOLE = re.compile(rf"[^.؛;:،,0-9۰-۹]{{0,30}}[،,]{GAP}")


# «این تعداد (کودک) شامل …»: the parts of the group just counted
_THIS_MANY_INCLUDE = re.compile(
    rf"(?:این|همین)[\s\u200c]+(?:تعداد|شمار|عده|افراد)(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+)?[\s\u200c]+شامل{GAP}$")


def _subset_of(doc: Document, end: int, reading: _Reading, prev: _Reading | None) -> bool:
    """A classifier's «از» names some of the group counted before, by its noun («۳۲۸ کودک …؛ ۵۵ نفر از
    کودکان ایرانی»): a part of it, not a group of its own."""
    return prev is not None and bool(prev.population) and _same_noun(reading.population, prev.population) \
        and _CLASSIFIER_FROM.match(doc.text, end) is not None


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
    if value < last[1] and head in counted.CLASSIFIERS and _FROM_WHOLE.search(doc.text, max(0, last[3] - 14), last[3]) \
            and _COMMA_AFTER_WHOLE.fullmatch(gap) and last[0].population and head != key(last[0].population.split()[0]) \
            and not _OWN_GROUP.match(doc.text, q_start):  # «…، ۴۲ هزار نفر از اتباع خارجی»: a group of its own
        return last[0], last[1]  # «از ۳۲۸ کودک جمع‌آوری‌شده، ۲۸۵ نفر پسر و ۴۳ نفر دختر هستند»: told by classifiers
    return None


def _as_part(subject: str, reading: _Reading, whole: _Reading) -> _Reading:
    """A part of a listed count: its own noun, «از», and what the whole counts («دختر از کودک کار …»)."""
    own = subject if key(subject.split()[0]) not in counted.CLASSIFIERS else " ".join(subject.split()[1:])
    return _Reading(_join(own, "از", whole.core), whole.population, _join(whole.core, own), None,
                    whole.measure or reading.measure, True)


def _shared_predicate(doc: Document, sent, figures: list[_Figure], i: int) -> predicates.Predicate | None:
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
    pred = predicates.predicate(doc, mods.end, sent.end)
    if pred is not None and pred.copula and not pred.verbal:
        return pred  # «۱۲ نفر از آنان زن و ۹ نفر مرد بودند»: the copula alone, each item says what it is
    if pred is None or not pred.verbal:
        return None  # «۸۷ پرونده همسرآزاری، … و ۱۲ پرونده مربوط به … می‌باشد»: each says what it is
    at = doc.text.rfind(pred.verbal.split()[-1], mods.end, pred.end)
    if pred.copula and any(m.start <= at < m.end for m in doc.mentions if m.kind in ("place", "organization", "person")):
        return None  # «… و ۱۴۰ خانواده در نهاوند هستند»: the last item's place, not a shared predicate
    if all(_placed_only(doc, figures[k], figures[k + 1]) for k in range(i, j)):
        return pred  # «۱۲ نفر در سبزوار، ۸ نفر در نیشابور و ۵ نفر در کاشمر … جا مانده‌اند»: the items
        # differ by place alone (the last one's place is left out of its predicate), the rest is shared
    return pred._replace(complement="")  # what follows the last item is its own («… در روستاها سکونت دارند»)


_PLACED = re.compile(rf"{GAP}(?:در|از){GAP}$")  # the preposition before an item's place
_JOINER = re.compile(rf"{GAP}(?:،|,|و)?{GAP}")


def _placed_only(doc: Document, a: _Figure, b: _Figure) -> bool:
    """The only words between list items ``a`` and ``b`` are a preposition and a place: ``a``'s own, before
    the joiner («۱۲ نفر در سبزوار، …»), or ``b``'s label, after it («در سبزوار ۱۲ نفر، در نیشابور ۸ نفر»)."""
    end, q = max(a.stop, a.end), _qualifier(doc, b.start)[1]
    places = [m for m in doc.mentions if m.kind == "place" and end < m.start and m.end <= q]
    if len(places) != 1:
        return False
    before, after = doc.text[end:places[0].start], doc.text[places[0].end:q]
    preposition = _PLACED.search(before)
    if preposition is None:
        return False
    own = preposition.start() == 0 and _JOINER.fullmatch(after)  # «۱۲ نفر در سبزوار، …»
    label = _JOINER.fullmatch(before[:preposition.start()]) and not after.strip()  # «…، در نیشابور ۸ نفر»
    return bool(own or label)


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
    members = counted.members_link(doc, here.stop)  # «… خانوار شامل ۱۶۰ هزار نفر …»: the members' figure
    nested = counted.counted_clause_end(doc, doc.text.find("که", here.stop, sent.end) + 2, sent.end) \
        if re.match(rf"{GAP}که[\s\u200c]", doc.text[here.stop:here.stop + 6]) else None
    if here.label and i + 1 < len(figures) and figures[i + 1].label:
        return here.stop  # «…، برای خانواده دو نفره ۴۵۰ هزار تومان و برای …»: the words after it are the next item's
    for f in figures[i + 1:]:
        q = _qualifier(doc, f[1])[1]
        if nested is not None and q < nested:
            continue  # «۴۰۰ مددجو که ۲۰۰ نفر از آنها …، …»: a relative clause's own figure
        if _kind(here) == "count" and _kind(f) == "money" and _UNIT_OF.get(_singular(here.subject.split()[0])) in ("persons", "households") \
                and not re.search(r"[؛;:]", doc.text[here.stop:q]) \
                and not re.search(rf"(?:[،,]|(?<![\w\u200c])و){GAP}$", doc.text[here.stop:q]):
            continue  # «۱۱ هزار حامی … ماهانه ۱۴۰۰ هزار ریال به حساب یتیمان واریز می‌کنند»: what they pay, in their clause
        if _APPOSITIVE_BEFORE.search(doc.text[max(sent.start, q - 14):q]) or members is not None and q <= members:
            continue  # «۱۲ هزار نفر معادل ۵ درصد جمعیت استان زیر پوشش …»: the count's clause goes on past it
        if not _PREPOSITION_BEFORE.search(doc.text[max(sent.start, q - 12):q]) \
                and not _AMOUNT_PHRASE_BEFORE.search(doc.text[max(sent.start, q - 20):q]) or placed_item(doc, sent.index, q):
            return q  # «… ۵۱۲۰ مورد طلاق، اصفهان ۲۳۱۰ مورد و فارس با ۱۹۰۰ طلاق»: each item of a list its own
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
_ANOTHER = frozenset(key(w) for w in ("دیگر", "دیگری"))
_QUANTIFIERS = frozenset(key(w) for w in ("درصد", "کل", "همه", "مجموع", "تمام", "کلیه"))


def _head_of(subject: str) -> str:
    """The noun a figure counts, for telling repeats apart: «درصد از کل زنان …» and «درصد زنان …» are of «زن»."""
    words = [w for w in subject.split() if key(w) not in _QUANTIFIERS and key(w) != key("از")]
    return _singular(words[0]) if words else key(subject.split()[0]) if subject else ""


# «… ۳ گروه …، این ۳ گروه …»: the figure pointed back to
_POINTED = re.compile(r"(?<![\w\u200c])(?:این|همین|آن)[\s\u200c]+$")


def _told_apart(first: str, second: str) -> bool:
    """Two subjects of one head that each say which ones right after it, in words the other has not («خانه
    نیمه‌راهی», «خانه حمایتی سالمندان»): two things counted, not one figure told twice (the words of a verb
    both share come later: «… و ۲ مرکز سرپناه شبانه راه‌اندازی شد»)."""
    def which(subject: str) -> set[str]:
        return set([_singular(w) for w in subject.split()[1:] if not is_function_word(w) and key(w) not in _QUANTIFIERS][:2])
    a, b = which(first), which(second)
    return bool(a) and bool(b) and not a & b


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
    end = _headline_end(doc)
    if not end:
        return
    in_title = [s for s in doc.statistics if all(e.sentence >= 0 and doc.sentences[e.sentence].end <= end for e in s.evidence)]
    for stat in in_title:
        body = next((s for s in doc.statistics if s not in in_title and s.value == stat.value and s.unit == stat.unit), None)
        if body is not None:
            body.evidence = stat.evidence + body.evidence
            if len(body.subject.split()) == 1 and len(stat.subject.split()) > 1:
                body.subject, body.population, body.whole = stat.subject, stat.population, stat.whole
                body.concept = body.concept or stat.concept
            doc.statistics.remove(stat)
