"""Find the input articles and turn each into a :class:`~builder.text.document.Document`.

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

import errno
import fnmatch
import glob
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from typing import Iterable, Iterator

from .decode import DecodeError, binary_kind, count_arabic_letters, decode, repair_mojibake
from ..text.document import Document
from .htmltext import html_to_text
from ..text.invisible import without_invisible
from .paths import shown

__all__ = ["InputProblem", "iter_articles", "skipped_line", "MAX_BYTES", "MAX_CHARS", "MIN_PERSIAN_LETTERS", "EXTENSIONS"]

# Size limits (issue 8).  A news page is a few kB of text (tens of kB for a long
# report) in at most a few MB of HTML.  Extraction costs 20-70 s per MB of article
# text and html.parser up to ~4 s per MB of pathological markup, so a page of
# many MB is a dump or a crawl error, not an article, and would stall the batch.
# MAX_BYTES bounds reading, parsing and memory, MAX_CHARS the extraction time;
# both give a one-line problem instead.
MAX_BYTES = 8 * 1024 * 1024  # per file; per line for JSON Lines, which stream
MAX_CHARS = 200_000  # characters of page text, a line repeated verbatim counted once (~40 long articles)
MAX_STEM_BYTES = 200  # a facts file is STEM.json, and file names stop at 255 bytes
MIN_PERSIAN_LETTERS = 20  # fewer Arabic-script letters than this: not a Persian page
EXTENSIONS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
GIVEN_FIELDS = ("id", "url", "published", "agency", "title", "news_id")

_GLOB_CHARS = re.compile(r"[*?\[]")
_LOOKS_HTML = re.compile(r"<(?:!doctype|html|head|body|p|div|br|article|span|h[1-6])\b", re.IGNORECASE)
_UNSAFE_STEM = re.compile(r"[\x00-\x1f/\\]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # str from json.loads: pairs are already joined


@dataclass(frozen=True)
class InputProblem:
    """An input file (or JSON line) that was not read, and why, in one line."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        """One line even when the file name holds a newline, undecodable bytes or a bidi override
        (:func:`builder.read.paths.shown`)."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return shown(f"{where}: {self.reason}")


def iter_articles(
    paths: Iterable[str], *, root_check: bool = True, max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS,
    skipped: list[str] | None = None,
) -> Iterator[Document | InputProblem]:
    """Yield a Document for every readable article under ``paths``, an InputProblem otherwise.

    A folder yields its ``.txt``/``.html``/``.htm``/``.jsonl`` files: hidden
    files are passed over, and files with other extensions (an image among
    the pages) are appended to ``skipped``, for one line naming them
    (:func:`skipped_line`).  A file named explicitly (or matched
    by a glob) is read whatever its extension, as text unless it is HTML or
    JSON Lines.  The same file reached twice is read once.  With
    ``root_check`` a symbolic link whose target lies outside the folder
    given (for a file or glob: the folder holding it) is reported, not read.
    """
    limits = (max_bytes, max_chars)
    seen: set[str] = set()
    skipped = [] if skipped is None else skipped
    for arg in paths:
        arg = os.fspath(arg)
        if _GLOB_CHARS.search(arg) and not os.path.lexists(arg):
            matches = _glob(arg)
            if not matches:
                yield InputProblem(arg, None, "no files match this pattern")
                continue
            root = _real(_glob_base(arg))
            for match in matches:
                if not os.path.isdir(match):
                    yield from _named(match, root, root_check, limits, seen)
                elif root_check and os.path.islink(match) and not _inside(_real(match), root):
                    yield InputProblem(match, None, "symbolic link points outside the input tree; not followed")
                else:
                    yield from _walk(match, root, root_check, limits, seen, skipped)
        elif os.path.isdir(arg):
            yield from _walk(arg, _real(arg), root_check, limits, seen, skipped)
        elif os.path.lexists(arg):
            yield from _named(arg, _real(os.path.dirname(os.path.abspath(arg))), root_check, limits, seen)
        else:
            yield InputProblem(arg, None, _unreachable(arg))


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


def _glob(pattern: str) -> list[str]:
    """The paths matching ``pattern``, sorted; ``**`` never descends into a symbolic link.

    ``glob.glob(recursive=True)`` follows links to folders, so a link to an
    ancestor (``loop -> ..``) makes it list paths until the OS refuses them,
    exponentially many with two such links: the build hung (issue 8).  For
    ``**`` the tree under the pattern's base is walked without following
    links (a link is still matched as a path, and the caller decides about
    it), and each path is matched segment by segment as glob would: ``**``
    is any number of folders, wildcards do not match hidden names.
    """
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    base = _glob_base(pattern)
    parts = [p for p in os.path.relpath(pattern, base).split(os.sep) if p not in ("", ".")]
    dots = any(p.startswith(".") for p in parts)
    head = [] if base == "." and not pattern.startswith("." + os.sep) else [base]  # paths as glob writes them
    out = [base] if head and _glob_match([], parts) else []
    only_dirs = pattern.endswith(os.sep)
    for folder, dirs, files in os.walk(base, followlinks=False):
        if not dots:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(folder, base)
        prefix = [] if rel == "." else rel.split(os.sep)
        for name in dirs if only_dirs else dirs + files:
            if _glob_match(prefix + [name], parts):
                out.append(os.path.join(*head, *prefix, name))
    return sorted(out)


def _glob_match(names: list[str], parts: list[str]) -> bool:
    """``names`` (path segments) match the pattern segments ``parts``."""
    if not parts:
        return not names
    if parts[0] == "**":
        return any(_glob_match(names[k:], parts[1:]) for k in range(len(names) + 1)
                   if not any(n.startswith(".") for n in names[:k]))
    if not names or (names[0].startswith(".") and not parts[0].startswith(".")):
        return False
    return fnmatch.fnmatchcase(names[0], parts[0]) and _glob_match(names[1:], parts[1:])


def _walk(top: str, root: str, root_check: bool, limits: tuple[int, int], seen: set[str], skipped: list[str]):
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
            yield from _named(entry.path, root, root_check, limits, seen)
        else:
            skipped.append(entry.path)


def skipped_line(skipped: list[str], names: int = 10) -> str:
    """One line naming the files a folder walk passed over, with their count and extensions, e.g.
    ``skipped 2 files that are not pages (.pdf, .png): in/a.png, in/b.pdf``."""
    skipped = list(dict.fromkeys(skipped))  # a folder given twice is walked twice
    kinds = sorted({os.path.splitext(p)[1].lower() or "no extension" for p in skipped})
    listed = ", ".join(skipped[:names]) + (f", … and {len(skipped) - names} more" if len(skipped) > names else "")
    files = "file that is not a page" if len(skipped) == 1 else "files that are not pages"
    return f"skipped {len(skipped)} {files} ({', '.join(kinds)}): {listed}"


def _sorted_entries(folder: str):
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        entries = [InputProblem(folder, None, f"cannot read folder: {e.strerror or e}")]
    return iter(entries)


def _named(path: str, root: str, root_check: bool, limits: tuple[int, int], seen: set[str]):
    """Read one file, whatever its extension (files from folder walks are pre-filtered)."""
    real = _real(path)
    reported = "\0" + os.path.abspath(path)  # a path reported once, however often it is named
    if os.path.islink(path) and not os.path.exists(path):
        if reported not in seen:
            seen.add(reported)
            yield InputProblem(path, None, _unreachable(path))
        return
    # Not only when the file itself is a link: a glob such as ``in/*/*.txt``
    # reaches files through a linked folder (``in/x -> /etc``) too.
    if root_check and not _inside(real, root):
        if reported not in seen:
            seen.add(reported)
            yield InputProblem(path, None, "symbolic link points outside the input tree; not followed")
        return
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
        yield from _jsonl(path, *limits)
    else:
        yield _page(path, kind, st.st_size, *limits)


def _unreachable(path: str) -> str:
    """Why nothing can be read at ``path``: a symbolic link loop, a folder on the way that may not
    be entered (both were reported as missing), a link to nothing, or nothing there."""
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop"
        if e.errno == errno.EACCES:  # (for a link: on the way to its target)
            return f"cannot read folder {_closed_folder(_real(path) if os.path.islink(path) else path)}: Permission denied"
    return "broken symbolic link" if os.path.islink(path) else "no such file or folder"


def _closed_folder(path: str) -> str:
    """The first folder on the way to ``path`` that this process may not enter."""
    folders = []
    head = os.path.dirname(path)
    while head and (not folders or head != folders[-1]):
        folders.append(head)
        head = os.path.dirname(head)
    for folder in reversed(folders):  # from the root down
        if os.path.isdir(folder) and not os.access(folder, os.X_OK):
            return folder
    return os.path.dirname(path) or "."


# --- reading -------------------------------------------------------------

def _page(path: str, kind: str, size: int, max_bytes: int, max_chars: int) -> Document | InputProblem:
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
    return _document(path, None, stem, data, html=(kind == "html"), given={}, max_chars=max_chars)


def _jsonl(path: str, max_bytes: int, max_chars: int) -> Iterator[Document | InputProblem]:
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
                item = _json_line(path, number, filestem, item, max_chars)
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


def _json_line(path: str, number: int, filestem: str, line: str, max_chars: int) -> Document | InputProblem | None:
    try:
        obj = json.loads(line.rstrip("\r\n"), parse_int=_json_int)  # a cut last line: "Unterminated string", not "control character"
    except (ValueError, RecursionError) as e:
        # json's messages end in " at" ("Unterminated string starting at"): complete them
        msg = f"{e.msg.removesuffix(' at')} at column {e.colno}" if isinstance(e, json.JSONDecodeError) else "too deeply nested"
        return InputProblem(path, number, f"malformed JSON line: {msg}")
    if not isinstance(obj, dict):
        return InputProblem(path, number, "JSON line is not an object")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputProblem(path, number, 'JSON line has no "text" string')
    if not text.strip():
        return InputProblem(path, number, 'JSON line has an empty "text"')
    try:
        text = repair_mojibake(_without_lone_surrogates(text))  # bytes are decoded by decode(), this text by json
    except DecodeError as e:
        return InputProblem(path, number, e.reason)
    given = {k: _without_lone_surrogates(obj[k]) if isinstance(obj[k], str) else obj[k]
             for k in GIVEN_FIELDS if obj.get(k) not in (None, "")}
    stem = _safe_stem(given.get("id")) or f"{filestem}_{number}"
    html = text.lstrip().startswith("<") and bool(_LOOKS_HTML.search(text))
    return _document(path, number, stem, text, html=html, given=given, max_chars=max_chars)


def _json_int(digits: str) -> int | str:
    """A JSON integer; one past Python's int-conversion limit (thousands of digits) stays its digits
    (it made json.loads raise, and the line was lost for a field nobody reads as a number)."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _without_lone_surrogates(text: str) -> str:
    """JSON may escape half a character (``"\\ud800"``), which no UTF-8 text, hash or RDF literal
    can hold (it stopped the build with a traceback): U+FFFD, as for broken UTF-8 bytes."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _safe_stem(value) -> str | None:
    """A JSON ``id`` usable as an output file stem (no path separators or control characters, and
    short enough for a file name: a 5000-character id made ``fakg facts`` fail on the whole store)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    stem = _UNSAFE_STEM.sub("_", str(value)).strip()
    return None if stem in ("", ".", "..") or len(stem.encode("utf-8")) > MAX_STEM_BYTES else stem


def _document(path: str, line: int | None, stem: str, data: bytes | str, *, html: bool, given: dict,
              max_chars: int = MAX_CHARS):
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
    # a title or agency given beside the page loses its direction marks as the page does (Document.page)
    given = {k: without_invisible(v) if isinstance(v, str) else v for k, v in given.items()}
    letters = count_arabic_letters(raw, MIN_PERSIAN_LETTERS)
    if letters < MIN_PERSIAN_LETTERS:
        where = " outside menus, scripts and page furniture" if html else ""
        return InputProblem(path, line, f"no Persian text{where} (only {letters} Arabic-script letters)")
    chars = _distinct_chars(raw, max_chars)
    if chars > max_chars:
        return InputProblem(path, line, f"text is too long for one article: over {max_chars:,} characters "
                                        f"(not counting repeated lines)")
    return Document(
        source=source,
        stem=stem,
        raw=raw,
        given=given,
        content_hash=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
    )


def _distinct_chars(raw: str, limit: int) -> int:
    """Characters of ``raw``'s lines, each distinct line counted once; stops past ``limit``.

    The cleaner keeps a line repeated verbatim once, so a page that prints one
    article a thousand times costs one article; only new text costs time.
    """
    if len(raw) <= limit:
        return len(raw)
    seen: set[str] = set()
    n = 0
    for line in raw.splitlines():
        line = line.strip()
        if line and line not in seen:
            seen.add(line)
            n += len(line)
            if n > limit:
                break
    return n


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.4g} MB"
