"""The start-up cache (builder.text.diskcache): large regexes and word tables read back as they were made."""
from __future__ import annotations

import re

from builder.text import diskcache
from builder.text.gazetteer import LEFT, RIGHT, phrases_regex
from builder.text.patterns import GAP

# An invented list long enough to be cached: place-like names with spelling variants.
NAMES = [f"شهرک {a} {b}" for a in ("نوین", "امید", "گلستان", "بهار", "سپیده") for b in range(400)]
SOURCE = LEFT + "(?:" + phrases_regex(NAMES, GAP) + ")" + RIGHT
TEXT = "ساکنان شهرك  گلستان 17 و شهرک‌امید ۲۰۳ و شهرک بهاران ۵ گفتند"


def test_a_cached_regex_matches_as_the_compiled_one(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKG_CACHE", str(tmp_path))
    assert len(SOURCE) >= diskcache.MIN_SOURCE
    expected = [m.span() for m in re.compile(SOURCE).finditer(TEXT)]
    assert len(expected) == 2  # «شهرك  گلستان 17» (Arabic kaf, two spaces) and «شهرک‌امید ۲۰۳»
    first = diskcache.compile_cached(SOURCE)
    assert list((tmp_path / "regex").iterdir())  # written
    again = diskcache.compile_cached(SOURCE)  # read back
    assert [m.span() for m in first.finditer(TEXT)] == [m.span() for m in again.finditer(TEXT)] == expected
    assert again.pattern == SOURCE


def test_a_damaged_or_unwritable_cache_is_compiled_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKG_CACHE", str(tmp_path / "cache"))
    diskcache.compile_cached(SOURCE)
    for f in (tmp_path / "cache" / "regex").iterdir():
        f.write_bytes(b"not a program")
    assert len(list(diskcache.compile_cached(SOURCE).finditer(TEXT))) == 2
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("FAKG_CACHE", str(tmp_path / "file"))  # a file where the folder should be
    assert len(list(diskcache.compile_cached(SOURCE).finditer(TEXT))) == 2
    assert diskcache.cached_value("t", b"data", lambda: {"a": (1, "b")}) == {"a": (1, "b")}


def test_a_table_is_rebuilt_when_its_data_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKG_CACHE", str(tmp_path))
    calls = []

    def build(n):
        calls.append(n)
        return [("کودک", n, ("N",))]

    assert diskcache.cached_value("words", b"one", lambda: build(1)) == [("کودک", 1, ("N",))]
    assert diskcache.cached_value("words", b"one", lambda: build(2)) == [("کودک", 1, ("N",))]  # from the cache
    assert diskcache.cached_value("words", b"two", lambda: build(3)) == [("کودک", 3, ("N",))]  # other data
    assert calls == [1, 3]
