"""The one object that every pipeline component reads and writes.

Like a spaCy ``Doc``: the reader creates a :class:`Document` from one input
article, then each component in :mod:`builder.pipeline` fills in part of it
(cleaning -> body spans, normalisation -> ``text`` and its offset map,
metadata -> ``article``, extractors -> entities and facts), and finally
:mod:`builder.graph.graph` turns the finished document into quads.  Each attribute is a
*layer*: one component assigns it, and the components that read it declare so
(:mod:`builder.components`), so that every exchange between components is here,
typed, and checked when the pipeline is assembled.

Coordinates: ``raw`` is the decoded page exactly as read; every offset stored
in :class:`Evidence` points into ``raw`` so that a researcher can find the
words on the original page.  ``page`` is ``raw`` without its invisible format
characters (direction marks, zero-width spaces, soft hyphens…; see
:func:`builder.text.invisible.visible`): the cleaner and the metadata read it, and
``body`` indexes it.  Extractors work on ``text`` (the hazm-normalised
article body) and convert positions with :meth:`Document.evidence`; ``offsets``
maps ``text`` straight to ``raw``.

The entities and facts are the items of the kinds of :mod:`builder.kinds`
(whose dataclasses are re-exported here): each kind's record names the
attribute that holds them, a dict keyed by comparison key
(:func:`builder.text.textkey.key` of the canonical name) for a named kind, so the
same person mentioned twice is one entry and the same key in two articles
mints the same IRI, or a list for the facts of one article.  A kind declared
after these has its attribute all the same (:meth:`Document.__getattr__`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from .evidence import Evidence
from .invisible import visible
from .textkey import persian_letters
from ..kinds import Event, Organization, Person, Place, Post, Program, Quote, Statistic, by_attribute

if TYPE_CHECKING:
    from ..extract.units import Unit
    from .dates import DateMatch
    from .gazetteer import PlaceEntry
    from .numbers import NumberMatch


@dataclass
class Sentence:
    """A sentence of the normalised body; ``start``/``end`` index ``Document.text``."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[str] = field(default_factory=list)


@dataclass
class ArticleMeta:
    """Page-level metadata; ``published`` is timezone-aware (Asia/Tehran)."""

    agency: str | None = None  # canonical short name, e.g. "ایسنا" (an unknown source: as credited)
    credit: str | None = None  # the source as the page credits it, e.g. "خبرگزاری صداوسیما"
    republisher: str | None = None  # the site that relayed it, as the page names it («خراسان‌تایم»)
    news_id: str | None = None
    title: str | None = None
    lead: str | None = None
    category: str | None = None
    reporter: str | None = None
    url: str | None = None
    published: datetime | None = None
    published_text: str | None = None  # the date exactly as printed on the page
    province: str | None = None  # province the article is about (gazetteer key), from dateline/category/text


@dataclass
class Mention:
    """A typed span of ``Document.text`` that refers to an entity.

    ``ref`` is the key of the entity in the document's dicts (persons,
    organizations, places, programs) or, for roles, the index of the post.
    Later components (coreference, quotes, statistics) find "who/where is
    meant here" by looking at the mentions around a position.
    """

    kind: str  # place | organization | role | person | program | pronoun | agency
    start: int
    end: int
    text: str
    ref: str | int | None = None
    sentence: int = -1


@dataclass
class Document:
    source: str  # file path (and ":line" for JSON Lines)
    stem: str  # facts file stem (see tests/README.md)
    raw: str  # decoded page text, never modified
    given: dict = field(default_factory=dict)  # metadata supplied by the input (JSONL fields)
    content_hash: str = ""

    # raw without invisible characters, and for each of its characters the offset in raw
    # (None: nothing was removed, page is raw); set from raw when the document is made
    page: str = field(init=False, repr=False)
    page_offsets: list[int] | None = field(init=False, repr=False)
    # cleaning: the ranges of page that belong to the article body (sorted, disjoint), and the
    # headline's range of page (None: the cleaner found none), which the metadata reads
    body: list[tuple[int, int]] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    # normalisation: text and, for every char of text, its offset in raw
    text: str = ""
    offsets: list[int] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # every gazetteer place named in text, (start, end, entry), leftmost-longest (component "place_names",
    # builder.pipeline), read by the metadata, the units and the places; None until it has run
    place_names: list[tuple[int, int, PlaceEntry]] | None = field(default=None, repr=False)
    # each sentence as units: words, numbers, punctuation, gazetteer names (component "units",
    # builder.extract.units), which the chunkers walk; None until that component has run
    units: list[list[Unit]] | None = field(default=None, repr=False)
    # the reporting verbs of each sentence, by sentence index (component "verbs",
    # builder.extract.speech); None until that component has run
    reporting_verbs: dict[int, list[re.Match]] | None = field(default=None, repr=False)
    # the number expressions and the date phrases of each sentence, by sentence index, offsets into the
    # sentence (components "numbers" and "dates", builder.extract.sentence_spans); None until they have run
    numbers: list[list[NumberMatch]] | None = field(default=None, repr=False)
    dates: list[list[DateMatch]] | None = field(default=None, repr=False)

    article: ArticleMeta = field(default_factory=ArticleMeta)
    persons: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    programs: dict[str, Program] = field(default_factory=dict)
    statistics: list[Statistic] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # extractors that failed on this article («persons: UnboundLocalError: …»): the others' facts are kept
    problems: list[str] = field(default_factory=list)
    # where the story is (a place key: a city story's city, else the article's province), set by extract.setting
    setting: str | None = None
    # sentence start offsets for sentence_at, which every piece of evidence calls
    _sentence_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.page, self.page_offsets = visible(self.raw)

    def __getattr__(self, name: str):
        """The items of a kind that has no field here (declared in :mod:`builder.kinds` only), made empty
        on first use; any other unknown attribute is an error as usual."""
        kind = by_attribute(name) if not name.startswith("_") else None
        if kind is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        items = self.__dict__[name] = kind.empty()
        return items

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of ``text`` to the covering range of ``raw``."""
        if not self.offsets:
            return (0, 0)
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return self.offsets[start], self.offsets[last] + 1

    def surface(self, start: int, end: int) -> str:
        """``text[start:end]`` as the page writes it: its own spacing and ZWNJs (hazm's are not the
        page's: «رئیس‌جمهور» where the page has «رئیسجمهور»), markup read as shown, line breaks and
        runs of spaces as one space, no tatweel («امــور»), and Arabic ي/ك as Persian letters.  Names, posts and programs are
        written so, as researchers cite them; comparison keys ignore the difference."""
        if start >= end or not self.offsets:
            return self.text[start:end]
        rs, re_ = self.raw_span(start, end)
        shown, _ = visible(self.raw[rs:re_])
        return persian_letters(re.sub(r"\s+", " ", shown.replace("\u0640", "")).strip()) or self.text[start:end]

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing text position ``pos`` (-1 if none)."""
        starts = self._sentence_starts
        if len(starts) != len(self.sentences):  # sentences are only ever appended, by normalisation
            starts[:] = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return i
        return -1

    def evidence(self, start: int, end: int, extractor: str, confidence: float = 1.0) -> Evidence:
        """Evidence for the text range ``[start, end)``, in raw-page offsets."""
        rs, re_ = self.raw_span(start, end)
        return Evidence(self.sentence_at(start), rs, re_, extractor, confidence)
