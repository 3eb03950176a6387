"""Quotes: who said what, with which reporting verb.

A sentence with a reporting verb and a subject opening it (a person, a
surname, a pronoun or a role resolved by coreference) is a statement.  With a
colon after the verb the quoted words run to the end of the paragraph
(«گفت: ...»); without one, the words between subject and verb are the
reported content («... را مطرح کرد»).  A verb with nothing to report (a
surtitle such as «دادستان مرکز خوزستان عنوان کرد») is not a quote.  A role
that nobody holds keeps its words as a statement of the post, which facts
do not count as a quote.
"""
from __future__ import annotations

import re

from ..document import Document, Quote
from .speech import opens_sentence, reporting_verbs

_COLON = re.compile(r"\s*[:：]")
_MIN_INDIRECT_WORDS = 3


def _speaker(doc: Document, sentence: int, verb_start: int):
    """(person key, post title) of the mention opening the sentence before the verb."""
    for m in doc.mentions:
        if m.sentence != sentence or m.start >= verb_start or m.kind not in ("person", "role", "pronoun"):
            continue
        if not opens_sentence(doc, m):
            return None
        if m.kind == "role":
            post = doc.posts[m.ref]
            return post.holder, post.title, m
        return m.ref, None, m
    return None


def extract(doc: Document) -> None:
    for si, matches in reporting_verbs(doc).items():
        sent = doc.sentences[si]
        with_colon = [v for v in matches if _COLON.match(doc.text, v.end())]
        verb = with_colon[0] if with_colon else matches[-1]
        who = _speaker(doc, si, verb.start())
        if who is None:
            continue
        speaker, post, mention = who
        if with_colon:
            colon = _COLON.match(doc.text, verb.end())
            line_end = doc.text.find("\n", colon.end())
            line_end = len(doc.text) if line_end < 0 else line_end
            start, end = colon.end(), line_end
        else:
            if doc.text[verb.end():sent.end].strip(" .،!؟\n"):
                continue  # the verb is not the sentence's last word: not a report
            start, end = mention.end, verb.start()
            if len(doc.text[start:end].split()) < _MIN_INDIRECT_WORDS:
                continue
        text = doc.text[start:end].strip()
        if not text:
            continue
        verb_text = re.sub(r"[\s\u200c]+", " ", verb.group()).strip()
        doc.quotes.append(Quote(speaker, verb_text, text, post, [doc.evidence(sent.start, sent.end, "quotes")]))
