"""The extraction pipeline: one ordered list of components over one Document.

Read this file top to bottom to follow an article from page text to facts:

1. ``clean``      – cut the article body out of the page furniture (:mod:`builder.read.clean`),
                    reading ``doc.page``: the page without its invisible characters;
2. ``normalize``  – hazm-normalise the body, keep a map to raw offsets, split
                    sentences and words (:mod:`builder.text.normalize`);
3. ``place_names`` – every gazetteer place the body names, found once;
4. ``metadata``   – agency, news id, title, lead, date, province (:mod:`builder.read.metadata`);
5. the extractors in :mod:`builder.extract`, each filling its part of the
   document (sentence units, reporting verbs, numbers and dates, then places,
   organisations, persons and posts, programs, statistics, quotes, events).

:mod:`builder.graph.graph` then turns the document into quads.  Each component is a
function ``component(doc) -> None`` declared with :func:`builder.components.component`:
its name (the extractor its evidence names), the Document layers it requires and
those it assigns.  :data:`COMPONENTS` is the order, checked when this module is
imported: a component that needs a layer no earlier one makes stops the start
with a :class:`builder.components.PipelineError`.  ``python -m builder.components``
prints the table.
"""
from __future__ import annotations

import re

from .components import assemble, component
from .extract import COMPONENTS as EXTRACTORS
from .read import clean as cleaning
from .read import metadata
from .text.document import Document, Sentence
from .text.gazetteer import find_places
from .text.hazm_models import models
from .text.normalize import normalize_ranges


@component("clean", requires=("page",), assigns=("body", "title_span"))
def clean(doc: Document) -> None:
    """The article body's ranges of the page, and the headline's."""
    result = cleaning.clean(doc.page)
    doc.body = result.body
    doc.title_span = result.title


@component("normalize", requires=("raw", "page", "page_offsets", "body"), assigns=("text", "offsets", "sentences"))
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


@component("place_names", requires=("text",), assigns=("place_names",))
def place_names(doc: Document) -> None:
    """Every gazetteer place named in the body, found once for the metadata (the story's province),
    the units and the places."""
    doc.place_names = find_places(doc.text)


COMPONENTS = assemble([clean, normalize, place_names, metadata.read_metadata, *EXTRACTORS])


def process(doc: Document) -> Document:
    """Run every component over ``doc`` in order and return it.

    Reading the page (cleaning, normalising, metadata) must succeed, or there is no article.
    An extractor that fails on a page it did not foresee costs only its own findings: the
    failure goes to ``doc.problems`` (the build reports it as one line) and the later
    extractors still run, so one rule's bug does not lose a whole article's facts.
    """
    for step in COMPONENTS:
        if step not in EXTRACTORS:
            step(doc)
            continue
        try:
            step(doc)
        except Exception as e:  # noqa: BLE001 - any extractor bug; reported, not raised
            doc.problems.append(f"{step.name} failed ({type(e).__name__}: {e})")
    return doc
