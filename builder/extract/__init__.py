"""The extractors, in the order they run; each is ``extract(doc) -> None``.

Order matters: places come first (organisation and role phrases end at a
place), persons before roles (a role takes the name beside it as its
holder), coreference after roles and before quotes (a quote's speaker may be
a role or «وی»), statistics after quotes (a figure is attributed to the
speaker of its paragraph), the story's setting after quotes (its main speaker's post says
where it is), programs without a place of their own after it, events last (they gather all
of the above).
"""
from . import coref, events, organizations, persons, places, programs, quotes, roles, setting, statistics

COMPONENTS = [
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
