"""Target-group and measure concepts, read from ``ontology/target-groups.ttl`` and ``ontology/measures.ttl``.

The concept schemes are the single lists of target groups and of measures (what
happened to what a figure counts: identified, admitted, covered, …): extractors
tag statistics and quotes with them through :func:`concept_for` and
:func:`measure_for`, and the same files are loaded into the store's vocabulary
graph, so a tag always resolves to a concept with Persian and English labels.
"""
from __future__ import annotations

from functools import cache, lru_cache

from pyoxigraph import Literal, RdfFormat, parse

from .namespaces import SKOS, read_resource
from ..text.textkey import key

_LABELS = {SKOS.prefLabel, SKOS.altLabel}


@cache
def _scheme(name: str) -> list[tuple[str, list[str]]]:
    """``(concept IRI, Persian labels)`` of every concept in ``ontology/{name}``, sorted by IRI; prefLabel first."""
    labels: dict[str, list[tuple[bool, str]]] = {}
    for t in parse(read_resource("ontology", name), format=RdfFormat.TURTLE):
        if t.predicate in _LABELS and isinstance(t.object, Literal) and t.object.language == "fa":
            labels.setdefault(t.subject.value, []).append((t.predicate != SKOS.prefLabel, t.object.value))
    return [(iri, [label for _, label in sorted(labels[iri])]) for iri in sorted(labels)]


def target_groups() -> list[tuple[str, list[str]]]:
    """``(concept IRI, Persian labels)`` for every target group, sorted by IRI; labels prefLabel first."""
    return [c for c in _scheme("target-groups.ttl") if "/target-group/" in c[0]]


def measures() -> list[tuple[str, list[str]]]:
    """``(concept IRI, Persian labels)`` for every measure (``ontology/measures.ttl``), sorted by IRI."""
    return [c for c in _scheme("measures.ttl") if "/measure/" in c[0]]


@cache
def _label_keys(scheme: str = "target-groups") -> list[tuple[str, str]]:
    """``(label key, concept IRI)`` for every label of ``scheme``, longest first."""
    concepts = target_groups() if scheme == "target-groups" else measures()
    pairs = {(key(label), iri) for iri, labels in concepts for label in labels}
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


@lru_cache(maxsize=1 << 12)  # the subjects of figures repeat («کودک کار», «نفر»)
def concept_for(text: str) -> str | None:
    """IRI of the target group named in ``text``: the longest label found, spelling-insensitively.

    Labels are compared as :func:`builder.text.textkey.key` (no spaces or ZWNJ), so
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


@lru_cache(maxsize=1 << 12)
def measure_for(text: str) -> str | None:
    """IRI of the measure named first in ``text`` (what happened to what a figure counts), else None.

    Labels are word stems («شناسایی», «تحت پوشش», «تحویل خانواده») compared as
    :func:`builder.text.textkey.key`; the earliest in the text wins, and at the same place
    the longest («تحویل خانواده», returned to family, over «تحویل», handed over).
    """
    k = key(text)
    best: tuple[int, int, str] | None = None
    for label, iri in _label_keys("measures"):
        pos = k.find(label)
        if label and pos >= 0 and (best is None or (pos, -len(label)) < best[:2]):
            best = (pos, -len(label), iri)
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
