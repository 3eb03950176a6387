"""The kinds that are facts of one article: posts, figures (statistics), quotes and events.

A fact is a node of its own, ``{article}/{kind}/{index in the Document}``,
with its types (:meth:`Writer.fact`; its position in the article is the index its IRI ends with), and
links to the named entities it is about.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode

from ..graph.concepts import concept_for, concepts_in
from ..graph.literals import fa, iso_date, number
from ..graph.namespaces import FAKG, ORG, PROV, RDF, RDFS, SCHEMA, TIME, XSD
from .base import IN_ARTICLE, Kind, Writer


@dataclass
class Post:
    """A role (org:Post), with or without a known holder."""

    title: str  # the role phrase, e.g. "مدیر کل بهزیستی خوزستان"
    holder: str | None = None  # person key
    organization: str | None = None  # organisation key
    place: str | None = None  # jurisdiction, place key
    evidence: list = field(default_factory=list)  # of Evidence


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
    evidence: list = field(default_factory=list)


@dataclass
class Quote:
    speaker: str | None  # person key (None: an official named by role only)
    verb: str  # reporting verb as normalised, e.g. "اظهار کرد"
    text: str  # the quoted words
    post: str | None = None  # post title when the speaker is named by role only
    evidence: list = field(default_factory=list)


@dataclass
class Event:
    kind: str  # visit | meeting | press_conference | opening | session
    name: str = ""
    date: date | None = None
    date_text: str | None = None
    place: str | None = None  # place key
    participants: list[str] = field(default_factory=list)  # person/org keys
    occasion: str | None = None  # program key of the occasion (e.g. a world day)
    evidence: list = field(default_factory=list)


EVENT_KINDS = {"visit", "meeting", "press_conference", "opening", "session", "event"}
#: the measured property of a variable by unit (others are counts)
MEASURED = {"percent": "share", "fraction": "share", "rials": "amount", "tomans": "amount", "rate": "rate"}
WHOLE_UNIT = "count"


def describe_post(w: Writer, i: int) -> NamedNode:
    post = w.doc.posts[i]
    node = w.mint("post", w.g, i)
    w.fact(node, (ORG.Post,))
    w.add(node, RDFS.label, fa(post.title))
    w.add(node, ORG.postIn, w.node("organization", post.organization))
    w.add(node, FAKG.jurisdiction, w.node("place", post.place))
    holder = w.node("person", post.holder)
    if holder:
        w.add(holder, ORG.holds, node)
    w.evidence(node, post.evidence)
    return node


def describe_statistic(w: Writer, i: int) -> NamedNode:
    st = w.doc.statistics[i]
    node = w.mint("statistic", w.g, i)
    w.fact(node, (SCHEMA.Observation,))
    if not st.text:  # else its label would repeat fakg:surfaceText
        w.add(node, RDFS.label, fa(f"{number(st.value).value} {st.subject}".strip()))
    variable = statistic_variable(w, st)
    w.add(node, SCHEMA.variableMeasured, variable)
    w.add(node, FAKG.subjectText, fa(st.subject))
    w.add(node, SCHEMA.value, number(st.value))
    w.add(node, SCHEMA.maxValue, number(st.high) if st.high is not None else None)
    w.add(node, FAKG.approximation, Literal(st.approx) if st.approx != "exact" else None)  # most are exact
    w.add(node, SCHEMA.observationAbout, w.node("place", st.place))
    w.count_figure(variable, w.province_of(st.place))
    describe_period(w, node, i, st.period)
    w.add(node, FAKG.dateText, fa(st.period_text))
    w.add(node, PROV.wasAttributedTo, w.node("person", st.person))
    w.add(node, FAKG.surfaceText, fa(st.text))
    w.evidence(node, st.evidence)
    return node


def statistic_variable(w: Writer, st: Statistic) -> NamedNode:
    """The statistical variable of a figure, shared across articles (Data Commons' StatisticalVariable).

    It is what makes figures comparable: the population (the target group when the counted
    noun names one, else the noun), the measured property (count, share, amount, rate), the
    measure (identified, admitted, …: ``ontology/measures.ttl``), for a share its whole
    (``schema:measurementDenominator``, the variable counting the whole) and whether the
    figures are averages.  Two articles' «۱۲۰ کودک خیابانی شناسایی‌شده در …» meet in one
    variable; «۱۲۰ کودک خیابانی پذیرش‌شده» is another.
    """
    prop = MEASURED.get(st.unit, "count")
    population = st.population or st.subject
    whole = st.whole if prop == "share" else None
    return _variable(w, prop, st.unit, population, st.concept if prop != "share" or not whole else None,
                     st.measure, whole, st.average)


def _variable(w: Writer, prop: str, unit: str, population: str, concept: str | None, measure: str | None,
              whole: str | None, average: bool) -> NamedNode:
    group = concept.rsplit("/", 1)[-1] if concept else None
    parts = [unit, group or population or unit]
    if measure:
        parts.append(measure.rsplit("/", 1)[-1])
    if whole:
        parts += ["of", whole]
    if average:
        parts.append("mean")
    node = w.mint("variable", *parts)
    if w.first_time(node):
        # described again in every article that measures it, so only what is not implied:
        # schema:StatisticalVariable by the ontology's subclass axiom, schema:populationType by
        # fakg:targetGroup, a count and a total by the absence of schema:measuredProperty and
        # schema:statType, and fakg:population by the label when the two are the same
        w.add(node, RDF.type, FAKG.StatisticalVariable)
        label = variable_label(prop, population, whole)
        w.add(node, RDFS.label, fa(label))
        w.add(node, SCHEMA.unitText, Literal(unit))
        w.add(node, SCHEMA.measuredProperty, FAKG(prop) if prop != "count" else None)
        w.add(node, FAKG.population, fa(population) if population != label else None)
        w.add(node, FAKG.measure, NamedNode(measure) if measure else None)
        w.add(node, SCHEMA.statType, FAKG.meanValue if average else None)
        if whole:
            w.add(node, SCHEMA.measurementDenominator,
                  _variable(w, "count", WHOLE_UNIT, whole, concept_for(whole), None, None, False))
    w.variable_group(node, w.target_group(concept) if concept else None)
    if concept:
        w.add(node, FAKG.targetGroup, w.target_group(concept))
    return node


def variable_label(prop: str, population: str, whole: str | None) -> str:
    """«کودک کار», «درصد: دختر، از کودکان بازمانده از تحصیل»: what a variable counts, in Persian."""
    if prop == "share":
        return f"درصد {population} از {whole}" if whole and population != whole else f"درصد {population}".strip()
    return population


def describe_period(w: Writer, subject: NamedNode, i: int, period: str | None) -> None:
    """Statistic ``i``'s date as schema:observationDate; a ``start/end`` range as an OWL-Time interval."""
    if not period:
        return
    if "/" not in period:
        typed = iso_date(period)
        w.add(subject, SCHEMA.observationDate, typed[0] if typed else None)
        return
    interval = w.mint("statistic", w.g, i, "period")
    w.add(subject, TIME.hasTime, interval)
    w.add(interval, RDF.type, TIME.ProperInterval)
    for part, link, suffix in zip(period.split("/", 1), (TIME.hasBeginning, TIME.hasEnd), ("begin", "end")):
        typed = iso_date(part)
        if typed:
            instant = w.mint("statistic", w.g, i, "period", suffix)
            w.add(interval, link, instant)
            w.add(instant, RDF.type, TIME.Instant)
            w.add(instant, typed[1], typed[0])


def describe_quote(w: Writer, i: int) -> NamedNode:
    q = w.doc.quotes[i]
    node = w.mint("quote", w.g, i)
    w.fact(node, (FAKG.Quote,))  # schema:Quotation: fakg:Quote is its subclass (ontology)
    speaker = w.node("person", q.speaker)
    w.add(node, PROV.wasAttributedTo, speaker)
    w.add(node, FAKG.speakerRole, fa(q.post))
    w.add(node, FAKG.reportingVerb, fa(q.verb))
    w.add(node, SCHEMA.text, fa(q.text))
    for group in dict.fromkeys(map(w.target_group, concepts_in(q.text or ""))):  # queries/quotes-about-group.rq
        w.add(node, FAKG.targetGroup, group)
        w.count_quote(group)
    w.evidence(node, q.evidence)
    return node


def describe_event(w: Writer, i: int) -> NamedNode:
    ev = w.doc.events[i]
    node = w.mint("event", w.g, i)
    w.fact(node, (FAKG.Event,))  # schema:Event: fakg:Event is its subclass (ontology)
    w.add(node, FAKG.kind, w.mint("concept", "event-kind", ev.kind if ev.kind in EVENT_KINDS else "event"))
    w.add(node, RDFS.label, fa(ev.name))
    w.add(node, SCHEMA.startDate, Literal(ev.date.isoformat(), datatype=XSD.date) if ev.date else None)
    w.add(node, FAKG.dateText, fa(ev.date_text))
    w.add(node, SCHEMA.location, w.node("place", ev.place))
    for k in ev.participants:
        w.add(node, SCHEMA.attendee, participant(w, k))
    w.add(node, FAKG.occasion, w.node("program", ev.occasion))
    w.evidence(node, ev.evidence)
    return node


def participant(w: Writer, k: str) -> NamedNode | None:
    """A participant key as the person or organisation it names (None when the document knows neither)."""
    if k in w.doc.persons:
        return w.node("person", k)
    if k in w.doc.organizations or w.is_agency(k) or w.gazetteer("organization", k):
        return w.node("organization", k)
    return None


KINDS = (
    Kind("post", "posts", Post, IN_ARTICLE, (ORG.Post,), describe_post),
    Kind("statistic", "statistics", Statistic, IN_ARTICLE, (SCHEMA.Observation,), describe_statistic, facts="statistics"),
    Kind("quote", "quotes", Quote, IN_ARTICLE, (FAKG.Quote,), describe_quote, facts="quotes"),
    Kind("event", "events", Event, IN_ARTICLE, (FAKG.Event,), describe_event),
)
