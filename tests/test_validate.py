"""SHACL validation of the store: clean on good data and on the seed build, readable lines on broken data; `fakg validate`."""
from __future__ import annotations

import gc
import shutil

from pyoxigraph import Literal, Quad, Store

from builder.text import gazetteer
from builder.graph import graph
from builder.cli import main
from builder.graph.iri import article_iri, mint
from builder.graph.namespaces import FAKG, PREFIXES, RDF, SCHEMA
from builder.use.validate import validate_store


def test_good_store_has_no_violations(fake_gazetteer, gilan_document, store_with, tehran_document):
    assert validate_store(store_with(gilan_document(), tehran_document())) == []


def test_observation_without_value_is_reported(fake_gazetteer, gilan_document, store_with):
    doc = gilan_document()
    store = store_with(doc)
    statistic = mint("statistic", article_iri(doc), 0)
    for quad in list(store.quads_for_pattern(statistic, SCHEMA.value, None)):
        store.remove(quad)
    violations = validate_store(store)
    assert len(violations) == 1
    assert "statistic/0>" in violations[0] and "schema:value" in violations[0]


def test_bad_approximation_and_unlabelled_mention_are_reported(fake_gazetteer, gilan_document, store_with):
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


# ------------------------------------------------------------------------------------------ the seed build


def test_seed_build_has_no_violations(seed_store):
    assert graph.gazetteer is gazetteer  # the seed store must be built with the real gazetteer
    assert validate_store(Store.read_only(str(seed_store))) == []


def test_cli_validate_exits_0_on_the_seeds_and_1_with_the_violations_of_a_broken_copy(tmp_path, capsys, seed_store):
    seeds = seed_store
    broken = tmp_path / "kg"
    shutil.copytree(seeds, broken)  # copied first, while no store of this test holds the seeds open

    assert main(["validate", "--store", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ["0 violation(s)"]

    store = Store(str(broken))
    row = next(iter(store.query(
        "SELECT ?observation ?value ?g WHERE { GRAPH ?g { ?observation a schema:Observation ; schema:value ?value } }"
        " ORDER BY ?observation LIMIT 1", prefixes=PREFIXES)))
    observation = row["observation"]
    store.remove(Quad(observation, SCHEMA.value, row["value"], row["g"]))
    assert not list(store.quads_for_pattern(observation, SCHEMA.value, None, None))
    store.flush()
    del store, row
    gc.collect()  # release the RocksDB lock before the CLI opens the copy

    assert main(["validate", "--store", str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 violation(s)"
    assert len(lines) == 2
    assert lines[0].startswith(f"<{observation.value}>  schema:value: "), lines[0]
