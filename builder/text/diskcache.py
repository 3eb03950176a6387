"""What a build's start computes from data files, kept on disk: large regexes and word lists.

The gazetteers are compiled into a few regexes of tens of thousands of
alternatives (:func:`builder.text.gazetteer.words_pattern`), and Python's ``re``
compiles in Python: parsing and optimising the character classes of the
places' pattern alone takes about 1.2 s, most of a small build's start.  What
``re`` hands its C engine at the end is a list of integers, which
:func:`compile_cached` keeps on disk under the SHA-256 of the pattern's
source, flags and Python version (so a change to the gazetteers' data makes a
new entry), and gives back to the engine on the next start in a few
milliseconds.  :func:`cached_value` does the same for tables read from data
files (hazm's ``words.dat``: half a second to parse, twice), keyed by the
bytes they are read from.

The cache lives in ``$FAKG_CACHE``, else ``$XDG_CACHE_HOME/fakg``, else
``~/.cache/fakg``.  Anything that goes wrong with it (no home, a read-only
disk, a Python whose ``re`` internals differ, a damaged file) falls back to
``re.compile``, with the same pattern as the result.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # the internals of re that turn a pattern into the engine's program (CPython 3.11+)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python
    _sre = _compiler = _parser = None

#: Below this many characters of source, compiling is quicker than reading a file.
MIN_SOURCE = 20_000


def cache_dir() -> Path:
    root = os.environ.get("FAKG_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "fakg")
    return Path(root)


def compile_cached(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)``, its compiled program read from the cache when it is there."""
    if _sre is None or len(source) < MIN_SOURCE:
        return re.compile(source, flags)
    key = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{flags}\0{source}".encode("utf-8")).hexdigest()
    path = cache_dir() / "regex" / f"{key}.marshal"
    try:
        flags_, code, groups, groupindex, indexgroup = marshal.loads(path.read_bytes())
        return _sre.compile(source, flags_, code, groups, groupindex, indexgroup)
    except Exception:  # not cached yet, or not readable as such: compile it
        pass
    try:
        parsed = _parser.parse(source, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # its opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        program = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        pattern = _sre.compile(source, *program)
    except Exception:  # re's internals are not what this module expects
        return re.compile(source, flags)
    _store(path, marshal.dumps(program))
    return pattern


def _store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; nothing happens when the cache cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


def cached_value(name: str, data: bytes, build):
    """``build()``, kept on disk under ``name`` and the SHA-256 of ``data`` (what it is computed from).

    The value must be made of what :mod:`marshal` writes (str, int, tuple, list, dict, set...).
    """
    path = cache_dir() / "tables" / f"{name}-{hashlib.sha256(data).hexdigest()}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except Exception:  # not cached yet, or not readable as such
        pass
    value = build()
    try:
        _store(path, marshal.dumps(value))
    except ValueError:  # a value marshal cannot write: not cached
        pass
    return value
