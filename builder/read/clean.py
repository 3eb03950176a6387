"""Separate the article body from page furniture.

Scraped pages carry menus, date and id lines, comment rules, captcha, lists of
related headlines and adverts around the article.  Facts read from furniture
are wrong facts (a related headline names other officials), so the body is cut
out before anything is extracted.

The page is handled as lines with their raw offsets:

* the **tail** starts at the first end marker («انتهای پیام», «ارسال نظر»,
  comment rules, «اخبار مرتبط», …) that follows some body text; all of it goes;
* **header lines** (dates, «کد خبر», category, reporter, single menu words) are
  metadata, not body; :mod:`builder.read.metadata` reads them from ``raw``;
* the **title** is the first line repeated in the page head (pages print it
  twice), else the first content line that is not a surtitle; repeats count once;
* any body line repeated verbatim later is kept once;
* a page left with its headline alone (a menu line printed many times looks
  like a repeated headline) has no article.

The result is a list of raw ``(start, end)`` ranges, one per kept paragraph.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..text import datelines
from ..text.lexicon import is_stopword, word_frequency
from ..text.patterns import GAP, LETTER
from ..text.textkey import key, persian_letters

# A line that starts with one of these ends the article (and everything after it is furniture).
_END = re.compile(
    r"^\s*(?:[•*\-–]\s*)?(?:"
    r"انتهای\s*پیام|پایان\s*(?:خبر|پیام)|ارسال\s*نظر|ارسال\s*دیدگاه|نظرات|نظر\s*شما|دیدگاه(?:\s|\u200c)*(?:ها|های)?(?:\s|$)|"
    r"در\s*زمینه\s*انتشار\s*نظرات|نظرات\s*ارسال|دیدگاه(?:\s|\u200c)*های\s*ارسال|مجموع\s*نظرات|"
    r"آیا\s*این\s*خبر\s*(?:مفید|را)|ارسال\s*به\s*دوستان|اشتراک\s*گذاری|(?:اخبار|خبرهای|مطالب|پیوند(?:\s|\u200c)*های|لینک(?:\s|\u200c)*های|سایت(?:\s|\u200c)*های)\s*(?:مرتبط|مفید)|"
    r"پربیننده|پربازدید|پربحث|مهمترین\s*اخبار|(?:[─—\-=]+\s*)?(?:پست|مطلب)(?:\s|\u200c)*های\s*(?:بعدی|قبلی|دیگر)|مهم(?:\s|\u200c)*ترین\s*اخبار|آخرین\s*(?:اخبار|خبرها)|اخبار\s*روز|"
    r"برچسب(?:\s|\u200c)*(?:ها|های)?\s*[:：]|کلمات\s*کلیدی|کلیدواژه|تبلیغات|captcha|لطفا\s*عدد|"
    r"برای\s*ارسال\s*نظر|نام\s*و\s*نام\s*خانوادگی|پست\s*الکترونیک|لینک\s*کوتاه|کپی\s*شد"
    r")",
    re.IGNORECASE,
)
# a share bar's label («اشتراک گذاری», «اشتراک‌گذاری با …»): furniture, and no end of the article when a story follows
_SHARE_BAR = r"اشتراک\s*\u200c?گذاری"
# Header/metadata lines: never body.
_META = re.compile(
    r"(?:کد\s*(?:خبر|مطلب|خبرنگار)|شناسه\s*(?:خبر|مطلب)|تاریخ\s*(?:انتشار|خبر)|زمان\s*انتشار|انتشار\s*[:：]|"
    r"(?:ایجاد|منتشر|درج)\s*شده\s*(?:در\s*)?(?:تاریخ)?\s*[:：]|"  # «ایجاد شده در تاریخ: …»
    r"به\s*روز\s*(?:شده|رسانی)|بروز\s*رسانی|آخرین\s*به\s*روز|دسته(?:\s|\u200c)*بندی|سرویس\s*[:：]|گروه(?:\s*خبری)?\s*[:：]|"
    r"خبرنگار\s*[:：]|نویسنده\s*[:：]|منبع\s*[:：]|News\s*ID|تعداد\s*بازدید|زمان\s*مطالعه|دقیقه\s*مطالعه|"
    rf"شماره\s*(?:خبر|مطلب)\s*[:：]|^\s*(?:بیشتر\s*)?بخوانید\s*[:：]|تاریخ\s*(?:دریافت|ارسال|ثبت)\s*(?:خبر)?\s*[:：]|ارتباط\s*با\s*ما\s*[:：]|(?:پیام|پست){GAP}سنجاق{GAP}شده|"
    # a byline: «گزارش: شیرین مرادی», «گفت‌وگو از: …», «عکس: …»
    r"^\s*(?:گزارش|گفت(?:\s|\u200c)*و(?:\s|\u200c)*گو|عکس|ترجمه|تهیه\s*و\s*تنظیم|تنظیم|به\s*قلم)\s*(?:از)?\s*[:：]\s*\S+(?:\s+\S+){0,3}\s*$|"
    r"^\s*(?:کد|شناسه|خبر)\s*[:：]?\s*[0-9۰-۹]+\s*$|"
    # a login form: «نام کاربری یا نشانی ایمیل», «رمز عبور», «مرا به خاطر بسپار»
    r"^\s*(?:نام\s*کاربری|رمز\s*عبور|کلمه\s*عبور|مرا\s*به\s*(?:خاطر|یاد)\s*بسپار|فراموشی\s*رمز)(?:\s|$)|"
    # a share bar: «اشتراک گذاری با», then the messengers' names
    rf"^\s*{_SHARE_BAR}(?:\s+با)?(?:\s|$)|"
    # a comment counter: «۰ نظر، ۲ در صف انتشار و ۰ تکراری یا غیرقابل انتشار»; a comment form's «شما در حال
    # پاسخ به نظر «» هستید.»
    r"در\s*صف\s*انتشار|غیر\s*\u200c?قابل\s*انتشار|در\s*حال\s*پاسخ\s*به\s*نظر)",
    re.IGNORECASE,
)
_MONTHS = (
    "فروردین|اردیبهشت|خرداد|تیر|امرداد|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|"
    "ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
)
_DATE = re.compile(
    rf"[0-9۰-۹]{{1,4}}\s*[-/.\\]\s*[0-9۰-۹]{{1,2}}\s*[-/.\\]\s*[0-9۰-۹]{{1,4}}|[0-9۰-۹]{{1,2}}\s*(?:{_MONTHS})(?:\s|\u200c)*(?:ماه)?\s*[0-9۰-۹]{{2,4}}"
)
_PERSIAN_WORD = re.compile(rf"[{LETTER}\u200c]{{2,}}")
_LONG = 12  # words of a body paragraph; headlines and menu lines are shorter
_SHORT_LINE = 6  # a site's name or a byline between a headline and its story is shorter
# items of a navigation bar or a price ticker: «صفحه نخست | سیاسی | اقتصادی», «دلار: ۶۹,۸۵۰ تومان | یورو: …»
_BAR_SEPARATOR = re.compile(r"\s[|›•·]\s")
_BAR_LABEL = re.compile(r"^[^|›•·:]{0,40}:\s")  # «قیمت ارز: », «اوقات شرعی به افق یزد: » (not a clock's «۰۵:۰۷»)
_HASHTAGS = re.compile(r"(?:#[^\s#]+\s*)+")  # a channel post's tag line: «#کودکان_خیابانی #رشت»
_CREDIT_START = re.compile(r"\s*(?:به\s*گزا?رش|به\s*نقل\s*از)")  # a credit line opens the lead, never a headline
_SITE_NAME = re.compile(r"^\s*(?:خبرگزاری|پایگاه\s*خبری|روزنامه|سایت)\s|\s[-–|]\s*(?:خبرگزاری|پایگاه)")


@dataclass
class Line:
    start: int
    end: int
    text: str
    words: int = field(init=False, repr=False, compare=False)  # Persian words, counted once: asked again and again

    def __post_init__(self) -> None:
        self.words = len(_PERSIAN_WORD.findall(self.text))


@dataclass
class Cleaned:
    body: list[tuple[int, int]] = field(default_factory=list)  # raw ranges of kept paragraphs
    title: tuple[int, int] | None = None  # raw range of the title line
    header_end: int = 0  # raw offset where the header (metadata lines) ends


# a crawler's stamp at the top of a stored page: « date 2025-10-08 » before the story's first words
_CRAWL_STAMP = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?=\s|$)")
# a channel post's bullet inside a line: «… هستند 🔸️شکرالله …», «… در غرب خراسان 👤 محمدحسین …»
# (a symbol after a space starts an item, before a letter or digit, with or without a space)
_BULLET = re.compile(r"(?<=\s)(?:[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0f\u200d]*)+(?=[ \u00a0]?[^\W_])")


def _trimmed(raw: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without surrounding spaces, bullets and leading symbols (a channel post's «🔻», «🔹», «📌»;
    the en dash that parted it from the headline before it)."""
    while s < e and (raw[s].isspace() or raw[s] in "•\u200f\u200e\ufeff\ufe0f\u200d" or unicodedata.category(raw[s]) == "So"
                     or raw.startswith("– ", s)):
        s += 1
    while e > s and raw[e - 1].isspace():
        e -= 1
    return s, e


def _pieces(raw: str, s: int, e: int, first: bool) -> list[tuple[int, int]]:
    """One raw line cut where a stored page glues separate items into it: the crawler's date
    stamp before the first words of the page, and a channel post's emoji bullets."""
    cuts = [s]
    if first and (stamp := _CRAWL_STAMP.match(raw, s, e)):
        cuts.append(stamp.end())
    if first and (lead := _glued_lead(raw, cuts[-1], e)) is not None:
        cuts.append(lead)
    cuts += [m.start() for m in _BULLET.finditer(raw, s, e)]
    cuts.append(e)
    return [_trimmed(raw, a, b) for a, b in zip(cuts, cuts[1:])]


# the first words of a lead: a post or a credit
_LEAD_WORDS = (rf"(?:مدیرکل|مدیر{GAP}کل|مدیرعامل|مدیر|معاون|رئیس|رییس|سرپرست|دبیر|فرماندار|استاندار|شهردار|دادستان|"
               rf"نماینده|وزیر|به{GAP}گزارش)")
# a lead glued by an aggregator to the end of the headline before it («… خراسان شمالیمعاون اجتماعی اداره کل …»)
_LEAD_HEAD = re.compile(rf"(?<=[{LETTER}]){_LEAD_WORDS}(?=[\s\u200c])")
# the same after a space, where the headline before it ends in a verb: «… دریافت کرده‌اند | مدیرکل …»
_SPACED_LEAD_HEAD = re.compile(rf"(?<=[{LETTER}\u200c]) +(?={_LEAD_WORDS}[\s\u200c])")
_SPACED_DASH = re.compile(r" – ")  # an en dash between spaces: a headline's end, a hyphen never
_VERBS_ENDING = frozenset(("است", "شد", "شدند", "شود", "شوند", "کرد", "کردند", "کند", "کنند", "دارد", "دارند",
                           "هستند", "یافت", "رسید", "داد", "دادند"))


def _ends_in_verb(words: str) -> bool:
    """The last word is a verb: «… دریافت کرده‌اند», «… برگزار شد»."""
    last = words.split()[-1] if words.split() else ""
    return last in _VERBS_ENDING or len(last) > 5 and last.endswith(("\u200cاند", "هاند"))


def _glued_lead(raw: str, s: int, e: int) -> int | None:
    """Where a lead starts that an aggregator glued to the headline opening a page: the first such
    word that no lexicon knows («شمالیمعاون»), an en dash between spaces («… کرمانشاه – خبرگزاری
    مهر …»), or a post or credit after a space when the words before it end in a verb («… کارت
    معلولیت دریافت کرده‌اند مدیرکل بهزیستی … گفت»); when the headline before it has 3 to 30 words
    and a story follows; else None."""
    for m in _LEAD_HEAD.finditer(raw, s, e):
        word_start = max(raw.rfind(" ", s, m.start()), raw.rfind("\n", s, m.start())) + 1
        glued = raw[word_start:m.start()] + raw[m.start():m.end()].split()[0]
        if word_frequency(glued) is not None:
            continue
        if 3 <= len(raw[s:m.start()].split()) <= 30 and len(raw[m.start():e].split()) >= _LONG:
            return m.start()
    dash = _SPACED_DASH.search(raw, s, e)  # «… در مراکز بهزیستی کرمانشاه – خبرگزاری مهر …»
    if dash and 3 <= len(raw[s:dash.start()].split()) <= 30 and len(raw[dash.end():e].split()) >= _LONG:
        return dash.start()
    m = _SPACED_LEAD_HEAD.search(raw, s, e)  # the first post or credit after a space only
    if m and _ends_in_verb(raw[s:m.start()]) and 3 <= len(raw[s:m.start()].split()) <= 30 \
            and len(raw[m.end():e].split()) >= _LONG:
        return m.end()
    return None


# a surtitle: who reported it, above the headline
_SURTITLE = re.compile(rf"(?:خبر{GAP}داد|گفت|اعلام{GAP}کرد|تا[کأ]ید{GAP}کرد|مطرح{GAP}کرد)\s*[:.]?\s*$")


def lines_of(raw: str) -> list[Line]:
    """Non-blank lines with their raw offsets, trimmed (:func:`_trimmed`) and cut into their items
    (:func:`_pieces`); the lines of a paragraph that the page wrapped by hand are joined again
    (:func:`_unwrap`), so a joined line's text may hold line breaks."""
    out: list[Line] = []
    blank_before: list[bool] = []
    last_end = 0
    # the first line in Persian («Saturday, March 4, 2017» may come before it) may hold a glued lead; so may
    # the one after it when it is a surtitle («رئیس سازمان بهزیستی کشور خبر داد» above the headline)
    persian, headline_next = False, True
    for m in re.finditer(r"[^\r\n]+", raw):
        for s, e in _pieces(raw, m.start(), m.end(), headline_next):
            if s < e:
                blank_before.append(bool(out) and raw.count("\n", last_end, s) > 1)
                out.append(Line(s, e, raw[s:e]))
                last_end = e
                if _PERSIAN_WORD.search(raw, s, e):
                    headline_next = not persian and bool(_SURTITLE.search(raw, s, e)) and len(raw[s:e].split()) <= 12
                    persian = True
    return _unwrap(raw, out, blank_before)


# A line that ends in one of these is finished: a sentence's stop, a quotation's close, a colon
# before a quoted line, a label's dash.  Anything else may be a paragraph wrapped by hand.
_CUT_LETTER = re.compile(r"(?<=\s)[\u0620-\u064A\u067E-\u06D3](?<!و)\s*$")  # «… در هفته ک»: a word cut after its first letter
_FINISHED = re.compile(r"[.!?؟…»\"”:：؛;|\-–—>)\]]\s*$")
# words that cannot end a sentence or a headline: a preposition or conjunction waiting for its
# noun, a pronoun or a post head waiting for its verb or organisation, a credit waiting for its
# source («به گزارش⏎خبرگزاری …»), a comma
_OPEN_END = re.compile(
    r"(?:[،,]|(?<![\w\u200c])(?:از|در|به|با|برای|بر|تا|که|را|و|یا|این|آن|وی|او|خبرنگار|به\s+گزارش|"
    rf"مدیر{GAP}کل|مدیر|معاون|رئیس|رییس|دبیر|سرپرست|فرماندار|استاندار|شهردار|دادستان|نماینده|وزیر))\s*$")
# words that cannot start one: a verb finishing the previous line's clause
# a line that opens with a dateline opens the story's first paragraph: never the rest of a line before it
_OPENS_WITH_DATELINE = re.compile(rf"^\s*(?:{datelines.form('paren')}|{datelines.form('dashed')})")
_CONTINUATION = re.compile(rf"^\s*(?:است|بود|شد|شده|شدند|هستند|می{GAP}\S+|خبر\s*داد|اظهار\s*(?:کرد|داشت)|"
                           rf"خاطر{GAP}نشان\s*کرد|تصریح\s*کرد|افزود|گفت)(?![\w\u200c])")
_WRAPPED_SHARE = 0.5  # of a block's lines left open: a page wrapped at a fixed width
_WRAPPED_LINES = 3  # long lines left open, at least: a headline, a date and a site's name are not a paragraph


def _unwrap(raw: str, lines: list[Line], blank_before: list[bool]) -> list[Line]:
    """Join the lines of a paragraph that a page broke at a fixed width («… از شناسایی و پلمب⏎
    ۱۷ کمپ …», a name split «علی⏎شمشیری»), so that names, credits and quotes stay in one line.

    Within a block of lines with no blank line between them, a line is joined to the next when
    the block is wrapped as a whole (at least four lines and half of them left open), or when
    its last word cannot end a sentence («از», «وی», «مدیرکل», a comma) or the next line starts
    with the verb of its clause («است.», «خاطرنشان کرد:»).  A headline ends in none of these,
    and a line printed again right after itself is a headline repeated, never a wrapped line.
    """
    from ..text.lexicon import is_given_name  # the lexicon loads lists: only when a page has lines

    if len(lines) < 2:
        return lines
    blocks: list[list[int]] = []
    for i in range(len(lines)):
        if i == 0 or blank_before[i]:
            blocks.append([])
        blocks[-1].append(i)
    out: list[Line] = []
    for block in blocks:
        open_ = [not _FINISHED.search(lines[i].text) for i in block]
        left_open = [lines[i] for i, o in zip(block[:-1], open_) if o]
        long_open = sum(ln.words >= 6 for ln in left_open)  # a menu's or a page head's lines are short
        wrapped = (len(block) >= 4 and len(left_open) >= _WRAPPED_SHARE * (len(block) - 1)
                   and long_open >= max(_WRAPPED_LINES, _WRAPPED_SHARE * len(left_open)))
        if wrapped:  # a colon there ends a wrapped line like any word: the quotation follows
            open_ = [o or lines[i].text.rstrip().endswith((":", "：")) for o, i in zip(open_, block)]
        printed = Counter(lines[i].text.strip() for i in block)
        current = lines[block[0]]
        for n, i in enumerate(block[1:], 1):
            nxt = lines[i]
            last_word = current.text.split()[-1] if current.text.split() else ""
            hashtag = nxt.text.lstrip().startswith("#") and re.search(r"[\u0620-\u06D3۰-۹]\s*$", current.text)
            join = open_[n - 1] and (hashtag or
                wrapped or _OPEN_END.search(current.text) or _CONTINUATION.match(nxt.text)
                or (is_given_name(last_word) and len(current.text.split()) <= 3))
            repeated = printed[lines[block[n - 1]].text.strip()] > 1  # a headline printed twice or more
            if join and not (repeated or _META.search(current.text) or _is_bar(current.text) or _END.match(nxt.text)
                             or _OPENS_WITH_DATELINE.match(nxt.text)):
                current = Line(current.start, nxt.end, raw[current.start:nxt.end])
            else:
                out.append(current)
                current = nxt
        out.append(current)
    return out


def bar_items(text: str) -> list[str]:
    """The items of a line read as a bar («خبرگزاری صدا و سیما | مرکز گیلان»): the line itself if it has none."""
    return [item.strip() for item in _BAR_SEPARATOR.split(text) if item.strip()]


def _is_bar(text: str) -> bool:
    """A menu bar or ticker: three or more short items between separators.

    Its many words would otherwise make it look like a body paragraph (so the
    headline after it is lost) and a ticker's prices would be read as figures.
    The bar may start with a label («اوقات شرعی به افق یزد: اذان صبح ۰۵:۰۷ | …»).
    """
    items = _BAR_SEPARATOR.split(_BAR_LABEL.sub("", text, count=1))
    return len(items) >= 3 and all(len(_PERSIAN_WORD.findall(item)) <= 4 for item in items)


def is_meta_line(line: Line) -> bool:
    """Dates, ids, category or reporter lines, lone menu words and menu bars."""
    meta = _META.search(persian_letters(line.text))  # «تاريخ خبر:» with Arabic ي too
    if meta and (line.words <= _LONG or meta.start() == 0):  # a long paragraph may end in «خبرنگار: …»
        return True
    if _is_bar(line.text) or _HASHTAGS.fullmatch(line.text):
        return True
    if line.words <= 5 and _DATE.search(persian_letters(line.text)):  # «۱۶ دي ۱۳۹۹» with Arabic ي
        return True
    return line.words <= 2 and len(line.text) < 30 and not re.search(r"[0-9۰-۹]", line.text)


def _tail_start(lines: list[Line]) -> int:
    """Index of the first line of the page tail; len(lines) when there is none.

    A share widget («لینک کوتاه», «کپی شد») ends the article only when no story paragraph follows it
    before the next end marker: some sites print it between the summary and the story."""
    seen_body = 0
    for i, line in enumerate(lines):
        if seen_body >= 2 and _END.match(line.text) and not (_SHARE_WIDGET.match(line.text) and _story_after(lines, i)):
            return i
        if line.words >= 8:
            seen_body += 1
    return len(lines)


_SHARE_WIDGET = re.compile(rf"^\s*(?:لینک\s*کوتاه|کپی\s*شد|{_SHARE_BAR})")
_STORY = 20  # words of a paragraph of the story (a related headline is shorter)


def _story_after(lines: list[Line], i: int) -> bool:
    """A story paragraph (long, ending its sentence) follows line ``i`` before the next end marker."""
    for line in lines[i + 1:]:
        if _END.match(line.text) and not _SHARE_WIDGET.match(line.text):
            return False
        if line.words >= _STORY and re.search(r"[.!؟?»]\s*$", line.text):
            return True
    return False


# a site's name and its section: «سپیدارآنلاین: گروه اجتماعی» (the site may be the story's credit; never its headline)
_SECTION_LABEL = re.compile(r"^\s*[^:：\n]{2,30}[:：]\s*گروه\s+\S+(?:\s+\S+)?\s*$")


def _title_candidate(line: Line) -> bool:
    """A line that can be a headline: a few words, not a breadcrumb, menu, site name or surtitle."""
    text = line.text
    return (
        line.words >= 3
        and not is_meta_line(line)
        and ">" not in text and "›" not in text and "»»" not in text
        and not re.search(r"@\w|https?://|www\.", text)  # a contact line or a link
        and not re.search(r"[:：؛;]\s*$", text)
        and not _SITE_NAME.search(text)
        and not _CREDIT_START.match(text)
        and not _SECTION_LABEL.match(text)
        and not (line.words >= _LONG and re.search(r"[.!؟?]\s*$", text))  # a body sentence repeated on the page
        and not (" | " in text and any(len(item.split()) <= 2 for item in text.split(" | ")))  # «خبیرنیوز | خلاصه خبر»
    )


def _paragraph(line: Line) -> bool:
    """A body paragraph: long, not metadata, and not a site's tagline in parts («کانال رسمی … | اخبار استان»)."""
    return line.words >= _LONG and not is_meta_line(line) and " | " not in line.text


def _long_headline(lines: list[Line], i: int, last: int) -> bool:
    """A headline as long as a short paragraph: no closing full stop, and a long paragraph right after it.

    Headlines of speeches and interviews quote a whole clause («نماینده زابل در
    مجلس: خشکسالی، کودکان … بیرون کرده است»); body paragraphs end with a stop.
    """
    line = lines[i]
    if line.words > 24 or re.search(r"[.!?؟…»\"]\s*$", line.text) or not _title_candidate(line):
        return False
    # the paragraph after it, past a date line, a short line or two (the site's name, a byline) and a line that
    # introduces a speaker («وحیدی وزیر کشور در صحن علنی:»); a channel's post may go on in short sentences
    after = next((j for j in range(i + 1, min(last, i + 5)) if not is_meta_line(lines[j])
                  and lines[j].words >= _SHORT_LINE and not re.search(r"[:：]\s*$", lines[j].text)
                  and key(lines[j].text) not in key(line.text)), None)  # «… با آغاز فصل سرما/آمادگی …» and its half again
    return after is not None and (lines[after].words >= _LONG or re.search(r"[.!؟?]\s*$", lines[after].text) is not None)


def _title_index(lines: list[Line], first: int, last: int) -> tuple[int | None, set[int], int | None]:
    """The title line, the later lines that repeat it, and the line the story starts at.

    Pages print the headline twice (page title and article title): the first
    repeated line is the title.  Otherwise the title is the last headline-like
    line before the first long paragraph (menus, breadcrumbs, site names and
    surtitles ending in a colon come before it).  The story starts at its title,
    except where a summary is printed above the title: then it starts at the summary.
    """
    window = range(first, min(last, first + 40))
    keys = {i: key(lines[i].text) for i in window}
    for i in window:
        repeats = {j for j in window if j > i and keys[j] == keys[i]}
        if repeats and _title_candidate(lines[i]):
            return i, repeats, i
    body = next((i for i in window if _paragraph(lines[i])), None)
    if body is None:
        return None, set(), None
    if _long_headline(lines, body, last):
        return body, set(), body
    before = _headline_before(lines, first, body)
    if before is not None and _shares_words(lines[before], lines[body]):
        if before > first and _title_candidate(lines[before - 1]) and keys[before - 1] != keys[before] \
                and keys[before - 1].startswith(keys[before]):
            before -= 1  # a headline's first words printed again under it («دختران سیستان و بلوچستان»): the headline
        return before, set(), before
    # a summary before the page's date lines, the headline after them («سرتیتر: / خلاصه / کد خبر /
    # تاریخ انتشار / تیتر / متن», or with no date line between): a headline right after a date line,
    # or right after a summary under a surtitle, and right before a paragraph
    # or a headline right before the paragraph that opens with the story's credit («به گزارش …»)
    surtitle = body > first and re.search(r"[:：]\s*$", lines[body - 1].text)  # «معاون …: / خلاصه / تیتر»
    for i in range(body + 1, min(last - 1, body + 8)):
        after_meta = is_meta_line(lines[i - 1]) or (surtitle and i == body + 1)
        credited = _CREDIT_START.match(lines[i + 1].text) is not None
        short = lines[i].words < _LONG or lines[i].words <= 24 and not re.search(r"[.!?؟…]\s*$", lines[i].text)
        if (after_meta or credited) and _title_candidate(lines[i]) and short and _paragraph(lines[i + 1]):
            return i, set(), body  # the summary is the story's lead
    # a line before the story that shares no word with it is a section's or a menu's («تحولات لبنان و فلسطین»),
    # but the best there is when no headline follows the summary
    return (before, set(), before) if before is not None else (None, set(), None)


def _headline_before(lines: list[Line], first: int, body: int) -> int | None:
    """The nearest headline-like line of the four before the first paragraph ``body``; lines of numbers
    and marks between them («کد خبر: ۹۷۶۹۵۰», «|», a date, «۵۰۶۰ بازدید») are not counted among the four
    (a menu's words are)."""
    counted = 0
    for i in range(body - 1, first - 1, -1):
        if _title_candidate(lines[i]):
            return i
        if _PERSIAN_WORD.search(lines[i].text) and not re.search(r"[0-9۰-۹]", lines[i].text):
            counted += 1
        if counted == 4:
            return None
    return None


def _shares_words(line: Line, paragraph: Line) -> bool:
    """The line and the paragraph have a content word in common (three letters or more, not a function word)."""
    words = {key(w) for w in _PERSIAN_WORD.findall(line.text) if len(w) >= 3 and not is_stopword(w)}
    return bool(words & {key(w) for w in _PERSIAN_WORD.findall(paragraph.text)})


def clean(raw: str) -> Cleaned:
    lines = lines_of(raw)
    if not lines:
        return Cleaned()
    end = _tail_start(lines)
    first = 0
    while first < end and is_meta_line(lines[first]):
        first += 1
    if first == end:
        return Cleaned()
    title, repeats, begin = _title_index(lines, first, end)
    if title is None:  # no headline: the body starts at the first long paragraph
        title_span, begin = None, next((i for i in range(first, end) if lines[i].words >= _LONG), first)
    else:
        title_span = (lines[title].start, lines[title].end)
    out = Cleaned(title=title_span, header_end=lines[begin].start)
    seen: set[str] = set()
    for i in range(begin, end):
        line = lines[i]
        k = key(line.text)
        if i in repeats or k in seen or is_meta_line(line):
            continue
        seen.add(k)
        out.body.append((line.start, line.end))
    if out.body == [title_span]:  # a headline alone (often a menu line repeated) is not an article
        return Cleaned()
    if out.body:
        out.body[-1] = _without_cut_word(raw, *out.body[-1])
    return out


def _without_cut_word(raw: str, start: int, end: int) -> tuple[int, int]:
    """A stored page cut off at a length ends in the middle of a word («… زیر پوشش کمیته امدا»):
    when the body runs to the end of the page in a paragraph left open, its last word is dropped,
    so that no name is read from half a word."""
    if raw[end:].strip() or _FINISHED.search(raw[start:end]):
        return start, end
    if len(_PERSIAN_WORD.findall(raw[start:end])) < _LONG and not _CUT_LETTER.search(raw, start, end):
        return start, end  # a short last line may end without a stop; a lone letter left of a word may not
    cut = max(raw.rfind(" ", start, end), raw.rfind("\u200c", start, end), raw.rfind("\n", start, end))
    if cut <= start:
        return start, end
    return start, start + len(raw[start:cut].rstrip())
