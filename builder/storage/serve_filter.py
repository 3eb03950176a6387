"""What ``fakg serve`` lets through to Oxigraph: the checks made on every request, before it is forwarded.

The Oxigraph server trusts whoever reaches its port. ``fakg serve`` is meant
for the researcher's own machine, where the danger is a web page open in the
same browser and the server's own outbound calls:

* **DNS rebinding**: a page of ``evil.example`` whose name is made to point at
  127.0.0.1 can read the answers of anything on the loopback interface.  Its
  requests still carry ``Host: evil.example:P``, so every request whose Host
  is not the server's own loopback address and port (``127.0.0.1:P``,
  ``localhost:P``, ``[::1]:P``) is refused (:func:`host_refusal`).
* **cross-site requests**: any page can send a form POST to
  ``http://127.0.0.1:P/update`` (``DROP ALL``) without reading the answer.
  Browsers say where such a request comes from in ``Origin`` (and
  ``Sec-Fetch-Site``), so an update or Graph Store write from a foreign origin
  is refused (:func:`is_cross_site`); programs such as curl or SPARQLWrapper
  send no Origin and are let through.
* **outbound requests**: ``SERVICE <http://…>`` in a query and ``LOAD <http://…>``
  in an update make the server connect wherever the text says (the local
  network, cloud metadata addresses).  Oxigraph has no option to forbid it,
  so the text is read here (:func:`outbound_refusal`) and only the endpoints
  named with ``--allow-service`` may be called.

Reading the text is lexical, mirroring the terminals of Oxigraph's own SPARQL
grammar (spargebra's parser, a PEG): comments, string literals, IRIs
(``<…>``), variables, blank node labels, language tags and numbers are
skipped, and what is left is searched for the keywords.  Oxigraph matches a
keyword without looking at what follows (``SERVICESILENT<…>`` is ``SERVICE
SILENT <…>``) and after any token (``1.SERVICE``, ``"x"SERVICE``,
``trueSERVICE``), so a keyword is looked for anywhere inside a run of name
characters, not only as a whole word; only the local part of a prefixed name
(``schema:serviceType``), which Oxigraph always reads whole, is left out.
What follows a keyword is read as Oxigraph reads it (optional ``SILENT``,
then a variable, an IRI or a prefixed name, resolved with every ``PREFIX``
declared in the text); a variable, a relative IRI or an IRI not allowed is
refused.  Anything that cannot be read as an endpoint is not a call, and
Oxigraph would not run it as one either.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Keywords that start a SPARQL update operation (a query starts with SELECT, CONSTRUCT, DESCRIBE or ASK).
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


class Refusal(Exception):
    """A request that is answered here, with ``status`` and a one-line ``message``, and never forwarded."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


# --- who may ask ---------------------------------------------------------------------------------

def loopback_authorities(port: int) -> set[str]:
    """The Host values (lower case) that name this server: its loopback addresses with its port."""
    names = ("127.0.0.1", "localhost", "[::1]")
    out = {f"{n}:{port}" for n in names}
    if port == 80:
        out.update(names)
    return out


def host_refusal(host: str | None, port: int) -> Refusal | None:
    """Why a request with this Host header is refused (DNS rebinding), or None when it names this server."""
    if host is None or not host.strip():
        return Refusal(400, "the request has no Host header; send Host: 127.0.0.1:%d" % port)
    if host.strip().lower() not in loopback_authorities(port):
        return Refusal(403, f"Host {_shown(host)} is not this server (127.0.0.1:{port}, localhost:{port}); "
                            f"refused, as a page reached through DNS rebinding would be")
    return None


def is_cross_site(origin: str | None, fetch_site: str | None, port: int) -> bool:
    """True when a browser says the request comes from a page that is not this server's own."""
    if fetch_site is not None and fetch_site.strip().lower() == "cross-site":
        return True
    if origin is None:
        return False  # not sent by a browser page (curl, SPARQLWrapper, Oxigraph's SERVICE client)
    origin = origin.strip().lower()
    return origin not in {f"http://{a}" for a in loopback_authorities(port)}


def _shown(text: str, limit: int = 80) -> str:
    """``text`` as it may appear in a one-line message: printable, cut."""
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[:limit] + "…"


# --- the SPARQL text, read as Oxigraph's grammar reads it --------------------------------------

_PN_CHARS_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
                  "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = f"[{_PN_CHARS_BASE}][{_PN_CHARS}]*(?:\\.+[{_PN_CHARS}]+)*"
# as spargebra has it: at most one run of dots inside a local name
_PN_LOCAL = f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:[{_PN_CHARS}:]|{_PLX})*(?:\\.+(?:[{_PN_CHARS}:]|{_PLX})+)?"
_PNAME = re.compile(f"({_PN_PREFIX})?:({_PN_LOCAL})?")
_NAME = re.compile(_PN_PREFIX)
_VAR = re.compile(f"[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
_BNODE = re.compile(f"_:[{_PN_CHARS_U}0-9][{_PN_CHARS}]*(?:\\.+[{_PN_CHARS}]+)*")
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[A-Za-z]+)?")
_NUMBER = re.compile(r"(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+")
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ECHAR = "tbnrf\"'\\"
_NOT_IN_IRI = set('<>"{}|^`\\')
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass
class Token:
    kind: str  # iri, string, var, bnode, lang, number, name, punct
    start: int
    end: int
    value: str = ""  # iri: the IRI (escapes undone); name: its prefix part (all of it when no ':')


def _skip_space(text: str, i: int) -> int:
    """Past white space and comments (spargebra's ``_`` rule)."""
    n = len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
        elif c == "#":
            while i < n and text[i] not in "\r\n":
                i += 1
        else:
            break
    return i


def _iri_at(text: str, i: int) -> tuple[str, int] | None:
    """The IRI written ``<…>`` at ``i`` (its ``\\u`` escapes undone) and the index after it, or None.

    Oxigraph reads anything up to the next ``>`` and keeps it when it is a
    valid IRI; the characters no IRI may hold are refused here, so whatever
    Oxigraph takes for an IRI is one here too.
    """
    end = text.find(">", i + 1)
    if end < 0:
        return None
    raw = text[i + 1:end]
    if "\\" in _UCHAR.sub("", raw):
        return None
    iri = _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if int(m.group(1) or m.group(2), 16) < 0x110000
                     else "\\", raw)
    if any(c in _NOT_IN_IRI or ord(c) <= 0x20 for c in iri):
        return None
    return iri, end + 1


def _string_end(text: str, i: int) -> int | None:
    """The index after the string literal starting at ``i`` (long forms first, as spargebra tries them), or None."""
    q = text[i]
    if text.startswith(q * 3, i):
        j = i + 3
        while True:
            k = j + 2 if text.startswith(q * 2, j) else j + 1 if text.startswith(q, j) else j
            after = _char_end(text, k, q, long=True)
            if after is None:
                break
            j = after
        if text.startswith(q * 3, j):
            return j + 3
    j = i + 1
    while True:
        after = _char_end(text, j, q, long=False)
        if after is None:
            break
        j = after
    return j + 1 if text.startswith(q, j) else None


def _char_end(text: str, j: int, quote: str, *, long: bool) -> int | None:
    """The index after one character of a string (plain, ``\\t``-like escape or ``\\u`` escape), or None."""
    if j >= len(text):
        return None
    c = text[j]
    if c == "\\":
        if j + 1 < len(text) and text[j + 1] in _ECHAR:
            return j + 2
        m = _UCHAR.match(text, j)
        return m.end() if m else None
    if c == quote or (not long and c in "\r\n"):
        return None
    return j + 1


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a SPARQL text, white space and comments left out; an unknown character is one ``punct``."""
    i, n = 0, len(text)
    while True:
        i = _skip_space(text, i)
        if i >= n:
            return
        c = text[i]
        if c == "<":
            found = _iri_at(text, i)
            if found:
                yield Token("iri", i, found[1], found[0])
                i = found[1]
                continue
        elif c in "\"'":
            end = _string_end(text, i)
            if end is not None:
                yield Token("string", i, end)
                i = end
                continue
        elif c in "?$":
            m = _VAR.match(text, i)
            if m:
                yield Token("var", i, m.end())
                i = m.end()
                continue
        elif c == "_":
            m = _BNODE.match(text, i)
            if m:
                yield Token("bnode", i, m.end())
                i = m.end()
                continue
        elif c == "@":
            m = _LANGTAG.match(text, i)
            if m:
                yield Token("lang", i, m.end())
                i = m.end()
                continue
        elif c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            m = _NUMBER.match(text, i)
            if m:
                yield Token("number", i, m.end())
                i = m.end()
                continue
        m = _PNAME.match(text, i) or _NAME.match(text, i)
        if m:
            head = _NAME.match(text, i)
            yield Token("name", i, m.end(), head.group(0) if head else "")
            i = m.end()
            continue
        yield Token("punct", i, i + 1)
        i += 1


@dataclass
class Reference:
    """What one keyword (SERVICE, LOAD or PREFIX) may be followed by, as Oxigraph could read it."""
    keyword: str
    written: str  # as written in the text, for messages
    kind: str  # iri, var, pname
    value: str  # the IRI, or for a prefixed name "prefix:local" with the escapes of the local part undone


def _keyword_positions(text: str, keyword: str, names: Iterable[Token]) -> Iterator[int]:
    """Where Oxigraph could read ``keyword``: anywhere inside the prefix part of a run of name characters."""
    pattern = re.compile(keyword, re.IGNORECASE)  # wider than ASCII case folding: errs on the side of refusing
    for t in names:
        for m in pattern.finditer(t.value):
            yield t.start + m.start()


def _reference_at(text: str, i: int, keyword: str) -> Reference | None:
    """The variable, IRI or prefixed name at ``i`` (after white space), or None when there is none."""
    i = _skip_space(text, i)
    if i >= len(text):
        return None
    c = text[i]
    if c == "<":
        found = _iri_at(text, i)
        return Reference(keyword, text[i:found[1]], "iri", found[0]) if found else None
    if c in "?$":
        m = _VAR.match(text, i)
        return Reference(keyword, m.group(0), "var", m.group(0)) if m else None
    m = _PNAME.match(text, i)
    if m:
        local = (m.group(2) or "").replace("\\", "")
        return Reference(keyword, m.group(0), "pname", f"{m.group(1) or ''}:{local}")
    return None


def references(text: str, keyword: str) -> list[Reference]:
    """Every endpoint (or, for PREFIX, namespace) that ``keyword`` could be followed by in ``text``."""
    names = [t for t in tokens(text) if t.kind == "name"]
    out = []
    for at in _keyword_positions(text, keyword, names):
        after = at + len(keyword)
        if keyword == "PREFIX":  # PREFIX p: <iri>
            j = _skip_space(text, after)
            m = re.compile(f"({_PN_PREFIX})?:").match(text, j)
            if m:
                ref = _reference_at(text, m.end(), keyword)
                if ref is not None and ref.kind == "iri":
                    out.append(Reference(keyword, m.group(0), "iri", f"{m.group(1) or ''}\t{ref.value}"))
            continue
        ref = _reference_at(text, after, keyword)
        if ref is not None:
            out.append(ref)
        j = _skip_space(text, after)
        if text[j:j + 6].upper() == "SILENT":  # SERVICE SILENT <iri>, and SERVICE SILENT<iri> too
            ref = _reference_at(text, j + 6, keyword)
            if ref is not None:
                out.append(ref)
    return out


def prefixes(text: str) -> dict[str, set[str]]:
    """Every namespace each prefix is declared with anywhere in ``text`` (an update may declare one twice)."""
    out: dict[str, set[str]] = {}
    for ref in references(text, "PREFIX"):
        name, iri = ref.value.split("\t", 1)
        out.setdefault(name, set()).add(iri)
    return out


def outbound_refusal(text: str, allowed: Iterable[str], *, update: bool) -> Refusal | None:
    """Why the SERVICE calls (and, in an update, LOAD) of ``text`` are refused, or None when all are allowed."""
    allowed = set(allowed)
    declared = None
    for keyword in ("SERVICE", "LOAD") if update else ("SERVICE",):
        for ref in references(text, keyword):
            if ref.kind == "var":
                return _refused(ref, "an endpoint in a variable cannot be checked; write its IRI, e.g. "
                                     "SERVICE <https://query.wikidata.org/sparql>, and allow it with --allow-service",
                                allowed)
            if ref.kind == "iri":
                iris = [ref.value]
            else:
                if declared is None:
                    declared = prefixes(text)
                name, local = ref.value.split(":", 1)
                iris = [ns + local for ns in sorted(declared.get(name, ()))]  # undeclared: not a call at all
            for iri in iris:
                if not _ABSOLUTE.match(iri):
                    return _refused(ref, "name the endpoint with an absolute IRI", allowed)
                if iri not in allowed:
                    return _refused(ref, None, allowed, iri)
    return None


def _refused(ref: Reference, why: str | None, allowed: set[str], iri: str | None = None) -> Refusal:
    if why is None:
        why = (f"<{_shown(iri)}> is not an endpoint this server may call (start it with --allow-service URL; "
               f"allowed now: {', '.join(sorted(allowed)) or 'none'})")
    return Refusal(403, f"{ref.keyword} {_shown(ref.written)} refused: {why}")


def is_update(text: str) -> bool:
    """True when ``text`` reads as a SPARQL update rather than a query (its first keyword after the prologue)."""
    skip = 0
    for t in tokens(text):
        if skip:
            skip -= 1
            continue
        if t.kind != "name" or ":" in text[t.start:t.end]:
            continue
        word = text[t.start:t.end].upper()
        if word == "PREFIX":
            skip = 2
        elif word == "BASE":
            skip = 1
        else:
            return word.startswith(UPDATE_KEYWORDS)
    return False
