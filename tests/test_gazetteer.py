"""Gazetteer tables and lookups: spelling-tolerant, whole-word, longest-first.

The Persian sentences are invented for these tests.
"""
import csv
from pathlib import Path

import pytest

from builder.text import gazetteer as g
from builder.text.textkey import key

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


# --- counties (شهرستان) -------------------------------------------------------

# Every county of each province, by the name used after «شهرستان» (see data/SOURCES.md).
# A county named like its seat is the city row («شهرستان دزفول» -> دزفول); a county
# named otherwise has a row of its own («شهرستان دشتی», seat خورموج).
COUNTIES = {
    "مرکزی": "آشتیان، اراک، تفرش، خمین، خنداب، دلیجان، زرندیه، ساوه، شازند، فراهان، محلات، کمیجان",
    "گیلان": "آستارا، آستانه اشرفیه، املش، بندر انزلی، خمام، رشت، رضوانشهر، رودبار، رودسر، سیاهکل، شفت، صومعه‌سرا، طوالش، فومن، لاهیجان، لنگرود، ماسال",
    "مازندران": "آمل، بابل، بابلسر، بهشهر، تنکابن، جویبار، رامسر، ساری، سوادکوه، سوادکوه شمالی، سیمرغ، عباس‌آباد، فریدونکنار، قائم‌شهر، محمودآباد، میاندورود، نور، نوشهر، نکا، چالوس، کلاردشت، گلوگاه",
    "اذربایجانشرقی": "آذرشهر، اسکو، اهر، بستان‌آباد، بناب، تبریز، جلفا، خداآفرین، سراب، شبستر، عجب‌شیر، مراغه، مرند، ملکان، میانه، هریس، هشترود، هوراند، ورزقان، چاراویماق، کلیبر",
    "اذربایجانغربی": "ارومیه، اشنویه، بوکان، تکاب، خوی، سردشت، سلماس، شاهین‌دژ، شوط، ماکو، مهاباد، میاندوآب، نقده، پلدشت، پیرانشهر، چالدران، چایپاره",
    "کرمانشاه": "اسلام‌آباد غرب، ثلاث باباجانی، جوانرود، دالاهو، روانسر، سرپل ذهاب، سنقر، صحنه، قصر شیرین، هرسین، پاوه، کرمانشاه، کنگاور، گیلانغرب",
    "خوزستان": "آبادان، آغاجاری، امیدیه، اندیمشک، اندیکا، اهواز، ایذه، باغملک، باوی، بهبهان، حمیدیه، خرمشهر، دزفول، دشت آزادگان، رامشیر، رامهرمز، شادگان، شوش، شوشتر، لالی، ماهشهر، مسجدسلیمان، هفتکل، هندیجان، هویزه، کارون، گتوند",
    "فارس": "آباده، ارسنجان، استهبان، اقلید، اوز، بختگان، بوانات، بیضا، جهرم، خرامه، خرم‌بید، خفر، خنج، داراب، رستم، زرقان، زرین‌دشت، سروستان، سرچهان، سپیدان، شیراز، فراشبند، فسا، فیروزآباد، قیر و کارزین، لارستان، لامرد، مرودشت، ممسنی، مهر، نی‌ریز، پاسارگاد، کازرون، کوار، کوه‌چنار، گراش",
    "کرمان": "ارزوئیه، انار، بافت، بردسیر، بم، جیرفت، رابر، راور، رفسنجان، رودبار جنوب، ریگان، زرند، سیرجان، شهربابک، عنبرآباد، فاریاب، فهرج، قلعه گنج، منوجان، نرماشیر، کرمان، کهنوج، کوهبنان",
    "خراسانرضوی": "باخرز، بجستان، بردسکن، بینالود، تایباد، تربت جام، تربت حیدریه، جغتای، جوین، خلیل‌آباد، خواف، خوشاب، داورزن، درگز، رشتخوار، زاوه، زبرخان، سبزوار، سرخس، صالح‌آباد، فریمان، فیروزه، قوچان، مشهد، مه‌ولات، نیشابور، چناران، کاشمر، کلات، کوهسرخ، گلبهار، گناباد",
    "اصفهان": "آران و بیدگل، اردستان، اصفهان، برخوار، بوئین و میاندشت، تیران و کرون، خمینی‌شهر، خوانسار، خور و بیابانک، دهاقان، سمیرم، شاهین‌شهر و میمه، شهرضا، فریدن، فریدونشهر، فلاورجان، لنجان، مبارکه، نایین، نجف‌آباد، نطنز، چادگان، کاشان، گلپایگان",
    "سیستانوبلوچستان": "ایرانشهر، بمپور، تفتان، خاش، دشتیاری، دلگان، راسک، زابل، زاهدان، زهک، سراوان، سرباز، سیب و سوران، فنوج، قصرقند، مهرستان، میرجاوه، نیمروز، نیکشهر، هامون، هیرمند، چابهار، کنارک",
    "کردستان": "بانه، بیجار، دهگلان، دیواندره، سروآباد، سقز، سنندج، قروه، مریوان، کامیاران",
    "همدان": "اسدآباد، بهار، تویسرکان، درگزین، رزن، فامنین، ملایر، نهاوند، همدان، کبودرآهنگ",
    "چهارمحالوبختیاری": "اردل، بروجن، بن، خانمیرزا، سامان، شهرکرد، فارسان، فلارد، لردگان، کوهرنگ، کیار",
    "لرستان": "ازنا، الیگودرز، بروجرد، خرم‌آباد، دلفان، دورود، رومشکان، سلسله، پلدختر، چگنی، کوهدشت",
    "ایلام": "آبدانان، ایلام، ایوان، بدره، دره‌شهر، دهلران، سیروان، ملکشاهی، مهران، هلیلان، چرداول",
    "کهگیلویهوبویراحمد": "باشت، بهمئی، بویراحمد، دنا، لنده، مارگون، چرام، کهگیلویه، گچساران",
    "بوشهر": "بوشهر، تنگستان، جم، دشتستان، دشتی، دیر، دیلم، عسلویه، کنگان، گناوه",
    "زنجان": "ابهر، ایجرود، خدابنده، خرمدره، زنجان، سلطانیه، طارم، ماهنشان",
    "سمنان": "آرادان، دامغان، سرخه، سمنان، شاهرود، مهدی‌شهر، میامی، گرمسار",
    "یزد": "ابرکوه، اردکان، اشکذر، بافق، بهاباد، تفت، خاتم، مهریز، میبد، یزد",
    "هرمزگان": "ابوموسی، بستک، بشاگرد، بندر لنگه، بندرعباس، جاسک، حاجی‌آباد، خمیر، رودان، سیریک، قشم، میناب، پارسیان",
    "تهران": "اسلامشهر، بهارستان، تهران، دماوند، رباط‌کریم، ری، شمیرانات، شهریار، فیروزکوه، قدس، قرچک، ملارد، ورامین، پاکدشت، پردیس، پیشوا",
    "اردبیل": "اردبیل، اصلاندوز، انگوت، بیله‌سوار، خلخال، سرعین، مشگین‌شهر، نمین، نیر، پارس‌آباد، کوثر، گرمی",
    "قم": "قم",
    "قزوین": "آبیک، آوج، البرز، بوئین‌زهرا، تاکستان، قزوین",
    "گلستان": "آزادشهر، آق‌قلا، بندر گز، ترکمن، رامیان، علی‌آباد کتول، مراوه‌تپه، مینودشت، کردکوی، کلاله، گالیکش، گرگان، گمیشان، گنبد کاووس",
    "خراسانشمالی": "اسفراین، بجنورد، جاجرم، راز و جرگلان، شیروان، فاروج، مانه و سملقان، گرمه",
    "خراسانجنوبی": "بشرویه، بیرجند، خوسف، درمیان، زیرکوه، سرایان، سربیشه، طبس، فردوس، قائنات، نهبندان",
    "البرز": "اشتهارد، ساوجبلاغ، طالقان، فردیس، نظرآباد، چهارباغ، کرج",
}


def test_every_province_has_its_counties():
    assert set(COUNTIES) == {p.key for p in g.provinces()}
    seen = {}
    for prov, names in COUNTIES.items():
        names = names.split("، ")
        assert len(names) >= (1 if prov == "قم" else 5), prov  # Qom province is one county
        for name in names:
            e = g.place("شهرستان " + name)
            assert e is not None, name
            assert g.province(e.key).key == prov, (name, e.key, e.province)
            assert e.kind in ("city", "county"), name
            assert seen.setdefault(e.key, prov) == prov, name  # one entity per county
    assert sum(len(v.split("، ")) for v in COUNTIES.values()) >= 450


def test_county_rows_are_placed_and_unique():
    places = _csv("places.csv")
    keys_ = [r["key"] for r in places]
    assert len(keys_) == len(set(keys_))
    by_key = {r["key"]: r for r in places}
    counties = [r for r in places if r["kind"] == "county"]
    assert len(counties) >= 120
    for r in counties:
        assert by_key[r["province"]]["kind"] == "province", r["name"]
        assert r["key"] in (key(r["name"]), "county:" + key(r["name"])), r["name"]
        assert not r["wikidata"] and not r["iso"], r["name"]
        assert r["english"], r["name"]
        assert "شهرستان " + r["name"] in r["variants"].split("|"), r["name"]
    # a county row never repeats a city of the same name in its province
    cities = {(key(r["name"]), r["province"]) for r in places if r["kind"] == "city"}
    assert not [r["name"] for r in counties if (key(r["name"]), r["province"]) in cities]


def test_new_counties_in_text():
    kb = "کهگیلویهوبویراحمد"
    # «دنا» alone is a car, a mountain and a given name: only «شهرستان دنا» matches, and
    # in a list after «شهرستان‌های» the extractor resolves it by key
    assert keys("شهرستان‌های دنا و لنده") == ["لنده"]
    assert g.place("دنا").key == "دنا" and g.province("دنا").key == kb
    assert keys("بیکاری در شهرستان دنا") == ["دنا"]
    assert keys("مددجویان گچساران و بهمئی و شهرستان کهگیلویه") == ["گچساران", "بهمیی", "کهگیلویه"]
    assert keys("استان کهگیلویه و بویراحمد و شهرستان بویراحمد") == [kb, "بویراحمد"]
    assert keys("بندرانزلی، بندر انزلی و بندر‌انزلی") == ["بندرانزلی"] * 3
    assert keys("گنبدکاووس و گنبد کاووس") == ["گنبدکاووس"] * 2
    assert keys("شهرستان‌های شاهین‌شهر و میمه و تیران‌وکرون؛ شاهین‌شهر") == [
        "شاهینشهرومیمه", "تیرانوکرون", "شاهینشهر"]
    assert keys("سوادکوه شمالی و سوادکوه") == ["سوادکوهشمالی", "سوادکوه"]
    assert keys("شهرستان طوالش و تالش") == ["تالش", "تالش"]
    assert keys("دهیاری‌های شهرستان دشتی و جم") == ["دشتی"]
    # Qazvin's Alborz county is «شهرستان البرز»; a bare «البرز» stays the province
    assert keys("شهرستان البرز قزوین و استان البرز") == ["county:البرز", "قزوین", "البرز"]
    assert g.province("county:البرز").key == "قزوین"
    assert keys("کودکان محله دروازه غار") == ["دروازهغار"]
    assert g.place("دروازه غار").kind == "region" and g.place("دروازه غار").province == "تهران"


def test_county_names_that_are_everyday_words():
    text = (
        "در فصل بهار با نور کم در بافت فرسوده، بن کارگری، انار و خمیر، سرباز وظیفه، "
        "سلسله جلسات، خودرو دنا، رستم و سامان و کوثر دیر رسیدند"
    )
    assert found(text) == []
    assert keys("شهرستان بهار و شهرستان نور و شهرستان بافت") == ["بهار", "نور", "بافت"]
    assert g.province("شهرستان مهر").key == "فارس"
    assert g.province("شهرستان سلسله").key == "لرستان"


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
    assert re.fullmatch(g.phrases_regex(["تأکید"]), "تاکید")


def test_islands_and_tabas():
    assert keys("کودکان جزیره هرمز و لارک به مدرسه خارک نمی‌روند") == ["هرمز", "لارک", "خارک"]
    assert keys("هنگام بازدید از سیری") == []  # everyday words, unless written «جزیره هنگام»
    assert g.province("طبس").key == "خراسانجنوبی"




def test_a_compound_word_of_a_bodys_name_is_found_written_apart_or_glued():
    # pages write «سوادآموزی» and «سواد آموزی», «توانبخشی» and «توان بخشی»: one body either way
    for text in ("نهضت سواد آموزی شهرستان", "نهضت سوادآموزی شهرستان", "نهضت سواد‌آموزی شهرستان"):
        assert [e.key for _, _, e in g.find_organizations(text)] == ["سازماننهضتسواداموزی"], text
    for text in ("دانشگاه علوم بهزیستی و توان بخشی", "دانشگاه علوم بهزیستی و توانبخشی"):
        assert [e.key for _, _, e in g.find_organizations(text)] == ["دانشگاهعلومبهزیستیوتوانبخشی"], text
