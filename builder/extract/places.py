"""Places: gazetteer names, plus «مرکز استان», «پایتخت» and «این استان» resolved.

A name shared by a province and its capital («اردبیل», «تهران») is the city
when the words around it say so («شهر», «کلانشهر», «مرکز استان»,
«شهرداری») and the province otherwise.  Anaphoric place phrases become
mentions of the place they mean, so statistics can take their place from the
sentence.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Mention, Place
from ..text.gazetteer import capital_of, city_named_like, place
from ..text.patterns import GAP, LETTER
from ..text.textkey import key
from .tokens import is_verb

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "places"

_CITY_BEFORE = re.compile(rf"(?:شهر|کلانشهر|شهرداری|شهرستان|فرمانداری|مرکز\s*استان){GAP}$")
_PROVINCE_BEFORE = re.compile(rf"(?:استان|استانداری){GAP}$")
_CAPITAL = re.compile(rf"مرکز{GAP}استان|مرکز{GAP}این{GAP}استان")
_TEHRAN_CITY = re.compile(r"پایتخت")
_LIST_HEAD = re.compile(rf"(?:شهرستان|شهر|استان|بخش){GAP}(?:های|ها)[\s\u200c]+")
_LETTERS = LETTER + r"\u200c"  # Persian letters and ZWNJ, not «،» (which is in the same block)
_ITEM = re.compile(rf"\s*([{_LETTERS}]+(?:[ \u200c][{_LETTERS}]+){{0,2}}?)\s*(?:،|,|\sو\s|$|(?=[.:؛\n])|(?=\s))")
_THIS_PROVINCE = re.compile(rf"(?:این|همین){GAP}استان|سطح{GAP}استان|سراسر{GAP}استان")


def _add(doc: Document, entry, start: int, end: int) -> str:
    k = entry.key
    found = doc.places.get(k)
    if found is None:
        found = doc.places[k] = Place(entry.name, entry.kind, entry.province if entry.kind != "province" else None)
    found.evidence.append(doc.evidence(start, end, NAME))
    doc.mentions.append(Mention("place", start, end, doc.text[start:end], k, doc.sentence_at(start)))
    return k


def forget(doc: Document, gone: list[Mention]) -> None:
    """Take back place mentions a later component found to be no place of the story (a given name,
    a country inside a body's name): the mentions and their evidence go, and a place nothing else
    names and no body is placed in goes too, and with it the place of a post that pointed there."""
    if not gone:
        return
    doc.mentions[:] = [m for m in doc.mentions if m not in gone]
    for m in gone:
        where = doc.places.get(m.ref)
        if where is None:
            continue
        start, end = doc.raw_span(m.start, m.end)
        where.evidence = [e for e in where.evidence if not (start <= e.start and e.end <= end)]
        if not any(x.kind == "place" and x.ref == m.ref for x in doc.mentions) \
                and not any(o.place == m.ref for o in doc.organizations.values()):
            for post in doc.posts:
                post.place = None if post.place == m.ref else post.place
            del doc.places[m.ref]


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



# «تالش، آستانه، لاهیجان و فومن»: the next item of a list of places
_NEXT_ITEM = re.compile(rf"\s*(?:[،,]\s*([{_LETTERS}]+)(?=\s*(?:[،,.:؛\n]|\sو\s|$))|\sو\s+([{_LETTERS}]+)(?![{_LETTERS}]))")


def _in_lists_of_places(doc: Document) -> None:
    """A county named by a word that alone is an ordinary word («آستانه», «خاتم»: the gazetteer
    matches it only with «شهرستان»), listed right after a county of the same province, is that
    county («شهرستان‌های تالش، آستانه و فومن» without the head, «یزد، ابرکوه، خاتم و بهاباد»)."""
    taken = [(m.start, m.end) for m in doc.mentions if m.kind == "place"]
    for m in sorted((m for m in doc.mentions if m.kind == "place"), key=lambda m: m.start):
        before = doc.places.get(m.ref)
        item = _NEXT_ITEM.match(doc.text, m.end)
        if before is None or item is None:
            continue
        at = 1 if item.group(1) else 2  # after a comma, or the last item, after «و»
        if any(s <= item.start(at) < e for s, e in taken):
            continue
        entry = place(item.group(at))
        if entry is not None and entry.kind in ("city", "county") and entry.province == (before.province or before.key):
            _add(doc, entry, item.start(at), item.end(at))
            taken.append((item.start(at), item.end(at)))


# «روستای قلعه کمیز», «بخش جغین», «شهر گتاب»: a place the gazetteer does not hold, named after its kind
_KIND_WORDS = {"روستای": "village", "روستا": "village", "دهستان": "district", "بخش": "district",
               "شهرک": "city", "شهر": "city", "شهرستان": "county"}
_KIND_HEAD = re.compile(r"(?<![\w\u200c])(" + "|".join(sorted(_KIND_WORDS, key=len, reverse=True)) + r") +(?!ها)")
_GLUED_FUNCTION_WORDS = ("را", "در", "به", "از", "با")
_NAME_WORD = re.compile(rf"[{_LETTERS}]+")


_POINTER_BEFORE = re.compile(r"(?<![\w\u200c])(?:این|همین|آن|همان|هر)[\s\u200c]+$")
_INFLECTIONS = ("\u200cای", "ای", "ان", "\u200cها", "ها", "\u200cهای", "های")


def _inflected_ordinary(word: str, is_ordinary_word) -> bool:
    """An ordinary word with a plural or an indefinite ending («زنان», «عمده‌ای»), which no place's name is."""
    return any(word.endswith(end) and len(word) - len(end) >= 2 and is_ordinary_word(word[:-len(end)].rstrip("\u200c"))
               for end in _INFLECTIONS)


def _named_by_kind(doc: Document) -> None:
    """A place named right after its kind («روستای …», «بخش …», «شهر …», «شهرستان …») that the gazetteer
    does not hold: one or two words, not function words or verbs, one of them at least no common word
    («شهر بزرگ» is no place).  Its province is the next known place in the sentence («بخش جغین شهرستان
    رودان»), else the article's."""
    from ..text.lexicon import is_common_word, is_given_name, is_ordinary_word, is_stopword  # noqa: PLC0415 (hazm's lexicon)

    taken = [(m.start, m.end) for m in doc.mentions if m.kind in ("place", "organization")]
    for head in _KIND_HEAD.finditer(doc.text):
        words = []
        pos = head.end()
        while len(words) < 2 and (w := _NAME_WORD.match(doc.text, pos)) is not None:
            if is_stopword(w.group()) or w.group() in _KIND_WORDS or any(s <= w.start() < e for s, e in taken):
                break
            words.append(w)
            pos = w.end()
            if not doc.text.startswith(" ", pos):
                break
            pos += 1
        if _POINTER_BEFORE.search(doc.text, max(0, head.start() - 8), head.start()) \
                or any(is_verb(w.group()) or _inflected_ordinary(w.group(), is_ordinary_word) for w in words):
            continue  # «در این شهرستان داشته‌اند», «بخش زنان», «بخش عمده‌ای»: no name follows
        village = head.group(1) in ("روستای", "دهستان")  # «در روستا مستأجر هستند»: «روستا» takes no name
        while words and (not village and is_ordinary_word(words[-1].group())
                         or is_common_word(words[-1].group()) and (len(words) == 1 or is_common_word(words[0].group()))):
            words.pop()  # «روستای قلعه کمیز», «روستای شوب محله»: a common word is kept beside a rare one
        glued = any(w.group().startswith(f) and len(w.group()) - len(f) >= 3 and is_ordinary_word(w.group()[len(f):])
                    for w in words for f in _GLUED_FUNCTION_WORDS)  # «در سطح شهر رامشاهده کردند»: «را مشاهده»
        glued = glued or any(re.search(r"\u200c(?:ها|های|هایی)$", w.group())  # «بخش آسیب‌های اجتماعی»: a plural
                             or "\u200c" in w.group() and place(w.group().split("\u200c")[0]) for w in words)
        if not words or glued or place(words[-1].group()) or any(is_given_name(w.group()) for w in words) \
                or not village and any(is_ordinary_word(w.group()) for w in words):
            continue  # a known place is the gazetteer's; after «شهر», «بخش» only a word ordinary Persian has not
        start, end = words[0].start(), words[-1].end()
        name = doc.text[start:end]
        kind = _KIND_WORDS[head.group(1)]
        k = f"{kind}:{key(name)}"
        if k not in doc.places:
            doc.places[k] = Place(name, kind, _province_after(doc, end) or doc.article.province)
        doc.places[k].evidence.append(doc.evidence(start, end, NAME))
        doc.mentions.append(Mention("place", start, end, name, k, doc.sentence_at(start)))
        taken.append((start, end))


def _province_after(doc: Document, pos: int) -> str | None:
    """The province of the first known place after ``pos`` in its sentence."""
    sentence = doc.sentence_at(pos)
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.kind == "place" and m.start >= pos and m.sentence == sentence and m.ref in doc.places:
            p = doc.places[m.ref]
            return p.province if p.kind != "province" else m.ref
    return None


@component(NAME, requires=("text", "sentences", "units", "place_names", "article"), assigns=("places", "mentions"), evidence=True)
def extract(doc: Document) -> None:
    agency_spans = []
    for units in doc.units:
        agency_spans += [(u.start, u.end) for u in units if u.kind == "agency"]
    named = {(start, end) for start, end, _ in doc.place_names}
    glued = [(u.start, u.end, u.entry) for units in doc.units for u in units
             if u.kind == "place" and (u.start, u.end) not in named]  # «درزاهدان»: read apart by the units
    for start, end, entry in sorted([*doc.place_names, *glued], key=lambda x: x[0]):
        if any(s <= start < e for s, e in agency_spans):
            continue  # «خبرگزاری فارس» is the agency, not the province
        _add(doc, resolve_city(doc.text, start, entry), start, end)
    _listed(doc)
    _in_lists_of_places(doc)
    _named_by_kind(doc)
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
