"""Checking the values of query parameters before a query runs (``fakg query --param``).

A query binds whatever it is given (:func:`builder.use.sparql.run`): a province
misspelt ("Tehrn"), an unknown code (IR-99), a target group that does not
exist, "yesterday" for a date or "two" for a number would each find nothing,
or the wrong thing, without a word.  The parameters of the query library that
name something fakg knows are therefore checked here first, by their name
(a query file of your own that uses these names gets the same checks):

======================  ========================================================
``province``            a place of the gazetteer (a province, county or city) by
                        its Persian or English name, an ISO 3166-2:IR code, or
                        an IRI
``group``               a target group of ``ontology/target-groups.ttl`` by its
                        id, a Persian or English label, or its IRI
``from``, ``to``        a date: ISO (2023, 2023-06, 2023-06-01) or Jalali (1402,
                        1402-09, 1402-09-01, ۱۴۰۲/۰۹/۰۱: a year before 1500 is
                        Jalali), turned into the ISO form the queries compare:
                        a Jalali year or month is the day it starts for
                        ``from``, the day it ends for ``to``
``event_kind``          an event kind of ``ontology/fakg.ttl`` by its id or label
                        ("press conference" is press_conference)
``min_articles``        a whole number, 1 or more
``endpoint``, ``fact``  an IRI
``count``               ``stories`` (a story told by several near-duplicate
                        pages counts once: :mod:`builder.graph.stories`) or ``pages``
======================  ========================================================

Names are compared as the queries compare them (:func:`builder.graph.vocabulary.search_key`:
spacing, ZWNJ, Arabic letter forms and case do not matter).  A value that is
not known raises :class:`builder.use.sparql.ParamError` with one line naming the
parameter and the nearest known values (:mod:`difflib`); other parameters
(parts of names) are free text and pass as they are.
"""
from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from functools import cache

import jdatetime
from pyoxigraph import Literal, RdfFormat, parse

from ..graph import concepts
from ..text import gazetteer
from ..graph.vocabulary import search_key
from ..graph.namespaces import SKOS, read_resource
from .sparql import ParamError
from ..text.textkey import DIGITS_TO_LATIN

_IRI = re.compile(r"<\S+>|https?://\S+")
_EVENT_KIND = "https://w3id.org/fakg/concept/event-kind/"


@dataclass(frozen=True)
class Checked:
    """The value to bind, and what to tell the user about it (a Jalali date read as ISO), if anything."""

    value: str
    note: str | None = None


def check(params: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """``params`` with each known parameter's value checked and normalised, and notes for the user.

    Raises :class:`ParamError` (one line) for the first value that is not known
    or not of its parameter's kind.  Empty values are left alone (unset).
    """
    out, notes = {}, []
    for name, value in params.items():
        checker = CHECKS.get(name)
        if checker is None or value is None or not str(value).strip():
            out[name] = value
            continue
        checked = checker(name, str(value).strip())
        out[name] = checked.value
        if checked.note:
            notes.append(checked.note)
    return out, notes


def _nearest(value: str, candidates: dict[str, str], n: int = 3) -> list[str]:
    """Up to ``n`` of the known values closest to ``value`` (``candidates``: lower-cased -> as shown)."""
    return [candidates[c] for c in difflib.get_close_matches(value.lower(), list(candidates), n=n, cutoff=0.5)]


def _unknown(name: str, value: str, what: str, candidates: dict[str, str], accepted: str) -> ParamError:
    near = _nearest(value, candidates)
    hint = f"nearest: {', '.join(near)}" if near else f"it takes {accepted}"
    return ParamError(f"{name}={value}: no {what} of that name ({hint})")


# ------------------------------------------------------------------------------------------ places


@cache
def _places() -> tuple[frozenset[str], dict[str, str]]:
    """The keys every gazetteer place answers to, and its names and codes to suggest (lower-cased -> shown)."""
    keys, shown = set(), {}
    for e in gazetteer.places():
        names = [e.name, *(v for v in e.variants if not v.startswith("!"))]
        english = re.sub(r"\s+Province$", "", e.english) if e.english else ""
        for label in [*names, e.english, english, e.iso]:
            if label:
                keys.add(search_key(label, place=True))
        for label in (e.name, english, e.iso):
            if label:
                shown.setdefault(label.lower(), label)
    keys.discard("")
    return frozenset(keys), shown


def _place(name: str, value: str) -> Checked:
    if _IRI.fullmatch(value):
        return Checked(value)
    keys, shown = _places()
    if search_key(value, place=True) in keys:
        return Checked(value)
    raise _unknown(name, value, "province or place", shown,
                   "a province or place by its Persian or English name, an ISO 3166-2 code such as IR-23, or an IRI")


# ------------------------------------------------------------------------------------------ target groups


@cache
def _groups() -> tuple[dict[str, str], dict[str, str]]:
    """Each target group's keys (label or id -> IRI), and its ids and labels to suggest."""
    keys, shown = {}, {}
    for t in parse(read_resource("ontology", "target-groups.ttl"), format=RdfFormat.TURTLE):
        if t.predicate in (SKOS.prefLabel, SKOS.altLabel) and isinstance(t.object, Literal):
            keys[search_key(t.object.value)] = t.subject.value
            if t.predicate == SKOS.prefLabel:
                shown.setdefault(t.object.value.lower(), t.object.value)
    for iri, _ in concepts.target_groups():
        gid = iri.rsplit("/", 1)[-1]
        keys[search_key(gid)] = iri
        shown[gid] = gid
    return keys, shown


def _group(name: str, value: str) -> Checked:
    keys, shown = _groups()
    if _IRI.fullmatch(value):
        if value.strip("<>") in keys.values():
            return Checked(value)
        raise _unknown(name, value, "target group", {iri.lower(): iri for iri in set(keys.values())},
                       "a target group's id, label or IRI (`fakg query target-groups`)")
    if search_key(value) in keys:
        return Checked(value)
    raise _unknown(name, value, "target group", shown,
                   "a target group's id (street-children), its Persian or English label, or its IRI")


# ------------------------------------------------------------------------------------------ event kinds


@cache
def _event_kinds() -> dict[str, str]:
    """Each event kind's id, and the keys of its id and labels -> id."""
    out = {}
    for t in parse(read_resource("ontology", "fakg.ttl"), format=RdfFormat.TURTLE):
        if t.subject.value.startswith(_EVENT_KIND) and t.predicate == SKOS.prefLabel:
            kind = t.subject.value[len(_EVENT_KIND):]
            out[search_key(kind)] = out[search_key(kind.replace("_", " "))] = kind
            out[search_key(t.object.value)] = kind
    return out


def _event_kind(name: str, value: str) -> Checked:
    kinds = _event_kinds()
    kind = kinds.get(search_key(value.replace("_", " ").replace("-", " ")))
    if kind is not None:
        return Checked(kind)
    ids = sorted(set(kinds.values()))
    raise _unknown(name, value, "event kind", {k.lower(): k for k in ids}, ", ".join(ids))


# ------------------------------------------------------------------------------------------ dates

_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
JALALI_BEFORE = 1500  #: a year before this is a Jalali year (1402 is 2023/24); ISO years are later


def _date(name: str, value: str, *, end: bool) -> Checked:
    """An ISO date (kept, with hyphens) or a Jalali one (turned into the ISO day it starts or ends on)."""
    m = _DATE.fullmatch(value.translate(DIGITS_TO_LATIN))
    if m is None:
        raise ParamError(f"{name}={value}: not a date (ISO 2023, 2023-06 or 2023-06-01, "
                         f"or Jalali 1402, 1402-09 or 1402-09-01)")
    year, month, day = int(m.group(1)), m.group(2) and int(m.group(2)), m.group(3) and int(m.group(3))
    try:
        if year >= JALALI_BEFORE:
            datetime.date(year, month or 1, day or 1)  # refuses 2023-13 and 2023-02-30
            return Checked("-".join([f"{year:04d}"] + [f"{p:02d}" for p in (month, day) if p]))
        first, last = _jalali_span(year, month, day)
    except ValueError as e:
        raise ParamError(f"{name}={value}: not a date ({e})") from None
    iso = (last if end else first).isoformat()
    edge = "ends" if end else "starts"
    what = "day" if day else "month" if month else "year"
    note = f"{name}={value} is a Jalali date: read as {iso}" + (f" (the {what} {edge} then)" if what != "day" else "")
    return Checked(iso, note)


def _jalali_span(year: int, month: int | None, day: int | None) -> tuple[datetime.date, datetime.date]:
    """The first and last Gregorian day of a Jalali year, month or day."""
    if day:
        d = jdatetime.date(year, month, day).togregorian()
        return d, d
    first = jdatetime.date(year, month or 1, 1)
    after = (jdatetime.date(year + 1, 1, 1) if not month or month == 12 else jdatetime.date(year, month + 1, 1))
    return first.togregorian(), after.togregorian() - datetime.timedelta(days=1)


# ------------------------------------------------------------------------------------------ numbers and IRIs


def _count(name: str, value: str) -> Checked:
    digits = value.translate(DIGITS_TO_LATIN)
    if not re.fullmatch(r"\d+", digits) or int(digits) < 1:
        raise ParamError(f"{name}={value}: not a whole number of 1 or more (e.g. {name}=2)")
    return Checked(str(int(digits)))


COUNTING = {"stories": "stories", "story": "stories", "pages": "pages", "page": "pages"}


def _counting(name: str, value: str) -> Checked:
    """What the queries count: ``stories`` (the default) or ``pages``."""
    counted = COUNTING.get(value.lower())
    if counted is None:
        raise ParamError(f"{name}={value}: not stories or pages ({name}=stories counts a story told by "
                         f"several pages once, {name}=pages counts every page)")
    return Checked(counted)


def _iri(name: str, value: str) -> Checked:
    if not _IRI.fullmatch(value):
        raise ParamError(f"{name}={value}: not an IRI (http://… or https://…, or <…>)")
    return Checked(value)


CHECKS = {
    "province": _place,
    "group": _group,
    "from": lambda name, value: _date(name, value, end=False),
    "to": lambda name, value: _date(name, value, end=True),
    "event_kind": _event_kind,
    "min_articles": _count,
    "endpoint": _iri,
    "fact": _iri,
    "count": _counting,
}
