"""Article metadata: agency, news id, title, lead, category, reporter, publication date, province."""
from __future__ import annotations

from pathlib import Path

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from builder.text.document import Document
from builder.pipeline import clean, metadata, normalize, place_names
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "articles"

TEHRAN = ZoneInfo("Asia/Tehran")


def _meta(raw: str, given: dict | None = None):
    doc = Document("x.txt", "x", raw, dict(given or {}))
    clean(doc)
    normalize(doc)
    place_names(doc)
    metadata.read_metadata(doc)
    return doc.article


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SEEDS.glob("*.txt"))])
def test_seeds_match_the_gold_article_block(stem):
    gold = json.loads((ROOT / "examples" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))["article"]
    meta = _meta((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
    assert meta.agency == gold["agency"]
    assert meta.news_id == gold["news_id"]
    assert (meta.published.date().isoformat() if meta.published else None) == gold["published"]


def test_seed_details():
    meta = _meta((SEEDS / "000_84db06a90898690d.txt").read_text(encoding="utf-8"))
    assert meta.published == datetime(2024, 6, 12, 15, 56, tzinfo=TEHRAN)
    assert meta.category == "خوزستان" and meta.reporter == "50225" and meta.province == "خوزستان"
    meta = _meta((SEEDS / "004_a38994cf490eb84b.txt").read_text(encoding="utf-8"))
    # the page head also prints today's date («۰۲ آذر ۱۴۰۳») and an update time: neither is the publication date
    assert meta.published == datetime(2023, 12, 5, 16, 50, tzinfo=TEHRAN)
    assert meta.lead.startswith("مدیرعامل سازمان خدمات")
    meta = _meta((SEEDS / "002_f0d8b60221c6b38a.txt").read_text(encoding="utf-8"))
    assert meta.province == "اردبیل"  # «به گزارش خبرگزاری تسنیم از اردبیل»


BODY = "معاون پیشگیری اداره کل بهزیستی استان قزوین گفت: امسال ۸۵ کودک کار در این استان شناسایی و به مراکز ساماندهی معرفی شدند و خانواده‌هایشان تحت پوشش قرار گرفتند."


@pytest.mark.parametrize("head, agency, news_id, published", [
    ("ایرنا - خبرگزاری جمهوری اسلامی\n۱۴۰۲/۰۸/۱۵ - ۱۰:۳۰\nکد خبر: 85273914\n", "ایرنا", "85273914", datetime(2023, 11, 6, 10, 30, tzinfo=TEHRAN)),
    ("خبرگزاری مهر\nپنجشنبه ۱۲ مهر ۱۴۰۳ - ۰۹:۱۲\nکد خبر 6247318\n", "مهر", "6247318", datetime(2024, 10, 3, 9, 12, tzinfo=TEHRAN)),
    ("ايرنا\n۷ مرداد ۱۴۰۳، ۸:۴۰\nكد خبر: 85548126\n", "ایرنا", "85548126", datetime(2024, 7, 28, 8, 40, tzinfo=TEHRAN)),
    ("امروز: سه‌شنبه ۲ بهمن ۱۴۰۳\nشناسه خبر: ۴۵۲۱\nتاریخ انتشار: ۱۴۰۳/۱۰/۲۴\n", None, "4521", datetime(2025, 1, 13, 0, 0, tzinfo=TEHRAN)),
    ("کد خبر 812345\nتاریخ انتشار: ۲۲ خرداد ۱۴۰۲ - ۱۱:۲۰\nآخرین به‌روزرسانی: ۲۵ خرداد ۱۴۰۲ - ۰۸:۰۵\n", None, "812345", datetime(2023, 6, 12, 11, 20, tzinfo=TEHRAN)),
    ("ایمنا\nانتشار: ۰۹:۴۵ - ۰۳-۱۱-۱۴۰۲\nکد مطلب: 745213\n", "ایمنا", "745213", datetime(2024, 1, 23, 9, 45, tzinfo=TEHRAN)),
    ("صفحه نخست\nاخبار\n", None, None, None),
])
def test_header_variants(head, agency, news_id, published):
    meta = _meta(head + "\nپوشش ۸۵ کودک کار در قزوین\n\n" + BODY + "\n")
    assert meta.agency == agency
    assert meta.news_id == news_id
    assert meta.published == published
    assert meta.title == "پوشش ۸۵ کودک کار در قزوین"
    assert meta.province == "قزوین"


@pytest.mark.parametrize("credit, agency, province", [
    ("به گزارش خبرگزاری فارس از شیراز، ", "فارس", "فارس"),
    ("به گزارش گروه اجتماعی خبرگزاری تسنیم، ", "تسنیم", "قزوین"),
    ("ایسنا/گیلان ", "ایسنا", "گیلان"),
    ("به گزارش خبرنگار ایرنا از رشت، ", "ایرنا", "گیلان"),
    # a press office's release is credited to the office (the evaluation kit's convention)
    ("به گزارش روابط عمومی اداره کل بهزیستی استان قزوین، ", "روابط عمومی اداره کل بهزیستی استان قزوین", "قزوین"),
])
def test_agency_and_province_from_credit_lines(credit, agency, province):
    meta = _meta("عنوان خبر درباره کودکان کار قزوین\n\n" + credit + BODY + "\n")
    assert meta.agency == agency
    assert meta.province == province


def test_given_metadata_wins_and_url_gives_the_id():
    meta = _meta("عنوان\n\n" + BODY, {"agency": "Tasnim", "published": "2024-03-01T10:00:00+03:30",
                                     "url": "https://www.isna.ir/news/1403040502345/x", "title": "عنوان داده‌شده"})
    assert meta.agency == "تسنیم"
    assert meta.news_id == "1403040502345"
    assert meta.published == datetime(2024, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Tehran"))
    assert meta.title == "عنوان داده‌شده"


def test_a_given_date_in_the_future_gives_way_to_the_page_header():
    meta = _meta("تاریخ انتشار: ۱۱ اسفند ۱۴۰۲\n\nعنوان\n\n" + BODY, {"published": "2199-03-01T10:00:00"})
    assert meta.published == datetime(2024, 3, 1, tzinfo=TEHRAN)


@pytest.mark.parametrize("head, news_id", [
    ("شناسه: 7788990\n۱۴۰۲/۰۷/۰۳ ۰۸:۲۰\n", "7788990"),
    ("یکشنبه ۳ مهر ۱۴۰۲ - ۰۸:۲۰\nخبر: 14020703000451\n", "14020703000451"),
])
def test_bare_id_labels_on_their_own_line(head, news_id):
    meta = _meta(head + "\nپوشش ۸۵ کودک کار در قزوین\n\n" + BODY + "\n")
    assert meta.news_id == news_id
    assert meta.published == datetime(2023, 9, 25, 8, 20, tzinfo=TEHRAN)


@pytest.mark.parametrize("head, news_id", [
    ("کد خبر : #4471\n", "4471"),  # a hash before the id
    ("تاریخ : یکشنبه ۱۷ شهریور ۱۳۹۸     |     کد : 872\n", "872"),  # a bare label between a header's bars
    ("شناسه : 51207 | انتشار : ۰۶ آذر ۱۴۰۲\n", "51207"),
])
def test_ids_with_a_hash_or_a_bare_label_in_a_headers_bar(head, news_id):
    assert _meta(head + "\nپوشش ۸۵ کودک کار در قزوین\n\n" + BODY + "\n").news_id == news_id


def test_a_credit_below_several_lead_paragraphs_credits_the_story():
    leads = "".join(f"نکته {n}: کمیته امداد قزوین در این بخش از طرح به {n}۰ خانوار کمک کرده است.\n\n" for n in range(1, 7))
    meta = _meta("پوشش ۸۵ کودک کار در قزوین\n\n" + leads +
                 "به گزارش پایگاه اطلاع‌رسانی کمیته امداد، رضا کاظمی گفت: کار ادامه دارد.\n")
    assert meta.credit == "پایگاه اطلاع‌رسانی کمیته امداد"


def test_a_word_khabar_in_running_text_is_not_an_id_label():
    meta = _meta("پوشش ۸۵ کودک کار در قزوین\n\n" + BODY + "\nاین خبر: 12345 بار دیده شد و بازنشر شد.\n")
    assert meta.news_id is None


SECOND = "\nوی افزود: برای خانواده‌های این کودکان نیز بسته‌های حمایتی و خدمات مشاوره‌ای در نظر گرفته شده است.\n"
FOOTER = SECOND + "\nلینک کوتاه: https://www.example-daily.ir/content/556677\nاین گزارش در شماره ۴۴۱۲ روزنامه به تاریخ دوشنبه ۶ آذر ۱۴۰۲ منتشر شده است.\n"


def test_news_id_from_the_short_link_and_date_from_a_print_footer():
    meta = _meta("امروز: پنجشنبه ۹ آذر ۱۴۰۲\n\nپوشش ۸۵ کودک کار در قزوین\n\n" + BODY + "\n" + FOOTER)
    assert meta.news_id == "556677"
    assert meta.published == datetime(2023, 11, 27, tzinfo=TEHRAN)  # not «امروز»'s 30 November


def test_a_footer_date_gives_way_to_the_header_and_other_links_give_no_id():
    meta = _meta("۱۴۰۲/۰۹/۰۷ ۱۰:۰۰\n\nپوشش ۸۵ کودک کار در قزوین\n\n" + BODY + "\n" + FOOTER)
    assert meta.published == datetime(2023, 11, 28, 10, 0, tzinfo=TEHRAN)
    related = "\nاخبار مرتبط\nگزارش قبلی: https://www.example-daily.ir/content/998877\n"
    assert _meta("پوشش ۸۵ کودک کار در قزوین\n\n" + BODY + "\n" + related).news_id is None


def test_unix_time_news_number_and_the_agency_of_a_bar_or_of_the_own_link():
    meta = _meta("ثبت ۴۰ مورد کودک‌آزاری در لرستان\n\nمدیرکل بهزیستی لرستان گفت: امسال ۴۰ مورد کودک‌آزاری ثبت شد و همه پیگیری شده‌اند.\n",
                 {"published": 1720338300})
    assert meta.published == datetime(2024, 7, 7, 11, 15, tzinfo=TEHRAN)
    page = """خبرگزاری صدا و سیما | مرکز لرستان
شماره خبر: ۴۴۱۲

ثبت ۴۰ مورد کودک‌آزاری در لرستان

مدیرکل بهزیستی لرستان گفت: امسال ۴۰ مورد کودک‌آزاری در استان ثبت شد و همه موارد پیگیری شده‌اند.
"""
    meta = _meta(page)
    assert meta.news_id == "4412" and meta.agency == "خبرگزاری صدا و سیما"
    meta = _meta("ثبت ۴۰ مورد کودک‌آزاری در لرستان\n\nمدیرکل بهزیستی لرستان گفت: امسال ۴۰ مورد کودک‌آزاری در استان ثبت شد و همه موارد پیگیری شده‌اند.\n\n"
                 "📎 مشروح خبر: https://www.isna.ir/news/1403041712345/\n")
    assert meta.agency == "ایسنا" and meta.news_id == "1403041712345"


# --- layouts of stored real pages ---------------------------------------------------

REAL_BODY = ("مدیرکل بهزیستی استان یزد گفت: از ابتدای امسال ۴۰ کودک کار در مراکز شبانه‌روزی استان "
             "پذیرش شده‌اند و خدمات آموزشی و درمانی دریافت می‌کنند.")


@pytest.mark.parametrize("raw, news_id", [
    ("12853\n۰۳ آذر ۱۳۹۵\n\nپذیرش ۴۰ کودک کار در یزد\n\n" + REAL_BODY, "12853"),
    ("364944 پذیرش ۴۰ کودک کار در یزد\n\n" + REAL_BODY, "364944"),
    ("۱۲۰۰۰ کودک کار در یزد پذیرش شدند\n\n" + REAL_BODY, None),  # a figure opening a headline
])
def test_a_bare_number_opening_the_page_is_its_id(raw, news_id):
    assert _meta(raw).news_id == news_id


def test_source_and_date_lines_between_headline_and_body():
    raw = "پذیرش ۴۰ کودک کار در یزد\n\nباشگاه خبرنگاران - ۳۱ تیر ۱۴۰۲\n\n" + REAL_BODY + "\n"
    meta = _meta(raw)
    assert meta.agency == "باشگاه خبرنگاران جوان" and meta.published.date() == date(2023, 7, 22)
    raw = "پذیرش ۴۰ کودک کار در یزد\n\nجامعه\n\nایلنا:\n\n" + REAL_BODY + "\n"
    assert _meta(raw).agency == "ایلنا"


def test_a_dateline_line_is_never_joined_to_the_headline_above_it():
    # a page with no blank lines, wrapped by hand: the wrapped lines join, the headline over the dateline stays apart
    raw = ("افتتاح دومین خانه سلامت ویژه دختران در جنوب پایتخت با حضور مسئولان\n"
           "تهران (پانا) - معاون امور اجتماعی بهزیستی استان تهران امروز دومین خانه سلامت ویژه دختران را در\n"
           "یکی از محله‌های جنوب شهر گشود و گفت این خانه به دخترانی که خانه را ترک کرده‌اند سرپناه و\n"
           "مشاوره می‌دهد و تا پایان سال دو خانه دیگر نیز در شرق و غرب شهر به راه می‌افتد تا هیچ دختری\n"
           "شب را در خیابان نگذراند و خانواده‌ها هم از خدمات مشاوره بهره ببرند\n")
    meta = _meta(raw)
    assert meta.title == "افتتاح دومین خانه سلامت ویژه دختران در جنوب پایتخت با حضور مسئولان"
    assert meta.agency == "پانا"


def test_a_headline_over_a_date_and_a_sites_name_stays_a_headline():
    raw = ("معاون استاندار یزد:\nآمار آسیب‌های اجتماعی در استان رو به کاهش است\n"
           "دوشنبه 23 مرداد 1402 - 17:52:12\nپایگاه خبری کویر نو\n\n" + REAL_BODY + "\n")
    meta = _meta(raw)
    assert meta.title == "آمار آسیب‌های اجتماعی در استان رو به کاهش است"
    assert meta.published.date() == date(2023, 8, 14)


def test_a_body_sentence_repeated_on_the_page_is_not_its_headline():
    raw = "پذیرش ۴۰ کودک کار در یزد\n\n۱۵:۱۵ ۱۴۰۲-۰۷-۱۸\n\n" + REAL_BODY + "\n\nرضا کاظمی گفت: کار ادامه دارد.\n\n" + REAL_BODY + "\n"
    assert _meta(raw).title == "پذیرش ۴۰ کودک کار در یزد"


def test_a_headline_keeps_no_site_suffix_and_a_site_bar_is_no_headline():
    raw = "توزیع ۳۵ هزار بسته غذایی در بوشهر +تصویر- اخبار بوشهر - اخبار استان‌ها تسنیم\n\n" + REAL_BODY + "\n"
    assert _meta(raw).title == "توزیع ۳۵ هزار بسته غذایی در بوشهر"
    raw = "سپیدنیوز | خلاصه خبر\n\n" + REAL_BODY + "\n"
    assert _meta(raw).title is None


def test_dates_written_with_arabic_letters_at_the_end_or_in_the_lead():
    raw = "سپیدنیوز\nبرگزاری مانور اورژانس اجتماعی در یزد\nسه شنبه 16 دي 1399 - 14:51:27\n\n" + REAL_BODY + "\n"
    meta = _meta(raw)
    assert meta.title == "برگزاری مانور اورژانس اجتماعی در یزد" and meta.published.date() == date(2021, 1, 5)
    assert _meta("پذیرش ۴۰ کودک کار در یزد\n\n" + REAL_BODY + "\n\nشنبه ۲۷ اسفند ماه ۱۴۰۲\n").published.date() == date(2024, 3, 17)
    raw = ("به گزارش روابط عمومی اداره بهزیستی یزد، امشب مورخ 1402/3/24، رئیس اداره بهزیستی یزد از مراکز "
           "نگهداری کودکان کار در سطح شهر بازدید کرد و خدمات آنها را بررسی کرد.\n")
    assert _meta(raw).published.date() == date(2023, 6, 14)


def test_sources_named_at_the_end_or_under_a_label():
    body = "به گزارش سپیدنیوز، " + REAL_BODY
    assert _meta("پذیرش ۴۰ کودک کار در یزد\n\n" + body + "/ایرنا\n").agency == "ایرنا"
    assert _meta("پذیرش ۴۰ کودک کار در یزد\n\n" + REAL_BODY + "\n• منبع خبر : باشگاه خبرنگاران جوان\n").agency == "باشگاه خبرنگاران جوان"
    office = "روابط عمومی فرمانداری شهرستان یزد"
    assert _meta("پذیرش ۴۰ کودک کار در یزد\n\n" + body + "\n" + office + "\n").agency == office
    # a site's own credit gives way to the source its «منبع:» label names, even one of four words
    assert _meta("پذیرش ۴۰ کودک کار در یزد\n\n" + body + "\nمنبع : پایگاه خبری ندای کویر\n").agency == "ندای کویر"


def test_a_source_label_in_a_bar_a_news_code_with_its_ezafe_and_labels_in_arabic_letters():
    raw = ("شناسهٔ خبر: 24683121 - سرویس استانی\nنسخه قابل چاپ منبع: صدا و سیما | لینک خبر\n\n"
           "پذیرش ۴۰ کودک کار در یزد\n\n" + REAL_BODY + "\n")
    meta = _meta(raw)
    assert meta.news_id == "24683121" and meta.agency == "خبرگزاری صدا و سیما"
    raw = "پذیرش ۴۰ کودک کار در یزد\nتاريخ خبر: سه شنبه، 15 فروردين 1396 ساعت: 14:37\n\n" + REAL_BODY + "\n"
    meta = _meta(raw)
    assert meta.title == "پذیرش ۴۰ کودک کار در یزد" and meta.published.date() == date(2017, 4, 4)
    meta = _meta("9/18/2025 11:16:44 AM\n\nپذیرش ۴۰ کودک کار در یزد\n\n" + REAL_BODY + "\n")
    assert meta.published.date() == date(2025, 9, 18)


def test_a_sites_name_and_address_opening_the_lead():
    raw = "پذیرش ۴۰ کودک کار در یزد\n\nنـدای کـویـر| nedayekavir.ir: " + REAL_BODY + "\n"
    assert _meta(raw).agency == "ندای کویر"


def test_a_headline_between_a_summary_and_the_credited_first_paragraph():
    summary = "مدیرکل بهزیستی استان یزد می‌گوید چهل کودک کار امسال در مراکز شبانه‌روزی پذیرش شده‌اند و آموزش می‌بینند."
    raw = summary + "\n\nپذیرش ۴۰ کودک کار در مراکز شبانه‌روزی یزد\n" + "به گزارش ندای کویر، " + REAL_BODY + "\n"
    assert _meta(raw).title == "پذیرش ۴۰ کودک کار در مراکز شبانه‌روزی یزد"
    long_title = "میزبانی شبانه‌روزی گرمخانه‌های شهرداری یزد از افراد بی‌خانمان در روزهای سرد زمستان امسال"
    raw = "تاریخ انتشار: ۳ بهمن ۱۴۰۲\n" + summary + "\nکد مطلب : ۲۱۷۳\n" + long_title + "\n" + REAL_BODY + "\n"
    assert _meta(raw).title == long_title


def test_a_news_code_printed_with_a_thousands_separator():
    meta = _meta("کد خبر : 335,986\n\nافتتاح واحدهای مسکونی معلولان در زاهدان\n\n"
                 "مدیرکل بهزیستی سیستان و بلوچستان گفت: ۵۰ واحد مسکونی به معلولان تحویل شد.\n")
    assert meta.news_id == "335986"


def test_a_sites_own_credit_gives_way_to_the_agency_the_official_spoke_to():
    raw = ("اقتصاد شهر\n\nافزایش شناسایی موارد کودک‌آزاری\n\n"
           "اقتصادشهر: معاون امور اجتماعی سازمان بهزیستی کشور گفت: شناسایی موارد بیشتر شده است.\n\n"
           "رضا کاظمی در گفت‌وگو با ایسنا، درباره لایحه حمایت از کودکان افزود: لایحه تصویب شد.\n")
    assert _meta(raw).agency == "ایسنا"
    quoted = raw.replace("اقتصادشهر: ", "به گزارش سایت خبری شهر به نقل از خبرنامه امید، ")
    assert _meta(quoted).agency == "خبرنامه امید"  # a source the site names stays the story's


def test_a_one_line_post_gives_the_headline_between_its_kicker_and_the_lead():
    raw = ("مدیرکل بهزیستی استان البرز خبر داد؛ برگزاری جشنواره ورزشی مددجویان بهزیستی البرز مریم احمدی مدیرکل "
           "بهزیستی استان البرز در این جشنواره گفت: ۴۰۰ مددجو در این جشنواره شرکت کردند و کار ادامه دارد.\n")
    assert _meta(raw).title == "برگزاری جشنواره ورزشی مددجویان بهزیستی البرز"
    assert _meta("مدیرکل بهزیستی استان البرز گفت: ۴۰۰ مددجو در جشنواره ورزشی شرکت کردند و رضا کریمی "
                 "معاون توانبخشی نیز حضور داشت.\n").title is None  # a lead, no kicker


def test_an_agency_whose_name_holds_a_given_name_and_a_later_credit_that_quotes_an_agency():
    meta = _meta("جشن روز سالمند در بندر ماهشهر برگزار شد\n\n"
                 "به گزارش خبرگزاری صدا و سیما مرکز خوزستان؛ رضا احمدی مدیر بهزیستی ماهشهر گفت: جشن برگزار شد.\n")
    assert meta.agency == "خبرگزاری صدا و سیما"
    meta = _meta("دادستان: حمایت از کودکان کار جدی است\n\n"
                 "به گزارش کودک‌نامه، دادستان شهر از شناسایی ۸۰ کودک کار در سطح شهر خبر داد و گفت: کار ادامه دارد.\n\n"
                 "به گزارش کودک‌نامه به نقل از ایسنا، جلسه ساماندهی کودکان کار با حضور دادستان برگزار شد.\n")
    assert meta.agency == "ایسنا"


def test_a_login_form_is_not_the_headline():
    meta = _meta("نام کاربری یا نشانی ایمیل\nرمز عبور\nمرا به خاطر بسپار\n"
                 "مریم کاظمی با بیان اینکه بازماندگان از تحصیل بیشتر دختر هستند، گفت: این آمار نگران‌کننده است و باید "
                 "برای بازگرداندن آنها به مدرسه برنامه‌ریزی کرد.\n")
    assert meta.title is None


def test_a_news_desk_label_is_not_the_headline_and_a_bare_source_label_names_no_source():
    meta = _meta("شناسایی ۱۲۰ کودک کار در استان ایلام\n۱۲-مه-۲۰۱۶\nگروه خبری: کودکان -\n"
                 "مدیرکل بهزیستی ایلام می‌گوید که ۱۲۰ کودک کار در سطح این استان شناسایی شده است و کار ادامه دارد.\n"
                 "منبع:\nاشتراک گذاری\nتلگرام\n")
    assert meta.title == "شناسایی ۱۲۰ کودک کار در استان ایلام"
    assert meta.agency != "اشتراک گذاری"


def test_a_lead_that_opens_with_its_day_before_the_agencys_dateline_dates_the_story():
    meta = _meta("اعلام آمار تماس‌های خط مشاوره در پاییز\n\n"
                 "دوشنبه ۱۴ آذر ۱۳۹۵ – هرانا – مددکار انجمن حمایت از کودکان با اشاره به آمار تماس‌های پاییز گفت: تماس‌ها بیشتر شده است.\n")
    assert meta.published.date() == date(2016, 12, 4)


def test_a_date_alone_on_the_line_after_the_story_dates_it():
    # the story, its day on the next line, then the page's furniture
    raw = ("پذیرش ۴۰ کودک کار در یزد\n\n" + REAL_BODY + "\n۱۲ مهر ۱۴۰۱\nشناسه : 4412\nاشتراک گذاری\nتلگرام\n"
           "لینک\nبالا\n")
    assert _meta(raw).published.date() == date(2022, 10, 4)


def test_a_sections_label_is_no_headline_and_a_newspapers_name_after_one_goes():
    raw = ("افزایش مراکز نگهداری کودکان قزوین به ۱۲ مرکز\n\nسپیدارآنلاین: گروه اجتماعی\n\n" + REAL_BODY + "\n")
    meta = _meta(raw)
    assert meta.title == "افزایش مراکز نگهداری کودکان قزوین به ۱۲ مرکز" and meta.agency == "سپیدارآنلاین"
    raw = "گشایش دو گرمخانه تازه در یزد، روزنامه یزد امروز\n\n" + REAL_BODY + "\n"
    assert _meta(raw).title == "گشایش دو گرمخانه تازه در یزد"


def test_a_headlines_decimal_sign_is_written_as_the_page_writes_it():
    raw = ("کد خبر: 123456\nدوشنبه ۱۸ دی ۱۴۰۲ - ۰۹:۳۰\n\nمیزان طلاق در استان، ۱۲.۵ درصد رشد کرد\n\n"
           "به گزارش ایرنا، مدیرکل ثبت احوال استان گفت: میزان طلاق در سال گذشته ۱۲.۵ درصد رشد کرد.\n")
    assert _meta(raw).title == "میزان طلاق در استان، ۱۲.۵ درصد رشد کرد"
    assert _meta(raw.replace("۱۲.۵", "۱۲٫۵")).title == "میزان طلاق در استان، ۱۲٫۵ درصد رشد کرد"


def test_a_provincial_offices_name_over_the_headline_gives_a_story_that_names_no_province_its_province():
    story = ("بازدید مدیرکل امور بانوان استانداری از خانه سلامت بهزیستی استان\n\n"
             "مدیرکل امور بانوان استانداری و معاون اجتماعی بهزیستی استان از خانه سلامت دختران بازدید کردند. "
             "در این بازدید از خدمات مرکز و خط ۱۲۳ گزارش داده شد.\n")
    assert _meta("استانداری کردستان\n\n" + story).province == "کردستان"
    assert _meta("صفحه نخست\n\n" + story).province is None
    assert _meta("اخبار استان‌ها: کردستان، ایلام، کرمانشاه\n\n" + story).province is None  # a menu, no office


@pytest.mark.parametrize("date_line", ["۲۷ فروردین ۱۴۰۳ - ۱۱:۳۱", "  • دوشنبه/ ۲۷ فروردین ۱۴۰۳ / ۱۱:۳۱"])
def test_the_date_on_the_line_after_the_agencys_end_of_story_mark(date_line):
    page = ("ثبت ۴۰ مورد کودک‌آزاری در لرستان\n\n" + BODY + "\n\nانتهای پیام/\n\n" + date_line + "\nکد خبر: 5271\n")
    assert _meta(page).published.date() == date(2024, 4, 15)


def test_a_headline_keeps_the_pages_quotation_marks_and_drops_an_images_latin_caption():
    raw = "۲۱ هزار گزارش از “کودک‌آزاری” در یک سال\n\n" + REAL_BODY + "\n"
    assert _meta(raw).title == "۲۱ هزار گزارش از “کودک‌آزاری” در یک سال"
    raw = "نرخ بازماندگی از تحصیل در استان چقدر است tv logo\n\n" + REAL_BODY + "\n"
    assert _meta(raw).title == "نرخ بازماندگی از تحصیل در استان چقدر است"


def test_a_date_written_with_backslashes_and_a_closing_date_over_the_offices_name():
    raw = "برگزاری مانور اورژانس اجتماعی در یزد\n1402\\10\\16 14:51:27\n\n" + REAL_BODY + "\n"
    assert _meta(raw).published.date() == date(2024, 1, 6)
    # the story's date on a line of its own over the office's name, kept by the cleaner as the last paragraph
    raw = ("برگزاری مانور اورژانس اجتماعی در یزد\n\n" + REAL_BODY + "\n۲ اسفند ۱۴۰۲ ۱۰:۳۶\n"
           "روابط عمومی اداره کل بهزیستی استان یزد\nکد خبر : 335986\n")
    assert _meta(raw).published.date() == date(2024, 2, 21)
