"""Places: gazetteer names, plus «مرکز استان», «پایتخت» and «این استان» resolved.

A name shared by a province and its capital («اردبیل», «تهران») is the city
when the words around it say so («شهر», «کلانشهر», «مرکز استان»,
«شهرداری») and the province otherwise.  Anaphoric place phrases become
mentions of the place they mean, so statistics can take their place from the
sentence.
"""
from __future__ import annotations

import re

from ..document import Document, Mention, Place
from ..gazetteer import capital_of, city_named_like, find_places, place
from ..textkey import key
from .units import sentence_units

_CITY_BEFORE = re.compile(r"(?:شهر|کلانشهر|شهرداری|شهرستان|فرمانداری|مرکز\s*استان)[\s\u200c]*$")
_PROVINCE_BEFORE = re.compile(r"(?:استان|استانداری)[\s\u200c]*$")
_CAPITAL = re.compile(r"مرکز[\s\u200c]*استان|مرکز[\s\u200c]*این[\s\u200c]*استان")
_TEHRAN_CITY = re.compile(r"پایتخت")
_LIST_HEAD = re.compile(r"(?:شهرستان|شهر|استان|بخش)[\s\u200c]*(?:های|ها)[\s\u200c]+")
_LETTERS = "\u0620-\u064A\u066E-\u06D3\u200c"  # Persian letters and ZWNJ, not «،» (which is in the same block)
_ITEM = re.compile(rf"\s*([{_LETTERS}]+(?:[ \u200c][{_LETTERS}]+){{0,2}}?)\s*(?:،|,|\sو\s|$|(?=[.:؛\n])|(?=\s))")
_THIS_PROVINCE = re.compile(r"(?:این|همین)[\s\u200c]*استان|سطح[\s\u200c]*استان|سراسر[\s\u200c]*استان")


def _add(doc: Document, entry, start: int, end: int) -> str:
    k = entry.key
    found = doc.places.get(k)
    if found is None:
        found = doc.places[k] = Place(entry.name, entry.kind, entry.province if entry.kind != "province" else None)
    found.evidence.append(doc.evidence(start, end, "places"))
    doc.mentions.append(Mention("place", start, end, doc.text[start:end], k, doc.sentence_at(start)))
    return k


def resolve_city(text: str, start: int, entry):
    """The city entry when a province name is used as its capital's name here."""
    if entry.kind != "province":
        return entry
    if _CITY_BEFORE.search(text[max(0, start - 14):start]) and not _PROVINCE_BEFORE.search(text[max(0, start - 8):start]):
        return city_named_like(entry.key) or entry
    return entry


def _listed(doc: Document) -> None:
    """Names listed after «شهرستان‌های» / «استان‌های» are places even when, alone, they
    would be ordinary words («شهرستان‌های کهگیلویه، دنا و بویراحمد»)."""
    taken = [(m.start, m.end) for m in doc.mentions if m.kind == "place"]
    for head in _LIST_HEAD.finditer(doc.text):
        pos = head.end()
        while True:
            m = _ITEM.match(doc.text, pos)
            if not m or not m.group(1):
                break
            entry = place(m.group(1))
            if entry is None:
                break
            if not any(s <= m.start(1) < e for s, e in taken):
                _add(doc, entry, m.start(1), m.end(1))
                taken.append((m.start(1), m.end(1)))
            pos = m.end()


def extract(doc: Document) -> None:
    agency_spans = []
    for units in sentence_units(doc):
        agency_spans += [(u.start, u.end) for u in units if u.kind == "agency"]
    for start, end, entry in find_places(doc.text):
        if any(s <= start < e for s, e in agency_spans):
            continue  # «خبرگزاری فارس» is the agency, not the province
        _add(doc, resolve_city(doc.text, start, entry), start, end)
    _listed(doc)
    province = doc.article.province
    if province and place(province):
        if doc.places or _THIS_PROVINCE.search(doc.text):
            for m in _THIS_PROVINCE.finditer(doc.text):
                doc.mentions.append(Mention("place", m.start(), m.end(), m.group(), province, doc.sentence_at(m.start())))
        for m in _CAPITAL.finditer(doc.text):
            capital = capital_of(province)
            if capital:
                _add(doc, capital, m.start(), m.end())
    for m in _TEHRAN_CITY.finditer(doc.text):
        tehran = city_named_like(key("تهران"))
        if tehran:
            _add(doc, tehran, m.start(), m.end())
    doc.mentions.sort(key=lambda m: m.start)
