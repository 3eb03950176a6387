"""Coreference inside one article: role-only subjects and pronouns to persons.

News stories introduce their speaker twice: the lead says «معاون امور
اجتماعی بهزیستی اردبیل گفت: ...», the body «خسرو امیدوار ... افزود».  A role
mention that opens a sentence with a reporting verb is resolved to

1. the person already holding a post with the same head and organisation;
2. else, when the article names one person only, that person;
3. else the nearest person named in the following or preceding sentences
   who holds no conflicting post (of two as near, the one with no post yet);
4. else, when nobody is named, the word of a surname's form opening a reported
   sentence after it («چوپانی افزود», :mod:`builder.extract.surnames`);

and the post joins that person's posts.  A post right after such a word
(«ایزدپور مدیر کل …») is held by it, whatever the sentence says.  «وی», «او» and «ایشان» resolve to the
most recent subject (a person or resolved role opening its sentence) before
them, else to the most recent person.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Mention
from ..text.patterns import GAP
from ..text.textkey import key
from .roles import post_key
from .speech import in_credit, opens_sentence
from .surnames import opening_names, surname_after, surname_before, titled_surnames

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
_BEFORE_PLACE = re.compile(r"(?:[\s\u200c]+[^\s\u200c،,.:؛]+){0,2}[\s\u200c]+")  # «… بهزیستی | جنوب استان | کرمان»
_ALSO = re.compile(rf"^{GAP}(?:،\s*)?(?:نیز|هم)(?![\w\u200c])")


def _new_speaker(doc: Document, m: Mention) -> bool:
    """«رئیس پلیس ... نیز گفت», «مدیرکل … هم پیش‌تر … خبر داده بود»: «نیز/هم» after a role introduces another
    official, not the one named before; so after the place the post's words go on to («مدیرکل بهزیستی جنوب
    استان کرمان نیز …», the role mention ending before the place)."""
    ends = [m.end] + [p.end for p in doc.mentions if p.kind == "place" and _BEFORE_PLACE.fullmatch(doc.text, m.end, p.start)]
    return any(_ALSO.match(doc.text[end:end + 12]) for end in ends)


def resolve_roles(doc: Document) -> None:
    """Give speaking role-only posts their holder, then merge each person's equal posts.

    A role joined by «و» to a resolved one is the same person's («معاون وزیر … و رئیس سازمان
    بهزیستی کشور گفت»); «فرماندار خوی نیز … گفت» introduces someone new, so only a person named
    after it (in the next sentences) can hold it.  So can only such a person hold the post that opens the
    story with a verb that reports nothing («… را عامل این موفقیت دانست»)."""
    verbs = doc.reporting_verbs
    roles = [m for m in doc.mentions if m.kind == "role"]
    first = min((m for m in doc.mentions if m.kind in ("role", "person")), key=lambda m: m.start, default=None)
    for before, m in zip([None, *roles], roles):
        post = doc.posts[m.ref]
        if post.holder is None and before is not None and _AND.fullmatch(doc.text, before.end, m.start):
            post.holder = _apposed_holder(doc, before)  # «دکتر یزدانی نماینده … و رئیس کمیسیون …»: both his
        if post.holder is None:
            post.holder = surname_before(doc, m, NAME)
        if post.holder is None and opens_sentence(doc, m) and m.sentence in verbs:
            post.holder = (_named_after(doc, m) if _new_speaker(doc, m) else _holder_for(doc, m)) \
                or surname_after(doc, m, _NEXT_SENTENCES, NAME)
        elif post.holder is None and _ATTRIBUTED.search(doc.text, 0, m.start):
            # «به گفته معاون خدمات شهری …»: the post named earlier with its holder
            same = {p.holder for p in doc.posts if p.holder and post_key(p) == post_key(post)}
            post.holder = same.pop() if len(same) == 1 else None
        elif post.holder is None and opens_sentence(doc, m) and m is first:
            # «رئیس کمیته امداد شهرستان زاوه … عامل اصلی این موفقیت دانست. رضا خوش سیما افزود: …»: a lead
            # that names the official by post, with a verb that is no reporting verb, and the name after
            post.holder = _named_after(doc, m) or surname_after(doc, m, _NEXT_SENTENCES, NAME)
    for before, m in zip(roles, roles[1:]):
        post = doc.posts[m.ref]
        if post.holder is None and doc.posts[before.ref].holder and _AND.fullmatch(doc.text, before.end, m.start):
            post.holder = doc.posts[before.ref].holder
    _merge_posts(doc)


def _apposed_holder(doc: Document, role: Mention) -> str | None:
    """The holder of ``role`` when the page names them right before it («دکتر یزدانی نماینده …»): a post joined
    to it by «و» is theirs too, before that post is looked for where it speaks later; not a holder the lead's
    verb gave («رئیس کل دادگستری … و مدیرکل بهزیستی … امضا کردند»: two officials)."""
    holder = doc.posts[role.ref].holder
    named = any(p.kind == "person" and p.ref == holder and _APPOSED.fullmatch(doc.text, p.end, role.start)
                for p in doc.mentions)
    return holder if named else None


_APPOSED = re.compile(r"[\s\u200c،,]*")
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
    titled_surnames(doc, NAME)
    opening_names(doc, NAME)
    resolve_roles(doc)
    resolve_pronouns(doc)
