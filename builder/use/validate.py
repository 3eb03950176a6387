"""``fakg validate``: the store checked against ``ontology/shapes.ttl`` with pyshacl.

Shapes are checked on the union of every graph in the store plus the ontology
and the target groups, because links cross graphs: an observation in one
article points to a variable or place that every article shares, and concepts
live in the vocabulary graph (which may not be loaded).  The result is a
sorted list of one readable line per violation, IRIs shortened with the
project prefixes.
"""
from __future__ import annotations

import pyshacl
from pyoxigraph import RdfFormat, Store, Triple, serialize
from rdflib import Graph, URIRef
from rdflib.namespace import RDF as RDFLIB_RDF
from rdflib.namespace import SH as RDFLIB_SH

from ..graph.namespaces import PREFIXES, read_resource


def validate_store(store: Store) -> list[str]:
    """Every SHACL violation in ``store`` as a line ``focus  path: message (value)``; empty when valid."""
    data = Graph()
    triples = (Triple(q.subject, q.predicate, q.object) for q in store)
    data.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")
    for name in ("fakg.ttl", "target-groups.ttl", "measures.ttl"):
        data.parse(data=read_resource("ontology", name), format="turtle")
    shapes = Graph().parse(data=read_resource("ontology", "shapes.ttl"), format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    lines = set()
    for result in report.subjects(RDFLIB_RDF.type, RDFLIB_SH.ValidationResult):
        if report.value(result, RDFLIB_SH.resultSeverity) != RDFLIB_SH.Violation:
            continue
        focus = _short(report.value(result, RDFLIB_SH.focusNode))
        path = report.value(result, RDFLIB_SH.resultPath)
        inverse = report.value(path, RDFLIB_SH.inversePath) if path is not None else None
        path = f"^{_short(inverse)}" if inverse is not None else _short(path)
        message = report.value(result, RDFLIB_SH.resultMessage) or _short(
            report.value(result, RDFLIB_SH.sourceConstraintComponent))
        value = report.value(result, RDFLIB_SH.value)
        lines.add(f"{focus}  {path}: {message}" + (f" (value {_short(value)})" if value is not None else ""))
    return sorted(lines)


def _short(term) -> str:
    """A term for humans: ``schema:Person`` rather than the full IRI; data IRIs in <>, literals in N3."""
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        for prefix, iri in PREFIXES.items():
            if term.startswith(iri) and "/" not in term[len(iri):]:
                return f"{prefix}:{term[len(iri):]}"
        return f"<{term}>"
    return term.n3()
