"""The query library: load ``.rq`` files from ``queries/``, bind parameters, format results.

Queries are never assembled from user text.  A query declares its parameters
as variables (``?province``); values given on the command line are bound with
Oxigraph's ``substitutions`` (SEP-0007), so a hostile value stays a value.

Each library query starts with a comment header::

    # Question: Which officials hold which posts?
    # Param: province  Persian name of a province (optional)
    # Param: endpoint  a SPARQL endpoint (default: <https://query.wikidata.org/sparql>)

A parameter left unset means "all"; ``(default: X)`` at the end of its
description gives the value bound when it is not set.

Writing a parameterised query for Oxigraph (0.5) — what substitution does:

* the parameter must be a variable of the outer ``SELECT`` (Oxigraph refuses a
  substitution for a variable it does not project), and of every sub-select
  it is used in;
* use it in triple patterns and in expressions (``CONTAINS(?name, ?p)``,
  ``STR(?p)``); ``BOUND(?p)`` and ``BIND(?p AS ?q)`` do not see the
  substituted value, so test "unset" as ``COALESCE(STR(?p), "") = ""``;
* ASK queries cannot take parameters.

Writing it so that a set parameter makes it fast (the library's patterns,
measured in ``benchmarks/README.md``):

* Oxigraph plans a query before it sees the substituted values, so a value
  computed from a parameter (its spelling-insensitive key) is only used for an
  index lookup inside a ``LATERAL { … }`` block (SEP-0006, an Oxigraph
  extension), which runs once per row found before it, with that row's
  values.  A parameter therefore gets a *gate*:
  ``LATERAL { { FILTER(COALESCE(STR(?p), "") = "") } UNION { SELECT DISTINCT
  ?g ?x ?p WHERE { BIND(<key of ?p> AS ?k) LATERAL { GRAPH ?g { ?n
  fakg:nameKey ?k } } … } } }`` yields one empty row when ``?p`` is unset and
  the matching nodes when it is set; the rest of the query is a ``LATERAL``
  after it, so it starts from those nodes.  Keys are the ``fakg:nameKey``
  literals the builder stores (:func:`builder.graph.vocabulary.search_key`), so no label
  of the store is folded at query time.
* a lookup value must be the first pattern of its own ``LATERAL`` block (the
  planner may otherwise scan another pattern first); a scan that should only
  run when a parameter is set (``CONTAINS`` over the persons' keys) is gated by
  a class or predicate bound to ``fakg:none`` when it is unset.
* an ``OPTIONAL`` of more than one pattern is evaluated over the whole store
  and joined unless wrapped as ``LATERAL { OPTIONAL { … } }``.
* a ``LATERAL`` block reads only the query's parameters and variables it binds
  itself, never a ``BIND`` of the enclosing group: then dropping the keyword
  (``benchmarks.run.sparql11``) leaves a SPARQL 1.1 query with the same
  answers, which the rdflib baseline of the benchmark runs.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Variable

from ..graph.namespaces import PREFIXES, read_resource


class ParamError(ValueError):
    """A parameter the query does not declare or cannot take."""


@dataclass
class LibraryQuery:
    name: str
    text: str
    question: str
    params: dict[str, str]  # name -> description
    defaults: dict[str, str] = field(default_factory=dict)  # name -> value bound when the parameter is not set


_DEFAULT = re.compile(r"\(default:\s*(.+?)\)\s*$")


def _parse(name: str, text: str) -> LibraryQuery:
    question, params, defaults = "", {}, {}
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
            d = _DEFAULT.search(m.group(2))
            if d:
                defaults[m.group(1)] = d.group(1).strip()
    return LibraryQuery(name, text, question, params, defaults)


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
    return read_resource("queries", relative)


def query_files(folder: str) -> list[str]:
    """The names of the ``.rq`` files in ``queries/{folder}``, sorted."""
    return sorted(e.name for e in resources.files("builder.queries").joinpath(folder).iterdir() if e.name.endswith(".rq"))


def solutions(store: Store, name: str, params: dict | None = None) -> QuerySolutions:
    """The solutions of ``queries/{name}.rq`` (``export/nodes``), its parameters bound, as pyoxigraph terms."""
    return run(store, resource(f"{name}.rq"), params)


def term(value: str):
    """A command-line value as an RDF term: ``<iri>`` or http(s) IRIs are IRIs, numbers typed, else a string.

    Whatever the text, the result is one RDF term handed to Oxigraph as a value:
    ``x" } ; DROP ALL ; #`` is a string, and a malformed ``<...>`` is a string too.
    """
    try:
        if value.startswith("<") and value.endswith(">"):
            return NamedNode(value[1:-1])
        if re.fullmatch(r"https?://\S+", value):
            return NamedNode(value)
    except ValueError:  # not a valid IRI: keep it as the text it is
        return Literal(value)
    if re.fullmatch(r"-?\d+", value):
        return Literal(value, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if re.fullmatch(r"-?\d+\.\d+", value):
        return Literal(value, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    return Literal(value)


def bindings(query: LibraryQuery, params: dict | None = None) -> dict:
    """``params`` checked against what ``query`` declares, empty values dropped, defaults added.

    A library query (one with ``# Param:`` lines) takes only the parameters it
    declares: anything else raises :class:`ParamError` naming the ones it has.
    """
    given = {k: v for k, v in (params or {}).items() if v is not None and v != ""}
    if query.params:
        unknown = sorted(set(given) - set(query.params))
        if unknown:
            known = ", ".join(query.params)
            raise ParamError(f"{query.name} has no parameter {', '.join(unknown)} (it takes: {known})")
    elif given and query.question:
        raise ParamError(f"{query.name} takes no parameters")
    out = dict(query.defaults)
    out.update(given)
    return out


def run(store: Store, query: str | LibraryQuery, params: dict | None = None):
    """Execute ``query`` with ``params`` (name -> str or RDF term) bound, never spliced.

    ``query`` is query text or a :class:`LibraryQuery` (whose declared
    parameters and defaults are then applied, see :func:`bindings`).
    """
    if isinstance(query, LibraryQuery):
        params, query = bindings(query, params), query.text
    subs = {Variable(k): term(str(v)) if isinstance(v, (str, int, float)) else v for k, v in (params or {}).items()}
    try:
        return store.query(query, substitutions=subs, prefixes=PREFIXES, use_default_graph_as_union=True)
    except RuntimeError as e:
        if "SELECT projection" in str(e):
            raise ParamError(f"a parameter is not a variable of the query's SELECT: {e}") from e
        raise


def rows(result) -> tuple[list[str], list[list]]:
    """Column names and rows of Python values (None for unbound)."""
    if isinstance(result, QueryBoolean):
        return ["result"], [[bool(result)]]
    if not isinstance(result, QuerySolutions):
        raise TypeError("only SELECT and ASK queries are tabulated")
    cols = [v.value for v in result.variables]
    return cols, [[value(sol[c]) for c in cols] for sol in result]


class Iri(str):
    """An IRI among a result's values: a ``str`` (as before) that tables can tell from text."""


def value(t):
    """An RDF term as a Python value: a number for a numeric literal (int when whole), the text of
    any other literal, an :class:`Iri` for an IRI, None for unbound."""
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
    if isinstance(t, NamedNode):
        return Iri(t.value)
    if isinstance(t, BlankNode):
        return t.value
    return str(t)


_IRI_LIST = re.compile(r"https?://\S+(?: https?://\S+)*")


def iri_columns(cols: list[str], data: list[list]) -> set[str]:
    """The columns whose values are IRIs or lists of IRIs (at least one, nothing else): keys, not reading."""
    out = set()
    for i, c in enumerate(cols):
        values = [r[i] for r in data if r[i] is not None]
        if values and all(isinstance(v, Iri) or (isinstance(v, str) and _IRI_LIST.fullmatch(v)) for v in values):
            out.add(c)
    return out


# Each table cell is a First Strong Isolate (FSI ... PDI, Unicode's bidi algorithm, UAX #9): a
# Persian cell is laid out right to left inside its own column, and since nothing strong is left
# outside the isolates, every line is a left-to-right paragraph whose columns stay in order in any
# bidi-aware display (terminals that reorder, Jupyter, a pasted document).
FSI, PDI = "\u2068", "\u2069"
#: columns a table is fitted to unless told otherwise (``fakg query --width``)
TABLE_WIDTH = 100
_SHORT = 10  # cells this wide (a date) are cut only when a table cannot fit otherwise
_MIN_COLUMN = 6  # nor is any column squeezed below this
_SEPARATOR = " | "


def _width(s: str) -> int:
    """Terminal columns of ``s``: ZWNJ, bidi controls and combining marks take none, wide chars two."""
    w = 0
    for c in s:
        if unicodedata.category(c) in ("Mn", "Me", "Cf") or unicodedata.combining(c):
            continue
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return w


_PATH = re.compile(r"[^\s:]*/[^\s]*")


def _cut(s: str, width: int | None) -> str:
    """``s`` on one line, cut to ``width`` terminal columns with "…" when longer.

    A file path loses its beginning rather than its end («…/articles/002.txt»): the
    file's name is what tells one row from the next.
    """
    s = " ".join(s.split())
    if width is None or _width(s) <= width:
        return s
    from_end = bool(_PATH.fullmatch(s))
    out, w = [], 0
    for c in reversed(s) if from_end else s:
        cw = _width(c)
        if w + cw > width - 1:
            break
        out.append(c)
        w += cw
    return "…" + "".join(reversed(out)) if from_end else "".join(out) + "…"


def _fit(cells: list[int], headers: list[int], numbers: list[int], budget: int) -> list[int]:
    """Column widths summing to at most ``budget`` where possible: the widest columns give way first.

    Each column keeps a floor: its numbers always whole (a cut number would
    read as another number); then, the first of these that fits: its header and
    any cell up to :data:`_SHORT` columns (a date, a kind) whole; short cells
    whole but long headers cut and long text down to :data:`_MIN_COLUMN`;
    everything down to :data:`_MIN_COLUMN`.  Above the floors, the largest cap
    ``c`` such that every column at ``max(floor, min(natural, c))`` fits.  When
    even the smallest floors do not fit, the table is wider than asked.
    """
    natural = [max(c, h) for c, h in zip(cells, headers)]
    if sum(natural) <= budget:
        return natural
    for floor in (lambda n, h, c: min(n, max(h, _SHORT)),
                  lambda n, h, c: c if c <= _SHORT else _MIN_COLUMN,
                  lambda n, h, c: min(n, _MIN_COLUMN)):
        floors = [max(floor(n, h, c), d) for n, h, c, d in zip(natural, headers, cells, numbers)]
        if sum(floors) <= budget:
            break
    lo, hi = 0, max(natural)
    while lo < hi:  # the largest cap that fits
        mid = (lo + hi + 1) // 2
        if sum(max(f, min(n, mid)) for n, f in zip(natural, floors)) <= budget:
            lo = mid
        else:
            hi = mid - 1
    return [max(f, min(n, lo)) for n, f in zip(natural, floors)]


def format_table(cols: list[str], data: list[list], width: int | None = TABLE_WIDTH) -> str:
    """Rows aligned by terminal width in at most ``width`` columns (None: as wide as the cells), cells isolated.

    Cells are put on one line; when the table is wider than ``width``, the
    widest columns are cut ("…") first.  Each cell, header included, is
    wrapped in FSI … PDI (see :data:`FSI`), padding outside the isolate.
    """
    text = [[" ".join(("" if v is None else str(v)).split()) for v in r] for r in data]
    cells = [max([_width(r[i]) for r in text], default=0) for i in range(len(cols))]
    headers = [_width(c) for c in cols]
    widths = [max(c, h) for c, h in zip(cells, headers)]
    if width is not None:
        numbers = [max([len(r[i]) for r, v in zip(text, data) if isinstance(v[i], (int, float))], default=0)
                   for i in range(len(cols))]
        widths = _fit(cells, headers, numbers, width - len(_SEPARATOR) * (len(cols) - 1))

    def line(values):
        cells = [_cut(v, w) for v, w in zip(values, widths)]
        return _SEPARATOR.join(FSI + c + PDI + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(cols), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in text]
    out.append(f"({len(text)} row{'s' if len(text) != 1 else ''})")
    return "\n".join(out)


def format_rows(cols: list[str], data: list[list], fmt: str = "table", width: int | None = TABLE_WIDTH) -> str:
    """Rows as ``table`` (:func:`format_table`, ``width`` columns), ``csv``, ``tsv`` or ``json`` (full text, no marks).

    CSV and TSV end with one newline after the last row; a table and JSON end without one.
    """
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in data], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(cols)
        writer.writerows([["" if v is None else v for v in r] for r in data])
        return buf.getvalue()
    return format_table(cols, data, width)
