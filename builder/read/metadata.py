"""Article metadata: agency, news id, title, lead, category, reporter, date, province.

Metadata lives in the page header and in the first paragraph's dateline, not
in the body that the extractors read, so this component looks at the lines
of ``page`` (the page without its invisible characters) before the page tail
as well as at the normalised body.

The publication date is the trickiest: pages print today's date and a
"last updated" date in their header too.  Candidates are ranked: a date
labelled as publication («تاریخ انتشار», «انتشار») beats a date with a time
in the page head, which beats a bare date; dates labelled as today's or as
an update are never taken.  Metadata given by the input (JSON Lines fields,
HTML meta tags) wins over anything read from the text.
"""
from __future__ import annotations

import re
from datetime import datetime

from . import clean as cleaning
from . import credits
from ..components import component
from .credits import Credit
from ..text.dates import TEHRAN
from ..text.document import Document
from ..text.gazetteer import agency_for, find_agencies, find_places
from ..text.lexicon import ROLE_FIRST_WORDS, is_given_name
from ..text.normalize import align, normalize_paragraph
from .published import parse_published, plausibly_published
from ..text.textkey import DIGITS_TO_LATIN, key, persian_letters


# «کد خبر: …», «کد خبر : #3090»; a bare «کد»/«شناسه» on a line of its own or between a header's bars
# («تاریخ : … | کد : 556», «شناسه : 43106 | انتشار : …»)
_NEWS_ID = re.compile(
    r"(?:کد\s*(?:خبر|مطلب)|شناسه(?:\u0654|\u200cی)?\s*(?:خبر|مطلب)|شماره\s*(?:خبر|مطلب)|News\s*ID|خبر\s*شماره)\s*[:：]?\s*#?\s*([0-9۰-۹]{3,}(?:[,٬][0-9۰-۹]{3})*)"
    r"|^\s*(?:کد|شناسه|خبر)\s*[:：]?\s*([0-9۰-۹]{3,})\s*$"
    r"|(?:^|\|)[ \t]*(?:کد|شناسه)[ \t]*[:：][ \t]*([0-9۰-۹]{3,})[ \t]*(?:$|\|)",
    re.IGNORECASE | re.MULTILINE,
)
# a stored page that opens with a bare number: the site's id of the story («12853⏎۰۳ آذر ۱۳۹۵», «364944 سید …»),
# not a figure (a line of its own, or six digits or more with no unit after them: figures that large are
# written with «هزار»)
_OPENING_ID = re.compile(r"\s*([0-9۰-۹]{4,9}(?=[ \t]*\r?\n)|[0-9۰-۹]{6,9}(?=[ \t])(?![ \t]*(?:درصد|نفر|هزار|میلیون|میلیارد|تومان|ریال|مورد)))")
# the page's own link printed on it: «لینک کوتاه: https://…/content/712345», «نشانی خبر: …»
_OWN_LINK = re.compile(r"(?:لینک|پیوند|نشانی|آدرس)\s*(?:کوتاه|خبر|مطلب|کوتاه\s*خبر)|مشروح\s*(?:خبر|مطلب|گزارش)|short\s*link",
                       re.IGNORECASE)  # «مشروح خبر: https://…»: a channel post's link to the story itself
_LINK = re.compile(r"https?://\S+")
_PUBLISH_LABEL = re.compile(r"تاریخ\s*(?:انتشار|خبر|درج)|زمان\s*انتشار|انتشار\s*[:：]|منتشر\s*شده")
_NOT_PUBLISHED = re.compile(r"به\s*روز|بروز\s*رسانی|به\s*روزرسانی|ویرایش|امروز|Updated|Today", re.IGNORECASE)
_CATEGORY = re.compile(r"(?:دسته(?:\s|\u200c)*بندی|سرویس|گروه)\s*[:：]\s*(.+)$")
_REPORTER = re.compile(r"(?:کد\s*)?خبرنگار\s*[:：]\s*([0-9۰-۹A-Za-z]+)")


# the paragraphs where a credit may open the story: a page may keep a share form's lines
# («Enter the email address …») and a lead above it
_FIRST_PARAGRAPHS = 8


def _to_latin(s: str) -> str:
    return s.translate(DIGITS_TO_LATIN)


_ARABIC = str.maketrans("يكى", "یکی")
_URL_ID = re.compile(r"/(?:news|fa/news|doc|content|\w*news-)[/-]?(\d{5,})|[/-](\d{6,})(?:[/-]|$)")


def _news_id(doc: Document) -> str | None:
    """«کد خبر: …» and its variants anywhere on the page, else the id in the article's URL."""
    given = doc.given.get("news_id")
    if given:
        return str(given)
    m = _NEWS_ID.search(doc.page.translate(_ARABIC))
    if m:  # «کد خبر : 335,986»: a thousands separator in the id
        return re.sub(r"[,٬]", "", _to_latin(m.group(1) or m.group(2) or m.group(3)))
    urls = [doc.given.get("url") or ""] + _own_links(doc.page)
    for url in urls:
        if m := _URL_ID.search(url):
            return m.group(1) or m.group(2)
    if m := _OPENING_ID.match(doc.page):
        return _to_latin(m.group(1))
    return None


def _own_links(raw: str) -> list[str]:
    """URLs on lines that label them as the article's own link; other links on a page lead elsewhere."""
    return [m.group() for line in raw.splitlines() if _OWN_LINK.search(line) for m in _LINK.finditer(line)]


def _published(doc: Document, lines: list[cleaning.Line], title_start: int,
               footer: list[cleaning.Line]) -> tuple[datetime, str] | None:
    """The given date, else the best date of the page head, else one the footer labels as
    the publication date (a newspaper's «… به تاریخ ۲۱ فروردین ۱۴۰۳ منتشر شده است»)."""
    given = doc.given.get("published")
    if isinstance(given, (int, float)) and not isinstance(given, bool) or re.fullmatch(r"\d{9,10}", str(given or "")):
        dt = datetime.fromtimestamp(int(given), TEHRAN)  # Unix time (seconds), as some exports give it
        return (dt, str(given)) if plausibly_published(dt.date()) else None
    if given:
        found = parse_published(str(given))
        if found:
            return found.dt, found.text
        try:
            dt = datetime.fromisoformat(str(given).replace("Z", "+00:00"))
            if plausibly_published(dt.date()):
                return (dt if dt.tzinfo else dt.replace(tzinfo=TEHRAN)), str(given)
        except ValueError:
            pass
    return (_dated_line(lines, title_start) or _dated_line(footer, -1, labelled_only=True)
            or _closing_date(footer) or _dated_in_lead(doc))


# «… بوشهر +تصویر- اخبار بوشهر - اخبار استان‌ها تسنیم», «…، روزنامه شیراز نوین»: a site's suffix after the headline
_CAPTION_SUFFIX = re.compile(r"(?<=[\u0600-\u06FF])(?:\s+[a-z]+){1,3}\s*$")
_SITE_SUFFIX = re.compile(r"\s*(?:\+\s*(?:تصویر|فیلم|عکس|صوت|ویدئو|ویدیو))?\s*(?:[-–|]\s*(?:اخبار|خبرگزاری|پایگاه)[^-–|]*"
                          r"|[،,]\s*(?:روزنامه|هفته\s*\u200c?نامه|خبرگزاری|پایگاه\s+خبری)\s[^-–|،,]{2,40})+$")


_DECIMAL_SIGN = re.compile(r"(?<=[0-9۰-۹])٫(?=[0-9۰-۹])")


def _shown(title: str) -> str:
    """The headline normalised, with each decimal sign and quotation mark as the page writes it
    («۱۰.۵ درصد», «۱۲/۵ درصد», “کودک آزاری”): hazm writes «٫» and guillemets, and a researcher who
    searches for the headline types what the page shows."""
    norm = normalize_paragraph(title).strip()
    if "٫" not in norm and "«" not in norm and "»" not in norm:
        return norm
    at = align(title, norm)
    norm = _QUOTE_MARK.sub(lambda m: title[at[m.start()]] if title[at[m.start()]] in _QUOTES else m.group(), norm)
    return _DECIMAL_SIGN.sub(lambda m: title[at[m.start()]] if title[at[m.start()]] in "./٫," else "٫", norm)


_QUOTE_MARK = re.compile(r"[«»]")
_QUOTES = "«»“”„\"'‘’"


def _without_site(title: str) -> str:
    """The headline without the site's name and section the page glued after it, nor an image's
    lower-case Latin caption («… چقدر است tv logo»)."""
    cut = _CAPTION_SUFFIX.sub("", _SITE_SUFFIX.sub("", title)).strip()
    return cut if len(cut.split()) >= 3 else title


# «مدیرکل بهزیستی استان البرز خبر داد؛ برگزاری جشنواره … البرز وجیهه محمدی مدیرکل …»: a channel post or a
# copy run into one line: a kicker that names who said it, the headline, then the lead from its speaker
_KICKER = re.compile(r"^[^\n.:؛]{5,90}?(?:خبر\s*داد|گفت|اعلام\s*کرد|تا[كک]ید\s*کرد|تأکید\s*کرد)\s*؛\s*")


def _kicker_title(first: str) -> str | None:
    """The headline between a kicker and the lead of a one-line page: up to a given name that a post
    follows, or up to a post after five words at least; None when the line has no kicker."""
    m = _KICKER.match(first)
    words = first[m.end():].split() if m else []
    for i in range(3, min(len(words) - 2, 30)):
        named = is_given_name(words[i]) and any(key(w) in ROLE_FIRST_WORDS for w in words[i + 1:i + 5])
        if named or i >= 5 and key(words[i]) in ROLE_FIRST_WORDS:
            return " ".join(words[:i])
    return None


def _closing_date(footer: list[cleaning.Line]) -> tuple[datetime, str] | None:
    """A date alone on the page's last line, where some press offices print the story's day, or alone on
    the line right after the story («… در حال ساخت است. / ۲ اسفند ۱۴۰۲ ۱۰:۳۶ / کد خبر: …»)."""
    for line in footer[-1:] + footer[:1]:
        if cleaning.is_meta_line(line) and (found := parse_published(line.text)) \
                and (line is footer[-1] or len(line.text.strip()) - len(found.text) <= 2):
            return found.dt, found.text
    # «انتهای پیام / ۲۷ فروردین ۱۴۰۳ - ۱۱:۳۱», «انتهای پیام / • شنبه/ ۱۱ اسفند ۱۴۰۳ / ۰۸:۵۳»: the agency's own line
    if len(footer) > 1 and _STORY_END.match(footer[0].text) and (found := parse_published(footer[1].text)) \
            and _ONLY_DAY.fullmatch(footer[1].text.replace(found.text, "")):
        return found.dt, found.text
    return None


def _date_over_office(paragraph: str) -> tuple[datetime, str] | None:
    """The story's date alone on a line over the office's name, which the cleaner kept as the story's
    last paragraph («۲ اسفند ۱۴۰۲ ۱۰:۳۶ / روابط عمومی اداره کل تعاون …»)."""
    first, _, rest = paragraph.partition("\n")
    found = parse_published(first) if rest.strip() else None
    if found and len(first.strip()) - len(found.text) <= 2:
        return found.dt, found.text
    return None


_STORY_END = re.compile(r"\s*(?:انتهای\s*(?:پیام|خبر)|پایان\s*(?:خبر|پیام))\s*/?\s*$")
# what may stand beside a date on its line: bullets, bars and a weekday
_ONLY_DAY = re.compile(r"[\s•*/|\-–—]*(?:(?:یک|دو|سه|چهار|پنج)?[\s\u200c]*شنبه|جمعه)?[\s•*/|\-–—]*")


def _dated_in_lead(doc: Document) -> tuple[datetime, str] | None:
    """A press release that dates its event in its first lines («امشب مورخ 1402/3/24، …»), or a lead
    that opens with its day and a dash before the agency's dateline («سه شنبه ۲۱ آبان ۱۳۹۲ – هرانا – …»)."""
    first = doc.text.split("\n", 2)[:2]
    for para in first:
        if m := re.search(r"(?:مورخ|به\s*تاریخ)\s+([^،,]{6,30})", para):
            if found := parse_published(m.group(1)):
                return found.dt, found.text
        if (m := _DATE_DATELINE.match(para)) and (found := parse_published(m.group(1))):
            return found.dt, found.text
    return None


_DATE_DATELINE = re.compile(r"\s*((?:[\u0600-\u06FF\u200c]+\s+){0,2}[0-9۰-۹]{1,2}\s+[\u0600-\u06FF]+\s+[0-9۰-۹]{4})\s*[–—-]")


def _dated_line(lines: list[cleaning.Line], title_start: int, labelled_only: bool = False) -> tuple[datetime, str] | None:
    """The best-ranked publication date among ``lines``; with ``labelled_only``, only a labelled one."""
    best = None
    for line in lines:
        labelled = bool(_PUBLISH_LABEL.search(persian_letters(line.text)))  # «تاريخ خبر:» with Arabic ي too
        if labelled_only and not labelled:
            continue
        in_head = line.start < title_start
        if not (in_head or labelled or cleaning.is_meta_line(line)):
            continue
        if _NOT_PUBLISHED.search(line.text) and not labelled:
            continue
        found = parse_published(line.text)
        if not found:
            continue
        rank = (2 if labelled else 0) + (1 if found.has_time else 0)
        if best is None or rank > best[0]:
            best = (rank, found.dt, found.text)
    return (best[1], best[2]) if best else None


def _agency_and_province(doc: Document, paragraphs: list[str], head: list[str], tail: str) -> tuple[Credit | None, str | None]:
    """Who the page credits for the story (:mod:`builder.read.credits`), and the province of its dateline.

    In order: the input's own field; a credit line «به گزارش …» in the first paragraphs; a
    dateline or a label opening one («مشهد- ایرنا-», «ایسنا: …»); a «منبع:» label; the original
    source at the story's end («…/ایرنا», a press office's line), which takes over from a site's
    own credit, as do a «منبع:» label and a known agency the official spoke to; a short line near the
    headline naming an agency («ایلنا:», «خبرگزاری جمهوری اسلامی - ۲ خرداد ۱۳۹۶», a bar
    «… | مرکز گیلان»); the medium an official spoke to («در گفت‌وگو با ایرنا»); the site of the
    page's own link; the site named by its comment rules.
    """
    given = doc.given.get("agency")
    credit = Credit(str(given), agency_for(str(given)), str(given)) if given else None
    province = None
    first = paragraphs[:_FIRST_PARAGRAPHS]
    for find in (credits.from_credit_line, credits.from_lead):
        for para in first:
            found = find(para)
            if found is None:
                continue
            credit = credit or found
            if province is None and found.agency is not None:
                spans = find_agencies(found.frame)
                province = _province_in(found.frame[spans[0][1]:] if spans else "")
    if credit is None:  # «به گزارش افکارنیوز،» on a line of its own, left out of the body
        credit = next((found for line in head if (found := credits.from_credit_line(line))), None)
    credit = credit or credits.from_source_label(doc.page)
    if credit is None or (credit.agency is None and not credits.is_office(credit.name)):
        # a site's own credit gives way to the story's original source named at its end («…/ایرنا»),
        # or to the agency the official spoke to («به گزارش اقتصادتهران، … در گفت‌وگو با ایسنا»)
        told = next((c for para in paragraphs[:12] if (c := credits.from_interview(para)) and c.agency is not None), None)
        quoted = credit is not None and "نقل" in credit.frame  # «به نقل از خبرنامه پیک ایران»: the story's source
        # «به گزارش مدل کودک، …» and later «به گزارش مدل کودک به نقل از ایسنا، …»: the agency it quotes
        quoting = next((c for para in paragraphs[:12] if (c := credits.from_credit_line(para))
                        and c.agency is not None and "نقل" in c.frame), None)
        credit = credits.from_trailer(doc.page) or quoting \
            or (None if quoted else credits.from_source_label(doc.page) or told) or credit
    labels = [ln for ln in head if re.fullmatch(r"[^:：]{2,30}[:：]\s*", ln)]  # «ایلنا:» before a site's name
    for line in [*labels, *head]:  # the site's name printed near the headline, alone or in a bar («… | مرکز گیلان»)
        for part in cleaning.bar_items(line):
            if credit is None and len(part.split()) <= 6 and (entry := agency_for(part)):
                credit = Credit(entry.name, entry, part)
    for para in first:
        credit = credit or credits.from_interview(para)
    for url in [doc.given.get("url") or "", *_own_links(doc.page)]:  # the site of the page's own link
        if credit is None and url and (entry := agency_for(url)):
            credit = Credit(entry.name, entry, url)
    if credit is None:  # comment rules often name the site: «"ایسنا" مجاز به ویرایش ...»
        for m in re.finditer(r"[«\"]([^»\"]{2,20})[»\"]|خبرگزاری\s+([\u0600-\u06FF\u200c]+)", tail):
            if entry := agency_for(m.group(1) or m.group(2)):
                credit = Credit(entry.name, entry, m.group())
                break
    return credit, province


def _province_in(text: str) -> str | None:
    for _, _, entry in find_places(text or ""):
        if entry.kind == "province":
            return entry.key
        if entry.province:
            return entry.province
    return None


# a provincial office's own site prints its name over the story: «استانداری ایلام», «اداره کل بهزیستی استان یزد»
_OFFICE_HEAD = re.compile(r"^\s*(?:استانداری|فرمانداری|اداره[\s\u200c]*کل|بهزیستی|کمیته[\s\u200c]*امداد|روابط[\s\u200c]*عمومی)\s")


def _office_province(header: list[str]) -> str | None:
    """The province of a provincial office whose site prints its name above the headline, for a story that
    names no province of its own («… بهزیستی استان از مرکز اورژانس اجتماعی بازدید کرد» on «استانداری ایلام»)."""
    for line in header:
        if _OFFICE_HEAD.match(line) and len(line.split()) <= 6 and (province := _province_in(line)):
            return province
    return None


def _main_province(doc: Document) -> str | None:
    """The province the body is clearly about: the only one mentioned, or mentioned
    (cities count for their province) twice as often as any other.  A national
    story that lists provinces has none."""
    counts: dict[str, int] = {}
    for _, _, entry in doc.place_names:
        prov = entry.key if entry.kind == "province" else entry.province
        if prov:
            counts[prov] = counts.get(prov, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


@component("metadata", requires=("page", "given", "body", "title_span", "text", "place_names"), assigns=("article",))
def read_metadata(doc: Document) -> None:
    meta = doc.article
    page = doc.page
    lines = cleaning.lines_of(page)
    body_start = doc.body[0][0] if doc.body else len(page)
    body_end = doc.body[-1][1] if doc.body else len(page)
    title_span = doc.title_span
    title_start = title_span[0] if title_span else body_start
    head = [ln for ln in lines if ln.end <= body_end]

    meta.news_id = _news_id(doc)
    footer = [ln for ln in lines if ln.start >= body_end]
    last = page[doc.body[-1][0]:body_end] if doc.body else ""
    published = _published(doc, head, title_start, footer) or _date_over_office(last)
    if published:
        meta.published, meta.published_text = published
    for line in head:
        if line.start >= body_start and not cleaning.is_meta_line(line):
            continue
        if meta.category is None and (c := _CATEGORY.search(line.text)):
            meta.category = normalize_paragraph(c.group(1).strip())
        if meta.reporter is None and (r := _REPORTER.search(line.text)):
            meta.reporter = _to_latin(r.group(1))

    title = doc.given.get("title") or (page[title_span[0]:title_span[1]] if title_span else None)
    meta.title = _without_site(_shown(title)) if title else None
    if meta.title is None and doc.text:
        meta.title = _kicker_title(doc.text.split("\n", 1)[0])
    meta.url = doc.given.get("url")
    paragraphs = doc.text.split("\n") if doc.text else []
    title_key = key(meta.title or "")
    rest = [p for p in paragraphs if key(p) != title_key]
    if len(rest) > 1 and len(rest[0].split()) <= 80:
        meta.lead = rest[0]
    tail = page[body_end:]
    # the page head, and the short lines between the headline and the first paragraph («ایلنا:»,
    # «باشگاه خبرنگاران - ۳۱ تیر ۱۴۰۲»), which the body leaves out
    first_paragraph = next((s for s, _ in doc.body if title_span is None or s > title_span[0]), body_end)
    header = [ln.text for ln in lines if ln.start < title_start
              or (ln.start < first_paragraph and cleaning.is_meta_line(ln) and (title_span is None or ln.start > title_span[0]))]
    credit, meta.province = _agency_and_province(doc, paragraphs, header, tail)
    if credit is not None:
        meta.agency = credit.agency.name if credit.agency else credit.name
        meta.credit = credit.name
        meta.republisher = credit.via
    if meta.province is None and meta.category:
        meta.province = _province_in(meta.category)
    if meta.province is None:
        meta.province = _main_province(doc)
    if meta.province is None:
        meta.province = _office_province(header)
