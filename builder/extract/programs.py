"""Programs: plans, complexes, centres, houses, hotlines and occasions, with where they run.

A program is a head («طرح», «مجتمع», «مرکز», «خانه», «خط», «سامانه»,
«برنامه», «پویش», «تیم سیار»; occasions «روز جهانی», «روز ملی», «هفته») and a name of
content words; «از» may sit inside a name («مرکز آموزش و حمایت از کودک و
خانواده», «طرح کودکان بازمانده از تحصیل»).  Not programs: plural heads
(«طرح‌ها», «مراکز استان‌ها»), except a city's shelters and camps named as one service («گرمخانه‌های شهرداری
شیراز», «مددسراهای …», «کمپ‌های ترک اعتیاد», «مراکز ماده ۱۶») and centres named by the service they give
(«مراکز مداخله در بحران»), a head with adjectives only («مرکز غیردولتی», «خانه غیر
دولتی»), «مرکز استان» (a place), research centres and a ministry's «مرکز امور …» (organisations), lines
that are no telephone lines («خط فقر»), and
time («هفته گذشته»), nor plans counted by a number («۷۹۳ طرح دامپروری»).  A mobile team or a
self-help group is a program by its two-word head alone («تیم سیار», «گروه همیار»), and a name
said again with its head in the plural or singular is the same program.  An occasion may be named for
a body («هفته بهزیستی»; not «روزهای هفته», a span of time), and a few national schemes are named
without a head at all («مسکن مهر», «کالابرگ», «روستا مهد»: builder/data/named_programs.tsv).  Any mention of
«اورژانس اجتماعی» is the national social emergency hotline 123 (one program «خط ۱۲۳ اورژانس
اجتماعی»; two, the service and «خط ۱۲۳», when the page names the number apart from it), except in
the name of a plan or a mobile team built on it («طرح اورژانس اجتماعی سیار روستایی», «تیم سیار
اورژانس اجتماعی طبس»), which are programs of their own; a centre named with a national body is
its office («مرکز … سازمان بهزیستی کشور»).  The places named in the program's sentence
(outside organisation names) are where it runs: «... خوزستان، تهران، کرمان
... استان‌های پایلوت در طرح ...»; an anaphor («این طرح», «این مرکز») stands
for the last program with that head, so «این طرح در شیروان و فاروج اجرا شد»
places the plan named sentences before.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Mention, Program
from ..text.lexicon import is_given_name, table, word_frequency
from ..text.patterns import CREDIT_OPENING, GAP
from ..text.textkey import key
from . import organizations
from .phrases import (NAME_CARRIERS, PLACE_WORDS, PROGRAM_HEADS, compound_verb_noun, is_descriptive, is_name_word, match_head,
                      takes_preposition)
from .tokens import is_past_stem
from .units import Unit

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "programs"
#: what programs changes of the organisations' output, and why (see builder.components)
EDITS = {
    "organizations": "an organisation named inside a program's name («طرح توانمندسازی بهزیستی») runs the "
                     "program, and those words are the program's name: that evidence leaves the organisation, "
                     "which only the program's whole name shows",
    "mentions": "the organisation mentions inside a program's name go",
}

_HEAD_KEYS = {key(h): (h, kind) for h, kind in PROGRAM_HEADS.items()}
_PLURAL_HEADS = frozenset(key(w) for w in ("مراکز", "مددسراها", "مددسراهای", "طرح‌ها", "طرحهای", "خانه‌ها", "خانه‌های", "مجتمع‌ها", "برنامه‌ها", "برنامه‌های"))
# heads of a city's shelters, which a page may name by the city alone
_SHELTERS = frozenset(key(w) for w in ("گرمخانه", "گرمخانه‌های", "مددسرا", "مددسرای", "مددسراهای", "سامانسرای", "سامانسراهای"))
_CENTRES = key("مراکز")
#: what a welfare service's centres do, named in the plural as one service («مراکز مداخله در بحران»,
#: «مراکز سرپناه شبانه», «مراکز مثبت زندگی»); other plural centres are centres of any kind
_CENTRE_SERVICES = frozenset(key(w) for w in (
    "نگهداری", "مشاوره", "شبانه", "شبانه‌روزی", "نیکوکاری", "روزانه", "مداخله", "توانبخشی", "ترک", "سرپناه",
    "اقامتی", "اقامت", "مثبت", "شبه", "درمان", "بازپروری", "حمایتی", "حمایتی-آموزشی", "گذری", "کاهش",
    "ساماندهی", "اورژانس", "حمایت", "پذیرش", "نقاهتگاهی", "شیرخوارگاهی", "غربالگری", "بهبودی", "مراقبت",
    "توانمندسازی", "بهزیستی", "سرای", "خدمات"))
_WHO_FOR = frozenset(key(w) for w in ("بانوان", "آقایان", "مردان", "زنان", "خواهران", "برادران", "پسرانه", "دخترانه", "زنانه", "مردانه"))
_NEWS_DESK = frozenset(key(w) for w in ("خبر", "اخبار", "خبری"))
_RESEARCH = frozenset(key(w) for w in ("مطالعات", "پژوهش", "پژوهشهای", "تحقیقات", "آمار", "اطلاعات", "رشد",
                                        "رصد", "اطلاع‌رسانی", "مخابرات", "فقهی"))
# «مرکز رصد جمعیت کشور», «مرکز فقهی …»: a body's office or a seminary; «مرکز امور بین‌الملل وزارت …» too,
# though a complex may run «امور» («مجتمع امور توانبخشی …»)
_CENTRE, _AFFAIRS = key("مرکز"), key("امور")
# a line that is no telephone line: «خط فقر», «خط قرمز», «خط مقدم», «خط تولید»
_NO_HOTLINE = frozenset(key(w) for w in ("فقر", "قرمز", "زرد", "مقدم", "تولید", "لوله", "مشی", "ویژه", "اتوبوس", "مترو"))
_NATIONAL_BODY = re.compile(r"(?:کشور|جمهوری)$")  # a national body, whose centres are its offices
_NUMBERED = frozenset(key(w) for w in ("ماده", "شماره", "بند", "تبصره"))
_SCOPE = frozenset(key(w) for w in ("سطح", "سراسر", "محل", "واقع", "مورد", "تعداد", "شمار", "شامل",
                                     "مابقی", "بالغ", "صرفا", "صرفاً", "ظرفیت",
                                     "بالای", "زیر",  # «مرکز اعتباری بالغ بر …», «… بالای ۱۴ سال»: past the name
                                     "موسوم", "وابسته", "اغلب", "مجددا", "مجدداً", "خانم", "آقای",  # «… وابسته به …»
                                     "پاسخگو", "پاسخگوی"))  # «ظرفیت مراکز … پاسخگوی نیاز نیست»: the predicate
_SHELTER_SERVICE = frozenset(key(w) for w in ("گرمخانه", "مددسرا"))  # «گرم خانه», «مدد سرا» too: the key ignores the gap
_PLACE_WORD_TEXTS = frozenset(("استان", "شهرستان", "شهر", "بخش", "روستای", "روستا"))
_COUNTRY = key("ایران")
_ADVERBIAL = frozenset(key(w) for w in ("به‌صورت", "بصورت", "به‌طور", "بطور"))
_ADVERBIAL_NOUNS = frozenset(key(w) for w in ("صورت", "طور"))
# an indefinite «‑ای» after a ZWNJ («انسان‌دوستانه‌ای»; without it, «‑های» may be a plural), or the head's
# own «‑ی» («طرحی»): some program, not one named
_INDEFINITE = re.compile(r"\u200cای$|^(?:طرح|برنامه|مرکز|پروژه)ی$")
_SOME = re.compile(r".{2,}هایی$")  # «دستاوردهایی», «فعالیت‌هایی»: some of a kind, in the plural: what the clause says
_GLUED_DEMONSTRATIVE = re.compile(r"(?:در|از|به|با|بر)(?:این|همین|آن|همان)")  # «دراین»: a page lost the space
_GLUED_COPULA = re.compile(r".{3,}است")
_HOUSE = key("خانه")
_NOT_A_HOUSE = frozenset(key(w) for w in ("بخت", "ملت"))  # figures of speech: marriage, the parliament
_DEMONSTRATIVES = frozenset(key(w) for w in ("این", "آن", "همین", "همان", "هر", "کدام"))
# words after a name that say how the program stands, not which it is
_STATUS_WORDS = frozenset(key(w) for w in ("جدید", "فعال", "موجود", "مذکور", "یادشده", "فعلی", "قبلی", "دیگر", "تازه"))
# a number or ordinal before a head counts it («۱۴ مرکز», «نخستین هفته»)
_COUNT_WORDS = frozenset(key(w) for w in ("نخستین", "اولین", "دومین", "سومین", "آخرین", "واپسین", "یک", "دو", "سه", "چند", "چهار", "پنج"))
_DAYS_OF = frozenset(key(w) for w in ("روزهای", "روز‌های", "ایام", "طول", "اواسط", "اواخر", "اوایل"))  # «… هفته»
_ANAPHORS = frozenset(key(w) for w in ("این", "همین"))  # «این طرح»: the program named last with this head
# «هفته گذشته», «طرح اول»: a time or a rank after the head, not a name
_TIME_WORDS = frozenset(key(w) for w in ("گذشته", "آینده", "جاری", "اخیر", "پیش", "قبل", "بعد", "آتی", "نخست", "اول",
                                         "دوم", "سوم", "آخر", "پایانی", "پیشین", "بعدی", "قبلی", "منتهی"))
_OWN_NAME_KINDS = ("plan", "team", "campaign")  # heads whose program keeps its own name around «اورژانس اجتماعی»
HOTLINE_NAME = "خط ۱۲۳ اورژانس اجتماعی"  # pages call it either: the name holds both
# … unless the page names the number on its own too («با شماره ۱۲۳ تماس بگیرند»), when they are two
EMERGENCY_NAME, NUMBER_NAME = "اورژانس اجتماعی", "خط ۱۲۳"
_NUMBER = re.compile(rf"(?:خط|سامانه|شماره){GAP}(?:تلفنی?{GAP})?(?:۱۲۳|123)(?![0-9۰-۹])")
_EMERGENCY = re.compile(rf"اورژانس{GAP}(?:های{GAP})?اجتماعی")
_SOCIAL_EMERGENCY = re.compile(rf"{_EMERGENCY.pattern}(?:{GAP}(?:۱۲۳|123)(?![0-9۰-۹]))?|{_NUMBER.pattern}")
_TOGETHER = re.compile(rf"{_NUMBER.pattern}{GAP}{_EMERGENCY.pattern}"
                       rf"|{_EMERGENCY.pattern}{GAP}(?:با{GAP})?(?:شماره{GAP})?(?:۱۲۳|123)(?![0-9۰-۹])")
# Behzisti's counselling line: «صدای مشاور», «صدای مشاور ۱۴۸۰», «خط ۱۴۸۰», «سامانه ۱۴۸۰»
_COUNSEL_LINE = re.compile(r"صدای[\s\u200c]*مشاور(?![\w\u200c])(?:[\s\u200c]*(?:۱۴۸۰|1480)(?![0-9۰-۹]))?"
                           r"|(?:خط|سامانه|شماره)[\s\u200c]*(?:تلفنی[\s\u200c]*)?(?:۱۴۸۰|1480)(?![0-9۰-۹])")
COUNSEL_LINE_NAME = "خط ۱۴۸۰ صدای مشاور"
#: the organisations (gazetteer keys) that are these lines: named alone, they are the programs
_HOTLINE_BODIES = frozenset(key(w) for w in ("اورژانس اجتماعی", "صدای مشاور"))


def _head_at(units: list[Unit], i: int) -> tuple[int, str, str] | None:
    joined = ""
    best = None
    for n in (1, 2):
        if i + n > len(units) or units[i + n - 1].kind != "word":
            break
        joined += units[i + n - 1].key
        if joined in _HEAD_KEYS:
            best = (n, *_HEAD_KEYS[joined])
    return best


def _quoted(units: list[Unit], k: int) -> int | None:
    """End of a «...» name starting at unit ``k`` («طرح «مدرسه در محله»»), or None."""
    if k < len(units) and units[k].text == "«":
        for e in range(k + 1, min(k + 10, len(units))):
            if units[e].text == "»":
                return e + 1 if e > k + 1 else None
    return None


def _indefinite(word: str) -> bool:
    """A word with the indefinite «ای» («انسان‌دوستانه‌ای»), or a head made indefinite («طرحی»); also
    written without the ZWNJ after a silent «ه» («ویژهای», as most real pages print it), not a plural
    («خانههای»: «خانه» and «های»)."""
    return bool(_INDEFINITE.search(word)) or word.endswith("های") and bool(word_frequency(word[:-2])) \
        and not word_frequency(word[:-3]) and not word_frequency(word)


def _goes_on(units: list[Unit], k: int) -> bool:
    """A name goes on at unit ``k``: a content word or a body («طرح بهبود | تغذیه», «طرح ظفر | پلیس …»):
    so a given name before it opening a plan's name is a word of the name («بهبود», «ظفر»)."""
    return k < len(units) and (is_name_word(units[k]) or units[k].kind == "org")


def _alone(units: list[Unit], k: int) -> bool:
    """Nothing at unit ``k`` goes on a name begun just before it, so a given name right after a head is the
    program's whole name («مرکز آمنه در شاهرود», «طرح طاها برای …», «کمپ سپیده بانوان»), not a person's
    first name («مرکز محمد رضایی»: a surname follows)."""
    return k >= len(units) or units[k].kind != "word" or not is_name_word(units[k]) or units[k].key in _WHO_FOR


def _country_opens(units: list[Unit], k: int) -> bool:
    """The country's name at unit ``k``, and a word of a name after it («ایران | همدل»), not a place alone
    («رزمایش ایران | در …»: where it runs)."""
    return k + 1 < len(units) and units[k].kind == "place" and units[k].key == _COUNTRY \
        and units[k + 1].kind == "word" and is_name_word(units[k + 1]) and _head_at(units, k + 1) is None


def program_at(units: list[Unit], i: int) -> tuple[int, str, str] | None:
    """(end unit, head, kind) of a program name starting at ``i``, or None."""
    head = _head_at(units, i)
    if head is None or (i > 0 and (units[i - 1].key in _DEMONSTRATIVES or _GLUED_DEMONSTRATIVE.fullmatch(units[i - 1].key))):
        return None  # «این مرکز», «دراین مرکز»: the program named before
    n, text, kind = head
    body = match_head(units, i, ("named",))
    if body is not None and body[0] > n:  # «مرکز نیکوکاری …»: a body's head that opens with a program's
        return None
    if key(text) == _HOUSE and i + n < len(units) and units[i + n].key in _NOT_A_HOUSE:
        return None  # «راهی خانه بخت شدند»: married; «خانه ملت»: the parliament
    counted = i > 0 and (units[i - 1].kind == "number" or units[i - 1].key in _COUNT_WORDS)
    if kind == "occasion" and (counted or i > 0 and units[i - 1].key in _DAYS_OF):
        return None  # «نخستین هفته اجرای طرح», «دو هفته», «تمام روزهای هفته»: a span of time
    j = k = i + n
    content = 0
    if kind == "campaign" and _country_opens(units, j):
        k += 1  # «رزمایش ایران همدل», «پویش ایران مهربان»: the country's name is a word of a campaign's
    while k < len(units) and k - j < 9:
        u = units[k]
        quoted = _quoted(units, k)
        if quoted is not None:  # a proper name in guillemets ends the program's name
            return quoted, text, kind
        if u.kind == "number" and ((kind == "hotline" and k == j) or units[k - 1].key in _NUMBERED):
            k += 1  # «خط ۱۲۳», «مرکز ماده ۱۶»
            if kind == "hotline" and not (k < len(units) and units[k].kind == "org"):
                return k, text, kind  # «با سامانه ۱۳۷ تماس بگیرند»: the number ends a line's name
            continue
        if u.key in _ADVERBIAL or u.key == key("به") and k + 1 < len(units) and units[k + 1].key in _ADVERBIAL_NOUNS:
            break  # «گرمخانه مهر به‌صورت شبانه‌روزی …»: how it runs, not its name
        if _indefinite(u.text) or _SOME.match(u.key):  # «مراکز اقامتی درمان اعتیاد | دستاوردهایی داشته»
            if k == j:
                return None  # «برنامه انسان‌دوستانه‌ای»: a kind of program, not one by name
            break
        if k + 1 < len(units) and _indefinite(units[k + 1].text):
            break  # «خانه امن | شرایط ویژه‌ای دارند»: a noun and its indefinite adjective, the predicate
        if (u.key == key("و") and k > j) or takes_preposition(units, k):
            if k + 1 < len(units) and is_name_word(units[k + 1]) and not match_head(units, k + 1, ("named", "place_bound")) \
                    and units[k + 1].key not in _PLURAL_HEADS and _head_at(units, k + 1) is None:  # «… و گرمخانه …»: another
                k += 1
                continue
            break
        if u.key in _SCOPE or compound_verb_noun(units, k) or _GLUED_DEMONSTRATIVE.fullmatch(u.key):
            break  # «… کاهش طلاق | دراین مقوله»: a page lost the space of «در این»
        if k > j and _GLUED_COPULA.fullmatch(u.key) and not word_frequency(u.text):
            break  # «مرکز ترک اعتیاد | کشوراست»: a word and «است» glued, the clause's verb
        if u.kind == "place":
            if content and u.text.split()[0] not in _PLACE_WORD_TEXTS:  # «مرکز ساماندهی کودکان کار بندرعباس»: the place closes the name
                k += 1
            elif k == j and key(text) in _SHELTERS:  # «گرمخانه‌های تبریز», «سامانسرای اسلامشهر»: a city's shelters
                k += 1
                content = 1
            break  # «طرح اکرام شهرستان اردکان»: where it runs
        if u.kind == "org" and kind == "centre" and _NATIONAL_BODY.search(u.text):
            return None  # «مرکز توسعه پیشگیری … سازمان بهزیستی کشور», «مرکز ارتباطات مردمی نهاد ریاست جمهوری»: its office
        # «مرکز پذیرش بهزیستی», «تیم سیار اورژانس اجتماعی», «هفته بهزیستی»: an occasion named for a body
        if u.kind == "org" and (content or kind in _OWN_NAME_KINDS or kind == "occasion" and k == j):
            content += 1
            k += 1
            if k < len(units) and units[k].kind == "place":  # «... اورژانس اجتماعی طبس»; nothing else follows the body
                k += 1
            break
        # «سرای سالمندان امام رضا», «مرکز نگهداری صدف», «مرکز اقامتی بهبود و بازتوانی»: a given name after a
        # word of the name is the centre's own name, or a word of it
        carried = is_given_name(u.text) and (k > j and (units[k - 1].key in NAME_CARRIERS or content > 0)
                                             or k == j and kind in ("plan", "house") and _goes_on(units, k + 1)
                                             or k == j and kind != "occasion" and _alone(units, k + 1))
        if not (is_name_word(u) or carried) or (match_head(units, k, ("named", "place_bound")) and k > j):
            break
        if k == j and (u.key.endswith("ترین") or u.key in _TIME_WORDS):  # «طرح بیشترین سهم», «هفته گذشته»
            return None
        if not is_descriptive(u):
            content += 1
        k += 1
    while k > j and (units[k - 1].key in PLACE_WORDS or units[k - 1].key == key("و")  # «خانه کودک و نوجوان استان»
                     or (units[k - 1].key in _STATUS_WORDS  # «خانه کودک و نوجوان جدید»
                         and (content > 1 or is_descriptive(units[k - 1])))):
        content -= units[k - 1].key in _STATUS_WORDS and not is_descriptive(units[k - 1])
        k -= 1
    return (k, text, kind) if _named(units, j, k, n, kind, content, counted) else None


def _named(units: list[Unit], j: int, k: int, n: int, kind: str, content: int, counted: bool) -> bool:
    """The words ``units[j:k]`` after a head of ``n`` units name a program of ``kind`` (``content`` of them
    content words; ``counted``: a number or count word before the head), rather than a kind of program, a
    site, a place or a counted noun before its verb."""
    if n == 2 and (kind == "centre" and k > j or kind == "team"):
        content = max(content, 1)  # «پایگاه خدمات | اجتماعی», «تیم سیار», «گروه همیار»: a two-word head says what it does
    head = "".join(u.key for u in units[j - n:j])
    if k == j and content == 0:  # «به مددسرا منتقل شدند»: the city's shelter, a service known by its head alone
        return not counted and head in _SHELTER_SERVICE
    if head == _CENTRES and units[j].key not in _CENTRE_SERVICES:
        return False  # «مراکز استان‌ها», «مراکز فرهنگی و ورزشی»: centres of any kind, not a service by name
    if content == 0 or units[j].key in PLACE_WORDS or units[j].key in _RESEARCH or units[j].key in _NEWS_DESK \
            or any(u.key.endswith(key("نیوز")) for u in units[j:k]):  # «مرکز خبر», «سامانه … خبیرنیوز»: the site's
        return False
    if (kind == "hotline" and units[j].key in _NO_HOTLINE) or (units[j].key == _AFFAIRS and units[j - n].key == _CENTRE):
        return False  # «خط فقر»: no telephone line; «مرکز امور بین‌الملل …»: a ministry's office
    if counted and is_past_stem(units[j].text):  # «به ۱۴ مرکز رسید»: a counted noun and the verb
        return False
    if counted and kind == "plan" and units[j - n - 1].kind == "number":
        return False  # «۷۹۳ طرح دامپروری», «۵۵۰۰ طرح اشتغال‌زایی»: so many projects of a kind, none by name
    if kind == "program" and content < 2:
        return False
    # «مرکز توانبخشی», «مرکز اقامتی», «گرمخانه بانوان»: a kind of centre, not one by name
    return not (kind in ("centre", "house") and n == 1 and k - j == 1 and (units[j].key.endswith("ی") or units[j].key in _WHO_FOR))


def _add(doc: Document, name: str, kind: str, start: int, end: int, sentence: int) -> None:
    """A mention of the program ``name`` at ``start:end`` (named as the page writes it when the name is
    the mention's own words, not a line's name such as :data:`HOTLINE_NAME`)."""
    k = key(name)
    prog = doc.programs.get(k)
    if prog is None:
        shown = doc.surface(start, end) if name == doc.text[start:end] else name
        prog = doc.programs[k] = Program(shown, kind)
    prog.evidence.append(doc.evidence(start, end, NAME))
    doc.mentions.append(Mention("program", start, end, doc.text[start:end], k, sentence))


def _attach_places(doc: Document) -> None:
    """Each place named in a program's sentence (outside organisation names) is where the
    nearest program before it runs, or the first one after it («... خوزستان، تهران ...
    استان‌های پایلوت در طرح ...»)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for mentions in by_sentence.values():
        programs = [m for m in mentions if m.kind == "program"]
        if not programs:
            continue
        orgs = [(m.start, m.end) for m in mentions if m.kind == "organization"]
        sent = doc.sentences[programs[0].sentence]
        credit = CREDIT_OPENING.match(doc.text, sent.start, sent.end)
        for place in (m for m in mentions if m.kind == "place"):
            if any(s <= place.start < e for s, e in orgs) or credit and place.end <= credit.end():
                continue  # «به گزارش خبرگزاری صداوسیما مرکز آذربایجان شرقی، …»: where the agency's desk is
            around = [p for p in programs if p.start <= place.start and place.end <= p.end]
            if around and place.ref == _COUNTRY:
                continue  # «پویش ایران مهربان»: a word of the campaign's name, not where it runs
            before = [p for p in programs if p.start <= place.start]
            # a place inside a program's name is that program's («تیم سیار اورژانس اجتماعی دهدشت», whatever
            # line its name mentions), else the nearest program before it
            target = around[0] if around else before[-1] if before else programs[0]
            places = doc.programs[target.ref].places
            if place.ref not in places:
                places.append(place.ref)


@component("program_places", requires=("setting",),
           edits={"programs": "a program no sentence places runs where the story is, known only after the "
                              "quotes (the setting component), which come after the programs"})
def locate(doc: Document) -> None:
    """A program that no sentence places runs where the story is (:attr:`Document.setting`): the
    county office's new centre in its county, the provincial campaign in its province.  So does one
    placed only in the country («این پویش در سراسر ایران اجرا می‌شود» on a province's page): the
    story tells where this province runs it."""
    for program in doc.programs.values():
        if doc.setting and doc.setting not in program.places and all(k == _COUNTRY for k in program.places):
            program.places.append(doc.setting)


# a plural head and its singular («مراکز ماده ۱۶» / «مرکز ماده ۱۶», «کمپ‌های …» / «کمپ …»)
_SINGULAR = {key("مراکز"): key("مرکز")}
_PLURAL_ENDING = re.compile(r"(?:\u200c)?ها(?:ی)?$")


def _name_keys(name: str) -> list[str]:
    """The keys of a program name's words, its head in the singular, so a page's «مراکز ماده ۱۶» and its
    «مرکز ماده ۱۶» compare as one name."""
    words = [key(w) for w in name.split()]
    if words:
        head = _SINGULAR.get(words[0], words[0])
        bare = _PLURAL_ENDING.sub("", head)
        words[0] = bare if bare != head and any(h.startswith(bare) for h in _HEAD_KEYS) else head  # «تیم‌های سیار»
    return words


def _two_lines(doc: Document) -> None:
    """A page that names the social emergency service and, apart from it, its number («اورژانس اجتماعی
    … فعال است … با شماره ۱۲۳ تماس بگیرند») speaks of two things its readers use, the service and the
    line; a page that only ever names them together («خط ۱۲۳ اورژانس اجتماعی») speaks of one."""
    together = [m.span() for m in _TOGETHER.finditer(doc.text)]
    def alone(pattern: re.Pattern) -> bool:
        return any(not any(s <= m.start() < e for s, e in together) for m in pattern.finditer(doc.text))
    if key(HOTLINE_NAME) not in doc.programs or not (alone(_NUMBER) and alone(_EMERGENCY)):
        return
    del doc.programs[key(HOTLINE_NAME)]
    for m in (m for m in doc.mentions if m.kind == "program" and m.ref == key(HOTLINE_NAME)):
        name = EMERGENCY_NAME if _EMERGENCY.search(m.text) else NUMBER_NAME
        m.ref = key(name)
        doc.programs.setdefault(m.ref, Program(name, "hotline")).evidence.append(doc.evidence(m.start, m.end, NAME))


def _merge_contained(doc: Document) -> None:
    """«طرح ساماندهی» inside «طرح سه مرحله‌ای ساماندهی کودکان کار و خیابان» is that program, and so is
    the same name with its head in the plural («مرکز ماده ۱۶» beside «مراکز ماده ۱۶»): the first named stays."""
    order = {k: min((e.start for e in p.evidence), default=0) for k, p in doc.programs.items()}
    for k in sorted(doc.programs, key=lambda k: (len(doc.programs[k].name.split()), -order[k])):
        short = _name_keys(doc.programs[k].name)
        for other_key, other in doc.programs.items():
            longer = _name_keys(other.name)
            if other_key == k or len(longer) < len(short) or len(longer) == len(short) and order[other_key] > order[k]:
                continue
            words = iter(longer)
            if all(w in words for w in short) or _same_campaign(doc.programs[k], other):
                gone = doc.programs.pop(k)
                other.evidence += gone.evidence
                other.places += [p for p in gone.places if p not in other.places]
                for m in doc.mentions:
                    if m.kind == "program" and m.ref == k:
                        m.ref = other_key
                break


# plans and campaigns a page names by their own words under either head («پویش ایران مهربان» … «طرح «ایران مهربان»»)
_CAMPAIGN_KINDS = frozenset(("plan", "campaign"))


def _same_campaign(a: Program, b: Program) -> bool:
    """Two plans or campaigns with the same own name of two words or more after their heads are one."""
    own = _name_keys(a.name)[1:]
    return a.kind in _CAMPAIGN_KINDS and b.kind in _CAMPAIGN_KINDS and len(own) >= 2 and own == _name_keys(b.name)[1:]


def _anaphor(doc: Document, units: list[Unit], i: int, sentence: int) -> None:
    """«این طرح»: a mention of the program last named with head ``units[i]`` (for its places), if any."""
    head = _head_at(units, i)
    if head is None or i == 0 or units[i - 1].key not in _ANAPHORS:
        return
    named = [m for m in doc.mentions if m.kind == "program" and m.start < units[i].start
             and key(doc.programs[m.ref].name).startswith(key(head[1]))]
    if named:
        start, end = units[i - 1].start, units[i + head[0] - 1].end
        doc.mentions.append(Mention("program", start, end, doc.text[start:end], named[-1].ref, sentence))


def _absorb_organizations(doc: Document) -> None:
    """An organisation named inside a program's name («طرح توانمندسازی بهزیستی», «تیم سیار اورژانس
    اجتماعی») runs it; those words are the program's name, not one more mention of the organisation."""
    programs = [m for m in doc.mentions if m.kind == "program"]
    kept = []
    for m in doc.mentions:
        outer = m.kind == "organization" and next(
            (p for p in programs if p.start <= m.start and m.end <= p.end
             and ((p.start, p.end) != (m.start, m.end) or doc.programs[p.ref].kind == "hotline")), None)
        line = m.kind == "organization" and m.ref.split("@")[0] in _HOTLINE_BODIES and next(
            (p for p in programs if p.start < m.end and m.start < p.end and doc.programs[p.ref].kind == "hotline"), None)
        if not (outer or line):
            kept.append(m)
            continue
        org = doc.organizations.get(m.ref)
        if outer:  # «تیم سیار اورژانس اجتماعی»: run by the line's body (Behzisti), the line not by itself
            program = doc.programs[outer.ref]
            runner = (org.parent if org is not None else None) if line else m.ref
            if doc.programs[outer.ref].kind != "hotline" and runner:
                program.organization = program.organization or runner
        if org is not None:
            gone = doc.evidence(m.start, m.end, organizations.NAME)
            org.evidence = [e for e in org.evidence if e != gone]
    doc.mentions[:] = kept
    # «اورژانس اجتماعی البرز», «صدای مشاور»: the line, not a body, when nothing else names it so
    used = {m.ref for m in doc.mentions if m.kind == "organization"} | {o.parent for o in doc.organizations.values()} \
        | {p.organization for p in doc.posts} | {p.organization for p in doc.programs.values()}
    for k in [k for k in doc.organizations if k.split("@")[0] in _HOTLINE_BODIES and k not in used]:
        del doc.organizations[k]


def _pattern(name: str) -> str:
    """``name`` as a pattern that takes ZWNJ, space or nothing between and inside its words."""
    words = (re.escape(w).replace("\u200c", "[\\s\u200c]?") for w in name.split())
    return r"(?<![\w\u200c])" + GAP.join(words) + r"(?![\w\u200c])"


# national schemes named without a head: «مسکن مهر», «کالابرگ», «بیمه زنان خانه‌دار» (builder/data/named_programs.tsv)
_NAMED_PROGRAMS = [(re.compile(_pattern(name)), kind) for name, kind in table("named_programs.tsv")]


_CAMPAIGN_HEAD = re.compile(rf"(?<![\w\u200c])(?:پویش|رزمایش)(?:{GAP}ملی)?[\s\u200c]+$")


def _named_without_head(doc: Document) -> None:
    """The national schemes of :data:`_NAMED_PROGRAMS` the page names outside another program's name."""
    for pattern, kind in _NAMED_PROGRAMS:
        for m in pattern.finditer(doc.text):
            if not any(p.start < m.end() and m.start() < p.end for p in doc.mentions if p.kind == "program"):
                head = _CAMPAIGN_HEAD.search(doc.text, max(0, m.start() - 20), m.start()) if kind == "campaign" else None
                start = head.start() if head else m.start()  # «پویش همه حاضر»: the head its words could not follow
                _add(doc, doc.text[start:m.end()], kind, start, m.end(), doc.sentence_at(m.start()))


@component(NAME, requires=("text", "units", "mentions", "organizations"), assigns=("programs", "mentions"),
           edits=EDITS, evidence=True)
def extract(doc: Document) -> None:
    for si, units in enumerate(doc.units):
        i = 0
        while i < len(units):
            found = program_at(units, i) if units[i].kind == "word" else None
            if found is None:
                if units[i].kind == "word":
                    _anaphor(doc, units, i, si)
                i += 1
                continue
            end, head, kind = found
            start, stop = units[i].start, units[end - 1].end
            name = doc.text[start:stop]
            if _SOCIAL_EMERGENCY.search(name) and kind not in _OWN_NAME_KINDS:
                name, kind = HOTLINE_NAME, "hotline"
            elif _COUNSEL_LINE.fullmatch(name):
                name, kind = COUNSEL_LINE_NAME, "hotline"
            _add(doc, name, kind, start, stop, si)
            i = end
    _named_without_head(doc)
    for pattern, name in ((_SOCIAL_EMERGENCY, HOTLINE_NAME), (_COUNSEL_LINE, COUNSEL_LINE_NAME)):
        for m in pattern.finditer(doc.text):
            # named inside a plan, a team or a drill of its own («مانور بزرگ اورژانس اجتماعی»), the line is
            # mentioned too; inside any other program's name it is that program («مرکز اورژانس اجتماعی»)
            if not any(p.start <= m.start() < p.end and doc.programs[p.ref].kind not in _OWN_NAME_KINDS
                       for p in doc.mentions if p.kind == "program"):
                _add(doc, name, "hotline", m.start(), m.end(), doc.sentence_at(m.start()))
    _two_lines(doc)
    _merge_contained(doc)
    doc.mentions.sort(key=lambda m: m.start)
    _absorb_organizations(doc)
    _attach_places(doc)
