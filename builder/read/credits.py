"""Who the page credits for the story: the agency, press office or site, as the page writes it.

Real pages credit their source in many ways, and republishing sites name two:

* a credit line: «به گزارش ایسنا،», «به گزارش خبرنگار مهر،», «به گزارش گروه اجتماعی
  خراسان‌تایم به نقل از باشگاه خبرنگاران جوان،» (the story is the quoted agency's),
  «به گزارش جهانی پرس از روابط عمومی سازمان …،» (a press office's release relayed by a site);
* a dateline: «مشهد- ایرنا-», «ایسنا/خوزستان», «خبرگزاری میزان - …», «ایسنا: …» opening the lead;
* a line of its own near the headline: «ایلنا:», «خبرگزاری جمهوری اسلامی - ۲ خرداد ۱۳۹۶»;
* an interview: «… در گفت‌وگو با ایرنا …».

A known agency (``data/agencies.csv``) is recognised in any of them; an unknown one
(«کودک پرس», «طبنا», «روابط عمومی اداره بهزیستی اهواز») only where the frame says a
source is named: after «به گزارش» or «به نقل از», before the colon of a lead, or
after «در گفت‌وگو با» when it is a name rather than a noun («رسانه‌ها»).  The name
is kept as the page writes it (the words before it such as «خبرنگار», «گروه اجتماعی»
and a desk's place after it dropped), because researchers cite the credit as printed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import datelines
from ..text.gazetteer import AgencyEntry, agency, find_agencies, find_places
from ..text.lexicon import ROLE_HEADS, is_common_word, is_given_name, is_ordinary_word, is_stopword, is_surname_like, reporting_verb_pattern
from ..text.patterns import GAP
from ..text.textkey import key

_W = rf"{GAP}"
# «به گزارش …» up to the end of its phrase (a comma, a semicolon, a colon or the line's end)
# «به گزارش …» («به گزارشافکارنیوز،», «به گزرش» too); «براساس گزارش خبرگزاری ایلنا،»: a known agency only
# («بر اساس گزارش تازه سازمان بهزیستی» is a body's report, not the story's source)
_REPORTED = re.compile(rf"(?<![\w\u200c])(?:به|(?P<according>بر{_W}اساس|طبق|بنا{_W}بر)){_W}گزا?رش\s*(?P<reporter>[^،,؛;:\n]{{1,90}})")
# the credit glued to the headline before it when the page lost the line between them (a known agency only)
_GLUED_REPORTED = re.compile(rf"(?<=[\u0600-\u06FF])به{_W}گزا?رش\s*(?P<reporter>[^،,؛;:\n]{{1,90}})")
_QUOTING = re.compile(rf"\s*(?:[،,؛;]\s*)?(?:(?<!\S)و\s+)?به{_W}نقل{_W}از\s+([^،,؛;:\n]{{1,70}})")  # «… انتخاب و به نقل از …»
_FROM_OFFICE = re.compile(rf"\s+از\s+(روابط{_W}عمومی\s.+)$")
_FROM = re.compile(r"\s+از\s+.*$")
# «در گفت‌وگو با», «در گفتگوی اختصاصی با» (and a «با» the page doubled)
_INTERVIEW_START = re.compile(rf"(?<![\w\u200c])(?:در{_W})?(?:گفت{_W}و?{_W}گو(?:ی)?|مصاحبه)(?:{_W}(?:خود|اختصاصی))?{_W}با\s+(?:با\s+)?")
# the medium's name: up to four words before the verb, a preposition or punctuation
_INTERVIEWED = re.compile(r"((?:\S+\s+){0,3}?\S+?)(?=\s+(?:گفت|افزود|اظهار|بیان|تصریح|عنوان|اعلام|خبر\s*داد|درباره|درخصوص|در\s|با\s|از\s)|[،,:؛]|$)")
# a medium's name in quotation marks right after «با»
_QUOTED_MEDIUM = re.compile(r"[«\"“]([^»\"”\n]{2,30})[»\"”]")
# «خبرگزاری میزان - …», «ایسنا: …», «میگنا: …» opening a paragraph
_LEAD_SOURCE = re.compile(r"^\s*((?:خبرگزاری\s+|آژانس\s+)?[\u0600-\u06FF\u200c]+(?:\s+[\u0600-\u06FF\u200c]+)?(?:\s?[0-9۰-۹]{1,3})?)"
                          r"\s*(?:[:：]|\s?[-–—]\s|(?<=[0-9۰-۹])\s?[-–—](?=[\u0600-\u06FF]))")  # «رویداد۲۴-رئیس …»
# «روزنامه اعتماد نوشت: …»: a newspaper's story retold by the page
_WROTE = re.compile(rf"^\s*((?:روزنامه|هفته{_W}نامه|ماهنامه)\s+[\u0600-\u06FF\u200c]+(?:\s+[\u0600-\u06FF\u200c]+)?)\s+(?:نوشت|نوشته{_W}است|گزارش{_W}داد)\s*[:：،,]")
# «ایسنا/خوزستان», «تسنیم / اردبیل -»: an agency and its desk
_SLASH_DATELINE = re.compile(rf"^\s*{datelines.form('slash', capture=True)}(?=[\s\-–—،,]|$)")
# «البرز گلستان/ …», «سرویس خبر به دخت/»: a site's own name and a slash opening its lead
_SITE_SLASH = re.compile(r"^\s*([\u0600-\u06FF\u200c ]{2,30}?)\s*/(?:\s+|$)")
# «تهران (پانا) - …»: a city, the agency in brackets, a dash
_PAREN_DATELINE = re.compile(rf"^\s*{datelines.form('paren', capture=True)}")
_DASHED_DATELINE = re.compile(rf"^\s*{datelines.form('dashed', capture=True)}")
# what follows a known agency that opens a lead: a colon, a semicolon, a dash or a bar
_AFTER_LEAD_AGENCY = re.compile(r"\s*[:：؛;\-–—|،,]")
# a desk before the agency opening the lead: «گروه جامعه ایرنا - …»
_DESK_BEFORE = re.compile(r"\s*(?:گروه|سرویس)\s+[\u0600-\u06FF\u200c]+(?:\s+[\u0600-\u06FF\u200c]+)?\s+$")
# an agency's slash dateline after a sentence (a copy that glued the headline and summary before it)
_SLASH = re.compile(r"\s*/\s*")
_SLASH_AFTER_SENTENCE = re.compile(r"[.!؟]\s*[-–—]?\s*([\u0600-\u06FF\u200c]+(?: [\u0600-\u06FF\u200c]+)?)\s*/\s*(?=[\u0600-\u06FF])")
# «عصر جنوب| asrejonoob.ir: …»: a site's name and its address open the lead
_BRAND_LEAD = re.compile(r"^\s*([\u0600-\u06FF\u200c ]{2,30}?)\s*\|\s*[A-Za-z0-9\-]+(?:\. ?[A-Za-z]{2,})+\s*[:：]")
# «بیرجند - خبرنگار دنیای اقتصاد: …», «سبزوار ـ خبرنگار اطلاعات: …», «اراک- مهدی غلامی خبرنگار اقتصادسرآمد- …»:
# a city, a dash, the medium's reporter (perhaps by name) and a colon or a dash
_WORD = r"[\u0600-\u063F\u0641-\u06FF\u200c]+"  # a word (no tatweel, which is a dash here)
_REPORTER_DATELINE = re.compile(rf"^\s*(?P<city>{_WORD}(?: {_WORD}){{0,2}}?)\s*(?P<dash>[-–—ـ_]?)\s*(?:{_WORD} ){{0,4}}?"
                                rf"خبرنگار\s+(?P<source>[\u0600-\u06FF\u200c ]{{2,40}}?)\s*(?:[:：]|\s[-–—ـ_]|[-–—_](?=\s))")
# words that say who at the source, not which source: «خبرنگار», «گروه اجتماعی», «پایگاه خبری»
_BEFORE_NAME = re.compile(
    rf"^(?:(?:خبرنگار(?:ان)?|گروه(?:\s+(?:اجتماعی|سیاسی|اقتصادی|فرهنگی|استان{_W}ها|جامعه|خبری?|اخبار|فضای\s+مجازی))?|"
    rf"سرویس\s+\S+|(?:پایگاه|شبکه)\s+(?:خبری|اطلاع{_W}رسانی)(?:\s+(?:و\s+)?تحلیلی)?|سایت(?:\s+خبری)?|تارنما|حوزه\s+\S+|"
    rf"مجله(?:\s+خبری)?|آژانس(?:\s+خبری)?)\s+)+")
# «به گزارش مرکز آمار ایران»: a body reporting its own figures, not the story's source
_BODY_HEAD = re.compile(r"(?:سازمان|مرکز|وزارت|اداره|دفتر|ستاد|شورا|کمیته|کمیسیون|بنیاد|انجمن|مؤسسه|موسسه|دانشگاه|"
                        r"پژوهشکده|پژوهشگاه|معاونت|استانداری|فرمانداری|شهرداری|دادگستری|قوه|مجلس|نیروی|پلیس|بانک|صندوق|جمعیت)(?![\w\u200c])")
_MEDIA = re.compile(rf"خبرگزاری|خبرنامه|روزنامه|هفته{_W}نامه|نشریه|پایگاه|سایت|شبکه|رادیو|نیوز|آنلاین|پرس|روابط{_W}عمومی")
# a press office: «روابط عمومی …» (a typo in «عمومی» too), a body's «اداره ارتباطات …», «دفتر روابط عمومی …»
_OFFICE = re.compile(rf"^(?:(?:دفتر|اداره(?:{_W}کل)?|مدیریت|پایگاه)\s+)?(?:روابط{_W}\S+|ارتباطات|اطلاع{_W}رسانی)\s")
_DESK = re.compile(r"\s+(?:مرکز|استان|واحد\s+مرکزی|دفتر)(?:\s+\S+){0,3}$")
_MAX_WORDS = 6
_MAX_SITE_WORDS = 3  # a relaying site's name («خراسان تایم», «شهر بیست»); a longer one is a body's portal
_MAX_OFFICE_WORDS = 14  # «روابط عمومی سازمان خدمات و مشارکت‌های اجتماعی شهرداری تهران»


@dataclass(frozen=True)
class Credit:
    """A source the page names: as written, the agency it is (if known) and the text it was read from."""

    name: str
    agency: AgencyEntry | None
    frame: str  # the credit line, dateline or label it was read from
    via: str | None = None  # the site that republished the story («به گزارش خراسان‌تایم به نقل از تسنیم»)


def _named(text: str, *, unknown_ok: bool) -> Credit | None:
    """The source named by the words ``text`` (a credit's object, so a name that is also a word,
    «مهر», counts when it is all there is), known or, if allowed, not."""
    text = re.sub(r"[«»\"“”]", "", text).strip(" .-–")
    text = re.sub(r"(?<=[\u0620-\u064A\u067E-\u06D3])\u0640+(?=[\u0620-\u064A\u067E-\u06D3])", "", text)  # «عـصــر»
    name = text.split("(")[0].strip()
    office = bool(_OFFICE.match(name + " "))  # «پایگاه اطلاع‌رسانی کمیته امداد»: a body's own office, kept whole
    if not office:
        name = _BEFORE_NAME.sub("", name).strip()
        office = bool(_OFFICE.match(name))
    name = name if office else _DESK.sub("", name)
    entry = agency(name)
    if entry is not None:
        return Credit(_as_credited(name, entry, text), entry, text)
    hits = find_agencies(text)
    if hits:
        s, e, entry = hits[0]
        return Credit(_as_credited(text[s:e], entry, text), entry, text)
    words = name.split()
    if len(words) == 1 and is_stopword(name) or words[:1] == ["ما"]:  # «به گزارش خبرنگار ما (در تبریز)»: the
        return None  # site's own reporter
    if any(w in ("این", "همین") for w in words):  # «روابط عمومی این سازمان»: a body named before
        return None
    if not unknown_ok or not words or len(words) > (_MAX_OFFICE_WORDS if office else _MAX_WORDS) \
            or re.search(r"[0-9۰-۹]", name) and len(words) > 2 and not office:  # «روابط عمومی شهرداری منطقه ۱۵»
        return None
    return Credit(name, None, text)


def _as_credited(surface: str, entry: AgencyEntry, frame: str = "") -> str:
    """The agency as the page names it, unless that is its long formal name («خبرگزاری دانشجویان
    ایران», «خبرگزاری جمهوری اسلامی») or the page gives the name it goes by too («خبرگزاری اهلبیت(ع)
    ـ ابنا ـ»): then the name it goes by («ایسنا», «ایرنا», «ابنا»)."""
    if surface.endswith("ی") and agency(surface[:-1]) == entry:
        surface = surface[:-1]  # «صدا و سیمای کهگیلویه و بویراحمد»: the name with its ezafe
    short = len(entry.name.split()) < len(surface.split())
    elsewhere = {key(w) for w in re.split(r"[\s\-–—ـ()]+", frame.replace(surface, " "))}
    if short and (len(surface.split()) >= 3 or key(entry.name) in elsewhere):
        return entry.name
    return surface


#: first words of posts: a credit with no comma that runs into a post ends before it
_POST_WORDS = frozenset(h.split()[0] for h in ROLE_HEADS) - {"خبرنگار", "عضو", "فعال"}


def _before_name(words: str) -> str:
    """A credit with no comma runs into the speaker's name («به گزارش تابناک سمنان محسن مسعودیان …»)
    or post («به گزارش روابط عمومی بهزیستی استان یزد کارشناس مسئول …»): the source's name ends
    before the first given name after its first word, or the first post after its second."""
    desk = _BEFORE_NAME.match(words)  # «خبرنگاران گروه جامعه …»: who at the source, before its name
    lead, words = (words[:desk.end()], words[desk.end():]) if desk else ("", words)
    parts = words.split()
    known = max((e for s, e, _ in find_agencies(words) if s == 0), default=0)  # «خبرگزاری صدا و سیما»: «سیما» is its
    for i, w in enumerate(parts[1:], 1):
        if len(" ".join(parts[:i + 1])) <= known:
            continue
        if is_given_name(w) and agency(w) is None or (i >= 2 and w in _POST_WORDS) or (w.startswith("سید") and len(w) > 5):
            return lead + " ".join(parts[:i])  # «… ایران سپید سیدصباح قریشی»: «سید» glued to the name
    return lead + words


# a medium's name by its last word: «راسان خبر», «افکارنیوز», «جهانی پرس», «عصر ایران آنلاین»
_OUTLET = re.compile(r"\S(?:\s?نیوز|\s?پرس|\s?آنلاین|\s?م[ی]?دیا|\s+خبر)(?:\s?[0-9۰-۹]{1,3})?$")


def _common_noun(word: str) -> bool:
    """A frequent word, or its plural («رسانه‌ها», «رسانههای»)."""
    stem = re.sub(r"[\u200c]?(?:های|ها|ان)$", "", word)
    return is_common_word(word) or is_common_word(stem)


def from_credit_line(paragraph: str) -> Credit | None:
    """The source of «به گزارش X [به نقل از Y | از روابط عمومی Z]،»: Y, else Z, else X; or of «براساس
    گزارش X،» when X is a known agency (a body's report before it, «بر اساس گزارش مرکز آمار، … به
    گزارش ایسنا، …», leaves the credit after it to be read)."""
    for m in _REPORTED.finditer(paragraph):
        credit = _credit_at(paragraph, m)
        if credit is not None or not m.group("according"):
            return credit
    if (glued := _GLUED_REPORTED.search(paragraph)) and (credit := _credit_at(paragraph, glued)) and credit.agency:
        return credit  # «… سه مهدکودک روستایی افتتاح شدبه گزارش گروه استان‌ها باشگاه خبرنگاران جوان،»
    return None


def _credit_at(paragraph: str, m: re.Match) -> Credit | None:
    """The source of the credit ``m`` (a match of :data:`_REPORTED` or :data:`_GLUED_REPORTED`) names."""
    reporter, quoted, according = m.group("reporter"), None, m.groupdict().get("according")
    if inner := _QUOTING.search(reporter):  # «به گزارش X به نقل از Y،»
        quoted, reporter = inner.group(1), reporter[:inner.start()]
    elif outer := _QUOTING.match(paragraph, m.end()):  # «به گزارش X؛ به نقل از Y،»
        quoted = outer.group(1)
    source = None
    if quoted is not None:  # the quoted source is the story's, if it is a medium or an office (not a body)
        source = _named(quoted, unknown_ok=bool(_MEDIA.search(quoted) or _OFFICE.match(quoted.strip()))
                        or (len(quoted.split()) <= 3 and not _BODY_HEAD.match(quoted.strip())))
    if source is None and (office := _FROM_OFFICE.search(reporter)):
        source = _named(office.group(1), unknown_ok=True)
        reporter = reporter[:office.start()]
    via = None
    if source is not None:  # the site that relays it: «به گزارش خراسان‌تایم به نقل از تسنیم»
        site = _named(_before_name(_FROM.sub("", reporter)), unknown_ok=not _BODY_HEAD.match(reporter))
        # a press office passing on an agency's story is not where the story was republished
        if site is not None and key(site.name) != key(source.name) and not is_office(site.name) \
                and len(site.name.split()) <= _MAX_SITE_WORDS:
            via = site.name
    else:
        reporter = _before_name(_FROM.sub("", reporter))
        source = _named(reporter, unknown_ok=bool(_OFFICE.match(reporter)) or not _BODY_HEAD.match(reporter))
    if source is None or according and source.agency is None:
        return None
    # the frame is the whole credit: «… از شیراز» after the agency says where its desk is
    return Credit(source.name, source.agency, m.group(), via)


def from_lead(paragraph: str) -> Credit | None:
    """A source opening a paragraph: a dateline («مشهد- ایرنا-», «ایسنا/خوزستان», «سبزوار - خبرنگار
    اطلاعات:»), a label («ایسنا: …», «خبرگزاری میزان - …», «البرز گلستان/ …») or a newspaper retold
    («روزنامه اعتماد نوشت: …»); an unknown name only in the forms :func:`_unknown_label` allows."""
    head = paragraph[:60]
    hits = find_agencies(head)
    if hits and (not head[:hits[0][0]].strip() or _DESK_BEFORE.fullmatch(head[:hits[0][0]])) \
            and _AFTER_LEAD_AGENCY.match(head, hits[0][1]):
        s, e, entry = hits[0]  # «باشگاه خبرنگاران جوان ؛ سارا بابایی- …», «خبرگزاری مهر، گروه استانها- …»
        return Credit(_as_credited(head[s:e], entry, head), entry, head[:e])
    if brand := _BRAND_LEAD.match(head):  # «عصر جنوب| asrejonoob.ir: …»: the site's name and address
        return _named(brand.group(1), unknown_ok=True)
    if (slash := _SLASH_DATELINE.match(head)) and (found := _named(slash.group("source"), unknown_ok=False)):
        return Credit(found.name, found.agency, slash.group())  # the frame keeps the desk's province
    if site := _site_slash(paragraph):
        return site
    if m := _LEAD_SOURCE.match(head):
        if found := _named(m.group(1), unknown_ok=False) or _unknown_label(m.group(1), ":" in head[m.end(1):m.end()]):
            return found if found.agency else Credit(found.name, None, m.group())
    if wrote := _WROTE.match(head):  # «روزنامه اعتماد نوشت: …»
        return _named(wrote.group(1), unknown_ok=True)
    if dateline := _DASHED_DATELINE.match(head):  # «مشهد- ایرنا-», «کاشان _ ایرنا _»
        return _named(dateline.group("source"), unknown_ok=False)
    if paren := _PAREN_DATELINE.match(head):  # «تهران (پانا) -»
        return _named(paren.group("source"), unknown_ok=False)
    if (desk := _REPORTER_DATELINE.match(paragraph)) and (desk.group("dash") or _is_place(desk.group("city"))):
        return _named(desk.group("source"), unknown_ok=True)  # «بیرجند - خبرنگار دنیای اقتصاد: …», its dash lost in normalising
    for m in _SLASH_AFTER_SENTENCE.finditer(paragraph[:400]):  # «… می‌رسد. - ایسنا/آذربایجان غربی مدیر کل …»
        if entry := agency(m.group(1)):
            return Credit(m.group(1), entry, m.group().strip(" .-–—"))
    for s, e, entry in find_agencies(paragraph[:400]):  # «… در فصل سرما ایسنا/زنجان شهردار ابهر …»: a headline
        slash = _SLASH.match(paragraph, e)  # glued before the dateline, with no stop between
        if slash and any(start == 0 for start, _, _ in find_places(paragraph[slash.end():slash.end() + 40])):
            return Credit(paragraph[s:e], entry, paragraph[s:slash.end()])
    return None


# nouns that number a paragraph's heading rather than name a site: «ماده ۲۴:», «سال ۱۴۰۲ -»
_NUMBERED = frozenset({"ماده", "بند", "تبصره", "اصل", "سال", "ساعت", "روز", "شماره", "مرحله", "بخش", "فصل", "قسمت", "گام"})


def _unknown_label(label: str, colon: bool) -> Credit | None:
    """An unknown site's name opening the lead: one rare word before a colon («میگنا: …»); a name
    ending in digits as sites' names do, before a colon or a dash («مخاطب۲۴- …», «حادثه 24 - …»,
    «ایران نیوز 24: …»); a medium known by its last word before a colon («کلاسی نیوز: …»,
    «کوردستان میدیا: …»).  «آژانس» before it is dropped («آژانس کردپا: …»)."""
    name = _BEFORE_NAME.sub("", label).strip()
    words = name.split()
    if not words or _is_place(name):
        return None
    if len(words) == 1 and colon and not is_common_word(name) and not find_places(name) and not is_surname_like(name):
        return Credit(name, None, label)  # not «سیفی: …», a headline that opens with its speaker's surname
    if re.search(r"[0-9۰-۹]$", name) and len(words) <= 3 and words[0] not in _NUMBERED:
        return Credit(name, None, label)
    if len(words) <= 3 and colon and _OUTLET.search(name) and not name.endswith("خبر"):  # «کد خبر:», «مشروح خبر:»
        return Credit(name, None, label)
    return None


def _ordinary(word: str) -> bool:
    """An ordinary Persian word, or its plural («کودکان», «خانواده‌ها»)."""
    return is_ordinary_word(word) or is_ordinary_word(re.sub(r"\u200c?(?:های|ها|ان)$", "", word) or word)


def _is_place(words: str) -> bool:
    """``words`` are one gazetteer place and nothing else («سبزوار»)."""
    places = find_places(words.strip())
    return len(places) == 1 and places[0][1] - places[0][0] == len(words.strip())


def _site_slash(paragraph: str) -> Credit | None:
    """«البرز گلستان/ بیست و دومین خانه …», «سرویس خبر به دخت/»: a name of up to three words, one of
    them a rare word or all of them places, then a slash and no desk after it.  An agency's
    dateline («ایسنا/ خوزستان») names a place after its slash; a kicker («کودکان کار/ …») is
    made of common words."""
    m = _SITE_SLASH.match(paragraph)
    if m is None:
        return None
    name = _BEFORE_NAME.sub("", m.group(1).strip()).strip()
    words = name.split()
    after = paragraph[m.end():m.end() + 40]
    if not 1 <= len(words) <= 3 or any(s == 0 for s, _, _ in find_places(after)):
        return None
    if _is_place(name):  # «تهران/ …»: a dateline with no source
        return None
    places = find_places(name)
    labelled = name != m.group(1).strip()  # «سرویس خبر …/»: the words before a site's name
    if not labelled and all(_ordinary(w) for w in words) and len(places) < len(words):
        return None
    return Credit(name, agency(name), m.group().strip())

def from_interview(paragraph: str) -> Credit | None:
    """«در گفت‌وگو با ایرنا», «در گفتگو با راسان خبر گفت»: the medium the official spoke to,
    when it is named (a known agency, or words that are not a common noun such as «رسانه‌ها»);
    or told: «… به خبرگزاری ایلنا گفت» (a known agency)."""
    if told := _TOLD.search(paragraph):
        if entry := agency(told.group(1)):
            return Credit(told.group(1), entry, told.group())
    for m in _TOLD_REPORTER.finditer(paragraph):  # «… به خبرنگار اجتماعی ایسنا گفت»: the reporter's desk first
        rest = paragraph[m.end():m.end() + 120]
        if (desk := _reporters_agency(rest)) and reporting_verb_pattern().match(rest.split(desk[0], 1)[1].lstrip()):
            return Credit(desk[0], desk[1], m.group() + desk[2])
    for m in _INTERVIEW_START.finditer(paragraph):
        after = paragraph[m.end():m.end() + 120]
        reporter = re.match(rf"خبرنگار(?:ان)?(?:{_W}(?:گروه|حوزه|سرویس){_W}\S+)?\s+", after)
        rest = after[reporter.end():] if reporter else after
        if reporter and reporting_verb_pattern().match(rest):
            continue  # «در گفت و گو با خبرنگاران اظهار کرد»: reporters, no medium named
        hits = find_agencies(" ".join(rest.split()[:4]))  # «… با ایرنا متولی …»: a known agency first
        if hits and hits[0][0] == 0:
            return Credit(rest[hits[0][0]:hits[0][1]], hits[0][2], m.group() + rest[:hits[0][1]])
        if reporter and (desk := _reporters_agency(rest)):
            return Credit(desk[0], desk[1], m.group() + after[:reporter.end()] + desk[2])
        quoted = _QUOTED_MEDIUM.match(rest)  # «در گفتگو با «دیار آفتاب»؛», «با «اعتماد» می‌گوید»: a medium's name,
        if quoted and not is_given_name(quoted.group(1).split()[0]):  # not a person's («با «علی رضایی»»)
            if found := _named(quoted.group(1), unknown_ok=True):
                return found
        named = _INTERVIEWED.match(rest)
        if named is None:
            continue
        if entry := agency(named.group(1)):  # «با مهر،», «با خبرنگار برنا از همدان»: a name that is also a word
            return Credit(named.group(1), entry, m.group() + named.group())
        if reporter or not _common_noun(named.group(1).split()[0]) or _OUTLET.search(named.group(1)):
            # «… با راسان خبر گفت», «با خبرنگار سینا»
            found = _named(named.group(1), unknown_ok=True)
            if found is not None:
                return found
    return None


def _reporters_agency(rest: str) -> tuple[str, AgencyEntry, str] | None:
    """«خبرنگار حوزه رفاه و تعاون گروه اجتماعی باشگاه خبرنگاران جوان»: a reporter's desk may
    run several words before the agency; the first known agency before any punctuation is it."""
    clause = re.split(r"[،,:؛.\n]", rest, maxsplit=1)[0]
    clause = " ".join(clause.split()[:10])
    hits = find_agencies(clause)
    if not hits:
        return None
    start, end, entry = hits[0]
    if any(is_stopword(w) and w != "و" for w in clause[:start].split()):  # «خبرنگار ما درباره گزارش ایرنا»
        return None
    return clause[start:end], entry, clause[:end]


# «… به خبرگزاری ایلنا گفت», «به ایسنا گفته است», «به خبرنگار ایرنا گفت», «به خبرنگار شبستان در اراک گفت»:
# the agency an official told (a reporter's city may follow it)
_TOLD = re.compile(rf"(?<![\w\u200c])به\s+(?:خبرنگار(?:ان)?\s+)?((?:خبرگزاری\s+)?[\u0600-\u06FF\u200c]+)"
                   rf"(?:\s+(?:در|از)\s+[\u0600-\u06FF\u200c]+)?\s+(?:گفت|گفته{_W}است|اعلام{_W}کرد)")
# «به خبرنگار …» before a reporter's desk of any words and the agency, then a reporting verb
_TOLD_REPORTER = re.compile(r"(?<![\w\u200c])به\s+خبرنگار(?:ان)?\s+")
# the source's name on the label's line («منبع: ایسنا»; a bare «منبع:» before a share widget names none)
_SOURCE_LABEL = re.compile(rf"(?:^|\n|(?<=\s))[\s•*\-]*منبع(?:{_W}خبر)?[ \t]*[:：][ \t]*([^\n|]{{2,60}}?)\s*(?:\||\n|$)")
# «… دارد./ایرنا»: the agency whose story it is, after the last sentence (a channel's handle may follow)
_TRAILER = re.compile(r"[.!؟]\s*(?:/\s*)?([\u0600-\u06FF\u200c]{2,20}(?: [\u0600-\u06FF\u200c]{2,12})?)\s*"
                      r"(?:[^\w\s]{1,3}\s*@\w+\s*)?(?:\n|$)")  # a channel's sign-off after it: «./مهر 🌐 @Sh_Khabar»
_OFFICE_LINE = re.compile(rf"(?:^|\n)\s*((?:روابط{_W}عمومی|اداره{_W}ارتباطات)[^\n.،:]{{3,90}})\s*(?:\n|$)")


def from_source_label(page: str) -> Credit | None:
    """«منبع: ایسنا», «• منبع خبر : باشگاه خبرنگاران جوان», anywhere on the page."""
    m = _SOURCE_LABEL.search(page)
    return _named(m.group(1), unknown_ok=len(_BEFORE_NAME.sub("", m.group(1).strip()).split()) <= 3) if m else None


def from_trailer(page: str) -> Credit | None:
    """The story's original source named at its end: «…/ایرنا», or a press office's line of its
    own («روابط عمومی فرمانداری ویژه شهرستان بابل») after a republished release."""
    for m in _TRAILER.finditer(page):
        if entry := agency(m.group(1)):
            return Credit(m.group(1), entry, m.group())
    m = _OFFICE_LINE.search(page)
    return _named(m.group(1), unknown_ok=True) if m else None


def is_office(name: str) -> bool:
    """A press office's name («روابط عمومی …», «اداره ارتباطات …»)."""
    return bool(_OFFICE.match(name + " "))
