"""The one object that every pipeline component reads and writes.

Like a spaCy ``Doc``: the reader creates a :class:`Document` from one input
article, then each component in :mod:`builder.pipeline` fills in part of it
(cleaning -> body spans, normalisation -> ``text`` and its offset map,
metadata -> ``article``, extractors -> entities and facts), and finally
:mod:`builder.graph` turns the finished document into quads.

Coordinates: ``raw`` is the decoded page exactly as read; every offset stored
in :class:`Evidence` points into ``raw`` so that a researcher can find the
words on the original page.  ``page`` is ``raw`` without its invisible format
characters (direction marks, zero-width spaces, soft hyphens…; see
:func:`builder.invisible.visible`): the cleaner and the metadata read it, and
``body`` indexes it.  Extractors work on ``text`` (the hazm-normalised
article body) and convert positions with :meth:`Document.evidence`; ``offsets``
maps ``text`` straight to ``raw``.

Entities are kept in dicts keyed by their comparison key
(:func:`builder.textkey.key` of the canonical name), so the same person or
organisation mentioned twice is one entry, and the same key in two articles
mints the same IRI.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime

from .invisible import visible


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: sentence index, raw-page offsets, who read it and how sure."""

    sentence: int  # index into Document.sentences, -1 for page metadata
    start: int  # offset into Document.raw
    end: int
    extractor: str  # component name, e.g. "persons"
    confidence: float = 1.0


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
class Person:
    name: str  # full name as best written (normalised text)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Organization:
    name: str  # canonical Persian name, e.g. "اداره کل بهزیستی استان اردبیل"
    kind: str = "organization"  # government | ministry | provincial_office | municipality | ngo | charity | council | headquarters | agency | office | organization
    parent: str | None = None  # key of the parent organisation (org:subOrganizationOf)
    place: str | None = None  # key of the place it serves (province/city)
    aliases: set[str] = field(default_factory=set)  # other surface forms seen
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Place:
    name: str  # canonical Persian name from the gazetteer
    kind: str = "province"  # province | city | county | country
    province: str | None = None  # key of the enclosing province for cities/counties
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Post:
    """A role (org:Post), with or without a known holder."""

    title: str  # the role phrase, e.g. "مدیر کل بهزیستی خوزستان"
    holder: str | None = None  # person key
    organization: str | None = None  # organisation key
    place: str | None = None  # jurisdiction, place key
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Program:
    name: str
    kind: str = "plan"  # plan | complex | centre | house | hotline | occasion | program
    places: list[str] = field(default_factory=list)  # place keys where it runs
    organization: str | None = None  # organisation key that runs it
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Statistic:
    value: float
    approx: str = "exact"  # exact | about | more_than | less_than
    unit: str = "count"  # persons | percent | rate (per thousand, «در هزار») | cases | centres | calls | rials | tomans | count | ...
    subject: str = ""  # what is counted, as the article says it, e.g. "کودک خیابانی شناسایی‌شده در مشهد"
    population: str = ""  # the counted noun, a classifier resolved, e.g. "کودک خیابانی"; for a share, the part
    measure: str | None = None  # what happened to them: a concept of ontology/measures.ttl (identified, admitted, …)
    whole: str | None = None  # for a share: what it is a share of («کودکان کار شناسایی‌شده»)
    high: float | None = None  # a range's maximum («بین ۲۰ تا ۳۰ درصد»: value 20, high 30)
    average: bool = False  # «به طور متوسط», «میانگین»: an average per unit, not a total
    place: str | None = None  # place key
    period: str | None = None  # ISO date or interval "start/end"
    period_text: str | None = None  # the time phrase as written
    person: str | None = None  # person key the figure is attributed to
    concept: str | None = None  # target-group concept id (see builder/data/target_groups.csv)
    text: str = ""  # the surface phrase of the figure
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Quote:
    speaker: str | None  # person key (None: an official named by role only)
    verb: str  # reporting verb as normalised, e.g. "اظهار کرد"
    text: str  # the quoted words
    post: str | None = None  # post title when the speaker is named by role only
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    kind: str  # visit | meeting | press_conference | opening | session
    name: str = ""
    date: date | None = None
    date_text: str | None = None
    place: str | None = None  # place key
    participants: list[str] = field(default_factory=list)  # person/org keys
    occasion: str | None = None  # program key of the occasion (e.g. a world day)
    evidence: list[Evidence] = field(default_factory=list)


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
    # cleaning: the ranges of page that belong to the article body (sorted, disjoint)
    body: list[tuple[int, int]] = field(default_factory=list)
    # normalisation: text and, for every char of text, its offset in raw
    text: str = ""
    offsets: list[int] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

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
    # where the story is (a place key: a city story's city, else the article's province), set by extract.setting
    setting: str | None = None
    # working data shared between components of one run (e.g. sentence units); never written out
    scratch: dict = field(default_factory=dict, repr=False)
    # sentence start offsets for sentence_at, which every piece of evidence calls
    _sentence_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.page, self.page_offsets = visible(self.raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of ``text`` to the covering range of ``raw``."""
        if not self.offsets:
            return (0, 0)
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return self.offsets[start], self.offsets[last] + 1

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
