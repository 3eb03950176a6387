"""Find the input articles and turn each into a :class:`~builder.document.Document`.

Inputs are files, folders (walked recursively in sorted order, so builds are
reproducible) and glob patterns.  Scraped corpora are messy: images under
``.txt`` names, empty files, truncated JSON lines, links into other parts of
the disk.  Bad input never raises: every file or line that cannot be read
becomes an :class:`InputProblem` yielded in its place, and the batch goes on.

Nothing is fetched from the network: URLs in the input are only metadata.
Symbolic links that leave the input tree are not followed (``root_check``),
so a folder of downloaded pages cannot make the tool read other files.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from typing import Iterable, Iterator

from .decode import DecodeError, binary_kind, count_arabic_letters, decode
from .document import Document
from .htmltext import html_to_text

__all__ = ["InputProblem", "iter_articles", "MAX_BYTES", "MIN_PERSIAN_LETTERS", "EXTENSIONS"]

MAX_BYTES = 64 * 1024 * 1024  # per file; per line for JSON Lines, which stream
MIN_PERSIAN_LETTERS = 20  # fewer Arabic-script letters than this: not a Persian page
EXTENSIONS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
GIVEN_FIELDS = ("id", "url", "published", "agency", "title", "news_id")

_GLOB_CHARS = re.compile(r"[*?\[]")
_LOOKS_HTML = re.compile(r"<(?:!doctype|html|head|body|p|div|br|article|span|h[1-6])\b", re.IGNORECASE)
_UNSAFE_STEM = re.compile(r"[\x00-\x1f/\\]")


@dataclass(frozen=True)
class InputProblem:
    """An input file (or JSON line) that was not read, and why, in one line."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


def iter_articles(
    paths: Iterable[str], *, root_check: bool = True, max_bytes: int = MAX_BYTES
) -> Iterator[Document | InputProblem]:
    """Yield a Document for every readable article under ``paths``, an InputProblem otherwise.

    A folder yields its ``.txt``/``.html``/``.htm``/``.jsonl`` files (hidden
    files and other extensions skipped); a file named explicitly (or matched
    by a glob) is read whatever its extension, as text unless it is HTML or
    JSON Lines.  The same file reached twice is read once.  With
    ``root_check`` a symbolic link whose target lies outside the folder
    given (for a file or glob: the folder holding it) is reported, not read.
    """
    seen: set[str] = set()
    for arg in paths:
        arg = os.fspath(arg)
        if _GLOB_CHARS.search(arg) and not os.path.lexists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield InputProblem(arg, None, "no files match this pattern")
                continue
            root = _real(_glob_base(arg))
            for match in matches:
                if not os.path.isdir(match):
                    yield from _named(match, root, root_check, max_bytes, seen)
                elif root_check and os.path.islink(match) and not _inside(_real(match), root):
                    yield InputProblem(match, None, "symbolic link points outside the input tree; not followed")
                else:
                    yield from _walk(match, root, root_check, max_bytes, seen)
        elif os.path.isdir(arg):
            yield from _walk(arg, _real(arg), root_check, max_bytes, seen)
        elif os.path.lexists(arg):
            yield from _named(arg, _real(os.path.dirname(os.path.abspath(arg))), root_check, max_bytes, seen)
        else:
            yield InputProblem(arg, None, "no such file or folder")


# --- finding files -------------------------------------------------------

def _real(path: str) -> str:
    return os.path.realpath(path or ".")


def _inside(target: str, root: str) -> bool:
    try:
        return os.path.commonpath([target, root]) == root
    except ValueError:  # different drives
        return False


def _glob_base(pattern: str) -> str:
    """The folder part of a glob pattern before its first wildcard."""
    parts = pattern.split(os.sep)
    base = []
    for part in parts[:-1]:
        if _GLOB_CHARS.search(part):
            break
        base.append(part)
    return os.sep.join(base) or (os.sep if pattern.startswith(os.sep) else ".")


def _walk(top: str, root: str, root_check: bool, max_bytes: int, seen: set[str]):
    """Name-sorted depth-first walk (a folder's files come where its name sorts), without recursion.

    Links leaving ``root`` are reported; linked folders inside it are skipped
    because the walk reaches their files anyway.
    """
    visited = {_real(top)}
    stack = [_sorted_entries(top)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, InputProblem):
            yield entry
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()  # follows links
        except OSError:
            is_dir = False
        if is_dir:
            target = _real(entry.path)
            if entry.is_symlink():
                if root_check and not _inside(target, root):
                    yield InputProblem(entry.path, None, "symbolic link points outside the input tree; not followed")
                    continue
                if root_check:
                    continue
            if target not in visited:
                visited.add(target)
                stack.append(_sorted_entries(entry.path))
        elif os.path.splitext(entry.name)[1].lower() in EXTENSIONS:
            yield from _named(entry.path, root, root_check, max_bytes, seen)


def _sorted_entries(folder: str):
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        entries = [InputProblem(folder, None, f"cannot read folder: {e.strerror or e}")]
    return iter(entries)


def _named(path: str, root: str, root_check: bool, max_bytes: int, seen: set[str]):
    """Read one file, whatever its extension (files from folder walks are pre-filtered)."""
    if os.path.islink(path):
        target = _real(path)
        if not os.path.exists(path):
            yield InputProblem(path, None, "broken symbolic link")
            return
        if root_check and not _inside(target, root):
            yield InputProblem(path, None, "symbolic link points outside the input tree; not followed")
            return
    real = _real(path)
    if real in seen:
        return
    seen.add(real)
    try:
        st = os.stat(path)
    except OSError as e:
        yield InputProblem(path, None, f"cannot read file: {e.strerror or e}")
        return
    if stat.S_ISDIR(st.st_mode):
        yield InputProblem(path, None, "is a folder")
        return
    if not stat.S_ISREG(st.st_mode):
        yield InputProblem(path, None, "not a regular file")
        return
    kind = EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")
    if kind == "jsonl":
        yield from _jsonl(path, max_bytes)
    else:
        yield _page(path, kind, st.st_size, max_bytes)


# --- reading -------------------------------------------------------------

def _page(path: str, kind: str, size: int, max_bytes: int) -> Document | InputProblem:
    """A .txt/.html page: the whole file is one article."""
    if size > max_bytes:
        return InputProblem(path, None, f"file is larger than the {_mb(max_bytes)} limit ({_mb(size)})")
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        return InputProblem(path, None, f"cannot read file: {e.strerror or e}")
    if len(data) > max_bytes:
        return InputProblem(path, None, f"file is larger than the {_mb(max_bytes)} limit")
    stem = os.path.splitext(os.path.basename(path))[0]
    return _document(path, None, stem, data, html=(kind == "html"), given={})


def _jsonl(path: str, max_bytes: int) -> Iterator[Document | InputProblem]:
    """One article per line.  UTF-8 files stream line by line; UTF-16 ones are read whole."""
    filestem = os.path.splitext(os.path.basename(path))[0]
    try:
        f = open(path, "rb")
    except OSError as e:
        yield InputProblem(path, None, f"cannot read file: {e.strerror or e}")
        return
    with f:
        try:
            head = f.read(4096)
            f.seek(0)
        except OSError as e:
            yield InputProblem(path, None, f"cannot read file: {e.strerror or e}")
            return
        if not head:
            yield InputProblem(path, None, "empty file")
            return
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            lines = _decoded_lines(f, path, max_bytes)
        else:
            kind = binary_kind(head)
            if kind:
                yield InputProblem(path, None, f"binary file ({kind})")
                return
            lines = _byte_lines(f, path, max_bytes)
        nonblank = 0
        for number, item in lines:
            if isinstance(item, str):
                if not item.strip():
                    continue
                item = _json_line(path, number, filestem, item)
            nonblank += 1
            yield item
        if not nonblank:
            yield InputProblem(path, None, "file holds only whitespace")


def _byte_lines(f, path: str, max_bytes: int) -> Iterator[tuple[int, str | InputProblem]]:
    """Lines of a UTF-8 (or Windows-1256) file, each decoded on its own, at most ``max_bytes`` long."""
    number = 0
    while chunk := f.readline(max_bytes + 1):
        number += 1
        if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):  # skip the rest of the long line
                chunk = f.readline(1 << 20)
            yield number, InputProblem(path, number, f"line is longer than the {_mb(max_bytes)} limit")
            continue
        try:
            yield number, decode(chunk)
        except DecodeError as e:
            yield number, InputProblem(path, number, e.reason)


def _decoded_lines(f, path: str, max_bytes: int) -> Iterator[tuple[int, str | InputProblem]]:
    """Lines of a UTF-16/32 file, which cannot be split before decoding."""
    data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield 0, InputProblem(path, None, f"file is larger than the {_mb(max_bytes)} limit")
        return
    try:
        text = decode(data)
    except DecodeError as e:
        yield 0, InputProblem(path, None, e.reason)
        return
    for number, line in enumerate(text.split("\n"), 1):
        yield number, line


def _json_line(path: str, number: int, filestem: str, line: str) -> Document | InputProblem | None:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as e:
        msg = f"{e.msg} (column {e.colno})" if isinstance(e, json.JSONDecodeError) else "too deeply nested"
        return InputProblem(path, number, f"malformed JSON line: {msg}")
    if not isinstance(obj, dict):
        return InputProblem(path, number, "JSON line is not an object")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputProblem(path, number, 'JSON line has no "text" string')
    if not text.strip():
        return InputProblem(path, number, 'JSON line has an empty "text"')
    given = {k: obj[k] for k in GIVEN_FIELDS if obj.get(k) not in (None, "")}
    stem = _safe_stem(obj.get("id")) or f"{filestem}_{number}"
    html = text.lstrip().startswith("<") and bool(_LOOKS_HTML.search(text))
    return _document(path, number, stem, text, html=html, given=given)


def _safe_stem(value) -> str | None:
    """A JSON ``id`` usable as an output file stem (no path separators or control characters)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    stem = _UNSAFE_STEM.sub("_", str(value)).strip()
    return None if stem in ("", ".", "..") else stem


def _document(path: str, line: int | None, stem: str, data: bytes | str, *, html: bool, given: dict):
    source = path if line is None else f"{path}:{line}"
    if isinstance(data, bytes):
        if not data:
            return InputProblem(path, line, "empty file")
        try:
            raw = decode(data)
        except DecodeError as e:
            return InputProblem(path, line, e.reason)
    else:
        raw = data
    if not raw.strip():
        return InputProblem(path, line, "empty file" if not raw else "file holds only whitespace")
    if html:
        raw, found = html_to_text(raw)
        given = {**found, **given}  # fields supplied by the input win over the page's own
    letters = count_arabic_letters(raw, MIN_PERSIAN_LETTERS)
    if letters < MIN_PERSIAN_LETTERS:
        return InputProblem(path, line, f"no Persian text (only {letters} Arabic-script letters)")
    return Document(
        source=source,
        stem=stem,
        raw=raw,
        given=given,
        content_hash=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
    )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.4g} MB"
