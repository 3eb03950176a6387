"""Draw a network exported by `fakg export --gexf` (or --graphml) as a PNG.

    python examples/draw_network.py network.gexf examples/network.png

Needs matplotlib (`pip install -e '.[viz]'`). Persian labels are shaped and
ordered right-to-left with arabic-reshaper and python-bidi and drawn with a
font that has Arabic-script glyphs (Vazirmatn, Noto Sans Arabic, DejaVu Sans,
in that order, whichever is installed); without those packages the nodes are
labelled with their English names where known.
"""
from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx

COLORS = {"person": "#e4572e", "organization": "#2980b9", "place": "#27ae60", "program": "#8e44ad",
          "target_group": "#f39c12"}
NAMES = {"person": "person", "organization": "organisation", "place": "place", "program": "program",
         "target_group": "target group"}
FONTS = ["Vazirmatn", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"]


def persian(text: str) -> str | None:
    """``text`` shaped for a renderer without complex text layout, or None when that is not possible."""
    try:
        import arabic_reshaper
        from bidi.algorithm import get_display
    except ImportError:
        return None
    return get_display(arabic_reshaper.reshape(text))


def read(path: str) -> nx.MultiDiGraph:
    return read_gexf(path) if path.endswith(".gexf") else nx.read_graphml(path)


def read_gexf(path: str) -> nx.MultiDiGraph:
    """The nodes and edges of a fakg GEXF file with their attributes.

    networkx's ``read_gexf`` refuses a mixed graph, and fakg's has undirected
    co-mention edges among directed relations.
    """
    import xml.etree.ElementTree as ET

    ns = {"g": "http://gexf.net/1.3"}
    graph = ET.parse(path).getroot().find("g:graph", ns)
    titles = {(block.get("class"), a.get("id")): a.get("title")
              for block in graph.findall("g:attributes", ns) for a in block.findall("g:attribute", ns)}

    def values(element, cls: str) -> dict:
        return {titles[cls, v.get("for")]: v.get("value") for v in element.iterfind("g:attvalues/g:attvalue", ns)}

    G = nx.MultiDiGraph()
    for node in graph.iterfind("g:nodes/g:node", ns):
        G.add_node(node.get("id"), label=node.get("label"), **values(node, "node"))
    for edge in graph.iterfind("g:edges/g:edge", ns):
        G.add_edge(edge.get("source"), edge.get("target"), weight=float(edge.get("weight", 1)), **values(edge, "edge"))
    return G


def spread(pos: dict, labels: dict, style: dict, family, fig, ax, rounds: int = 300) -> dict:
    """Positions moved apart until no two labels overlap (or ``rounds`` passes): labels stay on their nodes.

    Each pass measures every label's box as drawn (font, size, weight) and pushes
    the nodes of each overlapping pair apart along the axis where they overlap
    least, half the overlap each, so a crowded cluster (the Khuzestan offices)
    opens up while the layout's shape is kept.
    """
    import numpy as np

    nodes = list(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    texts = [ax.text(*xy[i], labels[n], fontsize=style[n][0], fontweight=style[n][1], family=family,
                     ha="center", va="center") for i, n in enumerate(nodes)]
    pad = 6.0  # display pixels between two labels
    for _ in range(rounds):
        span = xy.max(axis=0) - xy.min(axis=0)
        ax.set_xlim(xy[:, 0].min() - 0.12 * span[0], xy[:, 0].max() + 0.12 * span[0])
        ax.set_ylim(xy[:, 1].min() - 0.06 * span[1], xy[:, 1].max() + 0.06 * span[1])
        for t, p in zip(texts, xy):
            t.set_position(p)
        fig.canvas.draw()
        boxes = np.array([t.get_window_extent().extents for t in texts])  # x0, y0, x1, y1 in pixels
        to_data = ax.transData.inverted()
        moved = False
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                a, b = boxes[i], boxes[j]
                dx = min(a[2], b[2]) - max(a[0], b[0]) + pad
                dy = min(a[3], b[3]) - max(a[1], b[1]) + pad
                if dx <= 0 or dy <= 0:
                    continue
                ci, cj = (a[:2] + a[2:]) / 2, (b[:2] + b[2:]) / 2
                if dy <= dx:  # apart vertically: the cheaper way for wide labels
                    step = np.array([0.0, dy / 2 * (1 if ci[1] >= cj[1] else -1)])
                else:
                    step = np.array([dx / 2 * (1 if ci[0] >= cj[0] else -1), 0.0])
                origin = to_data.transform((0.0, 0.0))
                delta = to_data.transform(step) - origin
                xy[i] += delta
                xy[j] -= delta
                moved = True
        if not moved:
            break
    for t in texts:
        t.remove()
    return {n: tuple(xy[i]) for i, n in enumerate(nodes)}


def draw(G, out: str, title: str = "") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    font = next((f for f in FONTS if f in installed), None)
    simple = nx.Graph()
    for n, d in G.nodes(data=True):
        simple.add_node(n, **d)
    for a, b, d in G.edges(data=True):
        w = float(d.get("weight", 1))
        rel = d.get("relation", "")
        if simple.has_edge(a, b):
            simple[a][b]["w"] += w
            simple[a][b]["rels"].add(rel)
        else:
            simple.add_edge(a, b, w=w, rels={rel})
    # the largest connected part, so the picture is not mostly isolated dots
    keep = max(nx.connected_components(simple), key=len)
    H = simple.subgraph(keep).copy()
    # structure from the relations; co-mentions (cliques per article) only pull weakly
    for a, b, d in H.edges(data=True):
        d["pull"] = 0.15 if d["rels"] == {"co_mentioned"} else 1.0
    pos = nx.kamada_kawai_layout(H, weight=None)
    pos = nx.spring_layout(H, pos=pos, seed=7, k=3.2 / max(len(H), 1) ** 0.5, iterations=300, weight="pull")

    fig, ax = plt.subplots(figsize=(17, 12), dpi=110)
    shaped = font is not None and persian("آزمون") is not None
    labels = {}
    for n, d in H.nodes(data=True):
        fa, en = d.get("label") or "", d.get("label_en") or ""
        labels[n] = persian(fa) if shaped and fa else (en or n.rsplit("/", 1)[-1])
    family = [font, "DejaVu Sans"] if shaped else "DejaVu Sans"
    people = {n for n, d in H.nodes(data=True) if d.get("type") == "person"}
    style = {n: (11, "bold") if n in people else (9, "normal") for n in H}
    pos = spread(pos, labels, style, family, fig, ax)
    co = [(a, b) for a, b, d in H.edges(data=True) if d["rels"] == {"co_mentioned"}]
    other = [(a, b) for a, b, d in H.edges(data=True) if d["rels"] != {"co_mentioned"}]
    nx.draw_networkx_edges(H, pos, edgelist=co, ax=ax, edge_color="#c8c8c8", width=0.6, alpha=0.7)
    nx.draw_networkx_edges(H, pos, edgelist=other, ax=ax, edge_color="#555555", width=1.4, alpha=0.8)
    for kind, color in COLORS.items():
        nodes = [n for n, d in H.nodes(data=True) if d.get("type") == kind]
        sizes = [220 + 140 * H.degree(n) for n in nodes]
        nx.draw_networkx_nodes(H, pos, nodelist=nodes, node_color=color, node_size=sizes, ax=ax,
                               edgecolors="white", linewidths=1.2, label=NAMES[kind])
    for subset, size, weight in ((set(H) - people, 9, "normal"), (people, 11, "bold")):  # persons on top
        nx.draw_networkx_labels(H, pos, labels={n: labels[n] for n in subset}, ax=ax, font_size=size,
                                font_weight=weight, font_family=family,
                                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    ax.legend(loc="upper left", scatterpoints=1, markerscale=0.6, frameon=False, fontsize=11,
              title="grey lines: named in the same article; dark lines: post, part of, runs in, figure about, spoke about",
              title_fontsize=9)
    if title:
        ax.set_title(title, fontsize=13)
    ax.axis("off")
    fig.tight_layout()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    print(f"wrote {out}: {len(H)} of {len(G)} nodes (largest connected part), labels "
          + ("in Persian" if shaped else "in English (no Persian shaping available)"))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    draw(read(sys.argv[1]), sys.argv[2],
         title="fakg: who and what the five example articles connect (fakg export --gexf)")
