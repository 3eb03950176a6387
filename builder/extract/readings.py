"""What one figure counts: its subject, population, measure, and for a share its part and whole.

:func:`_read` puts together, around one figure, what :mod:`builder.extract.counted` reads (the
counted noun phrase, its modifiers, the clause's predicate, back-references) with the figure's
unit and the figures before it, for :mod:`builder.extract.statistics`.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..graph.concepts import concept_for, measure_for
from ..text.document import Document
from ..text.numbers import PERCENT_OF_THEM
from ..text.patterns import GAP
from ..text.textkey import key
from . import clauses, counted, given, predicates
from .counted import TOKEN, noun_phrase
from .figures import _COUNTABLE, _UNIT_OF, _join, _percent, _qualifier
from .tokens import is_function_word, is_verb


class _Reading(NamedTuple):
    """What one figure counts (see :mod:`builder.extract.counted`)."""
    subject: str  # as the article says it: the facts' unit_or_subject
    population: str  # the counted noun phrase; for a share, its part
    core: str  # population and what happened to it: what a later «از این تعداد» repeats
    whole: str | None  # a share's whole
    measure: str | None  # ontology/measures.ttl concept
    back: bool  # read from the previous figure's group
_CHANGE = frozenset(key(w) for w in ("کاهش", "افزایش", "رشد", "کاهشی", "افزایشی"))
_MONEY = frozenset(key(w) for w in ("ریال", "تومان"))
_SHARE_VERB = re.compile(r"تشکیل")  # «… ۵۰ درصد مددجویان را تشکیل می‌دهند»: the clause's subject is the part


# a figure inside a prepositional phrase («در ۱۰ شهرستان», «با ۱۶۵ نفر») is not the clause's subject
_PREPOSITION_BEFORE = re.compile(rf"(?<![\w\u200c])(?:در|با|طی|تا|از|میان|بین|توسط){GAP}$")
# «با ظرفیت ۱۵ نفر», «به ارزش ۱۲۰ میلیارد تومان», «با هزینه ۳۵ میلیارد ریال»: the noun says what is measured
_MEASURE_NOUN_BEFORE = re.compile(  # «با ارزش هر بسته ۱۰ میلیون ریال»: of each one, too
    rf"(?<![\w\u200c])(?:با|به|بر|در)[\s\u200c]+((?:[^\s\u200c،,.:؛;0-9۰-۹«»()]+)(?:[\s\u200c]+هر)?"
    rf"(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹«»()]+)?){GAP}$")
_VACUOUS_AMOUNT_NOUNS = frozenset(key(w) for w in ("مبلغ", "رقم"))
_AMOUNT_NOUNS = frozenset(key(w) for w in (
    "ظرفیت", "هزینه", "اعتبار", "ارزش", "کارمزد", "مبلغ", "بودجه", "سرمایه", "مساحت", "مستمری", "یارانه",
    "کمک", "کمک‌هزینه", "وام", "تسهیلات", "سهم", "نرخ", "میانگین", "سقف", "حقوق", "دستمزد", "مزد",
))
# «تسهیلات قرض‌الحسنه ۵۰۰ میلیون ریالی»: an amount used as an adjective of the noun before it
_ADJECTIVAL_UNITS = frozenset(key(w) for w in ("ریالی", "تومانی", "نفری", "درصدی", "هزارنفری"))
_RECENT = 3  # sentences: how far back a bare «نفر» may take its group from


def _pointer_after(doc: Document, stop: int, limit: int, words: list[str], classifier: bool,
                   share: bool) -> tuple[int, str] | None:
    """A pointer back after a figure's noun («۸۰ نفر از این تعداد», «۳۲ نفر از این کودکان افغانستانی»): where it
    ends and the noun it names (with the words after it, for a classifier), or None."""
    pointer = counted.pronoun_after(doc, stop, limit) if (classifier or share or len(words) <= 1) else None
    if pointer is not None and pointer[1] and (not _names_a_population(pointer[1]) or len(words) == 1 and not classifier):
        return None  # «۱۱۵۰ نفر از این یارانه استفاده کرده‌اند»: an object; «۱۲۰ خانواده از این کودکان»: its own words
    if pointer is not None and pointer[1] and classifier \
            and (which := noun_phrase(doc, pointer[0] - len(pointer[1]), limit)).text.split()[:1] == [pointer[1]]:
        return which.end, which.text  # «۲۴۶ نفر از این کودکان افغانستانی»: which of them, too
    return pointer


def _read(doc: Document, sent, n, start: int, end: int, head: str, stop: int, limit: int,
          prev: _Reading | None, sibling: _Reading | None, prev_sentence: int = -99,
          gapped: predicates.Predicate | None = None) -> _Reading:
    """Subject, population, measure and (for a share) whole of the figure ``n`` at ``start:end``.

    ``head`` is the noun phrase after the number (ending at ``stop``), ``limit`` where the next figure of the sentence
    starts, ``prev`` the last group counted before it in the article (for «از این تعداد», «آنان»), ``sibling`` the
    previous share in its sentence (for «۲۹ درصد …، ۲۴ درصد در خصوص …»), ``gapped`` the verb a list shares with its
    last item, for an earlier item that has none of its own."""
    share = _percent(n) or n.kind == "fraction"
    words = head.split()
    first = key(words[0]) if words else ""
    classifier = first in counted.CLASSIFIERS and len(words) == 1
    q_start = _qualifier(doc, start)[1]
    before_text = doc.text[max(sent.start, q_start - 40):q_start]
    noun_before, vacuous = _measuring_noun(doc, sent.start, q_start, before_text, first, classifier)
    if first in _ADJECTIVAL_UNITS:
        return _Reading(_join(words[0].removesuffix("ی"), clauses.words_before(doc, sent.start, q_start)), head, head,
                        None, measure_for(clauses.words_before(doc, sent.start, q_start)), False)
    in_phrase = bool(noun_before) and not vacuous or bool(_PREPOSITION_BEFORE.search(before_text))
    back = counted.refers_back_before(doc, sent.start, start) or n.text.endswith(PERCENT_OF_THEM)
    pointer = _pointer_after(doc, stop, limit, words, classifier, share)
    pos, noun = pointer or (stop, "")
    back = back or pointer is not None
    if noun and (not share or not head):  # «دو درصد از این خانوارها»: the share names its whole
        head = noun if classifier or share else head
    mods = counted.modifiers(doc, pos, limit, len(words), last=words[-1] if words and pos == stop else "",
                             people=_UNIT_OF.get(first) == "persons" and len(words) == 1)
    pred = None if in_phrase else predicates.predicate(doc, mods.end, limit, open_end=limit >= sent.end) \
        or predicates.after_relative(doc, mods.end, sent.end)
    if pred is None and gapped is not None and not in_phrase:
        pred = _gapped(doc, gapped, mods.end, limit)
    said = _join(pred.complement, pred.verbal) if pred else ""
    before = clauses.nominal_before(doc, sent.start, q_start)
    measure = measure_for(_join(mods.text, said)) or measure_for(" ".join(words[1:])) \
        or measure_for(noun_before) or (measure_for(before) if before else None)
    measure = MEASURES + "calls" if first in _CALL_NOUNS else measure  # «۴۳۰ تماس … ثبت شد»: calls, whatever was done
    if share:
        return _read_share(doc, sent, n, start, _join(noun_before, head), mods, pred, said, measure, back, prev, sibling)
    if in_phrase and (areas := _areas_reading(doc, sent.start, q_start, first, head, mods, limit, measure)):
        return areas
    if not back and prev is not None and _SHARE_OF_BEFORE.search(before_text) and prev.population \
            and (first in counted.CLASSIFIERS or _same_noun(first, prev.population)):
        back = True  # «… ۵۵۵ کودک کار شناسایی شده که سهم خرم‌آباد ۲۷۱ کودک …»: a part of the group just counted
        mods, said = counted.Words("", mods.end), ""
    if classifier and (reading := _restated(doc, q_start, before_text, sibling or prev, head, mods, pred, measure)):
        return reading
    if back and prev is not None and (reading := _part_of_previous(prev, words, head, pointer, mods, said, measure)):
        return reading
    if classifier and not back and (reading := _told_as_share(doc, sent, head, stop, said, measure)) is not None:
        return reading
    if not back and not noun_before and (reading := _recipients(doc, sent.start, q_start, head, mods, pred)):
        return reading
    if (classifier or _bare_before_copula(words, pred, mods, before_text)) and not pointer and not in_phrase \
            and (reading := _topic_reading(doc, sent.start, q_start, prev, mods, said, pred, measure, head)) is not None:
        return reading
    if classifier and not pointer and not back and not noun_before \
            and (group := _named_before(doc, sent.start, q_start, first, before_text)):
        # «در کمپ‌های ماده ۱۶ معتادان متجاهر … به ۱۶۵۰ نفر خدمات‌رسانی شده»: the people are those just named
        return _Reading(_join(group, mods.text, said), group, _join(group, pred.verbal if pred else ""), None,
                        measure, False)
    if classifier and not mods.text and not noun_before \
            and (group := _same_group(doc, sent, q_start, first, prev, prev_sentence, said)):
        # «مشهد با ۱۳۸۰ نفر و سبزوار با ۲۱۰ نفر»; «۴ هزار کودک کار جمع‌آوری کردیم؛ امروز ۵۰ نفر هم پیدا نمی‌کنیم»
        return _Reading(_join(group, said), group, group, None, measure, prev is not None and group == prev.population)
    if (classifier or first in _MONEY or len(words) <= 1) and (
            reading := _declared_reading(doc, sent.start, q_start, words, head, noun_before, mods, pred, measure, stop)):
        return reading
    population = " ".join(words[1:]) if first in counted.CLASSIFIERS and len(words) > 1 else head
    verbal = pred.verbal if pred else ""
    if pred is not None and pred.complement and _SHARE_VERB.search(verbal) and "را" in doc.text[stop:pred.end].split():
        # «… دو هزار و پانصد نفر را معلولین تشکیل می‌دهند»: they are the verb's subject
        population = pred.complement
        return _Reading(_join(head, pred.complement), population, _join(head, population), None, measure, False)
    if before and not verbal and key(before) not in key(noun_before):
        verbal = before
    subject = _join(head, noun_before, mods.text, pred.complement if pred else "", verbal)
    # «… ۲۰۰ سالمند، تحت حمایت کمیته امداد هستند»: before a copula the whole predicate says which ones
    core = _join(population, mods.text, said if pred is not None and pred.copula and verbal == pred.verbal else verbal)
    return _Reading(subject, population, core, None, measure, False)


def _gapped(doc: Document, shared: predicates.Predicate, pos: int, limit: int) -> predicates.Predicate | None:
    """The verb a list shares (``shared``), for an earlier item with none of its own whose words end at
    ``pos``: «۸۹۰ میلیون تومان به صورت نقدی، … و ۳۰۰ میلیون تومان خدمات درمانی به نیازمندان کمک شده است».
    Before a shared copula the item's own words are its predicate («۱۲ نفر از آنان زن و ۹ نفر مرد بودند»)."""
    own = predicates.own_words(doc, pos, limit)
    if shared.copula and own:
        return shared._replace(complement=own, verbal="")
    return shared._replace(complement=_join(own, shared.complement)) if shared.verbal else None


def _recipients(doc: Document, sent_start: int, q_start: int, head: str, mods, pred) -> _Reading | None:
    """«تسهیلات اشتغال به ۸۴۴۱ مددجو پرداخت شد»: the people are those who received what was given, or None."""
    thing = given.received(doc, sent_start, q_start, head, pred)
    if not thing:
        return None
    people = _join(head, mods.text)
    subject = _join(people, "دریافت‌کننده", thing)
    return _Reading(subject, people, subject, None, measure_for("دریافت‌کننده"), False)


# «… ۱۵ هزار نفر را شامل می‌شوند / در بر می‌گیرد»: the figure is what the clause's subject takes in
_INCLUDING = re.compile(rf"(?<![\w\u200c])را[\s\u200c]+(?:شامل|در{GAP}بر|دربر)(?![\w\u200c])")
# «معادل / برابر با / یعنی» before a figure: the same group or sum told again in other terms
_APPOSITIVE_BEFORE = re.compile(rf"(?<![\w\u200c])(?:معادل|برابر(?:[\s\u200c]+با)?|یعنی){GAP}$")
# verbs that state a figure: «… را ۸۵۰ هزار تومان اعلام کرد», «… حدود ۱۵ هزار نفر برآورد کرد»
_DECLARING = frozenset(key(w) for w in ("اعلام", "عنوان", "برآورد", "ذکر", "تخمین", "اعلان"))
# «مددجویان … را حدود ۱۷۰۰ نفر برشمرد»: simple verbs that do the same
_COUNTING_VERBS = tuple(key(w) for w in ("برشمرد", "بر شمرد", "شمرد", "خواند"))  # «… را ۷۶۸ نفر خواند»


def _declared_topic(doc: Document, sent_start: int, q_start: int) -> str:
    """What a declared figure is the value of: the words before «را» in its clause («ارزش هر بسته
    معیشتی را …»), else the words that open the clause after whoever declares it («اسدی‌راد ارزش
    این بسته‌ها در مجموع … اعلام کرد»), at most nine and no figure among them; else ""."""
    begin = clauses.clause_start(doc, sent_start, q_start)
    tokens = list(TOKEN.finditer(doc.text, begin, q_start))
    ra = next((t for t in reversed(tokens) if key(t.group()) == key("را")), None)
    if ra is None:  # «… را از سطح شیرخوارگی تا سن ۲۳ سالگی، حدود ۱۷۰۰ نفر برشمرد»: the object before a comma
        ra, begin = _object_before_comma(doc, sent_start, begin, q_start)
    end = ra.start() if ra is not None else q_start
    if ra is not None and (that := _RELATIVE_OPENS.search(doc.text, sent_start, begin)):
        # «تعداد کمپ‌های … استان که مدت نگهداری در آنها ۲۸ روز است را ۲۴ مورد …»: the object is named before
        # the relative clause that says which ones
        end, begin = that.start(), clauses.clause_start(doc, sent_start, that.start())
    # who declares it: a person or a post (a body too, when no «را» marks the object, which may name one)
    kinds = ("person", "role") if ra is not None else ("person", "role", "organization")
    names = [m.end for m in doc.mentions if m.kind in kinds and begin <= m.start and m.end <= end]
    start = max(names + [begin])
    words = [t.group() for t in TOKEN.finditer(doc.text, start, end) if key(t.group()) not in counted.FILLERS]
    while words and (is_function_word(words[0]) or key(words[0]) in _BARE_PLACE_WORDS):  # «مدیرکل بهزیستی | استان»
        words.pop(0)
    words = clauses.strip_stat_noun(" ".join(words)).split() or words  # «تعداد مددجویان …» counts the مددجویان
    figures = [w for w, after in zip(words, [*words[1:], ""]) if re.search(r"[0-9۰-۹]", w) and key(after) != _YEARS_OLD]
    return " ".join(words) if 1 <= len(words) <= 9 and not figures else ""  # an age («دختران ۱۳ ساله») is no figure


_YEARS_OLD = key("ساله")
_RELATIVE_OPENS = re.compile(rf"(?<![\w\u200c])که{GAP}$")  # a relative clause opening where the figure's clause does
_BARE_PLACE_WORDS = frozenset(key(w) for w in ("استان", "شهرستان"))  # the end of a post named with no place


def _object_before_comma(doc: Document, sent_start: int, begin: int, q_start: int):
    """(the «را» that marks the object of a figure's clause before a comma, where its clause starts),
    or (None, ``begin``) when that «را» is another figure's or before a colon."""
    earlier = list(TOKEN.finditer(doc.text, sent_start, begin))
    ra = next((t for t in reversed(earlier) if key(t.group()) == key("را")), None)
    if ra is None or re.search(rf"[:؛;]|(?:اعلام|عنوان|برآورد){GAP}(?:کرد|نمود)", doc.text[ra.end():q_start]):
        return None, begin
    return ra, clauses.clause_start(doc, sent_start, ra.start())


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


def _named_before(doc: Document, sent_start: int, q_start: int, first: str, before_text: str) -> str:
    """What a bare classifier counts when its sentence named it before: the target group («در کمپ‌های …
    معتادان متجاهر … به ۱۶۵۰ نفر»), what was given to the people («پرداخت کمک‌هزینه … به ۲۰۰۰ نفر»), or
    the clause's opening words before «با» («بیشترین تماس مربوط به کارتن‌خواب‌ها با ۱۰۲ مورد»); else ""."""
    if first in _PERSON_CLASSIFIERS and (group := _group_before(doc, sent_start, q_start) or given.given_to(doc, sent_start, q_start)):
        return group
    return item_before_with(doc, sent_start, q_start)


def item_before_with(doc: Document, sent_start: int, q_start: int) -> str:
    """The item a figure after «با» is given for («همسرآزاری با ۹۵ مورد», «گروه سنی ۳۰ تا ۳۹ سال با ۲۲ درصد»):
    its words back to a list's joiner or the clause start; "" when none, or when they name a place,
    a person or a body (where or who, not what)."""
    with_at = _WITH_BEFORE.search(doc.text, max(sent_start, q_start - 8), q_start)
    if with_at is None:
        return ""
    # the item's own words: back to a list's joiner («همسرآزاری با ۹۵ مورد، کودک‌آزاری با ۶۲ مورد و …») or the clause start
    begin = clauses.clause_start(doc, sent_start, with_at.start())
    last_number = max((m.end() for m in _FIGURE_WITH_UNIT.finditer(doc.text[begin:with_at.start()])), default=None)
    if last_number is not None and (joiner := _ITEM_JOINER.search(doc.text, begin + last_number, with_at.start())):
        begin = joiner.end()
    named = [m for m in doc.mentions if m.kind in ("place", "person", "organization") and begin <= m.start < with_at.start()]
    words = doc.text[begin:with_at.start()].split()
    return "" if named or not 1 <= len(words) <= 10 else clauses.strip_stat_noun(" ".join(words))  # «مشهد با ۱۳۸۰ نفر»: where


_WITH_BEFORE = re.compile(rf"(?<![\w\u200c])با{GAP}$")
# the previous item's figure (not the numbers of an age inside an item: «۱۰ تا ۱۴ سال با ۳۳ درصد»)
_FIGURE_WITH_UNIT = re.compile(rf"[0-9۰-۹]{GAP}(?:درصد|مورد|نفر|تن|فقره|پرونده|تماس|خانوار)(?![\w\u200c])")
_ITEM_JOINER = re.compile(r"[،,]|(?<![\w\u200c])و(?![\w\u200c])")


def _same_noun(words: str, other: str) -> bool:
    """The two noun phrases start with the same noun, plural or not («کودکان», «کودک کار»)."""
    return bool(words.split()) and bool(other.split()) and _singular(words.split()[0]) == _singular(other.split()[0])


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
    words = clauses.words_before(doc, sent_start, at, most=4).split()
    while words and key(words[0]) in counted.TIME_WORDS:
        words.pop(0)
    if words and key(words[0]) in _ADVERBIAL_NOUNS:
        return ""  # «به صورت میانگین ۶۰ نفر»: how, not what
    while words and any(m.start <= doc.text.rfind(words[-1], sent_start, at) < m.end for m in places):
        words.pop()  # «در سقز با اعتبار …»: where, not what
    return " ".join(words)


_CALL_NOUNS = frozenset(key(w) for w in ("تماس", "تماس‌ها", "تماس‌های"))
MEASURES = "https://w3id.org/fakg/concept/measure/"
_PERSON_CLASSIFIERS = frozenset(key(w) for w in ("نفر", "تن"))
# «استان‌های تهران با ۱۷ هزار و ۴۶۴، خراسان رضوی با ۱۲ هزار و ۳۲۰ مورد»: a place and its share of a count
_WITH_COUNT = re.compile(rf"{GAP}(?:،{GAP})?(با{GAP})?")
_ITEM_BEFORE = re.compile(rf"(?:[،,]|(?<![\w\u200c])و|(?:استان|شهرستان|شهر){GAP}های|مربوط{GAP}به){GAP}$")


def placed_item(doc: Document, sentence: int, q_start: int) -> bool:
    """The figure at ``q_start`` is an item of a list of places with counts: right after a place and «با»
    («تهران با ۵۱۲۰ مورد»), or right after a place that a list's joiner opens («…، اصفهان ۲۳۱۰ مورد»)."""
    for m in doc.mentions:
        if m.kind == "place" and m.sentence == sentence and m.end <= q_start \
                and (gap := _WITH_COUNT.fullmatch(doc.text, m.end, q_start)) is not None \
                and (gap.group(1) or _ITEM_BEFORE.search(doc.text, max(0, m.start - 24), m.start)):
            return True
    return False
# «بیشترین ازدواج‌های ثبت‌شده به ترتیب مربوط به …»: what a ranked list of places counts
_RANKED = re.compile(rf"(?<![\w\u200c])(?:بیشترین|کمترین){GAP}((?:[^\s\u200c،,.:؛;0-9۰-۹]+{GAP}){{1,4}}?)"
                     rf"(?:به{GAP}ترتیب{GAP})?(?:نیز{GAP})?(?:در{GAP}[^،,.:؛;]{{0,40}}?)?مربوط{GAP}به")


def ranked_item(doc: Document, sent, q_start: int, subject: str) -> str:
    """The subject of an item of a ranked list of places that counts what the clause ranks in its own noun
    («بیشترین طلاق ثبت‌شده در … مربوط به استان‌های تهران با ۵۱۲۰ مورد طلاق، …»): what the clause ranks, which says
    which ones; else ``subject``."""
    words = [w for w in subject.split() if key(w) not in counted.CLASSIFIERS]
    if not words or not (ranked := _RANKED.search(doc.text, sent.start, q_start)) or not placed_item(doc, sent.index, q_start):
        return subject
    phrase = ranked.group(1).strip()
    return phrase if _singular(words[0]) == _singular(phrase.split()[0]) and len(phrase.split()) >= len(words) else subject


def _same_group(doc: Document, sent, q_start: int, first: str, prev: _Reading | None, prev_sentence: int,
                said: str) -> str:
    """What a bare classifier counts when its group was named before it, or "": the people counted last,
    counted again soon after («… ۴ هزار کودک کار جمع‌آوری کردیم؛ امروز ۵۰ نفر هم …», «مشهد با ۱۳۸۰
    نفر»); for a place and its count in a list («تهران با ۱۷ هزار و ۴۶۴، خراسان رضوی با ۱۲ هزار و ۳۲۰
    مورد»), what the clause ranks («بیشترین ازدواج‌ها به ترتیب مربوط به استان‌های …») or else the count
    that the sentence opened with and the list divides («از مجموع ۱۳۴ هزار ازدواج ثبت‌شده …»)."""
    if prev is not None and first in _PERSON_CLASSIFIERS \
            and _UNIT_OF.get(key(prev.population.split()[0])) in ("persons", "households"):
        recent = not said and sent.index - prev_sentence <= _RECENT or bool(said) and sent.index == prev_sentence
        return prev.population if recent else ""
    if not placed_item(doc, sent.index, q_start) or said:
        return ""
    if ranked := _RANKED.search(doc.text, sent.start, q_start):
        return ranked.group(1).strip()
    return prev.population if prev is not None and sent.index == prev_sentence else ""


def _areas_reading(doc: Document, sent_start: int, q_start: int, first: str, head: str, mods, limit: int,
                   measure) -> _Reading | None:
    """«… که خانه‌های امن زنان در آن راه‌اندازی شده»: the areas counted (:func:`clauses.what_the_areas_have`), with the
    clause said of them.  Not before a bare copula, whose adjective the noun phrase has already read («در ۹ استان
    بالاتر از میانگین است»)."""
    if not (what := clauses.what_the_areas_have(doc, sent_start, q_start, first)):
        return None
    verb = predicates.predicate(doc, mods.end, limit)
    if verb is None or not verb.verbal \
            or re.search(r"[0-9۰-۹]|(?<![\w\u200c])و(?![\w\u200c])", doc.text[mods.end:verb.end]):
        return None  # no verb of its own, or one that another phrase of the clause shares
    return _Reading(_join(head, mods.text, "که", what, "در آن", verb.complement, verb.verbal), head,
                    _join(head, mods.text), None, measure, False)


def _read_share(doc, sent, n, start, head, mods, pred, said, measure, back, prev, sibling) -> _Reading:
    """A percentage or fraction: its whole (what it is a share of) and its part (which of them).

    A change («۱۰ درصد کاهش یافت») is a share of what the clause is about: «شمار کودکان خیابانی …
    ۱۰ درصد کاهش یافت» is «درصد کاهش شمار کودکان خیابانی».
    """
    whole = head
    declared = not head and pred is not None and _DECLARED.match(key(pred.verbal or pred.verb)) is not None
    if not head and pred is not None and (pred.copula or counted.REACHED.fullmatch(key(pred.verb)) or declared):
        # «نرخ ترک تحصیل دختران … ۱۲/۵ درصد بیشتر از میانگین است», «… به ۳۸/۵ درصد رسیده است», «… ۶/۴ درصد
        # اعلام شده است»: the clause's subject
        about = clauses.topic(doc, sent.start, _qualifier(doc, start)[1])
        whole = about[0] if about is not None else whole
        said = "" if declared and about is not None else said  # that it was declared says nothing of what
    before = clauses.words_before(doc, sent.start, _qualifier(doc, start)[1], most=1)
    if n.text.endswith("درصدی") and key(before) in _CHANGE:
        whole = _join(before, head)  # «افزایش ۳۰ درصدی مستمری مددجویان»: a change of what follows
    elif head and key(head.split()[0]).startswith(tuple(_CHANGE)):  # «کاهش», «کاهش‌یافته»
        about = clauses.topic(doc, sent.start, _qualifier(doc, start)[1])
        if about is not None and not all(key(w) in counted.APPOSITIVE for w in about[0].split()):
            whole = _join(head, about[0])  # not «معادل ۰/۳ درصد افزایش»: «equal to», no topic
        elif sibling is not None and sibling.whole and _THAT_BEFORE.search(doc.text, max(sent.start, start - 120), start):
            whole = _join(head, sibling.whole)  # «… به ۱/۵ درصد رسید که نسبت به سال قبل ۰/۳ درصد افزایش داشته»
    if back and prev is not None and (not whole or counted.refers_back(whole) or _same_noun(whole, prev.population)):
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
        # «۳۸ درصد کودکانی که آزار دیدند در سن دبستان بودند»: the words after the share already open with «که»
        that = "" if mods.text.split()[:1] == ["که"] else "که"
        subject = _join("درصد" if _percent(n) else "", whole, that, mods.text, said, pred.verb)
    else:
        subject = _join("درصد" if _percent(n) else "", whole, part)
    return _Reading(subject, part or whole, whole, whole or None, measure, back)
# a relative clause opened after a figure: «… ۱/۵ درصد رسید که …»
_THAT_BEFORE = re.compile(r"(?:درصد|[0-9۰-۹])[^،,.:؛;]*?(?<![\w\u200c])که(?![\w\u200c])[^،,.:؛;]*$")
# «اعلام شده», «برآورد می‌شود»: a figure declared or estimated, which says nothing of what it counts
_DECLARED = re.compile(r"(?:اعلام|گزارش|براورد|تخمین|محاسبه|عنوان)(?:زده)?(?:شده|میشود|شود|گردیده|شد)")
# the next item of a list: «…، ۳۴ درصد», «… و فقط ۲ درصد»
_LIST_BEFORE = re.compile(rf"(?:،|,|و){GAP}(?:(?:فقط|تنها|نیز|هم)[\s\u200c]+)?$")


def _names_a_population(words: str) -> bool:
    """The words name who is counted (a target group or a countable noun), not only a kind of figure."""
    return bool(concept_for(words)) or any(_singular(w) in _UNIT_OF or _singular(w) in _COUNTABLE for w in words.split())


# «سهم خرم‌آباد ۲۷۱ کودک»: the part of the group just counted that falls to a place or kind
_SHARE_OF_BEFORE = re.compile(rf"(?<![\w\u200c])سهم[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+(?:[\s\u200c]+[^\s\u200c،,.:؛;0-9۰-۹]+)?{GAP}$")


def _measuring_noun(doc: Document, sent_start: int, q_start: int, before_text: str, first: str,
                    classifier: bool) -> tuple[str, bool]:
    """The noun before a figure that says what it measures («ظرفیت ۱۵ نفر», «کمک‌هزینه … به مبلغ …»), or "";
    and whether that noun says only that it is an amount («مبلغ»)."""
    noun_before = _amount_noun_before(before_text)
    with_preposition = (m := _MEASURE_NOUN_BEFORE.search(before_text)) is not None \
        and key(m.group(1).split()[0]) in _AMOUNT_NOUNS
    if noun_before and _UNIT_OF.get(_singular(first)) in ("persons", "households") and not classifier \
            and key(noun_before.split()[0]) not in _CAPACITY and not with_preposition:
        noun_before = ""  # «با ارائه تسهیلات ۴۱۰ زن …»: the loan does not measure the women
    # «مبلغ ۲۳۰ میلیارد تومان برای … اختصاص داده است»: «مبلغ» alone says only that it is an amount
    vacuous = key(noun_before) in _VACUOUS_AMOUNT_NOUNS and not with_preposition
    if noun_before and not vacuous and (owner := _paid_for(doc, sent_start, q_start, noun_before)):
        noun_before = _join(noun_before, owner)  # «کمک‌هزینه امداد کودکان به مبلغ ۲۵ میلیون ریال»
    return noun_before, vacuous


def _part_of_previous(prev: _Reading, words: list[str], head: str, pointer, mods, said: str, measure) -> _Reading | None:
    """A figure that points back («از این تعداد», «آنان») as a part of the group ``prev`` counted: its
    classifier stays («۱۳۵ نفر از آنان»), its own noun when of another kind («۲۳ هزار خانوار از این
    تعداد … مستمری دریافت می‌کنند»); else None (a noun that is neither, with no pointer)."""
    first = key(words[0]) if words else ""
    same = bool(prev.population) and first == key(prev.population.split()[0])
    if not (first in counted.CLASSIFIERS or same or pointer is not None):
        return None
    which = " ".join(pointer[1].split()[1:]) if pointer is not None and pointer[1] else ""  # «از این کودکان افغانستانی»
    rest = _join(" ".join(words[1:]), which)
    kept = words[0] if first in counted.CLASSIFIERS else "" if same else f"{head.split()[0]} از"
    return _Reading(_join(kept, prev.core, rest, mods.text, said), prev.population, _join(prev.core, rest), None,
                    measure or prev.measure, True)


# «، معادل ۸۶ درصد بازماندگان»: a count told again as a share of a group
_SHARE_AFTER = re.compile(rf"{GAP}[،,]?{GAP}(?:معادل|برابر{GAP}با|یعنی){GAP}[0-9۰-۹][0-9۰-۹٫.,/]*{GAP}درصد{GAP}(?:از{GAP})?")


def _told_as_share(doc: Document, sent, head: str, stop: int, said: str, measure) -> _Reading | None:
    """«۱۷۹ نفر، معادل ۸۶ درصد بازماندگان، شناسایی شده‌اند»: the people are some of those the share
    right after the count is of, and its clause goes on after the share; None without such a share."""
    shared = _share_named_after(doc, stop, sent.end)
    if shared is None:
        return None
    group, after = shared
    then = predicates.predicate(doc, after, sent.end, open_end=True)
    said = _join(then.complement, then.verbal) if then else said
    return _Reading(_join(head, group, said), group, _join(group, then.verbal if then else ""), None,
                    measure or measure_for(said), False)


def _share_named_after(doc: Document, stop: int, end: int) -> tuple[str, int] | None:
    """The group an appositive share right after a count names («۱۷۹ نفر، معادل ۸۶ درصد بازماندگان،»)
    and where the share ends (past its comma), or None."""
    m = _SHARE_AFTER.match(doc.text, stop, end)
    if m is None:
        return None
    group = noun_phrase(doc, m.end(), end)
    if not group.text or counted.refers_back(group.text):
        return None
    comma = re.match(rf"{GAP}[،,]", doc.text[group.end:end])
    return group.text, group.end + (comma.end() if comma else 0)


def _restated(doc: Document, q_start: int, before_text: str, same: _Reading | None, head: str, mods,
              pred: predicates.Predicate | None, measure) -> _Reading | None:
    """A bare classifier that counts a group again, else None: the members of the households just counted
    («… ۴۲ هزار خانوار شامل ۹۰ هزار نفر تحت پوشش … قرار دارند»: persons, with their clause's words, as the
    households have them), or after «معادل / برابر با / یعنی» the group just counted or shared («… ۵/۵ درصد
    جمعیت را سالمندان تشکیل می‌دهند که معادل ۱۱ هزار نفر است»): ``same``'s population."""
    if counted.told_as_members(doc, q_start):
        said = _join(pred.complement, pred.verbal) if pred else ""
        return _Reading(_join(head, mods.text, said), head, _join(head, mods.text, pred.verbal if pred else ""), None,
                        measure, False)
    if not _APPOSITIVE_BEFORE.search(before_text) or same is None or not same.population:
        return None
    return _Reading(_join(head, same.population, mods.text), same.population, same.population, None,
                    measure or same.measure, True)


# «مرکز نگهداری سالمندان شاهرود ۹۵ سالمند دارد»: the figure is what the clause's subject has
_HAVE = re.compile(key("دارد") + "|" + key("دارند") + "|" + key("داشت") + "|" + key("داشتند"))


def _bare_before_copula(words: list[str], pred, mods, before_text: str) -> bool:
    """One noun after the number and a bare copula or «دارد» after it («… ۱۹۵ واحد است», «… ۹۵ سالمند
    دارد»): the clause's opening words say what, or whose; not a list's item («… ۱۴ دختر و ۱۹ پسر
    هستند»), which says it itself."""
    return len(words) == 1 and pred is not None and (pred.copula or _HAVE.fullmatch(key(pred.verb))) \
        and not pred.complement and not pred.verbal and not mods.text and not _LIST_BEFORE.search(before_text)


def _topic_reading(doc: Document, sent_start: int, q_start: int, prev: _Reading | None, mods, said: str,
                   pred, measure, head: str = "") -> _Reading | None:
    """A bare classifier whose clause has a topic («آمار بازماندگان از تحصیل … ۱۵ هزار نفر برآورد شده»)
    counts the topic's group (or, after «این تعداد», the previous group), when the clause says so.
    So does a bare noun before a copula («تعهد ساخت مسکن برای مددجویان … ۱۹۵ واحد است»), which
    keeps its ``head``."""
    found = clauses.topic(doc, sent_start, q_start)
    if found is None:
        return None
    if pred is not None and pred.verbal and key(pred.verbal.split()[0]) in _DECLARING \
            and "را" in doc.text[found[1]:q_start].split():
        said = ""  # «آمار ثبت‌نام را ۴۰ هزار نفر عنوان کرد»: who declared the figure says nothing of what it counts
    words = found[0].split()
    while len(words) > 1 and is_function_word(words[-1]):
        words.pop()  # «… برای [امسال]»: a time word left its preposition behind
    about = " ".join(words)
    rest = clauses.strip_stat_noun(about)
    led = rest != about or counted.refers_back(about)
    if led or (pred is not None and (pred.copula or counted.REACHED.fullmatch(key(pred.verb)) or _HAVE.fullmatch(key(pred.verb)))):
        if counted.refers_back(rest or about) and prev is not None:
            return _Reading(_join(prev.core, mods.text, said), prev.population, prev.core, None,
                            measure or prev.measure, True)
        if rest and rest != about and prev is not None and not _names_a_population(rest):
            rest = _join(prev.population, about)  # «آمار واقعی ۱۴ هزار نفر»: the previous group's
        if rest:
            kept = "" if key(head) in counted.CLASSIFIERS else head
            return _Reading(_join(kept, rest, mods.text, said), rest, _join(rest, pred.verbal if pred else ""),
                            None, measure, False)
    return None


def _declared_reading(doc: Document, sent_start: int, q_start: int, words: list[str], head: str, noun_before: str,
                      mods, pred, measure, stop: int) -> _Reading | None:
    """«ارزش هر بسته معیشتی را ۸۵۰ هزار تومان اعلام کرد»: a declared figure is the value of what was
    declared, when the clause names it (``words``: the noun phrase after the number as first read).
    So is a figure that what the clause opens with takes in («این خانوارها ۱۵ هزار نفر را شامل
    می‌شوند», the figure's words ending at ``stop``): the people counted are its members."""
    including = pred is not None and _INCLUDING.search(doc.text[stop:pred.end]) is not None
    stated = including or pred is not None and pred.verbal and (key(pred.verbal.split()[0]) in _DECLARING
                                                   or key(pred.verbal).startswith(_COUNTING_VERBS)) \
        or len(words) > 1 and key(words[1]) in _DECLARING  # «۸۵۰ هزار تومان اعلام و خاطر نشان کرد»
    if not stated or not (declared := _declared_topic(doc, sent_start, q_start)):
        return None
    head = words[0] if len(words) > 1 and key(words[1]) in _DECLARING else head
    return _Reading(_join(head, noun_before, declared, mods.text), declared, _join(head, declared), None,
                    measure_for(declared) or measure, False)
