"""Facts JSON read back from the store by the queries in queries/facts/."""
from __future__ import annotations

import json

import pytest
from pyoxigraph import Variable

from builder.pipeline import process
from builder.text.document import Document
from builder.use.facts import article_facts, write_facts
from builder.graph.iri import article_iri, mint
from builder.graph.namespaces import read_resource
from builder.text.textkey import key
pytestmark = pytest.mark.usefixtures("fake_gazetteer")

GILAN_FACTS = {
    "article": {"agency": "ایسنا", "published": "2024-07-29", "news_id": "1403050812345",
                "title": "شناسایی ۲۵۰ کودک خیابانی در گیلان"},
    # the second, shorter post «مدیر کل بهزیستی» is the same role written short
    "persons": [{"name": "مریم احمدی", "roles": ["مدیر کل بهزیستی استان گیلان"],
                 "organization": "اداره کل بهزیستی استان گیلان"}],
    # as the article writes it: the store's label, «اداره کل بهزیستی استان گیلان», is in no mention
    "organizations": ["بهزیستی استان گیلان"],
    "places": ["گیلان", "رشت", "مازندران"],
    "programs": [{"name": "طرح ساماندهی کودکان کار و خیابان", "places": ["گیلان", "مازندران"]},
                 {"name": "روز جهانی منع کار کودکان", "places": []}],
    "statistics": [
        {"value": 250, "approx": "exact", "unit_or_subject": "کودک خیابانی", "place": "گیلان",
         "text": "۲۵۰ کودک خیابانی در استان گیلان"},
        {"value": 12.5, "approx": "more_than", "unit_or_subject": "درصد کودکان بازمانده از تحصیل در سال ۱۴۰۲", "place": "گیلان",
         "text": "بیش از ۱۲.۵ درصد کودکان بازمانده از تحصیل"},
    ],
    "quotes": [
        {"speaker": "مریم احمدی", "verb": "گفت", "fragment": "۲۵۰ کودک خیابانی در استان گیلان شناسایی شده‌اند"},
        {"speaker": "مریم احمدی", "verb": "افزود",
         "fragment": "طرح ساماندهی کودکان کار و خیابان در گیلان و مازندران اجرا می‌شود"},
    ],
}


def test_article_facts_content(gilan_document, store_with, tehran_document):
    doc = gilan_document()
    store = store_with(doc, tehran_document())
    assert article_facts(store, article_iri(doc)) == GILAN_FACTS


def test_published_is_the_tehran_local_date(gilan_document, store_with):
    # 00:30 in Tehran is still the previous day in UTC: the facts keep the Tehran date
    doc = gilan_document()
    assert doc.article.published.astimezone(__import__("datetime").timezone.utc).date().isoformat() == "2024-07-28"
    assert article_facts(store_with(doc), article_iri(doc))["article"]["published"] == "2024-07-29"


def test_missing_metadata_is_null(store_with, tehran_document):
    doc = tehran_document()
    facts = article_facts(store_with(doc), article_iri(doc))
    assert facts["article"] == {"agency": "تسنیم", "published": None, "news_id": None, "title": "ادامه برنامه‌ها"}
    assert facts["persons"] == [{"name": "مریم احمدی", "roles": [], "organization": None}]
    assert facts["statistics"] == [] and facts["quotes"] == []


def test_write_facts_files_are_deterministic(tmp_path, gilan_document, store_with, tehran_document):
    store = store_with(gilan_document(), tehran_document())
    assert write_facts(store, tmp_path / "a") == 2
    write_facts(store_with(tehran_document(), gilan_document()), tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["100_gilan.json", "101_tehran.json"]
    for name in names:
        text = (tmp_path / "a" / name).read_text(encoding="utf-8")
        assert text == (tmp_path / "b" / name).read_text(encoding="utf-8")
    text = (tmp_path / "a" / "100_gilan.json").read_text(encoding="utf-8")
    assert "مریم احمدی" in text  # ensure_ascii=False
    assert json.loads(text) == GILAN_FACTS


def test_source_sentence_query_returns_the_sentence(gilan_document, store_with):
    doc = gilan_document()
    store = store_with(doc)
    fact = mint("statistic", article_iri(doc), 0)
    rows = list(store.query(read_resource("queries", "source-sentence.rq"), substitutions={Variable("fact"): fact}))
    assert len(rows) == 1
    row = rows[0]
    assert row["article"] == article_iri(doc)
    assert row["sentence"].value == doc.sentences[0].text
    start, end = int(row["start"].value), int(row["end"].value)
    assert doc.raw[start:end] == row["span"].value == "۲۵۰ کودک خیابانی در استان گیلان"
    assert row["extractor"].value == "statistics" and float(row["confidence"].value) == 0.8


def test_source_sentence_of_an_entity_spans_articles(gilan_document, store_with, tehran_document):
    store = store_with(gilan_document(), tehran_document())
    person = mint("person", "مریم احمدی")
    rows = list(store.query(read_resource("queries", "source-sentence.rq"), substitutions={Variable("fact"): person}))
    assert {r["article"] for r in rows} == {article_iri(gilan_document()), article_iri(tehran_document())}


def test_a_figures_period_is_said_with_what_it_counts_but_not_the_day_it_was_told(store_with):
    doc = process(Document("t.txt", "t", "مدیرکل ثبت احوال گفت: در بهار ۱۴۰۱ تعداد ۱۲۰۰ طلاق ثبت شد و در تابستان ۱۴۰۱ "
                                         "۹۵۰ طلاق ثبت شد.\n\nوی صبح امروز افزود: ۴۰ مرکز مشاوره فعال است.\n"))
    subjects = {s["value"]: s["unit_or_subject"] for s in article_facts(store_with(doc), article_iri(doc))["statistics"]}
    assert subjects[1200].endswith("در بهار ۱۴۰۱") and subjects[950].endswith("در تابستان ۱۴۰۱")
    assert "امروز" not in subjects[40]


def test_a_republished_storys_agency_names_the_site_that_relayed_it_in_brackets(store_with):
    doc = process(Document("a.txt", "a", "ظرفیت اسکان شبانه\n\nبه گزارش پایگاه خبری آوای نو به نقل از خبرگزاری تسنیم، "
                                         "علی کریمی مدیرکل بهزیستی گیلان گفت: ظرفیت بیشتر می‌شود.\n"))
    assert (doc.article.credit, doc.article.republisher) == ("خبرگزاری تسنیم", "آوای نو")
    assert article_facts(store_with(doc), article_iri(doc))["article"]["agency"] == "خبرگزاری تسنیم (آوای نو)"


def test_posts_and_bodies_keep_the_pages_spelling_glued_words_too(store_with):
    # real pages often lose their ZWNJs: a reader cites «ثبتاحوال» as printed; keys still find the body
    doc = process(Document("a.txt", "a", "ازدواج‌های ثبت‌شده\n\nسعید کاظمی مدیرکل ثبتاحوال آذربایجانغربی گفت: "
                                         "امسال ۷۰۰ ازدواج ثبت شد.\n"))
    facts = article_facts(store_with(doc), article_iri(doc))
    assert facts["persons"][0]["roles"] == ["مدیرکل ثبتاحوال آذربایجانغربی"]
    assert doc.posts[0].place == key("آذربایجان غربی")
