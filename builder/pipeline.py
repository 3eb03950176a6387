"""The extraction pipeline: one ordered list of components over one Document.

Read this file top to bottom to follow an article from page text to facts:

1. ``clean``      – cut the article body out of the page furniture (:mod:`builder.clean`),
                    reading ``doc.page``: the page without its invisible characters;
2. ``normalize``  – hazm-normalise the body, keep a map to raw offsets, split
                    sentences and words (:mod:`builder.normalize`);
3. ``metadata``   – agency, news id, title, lead, date, province (:mod:`builder.metadata`);
4. the extractors in :mod:`builder.extract`, each filling its part of the
   document (places, organisations, persons and posts, programs, statistics,
   quotes, events).

:mod:`builder.graph` then turns the document into quads.  Each component is a
plain function ``component(doc) -> None``; :data:`COMPONENTS` is the order.
"""
from __future__ import annotations

import re

from . import clean as cleaning
from . import metadata
from .document import Document, Sentence
from .extract import COMPONENTS as EXTRACTORS
from .hazm_models import models
from .normalize import normalize_ranges


def clean(doc: Document) -> None:
    result = cleaning.clean(doc.page)
    doc.body = result.body
    doc.given.setdefault("_title_span", result.title)


def normalize(doc: Document) -> None:
    """Normalised text, its raw-offset map, sentences (per paragraph) and their words."""
    doc.text, doc.offsets = normalize_ranges(doc.page, doc.body)
    if doc.page_offsets is not None:  # offsets into page -> offsets into raw
        doc.offsets = [doc.page_offsets[o] for o in doc.offsets]
    sent_tokenize, word_tokenize = models().sentence_tokenizer.tokenize, models().word_tokenizer.tokenize
    for para in re.finditer(r"[^\n]+", doc.text):
        cursor = para.start()
        for sent in sent_tokenize(para.group()):
            start = doc.text.find(sent, cursor, para.end())
            if start < 0:  # hazm rewrote the sentence; fall back to the rest of the paragraph
                start, sent = cursor, doc.text[cursor:para.end()]
            end = start + len(sent)
            doc.sentences.append(Sentence(len(doc.sentences), start, end, sent, word_tokenize(sent)))
            cursor = end


COMPONENTS = [clean, normalize, metadata.read_metadata, *EXTRACTORS]


def process(doc: Document) -> Document:
    """Run every component over ``doc`` in order and return it.

    Reading the page (cleaning, normalising, metadata) must succeed, or there is no article.
    An extractor that fails on a page it did not foresee costs only its own findings: the
    failure goes to ``doc.problems`` (the build reports it as one line) and the later
    extractors still run, so one rule's bug does not lose a whole article's facts.
    """
    for component in COMPONENTS:
        if component not in EXTRACTORS:
            component(doc)
            continue
        try:
            component(doc)
        except Exception as e:  # noqa: BLE001 - any extractor bug; reported, not raised
            name = f"{component.__module__.rsplit('.', 1)[-1]}.{component.__name__}"
            doc.problems.append(f"{name} failed ({type(e).__name__}: {e})")
    return doc
