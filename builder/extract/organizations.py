"""Organisations: chunked phrases turned into canonical bodies with their parents.

Canonical forms make mentions of one body meet: «بهزیستی خوزستان»,
«اداره کل بهزیستی استان خوزستان» and a bare «بهزیستی» in a Khuzestan story
are one provincial office (key ``بهزیستی@خوزستان``; a bare name after a county
office of the same body is that county office), a sub-organisation of
«سازمان بهزیستی کشور».  A named body with a place is keyed by its name
without the place words plus the place («قرارگاه اجتماعی کلانشهر تهران» =
«قرارگاه اجتماعی شهر تهران»).  The publishing agency is metadata, never an
organisation of the story.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Mention, Organization
from ..text.gazetteer import organization, place
from ..text.textkey import key
from ..text.lexicon import is_common_word
from .phrases import CITY_LEVEL, NATIONAL, PLACE_BOUND, PLACE_WORDS, OrgPhrase, is_descriptive, org_phrase
from .units import Unit

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "organizations"

_PLACE_BOUND_KEYS = {key(h): h for h in PLACE_BOUND}
_PLACE_BOUND_KINDS = ("provincial_office", "government")  # keyed by their national body, never a fuller name
_OFFICE_PREFIXES = ("اداره کل ", "اداره ")


def _text(doc: Document, units: list[Unit], a: int, b: int) -> str:
    return doc.text[units[a].start:units[b - 1].end] if b > a else ""


def _place_key(doc: Document, unit: Unit | None) -> str | None:
    if unit is None:
        return None
    entry = unit.entry
    return entry.key


def _national(doc: Document, name: str) -> str:
    """Register a national body (a parent that may not be mentioned itself) and return its key."""
    entry = organization(key(name))
    k = entry.key if entry else key(name)
    if k not in doc.organizations:
        doc.organizations[k] = Organization(entry.name if entry else name, entry.kind if entry else "government")
    return k


def _core(head: str) -> str:
    for prefix in _OFFICE_PREFIXES:
        if head.startswith(prefix):
            return head[len(prefix):]
    return head


# a head word read as a common noun with the word after it: running a household, the family as an institution;
# or as the first half of a word written apart: organising («سازمان دهی», «سازمان دهندگان»), benefiting
# («سازمان بهره مند»)
_COMMON_NOUN_PHRASES = frozenset((key(a), key(b)) for a, b in (
    ("اداره", "زندگی"), ("اداره", "منزل"), ("اداره", "خانه"), ("نهاد", "خانواده"),
    ("سازمان", "دهی"), ("سازمان", "دهنده"), ("سازمان", "دهندگان"), ("سازمان", "یافته"), ("سازمان", "بهره"),
    ("سازمان", "بهره‌مند")))


_INSTITUTION, _PEOPLE = key("نهاد"), key("مردم")
_MUNICIPALITY = key("شهرداری")


def canonical(doc: Document, units: list[Unit], ph: OrgPhrase) -> tuple[str, str, str, str | None, str | None] | None:
    """(key, display name, kind, parent key, place key) of a phrase, or None if it names no specific body."""
    head = ph.head
    if ph.kind == "known" and key(ph.entry.name if ph.entry else head) not in _PLACE_BOUND_KEYS and key(units[ph.start].text) not in _PLACE_BOUND_KEYS:
        entry = ph.entry
        return entry.key, entry.name, entry.kind, (key(entry.parent) if entry.parent else None), None
    if ph.kind in ("known", "place_bound"):
        head = (_PLACE_BOUND_KEYS.get(key(units[ph.start].text)) or _PLACE_BOUND_KEYS.get(key(head))
                or (ph.entry and _PLACE_BOUND_KEYS.get(key(ph.entry.name))) or head)  # «کمیته امداد حضرت امام خمینی»
        parent, office = PLACE_BOUND.get(head, (None, False))
        if ph.national:
            if not parent:
                return None
            k = _national(doc, parent)
            return k, doc.organizations[k].name, doc.organizations[k].kind, None, None
        if ph.generic:
            return None
        city_level = key(head) in CITY_LEVEL
        core = _core(head)
        bare = key(doc.text[units[ph.start].start:units[ph.end - 1].end]) == key(units[ph.start].text) \
            and not (ph.end < len(units) and units[ph.end].key in PLACE_WORDS)  # not «بهزیستی استان»
        if bare and ph.place is None and not city_level and parent and _national_named_last(doc, parent):
            k = _national(doc, parent)  # «سازمان بهزیستی کشور …», then a bare «بهزیستی»: the same national body
            return k, doc.organizations[k].name, doc.organizations[k].kind, None, None
        place_key = _place_key(doc, ph.place) or (None if city_level else _last_office(doc, parent or core)
                                                  or doc.article.province)
        entry = place(place_key) if place_key else None
        if entry is None and city_level and bare and key(core) == _MUNICIPALITY:
            # a bare «شهرداری»: the municipality the page named before; when it named none and no town
            # either, an unnamed municipality the story is about
            named = [k for k in doc.organizations if k.startswith(key(core) + "@")]
            if len(named) == 1:
                org = doc.organizations[named[0]]
                return named[0], org.name, org.kind, org.parent, org.place
            if not named and _last_town(doc) is None:
                return key(head), head, _kind_of(head), None, None
        if entry is None:
            if not parent or city_level:  # a bare «فرمانداری» names no body we can tell
                return None
            k = _national(doc, parent)
            return k, doc.organizations[k].name, doc.organizations[k].kind, None, None
        if office:
            name = f"اداره کل {core} استان {entry.name}" if entry.kind == "province" else f"اداره {core} شهرستان {entry.name}"
        else:
            name = f"{head} {entry.name}"
        parent_key = _national(doc, parent) if parent else None
        if entry.kind != "province" and office and entry.province:
            prov = place(entry.province)
            parent_key = key(parent or core) + "@" + prov.key
            doc.organizations.setdefault(parent_key, Organization(f"اداره کل {core} استان {prov.name}", "provincial_office", _national(doc, parent) if parent else None, prov.key))
        kind = "provincial_office" if office else "government"
        # keyed by the national body, so «کمیته امداد» and «کمیته امداد امام خمینی» of one province meet
        return key(parent or core) + "@" + entry.key, name, kind, parent_key, entry.key
    # a named body: its own words, place words set aside
    a, b = ph.name_units
    own_end = b if ph.parent is None else ph.parent.start
    name = doc.surface(units[a].start, units[own_end - 1].end) if own_end > a else ""  # as the page writes it
    words = [u for u in units[a:own_end] if u.kind != "place" and u.key not in PLACE_WORDS and u.key not in NATIONAL]
    if len(words) > 1 and all(is_descriptive(u) for u in words[1:]):  # «کمیته ویژه‌ای», «کارگروه تخصصی»: some body
        return None
    if len(words) > 1 and (words[0].key, words[1].key) in _COMMON_NOUN_PHRASES:
        return None  # «توان اداره زندگی», «نهاد خانواده»: the head word as a common noun
    if len(words) > 1 and words[0].key == _INSTITUTION and is_common_word(words[1].text) \
            and not (a > 0 and units[a - 1].key == _PEOPLE):  # «سازمان مردم نهاد آبشار …»: an NGO's name
        return None  # «نهاد حمایتی», «نهاد همکار», «نهاد ناظر»: an institution of a kind, not one by name
    base = "".join(u.key for u in words)
    place_key = _place_key(doc, ph.place)
    k = base + ("@" + place_key if place_key else "")
    texts = [u.text for u in units[a:own_end]]
    if "«" in texts and "»" in texts:  # a name of its own: «انجمن «نوبهار»» is «انجمن حمایت از … «نوبهار» قروه»
        k = key(head) + "".join(u.key for u in units[a + texts.index("«") + 1:a + texts.index("»")])
    kind = _kind_of(head)
    return k, name, kind, None, place_key


def _last_town(doc: Document):
    """The city or county named last so far, as a gazetteer entry, or None."""
    for m in reversed(doc.mentions):
        if m.kind == "place" and (entry := place(m.ref)) is not None and entry.kind in ("city", "county"):
            return entry
    return None


def _last_office(doc: Document, body: str) -> str | None:
    """The place of the office of ``body`` named last so far: a bare «آموزش و پرورش» after «آموزش و
    پرورش شهرستان طبس» is that county office, not the province's."""
    prefix = key(body) + "@"
    for m in reversed(doc.mentions):
        if m.kind == "organization" and m.ref.startswith(prefix):
            return m.ref[len(prefix):]
    return None


def _national_named_last(doc: Document, parent: str) -> bool:
    """The national body ``parent`` is named after any of its provincial or county offices so far."""
    national = organization(key(parent))
    if national is None:
        return False
    prefix = national.key + "@"
    for m in reversed(doc.mentions):
        if m.kind == "organization" and m.ref.startswith(prefix):
            return False
        if m.kind == "organization" and m.ref == national.key:
            return True
    return False


def _kind_of(head: str) -> str:
    h = key(head)
    if h in (key("موسسه"), key("مؤسسه"), key("بنیاد"), key("انجمن"), key("جمعیت"), key("کانون")):
        return "ngo"
    if h in (key("شورا"), key("شورای"), key("کمیسیون"), key("کارگروه"), key("فراکسیون")):
        return "council"
    if h in (key("قرارگاه"), key("ستاد")):
        return "headquarters"
    if h == key("وزارت"):
        return "ministry"
    return "organization"


def register(doc: Document, units: list[Unit], ph: OrgPhrase, sentence: int) -> str | None:
    """Add the phrase's body (and its parents) to the document; return its key."""
    parent_key = register(doc, units, ph.parent, sentence) if ph.parent is not None else None
    got = canonical(doc, units, ph)
    if got is None or got[2] == "country":  # «جمهوری اسلامی ایران»: the state, not a body of the story
        return parent_key
    k, name, kind, implied_parent, place_key = got
    org = doc.organizations.get(k)
    if org is None:
        org = doc.organizations[k] = Organization(name, kind, None, place_key)
    elif len(name) > len(org.name) and kind != "provincial_office":
        org.aliases.add(org.name)
        org.name = name
    else:
        org.aliases.add(name)
    org.parent = org.parent or parent_key or implied_parent
    own_end = ph.end if ph.parent is None else ph.parent.start
    start, end = units[ph.start].start, units[own_end - 1].end
    org.evidence.append(doc.evidence(start, end, NAME))
    if ph.entry is not None and k == ph.entry.key and implied_parent and not parent_key \
            and (named := _parent_written(doc, implied_parent, name, start, end)):
        named.evidence.append(doc.evidence(start, end, NAME))  # «دفتر امور … سازمان بهزیستی کشور»: both bodies
    doc.mentions.append(Mention("organization", start, end, doc.text[start:end], k, sentence))
    return k


def _parent_written(doc: Document, parent: str, name: str, start: int, end: int) -> Organization | None:
    """The parent a gazetteer body implies, when the page writes it after the body's own ``name`` (a known
    form of the name spells it out), added to the story's bodies; else None."""
    entry = organization(parent)
    written = key(doc.text[start:end])
    if entry is None or not written.endswith(key(entry.name)) or key(name).endswith(key(entry.name)):
        return None
    named = doc.organizations[_national(doc, entry.name)]
    named.parent = named.parent or (key(entry.parent) if entry.parent else None)
    return named


_PRESS_OFFICE = re.compile(r"(?:دفتر\s+|اداره\s+)?(?:روابط\s*\S*\s*عمومی|ارتباطات)")


def _merge_prefixes(doc: Document) -> None:
    """A body named once in full and once shortened («سازمان خدمات و مشارکت‌های اجتماعی»
    beside «... شهرداری تهران», «قرارگاه اجتماعی» beside «... کلانشهر تهران») is one body:
    the shorter merges into the only fuller one whose name starts with it."""
    for k in sorted(doc.organizations, key=lambda k: len(key(doc.organizations[k].name))):
        short = doc.organizations.get(k)
        if short is None or short.place is not None or not short.evidence:
            continue
        prefix = k.split("@")[0]
        fuller = [o for o, org in doc.organizations.items()
                  if o != k and org.kind not in _PLACE_BOUND_KINDS and len(key(org.name)) > len(key(short.name)) and
                  (key(org.name).startswith(key(short.name)) or o.split("@")[0] == prefix)]
        if len(fuller) != 1:
            continue
        target = doc.organizations[fuller[0]]
        doc.organizations.pop(k)
        target.evidence += short.evidence
        target.aliases.add(short.name)
        target.parent = target.parent or short.parent
        for m in doc.mentions:
            if m.kind == "organization" and m.ref == k:
                m.ref = fuller[0]
        for o in doc.organizations.values():
            if o.parent == k:
                o.parent = fuller[0]


@component(NAME, requires=("text", "units", "article", "mentions"), assigns=("organizations", "mentions"),
           evidence=True)
def extract(doc: Document) -> None:
    for si, units in enumerate(doc.units):
        i = 0
        while i < len(units):
            if units[i].kind in ("word", "org"):
                ph = org_phrase(units, i)
                if ph is not None and _PRESS_OFFICE.match(ph.head):
                    # «روابط عمومی اداره کل بهزیستی گلستان»: the office publishes; the body is the story's
                    inner = next((found for j in range(i + 1, min(ph.end, i + 4))
                                  if (found := org_phrase(units, j)) is not None), None)
                    if inner is None or register(doc, units, inner, si) is None:
                        register(doc, units, ph, si)  # the office itself when no body is read inside it
                    i = ph.end
                    continue
                if ph is not None:
                    register(doc, units, ph, si)
                    i = ph.end
                    continue
            i += 1
    _merge_prefixes(doc)
    doc.mentions.sort(key=lambda m: m.start)

