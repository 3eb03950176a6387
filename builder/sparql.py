"""The query library: load ``.rq`` files from ``queries/``, bind parameters, format results.

Queries are never assembled from user text.  A query declares its parameters
as variables (``?province``); values given on the command line are bound with
Oxigraph's ``substitutions`` (SEP-0007), so a hostile value stays a value.

Each library query starts with a comment header::

    # Question: Which officials hold which posts?
    # Param: province  Persian name of a province (optional)
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Variable

from .namespaces import PREFIXES


@dataclass
class LibraryQuery:
    name: str
    text: str
    question: str
    params: dict[str, str]  # name -> description


def _parse(name: str, text: str) -> LibraryQuery:
    question, params = "", {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = re.match(r"#\s*Question:\s*(.+)", line)
        if m:
            question = m.group(1).strip()
        m = re.match(r"#\s*Param:\s*(\w+)\s*(.*)", line)
        if m:
            params[m.group(1)] = m.group(2).strip()
    return LibraryQuery(name, text, question, params)


def library() -> dict[str, LibraryQuery]:
    """Every query in ``queries/`` (top level), by name without ``.rq``."""
    root = resources.files("builder.queries")
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            out[entry.name[:-3]] = _parse(entry.name[:-3], entry.read_text(encoding="utf-8"))
    return out


def load(name_or_file: str) -> LibraryQuery:
    """A library query by name, or a ``.rq`` file by path."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.exists():
        return _parse(path.stem, path.read_text(encoding="utf-8"))
    lib = library()
    name = path.stem if path.suffix == ".rq" else name_or_file
    if name not in lib:
        raise KeyError(f"no query named {name_or_file!r}; `fakg query --list` shows the library")
    return lib[name]


def resource(relative: str) -> str:
    """Text of a query file inside ``queries/`` (e.g. ``facts/persons.rq``)."""
    return resources.files("builder.queries").joinpath(relative).read_text(encoding="utf-8")


def term(value: str):
    """A command-line value as an RDF term: ``<iri>`` or http(s) IRIs are IRIs, numbers typed, else a string."""
    if value.startswith("<") and value.endswith(">"):
        return NamedNode(value[1:-1])
    if re.fullmatch(r"https?://\S+", value):
        return NamedNode(value)
    if re.fullmatch(r"-?\d+", value):
        return Literal(value, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return Literal(value)


def run(store: Store, query: str, params: dict | None = None):
    """Execute ``query`` with ``params`` (name -> str or RDF term) bound, never spliced."""
    subs = {Variable(k): (v if not isinstance(v, str) else term(v)) for k, v in (params or {}).items()}
    return store.query(query, substitutions=subs, prefixes=PREFIXES, use_default_graph_as_union=True)


def rows(result) -> tuple[list[str], list[list]]:
    """Column names and rows of Python values (None for unbound)."""
    if isinstance(result, QueryBoolean):
        return ["result"], [[bool(result)]]
    if not isinstance(result, QuerySolutions):
        raise TypeError("only SELECT and ASK queries are tabulated")
    cols = [v.value for v in result.variables]
    out = []
    for sol in result:
        out.append([_py(sol[c]) for c in cols])
    return cols, out


def _py(t):
    if t is None:
        return None
    if isinstance(t, Literal):
        dt = t.datatype.value
        if dt.endswith(("#integer", "#int", "#long")):
            return int(t.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            f = float(t.value)
            return int(f) if f.is_integer() else f
        return t.value
    if isinstance(t, (NamedNode, BlankNode)):
        return t.value
    return str(t)


def _width(s: str) -> int:
    """Terminal columns of ``s``: ZWNJ and combining marks take none, wide chars two."""
    w = 0
    for c in s:
        if c in "\u200c\u200d\u200e\u200f" or unicodedata.combining(c):
            continue
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return w


def format_rows(cols: list[str], data: list[list], fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in data], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(cols)
        writer.writerows([["" if v is None else v for v in r] for r in data])
        return buf.getvalue()
    cells = [[("" if v is None else str(v)) for v in r] for r in data]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(cols)]

    def line(values):
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(cols), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)
