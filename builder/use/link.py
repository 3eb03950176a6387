"""``fakg link``: how the store links to Wikidata, and candidates for what it does not link yet.

Links are written at build time from the gazetteer (``builder/data/places.csv``
and ``organizations.csv``): every province and provincial capital carries
``owl:sameAs`` its Wikidata item and provinces their ISO 3166-2:IR code
(``fakg:isoCode``); an organisation carries ``owl:sameAs`` only when its
Wikidata id was confirmed in the project's reference tables (see
``builder/data/SOURCES.md``: a wrong id is worse than none).

:func:`coverage` reports, offline, which places and organisations of the
store are linked and which are not (most mentioned first).

:func:`reconcile` (``fakg link --online``) looks the unlinked organisations up
with Wikidata's ``wbsearchentities`` API (Persian labels and aliases) and
returns candidates **for a person to check**: nothing is written to the store.
A confirmed id goes into ``builder/data/organizations.csv`` with its evidence,
and the next build writes the link. Without a network the command says so
and looks nothing up (:class:`Offline`).
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from pyoxigraph import Store

from .. import __version__
from .sparql import solutions
from ..text.textkey import key

WIKIDATA_API = "https://www.wikidata.org/w/api.php"
USER_AGENT = f"fakg/{__version__} (Persian welfare news knowledge graph; https://w3id.org/fakg) python-urllib"
TIMEOUT = 5.0

class Offline(RuntimeError):
    """Wikidata could not be reached (no network, DNS, timeout, refused)."""


@dataclass
class Entity:
    iri: str
    kind: str  # organization, province, city, county, country, region, place
    label: str | None
    wikidata: str | None  # Q-id
    iso: str | None
    articles: int  # articles whose graph describes it (named in them, or implied, as a parent body)


@dataclass
class Candidate:
    qid: str
    label: str
    description: str
    matched: str  # the label or alias that matched
    exact: bool  # the matched text is the organisation's name, spelling-insensitively


@dataclass
class Reconciled:
    entity: Entity
    candidates: list[Candidate] = field(default_factory=list)


def entities(store: Store) -> list[Entity]:
    """Every place and organisation of the store (publishers excluded) with its links, places first."""
    def select(name):  # queries/link/: each stays inside one article graph and is aggregated once
        return solutions(store, f"link/{name}")

    kinds = {r["entity"].value: r["kind"].value for r in select("kinds")}
    labels: dict[str, tuple[int, str]] = {}
    for r in select("labels"):
        e, label, n = r["entity"].value, r["label"].value, int(r["n"].value)
        if e not in labels or (-n, label) < (-labels[e][0], labels[e][1]):
            labels[e] = (n, label)
    wikidata, iso = {}, {}
    for r in select("links"):
        if r["wikidata"] is not None:
            wikidata[r["entity"].value] = r["wikidata"].value.rsplit("/", 1)[-1]
        if r["iso"] is not None:
            iso[r["entity"].value] = r["iso"].value
    articles = {r["entity"].value: int(r["articles"].value) for r in select("articles")}
    out = [Entity(e, kind, labels.get(e, (0, None))[1], wikidata.get(e), iso.get(e), articles.get(e, 0))
           for e, kind in kinds.items()]
    out.sort(key=lambda e: (e.kind == "organization", e.kind, -e.articles, e.label or ""))
    return out


def coverage(store: Store) -> dict[str, tuple[int, int]]:
    """``kind -> (linked to Wikidata, total)`` for places by kind and for organisations."""
    out: dict[str, list[int]] = {}
    for e in entities(store):
        c = out.setdefault(e.kind, [0, 0])
        c[0] += e.wikidata is not None
        c[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def search(name: str, *, api: str = WIKIDATA_API, language: str = "fa", limit: int = 5,
           timeout: float = TIMEOUT) -> list[Candidate]:
    """Wikidata items whose label or alias in ``language`` starts like ``name`` (wbsearchentities)."""
    query = urllib.parse.urlencode({
        "action": "wbsearchentities", "search": name, "language": language, "uselang": language,
        "type": "item", "limit": str(limit), "format": "json", "strictlanguage": "1",
    })
    request = urllib.request.Request(f"{api}?{query}", headers={"User-Agent": USER_AGENT,
                                                               "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:  # the API answered: not a network problem
        raise RuntimeError(f"{api} answered HTTP {e.code} for {name!r}") from e
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise Offline(f"cannot reach {api} ({_reason(e)})") from e
    return parse_search(payload, name)


def parse_search(payload: dict, name: str) -> list[Candidate]:
    """Candidates from a ``wbsearchentities`` JSON answer (``{"search": [{"id", "label", "match", ...}]}``)."""
    if "error" in payload:
        raise RuntimeError(f"Wikidata API error: {payload['error'].get('info', payload['error'])}")
    out = []
    for hit in payload.get("search", []):
        qid = hit.get("id") or ""
        if not qid.startswith("Q"):
            continue
        label = hit.get("label") or (hit.get("display", {}).get("label", {}).get("value")) or ""
        matched = (hit.get("match") or {}).get("text") or label
        out.append(Candidate(qid, label, hit.get("description") or "", matched,
                             key(matched) == key(name) or key(label) == key(name)))
    return out


def reconcile(store: Store, *, api: str = WIKIDATA_API, limit: int = 50, min_articles: int = 1,
              pause: float = 0.2, timeout: float = TIMEOUT, progress=None) -> list[Reconciled]:
    """Wikidata candidates for the organisations of ``store`` that have no Wikidata link.

    The most mentioned ``limit`` organisations are looked up, one request
    each (``pause`` seconds apart, as the API asks of bots). Raises
    :class:`Offline` before anything else when the API cannot be reached.
    """
    todo = [e for e in entities(store) if e.kind == "organization" and e.wikidata is None and e.label
            and e.articles >= min_articles]
    todo.sort(key=lambda e: (-e.articles, e.label))
    out = []
    for i, e in enumerate(todo[:limit]):
        if i and pause:
            time.sleep(pause)
        out.append(Reconciled(e, search(e.label, api=api, timeout=timeout)))
        if progress:
            progress(i + 1, min(limit, len(todo)))
    return out


def _reason(e: BaseException) -> str:
    reason = getattr(e, "reason", None) or e
    return f"{type(reason).__name__}: {reason}" if not isinstance(reason, str) else reason
