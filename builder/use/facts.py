"""The facts JSON (its shape: ``tests/README.md``), read back out of the store.

Facts come from the graph, not from the Document, so the scorer measures what
a researcher querying the store would get.  Each table is one SPARQL query in
``queries/facts/``; the article graph is bound as ``?g`` with pyoxigraph
``substitutions`` (never spliced into the text).  Python only shapes rows
into the JSON: grouping posts under persons, places under programs, and
converting the publication instant to the Tehran-local Gregorian date.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path

from pyoxigraph import NamedNode, Store, Variable

from ..text.dates import TEHRAN
from ..text.invisible import without_invisible
from ..kinds import KINDS
from ..graph.namespaces import read_resource
from .sparql import value
from ..text.textkey import key, persian_letters


@cache
def _query(name: str) -> str:
    return read_resource("queries", f"facts/{name}.rq")


def _rows(store: Store, name: str, graph: NamedNode | None = None) -> list[dict]:
    """Rows of query ``name`` as dicts of Python values (:func:`builder.use.sparql.value`; None when unbound)."""
    subs = {Variable("g"): graph} if graph is not None else None
    result = store.query(_query(name), substitutions=subs)
    names = [v.value for v in result.variables]
    return [{n: value(row[n]) for n in names} for row in result]


def _published(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of the publication instant in Tehran (a date-only value is taken as is)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(TEHRAN)
    return moment.date().isoformat()


def _unique(values) -> list:
    """Values in order, without spelling-variant repeats and without None."""
    seen, out = set(), []
    for v in values:
        if v and key(v) not in seen:
            seen.add(key(v))
            out.append(v)
    return out


def article_facts(store: Store, graph_iri: NamedNode | str) -> dict:
    """The facts of the article whose graph is ``graph_iri``: its metadata, and the items of each kind
    that has an entry in the facts JSON (:attr:`builder.kinds.Kind.facts`), read with its query."""
    g = graph_iri if isinstance(graph_iri, NamedNode) else NamedNode(graph_iri)
    meta = next(iter(_rows(store, "article", g)), {})
    out = {
        "article": {
            "agency": meta.get("agency"),
            "published": _published(meta.get("published")),
            "news_id": meta.get("news_id"),
            "title": meta.get("title"),
        },
    }
    for kind in KINDS:
        if kind.facts:
            out[kind.facts] = _SHAPES.get(kind.facts, _names)(_rows(store, kind.facts, g))
    return out


def _names(rows: list[dict]) -> list[str]:
    """The items' ``name`` column, each once (a kind's entry unless :data:`_SHAPES` says otherwise)."""
    return _unique(r["name"] for r in rows)


def _persons(rows: list[dict]) -> list[dict]:
    """One entry per person: roles = titles of their posts in post order (a title contained in a
    longer title of the same person is the same role written short, and is dropped); organisation
    of the first post that names one (the first post's own organisation when it has one)."""
    persons: dict[str, dict] = {}
    for r in rows:
        persons.setdefault(r["person"], {"name": r["name"], "posts": []})
        if r["position"] is not None:
            persons[r["person"]]["posts"].append((r["position"], r["role"], r["organization"]))
    out = []
    for p in persons.values():
        posts = sorted(p["posts"], key=lambda t: (t[0], t[1] or "", t[2] or ""))
        roles = _unique(role for _, role, _ in posts)
        out.append({
            "name": p["name"],
            "roles": [r for r in roles if not any(key(r) in key(other) for other in roles if other != r)],
            "organization": next((o for _, _, o in posts if o), None),
        })
    return out


def _organizations(rows: list[dict]) -> list[str]:
    """Each organisation once, by first mention, under a name the article uses.

    Names, posts and programs keep the page's spelling, glued words too («ثبتاحوال»), as a reader
    cites them from the page; comparison keys ignore the difference.  The store's label is canonical:
    often the article's own words, but sometimes a fuller form it never writes («اداره کل بهزیستی استان یزد» for «بهزیستی استان یزد», the national police's name
    for «پلیس»).  A label that no mention contains gives way to the longest mention.
    """
    found: dict[str, dict] = {}
    for r in rows:
        o = found.setdefault(r["organization"], {"label": r["name"], "first": float("inf"), "spans": []})
        if r["start"] is not None:
            o["first"] = min(o["first"], r["start"])
        if r["span"]:  # the page's words, with any direction marks or zero-width spaces it printed
            o["spans"].append(persian_letters(without_invisible(r["span"])).strip())
    out = []
    for o in sorted(found.values(), key=lambda o: o["first"]):
        written = any(key(o["label"]) in key(span) for span in o["spans"])
        out.append(o["label"] if written or not o["spans"] else max(o["spans"], key=len))
    return out


def _programs(rows: list[dict]) -> list[dict]:
    programs: dict[str, dict] = {}
    for r in rows:
        programs.setdefault(r["program"], {"name": r["name"], "places": []})["places"].append(r["place"])
    return [{"name": p["name"], "places": _unique(p["places"])} for p in programs.values()]


# the time a figure is of, when the facts say it with what is counted: a span of months, a season, a
# numbered year («در دو ماهه نخست سال», «در بهار ۱۴۰۱»); not the day the official spoke («صبح امروز»);
# only after a subject of a few words, which needs it to say which ones (a longer one says it already)
_SHORT_SUBJECT = 5
_SPAN = re.compile(r"[0-9۰-۹]|ماه|نیمه|بهار|تابستان|پاییز|زمستان|فصل|هفته")
_DAY = re.compile(r"امروز|دیروز|صبح|عصر|شب|ظهر")
_PREPOSITION = re.compile(r"(?:در|طی|از|تا)\s")


def _statistics(rows: list[dict]) -> list[dict]:
    """One entry per observation (first row wins when a variable has several spellings)."""
    out, seen = [], set()
    for r in rows:
        if r["statistic"] in seen:
            continue
        seen.add(r["statistic"])
        subject = r["subject"] or ""
        if r["unit"] == "percent" and "درصد" not in subject:
            subject = f"درصد {subject}".strip()
        group = r.get("group")
        if group and r["unit"] == "count" and len(subject.split()) == 1 and key(group) not in key(subject):
            subject = f"{subject} ({group})"  # «نقطه (کودکان کار و خیابان)»: what is counted, for whom
        when = r.get("when")  # «طلاق ثبت‌شده در دو ماهه نخست سال»: which ones, when two figures differ by time alone
        if when and len(subject.split()) <= _SHORT_SUBJECT and _SPAN.search(when) and not _DAY.search(when) \
                and key(when) not in key(subject):
            subject = f"{subject} {when if _PREPOSITION.match(when) else 'در ' + when}"
        out.append({"value": r["value"], "approx": r["approx"] or "exact", "unit_or_subject": subject or r["unit"],
                    "place": r["place"], "text": r["text"]})
    return out


def _quotes(rows: list[dict]) -> list[dict]:
    return [{"speaker": r["speaker"], "verb": r["verb"], "fragment": r["text"]} for r in rows]


#: how the rows of each kind's facts query become its entry (others: :func:`_names`)
_SHAPES = {
    "persons": _persons,
    "organizations": lambda rows: _unique(_organizations(rows)),
    "programs": _programs,
    "statistics": _statistics,
    "quotes": _quotes,
}


def write_facts(store: Store, out_dir: str | Path) -> int:
    """Write ``<stem>.json`` for every article graph in the store; return how many files were written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stems = {}
    for r in _rows(store, "articles"):
        stems[r["stem"]] = r["article"]  # same stem twice: the later graph IRI wins, deterministically
    for stem, article in stems.items():
        facts = article_facts(store, article)
        text = json.dumps(facts, ensure_ascii=False, indent=1, sort_keys=True)
        (out / f"{stem}.json").write_text(text + "\n", encoding="utf-8")
    return len(stems)
