"""The named kinds: persons, organisations, places and programs, one IRI each wherever they are named.

Each item is keyed in its document by its comparison key
(:func:`builder.text.textkey.key` of its canonical name), so the same person named
twice is one entry, and the same key in two articles mints the same IRI.
A node has the general type its kind's queries look for (``schema:Place``,
``org:Organization``); what kind of place or body it is is the concept of
``fakg:kind`` or ``org:classification``, not a second, schema.org type
(``schema:City``, ``schema:GovernmentOrganization``), which would say it again
in every article (``ontology/README.md``, "Fewer quads").  A news agency is
also a ``schema:NewsMediaOrganization``: the queries tell agencies by it.  An entity a fact
refers to but the document does not list (a parent organisation, the province
of a city) is still typed and, when the gazetteer knows it, labelled, so every
object of a link is self-describing within its graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from ..graph.literals import fa
from ..graph.namespaces import FAKG, ORG, OWL, RDF, SCHEMA, SKOS, WD
from ..text.textkey import key
from .base import NAMED, Kind, Writer


@dataclass
class Person:
    name: str  # full name as best written (normalised text)
    evidence: list = field(default_factory=list)  # of Evidence


@dataclass
class Organization:
    name: str  # canonical Persian name, e.g. "اداره کل بهزیستی استان اردبیل"
    kind: str = "organization"  # government | ministry | provincial_office | municipality | ngo | charity | council | headquarters | agency | office | organization
    parent: str | None = None  # key of the parent organisation (org:subOrganizationOf)
    place: str | None = None  # key of the place it serves (province/city)
    aliases: set[str] = field(default_factory=set)  # other surface forms seen
    evidence: list = field(default_factory=list)


@dataclass
class Place:
    name: str  # canonical Persian name from the gazetteer
    kind: str = "province"  # province | city | county | country
    province: str | None = None  # key of the enclosing province for cities/counties
    evidence: list = field(default_factory=list)


@dataclass
class Program:
    name: str
    kind: str = "plan"  # plan | complex | centre | house | hotline | occasion | program
    places: list[str] = field(default_factory=list)  # place keys where it runs
    organization: str | None = None  # organisation key that runs it
    evidence: list = field(default_factory=list)


# Kinds with a concept in ontology/fakg.ttl; other kinds fall back to the generic concept.
ORG_KINDS = {"government", "ministry", "provincial_office", "municipality", "ngo", "charity", "council",
             "headquarters", "agency", "office", "judiciary", "parliament", "police",
             "intergovernmental_organization", "news_agency", "organization"}
_ORG_KIND_ALIASES = {"government_agency": "agency", "charity_foundation": "charity", "country": "government"}  # gazetteer
PROGRAM_KINDS = {"plan", "complex", "centre", "house", "hotline", "occasion", "campaign", "team", "program"}
PLACE_KINDS = {"country", "province", "county", "district", "city", "village", "region"}


def describe_person(w: Writer, k: str | None) -> NamedNode | None:
    if not k:
        return None
    node = w.mint("person", k)
    if w.first_time(node):
        w.add(node, RDF.type, SCHEMA.Person)
        p = w.doc.persons.get(k)
        if p:
            w.name(node, fa(p.name))
            w.evidence(node, p.evidence)
    return node


def describe_organization(w: Writer, k: str | None) -> NamedNode | None:
    if not k:
        return None
    if w.is_agency(k):
        return w.publisher()
    node = w.mint("organization", k)
    if not w.first_time(node):
        return node
    o, entry = w.doc.organizations.get(k), w.gazetteer("organization", k)
    kind = o.kind if o else getattr(entry, "kind", None)
    kind = _ORG_KIND_ALIASES.get(kind, kind)
    kind = kind if kind in ORG_KINDS else "organization"
    w.add(node, RDF.type, ORG.Organization)
    if kind == "news_agency":
        w.add(node, RDF.type, SCHEMA.NewsMediaOrganization)
    w.add(node, ORG.classification, w.mint("concept", "organization-kind", kind))
    w.name(node, fa(o.name if o else getattr(entry, "name", None)))
    if o:
        for alias in sorted(o.aliases):
            if key(alias) != key(o.name):
                w.add(node, SKOS.altLabel, fa(alias))
    if entry:
        w.name(node, Literal(entry.english, language="en") if entry.english else None)
        w.add(node, OWL.sameAs, wikidata(entry.wikidata))
    parent = (o.parent if o else None) or getattr(entry, "parent", None)
    if parent and parent != k:
        w.add(node, ORG.subOrganizationOf, w.node("organization", parent))
    if o:
        w.add(node, SCHEMA.areaServed, w.node("place", o.place))
        w.evidence(node, o.evidence)
    return node


def describe_place(w: Writer, k: str | None) -> NamedNode | None:
    if not k:
        return None
    node = w.mint("place", k)
    if not w.first_time(node):
        return node
    p, entry = w.doc.places.get(k), w.gazetteer("place", k)
    kind = p.kind if p else getattr(entry, "kind", None)
    w.add(node, RDF.type, SCHEMA.Place)
    w.add(node, FAKG.kind, w.mint("concept", "place-kind", kind if kind in PLACE_KINDS else "place"))
    w.name(node, fa(p.name if p else getattr(entry, "name", None)), place=True)
    if entry:
        w.name(node, Literal(entry.english, language="en") if entry.english else None, place=True)
        w.add(node, OWL.sameAs, wikidata(entry.wikidata))
        if entry.iso:
            w.add(node, FAKG.isoCode, Literal(entry.iso))
            w.name_key(node, entry.iso, place=True)
    province = w.province_of(k)
    if province and province != k:
        w.add(node, SCHEMA.containedInPlace, w.node("place", province))
    if p:
        w.evidence(node, p.evidence)
    return node


def describe_program(w: Writer, k: str | None) -> NamedNode | None:
    if not k:
        return None
    node = w.mint("program", k)
    if not w.first_time(node):
        return node
    w.add(node, RDF.type, FAKG.Program)
    p = w.doc.programs.get(k)
    if p:
        w.name(node, fa(p.name))
        w.add(node, FAKG.kind, w.mint("concept", "program-kind", p.kind if p.kind in PROGRAM_KINDS else "program"))
        for place in p.places:
            w.add(node, FAKG.runsIn, w.node("place", place))
        w.add(node, FAKG.runBy, w.node("organization", p.organization))
        w.evidence(node, p.evidence)
    return node


def wikidata(qid: str | None) -> NamedNode | None:
    """A Wikidata id (``Q241119``) or entity IRI as a node of ``wd:``."""
    if not qid:
        return None
    return NamedNode(qid) if "://" in qid else WD(qid.strip())


KINDS = (
    Kind("person", "persons", Person, NAMED, (SCHEMA.Person,), describe_person,
         network="person", color=(228, 87, 46), facts="persons"),
    # implied organisations (a parent body, no evidence) are described but not mentioned
    Kind("organization", "organizations", Organization, NAMED, (ORG.Organization,), describe_organization,
         mentioned=lambda o: bool(o.evidence), network="organization", color=(41, 128, 185), facts="organizations"),
    Kind("place", "places", Place, NAMED, (SCHEMA.Place,), describe_place,
         network="place", color=(39, 174, 96), facts="places"),
    Kind("program", "programs", Program, NAMED, (FAKG.Program,), describe_program,
         network="program", color=(142, 68, 173), facts="programs"),
)
