"""`fakg export`: the seed network as GEXF 1.3 / GraphML read back, and the store dumped as RDF."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from pyoxigraph import NamedNode, RdfFormat, Store, parse

from builder.cli import main
from builder.use.export import GEXF_NS, dump, network, write_gexf, write_graphml

G13 = "{http://gexf.net/1.3}"
SCHEMAS = Path(__file__).resolve().parent / "schemas" / "gexf-1.3"
KARIMIAN = "https://w3id.org/fakg/person/مهرانکریمیان"


@pytest.fixture(scope="module")
def store(seed_store) -> Store:
    return Store.read_only(str(seed_store))


@pytest.fixture(scope="module")
def net(store) -> nx.MultiDiGraph:
    return network(store)


def by_label(G, label: str, type_: str | None = None) -> str:
    found = [n for n, d in G.nodes(data=True) if d.get("label") == label and (type_ is None or d["type"] == type_)]
    assert len(found) == 1, (label, found)
    return found[0]


def edges(G, relation: str) -> set[tuple[str, str]]:
    return {(G.nodes[a]["label"], G.nodes[b]["label"]) for a, b, d in G.edges(data=True) if d["relation"] == relation}


def test_network_nodes(net):
    types = {d["type"] for _, d in net.nodes(data=True)}
    assert types == {"person", "organization", "place", "program", "target_group"}
    karimian = net.nodes[KARIMIAN]
    assert karimian["type"] == "person" and karimian["label"] == "مهران کریمیان" and karimian["articles"] == 1
    assert karimian["first"] == karimian["last"] == "2024-09-10" and karimian["spells"] == [("2024-09-10", "2024-09-10")]
    khuzestan = net.nodes[by_label(net, "استان خوزستان", "place")]
    assert (khuzestan["wikidata"], khuzestan["iso"], khuzestan["label_en"]) == ("Q241119", "IR-06", "Khuzestan Province")
    assert khuzestan["articles"] == 3 and khuzestan["kind"] == "province"
    assert net.nodes[by_label(net, "اهواز")]["wikidata"] == "Q170366"
    street = net.nodes["https://w3id.org/fakg/concept/target-group/street-children"]
    assert street["type"] == "target_group" and street["label"] == "کودکان خیابانی" and street["label_en"] == "street children"
    assert not [n for n, d in net.nodes(data=True) if n.startswith("https://w3id.org/fakg/agency/")]  # publishers left out


def test_no_two_places_share_a_label(net):
    """A province and its capital have one name («تهران», «اردبیل»): the province is «استان …»."""
    places = [d for _, d in net.nodes(data=True) if d["type"] == "place"]
    labels = [d["label"] for d in places]
    assert len(labels) == len(set(labels)), sorted(labels)
    assert {"استان تهران", "تهران", "استان اردبیل", "اردبیل"} <= set(labels)
    assert all(d["label"].startswith("استان ") == (d.get("kind") == "province") for d in places)


def test_network_relations(net):
    assert ("مهران کریمیان", "اداره کل بهزیستی استان خوزستان") in edges(net, "holds_post_in")
    assert {("اداره کل بهزیستی استان خوزستان", "سازمان بهزیستی کشور"),
            ("سازمان بهزیستی کشور", "وزارت تعاون، کار و رفاه اجتماعی")} <= edges(net, "sub_organization_of")
    pilots = {place for program, place in edges(net, "runs_in") if program == "طرح کودکان بازمانده از تحصیل"}
    assert pilots == {"استان خوزستان", "استان تهران", "استان کرمان", "استان سیستان و بلوچستان"}
    assert ("کودکان خیابانی", "استان اردبیل") in edges(net, "figure_about")
    assert ("روزبه کردونی", "کودکان بازمانده از تحصیل") in edges(net, "spoke_about")
    assert ("اهواز", "استان خوزستان") in edges(net, "located_in")
    post = next(d for a, b, d in net.edges(data=True) if a == KARIMIAN and d["relation"] == "holds_post_in")
    assert post["weight"] == 1 and any("مدیر کل" in p for p in post["posts"]) and post["first"] == "2024-09-10"
    figure = next(d for a, b, d in net.edges(data=True)
                  if d["relation"] == "figure_about" and net.nodes[b]["label"] == "استان اردبیل"
                  and a.endswith("/street-children"))
    assert figure["figures"] >= 1 and figure["weight"] == 1


def test_co_mentions_are_weighted_by_articles(net, store):
    co = {frozenset((net.nodes[a]["label"], net.nodes[b]["label"])): d
          for a, b, d in net.edges(data=True) if d["relation"] == "co_mentioned"}
    assert co[frozenset(("مهران کریمیان", "اداره کل بهزیستی استان خوزستان"))]["weight"] == 1
    both = co[frozenset(("صادق جعفری چگنی", "اداره کل بهزیستی استان خوزستان"))]
    assert both["weight"] == 1 and both["first"] == "2024-06-12"
    for a, b, d in net.edges(data=True):
        if d["relation"] == "co_mentioned":
            assert {net.nodes[a]["type"], net.nodes[b]["type"]} <= {"person", "organization"}
    # the same weights as the co-mentions query
    assert all(d["weight"] == 1 for d in co.values())
    assert network(store, min_co_mentions=2).number_of_edges() == net.number_of_edges() - len(co)
    assert not [d for *_, d in network(store, co_mentions=False).edges(data=True) if d["relation"] == "co_mentioned"]


def gexf_grammar():
    """The official GEXF 1.3 RELAX NG grammar (tests/schemas/gexf-1.3, see its README)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(SCHEMAS / "gexf.rng")))


def test_gexf_is_valid_1_3_and_dynamic(net, tmp_path):
    from lxml import etree

    path = tmp_path / "net.gexf"
    write_gexf(net, path)
    grammar = gexf_grammar()
    assert grammar.validate(etree.parse(str(path))), grammar.error_log
    text = path.read_text(encoding="utf-8")
    assert 'xmlns="http://gexf.net/1.3"' in text and 'version="1.3"' in text and GEXF_NS == "http://gexf.net/1.3"
    assert "networkx_key" not in text and "None" not in text
    root = ET.parse(path).getroot()
    assert root.tag == f"{G13}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{G13}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date" and graph.get("name") is None
    declared = {(block.get("class"), a.get("title"), a.get("type"))
                for block in graph.findall(f"{G13}attributes") for a in block.findall(f"{G13}attribute")}
    for cls, title in (("node", "type"), ("node", "kind"), ("node", "label_en"), ("node", "wikidata"), ("node", "iso"),
                       ("node", "articles"), ("edge", "relation"), ("edge", "posts"), ("edge", "first")):
        assert any(c == cls and t == title for c, t, _ in declared), (cls, title)
    assert ("node", "articles", "long") in declared
    node = next(n for n in graph.iter(f"{G13}node") if n.get("id") == KARIMIAN)
    assert node.get("label") == "مهران کریمیان"
    spells = [(s.get("start"), s.get("end")) for s in node.iter(f"{G13}spell")]
    assert spells == [("2024-09-10", "2024-09-10")]
    assert node.find("{http://gexf.net/1.3/viz}color") is not None
    xml_edges = list(graph.iter(f"{G13}edge"))
    assert {"holds_post_in", "co_mentioned", "runs_in"} <= {e.get("kind") for e in xml_edges}
    assert len(xml_edges) == net.number_of_edges()
    # a co-mention is one undirected edge (not "mutual", which Gephi and networkx read as two)
    co = [e for e in xml_edges if e.get("kind") == "co_mentioned"]
    assert {e.get("type") for e in co} == {"undirected"}
    assert len(co) == len({frozenset((e.get("source"), e.get("target"))) for e in co}) == \
        len([1 for *_, d in net.edges(data=True) if d["relation"] == "co_mentioned"])
    assert {e.get("type") for e in xml_edges if e.get("kind") != "co_mentioned"} == {None}  # directed, the default


def test_gexf_grammar_refuses_what_was_wrong(net, tmp_path):
    """The check is not vacuous: the grammar refuses a graph name and a stray attribute value."""
    from lxml import etree

    path = tmp_path / "net.gexf"
    write_gexf(net, path)
    doc = etree.parse(str(path))
    doc.getroot().find(f"{G13}graph").set("name", "fakg")
    assert not gexf_grammar().validate(doc)


def test_graphml_reads_back(net, tmp_path):
    path = tmp_path / "net.graphml"
    write_graphml(net, path)
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == net.number_of_nodes() and back.number_of_edges() == net.number_of_edges()
    assert back.nodes[KARIMIAN]["label"] == "مهران کریمیان" and back.nodes[KARIMIAN]["days"] == "2024-09-10"
    holds = [d for a, b, d in back.edges(data=True) if a == KARIMIAN and d["relation"] == "holds_post_in"]
    assert holds and holds[0]["weight"] == 1 and "مدیر کل" in holds[0]["posts"]


@pytest.mark.parametrize("fmt,rdf_format,rdflib_format", [
    ("nquads", RdfFormat.N_QUADS, "nquads"), ("trig", RdfFormat.TRIG, "trig"),
    ("jsonld", RdfFormat.JSON_LD, "json-ld"), ("turtle", RdfFormat.TURTLE, "turtle")])
def test_rdf_dump_parses_back(store, tmp_path, fmt, rdf_format, rdflib_format):
    path = tmp_path / f"kg.{fmt}"
    dump(store, path, fmt)
    quads = list(parse(path=str(path), format=rdf_format))
    if fmt == "turtle":  # the union of the graphs, without duplicates
        triples = {(q.subject, q.predicate, q.object) for q in store}
        assert len(quads) == len(triples)
    else:
        assert len(quads) == len(store)
        graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode)}
        assert len(graphs) == 7  # five articles, the vocabulary and the name index
    g = rdflib.Dataset()  # rdflib reads it too, Persian literals and IRIs included
    g.parse(path, format=rdflib_format)
    ardabil = (None, rdflib.URIRef("http://www.w3.org/2002/07/owl#sameAs"), rdflib.URIRef("http://www.wikidata.org/entity/Q134228"))
    assert any(True for _ in g.quads(ardabil))
    assert any(True for _ in g.quads((None, None, rdflib.Literal("مهران کریمیان", lang="fa"))))


def test_turtle_of_one_graph(store, tmp_path):
    article = next(g for g in store.named_graphs() if g.value.startswith("https://w3id.org/fakg/article/"))
    path = tmp_path / "one.ttl"
    dump(store, path, "turtle", graph=article.value)
    triples = list(parse(path=str(path), format=RdfFormat.TURTLE))
    assert len(triples) == len(list(store.quads_for_pattern(None, None, None, article)))
    with pytest.raises(ValueError, match="no graph"):
        dump(store, tmp_path / "x.ttl", "turtle", graph="https://example.org/none")


def test_cli_export(tmp_path, capsys, seed_store):
    store = str(seed_store)
    gexf, graphml, trig = tmp_path / "n.gexf", tmp_path / "n.graphml", tmp_path / "kg.trig"
    assert main(["export", "--store", store, "--gexf", str(gexf), "--graphml", str(graphml)]) == 0
    assert "GEXF 1.3" in capsys.readouterr().out
    assert len(list(ET.parse(gexf).getroot().iter(f"{G13}node"))) == nx.read_graphml(graphml).number_of_nodes()
    from lxml import etree

    assert gexf_grammar().validate(etree.parse(str(gexf)))
    assert main(["export", "--store", store, "--format", "trig", "--out", str(trig)]) == 0
    assert len(list(parse(path=str(trig), format=RdfFormat.TRIG))) > 3000
    assert main(["export", "--store", store]) == 2
    assert main(["export", "--store", store, "--out", str(trig)]) == 2
    assert main(["export", "--store", store, "--format", "trig", "--graph", "urn:x", "--out", str(trig)]) == 2
