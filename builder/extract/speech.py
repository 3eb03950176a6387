"""Where reporting verbs are, and whether a mention is the subject opening its sentence.

Shared by coreference (a role that opens a reported sentence is a speaker)
and quotes.  Verbs come from :func:`builder.text.lexicon.reporting_verb_pattern`,
tolerant of ZWNJ/space variants («خبرداد», «تأکید کرد»).
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Mention
from ..text import datelines
from ..text.lexicon import reporting_verb_pattern

#: titles written before a name that are not part of it («دکتر», «سرهنگ», «حجت‌الاسلام»): persons leaves them
#: out of the name, so a sentence's subject may follow one
TITLES = ("دکتر", "مهندس", "حجت‌الاسلام‌والمسلمین", "حجت‌الاسلام", "حجت الاسلام", "والمسلمین", "آیت‌الله", "آیت الله",
          "سردار", "سرهنگ", "سرتیپ", "سرلشکر", "امیر", "استاد", "خانم", "آقای", "آقا", "حاجی", "حاج", "سرکار", "جناب")
_TITLE = "|".join(re.escape(t).replace(r"\ ", r"[\s\u200c]*").replace("\u200c", r"[\s\u200c]*") for t in TITLES)
#: titles before a name and the space after each: «به گفته خانم اسعدی», «و حجت‌الاسلام علی رضایی»
TITLED = re.compile(rf"(?:(?:{_TITLE})[\s\u200c]+)*")

# a credit's opening words: «به گزارش», «بنا بر گزارش», «طبق گزارش» (and the typo «به گزرش» pages keep)
_CREDIT = r"(?:به|بنا\s*بر|طبق)\s*گزا?رش"
# what may precede the subject: a dateline, «به گزارش ...،», and a few discourse adverbs
PREAMBLE = re.compile(
    # the datelines of builder.text.datelines: «ایسنا/خوزستان », «دهدشت- ایرنا-», «تهران (پانا) - »
    rf"^(?:{datelines.form('slash')}(?:\s*[-–—]\s*)?\s+|{datelines.form('dashed')}\s*|{datelines.form('paren')}\s*|"
    # a site's name before its credit: «ایده آل خبر _ به گزارش …»
    r"[\u0600-\u06FF\u200c ]{2,30}?\s*[_\-–—]\s+(?=به\s*گزا?رش)|"
    # a credit, commas inside its source's name allowed («… اداره کل تعاون،کار و رفاه اجتماعی استان البرز، »)
    rf"{_CREDIT}[^:؛\n]{{0,120}}[،,:؛]\s*|"  # «به گزرش …» (a typo pages keep) too
    # a source's label opening the lead: «ایسنا: », «میگنا: », «بازی دراز ۱۴۰۴: » (not «کردونی خبر داد: »)
    r"[\u0600-\u06FF\u200c]{2,20}(?:\s+[\u0600-\u06FF\u200c]{2,20})?(?:\s+[۰-۹0-9]{2,4})?\s*:\s+|"
    # a desk's label, the desk and the site: «سرویس جامعه خبرآنلاین: », «گروه استان‌ها - ایرنا: »
    r"(?:سرویس|گروه)(?:\s*[-–—]?\s*[\u0600-\u06FF\u200c]{2,20}){1,4}\s*:\s+|"
    # a credit with no comma before the name: «به گزارش یولن از گچساران عزیز اله دیلمی …»
    # or before the post: «به گزارش روابط عمومی بهزیستی استان یزد کارشناس مسئول …»; the source after
    # «به نقل از» is a few words of its own, no speaker («… استان بوشهر به نقل از بهزیستی گناوه یداله خرم‌نژاد …»)
    rf"{_CREDIT}(?:\s*(?!نقل\s)[^،,:؛\n\s]+){{1,7}}(?:\s+از\s+[^،,:؛\n\s]+)?"
    r"(?:\s+به\s+نقل\s+از(?:\s+[^،,:؛\n\s]+){1,4})?\s+|"
    # a dateline of one place or source and one dash, slash or bar: «ارومیه- », «فارس/ », «باشگاه خبرنگاران جوان - »,
    # «خرم‌آباد| », «بیجار_»
    r"[\u0600-\u06FF\u200c]{2,15}(?:\s[\u0600-\u06FF\u200c]{2,15}){0,2}\s*[-–—/|_]\s*|"
    # a reporter's label: «خبرنگار دنیای اقتصاد: », or a byline in a dateline: «مهدی غلامی خبرنگار اقتصادسرآمد- »
    r"(?:[\u0600-\u06FF\u200c]{2,20}\s+){0,3}خبرنگار(?:\s+[\u0600-\u06FF\u200c]{2,20}){1,3}\s*[:\-–—]\s*|"
    r"(?:همچنین|سپس|اما|ولی|در\s*ادامه|در\s*پایان|در\s*همین\s*حال|از\s*سوی\s*دیگر|وی\s*همچنین)[،,\s]*|"
    # when it was said before: «پیش از این …», «پیش‌تر …», «اخیراً …»
    r"(?:پیش\s*از\s*این|پیش[\s\u200c]*تر|قبلاً?|اخیراً?)[،,\s]+|"
    # «آن طور که معاون … می‌گوید: …», «چنان‌که … گفت»: as the subject says
    r"(?:(?:آن|همان)[\s\u200c]*(?:طور|گونه)|چنان)[\s\u200c]*که\s+|"
    # the comma of a credit the page broke onto the line before: «به گزارش خبرگزاری … مرکزی / ، مهدی …»,
    # or a dash that opens the paragraph: «- به گزارش خبرگزاری فارس از زنجان، هدایت صفری …»
    r"[،,\-–—]\s*|"
    # a short scene-setting phrase and a comma: «در ادامه این مراسم،», «در این نشست،»
    r"(?:در|طی|پس\s*از|همچنین\s*در)\s+(?:[\u0600-\u06FF\u200c]+\s+){0,4}[\u0600-\u06FF\u200c]+\s*[،,]\s*)*"
    # a title the person mention leaves out: «آقای شریفی …», «خانم دکتر صالحی …»
    # and an indefinite post: «یک مددکار انجمن … گفت»
    rf"(?:(?:{_TITLE}|یک)\s+)*[\"«“]?\s*$"
)


@component("verbs", requires=("text", "sentences"), assigns=("reporting_verbs",))
def find_reporting_verbs(doc: Document) -> None:
    """Reporting-verb matches (positions in ``doc.text``) by sentence index (:attr:`Document.reporting_verbs`),
    found once for persons, coreference and quotes."""
    pattern = reporting_verb_pattern()
    out: dict[int, list[re.Match]] = {}
    for sent in doc.sentences:
        found = list(pattern.finditer(doc.text, sent.start, sent.end))
        if found:
            out[sent.index] = found
    doc.reporting_verbs = out


# a credit opening its sentence, up to its comma: «به گزارش جواد احمدی- خبرنگار … از روابط عمومی …،»
_CREDIT_CLAUSE = re.compile(rf"\s*{_CREDIT}[^:؛\n]{{0,120}}?[،,]")
_BYLINE = re.compile(r"[\s\-–—ـ_]*خبرنگار")  # the name is a reporter's: «جواد احمدی- خبرنگار …»


def in_credit(doc: Document, mention: Mention) -> bool:
    """``mention`` is inside the credit that opens its sentence: a reporter («به گزارش جواد احمدی-
    خبرنگار …،»), not the story's speaker."""
    if mention.sentence < 0:
        return False
    sent = doc.sentences[mention.sentence]
    credit = _CREDIT_CLAUSE.match(doc.text, sent.start, sent.end)
    return credit is not None and mention.end <= credit.end() and bool(_BYLINE.match(doc.text, mention.end))


def opens_sentence(doc: Document, mention: Mention) -> bool:
    """True when ``mention`` is the subject at the start of its sentence."""
    if mention.sentence < 0:
        return False
    sent = doc.sentences[mention.sentence]
    earlier = [m for m in doc.mentions if m.sentence == mention.sentence and m.kind in ("person", "role", "pronoun")
               and m.start < mention.start and not in_credit(doc, m)]
    if earlier:
        return False
    return bool(PREAMBLE.match(doc.text[sent.start:mention.start]))
