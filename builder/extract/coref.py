"""Coreference inside one article: role-only subjects and pronouns to persons.

News stories introduce their speaker twice: the lead says «معاون امور
اجتماعی بهزیستی اردبیل گفت: ...», the body «خسرو امیدوار ... افزود».  A role
mention that opens a sentence with a reporting verb is resolved to

1. the person already holding a post with the same head and organisation;
2. else, when the article names one person only, that person;
3. else the nearest person named in the following or preceding sentences
   who holds no conflicting post;

and the post joins that person's posts.  «وی», «او» and «ایشان» resolve to the
most recent subject (a person or resolved role opening its sentence) before
them, else to the most recent person.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Mention, Person
from ..text.lexicon import ROLE_FIRST_WORDS, is_given_name, is_surname_like
from ..text.patterns import GAP, LETTER
from ..text.textkey import key
from .roles import post_key
from .speech import PREAMBLE, TITLES, in_credit, opens_sentence
from .tokens import is_function_word

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "coreference"
#: what coreference changes of the roles' output, and why (see builder.components)
EDITS = {
    "posts": "a speaking post named only by its role gets the holder coreference finds, and one person's "
             "equal posts are merged: the holder is known only once pronouns and surnames are resolved",
    "mentions": "the role mentions of merged posts point to the post they were merged into; a speaking post's "
                "holder named by surname alone is mentioned where the surname stands",
    "persons": "an official the page names only by post and then by surname alone («چوپانی افزود») is a person",
}

# «وی», and descriptions that point back like pronouns: «این مقام مسئول», «این مسئول»
_PRONOUNS = re.compile(
    r"(?<![\w\u200c])(?:وی|او|ایشان|(?:این|همین)[\s\u200c]+(?:مقام[\s\u200c]+مسئول|مقام[\s\u200c]+قضایی|مقام|مسئول))(?![\w\u200c])"
)


def _holder_for(doc: Document, role: Mention) -> str | None:
    post = doc.posts[role.ref]
    if post.holder:
        return post.holder
    head = key(post.title.split()[0]) if post.title else ""
    same = {p.holder for p in doc.posts if p.holder and post_key(p) == post_key(post)}
    if len(same) == 1:
        return same.pop()
    mine = key(post.title)
    similar = {p.holder for p in doc.posts if p.holder and key(p.title.split()[0]) == head and
               (p.organization == post.organization if p.organization and post.organization
                else key(p.title).startswith(mine) or mine.startswith(key(p.title)))}
    if len(similar) == 1:
        return similar.pop()
    if len(doc.persons) == 1:
        return next(iter(doc.persons))
    # not a credit's reporter, nor someone who holds a post of the same rank in another body («کوروش بهادری
    # مدیرکل ورزش و جوانان» cannot be the «مدیرکل ثبت احوال» of the lead)
    other = {p.holder for p in doc.posts if p.holder and key(p.title.split()[0]) == head and p.organization != post.organization}
    persons = [m for m in doc.mentions if m.kind == "person" and not in_credit(doc, m) and m.ref not in other]
    if not persons:
        return None
    # the nearest, and of two as near, one with no post yet: a person the page gives a post beside their name
    # («فاطمه جوهری رئیس بهزیستی دیلم») is rarely the one it names by another post alone
    posted = {p.holder for p in doc.posts if p.holder}
    return min(persons, key=lambda m: (abs(m.sentence - role.sentence), m.ref in posted, m.sentence < role.sentence)).ref


# «به گفته X، …»: X is the source of what follows, a subject like one opening the sentence
_ATTRIBUTED = re.compile(r"(?<![\w\u200c])به[\s\u200c]+گفته[\s\u200c]+$")
_ALSO = re.compile(rf"^{GAP}(?:،\s*)?نیز(?![\w\u200c])")


def _new_speaker(doc: Document, m: Mention) -> bool:
    """«رئیس پلیس ... نیز گفت»: «نیز» after a role introduces another official, not the one named before."""
    return bool(_ALSO.match(doc.text[m.end:m.end + 12]))


def resolve_roles(doc: Document) -> None:
    """Give speaking role-only posts their holder, then merge each person's equal posts.

    A role joined by «و» to a resolved one is the same person's («معاون وزیر … و رئیس سازمان
    بهزیستی کشور گفت»); «فرماندار خوی نیز … گفت» introduces someone new, so only a person named
    after it (in the next sentences) can hold it.  So can only such a person hold the post that opens the
    story with a verb that reports nothing («… را عامل این موفقیت دانست»)."""
    verbs = doc.reporting_verbs
    roles = [m for m in doc.mentions if m.kind == "role"]
    first = min((m for m in doc.mentions if m.kind in ("role", "person")), key=lambda m: m.start, default=None)
    for m in roles:
        post = doc.posts[m.ref]
        if post.holder is None:
            post.holder = _surname_before(doc, m)
        if post.holder is None and opens_sentence(doc, m) and m.sentence in verbs:
            post.holder = (_named_after(doc, m) if _new_speaker(doc, m) else _holder_for(doc, m)) \
                or _surname_alone(doc, m)
        elif post.holder is None and _ATTRIBUTED.search(doc.text, 0, m.start):
            # «به گفته معاون خدمات شهری …»: the post named earlier with its holder
            same = {p.holder for p in doc.posts if p.holder and post_key(p) == post_key(post)}
            post.holder = same.pop() if len(same) == 1 else None
        elif post.holder is None and opens_sentence(doc, m) and m is first:
            # «رئیس کمیته امداد شهرستان زاوه … عامل اصلی این موفقیت دانست. رضا خوش سیما افزود: …»: a lead
            # that names the official by post, with a verb that is no reporting verb, and the name after
            post.holder = _named_after(doc, m) or _surname_alone(doc, m)
    for before, m in zip(roles, roles[1:]):
        post = doc.posts[m.ref]
        if post.holder is None and doc.posts[before.ref].holder and _AND.fullmatch(doc.text, before.end, m.start):
            post.holder = doc.posts[before.ref].holder
    _merge_posts(doc)


_AND = re.compile(r"[\s\u200c]+و[\s\u200c]+")
_NEXT_SENTENCES = 2


def _named_after(doc: Document, role: Mention) -> str | None:
    """The first person speaking in the sentences right after ``role``'s (opening a sentence that
    has a reporting verb: «حسین عباسی افزود»), holding no other post."""
    held = {p.holder for p in doc.posts if p.holder}
    verbs = doc.reporting_verbs
    for m in doc.mentions:
        if m.kind == "person" and role.sentence < m.sentence <= role.sentence + _NEXT_SENTENCES and m.ref not in held \
                and m.sentence in verbs and opens_sentence(doc, m):
            return m.ref
    return None


_LAST_WORD = re.compile(rf"([{LETTER}][{LETTER}\u200c]*)[\s\u200c]+$")


def _surname_alone(doc: Document, role: Mention) -> str | None:
    """«مدیر شعب … گفت: …», then «چوپانی افزود: …»: a lead that names the official by post only,
    and a body that calls them by surname alone right before a reporting verb, with nobody else
    named to hold the post.  That word, when it has a surname's form («‑ی», «‑زاده», «‑نژاد») and
    is no post or function word, is the person; its other mentions («چوپانی با اشاره … گفت») too."""
    if any(m.kind == "person" and not in_credit(doc, m) for m in doc.mentions):
        return None
    for si in range(role.sentence + 1, min(role.sentence + 1 + _NEXT_SENTENCES, len(doc.sentences))):
        sent, verb = doc.sentences[si], doc.reporting_verbs.get(si, [None])[0]
        w = _LAST_WORD.search(doc.text, sent.start, verb.start()) if verb else None
        if w is None or not PREAMBLE.match(doc.text[sent.start:w.start()]) or not _may_be_surname(doc, w):
            continue
        return _as_person(doc, w.group(1), doc.sentences[role.sentence].end)
    return None


# a word and a comma or nothing before a post: «ایزدپور مدیر کل بهزیستی استان گفت», «قاسم‌زاده، شهردار اصفهان:»
_WORD_BEFORE = re.compile(rf"([{LETTER}][{LETTER}\u200c]*)[\s\u200c]*[،,]?[\s\u200c]*$")


def _surname_before(doc: Document, role: Mention) -> str | None:
    """«ایزدپور مدیر کل بهزیستی استان گفت: …»: a sentence that opens with a word of a surname's form
    right before a post names its holder by surname alone."""
    sent = doc.sentences[role.sentence]
    w = _WORD_BEFORE.search(doc.text, sent.start, role.start)
    if w is None or not PREAMBLE.match(doc.text[sent.start:w.start()]) or not _may_be_surname(doc, w):
        return None
    return _as_person(doc, w.group(1), w.start())


# a title before a word: «سردار منتظرالمهدی …», «دکتر کوزگر …»
_TITLED_WORD = re.compile(rf"(?:{'|'.join(re.escape(t) for t in TITLES)})[\s\u200c]+([{LETTER}][{LETTER}\u200c]*)")


def titled_surnames(doc: Document) -> None:
    """«سردار منتظرالمهدی با بیان این مطلب، اظهار کرد: …»: a title and one word of a surname's form
    (no given name) opening a reported sentence name a person by surname alone, who speaks there
    and wherever the word stands later («منتظرالمهدی افزود»)."""
    for si, verbs in doc.reporting_verbs.items():
        sent = doc.sentences[si]
        m = _TITLED_WORD.search(doc.text, sent.start, verbs[0].start())
        named = {key(w) for p in doc.persons.values() for w in p.name.split()}  # «عیسی موسوی نسب», later «آقای موسوی»
        if m and PREAMBLE.match(doc.text[sent.start:m.start(1)]) and not is_given_name(m.group(1)) \
                and key(m.group(1)) not in named and _may_be_surname(doc, m, group=1):
            _as_person(doc, m.group(1), m.start(1))


def _as_person(doc: Document, surname: str, start: int) -> str:
    """A person named by ``surname`` alone (or by the fuller name the page gave once), mentioned
    wherever the surname stands from ``start`` on."""
    name = _full_name(doc, surname) or surname
    k = key(name)
    doc.persons.setdefault(k, Person(name))
    pattern = re.compile(rf"(?<![\w\u200c])(?:{re.escape(name)}|{re.escape(surname)})(?![\w\u200c])")
    for found in pattern.finditer(doc.text, start):
        if not any(x.start <= found.start() < x.end for x in doc.mentions):
            doc.mentions.append(Mention("person", found.start(), found.end(), name, k, doc.sentence_at(found.start())))
            doc.persons[k].evidence.append(doc.evidence(found.start(), found.end(), NAME, _SURNAME_ALONE))
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


def _may_be_surname(doc: Document, w: re.Match, group: int = 1) -> bool:
    word = w.group(group)
    return is_surname_like(word) and not is_function_word(word) and key(word) not in ROLE_FIRST_WORDS \
        and not any(x.start <= w.start(group) < x.end for x in doc.mentions)


def _merge_posts(doc: Document) -> None:
    kept, remap = [], {}
    for i, post in enumerate(doc.posts):
        for j, old in enumerate(kept):
            if post.holder and old.holder == post.holder and post_key(old) == post_key(post):
                if len(post.title) > len(old.title):
                    old.title = post.title
                old.evidence += post.evidence
                remap[i] = j
                break
        else:
            remap[i] = len(kept)
            kept.append(post)
    doc.posts = kept
    for m in doc.mentions:
        if m.kind == "role":
            m.ref = remap[m.ref]


def resolve_pronouns(doc: Document) -> None:
    """«وی», «او», «ایشان»: the latest person (or post) opening a sentence before them,
    else the latest mentioned at all.  «وی افزود» continues the last speaker even when
    another person was named in passing since («… با حضور X، رئیس شورا … اظهار کرد»).

    When that is an official named only by role, the pronoun mentions the post
    (a role mention), so the police chief's «وی اظهار کرد» stays his.
    """
    for p in _PRONOUNS.finditer(doc.text):
        sentence = doc.sentence_at(p.start())
        before = [m for m in doc.mentions if m.end <= p.start() and m.kind in ("person", "role")]
        subjects = [m for m in before if opens_sentence(doc, m) or _ATTRIBUTED.search(doc.text, 0, m.start)]
        for m in [*reversed(subjects), *reversed(before)]:
            if m.kind == "person":
                doc.mentions.append(Mention("pronoun", p.start(), p.end(), p.group(), m.ref, sentence))
                break
            holder = doc.posts[m.ref].holder
            if holder:
                doc.mentions.append(Mention("pronoun", p.start(), p.end(), p.group(), holder, sentence))
            elif opens_sentence(doc, m):  # a speaking official without a name
                doc.mentions.append(Mention("role", p.start(), p.end(), p.group(), m.ref, sentence))
            else:
                continue
            break
    doc.mentions.sort(key=lambda m: m.start)


@component(NAME, requires=("text", "reporting_verbs", "mentions", "persons", "posts"), assigns=("mentions",),
           edits=EDITS, evidence=True)
def extract(doc: Document) -> None:
    titled_surnames(doc)
    resolve_roles(doc)
    resolve_pronouns(doc)
