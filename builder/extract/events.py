"""Events: visits, meetings, press conferences and openings, with date, place, participants, occasion.

An event is announced by a trigger noun or verb in a sentence («بازدید از»,
«نشست خبری», «نشست ... برگزار شد», «افتتاح», «به بهره‌برداری رسید»).  Its
date is a date phrase of the sentence (relative ones resolved against the
publication date: «امروز (۲۳ خردادماه)»), its place the sentence's place or the
article's province, its participants the persons and organisations named in
the sentence, and its occasion a program of kind ``occasion`` introduced by
«به مناسبت» («روز جهانی منع کار کودکان», «هفته بهزیستی»).  One event per kind
and sentence; the same kind on the same date in one article is one event.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Event
from ..text.lexicon import table
from ..text.patterns import GAP

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "events"

#: (kind, pattern) in the order tried, from builder/data/event_triggers.tsv
TRIGGERS = tuple((kind, re.compile(pattern.replace("{GAP}", GAP))) for kind, pattern in table("event_triggers.tsv"))
_OCCASION = re.compile(rf"به{GAP}مناسبت")


@component(NAME, requires=("text", "sentences", "dates", "article", "mentions", "posts", "programs"), assigns=("events",),
           evidence=True)
def extract(doc: Document) -> None:
    seen: dict[tuple, Event] = {}
    for sent in doc.sentences:
        text = doc.text[sent.start:sent.end]
        for kind, pattern in TRIGGERS:
            m = pattern.search(text)
            if not m:
                continue
            dates = [d for d in doc.dates[sent.index] if d.start_date]
            date = dates[0] if dates else None
            mentions = [x for x in doc.mentions if x.sentence == sent.index]
            places = [x.ref for x in mentions if x.kind == "place"]
            occasion = None
            occ = _OCCASION.search(text)
            if occ:
                after = [x for x in mentions if x.kind == "program" and x.start >= sent.start + occ.end()]
                if after and doc.programs[after[0].ref].kind == "occasion":
                    occasion = after[0].ref
            ident = (kind, date.start_date if date else sent.index)
            event = seen.get(ident)
            if event is None:
                event = seen[ident] = Event(
                    kind, m.group(), date.start_date if date else None, date.text if date else None,
                    places[0] if places else doc.article.province, occasion=occasion,
                )
                doc.events.append(event)
            for x in mentions:
                if x.kind in ("person", "organization", "pronoun") and x.ref not in event.participants:
                    event.participants.append(x.ref)
                if x.kind == "role" and doc.posts[x.ref].holder and doc.posts[x.ref].holder not in event.participants:
                    event.participants.append(doc.posts[x.ref].holder)
            event.evidence.append(doc.evidence(sent.start + m.start(), sent.start + m.end(), NAME))
