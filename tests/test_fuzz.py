"""Issue 8: property-based fuzzing of the cleaner, the normaliser, the number and date parsers
and the whole extractor.

Random Unicode and Persian-like text (words of news pages, every digit script,
ZWNJ, kashida, diacritics, bidi marks, Arabic ي/ك, page furniture, broken
lines) must never raise, and every offset must point into the page: the
provenance of a fact is only as good as its offsets.

test_numbers.py and test_dates.py already fuzz their scanners with free text
(offsets slice back); here the shapes are the ones that stress their
arithmetic: huge and degenerate numbers, impossible dates.  The budget is kept
small (``max_examples``) so that the file runs in well under a minute.
"""
from __future__ import annotations

from pathlib import Path

import dataclasses
import functools
import math
import re
import os
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from builder.read.clean import clean
from builder.text.dates import find_dates
from builder.read.published import parse_published
from builder.text.document import Document, Evidence
from builder.text.normalize import normalize_ranges
from builder.text.numbers import find_numbers, parse_number
from builder.pipeline import process
INVENTED = (Path(__file__).resolve().parent / "data" / "invented.txt").read_text(encoding="utf-8")

WORDS = [
    # furniture and header lines
    "کد خبر:", "۱۴۰۳۰۳۲۳۱۵۸۹۸", "انتهای پیام", "ارسال نظر", "اخبار مرتبط", "برچسب‌ها:", "خبرنگار:", "دسته‌بندی:",
    "چهارشنبه", "۲۳ خرداد ۱۴۰۳", "۱۵:۵۶", "2024-06-12T08:00:00Z", "۱۴۰۳/۰۳/۲۳", "ایسنا/خوزستان", "به گزارش خبرگزاری تسنیم",
    # people, posts, organisations, places, programs
    "مدیرکل", "مدیر کل", "بهزیستی", "استان", "اردبیل", "خوزستان", "اهواز", "تهران", "سیستان و بلوچستان", "معاون",
    "امور اجتماعی", "اداره کل", "وزارت تعاون، کار و رفاه اجتماعی", "شهرداری", "دادستان", "مهران کریمیان",
    "صادق جعفری چگنی", "خسرو امیدوار", "دکتر", "آقای", "خانم", "وی", "او", "اورژانس اجتماعی", "۱۲۳", "طرح",
    "خانه", "کودکان", "کار", "خیابانی", "بازمانده از تحصیل", "روز جهانی منع کار کودکان", "مجتمع", "شوق زندگی",
    # speech and numbers
    "گفت:", "اظهار کرد:", "افزود:", "«", "»", "بیان داشت", "عنوان کرد", "تاکید کرد", "در این نشست",
    "۱۹۹", "199", "٤٥", "1۲0", "سه هزار و 700", "۱۲ هزار و ۵۰۰", "بیش از", "حدود", "درصد", "٪", "%", "۵۰",
    "دو و نیم میلیون", "یک سوم", "۱۸-۱۳", "۵ تا ۱۰", "سیوهفت", "نفر", "پرونده", "ریال", "میلیارد", "تن",
    "سال گذشته", "امسال", "ماه جاری", "اواخر سال ۱۴۰۲", "از ابتدای امسال تاکنون", "هفته گذشته", "دیروز",
    # script noise
    "ي", "ك", "ـــ", "\u064b", "\u0651", "\u200f", "\u200e", "\u202b", "\ufeff", "•", "-", ":", "،", ".", "؟", "!",
    "English", "<p>", "&nbsp;", "\t", "\r",
]
# FAKG_FUZZ_SCALE=20 python -m pytest tests/test_fuzz.py: a longer hunt than CI's
SCALE = int(os.environ.get("FAKG_FUZZ_SCALE", "1"))
SEPARATORS = [" ", " ", " ", "\u200c", "", "\n", "\n\n", "  ", "، "]

persian_like = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=120).map(
    lambda xs: "".join(w + s for w, s in xs))
paragraph = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", " ", "\u200c", "، ", ""])),
                     min_size=8, max_size=40).map(lambda xs: "".join(w + s for w, s in xs))
# pages shaped like the scraped ones: header lines, a title, paragraphs long enough to be body
article_like = st.tuples(
    st.lists(st.sampled_from(["کد خبر: ۸۸۱۲۳۴", "۲۳ خرداد ۱۴۰۳ - ۱۵:۵۶", "دسته‌بندی: اجتماعی", "خبرنگار : 50225", "English"]),
             max_size=4),
    persian_like,
    st.lists(paragraph, min_size=1, max_size=8),
    st.sampled_from(["", "انتهای پیام", "ارسال نظر\nنام و نام خانوادگی"]),
).map(lambda t: "\n".join(t[0]) + "\n\n" + t[1] + "\n\n" + "\n\n".join(t[2]) + "\n\n" + t[3])
any_text = st.one_of(st.text(max_size=400), persian_like, article_like,
                     st.text(alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF), max_size=300))


def _ranges(raw: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Sorted disjoint ranges of ``raw`` from arbitrary cut points."""
    points = sorted({min(max(c, 0), len(raw)) for c in cuts})
    return [(a, b) for a, b in zip(points[::2], points[1::2]) if a < b]


@pytest.fixture(scope="module", autouse=True)
def warm():
    """hazm's models load once, outside the examples' timing."""
    process(Document(source="warm", stem="warm", raw="مدیر کل بهزیستی استان تهران گفت: ۱۲۰ کودک کار شناسایی شدند."))


# --- cleaner ------------------------------------------------------------------------

@settings(max_examples=300 * SCALE, deadline=None)
@given(any_text)
def test_clean_ranges_are_sorted_disjoint_and_inside_the_page(raw):
    result = clean(raw)
    last = 0
    for start, end in result.body:
        assert last <= start < end <= len(raw)
        assert raw[start:end].strip() == raw[start:end]  # trimmed lines
        # a range spans line breaks only where a paragraph was wrapped by hand: never a blank line
        assert not re.search(r"\n[ \t\r]*\n", raw[start:end])
        last = end
    if result.title:
        assert 0 <= result.title[0] < result.title[1] <= len(raw)
    assert 0 <= result.header_end <= len(raw)


# --- normaliser ---------------------------------------------------------------------

@settings(max_examples=300 * SCALE, deadline=None)
@given(any_text, st.lists(st.integers(min_value=0, max_value=400), max_size=12), st.booleans())
def test_normalised_text_maps_into_its_ranges(raw, cuts, use_clean):
    ranges = clean(raw).body if use_clean else [(a, b) for a, b in _ranges(raw, cuts) if "\n" not in raw[a:b]]
    text, offsets = normalize_ranges(raw, ranges)
    assert len(offsets) == len(text)
    if not text:
        return
    assert ranges
    assert all(0 <= o < len(raw) for o in offsets)
    assert offsets == sorted(offsets)  # the alignment never goes back
    # each paragraph's characters map into the raw range it came from, in order of the ranges
    pos, paras = 0, text.split("\n")
    candidates = iter(ranges)
    for para in paras:
        span = offsets[pos:pos + len(para)]
        for start, end in candidates:
            if span and start <= span[0] < end:
                assert all(start <= o < end for o in span), (para, (start, end), span)
                break
        else:
            raise AssertionError(f"paragraph {para!r} maps to no range")
        pos += len(para) + 1


# --- numbers: shapes that stress the arithmetic ---------------------------------------

digits = st.text(alphabet="0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", min_size=1, max_size=40)
number_phrase = st.lists(st.one_of(
    digits, st.sampled_from(["هزار", "میلیون", "میلیارد", "تریلیون", "و", "صد", "نیم", "درصد", "سوم", "تا", "بین",
                             "٫", ".", ",", "٬", "/", "-", "%", "٪", "یک", "نه", "نود", "نهصد", "صفر"])),
    min_size=1, max_size=25).map(" ".join)


@settings(max_examples=300 * SCALE, deadline=None)
@given(st.one_of(number_phrase, digits))
def test_number_values_are_finite_and_ranges_ordered(text):
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
        assert math.isfinite(m.value) and m.value >= 0, m
        if m.high is not None:
            assert math.isfinite(m.high) and m.value <= m.high, m
    value = parse_number(text)
    assert value is None or (math.isfinite(value) and value >= 0)


# --- dates: impossible and extreme dates ------------------------------------------------

MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
          "ژانویه", "فوریه", "مارس", "دسامبر", "محرم", "رمضان"]
date_like = st.one_of(
    st.tuples(digits, st.sampled_from(["/", "-", ".", " / "]), digits, st.sampled_from(["/", "-", "."]), digits).map("".join),
    st.tuples(digits, st.sampled_from(MONTHS), st.sampled_from(["", "ماه", " ماه"]), digits).map(" ".join),
    st.tuples(st.sampled_from(["سال", "اواخر", "اوایل", "از ابتدای", "نیمه اول", "دهه"]), digits,
              st.sampled_from(["", "تاکنون", "شمسی", "میلادی", "ه.ش", "قمری"])).map(" ".join),
    st.tuples(digits, st.sampled_from(["روز", "هفته", "ماه", "سال"]), st.sampled_from(["گذشته", "آینده", "پیش", "قبل"])).map(" ".join),
    st.tuples(digits, st.sampled_from(MONTHS), digits, st.sampled_from([" ساعت ", " - ", "T"]), digits, st.just(":"), digits,
              st.sampled_from(["", "Z", "+03:30", "-99:99", " ب.ظ", " ق.ظ"])).map("".join),
)


@settings(max_examples=300 * SCALE, deadline=None)
@given(st.lists(date_like, min_size=1, max_size=4).map("، ".join),
       st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))))
def test_extreme_dates_never_raise(text, ref):
    for m in find_dates(text, ref):
        assert text[m.start:m.end] == m.text
        if m.start_date:
            assert m.start_date <= m.end_date
    p = parse_published(text)
    if p:
        assert isinstance(p.dt, datetime) and p.dt.tzinfo is not None and text[p.start:p.end] == p.text


# --- the whole extractor ------------------------------------------------------------------

def _evidence(doc: Document):
    for group in (doc.persons.values(), doc.organizations.values(), doc.places.values(), doc.programs.values(),
                  doc.posts, doc.statistics, doc.quotes, doc.events):
        for item in group:
            yield from item.evidence


@settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(article_like, any_text), st.dictionaries(st.sampled_from(["title", "published", "agency", "url", "id"]),
                                 st.one_of(st.text(max_size=40), persian_like), max_size=3))
def test_pipeline_never_raises_and_evidence_points_into_the_page(raw, given):
    from builder.graph.graph import article_iri, document_quads

    doc = Document(source="fuzz.txt", stem="fuzz", raw=raw, given=dict(given), content_hash="0" * 64)
    process(doc)
    assert doc.problems == []  # no extractor failed (process reports a failure instead of raising)
    assert len(doc.offsets) == len(doc.text)
    for ev in _evidence(doc):
        assert isinstance(ev, Evidence)
        assert 0 <= ev.start <= ev.end <= len(raw), ev
        assert -1 <= ev.sentence < max(len(doc.sentences), 1), ev
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(doc.text) and doc.text[s.start:s.end] == s.text
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= len(doc.text)
    if doc.text.strip():  # what a build would store
        event("article body found")
        article_iri(doc)
        document_quads(doc)


# --- invisible characters: the same facts, offsets into the page as read ----------------

# RLM, LRM, ALM, ZWSP, word joiner, soft hyphen, BOM, bidi embeddings, overrides and isolates
INVISIBLES = "\u200f\u200e\u061c\u200b\u2060\u00ad\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# where scraped pages put them most: before spaces and at line ends (and anywhere else)
_HOT_SPOTS = [i for i, c in enumerate(INVENTED) if c in " \n"]
insertions = st.lists(
    st.tuples(st.one_of(st.integers(0, len(INVENTED)), st.sampled_from(_HOT_SPOTS)),
              st.text(alphabet=INVISIBLES, min_size=1, max_size=3)),
    min_size=1, max_size=60)


def _with_invisibles(raw: str, inserts: list[tuple[int, str]]) -> tuple[str, list[int | None]]:
    """``raw`` with the insertions made, and for each character of the result its offset in ``raw``
    (None for an inserted character)."""
    at: dict[int, str] = {}
    for pos, chars in inserts:
        at[pos] = at.get(pos, "") + chars
    out, back = [], []
    for i in range(len(raw) + 1):
        out.append(at.get(i, ""))
        back.extend([None] * len(at.get(i, "")))
        if i < len(raw):
            out.append(raw[i])
            back.append(i)
    return "".join(out), back


def _facts(doc: Document, back: list[int | None] | None = None) -> dict:
    """Everything extracted from ``doc``, every evidence offset mapped through ``back`` (which
    must land on a character of the page, not on an inserted one)."""
    def where(start: int, end: int) -> tuple[int, int]:
        if back is None:
            return start, end
        assert back[start] is not None and back[end - 1] is not None, (start, end)
        return back[start], back[end - 1] + 1

    def mapped(item):
        return dataclasses.replace(item, evidence=[dataclasses.replace(e, start=where(e.start, e.end)[0],
                                                                       end=where(e.start, e.end)[1])
                                                   for e in item.evidence])
    return {
        "article": doc.article, "text": doc.text,
        "offsets": [where(o, o + 1)[0] for o in doc.offsets],
        "persons": {k: mapped(v) for k, v in doc.persons.items()},
        "organizations": {k: mapped(v) for k, v in doc.organizations.items()},
        "places": {k: mapped(v) for k, v in doc.places.items()},
        "programs": {k: mapped(v) for k, v in doc.programs.items()},
        "posts": [mapped(p) for p in doc.posts], "statistics": [mapped(s) for s in doc.statistics],
        "quotes": [mapped(q) for q in doc.quotes], "events": [mapped(e) for e in doc.events],
    }


@functools.cache
def _clean_facts() -> dict:
    return _facts(process(Document(source="a.txt", stem="a", raw=INVENTED)))


def test_the_invented_article_has_facts_of_every_kind():
    doc = process(Document(source="a.txt", stem="a", raw=INVENTED))
    facts = _facts(doc)
    assert [p.name for p in facts["persons"].values()] == ["کامران نیک‌پور"]
    assert len(facts["quotes"]) == 3 and sorted(s.value for s in facts["statistics"]) == [340, 2150]
    assert {"زنجان", "ابهر", "خرمدره"} <= set(facts["places"]) and facts["programs"] and facts["events"]
    assert doc.article.agency == "ایسنا" and doc.article.news_id == "9904127" and doc.article.published


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(insertions)
def test_invisible_characters_anywhere_change_no_fact(inserts):
    """Direction marks, zero-width spaces, soft hyphens, BOMs and bidi controls inside words, before
    spaces and at line ends made an article lose its persons and quotes.  They are taken out before
    extraction: the facts are those of the clean page, and every offset points at the same words of
    the page as read (the page itself is not changed)."""
    raw, back = _with_invisibles(INVENTED, inserts)
    doc = process(Document(source="a.txt", stem="a", raw=raw))
    assert doc.raw == raw
    assert _facts(doc, back) == _clean_facts()


def test_zwnj_is_spelling_not_an_invisible_character():
    """ZWNJ (U+200C) is part of Persian spelling («نیک‌پور», «می‌شود»): it is kept."""
    doc = process(Document(source="a.txt", stem="a", raw=INVENTED))
    assert doc.page == INVENTED and doc.page_offsets is None
    assert "\u200c" in doc.persons["کامراننیکپور"].name


# --- the reader: any bytes under any name ------------------------------------------------

page_bytes = st.one_of(
    st.binary(max_size=600),
    any_text.map(lambda t: t.encode("utf-8")),
    any_text.map(lambda t: t.encode("utf-16")),
    any_text.map(lambda t: t.encode("cp1256", errors="ignore")),
    st.tuples(st.sampled_from(["<html><body><p>", "<!DOCTYPE x [<!ENTITY e 'x'>]><p>", '{"text": "', "<a ", ""]),
              any_text, st.sampled_from(["</p></body></html>", '"}\n', "", "\n{\"text\": 1}\n"])).map(
        lambda t: "".join(t).encode("utf-8")),
)


@settings(max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page_bytes, st.sampled_from([".txt", ".html", ".htm", ".jsonl", ".md"]))
def test_reader_gives_documents_or_one_line_problems(tmp_path_factory, data, ext):
    from builder.read.sources import InputProblem, iter_articles

    folder = tmp_path_factory.mktemp("page")
    f = folder / f"page\n{ext}"  # a newline in the name must not break the one-line report
    f.write_bytes(data)
    for item in iter_articles([str(f)]):
        if isinstance(item, InputProblem):
            assert "\n" not in str(item) and str(item).startswith(str(f).replace("\n", "\\n"))
        else:
            assert isinstance(item, Document) and item.raw.strip() and len(item.content_hash) == 64


# --- file names: surrogate-escaped in Python, valid text in the store and in messages ----------

name_chars = st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from("\\x8fFa0/\u202e\n"),
                       st.integers(0x80, 0xFF).map(lambda b: chr(0xDC00 + b)))  # undecodable bytes


@settings(max_examples=500 * SCALE, deadline=None)
@given(st.text(alphabet=name_chars, max_size=30))
def test_file_names_round_trip_through_the_store(name):
    from builder.read.paths import from_stored, shown, stored

    text = stored(name)
    text.encode("utf-8")  # an RDF literal can hold it
    assert from_stored(text) == name
    if "\\" not in name and not any("\udc80" <= c <= "\udcff" for c in name):
        assert text == name  # a name that is valid UTF-8 is stored as it is
    line = shown(name)  # one line, printable in UTF-8, in the order written
    line.encode("utf-8")
    assert not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in INVISIBLES for c in line)


# --- regressions found by the fuzzers -----------------------------------------------------

@pytest.mark.parametrize("published", ["0001-01-01", "0621-03-21", "9999-12-31T23:59:59+14:00"])
def test_impossible_publication_date_does_not_fail_the_article(published):
    """A JSON line's "published" of year 1 or 9999 made every date phrase raise ValueError
    (jdatetime's year range): the whole article was lost as "extraction failed"."""
    raw = ("کد خبر: ۸۸۱۲۳۴\n\nافتتاح خانه امن کودکان کار در شهر نمونه\n\n"
           "به گزارش خبرنگار ما، مدیر کل بهزیستی استان نمونه روز ۲۳ خرداد از راه‌اندازی یک خانه امن برای ۴۵ "
           "کودک کار در مرکز استان خبر داد و گفت در سال گذشته ۱۲۰ کودک شناسایی شدند.\n")
    doc = process(Document(source="x.jsonl:1", stem="x", raw=raw, given={"published": published}))
    assert doc.statistics
    assert find_dates("۰ فروردین ماه ۰، ۲۳ خرداد، ماه گذشته", date(622, 1, 1)) is not None
