"""Target-group concepts, read from ``ontology/target-groups.ttl``.

The concept scheme is the single list of target groups: extractors tag
statistics and quotes with it through :func:`concept_for`, and the same file
is loaded into the store's vocabulary graph, so a tag always resolves to a
concept with Persian and English labels.
"""
from __future__ import annotations

from functools import cache, lru_cache

from pyoxigraph import Literal, RdfFormat, parse

from .namespaces import SKOS, read_resource
from .textkey import key

_LABELS = {SKOS.prefLabel, SKOS.altLabel}


@cache
def target_groups() -> list[tuple[str, list[str]]]:
    """``(concept IRI, Persian labels)`` for every target group, sorted by IRI; labels prefLabel first."""
    labels: dict[str, list[tuple[bool, str]]] = {}
    for t in parse(read_resource("ontology", "target-groups.ttl"), format=RdfFormat.TURTLE):
        if t.predicate in _LABELS and isinstance(t.object, Literal) and t.object.language == "fa":
            labels.setdefault(t.subject.value, []).append((t.predicate != SKOS.prefLabel, t.object.value))
    return [(iri, [label for _, label in sorted(labels[iri])]) for iri in sorted(labels)]


@cache
def _label_keys() -> list[tuple[str, str]]:
    """``(label key, concept IRI)`` for every label, longest first."""
    pairs = {(key(label), iri) for iri, labels in target_groups() for label in labels}
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


@lru_cache(maxsize=1 << 12)  # the subjects of figures repeat («کودک کار», «نفر»)
def concept_for(text: str) -> str | None:
    """IRI of the target group named in ``text``: the longest label found, spelling-insensitively.

    Labels are compared as :func:`builder.textkey.key` (no spaces or ZWNJ), so
    «کودکان بی سرپرست», «کودکان بیسرپرست» and «کودکان بی‌سرپرست» all match, and
    «کودک کار و خیابان» wins over the shorter «کودک کار» it contains.  Among
    labels of equal length the earliest in the text wins.
    """
    k = key(text)
    best: tuple[int, int, str] | None = None
    for label, iri in _label_keys():
        if best and len(label) < best[0]:
            break
        pos = k.find(label)
        if label and pos >= 0 and (best is None or pos < -best[1]):
            best = (len(label), -pos, iri)
    return best[2] if best else None



def concepts_in(text: str) -> list[str]:
    """IRIs of every target group named in ``text``, in order of first mention.

    Labels are matched as in :func:`concept_for` (spelling-insensitively,
    longest first), and a shorter label inside a longer match does not count
    again: «کودکان کار و خیابان» names working-and-street children once, not
    also child labourers.  Used to tag quotes (``fakg:targetGroup``) so that
    «who said what about street children» is an index lookup, not a text scan.
    """
    k = key(text)
    taken: list[tuple[int, int]] = []
    found: dict[str, int] = {}
    for label, iri in _label_keys():
        if not label:
            continue
        start = k.find(label)
        while start >= 0:
            end = start + len(label)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                found[iri] = min(found.get(iri, start), start)
            start = k.find(label, start + 1)
    return sorted(found, key=lambda iri: (found[iri], iri))
