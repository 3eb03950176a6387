"""Quotes: who said what, with which reporting verb.

A sentence with a reporting verb and a subject opening it (a person, a
surname, a pronoun or a role resolved by coreference) is a statement.  With a
colon after the verb the quoted words run to the end of the paragraph
(«گفت: ...»); without one, the words between subject and verb are the
reported content («... را مطرح کرد»), or, when the verb follows its subject right away, the
words after it («معاون … اظهار داشت به مردم …»).  A verb with nothing to report (a
surtitle such as «دادستان مرکز خوزستان عنوان کرد») is not a quote.  A role
that nobody holds keeps its words as a statement of the post, which facts
do not count as a quote.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Quote
from ..text.patterns import GAP
from .speech import TITLED, in_credit, opens_sentence

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "quotes"

_COLON = re.compile(r"\s*[:：؛]")
_THAT = re.compile(rf"{GAP}(?:[،,]{GAP})?که(?![\w\u200c])")
_AND = re.compile(r"[\s\u200c]*و[\s\u200c]*")  # «خبر داد و گفت», «خبر دادو گفت», «اعلام کرد وگفت»
_ACCORDING = re.compile(rf"(?<![\w\u200c])به{GAP}گفت(?:ه|ه{GAP}ی|ه‌ی|ە)(\s+)")
_MIN_INDIRECT_WORDS = 3
_MAX_WORDS_TO_VERB = 2  # «وی همچنین گفت …»: a word or two between speaker and verb


def _speaker(doc: Document, sentence: int, verb_start: int):
    """(person key, post title) of the mention opening the sentence before the verb."""
    for m in doc.mentions:
        if m.sentence != sentence or m.start >= verb_start or m.kind not in ("person", "role", "pronoun") \
                or in_credit(doc, m):  # «به گزارش جواد احمدی- خبرنگار …، …»: the reporter
            continue
        if not opens_sentence(doc, m):
            return None
        if m.kind == "role":
            post = doc.posts[m.ref]
            return post.holder, post.title, m
        return m.ref, None, m
    return None


# what may stand between the mentions of one subject: a comma, or a place's noun before its name
# («… آموزش و پرورش شهرستان‌های استان تهران»)
_APPOSED = re.compile(r"[\s\u200c،,]*(?:(?:شهرستان(?:[\s\u200c]*ها(?:ی)?)?|شهر|استان)[\s\u200c]+)?")


def _subject_end(doc: Document, mention, verb_start: int) -> int:
    """Where the subject ends: after the posts, bodies and places set beside the speaker
    («رحیم زمانی، مدیر کل آموزش و پرورش شهرستان‌های استان تهران گفته است …»), which are
    the subject, not words between it and its verb."""
    end = mention.end
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if end <= m.start < verb_start and m.kind in ("role", "organization", "place") \
                and _APPOSED.fullmatch(doc.text, end, m.start):
            end = max(end, m.end)
    return end


def _surface(doc: Document, start: int, end: int) -> str:
    """The verb as the page writes it («اظهارکرد», «گفتە است», «می گوید»): :meth:`Document.surface`,
    with a ZWNJ read as the space it stands for, so that spellings of one verb compare."""
    return re.sub(r"[\s\u200c]+", " ", doc.surface(start, end)).strip()


def _quote(doc: Document, sent, who, verb_start: int, verb_end: int, start: int, end: int) -> None:
    speaker, post, _ = who
    if post is None and speaker:  # «وی افزود», «کریمیان گفت»: the speaker keeps the post the article gives them
        post = next((p.title for p in doc.posts if p.holder == speaker), None)
    text = doc.text[start:end].strip()
    if text:
        doc.quotes.append(Quote(speaker, _surface(doc, verb_start, verb_end), text, post,
                                [doc.evidence(sent.start, sent.end, NAME)]))


@component(NAME, requires=("raw", "text", "sentences", "reporting_verbs", "mentions", "posts"), assigns=("quotes",),
           evidence=True)
def extract(doc: Document) -> None:
    for si, matches in doc.reporting_verbs.items():
        sent = doc.sentences[si]
        with_colon = [v for v in matches if _COLON.match(doc.text, v.end())]
        verb = with_colon[0] if with_colon else matches[-1]
        that = None if with_colon else next((v for v in matches if _THAT.match(doc.text, v.end())), None)
        verb = that or verb
        who = _speaker(doc, si, verb.start())
        if who is None:
            continue
        mention = who[2]
        if with_colon:
            colon = _COLON.match(doc.text, verb.end())
            line_end = doc.text.find("\n", colon.end())
            line_end = len(doc.text) if line_end < 0 else line_end
            start, end = colon.end(), line_end
        elif that is not None:  # «… گفته است که …», «… اعلام کرد که …»: reported speech after «که»
            start, end = _THAT.match(doc.text, verb.end()).end(), sent.end
        elif doc.text[verb.end():sent.end].strip(" .،!؟\n"):
            # «معاون … اظهار داشت به مردم …», «مدیرکل … می‌گوید از آغاز سال …»: the verb right after its
            # speaker, and what was said after it with neither colon nor «که»; else the verb is no report
            if len(doc.text[_subject_end(doc, mention, verb.start()):verb.start()].split()) > _MAX_WORDS_TO_VERB \
                    or len(doc.text[verb.end():sent.end].split()) < _MIN_INDIRECT_WORDS:
                continue
            start, end = verb.end(), sent.end
        else:
            start, end = mention.end, verb.start()
            if len(doc.text[start:end].split()) < _MIN_INDIRECT_WORDS:
                continue
        # «… خبر داد و اظهار کرد: …»: verbs joined by «و» before it report the same words
        for other in matches:
            if other.end() <= verb.start() and other.start() > mention.end \
                    and _AND.fullmatch(doc.text, other.end(), verb.start()):
                _quote(doc, sent, who, other.start(), other.end(), start, end)
        _quote(doc, sent, who, verb.start(), verb.end(), start, end)
    _according_to(doc)


def _according_to(doc: Document) -> None:
    """«به گفته X، …», «به گفته‌ی وی …»: what follows in the sentence is X's."""
    for m in _ACCORDING.finditer(doc.text):
        si = doc.sentence_at(m.start())
        if si < 0:
            continue
        sent = doc.sentences[si]
        at = TITLED.match(doc.text, m.end()).end()  # «به گفته سردار رحیمی», «به گفته خانم اسعدی»
        after = next((x for x in doc.mentions if x.start in (m.end(), at) and x.kind in ("person", "role", "pronoun")), None)
        if after is None:
            continue
        if after.kind == "role":
            post = doc.posts[after.ref]
            who = (post.holder, post.title, after)
        else:
            who = (after.ref, None, after)
        if who[0] is None:
            continue
        rest = re.match(rf"{GAP}[،,]?", doc.text[after.end:sent.end])
        _quote(doc, sent, who, m.start(), m.end() - len(m.group(1)), after.end + rest.end(), sent.end)
