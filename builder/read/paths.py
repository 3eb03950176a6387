"""How file names travel: surrogate-escaped in Python, escaped text in the store and in messages.

A file name is bytes.  Python hands a name that is not valid UTF-8 to the
program as a ``str`` in which each undecodable byte is a lone surrogate
(U+DC80-U+DCFF, "surrogateescape"), and takes such a ``str`` back in every
``os`` call; so inside fakg a path is that ``str``, from the reader to the
build to ``fakg remove``.  Two places cannot take lone surrogates:

* an RDF literal (``fakg:sourceFile``, ``fakg:sourceStem``) must be valid
  Unicode: :func:`stored` writes each undecodable byte as ``\\xHH`` (as
  Python writes bytes), doubling a backslash that would otherwise read as
  part of such an escape (one before ``x`` and two hex digits, before
  another backslash or before an undecodable byte), and :func:`from_stored` undoes it exactly.  Every name that is
  valid UTF-8, Windows paths with their backslashes included, is stored as
  it is;
* a message line: :func:`shown` writes undecodable bytes as ``\\xHH`` too,
  and escapes the characters that would break the line or reorder it on a
  terminal (control characters, line separators, bidi overrides and the
  other invisible format characters of :data:`builder.text.invisible.INVISIBLE`).
  ZWNJ, part of Persian spelling, is shown as it is.
"""
from __future__ import annotations

import re

from ..text.invisible import INVISIBLE

__all__ = ["stored", "from_stored", "shown"]

_SURROGATE = "\udc80-\udcff"  # the undecodable bytes 0x80-0xFF under surrogateescape
_TO_STORE = re.compile(rf"[{_SURROGATE}]|\\(?=x[0-9a-fA-F]{{2}}|\\|[{_SURROGATE}])")
_FROM_STORE = re.compile(r"\\x([89a-fA-F][0-9a-fA-F])|\\\\")
_UNSHOWABLE = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029{_SURROGATE}{INVISIBLE}]")


def stored(path: str) -> str:
    """``path`` as valid Unicode for the store: undecodable bytes as ``\\xHH`` (see the module)."""
    return _TO_STORE.sub(_store_one, path)


def _store_one(m: re.Match) -> str:
    c = m.group()
    return "\\\\" if c == "\\" else f"\\x{ord(c) - 0xDC00:02x}"


def from_stored(text: str) -> str:
    """The path :func:`stored` wrote ``text`` for (surrogate-escaped, as ``os`` functions take it)."""
    return _FROM_STORE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)) if m.group(1) else "\\", text)


def shown(text: str) -> str:
    """``text`` (a path, a message naming one) safe to print on one line: undecodable bytes as
    ``\\xHH``, control, bidi and other invisible characters as ``\\n``, ``\\u202e``…"""
    return _UNSHOWABLE.sub(_show_one, text)


def _show_one(m: re.Match) -> str:
    c = ord(m.group())
    if 0xDC80 <= c <= 0xDCFF:
        return f"\\x{c - 0xDC00:02x}"
    if c < 0x20 or c == 0x7F:
        return repr(m.group())[1:-1]  # \n, \t, \x1b as Python writes them
    return f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}"
