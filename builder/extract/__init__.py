"""The extractors, in the order they run; each is a component (:mod:`builder.components`).

Order matters, and each component's declaration says why: the sentence units, the reporting verbs,
the numbers and the dates come first (every chunker walks the units; persons, coreference and quotes
read the verbs; statistics and events the numbers and dates),
then places (organisation and role phrases end at a place), persons before roles (a role takes
the name beside it as its holder), coreference after roles and before quotes (a quote's speaker
may be a role or «وی»), statistics after quotes (a figure is attributed to the speaker of its
paragraph), the story's setting after quotes (its main speaker's post says where it is),
programs without a place of their own after it, events last (they gather all of the above).
"""
from . import (coref, events, organizations, persons, places, programs, quotes, roles, sentence_spans, setting, speech,
               statistics, units)

COMPONENTS = [
    units.segment,
    speech.find_reporting_verbs,
    sentence_spans.find_sentence_numbers,
    sentence_spans.find_sentence_dates,
    places.extract,
    organizations.extract,
    persons.extract,
    roles.extract,
    programs.extract,
    coref.extract,
    quotes.extract,
    setting.extract,
    statistics.extract,
    programs.locate,
    events.extract,
]
