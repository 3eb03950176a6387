"""Stories: the articles that tell the same story, so that queries count a story once.

Real corpora hold one story many times: an agency's report republished by
other sites under their own credit line, cut shorter or with a few words
changed, or one page saved as ``.txt``, ``.html`` and ``.jsonl``.  Such pages
are different articles (different IRIs: exact copies, same agency and news id,
are one article already, see :mod:`builder.storage.index`), and each is kept; they
share a *story* node::

    GRAPH <article> { <article> fakg:story <story> . <story> a fakg:Story }

written in each member's own graph, so a story exists exactly as long as an
article tells it: removing or rebuilding articles never leaves a story behind.

**Near-duplicates.**  Two pages tell the same story when the Jaccard
similarity of their sets of :data:`SHINGLE_WORDS`-word shingles (the body,
``Document.text`` after cleaning removed the page furniture, each word folded
with :func:`builder.text.textkey.fold`) is at least :data:`THRESHOLD`, as estimated
from MinHash signatures of :data:`PERMUTATIONS` values (``datasketch``).

On the real development set (``benchmarks/realpages``: 167 cached pages on
the same few topics, which share much wording; built, they are 167 stories)
the most similar two different stories score 0.039 with 4-word shingles,
while a page republished with another credit line, a sentence dropped and
three words changed scores 0.41 to 0.85 (median 0.73), 0.27 to 0.67 (median
0.56) when also cut to 80% of its length, 0.18 to 0.49 (median 0.40, one in
eleven below the threshold) when cut to 60%.  :data:`THRESHOLD` sits between,
nearer the unrelated pages, with room for the estimate's noise (standard
deviation 0.06 at 0.3).  Shorter shingles score unrelated same-topic pages
higher (0.048 with 3 words, 0.096 with 2); longer ones punish each changed
word more (5 words: a copy cut to 60% scores a median 0.37).  A page rewritten in other words (one
pair of the set: the same figures, sentences reordered and rephrased) scores
0.107 and stays a story of its own: this finds copies, not retellings.

**The store is the index.**  Each article's graph holds its signature (written
by the worker with the article's other quads)::

    <article> fakg:signature <article/signature> .
    <article/signature> fakg:minHash "base64 of 64 uint32" ; fakg:lshBand "00…", …, "31…" .

The :data:`BANDS` band keys are locality-sensitive hashing: pages whose
similarity is 0.3 share a band with probability 0.95 (0.996 at 0.4), two
unrelated same-topic pages (similarity 0.01) with probability 0.003.  A new
article looks its band keys up in Oxigraph's object index (one seek each),
and compares its signature with those of the articles found, read from their
graphs (the story only of those similar enough); nothing is held in memory
across builds and nothing is read back in bulk: 32 index seeks per article
plus one signature read per candidate, which grow with the store only through
the candidates (from the development set's similarities, about 20 per article
at 100,000 same-topic pages).  Measured in a store of 20,000 synthetic pages
made of 12-word runs of the real ones (far more alike than real pages: 46
candidates per article), placing an article took 1.4 ms on the building
thread.  datasketch's ``MinHashLSH``
would be the same lookup in process memory (or Redis): every build would
read every signature back to fill it.  The articles a build has queued but
not yet written are indexed in memory by the same band keys
(:class:`Stories`) until they are in the store.

**Which story.**  A new article joins the story of the most similar article
(ties: the smaller story IRI); with none it begins a story of its own
(:func:`builder.graph.iri.story_iri`).  An article rebuilt (changed, or
``--force``) keeps its story while it still resembles another page of it or
is its only page, so that rebuilding changes nothing that did not change;
otherwise it is placed as a new one.  A story begun by a page that is later
removed keeps its IRI while other pages tell it.  So a story's IRI depends on
which page came first: a store built from the same pages in another order
groups them alike but may name a story after another of its pages.  Changing :data:`SHINGLE_WORDS`,
:data:`PERMUTATIONS` or the bands calls for a new extractor version (every
article rebuilt), since signatures of two settings do not compare.
"""
from __future__ import annotations

import base64
import re
from collections.abc import Callable

import numpy as np
from pyoxigraph import Literal, NamedNode, Quad, Store

from .iri import mint, story_iri
from .namespaces import FAKG, RDF
from ..text.textkey import fold

SHINGLE_WORDS = 4  #: words per shingle
PERMUTATIONS = 64  #: MinHash values per signature
BANDS, ROWS = 32, 2  #: locality-sensitive hashing: 32 bands of 2 values (all 64 values used)
THRESHOLD = 0.3  #: estimated Jaccard similarity from which two pages tell the same story
SEED = 1  #: of datasketch's permutations: part of what makes signatures comparable
SCHEME = "affine32"  #: datasketch's permutation scheme (its default since 2.0), named so that it cannot change under us

STORY = FAKG("story")
STORY_CLASS = FAKG("Story")
SIGNATURE = FAKG("signature")
MIN_HASH = FAKG("minHash")
LSH_BAND = FAKG("lshBand")

_WORD = re.compile(r"\w+")


# --- signatures (the worker side) --------------------------------------------------------

def words(text: str) -> list[str]:
    """The words of ``text`` folded (:func:`builder.text.textkey.fold`): letters and digits unified, no punctuation."""
    return [w for token in text.split() for w in _WORD.findall(fold(token))]


def shingles(text: str) -> set[bytes]:
    """The :data:`SHINGLE_WORDS`-word shingles of ``text`` (a shorter text is one shingle), UTF-8 encoded."""
    ws = words(text)
    if len(ws) <= SHINGLE_WORDS:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(ws) - SHINGLE_WORDS + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text``'s shingles (:data:`PERMUTATIONS` uint32), None for a text without words."""
    from datasketch import MinHash  # here: datasketch imports scipy (0.25 s), which `fakg query` need not wait for

    grams = shingles(text)
    if not grams:
        return None
    m = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)
    m.update_batch(grams)
    return m.hashvalues.astype("<u4")


def encode(sig: np.ndarray) -> str:
    return base64.b64encode(sig.astype("<u4").tobytes()).decode("ascii")


def decode(text: str) -> np.ndarray | None:
    """A signature from its literal (None when it is not one: another setting, or damaged)."""
    try:
        sig = np.frombuffer(base64.b64decode(text, validate=True), dtype="<u4")
    except ValueError:
        return None
    return sig if len(sig) == PERMUTATIONS else None


def band_keys(sig: np.ndarray) -> list[str]:
    """The signature's :data:`BANDS` band keys: band number and its :data:`ROWS` values in hex."""
    return [f"{b:02d}" + "".join(f"{int(v):08x}" for v in sig[b * ROWS:(b + 1) * ROWS]) for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity that two signatures estimate: the share of equal values."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def signature_quads(article: NamedNode, text: str) -> list[Quad]:
    """The article's signature in its graph: ``article fakg:signature s . s fakg:minHash "…" ; fakg:lshBand "…"``."""
    sig = signature(text)
    if sig is None:
        return []
    node = mint("signature", article)
    return [Quad(article, SIGNATURE, node, article), Quad(node, MIN_HASH, Literal(encode(sig)), article),
            *(Quad(node, LSH_BAND, Literal(k), article) for k in band_keys(sig))]


def signature_in(quads: list[Quad]) -> str | None:
    """The signature literal among an article's quads (what a worker hands back with them)."""
    for q in quads:
        if q.predicate == MIN_HASH:
            return q.object.value
    return None


def story_quads(article: NamedNode, story: NamedNode) -> list[Quad]:
    """``article`` tells ``story``, in the article's graph."""
    return [Quad(article, STORY, story, article), Quad(story, RDF.type, STORY_CLASS, article)]


# --- placing articles in stories (the building process) ----------------------------------

def _value(store: Store, subject: NamedNode, predicate: NamedNode, graph: NamedNode) -> str | None:
    for q in store.quads_for_pattern(subject, predicate, None, graph):
        return q.object.value
    return None


class Stories:
    """Places each article a build writes in a story, in input order.

    ``read(fn)`` runs ``fn`` on the store as written so far (:meth:`builder.storage.access.Writer.read`);
    ``queued(graph)`` tells whether the loader still holds ``graph`` unwritten
    (:meth:`builder.storage.loader.Loader.pending`).  Articles placed but not yet in the store are kept here,
    with their band keys, and forgotten once written: the store then answers for them.
    """

    PRUNE_EVERY = 256  #: articles placed between two looks at which queued ones are written

    def __init__(self, read: Callable[[Callable[[Store], object]], object], queued: Callable[[NamedNode], bool]):
        self.read = read
        self.queued = queued
        self.recent: dict[str, tuple[np.ndarray | None, NamedNode]] = {}  # graph IRI -> (signature, story)
        self.bands: dict[str, set[str]] = {}  # band key -> graph IRIs in recent
        self.dropped: set[str] = set()  # graphs this build drops (a page's older article): they tell no story
        self.placed = 0

    def dropping(self, graphs) -> None:
        """``graphs`` are dropped by this build (their page now yields another article): leave them out."""
        self.dropped.update(g.value for g in graphs)

    def place(self, article: NamedNode, sig_text: str | None) -> NamedNode:
        """The story of ``article`` (whose signature literal is ``sig_text``), remembered until it is written."""
        self.placed += 1
        if self.placed % self.PRUNE_EVERY == 0:
            self._forget_written()
        sig = decode(sig_text) if sig_text else None
        similar = self._similar(article, sig) if sig is not None else {}
        previous = self._story_of(article)
        if previous is not None and (any(story == previous for _, story in similar.values())
                                     or not self._told_by_others(previous, article)):
            story = previous
        elif similar:  # the most similar article's story; ties: the smaller story IRI
            story = min(similar.values(), key=lambda found: (-found[0], found[1].value))[1]
        else:
            story = self._new_story(article)
        self._remember(article, sig, story)
        return story

    # the articles that resemble one

    def _similar(self, article: NamedNode, sig: np.ndarray) -> dict[str, tuple[float, NamedNode]]:
        """Graph IRI -> (similarity, story) of every other article whose similarity to ``sig`` reaches
        :data:`THRESHOLD`: those queued in this build, then those in the store."""
        keys = band_keys(sig)
        found: dict[str, tuple[float, NamedNode]] = {}
        for k in keys:
            for g in self.bands.get(k, ()):
                if g != article.value and g not in found:
                    other, story = self.recent[g]
                    found[g] = (similarity(sig, other), story)
        found.update(self.read(lambda s: self._stored_similar(s, article, sig, keys, found)))
        return {g: f for g, f in found.items() if f[0] >= THRESHOLD}

    def _stored_similar(self, store: Store, article: NamedNode, sig: np.ndarray, keys: list[str],
                        seen: dict) -> dict[str, tuple[float, NamedNode]]:
        """The written articles that share a band key with ``sig``, with their similarity and story."""
        nodes: dict[str, tuple[NamedNode, NamedNode]] = {}
        for k in keys:
            for q in store.quads_for_pattern(None, LSH_BAND, Literal(k), None):
                g = q.graph_name.value
                if g != article.value and g not in seen and g not in self.recent and g not in nodes and g not in self.dropped:
                    nodes[g] = (q.subject, q.graph_name)
        out = {}
        for g, (node, graph) in nodes.items():  # most share a band by chance: their story is not read
            literal = _value(store, node, MIN_HASH, graph)
            other = decode(literal) if literal else None
            score = similarity(sig, other) if other is not None else 0.0
            story = _value(store, graph, STORY, graph) if score >= THRESHOLD else None
            if story is not None:
                out[g] = (score, NamedNode(story))
        return out

    # what the store and this build say about stories

    def _story_of(self, article: NamedNode) -> NamedNode | None:
        """The story ``article`` tells now: queued in this build, else as written in the store."""
        if article.value in self.recent:
            return self.recent[article.value][1]
        if article.value in self.dropped:
            return None
        story = self.read(lambda s: _value(s, article, STORY, article))
        return NamedNode(story) if story else None

    def _told_by_others(self, story: NamedNode, article: NamedNode) -> bool:
        """True when an article other than ``article`` tells ``story`` (queued, or written and not replaced)."""
        if any(g != article.value and s == story for g, (_, s) in self.recent.items()):
            return True
        return self.read(lambda s: any(q.graph_name != article and q.graph_name.value not in self.recent
                                       and q.graph_name.value not in self.dropped
                                       for q in s.quads_for_pattern(None, STORY, story, None)))

    def _new_story(self, article: NamedNode) -> NamedNode:
        """A story begun by ``article``: its IRI, unless other pages still tell that one (the article changed)."""
        attempt = 0
        while self._told_by_others(story := story_iri(article, attempt), article):
            attempt += 1
        return story

    # this build's queued articles

    def _remember(self, article: NamedNode, sig: np.ndarray | None, story: NamedNode) -> None:
        self._drop(article.value)
        self.recent[article.value] = (sig, story)
        if sig is not None:
            for k in band_keys(sig):
                self.bands.setdefault(k, set()).add(article.value)

    def _drop(self, g: str) -> None:
        sig, _ = self.recent.pop(g, (None, None))
        if sig is not None:
            for k in band_keys(sig):
                members = self.bands.get(k)
                if members is not None:
                    members.discard(g)
                    if not members:
                        del self.bands[k]

    def _forget_written(self) -> None:
        """Forget the articles the loader has written: the store answers for them now."""
        for g in [g for g in self.recent if not self.queued(NamedNode(g))]:
            self._drop(g)
