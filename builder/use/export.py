"""``fakg export``: the store as a network for Gephi (GEXF 1.3, GraphML) or as RDF files.

The network (:func:`network`) is a :class:`networkx.MultiDiGraph` whose nodes
are the store's persons, organisations, places, programs and target groups,
keyed by IRI, with the attributes

=============  ===============================================================
``type``       person, organization, place, program or target_group
``kind``       for places: province, county, city, country or region
``label``      Persian name (the spelling seen most often); a province's is «استان …», so
               that it is not read as its capital («استان تهران» and «تهران»)
``label_en``   English name, where the gazetteer or the vocabulary has one
``wikidata``   Wikidata id (``Q241119``) from ``owl:sameAs``, where known
``iso``        ISO 3166-2:IR code of a province
``iri``        the node's IRI (also its id)
``articles``   number of articles that describe it: name it (``schema:mentions``) or imply it
               (an organisation above one they name)
``first``, ``last``  first and last publication day of those articles
=============  ===============================================================

and whose edges (key = relation) carry ``relation``, ``weight`` (the number of
articles the relation was read from) and ``first``/``last`` days:

======================  ======================  ==========================================
relation                from -> to              read from
======================  ======================  ==========================================
``holds_post_in``       person -> organisation  ``org:holds/org:postIn`` (``posts``: titles)
``sub_organization_of`` organisation -> parent  ``org:subOrganizationOf``
``serves``              organisation -> place   ``schema:areaServed``
``runs_in``             program -> place        ``fakg:runsIn``
``run_by``              program -> organisation ``fakg:runBy``
``located_in``          place -> province       ``schema:containedInPlace``
``figure_about``        target group -> place   an observation of a variable of that group
                                                about that place (``figures``: how many)
``reported_figure_on``  person -> target group  an observation attributed to the person
``spoke_about``         person -> target group  a quote of the person tagged with the group
``co_mentioned``        actor -- actor          persons and organisations named in the same
                                                article (weight = number of such articles;
                                                one undirected edge in GEXF)
======================  ======================  ==========================================

Time: in GEXF every node and edge has one ``<spell>`` per publication day of
the articles it was read from (``start = end = day``), and the graph is
``mode="dynamic" timeformat="date"``, so Gephi's timeline filter shows the
network of any period. Articles without a date contribute no spell; an
element read only from undated articles has no spell (always visible).

:func:`write_gexf` writes GEXF 1.3 with networkx and fixes what networkx does
not do for it, so that the file is valid against the official GEXF 1.3
RELAX NG grammar (``tests/schemas/gexf-1.3``): no ``name`` on the graph and no
``xsi:schemaLocation`` (neither is in the grammar), no ``networkx_key``
attribute (the relation is the edge's ``kind``, which Gephi uses to keep the
parallel edges of different relations apart), values that are ``None`` or
lists dropped or joined with ``|``, and co-mentions as ``undirected`` edges in
an otherwise directed (mixed) graph: one edge each, where ``mutual`` makes
Gephi and networkx draw two.  networkx's own ``read_gexf`` does not read mixed
graphs; :func:`write_graphml` writes the same graph for networkx and other
tools, with the spells as a ``days`` string.

:func:`dump` writes the store as N-Quads, TriG or JSON-LD (every named
graph kept) or Turtle (one graph, or the union of all graphs without their
graph names).
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, Triple, serialize

from ..kinds import KINDS
from ..graph.namespaces import PREFIXES, VOCABULARY_GRAPH
from .sparql import query_files, solutions

#: viz:color of each kind of node (Gephi shows them as they are): the network kinds' own, and target groups'
COLORS = {**{k.network: k.color for k in KINDS if k.network}, "target_group": (243, 156, 18)}
#: the relations between nodes, each read by ``queries/export/relations/{relation}.rq`` (besides co-mentions)
RELATIONS = tuple(sorted(name[:-3] for name in query_files("export/relations")))


def _day(published) -> str | None:
    """The Tehran-local day of an ``xsd:dateTime`` (its lexical form keeps the +03:30 offset)."""
    return published.value[:10] if published is not None else None


def _qid(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def network(store: Store, *, co_mentions: bool = True, min_co_mentions: int = 1) -> nx.MultiDiGraph:
    """The actors, places, programs and target groups of ``store`` and their relations (see the module doc)."""
    days = {row["g"].value: _day(row["published"]) for row in solutions(store, "export/articles")}
    G = nx.MultiDiGraph()
    graphs_of = _nodes(store, G)
    _describe_nodes(store, G)
    mentioned, actors_in = _mentions(store, G)
    edges, extras = _relations(store, G)
    if co_mentions:
        edges.update(_co_mentions(actors_in, min_co_mentions))
    for node, data in G.nodes(data=True):
        gs = mentioned.get(node, set()) | graphs_of.get(node, set())  # named, or implied (a parent body)
        data["articles"] = len(gs)
        _time(data, gs, days)
        data.setdefault("label", _qid(node))
    for (a, b, relation), gs in sorted(edges.items()):
        data = {"relation": relation, "weight": len(gs)}
        if relation == "holds_post_in":
            data["posts"] = sorted(extras[(a, b, relation)])
        elif relation == "figure_about":
            data["figures"] = len(extras[(a, b, relation)])
        _time(data, gs, days)
        G.add_edge(a, b, key=relation, **data)
    return G


def _nodes(store: Store, G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Add a node for each entity of a network kind (:attr:`builder.kinds.Kind.network`); the graphs describing each."""
    graphs_of: dict[str, set[str]] = defaultdict(set)
    for kind in KINDS:
        if kind.network:
            for row in solutions(store, "export/nodes", {"class": kind.classes[0]}):
                node = row["node"].value
                if node not in G:
                    G.add_node(node, type=kind.network, iri=node)
                graphs_of[node].add(row["g"].value)
    return graphs_of


def _describe_nodes(store: Store, G: nx.MultiDiGraph) -> None:
    """Labels (the spelling seen most often, by language), place kinds, Wikidata ids and ISO codes."""
    labels: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for kind in KINDS:
        if kind.network:
            for row in solutions(store, "export/labels", {"class": kind.classes[0]}):
                lab = row["label"]
                labels[row["node"].value][lab.language or ""][lab.value] += int(row["n"].value)
    for node, by_lang in labels.items():
        if node not in G:
            continue
        for lang, attr in (("fa", "label"), ("en", "label_en")):
            if by_lang.get(lang):
                G.nodes[node][attr] = min(by_lang[lang].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    for row in solutions(store, "export/place-kinds"):
        node = row["node"].value
        if node in G and G.nodes[node]["type"] == "place":
            G.nodes[node]["kind"] = row["kind"].value
            if row["kind"].value == "province" and G.nodes[node].get("label"):
                G.nodes[node]["label"] = province_label(G.nodes[node]["label"])
    for row in solutions(store, "export/links"):
        node = row["node"].value
        if node in G:
            if row["wikidata"] is not None:
                G.nodes[node]["wikidata"] = _qid(row["wikidata"].value)
            if row["iso"] is not None:
                G.nodes[node]["iso"] = row["iso"].value


def _mentions(store: Store, G: nx.MultiDiGraph) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Node -> the articles that mention it, and article -> the persons and organisations it mentions."""
    mentioned: dict[str, set[str]] = defaultdict(set)
    actors_in: dict[str, set[str]] = defaultdict(set)
    for row in solutions(store, "export/mentions"):
        node, g = row["node"].value, row["g"].value
        if node in G:
            mentioned[node].add(g)
            if G.nodes[node]["type"] in ("person", "organization"):
                actors_in[g].add(node)
    return mentioned, actors_in


def _relations(store: Store, G: nx.MultiDiGraph):
    """``(a, b, relation) -> articles`` of every relation between nodes, and the posts and figures behind
    ``holds_post_in`` and ``figure_about``; target groups become nodes as relations reach them."""
    tg_labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in solutions(store, "export/target-groups"):
        tg_labels[row["node"].value][row["lang"].value] = row["label"].value
    edges: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    extras: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for relation in RELATIONS:
        for row in solutions(store, f"export/relations/{relation}"):
            a, b, g = row["a"].value, row["b"].value, row["g"].value
            for end in (a, b):
                if end not in G and end in tg_labels:
                    G.add_node(end, type="target_group", iri=end, label=tg_labels[end].get("fa", _qid(end)),
                               label_en=tg_labels[end].get("en"))
            if a not in G or b not in G or a == b:
                continue
            edges[(a, b, relation)].add(g)
            if relation in ("holds_post_in", "figure_about") and row["extra"] is not None:
                extras[(a, b, relation)].add(row["extra"].value)
    return edges, extras


def _co_mentions(actors_in: dict[str, set[str]], min_co_mentions: int) -> dict[tuple[str, str, str], set[str]]:
    """Persons and organisations named in the same articles, pairs seen in at least ``min_co_mentions``."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g, actors in actors_in.items():
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                pairs[(a, b)].add(g)
    return {(a, b, "co_mentioned"): gs for (a, b), gs in pairs.items() if len(gs) >= min_co_mentions}


PROVINCE_WORD = "استان"


def province_label(name: str) -> str:
    """«استان تهران» for «تهران»: a province and its capital often share a name («تهران», «اردبیل»)."""
    return name if name.startswith(PROVINCE_WORD) else f"{PROVINCE_WORD} {name}"


def _time(data: dict, graphs, days: dict) -> None:
    """``first``/``last`` day and the day spells of the articles ``graphs``."""
    dated = sorted({days[g] for g in graphs if days.get(g)})
    if dated:
        data["first"], data["last"] = dated[0], dated[-1]
        data["spells"] = [(d, d) for d in dated]


# ------------------------------------------------------------------------------------------- GEXF / GraphML

GEXF_NS = "http://gexf.net/1.3"


def _flat(G: nx.MultiDiGraph, *, keep_spells: bool) -> nx.MultiDiGraph:
    """A copy whose attribute values are all str/int/float: None dropped, lists joined with " | "."""
    H = nx.MultiDiGraph()

    def clean(data: dict) -> dict:
        out = {}
        for k, v in data.items():
            if v is None or (isinstance(v, (list, tuple, set)) and not v):
                continue
            if k == "spells":
                if keep_spells:
                    out[k] = list(v)
                else:
                    out["days"] = ";".join(s for s, _ in v)
                continue
            out[k] = " | ".join(map(str, v)) if isinstance(v, (list, tuple, set)) else v
        return out

    for node, data in G.nodes(data=True):
        H.add_node(node, **clean(data))
    for a, b, k, data in G.edges(keys=True, data=True):
        H.add_edge(a, b, key=k, **clean(data))
    return H


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """``G`` as GEXF 1.3 (``http://gexf.net/1.3``), dynamic by day, coloured by node type."""
    from networkx.readwrite.gexf import GEXFWriter

    H = _flat(G, keep_spells=True)
    for node, data in H.nodes(data=True):
        r, g, b = COLORS.get(data.get("type"), (127, 127, 127))
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    for a, b, k, data in H.edges(keys=True, data=True):
        if data.get("relation") == "co_mentioned":
            data["type"] = "undirected"  # one edge; "mutual" is read as two, one each way
    writer = GEXFWriter(version="1.3", encoding="utf-8", prettyprint=True)
    writer.add_graph(H)
    root = writer.xml
    for name in ("xmlns:xsi", "xsi:schemaLocation"):  # not in the 1.3 grammar (and networkx misspells the first)
        root.attrib.pop(name, None)
    graph = root.find("graph")
    graph.attrib.pop("name", None)  # not a GEXF 1.3 attribute
    _drop_attribute(graph, "edge", "networkx_key")  # the multigraph key: the relation, which `kind` carries
    meta = root.find("meta")
    if meta is not None:
        creator = meta.find("creator")
        if creator is not None:
            creator.text = f"fakg (with {creator.text})"
        ET.SubElement(meta, "description").text = (
            "Persons, organisations, places, programs and target groups read from Persian welfare news; "
            "edge weight = number of articles")
    for edge in root.iter("edge"):  # Gephi keeps parallel edges apart only when their kinds differ
        relation = _attvalue(root, edge, "relation")
        if relation:
            edge.set("kind", relation)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        writer.write(f)


def _drop_attribute(graph: ET.Element, cls: str, title: str) -> None:
    """Remove the declaration of attribute ``title`` of ``cls`` elements and every value given for it."""
    for block in graph.iter("attributes"):
        if block.get("class") != cls:
            continue
        for a in [a for a in block.findall("attribute") if a.get("title") == title]:
            block.remove(a)
            for values in graph.iter("attvalues"):
                for v in [v for v in values.findall("attvalue") if v.get("for") == a.get("id")]:
                    values.remove(v)


def _attvalue(root: ET.Element, element: ET.Element, title: str) -> str | None:
    ids = {a.get("id") for block in root.iter("attributes") if block.get("class") == element.tag
           for a in block.iter("attribute") if a.get("title") == title}
    for v in element.iter("attvalue"):
        if v.get("for") in ids:
            return v.get("value")
    return None


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """``G`` as GraphML; the days of an element are one ``days`` string ("2024-06-12;2024-09-10")."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(_flat(G, keep_spells=False), str(path), encoding="utf-8", named_key_ids=True)


# ------------------------------------------------------------------------------------------- RDF dump

DUMP_FORMATS = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD,
                "turtle": RdfFormat.TURTLE}


def dump(store: Store, path: str | os.PathLike, fmt: str, *, graph: str | None = None,
         include_vocabulary: bool = True) -> None:
    """Write the store to ``path`` as ``fmt`` (nquads, trig, jsonld: every named graph; turtle: see below).

    Turtle has no named graphs: with ``graph`` (an article IRI, or the
    vocabulary graph) it writes that graph, otherwise the union of every graph
    with duplicates removed (which article said what is then only in the facts'
    ``prov:wasDerivedFrom``; use trig or nquads to keep the graphs).
    """
    if fmt not in DUMP_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(DUMP_FORMATS)})")
    rdf_format = DUMP_FORMATS[fmt]
    prefixes = dict(PREFIXES)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if graph is not None:
        if fmt != "turtle":
            raise ValueError("--graph goes with --format turtle (the other formats keep every graph)")
        node = NamedNode(graph)
        if not store.contains_named_graph(node):
            raise ValueError(f"no graph {graph} in the store")
        store.dump(str(path), rdf_format, from_graph=node, prefixes=prefixes)
        return
    if fmt == "turtle":
        triples = (Triple(r["s"], r["p"], r["o"]) for r in solutions(store, "export/union"))
        serialize(triples, str(path), rdf_format, prefixes=prefixes)
        return
    if include_vocabulary:
        store.dump(str(path), rdf_format, prefixes=prefixes if fmt != "nquads" else None)
        return
    quads = (q for q in store if q.graph_name != VOCABULARY_GRAPH and not isinstance(q.graph_name, DefaultGraph))
    serialize(quads, str(path), rdf_format, prefixes=prefixes if fmt != "nquads" else None)
