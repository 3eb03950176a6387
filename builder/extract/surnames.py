"""Persons a page names by surname alone, and the posts they hold.

Real pages often give an official no given name: the lead names the post and the body the surname
(«مدیر شعب … گفت: …», then «چوپانی افزود»), the surname stands right before the post («ایزدپور
مدیر کل بهزیستی استان گفت»), or behind a title («سردار منتظرالمهدی … اظهار کرد»).  A word of a
surname's form («‑ی», «‑زاده», «‑نژاد»; no post, function word or given name) in those places is
the person, mentioned wherever it stands later, so quotes and posts reach it.  Coreference calls
these when it looks for a post's holder (:mod:`builder.extract.coref`), declares the edit of persons
they make and names itself as ``extractor`` in their evidence.
"""
from __future__ import annotations

import re

from ..text.document import Document, Mention, Person
from ..text.lexicon import ROLE_FIRST_WORDS, is_given_name, is_surname_like, surname_score
from ..text.patterns import LETTER
from ..text.textkey import key
from .speech import PREAMBLE, TITLES, in_credit
from .name_ends import GOES_ON, is_time
from .tokens import is_function_word

#: the last word before a position (search with an end bound): the word right before a reporting verb
LAST_WORD = re.compile(rf"([{LETTER}][{LETTER}\u200c]*)[\s\u200c]+$")


def surname_after(doc: Document, role: Mention, sentences: int, extractor: str) -> str | None:
    """«مدیر شعب … گفت: …», then «چوپانی افزود: …»: a lead that names the official by post only,
    and a body that calls them by surname alone right before a reporting verb, with nobody else
    named to hold the post.  That word, when it has a surname's form («‑ی», «‑زاده», «‑نژاد») and
    is no post or function word, is the person; its other mentions («چوپانی با اشاره … گفت») too."""
    if any(m.kind == "person" and not in_credit(doc, m) for m in doc.mentions):
        return None
    for si in [*range(role.sentence + 1, min(role.sentence + 1 + sentences, len(doc.sentences))), role.sentence - 1]:
        if si >= 0 and (w := _said_by(doc, si)) is not None and _may_be_surname(doc, w, weak=True):
            return as_person(doc, w.group(1), min(doc.sentences[si].start, doc.sentences[role.sentence].end), extractor)
    return None


_FIRST_WORD = re.compile(rf"([{LETTER}][{LETTER}\u200c]*)")


def _said_by(doc: Document, si: int) -> re.Match | None:
    """The one word a reported sentence opens with as its subject: right before the verb («چوپانی افزود»),
    or before what goes on the clause («کرمی با اشاره به … گفت»); else None."""
    sent, verb = doc.sentences[si], doc.reporting_verbs.get(si, [None])[0]
    if verb is None:
        return None
    w = LAST_WORD.search(doc.text, sent.start, verb.start())
    if w is not None and PREAMBLE.match(doc.text[sent.start:w.start()]):
        return w
    opening = PREAMBLE.match(doc.text[sent.start:verb.start()])
    w = _FIRST_WORD.match(doc.text, sent.start + (opening.end() if opening else 0), verb.start())
    return w if w is not None and GOES_ON.match(doc.text, w.end()) else None


# a word and a comma or nothing before a post: «ایزدپور مدیر کل بهزیستی استان گفت», «قاسم‌زاده، شهردار اصفهان:»
_WORD_BEFORE = re.compile(rf"([{LETTER}][{LETTER}\u200c]*)[\s\u200c]*[،,]?[\s\u200c]*$")


def surname_before(doc: Document, role: Mention, extractor: str) -> str | None:
    """«ایزدپور مدیر کل بهزیستی استان گفت: …»: a sentence that opens with a word of a surname's form
    right before a post names its holder by surname alone; so does a title before the word, wherever it
    stands («… که دکتر کاظمی مدیرکل بهزیستی استان کرمان نیز حضور داشت»)."""
    sent = doc.sentences[role.sentence]
    w = _WORD_BEFORE.search(doc.text, sent.start, role.start)
    if w is None or not (PREAMBLE.match(doc.text[sent.start:w.start()]) or _TITLE_BEFORE.search(doc.text, sent.start, w.start())) \
            or not _may_be_surname(doc, w):
        return None
    return as_person(doc, w.group(1), w.start(), extractor)


# a title before a word: «سردار منتظرالمهدی …», «دکتر کوزگر …»
_TITLE_WORDS = "|".join(re.escape(t) for t in TITLES)
_TITLED_WORD = re.compile(rf"(?:{_TITLE_WORDS})[\s\u200c]+([{LETTER}][{LETTER}\u200c]*)")
_TITLE_BEFORE = re.compile(rf"(?<![{LETTER}\u200c])(?:{_TITLE_WORDS})[\s\u200c]+$")  # a title right before a word


def titled_surnames(doc: Document, extractor: str) -> None:
    """«سردار منتظرالمهدی با بیان این مطلب، اظهار کرد: …»: a title and one word of a surname's form
    (no given name) opening a reported sentence name a person by surname alone, who speaks there
    and wherever the word stands later («منتظرالمهدی افزود»)."""
    for si, verbs in doc.reporting_verbs.items():
        sent = doc.sentences[si]
        m = _TITLED_WORD.search(doc.text, sent.start, verbs[0].start())
        if m is None or not PREAMBLE.match(doc.text[sent.start:m.start(1)]) or is_given_name(m.group(1)):
            continue
        named = {key(w) for p in doc.persons.values() for w in p.name.split()}  # «عیسی موسوی نسب», later «آقای موسوی»
        if key(m.group(1)) not in named and _may_be_surname(doc, m, group=1):
            as_person(doc, m.group(1), m.start(1), extractor)


# words of a clause that no surname is made of: «علی | در ادامه گفت», «رضا | هم گفت»
_CLAUSE_WORDS = frozenset(key(w) for w in ("و", "که", "را", "از", "به", "در", "با", "برای", "هم", "نیز", "همچنین"))
_WORD = re.compile(rf"[{LETTER}][{LETTER}\u200c]*")


def opening_names(doc: Document, extractor: str) -> None:
    """«حسین تنها طلب گفت: …»: a given name we list opening a reported sentence, and one or two words
    right up to its reporting verb, name a person whose surname is made of those words, ordinary ones
    among them («تنها طلب», «همه خانی»), which no rule of names took for a surname.  Not a post, a
    place, a body, a word of a clause («علی در ادامه گفت») or a function word before the verb."""
    for si, verbs in doc.reporting_verbs.items():
        sent, verb = doc.sentences[si], verbs[0].start()
        opening = PREAMBLE.match(doc.text[sent.start:verb])
        at = sent.start + (opening.end() if opening else 0)
        words = list(_WORD.finditer(doc.text, at, verb))
        if not 2 <= len(words) <= 3 or doc.text[at:words[0].start()].strip() or doc.text[words[-1].end():verb].strip() \
                or not is_given_name(words[0].group()) or is_function_word(words[-1].group()) \
                or any(key(w.group()) in _CLAUSE_WORDS or key(w.group()) in ROLE_FIRST_WORDS for w in words[1:]) \
                or any(m.start < words[-1].end() and words[0].start() < m.end for m in doc.mentions):
            continue
        name = doc.text[words[0].start():words[-1].end()]
        as_person(doc, doc.text[words[1].start():words[-1].end()], words[0].start(), extractor, name)


def as_person(doc: Document, surname: str, start: int, extractor: str, name: str | None = None) -> str:
    """A person named by ``surname`` alone (or by the fuller ``name`` the page gave once), mentioned
    wherever the surname stands from ``start`` on."""
    name = name or _full_name(doc, surname) or surname
    k = key(name)
    doc.persons.setdefault(k, Person(name))
    pattern = re.compile(rf"(?<![\w\u200c])(?:{re.escape(name)}|{re.escape(surname)})(?![\w\u200c])")
    for found in pattern.finditer(doc.text, start):
        if not any(x.start <= found.start() < x.end for x in doc.mentions):
            doc.mentions.append(Mention("person", found.start(), found.end(), name, k, doc.sentence_at(found.start())))
            doc.persons[k].evidence.append(doc.evidence(found.start(), found.end(), extractor, _SURNAME_ALONE))
    doc.mentions.sort(key=lambda x: x.start)
    return k


_SURNAME_ALONE = 0.8  # the confidence of a person named by surname alone
# «سید صباح قریشی …» before «قریشی افزود»: the surname after «سید» and a name we do not list
_PREFIXED = re.compile(rf"(?<![\w\u200c])(?:سید|سیده|میر)[\s\u200c]+[{LETTER}]+[\s\u200c]+")


def _full_name(doc: Document, surname: str) -> str | None:
    """The name the page gave the official once, with «سید» and a given name before the surname."""
    for m in re.finditer(rf"(?<![\w\u200c]){re.escape(surname)}(?![\w\u200c])", doc.text):
        before = doc.text[max(0, m.start() - 30):m.start()]
        if prefixed := next((p for p in _PREFIXED.finditer(before) if p.end() == len(before)), None):
            return " ".join((prefixed.group() + surname).split())
    return None


def _may_be_surname(doc: Document, w: re.Match, group: int = 1, weak: bool = False) -> bool:
    """The word has a surname's form, and is no function word, post or word of another mention.  ``weak``: a
    form shared with an ordinary word will do («کرمی»), where the place alone says a surname stands there."""
    word = w.group(group)
    form = surname_score(word) >= _WEAK_FORM if weak else is_surname_like(word)
    return form and not is_function_word(word) and key(word) not in ROLE_FIRST_WORDS and not is_time(key(word)) \
        and not any(x.start <= w.start(group) < x.end for x in doc.mentions)


_WEAK_FORM = 0.4  # lexicon.surname_score of a surname's form that is also a frequent ordinary word
