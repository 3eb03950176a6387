"""The generated parts of ontology/README.md are current: what the builder writes for the seed articles.

``ontology/examples.py`` rewrites the per-class Turtle examples and the
source-sentence query output from a seed build; regenerating them here from
the shared seed store (tests/seeds.py) must give the committed README, so a
change to the graph writer, the extractors or the query that is not carried
into the README fails.  Fix: ``python ontology/examples.py``.
"""
from __future__ import annotations

import difflib
import re

import pytest
from pyoxigraph import Literal, Quad, RdfFormat, Store, parse

from builder.graph.iri import DEFAULT_BASE, base
from builder.graph.namespaces import FAKG, ORG, PROV, RDF, SCHEMA, SKOS
from builder.ontology import examples  # ontology/examples.py

pytestmark = pytest.mark.skipif(base() != DEFAULT_BASE, reason="the README shows IRIs under the default base")

README = examples.README.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def store(seed_store) -> Store:
    return Store.read_only(str(seed_store))


def _generated(text: str) -> str:
    start, end = examples.MARKERS["examples"]
    return text[text.index(start):text.index(end)]


def _turtle_blocks(text: str) -> list[str]:
    return re.findall(r"```turtle\n(.*?)```", _generated(text), flags=re.S)


def test_readme_examples_are_current(store):
    regenerated = examples.render(README, store)
    if regenerated != README:
        diff = "".join(difflib.unified_diff(README.splitlines(True), regenerated.splitlines(True),
                                            "ontology/README.md (committed)", "regenerated from the seed build", n=1))
        pytest.fail("ontology/README.md is out of date; run `python ontology/examples.py`:\n" + diff[:6000])


def test_every_class_has_an_example_and_each_block_is_turtle_from_the_store(store):
    legend, *blocks = _turtle_blocks(README)
    assert len(blocks) == len(examples.EXAMPLES)
    types = set()
    for block in blocks:
        triples = list(parse(legend + block, format=RdfFormat.TURTLE))
        assert triples, block
        for t in triples:
            if t.predicate == FAKG.sourceFile:  # shown relative to the repository; the seeds are built from an absolute path
                found = [q for q in store.quads_for_pattern(t.subject, t.predicate, None, None)
                         if q.object.value.endswith("/" + t.object.value)]
            else:
                found = list(store.quads_for_pattern(t.subject, t.predicate, t.object, None))
            assert found, f"not in the seed build: {t}"
            if t.predicate == RDF.type:
                types.add(t.object)
    assert {SCHEMA.NewsArticle, SCHEMA.NewsMediaOrganization, SCHEMA.Person, ORG.Post, ORG.Organization, SCHEMA.Place,
            FAKG.Program, SCHEMA.Observation, FAKG.StatisticalVariable, FAKG.Quote, FAKG.Event,
            PROV.Activity, SKOS.Concept} <= types
    assert any("fakg:sentenceText" in b for b in blocks) and any("fakg:evidence \"" in b for b in blocks)


def test_examples_show_the_nodes_the_issue_asks_for():
    text = _generated(README)
    legend, *blocks = _turtle_blocks(README)
    program = next(b for b in blocks if "a fakg:Program" in b)
    runs_in = [t.object for t in parse(legend + program, format=RdfFormat.TURTLE) if t.predicate == FAKG.runsIn]
    assert len(runs_in) == 4, runs_in  # the four pilot provinces of the out-of-school plan
    assert '"طرح کودکان بازمانده از تحصیل"@fa' in text
    assert "schema:value 199" in text and "place:اردبیل" in text
    assert "org:subOrganizationOf organization:سازمانبهزیستیکشور" in text  # a provincial office and its parent
    assert 'fakg:isoCode "IR-24"' in text and "owl:sameAs wd:Q" in text


def test_readme_shows_the_source_sentence_query_and_its_output_on_a_seed_fact():
    start, end = examples.MARKERS["source-sentence"]
    region = README[README.index(start):README.index(end)]
    assert "SELECT ?fact ?article ?source ?sentence" in region
    assert '"source": "examples/articles/002_f0d8b60221c6b38a.txt"' in region  # relative to the repository
    assert "$ fakg query source-sentence --param fact=https://w3id.org/fakg/article/" in region
    assert '"sentence": "۱۹۹ کودک خیابانی در اردبیل شناسایی شد"' in region


def test_a_changed_graph_is_noticed(store):
    """The comparison is not vacuous: a graph writer that wrote one value differently changes the README."""
    changed = Store()
    changed.extend(store)
    observation = next(e for e in examples.EXAMPLES if e.title.startswith("schema:Observation"))
    statistic = examples.pick(store, observation)["node"]
    graph = next(changed.quads_for_pattern(statistic, None, None, None)).graph_name
    for q in list(changed.quads_for_pattern(statistic, FAKG.approximation, None, None)):
        changed.remove(q)  # an exact figure states none
    changed.add(Quad(statistic, FAKG.approximation, Literal("about"), graph))
    assert examples.render(README, changed) != README
