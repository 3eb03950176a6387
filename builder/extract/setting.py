"""Where the story is: the place a figure or a program belongs to when its own words name none.

News from a county office or a city hall is about that city, news from a provincial office
about its province.  :func:`main_place` reads it from the main speaker's post (a mayor, a
county governor, a prosecutor, the head of a municipal body or of a county office); the
component :func:`extract` sets :attr:`Document.setting` to it, else to the one city its
headline names, the county its credit or dateline names (:func:`credit_city`), the one city
the story names, else to the article's province, else to the country (:data:`COUNTRY`: a national body's figures are the country's).  Statistics (a figure without a place of its own) and programs (a program no
sentence places) read it.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document
from ..text.gazetteer import capital_of
from ..text.patterns import CREDIT_OPENING
from ..text.textkey import key

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "setting"

#: where a story is when nothing narrower says so: the country (a national body's figures, a national plan)
COUNTRY = key("ایران")
_CITY_OFFICIALS = frozenset(key(w) for w in ("دادستان", "شهردار", "فرماندار", "بخشدار"))
_DEPUTY = frozenset(key(w) for w in ("معاون", "جانشین", "قائم‌مقام"))


def speaker_post(doc: Document, sentence: int, start: int):
    """The post of whoever speaks at ``sentence``: the speaker quoted in its paragraph, else the
    official named by role at the start of its sentence («مدیرکل … از … خبر داده بود»)."""
    para = paragraph_of(doc, doc.sentences[sentence].start)
    quoted = None
    for q in doc.quotes:
        qs = q.evidence[0].sentence if q.evidence else -1
        if 0 <= qs <= sentence and paragraph_of(doc, doc.sentences[qs].start) == para:
            quoted = q
    if quoted is not None:
        if quoted.speaker:  # of a person's posts, the one named in this paragraph
            held = [i for i, p in enumerate(doc.posts) if p.holder == quoted.speaker]
            named = [m.ref for m in doc.mentions if m.kind == "role" and m.ref in held
                     and m.sentence <= sentence and paragraph_of(doc, m.start) == para]
            return doc.posts[named[-1]] if named else doc.posts[held[0]] if held else None
        return next((p for p in doc.posts if p.title == quoted.post), None)
    role = next((m for m in doc.mentions if m.kind == "role" and m.sentence == sentence and m.end <= start), None)
    return doc.posts[role.ref] if role is not None and isinstance(role.ref, int) and role.ref < len(doc.posts) else None


def main_place(doc: Document) -> str | None:
    """The city a story is about when its main speaker is a city official (a mayor, a
    county governor, a prosecutor, the head of a municipal body or of a county office);
    else None, and figures without a place of their own belong to the article's province."""
    speaker = next((q for q in doc.quotes if q.speaker or q.post), None)
    post = speaker_post(doc, speaker.evidence[0].sentence, len(doc.text)) if speaker and speaker.evidence else None
    post = post or next((p for p in doc.posts if p.holder), None)
    return city_of(doc, post) if post is not None else None


def city_of(doc: Document, post) -> str | None:
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
    # «رئیس اداره بهزیستی مشهد»: an office of a provincial body keyed at a city is its county office
    county_office = key("شهرستان") in {key(w) for w in post.title.split()} \
        or (org is not None and org.kind == "provincial_office" and org.place == where)
    words = [key(w) for w in post.title.split()]
    official = words[1] if len(words) > 1 and words[0] in _DEPUTY else words[0]  # «معاون دادستان مشهد»
    if city_body or county_office or official in _CITY_OFFICIALS:
        return where
    return None


def paragraph_of(doc: Document, pos: int) -> int:
    return doc.text.count("\n", 0, pos)


def headline_city(doc: Document) -> str | None:
    """The one city or county the headline names, in the article's province (or any, when the
    article has none): «فعالیت ۴۰۰ مرکز ترک اعتیاد در مشهد» is a story about Mashhad, though
    its speaker may serve the province."""
    first = doc.text.split("\n", 1)[0]
    if not doc.article.title or key(first) != key(doc.article.title):  # the text opens with its headline
        return None
    named = {m.ref for m in doc.mentions if m.kind == "place" and m.end <= len(first)}
    cities = {k for k in named if k in doc.places and doc.places[k].kind in ("city", "county")}
    provinces = {k for k in named if k in doc.places and doc.places[k].kind == "province"}
    if len(cities) != 1 or provinces - {doc.article.province}:
        return None
    city = next(iter(cities))
    return city if doc.article.province in (None, doc.places[city].province) else None


def only_city(doc: Document) -> str | None:
    """The one city or county a story names, when it names no other place: «کمپ ترک اعتیاد امید» in a story whose
    every place is «شهرستان صحنه» runs there, though no sentence that names it says so."""
    named = {m.ref for m in doc.mentions if m.kind == "place" and m.ref in doc.places}
    cities = {k for k in named if doc.places[k].kind in ("city", "county")}
    if len(cities) != 1 or named - cities:
        return None  # a province named too: a provincial story that met in its capital
    return next(iter(cities))


_DASH = re.compile(r"\s*[-–_]")


def credit_city(doc: Document) -> str | None:
    """The city or county named by the story's first credit or dateline, when it is not its province's
    capital: a desk in the capital covers the province, but «به گزارش … از تایباد» and «تایباد- ایرنا-»
    come from the county the story is about."""
    places = [m for m in doc.mentions if m.kind == "place" and m.ref in doc.places]
    for sentence in doc.sentences:
        credit = CREDIT_OPENING.match(doc.text, sentence.start, sentence.end)
        first = sentence.start + len(sentence.text) - len(sentence.text.lstrip())  # where its first word starts
        opening = next((m for m in places if m.start == first), None)
        if credit is None and not (opening and _DASH.match(doc.text, opening.end)):
            continue
        named = [m.ref for m in places if sentence.start <= m.start and m.end <= (credit.end() if credit else opening.end)]
        for ref in named:
            place = doc.places[ref]
            capital = capital_of(place.province) if place.province else None
            if place.kind in ("city", "county") and not (capital and capital.key == ref):
                return ref
        return None
    return None


@component(NAME, requires=("text", "article", "mentions", "places", "organizations", "posts", "quotes"),
           assigns=("setting",))
def extract(doc: Document) -> None:
    doc.setting = main_place(doc) or headline_city(doc) or credit_city(doc) or only_city(doc) or doc.article.province or COUNTRY
