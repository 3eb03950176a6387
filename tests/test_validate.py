"""SHACL validation of the store: clean on good data, readable lines on broken data."""
from __future__ import annotations

from pyoxigraph import Literal, Quad

from builder.iri import article_iri, mint
from builder.namespaces import FAKG, RDF, SCHEMA
from builder.validate import validate_store
from test_graph import fake_gazetteer, gilan_document, store_with, tehran_document  # noqa: F401 (fixture)


def test_good_store_has_no_violations():
    assert validate_store(store_with(gilan_document(), tehran_document())) == []


def test_observation_without_value_is_reported():
    doc = gilan_document()
    store = store_with(doc)
    statistic = mint("statistic", article_iri(doc), 0)
    for quad in list(store.quads_for_pattern(statistic, SCHEMA.value, None)):
        store.remove(quad)
    violations = validate_store(store)
    assert len(violations) == 1
    assert "statistic/0>" in violations[0] and "schema:value" in violations[0]


def test_bad_approximation_and_unlabelled_mention_are_reported():
    doc = gilan_document()
    g = article_iri(doc)
    store = store_with(doc)
    store.add(Quad(mint("statistic", g, 1), FAKG.approximation, Literal("roughly"), g))
    ghost = mint("person", "بی‌نام")
    store.add(Quad(g, SCHEMA.mentions, ghost, g))
    store.add(Quad(ghost, RDF.type, SCHEMA.Person, g))
    violations = "\n".join(validate_store(store))
    assert "fakg:approximation" in violations and "roughly" in violations
    assert "has no Persian (@fa) label" in violations
