"""The one module that mints IRIs.

Every IRI is a pure function of normalised keys (:func:`builder.text.textkey.key`),
so the same person, organisation, place or program mentioned in two articles
gets one IRI, and rebuilding an article yields exactly the same quads.

Scheme (``{base}`` defaults to ``https://w3id.org/fakg/``)::

    {base}article/{agency}/{news id}       agency and news id known
    {base}article/hash/{16 hex}            otherwise: the page's content hash
    {base}person/{key}                     also organization, place, program (the named kinds
                                           of builder.kinds), agency
    {base}variable/{unit}/{subject key}    a statistical variable
    {base}activity/{version}/{extractor}   the extractor that read a fact (vocabulary graph)
    {article}/statistic/{i}                per-article facts: post, statistic, quote,
                                           event (the in-article kinds of builder.kinds;
                                           index in the Document),
    {article}/sentence/{i}                 and the body sentences evidence lies in;
    {article}/tally/{i}                    the article's figures and quotes per target group
    {article}/copy/{16 hex}                another file the article was read from (a copy,
                                           not extracted); hex of the SHA-256 of its path
    {article}/signature                    the article's MinHash signature (builder.graph.stories)
    {base}story/{16 hex}                   a story: the articles that tell it (near-duplicate
                                           pages); hex of the SHA-256 of the IRI of the
                                           article that began it (:func:`story_iri`)
    https://w3id.org/fakg/concept/{id}     concepts: fixed, they are vocabulary

The base can be changed with the environment variable ``FAKG_BASE`` (read at
import) or :func:`set_base`; concepts and ontology terms do not move with it.

Keys stay readable: IRIs allow Persian letters, so only characters that are
not letters, marks or digits (and ASCII other than ``A-Za-z0-9-._~@``) are
percent-encoded as UTF-8.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from functools import lru_cache

from pyoxigraph import NamedNode

from ..text.document import Document
from ..kinds import IN_ARTICLE, KINDS, NAMED
from .namespaces import CONCEPT
from ..text.textkey import key

DEFAULT_BASE = "https://w3id.org/fakg/"
_base = os.environ.get("FAKG_BASE") or DEFAULT_BASE

# Kinds whose parts are names: keyed so that spelling variants meet (the named kinds of builder.kinds, and these).
_KEYED = {"article", "agency", "variable", *(k.name for k in KINDS if k.scope == NAMED)}
# Kinds that live inside one article: first part is the article IRI (the facts of builder.kinds, and these).
_PER_ARTICLE = {"sentence", "tally", "copy", "signature", *(k.name for k in KINDS if k.scope == IN_ARTICLE)}
_OTHER = {"concept", "activity", "story"}
_ASCII_SAFE = re.compile(r"[A-Za-z0-9\-._~@]")  # unreserved, and "@" (a pchar) that the extractors use in keys


def base() -> str:
    """The current base for data IRIs (always ends with ``/``)."""
    return _base


def set_base(iri: str) -> None:
    """Use ``iri`` as the base for data IRIs minted from now on."""
    global _base
    _base = iri if iri.endswith(("/", "#")) else iri + "/"


_ALL_SAFE = re.compile(r"[\w\-.~@]+")  # \w is letters, digits and "_": a subset of the safe characters


@lru_cache(maxsize=1 << 16)  # the same entity keys recur in every article that names them
def encode(part: str) -> str:
    """One IRI path segment: letters, marks and digits kept; everything else percent-encoded."""
    if _ALL_SAFE.fullmatch(part):
        return part
    out = []
    for c in part:
        if c.isascii():
            safe = bool(_ASCII_SAFE.fullmatch(c))
        else:
            safe = unicodedata.category(c)[0] in "LMN"
        out.append(c if safe else "".join(f"%{b:02X}" for b in c.encode("utf-8")))
    return "".join(out) or "_"


def mint(kind: str, *parts: str | int | NamedNode) -> NamedNode:
    """The IRI of a ``kind`` thing identified by ``parts`` (see the module docstring)."""
    if kind in _PER_ARTICLE:
        article, *rest = parts
        head = article.value if isinstance(article, NamedNode) else str(article)
        return NamedNode("/".join([head, kind, *(encode(str(p)) for p in rest)]))
    if kind in _KEYED:
        segments = [encode(key(str(p))) for p in parts]
    elif kind in _OTHER:
        segments = [encode(str(p)) for p in parts]
    else:
        raise ValueError(f"unknown IRI kind {kind!r}")
    if kind == "concept":
        return NamedNode(str(CONCEPT) + "/".join(segments))
    return NamedNode(_base + "/".join([kind, *segments]))


def article_iri(doc: Document) -> NamedNode:
    """The article's IRI, which is also the name of its graph in the store."""
    if doc.article.agency and doc.article.news_id:
        return mint("article", doc.article.agency, doc.article.news_id)
    digest = re.sub(r"[^0-9a-f]", "", (doc.content_hash or "").lower().split(":")[-1])
    if len(digest) < 16:
        digest = hashlib.sha256(doc.raw.encode("utf-8")).hexdigest()
    return mint("article", "hash", digest[:16])


def story_iri(founder: NamedNode, attempt: int = 0) -> NamedNode:
    """The IRI of a story begun by the article ``founder``: ``{base}story/{16 hex}``.

    The story keeps it for as long as any article tells it, whatever becomes of
    the founder; ``attempt`` > 0 gives another IRI for the founder, for when its
    first one is still told by articles it no longer resembles (:mod:`builder.graph.stories`).
    """
    seed = founder.value if attempt == 0 else f"{founder.value}#{attempt}"
    return mint("story", hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16])
