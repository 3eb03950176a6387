"""Turn the bytes of a scraped page into text, or say clearly why not.

Persian news pages arrive in several encodings: UTF-8 (with or without a
BOM), UTF-16 saved by Windows tools (sometimes without a BOM) and
Windows-1256 from legacy sites.  Scraped folders also hold images, PDFs and
archives under text-like names.  :func:`decode` picks the encoding from the
bytes alone (no guessing library: the rules are few and testable) and raises
:class:`DecodeError` for anything that is not plausibly Persian text, so that
the reader can report the file instead of feeding garbage to the extractors.

The decoded text is returned as is, except for a leading BOM: line endings
and Arabic ي/ك are kept, because evidence offsets point into this text and
normalisation happens later.  One more repair belongs to decoding: a page
that was mis-decoded upstream (UTF-8 read as Windows-1256 or Windows-1252 and
saved again, «ط¨ظ‡ط²غŒط³طھغŒ» or «Ø¨Ù‡Ø²ÛŒØ³ØªÛŒ» for «بهزیستی») is turned back
into the UTF-8 it was, when that is exact (:func:`repair_mojibake`), and
refused otherwise: it used to be stored as an article without a fact.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["DecodeError", "decode", "binary_kind", "count_arabic_letters", "repair_mojibake"]

SAMPLE = 1 << 16  # bytes/characters inspected by the heuristics

# File signatures of the binary formats that end up in scraped folders.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy office document"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"OggS", "Ogg media"),
    (b"\x00asm", "WebAssembly module"),
)

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# C0 control bytes that never occur in text (tab, LF, VT, FF, CR and ESC excluded), plus DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_TEXT_CONTROLS = set("\t\n\r\x0b\x0c\x1b")

# High bytes of UTF-16 code units seen in Persian pages: ASCII/Latin-1 (00),
# Arabic (06, 07 supplement), general punctuation with ZWNJ (20),
# presentation forms (FB-FE).
_UTF16_HIGH = frozenset(b"\x00\x06\x07\x08\x20\xfb\xfc\xfd\xfe")

_ARABIC_LETTER = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
)
# Non-ASCII characters a Windows-1256 Persian page is made of besides letters.
_PERSIAN_EXTRA = set("،؛؟«»\u200c\u200d\u200e\u200f\xa0ـ–—‘’“”…•\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


class _Misreading:
    """UTF-8 bytes read as a single-byte code page: how to spot the result and how to undo it.

    Every Persian letter is two bytes in UTF-8, a lead D8-DB and a continuation 80-BF, so in
    the misread text most non-ASCII characters come in such pairs (``signature``).  ``table``
    turns each character back into the byte it was read from (as a Latin-1 character), and a
    character the code page never gives into one Latin-1 cannot encode, so the repair fails.
    """

    def __init__(self, name: str, codec: str, c1_controls: bool = False):
        self.name = name
        byte_of: dict[str, int] = {}
        for b in range(0x80, 0x100):
            try:
                byte_of[bytes([b]).decode(codec)] = b
            except UnicodeDecodeError:  # a byte the code page leaves undefined
                pass
        if c1_controls:  # Latin-1 (and browsers, for cp1252's holes) read 80-9F as C1 controls
            for b in range(0x80, 0xA0):
                byte_of.setdefault(chr(b), b)
        self.table = {c: "\uffff" for c in range(0x80, 0x100)}
        self.table.update({ord(ch): chr(b) for ch, b in byte_of.items()})
        leads = "".join(ch for ch, b in byte_of.items() if 0xD8 <= b <= 0xDB)
        continuations = "".join(ch for ch, b in byte_of.items() if 0x80 <= b <= 0xBF)
        self.signature = re.compile(f"[{re.escape(leads)}][{re.escape(continuations)}]")

    def undo(self, text: str) -> str | None:
        """The UTF-8 text ``text`` was misread from, or None when it does not turn back exactly."""
        try:
            return text.translate(self.table).encode("latin-1").decode("utf-8")
        except UnicodeError:
            return None


_MISREADINGS = (_Misreading("Windows-1256", "cp1256"), _Misreading("Windows-1252", "cp1252", c1_controls=True))
MIN_MISREAD_PAIRS = 20  # as many letters as a page needs to count as Persian (sources.MIN_PERSIAN_LETTERS)


class DecodeError(ValueError):
    """The bytes are not text this tool can read; ``reason`` says why in plain words.

    ``kind`` is ``"binary"`` (a file format that is not text) or
    ``"undecodable"`` (text in an encoding that is not supported).
    """

    def __init__(self, reason: str, kind: str = "undecodable"):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


def count_arabic_letters(text: str, limit: int | None = None) -> int:
    """Number of Arabic-script letters in ``text``; stops counting at ``limit``.

    Used to tell Persian pages from others (the reader needs ~20 letters) and
    to find where the Persian text of an HTML page sits.
    """
    n = 0
    for _ in _ARABIC_LETTER.finditer(text):
        n += 1
        if limit is not None and n >= limit:
            break
    return n


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file (e.g. ``"PNG image"``), or None.

    Checks file signatures, then NUL and control bytes in the first
    :data:`SAMPLE` bytes.  UTF-16 text is full of NUL bytes, so callers that
    may see UTF-16 must try :func:`decode` (which knows this) rather than
    rejecting on NULs alone.
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[8:12] in (b"WEBP", b"WAVE", b"AVI ") and data.startswith(b"RIFF"):
        return "RIFF media file"
    if data[4:8] == b"ftyp":
        return "MP4/HEIF media file"
    sample = data[:SAMPLE]
    if not sample:
        return None
    if sample.count(0) > len(sample) // 1000:
        return "contains NUL bytes"
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) // 50:
        return "contains control bytes"
    return None


def decode(data: bytes) -> str:
    """Decode a page's bytes: BOM, UTF-16 without BOM, UTF-8, then Windows-1256.

    Raises :class:`DecodeError` for binary data and for bytes that are
    neither valid UTF-8/UTF-16 nor plausible Windows-1256 Persian.  A UTF-8
    file with a very few broken bytes (typically a page cut in the middle of
    a character) is kept, with U+FFFD in place of the broken bytes.
    """
    if not data:
        return ""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({name})", "binary")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _decode_after_bom(data[len(bom):], codec)
            if text is not None:
                return _finished(text)
    text = _utf16_without_bom(data)
    if text is not None:
        return _finished(text)
    kind = binary_kind(data)
    if kind:
        raise DecodeError(f"binary file ({kind})", "binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _finished(text)
    text = _damaged_utf8(data)
    if text is None:
        text = _cp1256(data)
    if text is None:
        raise DecodeError("undecodable bytes: neither UTF-8, UTF-16 nor Windows-1256 Persian text")
    return _finished(text)


def repair_mojibake(text: str) -> str:
    """``text`` itself, or the UTF-8 text it was misread from (see :class:`_Misreading`).

    A page counts as misread when at least :data:`MIN_MISREAD_PAIRS` lead-and-continuation
    pairs make up most of its non-ASCII characters (in Persian text read correctly, they are a
    handful of «ع» before a ZWNJ).  It is repaired only when every character turns back into its
    byte and the bytes are valid UTF-8; otherwise :class:`DecodeError` says so.
    """
    sample = text[:SAMPLE]
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    for misreading in _MISREADINGS:
        pairs = misreading.signature.findall(sample)
        if len(pairs) < MIN_MISREAD_PAIRS or 4 * len(pairs) < non_ascii:  # pairs: at least half of it
            continue
        repaired = misreading.undo(text)
        if repaired is None:
            raise DecodeError(f"mis-decoded text: UTF-8 read as {misreading.name} («{''.join(pairs[:4])}…»), "
                              f"and it does not turn back into UTF-8 exactly")
        return repaired
    return text


def _finished(text: str) -> str:
    """Decoded text, mis-decoding repaired, without its BOM, checked for binary data."""
    return _checked(_strip_bom(repair_mojibake(text)))


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _checked(text: str) -> str:
    """Reject decoded text with many control characters (binary data that happened to decode)."""
    sample = text[:SAMPLE]
    controls = sum(1 for c in sample if c not in _TEXT_CONTROLS and unicodedata.category(c) == "Cc")
    if controls > len(sample) // 50:
        raise DecodeError("binary file (control characters)", "binary")
    return text


def _decode_after_bom(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        pass
    if codec == "utf-8":
        text = _damaged_utf8(body)
        if text is not None:
            return text
    if codec == "utf-32-le":  # may be a UTF-16 LE BOM followed by U+0000: let the next BOM try
        return None
    raise DecodeError(f"undecodable bytes: invalid {codec.upper()} after its byte order mark")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM, recognised by its high bytes (00 for ASCII, 06 for Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:SAMPLE]
    best: tuple[float, str] | None = None
    for codec, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        highs = sample[high::2]
        known = sum(1 for b in highs if b in _UTF16_HIGH)
        ascii_or_arabic = highs.count(0) + highs.count(6)
        low_zero = sample[1 - high::2].count(0)
        score = known / len(highs)
        # ASCII/Arabic code units must dominate, and the other byte must not be NUL too
        # (long NUL runs are binary, not text).
        if score < 0.95 or ascii_or_arabic < len(highs) / 2 or low_zero > len(highs) / 20:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best else None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with at most a handful of broken sequences (cut pages), decoded with U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    return text if broken <= max(1, high // 500) else None


def _cp1256(data: bytes) -> str | None:
    """Windows-1256 text, accepted only when its non-ASCII characters are Persian."""
    text = data.decode("cp1256")
    sample = text[: SAMPLE * 4]
    non_ascii = [c for c in sample if ord(c) > 0x7F]
    if not non_ascii:
        return None
    letters = count_arabic_letters(sample)
    persian = letters + sum(1 for c in non_ascii if c in _PERSIAN_EXTRA)
    if letters == 0 or persian < 0.9 * len(non_ascii):
        return None
    return text
