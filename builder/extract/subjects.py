"""What finishes a figure's subject once its reading is done: the clause's words for a lone noun, an
earlier figure a pointer names («این اعتبار به …»), and no half of a verb at its end.

:func:`filled` is the last step :mod:`builder.extract.statistics` takes for each figure's subject;
the rules here read the figure's clause, not the noun phrase :mod:`builder.extract.readings` reads.
"""
from __future__ import annotations

import re

from ..text.document import Document
from ..text.patterns import GAP
from ..text.textkey import key
from . import clauses, counted
from .counted import TOKEN
from .figures import _join
from .readings import _MONEY, _singular
from .tokens import is_function_word


def filled(doc: Document, sent, q_start: int, stop: int, full: str, said_before: str) -> str:
    """A figure's subject finished: an earlier figure's when a pointer names it (:func:`_pointed`); a subject of one
    word filled in with the previous figure's subject when it repeats its head («۴۴۱۷ واقعه
    طلاق ثبت شد که … با سال ۱۳۸۹ که ۴۱۷۴ واقعه بود»: the same count, another time), else with its clause's
    words («۷۸ هزار خانوار در سطح استان از خدمات … بهره‌مند می‌شوند», :func:`_clause_words`); any subject
    without its verb's words (:func:`_without_verbs_words`)."""
    if (pointed := _pointed(doc, sent, q_start, full)) is not None:
        return pointed
    if len(full.split()) == 1 and said_before and key(said_before.split()[0]) == key(full):
        return said_before
    if len(full.split()) == 1:
        full = _join(full, _clause_words(doc, sent, q_start, stop))
    return _without_verbs_words(full)


# words that end a subject only as the first half of a verb («… نفر سالمند اعلام کرد», «… را نشان می‌دهد», «ادامه دارد»,
# «بر عهده دارد», «شامل می‌شود», «در حال حاضر», «… کارتن‌خواب وجود دارند»), an auxiliary or a dangling «و»
_VERBS_WORDS = frozenset(key(x) for x in ("اعلام", "حاضر", "فعال", "داده", "نشان", "عهده", "شامل", "ادامه", "فعالیت", "است",
                                         "خواهند", "خواهد", "برسانیم", "می‌توانند", "و", "وجود", "دارند", "دارد"))


# «این اعتبار به …», «همین مبلغ …» right before the figure
_POINTER_NOUN = re.compile(rf"(?<![\w\u200c])(?:این|همین)[\s\u200c]+([\u0620-\u06D3\u200c]+?)(?:{GAP}به)?{GAP}$")


def _pointed(doc: Document, sent, q_start: int, full: str) -> str | None:
    """The subject of an earlier figure that a figure of a unit alone points back to («امسال ۱۵ میلیارد ریال اعتبار
    برای … در نظر گرفته شده و سال آینده این اعتبار به ۳۰ میلیارد ریال افزایش می‌یابد»): the same amount at another
    time, by the noun after «این» right before it; else None."""
    words = full.split()
    if not words or key(words[0]) not in _MONEY and key(words[0]) not in counted.CLASSIFIERS:
        return None
    pointer = _POINTER_NOUN.search(doc.text, max(sent.start, q_start - 40), q_start)
    if pointer is None or key(pointer.group(1)) in counted.CLASSIFIERS:
        return None
    noun = _singular(pointer.group(1))
    same = next((st for st in reversed(doc.statistics) if key(st.subject.split()[0]) == key(words[0])
                 and any(_singular(w) == noun for w in st.subject.split()[1:])), None)
    return None if same is None else same.subject


def _without_verbs_words(subject: str) -> str:
    """The subject without the words at its end that belong to its clause's verb (:data:`_VERBS_WORDS`): the
    words before them say what is counted, these only that it was declared, shown, or goes on."""
    words = subject.split()
    while len(words) > 1 and key(words[-1]) in _VERBS_WORDS:
        words.pop()
    return " ".join(words)


_CLAUSE_END = re.compile(r"[،,؛;:.]|[0-9۰-۹]")
_SUPERLATIVE = re.compile(r"\S{2,}ترین(?![\w\u200c])")
# «از ۳۱ درصد … به ۳۸ درصد رسید», «… به ۷۸ کودک می‌رسید», «در قرارداد جدید با ۴۸ پیمانکار»: a change, or
# a phrase inside a clause that is about something else
_PHRASE_BEFORE = re.compile(rf"(?<![\w\u200c])(?:از|به|با){GAP}$")
_MAX_CLAUSE_WORDS = 8  # content words: a gold subject of three or four words still overlaps them


def _clause_words(doc: Document, sent, q_start: int, stop: int) -> str:
    """The words of a figure's clause, when nothing else says what its lone noun counts: after it up to
    the clause's verb or end, then before it from the clause's start, without places and numbers (the
    figure's own attributes and other figures), at most eight content words.  «۷۸ هزار خانوار در سطح
    استان از خدمات معیشتی … کمیته امداد بهره‌مند می‌شوند» counts households that the relief
    foundation's services reach: the clause says so, in words no rule of its own reads.  Not a figure
    that is a clause's predicate («… ۹۷ مورد است و …»: nothing after it), ranked («میبد با ۹۰۰ کودک
    بیشترین سهم را دارد»), a change («از ۳۱ درصد … به ۳۸ درصد») or in a phrase of a clause about something
    else («در قرارداد جدید با ۴۸ پیمانکار»): its clause says how many, which is most or what changed, not what."""
    end = _CLAUSE_END.search(doc.text, stop, sent.end)
    end = end.start() if end else sent.end
    # another figure, in words too, ends it: «در سه شهرستان و با | چهار خودرو فعال است»
    end = min([end] + [sent.start + x.start for x in doc.numbers[sent.index] if sent.start + x.start >= stop])
    begin = clauses.clause_start(doc, sent.start, q_start)
    if _SUPERLATIVE.search(doc.text, begin, end) or _PHRASE_BEFORE.search(doc.text, max(begin, q_start - 6), q_start):
        return ""
    skip = [(m.start, m.end) for m in doc.mentions if m.kind == "place" and sent.start <= m.start < sent.end]
    skip += [(sent.start + x.start, sent.start + x.end) for x in doc.numbers[sent.index]]

    def kept(tokens) -> list[str]:
        words = [t.group() for t in tokens if t.group() not in counted._PUNCT and not any(s <= t.start() < e for s, e in skip)]
        while words and is_function_word(words[0]):
            words.pop(0)
        while words and is_function_word(words[-1]):
            words.pop()
        return words

    after: list[re.Match] = []
    for t in TOKEN.finditer(doc.text, stop, end):
        finite = counted.is_finite(t.group())
        if not finite or after:
            after.append(t)  # «… بهره‌مند می‌شوند»: the verb says what happened to them; a copula first says nothing
        if finite:
            break
    words = kept(after) + kept(TOKEN.finditer(doc.text, begin, q_start))
    content = [i for i, w in enumerate(words) if not is_function_word(w)]
    return " ".join(words[:content[_MAX_CLAUSE_WORDS] if len(content) > _MAX_CLAUSE_WORDS else len(words)])
