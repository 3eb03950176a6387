"""What a figure counts: subjects, classifiers, shares, measures and values, on invented Persian.

Each test is one rule of the genre (builder/extract/statistics.py, builder/extract/counted.py),
written on sentences made up for it in the style of provincial welfare news.
"""
from __future__ import annotations

import pytest

from builder.text.document import Document
from builder.pipeline import process
from builder.text.textkey import key

HEAD = "کد خبر: 654321\nدوشنبه ۱۸ دی ۱۴۰۲ - ۰۹:۳۰\n\n"
MEASURE = "https://w3id.org/fakg/concept/measure/"


def run(body: str, title: str = "گزارش بهزیستی از وضعیت آسیب‌های اجتماعی در استان") -> Document:
    return process(Document("t.txt", "t", HEAD + title + "\n\n" + body.strip() + "\n"))


def by_value(doc: Document) -> dict:
    return {s.value: s for s in doc.statistics}


def words(text: str) -> set[str]:
    return {key(w) for w in text.split()}


def test_a_passive_predicate_becomes_a_participle_and_names_the_measure():
    stats = by_value(run("مدیرکل بهزیستی استان همدان گفت: امسال ۲۱۰ کودک خیابانی در این استان شناسایی و جمع‌آوری شدند."))
    figure = stats[210]
    assert figure.subject.startswith("کودک خیابانی") and figure.subject.endswith("شناسایی و جمع‌آوری شده")
    assert figure.population == "کودک خیابانی"
    assert figure.measure == MEASURE + "identified"  # the first measure named
    assert "استان" not in figure.subject  # where it is, is the figure's place, not its subject


def test_modifiers_after_the_counted_noun_say_which_ones():
    stats = by_value(run("""
رئیس اداره بهزیستی شهرستان نهاوند گفت: ۶۴۰ زن سرپرست خانوار تحت پوشش این اداره هستند و ۹۰ کودک بازمانده از تحصیل به مدرسه بازگشتند.
"""))
    assert stats[640].subject.startswith("زن سرپرست خانوار تحت پوشش این اداره")
    assert stats[640].measure == MEASURE + "covered"
    assert stats[90].subject.startswith("کودک بازمانده از تحصیل")
    assert stats[90].measure == MEASURE + "enrolled"  # «به مدرسه بازگشتند»


def test_a_short_relative_clause_belongs_to_the_subject():
    stats = by_value(run("معاون بهزیستی استان سمنان گفت: ۱۳۰ نوجوان که از اتباع خارجی هستند در مراکز روزانه آموزش می‌بینند."))
    assert stats[130].subject.startswith("نوجوان که از اتباع خارجی هستند")


def test_from_this_number_a_classifier_counts_the_previous_group():
    stats = by_value(run("""
مدیرکل آموزش و پرورش استان لرستان گفت: ۵۲۰ دانش‌آموز بازمانده از تحصیل در استان شناسایی شدند. از این تعداد ۴۲ نفر دختر هستند.
"""))
    girls = stats[42]
    assert girls.population == stats[520].population == "دانش‌آموز بازمانده از تحصیل"
    assert {key("دانش‌آموز"), key("بازمانده"), key("تحصیل"), key("دختر")} <= words(girls.subject)
    assert girls.measure == MEASURE + "identified"  # inherited with the group


def test_a_percentage_of_them_names_its_part_and_its_whole():
    stats = by_value(run("""
معاون امور اجتماعی بهزیستی استان قزوین گفت: ۳۸۰ کودک کار در قزوین پذیرش شدند که ۶۰ درصد آنان از اتباع خارجی هستند.
"""))
    share = stats[60]
    assert share.unit == "percent"
    assert share.whole and share.whole.startswith("کودک کار")  # «آنان»: the children of the previous figure
    assert share.subject.startswith("درصد کودک کار") and "اتباع خارجی هستند" in share.subject
    assert "که" in share.subject.split()


def test_a_percentage_of_calls_about_something():
    doc = run("""
رئیس اورژانس اجتماعی استان کرمان گفت: ۷۰ درصد تماس‌ها مربوط به همسرآزاری بود و ۱۸ درصد در خصوص کودک‌آزاری.
""")
    stats = by_value(doc)
    assert stats[70].whole == "تماس‌ها" and stats[70].subject.startswith("درصد تماس‌ها")
    assert "مربوط به همسرآزاری" in stats[70].subject
    assert stats[18].whole == "تماس‌ها"  # the list goes on with the same whole
    assert "کودک‌آزاری" in stats[18].subject


def test_a_share_that_makes_up_a_group():
    stats = by_value(run("""
مدیرکل کمیته امداد استان ایلام گفت: ۴۵ درصد مددجویان این نهاد را زنان سرپرست خانوار تشکیل می‌دهند.
"""))
    assert stats[45].whole.startswith("مددجویان")
    assert stats[45].subject.endswith("که زنان سرپرست خانوار هستند")


def test_a_change_is_a_share_of_what_the_clause_is_about():
    stats = by_value(run("""
مدیرکل بهزیستی استان البرز گفت: شمار کودکان خیابانی در شش ماه نخست امسال ۱۵ درصد کاهش یافت.
"""))
    assert stats[15].subject.startswith("درصد کاهش شمار کودکان خیابانی")


def test_a_classifier_predicate_takes_its_topic():
    stats = by_value(run("""
معاون آموزش و پرورش استان زنجان گفت: آمار بازماندگان از تحصیل در استان حدود ۹ هزار نفر برآورد شده است.
"""))
    assert {key("بازماندگان"), key("تحصیل"), key("برآورد")} <= words(stats[9000].subject)
    assert stats[9000].approx == "about"


def test_a_bare_classifier_in_a_list_counts_the_group_just_named():
    stats = by_value(run("""
مدیرکل بهزیستی استان آذربایجان شرقی گفت: ۱۲۰۰ کودک کار در استان شناسایی شدند. تبریز با ۸۰۰ نفر و مراغه با ۲۰۰ نفر بیشترین سهم را دارند.
"""))
    assert stats[800].population == stats[200].population == "کودک کار"
    assert stats[800].place == key("تبریز") and stats[200].place == key("مراغه")


def test_amounts_in_full_units_with_the_noun_they_measure():
    stats = by_value(run("""
مدیرکل بهزیستی استان یزد گفت: مرکز جدید با اعتبار ۱۰۵ میلیارد ریال ساخته شد و به هر خانواده وام ۲۰۰ میلیون ریالی پرداخت می‌شود.
"""))
    assert stats[105_000_000_000].unit == "rials" and "اعتبار" in stats[105_000_000_000].subject
    loan = stats[200_000_000]
    assert loan.unit == "rials" and loan.subject.startswith("ریال") and "وام" in loan.subject


def test_a_range_keeps_its_maximum_and_an_average_is_marked():
    stats = by_value(run("""
رئیس اداره بهزیستی شهرستان ساوه گفت: بین ۲۰ تا ۳۰ درصد کودکان کار ترک تحصیل کرده‌اند و هر خانواده به طور متوسط ۳ میلیون تومان کمک دریافت می‌کند.
"""))
    assert stats[20].high == 30 and stats[20].unit == "percent"
    assert stats[3_000_000].average and not stats[20].average


def test_durations_dialled_numbers_names_and_counted_place_lists_are_not_figures():
    doc = run("""
مدیرکل بهزیستی استان قم گفت: تیم‌ها ۲۴ ساعت آماده‌اند و در کمتر از ۴۰ دقیقه می‌رسند؛ شهروندان با ۱۲۳ تماس بگیرند.

به گزارش خبرنامه ۲۴ مریم احمدی، طرح در دو استان قم و مرکزی اجرا می‌شود و ۶۵ کودک پذیرش شدند.
""")
    assert [s.value for s in doc.statistics] == [65]


def test_file_names_are_not_counted_nouns():
    doc = run("مدیرکل بهزیستی استان گیلان گفت: ۳۰ کودک پذیرش شدند.\n\nتصویر: b ۱۰ df ۲ ce ۹۶۳۷ feb")
    assert [s.value for s in doc.statistics] == [30]


def test_a_particular_value_told_twice_is_one_figure():
    doc = run("""
مدیرکل آموزش و پرورش استان قم گفت: سه هزار و ۴۱۲ دانش‌آموز اتباع در مدارس استان مشغول به تحصیل هستند.

وی افزود: این ۳۴۱۲ نفر در ۱۲۰ مدرسه درس می‌خوانند.
""")
    assert [s.value for s in doc.statistics].count(3412) == 1


def test_a_figure_in_a_prepositional_phrase_leaves_the_predicate_to_the_clause_subject():
    stats = by_value(run("""
شهردار اراک گفت: طی زمستان بیش از ۹۰۰ نفر توسط ۱۲ گشت در گرمخانه پذیرش شده‌اند.
"""))
    assert stats[900].measure == MEASURE + "admitted" and "پذیرش" in stats[900].subject
    assert "پذیرش" not in stats[12].subject


def test_a_period_is_resolved_to_its_interval():
    stats = by_value(run("مدیرکل بهزیستی استان کرمانشاه گفت: در شش ماه نخست سال جاری ۴۳۰ تماس با اورژانس اجتماعی ثبت شد."))
    assert stats[430].period == "2023-03-21/2023-09-22"
    assert stats[430].measure == MEASURE + "calls"


def test_a_bare_share_before_a_copula_further_on_is_a_share_of_the_clause_subject():
    stats = run("نرخ بازماندگی دختران روستایی ۸/۵ درصد بیشتر از میانگین کشور است.").statistics
    assert "بازماندگی دختران" in stats[0].subject


def test_this_figure_restates_the_previous_shares_subject():
    doc = run("امسال ۴۰۰ تماس ثبت شد که ۳۰ درصد آن مربوط به همسرآزاری بود؛ این رقم در سال گذشته ۲۵ درصد بود.")
    by_value = {s.value: s.subject for s in doc.statistics}
    assert "همسرآزاری" in by_value[25.0] and by_value[25.0] == by_value[30.0]


def test_a_count_before_a_noun_that_is_also_a_given_name_is_a_figure():
    doc = run("تاکنون ۴۵ افسر زن برای رسیدگی به پرونده‌ها آموزش دیده‌اند و تیم‌ها در ۸ شهرستان استان مستقر هستند.")
    assert {s.value for s in doc.statistics} == {45.0, 8.0}


def test_a_number_after_a_label_is_no_figure_unless_a_scale_word_makes_it_a_count():
    doc = run("""
جلسه شورای اجتماعی با حضور رؤسای کمیته امداد ناحیه‌ی ۳ و ۴ برگزار شد. درسال ۹۸ شمار مددجویان کم بود.

مدیرکل ثبت احوال استان گفت: از ابتدای سال ۱۲ هزار و ۴۵۰ واقعه تولد در استان به ثبت رسیده است.
""")
    assert [s.value for s in doc.statistics] == [12450]
    assert doc.statistics[0].subject.startswith("واقعه تولد")


def test_a_media_name_ending_in_a_number_and_a_criterion_of_a_plural_are_not_figures():
    doc = run("""
یک مددکار اجتماعی در گفت‌وگو با خبرنامه ۳۶ گفت: ۴۰ واحد مسکونی به خانواده‌های دارای حداقل ۲ فرزند معلول تحویل شد.
""")
    assert [s.value for s in doc.statistics] == [40]


def test_a_qualified_count_that_looks_like_a_year_is_a_figure():
    stats = by_value(run("معاون بهداشت استان گفت: پارسال حدود ۱۳۸۵ نوزاد، از مادران زیر ۱۸ سال به دنیا آمده‌اند."))
    figure = stats[1385]
    assert figure.approx == "about"
    assert {key("نوزاد"), key("مادران"), key("دنیا")} <= words(figure.subject)  # the clause after the comma


def test_a_perfect_without_its_auxiliary_ends_the_clause_before_a_comma():
    stats = by_value(run("مدیرکل ثبت احوال گفت: امسال ۳۲۰ واقعه طلاق در استان به ثبت رسیده، و معاون وی تصریح کرد که روند کاهشی است."))
    assert "تصریح" not in stats[320].subject and "رسیده" in stats[320].subject


def test_a_long_clause_still_gives_its_verb():
    stats = by_value(run("""
رئیس اداره بهزیستی شهرستان گفت: ۸۰۰ کودک در همه مهدهای کودک روستایی شهرستان از وعده غذایی گرم و میوه تازه و سالم بهره‌مند می‌شوند.
"""))
    assert "بهره‌مند" in stats[800].subject


def test_a_place_inside_a_name_or_after_a_noun_that_says_which_ones_stays():
    stats = by_value(run("""
مدیرکل کمیته امداد استان زنجان گفت: ۳۱۰ زن در طرح‌های اشتغال کمیته امداد زنجان صاحب شغل شدند و ۹۵ کودک در مدارس زنجان ثبت‌نام شدند.
"""))
    assert "کمیته امداد زنجان" in stats[310].subject
    assert "در مدارس" in stats[95].subject and "زنجان" not in stats[95].subject


def test_how_often_is_said_of_the_verb_not_of_who_is_counted():
    stats = by_value(run("مدیرکل بهزیستی استان گفت: ۶۳۰ خانوار نیز ماهیانه از کمک‌هزینه اجاره بهره‌مند می‌شوند."))
    assert "ماهیانه" not in stats[630].subject and "نیز" not in stats[630].subject
    assert "کمک‌هزینه اجاره" in stats[630].subject


def test_a_decimal_sign_before_a_count_separates_thousands_and_a_word_that_starts_with_a_number_is_a_noun():
    stats = by_value(run("""
مدیرکل ثبت احوال استان گفت: امسال ۴۲٫۳۱۸ واقعه ولادت ثبت شد که ۵۱۲ ولادت دوقلو و ۱۴ سه‌قلو بوده است؛ نرخ رشد ۱٫۲۵۰ درصد بود.
"""))
    assert 42318 in stats and stats[42318].subject.startswith("واقعه ولادت")
    assert stats[14].subject.startswith("سه‌قلو")
    assert 1.25 in stats and stats[1.25].unit == "percent"  # a share keeps its decimals


def test_the_body_tells_a_headline_figure_in_full():
    doc = run("""
مدیرکل بهزیستی استان سمنان گفت: صبح امروز ۱۲۶ واحد مسکونی افراد دارای معلولیت در سراسر استان به بهره‌برداری رسید و حدود ۴۰۰ خانواده در نوبت هستند.
""", title="افتتاح ۱۲۶ واحد مسکن مددجویی در سمنان")
    figure = by_value(doc)[126]
    assert [s.value for s in doc.statistics].count(126) == 1
    assert "معلولیت" in figure.subject and "بهره‌برداری" in figure.subject


def test_a_participle_written_in_one_word_keeps_the_word_before_it_out():
    stats = by_value(run("مدیرکل بهزیستی گفت: امسال ۳۱۰ مورد کودک‌آزاری از ۹ مرکز اورژانس اجتماعی در سطح این استان گزارش‌شده است."))
    assert stats[310].subject.endswith("اورژانس اجتماعی گزارش‌شده")


def test_the_parts_of_a_listed_count_carry_their_whole():
    stats = by_value(run("""
مدیرکل بهزیستی استان کرمانشاه گفت: کودکان شناسایی‌شده شامل ۱۴۴ کودک غیر ایرانی کارت دار شامل ۴۱ دختر و ۱۰۳ پسر، ۲۱۵ کودک ایرانی شامل ۶۲ دختر و ۱۵۳ پسر و افزون بر این ۱۸ نوجوان بی‌سرپرست هستند.
"""))
    assert stats[144].subject.startswith("کودک غیر ایرانی کارت دار")
    assert stats[41].subject.startswith("دختر از کودک غیر ایرانی کارت دار")
    assert stats[103].subject.startswith("پسر از کودک غیر ایرانی کارت دار")
    assert stats[215].subject.startswith("کودک ایرانی") and "پسر" not in stats[215].subject  # the next whole
    assert stats[62].subject.startswith("دختر از کودک ایرانی")
    assert stats[153].subject == "پسر از کودک ایرانی"  # «و افزون بر این» joins no noun to it
    assert "از" not in stats[18].subject.split()  # a larger count is no part


def test_a_part_that_says_whose_it_is_keeps_its_own_reading():
    stats = by_value(run("مدیر آسایشگاه گفت: ۳۰۰ مددجو که ۱۲۰ نفر از آنها معلول ذهنی هستند، از خدمات مرکز استفاده می‌کنند."))
    assert stats[120].population == "مددجو" and "معلول" in stats[120].subject


def test_a_bare_classifier_counts_the_group_named_before_it_in_its_sentence():
    stats = by_value(run("""
رئیس اداره بهزیستی شهرستان گفت: در کمپ‌های ترک اعتیاد معتادان متجاهر شهرستان در سال گذشته به ۹۴۰ نفر خدمات‌رسانی شده است.

وی افزود: در اجرای طرح ساماندهی کودکان کار از ابتدای امسال ۳۱۰ نفر شامل ۲۰۰ پسر و ۱۱۰ دختر جمع‌آوری شده‌اند.
"""))
    assert stats[940].subject.startswith("معتادان متجاهر") and "خدمات‌رسانی" in stats[940].subject
    assert stats[310].population == "کودکان کار"
    assert stats[200].subject.startswith("پسر از کودکان کار")


def test_shares_of_the_group_just_counted_by_age_in_a_list():
    stats = by_value(run("""
مدیرکل بهزیستی استان زنجان گفت: ۳۴۰ کودک کار در استان شناسایی شدند. ۵۲ درصد از این کودکان در سنین ۱۰ تا ۱۴ سال، ۳۱ درصد در سنین ۱۵ تا ۱۷ سال و فقط ۹ درصد در سنین زیر ۶ سال هستند.
"""))
    for value, age in ((52, "۱۰ تا ۱۴"), (31, "۱۵ تا ۱۷"), (9, "زیر ۶")):
        assert stats[value].whole.startswith("کودک کار"), value
        assert stats[value].subject.startswith("درصد کودک کار") and f"در سنین {age} سال" in stats[value].subject


def test_a_list_that_writes_the_unit_after_each_figure_shares_the_counted_noun_and_labels_each_item():
    stats = by_value(run("""
معاون کمیته امداد استان گفت: برای خانوارهای یک نفره ۴۲۰ هزار تومان، دو نفره ۶۱۰ هزار تومان و سه نفره ۸۳۰ هزار تومان کمک‌هزینه اجاره پرداخت می‌شود.
"""))
    for value, size in ((420_000, "یک"), (610_000, "دو"), (830_000, "سه")):
        assert stats[value].subject.startswith("تومان کمک‌هزینه اجاره"), value
        assert stats[value].subject.endswith(f"خانوارهای {size} نفره"), value


def test_in_turn_pairs_each_figure_with_its_item():
    stats = by_value(run("""
بر اساس داده‌های ثبت احوال، ۴۱۲۰ نفر، ۳۹۸۷ نفر و ۳۶۵۴ نفر از دختران زیر ۱۸ سال به ترتیب در سال ۹۹، ۱۴۰۰ و ۱۴۰۱ ازدواج کردند.
"""))
    for value, year in ((4120, "۹۹"), (3987, "۱۴۰۰"), (3654, "۱۴۰۱")):
        assert stats[value].subject.startswith("نفر دختران زیر ۱۸ سال"), value
        assert stats[value].subject.endswith(f"در سال {year}"), value


def test_both_amounts_of_a_change_are_of_what_the_clause_names_before_them():
    stats = by_value(run("""
معاون وزیر گفت: مستمری مددجویان تنها از ۳ میلیون و ۴۰۰ هزار به ۵ میلیون تومان و مستمری سالمندان معلول از ۴ میلیون تومان به ۶ میلیون تومان می‌رسد.
"""))
    assert stats[3_400_000].unit == stats[5_000_000].unit == "tomans"
    assert stats[3_400_000].subject == stats[5_000_000].subject == "تومان مستمری مددجویان"
    assert stats[4_000_000].subject == stats[6_000_000].subject == "تومان مستمری سالمندان معلول"


def test_an_amount_in_a_phrase_says_what_it_pays_for_and_leaves_the_clause_to_the_count_before_it():
    stats = by_value(run("""
مدیرکل بهزیستی استان گفت: ۸۴۰ خانوار نیز از کمک‌هزینه اجاره مسکن به مبلغ ۳۰ میلیون ریال بهره‌مند می‌شوند.
"""))
    assert stats[840].subject.startswith("خانوار") and "بهره‌مند" in stats[840].subject
    assert "میلیون" not in stats[840].subject and "مبلغ" not in stats[840].subject  # the amount is a figure of its own
    assert stats[30_000_000].subject == "ریال مبلغ کمک‌هزینه اجاره مسکن"


def test_a_bare_amount_noun_leaves_the_predicate_to_say_what_is_paid():
    stats = by_value(run("مدیرکل بهزیستی گفت: دولت امسال مبلغ ۱۲۰ میلیارد تومان برای بیمه زنان روستایی اختصاص داده است."))
    assert {key("بیمه"), key("زنان"), key("اختصاص")} <= words(stats[120_000_000_000].subject)


def test_a_capacity_says_whose_and_a_loan_does_not_measure_people():
    stats = by_value(run("""
مدیرکل بهزیستی گفت: خانه امن استان ظرفیت پذیرش ۲۵ نفر را دارد و با ارائه تسهیلات ۳۱۵ زن در طرح‌های اشتغال صاحب شغل شدند.
"""))
    assert stats[25].subject.startswith("نفر ظرفیت پذیرش خانه امن")
    assert "تسهیلات" not in stats[315].subject


def test_a_declared_figure_is_the_value_of_what_was_declared():
    stats = by_value(run("""
مدیرکل بهزیستی استان ایلام ارزش هر بسته لوازم‌التحریر را ۹۰۰ هزار تومان اعلام کرد و افزود: کریمی هزینه کل طرح در مجموع ۴ میلیارد تومان عنوان کرد.
"""))
    assert stats[900_000].subject == "تومان ارزش هر بسته لوازم‌التحریر"
    assert stats[4_000_000_000].subject.startswith("تومان") and "هزینه کل طرح" in stats[4_000_000_000].subject


def test_items_of_a_list_share_the_verb_of_the_last_one():
    stats = by_value(run("""
رئیس کمیته امداد شهرستان گفت: امسال ۶۴۰ میلیون تومان به صورت نقدی، ۲ میلیارد تومان به صورت کالا و ۱۵۰ میلیون تومان خدمات درمانی به نیازمندان کمک شده است و با ارائه وام ۲۱۰ زن و ۹۵ مرد را صاحب شغل کردیم.
"""))
    assert "نقدی" in stats[640_000_000].subject and "کمک" in stats[640_000_000].subject
    assert "کالا" in stats[2_000_000_000].subject and "کمک" in stats[2_000_000_000].subject
    assert "شغل" in stats[210].subject
    assert "خدمات درمانی" not in stats[640_000_000].subject  # the last item's own words stay its own


def test_items_that_differ_by_place_alone_share_the_whole_predicate():
    stats = by_value(run("رئیس آموزش و پرورش استان گفت: امسال ۱۲ نفر در سبزوار، ۸ نفر در نیشابور و ۵ نفر در کاشمر "
                         "به دلیل کار کودک از مدرسه جا مانده‌اند."))
    for value, town in ((12, "سبزوار"), (8, "نیشابور"), (5, "کاشمر")):
        assert "کار کودک از مدرسه جا مانده" in stats[value].subject and stats[value].place == key(town)
    # the place first, as each item's label
    stats = by_value(run("رئیس آموزش و پرورش استان گفت: امسال در سبزوار ۱۲ نفر، در نیشابور ۸ نفر و در کاشمر ۵ نفر "
                         "به دلیل کار کودک از مدرسه جا مانده‌اند."))
    for value, town in ((12, "سبزوار"), (8, "نیشابور"), (5, "کاشمر")):
        assert "کار کودک از مدرسه جا مانده" in stats[value].subject and stats[value].place == key(town)
    # items with words of their own keep them, and the last one's words stay its own
    stats = by_value(run("مدیرکل گفت: ۴۰ خانوار در شهرهای کوچک و ۷۰ خانوار در روستاها سکونت دارند."))
    assert "روستا" not in stats[40].subject


def test_a_bare_count_out_of_a_total_counts_what_the_total_counts():
    stats = by_value(run("مدیرکل بهزیستی گفت: ۳ هزار و ۲۰۰ نفر از مجموع ۹ هزار سالمند ساکن خانه‌های سالمندان استان زن هستند."))
    assert "سالمند" in stats[3200].subject and "زن" in stats[3200].subject
    assert stats[3200].population == stats[9000].population
    stats = by_value(run("مدیرکل گفت: ۴۰۰ مورد از کل ۵ هزار تماس ثبت شده درباره کودک‌آزاری بوده است."))
    assert "تماس" in stats[400].subject


def test_a_list_of_predicate_nominals_shares_nothing():
    stats = by_value(run("کارشناس اورژانس اجتماعی گفت: در سه ماه اخیر ۴۳ پرونده همسرآزاری، ۹ پرونده کودک‌آزاری و ۷ پرونده مربوط به سایر خشونت‌ها بوده است."))
    assert "خشونت" not in stats[43].subject and "خشونت" not in stats[9].subject
    assert stats[7].subject.endswith("مربوط به سایر خشونت‌ها")


def test_this_many_include_lists_the_parts_of_the_group_just_counted():
    stats = by_value(run("""
مدیرکل بهزیستی گفت: امسال ۳۳ کودک بی‌سرپرست به خانواده‌های متقاضی سپرده شدند. وی افزود: این تعداد کودک شامل ۱۴ دختر و ۱۹ پسر هستند.
"""))
    assert stats[14].subject.startswith("دختر از کودک بی‌سرپرست") and stats[19].subject.startswith("پسر از کودک بی‌سرپرست")


def test_reporting_a_figure_says_nothing_of_what_it_counts():
    stats = by_value(run("مدیرکل بهزیستی استان از بیمه ۳۲۰ زن سرپرست خانوار روستایی در سال گذشته خبر داد."))
    assert "خبر" not in stats[320].subject


def test_a_clause_that_ends_in_a_participle_before_and_is_no_list_item():
    stats = by_value(run("""
مدیرکل بهزیستی گفت: کمک‌هزینه درمان هر مددجو امسال به ۶ میلیون تومان افزایش یافته و تاکنون ۹۲۰ نفر از این کمک‌هزینه استفاده کرده‌اند.
"""))
    assert "استفاده" not in stats[6_000_000].subject and "کرده" not in stats[6_000_000].subject


def test_the_nouns_right_before_a_figure_are_its_topic_when_the_clause_opens_otherwise():
    stats = by_value(run("""
معاون آموزش و پرورش گفت: شمار بازماندگان از تحصیل استان حدود ۱۲ هزار نفر برآورد شده بود، اما با بررسی‌های انجام‌شده آمار واقعی به کمتر از ۹ هزار نفر رسید.
"""))
    assert {key("بازماندگان"), key("تحصیل"), key("واقعی")} <= words(stats[9000].subject)


def test_what_the_previous_clause_counted_is_restated_with_its_compound_verb():
    stats = by_value(run("معاون اشتغال بهزیستی گفت: سال گذشته ۳۸۰ مددجو صاحب شغل شدند و امسال این رقم به ۴۶۰ نفر رسیده است."))
    assert "صاحب شغل" in stats[380].subject
    assert "صاحب شغل" in stats[460].subject and "رسیده" not in stats[460].subject


def test_words_that_take_a_complement_keep_it():
    doc = run("""
مدیرکل بهزیستی گفت: ۲۳۰ حامی در طرح اکرام حمایت از ۴۱۰ یتیم را بر عهده دارند و در شهرستان دو سرای سالمند فعال است.

کارشناس گفت: میزان طلاق در ۹ استان بالاتر از میانگین کشوری است.
""")
    stats = by_value(doc)
    assert "حمایت" in stats[410].subject
    assert 2 in stats and stats[2].subject.startswith("سرای سالمند")
    assert "میانگین کشوری" in stats[9].subject


def test_a_relative_clause_may_name_a_place_in_guillemets():
    stats = by_value(run("""
رئیس اورژانس اجتماعی گفت: حدود ۷۵ درصد از زنانی که به دلیل خشونت خانگی در «خانه امن» پذیرش شده بودند، به خانه بازگشتند.
"""))
    assert "خشونت خانگی" in stats[75].subject


def test_a_headline_share_of_all_of_a_group_is_the_body_share_of_that_group():
    doc = run("مشاور وزیر گفت: دولت حدود ۴۴ درصد از زنان سرپرست خانوار را تحت حمایت قرار داده است.",
              title="۴۴ درصد از کل زنان سرپرست خانوار تحت پوشش حمایت دولت")
    shares = [s for s in doc.statistics if s.value == 44]
    assert len(shares) == 1 and shares[0].approx == "about"


def test_a_classifier_followed_by_and_joins_no_noun_and_a_preposition_is_no_verb():
    stats = by_value(run("وی افزود: در طول سال مراکز درمان به ۱۸ هزار نفر و کمپ‌ها به چهار هزار نفر خدمات‌دهی می‌کنند."))
    assert "کمپ‌ها" not in stats[18000].subject and "خدمات‌دهی" in stats[18000].subject


def test_another_group_of_the_same_size_is_another_figure():
    doc = run("""
رئیس بهزیستی گفت: ۹۰ هزار زن سرپرست خانوار تحت پوشش هستند که از این تعداد ۴۰ هزار نفر بیمه روستایی دارند. وی افزود: ۴۰ هزار زن سرپرست خانوار دیگر نیز بیمه تامین اجتماعی دارند.
""")
    assert [s.value for s in doc.statistics].count(40_000) == 2


def test_the_share_of_a_place_is_a_part_of_the_group_just_counted():
    stats = by_value(run("مدیرکل بهزیستی لرستان گفت: ۶۱۲ کودک کار در استان شناسایی شده است که سهم بروجرد ۱۸۴ کودک است."))
    assert stats[184].subject.startswith("کودک کار") and "شناسایی" in stats[184].subject
    assert stats[184].place == key("بروجرد")


def test_a_count_that_a_group_makes_up_is_of_that_group():
    stats = by_value(run("وی گفت: دو درصد جمعیت شهرستان معادل چهار هزار و ۲۰۰ نفر را سالمندان بی‌سرپرست تشکیل می‌دهند."))
    assert stats[4200].subject == "نفر سالمندان بی‌سرپرست"


def test_a_change_written_as_an_adjective_is_a_share_of_what_follows():
    doc = run("مدیرکل بهزیستی گفت: مستمری مددجویان با افزایش ۲۵ درصدی برای ۹۸ هزار نفر واریز شد.",
              title="افزایش ۲۵ درصدی مستمری مددجویان بهزیستی")
    share = next(s for s in doc.statistics if s.value == 25)
    assert share.subject.startswith("درصد افزایش مستمری مددجویان")


def test_a_relative_clause_with_a_figure_of_its_own_leaves_the_main_verb_to_the_count_before_it():
    stats = by_value(run("مدیر آسایشگاه گفت: هم‌اکنون ۵۲۰ مددجو که ۱۸۰ نفر از آنها معلول ذهنی هستند، از خدمات این مرکز استفاده می‌کنند."))
    assert "استفاده" in stats[520].subject and "معلول" not in stats[520].subject
    assert "معلول" in stats[180].subject


def test_what_counted_people_pay_is_said_in_their_clause():
    stats = by_value(run("""
مدیرکل کمیته امداد گفت: بیش از ۹ هزار حامی که ساکن استان‌های دیگر هستند، ماهانه ۸۰۰ هزار ریال به حساب هر یتیم واریز می‌کنند.
"""))
    assert "واریز" in stats[9000].subject and "ریال" not in stats[9000].subject
    assert stats[800_000].unit == "rials"


def test_the_parts_listed_after_a_back_reference_are_parts_of_the_same_group_and_its_place():
    """«از این آمار ۴۱۰ نفر مرد و ۹۸ نفر زن»: both items are parts of the group counted before
    (not the second a part of the first), and counted where the group was."""
    doc = run("مدیرکل بهزیستی خراسان رضوی گفت: امسال ۵۰۸ متکدی در مشهد جمع‌آوری شدند.\n"
              "وی افزود: از این آمار تعداد ۴۱۰ نفر مرد و ۹۸ نفر زن بودند.")
    stats = by_value(doc)
    assert words(stats[410].subject) >= {"متکدی", "مرد"} and "زن" not in words(stats[410].subject)
    assert words(stats[98].subject) >= {"متکدی", "زن"} and "مرد" not in words(stats[98].subject)
    assert stats[410].place == stats[98].place == key("مشهد")


def test_a_figure_counted_out_by_barshomord_is_the_count_of_the_object_before_ra():
    """«مددجویان … را (از سطح …،) حدود ۱۲۰۰ نفر برشمرد»: the people are the object, across a comma."""
    for middle in ("", "از سطح شیرخوارگی تا سن ۲۳ سالگی، "):
        doc = run(f"مدیرکل بهزیستی استان یزد تعداد مددجویان تحت پوشش بهزیستی استان را {middle}حدود ۱۲۰۰ نفر بر شمرد.")
        assert words(by_value(doc)[1200].subject) >= {key("مددجویان"), key("پوشش")}


def test_a_change_says_when_each_amount_was_before_its_second():
    """«از ۹۱۰ نفر در دولت قبل به ۳۹۰۰ نفر»: both amounts count what the clause names before «از»."""
    stats = by_value(run("مدیرکل بهزیستی استان ایلام گفت: ارائه خدمات مددکاری به معلولان از ۹۱۰ نفر در دولت قبل "
                         "به ۳۹۰۰ نفر در دولت جدید رسید."))
    assert "مددکاری" in words(stats[910].subject) and "مددکاری" in words(stats[3900].subject)


def test_each_change_of_a_list_is_of_its_own_item_with_its_prepositions():
    stats = by_value(run("مدیرکل بهزیستی استان ایلام گفت: ارائه خدمات مددکاری به معلولان از ۹۱۰ نفر به ۳۹۰۰ نفر رسید "
                         "و کمک به درمان معلولان از ۴۰۰ نفر به ۷۰۰ نفر افزایش یافت."))
    assert words(stats[910].subject) >= {key("مددکاری"), key("معلولان")}
    assert words(stats[700].subject) >= {key("کمک"), key("درمان"), key("معلولان")}
    assert "مددکاری" not in words(stats[400].subject)


def test_a_share_told_as_an_appositive_leaves_the_counts_predicate_to_the_count():
    stats = by_value(run("مدیرکل کمیته امداد استان زنجان گفت: بیش از ۳۱ هزار نفر معادل هفت درصد جمعیت استان زیر پوشش این نهاد قرار دارند."))
    assert "معادل" not in stats[31000].subject
    assert "زیر پوشش" in stats[31000].subject
    assert stats[7].subject.startswith("درصد جمعیت استان")


def test_a_count_that_a_group_takes_in_counts_its_members():
    stats = by_value(run("وی افزود: خانوارهای تازه‌وارد به این طرح نزدیک به ۹ هزار نفر را شامل می‌شوند."))
    assert "خانوار" in stats[9000].subject and "شامل" not in stats[9000].subject
    stats = by_value(run("وی افزود: مددجویان این اداره کل حدود ۴۲ هزار نفر را در بر می‌گیرند."))
    assert "مددجویان" in stats[42000].subject


def test_made_the_object_of_an_action_is_the_action_done():
    stats = by_value(run("مدیرکل بهزیستی استان سمنان گفت: امسال ۳۵ دختر و ۹۰ نفر پسر مورد ساماندهی قرار گرفته‌اند."))
    assert stats[35].subject == "دختر ساماندهی شده"
    assert stats[90].subject == "نفر پسر ساماندهی شده"
    stats = by_value(run("وی گفت: ۶۰۰ نوزاد در این شهرستان مورد غربالگری شنوایی قرار می‌گیرند."))
    assert "غربالگری شنوایی شده" in stats[600].subject


def test_the_value_of_those_names_what_it_is_the_value_of():
    stats = by_value(run("وی گفت: ارزش این بسته‌ها در مجموع بالغ بر ۴۰ میلیارد ریال است."))
    assert "بسته‌ها" in stats[40_000_000_000].subject


def test_decile_numbers_and_counts_of_kinds_are_no_figures():
    doc = run("وی گفت: یارانه دهک‌های ۸، ۹ و ۱۰ حذف می‌شود و برای دهک ۱ تا ۳ افزایش می‌یابد. "
              "در استان چهار نوع مرکز شبانه‌روزی و ۱۲۰ مهدکودک فعال است.")
    assert sorted(s.value for s in doc.statistics) == [120]
    # a news id after its label, an age in «سالۀ», a distance in «کیلومتری»
    doc = run("۳۰ تیر ۱۴۰۳، ۱۲:۴۲ کد خبر 4417023 استان‌ها مرکزی مدیرکل بهزیستی استان مرکزی گفت: ۲۶ کودک ۹ سالۀ در روستایی "
              "۱۴ کیلومتری شهر ساکن هستند.")
    assert sorted(s.value for s in doc.statistics) == [26]
    # the parts of a law are no things counted in the world
    doc = run("وی افزود: این آیین‌نامه با ۱۸ ماده، ۹ تبصره و ۴ فصل تصویب شد و ۲۳۰ معلول از آن بهره‌مند می‌شوند.")
    assert sorted(s.value for s in doc.statistics) == [230]


def test_a_comma_before_a_scale_word_is_a_decimal_sign():
    stats = by_value(run("وی گفت: پیمانکاران از هر گروه ماهانه ۲,۸ میلیون تومان دریافت می‌کنند."))
    assert 2_800_000 in stats and stats[2_800_000].unit == "tomans"


def test_first_person_verbs_of_having_and_being_say_nothing_of_what_is_counted():
    stats = by_value(run("مدیرکل بهزیستی استان فارس گفت: ما در استان ۳۵ خانه کودک داریم."))
    assert "داریم" not in stats[35].subject and stats[35].subject.startswith("خانه کودک")
    stats = by_value(run("وی گفت: سال گذشته شاهد ۱۰ درصد افزایش تماس‌ها بودیم. یارانه ۳ دهک پایین نیز افزایش می‌یابد."))
    assert "بودیم" not in stats[10].subject and 3 not in stats


def test_a_bare_noun_before_a_copula_counts_what_the_clause_opens_with():
    stats = by_value(run("مدیرکل بهزیستی استان بوشهر گفت: تعهد ساخت مسکن برای مددجویان بهزیستی برای امسال ۱۹۵ واحد است."))
    assert stats[195].subject == "واحد تعهد ساخت مسکن برای مددجویان بهزیستی"


def test_a_count_told_as_the_appositive_of_a_share_counts_its_part():
    stats = by_value(run("وی گفت: حدود ۶ درصد جمعیت استان را سالمندان تشکیل می‌دهند که معادل بیش از ۹ هزار نفر است."))
    assert stats[9000].subject == "نفر سالمندان" and stats[9000].approx == "more_than"


def test_dialled_lines_addresses_and_a_places_population_are_no_figures():
    doc = run("وی گفت: شهروندان با شماره‌های ۱۲۳ و ۱۳۷ تماس بگیرند یا به گرمخانه ۵۶ خ سعدی مراجعه کنند. "
              "بیش از ۴۰ درصد کودکان کار در کلانشهر ۳/۵ میلیون نفری مشهد زندگی می‌کنند.")
    assert sorted(s.value for s in doc.statistics) == [40]


def test_a_group_size_written_as_an_adjective_is_no_figure():
    doc = run("وی گفت: زنان سرپرست خانوار در گروه‌های ۱۵ نفره آموزش دیدند و ۲۰ میلیون تومان وام گرفتند.")
    assert sorted(s.value for s in doc.statistics) == [20_000_000]


def test_a_change_of_this_many_counts_the_group_counted_before():
    stats = by_value(run("وی گفت: امسال ۱۲۰ معلول و سالمند در مراکز شبانه‌روزی پذیرش شدند. "
                         "شمار این افراد از ۱۶۰ نفر در دولت قبل به ۳۳۵ نفر در دولت جدید افزایش یافته است."))
    assert stats[160].subject.startswith("نفر معلول و سالمند") and stats[335].subject.startswith("نفر معلول و سالمند")


def test_a_part_of_another_kind_from_this_many_counts_within_the_group_before():
    stats = by_value(run("مدیرکل بهزیستی کردستان گفت: ۱۱۸ هزار معلول از خدمات بهزیستی بهره‌مند هستند که "
                         "۲۳ هزار خانوار از این تعداد مستمری دریافت می‌کنند."))
    assert stats[23000].subject.startswith("خانوار از معلول") and "این تعداد" not in stats[23000].subject


def test_the_parts_of_a_group_said_with_a_copula_after_a_comma():
    # the group is the whole predicate («تحت پوشش کمیته امداد»), and a list's later item after a two-word
    # one («… نفر زن سالمند و …») is a part of it too
    stats = by_value(run("معاون کمیته امداد گفت: در مجموع ۹۰۰ هزار سالمند، تحت پوشش کمیته امداد هستند که از این "
                         "تعداد پانصد و ۱۲ هزار نفر زن سالمند و ۳۸۸ هزار نفر مرد هستند."))
    for value in (512_000, 388_000):
        assert "تحت پوشش کمیته امداد" in stats[value].subject, stats[value].subject
    assert "مرد" in stats[388_000].subject


@pytest.mark.parametrize("others", ["", "دیگر "])
def test_each_item_before_a_shared_copula_says_what_it_is(others):
    stats = by_value(run("امسال ۴۰ متکدی در سطح شهر ساماندهی شده‌اند. به گفته وی ۲۵ نفر از آنان زن و "
                         f"۱۵ نفر {others}مرد هستند."))
    assert stats[25].subject.endswith("زن") and "مرد" not in stats[25].subject, stats[25].subject
    assert "متکدی" in stats[15].subject and stats[15].subject.endswith("مرد"), stats[15].subject


def test_people_given_something_and_things_that_are_there():
    stats = by_value(run("مدیرکل بهزیستی لرستان از پرداخت کمک‌هزینه فرزندآوری به بیش از ۲۰۰۰ نفر خبر داد و گفت: "
                         "از این تعداد ۱۹۷۰ مورد دوقلو بوده‌اند. در شهرستان ۴۶ خانواده دارای چند معلول وجود دارد. "
                         "ما پوشش ۹۸ درصدی طرح را انجام دادیم."))
    assert "کمک‌هزینه فرزندآوری" in stats[2000].subject and "کمک‌هزینه فرزندآوری" in stats[1970].subject
    assert "وجود" not in stats[46].subject and "دادیم" not in stats[98].subject


def test_glued_forms_of_scraped_pages_and_more_ways_to_say_about_and_declare():
    stats = by_value(run("وی گفت: آمار ثبت طلاق در استان ۱۸ درصد کاهش‌یافته است و این آمار سال قبل نزدیک ۵ هزار "
                         "و ۴۰۰ نفر بود. مراکز ماده ۱۶ نیز ۴۲۵ نفررا پذیرش کردند."))
    assert stats[18].subject.startswith("درصد کاهش") and stats[5400].approx == "about"
    assert stats[425].subject.startswith("نفر") and "نفررا" not in stats[425].subject
    stats = by_value(run("وی این بسته‌ها را شامل ۲۵ قلم کالا به ارزش هر کدام ۳۰ میلیون ریال ذکرکرد. "
                         "او تعداد مددجویان مراکز شبانه‌روزی را ۷۶۸ نفر خواند."))
    assert "ذکرکرد" not in stats[30_000_000].subject and "مددجویان" in stats[768].subject


def test_the_total_of_what_the_clause_opens_with():
    stats = by_value(run("وی اظهار داشت: تعداد کل پرونده‌های ثبت‌شده کودک‌آزاری در این بازه ۱۲۰ مورد بوده است."))
    assert "پرونده‌های ثبت‌شده" in stats[120].subject


def test_a_change_from_a_count_of_people_to_a_count_of_a_kind_of_people():
    stats = by_value(run("وی گفت: تعداد حامیان ایتام با اجرای این طرح از ۷۲۱ هزار نفر به یک میلیون و ۱۰۰ هزار حامی رسیده است."))
    assert "حامیان ایتام" in stats[721_000].subject and "حامیان ایتام" in stats[1_100_000].subject


def test_a_count_after_with_counts_what_the_clause_opens_with_unless_it_is_a_place():
    doc = run("وی گفت: بیشترین تماس‌ها مربوط به افراد بی‌سرپناه و کارتن‌خواب با ۱۰۲ مورد بوده است. "
              "همسرآزاری با ۹۵ مورد، کودک‌آزاری با ۶۲ مورد و اختلافات خانوادگی با ۴۰ مورد در صدر هستند. "
              "مشهد با ۱۳۸۰ نفر در صدر است.")
    stats = by_value(doc)
    assert "بی‌سرپناه و کارتن‌خواب" in stats[102].subject and "مشهد" not in stats[1380].subject
    assert (stats[95].subject, stats[62].subject, stats[40].subject) == ("همسرآزاری", "کودک‌آزاری", "اختلافات خانوادگی")



def test_a_bare_unit_or_classifier_takes_what_its_clause_opens_with():
    stats = by_value(run("معاون حمایت کمیته امداد گفت: از میان سرپرستان خانوارهای تحت پوشش ۶۳ درصد زن هستند. "
                         "در طرح غربالگری شنوایی نوزادان ۹۳ درصد را پوشش دادیم."))
    assert "سرپرستان خانوارهای تحت پوشش" in stats[63].subject
    assert "طرح غربالگری شنوایی" in stats[93].subject
    stats = by_value(run("مدیرکل بهزیستی استان زنجان ۲۵ میلیون تومان به هر خانواده پرداخت کرد."))
    assert "مدیرکل" not in stats[25_000_000].subject  # who pays it, not what it is


def test_household_sizes_after_a_share_say_which_households_and_are_not_counts():
    doc = run("امسال ۸۵ کودک کار شناسایی شدند. وی گفت: خانوارهای تحت پوشش این نهاد در استان ۴۷ درصد یک نفره، ۲۹ درصد دو نفره، ۱۳ درصد سه نفر "
              "و ۱۱ درصد از این خانوارها که ۶۹۰ خانوار می‌شوند چهار نفر و بیشتر هستند.")
    stats = by_value(doc)
    assert "یک نفره" in stats[47].subject and "خانوارهای تحت پوشش" in stats[47].subject
    assert "دو نفره" in stats[29].subject and "سه نفر" in stats[13].subject
    assert "خانوار" in stats[11].whole  # the share names its own whole, not the group counted before
    assert 3 not in stats and 4 not in stats  # «سه نفر», «چهار نفر و بیشتر»: sizes, not counts of people
    assert 690 in stats


def test_a_participle_written_apart_in_the_topic_says_which_ones():
    stats = by_value(run("وی افزود: تعداد تماس های برقرار شده با اورژانس اجتماعی در استان ۱۸ هزار و ۲۰۰ مورد بوده است."))
    assert key("برقرار شده با اورژانس اجتماعی") in key(stats[18_200].subject)


def test_a_share_after_with_is_given_for_the_item_before_it():
    stats = by_value(run("وی افزود: پس از آن گروه سنی ۱۵ تا ۱۸ سال با ۴۲٫۵ درصد، ۱۰ تا ۱۴ سال با ۳۳٫۵ درصد "
                         "و کودکان زیر ۱۰ سال با ۸٫۵ درصد قرار دارند."))
    assert "۱۵ تا ۱۸ سال" in stats[42.5].subject and "۱۰ تا ۱۴ سال" in stats[33.5].subject
    assert "کودکان زیر ۱۰ سال" in stats[8.5].subject


def test_a_count_told_again_as_a_share_is_of_the_group_the_share_names():
    stats = by_value(run("وی افزود: در مجموع ۴۵۰ نفر، معادل ۶۲ درصد متقاضیان، در مراکز نگهداری پذیرش شده‌اند."))
    assert "متقاضیان" in stats[450].subject and "پذیرش" in stats[450].subject


def test_a_copula_written_without_its_space_is_not_a_glued_compound_verb():
    doc = run("وی گفت: در این مدت ۴۰ پرونده همسرآزاری، ۹ پرونده سالمندآزاری و ۱۱ پرونده مربوط به سایر موارد میباشد.")
    assert not any("میبا" in s.subject for s in doc.statistics)


def test_card_numbers_and_days_of_latin_dates_are_not_figures():
    stats = by_value(run("وی گفت: خیران کمک‌های خود را برای ۱۲۰ خانوار به شماره کارت ۶۰۳۷۹۹۱۲۳۴۵۶۷۸۹۰ واریز کنند. "
                         "این فهرست روز ۰۴ June به روز شد و مبلغ هر بسته یک میلون و ۲۰۰ هزار تومان است."))
    assert 120 in stats and 1_200_000 in stats
    assert not any(v > 1e12 for v in stats) and 4 not in stats


def test_the_main_predicate_after_a_relative_clause_says_what_is_counted():
    # the figure's own clause is interrupted by «که … هستند،»; the verb after the comma is its predicate,
    # read through the «(ره)» of the body's name
    stats = by_value(run("معاون کمیته امداد استان زنجان گفت: ۲۳ هزار و ۴۱۰ خانوار که معادل ۵۱ هزار نفر هستند، "
                         "تحت حمایت کمیته امداد امام خمینی (ره) استان هستند."))
    assert {key("تحت"), key("حمایت"), key("امداد")} <= words(stats[23410].subject)
    assert stats[23410].population.startswith("خانوار")


def test_a_figure_after_a_relative_clause_counts_the_words_before_that():
    # «X که … هستند، N نفر هستند»: the comma ends the relative clause, not the figure's subject
    stats = by_value(run("مدیرکل بهزیستی استان ایلام گفت: مددجویان مستمری‌بگیر که از پدر، مادر یا همسر "
                         "درآمدی ندارند، هفت هزار و ۳۰۰ نفر هستند."))
    assert {key("مددجویان"), key("مستمری‌بگیر")} <= words(stats[7300].subject)


def test_a_number_inside_a_web_address_is_no_figure_and_a_split_billion_still_reads():
    # a scraped page prints the story's address, its words joined by hyphens, as a line of its own;
    # hazm's spacing turns «میلیاردو» (the scale with its «و» glued) into «میلی‌اردو»
    doc = run("وی گفت: امسال ۳۲ میلیاردو ۵۰۰ میلیون تومان به ۹۰۰ خانوار پرداخت شد.\n"
              "news / ۴۴۱۲۷ / پرداخت-وام-به-۶۵-خانوار-مددجو-در-استان")
    stats = by_value(doc)
    assert 32_500_000_000 in stats and 900 in stats
    assert 65 not in stats and 32 not in stats


def test_an_age_in_months_and_a_span_of_days_are_not_figures():
    doc = run("وی گفت: هفته سالمندان از ۱۰ لغایت ۱۶ مهرماه است و نوزادان تا ۹ ماهگی در ۴۰ مرکز غربالگری می‌شوند.")
    stats = by_value(doc)
    assert 40 in stats
    assert not {9, 10, 16} & set(stats)


def test_a_deputy_of_a_city_official_speaks_for_the_city():
    # «معاون دادستان تبریز» serves Tabriz, as the prosecutor does: a figure without a place of its own is the city's
    doc = run("معاون دادستان تبریز گفت: از ابتدای امسال ۲۱۰ کودک کار در سطح شهر جمع‌آوری شدند.",
              title="جمع‌آوری کودکان کار")
    assert key(by_value(doc)[210].place or "") == key("تبریز")


def test_a_subject_set_off_by_a_comma_after_a_year_is_what_the_amount_is():
    # the comma after «۱۴۰۱» ends the subject, not a clause: the amount is the value of what opens the sentence
    stats = by_value(run("وی گفت: ارزش کل کمک‌های مردمی در سال ۱۴۰۱، ۳۲۰ میلیارد تومان بوده است."))
    assert {key("ارزش"), key("کمک‌های"), key("مردمی")} <= words(stats[320_000_000_000].subject)
    stats = by_value(run("وی گفت: ۱۲ نفر دختر، ۳۰ نفر پسر هستند."))
    assert key("دختر") not in words(stats[30].subject)  # a list's item is no subject of the next


def test_a_figure_a_clause_subject_has_is_of_that_subject():
    # «X N سالمند دارد»: the elderly counted are the home's
    stats = by_value(run("رئیس اداره بهزیستی شهرستان گفت: مرکز نگهداری سالمندان مهر ۹۵ سالمند دارد."))
    assert {key("سالمند"), key("مرکز"), key("نگهداری"), key("مهر")} <= words(stats[95].subject)


def test_a_lone_noun_takes_the_words_of_its_clause():
    # nothing next to «خانوار» says which: the clause does (the relief foundation's services reach them)
    stats = by_value(run("مدیرکل کمیته امداد استان گفت: ۶۲ هزار خانوار در شهرستان بانه از خدمات معیشتی، "
                         "اشتغال، تحصیل، درمان، مسکن و … کمیته امداد امام (ره) بهره‌مند می‌شوند."))
    assert {key("خانوار"), key("خدمات"), key("معیشتی")} <= words(stats[62000].subject)
    assert key("بانه") not in words(stats[62000].subject)  # where is the figure's place, not its subject
    # a change, a ranking and a phrase of a clause about something else keep their lone noun
    stats = by_value(run("وی افزود: شمار مراجعان از ۳۰۰ نفر به ۴۵۰ نفر رسید و شهرداری در قرارداد تازه با ۴۰ پیمانکار "
                         "کار کودکان را ممنوع کرد."))
    assert "قرارداد" not in stats[40].subject and "ممنوع" not in stats[40].subject


def test_a_list_of_places_with_counts_divides_the_count_its_sentence_opens_with():
    # «از مجموع N ازدواج ثبت‌شده … استان‌های تهران با N1، فارس با N2 مورد»: each place's figure counts those marriages
    stats = by_value(run("وی گفت: از مجموع ۹۰ هزار و ۱۰۰ ازدواج ثبت‌شده در پاییز در کشور بیشترین ازدواج به ترتیب مربوط به "
                         "استان‌های تهران با ۱۱ هزار و ۲۰۰، فارس با ۷ هزار و ۵۰ مورد بوده است."))
    for value in (11200, 7050):
        assert {key("ازدواج"), key("ثبت‌شده")} & words(stats[value].subject), stats[value].subject


def test_a_pages_counter_of_comments_and_views_is_no_figure():
    doc = run("وی گفت: امسال ۴۲۰ ازدواج در شهرستان ثبت شد.\n۰ نظر / ۱۸ بازدید /\n۱۲۷ بازدید")
    assert set(by_value(doc)) == {420}


def test_a_lone_noun_repeating_the_last_figures_head_counts_the_same_thing():
    # «… ۳۲۱۰ واقعه طلاق ثبت شد که در مقایسه با سال قبل که ۲۹۸۰ واقعه بود …»: the same count, another year
    stats = by_value(run("مدیرکل ثبت احوال استان گفت: امسال ۳۲۱۰ واقعه طلاق در استان ثبت شد که در مقایسه با سال قبل "
                         "که ۲۹۸۰ واقعه بود، افزایش داشته است."))
    assert key("طلاق") in words(stats[2980].subject)


def test_a_ranked_list_of_places_counts_what_the_clause_ranks():
    # no count opens the sentence: «بیشترین X … مربوط به استان‌های A با N1، B با N2 مورد» counts X in each place
    stats = by_value(run("وی افزود: بیشترین طلاق‌های ثبت‌شده به ترتیب مربوط به استان‌های تهران با ۴ هزار و ۱۰۰، "
                         "فارس با ۹۰۰ مورد بوده است."))
    for value in (4100, 900):
        assert key("طلاق‌های") in words(stats[value].subject) and "بیشترین" not in stats[value].subject


def test_households_told_again_by_their_members_share_the_clause():
    stats = by_value(run("""
مدیرکل کمیته امداد استان زنجان گفت: هم‌اکنون ۴۲ هزار خانوار شامل بیش از ۹۰ هزار نفر تحت پوشش کمیته امداد استان قرار دارند.
رئیس اداره بهزیستی ابهر افزود: ۱۲۳۰ خانواده در قالب ۳۱۰۰ نفر تحت حمایت بهزیستی هستند.
"""))
    assert words("خانوار تحت پوشش کمیته امداد") <= words(stats[42000].subject)
    assert words("نفر تحت پوشش کمیته امداد") <= words(stats[90000].subject)
    assert "شامل" not in stats[90000].subject and stats[90000].approx == "more_than"
    assert words("خانواده تحت حمایت بهزیستی") <= words(stats[1230].subject)
    assert words("نفر تحت حمایت بهزیستی") <= words(stats[3100].subject) and "قالب" not in stats[3100].subject


def test_a_subject_does_not_end_in_the_first_half_of_its_verb():
    stats = by_value(run("""
مدیرکل کمیته امداد استان قزوین شمار مددجویان تحت پوشش را ۳۱ هزار و ۴۰۰ نفر سالمند اعلام کرد.
"""))
    assert stats[31400].subject.split()[-1] != "اعلام" and "سالمند" in stats[31400].subject
    stats = by_value(run("شهردار گفت: در شهر قزوین حدود ۱۲۰۰ کارتن‌خواب وجود دارند."))
    assert stats[1200].subject == "کارتن‌خواب"


def test_a_declared_figure_counts_an_age_group_and_heads_of_household_are_no_post():
    stats = by_value(run("مدیرکل بهزیستی استان تعداد ازدواج‌های ثبت‌شده دختران ۱۳ ساله را ۲۱۶ مورد عنوان کرد."))
    assert words("ازدواج‌های ثبت‌شده دختران ۱۳ ساله") <= words(stats[216].subject)
    assert "استان" not in stats[216].subject and "عنوان" not in stats[216].subject
    doc = run("معاون استاندار شمار زنان سرپرست خانوار تحت پوشش را ۱۲ هزار نفر ذکر کرد.")
    assert words("زنان سرپرست خانوار تحت پوشش") <= words(by_value(doc)[12000].subject)
    assert [p.title for p in doc.posts] == ["معاون استاندار"]


def test_a_participle_made_with_reaching_says_which_ones():
    stats = by_value(run("بر پایه این آمار، از ۲۱ هزار و ۴۰۰ مورد طلاق به ثبت رسیده، سهم شهرها بیشتر بود."))
    assert words("طلاق به ثبت رسیده") <= words(stats[21400].subject)


def test_a_declared_figures_object_is_named_before_the_relative_clause_that_says_which_ones():
    stats = by_value(run("مدیرکل بهزیستی استان تعداد مراکز اقامتی ترک اعتیاد استان که دوره درمان در آنها ۲۱ روز است "
                         "را ۳۶ مورد عنوان کرد."))
    assert words("مراکز اقامتی ترک اعتیاد") <= words(stats[36].subject) and "عنوان" not in stats[36].subject


def test_an_amount_of_each_one_says_what_it_is_the_value_of():
    stats = by_value(run("مدیرکل هلال احمر گفت: ۱۲ هزار بسته معیشتی با ارزش هر بسته سه میلیون ریال میان خانواده‌ها توزیع شد."))
    assert words("ارزش هر بسته") <= words(stats[3000000].subject)


def test_the_items_of_a_ranked_list_of_places_count_what_the_clause_ranks_with_or_without_with():
    doc = run("بیشترین طلاق ثبت‌شده در بهار امسال به ترتیب مربوط به استان‌های کرمان با ۱۴۲۰ مورد طلاق، "
              "گیلان ۹۸۰ مورد و یزد با ۷۱۰ طلاق بوده است.")
    stats = by_value(doc)
    for value, place in ((1420, "کرمان"), (980, "گیلان"), (710, "یزد")):
        assert words("طلاق ثبت‌شده") <= words(stats[value].subject), value
        assert doc.places[stats[value].place].name == place
    assert "گیلان" not in stats[980].subject and "یزد" not in stats[980].subject  # where, not what


def test_a_number_in_a_web_address_or_the_year_of_a_slashed_date_is_no_figure():
    doc = run("لینک کوتاه: https://behzisti-qom.ir?p=48213کپی شد\n\nقم، خبرگزاری جمهوری اسلامی 12/09/84 اجتماعی. "
              "مدیرکل بهزیستی قم گفت: امسال ۲۳۰ کودک کار شناسایی شدند.")
    assert {s.value for s in doc.statistics} == {230}
    assert "https://behzisti-qom.ir?p=48213" in doc.text  # the address kept whole, as the page writes it


def test_an_amount_pointed_back_to_by_its_noun_is_the_same_amount_at_another_time():
    stats = by_value(run("مدیرکل بهزیستی گفت: امسال ۱۲ میلیارد ریال اعتبار برای ساماندهی کودکان کار در نظر گرفته شده است "
                         "و سال آینده این اعتبار به ۲۵ میلیارد ریال افزایش خواهد یافت."))
    assert words("ریال اعتبار ساماندهی کودکان کار") <= words(stats[25e9].subject)


def test_qualifiers_at_least_and_roughly_and_a_figure_qualified_when_said_again():
    stats = by_value(doc := run("""
معاون بهزیستی استان سمنان گفت: به طور تقریبی ۲۶ تیم سیار در استان فعال است و سهم زنان باید به حداقل ۴۵ درصد برسد.
وی افزود: ۸۰ درصد کودکان کار شناسایی‌شده اتباع هستند.
به گفته وی بیش از ۸۰ درصد کودکان کار شناسایی‌شده در استان اتباع خارجی هستند.
"""))
    assert stats[26].approx == "about" and stats[45].approx == "more_than"
    assert stats[80].approx == "more_than" and len([s for s in doc.statistics if s.value == 80]) == 1


def test_a_channels_hashtag_broken_onto_its_own_line_goes_on_with_the_sentence():
    raw = ("کد خبر: 654321\nدوشنبه ۱۸ دی ۱۴۰۲ - ۰۹:۳۰\n\nآمار طلاق در استان‌ها\n\n"
           "🔹پارسال ۱۸.۴ هزار\n#طلاق در استان اصفهان ثبت شد و سهم\n#استان_یزد کمتر بود.\n")
    doc = process(Document("t.txt", "t", raw))
    stats = by_value(doc)
    assert words("طلاق") <= words(stats[18400].subject)
    assert "#استان_یزد" in doc.text  # a hashtag of several words stays whole
    assert any("هزار" in s.text and "ثبت" in s.text for s in doc.sentences)  # one sentence across the break


def test_reached_after_a_changed_share_is_its_verb_not_a_receipt():
    stats = by_value(run("معاون بهزیستی گفت: سهم زنان از مددجویان از ۳۱ درصد به ۳۸ درصد رسید."))
    assert "رسید" not in stats[38].subject.split() and words("سهم زنان") <= words(stats[38].subject)


def test_a_share_declared_or_estimated_without_a_noun_is_a_share_of_the_clauses_subject():
    doc = run("مدیرکل آموزش و پرورش گفت: نرخ ترک تحصیل دانش‌آموزان دختر ۳.۲ درصد اعلام شده است و "
              "نرخ بیکاری جوانان استان ۱۸ درصد برآورد می‌شود.")
    subjects = {s.value: s.subject for s in doc.statistics}
    assert words(subjects[3.2]) >= words("درصد نرخ ترک تحصیل دانش‌آموزان دختر") and "اعلام" not in subjects[3.2]
    assert words(subjects[18]) >= words("درصد نرخ بیکاری جوانان") and "برآورد" not in subjects[18]


def test_rates_told_across_school_years_and_their_changes_in_a_relative_clause():
    doc = run("مدیرکل آموزش و پرورش گفت: نرخ ترک تحصیل دختران امسال به ۲.۳ درصد رسید که "
              "نسبت به سال قبل یعنی ۱۴۰۲-۱۴۰۱ معادل ۰.۴ درصد افزایش داشته است.")
    subjects = {s.value: s.subject for s in doc.statistics}
    assert set(subjects) == {2.3, 0.4}  # a school year is no figure
    assert words(subjects[2.3]) >= words("درصد نرخ ترک تحصیل دختران") and "رسید" not in subjects[2.3]
    assert words(subjects[0.4]) >= words("درصد افزایش نرخ ترک تحصیل دختران")


def test_parts_after_a_count_opened_with_from_and_closed_by_a_comma_are_its_parts():
    doc = run("مدیرکل بهزیستی گفت: از ۴۱۰ کودک کار پذیرش‌شده، ۳۰۰ نفر پسر و ۱۱۰ نفر دختر هستند.")
    subjects = {s.value: s.subject for s in doc.statistics}
    assert words(subjects[300]) >= words("پسر کودک کار") and words(subjects[110]) >= words("دختر کودک کار")
    doc = run("مدیرکل آموزش و پرورش گفت: از مجموع ۲۰۰ هزار دانش‌آموز استان، ۳۰ هزار نفر از اتباع خارجی هستند.")
    assert words(by_value(doc)[30000].subject) == words("نفر اتباع خارجی")  # a group of its own, not a part


def test_a_classifiers_part_of_the_group_counted_before_leaves_that_group_the_one_pointed_back_to():
    doc = run("مدیرکل بهزیستی گفت: ۴۰۰ کودک کار پذیرش شدند. ۶۰ نفر از کودکان ایرانی، ۳۰۰ نفر از این کودکان "
              "افغانستانی و ۴۰ نفر عراقی هستند.")
    subject = by_value(doc)[300].subject
    assert words(subject) >= words("کودک کار افغانستانی") and "ایرانی" not in subject


def test_a_ratio_changed_between_two_periods_is_of_the_ratio_at_both_ends():
    doc = run("رئیس آموزش و پرورش گفت: «نسبت دانش‌آموزان دختر به کل دانش‌آموزان از ۴۱.۵ درصد در سال تحصیلی "
              "۱۳۹۸-۱۳۹۷ به ۴۶ درصد در سال تحصیلی ۱۴۰۲-۱۴۰۱ رسیده است. این نسبت نسبت به سال قبل بیشتر است.")
    subjects = {s.value: s.subject for s in doc.statistics}
    assert set(subjects) == {41.5, 46}
    for value in (41.5, 46):
        assert words(subjects[value]) >= words("درصد نسبت دانش‌آموزان دختر به کل دانش‌آموزان")


def test_a_lists_percent_sign_written_once_after_its_last_item_makes_every_item_a_share():
    doc = run("مدیرکل آموزش و پرورش گفت: ۱۸، ۱۲ و ۹ درصد دانش‌آموزان بازمانده از تحصیل دختر هستند.")
    assert {s.value: s.unit for s in doc.statistics} == {18: "percent", 12: "percent", 9: "percent"}
    assert all(words(s.subject) >= words("درصد دانش‌آموزان بازمانده") for s in doc.statistics)
    glued = run("وی گفت: به لحاظ جمعیت ۵،۶ درصد رشد داشته است.")  # «۵،۶»: a decimal comma, not a list
    assert not any(s.value == 5 and s.unit == "percent" for s in glued.statistics)


def test_a_connector_opening_the_clause_leaves_its_subject_to_the_figure():
    doc = run("مدیرکل آموزش و پرورش گفت: نرخ ترک تحصیل پسران ۲ درصد است. همچنین میزان ترک تحصیل دانش‌آموزان "
              "دختر به ۱.۴ درصد رسید که نسبت به سال تحصیلی گذشته ۰.۳ درصد افزایش داشته است.")
    assert words(by_value(doc)[1.4].subject) >= words("درصد میزان ترک تحصیل دانش‌آموزان دختر")
    # a relative clause that opens with what it is compared with has no subject of its own
    assert words(by_value(doc)[0.3].subject) >= words("درصد افزایش میزان ترک تحصیل دانش‌آموزان دختر")


def test_a_share_of_a_group_told_by_a_relative_clause_says_that_once():
    stats = by_value(run("مدیرکل بهزیستی گفت: ۴۲ درصد کودکانی که به اورژانس اجتماعی معرفی شدند، زیر ده سال بودند."))
    subject = stats[42].subject
    assert subject.count("که") == 1 and "معرفی شدند" in subject and "زیر ده سال" in subject, subject


def test_a_change_reported_without_a_colon_is_of_what_the_reported_clause_opens_with():
    stats = by_value(run("مدیرکل آموزش و پرورش گفت نرخ ترک تحصیل دختران روستایی از ۹ درصد در سال ۱۳۹۵ به ۴ درصد "
                         "در سال ۱۴۰۱ رسیده است."))
    for value in (9, 4):
        assert "ترک تحصیل دختران روستایی" in stats[value].subject and "گفت" not in stats[value].subject


def test_declaring_a_figure_of_a_topic_adds_no_words_to_what_it_counts():
    stats = by_value(run("مدیرکل امور اتباع، آمار ثبت‌نام دانش‌آموزان اتباع را ۳۸ هزار نفر عنوان کرد و افزود: کار ادامه دارد."))
    assert "ثبت‌نام دانش‌آموزان اتباع" in stats[38_000].subject and "عنوان" not in stats[38_000].subject


def test_a_count_of_things_done_says_what_was_done_not_that_it_was_done():
    stats = by_value(run("رئیس مرکز بازتوانی بانوان گفت: این مرکز امسال ۱۸۵ مورد پذیرش را به انجام رسانده است."))
    assert stats[185].subject == "مورد پذیرش", stats[185].subject


@pytest.mark.parametrize("sentence, value, topic", [
    ("وی گفت: مستمری ماهانه سالمندان تنها امسال به ۷۵۰ هزار تومان افزایش یافت.", 750_000, "مستمری ماهانه سالمندان"),
    ("وی گفت: شمار کودکان کار پذیرش‌شده به ۳۲۰ نفر افزایش پیدا کرد.", 320, "کودکان کار پذیرش‌شده"),
    ("وی گفت: ظرفیت مددسراهای شهر به ۱۵۰۰ نفر افزایش می‌یابد.", 1500, "ظرفیت مددسراهای شهر"),
    ("وی گفت: سهم دختران از ترک تحصیل به ۱۲ درصد کاهش یافته است.", 12, "سهم دختران"),
])
def test_the_value_a_change_reached_is_of_what_the_clause_opens_with(sentence, value, topic):
    subject = by_value(run(sentence))[value].subject
    assert topic in subject and "افزایش" not in subject and "کاهش" not in subject, subject


def test_each_item_of_a_labelled_money_list_keeps_its_own_label():
    # each item repeats its preposition, and the last label is set off by a comma
    stats = by_value(run("وی گفت: کمک معیشتی برای خانوار یک نفره ۲۸۰ هزار تومان، برای خانوار سه نفره ۴۳۰ هزار تومان "
                         "و برای خانوار شش نفره، ۶۱۰ هزار تومان است."))
    for value, size in ((280_000, "یک نفره"), (430_000, "سه نفره"), (610_000, "شش نفره")):
        subject = stats[value].subject
        assert subject.endswith(f"خانوار {size}") and subject.count("نفره") == 1 and "برای" not in subject, subject


@pytest.mark.parametrize("sentence, value, given", [
    ("وی گفت: امسال وام ودیعه مسکن به ۶۲۰ خانوار پرداخت شده است.", 620, "وام ودیعه مسکن"),
    ("وی گفت: امسال ۴۰ میلیارد ریال تسهیلات اشتغال به ۳۱۰ مددجو پرداخت‌شده است.", 310, "تسهیلات اشتغال"),
    ("وی گفت: کمک‌هزینه تحصیلی به ۹۵۰ دانش‌آموز اعطا شد.", 950, "کمک‌هزینه تحصیلی"),
])
def test_people_a_thing_was_given_to_are_its_recipients(sentence, value, given):
    stat = by_value(run(sentence))[value]
    assert "دریافت‌کننده" in stat.subject and given in stat.subject and "پرداخت" not in stat.subject, stat.subject
    assert stat.measure.endswith("covered")


def test_a_future_passive_says_what_will_happen_without_its_auxiliary():
    stats = by_value(run("مدیرکل بهزیستی گفت: در هفته بهزیستی ۳۸ طرح اشتغال‌زایی افتتاح خواهد شد."))
    assert stats[38].subject == "طرح اشتغال‌زایی افتتاح شده", stats[38].subject


def test_a_source_opening_the_clause_comes_before_its_subject():
    stats = by_value(run("براساس داده‌های منتشر شده نرخ ترک تحصیل دختران روستایی به صورت کلی ۳٫۲ درصد اعلام‌شده است."))
    assert "ترک تحصیل دختران روستایی" in stats[3.2].subject and "صورت" not in stats[3.2].subject, stats[3.2].subject


def test_a_county_office_of_a_national_body_or_an_education_district_places_its_heads_figures():
    # a national body's office in a county: its head's figures are the county's, not the province's
    doc = run("کاوه رحیمی رئیس نهضت سوادآموزی شهرستان بویراحمد گفت: ۸۰۰ سوادآموز در کلاس‌های این طرح درس می‌خوانند.")
    assert [(p.title, p.place) for p in doc.posts] == [("رئیس نهضت سوادآموزی شهرستان بویراحمد", key("بویراحمد"))]
    assert by_value(doc)[800].place == key("بویراحمد")
    # a numbered education district of a city is part of the post and places it
    doc = run("سارا نادری مدیر آموزش و پرورش ناحیه دو اراک گفت: ۳۰۰ دانش‌آموز بازمانده از تحصیل شناسایی شدند.")
    assert [(p.title, p.place) for p in doc.posts] == [("مدیر آموزش و پرورش ناحیه دو اراک", key("اراک"))]
    assert by_value(doc)[300].place == key("اراک")


def test_a_cost_after_a_place_and_with_is_that_places():
    doc = run("مدیرکل بهزیستی سیستان و بلوچستان گفت: ۴۰ واحد مسکونی مددجویان در شهرستان زهک با اعتباری بالغ بر "
              "۵۰ میلیارد ریال به بهره‌برداری رسید.")
    assert by_value(doc)[50_000_000_000].place == key("زهک")


def test_near_without_its_preposition_and_past_the_mark_are_qualifiers():
    stats = by_value(run("""
مدیرکل کمیته امداد گفت: قریب چهار میلیون نفر زیر پوشش کمیته امداد هستند.
وی افزود: شمار بیمه‌شدگان استان از مرز ۴۰۰ هزار نفر گذشت.
"""))
    assert stats[4_000_000].approx == "about" and stats[400_000].approx == "more_than"


def test_a_figure_after_a_circumstance_opening_its_clause_without_a_comma_counts_the_nouns_before_it():
    stats = by_value(run("مدیر مرکز سالمندان گفت: با ارتقای درجه مرکز یارانه سالمندان به ۶۷۰ هزار تومان رسید."))
    assert words("یارانه سالمندان") <= words(stats[670_000].subject)


def test_a_bare_complement_of_coverage_ends_a_declared_topic_and_stays_in_it():
    # «تحت پوشش» with no body after it says which ones by itself; it is not a complement waiting for a noun
    stats = by_value(run("مدیرکل بهزیستی استان سمنان گفت: تعداد سالمندان تحت پوشش ۶۴۰۰ نفر است و "
                         "شمار معلولان تحت حمایت بیش از ۹ هزار نفر است."))
    assert key(stats[6400].subject) == key("سالمندان تحت پوشش")
    assert key(stats[9000].subject) == key("معلولان تحت حمایت")
    # a complement that takes a noun still gives way to the figures of its parts
    parts = by_value(run("مدیرکل بهزیستی استان سمنان گفت: ۲۲۲ کودک شامل ۳۲ دختر و ۱۹۰ پسر شناسایی شدند."))
    assert "شامل" not in parts[222].subject


def test_at_present_written_glued_opens_the_clause_before_its_subject():
    # «درحال حاضر» («در» glued to «حال») is a time, like «در حال حاضر»; the subject is what follows it
    for at_present in ("در حال حاضر", "درحال حاضر", "هم اکنون"):
        stats = by_value(run(f"مدیرکل بهزیستی استان یزد گفت: {at_present} تعداد زنان سرپرست خانوار بیش از 4.2میلیون نفر است."))
        assert key(stats[4200000].subject) == key("زنان سرپرست خانوار"), at_present


def test_two_figures_of_one_value_and_head_that_say_different_ones_are_two():
    stats = run("مدیرکل بهزیستی استان زنجان گفت: ۳ خانه نیمه‌راهی زنان و ۳ خانه حمایتی سالمندان در استان فعال است. "
                "وی افزود: ۳ مرکز مشاوره خانواده و ۳ مرکز سرپناه شبانه نیز راه‌اندازی شد.").statistics
    subjects = sorted(key(s.subject) for s in stats if s.value == 3)
    assert len(subjects) == 4, subjects
    # the same figure pointed back to, or told again in the same words, stays one
    again = run("مدیرکل بهزیستی استان زنجان گفت: بهزیستی ۵ برنامه برای سالمندان دارد و این ۵ برنامه در همه شهرستان‌ها اجرا می‌شود.")
    assert len([s for s in again.statistics if s.value == 5]) == 1


def test_vehicles_lines_and_staff_counted_in_words_are_figures():
    stats = by_value(run("مدیرکل بهزیستی استان زنجان گفت: تیم‌های اورژانس اجتماعی با سه خودرو و پنج مددکار به روستاها "
                         "می‌روند و شهرستان دو خط تلفن ۱۲۳ دارد."))
    assert {3, 5, 2} <= set(stats)
    assert key(stats[3].subject).startswith(key("خودرو")) and key(stats[2].subject).startswith(key("خط تلفن"))
    # the hotline's number before the service's name is the line, not a count of services
    assert 123 not in by_value(run("مدیرکل بهزیستی استان زنجان گفت: مردم با شماره ۱۲۳ اورژانس اجتماعی تماس بگیرند."))


def test_a_lone_nouns_clause_words_end_at_the_next_figure():
    stats = by_value(run("مدیرکل بهزیستی استان زنجان گفت: اورژانس اجتماعی در سه شهرستان و با چهار خودرو فعال است."))
    assert "خودرو" not in stats[3].subject and key("اورژانس") in key(stats[3].subject)


def test_a_count_of_areas_says_what_is_in_them():
    # «در N شهرستان»: the figure counts the areas where what the clause opens with is or is done
    stats = by_value(run("مدیرکل بهزیستی استان زنجان گفت: خانه‌های امن زنان در ۴ شهرستان استان راه‌اندازی شده است."))
    assert key(stats[4].subject) == key("شهرستان استان که خانه‌های امن زنان در آن راه‌اندازی شده")
    # the province the cities lie in, named with its own noun, is no list of places after the count
    stats = by_value(run("مدیرکل بهزیستی گفت: مراکز مثبت زندگی در ۶ شهر استان زنجان راه‌اندازی می‌شود."))
    assert key(stats[6].subject).startswith(key("شهر استان زنجان که مراکز مثبت زندگی در آن راه‌اندازی"))
    # places named after their count still are
    assert 2 not in by_value(run("مدیرکل بهزیستی گفت: طرح همیاری در دو استان البرز و قزوین اجرا می‌شود."))


def test_one_more_item_of_a_list_of_counts_and_its_own_noun():
    # «یک» is an article, unless a list of counts goes on with it under the same classifier
    stats = by_value(run("مدیرکل بهزیستی استان زنجان گفت: در تماس‌ها ۱۲ مورد همسرآزاری و یک مورد سالمندآزاری ثبت شده است."))
    assert key(stats[1].subject).startswith(key("مورد سالمندآزاری")) and "همسر" not in stats[1].subject
    assert 1 not in by_value(run("مدیرکل بهزیستی استان زنجان گفت: ۱۲ نفر در مرکز هستند و یک نفر از آنها مرخص شد."))
    # a glued participle («ثبت‌شده») carries its own non-verbal part: the noun before it stays the item's
    stats = by_value(run("مدیرکل بهزیستی استان زنجان گفت: در تماس‌ها ۱۲ مورد همسرآزاری و دو مورد سالمندآزاری ثبت‌شده است."))
    assert key(stats[2].subject).startswith(key("مورد سالمندآزاری"))


def test_a_shares_compound_verb_is_no_noun_of_the_share():
    # «۱۵ درصد اعلام کردند»: «اعلام» is the verb's, so the share is of the list's whole, as the one before it
    stats = by_value(run("پژوهشگر دانشگاه گفت: ۸۰ درصد این نوجوانان در خانه کار می‌کنند و فقط ۱۵ درصد اعلام کردند که در کارگاه هستند."))
    assert stats[15].whole == "نوجوانان" and key(stats[15].subject) == key("درصد نوجوانان")
