"""Page cleaning: the article body without menus, comment rules, related headlines and adverts."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.read.clean import clean
SEEDS = Path(__file__).resolve().parent.parent / "examples" / "articles"


def _body(raw: str) -> str:
    return "\n".join(raw[s:e] for s, e in clean(raw).body)


def _title(raw: str) -> str:
    c = clean(raw)
    return raw[c.title[0]:c.title[1]]


@pytest.mark.parametrize("stem, title, gone", [
    ("000_84db06a90898690d", "نظارت مجتمع حمایتی و قضایی بر خدماترسانی به آسیبدیدگان خوزستان",
     ["captcha", "انتهای پیام", "لطفا نظرات خود", "کد خبر", "دادستان مرکز خوزستان عنوان کرد"]),
    ("001_1d7269cab2b96d5e", "نشست مجمع مشورتی حوزه شبه خانواده بهزیستی خوزستان برگزار شد",
     ["ارسال نظر", "مجموع نظرات", "تاریخ انتشار"]),
    ("002_f0d8b60221c6b38a", "۱۹۹ کودک خیابانی در اردبیل شناسایی شد",
     ["همراه اول", "پربینندهترین", "تبلیغات", "triboon"]),
    ("003_89b941ca74b638ba", "خوزستان، یکی از استانهای پایلوت در طرح کودکان بازمانده از تحصیل",
     ["English", "آیا این خبر مفید بود", "پربازدیدترین"]),
    ("004_a38994cf490eb84b", "حدود ۱۶۰۰ کودک کار تهران از چرخه آسیبهای اجتماعی خارج شدند",
     ["ارسال به دوستان", "پوتین", "سایپا", "۰۲ آذر ۱۴۰۳", "به روز شده"]),
])
def test_seed_pages(stem, title, gone):
    raw = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    assert _title(raw) == title
    body = _body(raw)
    for furniture in gone:
        assert furniture not in body, furniture
    assert body.count(title) == 1  # a title repeated on the page counts once


def test_offsets_point_into_the_original_page():
    raw = (SEEDS / "004_a38994cf490eb84b.txt").read_text(encoding="utf-8")
    for s, e in clean(raw).body:
        assert 0 <= s < e <= len(raw) and raw[s:e].strip() == raw[s:e]


INVENTED = """خبرگزاری نمونه
صفحه نخست
سیاسی
اجتماعی
English
استان‌ها > زنجان
کد خبر: 4455667
یکشنبه ۵ آذر ۱۴۰۲ - ۰۸:۱۵

معاون توانبخشی بهزیستی زنجان:
۳۲۰ معلول در زنجان صاحب شغل شدند

معاون توانبخشی اداره کل بهزیستی استان زنجان گفت: از ابتدای امسال ۳۲۰ نفر از افراد دارای معلولیت در استان با حمایت بهزیستی صاحب شغل شدند.

به گزارش خبرگزاری نمونه، فرشته دلاوری امروز در نشست خبری افزود: برای این افراد تسهیلات قرض‌الحسنه پرداخت شده است و خانواده‌های آنان نیز تحت پوشش خدمات مشاوره قرار گرفته‌اند.

وی ادامه داد: طرح اشتغال معلولان در شهرستان‌های ابهر و خدابنده نیز اجرا می‌شود.

برچسب‌ها: بهزیستی، معلولان، اشتغال
اخبار مرتبط
مدیرکل بهزیستی قزوین: ۵۰۰ مددجو بیمه شدند
نظر شما
نام و نام خانوادگی
"""


def test_invented_layout_with_menu_breadcrumb_surtitle_and_tags():
    assert _title(INVENTED) == "۳۲۰ معلول در زنجان صاحب شغل شدند"
    body = _body(INVENTED)
    for furniture in ("صفحه نخست", "استان‌ها >", "معاون توانبخشی بهزیستی زنجان:", "برچسب", "قزوین", "نام و نام خانوادگی", "کد خبر"):
        assert furniture not in body, furniture
    assert body.startswith("۳۲۰ معلول") and "طرح اشتغال معلولان" in body


def test_no_headline_starts_at_the_first_paragraph():
    raw = "صفحه نخست\nاخبار\n\n" + "بهزیستی استان یزد اعلام کرد که از ابتدای امسال ۱۲۰ کودک بی‌سرپرست به خانواده‌های جایگزین سپرده شده‌اند و این روند ادامه دارد.\n"
    c = clean(raw)
    assert c.title is None
    assert _body(raw).startswith("بهزیستی استان یزد")


def test_a_headline_above_a_block_of_date_bars_and_view_counts_is_the_title():
    # the news id, the bars, the date and the view count stand between the headline and the story
    raw = ("افتتاح دو مددسرای تازه در مشهد تا پایان سال\n\nکد خبر: ۴۴۱۲۰۹\n|\n۱۲ آذر ۱۴۰۱ - ۱۰:۲۰\n|\n"
           "۷۳۱۰ بازدید\n\nمعاون اجتماعی شهرداری مشهد از افتتاح دو مددسرای تازه برای بانوان و آقایان در این شهر "
           "تا پایان سال جاری خبر داد و گفت که ظرفیت هر کدام صد نفر است.\n")
    assert _title(raw) == "افتتاح دو مددسرای تازه در مشهد تا پایان سال"
    assert _body(raw).startswith("افتتاح دو مددسرای")


def test_a_comment_counter_is_furniture():
    raw = ("افزایش کمک هزینه سبد غذایی مادران باردار در استان\n\n  ۰ نظر، ۳ در صف انتشار و ۱ تکراری یا غیرقابل انتشار\n\n"
           "معاون وزیر رفاه از واریز کمک هزینه سبد غذایی برای مادران باردار و شیرده خبر داد و گفت که پرداخت ادامه دارد.\n")
    assert "انتشار" not in _body(raw)
    raw = ("شما در حال پاسخ به نظر «» هستید.\n\n"
           "معاون وزیر رفاه از واریز کمک هزینه سبد غذایی برای مادران باردار و شیرده خبر داد و گفت که پرداخت ادامه دارد.\n")
    assert clean(raw).title is None and "پاسخ" not in _body(raw)


def test_empty_and_furniture_only_pages_have_no_body():
    assert clean("").body == []
    assert clean("صفحه نخست\nEnglish\nارسال نظر\n").body == []


def test_a_headline_alone_is_not_an_article():
    menu = "گزارش‌های ویژه استان سمنان\n" * 12
    assert clean(menu).body == [] and clean(menu).title is None
    brief = "افتتاح خانه کودک در دامغان\nافتتاح خانه کودک در دامغان\nخانه کودک دامغان امروز با حضور مسئولان استانی گشایش یافت.\n"
    assert _title(brief) == "افتتاح خانه کودک در دامغان"
    assert _body(brief).endswith("گشایش یافت.")  # a headline with a short paragraph is still an article


def test_menu_bars_and_price_tickers_are_furniture_not_body_or_title():
    raw = ("پایگاه خبری نمونه\n"
           "خانه | سیاست | اقتصاد | جامعه | فرهنگ | ورزش | استان‌ها | عکس | ویدئو | آرشیو\n"
           "طلا: ۴۵,۱۰۰,۰۰۰ تومان | دلار: ۶۱,۲۰۰ تومان | نفت برنت: ۷۸ دلار\n"
           "ورود | عضویت | تماس با ما\n\n"
           "افتتاح دو خانه سالمندان در سمنان\n\n"
           "مدیرکل بهزیستی استان سمنان گفت: دو خانه سالمندان با ظرفیت ۸۰ تخت در شهرهای سمنان و شاهرود افتتاح شد و خانواده‌ها می‌توانند ثبت‌نام کنند.\n")
    assert _title(raw) == "افتتاح دو خانه سالمندان در سمنان"
    body = _body(raw)
    assert "دلار" not in body and "ورزش" not in body and "عضویت" not in body
    assert body.startswith("افتتاح دو خانه")


def test_a_title_with_one_separator_is_still_a_title():
    raw = "زنان سرپرست خانوار | گزارش ویژه از یزد\n\nمعاون بهزیستی استان یزد گفت: امسال ۲۴۰ زن سرپرست خانوار در یزد صاحب شغل شدند و تسهیلات گرفتند.\n"
    assert _title(raw) == "زنان سرپرست خانوار | گزارش ویژه از یزد"


def test_a_labelled_bar_a_breadcrumb_with_arrows_and_a_long_headline():
    """Prayer times behind a label are a bar; «اخبار › اجتماعی» is a breadcrumb; a whole-clause headline is the title."""
    raw = ("سایت خبری استان نمونه\n"
           "ساعات کاری ادارات استان در ماه رمضان: صبح ۰۸:۰۰ | ظهر ۱۲:۳۰ | عصر ۱۶:۰۰ | شب ۲۰:۰۰\n"
           "اخبار › اجتماعی › بهزیستی\n\n"
           "کد خبر: ۵۵۱۲\n\n"
           "مدیرکل بهزیستی استان سمنان: بیش از دو هزار کودک در مهدهای روستایی استان از خدمات رایگان استفاده می‌کنند\n\n"
           "به گزارش خبرنگار ما، فرهاد نیکنام در نشست خبری گفت: دو هزار و ۱۵۰ کودک در ۶۰ مهد روستایی استان خدمات رایگان "
           "دریافت می‌کنند و سال آینده ۱۰ مهد دیگر افتتاح می‌شود.\n")
    assert _title(raw).startswith("مدیرکل بهزیستی استان سمنان: بیش از دو هزار کودک")
    body = _body(raw)
    assert "ساعات کاری" not in body and "›" not in body
    # a long line that ends with a full stop is a paragraph, not a headline
    assert clean(raw.replace("استفاده می‌کنند\n", "استفاده می‌کنند.\n")).title is None


CHANNEL_POST = """کانال رسمی روابط عمومی بهزیستی استان همدان | اخبار استان
ارتباط با ما: @hamedan_behzisti_admin

📌 پیام سنجاق‌شده: ثبت‌نام کلاس‌های تابستانه مراکز توانبخشی تا پایان هفته تمدید شد

🔻 افتتاح دومین خانه کودک و نوجوان در شهرستان اسدآباد

🔹 مدیرکل بهزیستی استان همدان از افتتاح دومین خانه کودک و نوجوان در شهرستان اسدآباد با ظرفیت ۱۲ نفر خبر داد و گفت این خانه با کمک خیران ساخته شده است.

🔹 وی افزود: در حال حاضر ۱۴۰ کودک و نوجوان در خانه‌های کودک استان نگهداری می‌شوند و بیشتر آنها به مدرسه می‌روند.

#بهزیستی_همدان #اسدآباد #ملایر

── پست‌های بعدی کانال ──
🔴 ۲ کشته در تصادف محور همدان - ملایر
"""


def test_a_channel_post_keeps_its_headline_and_drops_pins_tags_and_later_posts():
    assert _title(CHANNEL_POST) == "افتتاح دومین خانه کودک و نوجوان در شهرستان اسدآباد"
    body = _body(CHANNEL_POST)
    assert "۱۴۰ کودک" in body
    for gone in ("سنجاق", "#ملایر", "کشته", "@hamedan"):
        assert gone not in body


def test_a_byline_is_not_the_headline_and_related_links_end_the_article():
    raw = """روزنامه سراسری صبح
جامعه › گزارش
کد مطلب: 88231

بچه‌هایی که زودتر از موعد بزرگ می‌شوند

گزارش: نسترن کاظمی

صبح زود است و چند کودک در میدان تره‌بار شهر کنار جعبه‌های میوه ایستاده‌اند و منتظر مشتری‌اند تا بارشان را جابه‌جا کنند.

رئیس اداره بهزیستی شهرستان ملایر می‌گوید امسال ۸۰ کودک کار در این میدان شناسایی شده‌اند و برای همه آنها پرونده تشکیل شده است.

پیوندهای مرتبط
استانداری همدان
پرتال وزارت کشور
"""
    assert _title(raw) == "بچه‌هایی که زودتر از موعد بزرگ می‌شوند"
    body = _body(raw)
    assert "نسترن کاظمی" not in body and "استانداری" not in body and "۸۰ کودک" in body


# --- layouts of stored real pages --------------------------------------------------

def test_a_crawlers_date_stamp_is_header_not_body():
    raw = " date 2024-05-12 به گزارش ایسنا، مدیرکل بهزیستی استان یزد از پذیرش ۴۰ کودک در مراکز شبانه‌روزی استان خبر داد و گفت: این کودکان خدمات آموزشی دریافت می‌کنند.\n"
    assert _body(raw).startswith("به گزارش ایسنا")
    assert clean(raw).header_end == raw.index("به گزارش")


def test_a_channel_posts_bullets_are_lines():
    raw = "⭕پذیرش ۴۰ کودک کار در مراکز یزد 🔸️رضا کاظمی، مدیرکل بهزیستی یزد: 🔹️از ابتدای امسال ۴۰ کودک کار در مراکز شبانه‌روزی استان پذیرش شده‌اند و خدمات آموزشی می‌گیرند."
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == "پذیرش ۴۰ کودک کار در مراکز یزد"
    assert [raw[s:e] for s, e in c.body][1].startswith("رضا کاظمی،")


def test_a_paragraph_wrapped_at_a_fixed_width_is_one_line():
    raw = ("به گزارش ایسنا،\n"
           "مدیرکل بهزیستی استان یزد از پذیرش ۴۰ کودک کار در مراکز شبانه‌روزی استان\n"
           "در شش ماه نخست امسال خبر داد و اظهار کرد:\n"
           "این کودکان پس از پذیرش خدمات آموزشی و درمانی دریافت می‌کنند و پس از چند\n"
           "ماه با همکاری مددکاران اجتماعی و خیران استان به خانواده‌های خود\n"
           "بازگردانده می‌شوند.\n"
           "رضا\n"
           "کاظمی افزود: بیشتر این کودکان از اتباع خارجی هستند و به مدرسه نمی‌روند.\n")
    body = [raw[s:e].replace("\n", " ") for s, e in clean(raw).body]
    assert any("رضا کاظمی افزود" in b for b in body)  # a name broken between lines is whole again
    assert any("اظهار کرد: این کودکان" in b for b in body)  # a quotation stays with its verb


def test_a_credit_broken_after_its_opening_words_joins_its_source():
    raw = ("بازگشت ۳۰ کودک کار به مدرسه در بیرجند\n"
           "به گزارش\n"
           "خبرگزاری صداوسیمای مرکز خراسان جنوبی، مدیرکل بهزیستی استان گفت: ۳۰ کودک کار به مدرسه بازگشتند.\n"
           "علی رضایی افزود: کار ادامه دارد.\n")
    body = [raw[s:e].replace("\n", " ") for s, e in clean(raw).body]
    assert any(b.startswith("به گزارش خبرگزاری صداوسیمای مرکز خراسان جنوبی، مدیرکل") for b in body)


def test_a_headline_on_the_lines_of_its_lead_ends_at_a_verb_before_a_post_or_at_a_spaced_dash():
    body = ("از ابتدای امسال تاکنون بیش از ۴۱۰ کارت معلولیت برای واجدین شرایط در شهرستان‌های استان صادر شده است "
            "و این کار با همکاری مراکز توانبخشی تا پایان سال ادامه خواهد داشت.")
    raw = f"۴۱۰ معلول اردبیلی کارت معلولیت گرفته‌اند مدیرکل بهزیستی استان اردبیل گفت: {body}"
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == "۴۱۰ معلول اردبیلی کارت معلولیت گرفته‌اند"
    raw = f"نگهداری از ۹۰۰ سالمند در مراکز بهزیستی اردبیل – خبرگزاری ایرنا رضا کاظمی گفت: {body}"
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == "نگهداری از ۹۰۰ سالمند در مراکز بهزیستی اردبیل"
    assert raw[c.body[-1][0]:].startswith("خبرگزاری ایرنا")
    # no verb before the post: the words before it are the lead's own («در نشست امروز …»), not a headline
    raw = f"در نشست امروز شورای شهر اردبیل رئیس کمیته اجتماعی شورا گفت: {body}"
    assert clean(raw).title is None or raw[slice(*clean(raw).title)] != "در نشست امروز شورای شهر اردبیل"


def test_a_headline_glued_to_its_lead_under_a_surtitle_is_the_title():
    raw = ("مدیرکل بهزیستی استان ایلام خبر داد\n"
           "افزایش کمک‌هزینه مددجویان در مراکز بهزیستیمدیرکل بهزیستی استان ایلام از افزایش کمک‌هزینه "
           "مددجویانی که در مراکز شبانه‌روزی نگهداری می‌شوند خبر داد و گفت: از آذر ماه ۱۵ درصد به کمک‌هزینه "
           "این مددجویان افزوده می‌شود و این کار تا پایان سال ادامه دارد.")
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == "افزایش کمک‌هزینه مددجویان در مراکز بهزیستی"


def test_a_headline_printed_three_times_above_a_wrapped_body_is_the_title():
    head = "سال گذشته ۳۲۰۰ دختر کمتر از ۱۵ سال در استان زنجان ازدواج کرده‌اند"
    raw = (f"{head}\n{head}\n{head}\n"
           "هنوز چند ماه از انتشار آمار ازدواج دختران زیر پانزده سال در کشور نمی‌گذرد که معاون\n"
           "امور جوانان اداره کل ورزش و جوانان استان زنجان از ثبت ازدواج ۳۲۰۰ دختر کمتر از پانزده\n"
           "سال در این استان خبر داده و گفته است که این آمار نسبت به سال قبل بیشتر شده و\n"
           "نگرانی‌های زیادی را در میان فعالان حقوق کودک به وجود آورده است.\n")
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == head
    assert all(head not in raw[s:e] for s, e in c.body[1:])


_GOLESTAN_HEAD = "آمار طلاق در استان گلستان در سال گذشته با اجرای طرح‌های مشاوره روبه کاهش است"
_CHANNEL_HEAD = "گزارش وزیر رفاه از شمار مددجویان/ بیش از ۳ میلیون خانوار زیر پوشش نهادهای حمایتی در کشور"


@pytest.mark.parametrize("head, raw", [
    # a long headline over a date and the site's name
    (_GOLESTAN_HEAD, "معاون استاندار گلستان:\n" + _GOLESTAN_HEAD + "\nدوشنبه ۲۳ مرداد ۱۴۰۲ - ۱۷:۵۲\nپایگاه خبری گلستان ما\n"
     "به گزارش پایگاه خبری گلستان ما، حسن کریمی معاون استاندار گلستان در نشست شورای اجتماعی استان "
     "گفت: آمار طلاق در سال گذشته کمتر شد.\n"),
    # a channel post's long headline over a line introducing the speaker and short sentences
    (_CHANNEL_HEAD, "♦️" + _CHANNEL_HEAD + "\nزاهدی وزیر رفاه در جلسه هیئت دولت:\n🔹️سه میلیون خانوار مددجو داریم.\n"
     "🔹️اگر مستمری این خانوارها را افزایش ندهیم، بسیاری از آنها از پس هزینه‌های زندگی برنمی‌آیند.\n"
     "🔹️مستمری سال آینده بیشتر می‌شود.\n🔹️بیمه درمان همه مددجویان رایگان است.\n"),
])
def test_a_long_headline_over_a_date_and_site_or_over_a_speaker_line_is_the_title(head, raw):
    c = clean(raw)
    assert c.title is not None and raw[c.title[0]:c.title[1]] == head
    assert clean(raw.replace(head, head + ".")).title is None  # a sentence that opens the post is no headline


def test_a_long_headline_whose_second_half_is_printed_again_under_it_is_the_title():
    head = "بازگشایی گرمخانه‌های همدان با شروع سرمای پاییز/آماده‌سازی سرپناه شبانه برای افراد بی‌خانمان"
    raw = (head + "\nآماده‌سازی سرپناه شبانه برای افراد بی‌خانمان\n"
           "معاون خدمات شهری شهرداری همدان از بازگشایی گرمخانه‌ها با شروع سرما و بارندگی در شهر خبر داد.\n"
           "به گزارش همدان پیام، رضا نادری با اشاره به سرمای هوا گفت: سه گرمخانه در شهر آماده پذیرش افراد بی‌خانمان است.\n")
    c = clean(raw)
    assert c.title is not None and raw[c.title[0]:c.title[1]] == head


def test_a_summary_printed_above_the_date_lines_and_the_headline_is_the_lead():
    head = "۴۸ درصد مددجویان کمیته امداد زنجان زنان سرپرست خانوار هستند"
    summary = ("مدیرکل کمیته امداد استان زنجان با بیان اینکه ۴۸ درصد مددجویان این نهاد زنان سرپرست خانوار هستند، "
               "گفت: آموزش مهارت برای این زنان ادامه دارد.")
    raw = ("مدیرکل کمیته امداد استان زنجان:\n" + summary + "\nکد خبر: ۹۲۱۱۰۴\nتاریخ انتشار: ۰۴ دی ۱۳۹۹ - ۱۴:۲۸\n"
           + head + "\nبه گزارش تابناک زنجان، علی رحیمی ضمن بیان این مطلب افزود: ۱۲ هزار زن سرپرست خانوار "
           "تحت حمایت هستند.\n")
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == head
    assert raw[c.body[0][0]:c.body[0][1]] == summary


def test_a_summary_under_a_surtitle_then_the_headline_with_no_date_line_between():
    head = "بیش از ۴ هزار زنجانی از اورژانس اجتماعی خدمات گرفتند"
    summary = ("معاون امور اجتماعی بهزیستی زنجان گفت: از ابتدای سال تاکنون اورژانس اجتماعی استان به ۴ هزار نفر "
               "خدمات داده است و تماس‌ها بیشتر شده است.")
    raw = ("معاون امور اجتماعی بهزیستی زنجان:\n" + summary + "\n" + head + "\n"
           "به گزارش زنجان امروز، مریم کاظمی اظهار کرد: در این مدت چهار هزار تماس با خط ۱۲۳ گرفته شد و به همه پاسخ دادیم.\n")
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == head
    assert raw[c.body[0][0]:c.body[0][1]] == summary


def test_a_created_on_date_line_is_page_furniture():
    raw = ("کمک به زنان سرپرست خانوار در استان\nایجاد شده در تاریخ: سه‌شنبه ۲۵ شهریور ۱۳۹۹ - ۱۴:۰۹\n"
           "به گزارش خبرنگار ما، معاون استاندار گفت: به ۴۰۰ زن سرپرست خانوار در استان وام داده شد و کار ادامه دارد.\n")
    assert "ایجاد شده" not in _body(raw)


def test_a_channel_posts_title_and_its_person_bullet_are_two_lines():
    raw = ("ساخت دو مرکز نگهداری معتادان متجاهر در غرب استان 👤 رضا کاظمی، دبیر شورای هماهنگی مبارزه با مواد "
           "مخدر استان گفت: این دو مرکز تا پایان سال ساخته می‌شوند و ظرفیت نگهداری بیشتر می‌شود.\n")
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == "ساخت دو مرکز نگهداری معتادان متجاهر در غرب استان"


def test_lines_left_open_are_joined_and_headlines_are_not():
    raw = ("افتتاح مرکز کودکان کار در یزد\n"
           "به گزارش ایسنا، رضا کاظمی مدیرکل\n"
           "بهزیستی استان یزد گفت: این مرکز با ظرفیت ۴۰ کودک کار در شهر یزد افتتاح شد و فعالیت خود را آغاز کرد.\n")
    c = clean(raw)
    assert raw[c.title[0]:c.title[1]] == "افتتاح مرکز کودکان کار در یزد"
    assert "مدیرکل\nبهزیستی" in raw[c.body[1][0]:c.body[1][1]]


def test_a_long_paragraph_ending_in_a_byline_is_body():
    raw = ("فعالیت ۴۰ مرکز ترک اعتیاد در یزد\n\n"
           "رئیس اداره بهزیستی یزد گفت: هم اکنون ۴۰ مرکز ترک اعتیاد در سطح این شهر فعالیت دارند و به حدود ۳ هزار نفر خدمات می‌دهند. خبرنگار: مریم احمدی\n")
    assert "۴۰ مرکز ترک اعتیاد در سطح" in _body(raw)


def test_a_credit_line_is_not_a_headline():
    raw = ("به گزارش خبرنگار ایرنا، مدیرکل بهزیستی یزد گفت\n"
           "از ابتدای امسال ۴۰ کودک کار در مراکز شبانه‌روزی استان پذیرش شده‌اند و خدمات آموزشی می‌گیرند.\n")
    assert clean(raw).title is None


def test_a_page_cut_off_mid_word_loses_its_half_word():
    raw = ("افتتاح خانه کودک در یزد\n\n"
           "رضا کاظمی گفت: امسال ۴۰ کودک کار در مراکز شبانه‌روزی استان پذیرش شده‌اند و زیر پوشش کمیته امدا")
    assert _body(raw).endswith("زیر پوشش کمیته")
    whole = raw.replace("کمیته امدا", "کمیته امداد هستند.")
    assert _body(whole).endswith("کمیته امداد هستند.")
    short = raw + "د.\n\nوی افزود: در هفته ک"  # a short last line cut after the first letter of a word
    assert _body(short).endswith("در هفته")
    assert _body(raw + "د.\n\nوی افزود: کودکان و").endswith("کودکان و")  # «و» is a word


def test_a_share_widget_between_the_summary_and_the_story_does_not_end_the_article():
    raw = ("معاون بهزیستی در گفت‌وگو با خبرنگار ما پاسخ داد\n\n"
           "کودکان کار بدون مدرک هویتی چه سرنوشتی دارند\n\n"
           "تهران - معاون امور اجتماعی بهزیستی کشور با بیان اینکه بیشتر کودکان کار اتباع مدرک هویتی ندارند، گفت اداره اتباع تصمیم می‌گیرد.\n\n"
           "کد مطلب: ۲۲۳۳۴۴\nلینک کوتاه کپی شد\n"
           "کودکان کار بدون مدرک هویتی چه سرنوشتی دارند\n\n"
           "کاوه رستمی‌نژاد درباره دشواری‌های ساماندهی کودکان کار به خبرنگار ما گفت: بیشتر این کودکان بدون مدرک وارد کشور "
           "شده‌اند و نمی‌توان آنها را به خانواده‌هایشان سپرد.\n\n"
           "نظرات\nنام و نام خانوادگی\n")
    body = _body(raw)
    assert "کاوه رستمی‌نژاد" in body and "نام و نام خانوادگی" not in body
    ended = raw.replace("کد مطلب: ۲۲۳۳۴۴\nلینک کوتاه کپی شد\n", "").replace("نظرات\n", "لینک کوتاه کپی شد\nتیتر یک خبر دیگر\n")
    assert "تیتر یک خبر دیگر" not in _body(ended)  # at the end of the story it still ends it


def test_a_headline_an_aggregator_glued_to_the_lead_is_cut_from_it():
    raw = ("راه‌اندازی سه مرکز مشاوره تلفنی برای خانواده‌ها در استان سمنانمدیرکل بهزیستی سمنان با اشاره به افزایش "
           "تماس‌های مردم با خط مشاوره گفت: سه مرکز تازه در شاهرود، گرمسار و دامغان کار خود را آغاز کرده‌اند. "
           "- به گزارش ایسنا، وی افزود: این مراکز شبانه‌روزی هستند.\n")
    assert _title(raw) == "راه‌اندازی سه مرکز مشاوره تلفنی برای خانواده‌ها در استان سمنان"
    assert _body(raw).splitlines()[-1].startswith("مدیرکل بهزیستی سمنان")


def test_a_share_bar_between_the_summary_and_the_story_does_not_end_it():
    raw = ("ممانعت از ازدواج دختر ۱۲ ساله در زابل\n\n"
           "رییس اداره بهزیستی شهرستان زابل از جلوگیری از ازدواج یک دختر کم سن خبر داد.\n"
           "۲ تیر ۱۴۰۰\nشناسه : 5521\nاشتراک گذاری\nاشتراک گذاری با\nتلگرام واتساپ\nلینک\nبالا\n"
           "رییس اداره بهزیستی شهرستان زابل گفت: با گزارش همسایگان به اورژانس اجتماعی، مددکاران به خانه این خانواده "
           "رفتند و با رضایت پدر، مراسم عقد لغو شد و کودک به مدرسه بازگشت.\n\n"
           "نظرات\nنام و نام خانوادگی\n")
    body = _body(raw)
    assert "مراسم عقد لغو شد" in body and "نام و نام خانوادگی" not in body and "تلگرام" not in body


def test_a_lead_glued_to_a_headline_under_a_latin_date_line_and_after_a_verb_is_cut():
    # a blog prints the day in English above the post; the headline ends in a verb glued to «مدیر»
    raw = ("Saturday, March 4, 2017\n\n"
           "۲۳ کودک خیابانی در بانه به والدینشان سپرده شدندمدیر مرکز ساماندهی کودکان کار بانه "
           "گفت: مددکاران پیش از سپردن کودکان با هر خانواده گفت‌وگو کردند و وضعیت آنها ماهانه بررسی می‌شود.\n")
    assert _title(raw) == "۲۳ کودک خیابانی در بانه به والدینشان سپرده شدند"
    assert _body(raw).splitlines()[-1].startswith("مدیر مرکز ساماندهی")


def test_a_section_name_above_the_summary_gives_way_to_the_headline_after_it():
    # «section / date / summary / headline / story»: the line above the summary shares no word with the story
    raw = ("اخبار بین الملل و جهان\n\n۲۴ تیر ۱۴۰۲ - ۱۳:۳۵\nکد خبر: 894465\n\n"
           "مدیرکل بهزیستی استان کرمان گفت: ۸۵۰ کودک کار در استان کرمان شناسایی و به مراکز نگهداری معرفی شدند.\n\n"
           "۸۵۰ کودک کار در کرمان شناسایی شدند\n\n"
           "به گزارش پایگاه خبری ما، علی احمدی روز شنبه گفت: بیشتر این کودکان به مدرسه بازگشته‌اند و مددکاران پیگیر آنها هستند.\n")
    assert _title(raw) == "۸۵۰ کودک کار در کرمان شناسایی شدند"


def test_a_headlines_first_words_printed_again_under_it_leave_the_headline_whole():
    raw = ("کودکان کار زنجان ۴۰ درصد دانش‌آموزان بازمانده از تحصیل استان هستند\n\nکودکان کار زنجان\n\n"
           "کودکان کار زنجان ۴۰ درصد آمار بازمانده از تحصیل در این استان را تشکیل می‌دهند و بیشتر آنها پسر هستند.\n\n"
           "مدیرکل آموزش و پرورش زنجان گفت: برای بازگرداندن این کودکان به مدرسه برنامه داریم و خیران کمک می‌کنند.\n")
    assert _title(raw) == "کودکان کار زنجان ۴۰ درصد دانش‌آموزان بازمانده از تحصیل استان هستند"
