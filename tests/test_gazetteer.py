"""Gazetteer tables and lookups: spelling-tolerant, whole-word, longest-first.

The Persian sentences are invented for these tests.
"""
import csv
from pathlib import Path

import pytest

from builder import gazetteer as g
from builder.textkey import key

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
DATA = REPO / "builder" / "data"


def found(text, finder=g.find_places):
    return [(text[s:e], entry.key) for s, e, entry in finder(text)]


def keys(text, finder=g.find_places):
    return [k for _, k in found(text, finder)]


# --- tables ---------------------------------------------------------------


def _shared(name):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"shared reference table {path} not present")
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _csv(name):
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_shared_province_is_in_places_with_iso_and_wikidata():
    rows = _shared("provinces.csv")
    assert len(rows) == 31
    for r in rows:
        e = g.place(key(r["persian_name"]))
        assert e is not None and e.kind == "province", r["persian_name"]
        assert e.key == key(r["persian_name"])
        assert e.iso == r["iso_3166_2"]
        assert e.wikidata == r["wikidata_qid"]
        assert e.english == r["english_name"]
        cap = g.capital_of(e.key)
        assert cap is not None and key(cap.name) == key(r["capital_persian_name"])
        assert cap.kind == "city" and cap.province == e.key
        assert cap.wikidata == r["capital_wikidata_qid"]
        for alt in r["alt_names"].split("|"):
            assert g.place(alt) == e, alt
    assert len(g.provinces()) == 31


def test_wikidata_ids_only_come_from_shared_data():
    allowed = set()
    for r in _shared("provinces.csv"):
        allowed |= {r["wikidata_qid"], r["capital_wikidata_qid"]}
    allowed |= {r["wikidata_qid"] for r in _shared("organizations.csv")}
    allowed.discard("")
    used = {r["wikidata"] for r in _csv("places.csv") + _csv("organizations.csv")} - {""}
    assert used <= allowed


def test_tables_are_consistent():
    places = _csv("places.csv")
    assert len(places) >= 150
    kinds = {r["kind"] for r in places}
    assert kinds <= {"province", "city", "county", "country", "region"}
    by_key = {r["key"]: r for r in places}
    assert len(by_key) == len(places)
    for r in places:
        if r["kind"] in ("city", "county"):
            assert by_key[r["province"]]["kind"] == "province", r["name"]
        if r["kind"] == "province":
            assert r["key"] == key(r["name"])
    # thirteen provinces share their name with their capital: two entities each
    shared_names = [p for p in g.provinces() if g.city_named_like(p.key)]
    assert len(shared_names) == 13
    orgs = _csv("organizations.csv")
    assert len(orgs) >= 50
    org_keys = {r["key"] for r in orgs}
    assert all(r["parent"] in org_keys for r in orgs if r["parent"])
    assert len(_csv("agencies.csv")) >= 20


# --- places -----------------------------------------------------------------


def test_zwnj_space_and_nothing_between_parts():
    text = "سفر به خرم‌آباد، خرم آباد و خرمآباد و بندر عباس و بندرعباس"
    assert keys(text) == ["خرماباد"] * 3 + ["بندرعباس"] * 2


def test_arabic_letters_and_diacritics():
    assert keys("مددکاران در كرمانشاه و ايلام") == ["کرمانشاه", "ایلام"]
    assert keys("خانواده‌ای از مشكين‌شهر و مشگین شهر") == ["مشگینشهر", "مشگینشهر"]
    assert keys("کودکان یَزد") == ["یزد"]


def test_province_vs_city():
    text = "بهزیستی اصفهان در شهر اصفهان و استان اصفهان"
    assert keys(text) == ["اصفهان", "city:اصفهان", "اصفهان"]
    assert g.place("اصفهان").kind == "province"
    assert g.city_named_like("اصفهان").key == "city:اصفهان"
    assert g.capital_of("اصفهان") == g.city_named_like("اصفهان")
    assert g.city_named_like("خوزستان") is None
    assert g.capital_of("خوزستان").name == "اهواز"
    assert g.province("دزفول").name == "خوزستان"
    assert g.province("city:قم").key == "قم"
    assert g.province("ایران") is None


def test_no_hits_inside_words():
    # «ری» in «کاری», «قم» in «رقم», «سی» (thirty) is no place, «ایران» inside a compound
    assert found("این کاری بود که رقم آن به سی درصد رسید و ایران‌خودرو هم آمد") == []
    assert keys("خانواده‌ای از ری و قم") == ["ری", "قم"]


def test_longest_match_wins():
    text = "مددجویان سیستان و بلوچستان، سیستان‌وبلوچستان و منطقه سیستان"
    assert keys(text) == ["سیستانوبلوچستان", "سیستانوبلوچستان", "سیستان"]
    assert keys("استان خراسان رضوی و خراسان") == ["خراسانرضوی", "خراسان"]
    assert keys("کرانه خلیج فارس") == ["خلیجفارس"]
    assert keys("کودکان ایرانشهر و ایران") == ["ایرانشهر", "ایران"]


def test_everyday_words_are_not_places():
    # bare «مرکزی» is an adjective; the province is «استان مرکزی»
    assert found("دفتر مرکزی سازمان در اوج فعالیت در محلات شهر") == []
    assert keys("کودکان استان مرکزی") == ["مرکزی"]
    assert keys("مهران کریمی از شهرستان مهران آمد") == ["مهران"]


def test_place_lookup_by_any_spelling():
    assert g.place("مشهد مقدس").key == "مشهد"
    assert g.place("باختران").key == "کرمانشاه"
    assert g.place("شهرستان دزفول").key == "دزفول"
    assert g.place("ناکجاآباد") is None
    assert g.place("ایران").wikidata == "Q794"


# --- organisations ----------------------------------------------------------


def test_find_organizations():
    text = (
        "نشست سازمان بهزیستی کشور با وزارت تعاون کار و رفاه اجتماعی، "
        "کمیته امداد امام خمینی (ره) و یونیسف درباره کودکان بازمانده از تحصیل"
    )
    assert keys(text, g.find_organizations) == [
        "سازمانبهزیستیکشور", "وزارتتعاونکارورفاهاجتماعی", "کمیتهامدادامامخمینی", "یونیسف",
    ]
    assert g.organization("یونیسف").wikidata == "Q740308"
    welfare = g.organization("سازمان بهزیستی")
    assert welfare.kind == "government_agency"
    assert g.organization(welfare.parent).name == "وزارت تعاون، کار و رفاه اجتماعی"
    assert g.organization("فراجا").kind == "police"
    sub = g.organization("سازمان خدمات و مشارکت‌های اجتماعی شهرداری تهران")
    assert sub.parent == key("شهرداری تهران")


def test_organization_comma_and_spacing_variants():
    a = keys("وزارت تعاون، کار و رفاه اجتماعی", g.find_organizations)
    b = keys("وزارت تعاون،کار ورفاه‌اجتماعی", g.find_organizations)
    assert a == b == ["وزارتتعاونکارورفاهاجتماعی"]


# --- agencies ---------------------------------------------------------------


def test_agency_from_credit_lines():
    assert g.agency_for("به گزارش خبرگزاری تسنیم از اردبیل").name == "تسنیم"
    assert keys("به گزارش خبرگزاری تسنیم از اردبیل") == ["اردبیل"]
    assert g.agency_for("ایسنا/خوزستان").name == "ایسنا"
    assert g.agency_for("خبرگزاری دانشجویان ایران").name == "ایسنا"
    assert g.agency_for("ISNA").name == "ایسنا"
    assert g.agency_for("https://www.irna.ir/news/123").name == "ایرنا"
    assert g.agency_for("باشگاه خبرنگاران جوان - اهواز").name == "باشگاه خبرنگاران جوان"
    assert g.agency_for("روزنامه ایران").name == "روزنامه ایران"
    assert g.agency_for("سلام") is None


def test_ambiguous_agency_names_need_a_source_frame():
    # «مهر» is also a month, «فارس» a province, «انتخاب» a common word
    assert found("در ماه مهر مردم فارس انتخاب کردند", g.find_agencies) == []
    hits = found("به گزارش مهر، نماینده فارس گفت. فارس/شیراز", g.find_agencies)
    assert [k for _, k in hits] == ["مهر", "فارس"]
    assert g.agency_for("منبع: مهر").name == "مهر"
    assert g.agency_for("فارس").name == "فارس"  # a bare name given as a name is taken as one
    assert [k for _, k in found("ایسنا و خبرگزاری فارس", g.find_agencies)] == ["ایسنا", "فارس"]


def test_regex_helpers():
    import re

    pat = g.words_pattern(["خرم آباد"])
    assert pat.search("در خرمآباد").group() == "خرمآباد"
    assert re.fullmatch(g.tolerant_regex("تأکید"), "تاکید")
