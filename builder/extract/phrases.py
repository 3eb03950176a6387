"""Chunking organisation and role phrases out of a sentence's units.

Persian names of bodies are ezafe chains without visible boundaries:
«معاون امور اجتماعی اداره کل بهزیستی استان اردبیل گفت».  The chunker reads
them with two kinds of organisation heads:

* **place-bound** heads (:data:`PLACE_BOUND`): the rest of the name is a place
  («بهزیستی خوزستان», «استانداری گیلان», «آموزش و پرورش استان فارس»); their
  provincial offices belong to a national body, which becomes the parent;
* **named** heads (:data:`NAMED_HEADS`): a name of content words follows
  («سازمان خدمات و مشارکت‌های اجتماعی», «قرارگاه اجتماعی کلانشهر تهران»),
  ending at a function word, a verb, punctuation, a person's name, a place
  (included), or a further head, which starts the parent organisation
  («دفتر ... سازمان بهزیستی کشور»).

A role phrase is a role head from :mod:`builder.text.lexicon` plus up to a few
qualifier words («امور اجتماعی», «عمومی و انقلاب») and optionally an
organisation phrase or a place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..text.lexicon import ROLE_HEADS, is_given_name, table, word_frequency
from ..text.textkey import key
from .tokens import is_function_word, is_light_verb, is_number_word, is_verb
from .units import Unit

# the heads of organisation and program names, from builder/data (see each file's header)
_PLACE_BOUND_ROWS = table("place_bound.tsv")
#: place-bound head -> (national parent, whether the provincial body is called «اداره کل <head> استان X»)
PLACE_BOUND: dict[str, tuple[str | None, bool]] = {
    head: (None if parent == "-" else parent, office == "yes") for head, parent, office, _ in _PLACE_BOUND_ROWS}
#: place-bound bodies of a city or county: without a place named they are not resolved to the province
CITY_LEVEL = frozenset(key(head) for head, _, _, level in _PLACE_BOUND_ROWS if level == "city")
#: heads of organisation names that a name of content words follows («سازمان …», «انجمن …»)
NAMED_HEADS = tuple(head for head, in table("named_heads.txt"))
#: heads of programs («طرح ...», «مرکز ...») and the kind of program each makes: a program name ends an organisation's name
PROGRAM_HEADS = dict(table("program_heads.tsv"))
_PROGRAM_KEYS = frozenset(key(h) for h in PROGRAM_HEADS)
# words that may carry a personal name inside a body's name («موسسه خیریه ۱۴ معصوم», «بنیاد امام علی»)
NAME_CARRIERS = frozenset(key(w) for w in ("امام", "حضرت", "شهید", "شهیدان", "آیت‌الله", "علامه"))
_PLURALS = ("ان", "ها", "های", "هایی")
# words that put a following place name in the phrase: «استان X», «شهرستان X», «کلانشهر X»
PLACE_WORDS = frozenset(key(w) for w in ("استان", "شهرستان", "شهر", "کلانشهر", "مرکز", "بخش", "روستای", "کل"))
NATIONAL = frozenset(key(w) for w in ("کشور", "کل کشور"))
_INSTITUTION = key("نهاد")
_DEMONSTRATIVES = frozenset(key(w) for w in ("این", "آن", "همین", "همان", "هر", "چند", "برخی", "سایر"))
_CONJ = key("و")
_OFFICE_HEADS = frozenset(key(w) for w in ("اداره", "اداره کل"))
_MAX_HEAD_UNITS = 9  # «اداره کل تعاون ، کار و رفاه اجتماعی» is eight units
_COMMAS = ("،", ",")
_HONORIFICS = frozenset(key(w) for w in ("ره", "ع", "س", "عج", "ص"))
# nouns that take a preposition inside a name: «انجمن حمایت از کودکان کار», «مرکز آموزش و حمایت از کودک»,
# «مرکز مداخله در بحران»
_TAKES_PREPOSITION = {
    key("از"): frozenset(key(w) for w in ("حمایت", "دفاع", "پیشگیری", "مراقبت", "محافظت", "حفاظت", "نگهداری", "صیانت", "پشتیبانی", "بازمانده", "بازماندگان", "جلوگیری", "بازدارندگی")),
    key("به"): frozenset(key(w) for w in ("رسیدگی", "خدمت‌رسانی", "خدمات‌رسانی", "کمک‌رسانی")),  # «مرکز رسیدگی به امور مساجد»
    key("با"): frozenset(key(w) for w in ("مبارزه", "مقابله")),
    key("در"): frozenset(key(w) for w in ("مداخله", "مشارکت", "اسکان")),  # «مرکز مداخله در بحران»
    key("بر"): frozenset(key(w) for w in ("مبتنی", "نظارت")),  # «طرح توانبخشی مبتنی بر خانواده», «مدیر نظارت بر …»
}


def takes_preposition(units: list[Unit], k: int) -> bool:
    """Unit ``k`` is «از»/«به»/«با»/«در» inside a name: «حمایت از کودکان», «مبارزه با آسیب‌ها», «مداخله در بحران»."""
    return k > 0 and units[k - 1].key in _TAKES_PREPOSITION.get(units[k].key, ())


@cache
def _head_table() -> dict[str, tuple[str, str]]:
    """head key -> (kind, head text) for organisation and role heads."""
    table = {key(h): ("named", h) for h in NAMED_HEADS}
    table.update({key(h): ("place_bound", h) for h in PLACE_BOUND})
    for h in ROLE_HEADS:
        table.setdefault(key(h), ("role", h))
    return table


@cache
def _head_prefixes() -> frozenset[str]:
    """Every prefix of a head key: a walk over units stops as soon as it leaves them."""
    return frozenset(k[:n] for k in _head_table() for n in range(len(k) + 1))


def match_head(units: list[Unit], i: int, kinds=("named", "place_bound", "role")) -> tuple[int, str, str] | None:
    """The longest head starting at unit ``i``: (units used, kind, head text)."""
    table, prefixes = _head_table(), _head_prefixes()
    best = None
    joined = ""
    for n in range(1, _MAX_HEAD_UNITS + 1):
        if i + n > len(units):
            break
        u = units[i + n - 1]
        if u.text in _COMMAS and n > 1:  # «تعاون، کار و رفاه اجتماعی»
            continue
        if u.kind not in ("word", "org"):
            break
        joined += u.key
        if joined not in prefixes:  # no longer head starts with these units
            break
        hit = table.get(joined)
        if hit and hit[0] in kinds:
            best = (n, hit[0], hit[1])
    return best


def skip_honorific(units: list[Unit], j: int) -> int:
    """Skip «(ره)», «(ع)», «(س)» after a name: «کمیته امداد امام خمینی (ره) استان لرستان»."""
    if j + 2 < len(units) and units[j].text == "(" and units[j + 2].text == ")" and units[j + 1].key in _HONORIFICS:
        return j + 3
    return j


def is_name_word(u: Unit) -> bool:
    """A content word that can continue a name: not a function word, verb or personal name."""
    return u.kind == "word" and _is_name_text(u.text)


@lru_cache(maxsize=1 << 16)  # asked about every word by every chunker
def _is_name_text(t: str) -> bool:
    return not is_function_word(t) and not is_verb(t) and not is_given_name(t) and not is_number_word(t) \
        and not is_superlative(t)


_SUPERLATIVE = re.compile(r"(.{2,}?)\u200c?ترین")


def is_superlative(t: str) -> bool:
    """«بزرگ‌ترین», «جامعترین» (most pages lose the ZWNJ): an adjective's superlative, which describes
    what follows it and is never a word of a name; a given name that ends so («کاترین») is one."""
    m = _SUPERLATIVE.fullmatch(t)
    found = word_frequency(m.group(1)) if m else None
    return found is not None and "AJ" in found[1] and not is_given_name(t)


def _ends_name(units: list[Unit], k: int) -> bool:
    """Unit ``k`` cannot continue an organisation's name.

    It starts a program («... و اجرای طرح»), a role or roles («و کارشناسان»),
    or is the noun of a compound verb («برگزار شد», «تشکیل شده»).
    """
    u = units[k]
    if u.key in _PROGRAM_KEYS or match_head(units, k, ("role",)):
        return True
    if k + 1 < len(units) and units[k + 1].key in _PROGRAM_KEYS:  # «و اجرای طرح ...»
        return True
    if any(u.key.endswith(p) and u.key[: -len(p)] in _head_table() and _head_table()[u.key[: -len(p)]][0] == "role" for p in _PLURALS):
        return True
    if u.key in _NOT_IN_NAMES or is_verb(u.text):  # «نهاد حمایتی | نبوده», «کمیته مذکور»
        return True
    if u.key in _PREDICATE_WORDS and any(is_verb(v.text) or v.key in _NOT_IN_NAMES for v in units[k + 1:k + 3]):
        return True  # «کارگروه ساماندهی کودکان خیابانی | فعال نبود», «… | بهره مند هستند»: what the body is or has
    return compound_verb_noun(units, k)


# words no body's name holds: they point back to one («مذکور») or say what it is («نبوده»)
# or count what follows them («شورای اداری منطقه | تعداد ۹۰ دانش‌آموز …»)
_NOT_IN_NAMES = frozenset(key(w) for w in ("مذکور", "یادشده", "فوق", "مزبور", "نبوده", "بوده", "نیست", "است",
                                           "تعداد", "شمار"))


# words a clause says of a body before its verb, never words of its name
_PREDICATE_WORDS = frozenset(key(w) for w in ("فعال", "غیرفعال", "مستقر", "موظف", "دایر", "بهره", "بهره‌مند",
                                              "برخوردار"))


# a light verb's perfect written without its ZWNJ («تماس گرفتهاند», «برگزار شدهاست»), or that hazm joined, negated too
# («تعطیل نشده است»)
_GLUED_LIGHT_PERFECT = re.compile(r"^ن?(?:گرفته|شده|کرده|داده|نموده|یافته|گردیده)(?:اند|است|ایم|بود|بودند)$")


def compound_verb_noun(units: list[Unit], k: int) -> bool:
    """Unit ``k`` is the noun of a compound verb: «برگزار شد», «انجام شد», «تشکیل شده», «تماس گرفتهاند»;
    «وجود داشت», «اسکان دارند», «اسکان خواهند داشت», «افزایش پیدا کرده است», «اظهار امیدواری کرد»."""
    if k + 1 >= len(units):
        return False
    if _verbal(units[k + 1]):
        return True
    # «افزایش | پیدا کرد», «اظهار | امیدواری کرد», «ابراز | نگرانی کرد»: a second noun, then the light verb
    second = units[k + 1].key in _BEFORE_LIGHT or units[k].key in _SAYING
    return second and k + 2 < len(units) and _verbal(units[k + 2])


def _verbal(u: Unit) -> bool:
    """The verbal part of a compound verb, as hazm leaves it: a light verb, a perfect it joined
    («کرده است»), «داشتن» or the future's auxiliary («خواهند داشت»)."""
    return is_light_verb(u.text) or bool(_GLUED_LIGHT_PERFECT.match(u.key)) or u.key in _HAVE or u.key.startswith(_WILL)


_HAVE = frozenset(key(w) for w in ("داشت", "داشتند", "دارند", "داشته"))
_WILL = ("خواهد", "خواهند")  # «خواهد شد», «خواهند داشت»: hazm joins the future's auxiliary to its verb
_BEFORE_LIGHT = frozenset(key(w) for w in ("پیدا",))
_SAYING = frozenset(key(w) for w in ("اظهار", "ابراز"))


@dataclass
class OrgPhrase:
    start: int  # unit indices [start, end)
    end: int
    head: str
    kind: str  # named | place_bound | known
    name_units: tuple[int, int]  # the organisation's own name (without parent)
    place: Unit | None = None
    national: bool = False
    generic: bool = False  # «بهزیستی شهرستان‌ها», bare «بهزیستی»: no specific place
    entry: object = None  # OrgEntry for a gazetteer organisation
    parent: "OrgPhrase | None" = None


@dataclass
class RolePhrase:
    start: int
    end: int
    head: str
    org: OrgPhrase | None = None
    place: Unit | None = None
    qualifiers: list[int] = field(default_factory=list)


_DISTRICTS = frozenset(key(w) for w in ("ناحیه", "منطقه"))


def _district(units: list[Unit], j: int) -> int:
    """Past a numbered district after a body's name, if one follows: «آموزش و پرورش ناحیه یک اراک»,
    «شهرداری منطقه ۳ تهران» (an education district's or a municipality's district office)."""
    if j + 1 < len(units) and units[j].key in _DISTRICTS \
            and (units[j + 1].kind == "number" or units[j + 1].kind == "word" and is_number_word(units[j + 1].text)):
        return j + 2
    return j


def _place_completion(units: list[Unit], j: int) -> tuple[int, Unit | None, bool, bool]:
    """After a place-bound head: (next index, place unit, national?, generic?)."""
    j = _district(units, j)
    k = j
    while k < len(units) and units[k].key in PLACE_WORDS and k - j < 2:
        k += 1
    if k < len(units) and units[k].kind == "place":
        return k + 1, units[k], False, False
    if j < len(units) and units[j].key in NATIONAL:
        return j + 1, None, True, False
    if j + 1 < len(units) and units[j].key + units[j + 1].key in NATIONAL:
        return j + 2, None, True, False
    if k > j and k < len(units) and units[k].key in _DEMONSTRATIVES:  # «بهزیستی این استان»
        return k + 1, None, False, False
    if k > j:  # «بهزیستی استان» (this article's province) or «بهزیستی شهرستان‌ها»
        generic = not units[k - 1].key in (key("استان"),)
        return k, None, False, generic
    if j < len(units) and units[j].key.startswith(key("شهرستان")):
        return j + 1, None, False, True
    return j, None, False, False


def org_phrase(units: list[Unit], i: int, depth: int = 0) -> OrgPhrase | None:
    """The organisation phrase starting at unit ``i``, with its parents, or None."""
    if i > 0 and units[i - 1].key in _DEMONSTRATIVES:
        return None
    u = units[i]
    if u.kind == "org" and (quoted := _quoted_name(units, i + 1)) is not None:
        # «انجمن حمایت از حقوق کودکان «نوبهار» قروه»: a body of its own, named like a known one
        k, place = quoted
        return _with_parent(units, OrgPhrase(i, k, u.text.split()[0], "named", (i, k), place=place), depth)
    if u.kind == "org":
        phrase = OrgPhrase(i, i + 1, u.text, "known", (i, i + 1), entry=u.entry)
        j = _district(units, skip_honorific(units, i + 1))
        if j < len(units) and units[j].kind == "place":  # «کمیته امداد امام خمینی استان X» via gazetteer name
            phrase.place, phrase.end = units[j], j + 1
        return _with_parent(units, phrase, depth)
    head = match_head(units, i, kinds=("named", "place_bound"))
    if not head:
        return None
    n, kind, text = head
    j = i + n
    if key(text) == _INSTITUTION and j < len(units) and units[j].kind == "org":
        return None  # «نهاد کمیته امداد»: «نهاد» says what the body after it is; that body is read by itself
    if kind == "named" and key(text) in _OFFICE_HEADS and j < len(units) and match_head(units, j, ("place_bound",)):
        inner = org_phrase(units, j, depth)  # «اداره تعاون، کار و رفاه اجتماعی شهرستان شیروان»: that body's office
        if inner is not None:
            inner.start = i
            inner.name_units = (i, inner.name_units[1])
            return inner
    if kind == "place_bound":
        k, place, national, generic = _place_completion(units, skip_honorific(units, j))
        phrase = OrgPhrase(i, k, text, kind, (i, k), place=place, national=national, generic=generic)
        return _with_parent(units, phrase, depth)
    names = 0
    k = j
    place = None
    while k < len(units) and names < 8:
        v = units[k]
        if v.kind == "place":
            place = v
            k += 1
            break
        if v.kind == "number" and k + 1 < len(units) and units[k + 1].kind == "word" and names:
            k += 1
            continue
        if (v.key == _CONJ or takes_preposition(units, k)) and k + 1 < len(units) \
                and is_name_word(units[k + 1]) and names and not _ends_name(units, k + 1):
            k += 1
            continue
        if v.text in _COMMAS and names and _listed_words(units, k + 1):  # «سازمان رفاه، خدمات و مشارکت‌های اجتماعی»
            k += 1
            continue
        inner = match_head(units, k, ("place_bound",)) if names == 0 else None
        if inner is not None:  # «شورای آموزش و پرورش استان ...»: the body's subject is itself a body's name
            k += inner[0]
            names += 1
            continue
        carried = v.kind == "word" and is_given_name(v.text) and k > j and (units[k - 1].kind == "number" or units[k - 1].key in NAME_CARRIERS)
        if not (is_name_word(v) or carried) or match_head(units, k) or _ends_name(units, k):
            break
        names += 1
        k += 1
    quoted = _quoted_name(units, k) if place is None else None  # «انجمن خیریه «مهر دریا»», «انجمن «سپیده»»
    if names == 0 and place is None and quoted is None:
        return None
    if names == 1 and place is None and quoted is None and k < len(units) and units[k].kind == "word" and is_verb(units[k].text):
        return None  # «انجمن شناسنامه ندارند»: the word is the verb's object, not a name
    while k > j and units[k - 1].key == _CONJ:
        k -= 1
    if quoted is not None:
        k, place = quoted
    phrase = OrgPhrase(i, k, text, kind, (i, k), place=place)
    return _with_parent(units, phrase, depth)


def _quoted_name(units: list[Unit], k: int) -> tuple[int, Unit | None] | None:
    """(end, place) of a name in guillemets at ``k``, with the city after it if any («مهر دریا»), or None."""
    if k >= len(units) or units[k].text != "«":
        return None
    close = next((e for e in range(k + 2, min(k + 8, len(units))) if units[e].text == "»"), None)
    if close is None:
        return None
    if close + 1 < len(units) and units[close + 1].kind == "place":
        return close + 2, units[close + 1]
    return close + 1, None


def _with_parent(units: list[Unit], phrase: OrgPhrase, depth: int) -> OrgPhrase:
    """A head right after the phrase names the body it belongs to: «دفتر ... سازمان بهزیستی کشور»."""
    if depth < 3 and phrase.end < len(units):
        parent = org_phrase(units, phrase.end, depth + 1)
        if parent is not None:
            phrase.parent = parent
            phrase.end = parent.end
    return phrase


_HEAD_OF = key("سرپرست")
_HOUSEHOLD = frozenset(key(w) for w in ("خانوار", "خانواده", "خانوارها", "خانوارهای", "خانواده‌ها"))
_WITHOUT = frozenset(key(w) for w in ("بی", "بد"))
_NUMBER_OF = frozenset(key(w) for w in ("تعداد", "شمار"))  # the object of a figure's clause, never a post's field


def role_phrase(units: list[Unit], i: int) -> RolePhrase | None:
    """The role phrase starting at unit ``i`` («مدیر کل بهزیستی خوزستان»), or None."""
    head = match_head(units, i, kinds=("role",))
    if not head:
        return None
    n, _, text = head
    if key(text) == _HEAD_OF and (i + n < len(units) and units[i + n].key in _HOUSEHOLD or i > 0 and units[i - 1].key in _WITHOUT):
        return None  # «زنان سرپرست خانوار», «کودکان بی سرپرست»: who heads a family, or has no one to; no post
    phrase = RolePhrase(i, i + n, text)
    k = i + n
    while k < len(units) and len(phrase.qualifiers) < 6:
        v = units[k]
        org = org_phrase(units, k) if v.kind in ("word", "org") else None
        if org is not None:
            phrase.org, phrase.end = org, org.end
            return _representative(units, phrase)
        if v.kind == "place":
            phrase.place, phrase.end = v, k + 1
            # «نماینده مردم همدان و فامنین», «نماینده مردم پاوه، جوانرود، روانسر و ثلاث باباجانی»: a list of places
            listed = (_CONJ, *_COMMAS) if key(text).startswith(key("نماینده")) else (_CONJ,)
            while phrase.end + 1 < len(units) and (units[phrase.end].key in listed or units[phrase.end].text in listed) \
                    and units[phrase.end + 1].kind == "place":
                phrase.end += 2
            return _representative(units, phrase)
        joins = v.key == _CONJ or v.text in _COMMAS or v.kind == "number"
        if joins and (phrase.qualifiers or n > 1) and k + 1 < len(units) and _leads_to_body(units, k + 1) \
                and not match_head(units, k + 1, ("role",)):  # «معاون شهردار و رییس سازمان …»: a second post
            k += 1
            continue
        inner = match_head(units, k, ("role",))
        if inner is not None and k + inner[0] < len(units) and units[k + inner[0]].kind == "place" \
                and (phrase.qualifiers or n > 1):
            # «معاون سیاسی، امنیتی و اجتماعی استاندار کردستان»: the deputy of a post
            phrase.place, phrase.end = units[k + inner[0]], k + inner[0] + 1
            return phrase
        if inner is not None and (sub := role_phrase(units, k)) is not None:
            # «معاون قضایی رییس کل دادگستری استان تهران», «مشاور وزیر کشور»: the post of a post's holder
            # (a genitive, no «و» or comma between): one role, whose body is the inner post's; «معاون
            # شهردار و رییس سازمان …» is two posts: the inner head ends the first
            after = k + inner[0]
            if after < len(units) and (units[after].key == _CONJ or units[after].text in _COMMAS):
                phrase.end = after
            else:
                phrase.org, phrase.place, phrase.end = sub.org, sub.place, sub.end
            return phrase
        if (v.key == key("از") or takes_preposition(units, k)) and (phrase.qualifiers or n > 1) \
                and _leads_to_body(units, k + 1, reach=_FIELD_REACH):
            k += 1  # «معاون پیشگیری از وقوع جرم دادگستری البرز», «معاون مقابله با عرضه … ستاد …»: the field runs on
            continue
        # «عضو کمیسیون عمران شورای شهر تهران»: a word that is also a given name, right before the body
        field = v.kind == "word" and is_given_name(v.text) and k + 1 < len(units) \
            and (units[k + 1].kind in ("org", "place") or match_head(units, k + 1, ("named", "place_bound")))
        if not (is_name_word(v) or field) or match_head(units, k, ("role",)) or compound_verb_noun(units, k) \
                or v.key in _NUMBER_OF:
            break  # «سخنگوی دولت برگزار شد», «معاون استاندار | شمار زنان …»: the clause's verb or object
        phrase.qualifiers.append(k)
        k += 1
        phrase.end = k
    return _representative(units, phrase)


_FIELD_REACH = 6  # words a post's field may run through before its body («مقابله با عرضه و امور بین‌الملل ستاد …»)


def _listed_words(units: list[Unit], k: int) -> bool:
    """One or two name words then «و» and another name word: the rest of a listed name."""
    for j in (k + 1, k + 2):
        if j + 1 < len(units) and units[j].key == _CONJ and all(is_name_word(u) for u in units[k:j]) and is_name_word(units[j + 1]):
            return True
    return False


def _leads_to_body(units: list[Unit], k: int, reach: int = 3) -> bool:
    """Within ``reach`` words from ``k`` the role reaches an organisation or a place («فرهنگی، اجتماعی
    شهرداری اصفهان»); a list of the post's fields may run between («پژوهش، برنامه‌ریزی و نیروی انسانی
    اداره کل …»), but no other post."""
    words = 0
    for j in range(k, len(units)):
        u = units[j]
        if u.kind in ("place", "org") or (u.kind == "word" and match_head(units, j, ("named", "place_bound"))):
            return True
        if u.key == _CONJ or u.text in _COMMAS:
            continue
        words += 1
        if (inner := match_head(units, j, ("role",))) is not None:
            # «معاون سیاسی و اجتماعی استاندار تهران»: the deputy of a post in a place; any other post is another's
            return j + inner[0] < len(units) and units[j + inner[0]].kind == "place"
        if words > reach or not (is_name_word(u) or u.kind == "number"):
            return False
    return False


def _representative(units: list[Unit], phrase: RolePhrase) -> RolePhrase:
    """«نماینده مردم زاهدان در مجلس شورای اسلامی»: a representative's role names the body after «در»."""
    k = phrase.end
    if key(phrase.head).startswith(key("نماینده")) and k + 1 < len(units) and units[k].key == key("در"):
        org = org_phrase(units, k + 1)
        if org is not None:
            phrase.org, phrase.end = org, org.end
    return phrase


#: words that only describe («مرکز غیردولتی», «کمیته مذکور», «کارگروه تخصصی»): a head with these alone names nothing
_ADJECTIVES_ONLY = frozenset(key(w) for w in (
    "دولتی", "غیردولتی", "غیر", "خصوصی", "فعال", "جدید", "مختلف", "تخصصی", "مربوط", "مربوطه", "مذکور",
    "یادشده", "یاد", "شده", "اصلی", "ملی", "استانی", "شهری", "روستایی", "پایلوت", "آزمایشی",
    "ویژه", "مناسب", "شبانه‌روزی", "تلفنی", "مجاز", "غیرمجاز", "بین‌المللی",
    "پیشنهادی", "افتتاحی", "اختصاصی", "استاندارد", "عمرانی", "حاضر", "فوق", "مورد نظر",
    "حاکمیتی", "همزمان", "دیگر", "دیگری", "مرتبط", "خود", "خودشان",
))


def is_descriptive(u: Unit) -> bool:
    """A word that only describes what kind of body or centre, never which one («روزانه», «شبانه‌روزی», «غیردولتی», «بیشترین», «زودتر»): no name by itself."""
    if u.key in _ADJECTIVES_ONLY or u.key.endswith("ترین"):
        return True
    if u.key.endswith("ای") and u.key[:-2] in _ADJECTIVES_ONLY:  # indefinite «مرکز ویژه‌ای»: some centre
        return True
    found = word_frequency(u.text)
    if not found and u.key.endswith("تر"):  # a comparative the lexicon lacks: «زودتر» from «زود»
        found = word_frequency(u.text[:-2].rstrip("\u200c"))
        return bool(found) and bool({"AJ", "ADV"} & set(found[1]))
    return bool(found) and "AJ" in found[1] and "N" not in found[1]
