"""The numbers and the dates of each sentence, found once for the extractors that read them.

:func:`builder.text.numbers.find_numbers` and :func:`builder.text.dates.find_dates` read a
sentence's number expressions («۲ هزار و ۱۵۰», «۱۲.۵ درصد») and date phrases («۱۲ مهر ۱۴۰۲»,
«امروز», relative ones resolved against the publication date); statistics and events both need
them, so two components put them in the Document (:attr:`Document.numbers`,
:attr:`Document.dates`), each a list by sentence index with offsets into the sentence.
"""
from __future__ import annotations

from ..components import component
from ..text.dates import find_dates
from ..text.document import Document
from ..text.numbers import find_numbers


@component("numbers", requires=("text", "sentences"), assigns=("numbers",))
def find_sentence_numbers(doc: Document) -> None:
    """The number expressions of every sentence."""
    doc.numbers = [find_numbers(doc.text[sent.start:sent.end]) for sent in doc.sentences]


@component("dates", requires=("text", "sentences", "article"), assigns=("dates",))
def find_sentence_dates(doc: Document) -> None:
    """The date phrases of every sentence, relative ones («امروز», «هفته گذشته») counted from the publication date."""
    ref = doc.article.published.date() if doc.article.published else None
    doc.dates = [find_dates(doc.text[sent.start:sent.end], ref) for sent in doc.sentences]
